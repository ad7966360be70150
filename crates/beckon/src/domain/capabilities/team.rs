//! Which capabilities an administrator lets representatives request, per support team
//! (docs/customer_client.md, "Capabilities and consent").

use crate::domain::ids::UserId;
use crate::domain::session::{Queue, SupportSession};
use crate::store::{Store, StoreResult};
use beckon_protocol::chat::Capability;

/// What a new team allows: system information and the shell. The screen view shows the
/// customer's whole screen and file transfer moves files, so an administrator switches them
/// on per team.
pub const DEFAULT: [Capability; 2] = [Capability::SystemInfo, Capability::Shell];
/// What the demo data's teams allow: everything this version can carry out.
pub const DEMO: [Capability; 4] = Capability::ALL;

/// Reads the stored list (`system_info,shell`); names this version does not know are dropped,
/// so an older binary reading a newer database allows less, never more.
pub fn parse_list(s: &str) -> Vec<Capability> {
    let mut out: Vec<Capability> = s
        .split(',')
        .filter_map(|n| Capability::parse(n.trim()))
        .collect();
    out.sort_by_key(|c| Capability::ALL.iter().position(|a| a == c));
    out.dedup();
    out
}

/// Reads names an administrator chose; unlike `parse_list`, an unknown name is an error.
pub fn parse_names(names: &[String]) -> Result<Vec<Capability>, String> {
    let mut caps = Vec::new();
    for n in names {
        caps.push(Capability::parse(n.trim()).ok_or_else(|| {
            format!("no capability `{n}`: system_info, shell, screen_view, file_transfer")
        })?);
    }
    Ok(parse_list(&to_list(&caps)))
}

/// The stored form of a list, in the canonical order.
pub fn to_list(caps: &[Capability]) -> String {
    Capability::ALL
        .iter()
        .filter(|c| caps.contains(c))
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// What may be requested in `session` by the representative `rep`. A session in a team's
/// queue follows that team. A session in the general queue or a representative's personal
/// queue has no team of its own: it follows the teams of the representative working it (a
/// capability any of them allows), and `DEFAULT` for a representative in no team.
pub async fn allowed_for(
    store: &dyn Store,
    session: &SupportSession,
    rep: UserId,
) -> StoreResult<Vec<Capability>> {
    let teams = match session.queue {
        Queue::Team(id) => vec![id],
        Queue::General | Queue::Rep(_) => store.teams_of_user(rep).await?,
    };
    if teams.is_empty() {
        return Ok(DEFAULT.to_vec());
    }
    let mut allowed = Vec::new();
    for id in teams {
        if let Some(team) = store.team_by_id(id).await? {
            allowed.extend(team.capabilities);
        }
    }
    Ok(parse_list(&to_list(&allowed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_in_canonical_order_and_drop_unknown_names() {
        assert_eq!(parse_list("shell, system_info,shell"), DEFAULT.to_vec());
        assert_eq!(to_list(&DEFAULT), "system_info,shell");
        assert_eq!(parse_list(""), vec![]);
        assert_eq!(
            parse_list("teleport,file_transfer"),
            vec![Capability::FileTransfer]
        );
        assert_eq!(
            parse_list(&to_list(&Capability::ALL)),
            Capability::ALL.to_vec()
        );
    }
}
