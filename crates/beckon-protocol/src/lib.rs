//! The wire formats every side of Beckon shares: the customer WebSocket protocol (the chat
//! page and the full client), the client ticket that binds a download to its session, the
//! trailer that carries the ticket inside the downloaded executable, and the system
//! information a customer may share.
//!
//! A crate of its own so that the customer client does not link the server, and a change to a
//! message is a change in one place.

pub mod chat;
pub mod files;
pub mod screen;
pub mod shell;
pub mod sysinfo;
pub mod ticket;
pub mod trailer;
