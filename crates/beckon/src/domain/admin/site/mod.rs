//! Languages, site settings, API accounts and outbound event endpoints: the settings of the
//! site as a whole, one file per concept. Callers keep using `admin::site::*`.

mod api_accounts;
mod endpoints;
mod languages;
mod settings;

pub use api_accounts::{
    create_api_account, delete_api_account, regenerate_api_secret, update_api_account,
    NewCredentials,
};
pub use endpoints::{create_endpoint, delete_endpoint, update_endpoint};
pub use languages::{set_default_language, set_language};
pub use settings::{save_site_settings, site_settings, SiteSettings};
