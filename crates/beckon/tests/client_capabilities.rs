//! Issue 9, server side: a representative asks the full client for a capability, the customer
//! allows, denies or revokes it, and the client shares its system information only with
//! consent (docs/customer_client.md, "Capabilities and consent").

mod common;

use beckon::domain::client_ticket;
use beckon::domain::time::now_ms;
use beckon_protocol::sysinfo::{Disk, Network, SystemInfo};
use common::reps::*;
use common::ws::{send, until};
use common::*;
use serde_json::{json, Value};

/// The next `event` or `error` (skipping welcome, queue and pong).
async fn next_event_or_error(ws: &mut Ws) -> Value {
    until(ws, |m| m["type"] == "event" || m["type"] == "error").await
}

/// The full client's socket, from event `after` on: the hello says who it is.
async fn client_ws(server: &TestServer, token: &str, after: i64) -> Ws {
    let url = format!("ws://{}/api/chat/ws?token={token}", server.addr);
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    let hello = json!({"type": "hello", "v": 1, "after": after,
        "client": {"kind": "full", "version": "0.1.0", "os": "linux"}});
    send(&mut ws, hello).await;
    until(&mut ws, |m| m["type"] == "welcome").await;
    ws
}

fn info() -> SystemInfo {
    SystemInfo {
        os_name: "Debian GNU/Linux".into(),
        os_version: "12".into(),
        kernel_version: "6.1.0".into(),
        hostname: "customer-laptop".into(),
        cpu_brand: "Example CPU".into(),
        cpu_cores: 8,
        memory_total_bytes: 16 << 30,
        memory_used_bytes: 4 << 30,
        disks: vec![Disk {
            name: "nvme0n1p2".into(),
            mount_point: "/".into(),
            file_system: "ext4".into(),
            total_bytes: 500 << 30,
            available_bytes: 200 << 30,
        }],
        networks: vec![Network {
            name: "wlan0".into(),
            mac: "00:11:22:33:44:55".into(),
            addresses: vec!["192.168.1.20".into()],
        }],
        uptime_secs: 3600,
    }
}

struct Fixture {
    server: TestServer,
    rep: RepClient,
    lsid: String,
    chat_token: String,
    ticket: String,
}

/// A FULL session by the demo key, accepted by demo-admin, with a ticket for its client.
async fn accepted_session() -> Fixture {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let (status, body) = start_json(&server, &[("short_key", "1728331")]).await;
    assert_eq!(status, 200, "{body}");
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200);
    let session = server.store.session_by_lsid(&lsid).await.unwrap().unwrap();
    let ticket = client_ticket::issue(server.store.as_ref(), &server.url, &session, now_ms())
        .await
        .unwrap();
    Fixture {
        chat_token: token_of(&body),
        ticket: ticket.as_str().to_string(),
        server,
        rep,
        lsid,
    }
}

impl Fixture {
    /// The newest event's number: a client connecting with it sees only what comes next.
    async fn last_seq(&self) -> i64 {
        let s = self
            .server
            .store
            .session_by_lsid(&self.lsid)
            .await
            .unwrap()
            .unwrap();
        let events = self.server.store.events_after(s.id, 0, 1000).await.unwrap();
        events.last().map_or(0, |e| e.seq)
    }

    async fn request(&self, capability: &str) -> (u16, Value) {
        let path = format!("/api/rep/sessions/{}/capabilities/{capability}", self.lsid);
        self.rep.post(&path, json!({})).await
    }

    async fn join(&self) -> String {
        let r = self
            .server
            .client
            .post(self.server.at("/api/client/join"))
            .header("user-agent", "beckon-client/0.2.1 (windows)")
            .json(&json!({"ticket": self.ticket}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let v: Value = r.json().await.unwrap();
        assert_eq!(
            v["state"], "active",
            "the representative had accepted already"
        );
        v["token"].as_str().unwrap().to_string()
    }
}

#[tokio::test]
async fn requests_need_a_joined_client_and_a_known_capability() {
    let f = accepted_session().await;
    let (status, body) = f.request("system_info").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("no_full_client"))
    );
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("support client"));
    let (status, body) = f.request("screen").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("unknown_capability"))
    );

    let token = f.join().await;
    let (status, body) = f.request("system_info").await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = f.request("system_info").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("already_requested"))
    );

    // The client sees the request; the version came from its User-Agent.
    let mut ws = client_ws(&f.server, &token, 0).await;
    let joined = until(&mut ws, |m| m["kind"] == "client_joined").await;
    assert_eq!(joined["body"], json!({"version": "0.2.1", "os": "windows"}));
    let req = until(&mut ws, |m| m["kind"] == "capability_requested").await;
    assert_eq!(req["from"], "rep");
    assert_eq!(req["body"]["capability"], "system_info");
    assert_eq!(req["name"], "Admin");

    // Only the representative working the session may ask.
    create_rep(&f.server, "other", "Other", &[], &[]).await;
    let other = RepClient::login(&f.server, "other", PW).await;
    let (status, _) = other
        .post(
            &format!("/api/rep/sessions/{}/capabilities/system_info", f.lsid),
            json!({}),
        )
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn system_information_is_shared_only_with_consent_and_once() {
    let f = accepted_session().await;
    let token = f.join().await;
    let mut ws = client_ws(&f.server, &token, f.last_seq().await).await;
    let share = json!({"type": "system_info", "info": info()});

    send(&mut ws, share.clone()).await;
    let e = next_event_or_error(&mut ws).await;
    assert_eq!(
        (e["type"].as_str(), e["code"].as_str()),
        (Some("error"), Some("not_allowed")),
        "{e}"
    );
    send(
        &mut ws,
        json!({"type": "consent", "capability": "system_info", "allow": true}),
    )
    .await;
    let e = next_event_or_error(&mut ws).await;
    assert_eq!(e["code"], "not_requested", "no request to answer: {e}");

    assert_eq!(f.request("system_info").await.0, 200);
    until(&mut ws, |m| m["kind"] == "capability_requested").await;

    // The chat page (no client in its hello) cannot answer for the client.
    let mut page = customer_ws(&f.server, &f.chat_token, 0).await;
    send(
        &mut page,
        json!({"type": "consent", "capability": "system_info", "allow": true}),
    )
    .await;
    let e = until(&mut page, |m| m["type"] == "error").await;
    assert_eq!(e["code"], "not_full_client");

    send(
        &mut ws,
        json!({"type": "consent", "capability": "system_info", "allow": true}),
    )
    .await;
    let e = next_event_or_error(&mut ws).await;
    assert_eq!(
        (e["kind"].as_str(), e["from"].as_str()),
        (Some("capability_allowed"), Some("customer"))
    );

    // What no machine reports is refused, and so is an oversized message.
    let mut bad = info();
    bad.hostname = "x".repeat(300);
    send(&mut ws, json!({"type": "system_info", "info": bad})).await;
    assert_eq!(
        next_event_or_error(&mut ws).await["code"],
        "invalid_message"
    );
    let mut big = info();
    big.networks = vec![
        Network {
            name: "eth".into(),
            mac: String::new(),
            addresses: vec!["a".repeat(256); 4],
        };
        64
    ];
    send(&mut ws, json!({"type": "system_info", "info": big})).await;
    assert_eq!(next_event_or_error(&mut ws).await["code"], "too_large");

    send(&mut ws, share.clone()).await;
    let e = next_event_or_error(&mut ws).await;
    assert_eq!(e["kind"], "system_info", "{e}");
    assert_eq!(e["body"]["info"]["hostname"], "customer-laptop");

    // One request, one share.
    send(&mut ws, share.clone()).await;
    assert_eq!(next_event_or_error(&mut ws).await["code"], "not_allowed");

    // The console reads it from the session's log.
    let (status, log) = f
        .rep
        .get(&format!("/api/rep/sessions/{}/events", f.lsid))
        .await;
    assert_eq!(status, 200);
    let events = log["events"].as_array().unwrap();
    let kinds: Vec<&str> = events.iter().filter_map(|e| e["kind"].as_str()).collect();
    let tail: Vec<&str> = kinds
        .iter()
        .copied()
        .skip_while(|k| *k != "client_joined")
        .collect();
    assert_eq!(
        tail,
        [
            "client_joined",
            "capability_requested",
            "capability_allowed",
            "system_info"
        ]
    );
    let shared = events.iter().find(|e| e["kind"] == "system_info").unwrap();
    assert_eq!(shared["body"]["info"]["cpu_cores"], 8);
    assert_eq!(shared["actor"]["kind"], "customer");
}

#[tokio::test]
async fn the_customer_denies_or_revokes() {
    let f = accepted_session().await;
    let token = f.join().await;
    let mut ws = client_ws(&f.server, &token, f.last_seq().await).await;

    assert_eq!(f.request("system_info").await.0, 200);
    until(&mut ws, |m| m["kind"] == "capability_requested").await;
    send(
        &mut ws,
        json!({"type": "consent", "capability": "system_info", "allow": false}),
    )
    .await;
    let e = next_event_or_error(&mut ws).await;
    assert_eq!(e["kind"], "capability_denied");
    send(&mut ws, json!({"type": "system_info", "info": info()})).await;
    assert_eq!(next_event_or_error(&mut ws).await["code"], "not_allowed");
    send(
        &mut ws,
        json!({"type": "revoke", "capability": "system_info"}),
    )
    .await;
    assert_eq!(
        next_event_or_error(&mut ws).await["code"],
        "not_allowed",
        "nothing allowed to revoke"
    );

    // Asked again, allowed, then taken back before anything was shared.
    assert_eq!(f.request("system_info").await.0, 200);
    until(&mut ws, |m| m["kind"] == "capability_requested").await;
    send(
        &mut ws,
        json!({"type": "consent", "capability": "system_info", "allow": true}),
    )
    .await;
    assert_eq!(
        next_event_or_error(&mut ws).await["kind"],
        "capability_allowed"
    );
    assert_eq!(
        f.request("system_info").await.1["error"]["code"],
        "already_allowed"
    );
    send(
        &mut ws,
        json!({"type": "revoke", "capability": "system_info"}),
    )
    .await;
    let e = next_event_or_error(&mut ws).await;
    assert_eq!(
        (e["kind"].as_str(), e["body"]["capability"].as_str()),
        (Some("capability_revoked"), Some("system_info"))
    );
    send(&mut ws, json!({"type": "system_info", "info": info()})).await;
    assert_eq!(next_event_or_error(&mut ws).await["code"], "not_allowed");
    // Unknown capabilities are not protocol messages at all.
    send(
        &mut ws,
        json!({"type": "consent", "capability": "screen", "allow": true}),
    )
    .await;
    assert_eq!(next_event_or_error(&mut ws).await["code"], "bad_message");
}
