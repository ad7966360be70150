//! Creating and changing resources: turning a JSON body (or a patch merged over the current
//! object) into the `domain::admin` form for its kind.

use super::error::{admin_err, err, store_err, unknown_kind};
use crate::domain::admin::{catalog, users};
use crate::domain::ids::*;
use crate::store::Store;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

/// Merges a JSON patch object into the current representation (PATCH keeps omitted fields).
pub(super) fn merged(mut current: Value, patch: &Value) -> Result<Value, Response> {
    let Some(p) = patch.as_object() else {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "invalid",
            "the body must be a JSON object",
            None,
        ));
    };
    if let Some(obj) = current.as_object_mut() {
        for (k, v) in p {
            obj.insert(k.clone(), v.clone());
        }
    }
    Ok(current)
}

fn form<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, Response> {
    serde_json::from_value(v).map_err(|e| {
        err(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            e.to_string(),
            None,
        )
    })
}

/// A user's JSON in the shape `users::UserForm` takes (teams as ids, skills as ids).
async fn user_form_value(store: &dyn Store, v: &Value) -> Result<Value, Response> {
    let mut v = v.clone();
    let skills = store.list_skills().await.map_err(store_err)?;
    if let Some(arr) = v["skills"].as_array() {
        let ids: Vec<Value> = arr
            .iter()
            .map(|s| match s {
                Value::String(code) => skills
                    .iter()
                    .find(|k| &k.code_name == code)
                    .map_or(json!(-1), |k| json!(k.id)),
                other => other.clone(),
            })
            .collect();
        v["skills"] = Value::Array(ids);
    }
    Ok(v)
}

pub(super) async fn write(
    store: &dyn Store,
    actor: &str,
    kind: &str,
    id: Option<i64>,
    body: Value,
) -> Result<i64, Response> {
    match (kind, id) {
        ("user", None) => {
            let pw = body["password"].as_str().unwrap_or_default().to_string();
            let f: users::UserForm = form(user_form_value(store, &body).await?)?;
            users::create(store, actor, &f, &pw)
                .await
                .map(|d| d.user.id.0)
                .map_err(admin_err)
        }
        ("user", Some(id)) => {
            let f: users::UserForm = form(user_form_value(store, &body).await?)?;
            users::update(store, actor, UserId(id), &f)
                .await
                .map(|_| id)
                .map_err(admin_err)
        }
        ("team", None) => catalog::create_team(store, actor, &form(body)?)
            .await
            .map(|t| t.0)
            .map_err(admin_err),
        ("team", Some(id)) => catalog::update_team(store, actor, TeamId(id), &form(body)?)
            .await
            .map(|_| id)
            .map_err(admin_err),
        ("issue", None) => catalog::create_issue(store, actor, &form(body)?)
            .await
            .map(|i| i.0)
            .map_err(admin_err),
        ("issue", Some(id)) => catalog::update_issue(store, actor, IssueId(id), &form(body)?)
            .await
            .map(|_| id)
            .map_err(admin_err),
        ("skill", None) => {
            let (c, d) = (
                body["code_name"].as_str().unwrap_or_default(),
                body["display_name"].as_str().unwrap_or_default(),
            );
            catalog::create_skill(store, actor, c, d)
                .await
                .map(|s| s.0)
                .map_err(admin_err)
        }
        ("skill", Some(id)) => catalog::update_skill(
            store,
            actor,
            SkillId(id),
            body["display_name"].as_str().unwrap_or_default(),
        )
        .await
        .map(|_| id)
        .map_err(admin_err),
        ("custom-field", None) => {
            let (c, d) = (
                body["code_name"].as_str().unwrap_or_default(),
                body["display_name"].as_str().unwrap_or_default(),
            );
            let shown = body["shown_to_reps"].as_bool().unwrap_or(true);
            catalog::create_custom_field(store, actor, c, d, shown)
                .await
                .map(|f| f.0)
                .map_err(admin_err)
        }
        ("custom-field", Some(id)) => {
            let shown = body["shown_to_reps"].as_bool().unwrap_or(true);
            catalog::update_custom_field(
                store,
                actor,
                CustomFieldId(id),
                body["display_name"].as_str().unwrap_or_default(),
                shown,
            )
            .await
            .map(|_| id)
            .map_err(admin_err)
        }
        _ => Err(unknown_kind(kind)),
    }
}
