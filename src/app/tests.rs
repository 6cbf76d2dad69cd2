//! `App::update` behaviour: messages in, state and commands out. No terminal, no network.

use super::fixtures::*;
use super::*;
use crate::clipboard::CopyOutcome;
use crate::keys::Action;
use crate::model::User;

#[test]
fn start_lists_instances_and_opens_the_only_one() {
    let now = Instant::now();
    let (mut app, cmds) = App::new(config(None), (100, 30), now);
    assert_eq!(
        requests(&cmds),
        vec![Request::ListInstances {
            generation: 1,
            token: None
        }]
    );
    assert_eq!(app.screen, Screen::Picker);
    let cmds = app.update(
        Msg::Instances {
            generation: 1,
            result: Ok(page(vec![instance(INSTANCE, "demo-contact-center")], None)),
        },
        now,
    );
    assert_eq!(app.screen, Screen::Users);
    assert_eq!(app.instance_label().as_deref(), Some("demo-contact-center"));
    let ops: Vec<&str> = requests(&cmds).iter().map(Request::operation).collect();
    assert_eq!(
        ops,
        [
            "ListUsers",
            "ListRoutingProfiles",
            "ListSecurityProfiles",
            "ListUserHierarchyGroups",
            "DescribeUserHierarchyStructure"
        ]
    );
}

#[test]
fn several_instances_wait_in_the_picker_and_enter_opens_the_selected_one() {
    let now = Instant::now();
    let (mut app, _) = App::new(config(None), (100, 30), now);
    let list = vec![instance("i-1", "one"), instance("i-2", "two")];
    app.update(
        Msg::Instances {
            generation: 1,
            result: Ok(page(list, None)),
        },
        now,
    );
    assert_eq!(app.screen, Screen::Picker);
    app.update(Msg::Action(Action::Down), now);
    let cmds = app.update(Msg::Action(Action::Confirm), now);
    assert_eq!(app.browser.as_ref().map(|b| b.instance_id.as_str()), Some("i-2"));
    assert!(requests(&cmds).iter().any(|r| matches!(r, Request::ListUsers { instance_id, .. } if instance_id == "i-2")));
}

#[test]
fn no_instances_says_how_to_check_profile_and_region() {
    let now = Instant::now();
    let (mut app, _) = App::new(config(None), (100, 30), now);
    app.update(
        Msg::Instances {
            generation: 1,
            result: Ok(page(vec![], None)),
        },
        now,
    );
    let notice = app.notice.expect("a notice");
    assert!(notice.text.contains("us-west-2") && notice.text.contains("--profile"), "{}", notice.text);
}

#[test]
fn pages_stream_in_and_the_next_page_is_requested_at_once() {
    let mut s = Session::open();
    let cmds = s.users(summaries(3), Some("t1"));
    assert!(requests(&cmds).contains(&Request::ListUsers {
        instance_id: INSTANCE.into(),
        generation: s.generation(),
        token: Some("t1".into())
    }));
    let b = s.app.browser.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 3);
    assert!(b.list.loading);
    s.users(summaries(5), None);
    let b = s.app.browser.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 5, "repeated users are not listed twice");
    assert!(!b.list.loading);
}

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
    assert_eq!(s.app.browser.as_ref().unwrap().records.deadline(), Some(s.now + DEBOUNCE));
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
    s.user("u000", Ok(User { id: Some("u000".into()), ..User::default() }));
    s.action(Action::Down);
    assert_eq!(describes(&s.advance(DEBOUNCE)), vec!["u001"]);
    s.action(Action::Up);
    assert!(describes(&s.advance(DEBOUNCE)).is_empty(), "u000 is cached");
    assert_eq!(s.app.browser.as_ref().unwrap().selected_record().and_then(|u| u.id.as_deref()), Some("u000"));
}

#[test]
fn a_late_answer_for_another_user_is_cached_but_not_shown() {
    let mut s = Session::open();
    s.users(summaries(3), None);
    s.advance(DEBOUNCE); // u000 in flight
    s.action(Action::Down); // now on u001
    s.user("u000", Ok(User { id: Some("u000".into()), username: Some("user000".into()), ..User::default() }));
    let b = s.app.browser.as_ref().unwrap();
    assert_eq!(b.selected_id(), Some("u001"));
    assert!(b.selected_record().is_none(), "u000's record must not show for u001");
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
    s.user("u000", Ok(User { id: Some("u001".into()), ..User::default() }));
    let b = s.app.browser.as_ref().unwrap();
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
    s.send(Msg::User {
        instance_id: INSTANCE.into(),
        generation: old_generation,
        user_id: "u000".into(),
        result: Ok(User { id: Some("u000".into()), ..User::default() }),
    });
    s.send(Msg::Users {
        instance_id: INSTANCE.into(),
        generation: old_generation,
        result: Ok(page(summaries(9), None)),
    });
    let b = s.app.browser.as_ref().unwrap();
    assert!(b.list.users.is_empty(), "a stale page is not listed");
    assert!(b.records.loaded("u000").is_none(), "a stale record is not cached");
}

#[test]
fn refresh_keeps_the_selected_user_and_the_filter() {
    let mut s = Session::open();
    s.users(summaries(5), None);
    s.action(Action::Down);
    s.action(Action::Down);
    let cmds = s.action(Action::Refresh);
    assert!(requests(&cmds).iter().any(|r| r.operation() == "ListUsers"));
    s.users(summaries(5), None);
    assert_eq!(s.app.browser.as_ref().unwrap().selected_id(), Some("u002"));
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
    s.names(NameKind::RoutingProfiles, vec![named(ROUTING, "Basic Routing Profile")]);
    assert!(s.pane_text(PaneId::Routing)[0].contains("Basic Routing Profile"));
}

#[test]
fn a_denied_name_listing_says_so_and_the_rest_works() {
    let mut s = Session::open();
    s.users(vec![summary(JANE, "Jane")], None);
    s.advance(DEBOUNCE);
    s.user(JANE, Ok(jane()));
    let generation = s.generation();
    s.send(Msg::Names {
        instance_id: INSTANCE.into(),
        generation,
        kind: NameKind::SecurityProfiles,
        result: Err(error(crate::connect::ErrorKind::AccessDenied, "ListSecurityProfiles")),
    });
    let security = s.pane_text(PaneId::Security).join("\n");
    assert!(security.contains("access denied to ListSecurityProfiles"), "{security}");
    assert!(security.contains(SECURITY));
    assert!(s.pane_text(PaneId::Identity)[0].contains("Jane"));
}

#[test]
fn the_hierarchy_path_is_described_once_and_shown_with_level_names() {
    let mut s = Session::open();
    s.users(vec![summary(JANE, "Jane")], None);
    s.advance(DEBOUNCE);
    let cmds = s.user(JANE, Ok(jane()));
    let groups: Vec<Request> = requests(&cmds)
        .into_iter()
        .filter(|r| r.operation() == "DescribeUserHierarchyGroup")
        .collect();
    assert_eq!(groups.len(), 1);
    assert!(requests(&s.advance(ms(10))).is_empty(), "asked once");
    let s = Session::jane_loaded();
    let routing = s.pane_text(PaneId::Routing).join("\n");
    assert!(routing.contains("Region: EMEA › Site: Dublin › Team: Billing"), "{routing}");
}

#[test]
fn filter_ranks_exact_then_prefix_then_fuzzy_and_counts() {
    let mut s = Session::open();
    s.users(
        vec![
            summary("a", "xjxaxnxe"),
            summary("b", "janet"),
            summary("c", "jane"),
            summary("d", "mary-jane"),
            summary("e", "bob"),
        ],
        None,
    );
    s.action(Action::Filter);
    assert_eq!(s.app.mode(), crate::keys::Mode::Filter);
    for c in "jane".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    let b = s.app.browser.as_ref().unwrap();
    assert_eq!(b.view_len(), 4);
    let order: Vec<&str> = (0..4).filter_map(|r| b.user_at(r)?.username.as_deref()).collect();
    assert_eq!(order, ["jane", "janet", "mary-jane", "xjxaxnxe"]);
    assert_eq!(b.selected_id(), Some("c"), "the best match is selected");
    s.action(Action::Confirm);
    assert_eq!(s.app.mode(), crate::keys::Mode::Users);
    s.action(Action::Back);
    assert_eq!(s.app.browser.as_ref().unwrap().view_len(), 5);
}

#[test]
fn filter_searches_names_of_described_users() {
    let mut s = Session::open();
    s.users(vec![summary("x", "agent7"), summary(JANE, "jd01")], None);
    s.action(Action::Down);
    s.advance(DEBOUNCE);
    let mut record = jane();
    record.username = Some("jd01".into());
    s.user(JANE, Ok(record));
    s.action(Action::Filter);
    for c in "doe".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    let b = s.app.browser.as_ref().unwrap();
    assert_eq!(b.view_len(), 1);
    assert_eq!(b.selected_id(), Some(JANE));
}

#[test]
fn a_failed_describe_shows_in_the_pane_and_r_retries() {
    let mut s = Session::open();
    s.users(summaries(2), None);
    s.advance(DEBOUNCE);
    s.user("u000", Err(error(crate::connect::ErrorKind::Service, "DescribeUser")));
    let text = s.pane_text(PaneId::Identity).join("\n");
    assert!(text.contains("simulated failure") && text.contains("to retry"), "{text}");
    assert!(describes(&s.advance(DEBOUNCE)).is_empty(), "failures are not retried by themselves");
    assert_eq!(describes(&s.action(Action::Retry)), vec!["u000"]);
    assert!(s.pane_text(PaneId::Identity)[0].contains("Loading"));
}

#[test]
fn a_failed_page_keeps_the_users_and_retry_resumes_from_it() {
    let mut s = Session::open();
    s.users(summaries(2), Some("t1"));
    let generation = s.generation();
    s.send(Msg::Users {
        instance_id: INSTANCE.into(),
        generation,
        result: Err(error(crate::connect::ErrorKind::Timeout, "ListUsers")),
    });
    let b = s.app.browser.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 2);
    assert!(b.list.error.is_some());
    let cmds = s.action(Action::Retry);
    assert!(requests(&cmds).contains(&Request::ListUsers {
        instance_id: INSTANCE.into(),
        generation,
        token: Some("t1".into())
    }));
}

#[test]
fn copy_keys_produce_the_right_text() {
    let mut s = Session::jane_loaded();
    let arn = summary(JANE, "Jane").arn.unwrap();
    assert_eq!(
        s.action(Action::CopyUserId),
        vec![Cmd::Copy { what: "user ID".into(), text: JANE.into() }]
    );
    assert_eq!(s.action(Action::CopyArn), vec![Cmd::Copy { what: "user ARN".into(), text: arn }]);
    s.action(Action::CopyMenu);
    assert_eq!(s.app.mode(), crate::keys::Mode::CopyMenu);
    let json = serde_json::to_string_pretty(&jane()).unwrap();
    assert_eq!(
        s.action(Action::Copy(CopyItem::Json)),
        vec![Cmd::Copy { what: "DescribeUser JSON".into(), text: json }]
    );
    assert_eq!(s.app.overlay, Overlay::None);
    s.action(Action::CopyMenu);
    assert_eq!(
        s.action(Action::Copy(CopyItem::CliCommand)),
        vec![Cmd::Copy {
            what: "describe-user command".into(),
            text: format!(
                "aws connect describe-user --instance-id {INSTANCE} --user-id {JANE} --region us-west-2 --profile demo"
            )
        }]
    );
    s.action(Action::CopyMenu);
    s.action(Action::Down);
    s.action(Action::Down);
    s.action(Action::Down);
    assert_eq!(
        s.action(Action::Confirm),
        vec![Cmd::Copy { what: "email".into(), text: "jane.doe@example.com".into() }]
    );
    s.action(Action::CopyMenu);
    assert_eq!(
        s.action(Action::Copy(CopyItem::SecurityProfileIds)),
        vec![Cmd::Copy { what: "security profile IDs".into(), text: SECURITY.into() }]
    );
}

#[test]
fn copying_what_has_not_loaded_says_why() {
    let mut s = Session::open();
    s.users(summaries(1), None);
    s.action(Action::CopyMenu);
    assert!(s.action(Action::Copy(CopyItem::Email)).is_empty());
    let notice = s.app.notice.clone().unwrap();
    assert!(notice.is_error && notice.text.contains("not loaded yet"), "{}", notice.text);
}

#[test]
fn the_status_line_says_how_the_copy_went() {
    let mut s = Session::open();
    s.send(Msg::Copied {
        what: "user ID".into(),
        outcome: CopyOutcome::Osc52 { tmux: false, why: None },
    });
    assert_eq!(s.app.notice.clone().unwrap().text, "Copied user ID (OSC 52)");
    s.send(Msg::Copied {
        what: "user ID".into(),
        outcome: CopyOutcome::Failed("no display".into()),
    });
    assert!(s.app.notice.clone().unwrap().is_error);
}

#[test]
fn throttling_shows_a_notice_that_expires() {
    let mut s = Session::open();
    s.users(summaries(1), None);
    s.advance(DEBOUNCE);
    s.user("u000", Err(error(crate::connect::ErrorKind::Throttled, "DescribeUser")));
    assert!(s.app.is_throttled());
    s.advance(THROTTLE_NOTICE);
    assert!(!s.app.is_throttled());
}

#[test]
fn requests_in_flight_are_counted() {
    let mut s = Session::open();
    // ListInstances, ListUsers, three name listings and the structure.
    assert_eq!(s.app.in_flight, 6);
    s.users(summaries(1), None);
    assert_eq!(s.app.in_flight, 5);
    s.advance(DEBOUNCE);
    assert_eq!(s.app.in_flight, 6);
}

#[test]
fn idle_means_no_wakeups() {
    let mut s = Session::jane_loaded();
    let generation = s.generation();
    s.send(Msg::Users { instance_id: INSTANCE.into(), generation, result: Ok(page(vec![], None)) });
    assert!(!s.app.is_loading());
    assert_eq!(s.app.next_wakeup(), None);
}

#[test]
fn loading_animates_the_spinner() {
    let s = Session::open();
    assert_eq!(s.app.next_wakeup(), Some(s.now + SPINNER_FRAME));
}

#[test]
fn tab_cycles_focus_through_the_panes_and_back() {
    let mut s = Session::jane_loaded();
    let mut seen = Vec::new();
    for _ in 0..7 {
        s.action(Action::FocusNext);
        seen.push(s.app.browser.as_ref().unwrap().focus);
    }
    assert_eq!(seen[0], Focus::Pane(PaneId::Identity));
    assert_eq!(seen[5], Focus::Pane(PaneId::Record));
    assert_eq!(seen[6], Focus::List);
    s.action(Action::FocusPrev);
    assert_eq!(s.app.browser.as_ref().unwrap().focus, Focus::Pane(PaneId::Record));
}

#[test]
fn paging_and_jumps_move_the_selection() {
    let mut s = Session::open();
    s.users(summaries(100), None);
    s.action(Action::Bottom);
    assert_eq!(s.app.browser.as_ref().unwrap().cursor.selected, 99);
    s.action(Action::Top);
    s.action(Action::PageDown);
    let rows = s.app.list_rows();
    assert_eq!(s.app.browser.as_ref().unwrap().cursor.selected, rows);
}

#[test]
fn clicking_a_row_selects_it_and_the_wheel_scrolls() {
    let mut s = Session::open();
    s.users(summaries(50), None);
    // 100×30: list block at x 0..40, first row at y 1.
    s.send(Msg::Click { column: 3, row: 4 });
    assert_eq!(s.app.browser.as_ref().unwrap().cursor.selected, 3);
    s.send(Msg::Wheel { column: 3, row: 4, down: true });
    assert_eq!(s.app.browser.as_ref().unwrap().cursor.selected, 6);
}

#[test]
fn i_goes_back_to_the_picker_and_q_quits() {
    let mut s = Session::open();
    s.action(Action::InstancePicker);
    assert_eq!(s.app.screen, Screen::Picker);
    assert_eq!(s.action(Action::Quit), vec![Cmd::Quit]);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut s = Session::open();
    s.action(Action::Help);
    assert_eq!(s.app.mode(), crate::keys::Mode::Help);
    s.action(Action::Back);
    assert_eq!(s.app.overlay, Overlay::None);
}
