//! `GET /api/chat/ws?token=...`: the customer's WebSocket for a session.
//!
//! One `select!` loop per connection over the socket, the session's hub pokes, a heartbeat
//! timer and the server's shutdown token. Outgoing events are read from the store after the
//! last sequence number sent, so nothing is skipped or sent twice; a chat message is
//! acknowledged only once it is stored.

use super::chat_consent::{self, ConsentGate, Refusal};
use super::chat_files::{self, FileGate};
use super::chat_view::customer_event;
use crate::app::AppState;
use crate::domain::session::{Actor, NewEvent, SessionEvent, SessionState, SupportSession};
use crate::domain::time::now_ms;
use crate::domain::{chat, queue, tokens};
use crate::hub::Poke;
use crate::limits::TokenBucket;
use crate::protocol::{self, ClientMsg, ServerMsg};
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::time::Duration;

/// A peer silent for this long is considered gone (the page pings every 20 seconds).
const IDLE_LIMIT: Duration = Duration::from_secs(45);
const PING_EVERY: Duration = Duration::from_secs(15);
/// How often a waiting customer's queue position is refreshed. With the shared reading's age
/// (`queue_positions::FRESH_FOR`) a customer learns they moved up within 3 s; an unchanged
/// position costs a map lookup and sends nothing.
const QUEUE_EVERY: Duration = Duration::from_secs(2);
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

/// How fresh a queue position must be when it is sent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Freshness {
    /// Read now: on connect and when the session itself changed.
    Now,
    /// The node's shared reading of every position (`queue_positions`), at most a second old,
    /// and sent only when it changed: what thousands of waiting pages ask every few seconds.
    Shared,
}

/// Why a connection loop ended: `Some` with a close code and reason, `None` when the peer went.
type End = Option<(u16, &'static str)>;

impl Conn {
    async fn send(&mut self, msg: &ServerMsg) -> bool {
        match serde_json::to_string(msg) {
            Ok(text) => {
                super::socket::send_bounded(&mut self.socket, Message::Text(text.into())).await
            }
            Err(_) => false,
        }
    }

    async fn error(&mut self, code: &str, message: &str) -> bool {
        self.send(&ServerMsg::Error {
            code: code.into(),
            message: message.into(),
        })
        .await
    }

    /// Sends every stored event after `last`.
    async fn flush(&mut self) -> bool {
        loop {
            let Ok(events) = self
                .state
                .store
                .events_after(self.session.id, self.last, 200)
                .await
            else {
                return false;
            };
            if events.is_empty() {
                return true;
            }
            for e in events {
                self.last = e.seq;
                let Some(msg) = customer_event(e) else {
                    continue;
                };
                if !self.send(&msg).await {
                    return false;
                }
            }
        }
    }

    /// Sends an event that was just stored: straight on when it is the next one, from the
    /// store when some are missing (pokes of concurrent appends may overtake each other).
    async fn stream(&mut self, e: &SessionEvent) -> bool {
        if e.seq != self.last.saturating_add(1) {
            return e.seq <= self.last || self.flush().await;
        }
        self.last = e.seq;
        match customer_event(e.clone()) {
            Some(msg) => self.send(&msg).await,
            None => true,
        }
    }

    async fn send_queue_status(&mut self, freshness: Freshness) -> bool {
        let store = self.state.store.as_ref();
        let status = match freshness {
            Freshness::Now => store.queue_status(self.session.id).await,
            Freshness::Shared => {
                self.state
                    .queue_positions
                    .status(store, self.session.id)
                    .await
            }
        };
        let Ok(Some((position, avg_ms))) = status else {
            return true;
        };
        let now = (position, chat::estimated_wait_secs(position, avg_ms));
        if freshness == Freshness::Shared && self.queue_sent == Some(now) {
            return true;
        }
        self.queue_sent = Some(now);
        self.send(&ServerMsg::Queue {
            position: now.0,
            estimated_wait_secs: now.1,
        })
        .await
    }

    async fn refresh(&mut self) -> Option<SessionState> {
        let s = self
            .state
            .store
            .session_by_id(self.session.id)
            .await
            .ok()
            .flatten()?;
        self.session = s;
        Some(self.session.state)
    }

    async fn append(
        &mut self,
        kind: &str,
        body: serde_json::Value,
        client_msg_id: Option<String>,
    ) -> Result<crate::store::Appended, ()> {
        let event = NewEvent {
            kind: kind.into(),
            actor: Actor::Customer,
            body,
            client_msg_id,
            at: now_ms(),
        };
        match self.state.store.append_event(self.session.id, event).await {
            Ok(a) => {
                // Customer events change only the log, never the session's row.
                if !a.duplicate {
                    self.state.hub.notify_log(self.session.id, &a.event);
                }
                Ok(a)
            }
            Err(e) => {
                tracing::error!(error = %e, "storing a customer event failed");
                Err(())
            }
        }
    }

    async fn run(&mut self) -> End {
        let mut updates = self.state.hub.subscribe(self.session.id);
        // The page says where it stands first; until then nothing is sent.
        let after = match tokio::time::timeout(Duration::from_secs(10), self.socket.recv()).await {
            Ok(Some(Ok(Message::Text(t)))) => match protocol::decode_client_frame(&t) {
                Ok(ClientMsg::Hello { after, client, .. }) => {
                    self.full_client = client.is_some_and(|c| c.kind == "full");
                    after.max(0)
                }
                _ => return Some((1002, "expected hello")),
            },
            _ => return None,
        };
        self.last = after;
        if let Ok(Some(_)) =
            queue::customer_connected(self.state.store.as_ref(), self.session.id).await
        {
            self.state.hub.notify(self.session.id);
        }
        let state_now = self.refresh().await?;
        let nobody_available = match state_now {
            SessionState::Active => None,
            _ => crate::domain::start::nobody_available_notice(
                self.state.store.as_ref(),
                self.session.queue,
            )
            .await
            .unwrap_or(None),
        };
        let welcome = ServerMsg::Welcome {
            v: protocol::VERSION,
            state: state_now.as_str().into(),
            nobody_available,
        };
        if !self.send(&welcome).await
            || !self.send_queue_status(Freshness::Now).await
            || !self.flush().await
        {
            return None;
        }
        let mut ping = tokio::time::interval(PING_EVERY);
        let mut queue_tick = tokio::time::interval(QUEUE_EVERY);
        let mut last_heard = tokio::time::Instant::now();
        let shutdown = self.state.shutdown.clone();
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return Some((1001, "server restarting")),
                _ = ping.tick() => {
                    if last_heard.elapsed() > IDLE_LIMIT {
                        return Some((1001, "idle"));
                    }
                    if !super::socket::send_bounded(&mut self.socket, Message::Ping(Vec::new().into())).await { return None; }
                }
                _ = queue_tick.tick() => {
                    if self.session.state == SessionState::Queued && !self.send_queue_status(Freshness::Shared).await { return None; }
                }
                poke = updates.recv() => {
                    match poke {
                        Ok(Poke::Typing { from: "rep", name, active }) => {
                            if !self.send(&ServerMsg::Typing { from: "rep".into(), name, active }).await { return None; }
                        }
                        Ok(Poke::Typing { .. }) => {}
                        Ok(Poke::Event(e)) => {
                            if !self.stream(&e).await { return None; }
                        }
                        // Only the full client shares a screen; the chat page has no use for credit.
                        Ok(Poke::ScreenAck { frame, keyframe }) if self.full_client => {
                            if !self.send(&ServerMsg::ScreenAck { frame, keyframe }).await { return None; }
                        }
                        Ok(Poke::ScreenAck { .. }) => {}
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                        Ok(Poke::Events) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                            if !self.flush().await { return None; }
                            match self.refresh().await {
                                Some(SessionState::Ended) => return Some((1000, "session ended")),
                                Some(SessionState::Queued) if !self.send_queue_status(Freshness::Now).await => return None,
                                _ => {}
                            }
                        }
                    }
                }
                incoming = self.socket.recv() => {
                    let msg = match incoming {
                        Some(Ok(msg)) => msg,
                        Some(Err(e)) => return crate::http::socket::end_for(&e),
                        None => return None,
                    };
                    last_heard = tokio::time::Instant::now();
                    let text = match msg {
                        Message::Text(t) => t,
                        Message::Close(_) => return None,
                        _ => continue,
                    };
                    if let Some(end) = self.handle(&text).await {
                        return end;
                    }
                }
            }
        }
    }

    /// Handles one message from the page; `Some` ends the connection.
    async fn handle(&mut self, text: &str) -> Option<End> {
        let ok = match protocol::decode_client_frame(text) {
            Err(e) => self.error(e.code(), e.message()).await,
            Ok(ClientMsg::Chat { id, text }) => {
                if !self.chat_budget.try_take() {
                    self.error("rate_limited", "too many messages; wait a moment")
                        .await
                } else {
                    // Stored before it is acknowledged: an ack means it survives a crash.
                    match self
                        .append("chat_message", json!({ "text": text }), Some(id.clone()))
                        .await
                    {
                        Ok(a) => {
                            self.send(&ServerMsg::Ack {
                                id,
                                seq: a.event.seq,
                            })
                            .await
                        }
                        Err(()) => return Some(Some((1011, "storage error"))),
                    }
                }
            }
            Ok(ClientMsg::Typing { active }) => {
                self.state
                    .hub
                    .typing(self.session.id, "customer", None, active);
                true
            }
            Ok(ClientMsg::LeaveMessage {
                name,
                contact,
                text,
            }) => {
                let body = json!({ "name": name, "contact": contact, "text": text });
                self.append("customer_left_message", body, None)
                    .await
                    .is_ok()
            }
            Ok(ClientMsg::Elevation { accept }) => {
                let kind = if accept {
                    "elevation_accepted"
                } else {
                    "elevation_declined"
                };
                if self.append(kind, json!({}), None).await.is_err() {
                    return Some(Some((1011, "storage error")));
                }
                if accept {
                    let download_url =
                        format!("{}/download/{}", self.state.settings.base_url(), self.token);
                    self.send(&ServerMsg::Elevate { download_url }).await
                } else {
                    true
                }
            }
            Ok(ClientMsg::End) => {
                if let Ok(Some(_)) = queue::end(
                    self.state.store.as_ref(),
                    self.session.id,
                    Actor::Customer,
                    "customer_ended",
                )
                .await
                {
                    self.state.hub.notify(self.session.id);
                }
                true
            }
            Ok(ClientMsg::Ping) => self.send(&ServerMsg::Pong).await,
            Ok(ClientMsg::Hello { .. }) => true,
            Ok(msg) if chat_files::is_file_msg(&msg) => {
                let (state, session) = (&self.state, self.session.id);
                match chat_files::handle(state, session, self.full_client, &mut self.file_gate, msg)
                    .await
                {
                    Ok(Some(reply)) => self.send(&reply).await,
                    Ok(None) => true,
                    Err(Refusal::Refused(code, message)) => self.error(code, &message).await,
                    Err(Refusal::Storage) => return Some(Some((1011, "storage error"))),
                }
            }
            // Consent, system information and the shell: the full client's messages.
            Ok(msg) => {
                let (state, session) = (&self.state, self.session.id);
                let gate = &mut self.consent_gate;
                match chat_consent::dispatch(
                    state,
                    session,
                    self.full_client,
                    gate,
                    msg,
                    text.len(),
                )
                .await
                {
                    Ok(None) => true,
                    Ok(Some(answer)) => self.send(&answer).await,
                    Err(Refusal::Refused(code, message)) => self.error(code, &message).await,
                    Err(Refusal::Storage) => return Some(Some((1011, "storage error"))),
                }
            }
        };
        (!ok).then_some(None)
    }
}
