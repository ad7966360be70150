//! Support teams: name, routing, queue, members, and what representatives may request of
//! the full client in the team's sessions. Split from `catalog` (re-exported there).

use super::catalog::code;
use super::{audit, invalid, text, AdminError, AdminResult};
use crate::domain::capabilities::team;
use crate::domain::catalog::{NewTeam, RoutingMode};
use crate::domain::ids::{TeamId, UserId};
use crate::store::Store;
use beckon_protocol::chat::Capability;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct TeamForm {
    pub name: String,
    pub code_name: String,
    #[serde(default)]
    pub comments: String,
    #[serde(default)]
    pub routing_mode: String,
    #[serde(default)]
    pub alert_timeout_secs: Option<i64>,
    #[serde(default)]
    pub persistent_queue: bool,
    #[serde(default)]
    pub unavailable_message: String,
    #[serde(default)]
    pub members: Vec<i64>,
    /// Capability names representatives may request in the team's sessions; left out, a new
    /// team gets `capabilities::team::DEFAULT` and an existing one keeps its list (the HTML
    /// form always sends its checkboxes).
    #[serde(default)]
    pub capabilities: Option<Vec<String>>,
}

fn check_capabilities(names: Option<&[String]>) -> AdminResult<Vec<Capability>> {
    names.map_or(Ok(team::DEFAULT.to_vec()), |n| {
        team::parse_names(n).map_err(|m| invalid("capabilities", m))
    })
}

fn check_team(f: &TeamForm) -> AdminResult<NewTeam> {
    let alert = f.alert_timeout_secs.unwrap_or(60);
    if !(5..=3600).contains(&alert) {
        return Err(invalid("alert_timeout_secs", "between 5 and 3600 seconds"));
    }
    Ok(NewTeam {
        id: None,
        name: text("name", &f.name, 100, true)?,
        code_name: code("code_name", &f.code_name)?,
        comments: text("comments", &f.comments, 1000, false)?,
        routing_mode: RoutingMode::parse(if f.routing_mode.is_empty() {
            "none"
        } else {
            &f.routing_mode
        })
        .ok_or_else(|| invalid("routing_mode", "none, least_busy or skills_then_least_busy"))?,
        alert_timeout_secs: alert,
        persistent_queue: f.persistent_queue,
        unavailable_message: text("unavailable_message", &f.unavailable_message, 500, false)?,
        capabilities: check_capabilities(f.capabilities.as_deref())?,
    })
}

async fn set_members(store: &dyn Store, team: TeamId, members: &[i64]) -> AdminResult<Vec<UserId>> {
    let users = store.list_users().await?;
    let mut ids = Vec::new();
    for m in members {
        let u = users
            .iter()
            .find(|u| u.id.0 == *m)
            .ok_or_else(|| invalid("members", format!("no user with id {m}")))?;
        ids.push(u.id);
    }
    for current in store.team_members(team).await? {
        if !ids.contains(&current) {
            let mut teams = store.teams_of_user(current).await?;
            teams.retain(|t| *t != team);
            store.set_user_teams(current, &teams).await?;
        }
    }
    for id in &ids {
        store.add_team_member(team, *id).await?;
    }
    Ok(ids)
}

#[derive(Serialize)]
struct TeamState<'a> {
    team: &'a crate::domain::catalog::SupportTeam,
    members: &'a [UserId],
}

pub async fn create_team(store: &dyn Store, actor: &str, f: &TeamForm) -> AdminResult<TeamId> {
    let new = check_team(f)?;
    if store.team_by_code(&new.code_name).await?.is_some() {
        return Err(invalid("code_name", "this code name is taken"));
    }
    let team = store.create_team(new).await?;
    let members = set_members(store, team.id, &f.members).await?;
    audit(
        store,
        actor,
        "team.create",
        format!("team:{}", team.id),
        None::<&()>,
        Some(&TeamState {
            team: &team,
            members: &members,
        }),
    )
    .await?;
    Ok(team.id)
}

pub async fn update_team(
    store: &dyn Store,
    actor: &str,
    id: TeamId,
    f: &TeamForm,
) -> AdminResult<()> {
    let before = store
        .team_by_id(id)
        .await?
        .ok_or(AdminError::NotFound("team"))?;
    let before_members = store.team_members(id).await?;
    let mut new = check_team(f)?;
    // An API caller that leaves the list out changes the rest and keeps what was allowed.
    if f.capabilities.is_none() {
        new.capabilities = before.capabilities.clone();
    }
    if let Some(other) = store.team_by_code(&new.code_name).await? {
        if other.id != id {
            return Err(invalid("code_name", "this code name is taken"));
        }
    }
    store.update_team(id, new).await?;
    let members = set_members(store, id, &f.members).await?;
    let after = store
        .team_by_id(id)
        .await?
        .ok_or(AdminError::NotFound("team"))?;
    audit(
        store,
        actor,
        "team.update",
        format!("team:{id}"),
        Some(&TeamState {
            team: &before,
            members: &before_members,
        }),
        Some(&TeamState {
            team: &after,
            members: &members,
        }),
    )
    .await
}

pub async fn delete_team(store: &dyn Store, actor: &str, id: TeamId) -> AdminResult<()> {
    let before = store
        .team_by_id(id)
        .await?
        .ok_or(AdminError::NotFound("team"))?;
    store.delete_team(id).await?;
    audit(
        store,
        actor,
        "team.delete",
        format!("team:{id}"),
        Some(&before),
        None::<&()>,
    )
    .await
}
