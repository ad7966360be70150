//! The full client's side of capabilities on the customer WebSocket: `consent`, `revoke`,
//! `system_info`, `shell_output`, `shell_ended`, `screen_tiles` and `screen_ended`
//! (docs/customer_client.md, "Capabilities and consent"). The rules are `domain::capabilities`'; this module reads the log, applies
//! them and records the result.

use crate::app::AppState;
use crate::domain::capabilities::{self, Consent, REVOKED, SHELL_ENDED, SHELL_OUTPUT, SYSTEM_INFO};
use crate::domain::ids::SessionId;
use crate::domain::session::{Actor, NewEvent};
use crate::domain::time::now_ms;
use crate::protocol::{Capability, ClientMsg};
use serde_json::json;

/// Largest `system_info` message accepted: a busy machine's disks and interfaces fit well.
pub const MAX_SYSTEM_INFO_BYTES: usize = 64 * 1024;

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

/// Routes a full-client message to `handle`, `handle_shell` or `handle_screen`.
pub async fn dispatch(
    state: &AppState,
    session: SessionId,
    full_client: bool,
    gate: &mut ConsentGate,
    msg: ClientMsg,
    len: usize,
) -> Result<(), Refusal> {
    match msg {
        ClientMsg::ShellOutput { .. } | ClientMsg::ShellEnded { .. } => {
            handle_shell(state, session, full_client, gate, msg).await
        }
        ClientMsg::ScreenTiles { .. } | ClientMsg::ScreenEnded { .. } => {
            super::chat_screen::handle_screen(state, session, full_client, gate, msg).await
        }
        _ => handle(state, session, full_client, msg, len).await,
    }
}

/// The lasting capabilities' consent for one connection (shell and screen), folded from the
/// log as it grows: a busy shell or screen sends many messages, and each reads only the
/// events since the previous one instead of the whole log.
pub struct ConsentGate {
    upto: i64,
    shell: Consent,
    screen: Consent,
}

impl Default for ConsentGate {
    fn default() -> Self {
        ConsentGate {
            upto: 0,
            shell: Consent::None,
            screen: Consent::None,
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
                self.shell = capabilities::step(self.shell, e, Capability::Shell);
                self.screen = capabilities::step(self.screen, e, Capability::ScreenView);
            }
        }
    }
}

/// Handles `shell_output` and `shell_ended`. Both are recorded only while the customer's
/// consent stands: output still in flight when the customer revoked, or the end of a shell
/// the client stopped because of the revocation, is dropped quietly (the revocation in the
/// log already says the shell stopped; the client need not be told again).
pub async fn handle_shell(
    state: &AppState,
    session: SessionId,
    full_client: bool,
    gate: &mut ConsentGate,
    msg: ClientMsg,
) -> Result<(), Refusal> {
    if !full_client {
        return Err(refused(
            "not_full_client",
            "the shell runs in the full client (hello.client.kind = full)",
        ));
    }
    if gate.current(state, session).await? != Consent::Allowed {
        tracing::debug!("shell message after the consent ended, dropped");
        return Ok(());
    }
    let (kind, body) = match msg {
        ClientMsg::ShellOutput { data } => (SHELL_OUTPUT, json!({ "data": data })),
        ClientMsg::ShellEnded { code } => (SHELL_ENDED, json!({ "code": code })),
        _ => return Err(refused("bad_message", "not a shell message")),
    };
    record(state, session, kind, body).await
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
    let event = NewEvent {
        kind: kind.into(),
        actor: Actor::Customer,
        body,
        client_msg_id: None,
        at: now_ms(),
    };
    match state.store.append_event(session, event).await {
        Ok(_) => {
            // Only the log changes: consoles following the session stream the event.
            state.hub.notify_log(session);
            Ok(())
        }
        Err(e) => {
            tracing::error!(error = %e, "storing a capability event failed");
            Err(Refusal::Storage)
        }
    }
}
