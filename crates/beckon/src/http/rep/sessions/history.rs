//! The sessions a representative works now and has worked before.

use crate::app::AppState;
use crate::http::rep::views::session_views;
use crate::http::rep::{error, internal, Rep};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

/// `GET /api/rep/sessions`: the sessions this representative works now (a reloaded console
/// finds them here).
pub async fn mine(State(state): State<AppState>, rep: Rep) -> Response {
    match state.store.sessions_of_owner(rep.user.id).await {
        Ok(list) => Json(
            json!({ "sessions": session_views(state.store.as_ref(), &list, rep.user.id).await }),
        )
        .into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
pub struct HistoryParams {
    /// Text found in the customer's name or the external key.
    #[serde(default)]
    q: String,
    /// Start of the range, `YYYY-MM-DD` (UTC), inclusive.
    from: Option<String>,
    /// End of the range, `YYYY-MM-DD` (UTC), inclusive.
    to: Option<String>,
    #[serde(default)]
    page: i64,
}

fn day_start_ms(day: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(day, &format).ok()?;
    Some(date.midnight().assume_utc().unix_timestamp() * 1000)
}

/// `GET /api/rep/history?q=&from=&to=&page=`: this representative's past sessions.
pub async fn history(
    State(state): State<AppState>,
    rep: Rep,
    Query(p): Query<HistoryParams>,
) -> Response {
    let from = match p
        .from
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(day_start_ms)
    {
        Some(None) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_date",
                "from must be YYYY-MM-DD",
            )
        }
        other => other.flatten(),
    };
    let to = match p.to.as_deref().filter(|s| !s.is_empty()).map(day_start_ms) {
        Some(None) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_date",
                "to must be YYYY-MM-DD",
            )
        }
        other => other.flatten().map(|t| t + 24 * 3600 * 1000),
    };
    if p.q.chars().count() > 100 {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            "the search text has at most 100 characters",
        );
    }
    let query = crate::store::HistoryQuery {
        text: Some(p.q.trim().to_string()),
        from,
        to,
        limit: 50,
        offset: p.page.max(0) * 50,
    };
    match state.store.history(rep.user.id, &query).await {
        Ok(list) => Json(
            json!({ "sessions": session_views(state.store.as_ref(), &list, rep.user.id).await }),
        )
        .into_response(),
        Err(e) => internal(e),
    }
}
