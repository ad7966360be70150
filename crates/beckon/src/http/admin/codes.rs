//! Skills and custom fields: both a code name (fixed once created) and a display name; custom
//! fields also say whether representatives see them. Custom fields are listed on the API page.

use super::forms::{form_errors, see_other, AdminPage, FormData, FormErrors, Posted};
use crate::domain::admin::{catalog, AdminError};
use crate::domain::ids::{CustomFieldId, SkillId};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

#[derive(Clone, Copy)]
pub enum Kind {
    Skill,
    Field,
}

impl Kind {
    fn base(self) -> &'static str {
        match self {
            Kind::Skill => "/login/skills",
            Kind::Field => "/login/api/fields",
        }
    }
    fn back(self) -> &'static str {
        match self {
            Kind::Skill => "/login/skills",
            Kind::Field => "/login/api",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            Kind::Skill => "skill",
            Kind::Field => "custom field",
        }
    }
    fn section(self) -> &'static str {
        match self {
            Kind::Skill => "skills",
            Kind::Field => "api",
        }
    }
}

/// One skill or custom field as the pages show it.
#[derive(Serialize, Default, Clone)]
pub struct Item {
    pub id: i64,
    pub code_name: String,
    pub display_name: String,
    pub shown_to_reps: bool,
}

pub async fn items(page: &AdminPage, kind: Kind) -> Result<Vec<Item>, Response> {
    let store = page.store();
    let r = match kind {
        Kind::Skill => store.list_skills().await.map(|v| {
            v.into_iter()
                .map(|s| Item {
                    id: s.id.0,
                    code_name: s.code_name,
                    display_name: s.display_name,
                    shown_to_reps: true,
                })
                .collect()
        }),
        Kind::Field => store.list_custom_fields().await.map(|v| {
            v.into_iter()
                .map(|f| Item {
                    id: f.id.0,
                    code_name: f.code_name,
                    display_name: f.display_name,
                    shown_to_reps: f.shown_to_reps,
                })
                .collect()
        }),
    };
    r.map_err(|e| page.error(e.into()))
}

async fn item(page: &AdminPage, kind: Kind, id: i64) -> Result<Item, Response> {
    items(page, kind)
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| page.not_found(&format!("the {}", kind.noun())))
}

/// `GET /login/skills`.
pub async fn skills(page: AdminPage) -> Response {
    match items(&page, Kind::Skill).await {
        Ok(list) => page.render(
            "admin/skills.html",
            context! { section => "skills", skills => list },
        ),
        Err(r) => r,
    }
}

fn form_page(
    page: &AdminPage,
    status: StatusCode,
    kind: Kind,
    id: Option<i64>,
    item: &Item,
    fe: FormErrors,
) -> Response {
    page.render_status(
        status,
        "admin/code_form.html",
        context! {
            section => kind.section(),
            field_kind => matches!(kind, Kind::Field),
            noun => kind.noun(),
            base => kind.base(),
            back => kind.back(),
            id => id,
            c => item,
            fe => fe,
        },
    )
}

pub async fn new_form(page: AdminPage, kind: Kind) -> Response {
    let item = Item {
        shown_to_reps: true,
        ..Default::default()
    };
    form_page(
        &page,
        StatusCode::OK,
        kind,
        None,
        &item,
        FormErrors::default(),
    )
}

pub async fn edit_form(page: AdminPage, kind: Kind, id: i64) -> Response {
    match item(&page, kind, id).await {
        Ok(i) => form_page(
            &page,
            StatusCode::OK,
            kind,
            Some(id),
            &i,
            FormErrors::default(),
        ),
        Err(r) => r,
    }
}

async fn save(page: AdminPage, kind: Kind, id: Option<i64>, f: FormData) -> Response {
    let (store, actor) = (page.store(), page.actor());
    let mut shown = Item {
        id: id.unwrap_or(0),
        code_name: f.get("code_name").into(),
        display_name: f.get("display_name").into(),
        shown_to_reps: f.checked("shown_to_reps"),
    };
    if let Some(id) = id {
        // The code name cannot change: show the stored one.
        match item(&page, kind, id).await {
            Ok(i) => shown.code_name = i.code_name,
            Err(r) => return r,
        }
    }
    let (code, display, on) = (&shown.code_name, &shown.display_name, shown.shown_to_reps);
    let result: Result<(), AdminError> = match (kind, id) {
        (Kind::Skill, None) => catalog::create_skill(store, &actor, code, display)
            .await
            .map(|_| ()),
        (Kind::Skill, Some(id)) => catalog::update_skill(store, &actor, SkillId(id), display).await,
        (Kind::Field, None) => catalog::create_custom_field(store, &actor, code, display, on)
            .await
            .map(|_| ()),
        (Kind::Field, Some(id)) => {
            catalog::update_custom_field(store, &actor, CustomFieldId(id), display, on).await
        }
    };
    match result {
        Ok(()) => {
            let note = if id.is_some() { "saved" } else { "created" };
            see_other(&format!("{}?{note}=1", kind.back()))
        }
        Err(e) => match form_errors(&page, e) {
            Ok(fe) => form_page(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                kind,
                id,
                &shown,
                fe,
            ),
            Err(r) => *r,
        },
    }
}

pub async fn delete_confirm(page: AdminPage, kind: Kind, id: i64) -> Response {
    let i = match item(&page, kind, id).await {
        Ok(i) => i,
        Err(r) => return r,
    };
    let question = match kind {
        Kind::Skill => format!("Are you sure you want to delete the skill {} ({})? Users and issues lose it. This cannot be undone.", i.display_name, i.code_name),
        Kind::Field => format!("Are you sure you want to delete the custom field {} ({})? The session-start API stops accepting session.custom.{}. This cannot be undone.", i.display_name, i.code_name, i.code_name),
    };
    page.render(
        "admin/confirm.html",
        context! {
            section => kind.section(),
            title => format!("Delete the {} {}?", kind.noun(), i.code_name),
            question => question,
            confirm_label => format!("Delete {}", kind.noun()),
            action => format!("{}/{id}/delete", kind.base()),
            cancel => format!("{}/{id}", kind.base()),
        },
    )
}

pub async fn delete(page: AdminPage, kind: Kind, id: i64) -> Response {
    let (store, actor) = (page.store(), page.actor());
    let r = match kind {
        Kind::Skill => catalog::delete_skill(store, &actor, SkillId(id)).await,
        Kind::Field => catalog::delete_custom_field(store, &actor, CustomFieldId(id)).await,
    };
    match r {
        Ok(()) => see_other(&format!("{}?deleted=1", kind.back())),
        Err(e) => page.error(e),
    }
}

/// Route handlers: one set per kind, so that the router stays a flat list.
macro_rules! handlers {
    ($new:ident, $create:ident, $edit:ident, $update:ident, $confirm:ident, $delete:ident, $kind:expr) => {
        pub async fn $new(page: AdminPage) -> Response {
            new_form(page, $kind).await
        }
        pub async fn $create(page: AdminPage, Posted(f): Posted) -> Response {
            save(page, $kind, None, f).await
        }
        pub async fn $edit(page: AdminPage, Path(id): Path<i64>) -> Response {
            edit_form(page, $kind, id).await
        }
        pub async fn $update(page: AdminPage, Path(id): Path<i64>, Posted(f): Posted) -> Response {
            save(page, $kind, Some(id), f).await
        }
        pub async fn $confirm(page: AdminPage, Path(id): Path<i64>) -> Response {
            delete_confirm(page, $kind, id).await
        }
        pub async fn $delete(page: AdminPage, Path(id): Path<i64>, Posted(_): Posted) -> Response {
            delete(page, $kind, id).await
        }
    };
}

handlers!(
    skill_new,
    skill_create,
    skill_edit,
    skill_update,
    skill_confirm,
    skill_delete,
    Kind::Skill
);
handlers!(
    field_new,
    field_create,
    field_edit,
    field_update,
    field_confirm,
    field_delete,
    Kind::Field
);
