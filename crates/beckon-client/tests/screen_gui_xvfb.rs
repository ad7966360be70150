//! Issue 10, screen view, in the window: the customer allows the screen with the keyboard,
//! the red "shared" bar appears in the window (the test sees it in the very frames the
//! console receives), and its Stop sharing button, reached with the keyboard, revokes the
//! consent and stops the frames.
//!
//! Needs what gui_xvfb.rs needs (Xvfb, Mesa's software GL, xdotool) plus `sqlite3`.
#![allow(clippy::disallowed_methods)]
#![cfg(all(unix, not(target_os = "macos")))]

mod common;
#[path = "common/x11.rs"]
mod x11;

use common::rep::{download, start_full, Rep};
use common::screen::*;
use common::*;
use serde_json::json;
use std::time::{Duration, Instant};
use x11::{focus_window, xdotool};

const W: usize = 1024;
const H: usize = 768;
/// The bar's fill (gui/shell_bar.rs `screen`).
const BAR: [u8; 3] = [0xfd, 0xd8, 0xd8];

fn bar_pixels(c: &Canvas) -> usize {
    c.rgb.chunks_exact(3).filter(|p| *p == BAR).count()
}

#[test]
fn the_window_shows_the_shared_bar_and_its_button_stops_sharing() {
    let (_x, display) = start_xvfb(W, H);
    let server = Server::start();
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    allow_screen_for_teams(server.dir.path());
    let (lsid, download_url) = start_full(&server.url);
    let dir = tempfile::tempdir().expect("dir");
    let exe = download(&download_url, dir.path());
    let _client = Client::spawn(
        &exe,
        &[],
        &[
            ("DISPLAY", display.as_str()),
            ("LIBGL_ALWAYS_SOFTWARE", "1"),
        ],
    );
    rep.wait_event(&lsid, "client_joined", |e| e["kind"] == "client_joined");
    for _ in 0..100 {
        if rep
            .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
            .0
            == 200
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut ws = console(&server.url, "john");
    until(&mut ws, "welcome", |m| m["type"] == "welcome");
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/capabilities/screen_view"),
        json!({}),
    );
    assert_eq!(s, 200, "request: {b}");
    until(&mut ws, "the request", |m| {
        m["kind"] == "capability_requested"
    });
    // The dialog opens on the client's next frame, with the focus on Deny.
    std::thread::sleep(Duration::from_secs(2));
    focus_window(&display);
    xdotool(&display, &["key", "shift+Tab"]);
    xdotool(&display, &["key", "space"]);
    until(&mut ws, "the allow", |m| m["kind"] == "capability_allowed");

    // The console's picture soon shows the bar.
    let mut canvas = Canvas::new(W, H);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (n, _) = frame(&mut ws, &mut canvas);
        ack(&mut ws, &lsid, n, false);
        if bar_pixels(&canvas) > 2000 {
            break;
        }
        assert!(Instant::now() < deadline, "no shared bar in the frames");
    }

    // Back in the message field after the dialog, Shift+Tab reaches Stop sharing.
    xdotool(&display, &["key", "shift+Tab"]);
    xdotool(&display, &["key", "space"]);
    let revoked = Instant::now() + Duration::from_secs(15);
    loop {
        match next(&mut ws, Duration::from_millis(500)) {
            Some(m) if m["kind"] == "capability_revoked" => {
                assert_eq!(m["body"]["capability"], "screen_view");
                break;
            }
            Some(m) if m["type"] == "screen" && m["last"] == true => {
                ack(&mut ws, &lsid, m["frame"].as_u64().unwrap(), false)
            }
            _ => {}
        }
        assert!(Instant::now() < revoked, "Stop sharing did not revoke");
    }
    while next(&mut ws, Duration::from_millis(300)).is_some() {}
    ack(&mut ws, &lsid, 0, true);
    let late = next(&mut ws, Duration::from_millis(1500));
    assert!(
        late.as_ref().is_none_or(|m| m["type"] != "screen"),
        "a frame after Stop sharing: {late:?}"
    );
}
