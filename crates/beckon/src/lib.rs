//! Beckon: a self-hosted support-session server implementing the `start_session.js` API.
//!
//! `domain` is the plain-Rust core, `store` its storage behind traits, `http` the thin web
//! layer; `server` runs it all, `config` says how, and `seed` creates the first data.
#![forbid(unsafe_code)]

pub mod app;
pub mod background;
pub mod config;
pub mod delivery;
pub mod domain;
pub mod http;
pub mod hub;
pub mod i18n;
pub mod limits;
pub mod protocol;
pub mod queue_positions;
pub mod seed;
pub mod server;
pub mod store;
pub mod transfer_store;
