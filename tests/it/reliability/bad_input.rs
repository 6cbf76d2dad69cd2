//! Bad flags, environment and configuration, one table: each case must fail with the AWS CLI
//! v2 exit code, nothing on stdout, no panic or backtrace, and one line on stderr that says
//! what is wrong and what to do (or the AWS CLI's own sentence).

use std::io::Write;

use super::support::*;

/// One row: how to set up the environment, the arguments, the exit code, and pieces the one
/// line must contain.
struct Case {
    name: &'static str,
    setup: fn(&mut AwsEnv),
    args: Vec<String>,
    code: i32,
    says: &'static [&'static str],
    /// The AWS CLI's own multi-line wording (a parse error with a caret line, the JSON it
    /// received): only the first line is checked for `says`.
    aws_cli_wording: bool,
}

const UNKNOWN: &str = "00000000-0000-4000-8000-000000000000";

fn nothing(_: &mut AwsEnv) {}

fn no_credentials(env: &mut AwsEnv) {
    for var in [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
    ] {
        env.set(var, None);
    }
    // No instance metadata service here; keep the chain from waiting for one.
    env.set("AWS_EC2_METADATA_DISABLED", Some("true"));
}

fn expired_sso(env: &mut AwsEnv) {
    no_credentials(env);
    env.set("AWS_PROFILE", Some("sso-expired"));
}

fn unreadable_config(env: &mut AwsEnv) {
    // Not INI. (A missing or permission-denied file is skipped, as botocore skips it; and
    // tests may run as root, where permissions do not bite.)
    let path = env.path("broken-config");
    std::fs::write(&path, "[default\nregion = us-east-1\nthis is not ini\n").expect("write");
    env.set("AWS_CONFIG_FILE", Some(&path.display().to_string()));
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_bad_input_gets_one_clear_line_and_the_aws_cli_exit_code() {
    let mock = Mock::start(&[]);
    let mut denied_data = tempfile::NamedTempFile::new().expect("data file");
    write!(
        denied_data,
        r#"{{"Instances":[{{"Instance":{{"Id":"{JANE_INSTANCE}"}},
            "Users":[{{"Id":"{JANE}","Username":"Jane"}}],
            "DeniedOperations":["DescribeUser"]}}]}}"#
    )
    .expect("write data file");
    let denied = Mock::start(&["--data", &denied_data.path().display().to_string()]);
    let url = mock.url.as_str();
    let with_url = |args: &[&str]| {
        let mut all = strings(args);
        all.extend(strings(&["--endpoint-url", url]));
        all
    };
    let describe = |instance: &str, user: &str| {
        with_url(&[
            "describe-user",
            "--instance-id",
            instance,
            "--user-id",
            user,
        ])
    };

    let cases = vec![
        Case {
            name: "malformed instance ID",
            setup: nothing,
            args: describe("not-an-instance id", JANE),
            code: 252,
            says: &["not-an-instance id"],
            aws_cli_wording: false,
        },
        Case {
            name: "ARN of something other than an instance",
            setup: nothing,
            args: describe(
                "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/def",
                JANE,
            ),
            code: 252,
            says: &["arn:aws:connect:us-east-1:123456789012:instance/abc/queue/def"],
            aws_cli_wording: false,
        },
        Case {
            name: "malformed user ID",
            setup: nothing,
            args: describe(JANE_INSTANCE, "../../users"),
            code: 254,
            says: &["when calling the DescribeUser operation"],
            aws_cli_wording: false,
        },
        Case {
            name: "unknown instance",
            setup: nothing,
            args: with_url(&["list-users", "--instance-id", UNKNOWN]),
            code: 254,
            says: &["(ResourceNotFoundException)", "ListUsers", UNKNOWN],
            aws_cli_wording: false,
        },
        Case {
            name: "unknown user",
            setup: nothing,
            args: describe(JANE_INSTANCE, UNKNOWN),
            code: 254,
            says: &["(ResourceNotFoundException)", "DescribeUser", UNKNOWN],
            aws_cli_wording: false,
        },
        Case {
            name: "invalid region",
            setup: nothing,
            args: with_url(&["list-instances", "--region", "not a region!"]),
            code: 253,
            says: &["invalid region \"not a region!\"", "such as us-east-1"],
            aws_cli_wording: false,
        },
        Case {
            name: "unreachable endpoint",
            setup: nothing,
            args: strings(&[
                "list-instances",
                "--endpoint-url",
                "http://127.0.0.1:1",
                "--cli-connect-timeout",
                "5",
            ]),
            code: 255,
            says: &[
                "ListInstances",
                "endpoint unreachable: http://127.0.0.1:1:",
                "check --endpoint-url",
            ],
            aws_cli_wording: false,
        },
        Case {
            name: "malformed endpoint URL",
            setup: nothing,
            args: strings(&["list-instances", "--endpoint-url", "localhost:99999"]),
            code: 252,
            says: &["localhost:99999", "http://"],
            aws_cli_wording: false,
        },
        Case {
            name: "missing credentials",
            setup: no_credentials,
            args: with_url(&["list-instances"]),
            code: 253,
            says: &["credentials"],
            aws_cli_wording: false,
        },
        Case {
            name: "expired SSO session",
            setup: expired_sso,
            args: with_url(&["list-instances"]),
            code: 253,
            says: &["aws sso login --profile sso-expired"],
            aws_cli_wording: false,
        },
        Case {
            name: "access denied",
            setup: nothing,
            args: strings(&[
                "describe-user",
                "--instance-id",
                JANE_INSTANCE,
                "--user-id",
                JANE,
                "--endpoint-url",
                &denied.url,
            ]),
            code: 254,
            says: &[
                "An error occurred (AccessDeniedException) when calling the DescribeUser operation",
                "connect:DescribeUser",
            ],
            aws_cli_wording: false,
        },
        Case {
            name: "unreadable config file",
            setup: unreadable_config,
            args: with_url(&["list-instances"]),
            code: 253,
            says: &["Unable to parse config file", "broken-config"],
            aws_cli_wording: false,
        },
        Case {
            name: "invalid --query",
            setup: nothing,
            args: with_url(&["list-instances", "--query", "InstanceSummaryList[?"]),
            code: 252,
            // The AWS CLI's own words (`aws connect list-instances --query 'InstanceSummaryList[?'`).
            says: &[
                "Bad value for --query InstanceSummaryList[?: Invalid jmespath expression: Incomplete expression:",
            ],
            aws_cli_wording: true,
        },
        Case {
            name: "malformed --cli-input-json",
            setup: nothing,
            args: with_url(&["describe-user", "--cli-input-json", "{\"UserId\": "]),
            code: 252,
            says: &["Error parsing parameter 'cli-input-json': Invalid JSON"],
            aws_cli_wording: true,
        },
        Case {
            name: "browser: malformed --instance-id, no terminal",
            setup: nothing,
            args: with_url(&["--instance-id", "bad"]),
            code: 252,
            says: &["--instance-id", "bad"],
            aws_cli_wording: false,
        },
        Case {
            name: "browser: no terminal",
            setup: nothing,
            args: with_url(&[]),
            code: 252,
            says: &["needs a terminal", "list-users"],
            aws_cli_wording: false,
        },
    ];

    let mut failures = Vec::new();
    for case in cases {
        let mut env = AwsEnv::new();
        (case.setup)(&mut env);
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let out = env.run(&args);
        let outcome = std::panic::catch_unwind(|| {
            let line = if case.aws_cli_wording {
                assert_clean_failure_in_lines(&out, case.code, case.name)
            } else {
                assert_clean_failure(&out, case.code, case.name)
            };
            for piece in case.says {
                assert!(
                    line.contains(piece),
                    "{}: {line:?} lacks {piece:?}",
                    case.name
                );
            }
        });
        if outcome.is_err() {
            failures.push(format!(
                "{}: exit {:?}, stderr {:?}",
                case.name,
                out.status.code(),
                stderr_of(&out)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "failing cases:\n{}",
        failures.join("\n")
    );
}
