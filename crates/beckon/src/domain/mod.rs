//! Beckon's domain: sessions, queues, routing, session keys, people, fields and locales, as
//! plain Rust. Nothing here knows about HTTP; the storage it needs is behind `crate::store`.

pub mod admin;
pub mod api_account;
pub mod api_auth;
pub mod audit;
pub mod auth;
pub mod capabilities;
pub mod catalog;
pub mod chat;
pub mod client_build;
pub mod client_ticket;
pub mod command;
pub mod endpoint;
pub mod files;
pub mod form;
pub mod ids;
pub mod keys;
pub mod locale;
pub mod password;
pub mod people;
pub mod queue;
pub mod routing;
pub mod session;
pub mod session_key;
pub mod settings;
pub mod start;
pub mod start_error;
pub mod start_request;
pub mod time;
pub mod tokens;
