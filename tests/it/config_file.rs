//! The config file through the real binary: `config path` says where it looks and whether
//! the file is there, `config default` prints a file the browser accepts unchanged, and a
//! mistake is one line naming file, line and column, with exit 253 before any terminal or
//! network is touched.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The binary with `args`, no terminal, and an environment free of the user's config.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_connect-tui"));
    command
        .args(args)
        .stdin(Stdio::null())
        .env("XDG_CONFIG_HOME", "/nonexistent/connect-tui-tests");
    for name in [
        "CONNECT_TUI_CONFIG",
        "CONNECT_TUI_THEME",
        "CONNECT_TUI_CLIPBOARD",
    ] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    command.output().expect("run connect-tui")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn write(dir: &Path, name: &str, contents: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write config");
    path.to_str().expect("UTF-8 path").to_string()
}

#[test]
fn config_path_names_the_file_its_source_and_whether_it_exists() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xdg = dir.path().to_str().expect("UTF-8");
    let out = run(&["config", "path"], &[("XDG_CONFIG_HOME", xdg)]);
    assert!(out.status.success());
    let expected = dir.path().join("connect-tui").join("config.toml");
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().next(), expected.to_str(), "{stdout}");
    assert!(
        stdout.contains("the default location: no file there"),
        "{stdout}"
    );

    std::fs::create_dir_all(expected.parent().expect("parent")).expect("mkdir");
    std::fs::write(&expected, "theme = \"light\"\n").expect("write");
    let stdout = text(&run(&["config", "path"], &[("XDG_CONFIG_HOME", xdg)]).stdout);
    assert!(stdout.contains("the file exists"), "{stdout}");

    let named = write(dir.path(), "other.toml", "");
    let stdout = text(&run(&["config", "path"], &[("CONNECT_TUI_CONFIG", &named)]).stdout);
    assert!(stdout.starts_with(&format!(
        "{named}\nfrom CONNECT_TUI_CONFIG: the file exists"
    )));
    let stdout = text(&run(&["--config", "/nope.toml", "config", "path"], &[]).stdout);
    assert_eq!(stdout, "/nope.toml\nfrom --config: no file there\n");
}

#[test]
fn the_default_file_is_accepted_unchanged_by_the_browser() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(&["config", "default"], &[]);
    assert!(out.status.success());
    let path = write(dir.path(), "default.toml", &text(&out.stdout));
    // Accepted: the browser gets past the config to the terminal check (252, not 253).
    let out = run(&["--demo", "--config", &path], &[]);
    assert_eq!(out.status.code(), Some(252), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("needs a terminal"));
}

#[test]
fn a_mistake_is_one_line_and_exit_253_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "config.toml",
        "theme = \"dark\"\n[keys]\ncopy_idd = \"y\"\n",
    );
    for env in [&[][..], &[("CONNECT_TUI_CONFIG", path.as_str())][..]] {
        let args: &[&str] = if env.is_empty() {
            &["--demo", "--config", &path]
        } else {
            &["--demo"]
        };
        let out = run(args, env);
        assert_eq!(out.status.code(), Some(253), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            format!(
                "connect-tui: {path}:3:1: unknown action `copy_idd` in [keys]; did you mean `copy_id`?\n"
            )
        );
        assert!(out.stdout.is_empty());
    }
    let out = run(&["--demo", "--config", "/nonexistent/c.toml"], &[]);
    assert_eq!(out.status.code(), Some(253));
    assert_eq!(
        text(&out.stderr),
        "connect-tui: /nonexistent/c.toml: cannot read the config file (from --config): no such file\n"
    );
    let out = run(&["--demo"], &[("CONNECT_TUI_THEME", "neon")]);
    assert_eq!(out.status.code(), Some(253));
    assert!(text(&out.stderr).starts_with("connect-tui: CONNECT_TUI_THEME: `neon` is not one of"));
}

#[test]
fn the_drop_in_commands_do_not_read_the_config_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "config.toml", "not toml at all = = =\n");
    // A broken config file does not stop a command: it is the browser's file.
    let out = run(
        &["--demo", "list-instances", "--output", "text"],
        &[("CONNECT_TUI_CONFIG", &path)],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}
