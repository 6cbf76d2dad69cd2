//! Shell integration through the real binary: `completions SHELL` prints a script that names
//! the subcommands and options (and that bash, and zsh or fish where installed, accept), and
//! `man` prints a page that renders, with every row of the key table in its KEYS section.
//!
//! Shells and man renderers that are missing print "skipped: ..." and pass, except in CI
//! (`CI` set), where `.ci/run` installs them and every check must run.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use clap::ValueEnum;
use connect_tui::cli::{ClipboardMode, OutputFormat};
use connect_tui::keys::KEY_TABLE;

fn connect_tui(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_connect-tui"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run connect-tui")
}

/// Stdout of a run that must succeed with nothing on stderr.
fn stdout_of(args: &[&str]) -> String {
    let out = connect_tui(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn script_file(shell: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(stdout_of(&["completions", shell]).as_bytes())
        .expect("write script");
    file
}

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn value_names<T: ValueEnum>() -> Vec<String> {
    T::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect()
}

/// Runs `program args… script`, which must succeed (a syntax check).
fn accepts(program: &str, args: &[&str], script: &Path) {
    let out = Command::new(program)
        .args(args)
        .arg(script)
        .output()
        .expect("run the shell");
    assert!(
        out.status.success(),
        "{program} rejects the script: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_shell_gets_a_script_naming_the_subcommands_and_options() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        // Fish names long options without their dashes (`-l clipboard`).
        let option = |name: &str| match shell {
            "fish" => format!("-l {name}"),
            _ => format!("--{name}"),
        };
        let subcommands = ["describe-user", "list-users", "search-users", "completions"];
        let options = ["clipboard", "output", "instance-id"].map(option);
        for word in subcommands
            .iter()
            .copied()
            .chain(options.iter().map(String::as_str))
        {
            assert!(script.contains(word), "{shell}: {word} missing");
        }
    }
    // clap_complete completes option values for these three (not for PowerShell or Elvish).
    let values = [
        value_names::<OutputFormat>(),
        value_names::<ClipboardMode>(),
    ]
    .concat();
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout_of(&["completions", shell]);
        for value in &values {
            assert!(
                script.contains(value.as_str()),
                "{shell}: value {value} missing"
            );
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = connect_tui(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(252));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: invalid value 'tcsh'"),
        "{stderr}"
    );
}

/// Runs `body` in a clean bash that has sourced the completion script.
fn bash_with_completion(script: &Path, body: &str) -> String {
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c"])
        .arg(format!("source \"$1\" || exit 1\n{body}"))
        .arg("bash")
        .arg(script)
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 from bash")
}

#[test]
fn bash_accepts_the_script_and_completes_subcommands_and_values() {
    if !installed("bash") {
        assert!(std::env::var_os("CI").is_none(), "bash is required in CI");
        println!("skipped: bash completion: `bash` is not installed");
        return;
    }
    let script = script_file("bash");
    accepts("bash", &["-n"], script.path());
    let registered = bash_with_completion(script.path(), "complete -p connect-tui");
    let function = registered
        .split_whitespace()
        .skip_while(|w| *w != "-F")
        .nth(1)
        .unwrap_or_else(|| panic!("no completion function registered: {registered}"));
    // What bash does on Tab: set COMP_WORDS/COMP_CWORD, call the function with the command,
    // the word being completed and the one before it, and offer COMPREPLY.
    let complete = |words: &[&str]| {
        let current = words.len() - 1;
        let body = format!(
            "COMP_WORDS=({words}); COMP_CWORD={current}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; \
             COMP_POINT=${{#COMP_LINE}}\n{function} connect-tui '{cur}' '{prev}'\n\
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            words = words
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(" "),
            cur = words[current],
            prev = words[current - 1],
        );
        let mut offered: Vec<String> = bash_with_completion(script.path(), &body)
            .lines()
            .map(str::to_string)
            .collect();
        offered.sort();
        offered
    };
    assert_eq!(complete(&["connect-tui", "describe-u"]), ["describe-user"]);
    assert_eq!(
        complete(&["connect-tui", "describe-user", "--user-"]),
        ["--user-id"]
    );
    let sorted = |mut names: Vec<String>| {
        names.sort();
        names
    };
    assert_eq!(
        complete(&["connect-tui", "list-users", "--output", ""]),
        sorted(value_names::<OutputFormat>())
    );
    assert_eq!(
        complete(&["connect-tui", "--clipboard", ""]),
        sorted(value_names::<ClipboardMode>())
    );
}

#[test]
fn zsh_and_fish_accept_their_scripts_where_installed() {
    for (shell, check) in [("zsh", ["-n"]), ("fish", ["--no-execute"])] {
        if installed(shell) {
            accepts(shell, &check, script_file(shell).path());
        } else {
            // CI installs both (`.ci/run`): there the check must run, never skip.
            assert!(
                std::env::var_os("CI").is_none(),
                "{shell} is required in CI"
            );
            println!("skipped: {shell} completion syntax: `{shell}` is not installed");
        }
    }
}

/// The page as a reader sees it, 200 columns wide so that no line wraps: through `man -l`,
/// else `groff -man`; None (after saying why) when neither is installed.
fn rendered(page: &str) -> Option<String> {
    let renderers: [(&str, &[&str]); 2] = [
        ("man", &["-l", "-"]),
        ("groff", &["-man", "-Tutf8", "-rLL=200n", "-ww"]),
    ];
    let Some((program, args)) = renderers.into_iter().find(|(p, _)| installed(p)) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "man or groff is required in CI"
        );
        println!("skipped: man page rendering: neither `man` nor `groff` is installed");
        return None;
    };
    let mut child = Command::new(program)
        .args(args)
        .env("MANWIDTH", "200")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the man renderer");
    child
        .stdin
        .take()
        .expect("renderer stdin")
        .write_all(page.as_bytes())
        .expect("feed the renderer");
    let out = child.wait_with_output().expect("renderer output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{program}: {stderr}");
    assert!(stderr.is_empty(), "{program} warns: {stderr}");
    Some(plain(&String::from_utf8_lossy(&out.stdout)))
}

/// Drops terminal formatting (overstrike bold, SGR escapes) and typographic hyphens and
/// quotes, leaving the characters a reader would type.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x08' => {
                out.pop();
            }
            '\x1b' => {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            '\u{2010}' | '\u{2212}' => out.push('-'),
            '\u{2018}' => out.push('`'),
            '\u{2019}' => out.push('\''),
            c => out.push(c),
        }
    }
    out
}

#[test]
fn the_man_page_renders_with_every_key_of_the_key_table() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".ie"), "not roff: {page:.80}");
    let Some(text) = rendered(&page) else { return };
    for heading in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "SUBCOMMANDS",
        "KEYS",
        "VERSION",
    ] {
        assert!(
            text.lines().any(|l| l == heading),
            "no {heading} section:\n{text}"
        );
    }
    let keys: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "KEYS")
        .take_while(|l| *l != "VERSION")
        .map(str::trim)
        .collect();
    for binding in KEY_TABLE {
        assert!(
            keys.iter().any(|line| line
                .strip_prefix(binding.keys)
                .is_some_and(|rest| rest.trim_start() == binding.description)),
            "KEYS lacks `{}  {}`:\n{}",
            binding.keys,
            binding.description,
            keys.join("\n")
        );
    }
    assert!(text.contains("completions"), "subcommands lack completions");
}
