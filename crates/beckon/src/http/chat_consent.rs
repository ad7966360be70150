//! The full client's side of capabilities on the customer WebSocket: `consent`, `revoke`,
//! `system_info`, `shell_output`, `shell_ended`, `screen_tiles` and `screen_ended`
//! (docs/customer_client.md, "Capabilities and consent"). The rules are `domain::capabilities`'; this module reads the log, applies
//! them and records the result.

use crate::app::AppState;
use crate::domain::capabilities::{self, Consent, REVOKED, SHELL_ENDED, SHELL_OUTPUT, SYSTEM_INFO};
use crate::domain::ids::SessionId;
use crate::domain::session::{Actor, NewEvent};
use crate::domain::time::now_ms;
use crate::protocol::{Capability, ClientMsg, ServerMsg};
use serde_json::json;

/// Largest `system_info` message accepted: a busy machine's disks and interfaces fit well.
pub const MAX_SYSTEM_INFO_BYTES: usize = 64 * 1024;
/// Most output one shell may add to the log. A runaway command (`yes`, a binary file on the
/// terminal) would otherwise fill the database; past it the server ends the shell.
pub const MAX_SHELL_OUTPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Why a capability message was not recorded.
pub enum Refusal {
    /// Told to the client as an `error` message; the connection stays open.
    Refused(&'static str, String),
    /// The store failed; the connection ends.
    Storage,
}

pub(super) fn refused(code: &'static str, message: impl Into<String>) -> Refusal {
    Refusal::Refused(code, message.into())
}

/// Routes a full-client message to `handle`, `handle_shell` or `handle_screen`; `Some` is
/// the answer to send.
pub async fn dispatch(
    state: &AppState,
    session: SessionId,
    full_client: bool,
    gate: &mut ConsentGate,
    msg: ClientMsg,
    len: usize,
) -> Result<Option<ServerMsg>, Refusal> {
    match msg {
        ClientMsg::ShellOutput { .. } | ClientMsg::ShellEnded { .. } => {
            handle_shell(state, session, full_client, gate, msg).await
        }
        ClientMsg::ScreenTiles { .. } | ClientMsg::ScreenEnded { .. } => {
            super::chat_screen::handle_screen(state, session, full_client, gate, msg).await
        }
        _ => handle(state, session, full_client, msg, len)
            .await
            .map(|_| None),
    }
}

/// The lasting capabilities' consent for one connection (shell and screen), folded from the
/// log as it grows: a busy shell or screen sends many messages, and each reads only the
/// events since the previous one instead of the whole log.
pub struct ConsentGate {
    upto: i64,
    shell: Consent,
    screen: Consent,
    /// Output of the current shell in the log, in bytes.
    output: u64,
}

impl Default for ConsentGate {
    fn default() -> Self {
        ConsentGate {
            upto: 0,
            shell: Consent::None,
            screen: Consent::None,
            output: 0,
        }
    }
}

impl ConsentGate {
    async fn current(&mut self, state: &AppState, session: SessionId) -> Result<Consent, Refusal> {
        self.fold(state, session).await?;
        Ok(self.shell)
    }

    /// Where the screen view stands now.
    pub async fn screen(
        &mut self,
        state: &AppState,
        session: SessionId,
    ) -> Result<Consent, Refusal> {
        self.fold(state, session).await?;
        Ok(self.screen)
    }

    async fn fold(&mut self, state: &AppState, session: SessionId) -> Result<(), Refusal> {
        loop {
            let events = state
                .store
                .events_after(session, self.upto, 1000)
                .await
                .map_err(|e| {
                    tracing::error!(error = %e, "reading the log for the shell failed");
                    Refusal::Storage
                })?;
            let Some(last) = events.last() else {
                return Ok(());
            };
            self.upto = last.seq;
            for e in &events {
                let before = self.shell;
                self.shell = capabilities::step(self.shell, e, Capability::Shell);
                if self.shell == Consent::Allowed && before != Consent::Allowed {
                    self.output = 0;
                }
                if e.kind == SHELL_OUTPUT {
                    self.output += decoded_len(e.body["data"].as_str().unwrap_or_default());
                }
                self.screen = capabilities::step(self.screen, e, Capability::ScreenView);
            }
        }
    }
}

/// Bytes of base64 `data`, from its length (the frame decoder checked it).
fn decoded_len(data: &str) -> u64 {
    let pad = data.bytes().rev().take_while(|b| *b == b'=').count();
    ((data.len() / 4 * 3).saturating_sub(pad)) as u64
}

/// Handles `shell_output` and `shell_ended`. Both are recorded only while the customer's
/// consent stands: output still in flight when the customer revoked, or the end of a shell
/// the client stopped because of the revocation, is dropped quietly (the revocation in the
/// log already says the shell stopped; the client need not be told again). Output with an id
/// is stored once per id and answered `ack` (seq 0 when dropped), so the client can resend
/// after a reconnect without loss or duplicates.
pub async fn handle_shell(
    state: &AppState,
    session: SessionId,
    full_client: bool,
    gate: &mut ConsentGate,
    msg: ClientMsg,
) -> Result<Option<ServerMsg>, Refusal> {
    if !full_client {
        return Err(refused(
            "not_full_client",
            "the shell runs in the full client (hello.client.kind = full)",
        ));
    }
    let id = match &msg {
        ClientMsg::ShellOutput { id, .. } => id.clone(),
        _ => None,
    };
    let dropped = id.clone().map(|id| ServerMsg::Ack { id, seq: 0 });
    if gate.current(state, session).await? != Consent::Allowed {
        tracing::debug!("shell message after the consent ended, dropped");
        return Ok(dropped);
    }
    let (kind, body) = match msg {
        ClientMsg::ShellOutput { data, .. } => {
            if gate.output + decoded_len(&data) > MAX_SHELL_OUTPUT_BYTES {
                let body = json!({ "code": null, "reason": "output_limit" });
                record_as(state, session, Actor::System, SHELL_ENDED, body, None).await?;
                tracing::info!("a shell printed more than the limit and was ended");
                return Ok(dropped);
            }
            (SHELL_OUTPUT, json!({ "data": data }))
        }
        ClientMsg::ShellEnded { code } => (SHELL_ENDED, json!({ "code": code })),
        _ => return Err(refused("bad_message", "not a shell message")),
    };
    let seq = record_as(state, session, Actor::Customer, kind, body, id.clone()).await?;
    Ok(id.map(|id| ServerMsg::Ack { id, seq }))
}

/// Handles a `consent`, `revoke` or `system_info` message of `len` bytes from a connection
/// whose hello said it is the full client (`full_client`).
pub async fn handle(
    state: &AppState,
    session: SessionId,
    full_client: bool,
    msg: ClientMsg,
    len: usize,
) -> Result<(), Refusal> {
    // The chat page never shows a request, so it never answers one: only the client that
    // showed the customer what is asked may record their consent.
    if !full_client {
        return Err(refused(
            "not_full_client",
            "capabilities are answered by the full client (hello.client.kind = full)",
        ));
    }
    let events = state
        .store
        .events_after(session, 0, 100_000)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "reading the log for a capability message failed");
            Refusal::Storage
        })?;
    let (kind, body) = match msg {
        ClientMsg::Consent { capability, allow } => {
            let kind = capabilities::answer(&events, capability, allow)
                .map_err(|e| refused("not_requested", e.to_string()))?;
            (kind, json!({ "capability": capability.as_str() }))
        }
        ClientMsg::Revoke { capability } => {
            capabilities::may_revoke(&events, capability)
                .map_err(|e| refused("not_allowed", e.to_string()))?;
            (REVOKED, json!({ "capability": capability.as_str() }))
        }
        ClientMsg::SystemInfo { info } => {
            if len > MAX_SYSTEM_INFO_BYTES {
                return Err(refused(
                    "too_large",
                    "system information is limited to 64 KB",
                ));
            }
            info.check()
                .map_err(|reason| refused("invalid_message", reason))?;
            capabilities::may_share_system_info(&events)
                .map_err(|e| refused("not_allowed", e.to_string()))?;
            (SYSTEM_INFO, json!({ "info": info }))
        }
        _ => return Err(refused("bad_message", "not a capability message")),
    };
    record(state, session, kind, body).await
}

pub(super) async fn record(
    state: &AppState,
    session: SessionId,
    kind: &str,
    body: serde_json::Value,
) -> Result<(), Refusal> {
    record_as(state, session, Actor::Customer, kind, body, None)
        .await
        .map(|_| ())
}

/// Appends an event (once per `client_msg_id`); its sequence number.
async fn record_as(
    state: &AppState,
    session: SessionId,
    actor: Actor,
    kind: &str,
    body: serde_json::Value,
    client_msg_id: Option<String>,
) -> Result<i64, Refusal> {
    let event = NewEvent {
        kind: kind.into(),
        actor,
        body,
        client_msg_id,
        at: now_ms(),
    };
    match state.store.append_event(session, event).await {
        Ok(a) => {
            // Only the log changes: consoles following the session stream the event.
            if !a.duplicate {
                state.hub.notify_log(session, &a.event);
            }
            Ok(a.event.seq)
        }
        Err(e) => {
            tracing::error!(error = %e, "storing a capability event failed");
            Err(Refusal::Storage)
        }
    }
}
