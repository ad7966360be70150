//! A download's chunks: written to its `.part` file in order, hashed at the end, and named
//! only once the hash is the offered one.

use super::disk::{append, free_name, tenth};
use super::{failed, FileLink, FileStep};
use crate::messages::{FileDirection, Update};
use beckon_protocol::chat::ClientMsg;
use beckon_protocol::files;

impl FileLink {
    /// `file_data`: a chunk of a download.
    pub fn on_data(&mut self, id: &str, offset: u64, data: &str) -> FileStep {
        let mut step = FileStep::default();
        let Some(i) = self.downloads.iter().position(|d| d.id == id) else {
            return step;
        };
        let d = &mut self.downloads[i];
        // A chunk asked for on an earlier connection, or out of order: asked again later.
        if offset != d.received {
            return step;
        }
        let bytes = match files::decode(data) {
            Ok(b) if offset + b.len() as u64 <= d.size => b,
            _ => return self.fail_download(i, "invalid_data"),
        };
        if let Err(e) = append(&d.part, offset, &bytes) {
            return self.fail_download(i, &e.to_string());
        }
        d.received += bytes.len() as u64;
        if d.received < d.size {
            if let Some(p) = tenth(&mut d.shown_tenth, d.received, d.size) {
                step.show.push(Update::FileProgress {
                    name: d.name.clone(),
                    direction: FileDirection::Received,
                    percent: p,
                });
            }
            step.send = self.pump();
            return step;
        }
        let d = self.downloads.remove(i);
        match files::sha256_file(&d.part) {
            Ok(h) if h == d.sha256 => {
                let target = free_name(&self.folder, &d.name);
                if let Err(e) = std::fs::rename(&d.part, &target) {
                    let _ = std::fs::remove_file(&d.part);
                    step.show.push(failed(&d.name, e.to_string()));
                    return step;
                }
                step.send.push(ClientMsg::FileReceived {
                    id: d.id,
                    sha256: h,
                });
                step.show.push(Update::FileDone {
                    name: d.name,
                    direction: FileDirection::Received,
                    path: Some(target.display().to_string()),
                });
            }
            Ok(h) => {
                let _ = std::fs::remove_file(&d.part);
                step.send.push(ClientMsg::FileReceived {
                    id: d.id,
                    sha256: h,
                });
                step.show.push(failed(&d.name, "hash_mismatch"));
            }
            Err(e) => step.show.push(failed(&d.name, e.to_string())),
        }
        step
    }

    pub(super) fn fail_download(&mut self, i: usize, reason: &str) -> FileStep {
        let d = self.downloads.remove(i);
        let _ = std::fs::remove_file(&d.part);
        FileStep {
            show: vec![failed(&d.name, reason)],
            send: vec![],
        }
    }
}
