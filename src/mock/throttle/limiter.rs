//! The throttle the server asks, per request, once the request is routed: the operation
//! picks the bucket.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use super::bucket::TokenBucket;
use super::{Quota, Scope, ThrottleSettings};

/// Which bucket a request draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Account,
    Operation(&'static str),
}

pub struct Throttle {
    settings: ThrottleSettings,
    // Created on first use: a bucket starts full, so that equals creating them all at start.
    buckets: Mutex<HashMap<Key, TokenBucket>>,
}

impl Throttle {
    pub fn new(settings: ThrottleSettings) -> Self {
        Throttle {
            settings,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Whether a request for `op` arriving at `now` is over its quota (gets no token).
    pub fn throttled(&self, op: &'static str, now: Instant) -> bool {
        let Some((key, quota)) = self.bucket_for(op) else {
            return false;
        };
        // A bucket is consistent after any panic elsewhere (plain numbers), so a poisoned
        // lock is still usable.
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        !buckets
            .entry(key)
            .or_insert_with(|| TokenBucket::new(quota, now))
            .try_take(now)
    }

    fn bucket_for(&self, op: &'static str) -> Option<(Key, Quota)> {
        if let Some(quota) = self.settings.operations.get(op) {
            return Some((Key::Operation(op), *quota));
        }
        let quota = self.settings.rate?;
        let key = match self.settings.scope.unwrap_or_default() {
            Scope::Operation => Key::Operation(op),
            Scope::Account => Key::Account,
        };
        Some((key, quota))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::time::Duration;

    use super::*;

    fn throttle(rate: Option<&str>, scope: Option<Scope>, operations: &[(&str, &str)]) -> Throttle {
        Throttle::new(ThrottleSettings {
            rate: rate.map(|r| r.parse().unwrap()),
            scope,
            operations: operations
                .iter()
                .map(|(op, q)| (op.to_string(), q.parse().unwrap()))
                .collect::<BTreeMap<_, _>>(),
        })
    }

    /// How many of `n` requests for `op` at `now` pass.
    fn passed(throttle: &Throttle, op: &'static str, n: usize, now: Instant) -> usize {
        (0..n).filter(|_| !throttle.throttled(op, now)).count()
    }

    #[test]
    fn each_operation_has_its_own_burst_by_default() {
        let now = Instant::now();
        let t = throttle(Some("2/5"), None, &[]);
        assert_eq!(passed(&t, "ListUsers", 6, now), 5);
        assert_eq!(passed(&t, "ListRoutingProfiles", 6, now), 5);
        assert_eq!(
            passed(&t, "ListUsers", 1, now + Duration::from_millis(550)),
            1
        );
    }

    #[test]
    fn account_scope_shares_one_burst() {
        let now = Instant::now();
        let t = throttle(Some("2/5"), Some(Scope::Account), &[]);
        assert_eq!(passed(&t, "ListUsers", 3, now), 3);
        assert_eq!(passed(&t, "ListRoutingProfiles", 3, now), 2);
        assert_eq!(passed(&t, "DescribeUser", 1, now), 0);
    }

    #[test]
    fn overrides_get_their_own_bucket_in_either_scope() {
        let now = Instant::now();
        for scope in [Scope::Operation, Scope::Account] {
            let t = throttle(Some("2/5"), Some(scope), &[("ListUsers", "10/15")]);
            assert_eq!(passed(&t, "ListUsers", 20, now), 15, "{scope:?}");
            assert_eq!(passed(&t, "SearchUsers", 6, now), 5, "{scope:?}");
            // 10/s: five more tokens after half a second.
            let later = now + Duration::from_millis(550);
            assert_eq!(passed(&t, "ListUsers", 20, later), 5, "{scope:?}");
        }
    }

    #[test]
    fn without_a_rate_only_overridden_operations_are_throttled() {
        let now = Instant::now();
        let t = throttle(None, None, &[("SearchUsers", "1/2")]);
        assert_eq!(passed(&t, "SearchUsers", 5, now), 2);
        assert_eq!(passed(&t, "ListUsers", 100, now), 100);
        assert_eq!(
            passed(&throttle(None, None, &[]), "ListUsers", 100, now),
            100
        );
    }

    #[test]
    fn a_fractional_rate_gives_one_token_every_two_seconds() {
        let now = Instant::now();
        let t = throttle(Some("0.5"), None, &[]);
        assert_eq!(
            passed(&t, "DescribeUser", 6, now),
            5,
            "the default burst of 5"
        );
        let at = |ms| now + Duration::from_millis(ms);
        assert_eq!(passed(&t, "DescribeUser", 1, at(1900)), 0);
        assert_eq!(passed(&t, "DescribeUser", 2, at(2100)), 1);
        assert_eq!(passed(&t, "DescribeUser", 1, at(3900)), 0);
        assert_eq!(passed(&t, "DescribeUser", 1, at(4200)), 1);
    }
}
