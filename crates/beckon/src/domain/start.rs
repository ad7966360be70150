//! Turning a parsed start request into a support session in the right queue.

use super::ids::{IssueId, Lsid, UserId};
use super::locale::Locale;
use super::people::PresenceStatus;
use super::session::{Customer, NewSession, Queue, StartMethod, StartType, SupportSession};
use super::session_key::{self, KeyProblem, KeyTarget};
use super::start_error::StartError;
use super::start_request::{checked_custom_fields, Selector, StartRequest};
use super::time::Millis;
use super::{settings, time};
use crate::store::{Store, StoreError};

/// Wrong session keys allowed from one address per window before it must wait.
pub const KEY_FAILURE_LIMIT: i64 = 10;
/// The window of the key-failure count (10 minutes).
pub const KEY_FAILURE_WINDOW_MS: Millis = 10 * 60 * 1000;

/// What the request itself does not say: where it came from.
#[derive(Debug, Clone, Default)]
pub struct StartContext {
    pub client_ip: String,
    pub page_url: String,
    pub accept_language: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Started {
    pub session: SupportSession,
    /// The customer's secret for their chat page or client (only its hash is stored).
    pub customer_token: String,
    /// Set when nobody who could take the session is logged in but it stays queued: the
    /// text to show the customer (a team's own, or empty for the built-in one).
    pub nobody_available: Option<String>,
}

fn internal(e: StoreError) -> StartError {
    tracing::error!(error = %e, "store error while starting a session");
    StartError::Internal
}

/// The customer's language: the requested one if enabled, else the browser's preferred
/// enabled one, else the site default.
pub async fn resolve_locale(
    store: &dyn Store,
    requested: Option<&str>,
    accept_language: Option<&str>,
) -> Result<Locale, StoreError> {
    let languages = store.languages().await?;
    let enabled: Vec<Locale> = languages
        .iter()
        .filter(|l| l.enabled)
        .map(|l| l.locale)
        .collect();
    if let Some(l) = requested
        .and_then(Locale::parse)
        .filter(|l| enabled.contains(l))
    {
        return Ok(l);
    }
    if let Some(l) = accept_language.and_then(|a| Locale::negotiate(a, &enabled)) {
        return Ok(l);
    }
    Ok(languages
        .iter()
        .find(|l| l.is_default)
        .map(|l| l.locale)
        .unwrap_or_else(Locale::default_locale))
}

/// Fails with `TooManyKeyFailures` while an address is over its budget of wrong keys.
async fn check_key_throttle(store: &dyn Store, ip: &str, now: Millis) -> Result<(), StartError> {
    let (count, oldest) = store
        .key_failures_since(ip, now - KEY_FAILURE_WINDOW_MS)
        .await
        .map_err(internal)?;
    if count >= KEY_FAILURE_LIMIT {
        let free_at = oldest.unwrap_or(now) + KEY_FAILURE_WINDOW_MS;
        let retry_after_secs = ((free_at - now).max(1000) as u64).div_ceil(1000);
        return Err(StartError::TooManyKeyFailures { retry_after_secs });
    }
    Ok(())
}

async fn key_failure(store: &dyn Store, ip: &str, now: Millis, err: StartError) -> StartError {
    if let Err(e) = store
        .record_key_failure(ip, now, now - KEY_FAILURE_WINDOW_MS)
        .await
    {
        return internal(e);
    }
    err
}

/// What to tell a waiting customer when nobody who could take their session is logged in:
/// `None` when someone is, else the team's own text (empty for the built-in one).
pub async fn nobody_available_notice(
    store: &dyn Store,
    queue: Queue,
) -> Result<Option<String>, StoreError> {
    if someone_logged_in(store, queue).await? {
        return Ok(None);
    }
    let team = match queue {
        Queue::Team(id) => store.team_by_id(id).await?,
        _ => None,
    };
    Ok(Some(
        team.map(|t| t.unavailable_message).unwrap_or_default(),
    ))
}

/// Whether anyone who could take a session from this queue is logged in.
async fn someone_logged_in(store: &dyn Store, queue: Queue) -> Result<bool, StoreError> {
    let present = store.list_presence().await?;
    Ok(match queue {
        Queue::Rep(id) => present.iter().any(|p| p.user_id == id),
        Queue::Team(team) => {
            let members = store.team_members(team).await?;
            present.iter().any(|p| members.contains(&p.user_id))
        }
        Queue::General => !present.is_empty(),
    })
}

/// Starts a session. The request was parsed by `start_request::parse`.
pub async fn start_session(
    store: &dyn Store,
    req: &StartRequest,
    ctx: &StartContext,
) -> Result<Started, StartError> {
    let now = time::now_ms();
    let mut skills: Vec<String> = Vec::new();
    let mut external_key = req.external_key.clone();
    let mut custom = req.custom.clone();
    let mut key_id = None;
    let mut issue_id: Option<IssueId> = None;
    let mut key_start_type = None;

    let (method, queue) = match req.selector() {
        Selector::SessionKey(digits) => {
            check_key_throttle(store, &ctx.client_ip, now).await?;
            if !session_key::is_well_formed(digits) {
                return Err(
                    key_failure(store, &ctx.client_ip, now, StartError::MalformedKey).await,
                );
            }
            let Some(key) = store
                .session_key_by_digits(digits)
                .await
                .map_err(internal)?
            else {
                return Err(key_failure(store, &ctx.client_ip, now, StartError::UnknownKey).await);
            };
            match key.problem(now) {
                None => {}
                Some(KeyProblem::Expired) => {
                    return Err(
                        key_failure(store, &ctx.client_ip, now, StartError::ExpiredKey).await,
                    )
                }
                Some(KeyProblem::Used) | Some(KeyProblem::Revoked) => {
                    return Err(key_failure(store, &ctx.client_ip, now, StartError::UsedKey).await)
                }
            }
            // What the representative preset on the key wins over what the page sends.
            if !key.external_key.is_empty() {
                external_key = Some(key.external_key.clone());
            }
            custom.extend(key.attributes.clone());
            key_id = Some(key.id);
            key_start_type = Some(key.start_type);
            match key.target {
                KeyTarget::Rep(id) => (StartMethod::SessionKey, Queue::Rep(id)),
                KeyTarget::General => (StartMethod::SessionKey, Queue::General),
                KeyTarget::Team(id) => (StartMethod::SessionKey, Queue::Team(id)),
                KeyTarget::Issue(id) => match store.issue_by_id(id).await.map_err(internal)? {
                    Some(issue) => {
                        skills.extend(issue.skills.iter().cloned());
                        issue_id = Some(issue.id);
                        (StartMethod::SessionKey, Queue::Team(issue.team_id))
                    }
                    // The issue was deleted since: the general queue still reaches someone.
                    None => (StartMethod::SessionKey, Queue::General),
                },
            }
        }
        Selector::Rep { id, name } => {
            let user = store.user_by_id(UserId(*id)).await.map_err(internal)?;
            let user = user
                .filter(|u| u.enabled && u.permissions.support)
                .ok_or(StartError::UnknownRep)?;
            if !user
                .public_display_name
                .trim()
                .eq_ignore_ascii_case(name.trim())
            {
                return Err(StartError::UnknownRep);
            }
            let presence = store.list_presence().await.map_err(internal)?;
            let available = presence
                .iter()
                .any(|p| p.user_id == user.id && p.status == PresenceStatus::Available);
            if !available {
                return Err(StartError::RepNotAvailable);
            }
            (StartMethod::Rep, Queue::Rep(user.id))
        }
        Selector::IssueId(_) | Selector::IssueCode(_) => {
            let issue = match req.selector() {
                Selector::IssueId(id) => store.issue_by_id(IssueId(*id)).await,
                Selector::IssueCode(code) => store.issue_by_code(code).await,
                _ => Ok(None),
            }
            .map_err(internal)?
            .ok_or(StartError::UnknownIssue)?;
            skills.extend(issue.skills.iter().cloned());
            issue_id = Some(issue.id);
            (StartMethod::Issue, Queue::Team(issue.team_id))
        }
        Selector::General => (StartMethod::General, Queue::General),
    };

    // Skills: the issue's first (they define the need), then the page's; unknown ones are
    // ignored because no representative could match them.
    let known = store.list_skills().await.map_err(internal)?;
    for s in &req.skills {
        match known.iter().find(|k| k.code_name.eq_ignore_ascii_case(s)) {
            Some(k) if !skills.contains(&k.code_name) => skills.push(k.code_name.clone()),
            Some(_) => {}
            None => tracing::debug!(skill = %s, "ignoring a skill that is not configured"),
        }
    }

    let configured: Vec<String> = store
        .list_custom_fields()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|f| f.code_name)
        .collect();
    let (attributes, ignored) =
        checked_custom_fields(&custom, external_key.as_deref(), &configured)?;
    if !ignored.is_empty() {
        tracing::debug!(fields = ?ignored, "ignoring custom fields that are not configured");
    }

    let locale = resolve_locale(store, req.locale.as_deref(), ctx.accept_language.as_deref())
        .await
        .map_err(internal)?;
    let chat_locale = req.chat_locale.as_deref().and_then(Locale::parse);

    let mut nobody_available = None;
    if !someone_logged_in(store, queue).await.map_err(internal)? {
        let team = match queue {
            Queue::Team(id) => store.team_by_id(id).await.map_err(internal)?,
            _ => None,
        };
        match team {
            Some(t) if !t.persistent_queue => {
                return Err(StartError::NobodyAvailable {
                    message: t.unavailable_message,
                })
            }
            Some(t) => nobody_available = Some(t.unavailable_message),
            None => nobody_available = Some(String::new()),
        }
    }

    let start_type = req
        .start_type
        .or(req
            .c2cjs
            .map(|c| if c { StartType::Chat } else { StartType::Full }))
        .or(key_start_type)
        .unwrap_or(StartType::Full);
    let timeout = settings::customer_connect_timeout_secs(store)
        .await
        .map_err(internal)?;
    let customer_token = super::tokens::random_token();
    let new = NewSession {
        customer_token_hash: super::tokens::hash_token(&customer_token),
        lsid: Lsid::generate(),
        start_type,
        start_method: method,
        queue,
        issue_id,
        session_key_id: key_id,
        skills,
        customer: Customer {
            name: req.customer.name.clone(),
            company: req.customer.company.clone(),
            company_code: req.customer.company_code.clone(),
            details: req.customer.details.clone(),
        },
        locale,
        chat_locale,
        external_key: external_key.unwrap_or_default(),
        attributes,
        timezone_offset: req.timezone_offset,
        page_url: ctx.page_url.chars().take(2048).collect(),
        client_ip: ctx.client_ip.clone(),
        created_at: now,
        client_deadline: now + timeout * 1000,
    };
    // The key is consumed in the same transaction as the session is created: two customers
    // racing with one key cannot both start.
    let session = store
        .create_session(new, key_id)
        .await
        .map_err(internal)?
        .ok_or(StartError::UsedKey)?;
    tracing::info!(lsid = %session.lsid, queue = %session.queue.api_id(), start_type = session.start_type.as_str(), "session started");
    Ok(Started {
        session,
        customer_token,
        nobody_available,
    })
}
