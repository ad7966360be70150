//! Payloads in the log lines of the real binary, in both log formats.
// Plain threads read the child's log in the log test; blocking sleeps are fine there.
#![allow(clippy::disallowed_methods)]

use crate::common::{spawn_serve, DEMO_PASSWORD};
use crate::support::{corpus, form_encode, Corpus};
use serde_json::{json, Value};

/// Requests built to get payloads into log lines: every input a log line might quote.
async fn log_bait(url: &str, c: &Corpus) {
    let client = reqwest::Client::new();
    for p in &c.payloads {
        let v = p.text.as_str();
        let e = form_encode(v);
        let mut reqs = vec![
            client.get(format!(
                "{url}/api/start_session?issue_menu=1&id=12&customer.name={e}&customer.details={e}&external_key={e}&locale={e}"
            )),
            client.get(format!("{url}/api/start_session?codeName={e}&issue_menu=1")),
            client.get(format!("{url}/api/start_session?id={e}&name={e}")),
            client.get(format!("{url}/api/start_session?short_key={e}")),
            client.get(format!("{url}/chat/{e}")),
            client.get(format!("{url}/{e}")),
            client.get(format!("{url}/api/command?action={e}&lsid={e}")),
            client.get(format!("{url}/api/reporting?generate_report={e}&lsid={e}")),
        ];
        // Sign-ins hash the password (slow in a debug build): the texts with controls only.
        if v.chars().any(char::is_control) {
            reqs.extend([
                client.post(format!("{url}/oauth2/token")).form(&[
                    ("grant_type", "client_credentials"),
                    ("client_id", v),
                    ("client_secret", v),
                ]),
                client
                    .post(format!("{url}/api/rep/login"))
                    .header("x-beckon-csrf", "1")
                    .json(&json!({"username": v, "password": v})),
                client
                    .post(format!("{url}/console/login"))
                    .form(&[("username", v), ("password", v)]),
            ]);
        }
        reqs.extend([
            client
                .post(format!("{url}/api/client/join"))
                .json(&json!({"ticket": v, "version": v, "os": v})),
            client
                .post(format!("{url}/api/config/v1/team"))
                .bearer_auth(v.replace(|c: char| !c.is_ascii_graphic(), "x"))
                .json(&json!({"name": v})),
        ]);
        for r in reqs {
            let r = r.send().await.unwrap();
            assert!(r.status().as_u16() < 500, "{}: {}", p.id, r.status());
        }
    }
}

/// Runs the real binary with debug logs, sends every payload at every input a log line might
/// quote, and checks each line of its stderr: one record per line, no raw CR or escape.
fn log_lines_of(format: &str) -> Vec<String> {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = spawn_serve(
        dir.path(),
        &data,
        &[
            "--demo",
            "--demo-site-listen",
            "127.0.0.1:0",
            "--log-format",
            format,
            "--max-session-starts-per-minute",
            "0",
        ],
        &[
            ("BECKON_DEMO_PASSWORD", DEMO_PASSWORD),
            ("BECKON_ADMIN_PASSWORD", "admin-password-123"),
            (
                "BECKON_LOG",
                "debug,hyper=info,h2=info,sqlx=info,reqwest=info",
            ),
        ],
    );
    let url = server.url.clone();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(log_bait(&url, &c));
    let (code, lines) = server.terminate();
    assert_eq!(code, 0, "clean exit; log:\n{}", lines.join("\n"));
    assert!(
        lines.len() > 100,
        "the bait was logged: {} lines",
        lines.len()
    );
    lines
}

#[test]
fn log_lines_stay_one_line_in_human_format() {
    let lines = log_lines_of("human");
    for l in &lines {
        // Every line is a record of its own: it starts with its timestamp.
        let ts = l.get(..20).unwrap_or_default();
        assert!(
            ts.len() == 20 && ts.as_bytes()[4] == b'-' && ts.as_bytes()[10] == b'T',
            "a line that is not a record (injected line break?): {l:?}"
        );
        assert!(
            !l.chars().any(|c| c.is_control() && c != '\t'),
            "a control character in a log line: {l:?}"
        );
    }
}

#[test]
fn log_lines_stay_one_line_in_json_format() {
    let lines = log_lines_of("json");
    for l in &lines {
        let v: Value = serde_json::from_str(l)
            .unwrap_or_else(|e| panic!("a log line that is not one JSON record ({e}): {l:?}"));
        assert!(v["timestamp"].is_string(), "{l}");
        assert!(!l.chars().any(|c| c.is_control()), "{l:?}");
    }
}
