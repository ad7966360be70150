//! The command API's actions, in XML and in JSON, and the session keys it generates.

use crate::common::reps::{start_json, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::support::{account, token, xml};
use serde_json::Value;

#[tokio::test]
async fn command_actions_in_xml_and_json() {
    let server = TestServer::start_demo().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    let get = |q: String| {
        server
            .client
            .get(server.at(&format!("/api/command?{q}")))
            .bearer_auth(&t)
            .send()
    };
    let (_, teams) = xml(get("action=get_support_teams&showmembers=1".into())
        .await
        .unwrap())
    .await;
    assert!(teams.contains("xmlns=\"http://www.bomgar.com/namespaces/API/command\""));
    assert!(
        teams.contains("<issue id=\"12\"><code_name>printing</code_name>"),
        "{teams}"
    );
    assert!(teams.contains("<member id=\"30\">"), "{teams}");
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    rep.available().await;
    let (_, reps) = xml(get("action=get_logged_in_reps".into()).await.unwrap()).await;
    assert!(
        reps.contains("<rep id=\"12\"><public_display_name>John</public_display_name>"),
        "{reps}"
    );
    assert!(
        reps.contains("/api/start_session?id=12&amp;name=John"),
        "{reps}"
    );
    let json: Value = server
        .client
        .get(server.at("/api/command/v2?action=get_logged_in_reps"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        json["logged_in_reps"]["rep"][0]["public_display_name"],
        "John"
    );

    let (s, key) = xml(get("action=generate_session_key&type=support&queue_id=rep_username:john&ttl=600&external_key=CASE-9".into()).await.unwrap()).await;
    assert_eq!(s, 200, "{key}");
    let digits = key.split("<short_key>").nth(1).unwrap()[..7].to_string();
    let (st, body) = start_json(&server, &[("short_key", &digits), ("c2cjs", "1")]).await;
    assert_eq!(st, 200);
    let lsid = body["lsid"].as_str().unwrap().to_string();
    assert_eq!(
        server
            .store
            .session_by_lsid(&lsid)
            .await
            .unwrap()
            .unwrap()
            .external_key,
        "CASE-9"
    );

    let hostile = "</x><script>alert(1)</script>&\"'\u{7}";
    let form = [
        ("action", "set_session_attributes"),
        ("lsid", lsid.as_str()),
        ("session.custom.custom_field1", hostile),
    ];
    let r = server
        .client
        .post(server.at("/api/command"))
        .bearer_auth(&t)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(xml(r).await.0, 200);
    let (_, attrs) = xml(get(format!("action=get_session_attributes&lsid={lsid}"))
        .await
        .unwrap())
    .await;
    assert!(attrs.contains("code_name=\"custom_field1\""), "{attrs}");
    assert!(attrs.contains("&lt;/x&gt;&lt;script&gt;"), "{attrs}");
    // An empty value clears; an omitted one keeps.
    let form = [
        ("action", "set_session_attributes"),
        ("lsid", lsid.as_str()),
        ("session.custom.custom_field1", ""),
    ];
    server
        .client
        .post(server.at("/api/command"))
        .bearer_auth(&t)
        .form(&form)
        .send()
        .await
        .unwrap();
    let s = server.store.session_by_lsid(&lsid).await.unwrap().unwrap();
    assert!(!s.attributes.contains_key("custom_field1"));
    assert_eq!(s.external_key, "CASE-9");

    let (st, _) = xml(get(format!(
        "action=send_chat_message&lsid={lsid}&message=hello%20from%20CRM"
    ))
    .await
    .unwrap())
    .await;
    assert_eq!(st, 200);
    let (st, _) = xml(get(format!(
        "action=transfer_session&lsid={lsid}&queue_id=team:1"
    ))
    .await
    .unwrap())
    .await;
    assert_eq!(st, 200);
    assert_eq!(
        server
            .store
            .session_by_lsid(&lsid)
            .await
            .unwrap()
            .unwrap()
            .queue
            .api_id(),
        "team:1"
    );
    let (st, _) = xml(get(format!("action=terminate_session&lsid={lsid}"))
        .await
        .unwrap())
    .await;
    assert_eq!(st, 200);
    let (st, again) = xml(get(format!("action=terminate_session&lsid={lsid}"))
        .await
        .unwrap())
    .await;
    assert_eq!(st, 409, "{again}");
    let (st, unknown) = xml(get("action=launch_rockets".into()).await.unwrap()).await;
    assert_eq!(st, 400);
    assert!(unknown.contains("unknown action"));
    let (st, _) = xml(get("action=get_session_attributes&lsid=nope".into())
        .await
        .unwrap())
    .await;
    assert_eq!(st, 404);
}

#[tokio::test]
async fn generated_keys_route_to_any_queue_and_tokens_expire() {
    let server = TestServer::start_demo().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    for (queue_id, expect, issue) in [
        ("general", "general", None),
        ("team:1", "team:1", None),
        ("issue:Other", "team:2", Some(13)),
    ] {
        let r = server
            .client
            .get(server.at(&format!(
                "/api/command?action=generate_session_key&type=support&queue_id={queue_id}"
            )))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        let (s, doc) = xml(r).await;
        assert_eq!(s, 200, "{doc}");
        let digits = doc.split("<short_key>").nth(1).unwrap()[..7].to_string();
        let (st, body) = start_json(&server, &[("short_key", &digits)]).await;
        assert_eq!(st, 200, "{body}");
        assert_eq!(body["queue"], expect);
        let s = server
            .store
            .session_by_lsid(body["lsid"].as_str().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(s.issue_id.map(|i| i.0), issue);
    }
    let r = server
        .client
        .get(server.at("/api/command?action=generate_session_key&type=support&queue_id=team:99"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    // An expired token is refused.
    let account = server
        .store
        .api_account_by_client_id(&id)
        .await
        .unwrap()
        .unwrap();
    let old = "ab".repeat(32);
    let now = beckon::domain::time::now_ms();
    server
        .store
        .create_api_token(
            &beckon::domain::tokens::hash_token(&old),
            &account,
            now - 7_200_000,
            now - 1,
        )
        .await
        .unwrap();
    let r = server
        .client
        .get(server.at("/api/command?action=get_api_info"))
        .bearer_auth(&old)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn every_read_action_answers_json_too() {
    let server = TestServer::start_demo().await;
    let (id, secret) = account(&server, "full").await;
    let t = token(&server, &id, &secret).await;
    let (_, body) = start_json(
        &server,
        &[("issue_menu", "1"), ("id", "12"), ("external_key", "J")],
    )
    .await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let cases = [
        ("get_api_info".to_string(), "api_information"),
        ("check_health".to_string(), "appliances"),
        ("get_logged_in_reps".to_string(), "logged_in_reps"),
        (
            "get_support_teams&showmembers=1".to_string(),
            "support_teams",
        ),
        (
            format!("get_session_attributes&lsid={lsid}"),
            "custom_attributes",
        ),
        (
            "generate_session_key&type=support&queue_id=general".to_string(),
            "session_key",
        ),
        (
            format!("send_chat_message&lsid={lsid}&message=hi"),
            "success",
        ),
        (
            format!("transfer_session&lsid={lsid}&queue_id=team:2"),
            "success",
        ),
        (format!("terminate_session&lsid={lsid}"), "success"),
    ];
    for (action, root) in cases {
        let via_path = server
            .client
            .get(server.at(&format!("/api/command/v2?action={action}")))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(via_path.status(), 200, "{action}");
        let v: Value = via_path.json().await.unwrap();
        assert!(v.get(root).is_some(), "{action}: {v}");
    }
    let via_accept = server
        .client
        .get(server.at("/api/command?action=get_api_info"))
        .bearer_auth(&t)
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        via_accept.json::<Value>().await.unwrap()["api_information"]["api_version"],
        "1.19.1"
    );
    let err = server
        .client
        .get(server.at("/api/command/v2?action=nope"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(err.status(), 400);
    assert!(err.json::<Value>().await.unwrap()["error"]
        .as_str()
        .unwrap()
        .contains("unknown action"));
}
