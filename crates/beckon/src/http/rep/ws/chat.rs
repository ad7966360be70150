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
use tokio::sync::{mpsc, Semaphore};

/// Messages of one console being stored at once; past this the console's socket is not read
/// until one is answered (back-pressure instead of a growing pile of tasks).
const MAX_IN_FLIGHT: usize = 32;

/// The `chat` messages of one console still being stored, and their answers.
///
/// Each is stored by a task of its own that is never cancelled: a console that goes away
/// while a message is being stored must not stop the message, once committed, from being
/// announced to the customer (the console sends it again over the API, where it is a
/// duplicate).
pub(super) struct InFlight {
    permits: Arc<Semaphore>,
    done: mpsc::UnboundedSender<Value>,
    answers: mpsc::UnboundedReceiver<Value>,
}

impl InFlight {
    pub(super) fn new() -> InFlight {
        let (done, answers) = mpsc::unbounded_channel();
        InFlight {
            permits: Arc::new(Semaphore::new(MAX_IN_FLIGHT)),
            done,
            answers,
        }
    }

    /// The next answer; never ends (this holds a sender).
    pub(super) async fn answer(&mut self) -> Option<Value> {
        self.answers.recv().await
    }
}

impl Console {
    /// Starts storing one chat message; its answer comes out of `in_flight`.
    pub(super) async fn chat(
        &mut self,
        in_flight: &mut InFlight,
        lsid: String,
        id: String,
        text: String,
    ) -> bool {
        let permit = loop {
            if let Ok(permit) = in_flight.permits.clone().try_acquire_owned() {
                break permit;
            }
            // Every answer frees its permit before it is sent here.
            let Some(answer) = in_flight.answer().await else {
                return false;
            };
            if !self.send(&answer).await {
                return false;
            }
        };
        let (state, rep, done) = (self.state.clone(), self.rep.clone(), in_flight.done.clone());
        tokio::spawn(async move {
            let answer = answer(&state, &rep, lsid, id, text).await;
            drop(permit);
            // A console that went away no longer listens.
            let _ = done.send(answer);
        });
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
