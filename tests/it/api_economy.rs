//! What the interactive browser costs the Connect API, counted from the mock endpoint's request
//! log while the real worker and the real SDK client load an instance: the largest page sizes,
//! one listing per kind of name per instance (never one lookup per user; hierarchy groups with
//! their paths, so no group is described), one SearchUsers sweep for the rows' details (never a
//! DescribeUser per row), and DescribeUser only for the user the selection rests on when it
//! moves quickly.

#[path = "../../benches/common/headless.rs"]
mod headless;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use crate::common::mock_process::request_log;
use connect_tui::app::Action;
use connect_tui::app::{Msg, RecordState, SweepState};
use connect_tui::mock::{self, MockConfig, MockHandle};
use headless::Headless;

#[path = "api_economy/group_fallback.rs"]
mod group_fallback;
#[path = "api_economy/live.rs"]
mod live;
#[path = "api_economy/record_reads.rs"]
mod record_reads;

const INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
/// 2,500 generated users plus the demo's: three pages of ListUsers at 1,000, the largest.
const GENERATED: usize = 2_500;
const LIMIT: Duration = Duration::from_secs(60);

/// Requests per operation in the log.
fn requests(log: &Path) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for entry in request_log(log) {
        let op = entry["op"].as_str().expect("op").to_string();
        *counts.entry(op).or_insert(0) += 1;
    }
    counts
}

/// The mock with generated users and a request log, and the browser opened on its instance
/// and loaded until idle (the first user selected and described).
async fn loaded_browser(log: &Path) -> (MockHandle, Headless) {
    let server = mock::start(MockConfig {
        extra_users: GENERATED,
        request_log: Some(log.to_path_buf()),
        ..MockConfig::demo()
    })
    .await
    .expect("mock endpoint");
    // A raised limit keeps the test quick; the counts do not depend on it.
    let client = headless::client(server.endpoint_url(), Some("1000/1000")).await;
    let mut browser = Headless::start(client, headless::config(INSTANCE), (120, 40));
    browser.run_until_idle(LIMIT).await;
    (server, browser)
}

#[tokio::test]
async fn loading_an_instance_pages_at_the_largest_size_and_lists_each_name_kind_once() {
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let (_server, browser) = loaded_browser(log.path()).await;
    let b = browser.app().users.as_ref().expect("instance open");
    let users = b.list.users.len();
    assert!(users > GENERATED, "all users listed: {users}");
    let counts = requests(log.path());
    let count = |op: &str| counts.get(op).copied().unwrap_or(0);
    assert_eq!(
        count("ListUsers"),
        users.div_ceil(1000),
        "ListUsers pages of 1,000 for {users} users: {counts:?}"
    );
    // The sweep: SearchUsers pages of 500, the API's largest, once; every row filled from it.
    assert_eq!(
        count("SearchUsers"),
        users.div_ceil(500),
        "SearchUsers pages of 500 for {users} users: {counts:?}"
    );
    assert!(
        b.sweep.state == SweepState::Done && b.list.swept() == users,
        "every row has its details: {} of {users}",
        b.list.swept()
    );
    for op in [
        "ListRoutingProfiles",
        "ListSecurityProfiles",
        "SearchUserHierarchyGroups",
        "ListQueues",
        "DescribeUserHierarchyStructure",
    ] {
        assert_eq!(count(op), 1, "{op} once per instance: {counts:?}");
    }
    // The selected user's record: their routing profile and its queues, their
    // proficiencies (each a single page at the largest size here).
    for op in [
        "DescribeRoutingProfile",
        "ListRoutingProfileQueues",
        "ListUserProficiencies",
    ] {
        assert_eq!(count(op), 1, "{op} for the one record opened: {counts:?}");
    }
    assert_eq!(
        count("DescribeUser"),
        1,
        "only the selected user: {counts:?}"
    );
    assert_eq!(
        count("DescribeUserHierarchyGroup"),
        0,
        "the search brought every group's path: {counts:?}"
    );
    assert_eq!(count("ListUserHierarchyGroups"), 0, "{counts:?}");
    // The instance picker lists instances once (for the alias), and nothing else is sent.
    assert_eq!(count("ListInstances"), 1, "{counts:?}");
    let expected = [
        "ListUsers",
        "SearchUsers",
        "ListRoutingProfiles",
        "ListSecurityProfiles",
        "SearchUserHierarchyGroups",
        "DescribeUserHierarchyStructure",
        "DescribeUser",
        "ListInstances",
        "ListQueues",
        "DescribeRoutingProfile",
        "ListRoutingProfileQueues",
        "ListUserProficiencies",
    ];
    for op in counts.keys() {
        assert!(
            expected.contains(&op.as_str()),
            "unexpected {op}: {counts:?}"
        );
    }
}

#[tokio::test]
async fn moving_quickly_describes_only_the_user_the_selection_rests_on() {
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let (_server, mut browser) = loaded_browser(log.path()).await;
    let before = requests(log.path());
    let first = selected(&browser);
    // Thirty rows down faster than any key repeat (each key well inside the debounce).
    let mut passed = Vec::new();
    for _ in 0..30 {
        browser.update(Msg::Action(Action::Down));
        passed.push(selected(&browser));
    }
    browser.run_until_idle(LIMIT).await;
    let after = requests(log.path());
    let described = |counts: &BTreeMap<String, usize>| counts.get("DescribeUser").copied();
    assert_eq!(
        described(&after),
        described(&before).map(|n| n + 1),
        "one DescribeUser for thirty moves: {after:?}"
    );
    assert_eq!(
        after.get("ListUserProficiencies").copied(),
        before.get("ListUserProficiencies").map(|n| n + 1),
        "proficiencies only for the user the selection rests on: {after:?}"
    );
    for name in [
        "ListRoutingProfiles",
        "ListSecurityProfiles",
        "SearchUserHierarchyGroups",
        "ListQueues",
    ] {
        assert_eq!(
            after.get(name),
            before.get(name),
            "names are cached: {name}"
        );
    }
    let b = browser.app().users.as_ref().expect("instance open");
    let rested = passed.pop().expect("moved");
    assert_ne!(rested, first);
    assert!(
        matches!(b.records.state(&rested), RecordState::Loaded(_)),
        "the user the selection rests on is described"
    );
    for id in passed {
        assert_eq!(
            b.records.state(&id),
            RecordState::Waiting,
            "{id} was skipped"
        );
    }
}

fn selected(browser: &Headless) -> String {
    browser
        .app()
        .users
        .as_ref()
        .and_then(|b| b.selected_id())
        .expect("a user is selected")
        .to_string()
}
