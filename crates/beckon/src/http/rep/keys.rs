//! Session keys of the signed-in representative.

use super::{error, internal, Rep};
use crate::app::AppState;
use crate::domain::ids::SessionKeyId;
use crate::domain::keys::{self, KeyError, KeyRequest};
use crate::domain::session::StartType;
use crate::domain::session_key::SessionKey;
use crate::domain::time::now_ms;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Deserialize, Default)]
pub struct KeyBody {
    ttl_secs: Option<i64>,
    start_type: Option<StartType>,
    #[serde(default)]
    external_key: String,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
}

fn key_view(state: &AppState, k: &SessionKey) -> serde_json::Value {
    let (url, text) = keys::invitation(k, &state.settings.base_url());
    json!({
        "id": k.id,
        "short_key": k.short_key,
        "start_type": k.start_type,
        "expires": crate::domain::time::rfc3339(k.expires_at),
        "expires_at": k.expires_at,
        "key_url": url,
        "mail_body": text,
        "external_key": k.external_key,
        "attributes": k.attributes,
    })
}

/// `POST /api/rep/session-keys`: a new one-time key for this representative.
pub async fn create_key(
    State(state): State<AppState>,
    rep: Rep,
    Json(body): Json<KeyBody>,
) -> Response {
    let req = KeyRequest {
        ttl_secs: body.ttl_secs,
        start_type: body.start_type,
        external_key: body.external_key,
        attributes: body.attributes,
    };
    match keys::generate(state.store.as_ref(), &rep.user, req).await {
        Ok(k) => (StatusCode::CREATED, Json(key_view(&state, &k))).into_response(),
        Err(KeyError::NotAllowed) => error(
            StatusCode::FORBIDDEN,
            "not_allowed",
            KeyError::NotAllowed.to_string(),
        ),
        Err(KeyError::Store(e)) => internal(e),
        Err(e) => error(StatusCode::BAD_REQUEST, "invalid", e.to_string()),
    }
}

/// `GET /api/rep/session-keys`: this representative's live keys.
pub async fn list_keys(State(state): State<AppState>, rep: Rep) -> Response {
    match state.store.session_keys_of_rep(rep.user.id, now_ms()).await {
        Ok(list) => {
            Json(json!({ "keys": list.iter().map(|k| key_view(&state, k)).collect::<Vec<_>>() }))
                .into_response()
        }
        Err(e) => internal(e),
    }
}

/// `DELETE /api/rep/session-keys/{id}`: revoke one of this representative's live keys.
pub async fn revoke_key(State(state): State<AppState>, rep: Rep, Path(id): Path<i64>) -> Response {
    let mine = match state.store.session_keys_of_rep(rep.user.id, now_ms()).await {
        Ok(list) => list.iter().any(|k| k.id == SessionKeyId(id)),
        Err(e) => return internal(e),
    };
    if !mine {
        return error(
            StatusCode::NOT_FOUND,
            "not_found",
            "no live key with this id",
        );
    }
    match state
        .store
        .revoke_session_key(SessionKeyId(id), now_ms())
        .await
    {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => internal(e),
    }
}
