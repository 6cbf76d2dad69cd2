//! Shell integration: completion scripts and the man page. Both come from the one clap
//! definition in `cli.rs`, and the man page's KEYS section from the one key table in `keys.rs`,
//! so neither can drift from `--help` or from the browser's help overlay.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::app::COMMANDS;
use crate::cli::Cli;
use crate::keys::{Binding, Context, KEY_TABLE};

/// The command name completions register for: the installed binary's.
const BIN_NAME: &str = "connect-tui";

/// Writes the completion script for `shell` to `out`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    // clap_complete panics when its writer fails (a closed pipe, a full disk); a Vec cannot
    // fail, so the script is built in memory and the one real write can report its error.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN_NAME, &mut script);
    if shell == Shell::Bash {
        script = fix_bash_subcommand_states(&String::from_utf8_lossy(&script)).into_bytes();
    }
    out.write_all(&script)
}

/// clap_complete's bash script spells the state for a subcommand of a hyphenated binary two
/// ways: `connect__tui__subcmd__list__subcmd__users` where it is set, but
/// `connect__subcmd__tui__subcmd__list__subcmd__users` where it is matched, so nothing after a
/// subcommand completed (clap-rs/clap#6421, open in clap_complete 4.6.12). Matching the
/// spelling that is set fixes it; once clap does, there is nothing left to replace, and the
/// bash integration test keeps checking that subcommand options complete.
fn fix_bash_subcommand_states(script: &str) -> String {
    let matched = format!("{}__subcmd__", BIN_NAME.replace('-', "__subcmd__"));
    let set = format!("{}__subcmd__", BIN_NAME.replace('-', "__"));
    script.replace(&matched, &set)
}

/// Writes the man page (roff) to `out`: clap_mangen's sections, then KEYS, then VERSION.
pub fn man_page(out: &mut dyn Write) -> io::Result<()> {
    let man = Man::new(Cli::command());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    keys_section(KEY_TABLE).to_writer(&mut page)?;
    commands_section().to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    out.write_all(ascii_roff(&String::from_utf8_lossy(&page)).as_bytes())
}

/// The KEYS section: every row of `table`, grouped by where it applies, groups in the order
/// the table first names them. The roff crate escapes the text (backslashes, dashes, a
/// leading `.` or `'`); headings go on a text line after a bare `.SS` for the same reason,
/// since arguments of a control line are not escaped.
fn keys_section(table: &[Binding]) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "The interactive browser (connect-tui with no subcommand) reads these keys; \
         ? shows them in the browser too.",
    )]);
    // One line per key, as in the help overlay: no space between a group's entries (`.PD 0`,
    // restored before the next heading), and tags as wide as the longest keys so
    // descriptions line up.
    let width = table
        .iter()
        .map(|b| b.keys.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let tag_width = format!("{width}n");
    let mut contexts: Vec<Context> = Vec::new();
    for binding in table {
        if !contexts.contains(&binding.context) {
            contexts.push(binding.context);
        }
    }
    for context in contexts {
        roff.control("SS", [])
            .text([roman(context.title())])
            .control("PD", ["0"]);
        for binding in table.iter().filter(|b| b.context == context) {
            roff.control("TP", [tag_width.as_str()])
                .text([bold(binding.keys)])
                .text([roman(binding.description)]);
        }
        roff.control("PD", []);
    }
    roff
}

/// The COMMANDS section: the browser's `:` commands, from the same table the command line
/// runs.
fn commands_section() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    roff.text([roman(
        "In the browser, : opens a command line; Tab completes, Up and Down recall earlier \
         commands (kept in $XDG_STATE_HOME/connect-tui/history).",
    )]);
    roff.control("PD", ["0"]);
    for command in COMMANDS {
        roff.control("TP", ["24n"])
            .text([bold(command.usage)])
            .text([roman(command.help)]);
    }
    roff.control("PD", []);
    roff
}

/// groff reads its input as Latin-1 unless run through `preconv` (which `man` does but plain
/// `groff -man` does not), so every non-ASCII character (the table's arrows, ellipses) becomes
/// the `\[uXXXX]` escape that groff and mandoc both understand. The roff crate only ever adds
/// ASCII, so this cannot clash with its own escaping.
fn ascii_roff(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;

    fn render(table: &[Binding]) -> String {
        keys_section(table).to_roff()
    }

    #[test]
    fn key_descriptions_cannot_become_roff_requests_or_escapes() {
        let table = [Binding {
            context: Context::Users,
            chords: &[],
            keys: r"\",
            action: Action::Quit,
            description: ".so /etc/passwd\n'br \\fB",
            hint: "",
        }];
        let roff = render(&table);
        let keys = roff.lines().find(|l| l.starts_with(r"\fB")).unwrap();
        assert_eq!(keys, r"\fB\\\fR");
        assert!(roff.contains(r"\&.so /etc/passwd"), "{roff}");
        assert!(roff.contains(r"\&'br \\fB"), "{roff}");
        let requests: Vec<&str> = roff.lines().filter(|l| l.starts_with('.')).collect();
        assert_eq!(requests, [".SH KEYS", ".SS", ".PD 0", ".TP 3n", ".PD"]);
    }

    #[test]
    fn every_context_of_the_key_table_gets_one_heading_in_table_order() {
        let roff = render(KEY_TABLE);
        let headings: Vec<&str> = roff
            .lines()
            .zip(roff.lines().skip(1))
            .filter(|(l, _)| *l == ".SS")
            .map(|(_, heading)| heading)
            .collect();
        let mut expected: Vec<&str> = KEY_TABLE.iter().map(|b| b.context.title()).collect();
        expected.dedup();
        assert_eq!(headings, expected);
    }

    #[test]
    fn bash_states_are_matched_as_they_are_set() {
        let mut script = Vec::new();
        completions(Shell::Bash, &mut script).unwrap();
        let script = String::from_utf8(script).unwrap();
        assert!(!script.contains("connect__subcmd__tui"));
        assert!(script.contains("cmd=\"connect__tui__subcmd__list__subcmd__users\""));
        assert!(script.contains("\n        connect__tui__subcmd__list__subcmd__users)\n"));
    }

    #[test]
    fn non_ascii_becomes_groff_unicode_escapes() {
        assert_eq!(ascii_roff("j/↓ …"), r"j/\[u2193] \[u2026]");
    }

    #[test]
    fn the_man_page_is_ascii_and_names_every_subcommand() {
        let mut page = Vec::new();
        man_page(&mut page).unwrap();
        assert!(page.is_ascii());
        let page = String::from_utf8(page).unwrap();
        for name in [
            "describe\\-user",
            "completions",
            "man",
            "mock\\-server",
            ".SH KEYS",
        ] {
            assert!(page.contains(name), "{name} missing");
        }
    }
}
