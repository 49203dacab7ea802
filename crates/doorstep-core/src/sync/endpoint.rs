//! The endpoint's rules for a push, whatever stores it: which operations of
//! a batch are new, which numbering to refuse, and the entry checks every
//! operation passes. The embedded backend's direct path and its push inbox
//! both apply them, so a queued push is held to what a direct one is.

use crate::attempt::EntryError;
use crate::error::Result;
use crate::sync::proto::{Op, OpBody};

/// Why a batch's numbering is refused. Either way the device is told the
/// last number applied, and lines its outbox up after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misnumbered {
    /// A number at or below the last applied one, for an operation never
    /// applied: the device's numbering went back (its data was restored
    /// from a backup, or lost its last commits). Skipping it as seen would
    /// lose it.
    Reused { seq: i64, next: i64 },
    /// A batch that does not start right after the last applied number:
    /// one that overtook the batch before it, or an endpoint that lost what
    /// it had acknowledged. Never skipped silently.
    Gap { expected: i64, got: i64 },
}

impl std::fmt::Display for Misnumbered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Misnumbered::Reused { seq, next } => {
                write!(f, "operation {seq} reuses a number this endpoint applied for another operation; number from {next} on")
            }
            Misnumbered::Gap { expected, got } => write!(f, "expected operation {expected} next, got {got}"),
        }
    }
}

/// The operations of a batch past `last_seq`, the device's last applied
/// number. One at or below it must be one `already` says was applied (sent
/// again after a lost answer); otherwise the numbering went back. With
/// `gapless`, the new ones must start right after `last_seq`.
pub fn fresh(
    ops: Vec<Op>,
    last_seq: i64,
    gapless: bool,
    mut already: impl FnMut(&Op) -> Result<bool>,
) -> Result<std::result::Result<Vec<Op>, Misnumbered>> {
    let mut fresh = Vec::with_capacity(ops.len());
    for op in ops {
        if op.seq > last_seq {
            fresh.push(op);
        } else if !already(&op)? {
            return Ok(Err(Misnumbered::Reused { seq: op.seq, next: last_seq + 1 }));
        }
    }
    if let Some(first) = fresh.first()
        && gapless
        && first.seq != last_seq + 1
    {
        return Ok(Err(Misnumbered::Gap { expected: last_seq + 1, got: first.seq }));
    }
    Ok(Ok(fresh))
}

/// The entry checks of one operation, by the endpoint's clock `now`: the
/// same ones the device ran when it queued it ([`crate::attempt::check`],
/// [`crate::person::check_field`], [`crate::person::check_new`]).
pub fn check_entry(body: &mut OpBody, now: chrono::DateTime<chrono::Utc>) -> std::result::Result<(), EntryError> {
    match body {
        OpBody::Attempt { attempt } => crate::attempt::check(attempt, now),
        OpBody::PersonEdit { field, value, .. } => crate::person::check_field(*field, value),
        OpBody::PersonAdd { person, household, .. } => crate::person::check_new(person, household.as_mut()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::hlc::Hlc;
    use uuid::Uuid;

    fn op(seq: i64) -> Op {
        let hlc = Hlc { wall_ms: 1, counter: 0, node: Uuid::nil() };
        Op { seq, op_id: Uuid::now_v7(), body: OpBody::PersonEdit { person_id: Uuid::nil(), field: crate::sync::proto::PersonField::DoNotContact, value: true.into(), hlc } }
    }

    #[test]
    fn numbering_cases() {
        let seqs = |r: Vec<Op>| r.iter().map(|o| o.seq).collect::<Vec<_>>();
        // A batch sent again after a lost answer: its applied part skipped.
        assert_eq!(seqs(fresh(vec![op(4), op(5), op(6)], 5, true, |_| Ok(true)).unwrap().unwrap()), [6]);
        // A reused number: refused, saying where to number from.
        assert_eq!(fresh(vec![op(5)], 5, true, |_| Ok(false)).unwrap().unwrap_err(), Misnumbered::Reused { seq: 5, next: 6 });
        // A gap: refused, unless the batch was checked when it was queued.
        assert_eq!(fresh(vec![op(8)], 5, true, |_| Ok(true)).unwrap().unwrap_err(), Misnumbered::Gap { expected: 6, got: 8 });
        assert_eq!(seqs(fresh(vec![op(8)], 5, false, |_| Ok(true)).unwrap().unwrap()), [8]);
    }
}
