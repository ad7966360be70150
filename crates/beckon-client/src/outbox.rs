//! What has to survive a lost connection: the customer's messages until the server acked them,
//! their answers to requests until the log shows them, and the last event shown.
//!
//! Pure bookkeeping (no I/O) so the "no loss, no duplicates" rules are unit-tested:
//! * a chat message keeps its id and is resent until acked; the server stores an id once;
//! * a consent, revoke, shared information or end is resent after a reconnect until the
//!   session's log shows the customer's event for it;
//! * events are shown once each: a sequence number at or below the last shown is dropped;
//! * the shell's output keeps an id and its order and is resent after a reconnect until
//!   acked (the server stores an id once), and the shell's end follows the output before it.

use beckon_protocol::chat::ClientMsg;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingChat {
    pub id: String,
    pub text: String,
    /// When it last went out on a socket; `None` means it must go out on the next one.
    sent_at: Option<Instant>,
    /// The event it was stored as, once acked.
    pub acked: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
struct PendingControl {
    msg: ClientMsg,
    /// The event kind (from the customer) whose arrival proves the server has it.
    confirmed_by: &'static str,
    sent: bool,
}

/// Output of the customer's shell, or its end, in the order the shell produced them.
#[derive(Debug, Clone, PartialEq)]
struct PendingShell {
    msg: ClientMsg,
    /// The output's id; `None` for the end, which the log's `shell_ended` confirms.
    id: Option<String>,
    sent: bool,
}

/// Most shell messages unconfirmed at once: the shell's reader waits beyond it, so a slow or
/// broken link holds the shell back instead of growing memory (32 chunks of at most 8 KB).
pub const MAX_SHELL_IN_FLIGHT: usize = 32;

#[derive(Debug)]
pub struct Outbox {
    prefix: String,
    counter: u64,
    chats: Vec<PendingChat>,
    controls: Vec<PendingControl>,
    shell: Vec<PendingShell>,
    last_seq: i64,
}

impl Default for Outbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Outbox {
    pub fn new() -> Outbox {
        // A random prefix per run: ids never collide with an earlier run's in the same session.
        let prefix = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
        Outbox::with_prefix(&prefix)
    }

    pub fn with_prefix(prefix: &str) -> Outbox {
        Outbox {
            prefix: prefix.to_string(),
            counter: 0,
            chats: Vec::new(),
            controls: Vec::new(),
            shell: Vec::new(),
            last_seq: 0,
        }
    }

    /// Queues a chat message; returns its id (at most 64 characters, as the protocol wants).
    pub fn queue_chat(&mut self, text: &str) -> String {
        self.counter += 1;
        let id = format!("c{}-{}", self.prefix, self.counter);
        self.chats.push(PendingChat {
            id: id.clone(),
            text: text.to_string(),
            sent_at: None,
            acked: None,
        });
        id
    }

    /// Queues an answer or action whose customer event `confirmed_by` proves delivery.
    pub fn queue_control(&mut self, msg: ClientMsg, confirmed_by: &'static str) {
        self.controls.push(PendingControl {
            msg,
            confirmed_by,
            sent: false,
        });
    }

    /// Queues a chunk of the shell's output (base64) under a fresh id.
    pub fn queue_shell_output(&mut self, data: String) {
        self.counter += 1;
        let id = format!("s{}-{}", self.prefix, self.counter);
        self.shell.push(PendingShell {
            msg: ClientMsg::ShellOutput {
                data,
                id: Some(id.clone()),
            },
            id: Some(id),
            sent: false,
        });
    }

    /// Queues the shell's end, after the output it printed before it ended.
    pub fn queue_shell_end(&mut self, code: Option<i32>) {
        self.shell.push(PendingShell {
            msg: ClientMsg::ShellEnded { code },
            id: None,
            sent: false,
        });
    }

    /// The customer stopped the shell: the server drops what is still on its way anyway.
    pub fn drop_shell(&mut self) {
        self.shell.clear();
    }

    /// Shell messages not confirmed yet (`MAX_SHELL_IN_FLIGHT` bounds them).
    pub fn shell_in_flight(&self) -> usize {
        self.shell.len()
    }

    /// A new connection: everything unconfirmed goes out again.
    pub fn reconnected(&mut self) {
        for c in &mut self.chats {
            if c.acked.is_none() {
                c.sent_at = None;
            }
        }
        for c in &mut self.controls {
            c.sent = false;
        }
        for s in &mut self.shell {
            s.sent = false;
        }
    }

    /// The messages to put on the socket now: controls not yet sent on this connection, then
    /// chat messages never sent on it or unacked for `resend_after` (e.g. rate limited).
    pub fn due(&mut self, now: Instant, resend_after: Duration) -> Vec<ClientMsg> {
        let mut out = Vec::new();
        for c in &mut self.controls {
            if !c.sent {
                c.sent = true;
                out.push(c.msg.clone());
            }
        }
        for c in &mut self.chats {
            let due = match (c.acked, c.sent_at) {
                (Some(_), _) => false,
                (None, None) => true,
                (None, Some(at)) => now.duration_since(at) >= resend_after,
            };
            if due {
                c.sent_at = Some(now);
                out.push(ClientMsg::Chat {
                    id: c.id.clone(),
                    text: c.text.clone(),
                });
            }
        }
        // In order, each once per connection: the server answers every output with an ack.
        for s in &mut self.shell {
            if !s.sent {
                s.sent = true;
                out.push(s.msg.clone());
            }
        }
        out
    }

    /// The server stored chat message `id` as event `seq`.
    pub fn ack(&mut self, id: &str, seq: i64) -> bool {
        if let Some(i) = self.shell.iter().position(|s| s.id.as_deref() == Some(id)) {
            // Stored (or dropped for good, seq 0): the shell's output is not shown as chat.
            self.shell.remove(i);
            return false;
        }
        let Some(c) = self.chats.iter_mut().find(|c| c.id == id) else {
            return false;
        };
        c.acked = Some(seq);
        self.forget_shown();
        true
    }

    /// An event arrived: `true` when it is new and must be shown. A customer event of a kind
    /// a pending control waits for confirms the oldest such control.
    pub fn accept_event(&mut self, seq: i64, kind: &str, from_customer: bool) -> bool {
        if seq <= self.last_seq {
            return false;
        }
        self.last_seq = seq;
        if from_customer {
            if let Some(i) = self.controls.iter().position(|c| c.confirmed_by == kind) {
                self.controls.remove(i);
            }
            if kind == "shell_ended" {
                self.shell.retain(|s| s.id.is_some());
            }
        }
        self.forget_shown();
        true
    }

    /// Acked messages whose event has been shown need no more tracking.
    fn forget_shown(&mut self) {
        let last = self.last_seq;
        self.chats.retain(|c| c.acked.is_none_or(|s| s > last));
    }

    pub fn last_seq(&self) -> i64 {
        self.last_seq
    }

    /// Messages the customer wrote that the log does not show yet (the UI marks them
    /// "sending…").
    pub fn unshown(&self) -> Vec<(String, String)> {
        self.chats
            .iter()
            .map(|c| (c.id.clone(), c.text.clone()))
            .collect()
    }

    pub fn has_unconfirmed(&self) -> bool {
        !self.controls.is_empty() || self.chats.iter().any(|c| c.acked.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use beckon_protocol::chat::Capability;

    fn ids(msgs: &[ClientMsg]) -> Vec<String> {
        msgs.iter()
            .map(|m| match m {
                ClientMsg::Chat { id, .. } => id.clone(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn resends_unacked_with_the_same_id_until_acked() {
        let t0 = Instant::now();
        let later = t0 + Duration::from_secs(10);
        let mut o = Outbox::with_prefix("p");
        let a = o.queue_chat("one");
        let b = o.queue_chat("two");
        assert_eq!(
            ids(&o.due(t0, Duration::from_secs(5))),
            vec![a.clone(), b.clone()]
        );
        assert!(
            o.due(t0, Duration::from_secs(5)).is_empty(),
            "not twice at once"
        );
        assert!(o.ack(&a, 7));
        assert!(!o.ack("unknown", 8));
        // The connection drops: only the unacked one goes out again, same id.
        o.reconnected();
        assert_eq!(ids(&o.due(t0, Duration::from_secs(5))), vec![b.clone()]);
        // Unacked for a while (rate limited): out again.
        assert_eq!(ids(&o.due(later, Duration::from_secs(5))), vec![b.clone()]);
        o.ack(&b, 8);
        o.reconnected();
        assert!(o.due(later, Duration::from_secs(5)).is_empty());
        assert!(!o.has_unconfirmed());
        assert_eq!(o.unshown().len(), 2, "acked but not shown yet");
        assert!(o.accept_event(8, "chat_message", true));
        assert!(o.unshown().is_empty());
        assert_ne!(Outbox::new().queue_chat("x"), Outbox::new().queue_chat("x"));
        assert!(a.len() <= beckon_protocol::chat::MAX_CLIENT_ID_CHARS);
    }

    #[test]
    fn shows_each_event_once() {
        let mut o = Outbox::with_prefix("p");
        assert!(o.accept_event(1, "state_changed", false));
        assert!(o.accept_event(2, "member_joined", false));
        assert!(!o.accept_event(2, "member_joined", false), "a replay");
        assert!(!o.accept_event(1, "state_changed", false));
        assert!(o.accept_event(5, "chat_message", false), "gaps are fine");
        assert_eq!(o.last_seq(), 5);
    }

    #[test]
    fn controls_go_out_once_per_connection_until_the_log_confirms() {
        let t = Instant::now();
        let d = Duration::from_secs(5);
        let mut o = Outbox::with_prefix("p");
        let consent = ClientMsg::Consent {
            capability: Capability::SystemInfo,
            allow: true,
        };
        o.queue_control(consent.clone(), "capability_allowed");
        assert_eq!(o.due(t, d), vec![consent.clone()]);
        assert!(o.due(t, d).is_empty());
        o.reconnected();
        assert_eq!(o.due(t, d), vec![consent.clone()], "unconfirmed: again");
        // A representative's event of that kind confirms nothing.
        o.accept_event(3, "capability_allowed", false);
        assert!(o.has_unconfirmed());
        o.accept_event(4, "capability_allowed", true);
        assert!(!o.has_unconfirmed());
        o.reconnected();
        assert!(o.due(t, d).is_empty());
    }

    #[test]
    fn shell_output_is_resent_in_order_after_a_reconnect_until_acked_and_the_end_follows() {
        let t = Instant::now();
        let d = Duration::from_secs(5);
        let mut o = Outbox::with_prefix("p");
        o.queue_shell_output("AA==".into());
        o.queue_shell_output("AQ==".into());
        o.queue_shell_end(Some(0));
        let sent = o.due(t, d);
        let ids: Vec<Option<String>> = sent
            .iter()
            .map(|m| match m {
                ClientMsg::ShellOutput { id, .. } => id.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(ids, vec![Some("sp-1".into()), Some("sp-2".into()), None]);
        assert_eq!(sent[2], ClientMsg::ShellEnded { code: Some(0) });
        assert!(o.due(t, d).is_empty(), "once per connection");
        assert!(!o.ack("sp-1", 7), "output is not chat");
        assert_eq!(o.shell_in_flight(), 2);
        o.reconnected();
        let again = o.due(t, d);
        assert_eq!(again.len(), 2, "the unacked chunk, then the end");
        assert!(matches!(&again[0], ClientMsg::ShellOutput { id: Some(i), .. } if i == "sp-2"));
        assert_eq!(again[1], ClientMsg::ShellEnded { code: Some(0) });
        o.ack("sp-2", 0);
        // The end is confirmed by the customer's shell_ended in the log.
        o.accept_event(9, "shell_ended", false);
        assert_eq!(
            o.shell_in_flight(),
            1,
            "a representative's event confirms nothing"
        );
        o.accept_event(10, "shell_ended", true);
        assert_eq!(o.shell_in_flight(), 0);
        o.queue_shell_output("Ag==".into());
        o.drop_shell();
        assert!(o.due(t, d).is_empty(), "a revocation drops what waits");
    }
}
