//! The session log's entries in the view: the transcript line each one adds, and what it
//! settles (who the representative is, an open consent request, what is allowed).

use super::{LineKind, Out, View};
use crate::events::{Answer, Entry};
use beckon_protocol::chat::Capability;

impl View {
    pub(super) fn event(&mut self, at: i64, entry: Entry) -> Vec<Out> {
        match entry {
            Entry::Chat {
                from_customer: true,
                text,
                ..
            } => {
                let you = self.i18n.s("you");
                vec![self.line(at, LineKind::Mine, format!("{you}: {text}"))]
            }
            Entry::Chat { name, text, .. } => {
                if self.rep.is_none() && !name.is_empty() {
                    self.rep = Some(name.clone());
                }
                self.typing = None;
                vec![self.line(at, LineKind::Rep, format!("{name}: {text}"))]
            }
            Entry::RepJoined { name } => {
                self.rep = Some(name.clone());
                self.queue = None;
                vec![self.notice_line(at, "event-rep-joined", &[("name", &name)])]
            }
            Entry::RepLeft { name } => {
                if self.rep.as_deref() == Some(name.as_str()) {
                    self.rep = None;
                }
                vec![self.notice_line(at, "event-rep-left", &[("name", &name)])]
            }
            Entry::RepInvited { name } => {
                vec![self.notice_line(at, "event-rep-invited", &[("name", &name)])]
            }
            Entry::Transferred { to, .. } => {
                self.rep = None;
                self.queue = None;
                vec![self.notice_line(at, "event-transferred", &[("to", &to)])]
            }
            Entry::Queued => {
                self.rep = None;
                vec![self.notice_line(at, "event-queued", &[])]
            }
            Entry::Ended => {
                self.ended = true;
                self.prompt = None;
                vec![self.notice_line(at, "event-ended", &[])]
            }
            Entry::CapabilityRequested { name, capability } => {
                let id = match capability {
                    Capability::Shell => "event-shell-requested",
                    Capability::ScreenView => "event-screen-requested",
                    Capability::FileTransfer => "event-files-requested",
                    _ => "event-info-requested",
                };
                vec![self.notice_line(at, id, &[("name", &name)])]
            }
            Entry::CapabilityAnswered {
                answer,
                capability: Capability::Shell,
            } => {
                if self.prompt.as_ref().map(|p| p.capability) == Some(Capability::Shell) {
                    self.prompt = None;
                }
                let id = match answer {
                    Answer::Allowed => "event-shell-allowed",
                    Answer::Denied => "event-shell-denied",
                    Answer::Revoked => {
                        self.shell = None;
                        "event-shell-revoked"
                    }
                };
                vec![self.notice_line(at, id, &[])]
            }
            Entry::CapabilityAnswered {
                answer,
                capability: Capability::ScreenView,
            } => {
                if self.prompt.as_ref().map(|p| p.capability) == Some(Capability::ScreenView) {
                    self.prompt = None;
                }
                let id = match answer {
                    Answer::Allowed => "event-screen-allowed",
                    Answer::Denied => "event-screen-denied",
                    Answer::Revoked => {
                        self.screen = None;
                        "event-screen-revoked"
                    }
                };
                vec![self.notice_line(at, id, &[])]
            }
            Entry::CapabilityAnswered {
                answer,
                capability: Capability::FileTransfer,
            } => {
                if self.prompt.as_ref().map(|p| p.capability) == Some(Capability::FileTransfer) {
                    self.prompt = None;
                }
                let id = match answer {
                    Answer::Allowed => {
                        self.files_allowed = true;
                        "event-files-allowed"
                    }
                    Answer::Denied => "event-files-denied",
                    Answer::Revoked => {
                        self.files_allowed = false;
                        self.file_offers.clear();
                        self.transfers.clear();
                        "event-files-revoked"
                    }
                };
                vec![self.notice_line(at, id, &[])]
            }
            Entry::CapabilityAnswered { answer, .. } => {
                // The log has the answer: a prompt still open (a replay) is settled.
                if self.prompt.as_ref().map(|p| p.capability) == Some(Capability::SystemInfo) {
                    self.prompt = None;
                }
                let id = match answer {
                    Answer::Allowed => {
                        self.sharing = true;
                        "event-info-allowed"
                    }
                    Answer::Denied => "event-info-denied",
                    Answer::Revoked => {
                        self.sharing = false;
                        "event-info-revoked"
                    }
                };
                vec![self.notice_line(at, id, &[])]
            }
            Entry::InfoShared => vec![self.notice_line(at, "event-info-shared", &[])],
            Entry::LeftMessage { text } => {
                let you = self.i18n.s("you");
                vec![self.line(at, LineKind::Mine, format!("{you}: {text}"))]
            }
            Entry::ElevationRequested { .. } | Entry::Other => vec![],
        }
    }
}
