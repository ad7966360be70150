//! `beckon-load`: drives a Beckon server on this machine through its real protocols and reports
//! connections held, message rates, latency percentiles, errors and the server's memory.

use beckon_load::{Config, RepSend, Scenario, Target};
use clap::{Parser, ValueEnum};
use std::time::Duration;

#[derive(Clone, Copy, ValueEnum)]
enum ScenarioArg {
    Idle,
    Chat,
    StartStorm,
}

#[derive(Clone, Copy, ValueEnum)]
enum TargetArg {
    Beckon,
    Relay,
}

#[derive(Clone, Copy, ValueEnum)]
enum RepSendArg {
    Socket,
    Http,
}

/// Load tool for Beckon (loopback targets only).
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// The server, e.g. http://127.0.0.1:8080 (127.0.0.0/8, ::1 or localhost only).
    #[arg(long)]
    url: String,
    #[arg(long, value_enum)]
    scenario: ScenarioArg,
    /// Beckon, or the baseline relay (beckon-load-relay).
    #[arg(long, value_enum, default_value = "beckon")]
    target: TargetArg,
    /// Sessions to hold (idle, chat) or at most to start (start-storm).
    #[arg(long, default_value_t = 100)]
    sessions: usize,
    /// Total customer messages per second (chat) or session starts per second (start-storm).
    #[arg(long, default_value_t = 10.0)]
    rate: f64,
    /// Seconds of the measured phase (after setup).
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// The server's process id: report its resident memory (VmRSS).
    #[arg(long)]
    pid: Option<u32>,
    /// A representative to sign in as (repeatable; sessions are spread over them).
    #[arg(long = "rep-user")]
    rep_users: Vec<String>,
    #[arg(long, env = "BECKON_LOAD_REP_PASSWORD", hide_env_values = true)]
    rep_password: Option<String>,
    /// How Beckon's representatives answer: `chat` over the console socket (as the console
    /// page does) or one `POST .../messages` each (as an integration would).
    #[arg(long, value_enum, default_value = "socket")]
    rep_send: RepSendArg,
    /// Form parameters of POST /api/start_session (default: the demo's issue "printing").
    #[arg(long, default_value = "issue_menu=1&id=12&c2cjs=1")]
    start_params: String,
    /// Sessions started and connected at once during setup.
    #[arg(long, default_value_t = 16)]
    setup_concurrency: usize,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
    /// No progress bar.
    #[arg(long)]
    no_progress: bool,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Args::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> anyhow::Result<()> {
    let scenario = match args.scenario {
        ScenarioArg::Idle => Scenario::Idle,
        ScenarioArg::Chat => Scenario::Chat,
        ScenarioArg::StartStorm => Scenario::StartStorm,
    };
    let mut cfg = Config::new(&args.url, scenario);
    cfg.target = match args.target {
        TargetArg::Beckon => Target::Beckon,
        TargetArg::Relay => Target::Relay,
    };
    cfg.sessions = args.sessions;
    cfg.rate = args.rate;
    cfg.duration = Duration::from_secs(args.duration);
    cfg.pid = args.pid;
    cfg.rep_users = args.rep_users;
    cfg.rep_password = args.rep_password;
    cfg.rep_send = match args.rep_send {
        RepSendArg::Socket => RepSend::Socket,
        RepSendArg::Http => RepSend::Http,
    };
    cfg.start_params = args.start_params;
    cfg.setup_concurrency = args.setup_concurrency;
    cfg.progress = !args.no_progress;
    let report = beckon_load::run(cfg).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(())
}
