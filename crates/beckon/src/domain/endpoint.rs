//! Outbound event endpoints (configured by administrators; delivery is the integration work).

use super::time::Millis;
use serde::Serialize;

/// The events an endpoint may subscribe to, as the vendor names them.
pub const EVENT_NAMES: [&str; 5] = [
    "support_conference_begin",
    "support_conference_end",
    "support_conference_member_added",
    "support_conference_member_departed",
    "support_conference_transferred",
];

#[derive(Debug, Clone, Serialize)]
pub struct EventEndpoint {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    /// Shared secret for the HMAC signature; shown to administrators only when set.
    #[serde(skip)]
    pub secret: String,
    pub enabled: bool,
    pub created_at: Millis,
}
