//! The `beckon` binary: parses the command line and runs a subcommand.

mod cli;

use std::process::ExitCode;

// glibc's malloc was a tenth of the server's CPU under chat load (BENCHMARKS.md, "A faster
// allocator"): mimalloc's thread-local free lists suit many small, short-lived buffers.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            // One line, no backtrace: what went wrong and where, for an operator to act on.
            let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            eprintln!("error: {}", chain.join(": "));
            ExitCode::FAILURE
        }
    }
}
