//! Issue 10, file transfer, server side (docs/customer_client.md, "File transfer"): both
//! directions under the customer's consent, hashes checked, chunks only in order, resumable,
//! size-limited. The customer's client is played by a WebSocket here; the real client is
//! tested in crates/beckon-client/tests/files.rs.

#[path = "../common/mod.rs"]
mod common;

mod consent;
mod from_customer;
mod to_customer;

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
