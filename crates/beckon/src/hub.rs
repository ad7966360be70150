//! Live notification of session activity to connected pages on this node.
//!
//! `Poke::Events` is only a poke: receivers then read the events after the last sequence
//! number they sent from the store, which stays the one source of truth, so a missed or
//! lagged poke is harmless and the channels stay tiny (bounded, capacity 32). `Poke::Event`
//! carries the one event just stored, so that a receiver that has sent everything before it
//! sends it on without reading the store (the common case of a chat message, which at
//! thousands a second made these reads the bulk of the work); any gap falls back to the store.
//! Typing indicators are ephemeral and travel only here; the last one per session is
//! remembered for the representative API.

use crate::domain::ids::{SessionId, UserId};
use crate::domain::session::SessionEvent;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::sync::broadcast;

const CAPACITY: usize = 32;
/// A typing indicator not refreshed for this long is considered stopped.
pub const TYPING_TTL: std::time::Duration = std::time::Duration::from_secs(6);

#[derive(Debug, Clone, PartialEq)]
pub enum Poke {
    /// New events are in the store, and the session itself may have changed.
    Events,
    /// This event was stored, and nothing else changed.
    Event(Arc<SessionEvent>),
    /// Someone started or stopped typing: `from` is `customer` or `rep`.
    Typing {
        from: &'static str,
        name: Option<String>,
        active: bool,
    },
    /// A console drew a screen frame (or wants a keyframe): the client's credit for the next.
    ScreenAck { frame: u64, keyframe: bool },
}

/// Part of a screen frame on its way to the consoles following the session. Never stored:
/// the screen is live only (docs/customer_client.md, "Screen view").
#[derive(Debug)]
pub struct ScreenPart {
    pub session: SessionId,
    /// The client's `screen_tiles` message as JSON, plus `received_at` (server clock, ms).
    pub msg: serde_json::Value,
}

/// Screen parts in flight to all consoles of this node. A console that falls this far behind
/// loses parts (`Lagged`) and asks for a keyframe instead of queueing: a slow console lowers
/// its own frame rate, never the chat's pace or the other consoles'.
const SCREEN_CAPACITY: usize = 64;

/// What representatives' consoles hear about: every session's activity, which each console
/// filters by the sessions it shows. Capacity 1024; a console that lags resynchronizes.
#[derive(Debug, Clone, PartialEq)]
pub enum ConsolePoke {
    /// A session's state, owner, queue or members changed (and events were added).
    Session(SessionId),
    /// Only this event was added (a chat message, a note): the queue views stay as they are,
    /// so consoles that do not follow the session have nothing to do.
    Log(SessionId, Arc<SessionEvent>),
    /// The customer of a session started or stopped typing.
    CustomerTyping(SessionId, bool),
    /// A login of this user ended here (signed out): their consoles read their login again
    /// at once instead of at their next heartbeat.
    SignedOut(UserId),
}

const CONSOLE_CAPACITY: usize = 1024;

pub struct Hub {
    sessions: Mutex<HashMap<SessionId, broadcast::Sender<Poke>>>,
    customer_typing: Mutex<HashMap<SessionId, Instant>>,
    consoles: broadcast::Sender<ConsolePoke>,
    screens: broadcast::Sender<std::sync::Arc<ScreenPart>>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            sessions: Mutex::default(),
            customer_typing: Mutex::default(),
            consoles: broadcast::channel(CONSOLE_CAPACITY).0,
            screens: broadcast::channel(SCREEN_CAPACITY).0,
        }
    }
}

impl Hub {
    pub fn subscribe(&self, id: SessionId) -> broadcast::Receiver<Poke> {
        let mut map = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(id)
            .or_insert_with(|| broadcast::channel(CAPACITY).0)
            .subscribe()
    }

    fn send(&self, id: SessionId, poke: Poke) {
        let mut map = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(tx) = map.get(&id) {
            if tx.send(poke).is_err() {
                map.remove(&id);
            }
        }
    }

    /// Pokes every page watching the session, and every console; forgets sessions nobody
    /// watches any more.
    pub fn notify(&self, id: SessionId) {
        self.send(id, Poke::Events);
        let _ = self.consoles.send(ConsolePoke::Session(id));
    }

    /// Like `notify`, for an event that changes nothing but the log: consoles that follow the
    /// session stream it, and no console rebuilds its queue view (which cost a few store
    /// queries per console for every chat message). The event travels with the poke.
    pub fn notify_log(&self, id: SessionId, event: &SessionEvent) {
        let event = Arc::new(event.clone());
        self.send(id, Poke::Event(event.clone()));
        let _ = self.consoles.send(ConsolePoke::Log(id, event));
    }

    /// A login of `user` ended on this node (`ConsolePoke::SignedOut`).
    pub fn signed_out(&self, user: UserId) {
        let _ = self.consoles.send(ConsolePoke::SignedOut(user));
    }

    /// Every console subscribes to all session activity and filters what it shows.
    pub fn subscribe_console(&self) -> broadcast::Receiver<ConsolePoke> {
        self.consoles.subscribe()
    }

    /// Relays screen tiles to the consoles following the session.
    pub fn screen(&self, part: ScreenPart) {
        let _ = self.screens.send(std::sync::Arc::new(part));
    }

    pub fn subscribe_screens(&self) -> broadcast::Receiver<std::sync::Arc<ScreenPart>> {
        self.screens.subscribe()
    }

    /// Passes a console's acknowledgement of a screen frame to the customer's client.
    pub fn screen_ack(&self, id: SessionId, frame: u64, keyframe: bool) {
        self.send(id, Poke::ScreenAck { frame, keyframe });
    }

    pub fn typing(&self, id: SessionId, from: &'static str, name: Option<String>, active: bool) {
        if from == "customer" {
            let mut t = self
                .customer_typing
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            if active {
                t.insert(id, Instant::now());
            } else {
                t.remove(&id);
            }
            let _ = self.consoles.send(ConsolePoke::CustomerTyping(id, active));
        }
        self.send(id, Poke::Typing { from, name, active });
    }

    /// Whether the customer of a session is typing now (on this node).
    pub fn customer_typing(&self, id: SessionId) -> bool {
        let t = self
            .customer_typing
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        t.get(&id).is_some_and(|at| at.elapsed() < TYPING_TTL)
    }

    pub fn watched(&self) -> usize {
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn pokes_reach_subscribers_and_unwatched_sessions_are_forgotten() {
        let hub = Hub::default();
        let mut rx = hub.subscribe(SessionId(1));
        hub.notify(SessionId(1));
        hub.typing(SessionId(1), "customer", None, true);
        assert_eq!(rx.recv().await.unwrap(), Poke::Events);
        assert!(matches!(
            rx.recv().await.unwrap(),
            Poke::Typing {
                from: "customer",
                active: true,
                ..
            }
        ));
        assert!(hub.customer_typing(SessionId(1)));
        drop(rx);
        hub.notify(SessionId(1));
        assert_eq!(hub.watched(), 0);
    }
}
