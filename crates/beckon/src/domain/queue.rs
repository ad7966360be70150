//! Moving sessions through their queues: the customer connects, routing offers, a
//! representative accepts (atomically), the session ends.

use super::catalog::RoutingMode;
use super::ids::{SessionId, UserId};
use super::people::User;
use super::routing::{self, Candidate};
use super::session::{Actor, NewEvent, Queue, SessionState, SupportSession};
use super::time::{now_ms, Millis};
use crate::store::{Store, StoreError, Transition};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error("no such session")]
    NotFound,
    #[error("the session was already taken by another representative")]
    AlreadyTaken,
    #[error("the session has ended")]
    Ended,
    #[error("this representative may not take sessions from that queue")]
    NotAllowed,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The customer's chat page or client connected: `awaiting_client` becomes `queued`.
pub async fn customer_connected(
    store: &dyn Store,
    id: SessionId,
) -> Result<Option<SupportSession>, StoreError> {
    let now = now_ms();
    store
        .transition(
            id,
            Transition {
                from: vec![SessionState::AwaitingClient],
                to: SessionState::Queued,
                owner: None,
                queue: None,
                end_reason: None,
                event: NewEvent {
                    kind: "state_changed".into(),
                    actor: Actor::Customer,
                    body: json!({"to": "queued"}),
                    client_msg_id: None,
                    at: now,
                },
            },
        )
        .await
}

/// Whether a representative may take a session from its queue.
pub async fn may_take(
    store: &dyn Store,
    rep: &User,
    session: &SupportSession,
) -> Result<bool, StoreError> {
    if !rep.enabled || !rep.permissions.support {
        return Ok(false);
    }
    Ok(match session.queue {
        Queue::General => true,
        Queue::Rep(id) => id == rep.id,
        Queue::Team(team) => store.team_members(team).await?.contains(&rep.id),
    })
}

/// Accepts a queued session for a representative. Exactly one of several concurrent accepts
/// wins: the state change is one guarded UPDATE in the store.
pub async fn accept(
    store: &dyn Store,
    rep: &User,
    session: &SupportSession,
) -> Result<SupportSession, QueueError> {
    match session.state {
        SessionState::Ended => return Err(QueueError::Ended),
        SessionState::Active => return Err(QueueError::AlreadyTaken),
        _ => {}
    }
    if !may_take(store, rep, session).await? {
        return Err(QueueError::NotAllowed);
    }
    let now = now_ms();
    let t = Transition {
        from: vec![SessionState::Queued, SessionState::AwaitingClient],
        to: SessionState::Active,
        owner: Some(Some(rep.id)),
        queue: None,
        end_reason: None,
        event: NewEvent {
            kind: "member_joined".into(),
            actor: Actor::Rep(rep.id),
            body: json!({"rep_id": rep.id, "name": rep.public_display_name, "role": "owner"}),
            client_msg_id: None,
            at: now,
        },
    };
    match store.transition(session.id, t).await? {
        Some(s) => Ok(s),
        None => match store.session_by_id(session.id).await? {
            Some(s) if s.state == SessionState::Ended => Err(QueueError::Ended),
            Some(_) => Err(QueueError::AlreadyTaken),
            None => Err(QueueError::NotFound),
        },
    }
}

/// Moves an active session back to a queue (another representative's, a team's or the
/// general one), recording who transferred it and why.
pub async fn transfer(
    store: &dyn Store,
    rep: &User,
    session: &SupportSession,
    target: Queue,
    note: &str,
) -> Result<SupportSession, QueueError> {
    let exists = match target {
        Queue::General => true,
        Queue::Rep(id) => store
            .user_by_id(id)
            .await?
            .is_some_and(|u| u.enabled && u.permissions.support),
        Queue::Team(id) => store.team_by_id(id).await?.is_some(),
    };
    if !exists {
        return Err(QueueError::NotFound);
    }
    let t = Transition {
        from: vec![SessionState::Active],
        to: SessionState::Queued,
        owner: Some(None),
        queue: Some(target),
        end_reason: None,
        event: NewEvent {
            kind: "transferred".into(),
            actor: Actor::Rep(rep.id),
            body: json!({"from_rep": rep.id, "name": rep.public_display_name, "to": target.api_id(), "note": note}),
            client_msg_id: None,
            at: now_ms(),
        },
    };
    store
        .transition(session.id, t)
        .await?
        .ok_or(QueueError::AlreadyTaken)
}

/// Ends a session (from any state but ended).
pub async fn end(
    store: &dyn Store,
    id: SessionId,
    actor: Actor,
    reason: &str,
) -> Result<Option<SupportSession>, StoreError> {
    store
        .transition(
            id,
            Transition {
                from: vec![
                    SessionState::AwaitingClient,
                    SessionState::Queued,
                    SessionState::Active,
                ],
                to: SessionState::Ended,
                owner: None,
                queue: None,
                end_reason: Some(reason.into()),
                event: NewEvent {
                    kind: "state_changed".into(),
                    actor,
                    body: json!({"to": "ended", "reason": reason}),
                    client_msg_id: None,
                    at: now_ms(),
                },
            },
        )
        .await
}

/// Representatives who let an offer of this session time out, oldest first.
async fn timed_out_reps(store: &dyn Store, id: SessionId) -> Result<Vec<UserId>, StoreError> {
    Ok(store
        .events_after(id, 0, 10_000)
        .await?
        .into_iter()
        .filter(|e| e.kind == "offer_timed_out")
        .filter_map(|e| e.body.get("rep_id").and_then(|v| v.as_i64()).map(UserId))
        .collect())
}

/// One routing pass over queued team sessions: offers the unoffered ones and re-offers those
/// whose offer outlived the team's alert timeout. Returns the offers made.
pub async fn route_waiting(
    store: &dyn Store,
    now: Millis,
) -> Result<Vec<(SessionId, UserId)>, StoreError> {
    let waiting = store.waiting_sessions().await?;
    let mut offers = Vec::new();
    // Presence and load are read once per pass, and only when a session needs routing.
    type Load = (Vec<super::people::Presence>, Vec<(UserId, i64)>);
    let mut context: Option<Load> = None;
    for s in waiting
        .into_iter()
        .filter(|s| s.state == SessionState::Queued)
    {
        let Queue::Team(team_id) = s.queue else {
            continue;
        };
        let Some(team) = store.team_by_id(team_id).await? else {
            continue;
        };
        if team.routing_mode == RoutingMode::None {
            continue;
        }
        let mut exclude = Vec::new();
        if let (Some(rep), Some(at)) = (s.offered_to, s.offered_at) {
            if now - at < team.alert_timeout_secs * 1000 {
                continue;
            }
            store
                .append_event(
                    s.id,
                    NewEvent::system("offer_timed_out", json!({"rep_id": rep}), now),
                )
                .await?;
            exclude.push(rep);
        }
        exclude.extend(timed_out_reps(store, s.id).await?);
        if context.is_none() {
            context = Some((store.list_presence().await?, store.active_counts().await?));
        }
        let (presence, active) = context.as_ref().expect("just filled");
        let members = store.team_members(team_id).await?;
        let mut candidates = Vec::new();
        for p in presence.iter().filter(|p| members.contains(&p.user_id)) {
            candidates.push(Candidate {
                user: p.user_id,
                status: p.status,
                skills: store.user_skills(p.user_id).await?,
                active: active
                    .iter()
                    .find(|(u, _)| *u == p.user_id)
                    .map_or(0, |(_, n)| *n),
                idle_since: p.idle_since,
            });
        }
        let choice = routing::choose(team.routing_mode, &s.skills, &candidates, &exclude)
            // Everyone was tried: start over rather than leave the customer unoffered.
            .or_else(|| routing::choose(team.routing_mode, &s.skills, &candidates, &[]));
        if let Some(rep) = choice {
            store.set_offer(s.id, Some(rep), now).await?;
            store
                .append_event(
                    s.id,
                    NewEvent::system("offered", json!({"rep_id": rep}), now),
                )
                .await?;
            offers.push((s.id, rep));
        } else if s.offered_to.is_some() {
            store.set_offer(s.id, None, now).await?;
        }
    }
    Ok(offers)
}
