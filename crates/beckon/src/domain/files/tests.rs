//! The transfer fold over logs written by hand.

use super::*;
use crate::domain::capabilities::{ALLOWED, REQUESTED, REVOKED};
use crate::domain::session::Actor;
use serde_json::{json, Value};

fn ev(seq: i64, kind: &str, body: Value) -> SessionEvent {
    SessionEvent {
        seq,
        kind: kind.into(),
        actor: Actor::Customer,
        body,
        client_msg_id: None,
        at: seq,
    }
}

fn cap(seq: i64, kind: &str) -> SessionEvent {
    ev(seq, kind, json!({"capability": "file_transfer"}))
}

fn offer(seq: i64, id: &str, direction: &str) -> SessionEvent {
    ev(
        seq,
        OFFERED,
        json!({"id": id, "file_name": "a.txt", "size": 3, "sha256": "x", "direction": direction}),
    )
}

fn allowed() -> Vec<SessionEvent> {
    vec![
        ev(1, CLIENT_JOINED, json!({"version": "1", "os": "linux"})),
        cap(2, REQUESTED),
        cap(3, ALLOWED),
    ]
}

#[test]
fn nothing_moves_without_consent() {
    let mut events = allowed();
    events.truncate(2);
    let log = FileLog::from_events(&events);
    assert_eq!(log.may_offer("a", 1, 10), Err(FileError::NotAllowed));
    let log = FileLog::from_events(&allowed());
    assert_eq!(log.may_offer("a", 1, 10), Ok(()));
    assert_eq!(
        log.may_offer("a", 11, 10),
        Err(FileError::TooLarge {
            size: 11,
            limit: 10
        })
    );
}

#[test]
fn the_customers_file_is_open_once_offered_and_the_reps_once_accepted() {
    let mut events = allowed();
    events.push(offer(4, "up", TO_REP));
    events.push(offer(5, "down", TO_CUSTOMER));
    let log = FileLog::from_events(&events);
    assert!(log.open("up").is_ok());
    assert_eq!(log.open("down").err(), Some(FileError::NotOpen));
    assert_eq!(
        log.may_offer("up", 1, 10),
        Err(FileError::Exists("up".into()))
    );
    events.push(ev(6, ACCEPTED, json!({"id": "down"})));
    events.push(ev(7, COMPLETED, json!({"id": "up", "sha256": "x"})));
    let log = FileLog::from_events(&events);
    assert!(log.open("down").is_ok());
    assert_eq!(log.open("up").err(), Some(FileError::NotOpen), "finished");
    assert_eq!(log.get("up").map(|t| t.state), Some(State::Completed));
    assert_eq!(
        log.open("nope").err(),
        Some(FileError::Unknown("nope".into()))
    );
}

#[test]
fn a_declined_offer_stays_declined() {
    let mut events = allowed();
    events.push(offer(4, "down", TO_CUSTOMER));
    events.push(ev(5, DECLINED, json!({"id": "down"})));
    events.push(ev(6, ACCEPTED, json!({"id": "down"})));
    let log = FileLog::from_events(&events);
    assert_eq!(log.get("down").map(|t| t.state), Some(State::Declined));
    assert!(log.open("down").is_err());
}

#[test]
fn revocation_and_a_new_client_stop_every_open_transfer_for_good() {
    let mut events = allowed();
    events.push(offer(4, "up", TO_REP));
    events.push(offer(5, "done", TO_REP));
    events.push(ev(6, COMPLETED, json!({"id": "done"})));
    events.push(cap(7, REVOKED));
    let log = FileLog::from_events(&events);
    assert_eq!(log.open("up").err(), Some(FileError::NotAllowed));
    assert_eq!(log.get("up").map(|t| t.state), Some(State::Failed));
    assert_eq!(log.get("done").map(|t| t.state), Some(State::Completed));
    // Allowed again: the stopped transfer does not come back.
    events.push(cap(8, REQUESTED));
    events.push(cap(9, ALLOWED));
    let log = FileLog::from_events(&events);
    assert_eq!(log.open("up").err(), Some(FileError::NotOpen));

    let mut events = allowed();
    events.push(offer(4, "up", TO_REP));
    events.push(ev(5, CLIENT_JOINED, json!({})));
    let log = FileLog::from_events(&events);
    assert_eq!(log.get("up").map(|t| t.state), Some(State::Failed));
    assert!(!log.allowed());
}

#[test]
fn progress_is_written_about_every_tenth() {
    assert!(crossed_tenth(0, 10, 100));
    assert!(!crossed_tenth(10, 19, 100));
    assert!(crossed_tenth(19, 25, 100));
    assert!(!crossed_tenth(90, 100, 100), "the end is `file_completed`");
    assert!(!crossed_tenth(0, 0, 0));
}
