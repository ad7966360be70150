//! Issue 10, first slice, end to end: the real server, the real client in text mode, and a
//! real shell in a pseudo-terminal. The representative asks for the shell, the customer
//! allows, what the representative types runs and its output reaches the session's log; a
//! revocation kills the shell at once; a denial starts nothing; the end of the session leaves
//! no process behind.
// These tests drive child processes from plain threads: blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;

use base64::Engine;
use common::proxy::Proxy;
use common::rep::{download, start_full, Rep};
use common::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

fn kind_is(e: &Value, kind: &str) -> bool {
    e["kind"] == kind
}

/// The whole log, page after page (an answer holds at most 1000 events).
fn all_events(rep: &Rep, lsid: &str) -> Vec<Value> {
    let mut all: Vec<Value> = Vec::new();
    loop {
        let after = all.last().and_then(|e| e["seq"].as_i64()).unwrap_or(0);
        let (s, b) = rep.get(&format!("/api/rep/sessions/{lsid}/events?after={after}"));
        assert_eq!(s, 200, "events: {b}");
        let page = b["events"].as_array().cloned().unwrap_or_default();
        if page.is_empty() {
            return all;
        }
        all.extend(page);
    }
}

/// Everything the shell printed so far, in log order.
fn shell_output(rep: &Rep, lsid: &str) -> String {
    let bytes: Vec<u8> = all_events(rep, lsid)
        .iter()
        .filter(|e| kind_is(e, "shell_output"))
        .flat_map(|e| {
            base64::engine::general_purpose::STANDARD
                .decode(e["body"]["data"].as_str().unwrap_or_default())
                .expect("output is base64")
        })
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The processes whose parent is `pid` (Linux: /proc/<pid>/task/*/children).
fn children(pid: u32) -> Vec<u32> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return vec![];
    };
    tasks
        .filter_map(Result::ok)
        .filter_map(|t| std::fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|c| {
            c.split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect::<Vec<u32>>()
        })
        .collect()
}

/// Whether `pid` is a process that has not ended (a zombie has ended, only not been reaped).
fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with('Z')),
        Err(_) => false,
    }
}

/// Waits (up to 10 s) until `pid` has ended.
fn wait_gone(pid: u32, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while alive(pid) {
        assert!(
            Instant::now() < deadline,
            "{what}: process {pid} still runs"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The processes of the session `sid` that have not ended (a shell leads its own session).
fn session_members(sid: u32) -> Vec<u32> {
    let Ok(all) = std::fs::read_dir("/proc") else {
        return vec![];
    };
    all.filter_map(Result::ok)
        .filter_map(|d| d.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            // After the command's name: state, parent, group, session.
            let Some((_, rest)) = stat.rsplit_once(") ") else {
                return false;
            };
            let f: Vec<&str> = rest.split_whitespace().collect();
            f.first() != Some(&"Z") && f.get(3).and_then(|s| s.parse().ok()) == Some(sid)
        })
        .collect()
}

fn uid_of(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .expect("status")
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .unwrap_or_default()
        .to_string()
}

struct Journey {
    /// Between the client and the server, when the test breaks the network.
    proxy: Option<Proxy>,
    server: Server,
    rep: Rep,
    lsid: String,
    client: Client,
    _dir: tempfile::TempDir,
}

/// A FULL session with its client running in text mode, accepted by John.
fn joined() -> Journey {
    joined_through(false)
}

/// `joined`, with the client's connection through a proxy the test can cut (`via_proxy`).
fn joined_through(via_proxy: bool) -> Journey {
    let (server, proxy) = if via_proxy {
        let port = free_port();
        let server = Server::start_with_public_url(Some(&format!("http://127.0.0.1:{port}")));
        let upstream = server.url.trim_start_matches("http://").to_string();
        (server, Some(Proxy::start(port, upstream)))
    } else {
        (Server::start(), None)
    };
    let rep = Rep::login(&server.url, "john", DEMO_PASSWORD);
    let (lsid, download_url) = start_full(&server.url);
    let dir = tempfile::tempdir().expect("dir");
    let exe = download(&download_url, dir.path());
    // The customer's shell is the one $SHELL names; /bin/sh keeps the test free of rc files.
    let mut client = Client::spawn(
        &exe,
        &["--no-gui", "--heartbeat-secs", "2"],
        &[("SHELL", "/bin/sh")],
    );
    client.expect("connected", 30, |l| l.starts_with("connected to "));
    rep.accept_once_joined(&lsid);
    client.expect_line("representative John joined", 10);
    Journey {
        proxy,
        server,
        rep,
        lsid,
        client,
        _dir: dir,
    }
}

impl Journey {
    fn request_shell(&self) {
        let (s, b) = self.rep.post(
            &format!("/api/rep/sessions/{}/capabilities/shell", self.lsid),
            json!({}),
        );
        assert_eq!(s, 200, "request: {b}");
    }

    fn input(&self, text: &str) -> (u16, Value) {
        self.rep.post(
            &format!("/api/rep/sessions/{}/shell/input", self.lsid),
            json!({ "data": b64(text) }),
        )
    }

    /// Allows the open request, the `n`-th; returns the shell's process id from the client's
    /// line.
    fn allow(&mut self, n: usize) -> u32 {
        self.client.send("y");
        self.client
            .expect_nth("you allowed the command shell", n, 10);
        let line = self
            .client
            .expect_nth_matching("the shell's line", n, 10, |l| {
                l.starts_with("command shell running as you (process ")
            });
        line.trim_start_matches("command shell running as you (process ")
            .trim_end_matches(')')
            .parse()
            .unwrap_or_else(|_| panic!("a process id in {line:?}"))
    }
}

#[test]
fn the_representative_runs_a_command_until_the_customer_revokes() {
    let mut j = joined();
    let client_pid = j.client.child.id();
    j.request_shell();
    j.client
        .expect_line("John asks to open a command shell on this computer.", 20);
    j.client.expect_line("allow? [y/n]", 5);
    let pid = j.allow(1);
    assert!(alive(pid), "the shell runs");
    assert_eq!(
        children(client_pid),
        vec![pid],
        "the shell is the client's child"
    );
    assert_eq!(
        uid_of(pid),
        uid_of(std::process::id()),
        "as the customer's own user"
    );

    let (s, b) = j.input("echo beckon-$((6*7))\n");
    assert_eq!(s, 200, "{b}");
    j.rep.wait_event(&j.lsid, "the command's output", |_| {
        shell_output(&j.rep, &j.lsid).contains("beckon-42")
    });
    let typed = j
        .rep
        .events(&j.lsid)
        .into_iter()
        .find(|e| kind_is(e, "shell_input"))
        .expect("the input is in the log");
    assert_eq!(typed["body"]["data"], b64("echo beckon-$((6*7))\n"));

    // Revoked: the shell is killed at once and further input is refused.
    j.client.send("/revoke shell");
    j.client.expect_line("you stopped the command shell", 10);
    wait_gone(pid, "after the revocation");
    let (s, b) = j.input("echo again\n");
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (409, Some("not_allowed")),
        "{b}"
    );
    // The client reaps its shell soon after the kill (until then it is a zombie child).
    let deadline = Instant::now() + Duration::from_secs(10);
    while !children(client_pid).is_empty() {
        assert!(
            Instant::now() < deadline,
            "nothing left running: {:?}",
            children(client_pid)
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    // Allowed again, then the session ends: the shell ends with it.
    j.request_shell();
    j.client.expect_nth("allow? [y/n]", 2, 20);
    let second = j.allow(2);
    assert_ne!(second, pid);
    // A background job: it would outlive its shell and the terminal's hang-up.
    let (s, _) = j.input("sleep 1000 &\n");
    assert_eq!(s, 200);
    let deadline = Instant::now() + Duration::from_secs(10);
    while session_members(second).len() < 2 {
        assert!(
            Instant::now() < deadline,
            "the background job never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    j.client.send("/end");
    j.client.expect_line("session ended", 10);
    let (code, out, err) = j.client.wait(20);
    assert_eq!(code, 0, "stdout:\n{out}\nstderr:\n{err}");
    wait_gone(second, "after the end of the session");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !session_members(second).is_empty() {
        assert!(
            Instant::now() < deadline,
            "left behind: {:?}",
            session_members(second)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(j.server);
}

#[test]
fn a_denied_shell_starts_nothing_and_records_only_the_denial() {
    let mut j = joined();
    let client_pid = j.client.child.id();
    j.request_shell();
    j.client.expect_line("allow? [y/n]", 20);
    j.client.send("n");
    j.client.expect_line("you declined the command shell", 10);
    let (s, b) = j.input("echo beckon-$((6*7))\n");
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (409, Some("not_allowed")),
        "{b}"
    );
    assert!(children(client_pid).is_empty(), "no shell runs");
    let after_request: Vec<String> = j
        .rep
        .events(&j.lsid)
        .iter()
        .skip_while(|e| !kind_is(e, "capability_requested"))
        .map(|e| e["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        after_request,
        vec!["capability_requested", "capability_denied"],
        "nothing recorded beyond the denial"
    );
    j.client.send("/end");
    j.client.expect_line("session ended", 10);
}

/// The network breaks while the shell prints: what it printed reaches the log exactly once
/// and in order (the client resends unacknowledged output with its ids after reconnecting).
#[test]
fn output_printed_across_a_network_cut_arrives_once_and_in_order() {
    let mut j = joined_through(true);
    j.request_shell();
    j.client.expect_line("allow? [y/n]", 20);
    j.allow(1);
    // About four seconds of numbered lines, then how many there were.
    let (s, b) = j.input(
        "end=$(($(date +%s)+4)); i=0; while [ $(date +%s) -lt $end ]; do i=$((i+1)); echo line-$i; done; echo total-$i\n",
    );
    assert_eq!(s, 200, "{b}");
    j.rep.wait_event(&j.lsid, "output has started", |_| {
        shell_output(&j.rep, &j.lsid).contains("line-200")
    });
    let proxy = j.proxy.as_ref().expect("a proxy");
    proxy.cut();
    j.client.expect("the loss is shown", 15, |l| {
        l.starts_with("connection lost, reconnecting in ")
    });
    std::thread::sleep(Duration::from_millis(1500));
    proxy.restore();
    j.rep.wait_event(&j.lsid, "the loop's end", |_| {
        shell_output(&j.rep, &j.lsid)
            .split("total-")
            .skip(1)
            .any(|t| t.starts_with(|c: char| c.is_ascii_digit()))
    });
    let out = shell_output(&j.rep, &j.lsid);
    // The terminal echoes the command line too: the total is the `total-<n>` that is a number.
    let total: usize = out
        .split("total-")
        .skip(1)
        .find_map(|t| t.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("a total in the output"));
    // A line's last word: the shell's first prompt may land before the first line when the
    // command was typed before the shell printed it (`# line-1`).
    let lines: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .filter(|w| {
            w.strip_prefix("line-")
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    let expected: Vec<String> = (1..=total).map(|i| format!("line-{i}")).collect();
    let missing: Vec<&String> = expected
        .iter()
        .filter(|l| !lines.contains(&l.as_str()))
        .collect();
    assert_eq!(
        lines.len(),
        total,
        "every line once (of {total}); missing {missing:?}"
    );
    assert!(lines.iter().zip(&expected).all(|(a, b)| a == b), "in order");
    // Each chunk was stored once: no id twice.
    let events = all_events(&j.rep, &j.lsid);
    let chunks = events.iter().filter(|e| kind_is(e, "shell_output")).count();
    assert!(chunks > 1, "{chunks} chunks");
}
