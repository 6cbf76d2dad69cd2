//! What a mock endpoint serves and how it misbehaves: built from `mock-server`'s arguments,
//! or by `--demo` with [`MockConfig::demo`].

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use super::MockError;
use super::faults::Fault;
use super::throttle::{self, ThrottleSettings};
use crate::cli::MockServerArgs;

/// Where the data comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// The built-in demo set (`assets/demo.json`).
    Demo,
    /// A data file in the API's shapes.
    File(PathBuf),
}

/// Added latency per response, in milliseconds, drawn uniformly from `min_ms..=max_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatencyRange {
    pub min_ms: u64,
    pub max_ms: u64,
}

impl std::str::FromStr for LatencyRange {
    type Err = MockError;

    /// `200` or `50-2000`.
    fn from_str(text: &str) -> Result<Self, MockError> {
        let bad = || {
            MockError::Argument(format!(
                "--latency-ms `{text}`: expected MIN or MIN-MAX in milliseconds, e.g. 200 or 50-2000"
            ))
        };
        let number = |s: &str| s.trim().parse::<u64>().map_err(|_| bad());
        let (min_ms, max_ms) = match text.split_once('-') {
            Some((min, max)) => (number(min)?, number(max)?),
            None => (number(text)?, number(text)?),
        };
        if min_ms > max_ms {
            return Err(bad());
        }
        Ok(LatencyRange { min_ms, max_ms })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MockConfig {
    pub addr: SocketAddr,
    pub data: DataSource,
    /// Users generated into the first instance (the demo set's: Jane's instance).
    pub extra_users: usize,
    /// Seeds generated users and random faults.
    pub seed: u64,
    pub latency: Option<LatencyRange>,
    /// Share of responses (0..=1) turned into faults.
    pub fault_rate: f64,
    /// The faults drawn from (uniformly); empty means every kind.
    pub fault_kinds: Vec<Fault>,
    /// Quotas above which requests are throttled (the command line's layer; a data file's
    /// `Throttle` section fills what it leaves unset). Default: none, nothing throttled.
    pub throttle: ThrottleSettings,
    /// JSON-lines file each request is appended to.
    pub request_log: Option<PathBuf>,
    /// Regions whose requests are refused (`UnrecognizedClientException`).
    pub denied_regions: Vec<String>,
}

impl MockConfig {
    /// The built-in demo data on `127.0.0.1`, a free port, no faults.
    pub fn demo() -> Self {
        MockConfig {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            data: DataSource::Demo,
            extra_users: 0,
            seed: 1,
            latency: None,
            fault_rate: 0.0,
            fault_kinds: Vec::new(),
            throttle: ThrottleSettings::default(),
            request_log: None,
            denied_regions: Vec::new(),
        }
    }

    /// Checks and converts `mock-server`'s arguments.
    pub fn from_args(args: &MockServerArgs) -> Result<Self, MockError> {
        let addr = args.addr.parse().map_err(|_| {
            MockError::Argument(format!(
                "--addr `{}`: expected IP:PORT, e.g. 127.0.0.1:0",
                args.addr
            ))
        })?;
        if !(0.0..=1.0).contains(&args.fault_rate) {
            return Err(MockError::Argument(format!(
                "--fault-rate {}: expected a share between 0 and 1",
                args.fault_rate
            )));
        }
        let throttle = throttle::from_flags(
            &args.throttle,
            args.throttle_scope.as_deref(),
            args.throttle_rps,
        )
        .map_err(MockError::Argument)?;
        let fault_kinds = match &args.fault_kinds {
            Some(list) => Fault::parse_list(list)
                .map_err(|e| MockError::Argument(format!("--fault-kinds `{list}`: {e}")))?,
            None => Vec::new(),
        };
        Ok(MockConfig {
            addr,
            data: args.data.clone().map_or(DataSource::Demo, DataSource::File),
            extra_users: args.users,
            seed: args.seed,
            latency: args.latency_ms.as_deref().map(str::parse).transpose()?,
            fault_rate: args.fault_rate,
            fault_kinds,
            throttle,
            request_log: args.request_log.clone(),
            denied_regions: args.deny_region.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock::{ThrottleScope, ThrottleSettings};

    fn from_command_line(flags: &[&str]) -> Result<MockConfig, MockError> {
        use clap::Parser;
        let words = ["connect-tui", "mock-server"].iter().chain(flags);
        match crate::cli::Cli::try_parse_from(words).map(|cli| cli.command) {
            Ok(Some(crate::cli::Command::MockServer(args))) => MockConfig::from_args(&args),
            other => panic!("not mock-server arguments: {other:?}"),
        }
    }

    fn throttle(flags: &[&str]) -> ThrottleSettings {
        from_command_line(flags).unwrap().throttle
    }

    #[test]
    fn throttle_flags_reach_the_config() {
        assert_eq!(throttle(&[]), ThrottleSettings::default());
        let settings = throttle(&[
            "--throttle",
            "2/5",
            "--throttle",
            "ListUsers=10/15",
            "--throttle",
            "SearchUsers=0.5",
            "--throttle-scope",
            "account",
        ]);
        assert_eq!(settings.rate, Some("2/5".parse().unwrap()));
        assert_eq!(settings.scope, Some(ThrottleScope::Account));
        assert_eq!(settings.operations.len(), 2);
        assert_eq!(settings.operations["SearchUsers"], "0.5/5".parse().unwrap());

        let synonym = throttle(&["--throttle-rps", "2"]);
        assert_eq!(synonym.rate, Some("2/2".parse().unwrap()));
        assert_eq!(synonym.scope, Some(ThrottleScope::Account));
    }

    #[test]
    fn bad_throttle_flags_are_argument_errors() {
        for flags in [
            &["--throttle", "0"][..],
            &["--throttle", "ListUsrs=2"],
            &["--throttle-scope", "everything"],
            &["--throttle-rps", "0"],
            &["--throttle-rps", "1", "--throttle", "2"],
        ] {
            let error = from_command_line(flags).unwrap_err();
            assert!(
                matches!(error, MockError::Argument(_)),
                "{flags:?}: {error:?}"
            );
        }
    }

    #[test]
    fn latency_accepts_a_value_or_a_range() {
        assert_eq!(
            "200".parse::<LatencyRange>().unwrap(),
            LatencyRange {
                min_ms: 200,
                max_ms: 200
            }
        );
        assert_eq!(
            "50-2000".parse::<LatencyRange>().unwrap(),
            LatencyRange {
                min_ms: 50,
                max_ms: 2000
            }
        );
        for bad in ["", "x", "5-", "-5", "9-3", "1-2-3"] {
            assert!(bad.parse::<LatencyRange>().is_err(), "{bad:?} accepted");
        }
    }
}
