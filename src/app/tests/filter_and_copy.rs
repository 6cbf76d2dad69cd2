//! The fuzzy filter (ranking, counts) and what each copy key copies.

use super::super::fixtures::*;
use super::super::*;
use crate::app::Action;
use crate::clipboard::CopyOutcome;

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
    assert_eq!(s.app.mode(), crate::app::Mode::Filter);
    for c in "jane".chars() {
        s.send(Msg::FilterEdit(FilterEdit::Insert(c)));
    }
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.view_len(), 4);
    let order: Vec<String> = (0..4).filter_map(|r| b.user_at(r)?.username).collect();
    assert_eq!(order, ["jane", "janet", "mary-jane", "xjxaxnxe"]);
    assert_eq!(b.selected_id(), Some("c"), "the best match is selected");
    s.action(Action::Confirm);
    assert_eq!(s.app.mode(), crate::app::Mode::Users);
    s.action(Action::Back);
    assert_eq!(s.app.users.as_ref().unwrap().view_len(), 5);
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
    let b = s.app.users.as_ref().unwrap();
    assert_eq!(b.view_len(), 1);
    assert_eq!(b.selected_id(), Some(JANE));
}

#[test]
fn copy_keys_produce_the_right_text() {
    let mut s = Session::jane_loaded();
    let arn = summary(JANE, "Jane").arn.unwrap();
    assert_eq!(
        s.action(Action::CopyUserId),
        vec![Cmd::Copy {
            what: "user ID".into(),
            text: JANE.into()
        }]
    );
    assert_eq!(
        s.action(Action::CopyArn),
        vec![Cmd::Copy {
            what: "user ARN".into(),
            text: arn
        }]
    );
    s.action(Action::CopyMenu);
    assert_eq!(s.app.mode(), crate::app::Mode::CopyMenu);
    let json = serde_json::to_string_pretty(&jane()).unwrap();
    assert_eq!(
        s.action(Action::Copy(CopyItem::Json)),
        vec![Cmd::Copy {
            what: "DescribeUser JSON".into(),
            text: json
        }]
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
        vec![Cmd::Copy {
            what: "email".into(),
            text: "jane.doe@example.com".into()
        }]
    );
    s.action(Action::CopyMenu);
    assert_eq!(
        s.action(Action::Copy(CopyItem::SecurityProfileIds)),
        vec![Cmd::Copy {
            what: "security profile IDs".into(),
            text: SECURITY.into()
        }]
    );
}

#[test]
fn copying_what_has_not_loaded_says_why() {
    let mut s = Session::open();
    s.users(summaries(1), None);
    s.action(Action::CopyMenu);
    assert!(s.action(Action::Copy(CopyItem::Email)).is_empty());
    let notice = s.app.notice.clone().unwrap();
    assert!(
        notice.is_error && notice.text.contains("not loaded yet"),
        "{}",
        notice.text
    );
}

#[test]
fn the_status_line_says_how_the_copy_went() {
    let mut s = Session::open();
    s.send(Msg::Copied {
        what: "user ID".into(),
        outcome: CopyOutcome::Osc52 {
            tmux: false,
            why: None,
        },
    });
    assert_eq!(
        s.app.notice.clone().unwrap().text,
        "Sent user ID to the terminal with OSC 52"
    );
    s.send(Msg::Copied {
        what: "user ID".into(),
        outcome: CopyOutcome::Failed("no display".into()),
    });
    assert!(s.app.notice.clone().unwrap().is_error);
}
