//! Bearer secrets (customer tokens, login cookies): random, and stored only as a hash.
//!
//! SHA-256 rather than argon2 because these are 128-bit random values, not passwords: there is
//! nothing to brute-force, and lookups by hash must be fast.

use sha2::{Digest, Sha256};

/// 128 random bits as 32 hex characters.
pub fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether a string could be a token (so that garbage is refused before any lookup).
pub fn is_well_formed(token: &str) -> bool {
    token.len() == 32
        && token
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens() {
        let t = super::random_token();
        assert!(super::is_well_formed(&t));
        assert_eq!(super::hash_token(&t).len(), 64);
        assert_ne!(super::hash_token(&t), t);
        assert!(!super::is_well_formed("xyz"));
    }
}
