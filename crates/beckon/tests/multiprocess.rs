//! Issue 3, item 6: accepting is atomic across separate server processes sharing one database.
// The servers are child processes driven from plain threads; blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;

use common::*;
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_race_to_accept_and_one_wins() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let envs = [
        ("BECKON_ADMIN_PASSWORD", "first-admin-pw"),
        ("BECKON_DEMO_PASSWORD", DEMO_PASSWORD),
    ];
    let (cwd, d1) = (dir.path().to_path_buf(), data.clone());
    let a = tokio::task::spawn_blocking(move || spawn_serve(&cwd, &d1, &["--demo"], &envs))
        .await
        .unwrap();
    let (cwd, d2) = (dir.path().to_path_buf(), data.clone());
    let b = tokio::task::spawn_blocking(move || spawn_serve(&cwd, &d2, &["--demo"], &envs))
        .await
        .unwrap();
    assert_ne!(a.url, b.url);

    let http = reqwest::Client::new();
    let r = http
        .post(format!("{}/api/start_session", a.url))
        .header("accept", "application/json")
        .form(&[("codeName", "Other"), ("c2cjs", "1")])
        .send()
        .await
        .unwrap();
    let started: Value = r.json().await.unwrap();
    let lsid = started["lsid"].as_str().unwrap().to_string();

    // Each representative signs in once; the login lives in the shared store, so the same
    // cookie works on both processes.
    let mut cookies = Vec::new();
    for user in ["demo-admin", "john"] {
        let r = http
            .post(format!("{}/api/rep/login", a.url))
            .header("x-beckon-csrf", "1")
            .json(&json!({"username": user, "password": DEMO_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let c = r.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        cookies.push(c);
    }
    let mut attempts = Vec::new();
    for i in 0..8 {
        let base = if i % 2 == 0 {
            a.url.clone()
        } else {
            b.url.clone()
        };
        let cookie = cookies[i % cookies.len()].clone();
        let http = http.clone();
        let lsid = lsid.clone();
        attempts.push(tokio::spawn(async move {
            let r = http
                .post(format!("{base}/api/rep/sessions/{lsid}/accept"))
                .header("x-beckon-csrf", "1")
                .header("cookie", cookie)
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.unwrap_or(Value::Null))
        }));
    }
    let mut results = Vec::new();
    for t in attempts {
        results.push(t.await.unwrap());
    }
    assert_eq!(
        results.iter().filter(|(s, _)| *s == 200).count(),
        1,
        "{results:?}"
    );
    assert!(
        results
            .iter()
            .filter(|(s, _)| *s != 200)
            .all(|(s, b)| *s == 409 && b["error"]["code"] == "already_taken"),
        "{results:?}"
    );
    let (ca, _) = a.terminate();
    let (cb, _) = b.terminate();
    assert_eq!((ca, cb), (0, 0));
}
