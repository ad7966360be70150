//! Refused starts: each validation error and field limit answers with its own code and field.

use crate::common::reps::start_json;
use crate::common::TestServer;
use crate::expect_error;

#[tokio::test]
async fn every_validation_error_is_specific() {
    let server = TestServer::start_demo().await;
    expect_error(
        &server,
        &[("short_key", "1728331"), ("id", "30"), ("name", "Admin")],
        400,
        "multiple_selectors",
    )
    .await;
    expect_error(
        &server,
        &[("issue_menu", "1"), ("id", "12"), ("codeName", "Other")],
        400,
        "both_issue_identifiers",
    )
    .await;
    expect_error(&server, &[("id", "30")], 400, "rep_needs_id_and_name").await;
    let b = expect_error(
        &server,
        &[("id", "thirty"), ("name", "Admin")],
        400,
        "not_an_integer",
    )
    .await;
    assert_eq!(b["error"]["field"], "id");
    expect_error(
        &server,
        &[("id", "999"), ("name", "Nobody")],
        404,
        "unknown_rep",
    )
    .await;
    expect_error(
        &server,
        &[("id", "30"), ("name", "John")],
        404,
        "unknown_rep",
    )
    .await;
    expect_error(
        &server,
        &[("id", "30"), ("name", "Admin")],
        409,
        "rep_not_available",
    )
    .await;
    expect_error(
        &server,
        &[("issue_menu", "1"), ("id", "777")],
        404,
        "unknown_issue",
    )
    .await;
    expect_error(&server, &[("codeName", "nope")], 404, "unknown_issue").await;
    expect_error(
        &server,
        &[("short_key", "12ab")],
        400,
        "malformed_session_key",
    )
    .await;
    expect_error(
        &server,
        &[("short_key", "0000000")],
        404,
        "unknown_session_key",
    )
    .await;
    expect_error(&server, &[("c2cjs", "perhaps")], 400, "invalid_value").await;
}

#[tokio::test]
async fn field_limits_name_the_field() {
    let server = TestServer::start_demo().await;
    let long = "x".repeat(101);
    let b = expect_error(&server, &[("customer.name", &long)], 400, "too_long").await;
    assert_eq!(b["error"]["field"], "customer.name");
    assert!(b["error"]["message"].as_str().unwrap().contains("100"));
    for f in ["customer.company", "customer.company_code"] {
        let b = expect_error(&server, &[(f, &long)], 400, "too_long").await;
        assert_eq!(b["error"]["field"], f);
    }
    assert_eq!(
        start_json(&server, &[("customer.name", &"x".repeat(100))])
            .await
            .0,
        200
    );
    let b = expect_error(
        &server,
        &[("customer.details", &"é".repeat(513))],
        400,
        "too_long",
    )
    .await;
    assert_eq!(b["error"]["field"], "customer.details");
    assert_eq!(
        start_json(&server, &[("customer.details", &"é".repeat(512))])
            .await
            .0,
        200
    );
    let b = expect_error(
        &server,
        &[("session.custom.custom_field1", &"v".repeat(1025))],
        400,
        "too_long",
    )
    .await;
    assert_eq!(b["error"]["field"], "session.custom.custom_field1");
    // Together under 10 KB: with many configured fields, 11 values of 1000 bytes are too many.
    for i in 3..=12 {
        server
            .store
            .create_custom_field(&format!("custom_field{i}"), "F", true)
            .await
            .unwrap();
    }
    let values: Vec<(String, String)> = (1..=11)
        .map(|i| (format!("session.custom.custom_field{i}"), "v".repeat(1000)))
        .collect();
    let params: Vec<(&str, &str)> = values
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    expect_error(&server, &params, 400, "custom_fields_too_large").await;
    // An unconfigured field is ignored whatever its size (the body limit still bounds it).
    assert_eq!(
        start_json(
            &server,
            &[("session.custom.unknown_field", &"v".repeat(5000))]
        )
        .await
        .0,
        200
    );
}
