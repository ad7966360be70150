//! Files the customer sends: arriving whole, resuming after a reconnect, and what is refused.

use crate::common::ws::{send, until};
use crate::{allowed, chunk, data, offer};
use beckon_protocol::files::sha256_hex;
use serde_json::json;

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
