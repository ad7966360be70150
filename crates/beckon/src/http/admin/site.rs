//! Localization > Languages, and the public site's settings.

use super::forms::{form_errors, see_other, AdminPage, FormData, FormErrors, Posted, SummaryItem};
use crate::domain::admin::{invalid, site, AdminError};
use crate::domain::catalog::Language;
use crate::domain::locale::Locale;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

#[derive(Serialize)]
struct LangRow {
    code: &'static str,
    bcp47: &'static str,
    english_name: &'static str,
    native_name: &'static str,
    enabled: bool,
    is_default: bool,
}

fn languages_page(
    page: &AdminPage,
    status: StatusCode,
    rows: Vec<LangRow>,
    fe: FormErrors,
) -> Response {
    page.render_status(
        status,
        "admin/languages.html",
        context! { section => "languages", languages => rows, fe => fe },
    )
}

fn rows_of(
    langs: &[Language],
    enabled: impl Fn(&Language) -> bool,
    default: impl Fn(&Language) -> bool,
) -> Vec<LangRow> {
    langs
        .iter()
        .map(|l| {
            let info = l.locale.info();
            LangRow {
                code: info.code,
                bcp47: l.locale.bcp47(),
                english_name: info.english_name,
                native_name: info.native_name,
                enabled: enabled(l),
                is_default: default(l),
            }
        })
        .collect()
}

/// `GET /login/languages`.
pub async fn languages(page: AdminPage) -> Response {
    match page.store().languages().await {
        Ok(langs) => {
            let rows = rows_of(&langs, |l| l.enabled, |l| l.is_default);
            languages_page(&page, StatusCode::OK, rows, FormErrors::default())
        }
        Err(e) => page.error(e.into()),
    }
}

/// An error beside one language's "enabled" box.
fn language_error(locale: Locale, message: &str) -> FormErrors {
    let key = format!("enabled-{}", locale.code());
    let message = super::forms::capitalize(message);
    FormErrors {
        summary: vec![SummaryItem {
            href: format!("#f-{key}"),
            text: message.clone(),
        }],
        fields: [(key, message)].into_iter().collect(),
        refused: None,
    }
}

/// Applies the posted languages: the default first, then each change. Disabling the default
/// language is refused before any change: by the domain when the default stays, here when a
/// newly chosen default is left unchecked.
async fn apply(page: &AdminPage, langs: &[Language], f: &FormData) -> Result<(), AdminError> {
    let (store, actor) = (page.store(), page.actor());
    let wanted: Vec<String> = f.all("enabled");
    let default = Locale::parse(f.get("default"))
        .ok_or_else(|| invalid("default", "choose the default language"))?;
    let on = |l: Locale| wanted.iter().any(|w| w == l.code());
    let current_default = langs.iter().find(|l| l.is_default).map(|l| l.locale);
    if !on(default) {
        if current_default == Some(default) {
            // The domain states the rule (and refuses).
            return site::set_language(store, &actor, default, false).await;
        }
        return Err(invalid(
            "enabled",
            format!(
                "{} is chosen as the default language, so it must stay enabled",
                default.info().english_name
            ),
        ));
    }
    if current_default != Some(default) {
        site::set_default_language(store, &actor, default).await?;
    }
    for l in langs {
        let want = on(l.locale) || l.locale == default;
        if want != l.enabled && l.locale != default {
            site::set_language(store, &actor, l.locale, want).await?;
        }
    }
    Ok(())
}

/// `POST /login/languages`.
pub async fn save_languages(page: AdminPage, Posted(f): Posted) -> Response {
    let langs = match page.store().languages().await {
        Ok(l) => l,
        Err(e) => return page.error(e.into()),
    };
    let fe = match apply(&page, &langs, &f).await {
        Ok(()) => return see_other("/login/languages?languages=1"),
        Err(AdminError::Invalid {
            field: "enabled",
            message,
        }) => match Locale::parse(f.get("default")) {
            Some(default) => language_error(default, &message),
            None => FormErrors::field("default", &message),
        },
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => fe,
            Err(r) => return *r,
        },
    };
    let wanted = f.all("enabled");
    let default = f.get("default").to_string();
    let rows = rows_of(
        &langs,
        |l| wanted.iter().any(|w| w == l.locale.code()),
        |l| l.locale.code() == default,
    );
    languages_page(&page, StatusCode::UNPROCESSABLE_ENTITY, rows, fe)
}

/// What the site form shows: numbers as typed.
#[derive(Serialize)]
struct Shown {
    site_name: String,
    allowed_origins: String,
    session_key_max_lifetime_secs: String,
    customer_connect_timeout_secs: String,
    client_ticket_ttl_secs: String,
    portal_issue_menu: bool,
    app_store_url_ios: String,
    app_store_url_android: String,
}

fn site_page(page: &AdminPage, status: StatusCode, s: &Shown, fe: FormErrors) -> Response {
    page.render_status(
        status,
        "admin/site.html",
        context! {
            section => "site",
            s => s,
            public_url => page.state.settings.public_url.as_str(),
            fe => fe,
        },
    )
}

/// `GET /login/site`.
pub async fn site_form(page: AdminPage) -> Response {
    match site::site_settings(page.store()).await {
        Ok(s) => {
            let shown = Shown {
                site_name: s.site_name,
                allowed_origins: s.allowed_origins,
                session_key_max_lifetime_secs: s.session_key_max_lifetime_secs.to_string(),
                customer_connect_timeout_secs: s.customer_connect_timeout_secs.to_string(),
                client_ticket_ttl_secs: s.client_ticket_ttl_secs.to_string(),
                portal_issue_menu: s.portal_issue_menu,
                app_store_url_ios: s.app_store_url_ios,
                app_store_url_android: s.app_store_url_android,
            };
            site_page(&page, StatusCode::OK, &shown, FormErrors::default())
        }
        Err(e) => page.error(e),
    }
}

fn settings_of(f: &FormData) -> Result<site::SiteSettings, AdminError> {
    let number = |name: &'static str| -> Result<i64, AdminError> {
        f.number(name)?
            .ok_or_else(|| invalid(name, "this field is required"))
    };
    Ok(site::SiteSettings {
        site_name: f.get("site_name").into(),
        allowed_origins: f.get("allowed_origins").into(),
        session_key_max_lifetime_secs: number("session_key_max_lifetime_secs")?,
        customer_connect_timeout_secs: number("customer_connect_timeout_secs")?,
        // Optional: a form from before this setting keeps the default.
        client_ticket_ttl_secs: f
            .number("client_ticket_ttl_secs")?
            .unwrap_or(crate::domain::settings::DEFAULT_CLIENT_TICKET_TTL_SECS),
        portal_issue_menu: f.checked("portal_issue_menu"),
        app_store_url_ios: f.get("app_store_url_ios").into(),
        app_store_url_android: f.get("app_store_url_android").into(),
    })
}

/// `POST /login/site`.
pub async fn save_site(page: AdminPage, Posted(f): Posted) -> Response {
    let r = match settings_of(&f) {
        Ok(s) => site::save_site_settings(page.store(), &page.actor(), &s).await,
        Err(e) => Err(e),
    };
    match r {
        Ok(()) => see_other("/login/site?saved=1"),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => {
                let shown = Shown {
                    site_name: f.get("site_name").into(),
                    allowed_origins: f.get("allowed_origins").into(),
                    session_key_max_lifetime_secs: f.get("session_key_max_lifetime_secs").into(),
                    customer_connect_timeout_secs: f.get("customer_connect_timeout_secs").into(),
                    client_ticket_ttl_secs: f.get("client_ticket_ttl_secs").into(),
                    portal_issue_menu: f.checked("portal_issue_menu"),
                    app_store_url_ios: f.get("app_store_url_ios").into(),
                    app_store_url_android: f.get("app_store_url_android").into(),
                };
                site_page(&page, StatusCode::UNPROCESSABLE_ENTITY, &shown, fe)
            }
            Err(r) => *r,
        },
    }
}
