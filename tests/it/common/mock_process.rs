//! A `connect-tui mock-server` child process for the tests that drive the real binary, shared
//! by test binaries through `#[path]`. It writes a request log; when it is dropped, every
//! operation it received must be on the read-only allowlist, so each test that uses it doubles
//! as a read-only check.

// Each test binary that includes this file uses a different part of it.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use connect_tui::connect::READ_OPERATIONS;

/// A running `connect-tui mock-server` on 127.0.0.1, killed when dropped.
pub struct Mock {
    child: Child,
    pub url: String,
    log: tempfile::NamedTempFile,
}

impl Mock {
    /// Starts `connect-tui mock-server --addr 127.0.0.1:0 --request-log … EXTRA…` and waits
    /// (at most a minute: generating users in a debug build takes a while) for its
    /// `listening on` line.
    pub fn start(extra: &[&str]) -> Mock {
        let log = tempfile::NamedTempFile::new().expect("request log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_connect-tui"))
            .args(["mock-server", "--addr", "127.0.0.1:0", "--request-log"])
            .arg(log.path())
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start mock-server");
        let stdout = child.stdout.take().expect("mock stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("mock-server printed no address within 60 s");
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line from mock-server: {line:?}"))
            .to_string();
        Mock { child, url, log }
    }

    /// The request log file (one JSON object per request, appended as each completes).
    pub fn log_path(&self) -> &Path {
        self.log.path()
    }

    /// The requests received so far, in order, with their status and injected fault.
    pub fn requests(&self) -> Vec<serde_json::Value> {
        request_log(self.log.path())
    }

    pub fn operations(&self) -> BTreeSet<String> {
        self.requests()
            .iter()
            .map(|e| e["op"].as_str().unwrap_or("<no op>").to_string())
            .collect()
    }
}

pub fn request_log(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("request log readable")
        .lines()
        .map(|line| serde_json::from_str(line).expect("request log line is JSON"))
        .collect()
}

/// Fails unless every operation is on the read-only allowlist.
pub fn assert_read_only(operations: &BTreeSet<String>, context: &str) {
    let outside: Vec<&String> = operations
        .iter()
        .filter(|op| !READ_OPERATIONS.contains(&op.as_str()))
        .collect();
    assert!(
        outside.is_empty(),
        "{context}: operations outside the read-only allowlist reached the endpoint: {outside:?}"
    );
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if !std::thread::panicking() {
            assert_read_only(&self.operations(), &format!("mock at {}", self.url));
        }
    }
}
