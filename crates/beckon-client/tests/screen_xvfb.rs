//! Issue 10, screen view, end to end under a real X server (Xvfb): a known image is drawn on
//! the virtual display, the real client runs in text mode on it, the representative asks for
//! the screen and the customer allows; this test plays the console (its WebSocket), puts the
//! tiles together and compares them with the image pixel for pixel, acknowledging each frame
//! as the console does. A change on the display arrives as the changed tiles only; the
//! customer's revocation and denial stop the frames at once.
//!
//! Needs Xvfb, ImageMagick (`convert`) and the `sqlite3` shell (to let the demo
//! team use the screen view in the server's database); scripts/test installs them.
#![allow(clippy::disallowed_methods)]
// The capture under test is X11's.
#![cfg(all(unix, not(target_os = "macos")))]

mod common;

use common::rep::{download, start_full, Rep};
use common::screen::*;
use common::*;
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const W: usize = 320;
const H: usize = 200;

fn pattern(png: &Path, rects: &[(&str, &str)]) {
    let mut cmd = Command::new("convert");
    cmd.args(["-size", &format!("{W}x{H}"), "xc:#203040", "+antialias"]);
    for (colour, rect) in rects {
        cmd.args(["-fill", colour, "-draw", &format!("rectangle {rect}")]);
    }
    cmd.args(["-depth", "8"])
        .arg(format!("PNG24:{}", png.display()));
    run(&mut cmd, "convert (apt-get install imagemagick)");
}

#[test]
fn the_console_sees_the_known_image_until_the_customer_revokes() {
    let dir = tempfile::tempdir().unwrap();
    let (_x, display) = start_xvfb(W, H);
    let first = dir.path().join("first.png");
    pattern(
        &first,
        &[
            ("#ff0000", "10,20 109,79"),
            ("#00ff00", "200,100 231,131"),
            ("#0000ff", "319,199 319,199"),
        ],
    );
    let _shown = show(&display, &first);

    let server = Server::start();
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    // After the login: the demo's teams exist by then.
    allow_screen_for_teams(server.dir.path());
    let (lsid, download_url) = start_full(&server.url);
    let exe = download(&download_url, dir.path());
    let mut client = Client::spawn(&exe, &["--no-gui"], &[("DISPLAY", display.as_str())]);
    client.expect("connected", 30, |l| l.starts_with("connected to "));
    rep.accept_once_joined(&lsid);
    let mut ws = console(&server.url, "john");
    until(&mut ws, "welcome", |m| m["type"] == "welcome");
    let request = format!("/api/rep/sessions/{lsid}/capabilities/screen_view");
    let (s, b) = rep.post(&request, json!({}));
    assert_eq!(s, 200, "request: {b}");
    client.expect_line("John asks to see your screen.", 20);
    client.send("y");
    client.expect_line("your screen is shared with John", 10);

    // The first frame has every tile, and together they are the image on the display.
    let mut canvas = Canvas::new(W, H);
    let (n, tiles) = frame(&mut ws, &mut canvas);
    assert_eq!(tiles, W.div_ceil(64) * H.div_ceil(64), "a keyframe first");
    let (w, h, expected) = decode_rgb(&std::fs::read(&first).unwrap());
    assert_eq!((w, h), (W, H));
    assert_eq!(canvas.pixel(10, 20), [255, 0, 0]);
    assert_eq!(canvas.pixel(109, 79), [255, 0, 0]);
    assert_eq!(canvas.pixel(110, 80), [0x20, 0x30, 0x40]);
    assert_eq!(canvas.pixel(231, 131), [0, 255, 0]);
    assert_eq!(canvas.pixel(319, 199), [0, 0, 255]);
    assert!(
        canvas.rgb == expected,
        "the reassembled frame differs from the image"
    );

    // Without an acknowledgement no further frame comes (one frame in flight).
    assert!(next(&mut ws, Duration::from_millis(800)).is_none_or(|m| m["type"] != "screen"));
    // A change on the display arrives as the changed tiles only.
    let second = dir.path().join("second.png");
    pattern(
        &second,
        &[
            ("#ff0000", "10,20 109,79"),
            ("#ffff00", "70,140 90,150"),
            ("#0000ff", "319,199 319,199"),
        ],
    );
    let _shown = show(&display, &second);
    ack(&mut ws, &lsid, n, false);
    let deadline = Instant::now() + Duration::from_secs(10);
    let (_, expected) = {
        let (_, _, e) = decode_rgb(&std::fs::read(&second).unwrap());
        (0, e)
    };
    loop {
        let (n, tiles) = frame(&mut ws, &mut canvas);
        assert!(tiles <= 3, "only the changed tiles, not {tiles}");
        ack(&mut ws, &lsid, n, false);
        if canvas.rgb == expected {
            break;
        }
        assert!(Instant::now() < deadline, "the change never arrived whole");
    }
    assert_eq!(canvas.pixel(80, 145), [255, 255, 0]);

    // The customer revokes: no frame after the console hears of it, whatever it asks.
    client.send("/revoke screen_view");
    client.expect_line("screen sharing stopped", 10);
    until(&mut ws, "the revocation", |m| {
        m["kind"] == "capability_revoked"
    });
    while next(&mut ws, Duration::from_millis(300)).is_some() {}
    ack(&mut ws, &lsid, 0, true);
    let late = next(&mut ws, Duration::from_millis(1500));
    assert!(
        late.as_ref().is_none_or(|m| m["type"] != "screen"),
        "a frame after the revocation: {late:?}"
    );

    // Asked again and denied: nothing is captured.
    let (s, b) = rep.post(&request, json!({}));
    assert_eq!(s, 200, "request again: {b}");
    client.expect_nth("John asks to see your screen.", 2, 20);
    client.send("n");
    until(&mut ws, "the denial", |m| m["kind"] == "capability_denied");
    ack(&mut ws, &lsid, 0, true);
    let late = next(&mut ws, Duration::from_millis(1500));
    assert!(
        late.as_ref().is_none_or(|m| m["type"] != "screen"),
        "a frame after the denial: {late:?}"
    );
    drop(server);
}
