//! File transfer as the session's log tells it (docs/customer_client.md, "File transfer"):
//! which transfers exist, where each stands, and whether bytes may move now. A pure fold, like
//! the consent model it builds on; the bytes themselves live in the data folder
//! (`crate::transfer_store`), never in the log.

use super::capabilities::{self, Consent, CLIENT_JOINED};
use super::session::SessionEvent;
use beckon_protocol::chat::Capability;
use beckon_protocol::files::{TO_CUSTOMER, TO_REP};
use serde::Serialize;
use std::collections::HashMap;

/// A file offered: the customer's (chosen by them, so the offer is their consent) or the
/// representative's (waiting for the customer's answer). Body: `id`, `file_name`, `size`,
/// `sha256`, `direction`.
pub const OFFERED: &str = "file_offered";
/// The customer accepted (`id`) or declined a representative's file.
pub const ACCEPTED: &str = "file_accepted";
pub const DECLINED: &str = "file_declined";
/// Every byte arrived and the SHA-256 matched (`id`, `sha256`).
pub const COMPLETED: &str = "file_completed";
/// The transfer stopped for good (`id`, `reason`).
pub const FAILED: &str = "file_failed";
/// About every tenth of a transfer (`id`, `offset`): what the console's progress bar shows.
pub const PROGRESS: &str = "file_progress";
/// The representative asks the customer to send a file.
pub const REQUESTED: &str = "file_requested";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    ToRep,
    ToCustomer,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::ToRep => TO_REP,
            Direction::ToCustomer => TO_CUSTOMER,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Offered; for the customer's own file this already means it may be sent.
    Offered,
    Accepted,
    Declined,
    Completed,
    /// Failed, or stopped by a revocation or a newly joined client.
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transfer {
    pub id: String,
    pub file_name: String,
    pub size: u64,
    pub sha256: String,
    pub direction: Direction,
    pub state: State,
}

impl Transfer {
    /// Whether bytes of this transfer may move (given that the capability stands).
    pub fn open(&self) -> bool {
        match self.direction {
            Direction::ToRep => self.state == State::Offered,
            Direction::ToCustomer => self.state == State::Accepted,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("the customer has not allowed file transfer, or took it back")]
    NotAllowed,
    #[error("there is no transfer `{0}` in this session")]
    Unknown(String),
    #[error("the transfer `{0}` already exists")]
    Exists(String),
    #[error("the transfer is not open (it was declined, has finished or was stopped)")]
    NotOpen,
    #[error("files are limited to {limit} bytes; this one has {size}")]
    TooLarge { size: u64, limit: u64 },
}

/// The file transfer capability and every transfer, folded from the log as it grows.
#[derive(Debug, Clone)]
pub struct FileLog {
    consent: Consent,
    transfers: HashMap<String, Transfer>,
}

impl Default for FileLog {
    fn default() -> Self {
        FileLog {
            consent: Consent::None,
            transfers: HashMap::new(),
        }
    }
}

impl FileLog {
    pub fn from_events(events: &[SessionEvent]) -> FileLog {
        let mut log = FileLog::default();
        for e in events {
            log.apply(e);
        }
        log
    }

    pub fn apply(&mut self, e: &SessionEvent) {
        self.consent = capabilities::step(self.consent, e, Capability::FileTransfer);
        // A revocation or another client stops every transfer at once, for good: what was
        // consented to under the old consent never resumes under a new one.
        if e.kind == CLIENT_JOINED || self.consent == Consent::Revoked {
            for t in self.transfers.values_mut() {
                if !matches!(t.state, State::Completed | State::Declined) {
                    t.state = State::Failed;
                }
            }
        }
        let id = e.body["id"].as_str().unwrap_or_default();
        match e.kind.as_str() {
            OFFERED => {
                let direction = match e.body["direction"].as_str() {
                    Some(TO_CUSTOMER) => Direction::ToCustomer,
                    _ => Direction::ToRep,
                };
                self.transfers.insert(
                    id.to_string(),
                    Transfer {
                        id: id.to_string(),
                        file_name: e.body["file_name"].as_str().unwrap_or("file").to_string(),
                        size: e.body["size"].as_u64().unwrap_or(0),
                        sha256: e.body["sha256"].as_str().unwrap_or_default().to_string(),
                        direction,
                        state: State::Offered,
                    },
                );
            }
            ACCEPTED | DECLINED | COMPLETED | FAILED => {
                if let Some(t) = self.transfers.get_mut(id) {
                    t.state = match (e.kind.as_str(), t.state) {
                        (ACCEPTED, State::Offered) => State::Accepted,
                        (DECLINED, State::Offered) => State::Declined,
                        (COMPLETED, State::Offered | State::Accepted) => State::Completed,
                        (FAILED, State::Offered | State::Accepted) => State::Failed,
                        (_, s) => s,
                    };
                }
            }
            _ => {}
        }
    }

    pub fn allowed(&self) -> bool {
        self.consent == Consent::Allowed
    }

    pub fn get(&self, id: &str) -> Option<&Transfer> {
        self.transfers.get(id)
    }

    /// The transfer `id` when bytes may move now: consent stands and the transfer is open.
    pub fn open(&self, id: &str) -> Result<&Transfer, FileError> {
        if !self.allowed() {
            return Err(FileError::NotAllowed);
        }
        let t = self
            .transfers
            .get(id)
            .ok_or_else(|| FileError::Unknown(id.to_string()))?;
        if t.open() {
            Ok(t)
        } else {
            Err(FileError::NotOpen)
        }
    }

    /// Whether a new file of `size` bytes may be offered now under `limit`.
    pub fn may_offer(&self, id: &str, size: u64, limit: u64) -> Result<(), FileError> {
        if !self.allowed() {
            return Err(FileError::NotAllowed);
        }
        if self.transfers.contains_key(id) {
            return Err(FileError::Exists(id.to_string()));
        }
        if size > limit {
            return Err(FileError::TooLarge { size, limit });
        }
        Ok(())
    }
}

/// Whether a transfer that now holds `after` of `size` bytes crossed a tenth since `before`:
/// the moments a `file_progress` event is worth writing.
pub fn crossed_tenth(before: u64, after: u64, size: u64) -> bool {
    after < size && size > 0 && before * 10 / size != after * 10 / size
}

#[cfg(test)]
mod tests;
