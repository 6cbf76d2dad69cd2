//! The built binary: `connect-tui mock-server` prints its address, serves, and exits 0 on
//! SIGTERM; bad arguments and data fail with one clear line.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_connect-tui");

fn mock_server(args: &[&str]) -> Child {
    Command::new(BIN)
        .arg("mock-server")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts")
}

/// Waits for the process to exit, polling until `deadline`; kills it and fails after that.
fn wait_until_exit(child: &mut Child, deadline: Duration) -> ExitStatus {
    let until = Instant::now() + deadline;
    loop {
        if let Some(status) = child.try_wait().expect("process state") {
            return status;
        }
        if Instant::now() > until {
            let _ = child.kill();
            panic!("the process did not exit within {deadline:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr_of(child: &mut Child) -> String {
    let mut text = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut text)
        .expect("stderr readable");
    text
}

#[test]
fn prints_its_address_serves_and_exits_zero_on_sigterm() {
    let mut child = mock_server(&["--addr", "127.0.0.1:0", "--users", "50"]);
    let stdout = child.stdout.take().expect("stdout");
    let (lines, first_line) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = lines.send(line);
    });
    let line = first_line
        .recv_timeout(Duration::from_secs(60))
        .expect("first line within 60 s");
    let port = line
        .strip_suffix('\n')
        .and_then(|l| l.strip_prefix("listening on http://127.0.0.1:"))
        .and_then(|p| p.parse::<u16>().ok())
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    assert_ne!(port, 0);

    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(b"GET /instance HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("a response");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("InstanceSummaryList"));

    let pid = i32::try_from(child.id()).expect("pid fits");
    // SAFETY: sending a signal to our own child process by its id.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = wait_until_exit(&mut child, Duration::from_secs(10));
    assert_eq!(
        status.code(),
        Some(0),
        "exit status {status:?}; stderr: {}",
        stderr_of(&mut child)
    );
}

#[test]
fn bad_arguments_fail_with_one_clear_line() {
    // Exit 2 for bad arguments (as clap's usage errors), 1 for bad data.
    let cases: [(&[&str], &str, i32); 11] = [
        (
            &["--fault-rate", "2"],
            "--fault-rate 2: expected a share between 0 and 1",
            2,
        ),
        (&["--latency-ms", "9-3"], "--latency-ms `9-3`", 2),
        (
            &["--fault-kinds", "internal,gremlins"],
            "--fault-kinds `internal,gremlins`: unknown fault kind `gremlins`",
            2,
        ),
        (&["--throttle-rps", "0"], "--throttle-rps 0", 2),
        (
            &["--throttle", "2/0"],
            "--throttle `2/0`: burst 0: expected at least 1 request",
            2,
        ),
        (
            &["--throttle", "fast"],
            "--throttle `fast`: expected RATE[/BURST]",
            2,
        ),
        (
            &["--throttle", "ListUsrs=10/15"],
            "--throttle `ListUsrs=10/15`: `ListUsrs` is not an operation this endpoint serves; \
             it serves ListInstances, DescribeInstance, ListUsers,",
            2,
        ),
        (
            &["--throttle-scope", "region"],
            "--throttle-scope `region`: expected operation",
            2,
        ),
        (
            &["--throttle-rps", "2", "--throttle-scope", "operation"],
            "--throttle-rps 2 means --throttle 2/2 --throttle-scope account",
            2,
        ),
        (&["--addr", "somewhere"], "--addr `somewhere`", 2),
        (
            &["--data", "/nonexistent/data.json"],
            "/nonexistent/data.json: cannot read the file",
            1,
        ),
    ];
    for (args, expected, code) in cases {
        let mut child = mock_server(args);
        let status = wait_until_exit(&mut child, Duration::from_secs(30));
        let stderr = stderr_of(&mut child);
        assert_eq!(status.code(), Some(code), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_bad_data_file_names_the_file_and_the_json_path() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(br#"{"Instances":[{"Instance":{"Id":"i"},"Users":[{"Id":"u","Username":"a"},{"Id":"v"}]}]}"#).unwrap();
    let path = file.path().display().to_string();
    let mut child = mock_server(&["--data", &path]);
    let status = wait_until_exit(&mut child, Duration::from_secs(30));
    let stderr = stderr_of(&mut child);
    assert_eq!(status.code(), Some(1));
    assert_eq!(
        stderr.trim_end(),
        format!(
            "connect-tui mock-server: {path}: at Instances[0].Users[1].Username: missing: this member is required"
        )
    );
}
