//! Consent governs file transfer: denying or revoking stops it at once, and the team setting
//! decides whether it may be requested at all.

use crate::common::full_client::*;
use crate::common::ws::{send, until};
use crate::{allow, chunk, data, offer, put};
use beckon::protocol::Capability;
use serde_json::json;

#[tokio::test]
async fn deny_and_revoke_stop_file_transfer_at_once() {
    let f = accepted(false).await;
    for team in ["technical_support", "general_support"] {
        f.set_team_capabilities(team, &Capability::ALL).await;
    }
    let token = f.join().await;
    let mut ws = f.connect(&token, 0).await;
    let bytes = data(40_000);
    // Nothing without consent, either way.
    send(&mut ws, offer("u", "a.bin", &bytes)).await;
    assert_eq!(
        until(&mut ws, |m| m["type"] == "file_error").await["code"],
        "not_allowed"
    );
    let (s, _) = f
        .rep
        .post(
            &format!("/api/rep/sessions/{}/files", f.lsid),
            json!({"name": "a", "size": 3}),
        )
        .await;
    assert_eq!(s, 409);
    // Denied: still nothing.
    f.request("file_transfer").await;
    send(
        &mut ws,
        json!({"type": "consent", "capability": "file_transfer", "allow": false}),
    )
    .await;
    until(&mut ws, |m| m["kind"] == "capability_denied").await;
    send(&mut ws, offer("u", "a.bin", &bytes)).await;
    assert_eq!(
        until(&mut ws, |m| m["type"] == "file_error").await["code"],
        "not_allowed"
    );

    // Allowed, a transfer each way under way, then revoked.
    allow(&f, &mut ws).await;
    send(&mut ws, offer("u", "a.bin", &bytes)).await;
    until(&mut ws, |m| m["type"] == "file_ack").await;
    assert_eq!(chunk(&mut ws, "u", &bytes, 0).await["offset"], 16_384);
    let (s, b) = f
        .rep
        .post(
            &format!("/api/rep/sessions/{}/files", f.lsid),
            json!({"name": "b.bin", "size": 40_000}),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    let staged = b["id"].as_str().unwrap().to_string();
    assert_eq!(put(&f, &staged, 0, &bytes[..16_384]).await.0, 200);

    send(
        &mut ws,
        json!({"type": "revoke", "capability": "file_transfer"}),
    )
    .await;
    until(&mut ws, |m| m["kind"] == "capability_revoked").await;
    let e = chunk(&mut ws, "u", &bytes, 16_384).await;
    assert_eq!(e["code"], "not_allowed", "{e}");
    let (s, b) = put(&f, &staged, 16_384, &bytes[16_384..32_768]).await;
    assert_eq!((s, b["error"]["code"].as_str()), (409, Some("not_allowed")));
    // Allowed again: the stopped transfer stays stopped.
    allow(&f, &mut ws).await;
    send(&mut ws, offer("u", "a.bin", &bytes)).await;
    assert_eq!(
        until(&mut ws, |m| m["type"] == "file_error").await["code"],
        "not_open"
    );
    assert!(!f.kinds().await.contains(&"file_completed".to_string()));
}

#[tokio::test]
async fn the_team_setting_decides_whether_files_may_be_requested() {
    let f = accepted(true).await;
    f.set_team_capabilities(
        "general_support",
        &[Capability::SystemInfo, Capability::Shell],
    )
    .await;
    let _token = f.join().await;
    let (s, b) = f.request("file_transfer").await;
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (403, Some("not_allowed_for_team")),
        "{b}"
    );
    f.set_team_capabilities("general_support", &Capability::ALL)
        .await;
    let (s, b) = f.request("file_transfer").await;
    assert_eq!(s, 200, "{b}");
}
