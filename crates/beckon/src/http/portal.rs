//! The public portal at `/`: a session-key form and, when an administrator enables it, the
//! issue menu. Server-rendered and complete without JavaScript.

use crate::app::AppState;
use crate::domain::locale::Locale;
use crate::domain::settings;
use crate::domain::start::resolve_locale;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct PortalQuery {
    locale: Option<String>,
}

pub async fn portal(
    State(state): State<AppState>,
    Query(q): Query<PortalQuery>,
    headers: HeaderMap,
) -> Response {
    let store = state.store.as_ref();
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let locale = resolve_locale(store, q.locale.as_deref(), accept)
        .await
        .unwrap_or_else(|_| Locale::default_locale());
    let show_issues = settings::portal_issue_menu(store).await.unwrap_or(false);
    let issues = if show_issues {
        store.list_issues().await.unwrap_or_default()
    } else {
        Vec::new()
    };
    let languages: Vec<minijinja::Value> = store
        .languages()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|l| l.enabled)
        .map(|l| minijinja::context! { code => l.locale.code(), bcp47 => l.locale.bcp47(), name => l.locale.info().native_name })
        .collect();
    let t = |id: &str| state.i18n.text(locale, id, &[]);
    let ctx = minijinja::context! {
        lang => locale.bcp47(),
        locale => locale.code(),
        title => t("portal-title"),
        issues => issues,
        languages => languages,
        t => minijinja::context! {
            title => t("portal-title"), key_heading => t("portal-key-heading"), key_label => t("portal-key-label"),
            key_hint => t("portal-key-hint"), key_submit => t("portal-key-submit"), issue_heading => t("portal-issue-heading"),
            issue_label => t("portal-issue-label"), name_label => t("portal-name-label"), company_label => t("portal-company-label"),
            details_label => t("portal-details-label"), issue_submit => t("portal-issue-submit"), language_label => t("portal-language-label"),
        },
    };
    match state.templates.render("portal.html", ctx) {
        Ok(html) => (
            StatusCode::OK,
            [
                (header::CONTENT_SECURITY_POLICY, "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (header::REFERRER_POLICY, "same-origin"),
            ],
            Html(html),
        )
            .into_response(),
        Err(e) => super::error::HttpError::from(e).into_response(),
    }
}
