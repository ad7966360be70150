//! An upload's progress: the server's acks move its window on and finish it.

use super::disk::tenth;
use super::{FileLink, FileStep};
use crate::messages::{FileDirection, Update};

impl FileLink {
    /// `file_ack`: the server holds `offset` bytes of an upload.
    pub fn on_ack(&mut self, id: &str, offset: u64) -> FileStep {
        let mut step = FileStep::default();
        let Some(i) = self.uploads.iter().position(|u| u.id == id) else {
            return step;
        };
        let u = &mut self.uploads[i];
        if !u.started || offset < u.acked || offset > u.sent {
            // The answer to an offer (new or after a reconnect): go on from there.
            u.started = true;
            u.sent = offset;
        }
        u.acked = offset;
        if offset >= u.size {
            let u = self.uploads.remove(i);
            step.show.push(Update::FileDone {
                name: u.name,
                direction: FileDirection::Sent,
                path: None,
            });
            return step;
        }
        if let Some(p) = tenth(&mut u.shown_tenth, offset, u.size) {
            step.show.push(Update::FileProgress {
                name: u.name.clone(),
                direction: FileDirection::Sent,
                percent: p,
            });
        }
        step.send = self.pump();
        step
    }
}
