//! The languages page: a disabled language or a new default applies to the next session at
//! once, and the default language cannot be disabled.

use crate::common::reps::start_json;
use crate::common::TestServer;
use crate::{assert_field_error, control_of, Browser};

fn languages_form<'a>(enabled: &[&'a str], default: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut v: Vec<(&str, &str)> = enabled.iter().map(|c| ("enabled", *c)).collect();
    v.push(("default", default));
    v
}

#[tokio::test]
async fn a_language_disabled_on_the_page_is_no_longer_used() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let (_, body) = start_json(&server, &[("locale", "de")]).await;
    assert_eq!(body["locale"], "de");
    let all: Vec<&str> = beckon::domain::locale::LOCALES
        .iter()
        .map(|l| l.code)
        .collect();
    let without_de: Vec<&str> = all.iter().copied().filter(|c| *c != "de").collect();
    let page = "/login/languages";
    let r = admin
        .submit(page, page, &languages_form(&without_de, "en-us"))
        .await;
    assert_eq!(r.location, "/login/languages?languages=1");
    let (_, body) = start_json(&server, &[("locale", "de")]).await;
    assert_eq!(body["locale"], "en-us");
    let shown = admin.get(page).await.body;
    assert!(!control_of(&shown, "enabled-de").contains("checked"));
    assert!(control_of(&shown, "default-en-us").contains("checked"));

    // Disabling the default language is refused beside its box, and nothing changes.
    let without_en: Vec<&str> = all.iter().copied().filter(|c| *c != "en-us").collect();
    let r = admin
        .submit(page, page, &languages_form(&without_en, "en-us"))
        .await;
    assert_field_error(&r, "enabled-en-us", "default language");
    // So is choosing a new default while leaving it disabled.
    let r = admin
        .submit(page, page, &languages_form(&without_de, "de"))
        .await;
    assert_field_error(&r, "enabled-de", "default language");
    let langs = server.store.languages().await.unwrap();
    assert!(langs
        .iter()
        .any(|l| l.locale.code() == "en-us" && l.enabled && l.is_default));
    assert!(langs.iter().any(|l| l.locale.code() == "de" && !l.enabled));
    // A new default takes effect at once.
    let r = admin
        .submit(page, page, &languages_form(&without_de, "fr"))
        .await;
    assert_eq!(r.status, 303);
    let (_, body) = start_json(&server, &[]).await;
    assert_eq!(body["locale"], "fr");
}
