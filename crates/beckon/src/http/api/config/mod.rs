//! The configuration API: JSON REST under `/api/config/v1/` for `user`, `team`, `issue`,
//! `skill` and `custom-field`. Lists are bare JSON arrays paginated by `per_page` (1 to 100)
//! and `current_page` (from 1), with the vendor's `X-BT-Pagination-*` headers.
//!
//! Every change goes through `domain::admin`, exactly as the administration pages do.
//!
//! This module owns the two handlers and the permission check; `read` builds each kind's JSON,
//! `write` applies creates and patches, `page` paginates and `error` shapes the error answers.

// Errors here are finished HTTP answers passed straight back to axum; boxing them would only
// add an allocation on the error path.
#![allow(clippy::result_large_err)]

mod error;
mod page;
mod read;
mod write;

use super::Caller;
use crate::app::AppState;
use crate::domain::admin::{catalog, users};
use crate::domain::api_account::CommandPermission;
use crate::domain::api_auth::ApiCaller;
use crate::domain::ids::*;
use axum::extract::{Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use error::{admin_err, err, unknown_kind};
use page::paginate;
pub use page::Page;
use read::{list, one};
use serde_json::Value;
use write::{merged, write};

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
