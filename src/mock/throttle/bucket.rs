//! A token bucket with an injected clock: every call is given `now`, so tests step time
//! instead of sleeping. Hand-written rather than `governor` (which the client uses): the mock
//! must take fractional rates such as 0.5/s exactly and be driven by a test's clock, and
//! this is a dozen lines.

use std::time::Instant;

use super::Quota;

#[derive(Debug)]
pub struct TokenBucket {
    rate: f64,
    capacity: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    /// A full bucket: a client's first `burst` requests pass at once, as with Connect.
    pub fn new(quota: Quota, now: Instant) -> Self {
        let capacity = f64::from(quota.burst());
        TokenBucket {
            rate: quota.rate(),
            capacity,
            tokens: capacity,
            last: now,
        }
    }

    /// Takes a token if there is one; `false` means the request is over the quota.
    pub fn try_take(&mut self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn at(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    #[test]
    fn a_burst_passes_then_the_rate() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(Quota::new(2.0, 5).unwrap(), start);
        for i in 0..5 {
            assert!(bucket.try_take(start), "request {i} of the burst");
        }
        assert!(!bucket.try_take(start), "the 6th is over the burst");
        // Steps keep clear of exact refill instants, where float rounding would decide.
        assert!(!bucket.try_take(at(start, 450)));
        assert!(bucket.try_take(at(start, 550)), "one token every 500 ms");
        assert!(!bucket.try_take(at(start, 950)));
        assert!(bucket.try_take(at(start, 1100)));
    }

    #[test]
    fn an_idle_bucket_refills_only_up_to_its_burst() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(Quota::new(2.0, 3).unwrap(), start);
        let later = at(start, 60_000);
        assert!((0..3).all(|_| bucket.try_take(later)));
        assert!(!bucket.try_take(later));
    }

    #[test]
    fn fractional_rates_refill_slowly() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(Quota::new(0.5, 1).unwrap(), start);
        assert!(bucket.try_take(start));
        assert!(!bucket.try_take(at(start, 1900)));
        assert!(
            bucket.try_take(at(start, 2100)),
            "0.5/s: one token every 2 s"
        );
        assert!(!bucket.try_take(at(start, 3900)));
        assert!(bucket.try_take(at(start, 4200)));

        let mut odd = TokenBucket::new(Quota::new(1.6, 3).unwrap(), start);
        assert!((0..3).all(|_| odd.try_take(start)));
        assert!(!odd.try_take(at(start, 600)));
        assert!(
            odd.try_take(at(start, 650)),
            "1.6/s: one token every 625 ms"
        );
    }

    #[test]
    fn a_clock_going_backwards_adds_nothing() {
        let start = Instant::now() + Duration::from_secs(10);
        let mut bucket = TokenBucket::new(Quota::new(1.0, 1).unwrap(), start);
        assert!(bucket.try_take(start));
        assert!(!bucket.try_take(start - Duration::from_secs(5)));
    }
}
