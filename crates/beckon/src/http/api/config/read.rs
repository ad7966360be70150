//! The JSON each resource kind is read as: one object per user, team, issue, skill or
//! custom field, as lists and as single objects.

use super::error::{admin_err, err, store_err, unknown_kind};
use crate::domain::admin::users;
use crate::domain::ids::*;
use crate::store::Store;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

async fn user_json(store: &dyn Store, id: UserId) -> Result<Value, Response> {
    let d = users::details(store, id).await.map_err(admin_err)?;
    let u = &d.user;
    Ok(json!({
        "id": u.id, "username": u.username, "public_display_name": u.public_display_name,
        "private_display_name": u.private_display_name, "email_address": u.email_address,
        "enabled": u.enabled, "last_authentication": u.last_authentication.map(crate::domain::time::rfc3339),
        "admin": u.permissions.admin, "support": u.permissions.support,
        "generate_keys": u.permissions.generate_keys, "command_api": u.permissions.command_api,
        "teams": d.teams, "skills": d.skills,
    }))
}

pub(super) async fn list(store: &dyn Store, kind: &str) -> Result<Vec<Value>, Response> {
    Ok(match kind {
        "user" => {
            let mut out = Vec::new();
            for u in store.list_users().await.map_err(store_err)? {
                out.push(user_json(store, u.id).await?);
            }
            out
        }
        "team" => {
            let mut out = Vec::new();
            for t in store.list_teams().await.map_err(store_err)? {
                let members = store.team_members(t.id).await.map_err(store_err)?;
                let mut v = serde_json::to_value(&t).unwrap_or_default();
                v["members"] = json!(members);
                out.push(v);
            }
            out
        }
        "issue" => store
            .list_issues()
            .await
            .map_err(store_err)?
            .iter()
            .map(|i| json!(i))
            .collect(),
        "skill" => store
            .list_skills()
            .await
            .map_err(store_err)?
            .iter()
            .map(|s| json!(s))
            .collect(),
        "custom-field" => store
            .list_custom_fields()
            .await
            .map_err(store_err)?
            .iter()
            .map(|f| json!(f))
            .collect(),
        _ => return Err(unknown_kind(kind)),
    })
}

pub(super) async fn one(store: &dyn Store, kind: &str, id: i64) -> Result<Value, Response> {
    let all = list(store, kind).await?;
    all.into_iter()
        .find(|v| v["id"] == json!(id))
        .ok_or_else(|| {
            err(
                StatusCode::NOT_FOUND,
                "not_found",
                format!("no {kind} with id {id}"),
                None,
            )
        })
}
