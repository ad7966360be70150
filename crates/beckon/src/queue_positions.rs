//! Where waiting customers stand in their queues, shared by every waiting customer's socket on
//! this node.
//!
//! Each waiting chat page is told its place every few seconds. Asked one by one, that is a
//! count over the queue per customer: with thousands waiting, the work grows with the square
//! of the queue (issue 11). Instead one read of the store (`Store::queue_positions`) answers
//! every waiting session at once and is reused for a second; a session queued since that read
//! (a newcomer at the end of the queue) is asked for on its own.

use crate::domain::ids::SessionId;
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// How long one read of every position is reused. The pages refresh every 2 s, so a second
/// is fresh enough, and one read a second costs little however long the queue.
pub const FRESH_FOR: Duration = Duration::from_secs(1);

struct Snapshot {
    at: Instant,
    /// Place in the queue (1 = next) and the queue's average wait in milliseconds.
    positions: HashMap<SessionId, (i64, Option<i64>)>,
}

#[derive(Default)]
pub struct QueuePositions {
    // A tokio mutex: the read happens under it, so concurrent askers wait for one read
    // instead of each making their own.
    snapshot: Mutex<Option<Snapshot>>,
}

impl QueuePositions {
    /// A queued session's place and its queue's average wait; `None` when it is not queued.
    pub async fn status(
        &self,
        store: &dyn Store,
        id: SessionId,
    ) -> Result<Option<(i64, Option<i64>)>, StoreError> {
        let mut guard = self.snapshot.lock().await;
        let stale = guard.as_ref().is_none_or(|s| s.at.elapsed() >= FRESH_FOR);
        if stale {
            let positions = store.queue_positions().await?;
            *guard = Some(Snapshot {
                at: Instant::now(),
                positions: positions
                    .into_iter()
                    .map(|(id, position, avg)| (id, (position, avg)))
                    .collect(),
            });
        }
        let known = guard.as_ref().and_then(|s| s.positions.get(&id).copied());
        drop(guard);
        match known {
            Some(status) => Ok(Some(status)),
            // Queued after the read, or not queued at all: ask for this one session.
            None => store.queue_status(id).await,
        }
    }
}
