//! The whole `--query` corpus (`tests/common/query_corpus.rs`, also run at the output level)
//! through the real commands: stdout, stderr and exit code must be the AWS CLI's, for results,
//! evaluation errors and expressions that do not parse alike. The output-level test checks
//! the evaluator; this one checks that the commands use it, parse errors included.
//!
//! The AWS CLI runs in-process through its own entry point (`aws_batch.py`): a separate `aws`
//! per command line would take minutes for the ~300 runs on a 2-core machine.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::query_corpus::QUERIES;
use super::*;

const FORMATS: [&str; 3] = ["json", "text", "table"];
/// AWS CLI batches run side by side (one Python process each) and threads running ours.
const BATCHES: usize = 2;
const OUR_THREADS: usize = 2;

/// The command whose response has the corpus fixture's shape. The synthetic `odd` shape is
/// no command's response: on describe-user its paths select nothing, which still exercises
/// the functions on null (and their errors).
fn command_for(fixture: &str) -> &'static str {
    match fixture {
        "list_users" => "list-users",
        "list_instances" => "list-instances",
        "search_users" => "search-users",
        _ => "describe-user",
    }
}

/// What one run printed and how it exited.
#[derive(Debug, PartialEq, serde::Deserialize)]
pub(super) struct Outcome {
    pub(super) code: Option<i32>,
    pub(super) stdout: String,
    pub(super) stderr: String,
}

impl Outcome {
    fn of(out: &Output) -> Outcome {
        Outcome {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: stderr(out),
        }
    }

    /// AWS CLI v1 (the one installed) exits 255 for every failure; v2, which connect-tui
    /// follows, exits 252 for a `--query` that does not parse.
    fn in_v2(mut self) -> Outcome {
        if self.code == Some(255) && self.stderr.starts_with("\nBad value for --query ") {
            self.code = Some(252);
        }
        self
    }

    /// Also v2's other codes: 252 for input botocore rejects, 254 for a service error.
    pub(super) fn in_v2_all(mut self) -> Outcome {
        if self.code == Some(255) {
            if self.stderr.starts_with("\nParameter validation failed")
                || self.stderr.starts_with("\nError parsing parameter")
            {
                self.code = Some(252);
            } else if self.stderr.starts_with("\nAn error occurred (") {
                self.code = Some(254);
            }
        }
        self
    }
}

/// The AWS CLI's outcomes for `runs` against the fixture's endpoint, from `aws_batch.py`
/// processes running side by side; `None` (after saying why) when the AWS CLI's Python
/// package cannot be imported.
pub(super) fn aws_outcomes(fx: &Fixture, runs: &[Vec<String>]) -> Option<Vec<Outcome>> {
    let probe = Command::new("python3")
        .args(["-c", "import awscli.clidriver"])
        .output();
    if !probe.is_ok_and(|out| out.status.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "the AWS CLI's Python package (awscli) is required in CI"
        );
        println!("skipped: every_corpus_query_through_the_commands: awscli is not importable");
        return None;
    }
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/commands_vs_aws_cli/aws_batch.py");
    let argvs: Vec<Vec<&str>> = runs
        .iter()
        .map(|args| {
            let mut argv = vec!["connect"];
            argv.extend(strs(args));
            argv.extend(["--endpoint-url", &fx.mock.url]);
            argv
        })
        .collect();
    let chunk = argvs.len().div_ceil(BATCHES).max(1);
    let batches: Vec<Vec<Outcome>> = std::thread::scope(|scope| {
        let handles: Vec<_> = argvs
            .chunks(chunk)
            .map(|batch| scope.spawn(|| run_batch(fx, &script, batch)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("batch thread"))
            .collect()
    });
    Some(batches.into_iter().flatten().map(Outcome::in_v2).collect())
}

fn run_batch(fx: &Fixture, script: &Path, argvs: &[Vec<&str>]) -> Vec<Outcome> {
    let mut cmd = Command::new("python3");
    fx.env.apply(&mut cmd);
    let mut child = cmd
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start aws_batch.py");
    let input = serde_json::to_vec(argvs).expect("argument lists serialize");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(&input)
        .expect("send the command lines");
    let out = child.wait_with_output().expect("aws_batch.py finishes");
    assert!(
        out.status.success(),
        "aws_batch.py failed: {}",
        stderr(&out)
    );
    let outcomes: Vec<Outcome> = serde_json::from_slice(&out.stdout).expect("batch output");
    assert_eq!(outcomes.len(), argvs.len());
    outcomes
}

/// Our outcomes for `runs`, from a few threads.
pub(super) fn our_outcomes(fx: &Fixture, runs: &[Vec<String>]) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(runs.len()));
    std::thread::scope(|scope| {
        for _ in 0..OUR_THREADS {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(args) = runs.get(i) else { break };
                    let outcome = Outcome::of(&fx.ours(&strs(args)));
                    done.lock().expect("no panics hold it").push((i, outcome));
                }
            });
        }
    });
    let mut done = done.into_inner().expect("no panics held it");
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, outcome)| outcome).collect()
}

#[test]
fn every_corpus_query_through_the_commands() {
    if !aws_available("every_corpus_query_through_the_commands") {
        return;
    }
    // The demo data alone: one page per listing keeps each AWS CLI run short.
    let fx = Fixture::on(Mock::start(&[]));
    let runs: Vec<Vec<String>> = QUERIES
        .iter()
        .flat_map(|(fixture, query)| {
            let base = fx.id_args(command_for(fixture));
            FORMATS.map(|format| with(&base, &["--query", query, "--output", format]))
        })
        .collect();
    let (aws, ours) = std::thread::scope(|scope| {
        let aws = scope.spawn(|| aws_outcomes(&fx, &runs));
        let ours = our_outcomes(&fx, &runs);
        (aws.join().expect("aws thread"), ours)
    });
    let Some(aws) = aws else { return };
    let failures: Vec<String> = runs
        .iter()
        .zip(aws.iter().zip(&ours))
        .filter(|(_, (aws, ours))| aws != ours)
        .map(|(args, (aws, ours))| format!("{args:?}\n  aws:  {aws:?}\n  ours: {ours:?}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} runs differ from the AWS CLI (v2 exit codes):\n{}",
        failures.len(),
        runs.len(),
        failures.join("\n")
    );
}
