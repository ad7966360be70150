//! Issue 12, limits at the door: connections per address and in all (WebSockets included), and
//! the header read timeout that stops slow clients from holding connections.

// These tests drive the server from plain threads, where sleeping is the point.
#![allow(clippy::disallowed_methods)]

#[path = "../common/mod.rs"]
mod common;

mod connections;
mod requests;
mod slow_readers;

const PW: (&str, &str) = ("BECKON_ADMIN_PASSWORD", "limits-admin-pw-1");

fn addr_of(url: &str) -> String {
    url.trim_start_matches("http://").to_string()
}

/// Starts a chat session on a connection of its own, closed afterwards.
async fn start_token(addr: &str) -> String {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let r = http
        .post(format!("http://{addr}/api/start_session"))
        .header("accept", "application/json")
        .form(&[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")])
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    body["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}
