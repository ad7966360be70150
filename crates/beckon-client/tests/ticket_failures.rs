//! Every way a ticket can be wrong gives the customer a message in their language and a
//! non-zero exit code. The local checks need no server; `used` and `tampered` are the real
//! server's answers (its message, in the session's language, is what the customer reads).
// These tests drive child processes from plain threads: blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;

use beckon_protocol::ticket::{Claims, Ticket};
use common::*;

fn ticket(site: &str, expires_in: i64, locale: &str) -> Ticket {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    Ticket::sign(
        Claims {
            site: site.into(),
            nonce: "local-test-nonce-0001".into(),
            expires: now + expires_in,
            locale: locale.into(),
        },
        b"not the server's key",
    )
}

fn assert_fails_with(out: (i32, String, String), expected: &str) {
    let (code, stdout, stderr) = out;
    assert_ne!(code, 0, "must fail; stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stderr.contains(expected),
        "expected {expected:?} in stderr:\n{stderr}\nstdout:\n{stdout}"
    );
}

#[test]
fn malformed_tickets_are_refused_in_the_systems_language() {
    assert_fails_with(
        run_client(&client_bin(), &["--no-gui", "--ticket", "bt1.garbage"], &[]),
        "This support ticket is damaged or incomplete.",
    );
    assert_fails_with(
        run_client(
            &client_bin(),
            &["--no-gui", "beckon://start?ticket=nonsense"],
            &[("LANG", "fr_FR.UTF-8")],
        ),
        "Ce ticket d’assistance est endommagé ou incomplet.",
    );
    // A renamed download whose name still has a damaged ticket in it.
    let dir = tempfile::tempdir().expect("dir");
    let exe = client_copy(dir.path(), "beckon-client-bt1.e30.short (1)", None);
    assert_fails_with(
        run_client(&exe, &["--no-gui"], &[("LANG", "de_DE.UTF-8")]),
        "Dieses Support-Ticket ist beschädigt oder unvollständig.",
    );
}

#[test]
fn a_program_without_a_ticket_says_where_to_get_one() {
    let dir = tempfile::tempdir().expect("dir");
    let exe = client_copy(dir.path(), "support-tool", None);
    assert_fails_with(
        run_client(&exe, &["--no-gui"], &[]),
        "No support ticket was found.",
    );
}

#[test]
fn expired_tickets_are_refused_in_the_tickets_language() {
    let dir = tempfile::tempdir().expect("dir");
    let t = ticket("http://127.0.0.1:9", -60, "de");
    // In the trailer of a renamed copy, exactly as a download carries it.
    let exe = client_copy(
        dir.path(),
        "my support program",
        Some(&beckon_protocol::trailer::encode(&t)),
    );
    assert_fails_with(
        run_client(&exe, &["--no-gui"], &[("LANG", "en_US.UTF-8")]),
        "Dieser Download ist abgelaufen.",
    );
    let t = ticket("http://127.0.0.1:9", -60, "ja");
    assert_fails_with(
        run_client(&client_bin(), &["--no-gui", "--ticket", t.as_str()], &[]),
        "このダウンロードは有効期限が切れています。",
    );
}

#[test]
fn a_ticket_for_another_site_is_refused() {
    let t = ticket("https://support.example.com", 600, "en-us");
    assert_fails_with(
        run_client(
            &client_bin(),
            &[
                "--no-gui",
                "--site",
                "https://other.example.org",
                "--ticket",
                t.as_str(),
            ],
            &[],
        ),
        "This download is for another site (https://support.example.com), not for https://other.example.org.",
    );
}

#[test]
fn an_unreachable_site_is_a_clear_failure() {
    let port = free_port();
    let t = ticket(&format!("http://127.0.0.1:{port}"), 600, "it");
    assert_fails_with(
        run_client(&client_bin(), &["--no-gui", "--ticket", t.as_str()], &[]),
        &format!("Il sito di assistenza http://127.0.0.1:{port} non è raggiungibile"),
    );
}
