//! The full client's side of file transfer on the customer WebSocket (docs/customer_client.md,
//! "File transfer"): offers, chunks and acks of the customer's files, answers to and chunks of
//! the representative's. The rules are `domain::files`'; the bytes are `transfer_store`'s.
//!
//! Every message is answered at once and holds no lock: a chunk is one append or one read, so
//! chat on the same socket waits behind at most a chunk or two.

use super::chat_consent::Refusal;
use crate::app::AppState;
use crate::domain::files::{
    self, crossed_tenth, FileError, FileLog, ACCEPTED, COMPLETED, DECLINED, FAILED, OFFERED,
    PROGRESS,
};
use crate::domain::ids::SessionId;
use crate::domain::session::{Actor, NewEvent};
use crate::domain::time::now_ms;
use crate::protocol::{ClientMsg, ServerMsg};
use crate::transfer_store::TransferStoreError;
use beckon_protocol::files as wire;
use serde_json::json;

/// The transfers of one connection's session, folded from the log as it grows (a 100 MB file
/// is thousands of chunks; each reads only the events since the previous one).
#[derive(Default)]
pub struct FileGate {
    upto: i64,
    log: FileLog,
}

impl FileGate {
    async fn current(&mut self, state: &AppState, session: SessionId) -> Result<&FileLog, Refusal> {
        loop {
            let events = state
                .store
                .events_after(session, self.upto, 1000)
                .await
                .map_err(|e| {
                    tracing::error!(error = %e, "reading the log for a file transfer failed");
                    Refusal::Storage
                })?;
            let Some(last) = events.last() else {
                return Ok(&self.log);
            };
            self.upto = last.seq;
            for e in &events {
                self.log.apply(e);
            }
        }
    }
}

fn file_error(id: &str, code: &str, message: impl Into<String>) -> ServerMsg {
    ServerMsg::FileError {
        id: id.to_string(),
        code: code.to_string(),
        message: message.into(),
    }
}

fn refusal(id: &str, e: FileError) -> ServerMsg {
    let code = match e {
        FileError::NotAllowed => "not_allowed",
        FileError::Unknown(_) => "unknown_transfer",
        FileError::Exists(_) => "exists",
        FileError::NotOpen => "not_open",
        FileError::TooLarge { .. } => "too_large",
    };
    file_error(id, code, e.to_string())
}

/// Whether `msg` is a file transfer message (handled here, not by `chat_consent`).
pub fn is_file_msg(msg: &ClientMsg) -> bool {
    matches!(
        msg,
        ClientMsg::FileOffer { .. }
            | ClientMsg::FileChunk { .. }
            | ClientMsg::FileAnswer { .. }
            | ClientMsg::FileGet { .. }
            | ClientMsg::FileReceived { .. }
    )
}

/// Handles one file transfer message; `Ok(Some)` is the answer to send.
pub async fn handle(
    state: &AppState,
    session: SessionId,
    full_client: bool,
    gate: &mut FileGate,
    msg: ClientMsg,
) -> Result<Option<ServerMsg>, Refusal> {
    if !full_client {
        return Err(Refusal::Refused(
            "not_full_client",
            "files are sent by the full client (hello.client.kind = full)".into(),
        ));
    }
    let log = gate.current(state, session).await?.clone();
    let sid = session.0;
    let limit = state.settings.max_transfer_bytes;
    match msg {
        ClientMsg::FileOffer {
            id,
            name,
            size,
            sha256,
        } => {
            if let Err(reason) = wire::check_id(&id).and(wire::check_sha256(&sha256)) {
                return Ok(Some(file_error(&id, "invalid_message", reason)));
            }
            if size == 0 {
                return Ok(Some(file_error(
                    &id,
                    "invalid_message",
                    "the file is empty",
                )));
            }
            // An offer seen before is a client back after a reconnect: tell it where to go on.
            if let Some(t) = log.get(&id) {
                if t.direction != files::Direction::ToRep || t.sha256 != sha256 || t.size != size {
                    return Ok(Some(refusal(&id, FileError::Exists(id.clone()))));
                }
                if let Err(e) = log.open(&id) {
                    return Ok(Some(refusal(&id, e)));
                }
                let offset = state.transfers.len(sid, &id).await.map_err(storage)?;
                return Ok(Some(ServerMsg::FileAck { id, offset }));
            }
            if let Err(e) = log.may_offer(&id, size, limit) {
                if matches!(e, FileError::TooLarge { .. }) {
                    // The representative learns why the file they may have asked for is not coming.
                    let body = json!({ "id": id, "reason": "too_large", "file_name": wire::safe_name(&name), "size": size });
                    record(state, session, Actor::Customer, FAILED, body).await?;
                }
                return Ok(Some(refusal(&id, e)));
            }
            let body = json!({
                "id": id,
                "file_name": wire::safe_name(&name),
                "size": size,
                "sha256": sha256,
                "direction": wire::TO_REP,
            });
            record(state, session, Actor::Customer, OFFERED, body).await?;
            Ok(Some(ServerMsg::FileAck { id, offset: 0 }))
        }
        ClientMsg::FileChunk { id, offset, data } => {
            let t = match log.open(&id) {
                Ok(t) if t.direction == files::Direction::ToRep => t.clone(),
                Ok(_) => return Ok(Some(refusal(&id, FileError::NotOpen))),
                Err(e) => return Ok(Some(refusal(&id, e))),
            };
            let bytes = match wire::decode(&data) {
                Ok(b) => b,
                Err(reason) => return Ok(Some(file_error(&id, "invalid_message", reason))),
            };
            let after = match state
                .transfers
                .append(sid, &id, offset, bytes, t.size)
                .await
            {
                Ok(after) => after,
                Err(e @ TransferStoreError::WrongOffset { expected, .. }) => {
                    // Not fatal: the client goes on from where the server is.
                    tracing::debug!(error = %e, "file chunk out of order");
                    return Ok(Some(ServerMsg::FileError {
                        id: id.clone(),
                        code: "wrong_offset".into(),
                        message: format!("{e}; go on from byte {expected}"),
                    }));
                }
                Err(e @ (TransferStoreError::PastEnd { .. } | TransferStoreError::BadId(_))) => {
                    return Ok(Some(file_error(&id, "invalid_message", e.to_string())));
                }
                Err(e) => return Err(storage(e)),
            };
            if after == t.size {
                return finish_upload(state, session, &id, &t.sha256).await;
            }
            if crossed_tenth(offset, after, t.size) {
                let body = json!({ "id": id, "offset": after, "size": t.size });
                record(state, session, Actor::Customer, PROGRESS, body).await?;
            }
            Ok(Some(ServerMsg::FileAck { id, offset: after }))
        }
        ClientMsg::FileAnswer { id, accept } => {
            let t = match log.get(&id) {
                Some(t) if t.direction == files::Direction::ToCustomer => t,
                _ => return Ok(Some(refusal(&id, FileError::Unknown(id.clone())))),
            };
            match (t.state, accept) {
                // A resend after a reconnect: the log has it already.
                (files::State::Accepted, true) | (files::State::Declined, false) => Ok(None),
                (files::State::Offered, false) => {
                    record(
                        state,
                        session,
                        Actor::Customer,
                        DECLINED,
                        json!({ "id": id }),
                    )
                    .await?;
                    // Nothing of a declined file is kept.
                    let _ = state.transfers.remove(sid, &id).await;
                    Ok(None)
                }
                (files::State::Offered, true) if log.allowed() => {
                    record(
                        state,
                        session,
                        Actor::Customer,
                        ACCEPTED,
                        json!({ "id": id }),
                    )
                    .await?;
                    Ok(None)
                }
                (files::State::Offered, true) => Ok(Some(refusal(&id, FileError::NotAllowed))),
                _ => Ok(Some(refusal(&id, FileError::NotOpen))),
            }
        }
        ClientMsg::FileGet { id, offset } => {
            let t = match log.open(&id) {
                Ok(t) if t.direction == files::Direction::ToCustomer => t.clone(),
                Ok(_) => return Ok(Some(refusal(&id, FileError::NotOpen))),
                Err(e) => return Ok(Some(refusal(&id, e))),
            };
            let data = match state.transfers.read_chunk(sid, &id, offset, t.size).await {
                Ok(d) => d,
                Err(e @ TransferStoreError::PastEnd { .. }) => {
                    return Ok(Some(file_error(&id, "invalid_message", e.to_string())))
                }
                Err(e) => return Err(storage(e)),
            };
            let after = offset + data.len() as u64;
            if crossed_tenth(offset, after, t.size) {
                let body = json!({ "id": id, "offset": after, "size": t.size });
                record(state, session, Actor::Customer, PROGRESS, body).await?;
            }
            Ok(Some(ServerMsg::FileData {
                id,
                offset,
                data: wire::encode(&data),
            }))
        }
        ClientMsg::FileReceived { id, sha256 } => {
            let t = match log.get(&id) {
                Some(t) if t.direction == files::Direction::ToCustomer => t,
                _ => return Ok(Some(refusal(&id, FileError::Unknown(id.clone())))),
            };
            match t.state {
                files::State::Completed => Ok(None),
                files::State::Accepted if sha256 == t.sha256 => {
                    let body = json!({ "id": id, "sha256": sha256 });
                    record(state, session, Actor::Customer, COMPLETED, body).await?;
                    Ok(None)
                }
                files::State::Accepted => {
                    let body = json!({ "id": id, "reason": "hash_mismatch" });
                    record(state, session, Actor::Customer, FAILED, body).await?;
                    Ok(Some(file_error(
                        &id,
                        "hash_mismatch",
                        "the file that arrived is not the one offered",
                    )))
                }
                _ => Ok(Some(refusal(&id, FileError::NotOpen))),
            }
        }
        _ => Err(Refusal::Refused(
            "bad_message",
            "not a file transfer message".into(),
        )),
    }
}

/// Every byte of the customer's file is in: it counts only if its SHA-256 is the offered one.
async fn finish_upload(
    state: &AppState,
    session: SessionId,
    id: &str,
    offered: &str,
) -> Result<Option<ServerMsg>, Refusal> {
    let sid = session.0;
    let got = state.transfers.sha256(sid, id).await.map_err(storage)?;
    if got != offered {
        let _ = state.transfers.remove(sid, id).await;
        let body = json!({ "id": id, "reason": "hash_mismatch" });
        record(state, session, Actor::System, FAILED, body).await?;
        return Ok(Some(file_error(
            id,
            "hash_mismatch",
            "the bytes that arrived do not have the offered sha256; the file was discarded",
        )));
    }
    let size = state.transfers.len(sid, id).await.map_err(storage)?;
    let body = json!({ "id": id, "sha256": got });
    record(state, session, Actor::System, COMPLETED, body).await?;
    Ok(Some(ServerMsg::FileAck {
        id: id.to_string(),
        offset: size,
    }))
}

fn storage(e: TransferStoreError) -> Refusal {
    tracing::error!(error = %e, "file transfer storage failed");
    Refusal::Storage
}

pub(crate) async fn record(
    state: &AppState,
    session: SessionId,
    actor: Actor,
    kind: &str,
    body: serde_json::Value,
) -> Result<(), Refusal> {
    let event = NewEvent {
        kind: kind.into(),
        actor,
        body,
        client_msg_id: None,
        at: now_ms(),
    };
    match state.store.append_event(session, event).await {
        Ok(a) => {
            state.hub.notify_log(session, &a.event);
            Ok(())
        }
        Err(e) => {
            tracing::error!(error = %e, "storing a file transfer event failed");
            Err(Refusal::Storage)
        }
    }
}
