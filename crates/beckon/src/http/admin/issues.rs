//! Support issues: list, create, edit and delete with confirmation.

use super::forms::{form_errors, see_other, AdminPage, Choice, FormData, FormErrors, Posted};
use crate::domain::admin::catalog::{self, IssueForm};
use crate::domain::admin::AdminError;
use crate::domain::ids::IssueId;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

#[derive(Serialize)]
struct Row {
    id: i64,
    code_name: String,
    description: String,
    team: String,
    skills: String,
    position: i64,
}

/// `GET /login/issues`.
pub async fn list(page: AdminPage) -> Response {
    let store = page.store();
    let (issues, teams) = match (store.list_issues().await, store.list_teams().await) {
        (Ok(i), Ok(t)) => (i, t),
        (Err(e), _) | (_, Err(e)) => return page.error(e.into()),
    };
    let rows: Vec<Row> = issues
        .into_iter()
        .map(|i| Row {
            id: i.id.0,
            team: teams
                .iter()
                .find(|t| t.id == i.team_id)
                .map_or_else(|| i.team_id.to_string(), |t| t.name.clone()),
            code_name: i.code_name,
            description: i.description,
            skills: i.skills.join(", "),
            position: i.position,
        })
        .collect();
    page.render(
        "admin/issues.html",
        context! { section => "issues", issues => rows },
    )
}

/// What the form shows: the posted texts as typed.
#[derive(Serialize, Default)]
struct Shown {
    code_name: String,
    description: String,
    team_id: String,
    skills: String,
    position: String,
}

fn shown_of(f: &FormData) -> Shown {
    Shown {
        code_name: f.get("code_name").into(),
        description: f.get("description").into(),
        team_id: f.get("team_id").into(),
        skills: f.get("skills").into(),
        position: f.get("position").into(),
    }
}

/// Skills are a comma-separated list of code names, most important first.
fn form_of(f: &FormData) -> Result<IssueForm, AdminError> {
    Ok(IssueForm {
        code_name: f.get("code_name").to_string(),
        description: f.get("description").to_string(),
        team_id: f.get("team_id").trim().parse().unwrap_or(0),
        skills: f
            .get("skills")
            .split([',', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        position: f.number("position")?.unwrap_or(0),
    })
}

async fn form_page(
    page: &AdminPage,
    status: StatusCode,
    id: Option<i64>,
    shown: &Shown,
    fe: FormErrors,
) -> Response {
    let store = page.store();
    let (teams, skills) = match (store.list_teams().await, store.list_skills().await) {
        (Ok(t), Ok(s)) => (t, s),
        (Err(e), _) | (_, Err(e)) => return page.error(e.into()),
    };
    let mut teams: Vec<Choice> = teams
        .iter()
        .map(|t| Choice::new(t.id, t.name.clone()))
        .collect();
    teams.insert(0, Choice::new("", "Choose a team"));
    let skills: Vec<String> = skills.into_iter().map(|s| s.code_name).collect();
    page.render_status(
        status,
        "admin/issue_form.html",
        context! {
            section => "issues",
            id => id,
            i => shown,
            teams => teams,
            known_skills => skills.join(", "),
            fe => fe,
        },
    )
}

/// `GET /login/issues/new`.
pub async fn new_form(page: AdminPage) -> Response {
    let shown = Shown {
        position: "0".into(),
        ..Default::default()
    };
    form_page(&page, StatusCode::OK, None, &shown, FormErrors::default()).await
}

/// `GET /login/issues/{id}`.
pub async fn edit_form(page: AdminPage, Path(id): Path<i64>) -> Response {
    let issue = match page.store().issue_by_id(IssueId(id)).await {
        Ok(Some(i)) => i,
        Ok(None) => return page.not_found("the issue"),
        Err(e) => return page.error(e.into()),
    };
    let shown = Shown {
        code_name: issue.code_name,
        description: issue.description,
        team_id: issue.team_id.to_string(),
        skills: issue.skills.join(", "),
        position: issue.position.to_string(),
    };
    form_page(
        &page,
        StatusCode::OK,
        Some(id),
        &shown,
        FormErrors::default(),
    )
    .await
}

async fn save(page: AdminPage, id: Option<i64>, f: FormData) -> Response {
    let (store, actor) = (page.store(), page.actor());
    let result = match (form_of(&f), id) {
        (Err(e), _) => Err(e),
        (Ok(form), None) => catalog::create_issue(store, &actor, &form)
            .await
            .map(|_| ()),
        (Ok(form), Some(id)) => catalog::update_issue(store, &actor, IssueId(id), &form).await,
    };
    match result {
        Ok(()) => see_other(if id.is_some() {
            "/login/issues?saved=1"
        } else {
            "/login/issues?created=1"
        }),
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => {
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                form_page(&page, status, id, &shown_of(&f), fe).await
            }
            Err(r) => *r,
        },
    }
}

/// `POST /login/issues/new`.
pub async fn create(page: AdminPage, Posted(f): Posted) -> Response {
    save(page, None, f).await
}

/// `POST /login/issues/{id}`.
pub async fn update(page: AdminPage, Path(id): Path<i64>, Posted(f): Posted) -> Response {
    save(page, Some(id), f).await
}

/// `GET /login/issues/{id}/delete`.
pub async fn delete_confirm(page: AdminPage, Path(id): Path<i64>) -> Response {
    let issue = match page.store().issue_by_id(IssueId(id)).await {
        Ok(Some(i)) => i,
        Ok(None) => return page.not_found("the issue"),
        Err(e) => return page.error(e.into()),
    };
    page.render(
        "admin/confirm.html",
        context! {
            section => "issues",
            title => format!("Delete the issue {}?", issue.code_name),
            question => format!("Are you sure you want to delete the issue “{}” ({})? Customers can no longer choose it. This cannot be undone.", issue.description, issue.code_name),
            confirm_label => "Delete issue",
            action => format!("/login/issues/{id}/delete"),
            cancel => format!("/login/issues/{id}"),
        },
    )
}

/// `POST /login/issues/{id}/delete`.
pub async fn delete(page: AdminPage, Path(id): Path<i64>, Posted(_): Posted) -> Response {
    match catalog::delete_issue(page.store(), &page.actor(), IssueId(id)).await {
        Ok(()) => see_other("/login/issues?deleted=1"),
        Err(e) => page.error(e),
    }
}
