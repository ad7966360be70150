//! The full client's screen on the customer WebSocket (docs/customer_client.md, "Screen
//! view"): tiles are relayed live to the consoles following the session, never stored, and
//! only while the customer's consent stands.

use super::chat_consent::{record, refused, ConsentGate, Refusal};
use crate::app::AppState;
use crate::domain::capabilities::{Consent, SCREEN_ENDED};
use crate::domain::ids::SessionId;
use crate::domain::time::now_ms;
use crate::hub::ScreenPart;
use crate::protocol::{ClientMsg, ServerMsg};
use serde_json::json;

/// Handles `screen_tiles` and `screen_ended`. Tiles in flight when the customer revoked (or
/// before they allowed) are dropped quietly: the log already says the screen is not shared,
/// and the consoles are told by that event. Every `screen_tiles` taken off the socket is
/// answered `screen_received` (the client's send window), relayed or not.
pub async fn handle_screen(
    state: &AppState,
    session: SessionId,
    full_client: bool,
    gate: &mut ConsentGate,
    msg: ClientMsg,
) -> Result<Option<ServerMsg>, Refusal> {
    if !full_client {
        return Err(refused(
            "not_full_client",
            "the screen is shared by the full client (hello.client.kind = full)",
        ));
    }
    let received = match &msg {
        ClientMsg::ScreenTiles { frame, .. } => Some(ServerMsg::ScreenReceived { frame: *frame }),
        _ => None,
    };
    if gate.screen(state, session).await? != Consent::Allowed {
        tracing::debug!("screen message without standing consent, dropped");
        return Ok(received);
    }
    match msg {
        ClientMsg::ScreenTiles {
            frame,
            width,
            height,
            tiles,
            last,
            captured_at,
            encode_ms,
        } => {
            let msg = json!({
                "frame": frame, "width": width, "height": height, "tiles": tiles,
                "last": last, "captured_at": captured_at, "encode_ms": encode_ms,
                "received_at": now_ms(),
            });
            state.hub.screen(ScreenPart { session, msg });
            Ok(received)
        }
        ClientMsg::ScreenEnded { frames, reason } => {
            let reason: Option<String> = reason.map(|r| r.chars().take(200).collect());
            let body = json!({ "frames": frames, "reason": reason });
            record(state, session, SCREEN_ENDED, body)
                .await
                .map(|_| None)
        }
        _ => Err(refused("bad_message", "not a screen message")),
    }
}
