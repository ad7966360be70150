//! `GET /api/rep/ws`: the console's live connection.
//!
//! It keeps the representative logged in (each heartbeat refreshes their presence; a console
//! gone longer than the grace period is logged out by the background sweep), pushes the queue
//! whenever it changes, and streams the events of the sessions the representative works, each
//! exactly once and in order. The representative may chat over it too (`chat`).
//!
//! Its login is read again at each heartbeat, and at once when a login of the same user is
//! signed out on this node (`ConsolePoke::SignedOut`): a console whose login ended (signed
//! out, expired, user disabled) is closed with 4401, one whose user must first change their
//! password with 4403. Chat over the socket needs no login read of its own.

mod chat;
mod follow;

use super::Rep;
use crate::app::AppState;
use crate::domain::auth;
use crate::domain::ids::SessionId;
use crate::domain::time::now_ms;
use crate::http::socket::Read;
use crate::hub::ConsolePoke;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

const PING_EVERY: Duration = Duration::from_secs(15);
const IDLE_LIMIT: Duration = Duration::from_secs(45);
/// Queue changes are batched: at most one queue message per this period.
const QUEUE_DEBOUNCE: Duration = Duration::from_millis(250);
/// A chat message of 4,000 characters, each escaped in JSON, fits.
const MAX_WS_MESSAGE: usize = 32 * 1024;

/// What the console sends.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ConsoleMsg {
    /// First message: the last sequence number seen per session lsid (empty for none).
    Hello {
        #[serde(default)]
        after: HashMap<String, i64>,
    },
    Typing {
        lsid: String,
        active: bool,
    },
    /// A chat message to the customer (and the other representatives) of a session.
    Chat {
        lsid: String,
        id: String,
        text: String,
    },
    /// The console drew screen frame `frame` of a session it follows (the client's credit for
    /// the next), or asks for every tile (`keyframe`: it starts watching, or lost parts).
    ScreenAck {
        lsid: String,
        frame: u64,
        #[serde(default)]
        keyframe: bool,
    },
    Ping,
}

pub async fn console_ws(
    State(state): State<AppState>,
    rep: Rep,
    headers: axum::http::HeaderMap,
    ws: WebSocketUpgrade,
) -> Response {
    // Browsers send Origin on WebSocket handshakes; only the site's own pages may connect
    // with the representative's cookie (cross-site WebSocket hijacking).
    let origin = headers
        .get(axum::http::header::ORIGIN)
        .and_then(|v| v.to_str().ok());
    if let Some(origin) = origin {
        let own = state.settings.public_url.origin().ascii_serialization();
        let host = headers
            .get(axum::http::header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let same_host = origin.split("://").nth(1) == Some(host);
        if origin != own && !same_host {
            return super::error(
                axum::http::StatusCode::FORBIDDEN,
                "bad_origin",
                "connect from the console page",
            );
        }
    }
    ws.max_message_size(MAX_WS_MESSAGE)
        .read_buffer_size(crate::limits::WS_READ_BUFFER)
        .on_upgrade(move |socket| async move {
            let _open = state.sockets.token();
            let mut conn = Console {
                state,
                rep: Arc::new(rep),
                socket,
                sent: HashMap::new(),
                last_queue: Value::Null,
            };
            if let Some((code, reason)) = conn.run().await {
                crate::http::socket::close(&mut conn.socket, code, reason).await;
            }
        })
}

struct Console {
    state: AppState,
    /// Read again at each heartbeat, so a renamed representative chats under the new name.
    rep: Arc<Rep>,
    socket: WebSocket,
    /// Per owned session: lsid and the last sequence number sent.
    sent: HashMap<SessionId, (String, i64)>,
    last_queue: Value,
}

impl Console {
    async fn send(&mut self, v: &Value) -> bool {
        crate::http::socket::send_bounded(&mut self.socket, Message::Text(v.to_string().into()))
            .await
    }

    /// Reads the login again: the close code and reason when it ended (signed out, expired,
    /// user disabled, or a new password is required), else takes the user as it is now.
    async fn login_ended(&mut self) -> Option<(u16, &'static str)> {
        match auth::user_of(self.state.store.as_ref(), &self.rep.token).await {
            Ok(Some(user)) if user.must_change_password => Some((4403, "password change required")),
            Ok(Some(user)) => {
                let token = self.rep.token.clone();
                self.rep = Arc::new(Rep { user, token });
                None
            }
            Ok(None) => Some((4401, "signed out")),
            // A store that cannot answer now says nothing about the login.
            Err(_) => None,
        }
    }

    async fn run(&mut self) -> Option<(u16, &'static str)> {
        let mut pokes = self.state.hub.subscribe_console();
        let mut screens = self.state.hub.subscribe_screens();
        let after = match tokio::time::timeout(Duration::from_secs(10), self.socket.recv()).await {
            Ok(Some(Ok(Message::Text(t)))) => match serde_json::from_str::<ConsoleMsg>(&t) {
                Ok(ConsoleMsg::Hello { after }) => after,
                _ => return Some((1002, "expected hello")),
            },
            _ => return None,
        };
        let presence = self.state.store.list_presence().await.unwrap_or_default();
        let status = presence
            .iter()
            .find(|p| p.user_id == self.rep.user.id)
            .map(|p| p.status);
        let me = json!({"type": "welcome", "user": self.rep.user, "presence": status});
        if !self.send(&me).await || !self.refresh(&after).await {
            return None;
        }
        let mut ping = tokio::time::interval(PING_EVERY);
        let mut debounce = tokio::time::interval(QUEUE_DEBOUNCE);
        let mut dirty = false;
        let mut in_flight = chat::InFlight::new();
        let mut last_heard = tokio::time::Instant::now();
        let shutdown = self.state.shutdown.clone();
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return Some((1001, "server restarting")),
                _ = ping.tick() => {
                    if last_heard.elapsed() > IDLE_LIMIT { return Some((1001, "idle")); }
                    if let Some(end) = self.login_ended().await { return Some(end); }
                    // The console is alive: keep the representative logged in.
                    let _ = self.state.store.touch_presence(self.rep.user.id, now_ms()).await;
                    if !crate::http::socket::send_bounded(&mut self.socket, Message::Ping(Vec::new().into())).await { return None; }
                }
                _ = debounce.tick() => {
                    if dirty {
                        dirty = false;
                        if !self.refresh(&HashMap::new()).await { return None; }
                    }
                }
                poke = pokes.recv() => match poke {
                    Ok(ConsolePoke::Session(id)) => {
                        dirty = true;
                        if self.sent.contains_key(&id) && !self.session_changed(id).await { return None; }
                    }
                    Ok(ConsolePoke::Log(id, e)) => {
                        if !self.stream(id, &e).await { return None; }
                    }
                    Ok(ConsolePoke::SignedOut(user)) => {
                        if user == self.rep.user.id {
                            if let Some(end) = self.login_ended().await { return Some(end); }
                        }
                    }
                    Ok(ConsolePoke::CustomerTyping(id, active)) => {
                        if let Some((lsid, _)) = self.sent.get(&id).cloned() {
                            if !self.send(&json!({"type": "typing", "lsid": lsid, "active": active})).await { return None; }
                        }
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                        dirty = true;
                        let ids: Vec<SessionId> = self.sent.keys().copied().collect();
                        for id in ids { if !self.flush(id).await { return None; } }
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                },
                part = screens.recv() => match part {
                    Ok(part) => {
                        if let Some((lsid, _)) = self.sent.get(&part.session) {
                            let mut msg = part.msg.clone();
                            msg["type"] = json!("screen");
                            msg["lsid"] = json!(lsid);
                            if !self.send(&msg).await { return None; }
                        }
                    }
                    // Parts were lost: a partial frame must not stay on screen, so every
                    // followed session's client is asked for a keyframe instead.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                        for id in self.sent.keys() { self.state.hub.screen_ack(*id, 0, true); }
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                },
                Some(answer) = in_flight.answer() => {
                    if !self.send(&answer).await { return None; }
                }
                incoming = self.socket.recv() => {
                    // A close ends the loop at once: answers still being stored have nobody to go to.
                    last_heard = tokio::time::Instant::now();
                    let text = match crate::http::socket::read(incoming) {
                        Read::Text(text) => text,
                        Read::Other => continue,
                        Read::End(end) => return end,
                    };
                    match serde_json::from_str::<ConsoleMsg>(&text) {
                        Ok(ConsoleMsg::Typing { lsid, active }) => {
                            let owned = self.sent.iter().find(|(_, (l, _))| *l == lsid).map(|(id, _)| *id);
                            if let Some(id) = owned {
                                self.state.hub.typing(id, "rep", Some(self.rep.user.public_display_name.clone()), active);
                            }
                        }
                        Ok(ConsoleMsg::ScreenAck { lsid, frame, keyframe }) => {
                            let owned = self.sent.iter().find(|(_, (l, _))| *l == lsid).map(|(id, _)| *id);
                            if let Some(id) = owned { self.state.hub.screen_ack(id, frame, keyframe); }
                        }
                        Ok(ConsoleMsg::Chat { lsid, id, text }) => {
                            if !self.chat(&mut in_flight, lsid, id, text).await { return None; }
                        }
                        Ok(ConsoleMsg::Ping) => { if !self.send(&json!({"type": "pong"})).await { return None; } }
                        Ok(ConsoleMsg::Hello { .. }) => {}
                        Err(_) => { if !self.send(&json!({"type": "error", "code": "bad_message"})).await { return None; } }
                    }
                }
            }
        }
    }
}
