//! Issue 2: configuration, store, admin CLI, demo seed, health and shutdown.
// These tests drive a child process from plain threads; blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

#[path = "../common/mod.rs"]
mod common;

mod admin_cli;
mod config;
mod running;
mod store;
