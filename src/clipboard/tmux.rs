//! Copying through tmux itself: `tmux load-buffer -w -` with the text on stdin fills tmux's
//! paste buffer and (`-w`, tmux ≥ 3.2) passes it on to the outer terminal's clipboard as
//! tmux's `set-clipboard` option allows (default `external`: yes). This works at tmux's
//! default settings, unlike OSC 52 from inside a pane (tmux only accepts it with
//! `set-clipboard on`) or its DCS passthrough (dropped unless `allow-passthrough` is on).
//! helix and Neovim copy the same way.
//!
//! The child runs under a deadline and is killed if it overruns: the UI waits for it.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::outcome::Problem;

/// How long `tmux` may take. It answers in milliseconds; this only bounds a stuck server.
pub const TMUX_DEADLINE: Duration = Duration::from_secs(2);

/// How often a running child is checked for exit.
const POLL: Duration = Duration::from_millis(2);

/// Why running tmux failed; the `Display` text (with tmux's stderr) is for the log.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("tmux not found on PATH")]
    NotFound,
    #[error("tmux did not exit within {0:?} and was killed")]
    TimedOut(Duration),
    #[error("tmux exited with {status}: {stderr}")]
    Exit { status: String, stderr: String },
    #[error("running tmux failed: {0}")]
    Io(#[from] std::io::Error),
}

impl RunError {
    pub fn problem(&self) -> Problem {
        match self {
            RunError::NotFound => Problem::TmuxNotFound,
            RunError::TimedOut(_) => Problem::TmuxTimedOut,
            RunError::Exit { .. } | RunError::Io(_) => Problem::TmuxFailed,
        }
    }
}

/// Runs `tmux` with arguments and stdin, returning its stdout. A trait so the clipboard's
/// tests can stand in for tmux.
pub trait TmuxRunner {
    fn run(&mut self, args: &[&str], stdin: &[u8]) -> Result<String, RunError>;
}

/// The real `tmux` on PATH (it finds the server through `$TMUX`), under a deadline.
pub struct TmuxCommand {
    pub program: String,
    pub deadline: Duration,
}

impl Default for TmuxCommand {
    fn default() -> Self {
        TmuxCommand {
            program: "tmux".to_string(),
            deadline: TMUX_DEADLINE,
        }
    }
}

impl TmuxRunner for TmuxCommand {
    fn run(&mut self, args: &[&str], stdin: &[u8]) -> Result<String, RunError> {
        let deadline = Instant::now() + self.deadline;
        let mut child = Command::new(&self.program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => RunError::NotFound,
                _ => RunError::Io(e),
            })?;
        // Feed and drain on helper threads: a child that stops reading or writes a lot must
        // not block us past the deadline. They end when the child exits or is killed.
        if let Some(mut input) = child.stdin.take() {
            let bytes = stdin.to_vec();
            std::thread::spawn(move || input.write_all(&bytes));
        }
        let stdout = drain(child.stdout.take());
        let stderr = drain(child.stderr.take());
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::TimedOut(self.deadline));
            }
            std::thread::sleep(POLL);
        };
        // A grandchild could hold the pipes open; their contents are not worth waiting for.
        let read = |rx: mpsc::Receiver<String>| {
            rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_default()
        };
        if status.success() {
            Ok(read(stdout))
        } else {
            Err(RunError::Exit {
                status: status.to_string(),
                stderr: read(stderr).trim().to_string(),
            })
        }
    }
}

/// Reads `pipe` to its end on a thread; the text arrives on the returned channel.
fn drain(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    if let Some(mut pipe) = pipe {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            let _ = tx.send(String::from_utf8_lossy(&bytes).into_owned());
        });
    }
    rx
}

/// Whether this tmux's `load-buffer` takes `-w` (3.2 and later), from `tmux -V` output:
/// "tmux 3.3a", "tmux next-3.6", "tmux 3.2-rc2". Builds that do not say a number ("tmux
/// master", "tmux openbsd-7.5") are taken to be recent.
pub fn load_buffer_takes_w(version: &str) -> bool {
    let number = version
        .trim()
        .trim_start_matches("tmux ")
        .trim_start_matches("next-");
    let mut parts = number.split(|c: char| !c.is_ascii_digit());
    match (parts.next().map(str::parse::<u32>), parts.next()) {
        (Some(Ok(major)), Some(minor)) => (major, minor.parse::<u32>().unwrap_or(0)) >= (3, 2),
        _ => true,
    }
}

/// `tmux load-buffer` through `runner`, with `-w` when this tmux takes it.
pub struct Tmux {
    runner: Box<dyn TmuxRunner>,
    /// `Ok(takes -w)`, or why tmux cannot be used this session.
    version: Result<bool, Problem>,
}

impl Tmux {
    /// Learns the version once (`tmux -V`, which does not talk to the server). If that fails,
    /// tmux is missing or broken: it is not run again, so a hanging tmux costs one deadline
    /// at startup, not one per copy.
    pub fn new(mut runner: Box<dyn TmuxRunner>) -> Tmux {
        let version = runner
            .run(&["-V"], b"")
            .map(|v| load_buffer_takes_w(&v))
            .map_err(|e| {
                tracing::warn!(error = %e, "tmux -V failed; not copying through tmux");
                e.problem()
            });
        Tmux { runner, version }
    }

    pub fn load_buffer(&mut self, text: &str) -> Result<(), Problem> {
        let args: &[&str] = match &self.version {
            Ok(true) => &["load-buffer", "-w", "-"],
            Ok(false) => &["load-buffer", "-"],
            Err(problem) => return Err(problem.clone()),
        };
        self.runner
            .run(args, text.as_bytes())
            .map(drop)
            .map_err(|e| {
                tracing::warn!(error = %e, ?args, "copying through tmux failed");
                e.problem()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w_is_used_from_tmux_3_2() {
        for v in [
            "tmux 3.2",
            "tmux 3.3a\n",
            "tmux 3.2-rc2",
            "tmux next-3.6",
            "tmux 4.0",
        ] {
            assert!(load_buffer_takes_w(v), "{v}");
        }
        for v in ["tmux 3.1c", "tmux 2.9a", "tmux 3.0"] {
            assert!(!load_buffer_takes_w(v), "{v}");
        }
        for v in ["tmux master", "tmux openbsd-7.5", ""] {
            assert!(load_buffer_takes_w(v), "{v}");
        }
    }

    fn sh(script: &str) -> (TmuxCommand, Vec<String>) {
        let runner = TmuxCommand {
            program: "sh".to_string(),
            deadline: Duration::from_millis(300),
        };
        (runner, vec!["-c".to_string(), script.to_string()])
    }

    fn run(script: &str, stdin: &[u8]) -> Result<String, RunError> {
        let (mut runner, args) = sh(script);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        runner.run(&args, stdin)
    }

    #[test]
    fn the_child_reads_stdin_and_its_stdout_comes_back() {
        assert_eq!(run("tr a-z A-Z", b"abc").unwrap(), "ABC");
    }

    #[test]
    fn a_non_zero_exit_is_an_error_with_stderr_for_the_log() {
        let err = run("echo 'no server running' >&2; exit 1", b"").unwrap_err();
        assert_eq!(err.problem(), Problem::TmuxFailed);
        assert!(err.to_string().contains("no server running"), "{err}");
    }

    #[test]
    fn a_child_that_overruns_is_killed_at_the_deadline() {
        let started = Instant::now();
        // Ignores stdin (larger than a pipe holds) and never exits by itself.
        let err = run("exec sleep 30", &vec![b'x'; 1 << 20]).unwrap_err();
        assert!(matches!(err, RunError::TimedOut(_)), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_missing_program_is_not_found() {
        let mut runner = TmuxCommand {
            program: "connect-tui-no-such-tmux".to_string(),
            deadline: TMUX_DEADLINE,
        };
        let err = runner.run(&["-V"], b"").unwrap_err();
        assert_eq!(err.problem(), Problem::TmuxNotFound);
    }
}
