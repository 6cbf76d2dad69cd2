//! `mock-server`'s throttle flags as one settings layer: `--throttle [OP=]RATE[/BURST]`
//! (repeatable), `--throttle-scope operation|account` and the older `--throttle-rps R`.
//! Errors are one line naming the flag and the value, for `MockError::Argument`.

use super::{Quota, Scope, ThrottleSettings, check_operation};

/// The settings the three flags describe.
pub fn from_flags(
    throttle: &[String],
    scope: Option<&str>,
    rps: Option<f64>,
) -> Result<ThrottleSettings, String> {
    let mut settings = ThrottleSettings::default();
    for text in throttle {
        let at = |why: String| format!("--throttle `{text}`: {why}");
        match text.split_once('=') {
            Some((op, quota)) => {
                let op = op.trim();
                check_operation(op).map_err(at)?;
                let quota = quota.parse::<Quota>().map_err(at)?;
                if settings.operations.insert(op.to_string(), quota).is_some() {
                    return Err(at(format!("{op} is given a quota twice")));
                }
            }
            None => {
                let quota = text.parse::<Quota>().map_err(at)?;
                if let Some(earlier) = settings.rate.replace(quota) {
                    return Err(at(format!(
                        "the rate of every operation is given twice (first {earlier})"
                    )));
                }
            }
        }
    }
    if let Some(text) = scope {
        let scope = text
            .parse::<Scope>()
            .map_err(|why| format!("--throttle-scope `{text}`: {why}"))?;
        settings.scope = Some(scope);
    }
    if let Some(rps) = rps {
        let synonym = rps_synonym(rps)?;
        if settings.rate.is_some() || settings.scope.is_some() {
            return Err(format!(
                "--throttle-rps {rps} means --throttle {synonym} --throttle-scope account: \
                 give those instead of, not with, --throttle RATE or --throttle-scope"
            ));
        }
        settings.rate = Some(synonym);
        settings.scope = Some(Scope::Account);
    }
    Ok(settings)
}

/// `--throttle-rps R`'s quota: the account-wide bucket it always was, holding a second's worth
/// of requests as before, now counted in whole requests (R rounded down, at least 1).
fn rps_synonym(rps: f64) -> Result<Quota, String> {
    let invalid = || format!("--throttle-rps {rps}: expected a rate above 0");
    if !(rps.is_finite() && rps > 0.0) {
        return Err(invalid());
    }
    // `as` saturates: an absurd rate gets the largest burst, not a wrapped one.
    let burst = rps.floor().max(1.0) as u32;
    Quota::new(rps, burst).map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(
        throttle: &[&str],
        scope: Option<&str>,
        rps: Option<f64>,
    ) -> Result<ThrottleSettings, String> {
        let throttle: Vec<String> = throttle.iter().map(|s| s.to_string()).collect();
        from_flags(&throttle, scope, rps)
    }

    fn quota(text: &str) -> Quota {
        text.parse().unwrap()
    }

    #[test]
    fn a_rate_overrides_and_a_scope() {
        let settings = flags(
            &["2/5", "ListUsers=10/15", "SearchUsers = 2/5"],
            Some("account"),
            None,
        )
        .unwrap();
        assert_eq!(settings.rate, Some(quota("2/5")));
        assert_eq!(settings.scope, Some(Scope::Account));
        assert_eq!(settings.operations["ListUsers"], quota("10/15"));
        assert_eq!(settings.operations["SearchUsers"], quota("2/5"));
        assert_eq!(flags(&[], None, None), Ok(ThrottleSettings::default()));
        assert_eq!(
            flags(&["0.5"], None, None).unwrap().rate,
            Some(quota("0.5/5"))
        );
    }

    #[test]
    fn throttle_rps_is_the_account_wide_rate_with_its_old_burst() {
        let settings = flags(&["ListUsers=10"], None, Some(2.5)).unwrap();
        assert_eq!(settings.rate, Some(quota("2.5/2")));
        assert_eq!(settings.scope, Some(Scope::Account));
        assert_eq!(settings.operations["ListUsers"], quota("10/5"));
        assert_eq!(
            flags(&[], None, Some(0.01)).unwrap().rate,
            Some(quota("0.01/1"))
        );
    }

    /// `--throttle` values, `--throttle-scope`, `--throttle-rps`, and the expected error.
    type BadCase<'a> = (&'a [&'a str], Option<&'a str>, Option<f64>, &'a str);

    #[test]
    fn bad_flags_are_one_line_naming_flag_and_value() {
        let cases: [BadCase; 9] = [
            (
                &["fast"],
                None,
                None,
                "--throttle `fast`: expected RATE[/BURST]",
            ),
            (&["0"], None, None, "--throttle `0`: rate 0: expected"),
            (&["2/0"], None, None, "--throttle `2/0`: burst 0"),
            (
                &["ListUsrs=2"],
                None,
                None,
                "--throttle `ListUsrs=2`: `ListUsrs` is not an operation",
            ),
            (
                &["ListUsers=x"],
                None,
                None,
                "--throttle `ListUsers=x`: expected RATE[/BURST]",
            ),
            (
                &["ListUsers=1", "ListUsers=2"],
                None,
                None,
                "ListUsers is given a quota twice",
            ),
            (
                &["1", "2"],
                None,
                None,
                "--throttle `2`: the rate of every operation is given twice",
            ),
            (
                &[],
                Some("region"),
                None,
                "--throttle-scope `region`: expected operation",
            ),
            (
                &["2"],
                None,
                Some(2.0),
                "--throttle-rps 2 means --throttle 2/2 --throttle-scope account",
            ),
        ];
        for (throttle, scope, rps, expected) in cases {
            let error = flags(throttle, scope, rps).unwrap_err();
            assert!(error.contains(expected), "{throttle:?}: {error}");
            assert!(!error.contains('\n'), "{error}");
        }
        for rps in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let error = flags(&[], None, Some(rps)).unwrap_err();
            assert_eq!(
                error,
                format!("--throttle-rps {rps}: expected a rate above 0")
            );
        }
        assert!(flags(&[], Some("operation"), Some(1.0)).is_err());
    }
}
