//! Which operations the endpoint has applied, by id.
//!
//! Sequence numbers alone cannot tell an operation sent again from a new one
//! that reuses its number (a device restored from a backup numbers again
//! from where the backup was), so the endpoint keeps every applied op's id
//! (`applied_ops`, migration 10) and applies each id once, whatever number
//! it arrives under.

use crate::bulk;
use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension};
use uuid::Uuid;

/// The device whose operation with this id was applied, if one was.
pub fn applied_by(conn: &Connection, op_id: Uuid) -> Result<Option<Uuid>> {
    Ok(conn.prepare_cached("SELECT device_id FROM applied_ops WHERE op_id = ?1")?.query_row([op_id], |r| r.get(0)).optional()?)
}

/// Notes a device's operations `(op_id, seq)` as applied, inside the push's
/// transaction; for each, whether it is new. One applied before under
/// another number (the device renumbered its outbox to line up with the
/// endpoint) is not new. Another device's id is refused: ids are made at
/// random, so only a forged operation repeats one.
///
/// Every op of a push is noted, so they go in many rows to a statement; only
/// a batch that meets an id already there is looked at op by op.
pub fn claim(conn: &Connection, device: Uuid, ops: &[(Uuid, i64)]) -> Result<Vec<bool>> {
    if ops.is_empty() {
        return Ok(Vec::new());
    }
    let mut many = bulk::ManyRows::new("INSERT OR IGNORE INTO applied_ops(op_id, device_id, seq)", 3);
    let written = many.insert(conn, ops.iter(), |(op_id, seq), v| {
        v.extend::<[bulk::Value; 3]>([op_id.into(), (&device).into(), (*seq).into()]);
    })?;
    if written == ops.len() {
        return Ok(vec![true; ops.len()]);
    }
    // Some were here already. An op is new if the row under its id is the
    // one just written: this device's, at this number (an op applied before
    // was applied at a lower number, or it would not be sent as fresh).
    let mut row = conn.prepare_cached("SELECT device_id, seq FROM applied_ops WHERE op_id = ?1")?;
    let mut new = Vec::with_capacity(ops.len());
    let mut in_batch = std::collections::HashSet::with_capacity(ops.len());
    for (op_id, seq) in ops {
        let (by, at): (Uuid, i64) = row.query_row([op_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if by != device {
            return Err(Error::Invalid(format!("operation {seq}: op_id {op_id} belongs to another device's operation")));
        }
        // The same id twice in one batch: the first is the one applied.
        new.push(at == *seq && in_batch.insert(*op_id));
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_op_is_new_once_whatever_its_number() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let conn = store.conn();
        let (phone, other) = (Uuid::now_v7(), Uuid::now_v7());
        let (a, b, c) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        assert_eq!(claim(conn, phone, &[(a, 1), (b, 2)]).unwrap(), [true, true]);
        // b again, renumbered after a realignment, with a new op c.
        assert_eq!(claim(conn, phone, &[(b, 7), (c, 8)]).unwrap(), [false, true]);
        assert_eq!(applied_by(conn, c).unwrap(), Some(phone));
        assert_eq!(applied_by(conn, Uuid::now_v7()).unwrap(), None);
        let err = claim(conn, other, &[(a, 1)]).unwrap_err();
        assert!(err.to_string().contains("another device"), "{err}");
        // 64 rows to a statement: a batch past that still comes out whole.
        let many: Vec<(Uuid, i64)> = (0..200).map(|i| (Uuid::now_v7(), 100 + i)).collect();
        assert!(claim(conn, phone, &many).unwrap().iter().all(|n| *n));
    }
}
