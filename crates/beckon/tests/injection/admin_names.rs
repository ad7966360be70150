//! Names administrators set through the configuration API.

use crate::common::reps::{start_json, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::support::{answer, api_token, command, corpus, in_xml, report, xml_attrs, xml_texts};
use serde_json::{json, Value};

/// Names administrators set through the configuration API (team, issue, skill, custom field,
/// representative display names) come back exactly from the configuration API, the console's
/// labels, the command API and the team report, or are refused with the field named.
#[tokio::test]
async fn admin_names_round_trip_or_are_refused_by_field() {
    let c = corpus();
    let server = TestServer::start_demo().await;
    let t = api_token(&server).await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    rep.available().await;
    // A session with a custom field, for the field's display name in get_session_attributes.
    let (_, body) = start_json(
        &server,
        &[
            ("issue_menu", "1"),
            ("id", "12"),
            ("session.custom.custom_field1", "x"),
        ],
    )
    .await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let fields = server.store.list_custom_fields().await.unwrap();
    let field_id = fields
        .iter()
        .find(|f| f.code_name == "custom_field1")
        .unwrap()
        .id;
    let skill_id = server.store.list_skills().await.unwrap()[0].id;
    let mut accepted = 0;
    for p in &c.payloads {
        let v = p.text.as_str();
        // (resource, id, field set, fields it names when refused)
        let cases: [(&str, String, Vec<&str>); 5] = [
            ("team", "1".into(), vec!["name", "comments"]),
            ("issue", "12".into(), vec!["description"]),
            ("skill", skill_id.to_string(), vec!["display_name"]),
            ("custom-field", field_id.to_string(), vec!["display_name"]),
            (
                "user",
                "12".into(),
                vec!["public_display_name", "private_display_name"],
            ),
        ];
        let mut ok = Vec::new();
        for (kind, id, set) in &cases {
            let mut patch = serde_json::Map::new();
            for f in set {
                patch.insert((*f).to_string(), json!(v));
            }
            let r = server
                .client
                .patch(server.at(&format!("/api/config/v1/{kind}/{id}")))
                .bearer_auth(&t)
                .json(&patch)
                .send()
                .await
                .unwrap();
            let (s, body) = answer(r, &format!("{} {kind}", p.id)).await;
            let j: Value = serde_json::from_str(&body)
                .unwrap_or_else(|e| panic!("{}: {kind}: not JSON ({e}): {body}", p.id));
            if s == 200 {
                for f in set {
                    assert_eq!(j[*f], v, "{}: {kind}.{f}", p.id);
                }
                ok.push(*kind);
            } else {
                assert_eq!(s, 422, "{}: {kind}: {body}", p.id);
                let field = j["error"]["field"].as_str().unwrap_or_default();
                assert!(set.contains(&field), "{}: {kind}: field {field}", p.id);
                assert!(!j["error"]["message"].as_str().unwrap().is_empty());
            }
        }
        if ok.len() == cases.len() {
            accepted += 1;
        }
        let x = in_xml(v);
        // The console's labels (JSON).
        let (_, labels) = rep.get("/api/rep/labels").await;
        let team = |j: &Value| {
            j["teams"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["name"] == v)
        };
        if ok.contains(&"team") {
            assert!(team(&labels), "{}: labels team", p.id);
        }
        if ok.contains(&"issue") {
            assert!(
                labels["issues"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|i| i["description"] == v),
                "{}: labels issue",
                p.id
            );
        }
        if ok.contains(&"custom-field") {
            assert!(
                labels["custom_fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["display_name"] == v),
                "{}: labels field",
                p.id
            );
        }
        // The command API and the team report (XML).
        let (_, teams) =
            command(&server, &t, "action=get_support_teams&showmembers=1", false).await;
        let names = xml_texts(&teams, "name");
        if ok.contains(&"team") {
            assert!(names.contains(&x), "{}: get_support_teams name", p.id);
            assert!(xml_texts(&teams, "comments").contains(&x), "{}", p.id);
        }
        if ok.contains(&"issue") {
            assert!(xml_texts(&teams, "description").contains(&x), "{}", p.id);
        }
        let (_, reps) = command(&server, &t, "action=get_logged_in_reps", false).await;
        let (_, attrs) = command(
            &server,
            &t,
            &format!("action=get_session_attributes&lsid={lsid}"),
            false,
        )
        .await;
        let team_report = report(&server, &t, "generate_report=SupportTeam").await;
        if ok.contains(&"user") {
            assert!(
                xml_texts(&reps, "public_display_name").contains(&x),
                "{}: get_logged_in_reps",
                p.id
            );
            assert!(xml_texts(&reps, "private_display_name").contains(&x));
            assert!(
                xml_texts(&team_report, "display_name").contains(&x),
                "{}: SupportTeam member",
                p.id
            );
        }
        if ok.contains(&"custom-field") {
            assert!(
                xml_attrs(&attrs, "custom_attribute", "display_name").contains(&x),
                "{}: custom_attribute display_name",
                p.id
            );
        }
        if ok.contains(&"team") {
            assert!(xml_texts(&team_report, "name").contains(&x), "{}", p.id);
        }
    }
    // Markup, templates and look-alikes are names like any other: most payloads are taken.
    assert!(
        accepted * 2 > c.payloads.len(),
        "only {accepted} payloads were accepted everywhere"
    );
}
