//! What the page sends once connected: chat, typing, messages left for later, the answer to
//! an elevation, the end, and the full client's files, consent, system information and shell.

use super::{Conn, End};
use crate::domain::queue;
use crate::domain::session::{Actor, NewEvent};
use crate::domain::time::now_ms;
use crate::http::chat_consent::{self, Refusal};
use crate::http::chat_files;
use crate::protocol::{self, ClientMsg, ServerMsg};
use serde_json::json;

impl Conn {
    async fn append(
        &mut self,
        kind: &str,
        body: serde_json::Value,
        client_msg_id: Option<String>,
    ) -> Result<crate::store::Appended, ()> {
        let event = NewEvent {
            kind: kind.into(),
            actor: Actor::Customer,
            body,
            client_msg_id,
            at: now_ms(),
        };
        match self.state.store.append_event(self.session.id, event).await {
            Ok(a) => {
                // Customer events change only the log, never the session's row.
                if !a.duplicate {
                    self.state.hub.notify_log(self.session.id, &a.event);
                }
                Ok(a)
            }
            Err(e) => {
                tracing::error!(error = %e, "storing a customer event failed");
                Err(())
            }
        }
    }

    /// Handles one message from the page; `Some` ends the connection.
    pub(super) async fn handle(&mut self, text: &str) -> Option<End> {
        let ok = match protocol::decode_client_frame(text) {
            Err(e) => self.error(e.code(), e.message()).await,
            Ok(ClientMsg::Chat { id, text }) => {
                if !self.chat_budget.try_take() {
                    self.error("rate_limited", "too many messages; wait a moment")
                        .await
                } else {
                    // Stored before it is acknowledged: an ack means it survives a crash.
                    match self
                        .append("chat_message", json!({ "text": text }), Some(id.clone()))
                        .await
                    {
                        Ok(a) => {
                            self.send(&ServerMsg::Ack {
                                id,
                                seq: a.event.seq,
                            })
                            .await
                        }
                        Err(()) => return Some(Some((1011, "storage error"))),
                    }
                }
            }
            Ok(ClientMsg::Typing { active }) => {
                self.state
                    .hub
                    .typing(self.session.id, "customer", None, active);
                true
            }
            Ok(ClientMsg::LeaveMessage {
                name,
                contact,
                text,
            }) => {
                let body = json!({ "name": name, "contact": contact, "text": text });
                self.append("customer_left_message", body, None)
                    .await
                    .is_ok()
            }
            Ok(ClientMsg::Elevation { accept }) => {
                let kind = if accept {
                    "elevation_accepted"
                } else {
                    "elevation_declined"
                };
                if self.append(kind, json!({}), None).await.is_err() {
                    return Some(Some((1011, "storage error")));
                }
                if accept {
                    let download_url =
                        format!("{}/download/{}", self.state.settings.base_url(), self.token);
                    self.send(&ServerMsg::Elevate { download_url }).await
                } else {
                    true
                }
            }
            Ok(ClientMsg::End) => {
                if let Ok(Some(_)) = queue::end(
                    self.state.store.as_ref(),
                    self.session.id,
                    Actor::Customer,
                    "customer_ended",
                )
                .await
                {
                    self.state.hub.notify(self.session.id);
                }
                true
            }
            Ok(ClientMsg::Ping) => self.send(&ServerMsg::Pong).await,
            Ok(ClientMsg::Hello { .. }) => true,
            Ok(msg) if chat_files::is_file_msg(&msg) => {
                let (state, session) = (&self.state, self.session.id);
                match chat_files::handle(state, session, self.full_client, &mut self.file_gate, msg)
                    .await
                {
                    Ok(Some(reply)) => self.send(&reply).await,
                    Ok(None) => true,
                    Err(Refusal::Refused(code, message)) => self.error(code, &message).await,
                    Err(Refusal::Storage) => return Some(Some((1011, "storage error"))),
                }
            }
            // Consent, system information and the shell: the full client's messages.
            Ok(msg) => {
                let (state, session) = (&self.state, self.session.id);
                let gate = &mut self.consent_gate;
                match chat_consent::dispatch(
                    state,
                    session,
                    self.full_client,
                    gate,
                    msg,
                    text.len(),
                )
                .await
                {
                    Ok(None) => true,
                    Ok(Some(answer)) => self.send(&answer).await,
                    Err(Refusal::Refused(code, message)) => self.error(code, &message).await,
                    Err(Refusal::Storage) => return Some(Some((1011, "storage error"))),
                }
            }
        };
        (!ok).then_some(None)
    }
}
