//! DescribeUser: debounce, cache, stale and foreign answers, refresh, retry; names and paths.

use super::super::fixtures::*;
use super::super::*;
use crate::app::Action;
use crate::model::User;

#[test]
fn describe_user_waits_until_the_selection_rests() {
    let mut s = Session::open();
    let cmds = s.users(summaries(10), None);
    assert!(describes(&cmds).is_empty());
    assert!(describes(&s.advance(ms(100))).is_empty());
    // Moving restarts the debounce: nothing for u000 or u001.
    assert!(describes(&s.action(Action::Down)).is_empty());
    assert!(describes(&s.advance(ms(100))).is_empty());
    assert!(describes(&s.action(Action::Down)).is_empty());
    assert_eq!(
        s.app.users.as_ref().unwrap().records.deadline(),
        Some(s.now + DEBOUNCE)
    );
    assert!(describes(&s.advance(ms(149))).is_empty());
    assert_eq!(describes(&s.advance(ms(1))), vec!["u002"]);
    // Still resting: no second request while the first is in flight.
    assert!(describes(&s.advance(ms(500))).is_empty());
}

#[test]
fn answers_are_cached_per_user() {
    let mut s = Session::open();
    s.users(summaries(3), None);
    s.advance(DEBOUNCE);
    s.user(
        "u000",
        Ok(User {
            id: Some("u000".into()),
            ..User::default()
        }),
    );
    s.action(Action::Down);
    assert_eq!(describes(&s.advance(DEBOUNCE)), vec!["u001"]);
    s.action(Action::Up);
    assert!(describes(&s.advance(DEBOUNCE)).is_empty(), "u000 is cached");
    assert_eq!(
        s.app
            .users
            .as_ref()
            .unwrap()
            .selected_record()
            .and_then(|u| u.id.as_deref()),
        Some("u000")
    );
}

#[test]
fn a_late_answer_for_another_user_is_cached_but_not_shown() {
    let mut s = Session::open();
    s.users(summaries(3), None);
    s.advance(DEBOUNCE); // u000 in flight
    s.action(Action::Down); // now on u001
    s.user(
        "u000",
        Ok(User {
            id: Some("u000".into()),
            username: Some("user000".into()),
            ..User::default()
        }),
    );
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.selected_id(), Some("u001"));
    assert!(
        b.selected_record().is_none(),
        "u000's record must not show for u001"
    );
    assert!(s.pane_text(PaneId::Identity)[0].contains("Loading user001"));
    s.action(Action::Up);
    assert!(describes(&s.advance(DEBOUNCE)).is_empty());
    assert!(s.pane_text(PaneId::Identity)[0].contains("user000"));
}

#[test]
fn an_answer_naming_a_different_user_is_rejected() {
    let mut s = Session::open();
    s.users(summaries(2), None);
    s.advance(DEBOUNCE);
    s.user(
        "u000",
        Ok(User {
            id: Some("u001".into()),
            ..User::default()
        }),
    );
    let b = s.app.users.as_ref().unwrap();
    assert!(b.selected_record().is_none());
    assert!(s.pane_text(PaneId::Identity)[0].contains("another user"));
}

#[test]
fn answers_from_before_a_refresh_are_dropped() {
    let mut s = Session::open();
    s.users(summaries(2), None);
    s.advance(DEBOUNCE);
    let old_generation = s.generation();
    s.action(Action::Refresh);
    assert_ne!(s.generation(), old_generation);
    let old = Scope::instance(INSTANCE, old_generation);
    let record = User {
        id: Some("u000".into()),
        ..User::default()
    };
    let request = Request::DescribeUser {
        user_id: "u000".into(),
    };
    s.send(answer(old.clone(), request, Ok(record.into())));
    let request = Request::ListUsers { token: None };
    s.send(answer(old, request, Ok(page(summaries(9), None).into())));
    let b = s.app.users.as_ref().unwrap();
    assert!(b.list.users.is_empty(), "a stale page is not listed");
    assert!(
        b.records.loaded("u000").is_none(),
        "a stale record is not cached"
    );
}

#[test]
fn refresh_keeps_the_selected_user_and_the_filter() {
    let mut s = Session::open();
    s.users(summaries(15), None);
    s.action(Action::Filter);
    for c in "user01".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    s.action(Action::Confirm);
    s.action(Action::Down);
    let before = s
        .app
        .users
        .as_ref()
        .unwrap()
        .selected_id()
        .map(str::to_string);
    assert!(before.is_some());
    let cmds = s.action(Action::Refresh);
    assert!(requests(&cmds).iter().any(|r| r.operation() == "ListUsers"));
    assert!(
        s.app.users.as_ref().unwrap().list.users.is_empty(),
        "caches dropped"
    );
    s.users(summaries(15), None);
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.filter.query(), "user01");
    assert_eq!(b.view_len(), 6, "user010..user014 and user001");
    assert_eq!(b.selected_id().map(str::to_string), before);
}

#[test]
fn a_failed_describe_shows_in_the_pane_and_r_retries() {
    let mut s = Session::open();
    s.users(summaries(2), None);
    s.advance(DEBOUNCE);
    s.user(
        "u000",
        Err(error(crate::connect::ErrorKind::Service, "DescribeUser")),
    );
    let text = s.pane_text(PaneId::Identity).join("\n");
    assert!(
        text.contains("simulated failure") && text.contains("to retry"),
        "{text}"
    );
    assert!(
        describes(&s.advance(DEBOUNCE)).is_empty(),
        "failures are not retried by themselves"
    );
    assert_eq!(describes(&s.action(Action::Retry)), vec!["u000"]);
    assert!(s.pane_text(PaneId::Identity)[0].contains("Loading"));
}

#[test]
fn names_fill_in_when_the_lists_arrive() {
    let mut s = Session::open();
    s.users(vec![summary(JANE, "Jane")], None);
    s.advance(DEBOUNCE);
    s.user(JANE, Ok(jane()));
    let routing = s.pane_text(PaneId::Routing);
    assert!(routing[0].contains("(loading name…)"), "{routing:?}");
    assert!(routing[1].contains(ROUTING));
    s.names(
        NameKind::RoutingProfiles,
        vec![named(ROUTING, "Basic Routing Profile")],
    );
    assert!(s.pane_text(PaneId::Routing)[0].contains("Basic Routing Profile"));
}

#[test]
fn a_denied_name_listing_says_so_and_the_rest_works() {
    let mut s = Session::open();
    s.users(vec![summary(JANE, "Jane")], None);
    s.advance(DEBOUNCE);
    s.user(JANE, Ok(jane()));
    let request = Request::ListNames {
        kind: NameKind::SecurityProfiles,
        token: None,
    };
    s.answer(
        request,
        Err(error(
            crate::connect::ErrorKind::AccessDenied,
            "ListSecurityProfiles",
        )),
    );
    let security = s.pane_text(PaneId::Security).join("\n");
    assert!(
        security.contains("access denied to ListSecurityProfiles"),
        "{security}"
    );
    assert!(security.contains(SECURITY));
    assert!(s.pane_text(PaneId::Identity)[0].contains("Jane"));
}

#[test]
fn a_group_the_listing_lacks_is_described_once_and_paths_show_with_level_names() {
    let mut s = Session::open();
    s.users(vec![summary(JANE, "Jane")], None);
    s.advance(DEBOUNCE);
    s.user(JANE, Ok(jane()));
    // The groups' search ends without Jane's group (created since, say).
    let cmds = s.groups(Vec::new(), None);
    let groups: Vec<Request> = requests(&cmds)
        .into_iter()
        .filter(|r| r.operation() == "DescribeUserHierarchyGroup")
        .collect();
    assert_eq!(groups.len(), 1);
    assert!(requests(&s.advance(ms(10))).is_empty(), "asked once");
    let s = Session::jane_loaded();
    // Level and group are joined by a no-break space (they wrap together).
    let routing = s
        .pane_text(PaneId::Routing)
        .join("\n")
        .replace('\u{a0}', " ");
    assert!(
        routing.contains("Region: EMEA › Site: Dublin › Team: Billing"),
        "{routing}"
    );
}
