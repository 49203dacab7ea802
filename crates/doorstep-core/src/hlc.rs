//! Hybrid logical clocks: the order of edits made offline on many devices.
//!
//! A timestamp is (wall milliseconds, counter, node). It never goes
//! backwards on one node, moves past any timestamp the node has seen, and
//! stays close to real time. Its text form sorts the same way as the clock,
//! so SQL can compare clocks as strings.

use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
    /// The device (or endpoint) that made it: the tie-break.
    pub node: Uuid,
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:013}-{:06}-{}", self.wall_ms, self.counter, self.node.simple())
    }
}

impl FromStr for Hlc {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let mut parts = s.splitn(3, '-');
        let (Some(w), Some(c), Some(n)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("{s:?} is not a clock value (wall-counter-node)"));
        };
        Ok(Hlc {
            wall_ms: w.parse().map_err(|_| format!("{s:?}: bad wall time"))?,
            counter: c.parse().map_err(|_| format!("{s:?}: bad counter"))?,
            node: Uuid::parse_str(n).map_err(|_| format!("{s:?}: bad node id"))?,
        })
    }
}

impl serde::Serialize for Hlc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Hlc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One node's clock state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub last: Hlc,
}

impl Clock {
    pub fn new(node: Uuid) -> Clock {
        Clock { last: Hlc { wall_ms: 0, counter: 0, node } }
    }

    /// A timestamp for a local event at physical time `now_ms`.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        if now_ms > self.last.wall_ms {
            self.last.wall_ms = now_ms;
            self.last.counter = 0;
        } else {
            self.last.counter += 1;
        }
        self.last
    }

    /// Moves the clock past a time seen elsewhere (the endpoint's time on
    /// every response), so a device whose own clock is behind still orders
    /// its next edits after what it has seen.
    pub fn observe(&mut self, remote_wall_ms: u64) {
        if remote_wall_ms > self.last.wall_ms {
            self.last.wall_ms = remote_wall_ms;
            self.last.counter = 0;
        }
    }
}

pub fn now_ms() -> u64 {
    chrono::Utc::now().timestamp_millis().max(0) as u64
}

/// How far ahead of the endpoint's clock an edit's time may be. Beyond
/// this, the endpoint clamps it to its own time, so that one phone with a
/// wrong date cannot win every conflict for years.
pub const MAX_AHEAD_MS: u64 = 5 * 60 * 1000;

/// The endpoint's bound on a pushed clock.
pub fn clamp(hlc: Hlc, server_now_ms: u64) -> Hlc {
    if hlc.wall_ms > server_now_ms + MAX_AHEAD_MS { Hlc { wall_ms: server_now_ms, ..hlc } } else { hlc }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_order_is_clock_order() {
        let n1 = Uuid::from_u128(1);
        let n2 = Uuid::from_u128(2);
        let a = Hlc { wall_ms: 999, counter: 5, node: n2 };
        let b = Hlc { wall_ms: 1000, counter: 0, node: n1 };
        let c = Hlc { wall_ms: 1000, counter: 0, node: n2 };
        assert!(a < b && b < c);
        assert!(a.to_string() < b.to_string() && b.to_string() < c.to_string());
        assert_eq!(b.to_string().parse::<Hlc>().unwrap(), b);
    }

    #[test]
    fn never_goes_backwards() {
        let mut clock = Clock::new(Uuid::from_u128(7));
        let t1 = clock.tick(1000);
        let t2 = clock.tick(900); // the phone's clock was set back
        assert!(t2 > t1);
        clock.observe(5000);
        assert!(clock.tick(1000).wall_ms == 5000);
    }

    #[test]
    fn far_future_is_clamped() {
        let h = Hlc { wall_ms: 10_000_000, counter: 0, node: Uuid::nil() };
        assert_eq!(clamp(h, 1000).wall_ms, 1000);
        let near = Hlc { wall_ms: 1000 + 1000, ..h };
        assert_eq!(clamp(near, 1000), near);
    }
}
