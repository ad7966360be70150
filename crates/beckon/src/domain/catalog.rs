//! What administrators configure and routing reads: support teams, issues, skills, custom
//! fields, languages and site settings.

use super::ids::{CustomFieldId, IssueId, SkillId, TeamId};
use beckon_protocol::chat::Capability;
use serde::{Deserialize, Serialize};

/// How a team's queue hands sessions to representatives (the vendor's three modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoutingMode {
    /// Representatives pick sessions from the queue themselves.
    None,
    /// Offer to the representative with the fewest active sessions.
    LeastBusy,
    /// Offer to a representative covering the session's skills, then the least busy of them.
    SkillsThenLeastBusy,
}

impl RoutingMode {
    pub fn as_str(self) -> &'static str {
        match self {
            RoutingMode::None => "none",
            RoutingMode::LeastBusy => "least_busy",
            RoutingMode::SkillsThenLeastBusy => "skills_then_least_busy",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "none" => Some(RoutingMode::None),
            "least_busy" => Some(RoutingMode::LeastBusy),
            "skills_then_least_busy" => Some(RoutingMode::SkillsThenLeastBusy),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SupportTeam {
    pub id: TeamId,
    pub name: String,
    pub code_name: String,
    pub comments: String,
    pub routing_mode: RoutingMode,
    /// Seconds an offered session waits for its representative before being offered again.
    pub alert_timeout_secs: i64,
    /// Whether sessions stay queued when nobody who could take them is logged in.
    pub persistent_queue: bool,
    /// Shown to customers when nobody is available; empty means the built-in text.
    pub unavailable_message: String,
    /// What representatives may request of the full client in this team's sessions.
    pub capabilities: Vec<Capability>,
}

#[derive(Debug, Clone)]
pub struct NewTeam {
    pub id: Option<TeamId>,
    pub name: String,
    pub code_name: String,
    pub comments: String,
    pub routing_mode: RoutingMode,
    pub alert_timeout_secs: i64,
    pub persistent_queue: bool,
    pub unavailable_message: String,
    pub capabilities: Vec<Capability>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Issue {
    pub id: IssueId,
    pub code_name: String,
    /// What customers see in the issue menu.
    pub description: String,
    pub team_id: TeamId,
    /// Skill code names in rank order (most important first).
    pub skills: Vec<String>,
    pub position: i64,
}

#[derive(Debug, Clone)]
pub struct NewIssue {
    pub id: Option<IssueId>,
    pub code_name: String,
    pub description: String,
    pub team_id: TeamId,
    pub skills: Vec<String>,
    pub position: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Skill {
    pub id: SkillId,
    pub code_name: String,
    pub display_name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CustomField {
    pub id: CustomFieldId,
    pub code_name: String,
    pub display_name: String,
    pub shown_to_reps: bool,
}

/// One language's state on this site.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    pub locale: super::locale::Locale,
    pub enabled: bool,
    pub is_default: bool,
}

/// Checks a code name (teams, issues, skills, custom fields): what integrations type.
pub fn validate_code_name(code: &str) -> Result<(), String> {
    let mut chars = code.chars();
    let ok = code.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err("a code name starts with a lowercase letter and has at most 64 lowercase letters, digits and underscores".into())
    }
}

/// Skill and issue code names from the reference's examples (`skill1`, `Other`) are not all
/// lowercase; lookups of those are case-insensitive, but what an administrator creates through
/// Beckon follows `validate_code_name`. The demo seeds "Other" as the reference writes it.
pub fn code_names_equal(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_names() {
        assert!(validate_code_name("custom_field1").is_ok());
        assert!(validate_code_name("1abc").is_err());
        assert!(validate_code_name("Abc").is_err());
        assert!(validate_code_name("").is_err());
        assert!(validate_code_name(&"a".repeat(65)).is_err());
        assert!(code_names_equal("Other", "other"));
    }

    #[test]
    fn routing_modes_round_trip() {
        for m in [
            RoutingMode::None,
            RoutingMode::LeastBusy,
            RoutingMode::SkillsThenLeastBusy,
        ] {
            assert_eq!(RoutingMode::parse(m.as_str()), Some(m));
        }
    }
}
