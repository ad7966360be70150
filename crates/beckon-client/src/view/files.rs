//! File transfer in the view: offers waiting for the customer's answer, transfers under way
//! with their progress, and the lines both UIs show.

use super::{now_ms, Out, View};
use crate::messages::{FileDirection, Update};

/// A representative's file waiting for the customer's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOffer {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub from: String,
}

/// A transfer under way, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    pub name: String,
    pub direction: FileDirection,
    pub percent: u8,
}

/// `1.5 MB`, `320 KB`, `12 bytes`: sizes as people read them.
pub fn human_size(bytes: u64) -> String {
    const KB: f64 = 1000.0;
    let b = bytes as f64;
    if b >= KB * KB * KB {
        format!("{:.1} GB", b / KB / KB / KB)
    } else if b >= KB * KB {
        format!("{:.1} MB", b / KB / KB)
    } else if b >= KB {
        format!("{:.0} KB", b / KB)
    } else {
        format!("{bytes} bytes")
    }
}

impl View {
    /// The latest offer, which `/accept` and `/decline` answer without an id.
    pub fn latest_offer(&self) -> Option<&FileOffer> {
        self.file_offers.last()
    }

    /// The customer answered an offer: it is no longer shown.
    pub fn answered(&mut self, id: &str) {
        self.file_offers.retain(|o| o.id != id);
    }

    pub(super) fn file_update(&mut self, u: Update) -> Vec<Out> {
        let now = now_ms();
        match u {
            Update::FileOffered {
                id,
                name,
                size,
                from,
            } => {
                let s = human_size(size);
                let out = self.notice_line(
                    now,
                    "file-offered",
                    &[("name", &from), ("file", &name), ("size", &s)],
                );
                self.file_offers.push(FileOffer {
                    id,
                    name,
                    size,
                    from,
                });
                vec![out]
            }
            Update::FilesReset => {
                self.files_allowed = false;
                self.file_offers.clear();
                self.transfers.clear();
                vec![]
            }
            Update::FileRequested { name } => {
                vec![self.notice_line(now, "file-requested", &[("name", &name)])]
            }
            Update::FileProgress {
                name,
                direction,
                percent,
            } => {
                let p = percent.to_string();
                match self.transfers.iter_mut().find(|t| t.name == name) {
                    Some(t) => t.percent = percent,
                    None => self.transfers.push(Transfer {
                        name: name.clone(),
                        direction,
                        percent,
                    }),
                }
                let id = match direction {
                    FileDirection::Sent => "file-progress-sent",
                    FileDirection::Received => "file-progress-received",
                };
                vec![Out::Status(
                    self.i18n.t(id, &[("file", &name), ("percent", &p)]),
                )]
            }
            Update::FileDone {
                name,
                direction,
                path,
            } => {
                self.transfers.retain(|t| t.name != name);
                match direction {
                    FileDirection::Sent => {
                        vec![self.notice_line(now, "file-sent", &[("file", &name)])]
                    }
                    FileDirection::Received => {
                        let path = path.unwrap_or_default();
                        vec![self.notice_line(
                            now,
                            "file-received",
                            &[("file", &name), ("path", &path)],
                        )]
                    }
                }
            }
            Update::FileFailed { name, reason } => {
                self.transfers.retain(|t| t.name != name);
                vec![self.notice_line(now, "file-failed", &[("file", &name), ("reason", &reason)])]
            }
            _ => vec![],
        }
    }
}
