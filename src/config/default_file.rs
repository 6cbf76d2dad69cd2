//! `connect-tui config default`: a complete config file with every setting at its built-in
//! default, commented, and accepted unchanged (a test parses it back). Generated from the
//! key table and the theme's roles, so it cannot list an action or a role that does not
//! exist, or miss one.

use std::fmt::Write;

use crate::app::Role;
use crate::app::table::Column;
use crate::keys::{ACTION_NAMES, KeyMap, config_name};

const HEADER: &str = r#"# connect-tui configuration.
# Looked for at $XDG_CONFIG_HOME/connect-tui/config.toml (~/.config/connect-tui/config.toml),
# or where --config FILE / CONNECT_TUI_CONFIG say; `connect-tui config path` tells.
# Every setting is optional. Precedence: flags > environment > this file > built-in defaults.
# The drop-in commands (list-users, describe-user, …) do not read this file: like `aws`,
# they take only flags, the environment and ~/.aws.

# The AWS profile and region. Default: the AWS SDK's (AWS_PROFILE, AWS_REGION, the
# `default` profile and its region).
# profile = "prod"
# region = "eu-west-2"

# Open this instance (instance ID or ARN) instead of the instance picker.
# instance = "arn:aws:connect:eu-west-2:123456789012:instance/40c83b68-ea62-414c-97bb-d018e39e158e"

# How y / Y / c copy: "auto", "tmux", "native", "osc52", "osc52-passthrough" or "off".
# Environment: CONNECT_TUI_CLIPBOARD.
clipboard = "auto"

# Requests per second per Connect operation, and the burst: a number, or "RATE/BURST".
# Connect's default quota is 2/s with a burst of 5, shared with the live contact center.
# Environment: CONNECT_TUI_MAX_RPS.
max_rps = "1.6/5"

# "dark" (dark backgrounds), "light", "high-contrast" or "mono" (no colour).
# Environment: CONNECT_TUI_THEME. NO_COLOR (any value) always means "mono".
theme = "dark"

# Seconds between refreshes of the live agent status of the users on screen; 0 turns it
# off. Flag: --live-interval.
live_interval = 10

# Where Ctrl-S writes the users table as CSV (~/ is your home). Default: the current
# directory. Flag: --export-dir.
# export_dir = "~/connect-exports"

# The users table: its columns, in order (as many as fit are shown), and its sort when an
# instance opens: a column name, "-name" for descending (not "status": it changes live).
[table]
columns = {COLUMNS}
# sort = "name"

# Keys: action = "key" or ["key", …]; a list replaces all of the action's keys, [] unbinds
# it. A key is a character ("j", "Y", "/"), ctrl-LETTER, f1–f12, or one of enter, esc, tab,
# shift-tab, space, backspace, delete, insert, up, down, left, right, home, end, pageup,
# pagedown. Two actions of one screen on one key is an error. Ctrl-C always quits; the keys
# of the filter line, the copy menu and help are fixed.
[keys]
"#;

const COLORS: &str = r##"
# Colours by role, patched over the theme: fg and bg (a name such as "red", "lightblue",
# "darkgray", or "#rrggbb", or 0–255) and bold, italic, underline, reverse (true / false);
# what a role does not set stays as the theme has it. "mono" takes only bold, italic,
# underline and reverse. For example:
#   selected = { fg = "black", bg = "lightgreen", bold = true }
[colors]
"##;

/// The default config file.
pub fn default_file() -> String {
    let keys = KeyMap::default();
    let columns: Vec<String> = Column::ALL
        .iter()
        .map(|c| format!("{:?}", c.config_name()))
        .collect();
    let mut text = HEADER.replace("{COLUMNS}", &format!("[{}]", columns.join(", ")));
    for (name, context, action) in ACTION_NAMES {
        let Some(bound) = keys
            .rows()
            .find(|b| b.binding.context == *context && b.binding.action == *action)
        else {
            continue;
        };
        let names: Vec<String> = bound
            .chords
            .iter()
            .map(|c| format!("{:?}", config_name(*c)))
            .collect();
        let value = match names.as_slice() {
            [one] => one.clone(),
            many => format!("[{}]", many.join(", ")),
        };
        let _ = writeln!(
            text,
            "{:<40} # {}",
            format!("{name} = {value}"),
            bound.binding.description
        );
    }
    text.push_str(COLORS);
    for role in Role::ALL {
        let _ = writeln!(
            text,
            "# {:<18} = {{ }}  # {}",
            role.name(),
            role.description()
        );
    }
    text
}
