//! Sending and awaiting JSON messages on a test WebSocket (customer, full client or console);
//! `reps::next_json` and `reps::next_msg` read single messages.

use super::reps::{next_json, Ws};
use futures_util::SinkExt;
use serde_json::Value;
use tokio_tungstenite::tungstenite::Message;

/// Sends `v` as one JSON text message.
pub async fn send(ws: &mut Ws, v: Value) {
    ws.send(Message::Text(v.to_string().into())).await.unwrap();
}

/// How many messages `until` reads before giving up. Time is bounded by `next_json` (5 seconds
/// per message); this only bounds how many non-matching messages (queue snapshots, events,
/// pongs, acks) may come first. A passing test stops at its match, so a high bound costs
/// nothing; 200 is the largest the former per-file copies used (the full-client tests), and
/// covers the chat and console tests that used 50 or 60.
const UNTIL_MAX_MESSAGES: usize = 200;

/// Reads messages (Close included, as `{"type": "closed"}`) until one matches `pred` and
/// returns it; fails when no message comes within 5 seconds or after `UNTIL_MAX_MESSAGES`.
pub async fn until(ws: &mut Ws, pred: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..UNTIL_MAX_MESSAGES {
        let m = next_json(ws).await;
        if pred(&m) {
            return m;
        }
    }
    panic!("no matching message in {UNTIL_MAX_MESSAGES}");
}
