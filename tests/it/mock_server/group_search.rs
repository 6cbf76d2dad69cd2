//! SearchUserHierarchyGroups through the real SDK client and the real AWS CLI: 185 groups on
//! three levels, paged at 100 (the model's largest), each group once with its whole path; the
//! model's limits; a name condition; the denial a data file asks for (`DeniedOperations`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aws_sdk_connect::types::{
    StringComparisonType, StringCondition, UserHierarchyGroupSearchCriteria,
};
use connect_tui::mock::{DataSource, MockConfig, MockHandle};
use serde_json::{Value, json};

use super::aws_cli::{aws, cli_missing};
use super::support::*;

const INSTANCE: &str = "11111111-1111-4111-8111-111111111111";
/// Lists the same groups, but denies the searches (the groups': an IAM policy written before it
/// existed), which name their instance in the body, not the path.
const DENIED_INSTANCE: &str = "22222222-2222-4222-8222-222222222222";
const GROUPS: usize = 5 + 5 * 4 + 5 * 4 * 8;

/// 5 regions, 4 sites each, 8 teams each; the expected path (names, top first) by group ID.
fn hierarchy() -> (Vec<Value>, BTreeMap<String, Vec<String>>) {
    let mut entries = Vec::new();
    let mut paths = BTreeMap::new();
    for r in 1..=5 {
        let region = (format!("r{r}"), format!("Region {r}"));
        entries.push(json!({"Id": region.0, "Name": region.1}));
        paths.insert(region.0.clone(), vec![region.1.clone()]);
        for s in 1..=4 {
            let site = (format!("r{r}s{s}"), format!("Site {r}.{s}"));
            entries.push(json!({"Id": site.0, "Name": site.1, "ParentGroupId": region.0}));
            paths.insert(site.0.clone(), vec![region.1.clone(), site.1.clone()]);
            for t in 1..=8 {
                let team = (format!("r{r}s{s}t{t}"), format!("Team {r}.{s}.{t}"));
                entries.push(json!({"Id": team.0, "Name": team.1, "ParentGroupId": site.0}));
                let path = vec![region.1.clone(), site.1.clone(), team.1.clone()];
                paths.insert(team.0.clone(), path);
            }
        }
    }
    assert_eq!(entries.len(), GROUPS);
    (entries, paths)
}

fn data_file(dir: &Path) -> PathBuf {
    let (groups, _) = hierarchy();
    let instance = |id: &str, alias: &str, denied: &[&str]| {
        json!({
            "Instance": {"Id": id, "InstanceAlias": alias,
                "IdentityManagementType": "CONNECT_MANAGED", "InstanceStatus": "ACTIVE"},
            "HierarchyGroups": groups,
            "DeniedOperations": denied,
        })
    };
    let data = json!({"Instances": [
        instance(INSTANCE, "many-groups", &[]),
        instance(
            DENIED_INSTANCE,
            "old-policy",
            &["SearchUserHierarchyGroups", "SearchUsers"],
        ),
    ]});
    let path = dir.join("groups.json");
    std::fs::write(&path, data.to_string()).expect("write the data file");
    path
}

/// The mock on that data file, logging requests to `log`.
async fn server(dir: &Path, log: &Path) -> MockHandle {
    start(MockConfig {
        data: DataSource::File(data_file(dir)),
        request_log: Some(log.to_path_buf()),
        ..MockConfig::demo()
    })
    .await
}

/// Names along a path as the wire gives it (`HierarchyPath.LevelOne`…).
fn wire_path(group: &Value) -> Vec<String> {
    [
        "LevelOne",
        "LevelTwo",
        "LevelThree",
        "LevelFour",
        "LevelFive",
    ]
    .iter()
    .map_while(|level| group["HierarchyPath"][level]["Name"].as_str())
    .map(str::to_string)
    .collect()
}

fn search_requests(log: &Path) -> usize {
    log_lines(log)
        .iter()
        .filter(|e| e["op"] == "SearchUserHierarchyGroups")
        .count()
}

#[tokio::test]
async fn the_sdk_pages_every_group_once_at_100_with_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("requests.jsonl");
    let server = server(dir.path(), &log).await;
    let client = client(&server);
    let (_, expected) = hierarchy();

    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let page = client
            .search_user_hierarchy_groups()
            .instance_id(INSTANCE)
            .max_results(100)
            .set_next_token(token)
            .send()
            .await
            .expect("a page");
        pages += 1;
        assert_eq!(page.approximate_total_count(), Some(GROUPS as i64));
        for group in page.user_hierarchy_groups() {
            let path = group.hierarchy_path().expect("a path");
            let names: Vec<String> = [
                path.level_one(),
                path.level_two(),
                path.level_three(),
                path.level_four(),
                path.level_five(),
            ]
            .into_iter()
            .map_while(|l| l.and_then(|l| l.name()).map(str::to_string))
            .collect();
            assert_eq!(
                group.level_id(),
                Some(names.len().to_string().as_str()),
                "{group:?}"
            );
            let id = group.id().expect("an id").to_string();
            assert!(seen.insert(id.clone(), names).is_none(), "{id} twice");
        }
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(pages, 2, "185 groups at 100 a page");
    assert_eq!(seen, expected, "every group once, with its whole path");
    assert_eq!(search_requests(&log), 2);

    let too_many = client
        .search_user_hierarchy_groups()
        .instance_id(INSTANCE)
        .max_results(101)
        .send()
        .await;
    let message = format!("{:?}", too_many.as_ref().err());
    assert_eq!(code(too_many), "InvalidParameterException");
    assert!(
        message.contains("Member must have value between 1 and 100"),
        "{message}"
    );

    let named = UserHierarchyGroupSearchCriteria::builder()
        .string_condition(
            StringCondition::builder()
                .field_name("name")
                .comparison_type(StringComparisonType::StartsWith)
                .value("site 3.")
                .build(),
        )
        .build();
    let sites = client
        .search_user_hierarchy_groups()
        .instance_id(INSTANCE)
        .search_criteria(named)
        .send()
        .await
        .expect("a name condition");
    let mut names: Vec<&str> = sites
        .user_hierarchy_groups()
        .iter()
        .filter_map(|g| g.name())
        .collect();
    names.sort();
    assert_eq!(names, ["Site 3.1", "Site 3.2", "Site 3.3", "Site 3.4"]);

    let denied = client
        .search_user_hierarchy_groups()
        .instance_id(DENIED_INSTANCE)
        .send()
        .await;
    assert_eq!(code(denied), "AccessDeniedException");
    let users = client
        .search_users()
        .instance_id(DENIED_INSTANCE)
        .send()
        .await;
    assert_eq!(code(users), "AccessDeniedException");
    let listed = client
        .list_user_hierarchy_groups()
        .instance_id(DENIED_INSTANCE)
        .max_results(1000)
        .send()
        .await
        .expect("the listing is allowed");
    assert_eq!(listed.user_hierarchy_group_summary_list().len(), GROUPS);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_aws_cli_pages_every_group_once_at_100_with_its_path() {
    if cli_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("requests.jsonl");
    let server = server(dir.path(), &log).await;
    let (_, expected) = hierarchy();
    let all = aws(
        &server,
        &[
            "search-user-hierarchy-groups",
            "--instance-id",
            INSTANCE,
            "--page-size",
            "100",
        ],
    )
    .await
    .expect("aws search-user-hierarchy-groups");
    let mut seen = BTreeMap::new();
    for group in all["UserHierarchyGroups"].as_array().expect("a list") {
        let id = group["Id"].as_str().expect("an id").to_string();
        assert!(
            seen.insert(id.clone(), wire_path(group)).is_none(),
            "{id} twice"
        );
    }
    assert_eq!(seen, expected, "every group once, with its whole path");
    assert_eq!(all["ApproximateTotalCount"], GROUPS);
    assert_eq!(search_requests(&log), 2, "two pages of 100");

    let too_many = aws(
        &server,
        &[
            "search-user-hierarchy-groups",
            "--instance-id",
            INSTANCE,
            "--page-size",
            "101",
        ],
    )
    .await
    .expect_err("MaxResults 101 is refused");
    assert!(
        too_many.contains("InvalidParameterException")
            && too_many.contains("Member must have value between 1 and 100"),
        "{too_many}"
    );

    let criteria = r#"{"StringCondition":{"FieldName":"name","Value":"Team 2.4.","ComparisonType":"STARTS_WITH"}}"#;
    let teams = aws(
        &server,
        &[
            "search-user-hierarchy-groups",
            "--instance-id",
            INSTANCE,
            "--search-criteria",
            criteria,
        ],
    )
    .await
    .expect("a name condition");
    assert_eq!(
        teams["UserHierarchyGroups"].as_array().map(Vec::len),
        Some(8)
    );
    assert_eq!(teams["ApproximateTotalCount"], 8);

    let denied = aws(
        &server,
        &[
            "search-user-hierarchy-groups",
            "--instance-id",
            DENIED_INSTANCE,
        ],
    )
    .await
    .expect_err("denied");
    assert!(denied.contains("AccessDeniedException"), "{denied}");
}
