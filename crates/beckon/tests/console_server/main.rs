//! Issue 6, server side: sign-in form and throttling, the console socket, notes, invitations,
//! history and the public portal.

#[path = "../common/mod.rs"]
mod common;

mod console;
mod history;
mod portal;
mod sign_in;
mod teamwork;
