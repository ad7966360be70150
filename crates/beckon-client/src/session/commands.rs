//! What the customer does, as the connection task takes it: chat and answers go to the
//! outbox (they must survive a lost connection); a revocation stops the shell or the screen
//! here, before the server hears of it.

use super::Session;
use crate::messages::{Command, Update};
use beckon_protocol::chat::{Capability, ClientMsg};

impl Session {
    pub(super) fn stop_all(&mut self) {
        self.shell.stop();
        self.screen.stop();
    }

    /// Puts a command in the outbox (or drops what only makes sense live, like typing).
    pub(super) fn take(&mut self, c: Command) -> Option<ClientMsg> {
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
                    _ => {}
                }
                self.outbox
                    .queue_control(ClientMsg::Consent { capability, allow }, kind);
                if let (true, Some(info)) = (allow, info) {
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
                    _ => {}
                }
                self.outbox
                    .queue_control(ClientMsg::Revoke { capability }, "capability_revoked");
                None
            }
            Command::End => {
                self.outbox.queue_control(ClientMsg::End, "state_changed");
                None
            }
        }
    }
}
