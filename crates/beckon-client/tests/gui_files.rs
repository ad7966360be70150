//! File transfer in the window under Xvfb, with the keyboard alone (xdotool): the customer
//! allows file transfer in the consent dialog, and saves a file the representative offers
//! with the bar's Save button; the file arrives whole in the downloads folder.
//!
//! Needs the Debian packages of tests/gui_xvfb.rs; missing ones fail the test by name.
// These tests drive child processes from plain threads: blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;
#[path = "common/x11.rs"]
mod x11;

use beckon_protocol::files::sha256_hex;
use common::rep::{download, start_full, Rep};
use common::*;
use std::time::Duration;
use x11::*;

#[test]
fn the_window_allows_file_transfer_and_saves_an_offered_file() {
    assert_packages();
    let (_x, display) = start_xvfb();
    let server = Server::start();
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (lsid, download_url) = start_full(&server.url);
    let dir = tempfile::tempdir().expect("dir");
    let exe = download(&download_url, dir.path());
    let downloads = dir.path().join("Downloads");
    std::fs::create_dir(&downloads).unwrap();
    let _client = Client::spawn(
        &exe,
        &["--downloads", downloads.to_str().unwrap()],
        &[("DISPLAY", &display), ("LIBGL_ALWAYS_SOFTWARE", "1")],
    );
    for _ in 0..200 {
        if window_exists(&display) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
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
    focus_window(&display);

    // The dialog takes the focus on Deny: Shift+Tab reaches Allow.
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/capabilities/file_transfer"),
        serde_json::json!({}),
    );
    assert_eq!(s, 200, "{b}");
    std::thread::sleep(Duration::from_secs(3));
    xdotool(&display, &["key", "shift+Tab"]);
    xdotool(&display, &["key", "space"]);
    rep.wait_event(&lsid, "capability_allowed", |e| {
        e["kind"] == "capability_allowed" && e["body"]["capability"] == "file_transfer"
    });

    // The offer appears in the bar above the conversation: from the message field, Shift+Tab
    // goes back to its Decline, then its Save.
    let bytes: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
    rep.send_file(&lsid, "from-john.bin", &bytes);
    std::thread::sleep(Duration::from_secs(3));
    xdotool(&display, &["key", "shift+Tab"]);
    xdotool(&display, &["key", "shift+Tab"]);
    xdotool(&display, &["key", "space"]);
    rep.wait_event(&lsid, "file_completed", |e| e["kind"] == "file_completed");
    let saved = downloads.join("from-john.bin");
    assert_eq!(
        sha256_hex(&std::fs::read(&saved).unwrap()),
        sha256_hex(&bytes)
    );
    let shot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("gui-files.png");
    let _ = std::process::Command::new("import")
        .args(["-display", &display, "-window", "root"])
        .arg(&shot)
        .status();
    eprintln!("screenshot: {}", shot.display());
}
