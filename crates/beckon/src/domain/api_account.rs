//! API accounts of the integration APIs (OAuth2 client credentials).

use super::ids::ApiAccountId;
use super::time::Millis;
use serde::Serialize;

/// What an API account may do with the command API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandPermission {
    None,
    ReadOnly,
    Full,
}

impl CommandPermission {
    pub fn as_str(self) -> &'static str {
        match self {
            CommandPermission::None => "none",
            CommandPermission::ReadOnly => "read_only",
            CommandPermission::Full => "full",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "none" => Some(CommandPermission::None),
            "read_only" => Some(CommandPermission::ReadOnly),
            "full" => Some(CommandPermission::Full),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ApiAccount {
    pub id: ApiAccountId,
    pub name: String,
    pub client_id: String,
    #[serde(skip)]
    pub secret_hash: String,
    pub command_permission: CommandPermission,
    pub reporting: bool,
    pub enabled: bool,
    /// Bumped when the secret is regenerated, so that older tokens stop working.
    pub secret_generation: i64,
    pub created_at: Millis,
}

#[derive(Debug, Clone)]
pub struct NewApiAccount {
    pub name: String,
    pub client_id: String,
    pub secret_hash: String,
    pub command_permission: CommandPermission,
    pub reporting: bool,
}

/// A fresh client id (public) and secret (shown once): random, URL-safe.
pub fn generate_credentials() -> (String, String) {
    use rand::RngCore;
    let mut id = [0u8; 16];
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut id);
    rand::rngs::OsRng.fill_bytes(&mut secret);
    (hex::encode(id), base64_url(&secret))
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
