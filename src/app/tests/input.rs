//! Focus, paging, mouse, screens and overlays.

use super::super::fixtures::*;
use super::super::*;
use crate::app::Action;

#[test]
fn tab_cycles_focus_through_the_panes_and_back() {
    let mut s = Session::jane_loaded();
    let mut seen = Vec::new();
    for _ in 0..9 {
        s.action(Action::FocusNext);
        seen.push(s.app.users.as_ref().unwrap().focus);
    }
    assert_eq!(seen[0], Focus::Pane(PaneId::Status));
    assert_eq!(seen[1], Focus::Pane(PaneId::Identity));
    assert_eq!(seen[7], Focus::Pane(PaneId::Record));
    assert_eq!(seen[8], Focus::List);
    s.action(Action::FocusPrev);
    assert_eq!(
        s.app.users.as_ref().unwrap().focus,
        Focus::Pane(PaneId::Record)
    );
}

#[test]
fn paging_and_jumps_move_the_selection() {
    let mut s = Session::open();
    s.users(summaries(100), None);
    s.action(Action::Bottom);
    assert_eq!(s.app.users.as_ref().unwrap().cursor.selected, 99);
    s.action(Action::Top);
    s.action(Action::PageDown);
    let rows = s.app.list_rows();
    assert_eq!(s.app.users.as_ref().unwrap().cursor.selected, rows);
}

#[test]
fn clicking_a_row_selects_it_and_the_wheel_scrolls() {
    let mut s = Session::open();
    s.users(summaries(50), None);
    // 100×30: list block at x 0..40, the header at y 1, the first row at y 2.
    s.send(Msg::Click { column: 3, row: 5 });
    assert_eq!(s.app.users.as_ref().unwrap().cursor.selected, 3);
    s.send(Msg::Wheel {
        column: 3,
        row: 5,
        down: true,
    });
    assert_eq!(s.app.users.as_ref().unwrap().cursor.selected, 6);
}

#[test]
fn i_goes_back_to_the_picker_and_q_quits() {
    let mut s = Session::open();
    s.action(Action::InstancePicker);
    assert_eq!(s.app.screen, Screen::Picker);
    assert_eq!(s.action(Action::Quit), vec![Cmd::Quit]);
}

#[test]
fn y_in_the_picker_copies_the_selected_instance_id() {
    let mut s = Session::open();
    s.send(instances_answer(page(
        vec![instance(INSTANCE, "demo-contact-center")],
        None,
    )));
    s.action(Action::InstancePicker);
    assert_eq!(
        s.action(Action::CopyInstanceId),
        vec![Cmd::Copy {
            what: "instance ID".into(),
            text: INSTANCE.into()
        }]
    );
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut s = Session::open();
    s.action(Action::Help);
    assert_eq!(s.app.mode(), crate::app::Mode::Help);
    s.action(Action::Back);
    assert_eq!(s.app.overlay, Overlay::None);
}
