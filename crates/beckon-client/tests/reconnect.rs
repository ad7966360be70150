//! The network goes away mid-conversation (a proxy between client and server closes every
//! connection and refuses new ones): messages written on both sides while it is gone arrive
//! exactly once when it returns, and nothing already shown is shown again.
// These tests drive child processes from plain threads: blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;

use common::proxy::Proxy;
use common::rep::{download, start_full, Rep};
use common::*;
use serde_json::Value;
use std::time::Duration;

fn chat_texts(rep: &Rep, lsid: &str) -> Vec<String> {
    rep.events(lsid)
        .iter()
        .filter(|e| e["kind"] == "chat_message")
        .filter_map(|e| e["body"]["text"].as_str().map(String::from))
        .collect()
}

fn count(lines: &[String], suffix: &str) -> usize {
    lines.iter().filter(|l| l.ends_with(suffix)).count()
}

#[test]
fn messages_cross_a_network_cut_exactly_once() {
    let proxy_port = free_port();
    let server = Server::start_with_public_url(Some(&format!("http://127.0.0.1:{proxy_port}")));
    let upstream = server.url.trim_start_matches("http://").to_string();
    let proxy = Proxy::start(proxy_port, upstream);
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (lsid, download_url) = start_full(&server.url);
    let dir = tempfile::tempdir().expect("dir");
    let exe = download(&download_url, dir.path());
    // A short heartbeat so that a silent network is noticed quickly too.
    let mut client = Client::spawn(&exe, &["--no-gui", "--heartbeat-secs", "2"], &[]);
    client.expect("connected through the proxy", 30, |l| {
        l.starts_with(&format!("connected to http://127.0.0.1:{proxy_port} ("))
    });
    rep.wait_event(&lsid, "client_joined", |e| e["kind"] == "client_joined");
    for _ in 0..100 {
        let (s, _) = rep.post(
            &format!("/api/rep/sessions/{lsid}/accept"),
            serde_json::json!({}),
        );
        if s == 200 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    client.expect_line("representative John joined", 10);
    rep.say(&lsid, "before", "before the cut");
    client.expect("the first message", 10, |l| {
        l.ends_with(" John: before the cut")
    });
    client.send("customer before the cut");
    client.expect("own first message", 10, |l| {
        l.ends_with(" You: customer before the cut")
    });

    // The network goes away. Both sides keep writing.
    proxy.cut();
    client.expect("the loss is shown", 15, |l| {
        l.starts_with("connection lost, reconnecting in ")
    });
    for i in 1..=3 {
        client.send(&format!("customer while cut {i}"));
    }
    rep.say(&lsid, "during", "rep while cut");
    std::thread::sleep(Duration::from_millis(1500));
    proxy.restore();

    client.expect("the rep's message after the cut", 30, |l| {
        l.ends_with(" John: rep while cut")
    });
    for i in 1..=3 {
        let text = format!("customer while cut {i}");
        rep.wait_event(&lsid, &text, |e: &Value| e["body"]["text"] == text.as_str());
        client.expect("own message after the cut", 20, |l| {
            l.ends_with(&format!(" You: {text}"))
        });
    }
    // A second cut right after a message: its ack may be lost, the resend must not double it.
    client.send("customer at the second cut");
    proxy.cut();
    std::thread::sleep(Duration::from_millis(800));
    proxy.restore();
    rep.say(&lsid, "after", "after the second cut");
    client.expect("the last message", 30, |l| {
        l.ends_with(" John: after the second cut")
    });
    client.expect("own last message", 20, |l| {
        l.ends_with(" You: customer at the second cut")
    });

    // Settle, then count: every message exactly once on both sides.
    std::thread::sleep(Duration::from_secs(2));
    client.drain();
    let texts = chat_texts(&rep, &lsid);
    for t in [
        "customer before the cut",
        "customer while cut 1",
        "customer while cut 2",
        "customer while cut 3",
        "customer at the second cut",
        "before the cut",
        "rep while cut",
        "after the second cut",
    ] {
        assert_eq!(
            texts.iter().filter(|x| *x == t).count(),
            1,
            "{t} stored once: {texts:#?}"
        );
        assert_eq!(
            count(&client.seen, &format!(": {t}")),
            1,
            "{t} shown once: {:#?}",
            client.seen
        );
    }
    // And in the order they were written.
    let order: Vec<&String> = texts
        .iter()
        .filter(|t| t.starts_with("customer while cut"))
        .collect();
    assert_eq!(
        order,
        [
            "customer while cut 1",
            "customer while cut 2",
            "customer while cut 3"
        ]
    );
    client.send("/end");
    client.expect_line("session ended", 15);
    let (code, out, _) = client.wait(20);
    assert_eq!(code, 0, "{out}");
}
