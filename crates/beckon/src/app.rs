//! The state every handler shares: the store, the settings, templates and the shutdown signal.

use crate::config::Settings;
use crate::http::templates::Templates;
use crate::hub::Hub;
use crate::i18n::I18n;
use crate::store::DynStore;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

#[derive(Clone)]
pub struct AppState {
    pub store: DynStore,
    pub settings: Arc<Settings>,
    pub templates: Arc<Templates>,
    pub i18n: Arc<I18n>,
    pub hub: Arc<Hub>,
    /// Every waiting session's place, read once for all waiting pages of this node.
    pub queue_positions: Arc<crate::queue_positions::QueuePositions>,
    /// Session starts per client address (`max_session_starts_per_minute`).
    pub start_limiter: Arc<crate::limits::AddressLimiter>,
    /// Cancelled when the server begins to shut down; long-lived connections watch it.
    pub shutdown: CancellationToken,
    /// Every open WebSocket holds a token of this tracker, so that shutdown can wait for
    /// each one to send its close frame before the store closes and the process exits.
    pub sockets: tokio_util::task::TaskTracker,
    /// The bytes of file transfers, in the data folder.
    pub transfers: crate::transfer_store::TransferStore,
}

impl AppState {
    /// Fails only when a message catalog is missing or broken (a build defect).
    pub fn new(
        store: DynStore,
        settings: Settings,
        shutdown: CancellationToken,
    ) -> Result<AppState, crate::i18n::I18nError> {
        let i18n = I18n::load()?;
        Ok(AppState {
            i18n: Arc::new(i18n),
            hub: Arc::new(Hub::default()),
            queue_positions: Arc::default(),
            start_limiter: Arc::new(crate::limits::AddressLimiter::new(
                settings.max_session_starts_per_minute,
            )),
            store,
            transfers: crate::transfer_store::TransferStore::new(&settings.data_dir),
            settings: Arc::new(settings),
            templates: Arc::new(Templates::new()),
            shutdown,
            sockets: tokio_util::task::TaskTracker::new(),
        })
    }
}
