//! Issue 7, pages: the administration forms under /login over HTTP: who may see them, CSRF,
//! errors beside their fields, the last-administrator rule, secrets shown once, and changes
//! taking effect at once for the session-start API.
//!
//! One test binary: the browser-like client and the form-error checks live here because every
//! page module below drives the forms through them.

#[path = "../common/mod.rs"]
mod common;

mod access;
mod api;
mod audit;
mod catalog;
mod languages;
mod site;
mod users;

use common::{TestServer, DEMO_PASSWORD};

/// A browser-like client signed in through the console's form, keeping cookies by path.
struct Browser<'a> {
    server: &'a TestServer,
    client: reqwest::Client,
}

struct Answer {
    status: u16,
    location: String,
    body: String,
}

fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_default()
        .to_string()
}

impl<'a> Browser<'a> {
    fn anonymous(server: &'a TestServer) -> Browser<'a> {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser { server, client }
    }

    async fn sign_in(server: &'a TestServer, username: &str) -> Browser<'a> {
        let b = Browser::anonymous(server);
        let form = b.get("/console").await;
        let csrf = csrf_of(&form.body);
        let r = b
            .post_raw(
                "/console/login",
                &[
                    ("username", username),
                    ("password", DEMO_PASSWORD),
                    ("csrf", &csrf),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "sign-in of {username}: {}", r.body);
        b
    }

    async fn answer(r: reqwest::Response) -> Answer {
        Answer {
            status: r.status().as_u16(),
            location: r
                .headers()
                .get("location")
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default(),
            body: r.text().await.unwrap(),
        }
    }

    async fn get(&self, path: &str) -> Answer {
        let r = self.client.get(self.server.at(path)).send().await.unwrap();
        Self::answer(r).await
    }

    async fn post_raw(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        let r = self
            .client
            .post(self.server.at(path))
            .form(form)
            .send()
            .await
            .unwrap();
        Self::answer(r).await
    }

    /// Posts a form with the CSRF token of the page at `page` (as a browser would).
    async fn submit(&self, page: &str, action: &str, form: &[(&str, &str)]) -> Answer {
        let p = self.get(page).await;
        assert_eq!(p.status, 200, "{page}: {}", p.body);
        let csrf = csrf_of(&p.body);
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(form);
        self.post_raw(action, &all).await
    }
}

/// The message shown beside a field (text of its error paragraph).
fn error_of(html: &str, field: &str) -> String {
    let marker = format!("id=\"f-{field}-error\">");
    let rest = html
        .split(&marker)
        .nth(1)
        .unwrap_or_else(|| panic!("no error beside {field} in:\n{html}"));
    let text = rest.split("</p>").next().unwrap();
    unescape(&text.replace("<span class=\"visually-hidden\">Error: </span>", ""))
}

/// Undoes the template engine's HTML escaping (for comparing texts).
fn unescape(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The opening tag of a field's control.
fn control_of<'h>(html: &'h str, field: &str) -> &'h str {
    let marker = format!("id=\"f-{field}\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no control {field}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

fn assert_field_error(a: &Answer, field: &str, contains: &str) {
    assert_eq!(a.status, 422, "{}", a.body);
    let msg = error_of(&a.body, field);
    assert!(
        msg.to_lowercase().contains(&contains.to_lowercase()),
        "{field}: {msg}"
    );
    assert!(
        a.body.contains(&format!("href=\"#f-{field}\"")),
        "the summary links to {field}"
    );
    let control = control_of(&a.body, field);
    if !control.starts_with("<fieldset") {
        assert!(control.contains("aria-invalid=\"true\""), "{control}");
    }
    assert!(
        control.contains(&format!("f-{field}-error")),
        "aria-describedby names the error: {control}"
    );
}
