//! Issue 7, domain: every validation rule, the last-administrator rule, audit entries, and
//! changes taking effect at once for the session-start API.
//!
//! One test binary; `field_of` lives here because every module checks which field a rule names.

#[path = "../common/mod.rs"]
mod common;

mod api;
mod catalog;
mod site;
mod users;

use beckon::domain::admin::AdminError;

fn field_of(e: AdminError) -> String {
    match e {
        AdminError::Invalid { field, .. } => field.to_string(),
        other => format!("not a field error: {other}"),
    }
}
