//! The baselines of `scripts/bench`: the thin relay and its durable mode, driven by the load
//! tool for a moment, so that a baseline that stopped relaying (or stopped writing) fails here
//! rather than quietly flattering Beckon's ratios.

use beckon_load::{Config, Scenario, Target};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A relay process, killed when dropped.
struct Relay {
    child: Child,
    url: String,
}

impl Relay {
    fn start(args: &[&str]) -> Relay {
        let mut child = Command::new(env!("CARGO_BIN_EXE_beckon-load-relay"))
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the relay");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the relay's first line");
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Relay { child, url }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn chat(relay: &Relay) -> beckon_load::Report {
    let mut cfg = Config::new(&relay.url, Scenario::Chat);
    cfg.target = Target::Relay;
    cfg.rep_users = vec!["a".into(), "b".into()];
    cfg.sessions = 20;
    cfg.rate = 40.0;
    cfg.duration = Duration::from_secs(2);
    let report = beckon_load::run(cfg).await.expect("chat run");
    assert!(report.errors.is_empty(), "{}", report.to_text());
    assert!(report.customer_sent >= 40, "{}", report.to_text());
    assert_eq!(
        report.rep_received,
        report.customer_sent,
        "{}",
        report.to_text()
    );
    assert_eq!(
        report.customer_received,
        report.rep_sent,
        "{}",
        report.to_text()
    );
    report
}

#[tokio::test]
async fn the_thin_relay_relays_both_ways() {
    chat(&Relay::start(&[])).await;
}

#[tokio::test]
async fn the_durable_relay_writes_every_message_it_relays() {
    let dir = std::env::temp_dir().join(format!("beckon-relay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let log = dir.join("relay.log");
    let relay = Relay::start(&["--durable", log.to_str().expect("utf-8 path")]);
    let report = chat(&relay).await;
    drop(relay);
    let lines = std::fs::read_to_string(&log)
        .expect("the durable log")
        .lines()
        .count();
    let _ = std::fs::remove_dir_all(&dir);
    // Every message relayed, either way, was written first.
    assert_eq!(lines as u64, report.customer_sent + report.rep_sent);
}
