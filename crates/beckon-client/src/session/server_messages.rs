//! What the server says, as the connection task takes it: welcome, queue and typing go to
//! the UI; each new log event is shown once and handed to the shell, screen and file links;
//! acknowledgements settle the outbox, the screen's frames and the file transfers.

use super::Session;
use crate::events::{interpret, Entry};
use crate::messages::Update;
use crate::shell_link::Step;
use beckon_protocol::chat::{Capability, ServerMsg};

impl Session {
    /// Handles one server message: whether the session has ended, and what the shell and the
    /// screen need.
    pub(super) async fn handle(&mut self, msg: ServerMsg) -> (bool, Vec<Step>) {
        match msg {
            ServerMsg::Welcome {
                state,
                nobody_available,
                ..
            } => (self.out)(Update::Connected {
                state: state.chars().take(40).collect(),
                nobody_available,
            }),
            ServerMsg::Queue {
                position,
                estimated_wait_secs,
            } => (self.out)(Update::Queue {
                position,
                wait_secs: estimated_wait_secs,
            }),
            ServerMsg::Event {
                seq,
                kind,
                from,
                name,
                body,
                at,
            } => {
                if !self.outbox.accept_event(seq, &kind, from == "customer") {
                    return (false, vec![]);
                }
                let steps = vec![
                    self.shell.on_event(&kind, &from, &body),
                    self.screen.on_event(&kind, &from, &body),
                ];
                let files = self.files.on_event(&kind, &from, &body);
                self.take_files(files);
                let entry = interpret(&kind, &from, name.as_deref(), &body);
                let ended = entry == Entry::Ended;
                if let Entry::CapabilityRequested { capability, name } = &entry {
                    // Only the system information has data to show before the answer.
                    let info = if *capability == Capability::SystemInfo {
                        tokio::task::spawn_blocking(crate::machine::collect)
                            .await
                            .unwrap_or_default()
                    } else {
                        Default::default()
                    };
                    (self.out)(Update::Event {
                        seq,
                        at,
                        entry: entry.clone(),
                    });
                    (self.out)(Update::ConsentNeeded {
                        capability: *capability,
                        name: name.clone(),
                        info: Box::new(info),
                    });
                } else {
                    (self.out)(Update::Event { seq, at, entry });
                }
                (self.out)(Update::Unshown(self.outbox.unshown()));
                return (ended, steps);
            }
            ServerMsg::Ack { id, seq } => {
                if self.outbox.ack(&id, seq) {
                    (self.out)(Update::Unshown(self.outbox.unshown()));
                }
            }
            ServerMsg::Typing { name, active, .. } => (self.out)(Update::Typing {
                name: name.unwrap_or_default().chars().take(200).collect(),
                active,
            }),
            ServerMsg::Error { code, message } => {
                // Rate limiting is the outbox's business (it resends); the rest is shown.
                if code != "rate_limited" {
                    (self.out)(Update::Refused {
                        code: code.chars().take(40).collect(),
                        message: message.chars().take(500).collect(),
                    });
                }
            }
            ServerMsg::ScreenAck { frame, keyframe } => self.screen.on_ack(frame, keyframe),
            ServerMsg::ScreenReceived { .. } => self.screen.on_received(),
            ServerMsg::FileAck { id, offset } => {
                let step = self.files.on_ack(&id, offset);
                self.take_files(step);
            }
            ServerMsg::FileData { id, offset, data } => {
                let step = self.files.on_data(&id, offset, &data);
                self.take_files(step);
            }
            ServerMsg::FileError { id, code, message } => {
                let step = self.files.on_error(&id, &code);
                if step.show.is_empty() && step.send.is_empty() {
                    (self.out)(Update::Refused {
                        code: code.chars().take(40).collect(),
                        message: message.chars().take(500).collect(),
                    });
                }
                self.take_files(step);
            }
            ServerMsg::Elevate { .. } | ServerMsg::Pong => {}
        }
        (false, vec![])
    }
}
