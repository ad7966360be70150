//! `GET /api/chat/ws?token=...`: the customer's WebSocket for a session.
//!
//! One `select!` loop per connection over the socket, the session's hub pokes, a heartbeat
//! timer and the server's shutdown token. Outgoing events are read from the store after the
//! last sequence number sent, so nothing is skipped or sent twice; a chat message is
//! acknowledged only once it is stored.
//!
//! This file opens the connection; `run_loop` is the loop, `incoming` handles what the page
//! sends and `outgoing` what it is sent.

mod incoming;
mod outgoing;
mod run_loop;

use super::chat_consent::ConsentGate;
use super::chat_files::FileGate;
use crate::app::AppState;
use crate::domain::session::{SessionState, SupportSession};
use crate::domain::tokens;
use crate::limits::TokenBucket;
use axum::extract::ws::{WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Largest WebSocket message accepted from a page: room for the full client's `system_info`
/// (64 KB); every other message is held to `protocol::MAX_FRAME_BYTES`.
const MAX_WS_MESSAGE: usize = 80 * 1024;
/// Chat messages per connection: a burst of 10, then 2 per second.
const CHAT_BURST: u32 = 10;
const CHAT_PER_SEC: f64 = 2.0;

#[derive(serde::Deserialize)]
pub struct WsQuery {
    token: String,
}

pub async fn chat_ws(
    State(state): State<AppState>,
    Query(q): Query<WsQuery>,
    ws: WebSocketUpgrade,
) -> Response {
    if !tokens::is_well_formed(&q.token) {
        return (StatusCode::NOT_FOUND, "no such session").into_response();
    }
    let session = match state
        .store
        .session_by_customer_token(&tokens::hash_token(&q.token))
        .await
    {
        Ok(Some(s)) if s.state != SessionState::Ended => s,
        Ok(_) => return (StatusCode::NOT_FOUND, "no such session").into_response(),
        Err(e) => return super::error::HttpError::from(e).into_response(),
    };
    ws.max_message_size(MAX_WS_MESSAGE)
        .read_buffer_size(crate::limits::WS_READ_BUFFER)
        .on_upgrade(move |socket| async move {
            let _open = state.sockets.token();
            let mut conn = Conn {
                state,
                session,
                socket,
                last: 0,
                chat_budget: TokenBucket::new(CHAT_BURST, CHAT_PER_SEC),
                token: q.token,
                full_client: false,
                queue_sent: None,
                consent_gate: ConsentGate::default(),
                file_gate: FileGate::default(),
            };
            if let Some((code, reason)) = conn.run().await {
                super::socket::close(&mut conn.socket, code, reason).await;
            }
        })
}

struct Conn {
    state: AppState,
    session: SupportSession,
    socket: WebSocket,
    /// The last event sequence number sent to the page.
    last: i64,
    chat_budget: TokenBucket,
    token: String,
    /// The hello said this is the full client (`client.kind` = `full`), which alone may
    /// answer capability requests.
    full_client: bool,
    consent_gate: ConsentGate,
    file_gate: FileGate,
    /// The last place in the queue told to the page, and its estimate.
    queue_sent: Option<(i64, Option<i64>)>,
}

/// Why a connection loop ended: `Some` with a close code and reason, `None` when the peer went.
type End = Option<(u16, &'static str)>;
