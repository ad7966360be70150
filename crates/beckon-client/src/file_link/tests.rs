//! The file link against a hand-played server.

use super::disk::free_name;
use super::*;
use serde_json::json;

fn allowed(dir: &Path) -> FileLink {
    let mut link = FileLink::new(dir.to_path_buf());
    link.allowed_here();
    link.on_event(
        "capability_allowed",
        "customer",
        &json!({"capability": "file_transfer"}),
    );
    assert!(link.is_allowed());
    link
}

fn chunks(send: &[ClientMsg]) -> Vec<u64> {
    send.iter()
        .filter_map(|m| match m {
            ClientMsg::FileChunk { offset, .. } | ClientMsg::FileGet { offset, .. } => {
                Some(*offset)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn nothing_moves_before_this_process_allowed_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut link = FileLink::new(dir.path().to_path_buf());
    // An allow in the log that this process did not give (a replay): still not allowed.
    link.on_event(
        "capability_allowed",
        "customer",
        &json!({"capability": "file_transfer"}),
    );
    let step = link.send_file(Path::new("/etc/hostname"), 3, "x".into());
    assert!(step.send.is_empty());
    assert!(matches!(&step.show[..], [Update::FileFailed { .. }]));
}

#[test]
fn an_upload_keeps_a_window_and_resumes_from_the_servers_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.bin");
    let bytes: Vec<u8> = (0..100_000u32).map(|i| i as u8).collect();
    std::fs::write(&path, &bytes).unwrap();
    let mut link = allowed(dir.path());
    let step = link.send_file(&path, bytes.len() as u64, files::sha256_hex(&bytes));
    let Some(ClientMsg::FileOffer { id, name, .. }) = step.send.first().cloned() else {
        panic!("an offer first: {step:?}");
    };
    assert_eq!(name, "big.bin");
    let c = MAX_CHUNK_BYTES as u64;
    // The server's answer opens the window: four chunks, no more.
    let step = link.on_ack(&id, 0);
    assert_eq!(chunks(&step.send), vec![0, c, 2 * c, 3 * c]);
    assert!(link.pump().is_empty(), "the window is full");
    // Each ack lets one more go.
    let step = link.on_ack(&id, c);
    assert_eq!(chunks(&step.send), vec![4 * c]);
    // The connection is lost: the offer goes again and the server's offset wins.
    let again = link.connected();
    assert!(matches!(again.first(), Some(ClientMsg::FileOffer { .. })));
    assert!(
        chunks(&again).is_empty(),
        "nothing before the server answers"
    );
    let step = link.on_ack(&id, 2 * c);
    assert_eq!(chunks(&step.send), vec![2 * c, 3 * c, 4 * c, 5 * c]);
    // The data sent is the file's own bytes at that offset.
    let Some(ClientMsg::FileChunk { data, .. }) = step.send.first() else {
        panic!()
    };
    assert_eq!(
        files::decode(data).unwrap(),
        bytes[2 * c as usize..3 * c as usize]
    );
    let done = link.on_ack(&id, bytes.len() as u64);
    assert!(matches!(&done.show[..], [Update::FileDone { .. }]));
}

fn offer(link: &mut FileLink, id: &str, name: &str, bytes: &[u8]) {
    let step = link.on_event(
        "file_offered",
        "rep",
        &json!({"id": id, "file_name": name, "size": bytes.len(),
            "sha256": files::sha256_hex(bytes), "direction": "to_customer", "name": "John"}),
    );
    assert!(matches!(&step.show[..], [Update::FileOffered { .. }]));
}

#[test]
fn a_download_is_written_checked_and_renamed_and_a_declined_one_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut link = allowed(dir.path());
    let bytes: Vec<u8> = (0..40_000u32).map(|i| (i * 3) as u8).collect();
    offer(&mut link, "r1", "../../.bashrc", &bytes);
    offer(&mut link, "r2", "no.txt", b"no");
    let step = link.answer("r2", false);
    assert!(matches!(
        &step.send[..],
        [ClientMsg::FileAnswer { accept: false, .. }]
    ));
    let step = link.answer("r1", true);
    assert_eq!(chunks(&step.send), vec![0, 16_384, 32_768]);
    let c = MAX_CHUNK_BYTES;
    // A chunk out of order is ignored; in order it is written.
    assert!(link
        .on_data("r1", 16_384, &files::encode(&bytes[c..2 * c]))
        .send
        .is_empty());
    link.on_data("r1", 0, &files::encode(&bytes[..c]));
    // Lost connection: asked again from what the .part holds.
    let again = link.connected();
    assert_eq!(chunks(&again), vec![16_384, 32_768]);
    link.on_data("r1", 16_384, &files::encode(&bytes[c..2 * c]));
    let done = link.on_data("r1", 32_768, &files::encode(&bytes[2 * c..]));
    assert!(
        matches!(&done.send[..], [ClientMsg::FileReceived { sha256, .. }] if *sha256 == files::sha256_hex(&bytes))
    );
    let saved = dir.path().join("bashrc");
    assert_eq!(std::fs::read(&saved).unwrap(), bytes);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["bashrc".to_string()],
        "no .part, nothing declined"
    );
}

#[test]
fn a_revocation_stops_everything_and_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut link = allowed(dir.path());
    let bytes = vec![7u8; 40_000];
    offer(&mut link, "r1", "a.bin", &bytes);
    link.answer("r1", true);
    link.on_data("r1", 0, &files::encode(&bytes[..MAX_CHUNK_BYTES]));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, ".part");
    let step = link.on_event(
        "capability_revoked",
        "customer",
        &json!({"capability": "file_transfer"}),
    );
    assert!(matches!(&step.show[..], [Update::FileFailed { .. }]));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert!(link.pump().is_empty());
    assert!(link.connected().is_empty());
    // Late data after the revocation writes nothing.
    link.on_data("r1", 16_384, &files::encode(&bytes[..MAX_CHUNK_BYTES]));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn offers_before_the_latest_client_joined_are_void() {
    let dir = tempfile::tempdir().unwrap();
    let mut link = FileLink::new(dir.path().to_path_buf());
    // The replay of a log an earlier client saw: its offer, then this client's join.
    offer(&mut link, "old", "old.bin", b"old");
    let step = link.on_event("client_joined", "system", &json!({}));
    assert!(matches!(&step.show[..], [Update::FilesReset]));
    assert!(link.offers().is_empty());
    assert!(link.answer("old", true).send.is_empty());
}

#[test]
fn an_upload_whose_file_went_away_is_reported_not_stalled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone.bin");
    std::fs::write(&path, vec![1u8; 40_000]).unwrap();
    let mut link = allowed(dir.path());
    let step = link.send_file(&path, 40_000, "x".into());
    let Some(ClientMsg::FileOffer { id, .. }) = step.send.first().cloned() else {
        panic!()
    };
    std::fs::remove_file(&path).unwrap();
    assert!(link.on_ack(&id, 0).send.is_empty());
    assert!(
        matches!(&link.take_pending()[..], [Update::FileFailed { name, .. }] if name == "gone.bin")
    );
    assert!(link.connected().is_empty(), "nothing left to resume");
}

#[test]
fn free_names_do_not_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "x").unwrap();
    std::fs::write(dir.path().join("a (1).txt"), "x").unwrap();
    assert_eq!(free_name(dir.path(), "a.txt"), dir.path().join("a (2).txt"));
    assert_eq!(free_name(dir.path(), "b"), dir.path().join("b"));
}
