//! Resolving the `lsid` and `queue_id` parameters to stored sessions and representatives,
//! answering 404 when they name nothing.

use super::CmdError;
use crate::domain::command::QueueRef;
use crate::domain::session::SupportSession;
use crate::store::Store;
use axum::http::StatusCode;

pub(super) async fn session(store: &dyn Store, lsid: &str) -> Result<SupportSession, CmdError> {
    store.session_by_lsid(lsid).await?.ok_or_else(|| {
        CmdError(
            StatusCode::NOT_FOUND,
            format!("no session with lsid `{lsid}`"),
        )
    })
}

/// Resolves a representative queue (`rep:ID` or `rep_username:NAME`).
pub(super) async fn rep_of_queue(
    store: &dyn Store,
    queue: &QueueRef,
) -> Result<crate::domain::people::User, CmdError> {
    let (user, spelled) = match queue {
        QueueRef::Rep(id) => (store.user_by_id(*id).await?, format!("rep:{id}")),
        QueueRef::RepUsername(name) => (
            store.user_by_username(name).await?,
            format!("rep_username:{name}"),
        ),
        _ => (None, String::new()),
    };
    user.filter(|u| u.enabled && u.permissions.support)
        .ok_or_else(|| {
            CmdError(
                StatusCode::NOT_FOUND,
                format!("no representative for queue_id `{spelled}`"),
            )
        })
}
