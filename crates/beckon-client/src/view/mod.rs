//! What the customer sees, built from the session's updates: the transcript, who they are
//! connected to, the queue, an open consent request. Both UIs keep one `View`; the terminal
//! prints what `apply` returns, the window draws the whole state each frame.

use crate::i18n::I18n;
use crate::session::Update;
use beckon_protocol::chat::Capability;
use beckon_protocol::sysinfo::SystemInfo;
use std::sync::Arc;

mod entries;
mod files;
pub use files::{human_size, FileOffer, Transfer};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Mine,
    Rep,
    Notice,
}

/// One transcript line: `text` is complete (`John: hello`, `representative John joined`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub at_ms: i64,
    pub kind: LineKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub capability: Capability,
    pub name: String,
    /// The question, naming the representative and what they ask for.
    pub title: String,
    pub info: Box<SystemInfo>,
    /// Exactly what would be shared, in the customer's words.
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conn {
    Connecting,
    Online,
    Offline,
}

/// What changed, for a UI that prints rather than redraws.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// A transcript line (also kept in `View::lines`).
    Line(Line),
    /// A passing status (connection, queue).
    Status(String),
    /// A consent request opened (`View::prompt`).
    Prompt,
}

pub struct View {
    pub i18n: Arc<I18n>,
    pub site: String,
    pub site_name: String,
    pub rep: Option<String>,
    pub queue: Option<(i64, Option<i64>)>,
    pub conn: Conn,
    pub lines: Vec<Line>,
    pub prompt: Option<Prompt>,
    /// System information was allowed and not revoked since.
    pub sharing: bool,
    /// The shell runs: `Some` with its process id (0 when the system gives none).
    pub shell: Option<u32>,
    /// The screen is shared: `Some` with the name of the representative who sees it.
    pub screen: Option<String>,
    /// File transfer was allowed and not revoked since.
    pub files_allowed: bool,
    pub file_offers: Vec<FileOffer>,
    pub transfers: Vec<Transfer>,
    pub typing: Option<String>,
    pub unshown: Vec<(String, String)>,
    pub ended: bool,
    /// The session could not be reached any more (its token was refused).
    pub gone: bool,
    /// A status to show until the next one (e.g. a refused message).
    pub notice: Option<String>,
}

/// `HH:MM` in the customer's time zone.
pub fn clock(at_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(at_ms)
        .map(|t| t.with_timezone(&chrono::Local).format("%H:%M").to_string())
        .unwrap_or_else(|| "--:--".into())
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl View {
    pub fn new(i18n: Arc<I18n>, site: &str, site_name: &str) -> View {
        View {
            i18n,
            site: site.to_string(),
            site_name: site_name.to_string(),
            rep: None,
            queue: None,
            conn: Conn::Connecting,
            lines: Vec::new(),
            prompt: None,
            sharing: false,
            shell: None,
            screen: None,
            files_allowed: false,
            file_offers: Vec::new(),
            transfers: Vec::new(),
            typing: None,
            unshown: Vec::new(),
            ended: false,
            gone: false,
            notice: None,
        }
    }

    fn line(&mut self, at_ms: i64, kind: LineKind, text: String) -> Out {
        let l = Line { at_ms, kind, text };
        self.lines.push(l.clone());
        Out::Line(l)
    }

    fn notice_line(&mut self, at_ms: i64, id: &str, args: &[(&str, &str)]) -> Out {
        let text = self.i18n.t(id, args);
        self.line(at_ms, LineKind::Notice, text)
    }

    /// Applies an update; returns what a printing UI should print.
    pub fn apply(&mut self, u: Update) -> Vec<Out> {
        let t = self.i18n.clone();
        match u {
            Update::Connecting => {
                self.conn = Conn::Connecting;
                vec![]
            }
            Update::Connected {
                state,
                nobody_available,
            } => {
                self.conn = Conn::Online;
                let mut out = vec![Out::Status(t.t(
                    "status-connected",
                    &[("site", &self.site), ("name", &self.site_name)],
                ))];
                if state != "active" {
                    self.rep = None;
                }
                if let Some(text) = nobody_available {
                    let text = if text.trim().is_empty() {
                        t.s("status-nobody-available")
                    } else {
                        text.chars().take(1000).collect()
                    };
                    out.push(Out::Status(text));
                }
                out
            }
            Update::Lost { retry_in } => {
                let first = self.conn != Conn::Offline;
                self.conn = Conn::Offline;
                if first {
                    let secs = retry_in.as_secs().max(1).to_string();
                    vec![Out::Status(
                        t.t("status-reconnecting", &[("seconds", &secs)]),
                    )]
                } else {
                    vec![]
                }
            }
            Update::Queue {
                position,
                wait_secs,
            } => {
                let new = Some((position, wait_secs));
                if self.queue == new || self.rep.is_some() {
                    return vec![];
                }
                let moved = self.queue.map(|q| q.0) != Some(position);
                self.queue = new;
                let mut out = Vec::new();
                if moved {
                    let p = position.to_string();
                    out.push(Out::Status(t.t("status-queue", &[("position", &p)])));
                    if let Some(w) = wait_secs {
                        out.push(Out::Status(self.wait_text(w)));
                    }
                }
                out
            }
            Update::Event { at, entry, .. } => self.event(at, entry),
            Update::ConsentNeeded {
                capability,
                name,
                info,
            } => {
                let (title, lines) = match capability {
                    Capability::Shell => (
                        t.t("consent-shell-title", &[("name", &name)]),
                        vec![t.s("consent-shell-detail")],
                    ),
                    Capability::ScreenView => (
                        t.t("consent-screen-title", &[("name", &name)]),
                        vec![t.s("consent-screen-detail")],
                    ),
                    Capability::FileTransfer => (
                        t.t("consent-files-title", &[("name", &name)]),
                        vec![t.s("consent-files-detail")],
                    ),
                    _ => (
                        t.t("consent-question-title", &[("name", &name)]),
                        crate::machine::describe(&info, &t),
                    ),
                };
                self.prompt = Some(Prompt {
                    capability,
                    name,
                    title,
                    info,
                    lines,
                });
                vec![Out::Prompt]
            }
            Update::Unshown(list) => {
                self.unshown = list;
                vec![]
            }
            Update::Typing { name, active } => {
                let before = self.typing.clone();
                self.typing = active.then_some(name.clone());
                if active && before.is_none() {
                    vec![Out::Status(t.t("status-typing", &[("name", &name)]))]
                } else {
                    vec![]
                }
            }
            Update::Refused { message, .. } => {
                let text = t.t("status-refused", &[("message", &message)]);
                self.notice = Some(text.clone());
                vec![Out::Status(text)]
            }
            Update::Invalid(_) => {
                let text = t.s("status-invalid-message");
                self.notice = Some(text.clone());
                vec![Out::Status(text)]
            }
            Update::ShellStarted { pid } => {
                let pid = pid.unwrap_or(0);
                self.shell = Some(pid);
                vec![self.notice_line(
                    now_ms(),
                    "event-shell-started",
                    &[("pid", &pid.to_string())],
                )]
            }
            Update::ShellEnded => {
                self.shell = None;
                vec![self.notice_line(now_ms(), "event-shell-ended", &[])]
            }
            Update::ShellFailed(detail) => {
                self.shell = None;
                vec![self.notice_line(now_ms(), "error-shell-failed", &[("detail", &detail)])]
            }
            Update::ScreenStarted { name } => {
                self.screen = Some(name.clone());
                vec![self.notice_line(now_ms(), "event-screen-started", &[("name", &name)])]
            }
            Update::ScreenStopped => {
                self.screen = None;
                vec![self.notice_line(now_ms(), "event-screen-stopped", &[])]
            }
            Update::ScreenFailed(detail) => {
                self.screen = None;
                vec![self.notice_line(now_ms(), "error-screen-failed", &[("detail", &detail)])]
            }
            u @ (Update::FileOffered { .. }
            | Update::FilesReset
            | Update::FileRequested { .. }
            | Update::FileProgress { .. }
            | Update::FileDone { .. }
            | Update::FileFailed { .. }) => self.file_update(u),
            Update::Ended => {
                if self.ended {
                    return vec![];
                }
                self.ended = true;
                self.prompt = None;
                vec![self.notice_line(now_ms(), "event-ended", &[])]
            }
            Update::Gone(_) => {
                self.gone = true;
                vec![Out::Status(t.s("error-session-gone"))]
            }
        }
    }

    pub fn wait_text(&self, secs: i64) -> String {
        if secs < 60 {
            self.i18n.s("status-wait-short")
        } else {
            let m = ((secs + 59) / 60).to_string();
            self.i18n.t("status-wait", &[("minutes", &m)])
        }
    }
}

#[cfg(test)]
mod tests;
