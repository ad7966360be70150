//! The team, issue and skill pages, including why a team with issues cannot be deleted.

use crate::common::TestServer;
use crate::{assert_field_error, Browser};
use beckon::domain::ids::UserId;

#[tokio::test]
async fn teams_issues_and_skills_forms_validate_beside_their_fields() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/teams/new";
    let team = |code: &'static str, alert: &'static str| {
        vec![
            ("name", "Billing"),
            ("code_name", code),
            ("routing_mode", "least_busy"),
            ("alert_timeout_secs", alert),
            ("persistent_queue", "1"),
            ("members", "12"),
        ]
    };
    assert_field_error(
        &admin.submit(new, new, &team("Bad Code", "60")).await,
        "code_name",
        "code name",
    );
    assert_field_error(
        &admin.submit(new, new, &team("general_support", "60")).await,
        "code_name",
        "taken",
    );
    assert_field_error(
        &admin.submit(new, new, &team("billing", "abc")).await,
        "alert_timeout_secs",
        "whole number",
    );
    assert_field_error(
        &admin.submit(new, new, &team("billing", "1")).await,
        "alert_timeout_secs",
        "between 5 and 3600",
    );
    let r = admin.submit(new, new, &team("billing", "45")).await;
    assert_eq!(r.location, "/login/teams?created=1");
    let billing = store.team_by_code("billing").await.unwrap().unwrap();
    assert_eq!(billing.alert_timeout_secs, 45);
    assert_eq!(
        store.team_members(billing.id).await.unwrap(),
        vec![UserId(12)]
    );

    let new = "/login/issues/new";
    let team_id = billing.id.to_string();
    let issue = |code: &'static str, team: &str, skills: &'static str| {
        vec![
            ("code_name", code),
            ("description", "Invoices"),
            ("team_id", team),
            ("skills", skills),
            ("position", "3"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect::<Vec<_>>()
    };
    let admin_ref = &admin;
    let send = |v: Vec<(&'static str, String)>| async move {
        let pairs: Vec<(&str, &str)> = v.iter().map(|(k, v)| (*k, v.as_str())).collect();
        admin_ref.submit(new, new, &pairs).await
    };
    assert_field_error(&send(issue("invoices", "", "")).await, "team_id", "team");
    assert_field_error(
        &send(issue("invoices", &team_id, "skill1, nope")).await,
        "skills",
        "nope",
    );
    assert_field_error(
        &send(issue("1nvoices", &team_id, "")).await,
        "code_name",
        "code name",
    );
    let r = send(issue("invoices", &team_id, "skill2, skill1")).await;
    assert_eq!(r.location, "/login/issues?created=1");
    let inv = store.issue_by_code("invoices").await.unwrap().unwrap();
    assert_eq!(
        inv.skills,
        vec!["skill2", "skill1"],
        "skills keep their order"
    );
    assert_eq!((inv.team_id, inv.position), (billing.id, 3));

    // A team with issues cannot be deleted; the confirmation says why.
    let del = format!("/login/teams/{}/delete", billing.id);
    assert!(admin.get(&del).await.body.contains("Are you sure"));
    let r = admin.submit(&del, &del, &[]).await;
    assert_eq!(r.status, 409);
    assert!(r.body.contains("still has issues"));
    let idel = format!("/login/issues/{}/delete", inv.id);
    assert!(admin.get(&idel).await.body.contains("Are you sure"));
    assert_eq!(
        admin.submit(&idel, &idel, &[]).await.location,
        "/login/issues?deleted=1"
    );
    assert_eq!(
        admin.submit(&del, &del, &[]).await.location,
        "/login/teams?deleted=1"
    );
    assert!(store.team_by_id(billing.id).await.unwrap().is_none());

    let new = "/login/skills/new";
    assert_field_error(
        &admin
            .submit(new, new, &[("code_name", "skill1"), ("display_name", "X")])
            .await,
        "code_name",
        "taken",
    );
    assert_field_error(
        &admin
            .submit(
                new,
                new,
                &[("code_name", "Printing"), ("display_name", "X")],
            )
            .await,
        "code_name",
        "code name",
    );
    assert_field_error(
        &admin
            .submit(
                new,
                new,
                &[("code_name", "printing"), ("display_name", " ")],
            )
            .await,
        "display_name",
        "required",
    );
    assert_eq!(
        admin
            .submit(
                new,
                new,
                &[("code_name", "printing"), ("display_name", "Printers")]
            )
            .await
            .location,
        "/login/skills?created=1"
    );
    let printing = store
        .list_skills()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.code_name == "printing")
        .unwrap();
    let edit = format!("/login/skills/{}", printing.id);
    assert_eq!(
        admin
            .submit(&edit, &edit, &[("display_name", "Printers & copiers")])
            .await
            .location,
        "/login/skills?saved=1"
    );
    let del = format!("{edit}/delete");
    assert_eq!(
        admin.submit(&del, &del, &[]).await.location,
        "/login/skills?deleted=1"
    );
    assert!(!store
        .list_skills()
        .await
        .unwrap()
        .iter()
        .any(|s| s.code_name == "printing"));
}
