//! A FULL session accepted by its representative, with a WebSocket playing the full client
//! (tests of capabilities that the real client's tests cover end to end).

use super::reps::*;
use super::ws::{send, until};
use super::*;
use beckon::domain::client_ticket;
use beckon::domain::time::now_ms;
use beckon::protocol::Capability;
use serde_json::{json, Value};

pub struct Fixture {
    pub server: TestServer,
    pub rep: RepClient,
    pub lsid: String,
}

/// By the demo key (demo-admin's personal queue), or by issue 12 (the general team's queue).
pub async fn accepted(by_team: bool) -> Fixture {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let params: &[(&str, &str)] = if by_team {
        &[("issue_menu", "1"), ("id", "12")]
    } else {
        &[("short_key", "1728331")]
    };
    let (status, body) = start_json(&server, params).await;
    assert_eq!(status, 200, "{body}");
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let (s, b) = rep
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200, "{b}");
    Fixture { server, rep, lsid }
}

impl Fixture {
    pub async fn request(&self, capability: &str) -> (u16, Value) {
        let path = format!("/api/rep/sessions/{}/capabilities/{capability}", self.lsid);
        self.rep.post(&path, json!({})).await
    }

    pub async fn events(&self) -> Vec<Value> {
        let (s, b) = self
            .rep
            .get(&format!("/api/rep/sessions/{}/events", self.lsid))
            .await;
        assert_eq!(s, 200);
        b["events"].as_array().cloned().unwrap_or_default()
    }

    pub async fn kinds(&self) -> Vec<String> {
        self.events()
            .await
            .iter()
            .map(|e| e["kind"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The token of a newly joined full client.
    pub async fn join(&self) -> String {
        let session = self
            .server
            .store
            .session_by_lsid(&self.lsid)
            .await
            .unwrap()
            .unwrap();
        let ticket = client_ticket::issue(
            self.server.store.as_ref(),
            &self.server.url,
            &session,
            now_ms(),
        )
        .await
        .unwrap();
        let r = self
            .server
            .client
            .post(self.server.at("/api/client/join"))
            .json(&json!({"ticket": ticket.as_str()}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        r.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Opens the full client's socket with `token`, after the events up to `after`.
    pub async fn connect(&self, token: &str, after: i64) -> Ws {
        let url = format!("ws://{}/api/chat/ws?token={token}", self.server.addr);
        let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
        let hello = json!({"type": "hello", "v": 1, "after": after,
            "client": {"kind": "full", "version": "0.1.0", "os": "linux"}});
        send(&mut ws, hello).await;
        until(&mut ws, |m| m["type"] == "welcome").await;
        ws
    }

    /// Joins as the full client and opens its socket after everything logged so far.
    pub async fn client(&self) -> Ws {
        let token = self.join().await;
        let mut ws = self.connect(&token, 0).await;
        until(&mut ws, |m| m["kind"] == "client_joined").await;
        ws
    }

    pub async fn set_team_capabilities(&self, code: &str, caps: &[Capability]) {
        let store = self.server.store.as_ref();
        let t = store.team_by_code(code).await.unwrap().unwrap();
        let mut new = beckon::domain::catalog::NewTeam {
            id: None,
            name: t.name,
            code_name: t.code_name,
            comments: t.comments,
            routing_mode: t.routing_mode,
            alert_timeout_secs: t.alert_timeout_secs,
            persistent_queue: t.persistent_queue,
            unavailable_message: t.unavailable_message,
            capabilities: t.capabilities,
        };
        new.capabilities = caps.to_vec();
        store.update_team(t.id, new).await.unwrap();
    }
}
