//! Issue 10, file transfer, server side (docs/customer_client.md, "File transfer"): both
//! directions under the customer's consent, hashes checked, chunks only in order, resumable,
//! size-limited. The customer's client is played by a WebSocket here; the real client is
//! tested in crates/beckon-client/tests/files.rs.

mod common;

use beckon::protocol::Capability;
use beckon_protocol::files::{encode, sha256_hex, MAX_CHUNK_BYTES};
use common::full_client::*;
use common::reps::*;
use common::ws::{send, until};
use serde_json::{json, Value};

/// Bytes that differ from chunk to chunk, so a misplaced chunk changes the hash.
fn data(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 1000) as u8).collect()
}

/// Lets the demo key's teams use file transfer, and has the customer allow it.
async fn allowed() -> (Fixture, String, Ws) {
    let f = accepted(false).await;
    for team in ["technical_support", "general_support"] {
        f.set_team_capabilities(team, &Capability::ALL).await;
    }
    let token = f.join().await;
    let mut ws = f.connect(&token, 0).await;
    allow(&f, &mut ws).await;
    (f, token, ws)
}

async fn allow(f: &Fixture, ws: &mut Ws) {
    let (s, b) = f.request("file_transfer").await;
    assert_eq!(s, 200, "{b}");
    until(ws, |m| m["kind"] == "capability_requested").await;
    send(
        ws,
        json!({"type": "consent", "capability": "file_transfer", "allow": true}),
    )
    .await;
    until(ws, |m| m["kind"] == "capability_allowed").await;
}

fn offer(id: &str, name: &str, bytes: &[u8]) -> Value {
    json!({"type": "file_offer", "id": id, "name": name, "size": bytes.len(),
        "sha256": sha256_hex(bytes)})
}

async fn chunk(ws: &mut Ws, id: &str, bytes: &[u8], offset: usize) -> Value {
    let end = (offset + MAX_CHUNK_BYTES).min(bytes.len());
    send(
        ws,
        json!({"type": "file_chunk", "id": id, "offset": offset,
            "data": encode(&bytes[offset..end])}),
    )
    .await;
    until(ws, |m| m["type"] == "file_ack" || m["type"] == "file_error").await
}

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

async fn put(f: &Fixture, id: &str, offset: usize, part: &[u8]) -> (u16, Value) {
    let r = f
        .rep
        .client
        .put(format!(
            "{}/api/rep/sessions/{}/files/{id}?offset={offset}",
            f.rep.base, f.lsid
        ))
        .header("x-beckon-csrf", "1")
        .body(part.to_vec())
        .send()
        .await
        .unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_customer_file_arrives_whole_and_resumes_after_a_reconnect() {
    let (f, token, mut ws) = allowed().await;
    let bytes = data(40_000);
    send(&mut ws, offer("up1", "../../evil\n.txt", &bytes)).await;
    let ack = until(&mut ws, |m| m["type"] == "file_ack").await;
    assert_eq!(ack["offset"], 0);
    assert_eq!(chunk(&mut ws, "up1", &bytes, 0).await["offset"], 16_384);
    // Out of order (a chunk skipped) and a repeat: refused, nothing written twice.
    let skipped = chunk(&mut ws, "up1", &bytes, 32_768).await;
    assert_eq!(skipped["code"], "wrong_offset", "{skipped}");
    assert_eq!(
        chunk(&mut ws, "up1", &bytes, 0).await["code"],
        "wrong_offset"
    );

    // The connection is lost; the client offers again and learns where to go on.
    drop(ws);
    let mut ws = f.connect(&token, 1_000_000).await;
    send(&mut ws, offer("up1", "../../evil\n.txt", &bytes)).await;
    let ack = until(&mut ws, |m| m["type"] == "file_ack").await;
    assert_eq!(ack["offset"], 16_384);
    assert_eq!(
        chunk(&mut ws, "up1", &bytes, 16_384).await["offset"],
        32_768
    );
    assert_eq!(
        chunk(&mut ws, "up1", &bytes, 32_768).await["offset"],
        40_000
    );

    let events = f.events().await;
    let offered = events.iter().find(|e| e["kind"] == "file_offered").unwrap();
    assert_eq!(offered["body"]["file_name"], "evil_.txt");
    assert_eq!(offered["body"]["direction"], "to_rep");
    let done = events
        .iter()
        .find(|e| e["kind"] == "file_completed")
        .unwrap();
    assert_eq!(done["body"]["sha256"], sha256_hex(&bytes));
    let progress = events
        .iter()
        .filter(|e| e["kind"] == "file_progress")
        .count();
    assert!((1..10).contains(&progress), "{progress} progress events");

    let r = f
        .rep
        .client
        .get(format!(
            "{}/api/rep/sessions/{}/files/up1",
            f.rep.base, f.lsid
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-disposition"],
        "attachment; filename=\"evil_.txt\"; filename*=UTF-8''evil_.txt"
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), bytes);
    // A finished transfer takes no more bytes.
    assert_eq!(chunk(&mut ws, "up1", &bytes, 0).await["code"], "not_open");

    // The files live as long as the session.
    let session = f
        .server
        .store
        .session_by_lsid(&f.lsid)
        .await
        .unwrap()
        .unwrap();
    let dir = f
        .server
        .data_dir()
        .join(format!("transfers/{}", session.id.0));
    assert!(dir.join("up1").exists());
    beckon::background::sweep_transfers(&f.server.state).await;
    assert!(dir.join("up1").exists(), "kept while the session runs");
    let (s, _) = f
        .rep
        .post(&format!("/api/rep/sessions/{}/end", f.lsid), json!({}))
        .await;
    assert_eq!(s, 204);
    beckon::background::sweep_transfers(&f.server.state).await;
    assert!(!dir.exists(), "removed once it ended");
}

#[tokio::test]
async fn wrong_hashes_bad_ids_and_oversized_files_are_refused() {
    let (f, _token, mut ws) = allowed().await;
    let bytes = data(20_000);
    let mut o = offer("bad", "a.bin", &bytes);
    o["sha256"] = json!(sha256_hex(b"something else"));
    send(&mut ws, o).await;
    until(&mut ws, |m| m["type"] == "file_ack").await;
    chunk(&mut ws, "bad", &bytes, 0).await;
    let end = chunk(&mut ws, "bad", &bytes, 16_384).await;
    assert_eq!(end["code"], "hash_mismatch", "{end}");
    let failed = f.events().await;
    assert!(failed
        .iter()
        .any(|e| e["kind"] == "file_failed" && e["body"]["reason"] == "hash_mismatch"));
    let (s, b) = f
        .rep
        .get(&format!("/api/rep/sessions/{}/files/bad", f.lsid))
        .await;
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (409, Some("not_complete"))
    );

    send(&mut ws, offer("empty", "a.bin", b"")).await;
    let e = until(&mut ws, |m| m["type"] == "file_error").await;
    assert_eq!(
        (e["code"].as_str(), e["message"].as_str()),
        (Some("invalid_message"), Some("the file is empty"))
    );
    send(&mut ws, offer("../x", "a.bin", &bytes)).await;
    let e = until(&mut ws, |m| m["type"] == "file_error").await;
    assert_eq!(e["code"], "invalid_message");

    let mut big = offer("big", "huge.iso", b"");
    big["size"] = json!(100 * 1024 * 1024 + 1);
    send(&mut ws, big).await;
    let e = until(&mut ws, |m| m["type"] == "file_error").await;
    assert_eq!(e["code"], "too_large");
    assert!(e["message"].as_str().unwrap().contains("104857600"), "{e}");
    assert!(f
        .events()
        .await
        .iter()
        .any(|e| e["kind"] == "file_failed" && e["body"]["reason"] == "too_large"));
    let (s, b) = f
        .rep
        .post(
            &format!("/api/rep/sessions/{}/files", f.lsid),
            json!({"name": "huge.iso", "size": 100 * 1024 * 1024 + 1}),
        )
        .await;
    assert_eq!((s, b["error"]["code"].as_str()), (413, Some("too_large")));
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
