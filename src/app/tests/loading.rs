//! Start, the instance picker, streamed pages, requests in flight, throttling and idleness.

use super::super::fixtures::*;
use super::super::*;
use crate::app::Action;

#[test]
fn start_lists_instances_and_opens_the_only_one() {
    let now = Instant::now();
    let (mut app, cmds) = App::new(config(None), (100, 30), now);
    assert_eq!(
        calls(&cmds),
        vec![Call {
            scope: Scope::picker(1),
            request: Request::ListInstances { token: None }
        }]
    );
    assert_eq!(app.screen, Screen::Picker);
    let cmds = app.update(
        instances_answer(page(vec![instance(INSTANCE, "demo-contact-center")], None)),
        now,
    );
    assert_eq!(app.screen, Screen::Users);
    assert_eq!(app.instance_label().as_deref(), Some("demo-contact-center"));
    let ops: Vec<&str> = requests(&cmds).iter().map(Request::operation).collect();
    assert_eq!(
        ops,
        [
            "ListUsers",
            "SearchUsers",
            "ListRoutingProfiles",
            "ListSecurityProfiles",
            "SearchUserHierarchyGroups",
            "ListQueues",
            "DescribeUserHierarchyStructure"
        ]
    );
}

#[test]
fn several_instances_wait_in_the_picker_and_enter_opens_the_selected_one() {
    let now = Instant::now();
    let (mut app, _) = App::new(config(None), (100, 30), now);
    let list = vec![instance("i-1", "one"), instance("i-2", "two")];
    app.update(instances_answer(page(list, None)), now);
    assert_eq!(app.screen, Screen::Picker);
    app.update(Msg::Action(Action::Down), now);
    let cmds = app.update(Msg::Action(Action::Confirm), now);
    assert_eq!(
        app.users.as_ref().map(|b| b.instance_id.as_str()),
        Some("i-2")
    );
    assert!(
        calls(&cmds)
            .iter()
            .any(|c| matches!(c.request, Request::ListUsers { .. })
                && c.scope.instance_id.as_deref() == Some("i-2"))
    );
}

#[test]
fn no_instances_says_how_to_check_profile_and_region() {
    let now = Instant::now();
    let (mut app, _) = App::new(config(None), (100, 30), now);
    app.update(instances_answer(page(vec![], None)), now);
    let notice = app.notice.expect("a notice");
    assert!(
        notice.text.contains("us-west-2") && notice.text.contains("--profile"),
        "{}",
        notice.text
    );
}

#[test]
fn pages_stream_in_and_the_next_page_is_requested_at_once() {
    let mut s = Session::open();
    let cmds = s.users(summaries(3), Some("t1"));
    assert!(calls(&cmds).contains(&Call {
        scope: s.scope(),
        request: Request::ListUsers {
            token: Some("t1".into())
        }
    }));
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 3);
    assert!(b.list.loading);
    s.users(summaries(5), None);
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 5, "repeated users are not listed twice");
    assert!(!b.list.loading);
}

#[test]
fn a_failed_page_keeps_the_users_and_retry_resumes_from_it() {
    let mut s = Session::open();
    s.users(summaries(2), Some("t1"));
    let scope = s.scope();
    s.answer(
        Request::ListUsers {
            token: Some("t1".into()),
        },
        Err(error(crate::connect::ErrorKind::Timeout, "ListUsers")),
    );
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.list.users.len(), 2);
    assert!(b.list.error.is_some());
    let cmds = s.action(Action::Retry);
    assert!(calls(&cmds).contains(&Call {
        scope,
        request: Request::ListUsers {
            token: Some("t1".into())
        }
    }));
}

#[test]
fn throttling_shows_a_notice_that_expires() {
    let mut s = Session::open();
    s.users(summaries(1), None);
    s.advance(DEBOUNCE);
    s.user(
        "u000",
        Err(error(crate::connect::ErrorKind::Throttled, "DescribeUser")),
    );
    assert!(s.app.is_throttled());
    s.advance(THROTTLE_NOTICE);
    assert!(!s.app.is_throttled());
}

#[test]
fn throttling_hidden_by_retries_still_shows_and_wakes_the_loop_to_clear_it() {
    let mut s = Session::open();
    let in_flight = s.app.in_flight;
    s.send(Msg::Throttled { total: 3 });
    assert!(s.app.is_throttled());
    assert_eq!(s.app.throttled_total, 3);
    assert_eq!(s.app.in_flight, in_flight, "not an answer to a request");
    assert!(
        s.app
            .next_wakeup()
            .is_some_and(|t| t <= s.app.now + THROTTLE_NOTICE),
        "the loop must wake up to take the notice down"
    );
    s.advance(THROTTLE_NOTICE);
    assert!(!s.app.is_throttled());
}

#[test]
fn status_messages_expire_and_the_loop_wakes_up_to_clear_them() {
    let mut s = Session::open();
    s.action(Action::Refresh);
    assert!(s.app.visible_notice().is_some());
    let until = s.app.visible_notice().map(|n| n.until);
    assert!(s.app.next_wakeup() <= until);
    s.advance(NOTICE);
    assert!(s.app.visible_notice().is_none(), "a stale message stays");
}

#[test]
fn requests_in_flight_are_counted() {
    let mut s = Session::open();
    // ListInstances, ListUsers, SearchUsers, four name listings and the structure.
    assert_eq!(s.app.in_flight, 8);
    s.users(summaries(1), None);
    assert_eq!(s.app.in_flight, 7);
    s.advance(DEBOUNCE);
    assert_eq!(s.app.in_flight, 8);
}

#[test]
fn idle_means_no_wakeups() {
    let mut s = Session::jane_loaded();
    s.users(vec![], None);
    assert!(!s.app.is_loading());
    assert_eq!(s.app.next_wakeup(), None);
}

#[test]
fn loading_animates_the_spinner() {
    let s = Session::open();
    assert_eq!(s.app.next_wakeup(), Some(s.now + SPINNER_FRAME));
}
