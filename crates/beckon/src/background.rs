//! Periodic work of a server node: expiring sessions whose customer never connected, and
//! freeing the files of sessions that ended.
//!
//! Every step is a guarded update in the store, so several nodes may run it at once.

use crate::app::AppState;
use crate::domain::session::{NewEvent, SessionState};
use crate::domain::time::now_ms;
use crate::store::Transition;
use std::time::Duration;
use tokio::task::JoinHandle;

pub const TICK: Duration = Duration::from_secs(1);
/// A representative whose console has not been heard from for this long is logged out.
pub const PRESENCE_GRACE_MS: i64 = 90_000;

pub fn spawn(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        let mut files_tick = tokio::time::interval(FILES_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = state.shutdown.cancelled() => break,
                _ = files_tick.tick() => sweep_transfers(&state).await,
                _ = tick.tick() => {
                    if let Err(e) = expire_unconnected(&state).await {
                        tracing::warn!(error = %e, "expiring unconnected sessions failed");
                    }
                    match state.store.sweep_presence(now_ms() - PRESENCE_GRACE_MS).await {
                        Ok(gone) => for user in gone { tracing::info!(user = %user, "representative logged out: console gone"); },
                        Err(e) => tracing::warn!(error = %e, "presence sweep failed"),
                    }
                    match crate::domain::queue::route_waiting(state.store.as_ref(), now_ms()).await {
                        Ok(offers) => for (id, _) in offers { state.hub.notify(id); },
                        Err(e) => tracing::warn!(error = %e, "routing failed"),
                    }
                }
            }
        }
    })
}

/// How often the files of ended sessions are looked for.
const FILES_EVERY: Duration = Duration::from_secs(30);

/// Removes the transferred files of every session that has ended (or is unknown): files are
/// kept for the session's life only (docs/customer_client.md, "File transfer").
pub async fn sweep_transfers(state: &AppState) {
    for id in state.transfers.sessions().await {
        let ended = match state
            .store
            .session_by_id(crate::domain::ids::SessionId(id))
            .await
        {
            Ok(Some(s)) => s.state == SessionState::Ended,
            Ok(None) => true,
            Err(e) => {
                tracing::warn!(error = %e, "checking a session for its files failed");
                continue;
            }
        };
        if ended {
            match state.transfers.remove_session(id).await {
                Ok(()) => tracing::info!(session = id, "files of an ended session removed"),
                Err(e) => tracing::warn!(error = %e, "removing an ended session's files failed"),
            }
        }
    }
}

/// Ends sessions whose customer did not connect before their deadline.
pub async fn expire_unconnected(state: &AppState) -> Result<usize, crate::store::StoreError> {
    let now = now_ms();
    let overdue = state.store.overdue_awaiting(now).await?;
    let mut ended = 0;
    for id in overdue {
        let t = Transition {
            from: vec![SessionState::AwaitingClient],
            to: SessionState::Ended,
            owner: None,
            queue: None,
            end_reason: Some("customer_never_connected".into()),
            event: NewEvent::system(
                "state_changed",
                serde_json::json!({"to": "ended", "reason": "customer_never_connected"}),
                now,
            ),
        };
        if state.store.transition(id, t).await?.is_some() {
            state.hub.notify(id);
            ended += 1;
        }
    }
    Ok(ended)
}
