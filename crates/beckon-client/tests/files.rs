//! Issue 10, file transfer end to end: the real server, the real client in text mode and a
//! proxy that can slow and cut the network. A file goes each way with a matching SHA-256,
//! across a cut in its middle; a declined file writes nothing; a revocation stops a transfer.
// These tests drive child processes from plain threads: blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;

use beckon_protocol::files::sha256_hex;
use common::proxy::Proxy;
use common::rep::{download, start_full, Rep};
use common::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// 3 MB that differ from chunk to chunk, so a misplaced chunk changes the hash.
fn payload(seed: u32) -> Vec<u8> {
    (0..3_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761).wrapping_add(seed) >> 13) as u8)
        .collect()
}

struct Journey {
    _server: Server,
    proxy: Proxy,
    rep: Rep,
    lsid: String,
    client: Client,
    /// Where the client saves accepted files.
    downloads: PathBuf,
    dir: tempfile::TempDir,
}

/// A FULL session through the proxy, accepted by John, with file transfer allowed.
fn allowed() -> Journey {
    let proxy_port = free_port();
    let server = Server::start_with_public_url(Some(&format!("http://127.0.0.1:{proxy_port}")));
    let proxy = Proxy::start(proxy_port, server.url.trim_start_matches("http://").into());
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (lsid, download_url) = start_full(&server.url);
    let dir = tempfile::tempdir().expect("dir");
    let exe = download(&download_url, dir.path());
    let downloads = dir.path().join("Downloads");
    std::fs::create_dir(&downloads).unwrap();
    let args = [
        "--no-gui",
        "--heartbeat-secs",
        "2",
        "--downloads",
        downloads.to_str().unwrap(),
    ];
    let mut client = Client::spawn(&exe, &args, &[]);
    client.expect("connected", 30, |l| l.starts_with("connected to "));
    rep.accept_once_joined(&lsid);
    client.expect_line("representative John joined", 10);
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/capabilities/file_transfer"),
        json!({}),
    );
    assert_eq!(s, 200, "{b}");
    client.expect_line("John asks to exchange files with you.", 10);
    client.send("y");
    rep.wait_event(&lsid, "capability_allowed", |e| {
        e["kind"] == "capability_allowed" && e["body"]["capability"] == "file_transfer"
    });
    client.expect_line("you allowed file transfer", 10);
    Journey {
        _server: server,
        proxy,
        rep,
        lsid,
        client,
        downloads,
        dir,
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

fn has(rep: &Rep, lsid: &str, kind: &str) -> bool {
    rep.events(lsid).iter().any(|e| e["kind"] == kind)
}

/// Cuts the network for a moment and waits until the client has noticed.
fn cut_and_restore(j: &mut Journey) {
    j.proxy.cut();
    j.client.expect("the loss is shown", 15, |l| {
        l.starts_with("connection lost, reconnecting in ")
    });
    std::thread::sleep(Duration::from_millis(500));
    j.proxy.restore();
}

#[test]
fn a_file_goes_each_way_with_a_matching_hash_across_a_network_cut() {
    let mut j = allowed();
    let (rep, lsid) = (&j.rep, j.lsid.clone());

    // Customer to representative, cut once the server holds a tenth and before it is whole.
    let mine = payload(1);
    let path = j.dir.path().join("logs.bin");
    std::fs::write(&path, &mine).unwrap();
    j.proxy.slow(10);
    j.client.send(&format!("/send {}", path.display()));
    rep.wait_event(&lsid, "progress of the upload", |e| {
        e["kind"] == "file_progress"
    });
    assert!(!has(rep, &lsid, "file_completed"), "cut in the middle");
    cut_and_restore(&mut j);
    let (rep, lsid) = (&j.rep, j.lsid.clone());
    let done = rep.wait_event(&lsid, "the upload completed", |e| {
        e["kind"] == "file_completed"
    });
    assert_eq!(done["body"]["sha256"], sha256_hex(&mine));
    let id = done["body"]["id"].as_str().unwrap().to_string();
    let (s, got) = rep.get_bytes(&format!("/api/rep/sessions/{lsid}/files/{id}"));
    assert_eq!(s, 200);
    assert_eq!(sha256_hex(&got), sha256_hex(&mine));
    j.client
        .expect_line("logs.bin was sent and its checksum matched", 10);
    let sent_progress = j
        .client
        .seen
        .iter()
        .filter(|l| l.starts_with("sending logs.bin: "))
        .count();
    assert!(sent_progress >= 1, "progress shown: {:?}", j.client.seen);

    // Representative to customer, cut once the client has a tenth.
    let theirs = payload(2);
    let id = rep.send_file(&lsid, "fix.bin", &theirs);
    j.client
        .expect_line("John offers the file fix.bin (3.0 MB)", 10);
    j.client.send("/accept");
    j.client.expect_line("receiving fix.bin: 10%", 20);
    assert!(!j
        .client
        .seen
        .iter()
        .any(|l| l.starts_with("fix.bin was received")));
    cut_and_restore(&mut j);
    let saved = j.downloads.join("fix.bin");
    j.client.expect_line(
        &format!("fix.bin was received and checked: {}", saved.display()),
        30,
    );
    assert_eq!(
        sha256_hex(&std::fs::read(&saved).unwrap()),
        sha256_hex(&theirs)
    );
    assert_eq!(
        names_in(&j.downloads),
        vec!["fix.bin".to_string()],
        "no .part left"
    );
    let done = j
        .rep
        .wait_event(&j.lsid, "the download completed", |e: &Value| {
            e["kind"] == "file_completed" && e["body"]["id"] == id.as_str()
        });
    assert_eq!(done["body"]["sha256"], sha256_hex(&theirs));
    refused_nothing(&j.client);
}

#[test]
fn a_declined_file_writes_nothing_and_a_revocation_stops_transfers_at_once() {
    let mut j = allowed();
    let (rep, lsid) = (&j.rep, j.lsid.clone());
    rep.send_file(&lsid, "unwanted.txt", b"no thanks");
    j.client
        .expect_line("John offers the file unwanted.txt (9 bytes)", 10);
    j.client.send("/decline");
    rep.wait_event(&lsid, "file_declined", |e| e["kind"] == "file_declined");
    assert!(
        names_in(&j.downloads).is_empty(),
        "a declined file writes nothing"
    );

    // One transfer each way under way on a slow network; the customer revokes.
    let theirs = payload(3);
    rep.send_file(&lsid, "big.bin", &theirs);
    j.client
        .expect_line("John offers the file big.bin (3.0 MB)", 10);
    j.proxy.slow(10);
    j.client.send("/accept");
    j.client.expect_line("receiving big.bin: 10%", 20);
    let mine = payload(4);
    let path = j.dir.path().join("mine.bin");
    std::fs::write(&path, &mine).unwrap();
    j.client.send(&format!("/send {}", path.display()));
    rep.wait_event(&lsid, "the upload under way", |e| {
        e["kind"] == "file_offered" && e["body"]["direction"] == "to_rep"
    });
    j.client.send("/revoke file_transfer");
    j.client
        .expect_line("the transfer of big.bin stopped: revoked", 5);
    j.client
        .expect_line("the transfer of mine.bin stopped: revoked", 5);
    j.proxy.slow(0);
    rep.wait_event(&lsid, "capability_revoked", |e| {
        e["kind"] == "capability_revoked"
    });
    std::thread::sleep(Duration::from_secs(1));
    assert!(
        !has(rep, &lsid, "file_completed"),
        "nothing completes after a revocation"
    );
    assert!(names_in(&j.downloads).is_empty(), "no partial file is left");
    // The representative can send nothing more.
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/files"),
        json!({"name": "again.bin", "size": 3}),
    );
    assert_eq!((s, b["error"]["code"].as_str()), (409, Some("not_allowed")));
    refused_nothing(&j.client);
}

/// The client sent nothing the server refused (allowing file transfer shares nothing else).
fn refused_nothing(client: &Client) {
    let refused: Vec<&String> = client
        .seen
        .iter()
        .filter(|l| l.contains("was refused"))
        .collect();
    assert!(refused.is_empty(), "{refused:?}");
}
