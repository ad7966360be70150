//! `GET /api/rep/ws`: the console's live connection.
//!
//! It keeps the representative logged in (each heartbeat refreshes their presence; a console
//! gone longer than the grace period is logged out by the background sweep), pushes the queue
//! whenever it changes, and streams the events of the sessions the representative works, each
//! exactly once and in order.

use super::views::{queue_snapshot, session_views};
use super::Rep;
use crate::app::AppState;
use crate::domain::ids::SessionId;
use crate::domain::session::{Actor, SessionEvent, SessionState, SupportSession};
use crate::domain::time::now_ms;
use crate::hub::ConsolePoke;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;

const PING_EVERY: Duration = Duration::from_secs(15);
const IDLE_LIMIT: Duration = Duration::from_secs(45);
/// Queue changes are batched: at most one queue message per this period.
const QUEUE_DEBOUNCE: Duration = Duration::from_millis(250);
const MAX_WS_MESSAGE: usize = 16 * 1024;

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
                rep,
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
    rep: Rep,
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

    /// Sends the queue, then follows the sessions it lists as the representative's own. One
    /// reading of those sessions serves both, so the console always learns of a session (and
    /// opens its tab) before the session's events arrive.
    async fn refresh(&mut self, after: &HashMap<String, i64>) -> bool {
        let Ok(mine) = self.state.store.sessions_of_owner(self.rep.user.id).await else {
            return false;
        };
        self.sync_queue(&mine).await && self.follow_owned(&mine, after).await
    }

    /// Sends the queue and the representative's own sessions when they changed.
    async fn sync_queue(&mut self, mine: &[SupportSession]) -> bool {
        let store = self.state.store.as_ref();
        let Ok(queue) = queue_snapshot(store, &self.rep.user).await else {
            return false;
        };
        let mine: Vec<Value> = session_views(store, mine, self.rep.user.id).await;
        let Ok(invited) = store.invited_sessions(self.rep.user.id).await else {
            return false;
        };
        let invited: Vec<Value> = session_views(store, &invited, self.rep.user.id).await;
        let snapshot = json!({ "type": "queue", "sessions": queue, "mine": mine, "invitations": invited, "now": now_ms() });
        let same = |k: &str| snapshot[k] == self.last_queue[k];
        if same("sessions") && same("mine") && same("invitations") {
            return true;
        }
        self.last_queue = snapshot.clone();
        self.send(&snapshot).await
    }

    /// Streams new events of one session the representative works (or worked until now).
    async fn flush(&mut self, id: SessionId) -> bool {
        self.flush_until(id, |_| false).await
    }

    /// Streams new events of one session up to and including the first for which `last_one`
    /// holds (or all of them).
    async fn flush_until(
        &mut self,
        id: SessionId,
        last_one: impl Fn(&SessionEvent) -> bool,
    ) -> bool {
        let Some((lsid, mut last)) = self.sent.get(&id).cloned() else {
            return true;
        };
        'read: loop {
            let Ok(events) = self.state.store.events_after(id, last, 200).await else {
                return false;
            };
            if events.is_empty() {
                break;
            }
            for e in events {
                last = e.seq;
                if !self.send(&event_msg(&lsid, &e)).await {
                    return false;
                }
                if last_one(&e) {
                    break 'read;
                }
            }
        }
        self.sent.insert(id, (lsid, last));
        true
    }

    /// Sends an event that was just stored: straight on when it is the next one of a followed
    /// session, from the store when some are missing.
    async fn stream(&mut self, id: SessionId, e: &SessionEvent) -> bool {
        let Some((lsid, last)) = self.sent.get_mut(&id) else {
            return true;
        };
        if e.seq != last.saturating_add(1) {
            return e.seq <= *last || self.flush(id).await;
        }
        *last = e.seq;
        let msg = event_msg(lsid, e);
        self.send(&msg).await
    }

    /// Follows exactly the sessions in `mine`: new ones from the console's last seen sequence
    /// number (`after`, else from the start), and those transferred away, ended or left no
    /// longer, after their last events (the transfer or end itself) have been sent.
    async fn follow_owned(
        &mut self,
        mine: &[SupportSession],
        after: &HashMap<String, i64>,
    ) -> bool {
        let gone: Vec<SessionId> = self
            .sent
            .keys()
            .filter(|id| !mine.iter().any(|s| s.id == **id))
            .copied()
            .collect();
        for id in gone {
            if !self.flush(id).await {
                return false;
            }
            self.sent.remove(&id);
        }
        for s in mine {
            if let std::collections::hash_map::Entry::Vacant(slot) = self.sent.entry(s.id) {
                let from = after.get(s.lsid.as_str()).copied().unwrap_or(0);
                slot.insert((s.lsid.0.clone(), from));
                if !self.flush(s.id).await {
                    return false;
                }
            }
        }
        true
    }

    /// A followed session changed (accepted, transferred, ended, left): sends its new events
    /// and, when the representative no longer works it, stops following it at once. Waiting
    /// for the debounced refresh would let events that follow the change in the log (the new
    /// owner's chat after a transfer) reach this console first.
    async fn session_changed(&mut self, id: SessionId) -> bool {
        let me = self.rep.user.id;
        let store = self.state.store.as_ref();
        let still_mine = match store.session_by_id(id).await {
            Ok(Some(s)) if s.owner_id == Some(me) => true,
            Ok(Some(s)) if s.state == SessionState::Active => {
                match store.sessions_of_owner(me).await {
                    Ok(mine) => mine.iter().any(|m| m.id == id),
                    Err(_) => return false,
                }
            }
            Ok(_) => false,
            Err(_) => return false,
        };
        if still_mine {
            return self.flush(id).await;
        }
        // What this representative sees ends with the event that took the session from them.
        let ends_mine = |e: &SessionEvent| match e.kind.as_str() {
            "transferred" | "member_left" => e.actor == Actor::Rep(me),
            "state_changed" => e.body["to"] == "ended",
            _ => false,
        };
        if !self.flush_until(id, ends_mine).await {
            return false;
        }
        self.sent.remove(&id);
        true
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
        let mut last_heard = tokio::time::Instant::now();
        let shutdown = self.state.shutdown.clone();
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return Some((1001, "server restarting")),
                _ = ping.tick() => {
                    if last_heard.elapsed() > IDLE_LIMIT { return Some((1001, "idle")); }
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
                incoming = self.socket.recv() => {
                    let msg = match incoming {
                        Some(Ok(msg)) => msg,
                        Some(Err(e)) => return crate::http::socket::end_for(&e),
                        None => return None,
                    };
                    last_heard = tokio::time::Instant::now();
                    let Message::Text(text) = msg else { continue };
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
                        Ok(ConsoleMsg::Ping) => { if !self.send(&json!({"type": "pong"})).await { return None; } }
                        Ok(ConsoleMsg::Hello { .. }) => {}
                        Err(_) => { if !self.send(&json!({"type": "error", "code": "bad_message"})).await { return None; } }
                    }
                }
            }
        }
    }
}

/// An event of a followed session, as the console reads it.
fn event_msg(lsid: &str, e: &SessionEvent) -> Value {
    let from = match e.actor {
        Actor::Customer => "customer",
        Actor::Rep(_) => "rep",
        _ => "system",
    };
    json!({"type": "event", "lsid": lsid, "seq": e.seq, "kind": e.kind, "from": from,
           "actor": e.actor, "body": e.body, "at": e.at})
}
