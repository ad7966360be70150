//! The configuration API: paging, creating, patching and deleting.

use crate::common::TestServer;
use crate::support::{account, token};
use serde_json::Value;

#[tokio::test]
async fn the_configuration_api_pages_creates_patches_and_deletes() {
    let server = TestServer::start().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    let (rid, rsecret) = account(&server, "read_only").await;
    let ro = token(&server, &rid, &rsecret).await;
    let url = |p: &str| server.at(&format!("/api/config/v1/{p}"));
    let h = |r: &reqwest::Response, k: &str| r.headers()[k].to_str().unwrap().to_string();

    // Empty list: a bare empty array, one (empty) page.
    let r = server
        .client
        .get(url("custom-field"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(h(&r, "x-bt-pagination-total"), "0");
    assert_eq!(h(&r, "x-bt-pagination-last-page"), "1");
    assert_eq!(r.json::<Value>().await.unwrap(), serde_json::json!([]));

    for i in 0..4 {
        let r = server.client.post(url("skill")).bearer_auth(&t).json(&serde_json::json!({"code_name": format!("s{i}"), "display_name": format!("Skill {i}")})).send().await.unwrap();
        assert_eq!(r.status(), 201);
    }
    // An exact multiple of per_page.
    let r = server
        .client
        .get(url("skill?per_page=2&current_page=2"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(h(&r, "x-bt-pagination-last-page"), "2");
    assert_eq!(h(&r, "x-bt-pagination-per-page"), "2");
    assert_eq!(h(&r, "x-bt-pagination-current-page"), "2");
    let page: Value = r.json().await.unwrap();
    assert_eq!(
        page.as_array()
            .unwrap()
            .iter()
            .map(|s| s["code_name"].as_str().unwrap())
            .collect::<Vec<_>>(),
        vec!["s2", "s3"]
    );
    let r = server
        .client
        .get(url("skill?per_page=101"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = server
        .client
        .get(url("skill?per_page=3&current_page=9"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap(), serde_json::json!([]));

    // Validated exactly as the administration pages: the field is named.
    let r = server
        .client
        .post(url("team"))
        .bearer_auth(&t)
        .json(&serde_json::json!({"name": "Desk", "code_name": "Bad Code"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["field"],
        "code_name"
    );
    let r = server
        .client
        .post(url("team"))
        .bearer_auth(&t)
        .json(
            &serde_json::json!({"name": "Desk", "code_name": "desk", "routing_mode": "least_busy"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let team: Value = r.json().await.unwrap();
    let team_id = team["id"].as_i64().unwrap();
    let r = server
        .client
        .patch(url(&format!("team/{team_id}")))
        .bearer_auth(&t)
        .json(&serde_json::json!({"comments": "first line"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let patched: Value = r.json().await.unwrap();
    assert_eq!(
        (
            patched["comments"].as_str(),
            patched["routing_mode"].as_str(),
            patched["name"].as_str()
        ),
        (Some("first line"), Some("least_busy"), Some("Desk"))
    );

    let r = server.client.post(url("user")).bearer_auth(&t).json(&serde_json::json!({"username": "zed", "public_display_name": "Zed", "password": "zed-password-1", "teams": [team_id], "skills": ["s1"]})).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let user: Value = r.json().await.unwrap();
    assert_eq!(user["skills"], serde_json::json!(["s1"]));
    assert_eq!(user["teams"], serde_json::json!([team_id]));
    assert!(user.get("password_hash").is_none());
    let uid = user["id"].as_i64().unwrap();
    let r = server
        .client
        .patch(url(&format!("user/{uid}")))
        .bearer_auth(&t)
        .json(&serde_json::json!({"enabled": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["enabled"], false);
    // Read-only accounts read but do not change.
    assert_eq!(
        server
            .client
            .get(url("user"))
            .bearer_auth(&ro)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        server
            .client
            .delete(url(&format!("user/{uid}")))
            .bearer_auth(&ro)
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        server
            .client
            .delete(url(&format!("user/{uid}")))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        server
            .client
            .get(url(&format!("user/{uid}")))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        server
            .client
            .get(url("widgets"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        server
            .client
            .get(url("user"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    // The audit log names the API account.
    let audit = server.store.search_audit("api:", 50).await.unwrap();
    assert!(audit
        .iter()
        .any(|a| a.action == "user.delete" && a.actor == format!("api:{id}")));
}
