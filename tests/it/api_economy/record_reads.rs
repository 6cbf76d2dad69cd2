//! The record's extra reads are cached: opening many users sends DescribeRoutingProfile and
//! ListRoutingProfileQueues once per routing profile, ListUserProficiencies once per user,
//! and ListSecurityProfilePermissions once per security profile, however often reopened; no
//! DescribeUserHierarchyGroup for a group the groups' search listed.

use std::collections::BTreeSet;

use connect_tui::app::{Action, Msg, PaneId, PathState};

use super::{LIMIT, loaded_browser, requests};

#[tokio::test]
async fn routing_reads_go_once_per_profile_and_proficiencies_once_per_user() {
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let (_server, mut browser) = loaded_browser(log.path()).await;
    let mut users = BTreeSet::new();
    let mut profiles = BTreeSet::new();
    let mut groups = BTreeSet::new();
    // Rest on twelve users in turn, then go back over them to the first: the way back is
    // all cached, and every user opened (the first included) is in `users`.
    for step in 0..24 {
        let action = if step < 12 { Action::Down } else { Action::Up };
        browser.update(Msg::Action(action));
        browser.run_until_idle(LIMIT).await;
        let b = browser.app().users.as_ref().expect("instance open");
        let record = b.selected_record().expect("described");
        users.insert(record.id.clone().expect("id"));
        if let Some(p) = record.routing_profile_id.clone() {
            profiles.insert(p);
        }
        if let Some(g) = record.hierarchy_group_id.clone() {
            assert!(
                matches!(b.names.path(&g), PathState::Known(levels) if !levels.is_empty()),
                "{g}: the path is shown"
            );
            groups.insert(g);
        }
    }
    let counts = requests(log.path());
    let count = |op: &str| counts.get(op).copied().unwrap_or(0);
    assert!(
        profiles.len() > 1,
        "several profiles among the users opened: {profiles:?}"
    );
    assert_eq!(count("DescribeUser"), users.len(), "{counts:?}");
    assert_eq!(
        count("DescribeRoutingProfile"),
        profiles.len(),
        "{counts:?}"
    );
    assert_eq!(
        count("ListRoutingProfileQueues"),
        profiles.len(),
        "{counts:?}"
    );
    assert_eq!(count("ListUserProficiencies"), users.len(), "{counts:?}");
    assert!(
        groups.len() > 1,
        "several groups among the users: {groups:?}"
    );
    assert_eq!(
        count("DescribeUserHierarchyGroup"),
        0,
        "every group was listed with its path: {counts:?}"
    );
}

#[tokio::test]
async fn permissions_are_listed_once_per_security_profile() {
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let (_server, mut browser) = loaded_browser(log.path()).await;
    let profiles = browser
        .app()
        .users
        .as_ref()
        .and_then(|b| b.selected_record())
        .and_then(|u| u.security_profile_ids.clone())
        .unwrap_or_default();
    assert!(!profiles.is_empty());
    for _ in 0..3 {
        // Focus the security profiles pane, open the overlay, close it.
        while browser.app().users.as_ref().map(|b| b.focus)
            != Some(connect_tui::app::Focus::Pane(PaneId::Security))
        {
            browser.update(Msg::Action(Action::FocusNext));
        }
        browser.update(Msg::Action(Action::Confirm));
        browser.run_until_idle(LIMIT).await;
        browser.update(Msg::Action(Action::Back));
    }
    let counts = requests(log.path());
    assert_eq!(
        counts.get("ListSecurityProfilePermissions").copied(),
        Some(profiles.len()),
        "{counts:?}"
    );
}
