//! The `:` command line through `update`: opening, typing, Tab, history, errors that keep
//! the line, and what each command does.

use crate::app::fixtures::*;
use crate::app::{Action, Cmd, FilterEdit, Mode, Msg, Overlay, Screen, ThemeName};

fn type_command(s: &mut Session, text: &str) -> Vec<Cmd> {
    s.action(Action::CommandLine);
    for c in text.chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    s.action(Action::Confirm)
}

#[test]
fn colon_opens_the_line_and_esc_or_backspace_on_empty_closes_it() {
    let mut s = Session::open();
    s.action(Action::CommandLine);
    assert_eq!(s.app.mode(), Mode::Command);
    s.action(Action::Back);
    assert_eq!(s.app.overlay, Overlay::None);
    s.action(Action::CommandLine);
    s.send(Msg::FilterEdit(FilterEdit::Backspace));
    assert_eq!(s.app.overlay, Overlay::None);
}

#[test]
fn a_mistake_stays_on_the_line_with_what_is_wrong() {
    let mut s = Session::open();
    let cmds = type_command(&mut s, "frob");
    assert!(cmds.is_empty());
    assert_eq!(s.app.mode(), Mode::Command);
    assert_eq!(
        s.app.command_line.error.as_deref(),
        Some("unknown command :frob (Tab lists the commands)")
    );
    // Typing again clears the complaint.
    s.send(Msg::FilterEdit(FilterEdit::Backspace));
    assert_eq!(s.app.command_line.error, None);
}

#[test]
fn q_quits_and_is_remembered() {
    let mut s = Session::open();
    let cmds = type_command(&mut s, "q");
    assert!(cmds.contains(&Cmd::Quit));
    assert!(cmds.contains(&Cmd::Remember("q".into())));
}

#[test]
fn theme_switches_the_colours_but_not_under_no_color() {
    let mut s = Session::open();
    type_command(&mut s, "theme light");
    assert_eq!(s.app.theme.name, ThemeName::Light);
    assert_eq!(s.app.overlay, Overlay::None);

    let now = std::time::Instant::now();
    let config = crate::app::AppConfig {
        no_color: true,
        theme: ThemeName::Mono,
        ..config(Some(INSTANCE))
    };
    let (app, _) = crate::app::App::new(config, (100, 30), now);
    let mut s = Session { app, now };
    type_command(&mut s, "theme dark");
    assert_eq!(s.app.theme.name, ThemeName::Mono);
    assert_eq!(
        s.app.command_line.error.as_deref(),
        Some("NO_COLOR is set: colours stay off")
    );
}

#[test]
fn tab_completes_and_up_recalls_earlier_commands() {
    let mut s = Session::open();
    type_command(&mut s, "theme light");
    s.action(Action::CommandLine);
    for c in "reg".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    s.action(Action::Complete);
    assert_eq!(s.app.command_line.text, "region ");
    s.send(Msg::FilterEdit(FilterEdit::Insert('e')));
    s.send(Msg::FilterEdit(FilterEdit::Insert('u')));
    s.action(Action::Complete);
    assert_eq!(s.app.command_line.text, "region eu-");
    assert_eq!(s.app.command_line.candidates, ["eu-central-1", "eu-west-2"]);
    s.action(Action::Up);
    assert_eq!(s.app.command_line.text, "theme light");
}

#[test]
fn history_from_earlier_runs_comes_first_and_repeats_are_kept_once() {
    let now = std::time::Instant::now();
    let config = crate::app::AppConfig {
        history: vec!["region eu-west-2".into()],
        ..config(Some(INSTANCE))
    };
    let (app, _) = crate::app::App::new(config, (100, 30), now);
    let mut s = Session { app, now };
    s.action(Action::CommandLine);
    s.action(Action::Up);
    assert_eq!(s.app.command_line.text, "region eu-west-2");
    s.action(Action::Back);
    let first = type_command(&mut s, "users");
    let again = type_command(&mut s, "users");
    assert!(first.contains(&Cmd::Remember("users".into())));
    assert!(!again.iter().any(|c| matches!(c, Cmd::Remember(_))));
    assert_eq!(s.app.history, ["region eu-west-2", "users"]);
}

#[test]
fn instance_by_alias_opens_it_and_bare_instance_shows_the_picker() {
    let mut s = Session::open();
    s.send(instances_answer(page(
        vec![
            instance(INSTANCE, "demo-contact-center"),
            instance("11111111-2222-3333-4444-555555555555", "other-center"),
        ],
        None,
    )));
    type_command(&mut s, "instance");
    assert_eq!(s.app.screen, Screen::Picker);
    let cmds = type_command(&mut s, "instance other-center");
    assert_eq!(s.app.screen, Screen::Users);
    let users = s.app.users.as_ref().expect("users screen");
    assert_eq!(users.instance_id, "11111111-2222-3333-4444-555555555555");
    assert!(cmds.iter().any(|c| matches!(c, Cmd::Request(_))));
    type_command(&mut s, "instance nowhere");
    assert!(
        s.app
            .command_line
            .error
            .as_deref()
            .is_some_and(|e| e.contains("not an instance ID")),
        "{:?}",
        s.app.command_line.error
    );
}

#[test]
fn profile_and_region_ask_the_worker_for_a_new_client() {
    let mut s = Session::open();
    let cmds = type_command(&mut s, "profile emea");
    assert!(
        cmds.iter().any(
            |c| matches!(c, Cmd::Connect { profile: Some(p), region: None, .. } if p == "emea")
        )
    );
    let cmds = type_command(&mut s, "region eu-west-2");
    assert!(cmds.iter().any(
        |c| matches!(c, Cmd::Connect { profile: None, region: Some(r), .. } if r == "eu-west-2")
    ));
    let cmds = type_command(&mut s, "region all");
    assert!(!cmds.iter().any(|c| matches!(c, Cmd::Connect { .. })));
    assert_eq!(s.app.region_label(), "all regions");
}

#[test]
fn rp_lists_routing_profiles_with_their_users_and_enter_filters_the_table_to_one() {
    let mut s = Session::jane_loaded();
    type_command(&mut s, "rp");
    assert_eq!(s.app.mode(), Mode::View);
    let view = s.app.view.clone().expect("the :rp view");
    let jane_rp = view
        .rows
        .iter()
        .find(|r| r.name.as_deref() == Some("Basic Routing Profile"))
        .expect("Jane's routing profile")
        .clone();
    // Only Jane has a routing profile in this fixture's sweep.
    let total: usize = view.rows.iter().map(|r| r.users).sum();
    assert_eq!(total, 1, "{:?}", view.rows);
    assert_eq!(jane_rp.users, 1);
    assert!(!view.partial, "the sweep and the listing are complete");
    let at = view
        .rows
        .iter()
        .position(|r| r.id == jane_rp.id)
        .expect("row");
    for _ in 0..at {
        s.action(Action::Down);
    }
    s.action(Action::Confirm);
    assert_eq!(s.app.mode(), Mode::Users);
    let b = s.app.users.as_ref().expect("users screen");
    assert_eq!(b.filter.query(), "rp:\"Basic Routing Profile\"");
    assert_eq!(b.view_len(), jane_rp.users);
}

#[test]
fn esc_leaves_a_view_and_views_need_an_open_instance() {
    let mut s = Session::jane_loaded();
    type_command(&mut s, "groups");
    assert_eq!(s.app.mode(), Mode::View);
    s.action(Action::Back);
    assert_eq!(s.app.mode(), Mode::Users);

    let now = std::time::Instant::now();
    let (app, _) = crate::app::App::new(config(None), (100, 30), now);
    let mut s = Session { app, now };
    type_command(&mut s, "sp");
    assert!(s.app.view.is_none());
    assert!(
        s.app
            .command_line
            .error
            .as_deref()
            .is_some_and(|e| e.contains("no instance is open"))
    );
}

#[test]
fn answers_arriving_under_a_view_are_still_counted_off_the_requests_in_flight() {
    let mut s = Session::open();
    s.users(summaries(3), None);
    type_command(&mut s, "rp");
    assert_eq!(s.app.mode(), Mode::View);
    let before = s.app.in_flight;
    s.names(
        crate::app::NameKind::RoutingProfiles,
        vec![named(ROUTING, "Basic Routing Profile")],
    );
    assert_eq!(s.app.in_flight, before - 1);
    let view = s.app.view.as_ref().expect("the view");
    assert!(
        view.rows
            .iter()
            .any(|r| r.name.as_deref() == Some("Basic Routing Profile"))
    );
}
