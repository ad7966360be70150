//! The customer WebSocket protocol (version 1): JSON messages with a `type` tag, spoken by the
//! chat page and the full customer client (`docs/chat_protocol.md`).

use crate::screen::Tile;
use crate::sysinfo::SystemInfo;
use serde::{Deserialize, Serialize};

pub const VERSION: u32 = 1;
/// Longest chat message accepted, in characters.
pub const MAX_MESSAGE_CHARS: usize = 4000;
/// Longest client message id.
pub const MAX_CLIENT_ID_CHARS: usize = 64;

/// What a customer page sends.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMsg {
    /// First message: the last sequence number the page has seen (0 for none).
    Hello {
        v: u32,
        after: i64,
        /// Set by the full customer client; the chat page leaves it out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        client: Option<ClientInfo>,
    },
    /// A chat message with a page-chosen id; a resend with the same id is stored once.
    Chat {
        id: String,
        text: String,
    },
    Typing {
        active: bool,
    },
    /// The customer ends the session.
    End,
    /// While nobody is available: a message for the team, kept in the session's log.
    LeaveMessage {
        name: String,
        contact: String,
        text: String,
    },
    /// The customer's answer to a representative's request to elevate to the full client.
    Elevation {
        accept: bool,
    },
    /// The customer's answer to a representative's request for a capability (full client).
    Consent {
        capability: Capability,
        allow: bool,
    },
    /// The customer takes back a capability they allowed.
    Revoke {
        capability: Capability,
    },
    /// After consent to `system_info`: what the customer agreed to share.
    SystemInfo {
        info: SystemInfo,
    },
    /// While the shell is allowed: what the customer's shell printed, base64 of at most
    /// `shell::MAX_CHUNK_BYTES` bytes (a terminal's output is bytes, not always UTF-8).
    /// With an `id` (at most 64 characters), the server stores the chunk once and answers
    /// `ack`, so a client resends what a broken connection may have lost without duplicates.
    ShellOutput {
        data: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// The shell the customer allowed has ended (it exited, or the client stopped it).
    ShellEnded {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<i32>,
    },
    /// While the screen view is allowed: tiles of frame `frame` (numbered from 1 by the
    /// client), `last` on the frame's final message. `captured_at` is the client's clock (ms)
    /// and `encode_ms` how long capture and encoding took, for the console's latency.
    ScreenTiles {
        frame: u64,
        width: u32,
        height: u32,
        tiles: Vec<Tile>,
        last: bool,
        captured_at: i64,
        #[serde(default)]
        encode_ms: u32,
    },
    /// The screen view the customer allowed has ended on their side (capture failed, or the
    /// client stopped), with how much it sent.
    ScreenEnded {
        #[serde(default)]
        frames: u64,
        #[serde(default)]
        reason: Option<String>,
    },
    /// While `file_transfer` is allowed: the customer offers a file they chose. Sent again
    /// after a reconnect; the server answers `file_ack` with the bytes it already holds.
    FileOffer {
        id: String,
        name: String,
        size: u64,
        sha256: String,
    },
    /// Bytes of an offered file at `offset` (base64, at most `files::MAX_CHUNK_BYTES`).
    FileChunk {
        id: String,
        offset: u64,
        data: String,
    },
    /// The customer's answer to a file the representative offered.
    FileAnswer {
        id: String,
        accept: bool,
    },
    /// After accepting: the chunk of the representative's file that starts at `offset`.
    FileGet {
        id: String,
        offset: u64,
    },
    /// The whole file arrived and its SHA-256 (lowercase hex) is the offered one.
    FileReceived {
        id: String,
        sha256: String,
    },
    Ping,
}

/// Who is on the customer's side of the socket, when it is the full client.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ClientInfo {
    /// `full` for the downloadable customer client.
    pub kind: String,
    pub version: String,
    /// `linux`, `macos`, `windows`.
    pub os: String,
}

/// What a representative may ask of the full client, each only with the customer's consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    SystemInfo,
    Shell,
    ScreenView,
    FileTransfer,
}

impl Capability {
    pub const ALL: [Capability; 4] = [
        Capability::SystemInfo,
        Capability::Shell,
        Capability::ScreenView,
        Capability::FileTransfer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Capability::SystemInfo => "system_info",
            Capability::Shell => "shell",
            Capability::ScreenView => "screen_view",
            Capability::FileTransfer => "file_transfer",
        }
    }
    pub fn parse(s: &str) -> Option<Capability> {
        Capability::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// What the server sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg {
    /// `nobody_available` is set while nobody who could take the session is logged in: the
    /// team's own text, or empty for the page's built-in one.
    Welcome {
        v: u32,
        state: String,
        nobody_available: Option<String>,
    },
    /// One event of the session's log, in order.
    Event {
        seq: i64,
        kind: String,
        /// `customer`, `rep` or `system`.
        from: String,
        /// The representative's public display name for rep events.
        name: Option<String>,
        body: serde_json::Value,
        at: i64,
    },
    /// The chat message (or shell output) with this id is stored as event `seq`; `seq` 0
    /// for shell output dropped because the shell's consent had ended (never to be resent).
    Ack {
        id: String,
        seq: i64,
    },
    Typing {
        from: String,
        name: Option<String>,
        active: bool,
    },
    /// Where the session stands in its queue; sent on connect and while it waits.
    Queue {
        position: i64,
        estimated_wait_secs: Option<i64>,
    },
    /// After the customer accepted elevation: the download page of the full client.
    Elevate {
        download_url: String,
    },
    Error {
        code: String,
        message: String,
    },
    /// A console drew screen frame `frame`: the client may capture the next one. `keyframe`
    /// asks for every tile (a console started watching, or dropped frames).
    ScreenAck {
        frame: u64,
        #[serde(default)]
        keyframe: bool,
    },
    /// The server has taken one `screen_tiles` message of frame `frame` off the socket. The
    /// client keeps only a few of them unanswered, so that on a slow link a chat message
    /// waits behind those few, not behind a whole frame in the network's buffers.
    ScreenReceived {
        frame: u64,
    },
    /// The server holds the customer's file `id` up to `offset` (the next chunk starts there).
    FileAck {
        id: String,
        offset: u64,
    },
    /// A chunk of the representative's file, in answer to `file_get`.
    FileData {
        id: String,
        offset: u64,
        data: String,
    },
    /// The transfer `id` stopped (refused, revoked, failed its hash): `code` says why.
    FileError {
        id: String,
        code: String,
        message: String,
    },
    Pong,
}

/// Longest left-message fields: name and contact in characters (the text uses the chat limit).
pub const MAX_LEAVE_FIELD_CHARS: usize = 100;

/// Checks a left message.
pub fn check_left_message(name: &str, contact: &str, text: &str) -> Result<(), &'static str> {
    if name.chars().count() > MAX_LEAVE_FIELD_CHARS
        || contact.chars().count() > MAX_LEAVE_FIELD_CHARS
    {
        return Err("name and contact are at most 100 characters");
    }
    if text.trim().is_empty() {
        return Err("message is empty");
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err("message is longer than 4000 characters");
    }
    Ok(())
}

/// Checks a chat message from a page before it is stored.
pub fn check_chat(id: &str, text: &str) -> Result<(), &'static str> {
    if id.is_empty() || id.chars().count() > MAX_CLIENT_ID_CHARS {
        return Err("message id must be 1 to 64 characters");
    }
    if text.trim().is_empty() {
        return Err("message is empty");
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err("message is longer than 4000 characters");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_client_messages_and_rejects_garbage() {
        let m: ClientMsg =
            serde_json::from_str(r#"{"type":"chat","id":"a1","text":"hi"}"#).unwrap();
        assert_eq!(
            m,
            ClientMsg::Chat {
                id: "a1".into(),
                text: "hi".into()
            }
        );
        assert!(serde_json::from_str::<ClientMsg>(r#"{"type":"nope"}"#).is_err());
        assert!(check_chat("a", &"x".repeat(4001)).is_err());
        assert!(check_chat("", "x").is_err());
        assert!(check_chat("a", "  ").is_err());
        assert!(check_chat("a", "hello").is_ok());
    }

    #[test]
    fn capability_names_round_trip() {
        for c in Capability::ALL {
            assert_eq!(Capability::parse(c.as_str()), Some(c));
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                serde_json::Value::String(c.as_str().into())
            );
        }
        assert_eq!(Capability::parse("screen"), None);
        let m: ClientMsg = serde_json::from_str(r#"{"type":"shell_ended"}"#).unwrap();
        assert_eq!(m, ClientMsg::ShellEnded { code: None });
    }
}
