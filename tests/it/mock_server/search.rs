//! SearchUsers through the real SDK client, checked against the demo data file.

use std::collections::HashSet;

use aws_sdk_connect::types::{
    ControlPlaneTagFilter, HierarchyGroupCondition, HierarchyGroupMatchType, StringComparisonType,
    StringCondition, TagCondition, UserSearchCriteria, UserSearchFilter,
};
use connect_tui::mock::MockConfig;
use serde_json::Value;

use super::support::*;

fn condition(field: &str, comparison: StringComparisonType, value: &str) -> UserSearchCriteria {
    let condition = StringCondition::builder()
        .field_name(field)
        .comparison_type(comparison)
        .value(value)
        .build();
    UserSearchCriteria::builder()
        .string_condition(condition)
        .build()
}

/// Usernames SearchUsers returns for `criteria` / `filter`, walking every page of `page_size`.
async fn search(
    client: &aws_sdk_connect::Client,
    criteria: Option<UserSearchCriteria>,
    filter: Option<UserSearchFilter>,
    page_size: i32,
) -> Vec<String> {
    let mut names = Vec::new();
    let mut token = None;
    loop {
        let page = client
            .search_users()
            .instance_id(JANE_INSTANCE)
            .set_search_criteria(criteria.clone())
            .set_search_filter(filter.clone())
            .max_results(page_size)
            .set_next_token(token)
            .send()
            .await
            .unwrap();
        let total = page.approximate_total_count().unwrap_or(-1);
        names.extend(
            page.users()
                .iter()
                .map(|u| u.username().unwrap().to_string()),
        );
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            assert_eq!(total as usize, names.len(), "ApproximateTotalCount");
            break;
        }
    }
    names.sort();
    names
}

fn text(user: &Value, pointer: &str) -> String {
    user.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_lowercase()
}

#[tokio::test]
async fn string_conditions_on_every_field() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    use StringComparisonType::{Contains, Exact, StartsWith};

    let got = search(
        &client,
        Some(condition("Username", StartsWith, "M")),
        None,
        3,
    )
    .await;
    assert_eq!(
        got,
        demo_usernames(|u| text(u, "/Username").starts_with('m'))
    );
    assert!(got.len() >= 2);

    let got = search(
        &client,
        Some(condition("FirstName", Contains, "an")),
        None,
        100,
    )
    .await;
    assert_eq!(
        got,
        demo_usernames(|u| text(u, "/IdentityInfo/FirstName").contains("an"))
    );

    let got = search(
        &client,
        Some(condition("LastName", Exact, "DOE")),
        None,
        100,
    )
    .await;
    assert_eq!(got, ["Jane"]);

    let got = search(
        &client,
        Some(condition("resourceId", Exact, JANE)),
        None,
        100,
    )
    .await;
    assert_eq!(got, ["Jane"]);

    let got = search(
        &client,
        Some(condition("LastName", Contains, "ü")),
        None,
        100,
    )
    .await;
    assert_eq!(
        got,
        demo_usernames(|u| text(u, "/IdentityInfo/LastName").contains('ü'))
    );
    assert!(!got.is_empty());
}

#[tokio::test]
async fn nested_and_or_conditions() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    use StringComparisonType::{Exact, StartsWith};

    let either = UserSearchCriteria::builder()
        .or_conditions(condition("Username", Exact, "Jane"))
        .or_conditions(condition("Username", Exact, "mgarcia"))
        .build();
    assert_eq!(
        search(&client, Some(either.clone()), None, 1).await,
        ["Jane", "mgarcia"]
    );

    let both = UserSearchCriteria::builder()
        .and_conditions(condition("FirstName", StartsWith, "ma"))
        .and_conditions(either)
        .build();
    assert_eq!(search(&client, Some(both), None, 10).await, ["mgarcia"]);
}

#[tokio::test]
async fn no_criteria_pages_through_everyone_once() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    let got = search(&client, None, None, 4).await;
    assert_eq!(got, demo_usernames(|_| true));
    assert_eq!(got.iter().collect::<HashSet<_>>().len(), got.len());
}

#[tokio::test]
async fn hierarchy_conditions_and_tag_filters() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    let groups = demo_instance(JANE_INSTANCE)["HierarchyGroups"]
        .as_array()
        .unwrap();
    let id_of = |name: &str| {
        groups.iter().find(|g| g["Name"] == name).unwrap()["Id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Every group under North America, itself included, from the file's parent links.
    let mut under: HashSet<String> = HashSet::from([id_of("North America")]);
    for _ in 0..3 {
        for g in groups {
            if g["ParentGroupId"]
                .as_str()
                .is_some_and(|p| under.contains(p))
            {
                under.insert(g["Id"].as_str().unwrap().to_string());
            }
        }
    }

    let with_children = UserSearchCriteria::builder()
        .hierarchy_group_condition(
            HierarchyGroupCondition::builder()
                .value(id_of("North America"))
                .hierarchy_group_match_type(HierarchyGroupMatchType::WithChildGroups)
                .build(),
        )
        .build();
    let got = search(&client, Some(with_children), None, 100).await;
    assert_eq!(
        got,
        demo_usernames(|u| u["HierarchyGroupId"]
            .as_str()
            .is_some_and(|g| under.contains(g)))
    );
    assert!(got.len() > 5);

    let exact = UserSearchCriteria::builder()
        .hierarchy_group_condition(
            HierarchyGroupCondition::builder()
                .value(id_of("North America"))
                .hierarchy_group_match_type(HierarchyGroupMatchType::Exact)
                .build(),
        )
        .build();
    let got = search(&client, Some(exact), None, 100).await;
    assert_eq!(
        got,
        demo_usernames(|u| u["HierarchyGroupId"] == id_of("North America").as_str())
    );

    let spanish = TagCondition::builder()
        .tag_key("Language")
        .tag_value("es")
        .build();
    let filter = UserSearchFilter::builder()
        .tag_filter(
            ControlPlaneTagFilter::builder()
                .tag_condition(spanish)
                .build(),
        )
        .build();
    let got = search(&client, None, Some(filter), 100).await;
    assert_eq!(got, demo_usernames(|u| u["Tags"]["Language"] == "es"));
    assert!(!got.is_empty());
}

#[tokio::test]
async fn bad_criteria_are_invalid_parameters() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    let bad_field = client
        .search_users()
        .instance_id(JANE_INSTANCE)
        .search_criteria(condition("Email", StringComparisonType::Exact, "x"))
        .send()
        .await;
    assert_eq!(code(bad_field), "InvalidParameterException");
    let unknown_instance = client.search_users().instance_id("nowhere").send().await;
    assert_eq!(code(unknown_instance), "ResourceNotFoundException");

    // A token is bound to the criteria it was issued for.
    let first = client
        .search_users()
        .instance_id(JANE_INSTANCE)
        .max_results(2)
        .send()
        .await
        .unwrap();
    let token = first.next_token().unwrap();
    let other = client
        .search_users()
        .instance_id(JANE_INSTANCE)
        .search_criteria(condition("Username", StringComparisonType::StartsWith, "a"))
        .next_token(token)
        .send()
        .await;
    assert_eq!(code(other), "InvalidParameterException");
}
