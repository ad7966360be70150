//! Issue 10, first slice, server side: the command shell under the customer's consent and
//! the administrator's per-team setting (docs/customer_client.md, "Command shell"). The
//! customer's client is played by a WebSocket here; the real client is tested in
//! crates/beckon-client/tests/shell.rs.

mod common;

use base64::Engine;
use beckon::domain::capabilities::team;
use beckon::protocol::Capability;
use common::full_client::*;
use common::reps::*;
use common::ws::{send, until};
use common::*;
use serde_json::{json, Value};

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

/// What the representative types into the shell.
async fn input(f: &Fixture, text: &str) -> (u16, Value) {
    let path = format!("/api/rep/sessions/{}/shell/input", f.lsid);
    f.rep.post(&path, json!({ "data": b64(text) })).await
}

#[tokio::test]
async fn the_shell_carries_input_and_output_only_while_consent_stands() {
    let f = accepted(false).await;
    let mut ws = f.client().await;
    // Nothing before consent: no input is taken, no output recorded.
    let (s, b) = input(&f, "ls\n").await;
    assert_eq!((s, b["error"]["code"].as_str()), (409, Some("not_allowed")));
    send(
        &mut ws,
        json!({"type": "shell_output", "data": b64("early")}),
    )
    .await;

    let (s, b) = f.request("shell").await;
    assert_eq!(s, 200, "{b}");
    until(&mut ws, |m| {
        m["kind"] == "capability_requested" && m["body"]["capability"] == "shell"
    })
    .await;
    send(
        &mut ws,
        json!({"type": "consent", "capability": "shell", "allow": true}),
    )
    .await;
    until(&mut ws, |m| m["kind"] == "capability_allowed").await;

    // The representative types; the client reads it from the log.
    let (s, b) = input(&f, "echo hi\n").await;
    assert_eq!(s, 200, "{b}");
    let typed = until(&mut ws, |m| m["kind"] == "shell_input").await;
    assert_eq!(typed["from"], "rep");
    assert_eq!(typed["body"]["data"], b64("echo hi\n"));
    let (s, _) = f
        .rep
        .post(
            &format!("/api/rep/sessions/{}/shell/resize", f.lsid),
            json!({"cols": 120, "rows": 40}),
        )
        .await;
    assert_eq!(s, 200);
    let resized = until(&mut ws, |m| m["kind"] == "shell_resize").await;
    assert_eq!(resized["body"], json!({"cols": 120, "rows": 40}));
    // Bounds: a size out of range and input that is not base64 are refused.
    let (s, _) = f
        .rep
        .post(
            &format!("/api/rep/sessions/{}/shell/resize", f.lsid),
            json!({"cols": 0, "rows": 40}),
        )
        .await;
    assert_eq!(s, 400);
    let (s, _) = f
        .rep
        .post(
            &format!("/api/rep/sessions/{}/shell/input", f.lsid),
            json!({"data": "not base64!"}),
        )
        .await;
    assert_eq!(s, 400);

    // The client's output is recorded, and a chunk over the limit is refused.
    send(
        &mut ws,
        json!({"type": "shell_output", "data": b64("hi\r\n")}),
    )
    .await;
    let big = base64::engine::general_purpose::STANDARD.encode(vec![b'x'; 8 * 1024 + 1]);
    send(&mut ws, json!({"type": "shell_output", "data": big})).await;
    let refused = until(&mut ws, |m| m["type"] == "error").await;
    assert_eq!(refused["code"], "invalid_message");

    // The customer revokes: input is refused at once, late output is not recorded.
    send(&mut ws, json!({"type": "revoke", "capability": "shell"})).await;
    until(&mut ws, |m| m["kind"] == "capability_revoked").await;
    let (s, b) = input(&f, "rm -rf /\n").await;
    assert_eq!((s, b["error"]["code"].as_str()), (409, Some("not_allowed")));
    send(
        &mut ws,
        json!({"type": "shell_output", "data": b64("late")}),
    )
    .await;
    send(&mut ws, json!({"type": "shell_ended"})).await;
    // A ping's pong proves the server handled both messages before it.
    send(&mut ws, json!({"type": "ping"})).await;
    until(&mut ws, |m| m["type"] == "pong").await;

    let events = f.events().await;
    let outputs: Vec<&Value> = events
        .iter()
        .filter(|e| e["kind"] == "shell_output")
        .collect();
    assert_eq!(
        outputs.len(),
        1,
        "only the output while allowed: {events:#?}"
    );
    assert_eq!(outputs[0]["body"]["data"], b64("hi\r\n"));
    let inputs = events.iter().filter(|e| e["kind"] == "shell_input").count();
    assert_eq!(inputs, 1);
    assert!(!f.kinds().await.contains(&"shell_ended".to_string()));

    // Asked again and allowed; the shell ends by itself: input is refused again, and a new
    // request may follow.
    let (s, _) = f.request("shell").await;
    assert_eq!(s, 200);
    send(
        &mut ws,
        json!({"type": "consent", "capability": "shell", "allow": true}),
    )
    .await;
    until(&mut ws, |m| m["kind"] == "capability_allowed").await;
    let (s, _) = input(&f, "exit\n").await;
    assert_eq!(s, 200);
    send(&mut ws, json!({"type": "shell_ended", "code": 0})).await;
    until(&mut ws, |m| m["kind"] == "shell_ended").await;
    let (s, _) = input(&f, "ls\n").await;
    assert_eq!(s, 409);
    let (s, b) = f.request("shell").await;
    assert_eq!(s, 200, "{b}");
}

#[tokio::test]
async fn the_team_decides_what_may_be_requested() {
    // In a team's queue: that team's setting, whatever other teams the rep is in allow.
    let f = accepted(true).await;
    f.set_team_capabilities("general_support", &[Capability::SystemInfo])
        .await;
    let (s, b) = f.request("shell").await;
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (403, Some("not_allowed_for_team")),
        "{b}"
    );
    assert!(b["error"]["message"].as_str().unwrap().contains("shell"));
    // File transfer and the screen view are available, but this team does not allow them.
    for c in ["file_transfer", "screen_view"] {
        let (s, b) = f.request(c).await;
        assert_eq!(
            (s, b["error"]["code"].as_str()),
            (403, Some("not_allowed_for_team")),
            "{c}"
        );
    }
    // System information is still allowed: the refusal is about the missing client.
    let (s, b) = f.request("system_info").await;
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (409, Some("no_full_client"))
    );
    assert!(!f
        .kinds()
        .await
        .contains(&"capability_requested".to_string()));

    // A representative's personal queue follows the teams of the representative.
    let g = accepted(false).await;
    let _ws = g.client().await;
    g.set_team_capabilities("general_support", &[]).await;
    let (s, _) = g.request("shell").await;
    assert_eq!(s, 200, "technical_support still allows the shell");
    g.set_team_capabilities("technical_support", &[Capability::SystemInfo])
        .await;
    let other = RepClient::login(&g.server, "demo-admin", DEMO_PASSWORD).await;
    let (s, b) = other
        .post(
            &format!("/api/rep/sessions/{}/capabilities/shell", g.lsid),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (403, Some("not_allowed_for_team"))
    );
    let stored = g
        .server
        .store
        .team_by_code("technical_support")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.capabilities, vec![Capability::SystemInfo]);
    assert_eq!(
        team::DEFAULT.to_vec(),
        vec![Capability::SystemInfo, Capability::Shell]
    );
}

/// Output with an id is stored once and acknowledged, so the client can resend it after a
/// reconnect; a shell that prints more than a shell may is ended by the server.
#[tokio::test]
async fn output_is_acknowledged_once_per_id_and_bounded_per_shell() {
    use beckon::http::chat_consent::MAX_SHELL_OUTPUT_BYTES;
    use beckon_protocol::shell::MAX_CHUNK_BYTES;
    let f = accepted(false).await;
    let mut ws = f.client().await;
    let (s, b) = f.request("shell").await;
    assert_eq!(s, 200, "{b}");
    until(&mut ws, |m| m["kind"] == "capability_requested").await;
    send(
        &mut ws,
        json!({"type": "consent", "capability": "shell", "allow": true}),
    )
    .await;
    until(&mut ws, |m| m["kind"] == "capability_allowed").await;

    let out = |id: &str, data: &str| json!({"type": "shell_output", "id": id, "data": data});
    send(&mut ws, out("o1", &b64("first\r\n"))).await;
    let ack = until(&mut ws, |m| m["type"] == "ack").await;
    assert_eq!(ack["id"], "o1");
    let seq = ack["seq"].as_i64().unwrap();
    assert!(seq > 0, "{ack}");
    // The same chunk again (a resend after a reconnect): the same event, not a second one.
    send(&mut ws, out("o1", &b64("first\r\n"))).await;
    let again = until(&mut ws, |m| m["type"] == "ack").await;
    assert_eq!(
        (again["id"].as_str(), again["seq"].as_i64()),
        (Some("o1"), Some(seq))
    );
    let stored = f.events().await;
    let outputs: Vec<&Value> = stored
        .iter()
        .filter(|e| e["kind"] == "shell_output")
        .collect();
    assert_eq!(outputs.len(), 1, "stored once");
    assert_eq!(outputs[0]["body"]["data"], b64("first\r\n"));
    // An id longer than the protocol's 64 characters is refused.
    send(&mut ws, out(&"x".repeat(65), &b64("x"))).await;
    let e = until(&mut ws, |m| m["type"] == "error").await;
    assert_eq!(e["code"], "invalid_message", "{e}");

    // Up to the limit everything is stored; past it the server ends the shell.
    let chunk = base64::engine::general_purpose::STANDARD.encode(vec![b'y'; MAX_CHUNK_BYTES]);
    let fits = (MAX_SHELL_OUTPUT_BYTES - 7) / MAX_CHUNK_BYTES as u64;
    for i in 0..fits {
        send(&mut ws, out(&format!("b{i}"), &chunk)).await;
    }
    send(&mut ws, out("over", &chunk)).await;
    let mut acked = 0;
    let last = loop {
        let m = next_json(&mut ws).await;
        if m["type"] == "ack" {
            if m["id"] == "over" {
                break m;
            }
            assert!(m["seq"].as_i64().unwrap() > 0, "within the limit: {m}");
            acked += 1;
        }
    };
    assert_eq!(acked, fits, "every chunk within the limit was stored");
    assert_eq!(last["seq"], 0, "past the limit nothing is stored: {last}");
    let ended = until(&mut ws, |m| m["kind"] == "shell_ended").await;
    assert_eq!(ended["from"], "system");
    assert_eq!(ended["body"]["reason"], "output_limit");
    let (s, b) = input(&f, "echo more\n").await;
    assert_eq!((s, b["error"]["code"].as_str()), (409, Some("not_allowed")));
}
