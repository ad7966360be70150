//! The representative's side of file transfer (docs/customer_client.md, "File transfer"):
//! sending a file to the customer in chunks of at most `REP_CHUNK_BYTES` (the site's request
//! body limit is 64 KB, and a chunked upload resumes after a lost connection too), asking the
//! customer for a file, and downloading what the customer sent.

use super::sessions::{
    append_rep_event, find_session, owned_session, participates, rep_event, Changes,
};
use super::{error, internal, Rep};
use crate::app::AppState;
use crate::domain::files::{self, FileError, FileLog};
use crate::domain::session::SupportSession;
use crate::transfer_store::{Staged, TransferStoreError};
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use beckon_protocol::files as wire;
use serde::Deserialize;
use serde_json::json;

/// Largest chunk of one upload request.
pub const REP_CHUNK_BYTES: usize = 32 * 1024;

#[derive(Deserialize)]
pub struct NewFile {
    name: String,
    size: u64,
}

#[derive(Deserialize)]
pub struct ChunkQuery {
    offset: u64,
}

fn file_refusal(e: FileError) -> Response {
    let (status, code) = match e {
        FileError::NotAllowed => (StatusCode::CONFLICT, "not_allowed"),
        FileError::Unknown(_) => (StatusCode::NOT_FOUND, "unknown_transfer"),
        FileError::Exists(_) => (StatusCode::CONFLICT, "exists"),
        FileError::NotOpen => (StatusCode::CONFLICT, "not_open"),
        FileError::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
    };
    error(status, code, e.to_string())
}

async fn file_log(state: &AppState, session: &SupportSession) -> Result<FileLog, Response> {
    let events = state
        .store
        .events_after(session.id, 0, 100_000)
        .await
        .map_err(internal)?;
    Ok(FileLog::from_events(&events))
}

/// `POST /api/rep/sessions/{lsid}/files` `{name, size}`: starts sending a file to the
/// customer; answers `201 {id, offset: 0, chunk_bytes}`. The customer is offered it once
/// every byte is in. 409 `not_allowed` without the customer's consent, 413 over the limit.
pub async fn start_upload(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
    Json(body): Json<NewFile>,
) -> Response {
    let session = match owned_session(&state, &rep, &lsid, "accept the session first").await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let log = match file_log(&state, &session).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    let id = format!("r{}", uuid::Uuid::new_v4().simple());
    if let Err(e) = log.may_offer(&id, body.size, state.settings.max_transfer_bytes) {
        return file_refusal(e);
    }
    if body.size == 0 {
        return error(StatusCode::BAD_REQUEST, "empty_file", "the file is empty");
    }
    let staged = Staged {
        file_name: wire::safe_name(&body.name),
        size: body.size,
    };
    if let Err(e) = state.transfers.stage(session.id.0, &id, &staged).await {
        return internal(e);
    }
    (
        StatusCode::CREATED,
        Json(json!({ "id": id, "offset": 0, "chunk_bytes": REP_CHUNK_BYTES })),
    )
        .into_response()
}

/// `PUT /api/rep/sessions/{lsid}/files/{id}?offset=N` with the raw bytes: the next chunk.
/// Answers `{offset}`, and with the last chunk `{offset, sha256}` once the file is offered.
/// 409 `wrong_offset` (with `offset`, where to go on) when the chunk does not start there.
pub async fn upload_chunk(
    State(state): State<AppState>,
    rep: Rep,
    Path((lsid, id)): Path<(String, String)>,
    Query(q): Query<ChunkQuery>,
    bytes: Bytes,
) -> Response {
    if wire::check_id(&id).is_err() {
        return file_refusal(FileError::Unknown(id));
    }
    if bytes.is_empty() || bytes.len() > REP_CHUNK_BYTES {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_chunk",
            "a chunk is 1 byte to 32 KB",
        );
    }
    let session = match owned_session(&state, &rep, &lsid, "accept the session first").await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let sid = session.id.0;
    let staged = match state.transfers.staged(sid, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return file_refusal(FileError::Unknown(id)),
        Err(e) => return internal(e),
    };
    let log = match file_log(&state, &session).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    if !log.allowed() {
        let _ = state.transfers.remove(sid, &id).await;
        return file_refusal(FileError::NotAllowed);
    }
    let after = match state
        .transfers
        .append(sid, &id, q.offset, bytes.to_vec(), staged.size)
        .await
    {
        Ok(a) => a,
        Err(e @ TransferStoreError::WrongOffset { expected, .. }) => {
            return (
                StatusCode::CONFLICT,
                Json(json!({ "error": { "code": "wrong_offset", "message": e.to_string() }, "offset": expected })),
            )
                .into_response()
        }
        Err(e @ TransferStoreError::PastEnd { .. }) => {
            return error(StatusCode::BAD_REQUEST, "invalid_chunk", e.to_string())
        }
        Err(e) => return internal(e),
    };
    if after < staged.size {
        return Json(json!({ "offset": after })).into_response();
    }
    let sha256 = match state.transfers.sha256(sid, &id).await {
        Ok(h) => h,
        Err(e) => return internal(e),
    };
    let _ = state.transfers.unstage(sid, &id).await;
    let body = json!({
        "id": id,
        "file_name": staged.file_name,
        "size": staged.size,
        "sha256": sha256,
        "direction": wire::TO_CUSTOMER,
        "name": rep.user.public_display_name,
    });
    match append_rep_event(&state, &rep, &session, files::OFFERED, body, Changes::Log).await {
        Ok(_) => Json(json!({ "offset": after, "sha256": sha256 })).into_response(),
        Err(r) => r,
    }
}

/// `POST /api/rep/sessions/{lsid}/files/request`: asks the customer to send a file.
pub async fn request_file(
    State(state): State<AppState>,
    rep: Rep,
    Path(lsid): Path<String>,
) -> Response {
    let session = match owned_session(&state, &rep, &lsid, "accept the session first").await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match file_log(&state, &session).await {
        Ok(log) if log.allowed() => {}
        Ok(_) => return file_refusal(FileError::NotAllowed),
        Err(r) => return r,
    }
    let body = json!({ "name": rep.user.public_display_name });
    rep_event(&state, &rep, &session, files::REQUESTED, body).await
}

/// `GET /api/rep/sessions/{lsid}/files/{id}`: a file the customer sent, once complete, as an
/// attachment (never shown inline: its content is the customer's, not the site's).
pub async fn download(
    State(state): State<AppState>,
    rep: Rep,
    Path((lsid, id)): Path<(String, String)>,
) -> Response {
    let session = match find_session(&state, &lsid).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if !participates(&state, &rep, &session).await {
        return error(
            StatusCode::FORBIDDEN,
            "not_participant",
            "only the session's representatives download its files",
        );
    }
    let log = match file_log(&state, &session).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    let Some(t) = log.get(&id).filter(|_| wire::check_id(&id).is_ok()) else {
        return file_refusal(FileError::Unknown(id));
    };
    if t.state != files::State::Completed {
        return error(
            StatusCode::CONFLICT,
            "not_complete",
            "the file has not fully arrived (or failed)",
        );
    }
    let path = match state.transfers.path(session.id.0, &id) {
        Ok(p) => p,
        Err(e) => return internal(e),
    };
    let file = match tokio::fs::File::open(path).await {
        Ok(f) => f,
        Err(_) => {
            return error(
                StatusCode::GONE,
                "file_gone",
                "the file's bytes are no longer kept",
            )
        }
    };
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(file));
    (
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            (header::CONTENT_LENGTH, t.size.to_string()),
            (header::CONTENT_DISPOSITION, attachment(&t.file_name)),
        ],
        body,
    )
        .into_response()
}

/// `attachment` with an ASCII fallback name and the exact one in RFC 5987 form, so that no
/// byte of a hostile name can end the header or add a parameter.
pub fn attachment(name: &str) -> String {
    let safe = wire::safe_name(name);
    let ascii: String = safe
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | ';' | '%') || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = safe
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::attachment;

    #[test]
    fn attachment_names_cannot_break_the_header() {
        assert_eq!(
            attachment("a b.txt"),
            "attachment; filename=\"a b.txt\"; filename*=UTF-8''a%20b.txt"
        );
        let h = attachment("x\";\r\nSet-Cookie: a=b/é.txt");
        assert!(!h.contains('\r') && !h.contains('\n'), "{h}");
        assert_eq!(h.matches('"').count(), 2, "{h}");
        assert!(h.ends_with("%C3%A9.txt"), "{h}");
    }
}
