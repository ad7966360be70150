//! Issue 10: the administrator's per-team setting of what representatives may request of the
//! full client, through the team form at /login (with its CSRF token, as every admin form).

mod common;

use beckon::protocol::Capability;
use common::reps::*;
use common::*;

fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_default()
        .to_string()
}

/// Whether the checkbox `value` of the group `capabilities` is checked in the page.
fn checked(html: &str, value: &str) -> bool {
    let marker = format!("name=\"capabilities\" value=\"{value}\"");
    let tag = html
        .split(&marker)
        .nth(1)
        .unwrap_or_else(|| panic!("no checkbox {value}"));
    tag.split('>')
        .next()
        .unwrap_or_default()
        .contains("checked")
}

#[tokio::test]
async fn the_team_form_sets_what_may_be_requested() {
    let server = TestServer::start_demo().await;
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str| {
        let r = browser.get(server.at(path)).send();
        async move {
            let r = r.await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (_, login) = get("/console").await;
    let r = browser
        .post(server.at("/console/login"))
        .form(&[
            ("username", "demo-admin"),
            ("password", DEMO_PASSWORD),
            ("csrf", &csrf_of(&login)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);

    let store = server.store.as_ref();
    let general = store
        .team_by_code("general_support")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        general.capabilities,
        Capability::ALL.to_vec(),
        "the demo's teams allow everything this version has"
    );
    let page = format!("/login/teams/{}", general.id.0);
    let (status, html) = get(&page).await;
    assert_eq!(status, 200);
    for c in Capability::ALL {
        assert!(checked(&html, c.as_str()), "{c:?} is ticked");
    }
    assert!(!html.contains("not available in this version"));

    let form = |csrf: String, caps: &[&'static str]| {
        let mut f: Vec<(&str, String)> = vec![
            ("csrf", csrf),
            ("name", general.name.clone()),
            ("code_name", general.code_name.clone()),
            ("routing_mode", general.routing_mode.as_str().to_string()),
            ("alert_timeout_secs", general.alert_timeout_secs.to_string()),
            ("persistent_queue", "1".into()),
            // The members stay (the form posts them like the capabilities).
            ("members", "12".into()),
            ("members", "30".into()),
        ];
        f.extend(caps.iter().map(|c| ("capabilities", c.to_string())));
        f
    };
    // Without the page's CSRF token nothing changes.
    let r = browser
        .post(server.at(&page))
        .form(&form("forged".into(), &["system_info"]))
        .send()
        .await
        .unwrap();
    assert_ne!(r.status(), 303);
    let unchanged = store.team_by_id(general.id).await.unwrap().unwrap();
    assert_eq!(unchanged.capabilities, Capability::ALL.to_vec());

    // Only system information; an unknown name is refused beside the field.
    let (_, html) = get(&page).await;
    let r = browser
        .post(server.at(&page))
        .form(&form(csrf_of(&html), &["system_info", "teleport"]))
        .send()
        .await
        .unwrap();
    let body = r.text().await.unwrap();
    assert!(body.contains("f-capabilities-error"), "{body}");
    let (_, html) = get(&page).await;
    let r = browser
        .post(server.at(&page))
        .form(&form(csrf_of(&html), &["system_info"]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let saved = store.team_by_id(general.id).await.unwrap().unwrap();
    assert_eq!(saved.capabilities, vec![Capability::SystemInfo]);
    let (_, html) = get(&page).await;
    assert!(checked(&html, "system_info") && !checked(&html, "shell"));

    // It takes effect at once: a session in the team's queue cannot ask for the shell.
    let rep = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let (status, body) = start_json(&server, &[("issue_menu", "1"), ("id", "12")]).await;
    assert_eq!(status, 200, "{body}");
    let lsid = body["lsid"].as_str().unwrap();
    let (s, _) = rep
        .post(
            &format!("/api/rep/sessions/{lsid}/accept"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, b) = rep
        .post(
            &format!("/api/rep/sessions/{lsid}/capabilities/shell"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(
        (s, b["error"]["code"].as_str()),
        (403, Some("not_allowed_for_team"))
    );
}
