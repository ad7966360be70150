//! File transfer on the wire (docs/customer_client.md, "File transfer").
//!
//! Bytes travel as base64 of bounded chunks on the session's customer socket, interleaved with
//! chat: a chunk is small enough (16 KB) that a chat message never waits behind more than a
//! few of them, and each side keeps at most `WINDOW` chunks unanswered so that a big file
//! cannot fill the socket's buffers.

use base64::Engine;
use sha2::{Digest, Sha256};

/// Largest chunk, in bytes before base64 (about 22 KB encoded, under the 32 KB frame limit).
pub const MAX_CHUNK_BYTES: usize = 16 * 1024;
/// Chunks one side may have sent and not yet seen answered.
pub const WINDOW: u64 = 4;
/// Longest transfer id (chosen by whoever offers the file).
pub const MAX_ID_CHARS: usize = 64;
/// Longest file name kept, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Where a file goes: the customer's to the representative, or the other way.
pub const TO_REP: &str = "to_rep";
pub const TO_CUSTOMER: &str = "to_customer";

pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Decodes one chunk (1 to `MAX_CHUNK_BYTES` bytes); `Err` says why not.
pub fn decode(data: &str) -> Result<Vec<u8>, &'static str> {
    // The encoded length bounds the decoded one: refuse before decoding anything huge.
    if data.len() > MAX_CHUNK_BYTES.div_ceil(3) * 4 {
        return Err("a file chunk is at most 16 KB");
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|_| "file data is not base64")?;
    if bytes.is_empty() {
        return Err("a file chunk is empty");
    }
    if bytes.len() > MAX_CHUNK_BYTES {
        return Err("a file chunk is at most 16 KB");
    }
    Ok(bytes)
}

/// Ids are chosen by the side that offers, and become file names on the server: letters,
/// digits, `-` and `_` only.
pub fn check_id(id: &str) -> Result<(), &'static str> {
    if id.is_empty()
        || id.len() > MAX_ID_CHARS
        || !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err("a transfer id is 1 to 64 letters, digits, - or _");
    }
    Ok(())
}

/// A lowercase hex SHA-256.
pub fn check_sha256(hex: &str) -> Result<(), &'static str> {
    if hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        Ok(())
    } else {
        Err("sha256 must be 64 lowercase hex digits")
    }
}

/// The SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex_of(&Sha256::digest(bytes))
}

/// Hashes a file as it is read, in lowercase hex.
pub fn sha256_file(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(hex_of(&h.finalize()));
        }
        h.update(&buf[..n]);
    }
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A file name from the other side made safe to show and to write into a folder: only its
/// last path component, no control or path characters, not a device name Windows reserves,
/// never empty, `.` or `..`, at most `MAX_NAME_CHARS` characters.
pub fn safe_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .take(MAX_NAME_CHARS)
        .collect();
    // Windows ignores trailing dots and spaces, so `CON.` is `CON`; leading dots hide files.
    let cleaned = cleaned
        .trim_matches(|c: char| c == ' ' || c == '.')
        .to_string();
    if cleaned.is_empty() {
        return "file".into();
    }
    let stem = cleaned
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        format!("_{cleaned}")
    } else {
        cleaned
    }
}

/// The chunk that follows `offset` in a file of `size` bytes: its length, or `None` at the end.
pub fn next_chunk_len(offset: u64, size: u64) -> Option<usize> {
    (offset < size).then(|| (size - offset).min(MAX_CHUNK_BYTES as u64) as usize)
}

/// Percent done, rounded down; a file of 0 bytes is done.
pub fn percent(done: u64, size: u64) -> u8 {
    (done.min(size) * 100).checked_div(size).unwrap_or(100) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_paths_controls_and_reserved_words() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\Windows\\system32\\x.dll"), "x.dll");
        assert_eq!(safe_name("a\u{1b}[2Jb\n.txt"), "a_[2Jb_.txt");
        assert_eq!(safe_name(".."), "file");
        assert_eq!(safe_name(""), "file");
        assert_eq!(safe_name("dir/"), "file");
        assert_eq!(safe_name(".bashrc"), "bashrc");
        assert_eq!(safe_name("con.txt"), "_con.txt");
        assert_eq!(safe_name("COM1"), "_COM1");
        assert_eq!(safe_name("COMMON.txt"), "COMMON.txt");
        assert_eq!(safe_name("a<b>|c?.log"), "a_b__c_.log");
        assert_eq!(safe_name(&"x".repeat(500)).chars().count(), MAX_NAME_CHARS);
        assert_eq!(safe_name("report 2024.pdf"), "report 2024.pdf");
    }

    #[test]
    fn chunks_are_bounded_and_offsets_advance() {
        assert_eq!(decode(&encode(b"abc")), Ok(b"abc".to_vec()));
        assert!(decode("").is_err());
        assert!(decode("!!").is_err());
        assert!(decode(&encode(&vec![0; MAX_CHUNK_BYTES + 1])).is_err());
        assert!(decode(&encode(&vec![0; MAX_CHUNK_BYTES])).is_ok());
        assert_eq!(next_chunk_len(0, 10), Some(10));
        assert_eq!(next_chunk_len(0, 40_000), Some(MAX_CHUNK_BYTES));
        assert_eq!(next_chunk_len(32_768, 40_000), Some(40_000 - 32_768));
        assert_eq!(next_chunk_len(40_000, 40_000), None);
        assert_eq!(percent(5, 10), 50);
        assert_eq!(percent(0, 0), 100);
    }

    #[test]
    fn ids_and_hashes_are_checked() {
        assert!(check_id("f-1_a").is_ok());
        assert!(check_id("../x").is_err());
        assert!(check_id("").is_err());
        assert!(check_id(&"a".repeat(65)).is_err());
        let h = sha256_hex(b"abc");
        assert_eq!(
            h,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(check_sha256(&h).is_ok());
        assert!(check_sha256(&h.to_uppercase()).is_err());
    }
}
