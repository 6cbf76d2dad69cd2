//! Where an IAM policy lacks `connect:SearchUserHierarchyGroups` (written before it existed),
//! the browser asks it once, lists the groups' names with ListUserHierarchyGroups instead,
//! says once what is missing, and describes a group (DescribeUserHierarchyGroup) only for
//! the records opened — once per group.

use std::collections::BTreeSet;

use connect_tui::app::{Action, GROUP_SEARCH_DENIED, Msg, NameKind, PathState};
use connect_tui::mock::{self, DataSource, MockConfig};

use super::headless::{self, Headless};
use super::{INSTANCE, LIMIT, requests};

#[tokio::test]
async fn a_denied_group_search_falls_back_to_the_names_listing_and_describes_opened_groups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut data: serde_json::Value =
        serde_json::from_str(include_str!("../../../assets/demo.json")).expect("demo data");
    let instance = data["Instances"]
        .as_array_mut()
        .expect("Instances")
        .iter_mut()
        .find(|i| i["Instance"]["Id"] == INSTANCE)
        .expect("the demo instance");
    instance["DeniedOperations"] = serde_json::json!(["SearchUserHierarchyGroups"]);
    let file = dir.path().join("old-policy.json");
    std::fs::write(&file, data.to_string()).expect("write the data file");
    let log = dir.path().join("requests.jsonl");
    let server = mock::start(MockConfig {
        data: DataSource::File(file),
        request_log: Some(log.clone()),
        ..MockConfig::demo()
    })
    .await
    .expect("mock endpoint");
    let client = headless::client(server.endpoint_url(), Some("1000/1000")).await;
    let mut browser = Headless::start(client, headless::config(INSTANCE), (120, 40));
    browser.run_until_idle(LIMIT).await;

    // Rest on eight users in turn (the first, and seven more).
    let mut groups = BTreeSet::new();
    for step in 0..8 {
        if step > 0 {
            browser.update(Msg::Action(Action::Down));
            browser.run_until_idle(LIMIT).await;
        }
        let b = browser.app().users.as_ref().expect("instance open");
        if let Some(g) = b
            .selected_record()
            .and_then(|u| u.hierarchy_group_id.clone())
        {
            assert!(
                matches!(b.names.path(&g), PathState::Known(levels) if !levels.is_empty()),
                "{g}: described for its path"
            );
            groups.insert(g);
        }
    }
    let app = browser.app();
    let b = app.users.as_ref().expect("instance open");
    assert!(b.names.group_search_denied());
    assert!(
        b.names.list(NameKind::HierarchyGroups).entries().count() > 1,
        "the names are listed"
    );
    let notice = app.notice.as_ref().expect("a notice");
    assert_eq!(notice.text, GROUP_SEARCH_DENIED);

    let counts = requests(&log);
    let count = |op: &str| counts.get(op).copied().unwrap_or(0);
    assert_eq!(
        count("SearchUserHierarchyGroups"),
        1,
        "asked once: {counts:?}"
    );
    assert_eq!(count("ListUserHierarchyGroups"), 1, "{counts:?}");
    assert!(!groups.is_empty(), "some opened users are in a group");
    assert_eq!(
        count("DescribeUserHierarchyGroup"),
        groups.len(),
        "one description per group of the records opened: {counts:?}"
    );
}
