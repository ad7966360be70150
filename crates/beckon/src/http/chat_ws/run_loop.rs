//! The connection's life: the page's hello, the welcome, then one `select!` loop over
//! shutdown, heartbeat, queue position, hub pokes and the page's messages.

use super::outgoing::Freshness;
use super::{Conn, End};
use crate::domain::queue;
use crate::domain::session::SessionState;
use crate::http::socket::Read;
use crate::hub::Poke;
use crate::protocol::{self, ClientMsg, ServerMsg};
use axum::extract::ws::Message;
use std::time::Duration;

/// A peer silent for this long is considered gone (the page pings every 20 seconds).
const IDLE_LIMIT: Duration = Duration::from_secs(45);
const PING_EVERY: Duration = Duration::from_secs(15);
/// How often a waiting customer's queue position is refreshed. With the shared reading's age
/// (`queue_positions::FRESH_FOR`) a customer learns they moved up within 3 s; an unchanged
/// position costs a map lookup and sends nothing.
const QUEUE_EVERY: Duration = Duration::from_secs(2);

impl Conn {
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

    pub(super) async fn run(&mut self) -> End {
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
                    if !crate::http::socket::send_bounded(&mut self.socket, Message::Ping(Vec::new().into())).await { return None; }
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
                    last_heard = tokio::time::Instant::now();
                    let text = match crate::http::socket::read(incoming) {
                        Read::Text(text) => text,
                        Read::Other => continue,
                        Read::End(end) => return end,
                    };
                    if let Some(end) = self.handle(&text).await {
                        return end;
                    }
                }
            }
        }
    }
}
