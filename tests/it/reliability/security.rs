//! Read-only, provably, and no secrets in logs: the operations the program sends are the
//! allowlist's (and the README's minimal IAM policy lists exactly those actions); `--debug`
//! output and log files never contain credentials, session tokens or signatures.

use std::collections::BTreeSet;

use connect_tui::connect::READ_OPERATIONS;

use super::support::*;

/// Fails if `text` holds any marker credential or a SigV4 signature.
pub fn assert_no_secrets(text: &str, what: &str) {
    for (name, secret) in [
        ("access key ID", ACCESS_KEY),
        ("secret access key", SECRET_KEY),
        ("session token", SESSION_TOKEN),
        ("signature", "Signature="),
    ] {
        assert!(!text.contains(secret), "{what} contains the {name}");
    }
}

/// The `connect:` actions of an IAM policy document.
fn policy_actions(policy: &serde_json::Value, what: &str) -> BTreeSet<String> {
    let statements = policy["Statement"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: no Statement list"));
    let mut actions = BTreeSet::new();
    for statement in statements {
        assert_eq!(
            statement["Effect"], "Allow",
            "{what}: only Allow statements"
        );
        let listed = match &statement["Action"] {
            serde_json::Value::String(one) => vec![one.clone()],
            serde_json::Value::Array(many) => many
                .iter()
                .map(|a| a.as_str().expect("action is a string").to_string())
                .collect(),
            other => panic!("{what}: unexpected Action {other}"),
        };
        actions.extend(listed);
    }
    actions
}

fn allowlist_actions() -> BTreeSet<String> {
    READ_OPERATIONS
        .iter()
        .map(|op| format!("connect:{op}"))
        .collect()
}

#[test]
fn the_documented_iam_policy_lists_exactly_the_read_operations() {
    let root = env!("CARGO_MANIFEST_DIR");
    let file: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/docs/iam-policy.json"))
            .expect("docs/iam-policy.json"),
    )
    .expect("docs/iam-policy.json is JSON");
    assert_eq!(
        policy_actions(&file, "docs/iam-policy.json"),
        allowlist_actions()
    );

    // The README and the reliability notes show the policy too.
    for doc in ["README.md", "docs/reliability.md"] {
        let text = std::fs::read_to_string(format!("{root}/{doc}")).unwrap_or_default();
        let block = text
            .split("```json")
            .skip(1)
            .filter_map(|rest| rest.split("```").next())
            .find(|block| block.contains("\"connect:"))
            .unwrap_or_else(|| {
                panic!(
                    "{doc} is missing or has no ```json block with the minimal IAM policy \
                     (`connect:` actions); put docs/iam-policy.json there"
                )
            });
        let policy: serde_json::Value = serde_json::from_str(block)
            .unwrap_or_else(|e| panic!("{doc}: the IAM policy block is not JSON: {e}"));
        assert_eq!(
            policy_actions(&policy, doc),
            allowlist_actions(),
            "{doc}: the IAM policy differs from the read-only allowlist"
        );
    }
}

#[test]
fn everything_the_program_sends_is_on_the_read_only_allowlist() {
    let env = AwsEnv::new();
    let mock = Mock::start(&[]);
    let url = mock.url.as_str();
    for command in [
        &["list-instances"][..],
        &[
            "list-users",
            "--instance-id",
            JANE_INSTANCE,
            "--page-size",
            "5",
        ],
        &[
            "describe-user",
            "--instance-id",
            JANE_INSTANCE,
            "--user-id",
            JANE,
        ],
        &["search-users", "--instance-id", JANE_INSTANCE],
    ] {
        let mut args = command.to_vec();
        args.extend(["--endpoint-url", url]);
        let out = env.run(&args);
        assert!(out.status.success(), "{command:?}: {}", stderr_of(&out));
    }
    let sent = mock.operations();
    assert_read_only(&sent, "the scriptable commands");
    for op in ["ListInstances", "ListUsers", "DescribeUser", "SearchUsers"] {
        assert!(sent.contains(op), "{op} was never sent: {sent:?}");
    }
}

#[test]
fn debug_output_never_shows_credentials_or_signatures() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    for command in [
        &["list-instances"][..],
        &["list-users", "--instance-id", HOSTILE_INSTANCE],
        &[
            "describe-user",
            "--instance-id",
            HOSTILE_INSTANCE,
            "--user-id",
            "00000000-0000-4000-8000-000000000000",
        ],
        &["search-users", "--instance-id", HOSTILE_INSTANCE],
    ] {
        let mut args = command.to_vec();
        args.extend(["--endpoint-url", &mock.url, "--debug"]);
        let out = env.run(&args);
        assert!(out.status.success(), "{command:?}: {}", stderr_of(&out));
        let stderr = stderr_of(&out);
        assert!(
            stderr.contains("authorization: <redacted>"),
            "{command:?}: the debug log shows no redacted request headers, so it proves \
             nothing:\n{stderr}"
        );
        assert_no_secrets(&stderr, &format!("{command:?} --debug stderr"));
        assert_no_secrets(
            &String::from_utf8_lossy(&out.stdout),
            &format!("{command:?} --debug stdout"),
        );
        // The data's escape sequences are in the logged bodies; they must not be live.
        assert!(
            !stderr.contains('\u{1b}'),
            "{command:?}: raw ESC from the data in the debug log"
        );
    }
}
