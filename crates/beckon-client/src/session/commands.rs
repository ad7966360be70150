//! What the customer does, as the connection task takes it: chat and answers go to the
//! outbox (they must survive a lost connection); a revocation stops the shell, the screen or
//! the file transfers here, before the server hears of it; and the file link's steps, shown
//! and sent.

use super::{Hashed, Session, Ws};
use crate::file_link::FileStep;
use crate::messages::{Command, Update};
use beckon_protocol::chat::{Capability, ClientMsg};

impl Session {
    /// Stops everything that runs for the representative: the session ended or the
    /// customer quit.
    pub(super) fn stop_all(&mut self) {
        self.shell.stop();
        self.screen.stop();
        let step = self.files.stop_all("ended");
        self.show_files(step);
    }

    /// Puts a command in the outbox (or drops what only makes sense live, like typing).
    pub(super) async fn take(&mut self, c: Command) -> Option<ClientMsg> {
        match c {
            Command::Say(text) => {
                if let Err(reason) = beckon_protocol::chat::check_chat("id", &text) {
                    (self.out)(Update::Invalid(reason));
                } else {
                    self.outbox.queue_chat(&text);
                    (self.out)(Update::Unshown(self.outbox.unshown()));
                }
                None
            }
            Command::Typing(active) => Some(ClientMsg::Typing { active }),
            Command::Consent {
                capability,
                allow,
                info,
            } => {
                let kind = if allow {
                    "capability_allowed"
                } else {
                    "capability_denied"
                };
                match capability {
                    Capability::Shell if allow => self.shell.allowed(),
                    Capability::ScreenView if allow => self.screen.allowed(),
                    Capability::FileTransfer if allow => self.files.allowed_here(),
                    _ => {}
                }
                self.outbox
                    .queue_control(ClientMsg::Consent { capability, allow }, kind);
                // Only an allowed request for the system information shares it: the UIs hand
                // the prompt's (empty) information along for every capability.
                if let (true, Some(info), Capability::SystemInfo) = (allow, info, capability) {
                    self.outbox
                        .queue_control(ClientMsg::SystemInfo { info: *info }, "system_info");
                }
                None
            }
            Command::Revoke(capability) => {
                // At once, before the server even hears of it.
                match capability {
                    Capability::Shell => {
                        self.shell.stop();
                        self.outbox.drop_shell();
                    }
                    Capability::ScreenView if self.screen.is_running() => {
                        self.screen.stop();
                        (self.out)(Update::ScreenStopped);
                    }
                    Capability::FileTransfer => {
                        let step = self.files.stop_all("revoked");
                        self.show_files(step);
                    }
                    _ => {}
                }
                self.outbox
                    .queue_control(ClientMsg::Revoke { capability }, "capability_revoked");
                None
            }
            Command::SendFile(path) => {
                // Hashed on a thread of its own: a big file takes a while, and chat, acks
                // and heartbeats go on meanwhile (`hashed` brings the result back).
                let done = self.hashed_tx.clone();
                tokio::task::spawn_blocking(move || {
                    let read = std::fs::metadata(&path)
                        .and_then(|m| {
                            beckon_protocol::files::sha256_file(&path).map(|h| (m.len(), h))
                        })
                        .map_err(|e| e.to_string());
                    let _ = done.send((path, read));
                });
                None
            }
            Command::AnswerFile { id, accept } => {
                let step = self.files.answer(&id, accept);
                self.file_step.send.extend(step.send);
                self.file_step.show.extend(step.show);
                None
            }
            Command::End => {
                self.outbox.queue_control(ClientMsg::End, "state_changed");
                None
            }
        }
    }

    pub(super) fn show_files(&mut self, step: FileStep) {
        for u in step.show {
            (self.out)(u);
        }
    }

    /// Shows and sends what the file link asked for; `false` when the socket failed.
    pub(super) async fn flush_files(&mut self, ws: &mut Ws) -> bool {
        let step = std::mem::take(&mut self.file_step);
        for u in step.show.into_iter().chain(self.files.take_pending()) {
            (self.out)(u);
        }
        for msg in &step.send {
            if !Self::send(ws, msg).await {
                return false;
            }
        }
        true
    }

    /// A file the customer chose has been hashed: offer it (sent at once when online; after a
    /// reconnect the link offers it again anyway).
    pub(super) fn hashed(&mut self, (path, read): Hashed) {
        let step = match read {
            Ok((size, sha256)) => self.files.send_file(&path, size, sha256),
            Err(reason) => FileStep {
                show: vec![Update::FileFailed {
                    name: path.display().to_string(),
                    reason,
                }],
                send: vec![],
            },
        };
        self.take_files(step);
    }

    pub(super) fn take_files(&mut self, step: FileStep) {
        self.file_step.show.extend(step.show);
        self.file_step.send.extend(step.send);
    }
}
