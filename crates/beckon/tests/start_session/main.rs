//! Issue 3: the URL API, validation, sessions, session keys and throttling.

#[path = "../common/mod.rs"]
mod common;

mod browsers;
mod session_keys;
mod starts;
mod validation;

use common::reps::start_json;
use common::TestServer;
use serde_json::Value;

async fn session(server: &TestServer, body: &Value) -> beckon::domain::session::SupportSession {
    server
        .store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap()
}

async fn expect_error(
    server: &TestServer,
    params: &[(&str, &str)],
    status: u16,
    code: &str,
) -> Value {
    let (s, body) = start_json(server, params).await;
    assert_eq!(s, status, "{params:?} -> {body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    body
}
