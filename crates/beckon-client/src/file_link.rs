//! Between the session's log and the customer's files (docs/customer_client.md, "File
//! transfer"). Bytes move only after the log shows the customer's `capability_allowed` that
//! this process sent; every file the representative offers waits for the customer's answer;
//! a revocation stops everything at once. Each side keeps at most `files::WINDOW` chunks
//! unanswered, so chat on the same socket never waits behind a file.
//!
//! State plus plain file I/O of at most one chunk per call; the connection task sends what
//! each call returns and shows what it reports.

use crate::messages::Update;
use beckon_protocol::chat::{Capability, ClientMsg};
use beckon_protocol::files::{self, MAX_CHUNK_BYTES, WINDOW};
use disk::read_at;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What the connection task does after a call: show these, send these.
#[derive(Default, Debug)]
pub struct FileStep {
    pub show: Vec<Update>,
    pub send: Vec<ClientMsg>,
}

struct Upload {
    id: String,
    name: String,
    path: PathBuf,
    size: u64,
    sha256: String,
    /// What the server holds (its last ack) and what went out after it.
    acked: u64,
    sent: u64,
    /// The server answered this connection's offer: chunks may go.
    started: bool,
    shown_tenth: u64,
}

struct Download {
    id: String,
    name: String,
    size: u64,
    sha256: String,
    part: PathBuf,
    received: u64,
    requested: u64,
    shown_tenth: u64,
}

/// A representative's file waiting for the customer's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub size: u64,
    sha256: String,
}

pub struct FileLink {
    folder: PathBuf,
    /// The customer allowed in this process; transfers may start once the log records it.
    wanted: bool,
    allowed: bool,
    uploads: Vec<Upload>,
    downloads: Vec<Download>,
    offers: Vec<Offer>,
    /// What `pump` found to report (a file that cannot be read any more).
    pending: Vec<Update>,
}

const WINDOW_BYTES: u64 = WINDOW * MAX_CHUNK_BYTES as u64;

fn capability(body: &Value) -> Option<Capability> {
    body.get("capability")
        .and_then(Value::as_str)
        .and_then(Capability::parse)
}

fn failed(name: &str, reason: impl Into<String>) -> Update {
    Update::FileFailed {
        name: name.to_string(),
        reason: reason.into(),
    }
}

impl FileLink {
    /// Received files go to `folder`.
    pub fn new(folder: PathBuf) -> FileLink {
        FileLink {
            folder,
            wanted: false,
            allowed: false,
            uploads: Vec::new(),
            downloads: Vec::new(),
            offers: Vec::new(),
            pending: Vec::new(),
        }
    }

    pub fn allowed_here(&mut self) {
        self.wanted = true;
    }

    pub fn is_allowed(&self) -> bool {
        self.allowed
    }

    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    /// Stops every transfer now (a revocation, a new client, the end of the session): nothing
    /// more is sent, received or kept half-written.
    pub fn stop_all(&mut self, reason: &str) -> FileStep {
        self.allowed = false;
        self.wanted = false;
        let mut step = FileStep::default();
        for u in self.uploads.drain(..) {
            step.show.push(failed(&u.name, reason));
        }
        for d in self.downloads.drain(..) {
            let _ = std::fs::remove_file(&d.part);
            step.show.push(failed(&d.name, reason));
        }
        self.offers.clear();
        step
    }

    /// The customer chose a file to send; `sha256` was computed off the connection task.
    pub fn send_file(&mut self, path: &Path, size: u64, sha256: String) -> FileStep {
        let name = files::safe_name(&path.to_string_lossy());
        if !self.allowed {
            return FileStep {
                show: vec![failed(&name, "not_allowed")],
                send: vec![],
            };
        }
        let id = format!("c{}", &uuid::Uuid::new_v4().simple().to_string()[..20]);
        let offer = ClientMsg::FileOffer {
            id: id.clone(),
            name: name.clone(),
            size,
            sha256: sha256.clone(),
        };
        self.uploads.push(Upload {
            id,
            name,
            path: path.to_path_buf(),
            size,
            sha256,
            acked: 0,
            sent: 0,
            started: false,
            shown_tenth: 0,
        });
        FileStep {
            show: vec![],
            send: vec![offer],
        }
    }

    /// The customer's answer to an offer.
    pub fn answer(&mut self, id: &str, accept: bool) -> FileStep {
        let Some(i) = self.offers.iter().position(|o| o.id == id) else {
            return FileStep::default();
        };
        let o = self.offers.remove(i);
        let mut step = FileStep {
            show: vec![],
            send: vec![ClientMsg::FileAnswer {
                id: o.id.clone(),
                accept,
            }],
        };
        if accept && self.allowed {
            let short: String = o.id.chars().take(8).collect();
            let part = self.folder.join(format!("{}.{short}.part", o.name));
            let mut received = std::fs::metadata(&part).map(|m| m.len()).unwrap_or(0);
            // Longer than the file: not this file's beginning; start afresh.
            if received > o.size {
                let _ = std::fs::remove_file(&part);
                received = 0;
            }
            self.downloads.push(Download {
                id: o.id,
                name: o.name,
                size: o.size,
                sha256: o.sha256,
                part,
                received,
                requested: received,
                shown_tenth: 0,
            });
            step.send.extend(self.pump());
        }
        step
    }

    /// A new connection: transfers under way pick up where the bytes stopped.
    pub fn connected(&mut self) -> Vec<ClientMsg> {
        let mut send = Vec::new();
        for u in &mut self.uploads {
            u.started = false;
            send.push(ClientMsg::FileOffer {
                id: u.id.clone(),
                name: u.name.clone(),
                size: u.size,
                sha256: u.sha256.clone(),
            });
        }
        for d in &mut self.downloads {
            d.requested = d.received;
            send.push(ClientMsg::FileAnswer {
                id: d.id.clone(),
                accept: true,
            });
        }
        send.extend(self.pump());
        send
    }

    /// What may go out now: chunks of uploads, requests for downloads, within the window.
    pub fn pump(&mut self) -> Vec<ClientMsg> {
        let mut send = Vec::new();
        if !self.allowed {
            return send;
        }
        let mut broken = Vec::new();
        for u in self.uploads.iter_mut().filter(|u| u.started) {
            while u.sent < u.size && u.sent - u.acked < WINDOW_BYTES {
                let Some(len) = files::next_chunk_len(u.sent, u.size) else {
                    break;
                };
                match read_at(&u.path, u.sent, len) {
                    Ok(bytes) => {
                        send.push(ClientMsg::FileChunk {
                            id: u.id.clone(),
                            offset: u.sent,
                            data: files::encode(&bytes),
                        });
                        u.sent += len as u64;
                    }
                    // The file went away or shrank since it was offered: this upload is over.
                    Err(e) => {
                        broken.push((u.id.clone(), e.to_string()));
                        break;
                    }
                }
            }
        }
        for (id, reason) in broken {
            if let Some(i) = self.uploads.iter().position(|u| u.id == id) {
                let u = self.uploads.remove(i);
                self.pending.push(failed(&u.name, reason));
            }
        }
        for d in &mut self.downloads {
            while d.requested < d.size && d.requested - d.received < WINDOW_BYTES {
                let Some(len) = files::next_chunk_len(d.requested, d.size) else {
                    break;
                };
                send.push(ClientMsg::FileGet {
                    id: d.id.clone(),
                    offset: d.requested,
                });
                d.requested += len as u64;
            }
        }
        send
    }

    /// What the link has to report outside the answer to a call.
    pub fn take_pending(&mut self) -> Vec<Update> {
        std::mem::take(&mut self.pending)
    }

    /// `file_error` about one transfer.
    pub fn on_error(&mut self, id: &str, code: &str) -> FileStep {
        if code == "wrong_offset" {
            // Out of step with the server: a new offer tells where it stands.
            if let Some(u) = self.uploads.iter_mut().find(|u| u.id == id) {
                u.started = false;
                let offer = ClientMsg::FileOffer {
                    id: u.id.clone(),
                    name: u.name.clone(),
                    size: u.size,
                    sha256: u.sha256.clone(),
                };
                return FileStep {
                    show: vec![],
                    send: vec![offer],
                };
            }
        }
        if let Some(i) = self.uploads.iter().position(|u| u.id == id) {
            let u = self.uploads.remove(i);
            return FileStep {
                show: vec![failed(&u.name, code)],
                send: vec![],
            };
        }
        if let Some(i) = self.downloads.iter().position(|d| d.id == id) {
            return self.fail_download(i, code);
        }
        FileStep::default()
    }

    /// Acts on one new event of the session's log.
    pub fn on_event(&mut self, kind: &str, from: &str, body: &Value) -> FileStep {
        let is_files = capability(body) == Some(Capability::FileTransfer);
        match (kind, from) {
            ("capability_allowed", "customer") if is_files && self.wanted => {
                self.wanted = false;
                self.allowed = true;
                FileStep::default()
            }
            ("capability_revoked", "customer") if is_files => self.stop_all("revoked"),
            // A client joined (another one, or this one in the replay of an earlier log): what
            // was allowed or offered before is over.
            ("client_joined", _) => {
                let mut step = if self.allowed {
                    self.stop_all("revoked")
                } else {
                    self.offers.clear();
                    FileStep::default()
                };
                step.show.push(Update::FilesReset);
                step
            }
            ("file_offered", "rep") if body["direction"] == files::TO_CUSTOMER => {
                let text = |k: &str| body.get(k).and_then(Value::as_str).unwrap_or_default();
                let (id, sha256) = (text("id"), text("sha256"));
                if files::check_id(id).is_err() || files::check_sha256(sha256).is_err() {
                    return FileStep::default();
                }
                let offer = Offer {
                    id: id.to_string(),
                    name: files::safe_name(text("file_name")),
                    size: body["size"].as_u64().unwrap_or(0),
                    sha256: sha256.to_string(),
                };
                let show = Update::FileOffered {
                    id: offer.id.clone(),
                    name: offer.name.clone(),
                    size: offer.size,
                    from: text("name").chars().take(200).collect(),
                };
                self.offers.push(offer);
                FileStep {
                    show: vec![show],
                    send: vec![],
                }
            }
            ("file_requested", "rep") => FileStep {
                show: vec![Update::FileRequested {
                    name: body["name"]
                        .as_str()
                        .unwrap_or_default()
                        .chars()
                        .take(200)
                        .collect(),
                }],
                send: vec![],
            },
            _ => FileStep::default(),
        }
    }
}

mod disk;
mod download;
#[cfg(test)]
mod tests;
mod upload;
