//! Statements for bulk writes: many rows per statement, and values bound
//! in place. Voter-file imports write people this way, and the endpoint
//! and devices write the attempts of a push or a pull page.
//!
//! rusqlite binds every string with `SQLITE_TRANSIENT`, so SQLite frees the
//! previous value and allocates and copies the new one, under its mutexes,
//! for each of the dozen text columns of each row; in a bulk import that
//! took about as long as the B-tree work itself. Here values are bound with
//! `SQLITE_STATIC`, which is sound because they are borrowed for the one
//! call that binds, steps and unbinds them.

use rusqlite::ffi;
use std::ffi::{CStr, c_int};
use std::marker::PhantomData;
use std::ptr;

/// A value to bind, borrowed for one statement execution.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Int(v.into())
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(v: &'a String) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a uuid::Uuid> for Value<'a> {
    fn from(v: &'a uuid::Uuid) -> Self {
        Value::Blob(v.as_bytes())
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl From<f64> for Value<'_> {
    fn from(v: f64) -> Self {
        Value::Real(v)
    }
}

impl From<i32> for Value<'_> {
    fn from(v: i32) -> Self {
        Value::Int(v.into())
    }
}

/// Rows per statement: a statement costs more to run than a row to write.
const ROWS_PER_INSERT: usize = 64;

/// `head VALUES (…), (…), …` for any number of rows, `head` being an
/// `INSERT … INTO table(columns)`. Prefer `INSERT OR IGNORE` where a row
/// could conflict: a statement that writes several rows and may fail
/// halfway needs a statement journal, and FTS5 flushes its pending terms to
/// disk whenever one opens. Callers that expect no conflicts check the
/// count written.
pub(crate) struct ManyRows<'c> {
    head: &'static str,
    width: usize,
    /// The statement for a full chunk, prepared when the first one comes,
    /// so that writing a row or two costs no more than it needs.
    full: Option<Statement<'c>>,
}

impl<'c> ManyRows<'c> {
    pub fn new(head: &'static str, width: usize) -> Self {
        ManyRows { head, width, full: None }
    }

    /// Inserts `rows`, each turned into `width` values by `values`;
    /// returns how many were written.
    pub fn insert<'a, T: 'a>(
        &mut self,
        conn: &'c rusqlite::Connection,
        rows: impl IntoIterator<Item = T>,
        mut values: impl FnMut(T, &mut Vec<Value<'a>>),
    ) -> rusqlite::Result<usize> {
        let mut written = 0;
        let mut bound = Vec::with_capacity(self.width * ROWS_PER_INSERT);
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            bound.clear();
            for row in rows.by_ref().take(ROWS_PER_INSERT) {
                values(row, &mut bound);
            }
            assert_eq!(bound.len() % self.width, 0, "each row binds {} values", self.width);
            let n = bound.len() / self.width;
            written += if n == ROWS_PER_INSERT {
                let full = match &mut self.full {
                    Some(full) => full,
                    empty => empty.insert(Statement::prepare(conn, &values_sql(self.head, self.width, ROWS_PER_INSERT))?),
                };
                full.execute(&bound)?
            } else {
                Statement::prepare(conn, &values_sql(self.head, self.width, n))?.execute(&bound)?
            };
        }
        Ok(written)
    }
}

fn values_sql(head: &str, width: usize, rows: usize) -> String {
    let one = format!("({})", vec!["?"; width].join(", "));
    format!("{head} VALUES {}", vec![one; rows].join(", "))
}

/// A prepared statement, finalized before its connection can close.
pub(crate) struct Statement<'c> {
    db: *mut ffi::sqlite3,
    stmt: *mut ffi::sqlite3_stmt,
    _conn: PhantomData<&'c rusqlite::Connection>,
}

impl<'c> Statement<'c> {
    pub fn prepare(conn: &'c rusqlite::Connection, sql: &str) -> rusqlite::Result<Statement<'c>> {
        // SAFETY: the handle is used only by this statement, which borrows
        // `conn` for its whole life.
        let db = unsafe { conn.handle() };
        let mut stmt = ptr::null_mut();
        let len = c_int::try_from(sql.len())
            .map_err(|_| rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_TOOBIG), None))?;
        let flags = ffi::SQLITE_PREPARE_PERSISTENT;
        // SAFETY: `sql` is valid for `len` bytes; `stmt` is an out pointer.
        let rc = unsafe { ffi::sqlite3_prepare_v3(db, sql.as_ptr().cast(), len, flags, &mut stmt, ptr::null_mut()) };
        check(db, rc)?;
        Ok(Statement { db, stmt, _conn: PhantomData })
    }

    /// Binds `values`, runs the statement and unbinds them again, so that
    /// SQLite holds no pointer into them once this returns.
    pub fn execute(&mut self, values: &[Value<'_>]) -> rusqlite::Result<usize> {
        let result = self.bind_and_step(values);
        // SAFETY: `stmt` is a live statement; resetting and clearing drops
        // every pointer to `values`.
        unsafe {
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
        }
        result
    }

    fn bind_and_step(&mut self, values: &[Value<'_>]) -> rusqlite::Result<usize> {
        for (i, value) in values.iter().enumerate() {
            let col = c_int::try_from(i + 1).expect("fewer parameters than SQLite allows");
            // SAFETY: `stmt` is live, and text and blobs stay borrowed until
            // `execute` clears the bindings (SQLITE_STATIC: no copy, no free).
            let rc = unsafe {
                match *value {
                    Value::Null => ffi::sqlite3_bind_null(self.stmt, col),
                    Value::Int(v) => ffi::sqlite3_bind_int64(self.stmt, col, v),
                    Value::Real(v) => ffi::sqlite3_bind_double(self.stmt, col, v),
                    Value::Text(s) => {
                        let (ptr, len) = (s.as_ptr().cast(), s.len() as u64);
                        ffi::sqlite3_bind_text64(self.stmt, col, ptr, len, ffi::SQLITE_STATIC(), ffi::SQLITE_UTF8 as u8)
                    }
                    Value::Blob(b) => {
                        let (ptr, len) = (b.as_ptr().cast(), b.len() as u64);
                        ffi::sqlite3_bind_blob64(self.stmt, col, ptr, len, ffi::SQLITE_STATIC())
                    }
                }
            };
            check(self.db, rc)?;
        }
        // SAFETY: `stmt` is live and fully bound.
        match unsafe { ffi::sqlite3_step(self.stmt) } {
            ffi::SQLITE_DONE => Ok(unsafe { ffi::sqlite3_changes64(self.db) } as usize),
            rc => Err(error(self.db, rc)),
        }
    }
}

impl Drop for Statement<'_> {
    fn drop(&mut self) {
        // SAFETY: `stmt` came from sqlite3_prepare_v3 and is finalized once.
        unsafe { ffi::sqlite3_finalize(self.stmt) };
    }
}

fn check(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Result<()> {
    if rc == ffi::SQLITE_OK { Ok(()) } else { Err(error(db, rc)) }
}

fn error(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Error {
    // SAFETY: sqlite3_errmsg returns a NUL-terminated string owned by `db`,
    // copied here before any other call on the connection.
    let message = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db)) }.to_string_lossy().into_owned();
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some(message))
}
