//! The window under a real X server (Xvfb): the client opens its window, a representative
//! joins and writes, and a screenshot shows the window with text on its background. The
//! screenshot is kept under the target dir (`gui-session.png`) for a person to look at.
//!
//! A second test drives the window with the keyboard alone (xdotool), in Chinese: the CJK
//! font is loaded and draws the text, the message field has the focus, Enter sends, the
//! consent dialog takes the focus on Deny (Space denies, Shift+Tab then Space allows) and
//! gives it back to the message field.
//!
//! Needs Debian packages: xvfb x11-utils (xwininfo) imagemagick libgl1-mesa-dri libegl1
//! libxkbcommon-x11-0 xdotool fonts-wqy-microhei. Missing ones fail the test by name; it
//! never skips.
// These tests drive child processes from plain threads: blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;
#[path = "common/x11.rs"]
mod x11;

use common::rep::{download, start_full, start_full_in, Rep};
use common::*;
use std::process::Command;
use std::time::Duration;
use x11::*;

/// Pixel counts per colour of a screenshot (ImageMagick's histogram).
fn histogram(png: &std::path::Path) -> Vec<(u64, String)> {
    let out = Command::new("convert")
        .arg(png)
        .args(["-format", "%c", "histogram:info:-"])
        .output()
        .expect("convert");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let (count, rest) = l.trim().split_once(':')?;
            let hex = rest.split_whitespace().find(|w| w.starts_with('#'))?;
            Some((count.trim().parse().ok()?, hex[..7].to_uppercase()))
        })
        .collect()
}

/// Runs the downloaded client on `display` and waits for its window.
fn open_window(exe: &std::path::Path, display: &str) -> Client {
    let mut client = Client::spawn(
        exe,
        &[],
        &[("DISPLAY", display), ("LIBGL_ALWAYS_SOFTWARE", "1")],
    );
    // The window appears (its WM_CLASS / app id is beckon-client).
    let mut found = false;
    for _ in 0..200 {
        if window_exists(display) {
            found = true;
            break;
        }
        if let Ok(Some(status)) = client.child.try_wait() {
            let (_, out, err) = client.wait(1);
            panic!("the client exited ({status}) before its window appeared:\n{out}\n{err}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(found, "no beckon-client window on {display}");
    client
}

/// Waits for the client to join, then accepts the session (retrying while the join settles).
fn join_and_accept(rep: &Rep, lsid: &str) {
    rep.wait_event(lsid, "client_joined", |e| e["kind"] == "client_joined");
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
}

#[test]
fn the_window_opens_and_shows_the_conversation() {
    assert_packages();
    let (_x, display) = start_xvfb();
    let server = Server::start();
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (lsid, download_url) = start_full(&server.url);
    let dir = tempfile::tempdir().expect("dir");
    let exe = download(&download_url, dir.path());
    let mut client = open_window(&exe, &display);
    join_and_accept(&rep, &lsid);
    rep.say(&lsid, "g1", "Hello from the console");
    // A window in English gets Japanese text: the CJK font is loaded then, and draws it.
    rep.say(&lsid, "g2", "こんにちは、サポートです。");
    client.expect_stderr("the CJK font loaded for Japanese text", 20, |l| {
        l.starts_with("beckon-client: loaded the CJK font ")
    });
    client.expect_stderr("the Japanese text drawn", 20, |l| {
        l.starts_with("beckon-client: CJK text shown with ")
    });
    std::thread::sleep(Duration::from_secs(3));

    let shot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("gui-session.png");
    let status = Command::new("import")
        .args(["-display", &display, "-window", "root"])
        .arg(&shot)
        .status()
        .expect("import");
    assert!(status.success(), "import failed");
    let hist = histogram(&shot);
    let total: u64 = hist.iter().map(|(c, _)| c).sum();
    assert_eq!(total, 1024 * 768, "a whole screen: {hist:?}");
    let background = format!(
        "#{:02X}{:02X}{:02X}",
        beckon_client::gui::BACKGROUND.r(),
        beckon_client::gui::BACKGROUND.g(),
        beckon_client::gui::BACKGROUND.b()
    );
    let bg: u64 = hist
        .iter()
        .filter(|(_, c)| *c == background)
        .map(|(n, _)| n)
        .sum();
    // The window (560 x 640 logical pixels) is mostly its background; the rest of the root
    // window is Xvfb's black.
    assert!(
        bg > 100_000,
        "the window's background {background} covers only {bg} pixels; screenshot at {}",
        shot.display()
    );
    assert!(
        hist.len() > 20,
        "text and widgets give many colours, found {}; screenshot at {}",
        hist.len(),
        shot.display()
    );
    // The consent dialog: asked for system information, the window shows what would be sent.
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/capabilities/system_info"),
        serde_json::json!({}),
    );
    assert_eq!(s, 200, "request: {b}");
    std::thread::sleep(Duration::from_secs(3));
    let consent = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("gui-consent.png");
    let status = Command::new("import")
        .args(["-display", &display, "-window", "root"])
        .arg(&consent)
        .status()
        .expect("import");
    assert!(status.success(), "import failed");
    assert_ne!(
        histogram(&consent),
        hist,
        "the consent dialog changed the window; see {}",
        consent.display()
    );
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/end"),
        serde_json::json!({}),
    );
    assert!(s == 200 || s == 204, "end: {s} {b}");
    std::thread::sleep(Duration::from_secs(1));
    let ended = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("gui-ended.png");
    let _ = Command::new("import")
        .args(["-display", &display, "-window", "root"])
        .arg(&ended)
        .status();
    eprintln!("screenshots: {} {}", shot.display(), ended.display());
}

fn kind_is(e: &serde_json::Value, kind: &str) -> bool {
    e["kind"] == kind
}

/// Asks for the system information, waits for the client's dialog to be drawn.
fn request_system_info(rep: &Rep, client: &mut Client, lsid: &str, n: usize) {
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/capabilities/system_info"),
        serde_json::json!({}),
    );
    assert_eq!(s, 200, "request: {b}");
    // Keys sent before the dialog holds the focus would go to the message field instead.
    client.expect_nth_stderr(&format!("consent dialog {n} focused"), n, 30, |l| {
        l == "beckon-client: the consent dialog has the focus"
    });
}

#[test]
fn the_keyboard_alone_drives_the_window_in_chinese() {
    assert_packages();
    let (_x, display) = start_xvfb();
    let server = Server::start();
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (lsid, download_url) = start_full_in(&server.url, Some("zh-hans"));
    let dir = tempfile::tempdir().expect("dir");
    let exe = download(&download_url, dir.path());
    let mut client = open_window(&exe, &display);
    // A Chinese window loads its font before the first frame.
    client.expect_stderr("the CJK font loaded at start", 20, |l| {
        l.starts_with("beckon-client: loaded the CJK font ")
    });
    join_and_accept(&rep, &lsid);
    rep.say(&lsid, "k1", "你好，我是 John。请问有什么可以帮您？");
    client.expect_stderr("the Chinese text drawn", 20, |l| {
        l.starts_with("beckon-client: CJK text shown with ")
    });

    // The message field has the focus from the start: typing and Enter send.
    focus_window(&display);
    xdotool(
        &display,
        &["type", "--delay", "30", "typed with the keyboard"],
    );
    xdotool(&display, &["key", "Return"]);
    rep.wait_event(&lsid, "the typed message", |e| {
        kind_is(e, "chat_message") && e["body"]["text"] == "typed with the keyboard"
    });

    // The consent dialog takes the focus on Deny: Space denies, nothing is shared.
    request_system_info(&rep, &mut client, &lsid, 1);
    xdotool(&display, &["key", "space"]);
    rep.wait_event(&lsid, "capability_denied", |e| {
        kind_is(e, "capability_denied")
    });
    assert!(
        !rep.events(&lsid).iter().any(|e| kind_is(e, "system_info")),
        "denied: nothing shared"
    );

    // Asked again: Shift+Tab reaches Allow, Space allows, the information is sent.
    request_system_info(&rep, &mut client, &lsid, 2);
    xdotool(&display, &["key", "shift+Tab"]);
    xdotool(&display, &["key", "space"]);
    rep.wait_event(&lsid, "capability_allowed", |e| {
        kind_is(e, "capability_allowed")
    });
    rep.wait_event(&lsid, "system_info", |e| kind_is(e, "system_info"));

    // The dialog gave the focus back to the message field.
    xdotool(&display, &["type", "--delay", "30", "back in the field"]);
    xdotool(&display, &["key", "Return"]);
    rep.wait_event(&lsid, "the message after the dialog", |e| {
        kind_is(e, "chat_message") && e["body"]["text"] == "back in the field"
    });

    let shot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("gui-keyboard-zh.png");
    let _ = Command::new("import")
        .args(["-display", &display, "-window", "root"])
        .arg(&shot)
        .status();
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/end"),
        serde_json::json!({}),
    );
    assert!(s == 200 || s == 204, "end: {s} {b}");
    // The window stays open after the end (the customer may still save the transcript), so
    // the stderr so far is what there is to read.
    let err = client.stderr_so_far().join("\n");
    assert!(
        !err.contains("no font on this system shows"),
        "every character was drawable:\n{err}"
    );
    eprintln!("screenshot: {}", shot.display());
}
