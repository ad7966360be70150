//! The committed OpenAPI document matches the one generated from the code.
//! Regenerate with `BECKON_UPDATE_OPENAPI=1 cargo test -p beckon --test openapi`.

mod common;

#[test]
fn committed_openapi_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.json");
    let generated = beckon::http::api::openapi::document();
    if std::env::var("BECKON_UPDATE_OPENAPI").as_deref() == Ok("1") {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "docs/openapi.json is stale: run BECKON_UPDATE_OPENAPI=1 cargo test -p beckon --test openapi");
    let v: serde_json::Value = serde_json::from_str(&generated).unwrap();
    for p in [
        "/oauth2/token",
        "/api/command/v2",
        "/api/config/v1/{kind}",
        "/api/config/v1/{kind}/{id}",
        "/api/start_session",
    ] {
        assert!(v["paths"].get(p).is_some(), "missing {p}");
    }
}

#[tokio::test]
async fn the_document_is_served() {
    let server = common::TestServer::start().await;
    let r = server.get("/api/openapi.json").await;
    assert_eq!(r.status(), 200);
    let v: serde_json::Value = r.json().await.unwrap();
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
}
