//! `beckon admin ...`: user and API-account management from the shell.
//!
//! These write to the same database as a running server (SQLite in WAL mode allows it), so an
//! operator can create an account without stopping the site. Every change is audited.

use super::serve::open_store;
use anyhow::{anyhow, bail, Context, Result};
use beckon::config::{self, CommonArgs};
use beckon::domain::api_account::{self, CommandPermission, NewApiAccount};
use beckon::domain::audit::NewAuditEntry;
use beckon::domain::password;
use beckon::domain::people::{self, NewUser, Permissions};
use beckon::domain::time::now_ms;
use beckon::store::Store;
use clap::Subcommand;
use std::io::Read;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Create a user; the password is read from standard input.
    CreateUser {
        #[arg(long)]
        username: String,
        /// Public display name (what customers see).
        #[arg(long)]
        display_name: String,
        /// Private display name (what colleagues see). Default: the public one.
        #[arg(long)]
        private_display_name: Option<String>,
        /// Give the administrator permission.
        #[arg(long)]
        admin: bool,
        /// Add to a support team (by code name); repeatable.
        #[arg(long = "team", value_name = "CODE")]
        teams: Vec<String>,
        /// Give a skill (by code name); repeatable.
        #[arg(long = "skill", value_name = "CODE")]
        skills: Vec<String>,
    },
    /// Set a user's password, read from standard input.
    SetPassword {
        #[arg(long)]
        username: String,
    },
    /// List users.
    ListUsers {
        #[arg(long)]
        json: bool,
    },
    /// Create an API account and print its client id and secret (shown once).
    CreateApiAccount {
        #[arg(long)]
        name: String,
        /// Command API permission: full, read_only or none.
        #[arg(long, value_name = "full|read_only|none")]
        command: String,
        /// Allow the reporting API.
        #[arg(long)]
        reporting: bool,
        #[arg(long)]
        json: bool,
    },
}

fn read_password() -> Result<String> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .context("cannot read the password from standard input")?;
    let pw = input.trim_end_matches(['\n', '\r']).to_string();
    people::validate_password(&pw).map_err(|e| anyhow!("{e}"))?;
    Ok(pw)
}

async fn hash(pw: String) -> Result<String> {
    Ok(tokio::task::spawn_blocking(move || password::hash(&pw)).await?)
}

async fn audit(
    store: &dyn Store,
    action: &str,
    target: &str,
    after: serde_json::Value,
) -> Result<()> {
    store
        .append_audit(NewAuditEntry {
            at: now_ms(),
            actor: "cli".into(),
            action: action.into(),
            target: target.into(),
            before: None,
            after: Some(after),
        })
        .await?;
    Ok(())
}

pub async fn run(common: CommonArgs, cmd: AdminCommand) -> Result<ExitCode> {
    let loaded = config::load_file(&common)?;
    let store = open_store(&config::data_dir(&common, &loaded.file)).await?;
    let store: &dyn Store = &store;
    match cmd {
        AdminCommand::CreateUser {
            username,
            display_name,
            private_display_name,
            admin,
            teams,
            skills,
        } => {
            people::validate_username(&username).map_err(|e| anyhow!("--username: {e}"))?;
            people::validate_display_name(&display_name)
                .map_err(|e| anyhow!("--display-name: {e}"))?;
            let mut team_ids = Vec::new();
            for code in &teams {
                let team = store
                    .team_by_code(code)
                    .await?
                    .ok_or_else(|| anyhow!("no support team with code name `{code}`"))?;
                team_ids.push(team.id);
            }
            let all_skills = store.list_skills().await?;
            let mut skill_ids = Vec::new();
            for code in &skills {
                let skill = all_skills
                    .iter()
                    .find(|s| &s.code_name == code)
                    .ok_or_else(|| anyhow!("no skill with code name `{code}`"))?;
                skill_ids.push(skill.id);
            }
            if store.user_by_username(&username).await?.is_some() {
                bail!("a user named `{username}` already exists");
            }
            let pw = read_password()?;
            let user = store
                .create_user(NewUser {
                    id: None,
                    username: username.clone(),
                    password_hash: hash(pw).await?,
                    private_display_name: private_display_name
                        .unwrap_or_else(|| display_name.clone()),
                    public_display_name: display_name,
                    permissions: if admin {
                        Permissions::ADMINISTRATOR
                    } else {
                        Permissions::REPRESENTATIVE
                    },
                    enabled: true,
                    must_change_password: false,
                })
                .await?;
            for t in team_ids {
                store.add_team_member(t, user.id).await?;
            }
            store.set_user_skills(user.id, &skill_ids).await?;
            audit(
                store,
                "user.create",
                &format!("user:{}", user.id),
                serde_json::json!({
                    "username": user.username, "admin": admin, "teams": teams, "skills": skills,
                }),
            )
            .await?;
            println!("created user {} with id {}", user.username, user.id);
        }
        AdminCommand::SetPassword { username } => {
            let user = store
                .user_by_username(&username)
                .await?
                .ok_or_else(|| anyhow!("no user named `{username}`"))?;
            let pw = read_password()?;
            store.set_password(user.id, &hash(pw).await?, false).await?;
            audit(
                store,
                "user.set_password",
                &format!("user:{}", user.id),
                serde_json::json!({}),
            )
            .await?;
            println!("password of {} changed", user.username);
        }
        AdminCommand::ListUsers { json } => {
            let users = store.list_users().await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&users)?);
            } else {
                println!(
                    "{:>5}  {:<24} {:<24} {:<6} {:<8}",
                    "ID", "USERNAME", "PUBLIC NAME", "ADMIN", "ENABLED"
                );
                for u in users {
                    println!(
                        "{:>5}  {:<24} {:<24} {:<6} {:<8}",
                        u.id.0, u.username, u.public_display_name, u.permissions.admin, u.enabled
                    );
                }
            }
        }
        AdminCommand::CreateApiAccount {
            name,
            command,
            reporting,
            json,
        } => {
            let permission = CommandPermission::parse(&command).ok_or_else(|| {
                anyhow!("--command must be full, read_only or none, not `{command}`")
            })?;
            if name.trim().is_empty() || name.chars().count() > 100 {
                bail!("--name must be 1 to 100 characters");
            }
            let (client_id, secret) = api_account::generate_credentials();
            let account = store
                .create_api_account(NewApiAccount {
                    name: name.clone(),
                    client_id: client_id.clone(),
                    secret_hash: hash(secret.clone()).await?,
                    command_permission: permission,
                    reporting,
                })
                .await?;
            audit(store, "api_account.create", &format!("api_account:{}", account.id), serde_json::json!({
                "name": name, "client_id": client_id, "command": permission.as_str(), "reporting": reporting,
            }))
            .await?;
            if json {
                println!(
                    "{}",
                    serde_json::json!({ "client_id": client_id, "client_secret": secret })
                );
            } else {
                println!("client id:     {client_id}");
                println!("client secret: {secret}");
                println!("(the secret is shown once; store it now)");
            }
        }
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
