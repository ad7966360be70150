//! The two channels between the connection task and a UI: what the customer does
//! (`Command`) and what the UI shows (`Update`).

use crate::events::Entry;
use beckon_protocol::chat::Capability;
use beckon_protocol::sysinfo::SystemInfo;
use std::time::Duration;

/// What the customer does.
#[derive(Debug, Clone)]
pub enum Command {
    Say(String),
    Typing(bool),
    /// The answer to a request; `info` is exactly what was shown (sent only when allowed).
    Consent {
        capability: Capability,
        allow: bool,
        info: Option<Box<SystemInfo>>,
    },
    Revoke(Capability),
    /// Send this file to the representative (file transfer must be allowed).
    SendFile(std::path::PathBuf),
    /// The answer to a file the representative offered.
    AnswerFile {
        id: String,
        accept: bool,
    },
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileDirection {
    Sent,
    Received,
}

/// What the UI shows.
#[derive(Debug, Clone)]
pub enum Update {
    Connecting,
    /// The server's `welcome`: `state` is `awaiting_client`, `queued` or `active`.
    Connected {
        state: String,
        nobody_available: Option<String>,
    },
    Lost {
        retry_in: Duration,
    },
    Queue {
        position: i64,
        wait_secs: Option<i64>,
    },
    /// A new log entry (`at` in ms since the epoch).
    Event {
        seq: i64,
        at: i64,
        entry: Entry,
    },
    /// A request arrived and the information that would be shared is ready to show.
    ConsentNeeded {
        capability: Capability,
        name: String,
        info: Box<SystemInfo>,
    },
    /// The customer's messages not yet in the log (shown as "sending…").
    Unshown(Vec<(String, String)>),
    Typing {
        name: String,
        active: bool,
    },
    Refused {
        code: String,
        message: String,
    },
    /// Local refusal of a message before it is sent (empty or too long).
    Invalid(&'static str),
    /// The shell the customer allowed is running as this process.
    ShellStarted {
        pid: Option<u32>,
    },
    /// The shell ended by itself.
    ShellEnded,
    /// The shell could not be started (the detail says why).
    ShellFailed(String),
    /// The screen is being shared with the representative `name`.
    ScreenStarted {
        name: String,
    },
    /// The screen is no longer shared (revoked, or stopped by the representative).
    ScreenStopped,
    /// Capturing the screen failed (the detail says why); sharing stopped.
    ScreenFailed(String),
    /// The representative offers a file; it waits for the customer's answer.
    FileOffered {
        id: String,
        name: String,
        size: u64,
        from: String,
    },
    /// A client joined the session: earlier offers and consent to file transfer are void.
    FilesReset,
    /// The representative asks the customer to send a file.
    FileRequested {
        name: String,
    },
    /// A transfer passed another tenth.
    FileProgress {
        name: String,
        direction: FileDirection,
        percent: u8,
    },
    /// A transfer is complete and its hash checked; `path` is where a received file is.
    FileDone {
        name: String,
        direction: FileDirection,
        path: Option<String>,
    },
    /// A transfer stopped (`reason`: a code such as `revoked`, or a description).
    FileFailed {
        name: String,
        reason: String,
    },
    Ended,
    /// The session can no longer be reached (its token was refused).
    Gone(String),
}
