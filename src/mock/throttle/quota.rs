//! A quota as Connect states one: a steady rate of requests a second plus a burst, written
//! `RATE[/BURST]` (`2/5`, `0.5`, `1.6/3`) on the command line and in data files.

use std::fmt;
use std::str::FromStr;

/// Connect's default burst for an API, used when a quota names only its rate.
const DEFAULT_BURST: u32 = 5;

/// `rate` tokens a second into a bucket holding at most `burst`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quota {
    rate: f64,
    burst: u32,
}

impl Quota {
    /// A quota, or why not: the rate must be finite and above 0, the burst at least 1.
    pub fn new(rate: f64, burst: u32) -> Result<Self, String> {
        if !(rate.is_finite() && rate > 0.0) {
            return Err(format!(
                "rate {rate}: expected a number of requests a second above 0"
            ));
        }
        if burst == 0 {
            return Err("burst 0: expected at least 1 request".to_string());
        }
        Ok(Quota { rate, burst })
    }

    pub fn rate(self) -> f64 {
        self.rate
    }

    pub fn burst(self) -> u32 {
        self.burst
    }
}

impl FromStr for Quota {
    type Err = String;

    /// The error says what is wrong, not where: callers name the flag or JSON path.
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "expected RATE[/BURST] (requests a second, burst {DEFAULT_BURST} when omitted), \
                 e.g. 2/5, 0.5 or 10"
            )
        };
        let (rate, burst) = match text.split_once('/') {
            Some((rate, burst)) => (rate, Some(burst)),
            None => (text, None),
        };
        let rate = rate.trim().parse::<f64>().map_err(|_| bad())?;
        let burst = match burst {
            Some(burst) => burst.trim().parse::<u32>().map_err(|_| bad())?,
            None => DEFAULT_BURST,
        };
        Quota::new(rate, burst)
    }
}

impl fmt::Display for Quota {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.rate, self.burst)
    }
}

/// In a data file a quota is the same string (`"10/15"`), or a bare number of requests a
/// second (`0.5`) with the default burst.
impl<'de> serde::Deserialize<'de> for Quota {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Quota;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a quota: \"RATE[/BURST]\" such as \"2/5\", or a rate such as 0.5")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Quota, E> {
                text.parse()
                    .map_err(|why| E::custom(format!("`{text}`: {why}")))
            }

            fn visit_f64<E: serde::de::Error>(self, rate: f64) -> Result<Quota, E> {
                Quota::new(rate, DEFAULT_BURST).map_err(E::custom)
            }

            fn visit_u64<E: serde::de::Error>(self, rate: u64) -> Result<Quota, E> {
                self.visit_f64(rate as f64)
            }

            fn visit_i64<E: serde::de::Error>(self, rate: i64) -> Result<Quota, E> {
                self.visit_f64(rate as f64)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_and_burst_parse_with_connects_burst_by_default() {
        let quota = |text: &str| text.parse::<Quota>().map(|q| (q.rate(), q.burst()));
        assert_eq!(quota("2/5"), Ok((2.0, 5)));
        assert_eq!(quota("2"), Ok((2.0, DEFAULT_BURST)));
        assert_eq!(quota("0.5"), Ok((0.5, 5)));
        assert_eq!(quota(" 1.6 / 3 "), Ok((1.6, 3)));
        assert_eq!(quota("10/15"), Ok((10.0, 15)));
    }

    #[test]
    fn bad_quotas_say_what_is_expected() {
        for bad in [
            "", "x", "0", "-1", "2/0", "2/", "/5", "2/1.5", "2/-1", "inf", "NaN", "1e999", "2/5/7",
        ] {
            let error = bad.parse::<Quota>().unwrap_err();
            assert!(!error.is_empty(), "{bad:?}");
            assert!(!error.contains('\n'), "{error}");
        }
        assert!("2/0".parse::<Quota>().unwrap_err().contains("at least 1"));
        assert!("0".parse::<Quota>().unwrap_err().contains("above 0"));
    }

    #[test]
    fn data_files_give_a_string_or_a_number() {
        let parse = |json: &str| serde_json::from_str::<Quota>(json).map_err(|e| e.to_string());
        assert_eq!(parse(r#""10/15""#), Ok(Quota::new(10.0, 15).unwrap()));
        assert_eq!(parse("0.5"), Ok(Quota::new(0.5, 5).unwrap()));
        assert_eq!(parse("2"), Ok(Quota::new(2.0, 5).unwrap()));
        assert!(parse("0").unwrap_err().contains("above 0"));
        assert!(parse(r#""fast""#).unwrap_err().contains("RATE[/BURST]"));
        assert!(parse("[2, 5]").unwrap_err().contains("a quota"));
    }
}
