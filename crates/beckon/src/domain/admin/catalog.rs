//! Issues, skills and custom fields; support teams live in `teams` and are re-exported here.

use super::{audit, invalid, text, AdminError, AdminResult};
use crate::domain::catalog::{validate_code_name, NewIssue};
use crate::domain::ids::{CustomFieldId, IssueId, SkillId, TeamId};
use crate::store::Store;
use serde::{Deserialize, Serialize};

pub use super::teams::{create_team, delete_team, update_team, TeamForm};

pub(super) fn code(field: &'static str, value: &str) -> AdminResult<String> {
    let v = value.trim().to_string();
    validate_code_name(&v).map_err(|m| invalid(field, m))?;
    Ok(v)
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
