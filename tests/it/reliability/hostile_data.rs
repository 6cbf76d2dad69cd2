//! Hostile data through the scriptable commands: text and table output neutralise escape
//! sequences, controls, bidi overrides and invisible characters and keep their columns
//! (tab and newline are printed as the AWS CLI prints them: the one user holding them is
//! checked for exactly that);
//! json escapes exactly as the AWS CLI's `json.dumps(ensure_ascii=False)` does; yaml stays
//! valid and faithful (its writer escapes controls as libyaml does).

use unicode_width::UnicodeWidthStr;

use super::support::*;

/// Characters that must never reach a terminal from the data (tab and newline are checked
/// separately: text output uses them as separators).
pub fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\u{00}'..='\u{08}' | '\u{0b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}'
        | '\u{feff}')
}

fn dangerous_chars(text: &str) -> Vec<String> {
    text.chars()
        .filter(|&c| is_dangerous(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

fn run_hostile(env: &AwsEnv, mock: &Mock, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--endpoint-url", &mock.url]);
    let out = env.run(&all);
    assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// The user whose username holds C0 controls, a tab and a newline among them.
const C0_USER: &str = "00000000-0000-4000-8000-000000000006";

const LIST: [&str; 3] = ["list-users", "--instance-id", HOSTILE_INSTANCE];
const DESCRIBE: [&str; 5] = [
    "describe-user",
    "--instance-id",
    HOSTILE_INSTANCE,
    "--user-id",
    "00000000-0000-4000-8000-000000000003",
];

#[test]
fn text_output_is_inert_and_keeps_one_record_per_line() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    let text = run_hostile(&env, &mock, &[&LIST[..], &["--output", "text"]].concat());
    assert_eq!(dangerous_chars(&text), Vec::<String>::new());
    assert!(
        text.contains("␛]52;c;SE9TVElMRUNMSVA=␇"),
        "the data was not shown"
    );
    assert!(
        text.contains("u06-c0-tab\there\nnew␍line␀nul␈bs␡del"),
        "tab and newline are not kept as the AWS CLI keeps them, or other controls are live"
    );
    let lines: Vec<&str> = text.lines().collect();
    // One line per user, the C0 user's username adding one line (its newline).
    assert_eq!(lines.len(), 12, "{text}");
    for line in lines
        .iter()
        .filter(|l| !l.contains(C0_USER) && !l.starts_with("new␍line"))
    {
        // USERSUMMARYLIST, Arn, Id, LastModifiedRegion, LastModifiedTime, Username.
        assert_eq!(line.split('\t').count(), 6, "{line:?}");
    }
}

#[test]
fn table_output_is_inert_and_aligned() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    for args in [&LIST[..], &DESCRIBE[..]] {
        let table = run_hostile(&env, &mock, &[args, &["--output", "table"]].concat());
        assert_eq!(dangerous_chars(&table), Vec::<String>::new(), "{args:?}");
        // The C0 user's row holds a raw tab and newline, as the AWS CLI prints them.
        let mut lines = table.lines().peekable();
        let mut widths = Vec::new();
        while let Some(line) = lines.next() {
            if line.contains(C0_USER) {
                lines.next();
                continue;
            }
            widths.push(line.width());
        }
        assert!(
            widths.iter().all(|&w| w == widths[0]),
            "{args:?}: ragged table (widths {widths:?}):\n{table}"
        );
    }
}

#[test]
fn json_output_escapes_like_the_aws_cli() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    for args in [&LIST[..], &DESCRIBE[..]] {
        let json = run_hostile(&env, &mock, &[args, &["--output", "json"]].concat());
        assert!(!json.contains('\u{1b}'), "{args:?}: raw ESC in json");
        assert!(json.contains("\\u001b"), "{args:?}: ESC not escaped");
        // The AWS CLI prints `json.dumps(value, indent=4, ensure_ascii=False)`: re-encode our
        // output that way and expect the same bytes (C0 as \uXXXX, C1/bidi/emoji as they are).
        let python = std::process::Command::new("python3")
            .args([
                "-c",
                "import json,sys; sys.stdout.reconfigure(encoding='utf-8'); \
                 v=json.loads(sys.stdin.buffer.read().decode('utf-8')); \
                 print(json.dumps(v, indent=4, ensure_ascii=False))",
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn();
        let Ok(mut python) = python else {
            println!("skipped the python comparison: python3 is not installed");
            continue;
        };
        use std::io::Write;
        python
            .stdin
            .take()
            .expect("python stdin")
            .write_all(json.as_bytes())
            .expect("feed python");
        let redumped = python.wait_with_output().expect("python ran");
        assert!(redumped.status.success());
        assert_eq!(
            String::from_utf8_lossy(&redumped.stdout),
            json,
            "{args:?}: escaping differs from Python's json.dumps"
        );
    }
}

#[test]
fn yaml_output_escapes_controls_and_keeps_the_data() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    let json: serde_json::Value = serde_json::from_str(&run_hostile(
        &env,
        &mock,
        &[&DESCRIBE[..], &["--output", "json"]].concat(),
    ))
    .expect("json");
    let yaml = run_hostile(
        &env,
        &mock,
        &[&DESCRIBE[..], &["--output", "yaml"]].concat(),
    );
    assert!(!yaml.contains('\u{1b}'), "raw ESC in yaml");
    assert!(
        !yaml.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "raw C1 control in yaml"
    );
    let parsed: serde_json::Value = serde_norway::from_str(&yaml).expect("yaml parses");
    assert_eq!(parsed, json, "yaml does not carry the same data");
}
