//! `connect_tui::output` against the AWS CLI itself.
//!
//! json, text and table output, `--query` results and errors, and ISO 8601 timestamps are
//! compared byte for byte with what the installed AWS CLI's own formatters print for the same
//! values (`tests/fixtures/output/aws_cli_reference.py` drives `awscli.formatter` and
//! `jmespath`; AWS CLI v1 with `cli_timestamp_format = iso8601` prints what v2 prints). yaml and
//! yaml-stream exist only in v2, which is not installed here: they are compared with goldens
//! made by v2's dumper settings (`tests/golden/output/make_yaml_goldens.py` says how).
//!
//! Without python3 + awscli the reference tests print "skipped: ..." and pass, unless `CI` is
//! set, where a missing reference is a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use connect_tui::model::Timestamp;
use connect_tui::output::{self, OutputFormat, Query, QueryError};
use serde_json::{Value, json};

const FIXTURES: &[(&str, &str)] = &[
    ("describe_user", "DescribeUser"),
    ("list_users", "ListUsers"),
    ("list_instances", "ListInstances"),
    ("search_users", "SearchUsers"),
    ("empty", "ListUsers"),
    ("odd", "DescribeUser"),
];

use crate::common::query_corpus;
use query_corpus::QUERIES;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(name: &str) -> Value {
    let path = manifest_dir().join(format!("tests/fixtures/output/{name}.json"));
    serde_json::from_str(&read(&path)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn title_of(name: &str) -> &'static str {
    FIXTURES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or("Op")
}

/// Prints why the reference is unavailable, or fails when running in CI.
fn skip(reason: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "reference unavailable in CI: {reason}"
    );
    println!("skipped: {reason}");
}

/// Runs the reference script on `cases` (with extra environment); `None` when unavailable.
fn reference(cases: &[Value], env: &[(&str, &str)]) -> Option<Vec<Value>> {
    let probe = Command::new("python3")
        .args(["-c", "import awscli.formatter, jmespath, botocore"])
        .output();
    match probe {
        Err(e) => {
            skip(&format!("python3 is not available ({e})"));
            return None;
        }
        Ok(out) if !out.status.success() => {
            skip(&format!(
                "the AWS CLI python package is not importable: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
            return None;
        }
        Ok(_) => {}
    }
    let script = manifest_dir().join("tests/fixtures/output/aws_cli_reference.py");
    let mut child = Command::new("python3")
        .arg(&script)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the reference script");
    let input = serde_json::to_vec(cases).expect("cases serialize");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(&input)
        .expect("send cases");
    let out = child.wait_with_output().expect("reference script finishes");
    assert!(
        out.status.success(),
        "reference script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> =
        serde_json::from_slice(&out.stdout).expect("reference output is JSON");
    assert_eq!(results.len(), cases.len());
    Some(results)
}

fn format_name(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Json => "json",
        OutputFormat::Text => "text",
        OutputFormat::Table => "table",
        OutputFormat::Yaml => "yaml",
        OutputFormat::YamlStream => "yaml-stream",
    }
}

struct Case {
    name: String,
    value: Value,
    title: &'static str,
    format: OutputFormat,
    color: bool,
    query: Option<&'static str>,
}

impl Case {
    fn new(
        fixture_name: &str,
        format: OutputFormat,
        color: bool,
        query: Option<&'static str>,
    ) -> Self {
        Case {
            name: fixture_name.to_owned(),
            value: fixture(fixture_name),
            title: title_of(fixture_name),
            format,
            color,
            query,
        }
    }

    fn label(&self) -> String {
        format!(
            "{} --output {}{}{}",
            self.name,
            format_name(self.format),
            if self.color { " --color on" } else { "" },
            self.query
                .map(|q| format!(" --query {q:?}"))
                .unwrap_or_default()
        )
    }

    fn reference_input(&self) -> Value {
        json!({
            "kind": "render",
            "title": self.title,
            "format": format_name(self.format),
            "color": if self.color { "on" } else { "off" },
            "query": self.query,
            "value": self.value,
        })
    }

    /// What connect-tui prints, in the reference's result shape.
    fn ours(&self) -> Value {
        let result = match self.query {
            Some(q) => Query::parse(q).and_then(|query| query.apply(&self.value)),
            None => Ok(self.value.clone()),
        };
        match result {
            Ok(v) => json!({"output": output::render(&v, self.format, self.title, self.color)}),
            Err(e @ QueryError::Invalid { .. }) => json!({"invalid": e.to_string()}),
            Err(e @ QueryError::Evaluation(_)) => json!({"error": e.to_string()}),
        }
    }
}

/// The formats compared for plain values: json, text, and table with colour off and on.
const FORMATS: &[(OutputFormat, bool)] = &[
    (OutputFormat::Json, false),
    (OutputFormat::Text, false),
    (OutputFormat::Table, false),
    (OutputFormat::Table, true),
];

/// Compares every case with the reference and reports all differences at once.
fn assert_same_as_aws_cli(cases: &[Case]) {
    let inputs: Vec<Value> = cases.iter().map(Case::reference_input).collect();
    let Some(expected) = reference(&inputs, &[]) else {
        return;
    };
    let mut failures = Vec::new();
    for (case, want) in cases.iter().zip(&expected) {
        let got = case.ours();
        if got != *want {
            failures.push(format!("{}\n  aws:  {want}\n  ours: {got}", case.label()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from the AWS CLI:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn json_text_and_table_match_the_aws_cli() {
    let mut cases = Vec::new();
    for (fixture, _) in FIXTURES {
        for &(format, color) in FORMATS {
            cases.push(Case::new(fixture, format, color, None));
        }
    }
    assert_same_as_aws_cli(&cases);
}

#[test]
fn random_response_shapes_match_the_aws_cli() {
    let Value::Array(shapes) = fixture("shapes") else {
        panic!("shapes.json holds a list");
    };
    let mut cases = Vec::new();
    for (i, shape) in shapes.into_iter().enumerate() {
        for &(format, color) in FORMATS {
            cases.push(Case {
                name: format!("shapes[{i}]"),
                value: shape.clone(),
                title: "GetShape",
                format,
                color,
                query: None,
            });
        }
    }
    assert_same_as_aws_cli(&cases);
}

#[test]
fn queries_match_the_aws_cli_in_every_format() {
    let mut cases = Vec::new();
    for (fixture, query) in QUERIES {
        for format in [OutputFormat::Json, OutputFormat::Text, OutputFormat::Table] {
            cases.push(Case::new(fixture, format, false, Some(query)));
        }
    }
    assert_same_as_aws_cli(&cases);
}

/// Epochs around the edges: DST changes, whole seconds, rounding, before 1970, far future.
const EPOCHS: &[f64] = &[
    1589390427.547,
    1609574645.0,
    1667712600.0,
    1667716200.0,
    1678604400.0,
    1700000000.123456,
    1700000000.9999996,
    1700000000.5,
    951782400.0,
    -1.5,
    4102444800.0,
];

const CHILD_MARKER: &str = "CONNECT_TUI_OUTPUT_TIMESTAMP_CHILD";

/// Entry point for [`timestamps_match_botocore_in_any_time_zone`]: the time zone comes from the
/// process environment, so the parent re-runs this binary with `TZ` set and this test prints
/// the timestamps. Run normally (without the marker variable) it only checks that formatting
/// does not panic.
#[test]
fn timestamp_child_process_entry() {
    let lines: Vec<String> = EPOCHS
        .iter()
        .map(|e| format!("TS {e} {}", output::iso8601_local(Timestamp(*e))))
        .collect();
    if std::env::var_os(CHILD_MARKER).is_some() {
        // On its own line: libtest prints the test name before captured output.
        println!("\n{}", lines.join("\n"));
    }
}

fn timestamps_in_child(tz: &str) -> Vec<String> {
    let exe = std::env::current_exe().expect("test binary path");
    // The test's name in this binary: its module path without the crate's name.
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let entry = format!("{module}::timestamp_child_process_entry");
    let out = Command::new(exe)
        .args(["--exact", &entry, "--nocapture", "--test-threads=1"])
        .env("TZ", tz)
        .env(CHILD_MARKER, "1")
        .output()
        .expect("re-run the test binary");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("TS "))
        .map(|l| l.split_once(' ').map_or("", |(_, iso)| iso).to_owned())
        .collect()
}

#[test]
fn timestamps_match_botocore_in_any_time_zone() {
    for tz in ["America/New_York", "UTC", "Asia/Kolkata"] {
        let ours = timestamps_in_child(tz);
        assert_eq!(ours.len(), EPOCHS.len(), "child printed {ours:?}");
        let cases: Vec<Value> = EPOCHS
            .iter()
            .map(|e| json!({"kind": "timestamp", "epoch": e}))
            .collect();
        let Some(expected) = reference(&cases, &[("TZ", tz)]) else {
            return;
        };
        for ((epoch, got), want) in EPOCHS.iter().zip(&ours).zip(&expected) {
            assert_eq!(
                Some(got.as_str()),
                want["output"].as_str(),
                "TZ={tz} epoch {epoch}"
            );
        }
    }
}

#[test]
fn yaml_and_yaml_stream_match_v2_goldens() {
    let dir = manifest_dir().join("tests/golden/output");
    let manifest: Vec<Value> =
        serde_json::from_str(&read(&dir.join("manifest.json"))).expect("manifest is JSON");
    let mut failures = Vec::new();
    for case in &manifest {
        let field = |k: &str| case[k].as_str().unwrap_or_default().to_owned();
        let mut value = fixture(&field("fixture"));
        if let Some(query) = case["query"].as_str() {
            value = Query::parse(query)
                .and_then(|query| query.apply(&value))
                .expect("golden queries are valid");
        }
        let got = match field("format").as_str() {
            "yaml-stream" => output::render_stream_page(&value),
            _ => output::render(&value, OutputFormat::Yaml, "Op", false),
        };
        let want = read(&dir.join(field("file")));
        if got != want {
            failures.push(format!(
                "{}\n--- golden\n{want}--- ours\n{got}",
                field("file")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn wide_tables_turn_vertical_only_when_the_terminal_is_narrow() {
    let value = fixture("describe_user");
    let narrow = output::render_table(&value, "DescribeUser", false, 80);
    let wide = output::render_table(&value, "DescribeUser", false, 1000);
    assert_eq!(
        narrow,
        output::render(&value, OutputFormat::Table, "DescribeUser", false)
    );
    assert_ne!(narrow, wide);
    let first_line_width = |s: &str| s.lines().next().map_or(0, str::len);
    assert!(first_line_width(&wide) > 80, "{wide}");
}

#[test]
fn yaml_quoting_escaping_and_folding_match_the_v2_emitter() {
    let path = manifest_dir().join("tests/golden/output/yaml_corpus.json");
    let corpus: Vec<Value> = serde_json::from_str(&read(&path)).expect("corpus is JSON");
    let failures: Vec<String> = corpus
        .iter()
        .filter_map(|case| {
            let got = output::render(&case["value"], OutputFormat::Yaml, "Op", false);
            let want = case["yaml"].as_str().unwrap_or_default();
            (got != want).then(|| format!("{}\n  want: {want:?}\n  got:  {got:?}", case["value"]))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        corpus.len(),
        failures.join("\n")
    );
}
