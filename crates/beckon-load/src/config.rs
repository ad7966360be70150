//! What a run does, and the bounds every run must stay within.

use crate::{MAX_DURATION, MAX_RATE, MAX_RATE_PER_SESSION, MAX_SESSIONS};
use anyhow::{bail, Context};
use std::net::IpAddr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// N sessions connected and waiting in the queue.
    Idle,
    /// N sessions in conversation with representatives at a total message rate.
    Chat,
    /// Sessions started per second.
    StartStorm,
}

impl Scenario {
    pub fn as_str(self) -> &'static str {
        match self {
            Scenario::Idle => "idle",
            Scenario::Chat => "chat",
            Scenario::StartStorm => "start-storm",
        }
    }
}

/// What is on the other end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A Beckon server.
    Beckon,
    /// `beckon-load-relay`, the baseline: customers at `/c/<n>?rep=<r>`, representatives at
    /// `/rep?id=<r>`, no sign-in, no storage.
    Relay,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Beckon => "beckon",
            Target::Relay => "relay",
        }
    }
}

/// How Beckon's representatives answer (the relay's always answer over their socket).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepSend {
    /// `chat` over the console socket, as the console page sends.
    Socket,
    /// `POST /api/rep/sessions/{lsid}/messages`, as an integration's script would.
    Http,
}

impl RepSend {
    pub fn as_str(self) -> &'static str {
        match self {
            RepSend::Socket => "socket",
            RepSend::Http => "http",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub url: String,
    pub scenario: Scenario,
    pub target: Target,
    /// Sessions to hold (idle, chat) or the most sessions to start (start-storm).
    pub sessions: usize,
    /// Total customer messages per second (chat) or starts per second (start-storm).
    pub rate: f64,
    /// The measured phase, after setup.
    pub duration: Duration,
    /// The server's process id, for its resident memory.
    pub pid: Option<u32>,
    /// Representatives to sign in as (Beckon); for the relay only their number counts.
    pub rep_users: Vec<String>,
    pub rep_password: Option<String>,
    pub rep_send: RepSend,
    /// The start_session form parameters.
    pub start_params: String,
    /// Sessions started and connected at once during setup.
    pub setup_concurrency: usize,
    pub progress: bool,
}

impl Config {
    /// A configuration with the defaults of the command line.
    pub fn new(url: &str, scenario: Scenario) -> Config {
        Config {
            url: url.to_string(),
            scenario,
            target: Target::Beckon,
            sessions: 100,
            rate: 10.0,
            duration: Duration::from_secs(10),
            pid: None,
            rep_users: Vec::new(),
            rep_password: None,
            rep_send: RepSend::Socket,
            start_params: "issue_menu=1&id=12&c2cjs=1".into(),
            setup_concurrency: 16,
            progress: false,
        }
    }

    pub(crate) fn validate(&self) -> anyhow::Result<reqwest::Url> {
        let url = check_loopback(&self.url)?;
        if self.sessions == 0 || self.sessions > MAX_SESSIONS {
            bail!("--sessions must be 1 to {MAX_SESSIONS}");
        }
        if self.duration.is_zero() || self.duration > MAX_DURATION {
            bail!("--duration must be 1 to {} seconds", MAX_DURATION.as_secs());
        }
        let needs_rate = matches!(self.scenario, Scenario::Chat | Scenario::StartStorm);
        if needs_rate && !(self.rate > 0.0 && self.rate <= MAX_RATE) {
            bail!("--rate must be above 0 and at most {MAX_RATE}");
        }
        if self.scenario == Scenario::Chat {
            if self.rate / self.sessions as f64 > MAX_RATE_PER_SESSION {
                bail!(
                    "--rate {} over {} sessions is {:.2} messages/s per session; Beckon limits a chat \
                     connection to {MAX_RATE_PER_SESSION}/s: raise --sessions or lower --rate",
                    self.rate,
                    self.sessions,
                    self.rate / self.sessions as f64
                );
            }
            if self.rep_users.is_empty() {
                bail!("the chat scenario needs at least one --rep-user");
            }
            if self.target == Target::Beckon && self.rep_password.is_none() {
                bail!("the chat scenario needs --rep-password");
            }
        }
        if self.target == Target::Relay && self.scenario == Scenario::StartStorm {
            bail!("the relay has no session start; start-storm runs against Beckon only");
        }
        if self.setup_concurrency == 0 {
            bail!("--setup-concurrency must be at least 1");
        }
        Ok(url)
    }
}

/// Parses `url` and refuses any host that is not a loopback address.
pub fn check_loopback(url: &str) -> anyhow::Result<reqwest::Url> {
    let parsed = reqwest::Url::parse(url).with_context(|| format!("--url {url:?} is not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        bail!(
            "--url must be http:// or https://, not {}://",
            parsed.scheme()
        );
    }
    let host = parsed.host_str().unwrap_or_default();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = bare.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if !loopback {
        bail!(
            "refusing to target {host:?}: beckon-load only loads servers on a loopback address \
             (127.0.0.0/8, ::1 or localhost)"
        );
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_targets_are_accepted() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://localhost:1",
            "http://[::1]:8080/",
            "https://LOCALHOST",
        ] {
            assert!(check_loopback(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://10.0.0.1:8080",
            "http://example.com",
            "http://localhost.example.com",
            "http://[::2]",
            "http://0.0.0.0:80",
            "ftp://127.0.0.1",
            "not a url",
        ] {
            let e = check_loopback(bad).unwrap_err().to_string();
            assert!(!e.is_empty(), "{bad}");
        }
        let e = check_loopback("http://192.168.1.1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("loopback"), "{e}");
    }

    #[test]
    fn bounds_are_enforced() {
        let mut c = Config::new("http://127.0.0.1:1", Scenario::Chat);
        c.rep_users = vec!["john".into()];
        c.rep_password = Some("x".into());
        c.sessions = 10;
        c.rate = 50.0;
        assert!(c
            .validate()
            .unwrap_err()
            .to_string()
            .contains("per session"));
        c.rate = 10.0;
        assert!(c.validate().is_ok());
        c.sessions = MAX_SESSIONS + 1;
        assert!(c.validate().is_err());
        c.sessions = 10;
        c.duration = Duration::from_secs(0);
        assert!(c.validate().is_err());
    }
}
