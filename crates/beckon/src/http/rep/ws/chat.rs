//! Chat over the console socket: `{"type": "chat", "lsid", "id", "text"}` is stored exactly as
//! `POST /api/rep/sessions/{lsid}/messages` stores it (the same checks, idempotent by `id`)
//! and answered with `chat_ack` or `chat_refused`.
//!
//! Why a second way to send: under load the HTTP request around each message (its parsing,
//! the middleware, reading the login) cost more than storing the message (BENCHMARKS.md,
//! "Chat over the console socket"). Several messages are stored at once, so one slow commit
//! does not hold up the console's other sessions; a console that needs its messages to one
//! session in order sends the next after the previous one's answer, as the console page does.

use super::Console;
use crate::app::AppState;
use crate::http::rep::{store_chat, ChatRefusal, Rep};
use serde_json::{json, Value};
use std::sync::Arc;
use tokio::task::JoinSet;

/// Messages of one console being stored at once; past this the console's socket is not read
/// until one is answered (back-pressure instead of a growing pile of tasks).
const MAX_IN_FLIGHT: usize = 32;

/// The answers to `chat` messages still being stored.
pub(super) type InFlight = JoinSet<Value>;

impl Console {
    /// Starts storing one chat message; its answer comes out of `in_flight`.
    pub(super) async fn chat(
        &mut self,
        in_flight: &mut InFlight,
        lsid: String,
        id: String,
        text: String,
    ) -> bool {
        while in_flight.len() >= MAX_IN_FLIGHT {
            if let Some(Ok(answer)) = in_flight.join_next().await {
                if !self.send(&answer).await {
                    return false;
                }
            }
        }
        let (state, rep) = (self.state.clone(), self.rep.clone());
        in_flight.spawn(async move { answer(&state, &rep, lsid, id, text).await });
        true
    }
}

async fn answer(state: &AppState, rep: &Arc<Rep>, lsid: String, id: String, text: String) -> Value {
    match store_chat(state, rep, &lsid, &id, &text).await {
        Ok(a) => json!({"type": "chat_ack", "lsid": lsid, "id": id, "seq": a.event.seq,
                        "duplicate": a.duplicate}),
        Err(refusal) => {
            if let ChatRefusal::Storage(e) = &refusal {
                tracing::error!(error = %e, "storing a representative's chat message failed");
            }
            json!({"type": "chat_refused", "lsid": lsid, "id": id, "code": refusal.code(),
                   "message": refusal.message()})
        }
    }
}
