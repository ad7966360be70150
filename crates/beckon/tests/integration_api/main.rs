//! Issue 8 (partly): OAuth2 client credentials and the command API in XML and JSON.

#[path = "../common/mod.rs"]
mod common;
mod support;

mod auth;
mod command;
mod config_api;
mod reports;
