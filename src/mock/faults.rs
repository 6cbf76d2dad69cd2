//! Misbehaviour on demand, for tests and demos: added latency and a share of failed
//! responses (Connect's quotas are `throttle`'s). Random choices come from generators seeded
//! by `--seed`, so a sequential client sees the same faults on every run.
//!
//! `--fault-rate P` turns that share of responses into a fault drawn uniformly from
//! `--fault-kinds` (all of [`Fault`] by default): error statuses, a dropped connection, and
//! 200 answers whose body is corrupt (cut short, not JSON, or with members of the wrong type).

use std::sync::Mutex;
use std::time::Duration;

use fastrand::Rng;

use super::config::LatencyRange;

/// How an injected fault shows to the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 500 InternalServiceException.
    Internal,
    /// 503 ServiceUnavailableException.
    Unavailable,
    /// 429 ThrottlingException.
    Throttled,
    /// A 200 whose body stops half-way and the connection closes.
    ConnectionClosed,
    /// A complete 200 response whose JSON body is cut in the middle.
    TruncatedJson,
    /// A complete 200 response whose body is not JSON at all.
    MalformedJson,
    /// A 200 response, valid JSON, whose top-level members have the wrong types.
    WrongType,
}

impl Fault {
    pub fn label(self) -> &'static str {
        match self {
            Fault::Internal => "internal",
            Fault::Unavailable => "unavailable",
            Fault::Throttled => "throttled",
            Fault::ConnectionClosed => "connection_closed",
            Fault::TruncatedJson => "truncated_json",
            Fault::MalformedJson => "malformed_json",
            Fault::WrongType => "wrong_type",
        }
    }

    /// Whether the fault corrupts the body of what would have been the real answer.
    pub fn corrupts_body(self) -> bool {
        matches!(
            self,
            Fault::TruncatedJson | Fault::MalformedJson | Fault::WrongType
        )
    }

    /// Parses `--fault-kinds`: comma-separated labels, e.g. `internal,truncated_json`.
    pub fn parse_list(text: &str) -> Result<Vec<Fault>, String> {
        text.split(',')
            .map(str::trim)
            .filter(|label| !label.is_empty())
            .map(|label| {
                ALL_FAULTS
                    .into_iter()
                    .find(|f| f.label() == label)
                    .ok_or_else(|| {
                        let known: Vec<&str> = ALL_FAULTS.iter().map(|f| f.label()).collect();
                        format!("unknown fault kind `{label}` (known: {})", known.join(", "))
                    })
            })
            .collect::<Result<Vec<_>, _>>()
            .and_then(|kinds| {
                if kinds.is_empty() {
                    Err("expected at least one fault kind".to_string())
                } else {
                    Ok(kinds)
                }
            })
    }
}

pub const ALL_FAULTS: [Fault; 7] = [
    Fault::Internal,
    Fault::Unavailable,
    Fault::Throttled,
    Fault::ConnectionClosed,
    Fault::TruncatedJson,
    Fault::MalformedJson,
    Fault::WrongType,
];

pub struct Faults {
    latency: Option<LatencyRange>,
    fault_rate: f64,
    kinds: Vec<Fault>,
    // Separate generators so turning latency on does not change which requests fail.
    fault_rng: Mutex<Rng>,
    latency_rng: Mutex<Rng>,
}

impl Faults {
    pub fn new(latency: Option<LatencyRange>, fault_rate: f64, kinds: &[Fault], seed: u64) -> Self {
        Faults {
            latency,
            fault_rate,
            kinds: if kinds.is_empty() {
                ALL_FAULTS.to_vec()
            } else {
                kinds.to_vec()
            },
            fault_rng: Mutex::new(Rng::with_seed(seed)),
            latency_rng: Mutex::new(Rng::with_seed(seed.wrapping_add(0x9e37_79b9_7f4a_7c15))),
        }
    }

    /// The delay to add before answering this request.
    pub fn latency(&self) -> Option<Duration> {
        let range = self.latency?;
        let ms = match self.latency_rng.lock() {
            Ok(mut rng) => rng.u64(range.min_ms..=range.max_ms),
            Err(_) => range.min_ms,
        };
        Some(Duration::from_millis(ms))
    }

    /// The fault to inject into this response, if any.
    pub fn pick(&self) -> Option<Fault> {
        if self.fault_rate <= 0.0 {
            return None;
        }
        let mut rng = self.fault_rng.lock().ok()?;
        (rng.f64() < self.fault_rate).then(|| self.kinds[rng.usize(..self.kinds.len())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_rate_is_honoured_and_seeded() {
        let sample = |seed| {
            let faults = Faults::new(None, 0.25, &[], seed);
            (0..4000).map(|_| faults.pick()).collect::<Vec<_>>()
        };
        let picks = sample(3);
        assert_eq!(picks, sample(3));
        let failed = picks.iter().flatten().count();
        assert!(
            (800..1200).contains(&failed),
            "{failed} faults of 4000 at rate 0.25"
        );
        for kind in ALL_FAULTS {
            assert!(picks.contains(&Some(kind)), "{kind:?} never injected");
        }
        assert!(Faults::new(None, 0.0, &[], 1).pick().is_none());
    }

    #[test]
    fn fault_kinds_restrict_the_mix_and_parse_from_labels() {
        let kinds = Fault::parse_list("truncated_json, wrong_type").unwrap();
        assert_eq!(kinds, [Fault::TruncatedJson, Fault::WrongType]);
        let faults = Faults::new(None, 1.0, &kinds, 4);
        for _ in 0..200 {
            assert!(kinds.contains(&faults.pick().unwrap()));
        }
        assert!(
            Fault::parse_list("internal,bogus")
                .unwrap_err()
                .contains("bogus")
        );
        assert!(Fault::parse_list(" , ").is_err());
    }

    #[test]
    fn latency_stays_in_range() {
        let faults = Faults::new(
            Some(LatencyRange {
                min_ms: 5,
                max_ms: 9,
            }),
            0.0,
            &[],
            1,
        );
        for _ in 0..100 {
            let ms = faults.latency().unwrap().as_millis();
            assert!((5..=9).contains(&ms));
        }
    }
}
