//! The SearchUsers sweep filling the rows, and field filters over what it brought.

use super::super::fixtures::*;
use super::super::*;
use crate::app::Action;
use crate::model::UserSearchSummary;

fn type_filter(s: &mut Session, text: &str) {
    s.action(Action::Filter);
    for c in text.chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
}

/// A swept agent with a routing profile, security profiles, a group and tags.
fn agent(
    id: &str,
    username: &str,
    rp: &str,
    sps: &[&str],
    group: Option<&str>,
) -> UserSearchSummary {
    let mut user = swept_summary(&summary(id, username));
    user.routing_profile_id = Some(rp.into());
    user.security_profile_ids = Some(sps.iter().map(|s| s.to_string()).collect());
    user.hierarchy_group_id = group.map(str::to_string);
    user
}

fn ids(s: &Session) -> Vec<String> {
    let b = s.app.users.as_ref().unwrap();
    (0..b.view_len()).filter_map(|r| b.user_at(r)?.id).collect()
}

/// Users a, b, c listed and swept: a and b in Tier 1 (a is an admin), c in Basic with no group.
fn swept_session() -> Session {
    let mut s = Session::open();
    s.users(
        vec![
            summary("a", "alice"),
            summary("b", "bob"),
            summary("c", "carol"),
        ],
        None,
    );
    let mut a = agent("a", "alice", "rp1", &["sp-admin", "sp-agent"], Some("g1"));
    a.tags = Some([("Team".to_string(), "billing".to_string())].into());
    a.phone_config = Some(crate::model::UserPhoneConfig {
        phone_type: Some("DESK_PHONE".into()),
        after_contact_work_time_limit: Some(30_000),
        ..Default::default()
    });
    let b = agent("b", "bob", "rp1", &["sp-agent"], Some("g1"));
    let c = agent("c", "carol", "rp2", &["sp-agent"], None);
    s.search(vec![a, b, c], None);
    s.names(
        NameKind::RoutingProfiles,
        vec![named("rp1", "Tier 1 Voice"), named("rp2", "Basic")],
    );
    s.names(
        NameKind::SecurityProfiles,
        vec![named("sp-admin", "Admin"), named("sp-agent", "Agent")],
    );
    s.names(NameKind::HierarchyGroups, vec![named("g1", "Dublin")]);
    s
}

#[test]
fn the_sweep_starts_with_the_instance_and_pages_to_the_end() {
    let mut s = Session::open();
    let cmds = s.search(vec![swept_summary(&summary("a", "alice"))], Some("t2"));
    assert_eq!(
        requests(&cmds),
        [Request::SearchUsers {
            token: Some("t2".into())
        }]
    );
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.sweep.progress(), Some((1, Some(1))));
    let cmds = s.search(vec![], None);
    assert!(requests(&cmds).is_empty(), "the last page asks for nothing");
    assert_eq!(s.app.users.as_ref().unwrap().sweep.state, SweepState::Done);
}

#[test]
fn sweep_pages_arriving_before_the_listing_add_the_rows_and_the_listing_completes_them() {
    let mut s = Session::open();
    let jane = jane();
    s.search(vec![swept(&jane)], None);
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 1, "the sweep lists the user");
    let d = b.list.details(0).expect("details");
    assert_eq!(d.first_name(), Some("Jane"));
    assert_eq!(b.list.summary(0).unwrap().last_modified_time, None);
    s.users(vec![summary(JANE, "Jane"), summary("u2", "zed")], None);
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 2, "no duplicate row");
    assert_eq!(
        b.list.summary(0).unwrap(),
        summary(JANE, "Jane"),
        "the listing's members complete the row"
    );
    assert!(b.list.details(0).is_some(), "and the details stay");
    assert!(b.list.details(1).is_none());
}

#[test]
fn sweep_pages_arriving_after_the_listing_fill_the_rows_in_place() {
    let mut s = Session::open();
    s.users(vec![summary("x", "xavier"), summary(JANE, "Jane")], None);
    s.search(vec![swept(&jane())], None);
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 2);
    let d = b.list.details(1).expect("Jane's row is filled");
    assert_eq!(d.last_name(), Some("Doe"));
    assert_eq!(d.auto_accept(), Some(false));
    assert_eq!(b.list.shared.id(d.routing_profile), Some(ROUTING));
}

#[test]
fn the_acw_limit_is_kept_in_seconds() {
    let s = swept_session();
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.list.details(0).unwrap().acw_seconds(), Some(30));
}

#[test]
fn the_bare_filter_finds_swept_first_and_last_names() {
    let mut s = Session::open();
    s.users(vec![summary("x", "agent7"), summary(JANE, "jd01")], None);
    let mut jane = swept(&jane());
    jane.username = Some("jd01".into());
    s.search(vec![jane], None);
    type_filter(&mut s, "doe");
    assert_eq!(ids(&s), [JANE]);
}

#[test]
fn field_filters_match_resolved_names() {
    let cases: &[(&str, &[&str])] = &[
        ("rp:tier", &["a", "b"]),
        ("rp:\"Tier 1 V\"", &["a", "b"]),
        ("rp:rp2", &["c"]),
        ("sp:admin", &["a"]),
        ("!sp:admin", &["b", "c"]),
        ("group:dub", &["a", "b"]),
        ("!group:", &["c"]),
        ("group:", &["a", "b"]),
        ("tag:team", &["a"]),
        ("tag:TEAM=bill", &["a"]),
        ("tag:team=sales", &[]),
        ("phone:desk", &["a"]),
        ("id:B", &["b"]),
        ("rp:tier !sp:admin", &["b"]),
        ("ca rp:", &["c"]),
    ];
    for (query, expected) in cases {
        let mut s = swept_session();
        type_filter(&mut s, query);
        assert_eq!(ids(&s), *expected, "{query}");
        let b = s.app.users.as_ref().unwrap();
        assert!(b.filter.error().is_none(), "{query}");
    }
}

#[test]
fn a_bad_filter_is_explained_and_the_last_valid_result_stays() {
    let mut s = swept_session();
    type_filter(&mut s, "rp:basic \"x");
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(
        b.filter.error().map(|e| e.to_string()).as_deref(),
        Some("a quote (\") is not closed")
    );
    assert_eq!(ids(&s), ["c"], "still the result of “rp:basic ”");
    s.send(Msg::FilterEdit(FilterEdit::Backspace));
    s.send(Msg::FilterEdit(FilterEdit::Backspace));
    assert!(s.app.users.as_ref().unwrap().filter.error().is_none());
    for c in "!team:".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    let b = s.app.users.as_ref().unwrap();
    let error = b.filter.error().expect("an error").to_string();
    assert!(error.starts_with("unknown field “team:”"), "{error}");
    assert_eq!(ids(&s), ["c"], "the result of “rp:basic !team”");
}

#[test]
fn names_arriving_later_update_a_field_filter() {
    let mut s = Session::open();
    s.users(vec![summary("a", "alice")], None);
    s.search(vec![agent("a", "alice", "rp1", &[], None)], None);
    type_filter(&mut s, "rp:tier");
    assert!(ids(&s).is_empty(), "the name is not known yet");
    s.names(NameKind::RoutingProfiles, vec![named("rp1", "Tier 1")]);
    assert_eq!(ids(&s), ["a"]);
}

#[test]
fn users_the_sweep_has_not_reached_match_no_field_term() {
    let mut s = Session::open();
    s.users(vec![summary("a", "alice"), summary("b", "bob")], None);
    s.search(vec![agent("a", "alice", "rp1", &[], None)], Some("more"));
    type_filter(&mut s, "!group:");
    assert_eq!(ids(&s), ["a"], "bob's group is not known yet");
    s.action(Action::Back);
    type_filter(&mut s, "id:b");
    assert_eq!(ids(&s), ["b"], "an ID is known from the listing");
}

#[test]
fn a_denied_sweep_keeps_the_usernames_and_says_once_what_is_missing() {
    let mut s = Session::open();
    s.users(vec![summary("a", "alice")], None);
    let denied = error(crate::connect::ErrorKind::AccessDenied, "SearchUsers");
    let cmds = s.answer(Request::SearchUsers { token: None }, Err(denied));
    assert!(requests(&cmds).is_empty(), "no retry of a denial");
    let b = s.app.users.as_ref().unwrap();
    assert!(matches!(b.sweep.state, SweepState::Denied(_)));
    assert_eq!(b.list.users.len(), 1);
    let notice = s.app.visible_notice().expect("a notice");
    assert!(notice.is_error);
    assert!(
        notice.text.contains("connect:SearchUsers") && !notice.text.contains('\n'),
        "{}",
        notice.text
    );
    assert_eq!(
        s.action(Action::Retry).len(),
        0,
        "R does not retry a denial"
    );
}

#[test]
fn a_failed_sweep_page_is_retried_from_where_it_stopped() {
    let mut s = Session::open();
    s.search(vec![swept_summary(&summary("a", "alice"))], Some("p2"));
    let failed = error(crate::connect::ErrorKind::Unreachable, "SearchUsers");
    s.answer(Request::SearchUsers { token: None }, Err(failed));
    let cmds = s.action(Action::Retry);
    assert!(requests(&cmds).contains(&Request::SearchUsers {
        token: Some("p2".into())
    }));
}

#[test]
fn a_user_without_an_id_is_skipped() {
    let mut s = Session::open();
    s.search(
        vec![UserSearchSummary {
            username: Some("ghost".into()),
            ..Default::default()
        }],
        None,
    );
    assert_eq!(s.app.users.as_ref().unwrap().list.users.len(), 0);
}

#[test]
fn s_sorts_stably_keeps_the_selected_user_and_s_reverses() {
    let mut s = swept_session();
    // Sort keys: routing profile names — alice and bob "Tier 1 Voice", carol "Basic".
    s.action(Action::Down); // bob
    s.action(Action::SortNext); // Username
    assert_eq!(ids(&s), ["a", "b", "c"]);
    s.action(Action::SortNext); // Name: all empty, the previous order stays
    assert_eq!(ids(&s), ["a", "b", "c"]);
    s.action(Action::SortNext); // Routing profile
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(
        b.sort.map(|s| s.column),
        Some(crate::app::table::Column::RoutingProfile)
    );
    assert_eq!(
        ids(&s),
        ["c", "a", "b"],
        "Basic first; a before b as before"
    );
    assert_eq!(b.selected_id(), Some("b"), "the selection follows the user");
    s.action(Action::SortReverse);
    assert_eq!(
        ids(&s),
        ["a", "b", "c"],
        "reversed, ties still in their order"
    );
    assert_eq!(s.app.users.as_ref().unwrap().selected_id(), Some("b"));
    type_filter(&mut s, "!id:a");
    assert_eq!(ids(&s), ["b", "c"], "the sort applies to the filtered view");
    for _ in 0..4 {
        s.action(Action::SortNext);
    }
    assert!(
        s.app.users.as_ref().unwrap().sort.is_none(),
        "back to the filter's order"
    );
}
