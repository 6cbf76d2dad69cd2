//! Hierarchy groups from SearchUserHierarchyGroups: `group:` matches any level of a user's
//! path with no record opened, a listed group is never described, and a denied search falls
//! back to ListUserHierarchyGroups (names only) and says so once.

use super::super::fixtures::*;
use super::super::*;
use crate::app::Action;
use crate::connect::ErrorKind;
use crate::model::HierarchyGroup;

fn type_filter(s: &mut Session, text: &str) {
    s.action(Action::Filter);
    for c in text.chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
}

fn clear_filter(s: &mut Session) {
    s.action(Action::Back);
}

fn ids(s: &Session) -> Vec<String> {
    let b = s.app.users.as_ref().unwrap();
    (0..b.view_len()).filter_map(|r| b.user_at(r)?.id).collect()
}

/// Europe › Dublin › Team Liffey, North America › Seattle.
fn groups() -> Vec<HierarchyGroup> {
    let eu = ("eu", "Europe");
    let dub = ("dub", "Dublin");
    let na = ("na", "North America");
    vec![
        group_at(&[eu]),
        group_at(&[eu, dub]),
        group_at(&[eu, dub, ("lif", "Team Liffey")]),
        group_at(&[na]),
        group_at(&[na, ("sea", "Seattle")]),
    ]
}

/// a in Team Liffey, b in Seattle, c in no group: listed and swept, no record opened.
fn session() -> Session {
    let mut s = Session::open();
    s.users(
        vec![
            summary("a", "alice"),
            summary("b", "bob"),
            summary("c", "carol"),
        ],
        None,
    );
    let mut swept: Vec<_> = ["a", "b", "c"]
        .iter()
        .map(|id| swept_summary(&summary(id, id)))
        .collect();
    swept[0].hierarchy_group_id = Some("lif".into());
    swept[1].hierarchy_group_id = Some("sea".into());
    s.search(swept, None);
    s
}

fn sent(cmds: &[Cmd], operation: &str) -> usize {
    requests(cmds)
        .iter()
        .filter(|r| r.operation() == operation)
        .count()
}

#[test]
fn group_matches_any_level_of_the_path_without_a_record_opened() {
    let mut s = session();
    // The filter is typed before the groups arrive: their page re-runs it.
    type_filter(&mut s, "group:europe");
    assert!(ids(&s).is_empty(), "no group known yet");
    let mut first = groups();
    let rest = first.split_off(2);
    let cmds = s.groups(first, Some("t2"));
    assert_eq!(
        requests(&cmds),
        [Request::ListNames {
            kind: NameKind::HierarchyGroups,
            token: Some("t2".into())
        }],
        "the next page of the search"
    );
    s.groups(rest, None);
    assert_eq!(ids(&s), ["a"], "Europe is two levels above Team Liffey");
    let cases: &[(&str, &[&str])] = &[
        ("group:dublin", &["a"]),
        ("group:liffey", &["a"]),
        ("group:america", &["b"]),
        ("group:sea", &["b"]),
        ("!group:europe", &["b", "c"]),
        ("group:eu", &["a"]),
        ("group:", &["a", "b"]),
    ];
    for (query, expected) in cases {
        clear_filter(&mut s);
        type_filter(&mut s, query);
        assert_eq!(ids(&s), *expected, "{query}");
    }
    assert!(
        s.app.users.as_ref().unwrap().records.loaded("a").is_none(),
        "no record was opened"
    );
}

#[test]
fn a_listed_group_is_never_described_when_its_record_opens() {
    let mut s = Session::open();
    s.users(vec![summary(JANE, "Jane")], None);
    s.advance(DEBOUNCE);
    let cmds = s.user(JANE, Ok(jane()));
    assert_eq!(
        sent(&cmds, "DescribeUserHierarchyGroup"),
        0,
        "the search is still coming: it brings the path"
    );
    let cmds = s.groups(vec![billing_group()], None);
    assert_eq!(sent(&cmds, "DescribeUserHierarchyGroup"), 0, "listed");
    s.answer(Request::DescribeStructure, Ok(structure().into()));
    assert_eq!(sent(&s.advance(ms(500)), "DescribeUserHierarchyGroup"), 0);
    let routing = s
        .pane_text(PaneId::Routing)
        .join("\n")
        .replace('\u{a0}', " ");
    assert!(
        routing.contains("Region: EMEA › Site: Dublin › Team: Billing"),
        "{routing}"
    );
}

#[test]
fn a_denied_search_lists_names_instead_says_so_once_and_describes_the_records_group() {
    let mut s = Session::open();
    s.users(vec![summary(JANE, "Jane")], None);
    s.search(vec![swept(&jane())], None);
    let search = Request::ListNames {
        kind: NameKind::HierarchyGroups,
        token: None,
    };
    let denied = error(ErrorKind::AccessDenied, "SearchUserHierarchyGroups");
    let cmds = s.answer(search, Err(denied));
    assert_eq!(
        requests(&cmds),
        [Request::ListGroupNames { token: None }],
        "the names from ListUserHierarchyGroups"
    );
    let notice = s.app.visible_notice().expect("a notice").clone();
    assert!(notice.is_error);
    assert_eq!(notice.text, GROUP_SEARCH_DENIED);
    assert!(
        notice.text.contains("connect:SearchUserHierarchyGroups")
            && notice.text.contains("group: matches leaf names only")
            && !notice.text.contains('\n'),
        "{}",
        notice.text
    );

    let page_of = |next: Option<&str>| Ok(Reply::Names(page(vec![named(GROUP, "Billing")], next)));
    let cmds = s.answer(Request::ListGroupNames { token: None }, page_of(Some("l2")));
    assert_eq!(
        requests(&cmds),
        [Request::ListGroupNames {
            token: Some("l2".into())
        }]
    );
    s.advance(ERROR_NOTICE);
    assert!(s.app.visible_notice().is_none());
    let list = Request::ListGroupNames {
        token: Some("l2".into()),
    };
    assert!(requests(&s.answer(list, page_of(None))).is_empty(), "done");
    assert!(s.app.visible_notice().is_none(), "said once");

    type_filter(&mut s, "group:billing");
    assert_eq!(ids(&s), [JANE], "the leaf name matches");
    clear_filter(&mut s);
    type_filter(&mut s, "group:dublin");
    assert!(ids(&s).is_empty(), "the path is not known");
    clear_filter(&mut s);

    s.advance(DEBOUNCE);
    let cmds = s.user(JANE, Ok(jane()));
    assert_eq!(
        requests(&cmds)
            .into_iter()
            .filter(|r| matches!(r, Request::DescribeGroup { .. }))
            .collect::<Vec<_>>(),
        [Request::DescribeGroup {
            group_id: GROUP.into()
        }],
        "the record's group is described for its path"
    );
    // A filter typed before the description arrives is run again when it does.
    type_filter(&mut s, "group:dublin");
    assert!(ids(&s).is_empty());
    let describe = Request::DescribeGroup {
        group_id: GROUP.into(),
    };
    s.answer(describe, Ok(billing_group().into()));
    assert_eq!(ids(&s), [JANE], "Dublin is a level of Billing's path");
}

#[test]
fn with_search_users_denied_too_only_its_line_is_said() {
    let mut s = Session::open();
    let denied = |op| Err(error(ErrorKind::AccessDenied, op));
    s.answer(Request::SearchUsers { token: None }, denied("SearchUsers"));
    let search = Request::ListNames {
        kind: NameKind::HierarchyGroups,
        token: None,
    };
    let cmds = s.answer(search, denied("SearchUserHierarchyGroups"));
    assert_eq!(requests(&cmds), [Request::ListGroupNames { token: None }]);
    let notice = s.app.visible_notice().expect("a notice");
    assert_eq!(notice.text, crate::app::sweep::DENIED);
}
