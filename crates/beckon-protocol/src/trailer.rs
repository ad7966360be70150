//! The trailer that carries a client ticket inside the downloaded executable.
//!
//! Layout at the very end of the file: the ticket's bytes, their length as a little-endian
//! `u32`, then the 8-byte magic `BECKONTK`. Operating systems ignore bytes after an executable
//! image, so the program runs unchanged, and the ticket survives a renamed file.

use crate::ticket::{Ticket, TicketError, MAX_CHARS};
use std::io::{Read, Seek, SeekFrom};

pub const MAGIC: &[u8; 8] = b"BECKONTK";

/// The bytes to append to an executable to carry `ticket`.
pub fn encode(ticket: &Ticket) -> Vec<u8> {
    let t = ticket.as_str().as_bytes();
    let mut out = Vec::with_capacity(t.len() + 12);
    out.extend_from_slice(t);
    out.extend_from_slice(&(t.len() as u32).to_le_bytes());
    out.extend_from_slice(MAGIC);
    out
}

/// Reads the ticket from the end of a file: `Ok(None)` when the file has no trailer,
/// `Err` when it has one that is not a well-formed ticket.
pub fn read<R: Read + Seek>(mut file: R) -> std::io::Result<Option<Result<Ticket, TicketError>>> {
    let len = file.seek(SeekFrom::End(0))?;
    if len < 12 {
        return Ok(None);
    }
    let mut tail = [0u8; 12];
    file.seek(SeekFrom::End(-12))?;
    file.read_exact(&mut tail)?;
    if &tail[4..] != MAGIC {
        return Ok(None);
    }
    let n = u32::from_le_bytes(tail[..4].try_into().expect("4 bytes")) as u64;
    if n == 0 || n as usize > MAX_CHARS || n + 12 > len {
        return Ok(Some(Err(TicketError::Malformed)));
    }
    let mut buf = vec![0u8; n as usize];
    file.seek(SeekFrom::End(-12 - n as i64))?;
    file.read_exact(&mut buf)?;
    Ok(Some(
        std::str::from_utf8(&buf)
            .map_err(|_| TicketError::Malformed)
            .and_then(Ticket::parse),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::Claims;
    use std::io::Cursor;

    #[test]
    fn round_trips_behind_any_bytes() {
        let t = Ticket::sign(
            Claims {
                site: "http://127.0.0.1:8080".into(),
                nonce: "n".into(),
                expires: 1,
                locale: "en-us".into(),
            },
            b"k",
        );
        let mut file = b"\x7fELF pretend program".to_vec();
        file.extend(encode(&t));
        assert_eq!(read(Cursor::new(&file)).unwrap(), Some(Ok(t)));
        assert_eq!(read(Cursor::new(b"no trailer here")).unwrap(), None);
        assert_eq!(read(Cursor::new(b"")).unwrap(), None);
        let mut bad = b"xx".to_vec();
        bad.extend(9999u32.to_le_bytes());
        bad.extend(MAGIC);
        assert_eq!(
            read(Cursor::new(&bad)).unwrap(),
            Some(Err(TicketError::Malformed))
        );
    }
}
