//! The customer's whole journey against the real server: a FULL start, the download (renamed
//! by the customer), the client in text mode, a representative accepting and chatting, system
//! information allowed (the representative's API shows it), revoked, asked again and denied,
//! the transcript saved, the session ended. Also: a used and a tampered ticket.
// These tests drive child processes from plain threads: blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;

use common::rep::{download, start_full, Rep};
use common::*;
use serde_json::Value;

fn is_clock_line(line: &str, rest: &str) -> bool {
    let b = line.as_bytes();
    line.len() > 6
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b':'
        && b[3].is_ascii_digit()
        && b[4].is_ascii_digit()
        && line.get(5..) == Some(format!(" {rest}").as_str())
}

fn kind_is(e: &Value, kind: &str) -> bool {
    e["kind"] == kind
}

/// Accepts as soon as the session is waiting (it waits for the client first).
fn accept_when_queued(rep: &Rep, lsid: &str) {
    for _ in 0..100 {
        let (s, _) = rep.post(
            &format!("/api/rep/sessions/{lsid}/accept"),
            serde_json::json!({}),
        );
        if s == 200 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the session never became acceptable");
}

#[test]
fn a_full_session_from_download_to_end() {
    let server = Server::start();
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (lsid, download_url) = start_full(&server.url);
    let dir = tempfile::tempdir().expect("dir");
    let downloaded = download(&download_url, dir.path());
    let name = downloaded
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(name.starts_with("beckon-client-bt1."), "{name}");
    // The customer renames it: the trailer still carries the ticket.
    let renamed = dir.path().join("support program");
    std::fs::rename(&downloaded, &renamed).expect("rename");
    // A home of its own, to see that the program leaves nothing behind there.
    let home = tempfile::tempdir().expect("home");
    let home_path = home.path().to_string_lossy().into_owned();
    let mut client = Client::spawn(
        &renamed,
        &["--no-gui"],
        &[
            ("HOME", home_path.as_str()),
            ("XDG_CONFIG_HOME", home_path.as_str()),
            ("XDG_CACHE_HOME", home_path.as_str()),
            ("XDG_DATA_HOME", home_path.as_str()),
            ("TMPDIR", home_path.as_str()),
        ],
    );
    client.expect("connected", 30, |l| {
        l.starts_with(&format!("connected to {} (", server.url))
    });
    rep.wait_event(&lsid, "client_joined", |e| kind_is(e, "client_joined"));
    accept_when_queued(&rep, &lsid);
    client.expect_line("representative John joined", 10);

    rep.say(&lsid, "r1", "Hello, this is John.");
    client.expect("the representative's message", 10, |l| {
        is_clock_line(l, "John: Hello, this is John.")
    });
    client.send("Hi John, my printer does not print.");
    rep.wait_event(&lsid, "the customer's message", |e| {
        kind_is(e, "chat_message") && e["body"]["text"] == "Hi John, my printer does not print."
    });
    client.expect("the customer's own line", 10, |l| {
        is_clock_line(l, "You: Hi John, my printer does not print.")
    });

    // System information: shown in full, then allowed.
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/capabilities/system_info"),
        serde_json::json!({}),
    );
    assert_eq!(s, 200, "request: {b}");
    client.expect_line(
        "John asks to see this computer's system information. Exactly this would be shared:",
        20,
    );
    let host = client.expect("the host name line", 5, |l| {
        l.starts_with("  Computer name: ")
    });
    client.expect("the memory line", 5, |l| l.starts_with("  Memory: "));
    client.expect_line("allow? [y/n]", 5);
    client.send("y");
    let shared = rep.wait_event(&lsid, "system_info", |e| kind_is(e, "system_info"));
    let info = &shared["body"]["info"];
    assert_eq!(
        format!(
            "  Computer name: {}",
            info["hostname"].as_str().unwrap_or("?")
        ),
        host,
        "what was shown is what was sent"
    );
    assert!(
        info["memory_total_bytes"].as_u64().unwrap_or(0) > 0,
        "{info}"
    );
    rep.wait_event(&lsid, "capability_allowed", |e| {
        kind_is(e, "capability_allowed")
    });
    client.expect_line("system information sent", 10);

    // Revoked, asked again, denied: nothing more is shared.
    client.send("/revoke system_info");
    rep.wait_event(&lsid, "capability_revoked", |e| {
        kind_is(e, "capability_revoked")
    });
    client.expect_line("you stopped sharing the system information", 10);
    let (s, b) = rep.post(
        &format!("/api/rep/sessions/{lsid}/capabilities/system_info"),
        serde_json::json!({}),
    );
    assert_eq!(s, 200, "second request: {b}");
    client.expect_nth("allow? [y/n]", 2, 20);
    client.send("/deny");
    rep.wait_event(&lsid, "capability_denied", |e| {
        kind_is(e, "capability_denied")
    });
    client.expect_line("you declined to share the system information", 10);
    let shared = rep
        .events(&lsid)
        .iter()
        .filter(|e| kind_is(e, "system_info"))
        .count();
    assert_eq!(shared, 1, "denied: nothing more shared");

    // The transcript, written only where the customer asked.
    let transcript = dir.path().join("transcript.txt");
    client.send(&format!("/save {}", transcript.display()));
    client.expect_line(&format!("transcript saved to {}", transcript.display()), 10);
    let text = std::fs::read_to_string(&transcript).expect("transcript");
    assert!(text.contains("John: Hello, this is John."), "{text}");
    assert!(
        text.contains("You: Hi John, my printer does not print."),
        "{text}"
    );

    client.send("/end");
    client.expect_line("session ended", 10);
    let (code, out, err) = client.wait(20);
    assert_eq!(code, 0, "stdout:\n{out}\nstderr:\n{err}");
    // Each log line exactly once.
    assert_eq!(
        out.matches("John: Hello, this is John.").count(),
        1,
        "{out}"
    );
    assert_eq!(
        out.matches("representative John joined").count(),
        1,
        "{out}"
    );
    rep.wait_event(&lsid, "the end", |e| {
        kind_is(e, "state_changed") && e["body"]["to"] == "ended"
    });
    // Nothing behind but what the customer asked for: the program itself and the transcript.
    let left: Vec<String> = std::fs::read_dir(home.path())
        .expect("home")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        left.is_empty(),
        "the client left files in its home: {left:?}"
    );
    let mut here: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    here.sort();
    assert_eq!(here, ["support program", "transcript.txt"]);
}

#[test]
fn a_used_or_tampered_ticket_gets_the_servers_localized_message() {
    let server = Server::start();
    let _rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (_, download_url) = start_full(&server.url);
    let dir = tempfile::tempdir().expect("dir");
    let exe = download(&download_url, dir.path());
    let ticket = beckon_client::ticket_source::find(None, None, Some(&exe))
        .expect("the download carries a ticket")
        .0;

    // Tampered: the claims changed (a later expiry), the MAC kept.
    let mut claims = ticket.claims.clone();
    claims.expires += 3600;
    let forged = beckon_protocol::ticket::Ticket::sign(claims, b"a guess");
    let (body, _) = forged.as_str().rsplit_once('.').expect("dot");
    let (_, mac) = ticket.as_str().rsplit_once('.').expect("dot");
    let tampered = format!("{body}.{mac}");
    let (code, out, err) = run_client(&exe, &["--no-gui", "--ticket", &tampered], &[]);
    assert_ne!(code, 0, "{out}\n{err}");
    let server_says = join_message(&server.url, &tampered);
    assert!(!server_says.is_empty());
    assert!(err.contains(&server_says), "{server_says:?} not in:\n{err}");

    // Used: the first run joins (and is stopped), the second is refused.
    let mut first = Client::spawn(&exe, &["--no-gui"], &[]);
    first.expect("connected", 30, |l| l.starts_with("connected to "));
    drop(first);
    let (code, out, err) = run_client(&exe, &["--no-gui"], &[]);
    assert_ne!(code, 0, "{out}\n{err}");
    let server_says = join_message(&server.url, ticket.as_str());
    assert!(err.contains(&server_says), "{server_says:?} not in:\n{err}");
}

/// What the server answers to a join with `ticket` (its `message`).
fn join_message(base: &str, ticket: &str) -> String {
    let r = reqwest::blocking::Client::new()
        .post(format!("{base}/api/client/join"))
        .json(&serde_json::json!({ "ticket": ticket }))
        .send()
        .expect("join");
    assert!(r.status().is_client_error(), "{}", r.status());
    let v: Value = r.json().expect("json");
    v["message"].as_str().unwrap_or_default().to_string()
}
