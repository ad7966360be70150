//! Data a server creates for itself: the first administrator, and the demo data that makes
//! every example of the reference work as written.

use crate::domain::catalog::{NewIssue, NewTeam, RoutingMode};
use crate::domain::ids::{IssueId, TeamId, UserId};
use crate::domain::locale::Locale;
use crate::domain::password;
use crate::domain::people::{NewUser, Permissions};
use crate::domain::session::StartType;
use crate::domain::session_key::NewSessionKey;
use crate::domain::time::now_ms;
use crate::store::{Store, StoreResult};

/// A password the caller must show to the operator exactly once.
#[derive(Debug)]
pub struct GeneratedSecret {
    pub who: String,
    pub password: String,
}

async fn hash_blocking(secret: String) -> String {
    tokio::task::spawn_blocking(move || password::hash(&secret))
        .await
        .expect("hashing task does not panic")
}

/// Creates `admin` when the site has no user at all. The password comes from
/// `admin_password` (BECKON_ADMIN_PASSWORD) or is random and returned for printing once.
pub async fn ensure_first_admin(
    store: &dyn Store,
    admin_password: Option<String>,
) -> StoreResult<Option<GeneratedSecret>> {
    if store.count_users().await? > 0 {
        return Ok(None);
    }
    let (pw, generated) = match admin_password {
        Some(p) => (p, false),
        None => (password::random_password(), true),
    };
    store
        .create_user(NewUser {
            id: None,
            username: "admin".into(),
            password_hash: hash_blocking(pw.clone()).await,
            public_display_name: "Administrator".into(),
            private_display_name: "Administrator".into(),
            permissions: Permissions::ADMINISTRATOR,
            enabled: true,
            must_change_password: generated,
        })
        .await?;
    Ok(generated.then(|| GeneratedSecret {
        who: "admin".into(),
        password: pw,
    }))
}

/// The demo representatives: (id, username, public display name, admin?).
pub const DEMO_REPS: [(i64, &str, &str, bool); 2] = [
    (30, "demo-admin", "Admin", true),
    (12, "john", "John", false),
];

/// The session keys the reference's examples use, with the start type each example uses.
pub const DEMO_KEYS: [(&str, StartType); 4] = [
    ("1728331", StartType::Full),
    ("8679485", StartType::Full),
    ("8347482", StartType::Chat),
    ("7683902", StartType::Chat),
];

/// How long demo keys live: long enough for a demo that runs for weeks.
const DEMO_KEY_LIFETIME_MS: i64 = 30 * 24 * 3600 * 1000;

/// Seeds the demo data; running it again changes nothing but re-arming used or expired demo
/// keys and setting the demo passwords. Returns the demo password when it was generated.
pub async fn seed_demo(
    store: &dyn Store,
    demo_password: Option<String>,
) -> StoreResult<Option<GeneratedSecret>> {
    let skills = store.list_skills().await?;
    let mut skill_ids = Vec::new();
    for (i, code) in ["skill1", "skill2"].iter().enumerate() {
        let id = match skills.iter().find(|s| s.code_name == *code) {
            Some(s) => s.id,
            None => {
                store
                    .create_skill(None, code, &format!("Skill {}", i + 1))
                    .await?
                    .id
            }
        };
        skill_ids.push(id);
    }

    let teams = [
        (
            1,
            "General Support",
            "general_support",
            RoutingMode::LeastBusy,
        ),
        (
            2,
            "Technical Support",
            "technical_support",
            RoutingMode::SkillsThenLeastBusy,
        ),
    ];
    for (id, name, code, mode) in teams {
        if store.team_by_code(code).await?.is_none() {
            store
                .create_team(NewTeam {
                    id: Some(TeamId(id)),
                    name: name.into(),
                    code_name: code.into(),
                    comments: "Demo team".into(),
                    routing_mode: mode,
                    alert_timeout_secs: 60,
                    persistent_queue: true,
                    unavailable_message: String::new(),
                    // The demo shows every capability this version has; a new team of a real
                    // site starts with `team::DEFAULT`, and an administrator adds files.
                    capabilities: crate::domain::capabilities::team::DEMO.to_vec(),
                })
                .await?;
        }
    }
    let general = store
        .team_by_code("general_support")
        .await?
        .map(|t| t.id)
        .unwrap_or(TeamId(1));
    let technical = store
        .team_by_code("technical_support")
        .await?
        .map(|t| t.id)
        .unwrap_or(TeamId(2));

    let (pw, generated) = match demo_password {
        Some(p) => (p, false),
        None => (password::random_password(), true),
    };
    let hash = hash_blocking(pw.clone()).await;
    for (id, username, display, admin) in DEMO_REPS {
        let user_id = match store.user_by_id(UserId(id)).await? {
            Some(u) => u.id,
            None => {
                let permissions = if admin {
                    Permissions::ADMINISTRATOR
                } else {
                    Permissions::REPRESENTATIVE
                };
                store
                    .create_user(NewUser {
                        id: Some(UserId(id)),
                        username: username.into(),
                        password_hash: hash.clone(),
                        public_display_name: display.into(),
                        private_display_name: format!("{display} (demo)"),
                        permissions,
                        enabled: true,
                        must_change_password: false,
                    })
                    .await?
                    .id
            }
        };
        store.set_password(user_id, &hash, false).await?;
        store.add_team_member(general, user_id).await?;
        store.add_team_member(technical, user_id).await?;
        store.set_user_skills(user_id, &skill_ids).await?;
    }

    let issues = [
        (12, "printing", "My printer does not print", general, vec![]),
        (
            13,
            "Other",
            "Something else",
            technical,
            vec!["skill1".to_string()],
        ),
    ];
    for (id, code, description, team, skills) in issues {
        if store.issue_by_id(IssueId(id)).await?.is_none()
            && store.issue_by_code(code).await?.is_none()
        {
            store
                .create_issue(NewIssue {
                    id: Some(IssueId(id)),
                    code_name: code.into(),
                    description: description.into(),
                    team_id: team,
                    skills,
                    position: id,
                })
                .await?;
        }
    }

    let fields = store.list_custom_fields().await?;
    for (code, display) in [
        ("custom_field1", "Custom Field 1"),
        ("custom_field2", "Custom Field 2"),
    ] {
        if !fields.iter().any(|f| f.code_name == code) {
            store.create_custom_field(code, display, true).await?;
        }
    }

    for locale in Locale::all() {
        store.set_language(locale, true).await?;
    }
    // The demo shows the portal's issue menu.
    store
        .set_setting(crate::domain::settings::PORTAL_ISSUE_MENU, "1")
        .await?;

    let now = now_ms();
    for (digits, start_type) in DEMO_KEYS {
        let live = store
            .session_key_by_digits(digits)
            .await?
            .is_some_and(|k| k.problem(now).is_none());
        if !live {
            store
                .create_session_key(NewSessionKey {
                    short_key: digits.into(),
                    rep_id: Some(UserId(DEMO_REPS[0].0)),
                    target: crate::domain::session_key::KeyTarget::Rep(UserId(DEMO_REPS[0].0)),
                    start_type,
                    external_key: String::new(),
                    attributes: Default::default(),
                    created_at: now,
                    expires_at: now + DEMO_KEY_LIFETIME_MS,
                })
                .await?;
        }
    }
    Ok(generated.then(|| GeneratedSecret {
        who: "demo representatives".into(),
        password: pw,
    }))
}
