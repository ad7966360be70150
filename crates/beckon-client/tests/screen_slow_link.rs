//! Issue 10, transport: a slow link degrades the screen stream, never the chat. The real
//! client shares a screen of noise (every tile a large PNG, about a megabyte a frame) through
//! a proxy that carries 160 KB a second each way; while the first frame is still on its way,
//! the customer writes a message. It must reach the representative's console before the
//! frame's last part does: the client keeps only a few tile messages unanswered by the server
//! (`screen_received`), so the message waits behind those few, not behind a whole frame in
//! the network's buffers. Without that window the message arrives after the frame.
//!
//! Needs Xvfb and ImageMagick (`convert`); scripts/test installs them.
#![allow(clippy::disallowed_methods)]
// The capture under test is X11's.
#![cfg(all(unix, not(target_os = "macos")))]

mod common;

use common::proxy::Proxy;
use common::rep::{download, start_full, Rep};
use common::screen::*;
use common::*;
use serde_json::json;
use std::process::Command;
use std::time::{Duration, Instant};

const W: usize = 640;
const H: usize = 480;

#[test]
fn a_customer_message_overtakes_a_frame_on_a_slow_link() {
    let dir = tempfile::tempdir().unwrap();
    let (_x, display) = start_xvfb(W, H);
    let noise = dir.path().join("noise.png");
    run(
        Command::new("convert")
            .args(["-size", &format!("{W}x{H}"), "xc:gray", "+noise", "Random"])
            .args(["-depth", "8"])
            .arg(format!("PNG24:{}", noise.display())),
        "convert (apt-get install imagemagick)",
    );
    let _shown = show(&display, &noise);

    let port = free_port();
    let server = Server::start_with_public_url(Some(&format!("http://127.0.0.1:{port}")));
    let proxy = Proxy::start(port, server.url.trim_start_matches("http://").to_string());
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (lsid, download_url) = start_full(&server.url);
    let exe = download(&download_url, dir.path());
    let mut client = Client::spawn(&exe, &["--no-gui"], &[("DISPLAY", display.as_str())]);
    client.expect("connected", 30, |l| l.starts_with("connected to "));
    rep.accept_once_joined(&lsid);
    client.expect_line("representative John joined", 10);
    let mut ws = console(&server.url, "john");
    until(&mut ws, "welcome", |m| m["type"] == "welcome");

    // The link becomes slow before the screen is shared: 16 KB per 100 ms each way.
    proxy.slow(100);
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/capabilities/screen_view"),
        json!({}),
    );
    assert_eq!(s, 200, "request: {b}");
    client.expect_line("John asks to see your screen.", 30);
    client.send("y");
    client.expect_line("your screen is shared with John", 30);

    // The first part of the first frame reaches the console: the frame is on its way.
    let first = until(&mut ws, "the first part", |m| m["type"] == "screen");
    assert_eq!(first["frame"], 1);
    assert_ne!(first["last"], true, "a frame of noise takes many messages");
    client.send("hello while my screen is on its way");

    // What comes first on the console: the message, or the frame's last part?
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut parts = 1;
    loop {
        assert!(Instant::now() < deadline, "neither arrived");
        let Some(m) = next(&mut ws, Duration::from_secs(60)) else {
            panic!("the console heard nothing for a minute");
        };
        if m["type"] == "event" && m["kind"] == "chat_message" && m["from"] == "customer" {
            assert_eq!(m["body"]["text"], "hello while my screen is on its way");
            break;
        }
        if m["type"] == "screen" {
            parts += 1;
            assert!(
                !(m["frame"] == 1 && m["last"] == true),
                "the whole frame ({parts} parts) arrived before the customer's message"
            );
        }
    }
    // The screen goes on, only slower: the frame still arrives whole after the message.
    loop {
        let m = until(&mut ws, "the rest of the frame", |m| m["type"] == "screen");
        if m["last"] == true {
            break;
        }
    }
    proxy.slow(0);
    client.send("/revoke screen_view");
    client.expect_line("screen sharing stopped", 30);
}
