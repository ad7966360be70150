//! `beckon serve` and `beckon config`.

use anyhow::{Context, Result};
use beckon::app::AppState;
use beckon::config::{self, CommonArgs, LogFormat, ServeArgs, Settings};
use beckon::store::sqlite::SqliteStore;
use beckon::store::Store;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

fn resolve(common: &CommonArgs, args: &ServeArgs) -> Result<(Settings, Vec<String>)> {
    let loaded = config::load_file(common)?;
    let settings = Settings::resolve(common, args, &loaded.file)?;
    Ok((settings, loaded.warnings))
}

pub fn print_config(common: CommonArgs, args: ServeArgs) -> Result<ExitCode> {
    let (settings, warnings) = resolve(&common, &args)?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    print!(
        "{}",
        toml::to_string(&settings).context("cannot format the configuration")?
    );
    Ok(ExitCode::SUCCESS)
}

fn init_logging(settings: &Settings) -> Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_new(&settings.log)
        .with_context(|| format!("invalid log filter `{}`", settings.log))?;
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    match settings.log_format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
    Ok(())
}

/// Opens the store in the data dir, creating the folder; the error names the folder.
pub async fn open_store(data_dir: &Path) -> Result<SqliteStore> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create data dir {}", data_dir.display()))?;
    let probe = data_dir.join(".beckon-write-test");
    std::fs::write(&probe, b"")
        .with_context(|| format!("data dir {} is not writable", data_dir.display()))?;
    let _ = std::fs::remove_file(&probe);
    SqliteStore::open(data_dir)
        .await
        .with_context(|| format!("cannot open the database in {}", data_dir.display()))
}

async fn bind(addr: std::net::SocketAddr, what: &str) -> Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr} ({what})"))
}

pub async fn serve(common: CommonArgs, args: ServeArgs) -> Result<ExitCode> {
    let explicit_public_url = args.public_url.is_some();
    let (settings, warnings) = resolve(&common, &args)?;
    let explicit_public_url = explicit_public_url || {
        let loaded = config::load_file(&common)?;
        loaded.file.public_url.is_some()
    };
    init_logging(&settings)?;
    for w in warnings {
        tracing::warn!("{w}");
    }
    if let Some(files) = &settings.tls {
        // Checked here too, so that a bad certificate stops the start before it is announced.
        beckon::server::tls::Tls::load(files)
            .context("TLS (tls_cert and tls_key) cannot be used")?;
    }
    let store = open_store(&settings.data_dir).await?;
    let listener = bind(settings.listen, "site").await?;
    let demo_listener = match settings.demo_site_listen {
        Some(addr) => Some(bind(addr, "demo site").await?),
        None => None,
    };
    let settings = settings.with_bound_address(listener.local_addr()?, explicit_public_url);
    let store: Arc<dyn Store> = Arc::new(store);

    if let Some(secret) = beckon::seed::ensure_first_admin(
        store.as_ref(),
        std::env::var("BECKON_ADMIN_PASSWORD").ok(),
    )
    .await?
    {
        // Printed to stdout once, never logged: logs are often shipped elsewhere.
        println!(
            "Created the first administrator. Username: admin  Password: {}",
            secret.password
        );
        println!("(shown once; change it after signing in)");
    }
    if settings.demo {
        let secret =
            beckon::seed::seed_demo(store.as_ref(), std::env::var("BECKON_DEMO_PASSWORD").ok())
                .await?;
        if let Some(secret) = secret {
            println!(
                "Demo representatives: demo-admin (id 30, \"Admin\") and john (id 12, \"John\"). Password: {}",
                secret.password
            );
        }
        tracing::info!("demo site at {}/demo", settings.base_url());
    }
    let demo_addr = demo_listener.as_ref().and_then(|l| l.local_addr().ok());
    let shutdown = CancellationToken::new();
    beckon::server::cancel_on_signals(shutdown.clone())
        .context("cannot install signal handlers")?;
    let scheme = if settings.tls.is_some() {
        "https"
    } else {
        "http"
    };
    tracing::info!(public_url = %settings.public_url, "listening on {scheme}://{}", settings.listen);
    if let Some(addr) = demo_addr {
        tracing::info!("demo site listening on http://{addr}/");
    }
    let state = AppState::new(store, settings, shutdown)?;
    beckon::server::serve(state, listener, demo_listener).await?;
    Ok(ExitCode::SUCCESS)
}
