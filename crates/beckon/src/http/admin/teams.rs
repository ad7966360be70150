//! Support teams: list, create, edit (members, routing, queue) and delete with confirmation.

use super::forms::{
    form_errors, see_other, strings, AdminPage, Choice, FormData, FormErrors, Posted,
};
use crate::domain::admin::catalog::{self, TeamForm};
use crate::domain::admin::AdminError;
use crate::domain::capabilities::team;
use crate::domain::catalog::RoutingMode;
use crate::domain::ids::TeamId;
use crate::protocol::Capability;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

pub const ROUTING_MODES: [(RoutingMode, &str); 3] = [
    (
        RoutingMode::None,
        "None: representatives pick sessions from the queue",
    ),
    (
        RoutingMode::LeastBusy,
        "Least busy: offer to the representative with the fewest sessions",
    ),
    (
        RoutingMode::SkillsThenLeastBusy,
        "Skills, then least busy: offer to a representative with the session's skills",
    ),
];

fn mode_label(m: RoutingMode) -> &'static str {
    ROUTING_MODES
        .iter()
        .find(|(x, _)| *x == m)
        .map_or("", |(_, l)| l.split(':').next().unwrap_or(""))
}

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    code_name: String,
    routing: &'static str,
    members: usize,
    persistent_queue: bool,
}

/// `GET /login/teams`.
pub async fn list(page: AdminPage) -> Response {
    let store = page.store();
    let teams = match store.list_teams().await {
        Ok(t) => t,
        Err(e) => return page.error(e.into()),
    };
    let mut rows = Vec::new();
    for t in teams {
        let members = match store.team_members(t.id).await {
            Ok(m) => m.len(),
            Err(e) => return page.error(e.into()),
        };
        rows.push(Row {
            id: t.id.0,
            name: t.name,
            code_name: t.code_name,
            routing: mode_label(t.routing_mode),
            members,
            persistent_queue: t.persistent_queue,
        });
    }
    page.render(
        "admin/teams.html",
        context! { section => "teams", teams => rows },
    )
}

/// The form as posted, but for the timeout (see `save`).
fn form_of(f: &FormData) -> TeamForm {
    TeamForm {
        name: f.get("name").to_string(),
        code_name: f.get("code_name").to_string(),
        comments: f.get("comments").to_string(),
        routing_mode: f.get("routing_mode").to_string(),
        alert_timeout_secs: None,
        persistent_queue: f.checked("persistent_queue"),
        unavailable_message: f.get("unavailable_message").to_string(),
        members: f.ids("members"),
        // Unchecked boxes are not posted: the form's list is what is checked, maybe nothing.
        capabilities: Some(f.all("capabilities")),
    }
}

async fn form_page(
    page: &AdminPage,
    status: StatusCode,
    id: Option<i64>,
    form: &TeamForm,
    alert_text: String,
    fe: FormErrors,
) -> Response {
    let users = match page.store().list_users().await {
        Ok(u) => u,
        Err(e) => return page.error(e.into()),
    };
    let users: Vec<Choice> = users
        .iter()
        .map(|u| Choice::new(u.id, format!("{} ({})", u.private_display_name, u.username)))
        .collect();
    let modes: Vec<Choice> = ROUTING_MODES
        .iter()
        .map(|(m, l)| Choice::new(m.as_str(), *l))
        .collect();
    page.render_status(
        status,
        "admin/team_form.html",
        context! {
            section => "teams",
            id => id,
            t => form,
            alert => alert_text,
            users => users,
            modes => modes,
            sel_members => strings(&form.members),
            capabilities => capability_choices(),
            sel_capabilities => form.capabilities.clone().unwrap_or_default(),
            fe => fe,
        },
    )
}

/// `GET /login/teams/new`.
pub async fn new_form(page: AdminPage) -> Response {
    let form = TeamForm {
        routing_mode: "least_busy".into(),
        persistent_queue: true,
        capabilities: Some(strings(&capability_names(&team::DEFAULT))),
        ..Default::default()
    };
    form_page(
        &page,
        StatusCode::OK,
        None,
        &form,
        "60".into(),
        FormErrors::default(),
    )
    .await
}

/// `GET /login/teams/{id}`.
pub async fn edit_form(page: AdminPage, Path(id): Path<i64>) -> Response {
    let store = page.store();
    let team = match store.team_by_id(TeamId(id)).await {
        Ok(Some(t)) => t,
        Ok(None) => return page.not_found("the team"),
        Err(e) => return page.error(e.into()),
    };
    let members = match store.team_members(team.id).await {
        Ok(m) => m,
        Err(e) => return page.error(e.into()),
    };
    let form = TeamForm {
        name: team.name,
        code_name: team.code_name,
        comments: team.comments,
        routing_mode: team.routing_mode.as_str().into(),
        alert_timeout_secs: Some(team.alert_timeout_secs),
        persistent_queue: team.persistent_queue,
        unavailable_message: team.unavailable_message,
        members: members.iter().map(|m| m.0).collect(),
        capabilities: Some(strings(&capability_names(&team.capabilities))),
    };
    let alert = team.alert_timeout_secs.to_string();
    form_page(
        &page,
        StatusCode::OK,
        Some(id),
        &form,
        alert,
        FormErrors::default(),
    )
    .await
}

/// `POST /login/teams/new` and `POST /login/teams/{id}`.
async fn save(page: AdminPage, id: Option<i64>, f: FormData) -> Response {
    let alert = f.get("alert_timeout_secs").to_string();
    let mut form = form_of(&f);
    // A timeout that is not a number is reported beside its field.
    let result = match f.number("alert_timeout_secs") {
        Ok(n) => {
            form.alert_timeout_secs = n;
            let (store, actor) = (page.store(), page.actor());
            match id {
                None => catalog::create_team(store, &actor, &form).await.map(|_| ()),
                Some(id) => catalog::update_team(store, &actor, TeamId(id), &form).await,
            }
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(if id.is_some() {
            "/login/teams?saved=1"
        } else {
            "/login/teams?created=1"
        }),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => {
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                form_page(&page, status, id, &form, alert, fe).await
            }
            Err(r) => *r,
        },
    }
}

pub async fn create(page: AdminPage, Posted(f): Posted) -> Response {
    save(page, None, f).await
}

pub async fn update(page: AdminPage, Path(id): Path<i64>, Posted(f): Posted) -> Response {
    save(page, Some(id), f).await
}

fn confirm_page(
    page: &AdminPage,
    status: StatusCode,
    id: i64,
    name: &str,
    fe: FormErrors,
) -> Response {
    page.render_status(
        status,
        "admin/confirm.html",
        context! {
            section => "teams",
            title => format!("Delete the team {name}?"),
            question => format!("Are you sure you want to delete the support team {name}? Its members stay; sessions in its queue are no longer routed. This cannot be undone."),
            detail => "A team that still has issues cannot be deleted: move or delete its issues first.",
            confirm_label => "Delete team",
            action => format!("/login/teams/{id}/delete"),
            cancel => format!("/login/teams/{id}"),
            fe => fe,
        },
    )
}

async fn team_name(page: &AdminPage, id: i64) -> Result<String, Response> {
    match page.store().team_by_id(TeamId(id)).await {
        Ok(Some(t)) => Ok(t.name),
        Ok(None) => Err(page.not_found("the team")),
        Err(e) => Err(page.error(e.into())),
    }
}

/// `GET /login/teams/{id}/delete`.
pub async fn delete_confirm(page: AdminPage, Path(id): Path<i64>) -> Response {
    match team_name(&page, id).await {
        Ok(name) => confirm_page(&page, StatusCode::OK, id, &name, FormErrors::default()),
        Err(r) => r,
    }
}

/// `POST /login/teams/{id}/delete`.
pub async fn delete(page: AdminPage, Path(id): Path<i64>, Posted(_): Posted) -> Response {
    let name = match team_name(&page, id).await {
        Ok(n) => n,
        Err(r) => return r,
    };
    match catalog::delete_team(page.store(), &page.actor(), TeamId(id)).await {
        Ok(()) => see_other("/login/teams?deleted=1"),
        Err(AdminError::Refused(_)) => {
            let fe =
                FormErrors::refused("this team still has issues; move or delete its issues first");
            confirm_page(&page, StatusCode::CONFLICT, id, &name, fe)
        }
        Err(e) => page.error(e),
    }
}

fn capability_names(caps: &[Capability]) -> Vec<&'static str> {
    caps.iter().map(|c| c.as_str()).collect()
}

/// The checkboxes of the form, one per capability the consent model knows, saying which
/// ones this version cannot carry out yet.
fn capability_choices() -> Vec<Choice> {
    Capability::ALL
        .iter()
        .map(|c| {
            let label = match c {
                Capability::SystemInfo => "System information",
                Capability::Shell => "Command shell",
                Capability::ScreenView => "Screen view",
                Capability::FileTransfer => "File transfer (each file also asks the customer)",
            };
            Choice::new(c.as_str(), label)
        })
        .collect()
}
