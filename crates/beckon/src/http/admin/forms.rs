//! Posted forms: the extractor that checks the CSRF token, the posted fields (checkbox groups
//! included), and the errors shown beside their fields with a summary linking to them.

use super::admin_headers;
pub use super::page::{capitalize, internal, see_other, AdminPage};
use crate::app::AppState;
use crate::domain::admin::AdminError;
use crate::http::csrf;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;
use std::collections::BTreeMap;

/// A posted form whose CSRF token matched its cookie; anything else is answered 403.
pub struct Posted(pub FormData);

impl FromRequest<AppState> for Posted {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let headers = req.headers().clone();
        let axum::Form(pairs) = axum::Form::<Vec<(String, String)>>::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let data = FormData(pairs);
        if !csrf::verify(&headers, data.get("csrf")) {
            return Err((
                StatusCode::FORBIDDEN,
                admin_headers(),
                Html(
                    "<!DOCTYPE html><html lang=\"en\"><title>Form expired</title>\
                     <p>The form expired or did not come from this site. \
                     <a href=\"/login\">Go back to the administration pages</a> and try again.</p>",
                ),
            )
                .into_response());
        }
        Ok(Posted(data))
    }
}

/// Posted fields, with repeated names (checkbox groups) kept.
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    /// The first value of a field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// A checkbox: present means checked.
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }

    /// Ids from a checkbox group; a value that is not a number becomes an id that matches
    /// nothing, so that the domain names the field at fault.
    pub fn ids(&self, name: &str) -> Vec<i64> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().parse().unwrap_or(-1))
            .collect()
    }

    /// A whole number; `Err` carries a message for the field.
    pub fn number(&self, name: &'static str) -> Result<Option<i64>, AdminError> {
        let v = self.get(name).trim();
        if v.is_empty() {
            return Ok(None);
        }
        v.parse()
            .map(Some)
            .map_err(|_| crate::domain::admin::invalid(name, "enter a whole number"))
    }
}

/// One line of the error summary: a link to the field at fault.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryItem {
    pub href: String,
    pub text: String,
}

/// What went wrong with a posted form: messages beside fields, the summary linking to them,
/// and a refusal that belongs to no field (the last-administrator rule).
#[derive(Debug, Clone, Default, Serialize)]
pub struct FormErrors {
    pub fields: BTreeMap<String, String>,
    pub summary: Vec<SummaryItem>,
    pub refused: Option<String>,
}

impl FormErrors {
    pub fn field(field: &str, message: &str) -> FormErrors {
        let message = capitalize(message);
        FormErrors {
            summary: vec![SummaryItem {
                href: format!("#f-{field}"),
                text: format!("{}: {message}", label_of(field)),
            }],
            fields: [(field.to_string(), message)].into_iter().collect(),
            refused: None,
        }
    }

    pub fn refused(message: &str) -> FormErrors {
        FormErrors {
            refused: Some(capitalize(message)),
            ..Default::default()
        }
    }
}

/// What a failed change means for its form page: errors to show with the form again, or an
/// answer of its own (not found, failure).
pub fn form_errors(page: &AdminPage, e: AdminError) -> Result<FormErrors, Box<Response>> {
    match e {
        AdminError::Invalid { field, message } => Ok(FormErrors::field(field, &message)),
        AdminError::Refused(m) => Ok(FormErrors::refused(&m)),
        other => Err(Box::new(page.error(other))),
    }
}

/// The labels the error summary names fields by (the forms show the same words).
fn label_of(field: &str) -> &'static str {
    match field {
        "username" => "Username",
        "public_display_name" => "Public display name",
        "private_display_name" => "Private display name",
        "email_address" => "Email address",
        "password" => "Password",
        "teams" => "Teams",
        "skills" => "Skills",
        "name" => "Name",
        "code_name" => "Code name",
        "comments" => "Comments",
        "routing_mode" => "Routing mode",
        "alert_timeout_secs" => "Alert timeout",
        "unavailable_message" => "Message when nobody is available",
        "members" => "Members",
        "description" => "Description",
        "team_id" => "Team",
        "position" => "Position",
        "display_name" => "Display name",
        "command_permission" => "Command API permission",
        "url" => "URL",
        "events" => "Events",
        "secret" => "Shared secret",
        "site_name" => "Site name",
        "allowed_origins" => "Allowed origins",
        "session_key_max_lifetime_secs" => "Longest session key lifetime",
        "customer_connect_timeout_secs" => "Customer connection timeout",
        "client_ticket_ttl_secs" => "Client download lifetime",
        "app_store_url_ios" => "App Store address (iOS)",
        "app_store_url_android" => "Play Store address (Android)",
        "default" => "Default language",
        _ => "This field",
    }
}

/// Form options for a select or a checkbox group; values are strings so templates compare
/// them with what was posted.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl ToString, label: impl Into<String>) -> Choice {
        Choice {
            value: value.to_string(),
            label: label.into(),
        }
    }
}

/// Stringified ids, for `checked` tests in templates.
pub fn strings<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

/// A time for people: UTC, to the second.
pub fn utc(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let f = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");
    t.format(&f).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_utc() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
    }

    #[test]
    fn field_errors_link_to_their_field() {
        let e = FormErrors::field("username", "this username is taken");
        assert_eq!(e.fields["username"], "This username is taken");
        assert_eq!(e.summary[0].href, "#f-username");
        assert_eq!(e.summary[0].text, "Username: This username is taken");
    }
}
