//! Why a session could not start: one variant per rule, each with the HTTP status that fits,
//! a stable machine code for the JSON answer, and a catalog message for the customer.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StartError {
    #[error(
        "give only one of short_key, id+name (a representative) or issue_menu/codeName (an issue)"
    )]
    MultipleSelectors,
    #[error("an issue is chosen by id or by codeName, not both")]
    BothIssueIdentifiers,
    #[error("issue_menu=1 needs an issue id or codeName")]
    MissingIssueIdentifier,
    #[error("a representative is chosen by both id and name")]
    RepNeedsIdAndName,
    #[error("{field} must be an integer")]
    NotAnInteger { field: String },
    #[error("{field} was given more than once")]
    DuplicateParameter { field: String },
    #[error("{field} is longer than {max} characters")]
    TooLongChars { field: String, max: usize },
    #[error("{field} is longer than {max} bytes")]
    TooLongBytes { field: String, max: usize },
    #[error("the custom fields together must be under {max} bytes")]
    CustomTotalTooLarge { max: usize },
    #[error("{field} has a value that is not allowed")]
    InvalidValue { field: String },
    #[error("no representative with this id and name")]
    UnknownRep,
    #[error("the representative is not logged in and available")]
    RepNotAvailable,
    #[error("no support issue with this id or code name")]
    UnknownIssue,
    #[error("a session key is 7 digits")]
    MalformedKey,
    #[error("no such session key")]
    UnknownKey,
    #[error("the session key has expired")]
    ExpiredKey,
    #[error("the session key has already been used")]
    UsedKey,
    #[error(
        "too many wrong session keys from this address; retry after {retry_after_secs} seconds"
    )]
    TooManyKeyFailures { retry_after_secs: u64 },
    #[error("too many sessions started from this address; retry after {retry_after_secs} seconds")]
    TooManyStarts { retry_after_secs: u64 },
    #[error("nobody is available to take the session")]
    NobodyAvailable { message: String },
    #[error("internal error")]
    Internal,
}

impl StartError {
    /// The HTTP status that fits.
    pub fn status(&self) -> u16 {
        use StartError::*;
        match self {
            UnknownRep | UnknownIssue | UnknownKey => 404,
            RepNotAvailable | NobodyAvailable { .. } => 409,
            ExpiredKey | UsedKey => 410,
            TooManyKeyFailures { .. } | TooManyStarts { .. } => 429,
            Internal => 500,
            _ => 400,
        }
    }

    /// A stable code for integrations and start_session.js.
    pub fn code(&self) -> &'static str {
        use StartError::*;
        match self {
            MultipleSelectors => "multiple_selectors",
            BothIssueIdentifiers => "both_issue_identifiers",
            MissingIssueIdentifier => "missing_issue_identifier",
            RepNeedsIdAndName => "rep_needs_id_and_name",
            NotAnInteger { .. } => "not_an_integer",
            DuplicateParameter { .. } => "duplicate_parameter",
            TooLongChars { .. } | TooLongBytes { .. } => "too_long",
            CustomTotalTooLarge { .. } => "custom_fields_too_large",
            InvalidValue { .. } => "invalid_value",
            UnknownRep => "unknown_rep",
            RepNotAvailable => "rep_not_available",
            UnknownIssue => "unknown_issue",
            MalformedKey => "malformed_session_key",
            UnknownKey => "unknown_session_key",
            ExpiredKey => "expired_session_key",
            UsedKey => "used_session_key",
            TooManyKeyFailures { .. } => "too_many_attempts",
            TooManyStarts { .. } => "too_many_starts",
            NobodyAvailable { .. } => "nobody_available",
            Internal => "internal",
        }
    }

    /// The parameter at fault, where there is one.
    pub fn field(&self) -> Option<&str> {
        use StartError::*;
        match self {
            NotAnInteger { field }
            | DuplicateParameter { field }
            | TooLongChars { field, .. }
            | TooLongBytes { field, .. }
            | InvalidValue { field } => Some(field),
            MalformedKey | UnknownKey | ExpiredKey | UsedKey => Some("short_key"),
            _ => None,
        }
    }

    /// The catalog message id and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        use StartError::*;
        match self {
            MultipleSelectors => ("error-multiple-selectors", vec![]),
            BothIssueIdentifiers => ("error-both-issue-identifiers", vec![]),
            MissingIssueIdentifier => ("error-missing-issue-identifier", vec![]),
            RepNeedsIdAndName => ("error-rep-needs-id-and-name", vec![]),
            NotAnInteger { field } => ("error-not-an-integer", vec![("field", field.clone())]),
            DuplicateParameter { field } => {
                ("error-duplicate-parameter", vec![("field", field.clone())])
            }
            TooLongChars { field, max } => (
                "error-too-long-chars",
                vec![("field", field.clone()), ("max", max.to_string())],
            ),
            TooLongBytes { field, max } => (
                "error-too-long-bytes",
                vec![("field", field.clone()), ("max", max.to_string())],
            ),
            CustomTotalTooLarge { max } => {
                ("error-custom-too-large", vec![("max", max.to_string())])
            }
            InvalidValue { field } => ("error-invalid-value", vec![("field", field.clone())]),
            UnknownRep => ("error-unknown-rep", vec![]),
            RepNotAvailable => ("error-rep-not-available", vec![]),
            UnknownIssue => ("error-unknown-issue", vec![]),
            MalformedKey => ("error-malformed-key", vec![]),
            UnknownKey => ("error-unknown-key", vec![]),
            ExpiredKey => ("error-expired-key", vec![]),
            UsedKey => ("error-used-key", vec![]),
            TooManyKeyFailures { retry_after_secs } => (
                "error-too-many-attempts",
                vec![("minutes", retry_after_secs.div_ceil(60).max(1).to_string())],
            ),
            TooManyStarts { retry_after_secs } => (
                "error-too-many-starts",
                vec![("seconds", retry_after_secs.to_string())],
            ),
            NobodyAvailable { .. } => ("error-nobody-available", vec![]),
            Internal => ("error-internal", vec![]),
        }
    }
}
