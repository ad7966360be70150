//! The process's open-file limit, which every connection counts against.
//!
//! Each connection, WebSockets included, holds a file descriptor, and so do the database's
//! files, SQLite's temporary files, files being downloaded or transferred and the listeners.
//! When a process runs out, `accept` fails (the client waits and gives up, with no answer)
//! and the database cannot open what it needs, so requests fail with 500s: measured at 20,000
//! idle sessions under a limit of 20,000 files, where 27 connections were lost that way and a
//! routing pass failed with "unable to open database file". So the server raises its soft
//! limit to the hard one at start (the default soft limit is often 1,024) and keeps the
//! connection cap far enough below it that the rest always has files: a connection over the
//! cap gets a clean `503` with `Retry-After` instead.

/// Files kept for everything that is not a connection: a quarter of the limit, at most this.
const RESERVE: u64 = 256;

/// The connection cap to use for `requested` (`0`: none asked for): raises the open-file
/// limit, fits the cap under it, and warns when that lowers it.
pub fn connection_cap(requested: usize) -> usize {
    let Some(files) = raise() else {
        return requested;
    };
    let fitted = fit(requested, files);
    if fitted != requested {
        let asked = match requested {
            0 => "unlimited".to_string(),
            n => n.to_string(),
        };
        tracing::warn!(
            "at most {fitted} connections at once, not {asked}: this process may open {files} files, and the database and downloads need some (raise the open-file limit, e.g. LimitNOFILE= under systemd, to allow more)"
        );
    }
    fitted
}

/// Raises the soft open-file limit as far as the hard limit allows; the limit now in force,
/// or `None` when it cannot be read.
fn raise() -> Option<u64> {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => Some(limit),
        Err(e) => {
            tracing::warn!(error = %e, "cannot read or raise the open-file limit");
            None
        }
    }
}

/// The connection cap that fits under `limit` open files: `requested` (`0`: no cap asked
/// for) when it fits, else the limit less the reserve.
fn fit(requested: usize, limit: u64) -> usize {
    let room = limit.saturating_sub(RESERVE.min(limit / 4)).max(1);
    let room = usize::try_from(room).unwrap_or(usize::MAX);
    if requested == 0 {
        room
    } else {
        requested.min(room)
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn the_cap_leaves_files_for_everything_else() {
        // A cap that fits is kept.
        assert_eq!(fit(1_000, 20_000), 1_000);
        // The default cap under this machine's limit, and "no cap".
        assert_eq!(fit(25_000, 20_000), 19_744);
        assert_eq!(fit(0, 20_000), 19_744);
        // A small limit keeps a quarter for the rest.
        assert_eq!(fit(25_000, 1_024), 768);
        assert_eq!(fit(0, 100), 75);
        // Nothing overflows or reaches zero.
        assert!(fit(0, u64::MAX) >= usize::MAX / 2);
        assert_eq!(fit(0, 0), 1);
    }
}
