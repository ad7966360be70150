//! Administration: every change an administrator (or the configuration API) makes, validated
//! once here and recorded in the audit log with the state before and after.
//!
//! The administration pages and the configuration API call these same functions, so a rule
//! holds the same way whichever door a change comes through.

pub mod catalog;
pub mod site;
mod teams;
pub mod users;

use super::audit::NewAuditEntry;
use super::time::now_ms;
use crate::store::{Store, StoreError};
use serde::Serialize;

/// Why a change was refused. `field` names the form field at fault, for messages beside it.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error("{0} was not found")]
    NotFound(&'static str),
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for AdminError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { what } => AdminError::NotFound(what),
            StoreError::Conflict { what } => {
                AdminError::Refused(format!("{what} is already taken or in use"))
            }
            other => AdminError::Store(other),
        }
    }
}

pub fn invalid(field: &'static str, message: impl Into<String>) -> AdminError {
    AdminError::Invalid {
        field,
        message: message.into(),
    }
}

pub type AdminResult<T> = Result<T, AdminError>;

/// Records an administrative change.
pub async fn audit<B: Serialize, A: Serialize>(
    store: &dyn Store,
    actor: &str,
    action: &str,
    target: String,
    before: Option<&B>,
    after: Option<&A>,
) -> AdminResult<()> {
    store
        .append_audit(NewAuditEntry {
            at: now_ms(),
            actor: actor.to_string(),
            action: action.to_string(),
            target,
            before: before.and_then(|b| serde_json::to_value(b).ok()),
            after: after.and_then(|a| serde_json::to_value(a).ok()),
        })
        .await?;
    Ok(())
}

/// Checks a display-like text: required, trimmed length within `max`, no control characters.
pub fn text(field: &'static str, value: &str, max: usize, required: bool) -> AdminResult<String> {
    let v = value.trim();
    if required && v.is_empty() {
        return Err(invalid(field, "this field is required"));
    }
    if v.chars().count() > max {
        return Err(invalid(field, format!("at most {max} characters")));
    }
    if v.chars().any(|c| c.is_control() && c != '\n') {
        return Err(invalid(field, "control characters are not allowed"));
    }
    Ok(v.to_string())
}
