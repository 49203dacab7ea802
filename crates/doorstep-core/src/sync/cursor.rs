//! Where a device stands in one list, as the endpoint wrote it and the
//! device sends it back: the same text whatever backend issued it.
//!
//! `s:AT:AFTER` copies the list as of change `AT`, people after `AFTER`;
//! `c:SEQ` follows the change log from `SEQ`. Either may end in `~MARK`,
//! the mark of the change it stands at ([`mark_of`]). The log numbers
//! changes one after another, so a store restored from a backup numbers
//! new changes again from where the backup ended, and a cursor past that
//! point would skip them; a cursor whose change no longer has its mark is
//! [`Cursor::Diverged`], and its list is copied afresh.

use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// Copying the list as of change `at`, people after `after`.
    Snapshot { at: i64, after: Option<Uuid> },
    /// Following the change log from `seq`.
    Changes { seq: i64 },
    /// Issued by this endpoint before it lost part of its change log (it
    /// was restored from a backup): the numbers after the one in the cursor
    /// now name other changes, so the device must copy its list again.
    Diverged,
}

/// The mark of a change: the end of its entity's id. Short, and a restored
/// log's new change at the same number names another entity.
pub fn mark_of(entity: Uuid) -> String {
    entity.simple().to_string()[24..].to_owned()
}

impl Cursor {
    /// A cursor as a device sent it (None: none yet), checked against the
    /// change log: `entity_at(seq)` is the entity of the change numbered
    /// `seq`, if the log still has it.
    pub fn read<E>(s: &str, entity_at: impl FnOnce(i64) -> Result<Option<Uuid>, E>) -> Result<Result<Option<Cursor>, String>, E> {
        let (text, mark) = match s.split_once('~') {
            Some((text, mark)) => (text, Some(mark)),
            None => (s, None),
        };
        let cursor = match Self::parse(text) {
            Ok(c) => c,
            Err(m) => return Ok(Err(m)),
        };
        let (Some(mark), Some(at)) = (mark, cursor.and_then(|c| c.at())) else { return Ok(Ok(cursor)) };
        let now = entity_at(at)?.map(mark_of);
        Ok(Ok(if now.as_deref() == Some(mark) { cursor } else { Some(Cursor::Diverged) }))
    }

    /// This cursor as the device will send it back, marked with the change
    /// it stands at when the log has it.
    pub fn issue<E>(&self, entity_at: impl FnOnce(i64) -> Result<Option<Uuid>, E>) -> Result<String, E> {
        let text = self.text();
        let Some(at) = self.at() else { return Ok(text) };
        Ok(match entity_at(at)? {
            Some(entity) => format!("{text}~{}", mark_of(entity)),
            None => text,
        })
    }

    /// The change this cursor stands at.
    pub fn at(&self) -> Option<i64> {
        match *self {
            Cursor::Snapshot { at, .. } => Some(at),
            Cursor::Changes { seq } => Some(seq),
            Cursor::Diverged => None,
        }
    }

    /// The cursor without its mark; "" is none yet.
    pub fn parse(s: &str) -> Result<Option<Cursor>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        let bad = || format!("cursor {s:?} is not one this endpoint issued");
        if let Some(rest) = s.strip_prefix("s:") {
            let (at, after) = rest.split_once(':').ok_or_else(bad)?;
            let at = at.parse().map_err(|_| bad())?;
            let after = if after.is_empty() { None } else { Some(Uuid::parse_str(after).map_err(|_| bad())?) };
            return Ok(Some(Cursor::Snapshot { at, after }));
        }
        if let Some(rest) = s.strip_prefix("c:") {
            return Ok(Some(Cursor::Changes { seq: rest.parse().map_err(|_| bad())? }));
        }
        Err(bad())
    }

    /// The cursor's text without its mark. A diverged cursor is never
    /// issued: its list starts afresh.
    pub fn text(&self) -> String {
        match self {
            Cursor::Snapshot { at, after } => format!("s:{at}:{}", after.map(|a| a.to_string()).unwrap_or_default()),
            Cursor::Changes { seq } => format!("c:{seq}"),
            Cursor::Diverged => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    const A: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_00aa);
    const B: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_00bb);

    /// What each text a device may send reads as, against a log whose
    /// change 7 is of entity A and which has no change 9.
    #[test]
    fn cursors_as_devices_send_them() {
        let log = |seq: i64| Ok::<_, ()>(match seq {
            7 => Some(A),
            _ => None,
        });
        let mark_a = mark_of(A);
        let mark_b = mark_of(B);
        let cases = [
            String::new(),
            "c:7".into(),
            format!("c:7~{mark_a}"),
            format!("c:7~{mark_b}"),
            format!("c:9~{mark_a}"),
            format!("s:7:{B}~{mark_a}"),
            "s:7:".into(),
            "c:x".into(),
            "s:7".into(),
            "z:1".into(),
        ];
        let got: Vec<String> = cases.iter().map(|c| format!("{c:?} => {:?}", Cursor::read(c, log).unwrap())).collect();
        expect![[r#"
            "" => Ok(None)
            "c:7" => Ok(Some(Changes { seq: 7 }))
            "c:7~000000aa" => Ok(Some(Changes { seq: 7 }))
            "c:7~000000bb" => Ok(Some(Diverged))
            "c:9~000000aa" => Ok(Some(Diverged))
            "s:7:01930000-0000-7000-8000-0000000000bb~000000aa" => Ok(Some(Snapshot { at: 7, after: Some(01930000-0000-7000-8000-0000000000bb) }))
            "s:7:" => Ok(Some(Snapshot { at: 7, after: None }))
            "c:x" => Err("cursor \"c:x\" is not one this endpoint issued")
            "s:7" => Err("cursor \"s:7\" is not one this endpoint issued")
            "z:1" => Err("cursor \"z:1\" is not one this endpoint issued")"#]]
        .assert_eq(&got.join("\n"));
    }

    #[test]
    fn an_issued_cursor_reads_back_as_itself() {
        let log = |_| Ok::<_, ()>(Some(A));
        for c in [Cursor::Changes { seq: 12 }, Cursor::Snapshot { at: 3, after: Some(B) }, Cursor::Snapshot { at: 3, after: None }] {
            let text = c.issue(log).unwrap();
            assert_eq!(Cursor::read(&text, log).unwrap(), Ok(Some(c)), "{text}");
        }
        // A change the log no longer has: issued without a mark.
        assert_eq!(Cursor::Changes { seq: 4 }.issue(|_| Ok::<_, ()>(None)).unwrap(), "c:4");
    }
}
