//! What the page is sent: messages, stored events in sequence order without gaps or repeats,
//! and its place in the queue.

use super::Conn;
use crate::domain::chat;
use crate::domain::session::SessionEvent;
use crate::http::chat_view::customer_event;
use crate::protocol::ServerMsg;
use axum::extract::ws::Message;

/// How fresh a queue position must be when it is sent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Freshness {
    /// Read now: on connect and when the session itself changed.
    Now,
    /// The node's shared reading of every position (`queue_positions`), at most a second old,
    /// and sent only when it changed: what thousands of waiting pages ask every few seconds.
    Shared,
}

impl Conn {
    pub(super) async fn send(&mut self, msg: &ServerMsg) -> bool {
        match serde_json::to_string(msg) {
            Ok(text) => {
                crate::http::socket::send_bounded(&mut self.socket, Message::Text(text.into()))
                    .await
            }
            Err(_) => false,
        }
    }

    pub(super) async fn error(&mut self, code: &str, message: &str) -> bool {
        self.send(&ServerMsg::Error {
            code: code.into(),
            message: message.into(),
        })
        .await
    }

    /// Sends every stored event after `last`.
    pub(super) async fn flush(&mut self) -> bool {
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
    pub(super) async fn stream(&mut self, e: &SessionEvent) -> bool {
        if e.seq != self.last.saturating_add(1) {
            return e.seq <= self.last || self.flush().await;
        }
        self.last = e.seq;
        match customer_event(e.clone()) {
            Some(msg) => self.send(&msg).await,
            None => true,
        }
    }

    pub(super) async fn send_queue_status(&mut self, freshness: Freshness) -> bool {
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
}
