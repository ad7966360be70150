//! Payloads in the form-encoded events sent to outbound endpoints.

use crate::common::reps::{start_json, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::support::{answer, api_token, corpus};
use beckon::domain::admin::site;
use serde_json::json;
use std::sync::{Arc, Mutex};

/// One received outbound event: its form fields.
type Form = Vec<(String, String)>;

async fn receive(
    axum::extract::State(got): axum::extract::State<Arc<Mutex<Vec<Form>>>>,
    headers: axum::http::HeaderMap,
    body: String,
) -> axum::http::StatusCode {
    let sig = headers
        .get("x-beckon-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert_eq!(
        sig,
        beckon::delivery::signature("secret-secret-secret", &body)
    );
    got.lock().unwrap().push(
        form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect(),
    );
    axum::http::StatusCode::OK
}

/// External keys and display names reach the endpoints' form-encoded events exactly.
#[tokio::test]
async fn outbound_events_carry_payloads_exactly() {
    let c = corpus();
    let got: Arc<Mutex<Vec<Form>>> = Arc::default();
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(got.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });

    let server = TestServer::start_demo().await;
    let t = api_token(&server).await;
    let all: Vec<String> = beckon::domain::endpoint::EVENT_NAMES
        .iter()
        .map(|s| s.to_string())
        .collect();
    site::create_endpoint(
        server.store.as_ref(),
        "t",
        &hook,
        &all,
        "secret-secret-secret",
    )
    .await
    .unwrap();
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    // (lsid, external key, representative's display name or None when refused)
    let mut sent = Vec::new();
    for p in &c.payloads {
        let v = p.text.as_str();
        let r = server
            .client
            .patch(server.at("/api/config/v1/user/12"))
            .bearer_auth(&t)
            .json(&json!({"public_display_name": v}))
            .send()
            .await
            .unwrap();
        let name = (answer(r, &p.id).await.0 == 200).then(|| v.to_string());
        let (s, body) = start_json(
            &server,
            &[
                ("issue_menu", "1"),
                ("id", "12"),
                ("external_key", v),
                ("customer.name", v),
            ],
        )
        .await;
        assert_eq!(s, 200, "{body}");
        let lsid = body["lsid"].as_str().unwrap().to_string();
        let (s, b) = rep
            .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
            .await;
        assert_eq!(s, 200, "{b}");
        rep.post(&format!("/api/rep/sessions/{lsid}/end"), json!({}))
            .await;
        sent.push((lsid, v.to_string(), name));
    }
    let want = sent.len() * 3;
    for _ in 0..300 {
        if got.lock().unwrap().len() >= want {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let got = got.lock().unwrap().clone();
    assert!(
        got.len() >= want,
        "{} of {want} events delivered",
        got.len()
    );
    let field = |f: &Form, k: &str| {
        f.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut names_checked = 0;
    for (lsid, key, name) in &sent {
        let mine: Vec<&Form> = got.iter().filter(|f| field(f, "lsid") == *lsid).collect();
        assert_eq!(mine.len(), 3, "{key:?}");
        for f in &mine {
            assert_eq!(field(f, "external_key"), *key, "external_key");
        }
        let added = mine
            .iter()
            .find(|f| field(f, "event") == "support_conference_member_added")
            .unwrap();
        if let Some(name) = name {
            assert_eq!(field(added, "display_name"), *name, "display_name");
            names_checked += 1;
        }
    }
    assert!(names_checked * 2 > sent.len(), "display names checked");
}
