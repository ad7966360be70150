//! The configuration API: JSON REST under `/api/config/v1/` for `user`, `team`, `issue`,
//! `skill` and `custom-field`. Lists are bare JSON arrays paginated by `per_page` (1 to 100)
//! and `current_page` (from 1), with the vendor's `X-BT-Pagination-*` headers.
//!
//! Every change goes through `domain::admin`, exactly as the administration pages do.

// Errors here are finished HTTP answers passed straight back to axum; boxing them would only
// add an allocation on the error path.
#![allow(clippy::result_large_err)]

use super::Caller;
use crate::app::AppState;
use crate::domain::admin::{catalog, users, AdminError};
use crate::domain::api_account::CommandPermission;
use crate::domain::api_auth::ApiCaller;
use crate::domain::ids::*;
use crate::store::Store;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

type ApiResult = Result<Response, Response>;

fn err(
    status: StatusCode,
    code: &str,
    message: impl Into<String>,
    field: Option<&str>,
) -> Response {
    (
        status,
        Json(json!({"error": {"code": code, "message": message.into(), "field": field}})),
    )
        .into_response()
}

fn admin_err(e: AdminError) -> Response {
    match e {
        AdminError::Invalid { field, message } => err(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            message,
            Some(field),
        ),
        AdminError::NotFound(what) => err(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} was not found"),
            None,
        ),
        AdminError::Refused(m) => err(StatusCode::CONFLICT, "refused", m, None),
        AdminError::Store(e) => {
            tracing::error!(error = %e, "configuration API store error");
            err(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal error",
                None,
            )
        }
    }
}

fn store_err(e: crate::store::StoreError) -> Response {
    admin_err(AdminError::from(e))
}

/// Reads need at least read-only command permission; changes need full.
fn check(caller: &ApiCaller, method: &Method) -> Result<String, Response> {
    let perm = match caller {
        ApiCaller::Account(a) => a.command_permission,
        ApiCaller::User(u) if u.permissions.admin => CommandPermission::Full,
        ApiCaller::User(_) => CommandPermission::None,
    };
    let write = method != Method::GET;
    match (perm, write) {
        (CommandPermission::None, _) => Err(err(
            StatusCode::FORBIDDEN,
            "forbidden",
            "this account may not use the configuration API",
            None,
        )),
        (CommandPermission::ReadOnly, true) => Err(err(
            StatusCode::FORBIDDEN,
            "forbidden",
            "this account is read-only",
            None,
        )),
        _ => Ok(caller.actor()),
    }
}

#[derive(Deserialize)]
pub struct Page {
    per_page: Option<String>,
    current_page: Option<String>,
}

fn paginate(items: Vec<Value>, page: &Page) -> ApiResult {
    let parse = |v: &Option<String>, name: &str, default: i64| -> Result<i64, Response> {
        match v {
            None => Ok(default),
            Some(s) => s.parse::<i64>().map_err(|_| {
                err(
                    StatusCode::BAD_REQUEST,
                    "invalid",
                    format!("{name} must be an integer"),
                    Some(name),
                )
            }),
        }
    };
    let per_page = parse(&page.per_page, "per_page", 100)?;
    if !(1..=100).contains(&per_page) {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "invalid",
            "per_page must be between 1 and 100",
            Some("per_page"),
        ));
    }
    let current = parse(&page.current_page, "current_page", 1)?;
    if current < 1 {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "invalid",
            "current_page starts at 1",
            Some("current_page"),
        ));
    }
    let total = items.len() as i64;
    let last = ((total + per_page - 1) / per_page).max(1);
    let slice: Vec<Value> = items
        .into_iter()
        .skip(((current - 1) * per_page) as usize)
        .take(per_page as usize)
        .collect();
    let mut r = Json(Value::Array(slice)).into_response();
    for (name, value) in [
        ("x-bt-pagination-current-page", current),
        ("x-bt-pagination-per-page", per_page),
        ("x-bt-pagination-last-page", last),
        ("x-bt-pagination-total", total),
    ] {
        r.headers_mut()
            .insert(HeaderName::from_static(name), HeaderValue::from(value));
    }
    Ok(r)
}

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

async fn list(store: &dyn Store, kind: &str) -> Result<Vec<Value>, Response> {
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

fn unknown_kind(kind: &str) -> Response {
    err(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no resource `{kind}`; use user, team, issue, skill or custom-field"),
        None,
    )
}

async fn one(store: &dyn Store, kind: &str, id: i64) -> Result<Value, Response> {
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

/// Merges a JSON patch object into the current representation (PATCH keeps omitted fields).
fn merged(mut current: Value, patch: &Value) -> Result<Value, Response> {
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

async fn write(
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

/// `GET|POST /api/config/v1/{kind}`.
#[utoipa::path(
    get,
    path = "/api/config/v1/{kind}",
    tag = "config",
    params(
        ("kind" = String, Path, description = "user, team, issue, skill or custom-field"),
        ("per_page" = Option<i64>, Query, description = "1 to 100 (default 100)"),
        ("current_page" = Option<i64>, Query, description = "From 1"),
    ),
    responses(
        (status = 200, description = "A bare JSON array; X-BT-Pagination-Current-Page, -Per-Page, -Last-Page and -Total headers"),
        (status = 400, description = "Bad pagination", body = crate::http::api::openapi::ApiError),
        (status = 403, description = "No permission", body = crate::http::api::openapi::ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn collection(
    State(state): State<AppState>,
    Caller(caller): Caller,
    method: Method,
    Path(kind): Path<String>,
    Query(page): Query<Page>,
    body: axum::body::Bytes,
) -> Response {
    let run = async {
        let actor = check(&caller, &method)?;
        let store = state.store.as_ref();
        if method == Method::GET {
            return paginate(list(store, &kind).await?, &page);
        }
        let body: Value = serde_json::from_slice(&body).map_err(|e| {
            err(
                StatusCode::BAD_REQUEST,
                "invalid",
                format!("the body is not JSON: {e}"),
                None,
            )
        })?;
        if !body.is_object() {
            return Err(err(
                StatusCode::BAD_REQUEST,
                "invalid",
                "the body must be a JSON object",
                None,
            ));
        }
        let id = write(store, &actor, &kind, None, body).await?;
        Ok((StatusCode::CREATED, Json(one(store, &kind, id).await?)).into_response())
    };
    run.await.unwrap_or_else(|e| e)
}

/// `GET|PATCH|DELETE /api/config/v1/{kind}/{id}`.
#[utoipa::path(
    patch,
    path = "/api/config/v1/{kind}/{id}",
    tag = "config",
    params(("kind" = String, Path, description = "user, team, issue, skill or custom-field"), ("id" = i64, Path)),
    request_body(content_type = "application/json", description = "The fields to change; omitted fields keep their value"),
    responses(
        (status = 200, description = "The changed object"),
        (status = 204, description = "Deleted (DELETE)"),
        (status = 404, description = "No such object", body = crate::http::api::openapi::ApiError),
        (status = 409, description = "Refused (e.g. the last administrator)", body = crate::http::api::openapi::ApiError),
        (status = 422, description = "Invalid field", body = crate::http::api::openapi::ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn item(
    State(state): State<AppState>,
    Caller(caller): Caller,
    method: Method,
    Path((kind, id)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let run = async {
        let actor = check(&caller, &method)?;
        let id: i64 = id.parse().map_err(|_| {
            err(
                StatusCode::BAD_REQUEST,
                "invalid",
                "the id must be an integer",
                Some("id"),
            )
        })?;
        let store = state.store.as_ref();
        let current = one(store, &kind, id).await?;
        match method {
            Method::GET => Ok(Json(current).into_response()),
            Method::PATCH => {
                let patch: Value = serde_json::from_slice(&body).map_err(|e| {
                    err(
                        StatusCode::BAD_REQUEST,
                        "invalid",
                        format!("the body is not JSON: {e}"),
                        None,
                    )
                })?;
                let mut base = current.clone();
                if kind == "issue" {
                    base["team_id"] = current["team_id"].clone();
                }
                if kind == "team" {
                    base["routing_mode"] = current["routing_mode"].clone();
                }
                write(store, &actor, &kind, Some(id), merged(base, &patch)?).await?;
                Ok(Json(one(store, &kind, id).await?).into_response())
            }
            Method::DELETE => {
                let done = match kind.as_str() {
                    "user" => users::delete(store, &actor, UserId(id)).await,
                    "team" => catalog::delete_team(store, &actor, TeamId(id)).await,
                    "issue" => catalog::delete_issue(store, &actor, IssueId(id)).await,
                    "skill" => catalog::delete_skill(store, &actor, SkillId(id)).await,
                    "custom-field" => {
                        catalog::delete_custom_field(store, &actor, CustomFieldId(id)).await
                    }
                    _ => return Err(unknown_kind(&kind)),
                };
                done.map_err(admin_err)?;
                Ok(StatusCode::NO_CONTENT.into_response())
            }
            _ => Err(err(
                StatusCode::METHOD_NOT_ALLOWED,
                "method",
                "use GET, PATCH or DELETE",
                None,
            )),
        }
    };
    run.await.unwrap_or_else(|e| e)
}
