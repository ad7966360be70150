//! Issue 7, pages: the administration forms under /login over HTTP: who may see them, CSRF,
//! errors beside their fields, the last-administrator rule, secrets shown once, and changes
//! taking effect at once for the session-start API.

mod common;

use beckon::domain::ids::{TeamId, UserId};
use common::reps::*;
use common::*;

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

#[tokio::test]
async fn anonymous_visitors_are_sent_to_sign_in_and_representatives_are_refused() {
    let server = TestServer::start_demo().await;
    let anon = Browser::anonymous(&server);
    for path in ["/login", "/login/users", "/login/audit", "/login/api"] {
        let r = anon.get(path).await;
        assert_eq!(r.status, 303, "{path}");
        assert_eq!(r.location, "/console");
    }
    let r = anon
        .post_raw(
            "/login/skills/new",
            &[("code_name", "x"), ("display_name", "X")],
        )
        .await;
    assert_eq!(r.status, 303);

    let john = Browser::sign_in(&server, "john").await;
    for path in ["/login", "/login/users", "/login/users/30", "/login/audit"] {
        assert_eq!(john.get(path).await.status, 403, "{path}");
    }
    let r = john
        .post_raw(
            "/login/skills/new",
            &[("code_name", "x"), ("display_name", "X")],
        )
        .await;
    assert_eq!(r.status, 403);

    let admin = Browser::sign_in(&server, "demo-admin").await;
    let home = admin.get("/login").await;
    assert_eq!(home.status, 200);
    for link in [
        "/login/users",
        "/login/teams",
        "/login/issues",
        "/login/skills",
        "/login/api",
        "/login/languages",
        "/login/site",
        "/login/events",
        "/login/audit",
    ] {
        assert!(home.body.contains(&format!("href=\"{link}\"")), "{link}");
    }
    assert!(!server
        .store
        .list_skills()
        .await
        .unwrap()
        .iter()
        .any(|s| s.code_name == "x"));
}

#[tokio::test]
async fn posts_without_the_right_csrf_token_are_refused_and_change_nothing() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let page = admin.get("/login/users/new").await;
    assert!(page.body.contains("name=\"csrf\" value=\""));
    let form = [
        ("username", "mallory"),
        ("public_display_name", "Mallory"),
        ("password", "long-enough-1"),
        ("admin", "1"),
    ];
    let r = admin.post_raw("/login/users/new", &form).await;
    assert_eq!(r.status, 403);
    let mut wrong = vec![("csrf", "0123456789abcdef0123456789abcdef")];
    wrong.extend_from_slice(&form);
    let r = admin.post_raw("/login/users/new", &wrong).await;
    assert_eq!(r.status, 403);
    // Another administrator's token does not fit this browser's cookie.
    let other = Browser::sign_in(&server, "demo-admin").await;
    let theirs = csrf_of(&other.get("/login/users/new").await.body);
    assert_ne!(theirs, csrf_of(&page.body));
    let mut forged = vec![("csrf", theirs.as_str())];
    forged.extend_from_slice(&form);
    assert_eq!(
        admin.post_raw("/login/users/new", &forged).await.status,
        403
    );
    // Destructive posts too.
    let r = admin.post_raw("/login/users/12/delete", &[]).await;
    assert_eq!(r.status, 403);
    assert!(server.store.user_by_id(UserId(12)).await.unwrap().is_some());
    assert!(server
        .store
        .user_by_username("mallory")
        .await
        .unwrap()
        .is_none());
    // The form's cookie is scoped to these pages and not readable by scripts.
    let fresh = Browser::sign_in(&server, "demo-admin").await;
    let r = fresh.client.get(server.at("/login")).send().await.unwrap();
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("beckon_csrf="))
        .expect("a CSRF cookie");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/login")
    );
    assert!(r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn users_are_created_edited_reset_disabled_and_deleted_with_errors_beside_fields() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/users/new";
    let base = [
        ("public_display_name", "Ann"),
        ("password", "initial-pass-1"),
        ("support", "1"),
        ("enabled", "1"),
        ("teams", "1"),
        ("skills", "1"),
    ];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut v: Vec<(&str, &str)> = extra.to_vec();
        v.extend(
            base.iter()
                .filter(|(k, _)| !extra.iter().any(|(e, _)| e == k)),
        );
        v
    };
    let r = admin.submit(new, new, &with(&[("username", "john")])).await;
    assert_field_error(&r, "username", "taken");
    assert!(r.body.contains("value=\"john\""), "what was typed stays");
    let r = admin.submit(new, new, &with(&[("username", "a b")])).await;
    assert_field_error(&r, "username", "username");
    let r = admin
        .submit(
            new,
            new,
            &with(&[("username", "ann"), ("email_address", "nope")]),
        )
        .await;
    assert_field_error(&r, "email_address", "e-mail");
    let r = admin
        .submit(
            new,
            new,
            &with(&[("username", "ann"), ("password", "short")]),
        )
        .await;
    assert_field_error(&r, "password", "8 characters");
    let r = admin
        .submit(new, new, &with(&[("username", "ann"), ("teams", "99")]))
        .await;
    assert_field_error(&r, "teams", "no team");

    let r = admin.submit(new, new, &with(&[("username", "ann")])).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/login/users?created=1")
    );
    let list = admin.get(&r.location).await;
    assert!(list.body.contains("role=\"status\"") && list.body.contains(">ann</a>"));
    let ann = store.user_by_username("ann").await.unwrap().unwrap();
    assert!(ann.must_change_password && ann.enabled && !ann.permissions.admin);
    assert_eq!(store.teams_of_user(ann.id).await.unwrap(), vec![TeamId(1)]);
    assert_eq!(store.user_skills(ann.id).await.unwrap(), vec!["skill1"]);

    // Edit: the form shows what is stored; errors stay beside their field.
    let edit = format!("/login/users/{}", ann.id);
    let page = admin.get(&edit).await;
    assert!(page.body.contains("value=\"ann\""));
    assert!(control_of(&page.body, "teams-1").contains("checked"));
    let r = admin
        .submit(
            &edit,
            &edit,
            &[("username", "ann"), ("public_display_name", "")],
        )
        .await;
    assert_field_error(&r, "public_display_name", "required");
    let r = admin
        .submit(
            &edit,
            &edit,
            &[
                ("username", "ann.b"),
                ("public_display_name", "Ann B"),
                ("email_address", "ann@example.com"),
                ("admin", "1"),
                ("teams", "2"),
            ],
        )
        .await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/login/users?saved=1")
    );
    let ann = store.user_by_id(ann.id).await.unwrap().unwrap();
    assert_eq!(ann.username, "ann.b");
    assert!(
        ann.permissions.admin && ann.enabled,
        "editing keeps the account enabled"
    );
    assert_eq!(store.teams_of_user(ann.id).await.unwrap(), vec![TeamId(2)]);
    assert!(store.user_skills(ann.id).await.unwrap().is_empty());

    // Reset password: a confirmation page with the new password.
    let reset = format!("{edit}/password");
    let page = admin.get(&reset).await;
    assert!(page.body.contains("Are you sure"));
    let r = admin.submit(&reset, &reset, &[("password", "short")]).await;
    assert_field_error(&r, "password", "8 characters");
    let r = admin
        .submit(&reset, &reset, &[("password", "another-pass-2")])
        .await;
    assert_eq!(r.location, "/login/users?password=1");
    let ann = store.user_by_id(ann.id).await.unwrap().unwrap();
    assert!(beckon::domain::password::verify(
        "another-pass-2",
        &ann.password_hash
    ));
    assert!(ann.must_change_password);

    // Disable, enable and delete go through confirmations.
    let disable = format!("{edit}/disable");
    assert!(admin.get(&disable).await.body.contains("Are you sure"));
    let r = admin.submit(&disable, &disable, &[]).await;
    assert_eq!(r.location, "/login/users?disabled=1");
    assert!(!store.user_by_id(ann.id).await.unwrap().unwrap().enabled);
    let r = admin.submit(&edit, &format!("{edit}/enable"), &[]).await;
    assert_eq!(r.location, "/login/users?enabled=1");
    assert!(store.user_by_id(ann.id).await.unwrap().unwrap().enabled);
    let delete = format!("{edit}/delete");
    assert!(admin.get(&delete).await.body.contains("Are you sure"));
    let r = admin.submit(&delete, &delete, &[]).await;
    assert_eq!(r.location, "/login/users?deleted=1");
    assert!(store.user_by_id(ann.id).await.unwrap().is_none());
    assert_eq!(admin.get(&edit).await.status, 404);
}

#[tokio::test]
async fn the_last_administrator_rule_is_shown_on_the_page() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    assert_eq!(store.count_enabled_admins().await.unwrap(), 1);
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let edit = "/login/users/30";
    let r = admin
        .submit(
            edit,
            edit,
            &[
                ("username", "demo-admin"),
                ("public_display_name", "Admin"),
                ("support", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("id=\"refused\""));
    assert!(r
        .body
        .contains("The last administrator cannot lose the administrator permission"));
    for action in ["delete", "disable"] {
        let path = format!("{edit}/{action}");
        let r = admin.submit(&path, &path, &[]).await;
        assert_eq!(r.status, 422, "{action}");
        assert!(
            r.body.contains("The last administrator cannot"),
            "{action}: {}",
            r.body
        );
    }
    let me = store.user_by_id(UserId(30)).await.unwrap().unwrap();
    assert!(me.permissions.admin && me.enabled);
}

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

/// The text of the element with this id (up to its first closing tag).
fn text_of(html: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\">");
    html.split(&marker)
        .nth(1)
        .unwrap_or_else(|| panic!("no #{id}"))
        .split('<')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn api_secrets_are_shown_once_and_regeneration_replaces_them() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/api/accounts/new";
    let r = admin
        .submit(
            new,
            new,
            &[("name", "CRM"), ("command_permission", "everything")],
        )
        .await;
    assert_field_error(&r, "command_permission", "read_only");
    let r = admin
        .submit(
            new,
            new,
            &[("name", " "), ("command_permission", "read_only")],
        )
        .await;
    assert_field_error(&r, "name", "required");
    let r = admin
        .submit(
            new,
            new,
            &[
                ("name", "CRM"),
                ("command_permission", "read_only"),
                ("reporting", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    let client_id = text_of(&r.body, "client-id");
    let first = text_of(&r.body, "client-secret");
    assert!(first.len() >= 40, "{first}");
    let account = store
        .api_account_by_client_id(&client_id)
        .await
        .unwrap()
        .unwrap();
    assert!(beckon::domain::password::verify(
        &first,
        &account.secret_hash
    ));
    assert!(account.reporting);
    // Never shown again.
    let page = format!("/login/api/accounts/{}", account.id);
    for path in [page.as_str(), "/login/api", "/login/audit"] {
        let body = admin.get(path).await.body;
        assert!(body.contains(&client_id), "{path} names the account");
        assert!(!body.contains(&first), "{path} must not show the secret");
    }
    // Regenerate: a confirmation, then the new secret, once.
    let regen = format!("{page}/regenerate");
    assert!(admin.get(&regen).await.body.contains("Are you sure"));
    let r = admin.submit(&regen, &regen, &[]).await;
    assert_eq!(r.status, 200);
    let second = text_of(&r.body, "client-secret");
    assert_ne!(first, second);
    let now = store
        .api_account_by_client_id(&client_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.secret_generation, account.secret_generation + 1);
    assert!(!beckon::domain::password::verify(&first, &now.secret_hash));
    assert!(beckon::domain::password::verify(&second, &now.secret_hash));
    assert!(!admin.get(&page).await.body.contains(&second));
    // Edit and delete.
    let r = admin
        .submit(
            &page,
            &page,
            &[("name", "CRM 2"), ("command_permission", "full")],
        )
        .await;
    assert_eq!(r.location, "/login/api?saved=1");
    let now = store.list_api_accounts().await.unwrap();
    assert_eq!(now[0].name, "CRM 2");
    assert!(
        !now[0].enabled && !now[0].reporting,
        "unchecked boxes switch off"
    );
    let del = format!("{page}/delete");
    assert!(admin.get(&del).await.body.contains("Are you sure"));
    assert_eq!(
        admin.submit(&del, &del, &[]).await.location,
        "/login/api?deleted=1"
    );
    assert!(store.list_api_accounts().await.unwrap().is_empty());

    // The API switch: stored as a site setting, audited.
    assert!(control_of(&admin.get("/login/api").await.body, "api_enabled").contains("checked"));
    let r = admin.submit("/login/api", "/login/api/settings", &[]).await;
    assert_eq!(r.location, "/login/api?api=1");
    assert_eq!(
        store.setting("api_enabled").await.unwrap().as_deref(),
        Some("0")
    );
    assert!(!control_of(&admin.get("/login/api").await.body, "api_enabled").contains("checked"));
    let audit = store.search_audit("api_enabled", 5).await.unwrap();
    assert_eq!(audit[0].before.as_ref().unwrap(), "1");
    assert_eq!(audit[0].after.as_ref().unwrap(), "0");
    admin
        .submit("/login/api", "/login/api/settings", &[("api_enabled", "1")])
        .await;
    assert_eq!(
        store.setting("api_enabled").await.unwrap().as_deref(),
        Some("1")
    );
}

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

#[tokio::test]
async fn a_custom_field_created_on_the_page_is_accepted_at_once() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/api/fields/new";
    for (code, why) in [("external_key", "built in"), ("Order", "code name")] {
        let r = admin
            .submit(new, new, &[("code_name", code), ("display_name", "Order")])
            .await;
        assert_field_error(&r, "code_name", why);
    }
    let r = admin
        .submit(
            new,
            new,
            &[("code_name", "custom_field1"), ("display_name", "X")],
        )
        .await;
    assert_field_error(&r, "code_name", "taken");
    let r = admin
        .submit(
            new,
            new,
            &[
                ("code_name", "order_no"),
                ("display_name", "Order number"),
                ("shown_to_reps", "1"),
            ],
        )
        .await;
    assert_eq!(r.location, "/login/api?created=1");
    let (status, body) = start_json(&server, &[("session.custom.order_no", "A-7")]).await;
    assert_eq!(status, 200, "{body}");
    let s = server
        .store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.attributes["order_no"], "A-7");
    // Edit (the code name is fixed) and delete.
    let field = server
        .store
        .list_custom_fields()
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.code_name == "order_no")
        .unwrap();
    let edit = format!("/login/api/fields/{}", field.id);
    let r = admin
        .submit(
            &edit,
            &edit,
            &[("code_name", "renamed"), ("display_name", "Order")],
        )
        .await;
    assert_eq!(r.location, "/login/api?saved=1");
    let f = server.store.list_custom_fields().await.unwrap();
    let f = f.iter().find(|f| f.id == field.id).unwrap();
    assert_eq!((f.code_name.as_str(), f.shown_to_reps), ("order_no", false));
    let del = format!("{edit}/delete");
    assert!(admin.get(&del).await.body.contains("Are you sure"));
    assert_eq!(
        admin.submit(&del, &del, &[]).await.location,
        "/login/api?deleted=1"
    );
}

#[tokio::test]
async fn site_settings_and_event_endpoints_validate_beside_their_fields() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let page = "/login/site";
    let shown = admin.get(page).await.body;
    let public = &server.state.settings.public_url;
    let host = format!("{}:{}", public.host_str().unwrap(), public.port().unwrap());
    assert!(shown.contains(&format!("<code id=\"public-url\">http:&#x2f;&#x2f;{host}")));
    assert!(shown.contains("server configuration"));
    let form = |origins: &'static str, lifetime: &'static str| {
        vec![
            ("site_name", "Acme support"),
            ("allowed_origins", origins),
            ("session_key_max_lifetime_secs", lifetime),
            ("customer_connect_timeout_secs", "900"),
            ("app_store_url_ios", ""),
            ("app_store_url_android", ""),
        ]
    };
    let r = admin.submit(page, page, &form("ftp://x", "7200")).await;
    assert_field_error(&r, "allowed_origins", "ftp://x");
    assert!(
        r.body.contains("ftp:&#x2f;&#x2f;x</textarea>"),
        "what was typed stays"
    );
    let r = admin.submit(page, page, &form("*", "10")).await;
    assert_field_error(&r, "session_key_max_lifetime_secs", "between");
    let r = admin.submit(page, page, &form("*", "lots")).await;
    assert_field_error(&r, "session_key_max_lifetime_secs", "whole number");
    let r = admin
        .submit(
            page,
            page,
            &form("https://shop.example.com\nhttp://127.0.0.1:9999", "300"),
        )
        .await;
    assert_eq!(r.location, "/login/site?saved=1");
    let s = beckon::domain::admin::site::site_settings(store)
        .await
        .unwrap();
    assert_eq!(s.site_name, "Acme support");
    assert_eq!(s.session_key_max_lifetime_secs, 300);
    assert!(
        !s.portal_issue_menu,
        "an unchecked box switches the menu off"
    );

    let new = "/login/events/new";
    let ep = |url: &'static str, events: &[&'static str], secret: &'static str| {
        let mut v = vec![("url", url), ("secret", secret)];
        v.extend(events.iter().map(|e| ("events", *e)));
        v
    };
    let secret = "0123456789abcdef";
    let r = admin
        .submit(
            new,
            new,
            &ep("javascript:alert(1)", &["support_conference_end"], secret),
        )
        .await;
    assert_field_error(&r, "url", "http");
    let r = admin
        .submit(new, new, &ep("https://hooks.example.com/x", &[], secret))
        .await;
    assert_field_error(&r, "events", "at least one");
    let r = admin
        .submit(
            new,
            new,
            &ep(
                "https://hooks.example.com/x",
                &["support_conference_end"],
                "short",
            ),
        )
        .await;
    assert_field_error(&r, "secret", "16 to 256");
    let r = admin
        .submit(
            new,
            new,
            &ep(
                "https://hooks.example.com/x",
                &["support_conference_begin", "support_conference_end"],
                secret,
            ),
        )
        .await;
    assert_eq!(r.location, "/login/events?created=1");
    let e = store.list_endpoints().await.unwrap().remove(0);
    assert_eq!(e.events.len(), 2);
    let edit = format!("/login/events/{}", e.id);
    let body = admin.get(&edit).await.body;
    assert!(!body.contains(secret), "the secret is write-only");
    // A blank secret keeps the old one.
    let r = admin
        .submit(
            &edit,
            &edit,
            &[
                ("url", "https://hooks.example.com/y"),
                ("events", "support_conference_transferred"),
                ("secret", ""),
            ],
        )
        .await;
    assert_eq!(r.location, "/login/events?saved=1");
    let now = store.list_endpoints().await.unwrap().remove(0);
    assert_eq!(now.url, "https://hooks.example.com/y");
    assert_eq!(now.secret, secret);
    assert!(!now.enabled);
    let del = format!("{edit}/delete");
    assert!(admin.get(&del).await.body.contains("Are you sure"));
    assert_eq!(
        admin.submit(&del, &del, &[]).await.location,
        "/login/events?deleted=1"
    );
    assert!(store.list_endpoints().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_audit_log_shows_who_when_and_before_after_escaped() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/skills/new";
    let evil = "<img src=x onerror=alert(1)>";
    let r = admin
        .submit(
            new,
            new,
            &[("code_name", "printing"), ("display_name", evil)],
        )
        .await;
    assert_eq!(r.status, 303);
    let skills = admin.get("/login/skills").await.body;
    assert!(!skills.contains(evil) && skills.contains("&lt;img src=x"));
    let id = server
        .store
        .list_skills()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.code_name == "printing")
        .unwrap()
        .id;
    let edit = format!("/login/skills/{id}");
    admin
        .submit(&edit, &edit, &[("display_name", "Printers")])
        .await;

    let log = admin.get("/login/audit?q=skill.").await;
    assert_eq!(log.status, 200);
    let body = log.body;
    assert!(!body.contains(evil), "no raw HTML from the log");
    let update = body.find("skill.update").expect("the update");
    let create = body.find("skill.create").expect("the create");
    assert!(update < create, "newest first");
    let entry = &body[update - 300..create];
    assert!(entry.contains("user:demo-admin"));
    assert!(entry.contains(" UTC</time>"));
    assert!(entry.contains(&format!("skill:{id}")));
    assert!(entry.contains("Before") && entry.contains("After"));
    assert!(entry.contains("&quot;display_name&quot;: &quot;&lt;img src=x"));
    assert!(entry.contains("&quot;display_name&quot;: &quot;Printers&quot;"));
    // The filter narrows the list.
    let other = admin.get("/login/audit?q=team.").await.body;
    assert!(!other.contains("skill.update"));
    let q = admin.get("/login/audit?q=%3Cscript%3E").await.body;
    assert!(!q.contains("<script>") && q.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn the_home_page_shows_who_is_signed_in() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let body = admin.get("/login").await.body;
    assert!(body.contains("Nobody is signed in"));
    let john = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    john.available().await;
    let body = admin.get("/login").await.body;
    assert!(body.contains("John (demo)"), "{body}");
    assert!(body.contains("(john)") && body.contains("Available"));
}
