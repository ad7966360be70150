//! Support teams, issues, skills and custom fields.

use super::{audit, invalid, text, AdminError, AdminResult};
use crate::domain::catalog::{validate_code_name, NewIssue, NewTeam, RoutingMode};
use crate::domain::ids::{CustomFieldId, IssueId, SkillId, TeamId, UserId};
use crate::store::Store;
use serde::{Deserialize, Serialize};

fn code(field: &'static str, value: &str) -> AdminResult<String> {
    let v = value.trim().to_string();
    validate_code_name(&v).map_err(|m| invalid(field, m))?;
    Ok(v)
}

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
    let new = check_team(f)?;
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

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct IssueForm {
    pub code_name: String,
    pub description: String,
    pub team_id: i64,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub position: i64,
}

async fn check_issue(
    store: &dyn Store,
    f: &IssueForm,
    existing_code: Option<&str>,
) -> AdminResult<NewIssue> {
    let team = store
        .team_by_id(TeamId(f.team_id))
        .await?
        .ok_or_else(|| invalid("team_id", "choose an existing team"))?;
    let known = store.list_skills().await?;
    let mut skills = Vec::new();
    for s in &f.skills {
        let k = known
            .iter()
            .find(|k| k.code_name == *s)
            .ok_or_else(|| invalid("skills", format!("no skill `{s}`")))?;
        if !skills.contains(&k.code_name) {
            skills.push(k.code_name.clone());
        }
    }
    Ok(NewIssue {
        id: None,
        // A code name that predates the rules (the reference's "Other") may be kept as it is.
        code_name: match existing_code {
            Some(c) if c == f.code_name.trim() => c.to_string(),
            _ => code("code_name", &f.code_name)?,
        },
        description: text("description", &f.description, 200, true)?,
        team_id: team.id,
        skills,
        position: f.position.clamp(0, 1_000_000),
    })
}

pub async fn create_issue(store: &dyn Store, actor: &str, f: &IssueForm) -> AdminResult<IssueId> {
    let new = check_issue(store, f, None).await?;
    if store.issue_by_code(&new.code_name).await?.is_some() {
        return Err(invalid("code_name", "this code name is taken"));
    }
    let issue = store.create_issue(new).await?;
    audit(
        store,
        actor,
        "issue.create",
        format!("issue:{}", issue.id),
        None::<&()>,
        Some(&issue),
    )
    .await?;
    Ok(issue.id)
}

pub async fn update_issue(
    store: &dyn Store,
    actor: &str,
    id: IssueId,
    f: &IssueForm,
) -> AdminResult<()> {
    let before = store
        .issue_by_id(id)
        .await?
        .ok_or(AdminError::NotFound("issue"))?;
    let new = check_issue(store, f, Some(&before.code_name)).await?;
    if let Some(other) = store.issue_by_code(&new.code_name).await? {
        if other.id != id {
            return Err(invalid("code_name", "this code name is taken"));
        }
    }
    store.update_issue(id, new).await?;
    let after = store.issue_by_id(id).await?;
    audit(
        store,
        actor,
        "issue.update",
        format!("issue:{id}"),
        Some(&before),
        after.as_ref(),
    )
    .await
}

pub async fn delete_issue(store: &dyn Store, actor: &str, id: IssueId) -> AdminResult<()> {
    let before = store
        .issue_by_id(id)
        .await?
        .ok_or(AdminError::NotFound("issue"))?;
    store.delete_issue(id).await?;
    audit(
        store,
        actor,
        "issue.delete",
        format!("issue:{id}"),
        Some(&before),
        None::<&()>,
    )
    .await
}

pub async fn create_skill(
    store: &dyn Store,
    actor: &str,
    code_name: &str,
    display: &str,
) -> AdminResult<SkillId> {
    let c = code("code_name", code_name)?;
    let d = text("display_name", display, 100, true)?;
    if store.list_skills().await?.iter().any(|s| s.code_name == c) {
        return Err(invalid("code_name", "this code name is taken"));
    }
    let skill = store.create_skill(None, &c, &d).await?;
    audit(
        store,
        actor,
        "skill.create",
        format!("skill:{}", skill.id),
        None::<&()>,
        Some(&skill),
    )
    .await?;
    Ok(skill.id)
}

pub async fn update_skill(
    store: &dyn Store,
    actor: &str,
    id: SkillId,
    display: &str,
) -> AdminResult<()> {
    let before = store
        .list_skills()
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AdminError::NotFound("skill"))?;
    let d = text("display_name", display, 100, true)?;
    store.update_skill(id, &d).await?;
    let after = crate::domain::catalog::Skill {
        display_name: d,
        ..before.clone()
    };
    audit(
        store,
        actor,
        "skill.update",
        format!("skill:{id}"),
        Some(&before),
        Some(&after),
    )
    .await
}

pub async fn delete_skill(store: &dyn Store, actor: &str, id: SkillId) -> AdminResult<()> {
    let before = store
        .list_skills()
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AdminError::NotFound("skill"))?;
    store.delete_skill(id).await?;
    audit(
        store,
        actor,
        "skill.delete",
        format!("skill:{id}"),
        Some(&before),
        None::<&()>,
    )
    .await
}

/// Custom-field code names: lowercase letters, digits, underscore, starting with a letter, at
/// most 64 characters, unique; `external_key` is built in.
pub async fn create_custom_field(
    store: &dyn Store,
    actor: &str,
    code_name: &str,
    display: &str,
    shown: bool,
) -> AdminResult<CustomFieldId> {
    let c = code("code_name", code_name)?;
    if c == "external_key" {
        return Err(invalid("code_name", "external_key is built in"));
    }
    let d = text("display_name", display, 100, true)?;
    if store
        .list_custom_fields()
        .await?
        .iter()
        .any(|f| f.code_name == c)
    {
        return Err(invalid("code_name", "this code name is taken"));
    }
    let field = store.create_custom_field(&c, &d, shown).await?;
    audit(
        store,
        actor,
        "custom_field.create",
        format!("custom_field:{}", field.id),
        None::<&()>,
        Some(&field),
    )
    .await?;
    Ok(field.id)
}

pub async fn update_custom_field(
    store: &dyn Store,
    actor: &str,
    id: CustomFieldId,
    display: &str,
    shown: bool,
) -> AdminResult<()> {
    let before = store
        .list_custom_fields()
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(AdminError::NotFound("custom field"))?;
    let d = text("display_name", display, 100, true)?;
    store.update_custom_field(id, &d, shown).await?;
    let after = crate::domain::catalog::CustomField {
        display_name: d,
        shown_to_reps: shown,
        ..before.clone()
    };
    audit(
        store,
        actor,
        "custom_field.update",
        format!("custom_field:{id}"),
        Some(&before),
        Some(&after),
    )
    .await
}

pub async fn delete_custom_field(
    store: &dyn Store,
    actor: &str,
    id: CustomFieldId,
) -> AdminResult<()> {
    let before = store
        .list_custom_fields()
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(AdminError::NotFound("custom field"))?;
    store.delete_custom_field(id).await?;
    audit(
        store,
        actor,
        "custom_field.delete",
        format!("custom_field:{id}"),
        Some(&before),
        None::<&()>,
    )
    .await
}
