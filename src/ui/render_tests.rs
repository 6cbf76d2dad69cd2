//! Render snapshots (TestBackend + insta), key styles, hostile data and every terminal size.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier, Style};

use crate::app::fixtures::*;
use crate::app::{Action, App, Drawn, Msg, Overlay, PaneId, Request};
use crate::model::User;

use super::draw;

/// Draws `app` at `width`×`height` and hands what the frame measured back to it, as the
/// event loop does.
pub(super) fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let now = app.now;
    app.update(Msg::Resize { width, height }, now);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let mut drawn = Drawn::default();
    terminal
        .draw(|frame| drawn = draw(frame, app, &crate::keys::KeyMap::default()))
        .expect("draw");
    app.update(Msg::Drawn(drawn), now);
    terminal
}

fn picker_app() -> App {
    let now = std::time::Instant::now();
    let (mut app, _) = App::new(config(None), (100, 20), now);
    app.update(
        instances_answer(page(
            vec![
                instance(INSTANCE, "demo-contact-center"),
                instance("6a8d3d2e-1c0b-4f5e-9a7b-0c1d2e3f4a5b", "emea-support"),
                instance("9b7e6f5d-4c3b-2a19-8f7e-6d5c4b3a2910", "us-sales"),
            ],
            None,
        )),
        now,
    );
    app
}

#[test]
fn picker() {
    let mut app = picker_app();
    insta::assert_snapshot!(render(&mut app, 110, 12).backend());
}

#[test]
fn users_screen_with_a_full_record_wide() {
    let mut s = Session::jane_loaded();
    insta::assert_snapshot!(render(&mut s.app, 160, 40).backend());
}

#[test]
fn users_screen_80x24_shows_panes_as_tabs() {
    let mut s = Session::jane_loaded();
    s.action(Action::FocusNext); // Status
    s.action(Action::FocusNext);
    s.action(Action::FocusNext);
    s.action(Action::FocusNext); // Routing
    insta::assert_snapshot!(render(&mut s.app, 80, 24).backend());
}

#[test]
fn narrow_layout_stacks_list_and_panes() {
    let mut s = Session::jane_loaded();
    s.action(Action::FocusNext); // Status
    s.action(Action::FocusNext);
    s.action(Action::FocusNext); // Phone
    insta::assert_snapshot!(render(&mut s.app, 50, 30).backend());
}

#[test]
fn loading_state() {
    let mut s = Session::open();
    insta::assert_snapshot!(render(&mut s.app, 80, 24).backend());
}

#[test]
fn error_state() {
    let mut s = Session::open();
    s.users(summaries(5), None);
    s.advance(crate::app::DEBOUNCE);
    s.user(
        "u000",
        Err(error(crate::connect::ErrorKind::Timeout, "DescribeUser")),
    );
    insta::assert_snapshot!(render(&mut s.app, 80, 24).backend());
}

#[test]
fn listing_denied_says_why_in_full_and_offers_the_picker_not_a_retry() {
    let mut s = Session::open();
    s.answer(
        Request::ListUsers { token: None },
        Err(error(crate::connect::ErrorKind::AccessDenied, "ListUsers")),
    );
    let terminal = render(&mut s.app, 80, 24);
    // The list's text (inside its borders), rows joined: the message wraps, whole.
    let buffer = terminal.backend().buffer();
    let list: Vec<String> = (1..23)
        .map(|y| {
            (1..31)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|row| !row.is_empty())
        .collect();
    let text = list.join(" ");
    assert!(
        text.contains("the credentials need connect:ListUsers permission"),
        "{text}"
    );
    assert!(text.contains("Press i for the instance picker"), "{text}");
    assert!(!text.contains("retry"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn at_80_columns_the_status_bar_keeps_the_message_whole() {
    let mut s = Session::jane_loaded();
    s.send(Msg::Copied {
        what: "user ID".into(),
        outcome: crate::clipboard::CopyOutcome::Osc52 {
            tmux: true,
            why: None,
        },
    });
    let text = s.app.visible_notice().expect("a message").text.clone();
    let terminal = render(&mut s.app, 80, 24);
    let status = row_text(&terminal, 23);
    assert!(status.contains(&text), "{status:?} lacks {text:?}");
}

/// The text of row `y`.
fn row_text(terminal: &Terminal<TestBackend>, y: u16) -> String {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

#[test]
fn help_overlay() {
    let mut s = Session::jane_loaded();
    s.action(Action::Help);
    insta::assert_snapshot!(render(&mut s.app, 100, 50).backend());
}

#[test]
fn copy_menu() {
    let mut s = Session::jane_loaded();
    s.action(Action::CopyMenu);
    insta::assert_snapshot!(render(&mut s.app, 100, 24).backend());
}

#[test]
fn users_with_menu() {
    let mut s = Session::jane_loaded();
    s.action(Action::UsersWith);
    s.action(Action::Down);
    let terminal = render(&mut s.app, 100, 24);
    let highlighted = row_of(&terminal, "Security profile").expect("the second item");
    let other = row_of(&terminal, "Routing profile").expect("the first item");
    assert_eq!(
        terminal.backend().buffer()[(5, highlighted)].bg,
        Color::Cyan
    );
    assert_ne!(terminal.backend().buffer()[(5, other)].bg, Color::Cyan);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn filter_shows_n_of_m() {
    let mut s = Session::open();
    s.users(summaries(30), None);
    s.action(Action::Filter);
    for c in "user01".chars() {
        s.send(Msg::FilterEdit(crate::app::FilterEdit::Insert(c)));
    }
    let terminal = render(&mut s.app, 80, 24);
    let top: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
        .collect();
    // user010..user019 by prefix, then user001 and user021 by fuzzy match.
    assert!(top.contains("12 of 30"), "{top}");
    assert!(
        row_of(&terminal, "user010").is_some_and(|y| y == 2),
        "the prefix match comes first"
    );
}

/// The row of the buffer whose text contains `needle`.
fn row_of(terminal: &Terminal<TestBackend>, needle: &str) -> Option<u16> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height).find(|&y| {
        let line: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        line.contains(needle)
    })
}

#[test]
fn the_selection_is_highlighted_and_dims_when_focus_moves() {
    let mut s = Session::jane_loaded();
    let terminal = render(&mut s.app, 100, 30);
    let y = row_of(&terminal, "│Jane ").expect("Jane's row");
    let cell = &terminal.backend().buffer()[(1, y)];
    assert_eq!(cell.bg, Color::Cyan);
    assert_eq!(cell.fg, Color::Black);
    let other = row_of(&terminal, "user000").expect("another row");
    assert_ne!(terminal.backend().buffer()[(1, other)].bg, Color::Cyan);

    s.action(Action::FocusNext);
    let terminal = render(&mut s.app, 100, 30);
    let y = row_of(&terminal, "│Jane ").expect("Jane's row");
    assert_eq!(terminal.backend().buffer()[(1, y)].bg, Color::DarkGray);
}

#[test]
fn hostile_strings_reach_the_screen_inert_and_aligned() {
    let mut s = Session::open();
    let evil = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\u{9b}31m\u{202E}nimda\u{200B}";
    s.users(
        vec![
            crate::model::UserSummary {
                username: Some(evil.into()),
                ..summary("e", "x")
            },
            summary("f", "山田太郎😀"),
        ],
        None,
    );
    s.advance(crate::app::DEBOUNCE);
    s.user(
        "e",
        Ok(User {
            id: Some("e".into()),
            username: Some(evil.into()),
            tags: Some(
                [(evil.to_string(), "\r\n\t".to_string())]
                    .into_iter()
                    .collect(),
            ),
            ..User::default()
        }),
    );
    let terminal = render(&mut s.app, 160, 40);
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || matches!(c, '\u{202E}' | '\u{200B}')),
            "control character reached the buffer: {:?}",
            cell.symbol()
        );
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn every_terminal_size_draws_without_panic() {
    let widths = [
        1, 2, 3, 5, 8, 13, 20, 30, 40, 59, 60, 69, 70, 71, 80, 100, 119, 120, 121, 200, 300,
    ];
    let heights = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 29, 30, 31, 50, 100];
    let mut apps = vec![
        picker_app(),
        Session::open().app,
        Session::jane_loaded().app,
    ];
    let mut help = Session::jane_loaded();
    help.action(Action::Help);
    apps.push(help.app);
    let mut menu = Session::jane_loaded();
    menu.action(Action::CopyMenu);
    apps.push(menu.app);
    let mut filtering = Session::jane_loaded();
    filtering.action(Action::Filter);
    filtering.send(Msg::FilterEdit(crate::app::FilterEdit::Insert('j')));
    apps.push(filtering.app);
    let mut tabbed = Session::jane_loaded();
    for _ in 0..3 {
        tabbed.action(Action::FocusNext);
    }
    apps.push(tabbed.app);
    for app in &mut apps {
        for &w in &widths {
            for &h in &heights {
                render(app, w, h);
            }
        }
    }
    // Each pane alone in a tiny area, too.
    let mut s = Session::jane_loaded();
    for pane in PaneId::ALL {
        s.app.users.as_mut().unwrap().tab = pane;
        for size in [(1, 1), (2, 2), (10, 3)] {
            render(&mut s.app, size.0, size.1);
        }
    }
}

#[test]
fn help_scrolls_no_further_than_its_end() {
    let mut s = Session::open();
    s.action(Action::Help);
    render(&mut s.app, 80, 24);
    for _ in 0..500 {
        s.action(Action::Down);
    }
    let Overlay::Help { scroll: bottom } = s.app.overlay else {
        panic!("help closed");
    };
    assert!(bottom > 0 && bottom < 100, "{bottom}");
    s.action(Action::Up);
    assert_eq!(s.app.overlay, Overlay::Help { scroll: bottom - 1 });
}

#[test]
fn a_focused_pane_scrolls_no_further_than_its_drawn_content() {
    let mut s = Session::jane_loaded();
    // 80×24: panes are tabs; the Phone tab of Jane's record is longer than it is high.
    render(&mut s.app, 80, 24);
    s.action(Action::FocusNext); // Status
    s.action(Action::FocusNext);
    s.action(Action::FocusNext);
    render(&mut s.app, 80, 24);
    for _ in 0..500 {
        s.action(Action::Down);
    }
    let b = s.app.users.as_ref().expect("open");
    assert_eq!(b.focus, crate::app::Focus::Pane(PaneId::Phone));
    let body = crate::app::layout::screen(ratatui::layout::Rect::new(0, 0, 80, 24)).0;
    let areas = crate::app::layout::users(body, b.tab);
    let (_, area) = areas
        .panes
        .iter()
        .find(|(p, _)| *p == PaneId::Phone)
        .expect("shown");
    let lines = super::panes::content(
        &s.app,
        &crate::keys::KeyMap::default(),
        PaneId::Phone,
        super::panes::inner_width(*area),
    )
    .lines
    .len();
    assert!(b.pane_scroll > 0, "the pane scrolled");
    assert_eq!(
        usize::from(b.pane_scroll),
        lines - 1,
        "stops at its last line"
    );
}

/// The column and row where `text` starts on screen.
fn position_of(terminal: &Terminal<TestBackend>, text: &str) -> Option<(u16, u16)> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height).find_map(|y| {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        let byte = row.find(text)?;
        let column = row[..byte].chars().count();
        Some((u16::try_from(column).ok()?, y))
    })
}

/// The style of the cell at `at`: what a reader of the screen sees of a role.
fn style_at(terminal: &Terminal<TestBackend>, at: (u16, u16)) -> String {
    let cell = &terminal.backend().buffer()[at];
    format!("fg {:?}, bg {:?}, {:?}", cell.fg, cell.bg, cell.modifier)
}

#[test]
fn each_theme_styles_selection_focus_labels_and_keys() {
    use clap::ValueEnum;
    for name in crate::app::ThemeName::value_variants() {
        let mut s = Session::jane_loaded();
        s.app.theme = crate::app::Theme::named(*name);
        let terminal = render(&mut s.app, 120, 40);
        let at = |text: &str| position_of(&terminal, text).unwrap_or_else(|| panic!("{text}"));
        let (pane_x, _) = at("┐┌");
        let (_, bottom) = at("q quit");
        let roles = [
            ("selected row, focused list", {
                let (x, y) = at("│Jane ");
                (x + 1, y)
            }),
            ("focused border (the list)", (0, 0)),
            ("unfocused border (a pane)", (pane_x + 1, 0)),
            ("label", at("Username")),
            ("placeholder", at("—")),
            ("key hint", at("q quit")),
            ("status bar", (0, bottom)),
        ];
        let styles: Vec<String> = roles
            .iter()
            .map(|(role, at)| format!("{role}: {}", style_at(&terminal, *at)))
            .collect();
        insta::assert_snapshot!(format!("theme_{name:?}"), styles.join("\n"));
        if *name == crate::app::ThemeName::Mono {
            let buffer = terminal.backend().buffer();
            let coloured = buffer
                .content()
                .iter()
                .find(|c| c.fg != Color::Reset || c.bg != Color::Reset);
            assert_eq!(coloured, None, "mono draws no colour");
        }
    }
}

#[test]
fn config_colours_restyle_their_role_and_mono_keeps_only_the_modifiers() {
    use crate::app::{Role, Theme, ThemeName};
    let patch = Style::new()
        .fg(Color::Yellow)
        .bg(Color::Magenta)
        .add_modifier(Modifier::UNDERLINED);
    for (name, expected) in [
        (ThemeName::Dark, "fg Yellow, bg Magenta, BOLD | UNDERLINED"),
        (
            ThemeName::Mono,
            "fg Reset, bg Reset, BOLD | UNDERLINED | REVERSED",
        ),
    ] {
        let mut s = Session::jane_loaded();
        s.app.theme = Theme::with_overrides(name, &[(Role::Selected, patch)]);
        let terminal = render(&mut s.app, 120, 40);
        let (x, y) = position_of(&terminal, "│Jane ").expect("Jane's row");
        assert_eq!(style_at(&terminal, (x + 1, y)), expected, "{name:?}");
    }
}

/// The users table at three widths: as many columns as fit, in order, cut cells ending in
/// "…", the sort column marked in the header.
#[test]
fn users_table_at_three_widths_with_the_sort_marked() {
    for (width, height) in [(60, 16), (120, 32), (200, 32)] {
        let mut s = Session::jane_loaded();
        s.action(Action::SortNext);
        s.action(Action::SortReverse);
        let name = format!("users_table_{width}_columns");
        insta::assert_snapshot!(name, render(&mut s.app, width, height).backend());
    }
}

#[test]
fn marked_rows_show_in_a_gutter_and_the_title_counts_them() {
    let mut s = Session::jane_loaded();
    s.action(Action::ToggleMark);
    s.action(Action::ToggleMark);
    insta::assert_snapshot!(render(&mut s.app, 100, 12).backend());
}

/// `:sp`: security profiles with their IDs and user counts, the selection on the first.
#[test]
fn security_profiles_view() {
    let mut s = Session::jane_loaded();
    s.action(Action::CommandLine);
    for c in "sp".chars() {
        s.send(Msg::FilterEdit(crate::app::FilterEdit::Insert(c)));
    }
    s.action(Action::Confirm);
    insta::assert_snapshot!(render(&mut s.app, 100, 12).backend());
}

/// `:groups`: each group under the groups above it, with its path and its users.
#[test]
fn hierarchy_groups_view_with_paths() {
    let mut s = Session::open();
    let mut users = vec![summary(JANE, "Jane")];
    users.extend(summaries(3));
    let mut found = vec![swept(&jane())];
    found.extend(users[1..].iter().map(swept_summary));
    s.users(users, None);
    s.search(found, None);
    let emea = ("g1", "EMEA");
    let dublin = ("g2", "Dublin");
    s.groups(
        vec![
            group_at(&[emea, dublin]),
            group_at(&[emea]),
            group_at(&[("g9", "Americas")]),
            billing_group(),
        ],
        None,
    );
    s.action(Action::CommandLine);
    for c in "groups".chars() {
        s.send(Msg::FilterEdit(crate::app::FilterEdit::Insert(c)));
    }
    s.action(Action::Confirm);
    insta::assert_snapshot!(render(&mut s.app, 120, 12).backend());
}

/// The config file's `[table] columns`: only those, in that order.
#[test]
fn the_table_shows_the_configured_columns_in_their_order() {
    use crate::app::table::Column;
    let mut s = Session::jane_loaded();
    s.app.config.columns = vec![Column::Name, Column::Username];
    let terminal = render(&mut s.app, 200, 50);
    let header = format!("{:?}", terminal.backend())
        .lines()
        .find(|l| l.contains("Username"))
        .map(str::to_string)
        .expect("the header row");
    let name = header.find("Name").expect("Name");
    let username = header.find("Username").expect("Username");
    assert!(name < username, "{header}");
    assert!(!header.contains("Routing profile"), "{header}");
}
