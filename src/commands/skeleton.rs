//! `--generate-cli-skeleton input|yaml-input|output`. The texts are generated once from the
//! API model by `scripts/generate_skeletons.py` (botocore's own generator) and committed
//! under `assets/skeletons/`; the end-to-end tests compare them with the AWS CLI's.

use serde_json::Value;

use super::error::CommandError;
use super::operation::Operation;
use super::timestamps::rewrite_at;
use crate::cli::OutputFormat;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkeletonKind {
    Input,
    YamlInput,
    Output,
}

impl SkeletonKind {
    /// The option's value; clap restricts it to the three names, this maps them.
    pub fn parse(value: &str) -> Result<Self, CommandError> {
        match value {
            "input" => Ok(SkeletonKind::Input),
            "yaml-input" => Ok(SkeletonKind::YamlInput),
            "output" => Ok(SkeletonKind::Output),
            other => Err(CommandError::Usage(format!(
                "argument --generate-cli-skeleton: invalid choice: '{other}' (choose from \
                 'input', 'output', 'yaml-input')"
            ))),
        }
    }
}

macro_rules! skeleton_assets {
    ($($op:ident => $stem:literal),* $(,)?) => {
        fn input_json(op: Operation) -> &'static str {
            match op { $(Operation::$op => include_str!(concat!("../../assets/skeletons/", $stem, ".input.json")),)* }
        }
        fn input_yaml(op: Operation) -> &'static str {
            match op { $(Operation::$op => include_str!(concat!("../../assets/skeletons/", $stem, ".yaml-input.yaml")),)* }
        }
        fn output_json(op: Operation) -> &'static str {
            match op { $(Operation::$op => include_str!(concat!("../../assets/skeletons/", $stem, ".output.json")),)* }
        }
    };
}

skeleton_assets! {
    DescribeUser => "describe-user",
    ListUsers => "list-users",
    ListInstances => "list-instances",
    SearchUsers => "search-users",
    GetCurrentUserData => "get-current-user-data",
    ListAgentStatuses => "list-agent-statuses",
    ListRoutingProfileQueues => "list-routing-profile-queues",
    DescribeRoutingProfile => "describe-routing-profile",
    ListQueues => "list-queues",
    ListSecurityProfilePermissions => "list-security-profile-permissions",
    ListUserProficiencies => "list-user-proficiencies",
}

/// The AWS CLI validates its sample response against the output shape, and some samples
/// break it (a `0` where the model's minimum is 1): for those it prints botocore's report
/// instead (`output-errors.json`, generated with the skeletons).
fn output_error(op: Operation) -> Result<Option<String>, CommandError> {
    let errors: serde_json::Map<String, Value> =
        serde_json::from_str(include_str!("../../assets/skeletons/output-errors.json"))
            .map_err(|e| CommandError::Other(format!("corrupt skeleton error asset: {e}")))?;
    Ok(errors
        .get(op.command())
        .and_then(Value::as_str)
        .map(str::to_string))
}

/// The input skeleton text, printed as is (`Output` is not a text: see [`output_document`]).
pub fn input_text(op: Operation, kind: SkeletonKind) -> Option<&'static str> {
    match kind {
        SkeletonKind::Input => Some(input_json(op)),
        SkeletonKind::YamlInput => Some(input_yaml(op)),
        SkeletonKind::Output => None,
    }
}

/// The sample response the AWS CLI formats for `--generate-cli-skeleton output`. Its
/// timestamps are Python's naive `datetime(1970, 1, 1)`: JSON and YAML show its
/// `isoformat()`, text and table its `str()` (a space instead of the `T`).
pub fn output_document(op: Operation, format: OutputFormat) -> Result<Value, CommandError> {
    if let Some(report) = output_error(op)? {
        return Err(CommandError::param_validation(&[report]));
    }
    let mut doc: Value = serde_json::from_str(output_json(op))
        .map_err(|e| CommandError::Other(format!("corrupt output skeleton asset: {e}")))?;
    if matches!(format, OutputFormat::Text | OutputFormat::Table) {
        for path in op.timestamp_paths() {
            let parts: Vec<&str> = path.split('.').collect();
            rewrite_at(&mut doc, &parts, &|v| {
                if let Some(s) = v.as_str() {
                    *v = Value::String(s.replacen('T', " ", 1));
                }
            });
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Operation; 4] = [
        Operation::DescribeUser,
        Operation::ListUsers,
        Operation::ListInstances,
        Operation::SearchUsers,
    ];

    #[test]
    fn every_input_skeleton_lists_the_operations_members_in_order() {
        for op in ALL {
            let json: Value = serde_json::from_str(input_json(op)).unwrap();
            let keys: Vec<&str> = json
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let members: Vec<&str> = op.members().iter().map(|m| m.name).collect();
            assert_eq!(keys, members, "{}", op.command());
            assert!(input_json(op).ends_with("}\n"));
            let yaml: Value = serde_norway::from_str(input_yaml(op)).unwrap();
            assert_eq!(yaml.as_object().unwrap().len(), members.len());
        }
    }

    #[test]
    fn output_skeleton_timestamps_follow_pythons_datetime_formatting() {
        let json = output_document(Operation::DescribeUser, OutputFormat::Json).unwrap();
        assert_eq!(json["User"]["LastModifiedTime"], "1970-01-01T00:00:00");
        let table = output_document(Operation::ListUsers, OutputFormat::Table).unwrap();
        assert_eq!(
            table["UserSummaryList"][0]["LastModifiedTime"],
            "1970-01-01 00:00:00"
        );
        assert_eq!(table["UserSummaryList"][0]["Id"], "Id");
    }

    #[test]
    fn unknown_kinds_are_usage_errors() {
        assert_eq!(
            SkeletonKind::parse("yaml-input").unwrap(),
            SkeletonKind::YamlInput
        );
        assert_eq!(SkeletonKind::parse("xml").unwrap_err().exit_code(), 252);
    }
}
