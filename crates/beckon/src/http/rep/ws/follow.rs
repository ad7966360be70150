//! What the console sees of sessions: the queue and the representative's own sessions, and
//! the events of each session it follows, each exactly once and in order.

use super::Console;
use crate::domain::ids::SessionId;
use crate::domain::session::{Actor, SessionEvent, SessionState, SupportSession};
use crate::domain::time::now_ms;
use crate::http::rep::views::{queue_snapshot, session_views};
use serde_json::{json, Value};
use std::collections::HashMap;

impl Console {
    /// Sends the queue, then follows the sessions it lists as the representative's own. One
    /// reading of those sessions serves both, so the console always learns of a session (and
    /// opens its tab) before the session's events arrive.
    pub(super) async fn refresh(&mut self, after: &HashMap<String, i64>) -> bool {
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
    pub(super) async fn flush(&mut self, id: SessionId) -> bool {
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
    pub(super) async fn stream(&mut self, id: SessionId, e: &SessionEvent) -> bool {
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
    pub(super) async fn session_changed(&mut self, id: SessionId) -> bool {
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
