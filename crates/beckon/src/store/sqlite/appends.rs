//! Appending events to a session's log: one at a time inside a caller's transaction
//! (`append_in`), and a group commit's whole batch in one request to SQLite's connection
//! thread (`append_many`).
//!
//! Why the second: sqlx runs each SQLite connection on its own thread and every statement is
//! a round trip to it (a channel send, a thread wake-up, a reply). The group commit paid
//! that for `BEGIN`, for each append and for `COMMIT`, so the time a batch held the write
//! lock grew with its size. Sent as one multi-statement query, the batch costs one round
//! trip: the median chat latency halved (BENCHMARKS.md, "Every write in one queue, each
//! batch in one round trip").

use super::backend;
use super::rows::EventRow;
use crate::domain::ids::SessionId;
use crate::domain::session::{NewEvent, SessionEvent};
use crate::store::{Appended, StoreError, StoreResult};
use futures_util::TryStreamExt;
use sqlx::{Either, Row, Sqlite, SqliteConnection, Transaction};

/// At most this many appends per query. A query's appends are padded with ones that insert
/// nothing to a power of two (1, 2, 4, 8 or 16), so that there are only a dozen query texts:
/// `prepare` readies them all when the store opens. Preparing a text of many statements takes
/// milliseconds, and each new batch size used to stall the writer the first time it came
/// (measured: a 58 ms batch when chat began).
const CHUNK: usize = 16;
const SIZES: usize = CHUNK.ilog2() as usize + 1;

/// Where a query sits in its batch's transaction.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    /// `BEGIN`, the appends, `COMMIT`: every batch of up to `CHUNK`.
    Whole,
    /// `BEGIN` and `CHUNK` appends.
    Opening,
    /// `CHUNK` appends.
    Middle,
    /// The last appends and `COMMIT`.
    Closing,
}

impl Part {
    const ALL: [Part; 4] = [Part::Whole, Part::Opening, Part::Middle, Part::Closing];

    fn of(first: bool, last: bool) -> Part {
        match (first, last) {
            (true, true) => Part::Whole,
            (true, false) => Part::Opening,
            (false, false) => Part::Middle,
            (false, true) => Part::Closing,
        }
    }

    fn begins(self) -> bool {
        matches!(self, Part::Whole | Part::Opening)
    }

    fn commits(self) -> bool {
        matches!(self, Part::Whole | Part::Closing)
    }
}

/// The append statement. The next `seq` is read from the log's primary key; nothing is
/// inserted for a session that does not exist or for a `client_msg_id` already stored (a
/// resent chat message), and then the statement returns no row. It writes from its first
/// step, so a transaction that starts with it takes SQLite's write lock before it reads (no
/// lock upgrade, no SQLITE_BUSY). Each parameter is an anonymous `?` used once, in order:
/// sqlx hands the statements of one query consecutive runs of the arguments only then.
const APPEND: &str = "INSERT INTO session_events (session_id, seq, kind, actor_kind, actor_id, \
     body, client_msg_id, at) \
     SELECT v.column1, \
            COALESCE((SELECT MAX(seq) FROM session_events WHERE session_id = v.column1), 0) + 1, \
            v.column2, v.column3, v.column4, v.column5, v.column6, v.column7 \
     FROM (VALUES (?, ?, ?, ?, ?, ?, ?)) AS v \
     WHERE EXISTS (SELECT 1 FROM support_sessions WHERE id = v.column1) \
       AND (v.column6 IS NULL OR NOT EXISTS (SELECT 1 FROM session_events \
            WHERE session_id = v.column1 AND client_msg_id = v.column6)) \
     RETURNING seq";

/// A query with its arguments, as `bind` and `nothing` fill it.
type Query<'q> = sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

/// Parameters of one `APPEND`, as `bind` binds them.
const PARAMS: usize = 7;

/// Binds one append's `PARAMS` parameters in `APPEND`'s order.
fn bind<'q>(q: Query<'q>, id: SessionId, e: &'q NewEvent) -> Query<'q> {
    q.bind(id.0)
        .bind(&e.kind)
        .bind(e.actor.kind())
        .bind(e.actor.id())
        .bind(e.body.to_string())
        .bind(&e.client_msg_id)
        .bind(e.at)
}

/// Appends an event inside `tx` (one statement; see `APPEND`). A `client_msg_id` already
/// stored returns that event instead (`duplicate`).
pub(super) async fn append_in(
    tx: &mut Transaction<'_, Sqlite>,
    id: SessionId,
    e: &NewEvent,
) -> StoreResult<Appended> {
    let seq: Option<i64> = bind(sqlx::query(APPEND), id, e)
        .fetch_optional(&mut **tx)
        .await
        .map_err(backend)?
        .map(|row| row.try_get(0))
        .transpose()
        .map_err(backend)?;
    outcome(&mut *tx, id, e, seq).await
}

/// What an append statement came to: the stored event, the event stored earlier under the
/// same `client_msg_id`, or `NotFound` when the session does not exist.
pub(super) async fn outcome(
    conn: &mut SqliteConnection,
    id: SessionId,
    e: &NewEvent,
    seq: Option<i64>,
) -> StoreResult<Appended> {
    if let Some(seq) = seq {
        return Ok(Appended {
            event: SessionEvent {
                seq,
                kind: e.kind.clone(),
                actor: e.actor,
                body: e.body.clone(),
                client_msg_id: e.client_msg_id.clone(),
                at: e.at,
            },
            duplicate: false,
        });
    }
    if let Some(cid) = &e.client_msg_id {
        let sql = format!(
            "SELECT {} FROM session_events WHERE session_id = ? AND client_msg_id = ?",
            super::sessions::EVENT_COLUMNS
        );
        let existing: Option<EventRow> = sqlx::query_as(&sql)
            .bind(id.0)
            .bind(cid)
            .fetch_optional(&mut *conn)
            .await
            .map_err(backend)?;
        if let Some(row) = existing {
            return Ok(Appended {
                event: SessionEvent::try_from(row)?,
                duplicate: true,
            });
        }
    }
    Err(StoreError::NotFound { what: "session" })
}

/// Prepares every query text `append_many` uses, by running each with appends that insert
/// nothing, so that no batch waits for a statement to be compiled.
pub(super) async fn prepare(conn: &mut SqliteConnection) -> StoreResult<()> {
    for size in (0..SIZES).map(|i| 1 << i) {
        for part in Part::ALL {
            // Only the last query of a batch has fewer than `CHUNK` appends.
            if matches!(part, Part::Opening | Part::Middle) && size != CHUNK {
                continue;
            }
            if !part.begins() {
                sqlx::query("BEGIN IMMEDIATE")
                    .execute(&mut *conn)
                    .await
                    .map_err(backend)?;
            }
            let q = nothing(sqlx::query(text(part, size)), size);
            let done = q.execute(&mut *conn).await.map_err(backend);
            if !part.commits() || done.is_err() {
                sqlx::query("ROLLBACK")
                    .execute(&mut *conn)
                    .await
                    .map_err(backend)?;
            }
            done?;
        }
    }
    Ok(())
}

/// Appends every event of `batch` in one transaction, committed before this returns, and
/// gives each its `seq`, or `None` where the statement inserted nothing (see `outcome`).
/// On an error nothing of the batch is kept: the caller can retry the appends one by one,
/// so that the one that failed fails alone.
pub(super) async fn append_many(
    conn: &mut SqliteConnection,
    batch: &[(SessionId, &NewEvent)],
) -> StoreResult<Vec<Option<i64>>> {
    let result = run(conn, batch).await;
    if result.is_err() {
        // Undo whatever ran. SQLite may have rolled back already ("no transaction is
        // active"), which is as good.
        let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
    }
    result
}

async fn run(
    conn: &mut SqliteConnection,
    batch: &[(SessionId, &NewEvent)],
) -> StoreResult<Vec<Option<i64>>> {
    let mut seqs = Vec::with_capacity(batch.len());
    let mut chunks = batch.chunks(CHUNK).peekable();
    let mut first = true;
    while let Some(chunk) = chunks.next() {
        let part = Part::of(first, chunks.peek().is_none());
        first = false;
        let size = chunk.len().next_power_of_two();
        let mut q = sqlx::query(text(part, size));
        for (id, e) in chunk {
            q = bind(q, *id, e);
        }
        q = nothing(q, size - chunk.len());
        // Each statement ends with a result (`Left`); an append that inserted returns its
        // row (`Right`) just before its result.
        let begin = usize::from(part.begins());
        let appends = begin..begin + chunk.len();
        let expected = size + begin + usize::from(part.commits());
        let mut statements = 0;
        let mut seq = None;
        // sqlx 0.8 runs every statement of a query with parameters and marks that as
        // deprecated (launchbadge/sqlx#3108): a future sqlx may drop it, and then the batch
        // tests here fail ("stopped after 1 of N statements") rather than anything silent.
        #[allow(deprecated)]
        let mut results = q.fetch_many(&mut *conn);
        while let Some(item) = results.try_next().await.map_err(backend)? {
            match item {
                Either::Right(row) => seq = Some(row.try_get(0).map_err(backend)?),
                Either::Left(_) => {
                    if appends.contains(&statements) {
                        seqs.push(seq.take());
                    }
                    statements += 1;
                }
            }
        }
        if statements != expected {
            return Err(StoreError::Backend(
                format!("a batch of appends stopped after {statements} of {expected} statements")
                    .into(),
            ));
        }
    }
    Ok(seqs)
}

/// Binds `n` appends that insert nothing (no session has a NULL id).
fn nothing<'q>(mut q: Query<'q>, n: usize) -> Query<'q> {
    for _ in 0..n * PARAMS {
        q = q.bind(None::<i64>);
    }
    q
}

/// The query text of `part` with `size` appends (a power of two up to `CHUNK`).
fn text(part: Part, size: usize) -> &'static str {
    static TEXTS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        Part::ALL
            .iter()
            .flat_map(|&part| (0..SIZES).map(move |i| chunk_sql(1 << i, part)))
            .collect()
    });
    let index =
        Part::ALL.iter().position(|&p| p == part).unwrap_or(0) * SIZES + size.ilog2() as usize;
    &TEXTS[index]
}

/// The query text for `n` appends in `part` of a batch.
fn chunk_sql(n: usize, part: Part) -> String {
    let mut sql = String::new();
    if part.begins() {
        sql.push_str("BEGIN IMMEDIATE; ");
    }
    for _ in 0..n {
        sql.push_str(APPEND);
        sql.push_str("; ");
    }
    if part.commits() {
        sql.push_str("COMMIT");
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_opens_and_commits_around_its_appends() {
        let sql = chunk_sql(2, Part::Whole);
        assert!(sql.starts_with("BEGIN IMMEDIATE; "), "{sql}");
        assert!(sql.ends_with("COMMIT"), "{sql}");
        assert_eq!(sql.matches("INSERT").count(), 2, "{sql}");
        assert_eq!(sql.matches('?').count(), 2 * PARAMS, "{sql}");
        assert!(!chunk_sql(1, Part::Closing).contains("BEGIN"));
        assert!(!chunk_sql(1, Part::Opening).contains("COMMIT"));
        assert_eq!(text(Part::Middle, CHUNK).matches("INSERT").count(), CHUNK);
    }
}
