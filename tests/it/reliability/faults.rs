//! Faults injected by the endpoint (`--fault-rate`, `--fault-kinds`): every command retries
//! what is retryable and prints exactly what a fault-free run prints; when retries run out it
//! names the operation and the reason in one line with the AWS CLI v2 exit code; and paging
//! 20,000 users through 30% faults returns each user exactly once or fails loudly.

use std::collections::HashSet;

use super::support::*;

/// Fast client-side rate, so retries (not the polite default rate) decide the run time.
const FAST: [&str; 2] = ["--max-rps", "500/500"];

fn command_args<'a>(url: &'a str, command: &[&'a str]) -> Vec<&'a str> {
    let mut args = command.to_vec();
    args.extend(["--endpoint-url", url, "--output", "json"]);
    args.extend(FAST);
    args
}

const COMMANDS: [&[&str]; 4] = [
    &["list-instances"],
    &[
        "list-users",
        "--instance-id",
        JANE_INSTANCE,
        "--page-size",
        "7",
    ],
    &[
        "describe-user",
        "--instance-id",
        JANE_INSTANCE,
        "--user-id",
        JANE,
    ],
    &[
        "search-users",
        "--instance-id",
        JANE_INSTANCE,
        "--search-criteria",
        r#"{"StringCondition":{"FieldName":"Username","Value":"a","ComparisonType":"CONTAINS"}}"#,
        "--page-size",
        "5",
    ],
];

#[test]
fn every_command_retries_through_faults_and_prints_what_a_clean_run_prints() {
    let env = AwsEnv::new();
    let clean = Mock::start(&[]);
    let mut injected = HashSet::new();
    for seed in ["3", "8", "21"] {
        let faulty = Mock::start(&["--fault-rate", "0.3", "--seed", seed]);
        for command in COMMANDS {
            let want = env.run(&command_args(&clean.url, command));
            let got = env.run(&command_args(&faulty.url, command));
            assert!(want.status.success(), "{command:?}: {}", stderr_of(&want));
            assert!(
                got.status.success(),
                "{command:?} under faults (seed {seed}): {}",
                stderr_of(&got)
            );
            assert_eq!(
                String::from_utf8_lossy(&got.stdout),
                String::from_utf8_lossy(&want.stdout),
                "{command:?} under faults (seed {seed})"
            );
        }
        injected.extend(
            faulty
                .requests()
                .iter()
                .filter_map(|e| e["fault"].as_str().map(str::to_string)),
        );
    }
    assert!(
        injected.len() >= 5,
        "too few kinds of fault were injected to prove anything: {injected:?}"
    );
}

#[test]
fn each_fault_kind_is_retried_then_reported_with_the_operation_and_exit_code() {
    let env = AwsEnv::new();
    // (kind, exit code, what the one line must say)
    let cases = [
        (
            "internal",
            254,
            "An error occurred (InternalServiceException) when calling the ListInstances operation",
        ),
        (
            "unavailable",
            254,
            "An error occurred (ServiceUnavailableException) when calling the ListInstances operation",
        ),
        (
            "throttled",
            254,
            "An error occurred (ThrottlingException) when calling the ListInstances operation",
        ),
        (
            "connection_closed",
            255,
            "ListInstances: unreadable response from the service",
        ),
        (
            "truncated_json",
            255,
            "ListInstances: unreadable response from the service (HTTP 200)",
        ),
        (
            "malformed_json",
            255,
            "ListInstances: unreadable response from the service (HTTP 200)",
        ),
        (
            "wrong_type",
            255,
            "ListInstances: unreadable response from the service (HTTP 200)",
        ),
    ];
    // Each kind waits out the client's backoff; run them side by side.
    std::thread::scope(|scope| {
        for (kind, code, says) in cases {
            let env = &env;
            scope.spawn(move || {
                let mock = Mock::start(&["--fault-rate", "1", "--fault-kinds", kind]);
                let out = env.run(&command_args(&mock.url, &["list-instances"]));
                let line = assert_clean_failure(&out, code, kind);
                assert!(line.contains(says), "{kind}: {line:?} lacks {says:?}");
                if code == 254 {
                    assert!(
                        line.contains("Injected fault"),
                        "{kind}: {line:?} lacks the message"
                    );
                }
                let attempts = mock.requests().len();
                assert!(
                    attempts > 1,
                    "{kind}: gave up after {attempts} attempt(s) without retrying"
                );
            });
        }
    });
}

/// The demo instance's own users plus `extra` generated ones.
fn expected_user_count(extra: usize) -> usize {
    let demo: serde_json::Value =
        serde_json::from_str(include_str!("../../../assets/demo.json")).expect("demo data");
    let own = demo["Instances"]
        .as_array()
        .and_then(|instances| {
            instances
                .iter()
                .find(|i| i["Instance"]["Id"] == JANE_INSTANCE)
        })
        .and_then(|i| i["Users"].as_array())
        .map_or(0, Vec::len);
    own + extra
}

fn user_ids(listing: &serde_json::Value) -> Vec<String> {
    listing["UserSummaryList"]
        .as_array()
        .expect("UserSummaryList")
        .iter()
        .map(|u| u["Id"].as_str().expect("user Id").to_string())
        .collect()
}

#[test]
fn paging_20000_users_under_30_percent_faults_loses_and_duplicates_nothing() {
    const USERS: &str = "20000";
    let env = AwsEnv::new();
    let list = ["list-users", "--instance-id", JANE_INSTANCE];
    let seeds = ["1", "2", "3", "4"];
    let outcomes: Vec<(String, Vec<String>, std::process::Output, usize)> =
        std::thread::scope(|scope| {
            let runs: Vec<_> = seeds
                .iter()
                .map(|seed| {
                    let env = &env;
                    scope.spawn(move || {
                        // The generated users depend on the seed: the truth is a clean run's.
                        let clean = Mock::start(&["--users", USERS, "--seed", seed]);
                        let truth = user_ids(&json_stdout(
                            &env.run(&command_args(&clean.url, &list)),
                            "clean listing",
                        ));
                        drop(clean);
                        let mock =
                            Mock::start(&["--users", USERS, "--seed", seed, "--fault-rate", "0.3"]);
                        let out = env.run(&command_args(&mock.url, &list));
                        let faults = mock
                            .requests()
                            .iter()
                            .filter(|e| e.get("fault").is_some())
                            .count();
                        (seed.to_string(), truth, out, faults)
                    })
                })
                .collect();
            runs.into_iter()
                .map(|r| r.join().expect("run thread"))
                .collect()
        });

    for (seed, truth, out, faults) in outcomes {
        assert_eq!(truth.len(), expected_user_count(20_000), "seed {seed}");
        let truth_set: HashSet<&String> = truth.iter().collect();
        assert_eq!(
            truth_set.len(),
            truth.len(),
            "seed {seed}: clean listing repeats users"
        );
        assert!(faults > 0, "seed {seed}: no fault was injected");
        if out.status.success() {
            let ids = user_ids(&json_stdout(&out, "listing under faults"));
            let unique: HashSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "seed {seed}: duplicated users");
            assert_eq!(unique, truth_set, "seed {seed}: lost or foreign users");
            assert_eq!(ids, truth, "seed {seed}: order differs from the service's");
        } else {
            let line = assert_clean_failure(
                &out,
                out.status.code().unwrap_or(-1),
                &format!("seed {seed}"),
            );
            assert!(
                matches!(out.status.code(), Some(254 | 255)),
                "seed {seed}: exit code {:?}",
                out.status.code()
            );
            assert!(line.contains("ListUsers"), "seed {seed}: {line:?}");
        }
    }
}
