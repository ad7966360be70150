//! Files the representative sends: uploaded in order, delivered only once the customer accepts.

use crate::common::full_client::*;
use crate::common::ws::{send, until};
use crate::{allowed, data, put};
use beckon_protocol::files::sha256_hex;
use serde_json::json;

/// The representative sends a file in 32 KB chunks; returns its id once offered.
async fn upload(f: &Fixture, name: &str, bytes: &[u8]) -> String {
    let (s, b) = f
        .rep
        .post(
            &format!("/api/rep/sessions/{}/files", f.lsid),
            json!({"name": name, "size": bytes.len()}),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    let id = b["id"].as_str().unwrap().to_string();
    // A chunk that does not start where the server is: 409 with where to go on.
    if bytes.len() > 1 {
        let (s, b) = put(f, &id, 1, &bytes[1..2]).await;
        assert_eq!((s, b["offset"].as_u64()), (409, Some(0)), "{b}");
    }
    let mut offset = 0;
    for part in bytes.chunks(32 * 1024) {
        let (s, b) = put(f, &id, offset, part).await;
        assert_eq!(s, 200, "{b}");
        offset += part.len();
        assert_eq!(b["offset"], offset);
    }
    id
}

#[tokio::test]
async fn a_reps_file_reaches_the_customer_only_once_accepted() {
    let (f, _token, mut ws) = allowed().await;
    let bytes = data(50_000);
    let id = upload(&f, "fix.sh", &bytes).await;
    let offered = until(&mut ws, |m| m["kind"] == "file_offered").await;
    assert_eq!(offered["body"]["id"], id.as_str());
    assert_eq!(offered["body"]["direction"], "to_customer");
    assert_eq!(offered["body"]["sha256"], sha256_hex(&bytes));

    // Not before the customer accepts.
    send(&mut ws, json!({"type": "file_get", "id": id, "offset": 0})).await;
    let e = until(&mut ws, |m| m["type"] == "file_error").await;
    assert_eq!(e["code"], "not_open");

    send(
        &mut ws,
        json!({"type": "file_answer", "id": id, "accept": true}),
    )
    .await;
    until(&mut ws, |m| m["kind"] == "file_accepted").await;
    let mut got = Vec::new();
    while got.len() < bytes.len() {
        send(
            &mut ws,
            json!({"type": "file_get", "id": id, "offset": got.len()}),
        )
        .await;
        let d = until(&mut ws, |m| m["type"] == "file_data").await;
        assert_eq!(d["offset"], got.len());
        got.extend(beckon_protocol::files::decode(d["data"].as_str().unwrap()).unwrap());
    }
    assert_eq!(got, bytes);
    send(
        &mut ws,
        json!({"type": "file_get", "id": id, "offset": bytes.len()}),
    )
    .await;
    assert_eq!(
        until(&mut ws, |m| m["type"] == "file_error").await["code"],
        "invalid_message"
    );
    send(
        &mut ws,
        json!({"type": "file_received", "id": id, "sha256": sha256_hex(&got)}),
    )
    .await;
    let done = until(&mut ws, |m| m["kind"] == "file_completed").await;
    assert_eq!(done["body"]["id"], id.as_str());

    // A declined file is never sent, and its bytes are dropped.
    let id2 = upload(&f, "other.txt", b"no thanks").await;
    until(&mut ws, |m| m["kind"] == "file_offered").await;
    send(
        &mut ws,
        json!({"type": "file_answer", "id": id2, "accept": false}),
    )
    .await;
    until(&mut ws, |m| m["kind"] == "file_declined").await;
    send(&mut ws, json!({"type": "file_get", "id": id2, "offset": 0})).await;
    assert_eq!(
        until(&mut ws, |m| m["type"] == "file_error").await["code"],
        "not_open"
    );
    let session = f
        .server
        .store
        .session_by_lsid(&f.lsid)
        .await
        .unwrap()
        .unwrap();
    let path = f
        .server
        .data_dir()
        .join(format!("transfers/{}/{id2}", session.id.0));
    assert!(!path.exists(), "declined bytes removed");
}
