//! Newtype ids, so that a representative's id can never be passed where an issue's is expected.
//!
//! Integer ids are the ones the reference exposes (`rep.id`, `issue.id`); they are stable and
//! chosen by the store. The session's public id (`lsid`) is a random string, because it appears
//! in URLs and reports and must not be guessable.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! int_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            sqlx::Type,
        )]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

int_id!(
    /// A user: representative and/or administrator (`rep.id` in the reference).
    UserId
);
int_id!(
    /// A support team.
    TeamId
);
int_id!(
    /// A support issue (`issue.id` in the reference).
    IssueId
);
int_id!(
    /// A skill used for routing.
    SkillId
);
int_id!(
    /// A custom field configured by an administrator.
    CustomFieldId
);
int_id!(
    /// The internal row id of a support session (never shown to customers).
    SessionId
);
int_id!(
    /// A session key row (the seven digits are not unique over time, the row is).
    SessionKeyId
);
int_id!(
    /// An API account of the integration APIs.
    ApiAccountId
);

/// The public, stable id of a support session, as the vendor's reports call it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[serde(transparent)]
#[sqlx(transparent)]
pub struct Lsid(pub String);

impl Lsid {
    /// A fresh random lsid: 32 hex characters (128 bits) from the OS CSPRNG.
    pub fn generate() -> Self {
        use rand::RngCore;
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Lsid(hex::encode(bytes))
    }

    /// Whether a string has the shape of an lsid (so that lookups reject garbage early).
    pub fn is_well_formed(s: &str) -> bool {
        s.len() == 32
            && s.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lsid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_lsids_are_well_formed_and_distinct() {
        let a = Lsid::generate();
        let b = Lsid::generate();
        assert!(Lsid::is_well_formed(a.as_str()));
        assert_ne!(a, b);
        assert!(!Lsid::is_well_formed("not-an-lsid"));
        assert!(!Lsid::is_well_formed(&"A".repeat(32)));
    }
}
