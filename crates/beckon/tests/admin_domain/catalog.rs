//! Team, issue, skill and custom-field rules, and why a team with issues cannot be deleted.

use crate::common::TestServer;
use crate::field_of;
use beckon::domain::admin::{catalog, AdminError};

#[tokio::test]
async fn catalog_rules() {
    let server = TestServer::start().await;
    let store = server.store.as_ref();
    let team = catalog::TeamForm {
        name: "Desk".into(),
        code_name: "desk".into(),
        routing_mode: "least_busy".into(),
        ..Default::default()
    };
    let t = catalog::create_team(store, "a", &team).await.unwrap();
    assert_eq!(
        field_of(catalog::create_team(store, "a", &team).await.unwrap_err()),
        "code_name"
    );
    for (code, field) in [("Desk", "code_name"), ("1desk", "code_name")] {
        let f = catalog::TeamForm {
            code_name: code.into(),
            ..team.clone()
        };
        assert_eq!(
            field_of(catalog::create_team(store, "a", &f).await.unwrap_err()),
            field
        );
    }
    let f = catalog::TeamForm {
        code_name: "d2".into(),
        routing_mode: "random".into(),
        ..team.clone()
    };
    assert_eq!(
        field_of(catalog::create_team(store, "a", &f).await.unwrap_err()),
        "routing_mode"
    );
    let f = catalog::TeamForm {
        code_name: "d3".into(),
        alert_timeout_secs: Some(1),
        ..team.clone()
    };
    assert_eq!(
        field_of(catalog::create_team(store, "a", &f).await.unwrap_err()),
        "alert_timeout_secs"
    );
    catalog::create_skill(store, "a", "printing", "Printing")
        .await
        .unwrap();
    let issue = catalog::IssueForm {
        code_name: "paper".into(),
        description: "Paper jam".into(),
        team_id: t.0,
        skills: vec!["printing".into()],
        position: 1,
    };
    let i = catalog::create_issue(store, "a", &issue).await.unwrap();
    let f = catalog::IssueForm {
        code_name: "x".into(),
        team_id: 99,
        ..issue.clone()
    };
    assert_eq!(
        field_of(catalog::create_issue(store, "a", &f).await.unwrap_err()),
        "team_id"
    );
    let f = catalog::IssueForm {
        code_name: "y".into(),
        skills: vec!["nope".into()],
        ..issue.clone()
    };
    assert_eq!(
        field_of(catalog::create_issue(store, "a", &f).await.unwrap_err()),
        "skills"
    );
    // A team with issues cannot go; once its issue is gone it can.
    assert!(matches!(
        catalog::delete_team(store, "a", t).await,
        Err(AdminError::Refused(_))
    ));
    catalog::delete_issue(store, "a", i).await.unwrap();
    catalog::delete_team(store, "a", t).await.unwrap();
    // Custom fields: code name rules, external_key is built in, 64 characters at most.
    assert_eq!(
        field_of(
            catalog::create_custom_field(store, "a", "external_key", "X", true)
                .await
                .unwrap_err()
        ),
        "code_name"
    );
    assert_eq!(
        field_of(
            catalog::create_custom_field(store, "a", &"a".repeat(65), "X", true)
                .await
                .unwrap_err()
        ),
        "code_name"
    );
    assert_eq!(
        field_of(
            catalog::create_custom_field(store, "a", "Ticket", "X", true)
                .await
                .unwrap_err()
        ),
        "code_name"
    );
    catalog::create_custom_field(store, "a", "ticket_id", "Ticket", true)
        .await
        .unwrap();
    assert_eq!(
        field_of(
            catalog::create_custom_field(store, "a", "ticket_id", "X", true)
                .await
                .unwrap_err()
        ),
        "code_name"
    );
}
