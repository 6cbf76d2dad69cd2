//! The drop-ins for issue 11's reads against the AWS CLI on one endpoint, byte for byte:
//! stdout, stderr and (v2) exit code, in json, text and table, with `--query`, the paging
//! options, input files, skeletons and errors. The AWS CLI runs in-process (`aws_batch.py`).
//!
//! GetCurrentUserData is asked only about the demo's pinned users (Jane, rpatel, jchen,
//! sobrien, nnguyen), whose state does not follow the clock's schedule, so both tools see
//! the same answer whenever they run.

use super::query_corpus_commands::{Outcome, aws_outcomes, our_outcomes};
use super::*;

const PINNED: &str = "Agents=0c245dc0-0cf5-4e37-800e-2a7481cc8a60,\
ccdf22a2-6cee-486f-b7d8-1daa5bc20f26,68f66aa5-2e69-4828-b758-386a208b3419,\
68e6850a-c2f1-4c19-adf4-7a52d02842ee,5a71f6e0-a5a5-46f1-951c-c30fc2d2ed29";
const SUPERVISORS: &str = "2f6e3fb9-d962-4fed-9a52-290ff3aa40a5";
const ADMIN: &str = "c2f6ea45-abae-4d04-95ee-a66b8ff32338";
const MGARCIA: &str = "47fb76d9-52af-4d09-a642-41936dabf8d1";

/// Each command with the members that select demo data.
fn commands(instance: &str) -> Vec<Vec<String>> {
    let i = instance.to_string();
    let v = |args: &[&str]| -> Vec<String> { args.iter().map(|s| s.to_string()).collect() };
    vec![
        v(&[
            "get-current-user-data",
            "--instance-id",
            &i,
            "--filters",
            PINNED,
        ]),
        v(&["list-agent-statuses", "--instance-id", &i]),
        v(&[
            "list-routing-profile-queues",
            "--instance-id",
            &i,
            "--routing-profile-id",
            SUPERVISORS,
        ]),
        v(&[
            "describe-routing-profile",
            "--instance-id",
            &i,
            "--routing-profile-id",
            SUPERVISORS,
        ]),
        v(&["list-queues", "--instance-id", &i]),
        v(&[
            "list-security-profile-permissions",
            "--instance-id",
            &i,
            "--security-profile-id",
            ADMIN,
        ]),
        v(&[
            "list-user-proficiencies",
            "--instance-id",
            &i,
            "--user-id",
            MGARCIA,
        ]),
    ]
}

fn runs(instance: &str) -> Vec<Vec<String>> {
    let mut runs = Vec::new();
    let queries = [
        (
            "get-current-user-data",
            "UserDataList[].[User.Id, Status.StatusName, Contacts[0].Channel]",
        ),
        (
            "get-current-user-data",
            "UserDataList[?Status.StatusName=='Offline'].User.Id",
        ),
        (
            "get-current-user-data",
            "UserDataList[].AvailableSlotsByChannel",
        ),
        (
            "list-agent-statuses",
            "AgentStatusSummaryList[].[Name, Type]",
        ),
        (
            "list-routing-profile-queues",
            "RoutingProfileQueueConfigSummaryList[?Channel=='VOICE'].QueueName",
        ),
        ("list-routing-profile-queues", "LastModifiedTime"),
        (
            "describe-routing-profile",
            "RoutingProfile.MediaConcurrencies",
        ),
        ("list-queues", "QueueSummaryList[].Name"),
        ("list-security-profile-permissions", "length(Permissions)"),
        (
            "list-user-proficiencies",
            "UserProficiencyList[].{n: AttributeName, l: Level}",
        ),
    ];
    for base in commands(instance) {
        let command = base[0].clone();
        for format in FORMATS {
            runs.push(with(&strs(&base), &["--output", format]));
            runs.push(with(
                &strs(&base),
                &["--generate-cli-skeleton", "output", "--output", format],
            ));
            for (_, query) in queries.iter().filter(|(c, _)| *c == command) {
                runs.push(with(&strs(&base), &["--query", query, "--output", format]));
            }
        }
        if command.starts_with("list-") {
            for paging in [
                &["--max-items", "2"][..],
                &["--page-size", "2"],
                &["--page-size", "3", "--max-items", "4", "--output", "text"],
                &["--no-paginate"],
                &["--max-results", "2"],
                &["--no-paginate", "--max-items", "1"],
            ] {
                runs.push(with(&strs(&base), paging));
            }
        }
    }
    let i = instance;
    let extra: Vec<Vec<&str>> = vec![
        // Shorthand, JSON, input files and a nested filter.
        vec![
            "get-current-user-data",
            "--instance-id",
            i,
            "--filters",
            r#"{"Agents": ["0c245dc0-0cf5-4e37-800e-2a7481cc8a60"]}"#,
        ],
        vec![
            "get-current-user-data",
            "--instance-id",
            i,
            "--filters",
            "Agents=ccdf22a2-6cee-486f-b7d8-1daa5bc20f26,ContactFilter={ContactStates=[CONNECTED]}",
        ],
        vec![
            "list-queues",
            "--instance-id",
            i,
            "--queue-types",
            "STANDARD",
            "--output",
            "text",
        ],
        vec!["list-queues", "--instance-id", i, "--queue-types", "AGENT"],
        vec![
            "list-agent-statuses",
            "--instance-id",
            i,
            "--agent-status-types",
            "CUSTOM",
            "OFFLINE",
        ],
        // Errors: the service's, botocore's validation, the shorthand parser.
        vec![
            "get-current-user-data",
            "--instance-id",
            i,
            "--filters",
            "Agents=[]",
        ],
        vec![
            "get-current-user-data",
            "--instance-id",
            i,
            "--filters",
            "Foo=a",
        ],
        vec![
            "get-current-user-data",
            "--instance-id",
            i,
            "--filters",
            r#"{"Agents": "x"}"#,
        ],
        vec![
            "get-current-user-data",
            "--instance-id",
            i,
            "--filters",
            PINNED,
            "--max-results",
            "101",
        ],
        vec![
            "describe-routing-profile",
            "--instance-id",
            i,
            "--routing-profile-id",
            "nope",
        ],
        vec![
            "list-user-proficiencies",
            "--instance-id",
            i,
            "--user-id",
            "nope",
        ],
        vec![
            "list-security-profile-permissions",
            "--instance-id",
            i,
            "--security-profile-id",
            ADMIN,
            "--max-results",
            "1001",
        ],
        vec!["list-queues", "--instance-id", i, "--queue-types", "BOGUS"],
        vec![
            "list-routing-profile-queues",
            "--instance-id",
            "00000000-0000-4000-8000-000000000000",
            "--routing-profile-id",
            SUPERVISORS,
        ],
    ];
    runs.extend(extra.iter().map(|args| with(args, &[])));
    let many: Vec<String> = (0..101).map(|n| format!("agent-{n}")).collect();
    let many = format!("Agents={}", many.join(","));
    runs.push(with(
        &[
            "get-current-user-data",
            "--instance-id",
            i,
            "--filters",
            &many,
        ],
        &[],
    ));
    let input = format!(r#"{{"InstanceId": "{i}", "SecurityProfileId": "{ADMIN}"}}"#);
    runs.push(with(
        &[
            "list-security-profile-permissions",
            "--cli-input-json",
            &input,
        ],
        &[],
    ));
    let input = format!(r#"{{"InstanceId": "{i}", "Filters": {{"Agents": ["x"]}}, "Bogus": 1}}"#);
    runs.push(with(
        &["get-current-user-data", "--cli-input-json", &input],
        &[],
    ));
    runs
}

#[test]
fn new_commands_match_the_aws_cli_byte_for_byte() {
    if !aws_available("new_commands_match_the_aws_cli_byte_for_byte") {
        return;
    }
    let fx = Fixture::on(Mock::start(&[]));
    let runs = runs(&fx.instance_id);
    let (aws, ours) = std::thread::scope(|scope| {
        let aws = scope.spawn(|| aws_outcomes(&fx, &runs));
        let ours = our_outcomes(&fx, &runs);
        (aws.join().expect("aws thread"), ours)
    });
    let Some(aws) = aws else { return };
    let failures: Vec<String> = runs
        .iter()
        .zip(aws.into_iter().map(Outcome::in_v2_all).zip(&ours))
        .filter(|(_, (aws, ours))| aws != *ours)
        .map(|(args, (aws, ours))| format!("{args:?}\n  aws:  {aws:?}\n  ours: {ours:?}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} runs differ from the AWS CLI (v2 exit codes):\n{}",
        failures.len(),
        runs.len(),
        failures.join("\n")
    );
    // The runs do test something: most succeed, and every error kind appears.
    let codes: Vec<Option<i32>> = ours.iter().map(|o| o.code).collect();
    assert!(codes.iter().filter(|c| **c == Some(0)).count() > runs.len() / 2);
    for code in [252, 254, 255] {
        assert!(codes.contains(&Some(code)), "no run exited {code}");
    }
}

/// Input skeletons: the AWS CLI picks enum placeholders at random, so those are masked.
/// AWS CLI v1 has no `yaml-input`: ours is checked on its own.
#[test]
fn input_skeletons_match_the_aws_cli() {
    if !aws_available("input_skeletons_match_the_aws_cli") {
        return;
    }
    let fx = Fixture::on(Mock::start(&[]));
    let skeleton = |base: &Vec<String>, kind: &str| {
        vec![
            base[0].clone(),
            "--generate-cli-skeleton".into(),
            kind.into(),
        ]
    };
    let runs: Vec<Vec<String>> = commands(&fx.instance_id)
        .iter()
        .map(|base| skeleton(base, "input"))
        .collect();
    let Some(aws) = aws_outcomes(&fx, &runs) else {
        return;
    };
    let ours = our_outcomes(&fx, &runs);
    // A list item that is an enum value (`"INCOMING"`, `"STANDARD",`) becomes `<enum>`.
    let mask = |text: &str| -> String {
        text.lines()
            .map(|line| {
                let value = line.trim().trim_end_matches(',');
                let is_enum = value.len() > 2
                    && value.starts_with('"')
                    && value.ends_with('"')
                    && value[1..value.len() - 1]
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '_');
                if is_enum {
                    "<enum>".to_string()
                } else {
                    line.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (args, (aws, ours)) in runs.iter().zip(aws.iter().zip(&ours)) {
        assert_eq!((ours.code, aws.code), (Some(0), Some(0)), "{args:?}");
        assert_eq!(mask(&ours.stdout), mask(&aws.stdout), "{args:?}");
    }
    for base in commands(&fx.instance_id) {
        let out = fx.ours(&strs(&skeleton(&base, "yaml-input")));
        assert_eq!(out.status.code(), Some(0), "{}", base[0]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("InstanceId: ''") && text.contains("# [REQUIRED]"),
            "{}: {text}",
            base[0]
        );
    }
}

/// AWS CLI v1 has no YAML output: ours must carry the JSON output's data, and yaml-stream
/// one document per page.
#[test]
fn yaml_outputs_of_the_new_commands_carry_the_json_data() {
    let fx = Fixture::on(Mock::start(&[]));
    for base in commands(&fx.instance_id) {
        let json = fx.ours(&strs(&with(&strs(&base), &["--output", "json"])));
        let yaml = fx.ours(&strs(&with(&strs(&base), &["--output", "yaml"])));
        assert_eq!(yaml.status.code(), Some(0), "{}", stderr(&yaml));
        let from_json: Value = serde_json::from_slice(&json.stdout).unwrap();
        let from_yaml: Value = serde_norway::from_slice(&yaml.stdout).unwrap();
        assert_eq!(from_yaml, from_json, "{}", base[0]);
    }
    let permissions = &commands(&fx.instance_id)[5];
    let stream = fx.ours(&strs(&with(
        &strs(permissions),
        &["--output", "yaml-stream", "--page-size", "10"],
    )));
    let pages: Value = serde_norway::from_slice(&stream.stdout).unwrap();
    let pages = pages.as_array().expect("a YAML list of pages");
    // The Admin profile's 29 permissions in pages of 10, each page as the service sent it.
    assert_eq!(pages.len(), 3);
    assert!(pages[0]["NextToken"].is_string() && pages[2]["NextToken"].is_null());
    assert_eq!(pages[2]["Permissions"].as_array().unwrap().len(), 9);
}
