//! The command shell's data on the wire (docs/customer_client.md, "Command shell").
//!
//! A terminal speaks bytes, and a read from a pseudo-terminal can end inside a UTF-8
//! sequence, so output and input travel as base64 of bounded chunks: the log keeps exactly
//! what was shown and typed, and a report can replay it byte for byte.

use base64::Engine;

/// Largest output chunk the client sends, in bytes before base64 (about 11 KB encoded, well
/// under the socket's 32 KB frame limit).
pub const MAX_CHUNK_BYTES: usize = 8 * 1024;
/// Largest input one request of the representative may carry, in bytes.
pub const MAX_INPUT_BYTES: usize = 4 * 1024;
/// Terminal sizes accepted for a resize: enough for any screen, small enough for any shell.
pub const MAX_COLS: u16 = 1000;
pub const MAX_ROWS: u16 = 500;

pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Decodes a chunk of at most `max` bytes; `Err` says why not.
pub fn decode(data: &str, max: usize) -> Result<Vec<u8>, &'static str> {
    // The encoded length bounds the decoded one: refuse before decoding anything huge.
    if data.len() > max.div_ceil(3) * 4 {
        return Err("shell data is too large");
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|_| "shell data is not base64")?;
    if bytes.is_empty() {
        return Err("shell data is empty");
    }
    if bytes.len() > max {
        return Err("shell data is too large");
    }
    Ok(bytes)
}

/// Checks a terminal size.
pub fn check_size(cols: u16, rows: u16) -> Result<(), &'static str> {
    if (1..=MAX_COLS).contains(&cols) && (1..=MAX_ROWS).contains(&rows) {
        Ok(())
    } else {
        Err("a terminal is 1 to 1000 columns and 1 to 500 rows")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_round_trip_and_are_bounded() {
        let bytes = [0xe2, 0x82, b'a', 0, 0xff];
        assert_eq!(decode(&encode(&bytes), 5), Ok(bytes.to_vec()));
        assert_eq!(decode(&encode(&bytes), 4), Err("shell data is too large"));
        assert_eq!(decode("", 10), Err("shell data is empty"));
        assert_eq!(decode("not base64!", 100), Err("shell data is not base64"));
        let big = encode(&vec![b'x'; MAX_CHUNK_BYTES + 1]);
        assert!(decode(&big, MAX_CHUNK_BYTES).is_err());
        assert!(decode(&encode(&vec![b'x'; MAX_CHUNK_BYTES]), MAX_CHUNK_BYTES).is_ok());
    }

    #[test]
    fn sizes_are_bounded() {
        assert!(check_size(80, 24).is_ok());
        assert!(check_size(0, 24).is_err());
        assert!(check_size(80, 501).is_err());
    }
}
