//! Client-side rate limiting: one token bucket per operation, so that holding down an arrow
//! key or listing a huge instance never turns into a throttling storm against an API that is
//! shared with the live contact center. The SDK's retry (standard mode) handles what still gets
//! throttled. Uses `governor` (GCRA, the standard Rust rate limiter).

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::MonotonicClock;
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

/// Steady requests per second and burst size, per operation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateLimit {
    /// Requests per second, fractions allowed (`1.6`); always positive and finite.
    per_second: f64,
    burst: NonZeroU32,
}

impl Default for RateLimit {
    /// A little under Connect's documented default quota of 2 requests/s with a burst of 5
    /// per operation (per account and region, shared with the live contact center). A limit
    /// *at* the quota still gets throttled through arrival jitter, and one throttle costs far
    /// more than the margin (see README "Performance": measured 3× slower listings).
    fn default() -> Self {
        RateLimit {
            per_second: 1.6,
            burst: NonZeroU32::new(5).unwrap_or(NonZeroU32::MIN),
        }
    }
}

impl RateLimit {
    /// Parses `R` or `R/B` (requests per second, burst), e.g. `1.6`, `5` or `5/10`. Without a
    /// burst, the burst is the rate rounded up.
    /// How long `requests` of one operation take at this rate when sent back to back: the
    /// burst at once, then one per period (server time not included).
    pub fn duration_of(&self, requests: usize) -> Duration {
        let waiting = requests.saturating_sub(self.burst.get() as usize);
        Duration::from_secs_f64(waiting as f64 / self.per_second)
    }

    /// Requests per second.
    pub fn per_second(&self) -> f64 {
        self.per_second
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let (rate, burst) = match text.split_once('/') {
            Some((r, b)) => (r.trim(), Some(b.trim())),
            None => (text.trim(), None),
        };
        let per_second = rate
            .parse::<f64>()
            .ok()
            .filter(|r| r.is_finite() && *r > 0.0 && *r <= 1_000_000.0)
            .ok_or_else(|| format!("`{rate}` is not a positive number of requests per second"))?;
        let burst = match burst {
            Some(b) => b
                .parse::<u32>()
                .ok()
                .and_then(NonZeroU32::new)
                .ok_or_else(|| format!("burst `{b}` is not a positive whole number"))?,
            None => NonZeroU32::new(per_second.ceil() as u32).unwrap_or(NonZeroU32::MIN),
        };
        Ok(RateLimit { per_second, burst })
    }

    fn quota(self) -> Quota {
        // `per_second` is positive and bounded, so the period is a valid, non-zero duration.
        let period = Duration::from_secs_f64(1.0 / self.per_second).max(Duration::from_nanos(1));
        Quota::with_period(period)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(self.burst)
    }
}

pub struct Limiter {
    buckets: RateLimiter<
        &'static str,
        DefaultKeyedStateStore<&'static str>,
        MonotonicClock,
        NoOpMiddleware<std::time::Instant>,
    >,
}

impl std::fmt::Debug for Limiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Limiter")
    }
}

impl Limiter {
    pub fn new(limit: RateLimit) -> Self {
        Limiter {
            // `Instant`, not governor's default TSC clock: that one calibrates itself against
            // the system clock first, about a millisecond of every command's start, and a
            // limiter that waits hundreds of milliseconds has no use for nanosecond reads.
            buckets: RateLimiter::dashmap_with_clock(limit.quota(), MonotonicClock),
        }
    }

    /// Waits until `operation` may send one more request.
    pub async fn acquire(&self, operation: &'static str) {
        self.buckets.until_key_ready(&operation).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rate_and_burst() {
        let l = RateLimit::parse("5/10").unwrap();
        assert_eq!((l.per_second, l.burst.get()), (5.0, 10));
        let l = RateLimit::parse("3").unwrap();
        assert_eq!((l.per_second, l.burst.get()), (3.0, 3));
        let l = RateLimit::parse("1.6/5").unwrap();
        assert_eq!((l.per_second, l.burst.get()), (1.6, 5));
        let l = RateLimit::parse("0.5").unwrap();
        assert_eq!((l.per_second, l.burst.get()), (0.5, 1));
        for bad in ["0", "-1", "x/2", "2/0", "2/x", "inf", "NaN"] {
            assert!(RateLimit::parse(bad).is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn requests_beyond_the_burst_are_spaced() {
        let limit = RateLimit::parse("20/3").unwrap();
        let limiter = Limiter::new(limit);
        let start = std::time::Instant::now();
        for _ in 0..3 {
            limiter.acquire("ListUsers").await;
        }
        // Other operations have their own bucket.
        limiter.acquire("DescribeUser").await;
        for _ in 0..2 {
            limiter.acquire("ListUsers").await;
        }
        // Two tokens beyond the burst at 20/s cannot be had in less than ~100 ms.
        assert!(
            start.elapsed() >= std::time::Duration::from_millis(90),
            "{:?}",
            start.elapsed()
        );
    }
}
