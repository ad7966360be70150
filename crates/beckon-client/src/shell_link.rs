//! Between the session's log and the shell (docs/customer_client.md, "Command shell"): the
//! shell starts only when the log shows the customer's `capability_allowed` that this process
//! sent, takes what the log says the representative typed, and stops at once on revocation.
//! Pure state plus the `Shell` handle, so the connection task stays a loop of I/O.

use crate::messages::Update;
use crate::shell::{Shell, ShellEvent};
use beckon_protocol::chat::{Capability, ClientMsg};
use beckon_protocol::shell;
use serde_json::Value;
use tokio::sync::mpsc;

/// Size of the terminal until the representative's console says its own.
const COLS: u16 = 80;
const ROWS: u16 = 24;

#[derive(Default)]
pub struct ShellLink {
    /// The customer allowed in this process; the shell starts once the log records it.
    wanted: bool,
    running: Option<Shell>,
    events: Option<mpsc::Receiver<ShellEvent>>,
}

/// What the connection task does after an event: show something, send something.
#[derive(Default)]
pub struct Step {
    pub show: Option<Update>,
    pub send: Option<ClientMsg>,
}

fn capability(body: &Value) -> Option<Capability> {
    body.get("capability")
        .and_then(Value::as_str)
        .and_then(Capability::parse)
}

impl ShellLink {
    /// The customer allowed the shell (their `consent` is on its way to the log).
    pub fn allowed(&mut self) {
        self.wanted = true;
    }

    /// Stops the shell now: the customer revoked, or the session is over.
    pub fn stop(&mut self) {
        self.wanted = false;
        if let Some(mut s) = self.running.take() {
            s.stop();
        }
        // Its output no longer goes anywhere: the log must not show more after a revocation.
        self.events = None;
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The shell's next output or end; never, while no shell runs.
    pub async fn next(&mut self) -> Option<ShellEvent> {
        match self.events.as_mut() {
            Some(rx) => rx.recv().await,
            None => std::future::pending().await,
        }
    }

    /// The shell ended by itself (or its reader is gone): tell the log.
    pub fn exited(&mut self, code: Option<i32>) -> Step {
        self.running = None;
        self.events = None;
        Step {
            show: Some(Update::ShellEnded),
            send: Some(ClientMsg::ShellEnded { code }),
        }
    }

    /// Acts on one new event of the session's log.
    pub fn on_event(&mut self, kind: &str, from: &str, body: &Value) -> Step {
        match (kind, from) {
            ("capability_allowed", "customer")
                if self.wanted && capability(body) == Some(Capability::Shell) =>
            {
                self.wanted = false;
                self.start()
            }
            ("capability_revoked", "customer") if capability(body) == Some(Capability::Shell) => {
                self.stop();
                Step::default()
            }
            // The server ended the shell (it printed more than a shell may): stop it here too.
            ("shell_ended", "system") if self.running.is_some() => {
                self.stop();
                Step {
                    show: Some(Update::ShellEnded),
                    send: None,
                }
            }
            ("shell_input", "rep") => {
                let data = body.get("data").and_then(Value::as_str).unwrap_or_default();
                if let (Some(s), Ok(bytes)) = (
                    self.running.as_mut(),
                    shell::decode(data, shell::MAX_INPUT_BYTES),
                ) {
                    if s.write(&bytes).is_err() {
                        // The shell is going away; its end arrives through `next`.
                        return Step::default();
                    }
                }
                Step::default()
            }
            ("shell_resize", "rep") => {
                let n = |k: &str| {
                    body.get(k)
                        .and_then(Value::as_u64)
                        .and_then(|v| u16::try_from(v).ok())
                        .unwrap_or(0)
                };
                if let (Some(s), Ok(())) = (
                    self.running.as_ref(),
                    shell::check_size(n("cols"), n("rows")),
                ) {
                    s.resize(n("cols"), n("rows"));
                }
                Step::default()
            }
            _ => Step::default(),
        }
    }

    fn start(&mut self) -> Step {
        self.stop();
        match Shell::start(COLS, ROWS) {
            Ok((s, rx)) => {
                let pid = s.pid();
                self.running = Some(s);
                self.events = Some(rx);
                Step {
                    show: Some(Update::ShellStarted { pid }),
                    send: None,
                }
            }
            // The consent stands in the log but nothing runs: end it there too.
            Err(e) => Step {
                show: Some(Update::ShellFailed(e.to_string())),
                send: Some(ClientMsg::ShellEnded { code: None }),
            },
        }
    }
}

impl Drop for ShellLink {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn starts_only_on_its_own_recorded_consent() {
        let mut link = ShellLink::default();
        let allowed = json!({"capability": "shell"});
        // An allow in the log that this process did not give (a replay): nothing starts.
        assert!(link
            .on_event("capability_allowed", "customer", &allowed)
            .show
            .is_none());
        assert!(!link.is_running());
        link.allowed();
        // Another capability's allow does not start the shell either.
        link.on_event(
            "capability_allowed",
            "customer",
            &json!({"capability": "system_info"}),
        );
        assert!(!link.is_running());
        let step = link.on_event("capability_allowed", "customer", &allowed);
        assert!(
            matches!(step.show, Some(Update::ShellStarted { .. })),
            "started"
        );
        assert!(link.is_running());
        link.on_event("capability_revoked", "customer", &allowed);
        assert!(!link.is_running(), "a revocation stops it");
    }
}
