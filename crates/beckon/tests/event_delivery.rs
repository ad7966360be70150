//! Issue 8, outbound events: signed, ordered, retried with backoff, nothing lost or
//! duplicated across a restart.

mod common;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use beckon::domain::admin::site;
use common::reps::*;
use common::*;
use std::sync::{Arc, Mutex};

const SECRET: &str = "a-shared-secret-of-some-length";

/// One received form: its fields in order.
type Form = Vec<(String, String)>;

#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Form>>>,
    /// Answers 500 while this is above zero, counting down.
    fail: Arc<Mutex<u32>>,
    /// Answers only after 3 seconds while this is above zero, counting down.
    slow: Arc<Mutex<u32>>,
}

async fn receive(State(r): State<Receiver>, headers: HeaderMap, body: String) -> StatusCode {
    let sig = headers
        .get("x-beckon-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if sig != beckon::delivery::signature(SECRET, &body) {
        return StatusCode::UNAUTHORIZED;
    }
    let slow = {
        let mut s = r.slow.lock().unwrap();
        let slow = *s > 0;
        *s = s.saturating_sub(1);
        slow
    };
    if slow {
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        return StatusCode::OK;
    }
    {
        let mut f = r.fail.lock().unwrap();
        if *f > 0 {
            *f -= 1;
            return StatusCode::INTERNAL_SERVER_ERROR;
        }
    }
    r.got.lock().unwrap().push(
        form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect(),
    );
    StatusCode::OK
}

async fn start_receiver(r: Receiver) -> String {
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(r);
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    format!("http://{addr}/hook")
}

fn events_of(r: &Receiver) -> Vec<(String, String)> {
    r.got
        .lock()
        .unwrap()
        .iter()
        .map(|f| {
            let get = |k: &str| {
                f.iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            (get("event"), get("lsid"))
        })
        .collect()
}

#[tokio::test]
async fn events_are_signed_ordered_retried_and_survive_a_restart() {
    let receiver = Receiver::default();
    *receiver.fail.lock().unwrap() = 1;
    *receiver.slow.lock().unwrap() = 1;
    let url = start_receiver(receiver.clone()).await;
    let server = TestServer::start_demo().await;
    // A receiver slower than the timeout counts as a failure (its late 200 is ignored).
    server
        .store
        .set_setting(beckon::delivery::TIMEOUT_SETTING, "1")
        .await
        .unwrap();
    let all: Vec<String> = beckon::domain::endpoint::EVENT_NAMES
        .iter()
        .map(|s| s.to_string())
        .collect();
    site::create_endpoint(server.store.as_ref(), "t", &url, &all, SECRET)
        .await
        .unwrap();
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (_, body) = start_json(
        &server,
        &[("issue_menu", "1"), ("id", "12"), ("external_key", "EXT-7")],
    )
    .await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    rep.post(
        &format!("/api/rep/sessions/{lsid}/accept"),
        serde_json::json!({}),
    )
    .await;
    rep.post(
        &format!("/api/rep/sessions/{lsid}/end"),
        serde_json::json!({}),
    )
    .await;
    // Two failures (backoff 2 s then 4 s), then all three in order.
    wait_long(|| events_of(&receiver).len() >= 3, "three deliveries").await;
    let got = events_of(&receiver);
    let names: Vec<&str> = got.iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "support_conference_begin",
            "support_conference_member_added",
            "support_conference_end"
        ]
    );
    assert!(got.iter().all(|(_, l)| *l == lsid));
    assert_eq!(
        receiver.got.lock().unwrap()[0]
            .iter()
            .find(|(k, _)| k == "external_key")
            .unwrap()
            .1,
        "EXT-7"
    );
    let ep = server.store.list_endpoints().await.unwrap()[0].id;
    let (_, attempts, _, delivered, _) = server.store.endpoint_state(ep).await.unwrap();
    assert_eq!((attempts, delivered), (0, 3));

    // While the server is down, a session happens... (written straight to the store by a
    // second start after the restart) and nothing is sent twice after it.
    let dir = server.stop().await;
    let server = TestServer::start_with(Options {
        demo: false,
        dir: Some(dir),
    })
    .await;
    let (_, body) = start_json(&server, &[("issue_menu", "1"), ("id", "12")]).await;
    let lsid2 = body["lsid"].as_str().unwrap().to_string();
    wait_long(
        || events_of(&receiver).len() >= 4,
        "delivery after the restart",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let got = events_of(&receiver);
    assert_eq!(got.len(), 4, "nothing duplicated: {got:?}");
    assert_eq!(got[3], ("support_conference_begin".to_string(), lsid2));
}

async fn wait_long(f: impl Fn() -> bool, what: &str) {
    for _ in 0..200 {
        if f() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test]
async fn administrators_see_the_delivery_state() {
    let url = start_receiver(Receiver {
        fail: Arc::new(Mutex::new(100)),
        ..Default::default()
    })
    .await;
    let server = TestServer::start_demo().await;
    site::create_endpoint(
        server.store.as_ref(),
        "t",
        &url,
        &["support_conference_begin".into()],
        SECRET,
    )
    .await
    .unwrap();
    start_json(&server, &[]).await;
    let ep = server.store.list_endpoints().await.unwrap()[0].id;
    wait_long_async(&server, ep).await;
    // The administrator's page shows the failure.
    let admin = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let r = admin
        .post(server.at("/api/rep/login"))
        .header("x-beckon-csrf", "1")
        .json(&serde_json::json!({"username": "demo-admin", "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let html = admin
        .get(server.at("/login/events"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Failing: answered 500"), "{html}");
}

async fn wait_long_async(server: &TestServer, ep: i64) {
    for _ in 0..100 {
        if server.store.endpoint_state(ep).await.unwrap().1 > 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no failed attempt recorded");
}
