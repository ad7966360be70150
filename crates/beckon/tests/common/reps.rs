//! Test helpers for representatives and customers: create, sign in, connect.
#![allow(dead_code)]

use super::{TestServer, DEMO_PASSWORD};
use beckon::domain::ids::{SkillId, TeamId, UserId};
use beckon::domain::people::{NewUser, Permissions};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};

pub const PW: &str = "rep-password-1";

/// Creates a representative in the given teams with the given skill ids.
pub async fn create_rep(
    server: &TestServer,
    username: &str,
    display: &str,
    teams: &[TeamId],
    skills: &[SkillId],
) -> UserId {
    let hash = beckon::domain::password::hash(PW);
    let user = server
        .store
        .create_user(NewUser {
            id: None,
            username: username.into(),
            password_hash: hash,
            public_display_name: display.into(),
            private_display_name: display.into(),
            permissions: Permissions::REPRESENTATIVE,
            enabled: true,
            must_change_password: false,
        })
        .await
        .unwrap();
    for t in teams {
        server.store.add_team_member(*t, user.id).await.unwrap();
    }
    server.store.set_user_skills(user.id, skills).await.unwrap();
    user.id
}

/// A signed-in representative's HTTP client.
pub struct RepClient {
    pub client: reqwest::Client,
    pub base: String,
}

impl RepClient {
    pub async fn login(server: &TestServer, username: &str, password: &str) -> RepClient {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .pool_idle_timeout(super::CLIENT_IDLE)
            .build()
            .unwrap();
        let r = client
            .post(server.at("/api/rep/login"))
            .header("x-beckon-csrf", "1")
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            200,
            "login of {username}: {}",
            r.text().await.unwrap_or_default()
        );
        RepClient {
            client,
            base: server.url.clone(),
        }
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let r = self
            .client
            .post(format!("{}{path}", self.base))
            .header("x-beckon-csrf", "1")
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    pub async fn available(&self) {
        let r = self
            .client
            .put(format!("{}/api/rep/presence", self.base))
            .header("x-beckon-csrf", "1")
            .json(&json!({"status": "available"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
}

/// Signs `username` in and opens their console socket, as the console page does: the
/// socket has said hello, and the welcome has been read (the queue message comes next).
pub async fn console_ws(server: &TestServer, username: &str) -> Ws {
    console_ws_with_cookie(server, username).await.0
}

/// `console_ws`, and the login cookie (`name=value`) the socket was opened with.
pub async fn console_ws_with_cookie(server: &TestServer, username: &str) -> (Ws, String) {
    let r = server
        .client
        .post(server.at("/api/rep/login"))
        .header("x-beckon-csrf", "1")
        .json(&json!({"username": username, "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "login of {username}");
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    let url = format!("ws://{}/api/rep/ws", server.addr);
    let mut req =
        tokio_tungstenite::tungstenite::client::IntoClientRequest::into_client_request(url)
            .unwrap();
    req.headers_mut().insert("cookie", cookie.parse().unwrap());
    let (mut ws, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    ws.send(tokio_tungstenite::tungstenite::Message::Text(
        json!({"type": "hello"}).to_string().into(),
    ))
    .await
    .unwrap();
    let welcome = next_json(&mut ws).await;
    assert_eq!(welcome["type"], "welcome", "{welcome}");
    (ws, cookie)
}

/// Starts a session over the JSON variant; returns (status, body).
pub async fn start_json(server: &TestServer, params: &[(&str, &str)]) -> (u16, Value) {
    let r = server
        .client
        .post(server.at("/api/start_session"))
        .header("accept", "application/json")
        .form(params)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap())
}

/// The customer token from a start answer's URL.
pub fn token_of(body: &Value) -> String {
    body["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

pub type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Connects the customer's chat WebSocket and says hello.
pub async fn customer_ws(server: &TestServer, token: &str, after: i64) -> Ws {
    let url = format!("ws://{}/api/chat/ws?token={token}", server.addr);
    let (mut ws, _) = tokio_tungstenite::connect_async(url)
        .await
        .expect("ws connect");
    ws.send(tokio_tungstenite::tungstenite::Message::Text(
        json!({"type": "hello", "v": 1, "after": after})
            .to_string()
            .into(),
    ))
    .await
    .unwrap();
    ws
}

/// The next JSON message of a WebSocket (skipping pings), within 5 seconds.
pub async fn next_json(ws: &mut Ws) -> Value {
    loop {
        let msg = tokio::time::timeout(std::time::Duration::from_secs(5), ws.next())
            .await
            .expect("ws message in time");
        match msg {
            Some(Ok(tokio_tungstenite::tungstenite::Message::Text(t))) => {
                return serde_json::from_str(&t).unwrap()
            }
            Some(Ok(tokio_tungstenite::tungstenite::Message::Close(f))) => {
                return json!({"type": "closed", "frame": format!("{f:?}")})
            }
            Some(Ok(_)) => continue,
            other => panic!("ws ended: {other:?}"),
        }
    }
}

/// Waits until a predicate on the store's session holds (polling, bounded).
pub async fn wait_for<F, Fut>(mut f: F, what: &str)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if f().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The next message that is not a periodic `queue` status (for tests about the event log).
pub async fn next_msg(ws: &mut Ws) -> Value {
    loop {
        let m = next_json(ws).await;
        if m["type"] != "queue" {
            return m;
        }
    }
}
