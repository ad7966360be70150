//! Command-line interface: `serve`, `config` and `admin`.

mod admin;
mod serve;

use anyhow::Result;
use beckon::config::{CommonArgs, ServeArgs};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "beckon",
    version,
    about = "Self-hosted support-session server implementing the start_session.js API"
)]
#[command(
    after_help = "Settings come from flags, then BECKON_* environment variables, then beckon.toml, then defaults."
)]
struct Cli {
    #[command(flatten)]
    common: CommonArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server until SIGINT or SIGTERM.
    Serve(ServeArgs),
    /// Print the effective configuration (after flags, environment, file and defaults) as TOML.
    Config(ServeArgs),
    /// Manage users and API accounts (works while the server runs).
    #[command(subcommand)]
    Admin(admin::AdminCommand),
}

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match cli.command {
        Command::Serve(args) => runtime.block_on(serve::serve(cli.common, args)),
        Command::Config(args) => serve::print_config(cli.common, args),
        Command::Admin(cmd) => runtime.block_on(admin::run(cli.common, cmd)),
    }
}
