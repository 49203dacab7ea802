//! What keeps one client, or many, from wearing the endpoint down: time
//! limits on each connection and request, a cap on open connections, and
//! a budget of wrong pairing codes.

use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::{Duration, Instant};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_util::sync::PollSemaphore;

/// The endpoint's time and connection limits. The defaults are for a phone
/// on bad signal: slow, with stalls of a few seconds, but never silent for
/// long while it still means to finish.
#[derive(Debug, Clone)]
pub struct Limits {
    /// A request's headers (a few hundred bytes, one or two TCP segments)
    /// must arrive within this, counted from the first byte a connection
    /// could send. 15 s covers a few lost segments and TCP's backoff; a
    /// client that trickles headers (slow-loris) is cut off. hyper starts
    /// the same clock when a kept-alive connection goes idle, so it is also
    /// the idle keep-alive limit: a device's requests of one sync follow
    /// each other within seconds, and one that goes quiet longer reconnects.
    pub header_read: Duration,
    /// A request body that sends nothing for this long fails (408): 30 s is
    /// a long dead spot in a stairwell, and holds nothing up for long.
    pub body_stall: Duration,
    /// A whole request, body read and answer made, within this (408 beyond):
    /// the backstop for a body that trickles a byte at a time without ever
    /// stalling. A push batch of a few hundred KiB at 2G's few KiB/s takes
    /// about a minute; answers stream out after this clock stops.
    pub request: Duration,
    /// Open connections at once; those beyond wait, unanswered, in the
    /// kernel's queue until one closes. Far above what a campaign's phones
    /// hold (one or two each while they sync), far below the descriptors a
    /// process gets.
    pub max_connections: usize,
    /// Wrong pairing codes allowed per source address, and overall.
    pub pair_per_source: Quota,
    pub pair_overall: Quota,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(15),
            body_stall: Duration::from_secs(30),
            request: Duration::from_secs(120),
            max_connections: 1024,
            pair_per_source: PAIR_PER_SOURCE,
            pair_overall: PAIR_OVERALL,
        }
    }
}

/// A budget that refills: `burst` at once, then one more every `every`.
#[derive(Debug, Clone, Copy)]
pub struct Quota {
    pub burst: u32,
    pub every: Duration,
}

/// `BURST/SECONDS`, e.g. `20/3`: twenty at once, one more every 3 s.
impl std::str::FromStr for Quota {
    type Err = String;
    fn from_str(s: &str) -> Result<Quota, String> {
        let wrong = || format!("{s:?}: expected BURST/SECONDS, like 20/3");
        let (burst, secs) = s.split_once('/').ok_or_else(wrong)?;
        let burst: u32 = burst.trim().parse().map_err(|_| wrong())?;
        let secs: f64 = secs.trim().parse().map_err(|_| wrong())?;
        if burst == 0 || !(secs > 0.0 && secs.is_finite()) {
            return Err(format!("{s:?}: the burst and the seconds must both be above zero"));
        }
        Ok(Quota { burst, every: Duration::from_secs_f64(secs) })
    }
}

/// Wrong pairing codes from one source address: a mistyped code or two per
/// phone, even for a training room of phones behind one address, and an
/// organizer pairing many phones at once is not slowed, since codes that
/// work give their allowance back.
pub const PAIR_PER_SOURCE: Quota = Quota { burst: 20, every: Duration::from_secs(3) };

/// Wrong pairing codes from everywhere together, the bound on guessing from
/// many addresses. A code is 40 bits (2^40 ≈ 1.1e12); at one guess a second
/// for a code's whole day, even a thousand live codes leave a guesser about
/// one chance in 12,000 of a hit. While someone spends this budget, pairing
/// answers 429 for everyone (their failures are in the log); tokens already
/// paired are not touched.
pub const PAIR_OVERALL: Quota = Quota { burst: 100, every: Duration::from_secs(1) };

/// Failed pairing redemptions, per source address and overall.
///
/// Not `governor`: its GCRA cannot give an allowance back, and only
/// failures may count here (a code that works is the common case, and
/// pairing a room of phones from one address must not be refused). An
/// allowance is taken before the code is tried, so concurrent guesses
/// cannot slip past the count, and given back if the code worked.
pub struct PairLimiter {
    per_source: Quota,
    overall: Quota,
    state: Mutex<State>,
}

struct State {
    overall: Bucket,
    sources: HashMap<IpAddr, Bucket>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn full(q: Quota, now: Instant) -> Bucket {
        Bucket { tokens: f64::from(q.burst), at: now }
    }
    fn refill(&mut self, q: Quota, now: Instant) {
        let earned = now.saturating_duration_since(self.at).as_secs_f64() / q.every.as_secs_f64();
        self.tokens = (self.tokens + earned).min(f64::from(q.burst));
        self.at = now;
    }
    fn is_full(&self, q: Quota) -> bool {
        self.tokens >= f64::from(q.burst)
    }
    /// How long until one more attempt is allowed.
    fn wait(&self, q: Quota) -> Duration {
        if self.tokens >= 1.0 { Duration::ZERO } else { q.every.mul_f64(1.0 - self.tokens) }
    }
}

/// An allowance taken for one attempt; give it back with
/// [`PairLimiter::succeeded`] if the code worked.
#[must_use]
pub struct Allowance {
    source: IpAddr,
}

/// Past this many sources, those whose budgets are whole again are
/// forgotten. Each one in the map cost a failure, and failures are bounded
/// by the overall budget, so the map stays small.
const FORGET_ABOVE: usize = 1024;

impl PairLimiter {
    pub fn new(per_source: Quota, overall: Quota) -> PairLimiter {
        let now = Instant::now();
        PairLimiter { per_source, overall, state: Mutex::new(State { overall: Bucket::full(overall, now), sources: HashMap::new() }) }
    }

    /// Takes one attempt's allowance for `peer`, or says how long to wait.
    pub fn begin(&self, peer: IpAddr) -> Result<Allowance, Duration> {
        let source = source_key(peer);
        let now = Instant::now();
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let (per_source, overall) = (self.per_source, self.overall);
        if state.sources.len() > FORGET_ABOVE {
            state.sources.retain(|_, b| {
                b.refill(per_source, now);
                !b.is_full(per_source)
            });
        }
        state.overall.refill(overall, now);
        let mut bucket = state.sources.get(&source).copied().unwrap_or_else(|| Bucket::full(per_source, now));
        bucket.refill(per_source, now);
        let wait = bucket.wait(per_source).max(state.overall.wait(overall));
        if !wait.is_zero() {
            return Err(wait);
        }
        bucket.tokens -= 1.0;
        state.overall.tokens -= 1.0;
        state.sources.insert(source, bucket);
        Ok(Allowance { source })
    }

    /// The code worked: its allowance goes back, so only failures count.
    pub fn succeeded(&self, allowance: Allowance) {
        let now = Instant::now();
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let (per_source, overall) = (self.per_source, self.overall);
        state.overall.refill(overall, now);
        state.overall.tokens = (state.overall.tokens + 1.0).min(f64::from(overall.burst));
        if let Some(b) = state.sources.get_mut(&allowance.source) {
            b.refill(per_source, now);
            b.tokens = (b.tokens + 1.0).min(f64::from(per_source.burst));
            if b.is_full(per_source) {
                state.sources.remove(&allowance.source);
            }
        }
    }
}

/// One budget per IPv4 address, and per /64 for IPv6, the block a single
/// subscriber is usually given (anyone holds billions of addresses in it).
fn source_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into()),
        },
    }
}

/// Caps open connections: wraps the make-service `axum_server` asks, before
/// it serves each accepted connection, whether it is ready. Each connection's
/// service holds a permit until the connection closes; while none is free,
/// the server stops accepting and further connections wait in the kernel's
/// queue. (`tower`'s `ConcurrencyLimit` counts requests in flight, not the
/// idle sockets a client can hold open.)
pub struct CapConnections<M> {
    inner: M,
    permits: PollSemaphore,
    ready: Option<OwnedSemaphorePermit>,
}

impl<M> CapConnections<M> {
    pub fn new(inner: M, max: usize) -> Self {
        CapConnections { inner, permits: PollSemaphore::new(Arc::new(Semaphore::new(max))), ready: None }
    }
}

impl<M: Clone> Clone for CapConnections<M> {
    fn clone(&self) -> Self {
        CapConnections { inner: self.inner.clone(), permits: self.permits.clone(), ready: None }
    }
}

impl<M, T> tower::Service<T> for CapConnections<M>
where
    M: tower::Service<T>,
    M::Future: Send + 'static,
{
    type Response = Held<M::Response>;
    type Error = M::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        if self.ready.is_none() {
            // The semaphore is never closed, so a permit always comes.
            self.ready = ready!(self.permits.poll_acquire(cx));
        }
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, target: T) -> Self::Future {
        let permit = Arc::new(self.ready.take().expect("poll_ready comes before call"));
        let made = self.inner.call(target);
        Box::pin(async move { made.await.map(|inner| Held { inner, _permit: permit }) })
    }
}

/// A connection's service, holding its place under the cap.
#[derive(Clone)]
pub struct Held<S> {
    inner: S,
    _permit: Arc<OwnedSemaphorePermit>,
}

impl<S: tower::Service<R>, R> tower::Service<R> for Held<S> {
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: R) -> Self::Future {
        self.inner.call(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_failures_spend_the_budget() {
        let limiter = PairLimiter::new(Quota { burst: 3, every: Duration::from_secs(3600) }, Quota { burst: 5, every: Duration::from_secs(3600) });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..10 {
            let ok = limiter.begin(a).unwrap();
            limiter.succeeded(ok);
        }
        for _ in 0..3 {
            let _failed = limiter.begin(a).unwrap();
        }
        let wait = limiter.begin(a).err().expect("the fourth failure is refused");
        assert!(wait > Duration::from_secs(3000) && wait <= Duration::from_secs(3600), "{wait:?}");
        // Another address has its own budget, within the overall one.
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let _ = limiter.begin(b).unwrap();
        let _ = limiter.begin(b).unwrap();
        assert!(limiter.begin(b).is_err(), "the overall budget of 5 is spent");
    }

    #[test]
    fn an_ipv6_subscriber_is_one_source() {
        let one: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        assert_eq!(source_key(one), source_key(other));
        assert_ne!(source_key(one), source_key("2001:db8:1:3::1".parse().unwrap()));
        assert_eq!(source_key("::ffff:192.0.2.7".parse().unwrap()), "192.0.2.7".parse::<IpAddr>().unwrap());
    }
}
