//! `:profile` / `:region`: the switch is asked of the worker, the old client stays in use
//! until the new one is ready, then the picker reopens; a failure changes nothing; an older
//! switch answered late is ignored; the demo refuses.

use crate::app::fixtures::*;
use crate::app::{Cmd, Connection, Msg, Screen};
use crate::connect::{ApiError, ErrorKind};

fn connect_cmd(cmds: &[Cmd]) -> Option<(Option<String>, Option<String>, u64)> {
    cmds.iter().find_map(|c| match c {
        Cmd::Connect {
            profile,
            region,
            generation,
        } => Some((profile.clone(), region.clone(), *generation)),
        _ => None,
    })
}

fn lists_instances(cmds: &[Cmd]) -> bool {
    cmds.iter().any(|c| {
        matches!(c, Cmd::Request(call) if matches!(call.request, crate::app::Request::ListInstances { .. }))
    })
}

#[test]
fn a_new_profile_is_used_once_ready_and_the_picker_reopens() {
    let mut s = Session::open();
    let mut cmds = Vec::new();
    s.app.connect(Some("emea".into()), None, &mut cmds);
    let (profile, region, generation) = connect_cmd(&cmds).expect("a Connect command");
    assert_eq!((profile.as_deref(), region), (Some("emea"), None));
    // Until it is ready, the open instance stays.
    assert_eq!(s.app.screen, Screen::Users);
    let cmds = s.send(Msg::Connected {
        generation,
        result: Ok(Connection {
            profile: Some("emea".into()),
            region: "eu-west-2".into(),
        }),
    });
    assert_eq!(s.app.screen, Screen::Picker);
    assert!(s.app.users.is_none(), "the old instance is closed");
    assert_eq!(s.app.profile_label(), "emea");
    assert_eq!(s.app.config.region, "eu-west-2");
    assert!(lists_instances(&cmds));
    let notice = s.app.notice.as_ref().expect("a notice");
    assert_eq!(notice.text, "Now using profile emea in eu-west-2");
}

#[test]
fn a_failed_switch_keeps_everything_and_says_why() {
    let mut s = Session::open();
    let mut cmds = Vec::new();
    s.app.connect(None, Some("xx-nowhere-1".into()), &mut cmds);
    let (_, _, generation) = connect_cmd(&cmds).expect("Connect");
    let error = ApiError::new(ErrorKind::Config, "", "invalid region");
    let cmds = s.send(Msg::Connected {
        generation,
        result: Err(error),
    });
    assert!(cmds.is_empty());
    assert_eq!(s.app.screen, Screen::Users);
    assert_eq!(s.app.config.region, "us-west-2");
    let notice = s.app.notice.as_ref().expect("a notice");
    assert!(
        notice
            .text
            .starts_with("Still using the previous settings: "),
        "{}",
        notice.text
    );
}

#[test]
fn only_the_latest_switch_applies() {
    let mut s = Session::open();
    let mut cmds = Vec::new();
    s.app.connect(Some("first".into()), None, &mut cmds);
    let (_, _, first) = connect_cmd(&cmds).expect("Connect");
    let mut cmds = Vec::new();
    s.app.connect(Some("second".into()), None, &mut cmds);
    let (_, _, second) = connect_cmd(&cmds).expect("Connect");
    let ready = |profile: &str, generation| Msg::Connected {
        generation,
        result: Ok(Connection {
            profile: Some(profile.into()),
            region: "us-east-1".into(),
        }),
    };
    assert!(
        s.send(ready("first", first)).is_empty(),
        "a superseded switch is ignored"
    );
    assert_eq!(s.app.screen, Screen::Users);
    s.send(ready("second", second));
    assert_eq!(s.app.profile_label(), "second");
}

#[test]
fn region_all_lists_every_region_with_the_same_client() {
    let mut s = Session::open();
    let mut cmds = Vec::new();
    s.app.list_all_regions(&mut cmds);
    assert!(connect_cmd(&cmds).is_none());
    let listed = cmds
        .iter()
        .filter(|c| matches!(c, Cmd::Request(call) if call.scope.region.is_some()))
        .count();
    assert_eq!(listed, crate::connect::CONNECT_REGIONS.len());
    assert_eq!(s.app.region_label(), "all regions");
}

#[test]
fn the_demo_has_no_profiles_to_switch_to() {
    let now = std::time::Instant::now();
    let config = crate::app::AppConfig {
        demo: true,
        ..config(Some(INSTANCE))
    };
    let (mut app, _) = crate::app::App::new(config, (100, 30), now);
    let mut cmds = Vec::new();
    app.connect(Some("prod".into()), None, &mut cmds);
    assert!(cmds.is_empty());
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("without --demo"))
    );
}
