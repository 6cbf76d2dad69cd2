//! The binary, a mock server it talks to (with a request log checked against the read-only
//! allowlist when the mock is dropped), and a private AWS environment with marker secrets.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub use super::mock_process::{Mock, assert_read_only};

pub const BIN: &str = env!("CARGO_BIN_EXE_connect-tui");
pub const JANE_INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
pub const JANE: &str = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";
pub const HOSTILE_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.json");
pub const HOSTILE_INSTANCE: &str = "11111111-2222-4333-8444-555555555555";

/// Marker credentials: none of them may ever be printed or logged.
pub const ACCESS_KEY: &str = "AKIAMARKERACCESSKEY7";
pub const SECRET_KEY: &str = "marker/secret/KEY+do-not-print-0123456789";
pub const SESSION_TOKEN: &str = "marker-session-token-must-never-appear-FwoGZXIvYXdz";

/// How long any one command may take (a retried listing of 20,000 users included).
pub const COMMAND_DEADLINE: Duration = Duration::from_secs(180);

/// A private AWS setup: a temp HOME with config and credentials files, marker credentials in
/// the environment, a state directory for the browser's log, a fixed time zone.
pub struct AwsEnv {
    pub dir: tempfile::TempDir,
    vars: Vec<(String, String)>,
    removed: Vec<String>,
}

impl AwsEnv {
    pub fn new() -> AwsEnv {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("config"),
            "[default]\nregion = us-east-1\ncli_timestamp_format = iso8601\n\n\
             [profile sso-expired]\nsso_start_url = https://example.awsapps.com/start\n\
             sso_region = us-east-1\nsso_account_id = 123456789012\n\
             sso_role_name = ReadOnly\nregion = us-east-1\n",
        )
        .expect("write config");
        std::fs::write(dir.path().join("credentials"), "").expect("write credentials");
        let path = |name: &str| dir.path().join(name).display().to_string();
        let vars = vec![
            ("HOME".into(), path("")),
            ("AWS_CONFIG_FILE".into(), path("config")),
            ("AWS_SHARED_CREDENTIALS_FILE".into(), path("credentials")),
            ("AWS_ACCESS_KEY_ID".into(), ACCESS_KEY.into()),
            ("AWS_SECRET_ACCESS_KEY".into(), SECRET_KEY.into()),
            ("AWS_SESSION_TOKEN".into(), SESSION_TOKEN.into()),
            ("AWS_REGION".into(), "us-east-1".into()),
            ("XDG_STATE_HOME".into(), path("state")),
            ("TZ".into(), "UTC".into()),
            ("NO_COLOR".into(), "1".into()),
        ];
        let removed = [
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_DEFAULT_OUTPUT",
            "AWS_DEFAULT_REGION",
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_CONNECT",
            "AWS_CA_BUNDLE",
            "CONNECT_TUI_MAX_RPS",
            "RUST_BACKTRACE",
        ]
        .map(String::from)
        .to_vec();
        AwsEnv { dir, vars, removed }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Sets (or, with `None`, removes) one variable for the commands run from now on.
    pub fn set(&mut self, name: &str, value: Option<&str>) {
        self.vars.retain(|(n, _)| n != name);
        self.removed.retain(|n| n != name);
        match value {
            Some(v) => self.vars.push((name.into(), v.into())),
            None => self.removed.push(name.into()),
        }
    }

    pub fn vars(&self) -> &[(String, String)] {
        &self.vars
    }

    pub fn removed(&self) -> &[String] {
        &self.removed
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        for name in &self.removed {
            cmd.env_remove(name);
        }
        cmd.envs(self.vars.iter().map(|(n, v)| (n, v)))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// Runs the binary to completion, killing it (and failing) after [`COMMAND_DEADLINE`].
    pub fn run(&self, args: &[&str]) -> Output {
        run_with_deadline(self.command(args), args)
    }
}

pub fn run_with_deadline(mut cmd: Command, what: &[&str]) -> Output {
    let mut child = cmd.spawn().expect("start connect-tui");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let until = Instant::now() + COMMAND_DEADLINE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("process state") {
            break status;
        }
        if Instant::now() > until {
            let _ = child.kill();
            panic!("{what:?} did not finish within {COMMAND_DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_reader.join().expect("stdout reader"),
        stderr: err_reader.join().expect("stderr reader"),
    }
}

pub fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The non-empty lines of stderr.
pub fn message_lines(out: &Output) -> Vec<String> {
    stderr_of(out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// A failure as a user must see it: the exit code, nothing on stdout, no panic or backtrace,
/// and exactly one line on stderr; returns that line.
pub fn assert_clean_failure(out: &Output, code: i32, what: &str) -> String {
    let first = assert_clean_failure_in_lines(out, code, what);
    let lines = message_lines(out);
    assert_eq!(lines.len(), 1, "{what}: expected one line, got {lines:?}");
    first
}

/// Like [`assert_clean_failure`] for a message of several lines; returns the first.
pub fn assert_clean_failure_in_lines(out: &Output, code: i32, what: &str) -> String {
    let stderr = stderr_of(out);
    assert_eq!(out.status.code(), Some(code), "{what}: stderr {stderr:?}");
    assert!(
        out.stdout.is_empty(),
        "{what}: printed on stdout: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    for marker in ["panicked", "backtrace", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(!stderr.contains(marker), "{what}: {marker} in {stderr:?}");
    }
    message_lines(out)
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("{what}: nothing on stderr"))
}

/// Parses a command's JSON stdout.
pub fn json_stdout(out: &Output, what: &str) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{what} failed ({:?}): {}",
        out.status.code(),
        stderr_of(out)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{what}: stdout is not JSON: {e}"))
}
