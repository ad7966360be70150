//! Working a session: accept, chat, notes, typing, invitations, elevate, transfer, end, its
//! log, and the sessions a representative works now or worked before.
//!
//! The handlers are grouped by what they do to a session; `access` and `rep_events` hold what
//! they share with each other and with the rest of the representative API (capabilities,
//! files, screen, shell).

mod access;
mod chat;
mod history;
mod lifecycle;
mod membership;
mod rep_events;

pub(super) use access::{find_session, owned_session, participates};
pub use chat::{add_note, events, send_message, typing};
pub(super) use chat::{store_chat, ChatRefusal};
pub use history::{history, mine};
pub use lifecycle::{accept, elevate, end, transfer};
pub use membership::{invite, join, leave};
pub(super) use rep_events::{append_rep_event, rep_event, rep_event_changing, Changes};
