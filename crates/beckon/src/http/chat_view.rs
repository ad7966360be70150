//! Which events of the session's log the customer's socket shows, and how.

use crate::domain::session::{Actor, SessionEvent};
use crate::protocol::ServerMsg;

/// An event as the customer's socket shows it, or `None` for what is not theirs to see.
pub fn customer_event(e: SessionEvent) -> Option<ServerMsg> {
    // Routing internals and representatives' notes are not the customer's business; the
    // shell's output came from the customer's own client, so it is not echoed back, and the
    // client counts a transfer's progress itself.
    if matches!(
        e.kind.as_str(),
        "offered" | "offer_timed_out" | "note" | "shell_output" | "file_progress"
    ) {
        return None;
    }
    // Representatives, and API calls, speak under the name they gave (body.name).
    let name = e
        .body
        .get("name")
        .and_then(|n| n.as_str())
        .map(String::from);
    let (from, name) = match e.actor {
        Actor::Customer => ("customer", None),
        Actor::Rep(_) => ("rep", name),
        _ => ("system", name),
    };
    let mut body = e.body;
    // A transfer's note is for representatives only.
    if e.kind == "transferred" {
        if let Some(o) = body.as_object_mut() {
            o.remove("note");
        }
    }
    Some(ServerMsg::Event {
        seq: e.seq,
        kind: e.kind,
        from: from.into(),
        name,
        body,
        at: e.at,
    })
}
