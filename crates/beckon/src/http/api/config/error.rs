//! The configuration API's error answers: `{"error": {"code", "message", "field"}}` with a
//! status that fits, and the mapping from `domain::admin` errors onto them.

use crate::domain::admin::AdminError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

pub(super) type ApiResult = Result<Response, Response>;

pub(super) fn err(
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

pub(super) fn admin_err(e: AdminError) -> Response {
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

pub(super) fn store_err(e: crate::store::StoreError) -> Response {
    admin_err(AdminError::from(e))
}

pub(super) fn unknown_kind(kind: &str) -> Response {
    err(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no resource `{kind}`; use user, team, issue, skill or custom-field"),
        None,
    )
}
