//! The client ticket parser over arbitrary bytes: `Ticket::parse`, `verify`, `find_in` and
//! the executable trailer reader, which all read what a customer's download, file name or
//! `beckon://` URL carries, so anyone can hand them anything.
#![no_main]

use beckon_protocol::ticket::{Ticket, TicketError, MAX_CHARS};
use beckon_protocol::trailer;
use libfuzzer_sys::fuzz_target;
use std::io::Cursor;

/// A fixed key: a parsed ticket must verify under the key that signed it and no other.
const KEY: &[u8] = b"fuzz ticket key";

fuzz_target!(|data: &[u8]| {
    // The trailer reader sees the raw bytes of a whole file.
    match trailer::read(Cursor::new(data)) {
        Ok(Some(Ok(t))) => check_ticket(&t),
        Ok(Some(Err(e))) => assert_eq!(e, TicketError::Malformed),
        Ok(None) => {}
        Err(e) => panic!("reading from memory cannot fail with I/O: {e}"),
    }

    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(t) = Ticket::parse(s) {
        // Parsing keeps the exact spelling: the string the client forwards is the string
        // the server verifies.
        assert_eq!(t.as_str(), s);
        assert!(s.len() <= MAX_CHARS);
        check_ticket(&t);
    }
    if let Some(t) = Ticket::find_in(s) {
        // What find_in returns is a substring of the name that parses on its own.
        assert!(s.contains(t.as_str()));
        assert_eq!(Ticket::parse(t.as_str()).as_ref(), Ok(&t));
        check_ticket(&t);
    }
});

/// Invariants of any ticket that parsed: it never verifies without the key that signed it,
/// re-signing its claims gives a ticket that verifies and parses back to the same claims, and
/// the trailer round-trips it.
fn check_ticket(t: &Ticket) {
    // Any key gives Ok only if the fuzzer found a MAC for it, which it cannot for KEY here
    // unless the input was signed with it; a forged input must be Tampered, never a panic.
    match t.verify(KEY) {
        Ok(()) | Err(TicketError::Tampered) | Err(TicketError::Malformed) => {}
    }
    let signed = Ticket::sign(t.claims.clone(), KEY);
    assert_eq!(signed.verify(KEY), Ok(()));
    let back = Ticket::parse(signed.as_str()).expect("a signed ticket parses");
    assert_eq!(back.claims, t.claims);
    assert_eq!(back.as_str(), signed.as_str());

    let mut file = b"program bytes".to_vec();
    file.extend(trailer::encode(t));
    assert_eq!(
        trailer::read(Cursor::new(&file)).expect("in memory"),
        Some(Ok(t.clone()))
    );
}
