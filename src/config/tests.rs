//! The config file, table-driven: every setting, precedence with flags and environment, and
//! each kind of mistake with its message.

use std::path::Path;

use ratatui::style::{Color, Modifier, Style};

use super::*;
use crate::app::{Action, Mode, Role};
use crate::keys::{Chord, KeyMap};

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_file(Path::new("/cfg/config.toml"), text)
}

fn settings(flags: Flags, env: &[(&str, &str)], file: &str) -> BrowserSettings {
    let lookup = |name: &str| {
        env.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    };
    resolve(flags, &lookup, parse(file).expect("valid file")).expect("resolves")
}

#[test]
fn every_setting_is_read() {
    let config = parse(
        r##"
profile = "prod"
region = "eu-west-2"
instance = "arn:aws:connect:eu-west-2:123456789012:instance/40c83b68-ea62-414c-97bb-d018e39e158e"
clipboard = "osc52-passthrough"
max_rps = "5/10"
theme = "high-contrast"
live_interval = 30
export_dir = "/srv/exports"

[table]
columns = ["name", "status", "username"]
sort = "-routing_profile"

[keys]
copy_id = "ctrl-y"
down = ["j", "down", "ctrl-n"]

[colors]
selected = { fg = "black", bg = "#00ff00", bold = false, underline = true }
"##,
    )
    .expect("valid");
    assert_eq!(config.profile.as_deref(), Some("prod"));
    assert_eq!(config.region.as_deref(), Some("eu-west-2"));
    assert_eq!(
        config.instance_id.as_deref(),
        Some("40c83b68-ea62-414c-97bb-d018e39e158e")
    );
    assert_eq!(config.clipboard, Some(ClipboardMode::Osc52Passthrough));
    assert_eq!(config.max_rps, RateLimit::parse("5/10").ok());
    assert_eq!(config.theme, Some(ThemeName::HighContrast));
    assert_eq!(config.live_interval, Some(30));
    assert_eq!(config.export_dir, Some("/srv/exports".into()));
    use crate::app::table::{Column, Sort};
    assert_eq!(
        config.columns,
        Some(vec![Column::Name, Column::Status, Column::Username])
    );
    assert_eq!(
        config.sort,
        Some(Sort {
            column: Column::RoutingProfile,
            descending: true
        })
    );
    let ctrl_y = Chord {
        code: crossterm::event::KeyCode::Char('y'),
        modifiers: crossterm::event::KeyModifiers::CONTROL,
    };
    assert_eq!(
        config.keys.action(ctrl_y, Mode::Users),
        Some(Action::CopyUserId)
    );
    assert_eq!(
        config.keys.keys_for(Action::Down, Mode::Users),
        Some("j/↓/Ctrl-N")
    );
    let expected = Style::new()
        .fg(Color::Black)
        .bg(Color::Rgb(0, 255, 0))
        .add_modifier(Modifier::UNDERLINED)
        .remove_modifier(Modifier::BOLD);
    assert_eq!(config.colors, vec![(Role::Selected, expected)]);
}

#[test]
fn numbers_are_rates_too() {
    for (text, rate) in [("max_rps = 2", "2"), ("max_rps = 1.5", "1.5")] {
        assert_eq!(
            parse(text).expect(text).max_rps,
            RateLimit::parse(rate).ok()
        );
    }
}

#[test]
fn an_empty_file_is_the_built_in_defaults() {
    let s = settings(Flags::default(), &[], "");
    assert_eq!(s.profile, None);
    assert_eq!(s.region, None);
    assert_eq!(s.max_rps, None);
    assert_eq!(s.instance_id, None);
    assert_eq!(s.clipboard, ClipboardMode::Auto);
    assert_eq!(s.theme, ThemeName::Dark);
    assert_eq!(s.live_interval, Some(std::time::Duration::from_secs(10)));
    assert_eq!(s.export_dir, None);
    assert!(s.colors.is_empty());
    assert_eq!(
        s.keys.keys_for(Action::CopyUserId, Mode::Users),
        KeyMap::default().keys_for(Action::CopyUserId, Mode::Users)
    );
}

#[test]
fn flags_beat_the_environment_which_beats_the_file() {
    let file = r#"
profile = "file"
region = "file-region"
instance = "11111111-1111-1111-1111-111111111111"
clipboard = "native"
max_rps = 3
theme = "light"
live_interval = 60
export_dir = "/file"
"#;
    let all_flags = Flags {
        profile: Some("flag".into()),
        region: Some("flag-region".into()),
        instance_id: Some("22222222-2222-2222-2222-222222222222".into()),
        clipboard: Some(ClipboardMode::Off),
        theme: Some(ThemeName::HighContrast),
        max_rps: RateLimit::parse("9").ok(),
        live_interval: Some(0),
        export_dir: Some("/flag".into()),
    };
    let env = [
        ("AWS_PROFILE", "env"),
        ("AWS_REGION", "env-region"),
        ("CONNECT_TUI_CLIPBOARD", "tmux"),
        ("CONNECT_TUI_THEME", "mono"),
    ];
    // Flags win.
    let s = settings(all_flags, &env, file);
    assert_eq!(s.profile.as_deref(), Some("flag"));
    assert_eq!(s.region.as_deref(), Some("flag-region"));
    assert_eq!(
        s.instance_id.as_deref(),
        Some("22222222-2222-2222-2222-222222222222")
    );
    assert_eq!(s.clipboard, ClipboardMode::Off);
    assert_eq!(s.theme, ThemeName::HighContrast);
    assert_eq!(s.max_rps, RateLimit::parse("9").ok());
    assert_eq!(s.live_interval, None, "--live-interval 0 turns it off");
    assert_eq!(s.export_dir, Some("/flag".into()));
    // Then the environment.
    let s = settings(Flags::default(), &env, file);
    assert_eq!(s.profile.as_deref(), Some("env"));
    assert_eq!(s.region.as_deref(), Some("env-region"));
    assert_eq!(s.clipboard, ClipboardMode::Tmux);
    assert_eq!(s.theme, ThemeName::Mono);
    // Then the file.
    let s = settings(Flags::default(), &[], file);
    assert_eq!(s.profile.as_deref(), Some("file"));
    assert_eq!(s.region.as_deref(), Some("file-region"));
    assert_eq!(
        s.instance_id.as_deref(),
        Some("11111111-1111-1111-1111-111111111111")
    );
    assert_eq!(s.clipboard, ClipboardMode::Native);
    assert_eq!(s.theme, ThemeName::Light);
    assert_eq!(s.max_rps, RateLimit::parse("3").ok());
    assert_eq!(s.live_interval, Some(std::time::Duration::from_secs(60)));
    assert_eq!(s.export_dir, Some("/file".into()));
}

#[test]
fn botocore_profile_and_region_variables_in_their_order() {
    let s = settings(
        Flags::default(),
        &[
            ("AWS_DEFAULT_PROFILE", "default-profile"),
            ("AWS_PROFILE", "profile"),
            ("AWS_DEFAULT_REGION", "default-region"),
        ],
        "profile = \"file\"\nregion = \"file\"",
    );
    assert_eq!(s.profile.as_deref(), Some("default-profile"));
    assert_eq!(s.region.as_deref(), Some("default-region"));
    // An empty variable is unset.
    let s = settings(
        Flags::default(),
        &[("AWS_PROFILE", "")],
        "profile = \"file\"",
    );
    assert_eq!(s.profile.as_deref(), Some("file"));
}

#[test]
fn no_color_means_mono_whatever_flags_environment_or_file_say() {
    let flags = Flags {
        theme: Some(ThemeName::Light),
        ..Flags::default()
    };
    for value in ["1", "0", "true"] {
        let s = settings(flags.clone(), &[("NO_COLOR", value)], "theme = \"dark\"");
        assert_eq!(s.theme, ThemeName::Mono, "NO_COLOR={value}");
    }
    let s = settings(flags, &[("NO_COLOR", "")], "");
    assert_eq!(s.theme, ThemeName::Light, "an empty NO_COLOR is unset");
}

#[test]
fn mistakes_are_one_line_with_file_line_and_column() {
    for (text, expected) in [
        (
            "[keys]\ncopy_idd = \"y\"",
            "/cfg/config.toml:2:1: unknown action `copy_idd` in [keys]; did you mean `copy_id`?",
        ),
        (
            "[keys]\ncopy_id = \"ctrl-y\"\ncopy_arn = \"ctrl-y\"",
            "/cfg/config.toml:3:1: `ctrl-y` is bound twice in the users screen (copy_id, copy_arn)",
        ),
        (
            "[keys]\nhelp = [\"h\", \"alt-h\"]",
            "/cfg/config.toml:2:8: cannot bind `alt-h` to help: Alt/Meta keys are not supported (terminals send them inconsistently)",
        ),
        (
            "[keys]\nhelp = 5",
            "/cfg/config.toml:2:8: expected a key (\"ctrl-y\") or a list of keys ([\"j\", \"down\"])",
        ),
        (
            "themee = \"dark\"",
            "/cfg/config.toml:1:1: unknown setting `themee`; did you mean `theme`?",
        ),
        (
            "\n\ntheme = \"solarized\"",
            "/cfg/config.toml:3:9: theme: `solarized` is not one of \"dark\", \"light\", \"high-contrast\", \"mono\"",
        ),
        (
            "clipboard = \"x11\"",
            "/cfg/config.toml:1:13: clipboard: `x11` is not one of \"auto\", \"tmux\", \"native\", \"osc52\", \"osc52-passthrough\", \"off\"",
        ),
        (
            "instance = \"not an id\"",
            "/cfg/config.toml:1:12: instance: ",
        ),
        ("max_rps = \"fast\"", "/cfg/config.toml:1:11: max_rps: "),
        (
            "max_rps = true",
            "/cfg/config.toml:1:11: max_rps: expected a rate",
        ),
        (
            "[colors]\nselectd = { bold = true }",
            "/cfg/config.toml:2:1: unknown colour role `selectd` in [colors]; did you mean `selected`?",
        ),
        (
            "[colors]\nerror = { fg = \"reddish\" }",
            "/cfg/config.toml:2:16: `reddish` is not a colour",
        ),
        (
            "[colors]\nerror = { bolt = true }",
            "/cfg/config.toml:2:11: unknown setting `bolt`; did you mean `bold`?",
        ),
        ("theme = ", "/cfg/config.toml:1:9: "),
        (
            "[table]\ncolumns = [\"name\", \"rout\"]",
            "/cfg/config.toml:2:20: unknown column `rout` in [table]; did you mean `routing_profile`?",
        ),
        (
            "[table]\nsort = \"status\"",
            "/cfg/config.toml:2:8: [table] sort: the table does not sort by `status`",
        ),
        (
            "[table]\ncolumns = []",
            "/cfg/config.toml:2:11: [table] columns is empty",
        ),
        (
            "[table]\ncolums = []",
            "/cfg/config.toml:2:1: unknown setting `colums`; did you mean `columns`?",
        ),
    ] {
        let err = parse(text).expect_err(text).0;
        assert!(
            err.starts_with(expected),
            "{text:?}\n got: {err}\nwant: {expected}"
        );
        assert!(!err.contains('\n'), "one line: {err:?}");
    }
}

#[test]
fn the_default_file_is_accepted_unchanged_and_is_the_defaults() {
    let text = default_file();
    let config = parse(&text).expect("config default parses");
    assert_eq!(config.clipboard, Some(ClipboardMode::Auto));
    assert_eq!(config.max_rps, Some(RateLimit::default()));
    assert_eq!(config.theme, Some(ThemeName::Dark));
    assert_eq!(config.live_interval, Some(10));
    assert_eq!(
        config.columns,
        Some(crate::app::table::Column::ALL.to_vec())
    );
    assert_eq!(config.sort, None);
    assert!(config.colors.is_empty());
    let defaults = KeyMap::default();
    for mode in Mode::ALL {
        let chords = |map: &KeyMap| -> Vec<(Action, Vec<Chord>)> {
            map.bindings(mode)
                .map(|b| (b.binding.action, b.chords.to_vec()))
                .collect()
        };
        assert_eq!(chords(&config.keys), chords(&defaults), "{mode:?}");
    }
    // Every rebindable action and every colour role is in it.
    for (name, _, _) in crate::keys::ACTION_NAMES {
        assert!(text.contains(&format!("\n{name} = ")), "{name}");
    }
    for role in Role::ALL {
        assert!(
            text.contains(&format!("# {} ", role.name())),
            "{}",
            role.name()
        );
    }
}

#[test]
fn a_missing_file_is_the_defaults_only_where_it_was_not_asked_for() {
    let dir = std::env::temp_dir().join(format!("connect-tui-config-{}", std::process::id()));
    let missing = dir.join("absent.toml");
    let default = Located {
        path: missing.clone(),
        source: Source::Default,
    };
    assert!(Config::load(&default).is_ok());
    let asked = Located {
        path: missing,
        source: Source::Flag,
    };
    let err = Config::load(&asked).unwrap_err().0;
    assert!(
        err.ends_with("absent.toml: cannot read the config file (from --config): no such file"),
        "{err}"
    );
}
