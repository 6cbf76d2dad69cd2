//! Client-side rate limiting: one token bucket per operation, so that holding down an arrow
//! key or listing a huge instance never turns into a throttling storm against an API that is
//! shared with the live contact center. Adaptive retry (in the SDK) handles what still gets
//! throttled. Uses `governor` (GCRA, the standard Rust rate limiter).

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Steady requests per second and burst size, per operation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateLimit {
    pub per_second: NonZeroU32,
    pub burst: NonZeroU32,
}

impl Default for RateLimit {
    /// Conservative defaults inside Connect's published default API quotas, which are set per
    /// API and per account and region at a few requests per second with small bursts.
    fn default() -> Self {
        RateLimit {
            per_second: NonZeroU32::new(5).unwrap_or(NonZeroU32::MIN),
            burst: NonZeroU32::new(10).unwrap_or(NonZeroU32::MIN),
        }
    }
}

impl RateLimit {
    /// Parses `R` or `R/B` (requests per second, burst), e.g. `5` or `5/10`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (rate, burst) = match text.split_once('/') {
            Some((r, b)) => (r, Some(b)),
            None => (text, None),
        };
        let number = |s: &str| {
            s.trim()
                .parse::<u32>()
                .ok()
                .and_then(NonZeroU32::new)
                .ok_or_else(|| format!("`{s}` is not a positive whole number"))
        };
        let per_second = number(rate)?;
        let burst = burst.map(number).transpose()?.unwrap_or(per_second);
        Ok(RateLimit { per_second, burst })
    }
}

pub struct Limiter {
    buckets: DefaultKeyedRateLimiter<&'static str>,
}

impl std::fmt::Debug for Limiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Limiter")
    }
}

impl Limiter {
    pub fn new(limit: RateLimit) -> Self {
        let quota = Quota::per_second(limit.per_second).allow_burst(limit.burst);
        Limiter {
            buckets: RateLimiter::keyed(quota),
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
        assert_eq!((l.per_second.get(), l.burst.get()), (5, 10));
        let l = RateLimit::parse("3").unwrap();
        assert_eq!((l.per_second.get(), l.burst.get()), (3, 3));
        assert!(RateLimit::parse("0").is_err());
        assert!(RateLimit::parse("x/2").is_err());
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
