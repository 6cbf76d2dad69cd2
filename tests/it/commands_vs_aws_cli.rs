//! The scriptable commands against the installed AWS CLI: both talk to the same
//! `connect-tui mock-server` (2500 extra users, so listings need several pages) with the same
//! configuration (`cli_timestamp_format = iso8601`, dummy credentials, a fixed `TZ`), and must
//! print the same stdout. What AWS CLI v1 cannot show (YAML output, the v2 exit codes
//! 252/253/254) is checked against our own expectations.
//!
//! Without `aws` on PATH the comparisons print "skipped: ..." (they fail when `CI` is set);
//! the connect-tui-only checks always run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

const OURS: &str = env!("CARGO_BIN_EXE_connect-tui");
const TZ: &str = "Asia/Kolkata";
const FORMATS: [&str; 3] = ["json", "text", "table"];

use crate::common::mock_process;
use mock_process::Mock;

use crate::common::query_corpus;

/// The endpoint both tools talk to: 2500 extra users, so listings need several pages.
fn mock() -> Mock {
    Mock::start(&["--users", "2500"])
}

/// A private AWS configuration: a temp HOME with config and credentials files.
struct AwsEnv {
    dir: tempfile::TempDir,
}

impl AwsEnv {
    fn new() -> AwsEnv {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("config"),
            "[default]\nregion = us-east-1\ncli_timestamp_format = iso8601\n\n\
             [profile epoch]\nregion = us-east-1\ncli_timestamp_format = none\noutput = text\n\n\
             [profile badts]\nregion = us-east-1\ncli_timestamp_format = sometimes\n",
        )
        .expect("write config");
        // With an explicit --profile the AWS CLI ignores the environment's keys.
        let keys = "aws_access_key_id = AKIDEXAMPLE\n\
                    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        let credentials = format!("[epoch]\n{keys}\n[badts]\n{keys}");
        std::fs::write(dir.path().join("credentials"), credentials).expect("write credentials");
        AwsEnv { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn apply(&self, cmd: &mut Command) {
        for var in [
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_DEFAULT_OUTPUT",
            "AWS_REGION",
            "AWS_SESSION_TOKEN",
            "AWS_CA_BUNDLE",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("HOME", self.dir.path())
            .env("AWS_CONFIG_FILE", self.path("config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", self.path("credentials"))
            .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
            .env(
                "AWS_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            )
            .env("AWS_DEFAULT_REGION", "us-east-1")
            .env("AWS_PAGER", "")
            .env("PYTHONUTF8", "1")
            .env("TZ", TZ)
            .stdin(Stdio::null());
    }
}

struct Fixture {
    mock: Mock,
    env: AwsEnv,
    instance_id: String,
    user_id: String,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::on(mock())
    }

    /// A fixture on `mock`, with the first instance and its first user found.
    fn on(mock: Mock) -> Fixture {
        let env = AwsEnv::new();
        let mut fx = Fixture {
            mock,
            env,
            instance_id: String::new(),
            user_id: String::new(),
        };
        fx.instance_id = fx.json_of(&["list-instances", "--query", "InstanceSummaryList[0].Id"]);
        let first_user = [
            "list-users",
            "--instance-id",
            &fx.instance_id,
            "--max-items",
            "1",
            "--query",
            "UserSummaryList[0].Id",
        ];
        fx.user_id = fx.json_of(&first_user);
        fx
    }

    /// A string from our own JSON output (used to find IDs in the demo data).
    fn json_of(&self, args: &[&str]) -> String {
        let out = self.ours(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let value: Value = serde_json::from_slice(&out.stdout).expect("json output");
        value.as_str().expect("a string").to_string()
    }

    fn ours(&self, args: &[&str]) -> Output {
        self.ours_at(&self.mock.url, args)
    }

    fn ours_at(&self, url: &str, args: &[&str]) -> Output {
        let mut cmd = Command::new(OURS);
        self.env.apply(&mut cmd);
        cmd.args(args).args(["--endpoint-url", url]);
        cmd.output().expect("run connect-tui")
    }

    fn aws(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new("aws");
        self.env.apply(&mut cmd);
        cmd.arg("connect")
            .args(args)
            .args(["--endpoint-url", &self.mock.url]);
        cmd.output().expect("run aws")
    }

    /// Runs both and asserts identical stdout and success.
    fn same_stdout(&self, args: &[&str]) -> String {
        let ours = self.ours(args);
        let aws = self.aws(args);
        assert_eq!(aws.status.code(), Some(0), "aws {args:?}: {}", stderr(&aws));
        assert_eq!(
            ours.status.code(),
            Some(0),
            "ours {args:?}: {}",
            stderr(&ours)
        );
        let ours_out = String::from_utf8_lossy(&ours.stdout).into_owned();
        let aws_out = String::from_utf8_lossy(&aws.stdout).into_owned();
        assert_same(&ours_out, &aws_out, &format!("{args:?}"));
        ours_out
    }

    fn id_args<'a>(&'a self, command: &'a str) -> Vec<&'a str> {
        match command {
            "describe-user" => vec![
                command,
                "--instance-id",
                &self.instance_id,
                "--user-id",
                &self.user_id,
            ],
            "list-instances" => vec![command],
            _ => vec![command, "--instance-id", &self.instance_id],
        }
    }
}

/// Asserts equal texts, reporting the first differing line (the outputs are long).
fn assert_same(ours: &str, aws: &str, what: &str) {
    if ours == aws {
        return;
    }
    let (ours_lines, aws_lines): (Vec<&str>, Vec<&str>) =
        (ours.split('\n').collect(), aws.split('\n').collect());
    let at = ours_lines
        .iter()
        .zip(&aws_lines)
        .position(|(a, b)| a != b)
        .unwrap_or(ours_lines.len().min(aws_lines.len()));
    panic!(
        "stdout differs for {what} at line {}:\n  ours: {:?}\n  aws:  {:?}\n({} vs {} lines)",
        at + 1,
        ours_lines.get(at),
        aws_lines.get(at),
        ours_lines.len(),
        aws_lines.len()
    );
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Whether the AWS CLI comparisons can run here.
fn aws_available(test: &str) -> bool {
    let found = Command::new("aws")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: the AWS CLI (`aws`) is required in CI"
        );
        println!("skipped: {test}: `aws` is not installed");
    }
    found
}

fn with(base: &[&str], more: &[&str]) -> Vec<String> {
    base.iter().chain(more).map(|s| s.to_string()).collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

mod same_output {
    use super::*;

    #[test]
    fn every_command_in_every_format() {
        if !aws_available("every_command_in_every_format") {
            return;
        }
        let fx = Fixture::new();
        for command in [
            "describe-user",
            "list-users",
            "list-instances",
            "search-users",
        ] {
            for format in FORMATS {
                let args = with(&fx.id_args(command), &["--output", format]);
                fx.same_stdout(&strs(&args));
            }
        }
        // The profile's output and cli_timestamp_format (none: epoch numbers).
        let args = with(&fx.id_args("describe-user"), &["--profile", "epoch"]);
        let text = fx.same_stdout(&strs(&args));
        assert!(text.starts_with("USER\t"), "{text}");
        let args = with(
            &fx.id_args("describe-user"),
            &["--profile", "epoch", "--output", "json"],
        );
        fx.same_stdout(&strs(&args));
    }

    #[test]
    fn query_expressions() {
        if !aws_available("query_expressions") {
            return;
        }
        let fx = Fixture::new();
        let cases: &[(&str, &str)] = &[
            ("describe-user", "User.Username"),
            ("describe-user", "User.IdentityInfo"),
            (
                "describe-user",
                "User.{Name: Username, Profiles: SecurityProfileIds, Tags: Tags}",
            ),
            ("describe-user", "User.[Id, Arn, LastModifiedTime]"),
            ("list-users", "UserSummaryList[].Username"),
            ("list-users", "length(UserSummaryList)"),
            (
                "list-users",
                "UserSummaryList[?starts_with(Username, 'a')].[Id, Username]",
            ),
            ("list-users", "sort_by(UserSummaryList, &Username)[-3:]"),
            ("list-instances", "InstanceSummaryList[0]"),
            (
                "list-instances",
                "InstanceSummaryList[].[InstanceAlias, CreatedTime]",
            ),
            ("search-users", "Users[].IdentityInfo.FirstName"),
            ("search-users", "ApproximateTotalCount"),
            (
                "search-users",
                "Users[?RoutingProfileId].{u: Username, r: RoutingProfileId} | [:5]",
            ),
        ];
        for (command, query) in cases {
            for format in FORMATS {
                let args = with(
                    &fx.id_args(command),
                    &["--query", query, "--output", format],
                );
                fx.same_stdout(&strs(&args));
            }
        }
    }

    #[test]
    fn search_criteria_and_filters() {
        if !aws_available("search_criteria_and_filters") {
            return;
        }
        let fx = Fixture::new();
        let criteria = r#"{"StringCondition": {"FieldName": "Username", "Value": "a", "ComparisonType": "CONTAINS"}}"#;
        let file = fx.env.path("criteria.json");
        std::fs::write(&file, criteria).unwrap();
        let from_file = format!("file://{}", file.display());
        for value in [criteria, from_file.as_str()] {
            let args = with(&fx.id_args("search-users"), &["--search-criteria", value]);
            fx.same_stdout(&strs(&args));
        }
        let input = format!(
            r#"{{"InstanceId": "{}", "SearchCriteria": {criteria}}}"#,
            fx.instance_id
        );
        fx.same_stdout(&[
            "search-users",
            "--cli-input-json",
            &input,
            "--output",
            "text",
        ]);
    }

    #[test]
    fn input_and_output_skeletons() {
        if !aws_available("input_and_output_skeletons") {
            return;
        }
        let fx = Fixture::new();
        for command in [
            "describe-user",
            "list-users",
            "list-instances",
            "search-users",
        ] {
            let ours = fx.ours(&[command, "--generate-cli-skeleton"]);
            let aws = fx.aws(&[command, "--generate-cli-skeleton"]);
            // botocore picks enum placeholders at random; compare everything else.
            assert_eq!(
                without_enum_values(&String::from_utf8_lossy(&ours.stdout)),
                without_enum_values(&String::from_utf8_lossy(&aws.stdout)),
                "{command} input skeleton"
            );
            assert_eq!(ours.status.code(), Some(0));
            for format in FORMATS {
                let args = with(
                    &fx.id_args(command),
                    &["--generate-cli-skeleton", "output", "--output", format],
                );
                fx.same_stdout(&strs(&args));
            }
        }
    }

    /// Replaces the values of the enum members in the search-users skeleton.
    fn without_enum_values(text: &str) -> String {
        text.lines()
            .map(|line| {
                for key in [
                    "\"HierarchyGroupMatchType\": ",
                    "\"ComparisonType\": ",
                    "\"TargetListType\": ",
                ] {
                    if let Some(at) = line.find(key) {
                        return format!("{}<enum>", &line[..at + key.len()]);
                    }
                }
                line.to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[path = "commands_vs_aws_cli/query_corpus.rs"]
mod query_corpus_commands;

#[path = "commands_vs_aws_cli/live_commands.rs"]
mod live_commands;

mod paging {
    use super::*;

    fn next_token(stdout: &str) -> String {
        let doc: Value = serde_json::from_str(stdout).expect("json");
        doc["NextToken"].as_str().expect("a NextToken").to_string()
    }

    #[test]
    fn max_items_page_size_and_starting_token_match_the_aws_cli() {
        if !aws_available("paging") {
            return;
        }
        let fx = Fixture::new();
        let users = fx.id_args("list-users");
        // Truncated inside the second page, then resumed inside a page, then to the end.
        let first = fx.same_stdout(&strs(&with(
            &users,
            &["--page-size", "100", "--max-items", "150"],
        )));
        let token = next_token(&first);
        let second = fx.same_stdout(&strs(&with(
            &users,
            &[
                "--page-size",
                "100",
                "--max-items",
                "120",
                "--starting-token",
                &token,
            ],
        )));
        let token = next_token(&second);
        for format in FORMATS {
            fx.same_stdout(&strs(&with(
                &users,
                &[
                    "--page-size",
                    "100",
                    "--starting-token",
                    &token,
                    "--output",
                    format,
                ],
            )));
        }
        // Several small pages; a page-boundary stop; text shows pages and the token.
        for format in FORMATS {
            fx.same_stdout(&strs(&with(
                &users,
                &["--page-size", "7", "--max-items", "20", "--output", format],
            )));
            fx.same_stdout(&strs(&with(
                &users,
                &["--page-size", "10", "--max-items", "30", "--output", format],
            )));
            // --query applies to each page in text (and to the resume token document).
            fx.same_stdout(&strs(&with(
                &users,
                &[
                    "--page-size",
                    "7",
                    "--max-items",
                    "20",
                    "--query",
                    "UserSummaryList[].Username",
                    "--output",
                    format,
                ],
            )));
        }
        // A search across pages keeps the first page's ApproximateTotalCount.
        for format in FORMATS {
            let search = fx.id_args("search-users");
            fx.same_stdout(&strs(&with(
                &search,
                &[
                    "--page-size",
                    "50",
                    "--max-items",
                    "120",
                    "--output",
                    format,
                ],
            )));
        }
        let instances = ["list-instances", "--page-size", "1", "--max-items", "3"];
        let out = fx.same_stdout(&instances);
        let token = next_token(&out);
        fx.same_stdout(&[
            "list-instances",
            "--page-size",
            "1",
            "--starting-token",
            &token,
        ]);
        // One raw page.
        for format in FORMATS {
            fx.same_stdout(&strs(&with(&users, &["--no-paginate", "--output", format])));
        }
        fx.same_stdout(&[
            "--no-paginate",
            "search-users",
            "--instance-id",
            &fx.instance_id,
        ]);
    }

    /// Without --page-size connect-tui asks for large pages, yet near --max-items its pages
    /// line up with the AWS CLI's default-size ones: same output, same resume tokens, and
    /// each tool resumes from the other's token at the same user.
    #[test]
    fn max_items_without_page_size_matches_the_aws_cli() {
        if !aws_available("max_items_without_page_size_matches_the_aws_cli") {
            return;
        }
        let fx = Fixture::new();
        let users = fx.id_args("list-users");
        for max in ["7", "150", "1234"] {
            for format in FORMATS {
                fx.same_stdout(&strs(&with(
                    &users,
                    &["--max-items", max, "--output", format],
                )));
            }
        }
        let first = fx.same_stdout(&strs(&with(&users, &["--max-items", "150"])));
        let token = next_token(&first);
        for format in FORMATS {
            let args = [
                "--max-items",
                "1100",
                "--starting-token",
                &token,
                "--output",
                format,
            ];
            fx.same_stdout(&strs(&with(&users, &args)));
        }
        let search = fx.id_args("search-users");
        fx.same_stdout(&strs(&with(
            &search,
            &["--max-items", "250", "--output", "text"],
        )));
    }

    #[test]
    fn all_users_come_back_in_few_requests() {
        let env = AwsEnv::new();
        let mock = mock();
        let log = mock.log_path().to_path_buf();
        let fx = Fixture {
            mock,
            env,
            instance_id: String::new(),
            user_id: String::new(),
        };
        let instance = fx.json_of(&["list-instances", "--query", "InstanceSummaryList[0].Id"]);
        let before = line_count(&log);
        let out = fx.ours(&[
            "list-users",
            "--instance-id",
            &instance,
            "--query",
            "length(UserSummaryList)",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let count: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        assert!(count > 2500, "{count} users");
        let requests = wait_for_lines(&log, before + 1) - before;
        assert!(
            requests <= count.div_ceil(1000) as usize,
            "{requests} requests for {count} users"
        );
    }

    fn line_count(path: &Path) -> usize {
        std::fs::read_to_string(path)
            .map(|t| t.lines().count())
            .unwrap_or(0)
    }

    /// The log is appended by the server; wait until it has at least `n` lines.
    fn wait_for_lines(path: &Path, n: usize) -> usize {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let count = line_count(path);
            if count >= n || Instant::now() > deadline {
                return count;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

mod ours_only {
    use super::*;

    #[test]
    fn yaml_outputs_carry_the_same_data_as_json() {
        let fx = Fixture::new();
        for command in [
            "describe-user",
            "list-users",
            "list-instances",
            "search-users",
        ] {
            let json = fx.ours(&strs(&with(&fx.id_args(command), &["--output", "json"])));
            let yaml = fx.ours(&strs(&with(&fx.id_args(command), &["--output", "yaml"])));
            assert_eq!(yaml.status.code(), Some(0), "{}", stderr(&yaml));
            let from_json: Value = serde_json::from_slice(&json.stdout).unwrap();
            let from_yaml: Value = serde_norway::from_slice(&yaml.stdout).unwrap();
            assert_eq!(from_yaml, from_json, "{command}");
        }
        let describe = fx.id_args("describe-user");
        let stream = fx.ours(&strs(&with(&describe, &["--output", "yaml-stream"])));
        let json = fx.ours(&strs(&with(&describe, &["--output", "json"])));
        let pages: Value = serde_norway::from_slice(&stream.stdout).unwrap();
        let doc: Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(pages, Value::Array(vec![doc]));
    }

    #[test]
    fn input_files_and_yaml_input_work_like_the_command_line() {
        let fx = Fixture::new();
        let expected = fx.ours(&fx.id_args("describe-user"));
        let yaml = format!("UserId: {}\nInstanceId: {}\n", fx.user_id, fx.instance_id);
        let file = fx.env.path("in.yaml");
        std::fs::write(&file, &yaml).unwrap();
        let from_file = fx.ours(&[
            "describe-user",
            "--cli-input-yaml",
            &format!("file://{}", file.display()),
        ]);
        assert_eq!(from_file.stdout, expected.stdout, "{}", stderr(&from_file));
        // The command line overrides the file: a bogus user in the file is not used.
        let json = format!(
            r#"{{"UserId": "nobody", "InstanceId": "{}"}}"#,
            fx.instance_id
        );
        let overridden = fx.ours(&[
            "describe-user",
            "--cli-input-json",
            &json,
            "--user-id",
            &fx.user_id,
        ]);
        assert_eq!(
            overridden.stdout,
            expected.stdout,
            "{}",
            stderr(&overridden)
        );
        let arn = format!(
            "arn:aws:connect:us-east-1:123456789012:instance/{}",
            fx.instance_id
        );
        let by_arn = fx.ours(&[
            "describe-user",
            "--instance-id",
            &arn,
            "--user-id",
            &fx.user_id,
        ]);
        assert_eq!(by_arn.stdout, expected.stdout);
    }

    /// (args, expected exit code, a piece of stderr) — stdout must stay empty.
    fn assert_fails(fx: &Fixture, args: &[&str], code: i32, stderr_piece: &str) {
        let out = fx.ours(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
        assert!(
            stderr(&out).contains(stderr_piece),
            "{args:?}: stderr {:?} lacks {stderr_piece:?}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{args:?} panicked");
    }

    #[test]
    fn exit_codes_follow_aws_cli_v2() {
        let fx = Fixture::new();
        let id = fx.instance_id.clone();
        let missing_user = "00000000-0000-0000-0000-000000000000";
        assert_fails(
            &fx,
            &[
                "describe-user",
                "--instance-id",
                &id,
                "--user-id",
                missing_user,
            ],
            254,
            "An error occurred (ResourceNotFoundException) when calling the DescribeUser operation: ",
        );
        assert_fails(
            &fx,
            &["describe-user", "--instance-id", &id],
            252,
            "--user-id",
        );
        assert_fails(
            &fx,
            &["describe-user", "--cli-input-json", "{\"UserId\": "],
            252,
            "Invalid JSON",
        );
        assert_fails(
            &fx,
            &[
                "describe-user",
                "--instance-id",
                "not-an-instance",
                "--user-id",
                "u",
            ],
            252,
            "not-an-instance",
        );
        assert_fails(
            &fx,
            &["list-users", "--instance-id", &id, "--bogus-option"],
            252,
            "--bogus-option",
        );
        assert_fails(
            &fx,
            &["list-instances", "--profile", "nope"],
            253,
            "The config profile (nope) could not be found",
        );
        assert_fails(
            &fx,
            &["list-instances", "--profile", "badts"],
            253,
            "cli_timestamp_format",
        );
        assert_fails(
            &fx,
            &["list-instances", "--query", "bad["],
            252,
            "Bad value for --query bad[",
        );
        assert_fails(
            &fx,
            &["list-instances", "--no-paginate", "--max-items", "1"],
            255,
            "Cannot specify --no-paginate along with pagination arguments: --max-items",
        );
        let out = fx.ours_at(
            "http://127.0.0.1:1",
            &["list-instances", "--cli-connect-timeout", "5"],
        );
        assert_eq!(out.status.code(), Some(255), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }

    #[test]
    fn error_messages_match_the_aws_cli() {
        if !aws_available("error_messages_match_the_aws_cli") {
            return;
        }
        let fx = Fixture::new();
        let id = fx.instance_id.clone();
        let missing = "00000000-0000-0000-0000-000000000000";
        for args in [
            vec!["describe-user", "--instance-id", &id, "--user-id", missing],
            vec!["list-instances", "--profile", "nope"],
            vec!["list-instances", "--no-paginate", "--max-items", "1"],
            vec![
                "describe-user",
                "--user-id",
                "u",
                "--instance-id",
                &id,
                "--cli-input-json",
                "{\"Foo\": 1}",
            ],
            vec!["list-users", "--cli-input-json", "{\"MaxResults\": 0}"],
        ] {
            let ours = fx.ours(&args);
            let aws = fx.aws(&args);
            assert_eq!(stderr(&ours), stderr(&aws), "{args:?}");
            assert!(ours.stdout.is_empty() && aws.stdout.is_empty(), "{args:?}");
        }
    }

    #[test]
    fn ctrl_c_exits_130() {
        // An endpoint that accepts the connection and never answers.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let env = AwsEnv::new();
        let mut cmd = Command::new(OURS);
        env.apply(&mut cmd);
        let mut child = cmd
            .args(["list-instances", "--endpoint-url", &url])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(listener.accept().map(|(stream, _)| stream));
        });
        let _connection = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("connect-tui never connected")
            .unwrap();
        let status = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        let code = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status.code();
            }
            assert!(Instant::now() < deadline, "connect-tui ignored Ctrl-C");
            std::thread::sleep(Duration::from_millis(10));
        };
        assert_eq!(code, Some(130));
        let out = child.wait_with_output().unwrap();
        assert!(out.stdout.is_empty());
    }
}
