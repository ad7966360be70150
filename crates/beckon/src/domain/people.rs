//! Users: representatives and administrators, their permissions and passwords.

use super::ids::UserId;
use super::time::Millis;
use serde::Serialize;

/// What a user may do. A user may be an administrator, a representative, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Permissions {
    pub admin: bool,
    /// May provide support: appears in queues and routing.
    pub support: bool,
    pub generate_keys: bool,
    /// May call the command API with a username and password (the legacy way).
    pub command_api: bool,
}

impl Permissions {
    pub const REPRESENTATIVE: Permissions = Permissions {
        admin: false,
        support: true,
        generate_keys: true,
        command_api: false,
    };
    pub const ADMINISTRATOR: Permissions = Permissions {
        admin: true,
        support: true,
        generate_keys: true,
        command_api: true,
    };
}

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: UserId,
    pub username: String,
    #[serde(skip)]
    pub password_hash: String,
    pub public_display_name: String,
    pub private_display_name: String,
    pub email_address: String,
    pub permissions: Permissions,
    pub enabled: bool,
    pub must_change_password: bool,
    pub created_at: Millis,
    pub last_authentication: Option<Millis>,
}

/// A user to create. `id` is given only where ids are part of a contract (the demo's rep 30).
#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: Option<UserId>,
    pub username: String,
    pub password_hash: String,
    pub public_display_name: String,
    pub private_display_name: String,
    pub permissions: Permissions,
    pub enabled: bool,
    pub must_change_password: bool,
}

/// Presence a representative sets; absence of a row means logged out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PresenceStatus {
    Available,
    Busy,
    Away,
}

impl PresenceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PresenceStatus::Available => "available",
            PresenceStatus::Busy => "busy",
            PresenceStatus::Away => "away",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "available" => Some(PresenceStatus::Available),
            "busy" => Some(PresenceStatus::Busy),
            "away" => Some(PresenceStatus::Away),
            _ => None,
        }
    }
}

/// A logged-in representative as routing sees them.
#[derive(Debug, Clone, Serialize)]
pub struct Presence {
    pub user_id: UserId,
    pub status: PresenceStatus,
    pub logged_in_since: Millis,
    pub last_seen_at: Millis,
    /// Since when the representative has had no active session (ties go to the longest idle).
    pub idle_since: Millis,
}

/// Checks a username: what the admin CLI and pages accept.
pub fn validate_username(username: &str) -> Result<(), String> {
    let ok = !username.is_empty()
        && username.len() <= 64
        && username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-@".contains(c));
    if ok {
        Ok(())
    } else {
        Err("a username is 1 to 64 characters of letters, digits and . _ - @".into())
    }
}

/// Checks a display name (public or private).
pub fn validate_display_name(name: &str) -> Result<(), String> {
    let trimmed = name.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 100 || trimmed.chars().any(char::is_control)
    {
        Err("a display name is 1 to 100 characters with no control characters".into())
    } else {
        Ok(())
    }
}

/// The minimum a password must have; long passphrases are welcome, tiny ones are not.
pub fn validate_password(password: &str) -> Result<(), String> {
    if password.chars().count() < 8 {
        Err("a password has at least 8 characters".into())
    } else if password.len() > 1024 {
        Err("a password has at most 1024 bytes".into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert!(validate_username("john.doe").is_ok());
        assert!(validate_username("").is_err());
        assert!(validate_username("a b").is_err());
        assert!(validate_username(&"a".repeat(65)).is_err());
    }

    #[test]
    fn display_names_and_passwords() {
        assert!(validate_display_name("Admin").is_ok());
        assert!(validate_display_name("  ").is_err());
        assert!(validate_display_name("a\u{7}").is_err());
        assert!(validate_password("short").is_err());
        assert!(validate_password("long enough").is_ok());
    }
}
