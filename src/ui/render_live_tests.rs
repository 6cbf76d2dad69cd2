//! Render snapshots of the record's live parts: the Status pane (status, "why not", slots,
//! contacts), the Queues pane (concurrency, default outbound queue, queues, proficiencies)
//! and the permissions overlay.

use crate::app::Msg;
use crate::app::fixtures::*;
use crate::app::fixtures_live::*;

use super::render_tests::render;

/// Jane loaded with live status on, her state answered as `data`.
fn jane_live(data: crate::model::UserData) -> Session {
    let mut s = Session::jane_loaded();
    s.app.config.live_interval = Some(crate::app::DEFAULT_LIVE_INTERVAL);
    s.app.update(
        Msg::Resize {
            width: 200,
            height: 50,
        },
        s.now,
    );
    s.statuses();
    s.live(vec![JANE.to_string()], vec![data]);
    // Twelve seconds after the answer (09:20:00), on the app's clock.
    s.advance(std::time::Duration::from_secs(12));
    s
}

#[test]
fn the_record_at_200x50_shows_status_why_not_and_queues() {
    let mut s = jane_live(user_data(JANE, "Available", vec![]));
    insta::assert_snapshot!(render(&mut s.app, 200, 50).backend());
}

#[test]
fn a_user_on_a_call_shows_the_contact_and_the_full_slot() {
    let call = contact("VOICE", "CONNECTED", BILLING_QUEUE);
    let mut s = jane_live(user_data(JANE, "Available", vec![call]));
    insta::assert_snapshot!(render(&mut s.app, 200, 50).backend());
}

#[test]
fn enter_on_the_security_pane_opens_the_permissions_by_area_and_slash_filters_them() {
    use crate::app::{Action, FilterEdit, Overlay, Reply, Request};
    let mut s = Session::jane_loaded();
    for _ in 0..6 {
        s.action(Action::FocusNext);
    }
    let cmds = s.action(Action::Confirm);
    let asked = Request::ListSecurityProfilePermissions {
        security_profile_id: SECURITY.into(),
        token: None,
    };
    assert_eq!(requests(&cmds), std::slice::from_ref(&asked));
    let permissions = [
        "BasicAgentAccess",
        "ContactSearch.View",
        "Users.View",
        "Users.Edit",
        "AccessMetrics.RealTimeMetrics.Access",
    ];
    s.answer(
        asked,
        Ok(Reply::Permissions(page(
            permissions.map(String::from).to_vec(),
            None,
        ))),
    );
    insta::assert_snapshot!("permissions_overlay", render(&mut s.app, 100, 30).backend());
    s.action(Action::Filter);
    for c in "users".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    insta::assert_snapshot!(
        "permissions_overlay_filtered",
        render(&mut s.app, 100, 30).backend()
    );
    s.action(Action::Confirm);
    s.action(Action::Back);
    assert_eq!(s.app.overlay, Overlay::None);
    // Cached: opening it again sends nothing.
    assert!(requests(&s.action(Action::Confirm)).is_empty());
}
