//! Periodic work of a server node: expiring sessions whose customer never connected.
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
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = state.shutdown.cancelled() => break,
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
