//! Sending on a WebSocket without letting a peer that does not read hold the server.
//!
//! Every send waits for the socket to take the frame (so nothing piles up in memory: events
//! stay in the store until they can be sent), but only for `WS_SEND_TIMEOUT`. A peer whose
//! buffers stay full that long is disconnected; a real client reconnects and resumes from its
//! last sequence number.

use crate::limits::WS_SEND_TIMEOUT;
use axum::extract::ws::{Message, WebSocket};

/// Sends one message; `false` when the peer is gone or stopped reading.
pub async fn send_bounded(socket: &mut WebSocket, msg: Message) -> bool {
    match tokio::time::timeout(WS_SEND_TIMEOUT, socket.send(msg)).await {
        Ok(r) => r.is_ok(),
        Err(_) => {
            tracing::warn!(
                timeout_secs = WS_SEND_TIMEOUT.as_secs(),
                "WebSocket peer stopped reading; disconnected"
            );
            false
        }
    }
}

/// How long a closing server waits for the peer's own close frame.
const CLOSE_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Ends a WebSocket with a close frame, then waits (briefly) for the peer's close reply.
///
/// Dropping the TCP socket right after our close frame would reset it whenever the peer had
/// sent anything we had not read yet (a ping, a message in flight), and a reset lets the
/// peer's kernel discard our close frame unread: the client would see a broken connection
/// instead of the code and reason. Reading until the peer answers completes the closing
/// handshake the protocol asks for, and drains what was in flight.
pub async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let frame = axum::extract::ws::CloseFrame {
        code,
        reason: reason.into(),
    };
    if !send_bounded(socket, Message::Close(Some(frame))).await {
        return;
    }
    let _ = tokio::time::timeout(CLOSE_WAIT, async {
        while let Some(Ok(msg)) = socket.recv().await {
            if matches!(msg, Message::Close(_)) {
                break;
            }
        }
    })
    .await;
}

/// What one read of a socket means for its connection's loop.
pub enum Read {
    /// A text message to handle.
    Text(axum::extract::ws::Utf8Bytes),
    /// A frame the loop has nothing to do with (ping, pong, binary): the peer is alive.
    Other,
    /// The peer closed or the read failed: end the loop, with this close frame if any.
    End(Option<(u16, &'static str)>),
}

/// Sorts the result of `socket.recv()`; a close frame from the peer ends the loop at once
/// (the WebSocket layer answers it).
pub fn read(incoming: Option<Result<Message, axum::Error>>) -> Read {
    match incoming {
        Some(Ok(Message::Text(text))) => Read::Text(text),
        Some(Ok(Message::Close(_))) | None => Read::End(None),
        Some(Ok(_)) => Read::Other,
        Some(Err(e)) => Read::End(end_for(&e)),
    }
}

/// The close code and reason for a read error, when the peer should be told one.
///
/// A message over the size limit is refused by the WebSocket layer before we see it; the peer
/// gets 1009 ("message too big", RFC 6455 7.4.1) rather than a silently dropped connection.
/// The layer only says so in its error text, hence the match on it.
fn end_for(err: &axum::Error) -> Option<(u16, &'static str)> {
    let text = err.to_string();
    tracing::info!(error = %text, "WebSocket read failed");
    if text.contains("Message too long") || text.contains("Space limit exceeded") {
        Some((1009, "message too big"))
    } else {
        None
    }
}
