//! Issue 11: the load tool's scenarios against the real server, small and short, so that the
//! measuring tools keep working as the server changes.

mod common;

use beckon_load::{Config, Report, Scenario};
use common::*;
use std::time::Duration;

fn config(server: &TestServer, scenario: Scenario) -> Config {
    let mut cfg = Config::new(&server.url, scenario);
    cfg.rep_users = vec!["john".into(), "demo-admin".into()];
    cfg.rep_password = Some(DEMO_PASSWORD.into());
    cfg.pid = Some(std::process::id());
    cfg
}

fn assert_clean(report: &Report) {
    assert!(
        report.errors.is_empty(),
        "errors: {:?}\n{}",
        report.errors,
        report.to_text()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn chat_idle_and_start_storm_run_clean_against_the_demo_server() {
    let server = TestServer::start_demo().await;

    // 150 customers chatting with two representatives: 152 sockets.
    let mut cfg = config(&server, Scenario::Chat);
    cfg.sessions = 150;
    cfg.rate = 60.0;
    cfg.duration = Duration::from_secs(4);
    let chat = beckon_load::run(cfg).await.expect("chat run");
    assert_clean(&chat);
    assert_eq!(chat.customers_connected, 150, "{}", chat.to_text());
    assert_eq!(chat.reps_connected, 2);
    assert_eq!(chat.connections_held, 152);
    assert!(chat.customer_sent >= 100, "{}", chat.to_text());
    assert_eq!(chat.rep_received, chat.customer_sent, "{}", chat.to_text());
    assert_eq!(chat.customer_received, chat.rep_sent, "{}", chat.to_text());
    assert_eq!(chat.rep_sent, chat.rep_received, "every message answered");
    assert_eq!(chat.customer_to_rep.count, chat.rep_received);
    assert!(chat.customer_to_rep.p50_ms > 0.0 && chat.rep_to_customer.max_ms > 0.0);
    assert!(chat.memory.before_kib.is_some() && chat.memory.peak_kib.is_some());
    let json = chat.to_json();
    assert_eq!(json["errors_total"], 0);
    assert!(json["latency"]["customer_to_rep"]["p99_ms"]
        .as_f64()
        .is_some());

    // 100 customers waiting in the queue.
    let mut cfg = config(&server, Scenario::Idle);
    cfg.sessions = 100;
    cfg.duration = Duration::from_secs(2);
    let idle = beckon_load::run(cfg).await.expect("idle run");
    assert_clean(&idle);
    assert_eq!(idle.connections_held, 100, "{}", idle.to_text());
    assert_eq!(idle.start.count, 100);

    // Starts at 50 per second for two seconds.
    let mut cfg = config(&server, Scenario::StartStorm);
    cfg.sessions = 100;
    cfg.rate = 50.0;
    cfg.duration = Duration::from_secs(2);
    let storm = beckon_load::run(cfg).await.expect("start-storm run");
    assert_clean(&storm);
    assert!(storm.starts_ok >= 90, "{}", storm.to_text());
    assert!(storm.starts_per_sec > 20.0, "{}", storm.to_text());

    // Anything but loopback is refused before a byte is sent.
    let cfg = Config::new("http://192.0.2.1:8080", Scenario::Idle);
    let err = beckon_load::run(cfg).await.unwrap_err().to_string();
    assert!(err.contains("loopback"), "{err}");
}

#[tokio::test]
async fn wrong_representative_password_is_a_clear_error() {
    let server = TestServer::start_demo().await;
    let mut cfg = config(&server, Scenario::Chat);
    cfg.rep_password = Some("wrong-password".into());
    cfg.sessions = 2;
    cfg.rate = 1.0;
    cfg.duration = Duration::from_secs(1);
    let err = format!("{:#}", beckon_load::run(cfg).await.unwrap_err());
    assert!(
        err.contains("sign-in of representative john failed"),
        "{err}"
    );
}
