//! Connect-style throttling: each operation (API) has its own quota — a rate and a burst,
//! 2/s with a burst of 5 by default at Connect — or, with `--throttle-scope account`, one
//! bucket is shared by every operation. Requests over the quota get 429 ThrottlingException.
//!
//! The settings come in layers: the command line (`flags`) over the data file's `Throttle`
//! section, e.g. `{"Rate": "2/5", "Scope": "operation", "Operations": {"ListUsers": "10/15"}}`.

mod bucket;
mod flags;
mod limiter;
mod quota;

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::Deserialize;

pub use flags::from_flags;
pub use limiter::Throttle;
pub use quota::Quota;

use super::handlers::SERVED;

/// Which requests draw from the same bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// One bucket per operation, as Connect's quotas are per API.
    #[default]
    Operation,
    /// One bucket for the whole account (what `--throttle-rps` always did).
    Account,
}

impl FromStr for Scope {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim() {
            "operation" => Ok(Scope::Operation),
            "account" => Ok(Scope::Account),
            _ => Err(
                "expected operation (a bucket per operation, the default) or account \
                      (one bucket shared by every operation)"
                    .to_string(),
            ),
        }
    }
}

/// One layer of throttle settings: the command line's or the data file's `Throttle` section.
/// Absent members leave the decision to the layer below; no rate at all means no throttling.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ThrottleSettings {
    /// The quota of every operation that has none of its own.
    pub rate: Option<Quota>,
    /// Whether that quota is a bucket per operation (the default) or one for the account.
    pub scope: Option<Scope>,
    /// Operations with their own quota, and so their own bucket, whatever the scope.
    #[serde(default)]
    pub operations: BTreeMap<String, Quota>,
}

impl ThrottleSettings {
    /// These settings with `under`'s filling what they leave unset (per member, and per
    /// operation for overrides): the command line over the data file.
    pub fn over(self, under: ThrottleSettings) -> ThrottleSettings {
        let mut operations = under.operations;
        operations.extend(self.operations);
        ThrottleSettings {
            rate: self.rate.or(under.rate),
            scope: self.scope.or(under.scope),
            operations,
        }
    }

    /// The first override naming an operation that is not served, with why.
    pub fn unknown_operation(&self) -> Option<(&str, String)> {
        self.operations
            .keys()
            .find_map(|name| check_operation(name).err().map(|why| (name.as_str(), why)))
    }
}

/// An override must name an operation the endpoint serves (a typo would otherwise throttle
/// nothing, silently).
fn check_operation(name: &str) -> Result<(), String> {
    if SERVED.contains(&name) {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not an operation this endpoint serves; it serves {}",
            SERVED.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quota(text: &str) -> Quota {
        text.parse().unwrap()
    }

    #[test]
    fn the_command_line_wins_member_by_member_and_operation_by_operation() {
        let file = ThrottleSettings {
            rate: Some(quota("2/5")),
            scope: Some(Scope::Account),
            operations: BTreeMap::from([
                ("ListUsers".to_string(), quota("10/15")),
                ("SearchUsers".to_string(), quota("1/1")),
            ]),
        };
        let cli = ThrottleSettings {
            rate: None,
            scope: Some(Scope::Operation),
            operations: BTreeMap::from([("SearchUsers".to_string(), quota("3/4"))]),
        };
        let merged = cli.over(file.clone());
        assert_eq!(merged.rate, Some(quota("2/5")));
        assert_eq!(merged.scope, Some(Scope::Operation));
        assert_eq!(merged.operations["ListUsers"], quota("10/15"));
        assert_eq!(merged.operations["SearchUsers"], quota("3/4"));
        assert_eq!(ThrottleSettings::default().over(file.clone()), file);
    }

    #[test]
    fn a_data_file_section_parses_and_names_unknown_operations() {
        let settings: ThrottleSettings = serde_json::from_str(
            r#"{"Rate": 0.5, "Scope": "account", "Operations": {"ListUsers": "10/15"}}"#,
        )
        .unwrap();
        assert_eq!(settings.rate, Some(quota("0.5/5")));
        assert_eq!(settings.scope, Some(Scope::Account));
        assert_eq!(settings.unknown_operation(), None);

        let typo: ThrottleSettings =
            serde_json::from_str(r#"{"Operations": {"ListUsrs": 3}}"#).unwrap();
        let (name, why) = typo.unknown_operation().unwrap();
        assert_eq!(name, "ListUsrs");
        assert!(why.contains("ListUsers, DescribeUser"), "{why}");

        for bad in [r#"{"Scope": "region"}"#, r#"{"Rates": "2/5"}"#] {
            assert!(
                serde_json::from_str::<ThrottleSettings>(bad).is_err(),
                "{bad}"
            );
        }
    }
}
