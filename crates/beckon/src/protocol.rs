//! The customer WebSocket protocol lives in the `beckon-protocol` crate, shared with the
//! customer client; this path keeps the server's own spelling, and adds the server's reading
//! of an incoming frame.

pub use beckon_protocol::chat::*;

/// Largest text frame accepted from a page, except `system_info` (which the full client may
/// send up to `chat_consent::MAX_SYSTEM_INFO_BYTES`; the socket caps every frame anyway).
pub const MAX_FRAME_BYTES: usize = 32 * 1024;

/// Why an incoming frame is not a message the session acts on; the connection stays open
/// and the page is told `code` and `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameError {
    TooLarge,
    NotProtocol,
    Invalid(&'static str),
}

impl FrameError {
    pub fn code(&self) -> &'static str {
        match self {
            FrameError::TooLarge => "too_large",
            FrameError::NotProtocol => "bad_message",
            FrameError::Invalid(_) => "invalid_message",
        }
    }

    pub fn message(&self) -> &'static str {
        match self {
            FrameError::TooLarge => "messages are limited to 32 KB",
            FrameError::NotProtocol => "not a protocol message",
            FrameError::Invalid(reason) => reason,
        }
    }
}

/// Decodes one text frame from a customer socket and applies the checks that need nothing
/// but the frame: size, syntax, and the chat and left-message limits. Pure, so that it can be
/// fuzzed as it runs (`fuzz/fuzz_targets/chat_decode.rs`). Capability messages get their
/// further checks, which need the session's log, in `http::chat_consent`.
pub fn decode_client_frame(text: &str) -> Result<ClientMsg, FrameError> {
    let parsed = serde_json::from_str::<ClientMsg>(text);
    // system_info is the one message allowed past 32 KB; it is parsed before the size is
    // judged so that the limit can depend on what the frame is.
    if text.len() > MAX_FRAME_BYTES && !matches!(parsed, Ok(ClientMsg::SystemInfo { .. })) {
        return Err(FrameError::TooLarge);
    }
    let msg = parsed.map_err(|_| FrameError::NotProtocol)?;
    match &msg {
        ClientMsg::Chat { id, text } => check_chat(id, text).map_err(FrameError::Invalid)?,
        ClientMsg::LeaveMessage {
            name,
            contact,
            text,
        } => check_left_message(name, contact, text).map_err(FrameError::Invalid)?,
        ClientMsg::FileChunk { data, .. } => {
            beckon_protocol::files::decode(data).map_err(FrameError::Invalid)?;
        }
        ClientMsg::FileOffer { name, .. }
            if name.chars().count() > 4 * beckon_protocol::files::MAX_NAME_CHARS =>
        {
            return Err(FrameError::Invalid("a file name is at most 800 characters"));
        }
        ClientMsg::ShellOutput { data, id } => {
            beckon_protocol::shell::decode(data, beckon_protocol::shell::MAX_CHUNK_BYTES)
                .map_err(FrameError::Invalid)?;
            if id
                .as_ref()
                .is_some_and(|id| id.is_empty() || id.chars().count() > MAX_CLIENT_ID_CHARS)
            {
                return Err(FrameError::Invalid("message id must be 1 to 64 characters"));
            }
        }
        ClientMsg::ScreenTiles {
            width,
            height,
            tiles,
            ..
        } => beckon_protocol::screen::check_tiles(*width, *height, tiles)
            .map_err(FrameError::Invalid)?,
        _ => {}
    }
    Ok(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_decode_or_say_why_not() {
        assert_eq!(
            decode_client_frame(r#"{"type":"ping"}"#),
            Ok(ClientMsg::Ping)
        );
        assert_eq!(
            decode_client_frame(r#"{"type":"chat","id":"","text":"hi"}"#),
            Err(FrameError::Invalid("message id must be 1 to 64 characters"))
        );
        assert_eq!(
            decode_client_frame(r#"{"type":"leave_message","name":"","contact":"","text":" "}"#)
                .map_err(|e| e.code()),
            Err("invalid_message")
        );
        assert_eq!(
            decode_client_frame("{\"type\":\"nope\"}"),
            Err(FrameError::NotProtocol)
        );
        let big = format!(
            r#"{{"type":"ping","pad":"{}"}}"#,
            "x".repeat(MAX_FRAME_BYTES)
        );
        assert_eq!(decode_client_frame(&big), Err(FrameError::TooLarge));
    }
}
