//! Issue 12, item 4: every payload of the shared corpus (`tests/corpus/injection.json`, also
//! used by `tests/browser/injection.test.js`) through every input that reaches a JSON or XML
//! answer, a report, an outbound event or a log line.
//!
//! For each input and payload the answer must parse (JSON with serde_json, XML with roxmltree,
//! a strict parser) and either carry the payload exactly as typed, or be a clear 4xx that names
//! the field. XML cannot carry some characters at all (NUL, most C0 controls, U+FFFE/U+FFFF);
//! those are dropped from XML answers, as docs/api.md says, and only those. No answer is ever
//! a 500, the server never stops, and each log line stays one line.

#[path = "../common/mod.rs"]
mod common;
mod support;

mod admin_names;
mod chat;
mod customer_inputs;
mod log_lines;
mod outbound_events;
mod refusals;
