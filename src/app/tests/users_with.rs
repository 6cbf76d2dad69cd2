//! "Users with…": from the record (`f`, Enter on the Routing pane) or a view into the users
//! table filtered to exactly that membership, and Esc back to where it started.

use crate::app::fixtures::*;
use crate::app::users_with::exact_term;
use crate::app::{
    Action, FilterEdit, Focus, Mode, Msg, NameKind, Names, Overlay, PaneId, users_with_items,
};
use crate::model::Page;

fn focus_pane(s: &mut Session, pane: PaneId) {
    for _ in 0..PaneId::ALL.len() + 1 {
        if s.app.users.as_ref().map(|b| b.focus) == Some(Focus::Pane(pane)) {
            return;
        }
        s.action(Action::FocusNext);
    }
    panic!("{pane:?} never took the focus");
}

fn screen(s: &Session) -> &crate::app::UsersScreen {
    s.app.users.as_ref().expect("users screen")
}

fn listed(names: &mut Names, kind: NameKind, items: &[(&str, &str)]) {
    let items = items.iter().map(|(id, name)| named(id, name)).collect();
    names.on_page(
        kind,
        Ok(Page {
            items,
            next_token: None,
        }),
    );
}

#[test]
fn enter_on_the_routing_pane_offers_the_records_memberships_with_the_filters_they_set() {
    let mut s = Session::jane_loaded();
    focus_pane(&mut s, PaneId::Routing);
    s.action(Action::Confirm);
    assert_eq!(s.app.mode(), Mode::UsersWith);
    assert_eq!(s.app.overlay, Overlay::UsersWith { selected: 0 });
    let items: Vec<(&str, String, String)> = users_with_items(screen(&s))
        .into_iter()
        .map(|i| (i.what, i.name, i.filter))
        .collect();
    let expected = [
        (
            "Routing profile",
            "Basic Routing Profile",
            "rp:\"Basic Routing Profile\"",
        ),
        ("Security profile", "Agent", "sp:\"Agent\""),
        ("Hierarchy group", "Billing", "group:\"Billing\""),
        // Billing's path names them, but the listing does not: their IDs (exact, and the
        // same users).
        ("Under", "EMEA (Region)", "group:g1"),
        ("Under", "Dublin (Site)", "group:g2"),
    ];
    let expected: Vec<(&str, String, String)> = expected
        .iter()
        .map(|(w, n, f)| (*w, n.to_string(), f.to_string()))
        .collect();
    assert_eq!(items, expected);
}

#[test]
fn choosing_one_filters_the_table_to_its_users_and_esc_goes_back_to_the_record() {
    let mut s = Session::jane_loaded();
    let total = screen(&s).view_len();
    focus_pane(&mut s, PaneId::Routing);
    s.action(Action::Confirm);
    s.action(Action::Down);
    s.action(Action::Down);
    assert_eq!(s.app.overlay, Overlay::UsersWith { selected: 2 });
    s.action(Action::Confirm);
    let b = screen(&s);
    assert_eq!(s.app.overlay, Overlay::None);
    assert_eq!(b.filter.query(), "group:\"Billing\"");
    assert!(!b.filter.editing, "visible, not being typed");
    assert_eq!(b.view_len(), 1, "only Jane is in Billing");
    assert_eq!(b.focus, Focus::List);

    s.action(Action::Back);
    let b = screen(&s);
    assert_eq!(b.filter.query(), "");
    assert_eq!(b.view_len(), total);
    assert_eq!(b.selected_id(), Some(JANE));
    assert_eq!(b.focus, Focus::Pane(PaneId::Routing), "where it started");
    assert_eq!(b.came_from, None);
}

#[test]
fn f_opens_it_from_the_list_and_esc_restores_the_filter_it_replaced() {
    let mut s = Session::jane_loaded();
    s.action(Action::Filter);
    for c in "jan".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    s.action(Action::Confirm);
    assert_eq!(screen(&s).selected_id(), Some(JANE));
    s.action(Action::UsersWith);
    assert_eq!(s.app.mode(), Mode::UsersWith);
    s.action(Action::Confirm);
    assert_eq!(screen(&s).filter.query(), "rp:\"Basic Routing Profile\"");
    s.action(Action::Filter);
    s.send(Msg::FilterEdit(FilterEdit::Insert(' ')));
    s.send(Msg::FilterEdit(FilterEdit::Insert('j')));
    s.action(Action::Confirm);
    assert_eq!(screen(&s).filter.query(), "rp:\"Basic Routing Profile\" j");
    s.action(Action::Back);
    assert_eq!(
        screen(&s).filter.query(),
        "jan",
        "edited, and still back to before"
    );
    assert_eq!(screen(&s).focus, Focus::List);
    assert_eq!(screen(&s).selected_id(), Some(JANE));
    // Nothing left to go back to: Esc clears as usual.
    s.action(Action::Back);
    assert_eq!(screen(&s).filter.query(), "");
}

#[test]
fn esc_in_the_menu_closes_it_and_changes_nothing() {
    let mut s = Session::jane_loaded();
    s.action(Action::UsersWith);
    s.action(Action::Back);
    assert_eq!(s.app.overlay, Overlay::None);
    assert_eq!(screen(&s).filter.query(), "");
    assert_eq!(screen(&s).came_from, None);
}

#[test]
fn before_the_record_arrives_the_sweeps_row_gives_the_memberships() {
    let mut s = Session::open();
    let mut users = vec![summary(JANE, "Jane")];
    users.extend(summaries(3));
    s.users(users, None);
    s.search(vec![swept(&jane())], None);
    assert!(screen(&s).selected_record().is_none());
    let whats: Vec<&str> = users_with_items(screen(&s))
        .iter()
        .map(|i| i.what)
        .collect();
    assert_eq!(
        whats,
        ["Routing profile", "Security profile", "Hierarchy group"]
    );
    // Not named yet: the IDs, which match exactly.
    let first = &users_with_items(screen(&s))[0];
    assert_eq!(first.filter, format!("rp:{ROUTING}"));
}

#[test]
fn with_nothing_known_yet_it_says_so_instead_of_an_empty_menu() {
    let mut s = Session::open();
    s.users(summaries(3), None);
    s.action(Action::UsersWith);
    assert_eq!(s.app.overlay, Overlay::None);
    let notice = s.app.visible_notice().expect("a notice");
    assert!(notice.text.contains("not arrived"), "{}", notice.text);
}

#[test]
fn a_view_row_filters_exactly_and_esc_returns_to_the_view_on_the_same_row() {
    let mut s = Session::jane_loaded();
    s.action(Action::CommandLine);
    for c in "sp".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    s.action(Action::Confirm);
    let view = s.app.view.clone().expect("the :sp view");
    let at = view
        .rows
        .iter()
        .position(|r| r.id == SECURITY)
        .expect("Agent");
    for _ in 0..at {
        s.action(Action::Down);
    }
    s.action(Action::Confirm);
    assert!(s.app.view.is_none());
    assert_eq!(screen(&s).filter.query(), "sp:\"Agent\"");
    assert!(
        screen(&s)
            .came_from
            .as_ref()
            .is_some_and(|c| c.view.is_some())
    );
    s.action(Action::Back);
    assert_eq!(s.app.mode(), Mode::View);
    let back = s.app.view.as_ref().expect("the view again");
    assert_eq!(back.cursor.selected, at);
    assert_eq!(screen(&s).filter.query(), "");
}

#[test]
fn a_name_another_name_contains_is_written_as_its_id() {
    let mut names = Names::default();
    listed(
        &mut names,
        NameKind::RoutingProfiles,
        &[("rp1", "Tier 1"), ("rp10", "Tier 10"), ("q", "Say \"hi\"")],
    );
    let term = |id| exact_term("rp", NameKind::RoutingProfiles, id, &names);
    assert_eq!(term("rp1"), "rp:rp1", "\"Tier 1\" would also match Tier 10");
    assert_eq!(term("rp10"), "rp:\"Tier 10\"");
    assert_eq!(term("q"), "rp:q", "a quote cannot be written inside quotes");
    assert_eq!(term("unlisted"), "rp:unlisted");
}

#[test]
fn a_group_named_inside_another_groups_name_is_written_as_its_id() {
    let mut names = Names::default();
    let groups = [
        vec![("g1", "EMEA")],
        vec![("g1", "EMEA"), ("g2", "Dublin")],
        vec![("g3", "EMEA North")],
    ];
    let listing: Vec<(&str, &str)> = groups.iter().map(|p| p[p.len() - 1]).collect();
    listed(&mut names, NameKind::HierarchyGroups, &listing);
    for path in &groups {
        names.on_group(path[path.len() - 1].0, Ok(group_at(path)));
    }
    let term = |id| exact_term("group", NameKind::HierarchyGroups, id, &names);
    assert_eq!(
        term("g1"),
        "group:g1",
        "\"EMEA\" would also match EMEA North"
    );
    // Dublin's name and ID mean the same users: its own and those below it.
    assert_eq!(term("g2"), "group:\"Dublin\"");
    assert_eq!(
        names.ancestors("g2"),
        [("g1".into(), "Level 1".into(), "EMEA".into())]
    );
    assert_eq!(names.in_or_under("g2"), ["g1", "g2"]);
}

#[test]
fn every_groups_view_row_shows_as_many_users_as_it_counts_its_own_and_those_below() {
    let mut s = Session::open();
    let mut users = vec![summary(JANE, "Jane")];
    users.extend(summaries(3));
    let mut found = vec![swept(&jane())];
    found.extend(users[1..].iter().map(swept_summary));
    s.users(users, None);
    s.search(found, None);
    let (emea, dublin) = (("g1", "EMEA"), ("g2", "Dublin"));
    s.groups(
        vec![
            group_at(&[emea]),
            group_at(&[emea, dublin]),
            group_at(&[("g3", "EMEA North")]),
            billing_group(), // EMEA › Dublin › Billing: Jane's
        ],
        None,
    );
    s.action(Action::CommandLine);
    for c in "groups".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    s.action(Action::Confirm);
    let rows = s.app.view.clone().expect("the :groups view").rows;
    let counts: Vec<(&str, usize)> = rows.iter().map(|r| (r.id.as_str(), r.users)).collect();
    // In path order: EMEA North after all of EMEA.
    assert_eq!(counts, [("g1", 1), ("g2", 1), (GROUP, 1), ("g3", 0)]);
    for (at, row) in rows.iter().enumerate() {
        s.action(Action::Top);
        for _ in 0..at {
            s.action(Action::Down);
        }
        s.action(Action::Confirm);
        assert_eq!(
            screen(&s).view_len(),
            row.users,
            "{row:?}: {}",
            screen(&s).filter.query()
        );
        s.action(Action::Back);
        assert_eq!(s.app.mode(), Mode::View);
    }
}
