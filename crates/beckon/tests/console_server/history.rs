//! Session history search by name, external key and date.

use crate::common::reps::*;
use crate::common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn history_is_searchable_by_name_external_key_and_date() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    for (name, key) in [("Alice Smith", "T-100"), ("Bob Jones", "T-200")] {
        let (_, body) = start_json(
            &server,
            &[
                ("issue_menu", "1"),
                ("id", "12"),
                ("customer.name", name),
                ("external_key", key),
            ],
        )
        .await;
        let lsid = body["lsid"].as_str().unwrap();
        rep.post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
            .await;
        rep.post(&format!("/api/rep/sessions/{lsid}/end"), json!({}))
            .await;
    }
    let names = |v: &Value| {
        v["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["customer"]["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let (_, all) = rep.get("/api/rep/history").await;
    assert_eq!(names(&all), vec!["Bob Jones", "Alice Smith"]);
    let (_, smith) = rep.get("/api/rep/history?q=smith").await;
    assert_eq!(names(&smith), vec!["Alice Smith"]);
    let (_, t200) = rep.get("/api/rep/history?q=T-200").await;
    assert_eq!(names(&t200), vec!["Bob Jones"]);
    let (_, old) = rep.get("/api/rep/history?to=2020-01-01").await;
    assert!(names(&old).is_empty());
    let today = beckon::domain::time::rfc3339(beckon::domain::time::now_ms())[..10].to_string();
    let (_, today_list) = rep
        .get(&format!("/api/rep/history?from={today}&to={today}"))
        .await;
    assert_eq!(names(&today_list).len(), 2);
    let (s, _) = rep.get("/api/rep/history?from=yesterday").await;
    assert_eq!(s, 400);
    // Another representative does not see John's history.
    let admin = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let (_, theirs) = admin.get("/api/rep/history").await;
    assert!(names(&theirs).is_empty());
}
