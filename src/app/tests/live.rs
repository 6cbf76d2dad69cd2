//! Live status: the refresh schedule on an injected clock — when GetCurrentUserData is sent,
//! for whom, pausing on focus loss and off the users screen, back-off after throttling and
//! stale marking.

use std::time::Duration;

use super::super::fixtures::*;
use super::super::fixtures_live::*;
use super::super::*;
use crate::connect::{ApiError, ErrorKind};

const TEN: Duration = Duration::from_secs(10);

/// Jane's screen (31 users, 100×30) with live status every 10 s; the statuses listed.
fn live_session() -> Session {
    let mut s = Session::jane_loaded();
    s.app.config.live_interval = Some(TEN);
    s
}

/// The agent lists of the GetCurrentUserData requests among `cmds`.
fn live_requests(cmds: &[Cmd]) -> Vec<Vec<String>> {
    requests(cmds)
        .into_iter()
        .filter_map(|r| match r {
            Request::GetCurrentUserData { user_ids } => Some(user_ids),
            _ => None,
        })
        .collect()
}

fn throttled() -> ApiError {
    ApiError::new(ErrorKind::Throttled, "GetCurrentUserData", "Rate exceeded")
}

fn fail(s: &mut Session, ids: Vec<String>, error: ApiError) {
    s.answer(Request::GetCurrentUserData { user_ids: ids }, Err(error));
}

#[test]
fn the_rows_on_screen_are_refreshed_once_per_interval() {
    let mut s = live_session();
    let cmds = s.advance(ms(1));
    assert!(requests(&cmds).contains(&Request::ListAgentStatuses { token: None }));
    let sent = live_requests(&cmds);
    assert_eq!(sent.len(), 1, "one request for the rows on screen");
    let visible = s.app.visible_user_ids();
    assert_eq!(sent[0], visible);
    assert!(visible.contains(&JANE.to_string()) && visible.len() <= 100);
    assert_eq!(
        s.app.next_wakeup(),
        None,
        "nothing to wake for while in flight"
    );
    s.live(sent[0].clone(), vec![user_data(JANE, "Available", vec![])]);
    assert_eq!(
        s.app
            .users
            .as_ref()
            .unwrap()
            .live
            .status_label(JANE)
            .as_deref(),
        Some("Available")
    );
    assert_eq!(
        s.app
            .users
            .as_ref()
            .unwrap()
            .live
            .status_label("u000")
            .as_deref(),
        Some("Logged out"),
        "asked for and absent from the answer"
    );
    assert!(
        live_requests(&s.advance(TEN - ms(1))).is_empty(),
        "not before the interval"
    );
    assert_eq!(
        live_requests(&s.advance(ms(1))).len(),
        1,
        "due one interval after the last"
    );
}

#[test]
fn more_than_100_rows_on_screen_take_one_request_per_100() {
    let mut s = Session::open();
    s.app.config.live_interval = Some(TEN);
    s.send(Msg::Resize {
        width: 100,
        height: 160,
    });
    let cmds = s.users(summaries(300), None);
    let sent = live_requests(&cmds);
    let visible = s.app.visible_user_ids().len();
    assert!(visible > 100, "{visible} rows on screen");
    assert_eq!(sent.len(), visible.div_ceil(100));
    assert!(sent.iter().all(|ids| ids.len() <= 100));
}

#[test]
fn nothing_is_sent_while_the_terminal_has_lost_focus() {
    let mut s = live_session();
    s.send(Msg::Focus(false));
    assert!(live_requests(&s.advance(TEN * 3)).is_empty());
    assert_eq!(s.app.next_wakeup(), None, "no timer while paused");
    let cmds = s.send(Msg::Focus(true));
    assert_eq!(
        live_requests(&cmds).len(),
        1,
        "refreshed as soon as focus returns"
    );
}

#[test]
fn nothing_is_sent_off_the_users_screen_or_when_off() {
    let mut s = live_session();
    s.action(Action::InstancePicker);
    assert!(live_requests(&s.advance(TEN * 3)).is_empty());
    let mut off = Session::jane_loaded();
    assert!(
        live_requests(&off.advance(TEN * 3)).is_empty(),
        "--live-interval 0"
    );
    assert!(requests(&off.advance(TEN)).is_empty());
}

#[test]
fn throttling_doubles_the_interval_up_to_a_minute_and_success_resets_it() {
    let mut s = live_session();
    let mut ids = live_requests(&s.advance(ms(1))).remove(0);
    let mut waits = Vec::new();
    for _ in 0..4 {
        let t0 = s.now;
        fail(&mut s, ids.clone(), throttled());
        let due = s
            .app
            .users
            .as_ref()
            .unwrap()
            .live
            .next_refresh()
            .expect("a next refresh");
        waits.push(due - t0);
        s.now = due;
        ids = live_requests(&s.send(Msg::Tick)).remove(0);
    }
    assert_eq!(
        waits,
        [20, 40, 60, 60].map(Duration::from_secs),
        "doubling from 10 s, at most 60 s"
    );
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.live.backoff, Some(MAX_BACKOFF), "the status line says so");
    s.live(ids, vec![]);
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.live.backoff, None);
    assert!(b.live.stale.is_none());
    let sent_at = s.now;
    let next = s.app.users.as_ref().unwrap().live.next_refresh();
    assert_eq!(
        next,
        Some(sent_at + MAX_BACKOFF),
        "this cycle was sent while backing off"
    );
    s.now = sent_at + MAX_BACKOFF;
    let ids = live_requests(&s.send(Msg::Tick)).remove(0);
    s.live(ids, vec![]);
    let next = s.app.users.as_ref().unwrap().live.next_refresh();
    assert_eq!(next, Some(s.now + TEN), "back to the interval");
}

#[test]
fn a_failed_refresh_marks_the_state_stale_until_one_succeeds() {
    let mut s = live_session();
    let ids = live_requests(&s.advance(ms(1))).remove(0);
    s.live(ids, vec![user_data(JANE, "Available", vec![])]);
    let ids = live_requests(&s.advance(TEN)).remove(0);
    fail(
        &mut s,
        ids,
        ApiError::new(ErrorKind::Service, "GetCurrentUserData", "boom"),
    );
    let b = s.app.users.as_ref().unwrap();
    assert!(b.live.stale.is_some());
    assert_eq!(
        b.live.status_label(JANE).as_deref(),
        Some("Available"),
        "the last known state stays"
    );
    assert_eq!(b.live.backoff, None, "only throttling backs off");
    let ids = live_requests(&s.advance(TEN)).remove(0);
    s.live(ids, vec![]);
    assert!(s.app.users.as_ref().unwrap().live.stale.is_none());
}

#[test]
fn a_newly_selected_user_not_yet_known_is_asked_for_once_per_interval() {
    let mut s = Session::open();
    s.app.config.live_interval = Some(TEN);
    let first = live_requests(&s.users(summaries(200), None)).remove(0);
    s.live(first.clone(), vec![]);
    // Jump below the rows on screen: the new user is asked for alone, once.
    s.action(Action::Bottom);
    let cmds = s.advance(DEBOUNCE);
    let extra = live_requests(&s.user(
        "u199",
        Ok(crate::model::User {
            id: Some("u199".into()),
            ..crate::model::User::default()
        }),
    ));
    assert!(
        live_requests(&cmds).is_empty(),
        "not before the record rests"
    );
    assert_eq!(extra, [vec!["u199".to_string()]]);
    s.live(extra[0].clone(), vec![]);
    // Another unknown user within the same interval waits for the next cycle.
    s.action(Action::Top);
    s.action(Action::Bottom);
    s.action(Action::Up);
    s.advance(DEBOUNCE);
    let cmds = s.user(
        "u198",
        Ok(crate::model::User {
            id: Some("u198".into()),
            ..crate::model::User::default()
        }),
    );
    assert!(
        live_requests(&cmds).is_empty(),
        "one such request per interval"
    );
}

#[test]
fn r_retries_a_failed_list_of_agent_statuses_from_where_it_stopped() {
    let mut s = live_session();
    s.advance(ms(1));
    let denied = ApiError::new(ErrorKind::Throttled, "ListAgentStatuses", "Rate exceeded");
    s.answer(Request::ListAgentStatuses { token: None }, Err(denied));
    let cmds = s.action(Action::Retry);
    assert_eq!(
        requests(&cmds)
            .into_iter()
            .filter(|r| matches!(r, Request::ListAgentStatuses { .. }))
            .collect::<Vec<_>>(),
        [Request::ListAgentStatuses { token: None }]
    );
    // Nothing failed any more: R sends no second one.
    let again = s.action(Action::Retry);
    assert!(
        !requests(&again)
            .iter()
            .any(|r| matches!(r, Request::ListAgentStatuses { .. }))
    );
}
