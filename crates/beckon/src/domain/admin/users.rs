//! Users & Security: creating, editing, disabling and deleting users, and password resets.

use super::{audit, invalid, text, AdminError, AdminResult};
use crate::domain::ids::{SkillId, TeamId, UserId};
use crate::domain::password;
use crate::domain::people::{self, NewUser, Permissions, User};
use crate::store::{Store, UserUpdate};
use serde::{Deserialize, Serialize};

/// A user as an administrator edits it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct UserForm {
    pub username: String,
    pub public_display_name: String,
    #[serde(default)]
    pub private_display_name: String,
    #[serde(default)]
    pub email_address: String,
    #[serde(default)]
    pub admin: bool,
    #[serde(default = "yes")]
    pub support: bool,
    #[serde(default = "yes")]
    pub generate_keys: bool,
    #[serde(default)]
    pub command_api: bool,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default)]
    pub teams: Vec<i64>,
    #[serde(default)]
    pub skills: Vec<i64>,
}

fn yes() -> bool {
    true
}

/// What an administrator sees of a user (never the hash), with teams and skills.
#[derive(Debug, Clone, Serialize)]
pub struct UserDetails {
    #[serde(flatten)]
    pub user: User,
    pub teams: Vec<TeamId>,
    pub skills: Vec<String>,
}

pub async fn details(store: &dyn Store, id: UserId) -> AdminResult<UserDetails> {
    let user = store
        .user_by_id(id)
        .await?
        .ok_or(AdminError::NotFound("user"))?;
    Ok(UserDetails {
        teams: store.teams_of_user(id).await?,
        skills: store.user_skills(id).await?,
        user,
    })
}

struct Checked {
    update: UserUpdate,
    teams: Vec<TeamId>,
    skills: Vec<SkillId>,
}

async fn check(store: &dyn Store, f: &UserForm) -> AdminResult<Checked> {
    let username = f.username.trim().to_string();
    people::validate_username(&username).map_err(|m| invalid("username", m))?;
    let public = text("public_display_name", &f.public_display_name, 100, true)?;
    let private = match text("private_display_name", &f.private_display_name, 100, false)? {
        p if p.is_empty() => public.clone(),
        p => p,
    };
    let email = text("email_address", &f.email_address, 254, false)?;
    if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
        return Err(invalid("email_address", "not an e-mail address"));
    }
    let all_teams = store.list_teams().await?;
    let mut teams = Vec::new();
    for t in &f.teams {
        let team = all_teams
            .iter()
            .find(|x| x.id.0 == *t)
            .ok_or_else(|| invalid("teams", format!("no team with id {t}")))?;
        teams.push(team.id);
    }
    let all_skills = store.list_skills().await?;
    let mut skills = Vec::new();
    for s in &f.skills {
        let skill = all_skills
            .iter()
            .find(|x| x.id.0 == *s)
            .ok_or_else(|| invalid("skills", format!("no skill with id {s}")))?;
        skills.push(skill.id);
    }
    Ok(Checked {
        update: UserUpdate {
            username,
            public_display_name: public,
            private_display_name: private,
            email_address: email,
            permissions: Permissions {
                admin: f.admin,
                support: f.support,
                generate_keys: f.generate_keys,
                command_api: f.command_api,
            },
            enabled: f.enabled,
        },
        teams,
        skills,
    })
}

async fn hash(pw: &str) -> AdminResult<String> {
    let pw = pw.to_string();
    tokio::task::spawn_blocking(move || password::hash(&pw))
        .await
        .map_err(|e| AdminError::Refused(format!("hashing failed: {e}")))
}

/// Creates a user with an initial password that they must change at first sign-in.
pub async fn create(
    store: &dyn Store,
    actor: &str,
    f: &UserForm,
    initial_password: &str,
) -> AdminResult<UserDetails> {
    let c = check(store, f).await?;
    people::validate_password(initial_password).map_err(|m| invalid("password", m))?;
    if store.user_by_username(&c.update.username).await?.is_some() {
        return Err(invalid("username", "this username is taken"));
    }
    let user = store
        .create_user(NewUser {
            id: None,
            username: c.update.username.clone(),
            password_hash: hash(initial_password).await?,
            public_display_name: c.update.public_display_name.clone(),
            private_display_name: c.update.private_display_name.clone(),
            permissions: c.update.permissions,
            enabled: c.update.enabled,
            must_change_password: true,
        })
        .await?;
    store.update_user(user.id, c.update).await?;
    store.set_user_teams(user.id, &c.teams).await?;
    store.set_user_skills(user.id, &c.skills).await?;
    let after = details(store, user.id).await?;
    audit(
        store,
        actor,
        "user.create",
        format!("user:{}", user.id),
        None::<&()>,
        Some(&after),
    )
    .await?;
    Ok(after)
}

/// Whether a change would leave the site without an enabled administrator.
async fn removes_last_admin(
    store: &dyn Store,
    before: &User,
    admin_after: bool,
) -> AdminResult<bool> {
    let was_active_admin = before.permissions.admin && before.enabled;
    Ok(was_active_admin && !admin_after && store.count_enabled_admins().await? <= 1)
}

pub async fn update(
    store: &dyn Store,
    actor: &str,
    id: UserId,
    f: &UserForm,
) -> AdminResult<UserDetails> {
    let before = details(store, id).await?;
    let c = check(store, f).await?;
    if let Some(other) = store.user_by_username(&c.update.username).await? {
        if other.id != id {
            return Err(invalid("username", "this username is taken"));
        }
    }
    let admin_after = c.update.permissions.admin && c.update.enabled;
    if removes_last_admin(store, &before.user, admin_after).await? {
        return Err(AdminError::Refused(
            "the last administrator cannot lose the administrator permission or be disabled".into(),
        ));
    }
    store.update_user(id, c.update).await?;
    store.set_user_teams(id, &c.teams).await?;
    store.set_user_skills(id, &c.skills).await?;
    if !f.enabled {
        // A disabled user is signed out of routing at once.
        store.clear_presence(id).await?;
    }
    let after = details(store, id).await?;
    audit(
        store,
        actor,
        "user.update",
        format!("user:{id}"),
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(after)
}

pub async fn delete(store: &dyn Store, actor: &str, id: UserId) -> AdminResult<()> {
    let before = details(store, id).await?;
    if removes_last_admin(store, &before.user, false).await? {
        return Err(AdminError::Refused(
            "the last administrator cannot be deleted".into(),
        ));
    }
    store.delete_user(id).await?;
    audit(
        store,
        actor,
        "user.delete",
        format!("user:{id}"),
        Some(&before),
        None::<&()>,
    )
    .await
}

/// Sets a new password that the user must change at their next sign-in.
pub async fn reset_password(
    store: &dyn Store,
    actor: &str,
    id: UserId,
    new_password: &str,
) -> AdminResult<()> {
    people::validate_password(new_password).map_err(|m| invalid("password", m))?;
    store
        .user_by_id(id)
        .await?
        .ok_or(AdminError::NotFound("user"))?;
    store
        .set_password(id, &hash(new_password).await?, true)
        .await?;
    audit(
        store,
        actor,
        "user.reset_password",
        format!("user:{id}"),
        None::<&()>,
        None::<&()>,
    )
    .await
}
