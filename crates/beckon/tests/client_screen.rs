//! Issue 10, screen view, server side (docs/customer_client.md, "Screen view"): tiles from
//! the customer's client reach the representative's console live, only while the customer's
//! consent stands, and the console's acknowledgements reach the client as its credit for the
//! next frame. A WebSocket plays the client and another the console; the real client is
//! tested under Xvfb in crates/beckon-client/tests/screen_xvfb.rs.

mod common;

use base64::Engine;
use beckon::domain::time::now_ms;
use beckon::protocol::Capability;
use common::full_client::*;
use common::reps::*;
use common::ws::{send, until};
use serde_json::{json, Value};
use std::time::Duration;

/// Whether a message matching `pred` arrives within a short while (for "nothing came").
async fn arrives(ws: &mut Ws, pred: impl Fn(&Value) -> bool) -> bool {
    let wait = async {
        loop {
            let m = next_json(ws).await;
            if pred(&m) {
                return;
            }
        }
    };
    tokio::time::timeout(Duration::from_millis(700), wait)
        .await
        .is_ok()
}

/// A tile whose data starts like a PNG (the server checks bounds and the signature only).
fn tile(x: u32, y: u32) -> Value {
    let data = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\nfake");
    json!({"x": x, "y": y, "w": 64, "h": 64, "data": data})
}

fn tiles(frame: u64, tiles: Vec<Value>) -> Value {
    json!({"type": "screen_tiles", "frame": frame, "width": 128, "height": 128,
           "tiles": tiles, "last": true, "captured_at": now_ms(), "encode_ms": 3})
}

/// A FULL session in demo-admin's personal queue, accepted; the screen allowed for the
/// teams that session follows.
async fn accepted_for_screen() -> Fixture {
    let f = accepted(false).await;
    f.set_team_capabilities("technical_support", &Capability::ALL)
        .await;
    f
}

/// The representative's console socket, following their sessions.
async fn console(f: &Fixture) -> Ws {
    console_ws(&f.server, "demo-admin").await
}

#[tokio::test]
async fn tiles_reach_the_console_and_acks_reach_the_client_only_while_allowed() {
    let f = accepted_for_screen().await;
    let mut client = f.client().await;
    let mut console = console(&f).await;
    let is_screen = |m: &Value| m["type"] == "screen";

    // Before any consent, tiles go nowhere.
    send(&mut client, tiles(1, vec![tile(0, 0)])).await;
    assert!(
        !arrives(&mut console, is_screen).await,
        "relayed without consent"
    );

    let (s, b) = f.request("screen_view").await;
    assert_eq!(s, 200, "{b}");
    until(&mut client, |m| m["kind"] == "capability_requested").await;
    send(
        &mut client,
        json!({"type": "consent", "capability": "screen_view", "allow": true}),
    )
    .await;
    until(&mut console, |m| m["kind"] == "capability_allowed").await;

    send(&mut client, tiles(1, vec![tile(0, 0), tile(64, 64)])).await;
    let part = until(&mut console, is_screen).await;
    assert_eq!(part["lsid"], f.lsid.as_str());
    assert_eq!(part["frame"], 1);
    assert_eq!(part["tiles"].as_array().unwrap().len(), 2);
    assert_eq!(part["tiles"][1]["x"], 64);
    assert!(part["received_at"].as_i64().unwrap() >= part["captured_at"].as_i64().unwrap() - 5000);

    // The server says it took the message off the socket (the client's send window).
    let taken = until(&mut client, |m| m["type"] == "screen_received").await;
    assert_eq!(taken["frame"], 1);

    // The console's acknowledgement is the client's credit for the next frame.
    let ack = json!({"type": "screen_ack", "lsid": f.lsid, "frame": 1, "keyframe": false});
    send(&mut console, ack).await;
    let credit = until(&mut client, |m| m["type"] == "screen_ack").await;
    assert_eq!(
        (credit["frame"].as_u64(), credit["keyframe"].as_bool()),
        (Some(1), Some(false))
    );
    // A console of another session cannot give credit to this one.
    let foreign = json!({"type": "screen_ack", "lsid": "nope", "frame": 9, "keyframe": true});
    send(&mut console, foreign).await;
    assert!(!arrives(&mut client, |m| m["type"] == "screen_ack").await);

    // Invalid tiles are refused with a reason; an oversized message by the frame limit.
    let mut outside = tile(100, 0);
    outside["w"] = json!(64);
    send(&mut client, tiles(2, vec![outside])).await;
    let refused = until(&mut client, |m| m["type"] == "error").await;
    assert_eq!(refused["code"], "invalid_message");
    assert_eq!(refused["message"], "a tile lies outside the screen");
    let mut big = tile(0, 0);
    big["data"] = json!(base64::engine::general_purpose::STANDARD.encode(vec![0x89; 30_000]));
    send(&mut client, tiles(2, vec![big])).await;
    let refused = until(&mut client, |m| m["type"] == "error").await;
    assert_eq!(refused["code"], "too_large");
    assert!(
        !arrives(&mut console, is_screen).await,
        "refused tiles relayed"
    );

    // The customer revokes: the console hears it, and late tiles are dropped.
    send(
        &mut client,
        json!({"type": "revoke", "capability": "screen_view"}),
    )
    .await;
    until(&mut console, |m| m["kind"] == "capability_revoked").await;
    send(&mut client, tiles(3, vec![tile(0, 0)])).await;
    assert!(
        !arrives(&mut console, is_screen).await,
        "relayed after revoke"
    );
    // Nothing of the screen is in the log: only consent events.
    let kinds = f.kinds().await;
    assert!(!kinds.iter().any(|k| k.starts_with("screen")), "{kinds:?}");

    // Asked again and allowed, then stopped by the representative: frames stop again.
    assert_eq!(f.request("screen_view").await.0, 200);
    send(
        &mut client,
        json!({"type": "consent", "capability": "screen_view", "allow": true}),
    )
    .await;
    until(&mut console, |m| m["kind"] == "capability_allowed").await;
    send(&mut client, tiles(1, vec![tile(0, 0)])).await;
    until(&mut console, is_screen).await;
    let stop = format!("/api/rep/sessions/{}/screen/stop", f.lsid);
    let (s, b) = f.rep.post(&stop, json!({})).await;
    assert_eq!(s, 200, "{b}");
    let ended = until(&mut client, |m| m["kind"] == "screen_ended").await;
    assert_eq!(ended["from"], "rep");
    send(&mut client, tiles(2, vec![tile(0, 0)])).await;
    assert!(
        !arrives(&mut console, is_screen).await,
        "relayed after stop"
    );
    assert_eq!(f.rep.post(&stop, json!({})).await.0, 409);
}

#[tokio::test]
async fn a_denial_relays_nothing_and_the_team_setting_applies() {
    let f = accepted_for_screen().await;
    let mut client = f.client().await;
    let mut console = console(&f).await;
    assert_eq!(f.request("screen_view").await.0, 200);
    until(&mut client, |m| m["kind"] == "capability_requested").await;
    send(
        &mut client,
        json!({"type": "consent", "capability": "screen_view", "allow": false}),
    )
    .await;
    until(&mut console, |m| m["kind"] == "capability_denied").await;
    send(&mut client, tiles(1, vec![tile(0, 0)])).await;
    assert!(!arrives(&mut console, |m| m["type"] == "screen").await);

    // No team of the representative allows the screen: the request is refused.
    f.set_team_capabilities("technical_support", &[Capability::SystemInfo])
        .await;
    f.set_team_capabilities("general_support", &[Capability::SystemInfo])
        .await;
    let (s, b) = f.request("screen_view").await;
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (403, Some("not_allowed_for_team")),
        "{b}"
    );
}
