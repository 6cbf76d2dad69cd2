//! Instances and users through the real SDK client: shapes, paging, limits and errors.

use std::collections::HashSet;

use connect_tui::mock::MockConfig;

use super::support::*;

#[tokio::test]
async fn list_and_describe_instances() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);

    let mut ids = Vec::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let page = client
            .list_instances()
            .max_results(1)
            .set_next_token(token)
            .send()
            .await
            .unwrap();
        pages += 1;
        for summary in page.instance_summary_list() {
            ids.push(summary.id().unwrap().to_string());
        }
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    let expected: Vec<&str> = demo_instances()
        .iter()
        .map(|i| i["Instance"]["Id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(pages, expected.len());

    let instance = client
        .describe_instance()
        .instance_id(JANE_INSTANCE)
        .send()
        .await
        .unwrap();
    let instance = instance.instance().unwrap();
    let data = &demo_instance(JANE_INSTANCE)["Instance"];
    assert_eq!(instance.instance_alias(), data["InstanceAlias"].as_str());
    assert_eq!(
        instance.identity_management_type().map(|t| t.as_str()),
        data["IdentityManagementType"].as_str()
    );
    assert_eq!(
        instance.instance_status().map(|s| s.as_str()),
        Some("ACTIVE")
    );
    assert_eq!(instance.arn(), data["Arn"].as_str());
    assert_eq!(
        instance.created_time().map(|t| t.secs()),
        Some(1_559_581_451)
    ); // 2019-06-03T17:04:11Z
    assert_eq!(
        instance
            .tags()
            .and_then(|t| t.get("Environment"))
            .map(String::as_str),
        Some("production")
    );

    let missing = client
        .describe_instance()
        .instance_id("00000000-0000-0000-0000-000000000000")
        .send()
        .await;
    assert!(
        missing
            .as_ref()
            .unwrap_err()
            .as_service_error()
            .is_some_and(|e| e.is_resource_not_found_exception())
    );
    assert_eq!(code(missing), "ResourceNotFoundException");
}

#[tokio::test]
async fn list_instances_refuses_pages_above_ten() {
    let server = start(MockConfig::demo()).await;
    let result = client(&server)
        .list_instances()
        .max_results(11)
        .send()
        .await;
    assert_eq!(code(result), "InvalidRequestException");
}

#[tokio::test]
async fn describe_user_returns_the_spec_user() {
    let server = start(MockConfig::demo()).await;
    let out = client(&server)
        .describe_user()
        .instance_id(JANE_INSTANCE)
        .user_id(JANE)
        .send()
        .await
        .unwrap();
    let user = out.user().unwrap();
    assert_eq!(user.id(), Some(JANE));
    assert_eq!(
        user.arn(),
        Some(
            "arn:aws:connect:us-west-2:123456789012:instance/40c83b68-ea62-414c-97bb-d018e39e158e/agent/0c245dc0-0cf5-4e37-800e-2a7481cc8a60"
        )
    );
    assert_eq!(user.username(), Some("Jane"));
    let identity = user.identity_info().unwrap();
    assert_eq!(
        (
            identity.first_name(),
            identity.last_name(),
            identity.email()
        ),
        (Some("Jane"), Some("Doe"), Some("example.com"))
    );
    let phone = user.phone_config().unwrap();
    assert_eq!(phone.phone_type().as_str(), "SOFT_PHONE");
    assert!(!phone.auto_accept());
    assert_eq!(phone.after_contact_work_time_limit(), 0);
    assert_eq!(phone.desk_phone_number(), Some(""));
    assert_eq!(
        user.directory_user_id(),
        Some("8b444cf6-b368-4f29-ba18-07af27405658")
    );
    assert_eq!(
        user.routing_profile_id(),
        Some("0be36ee9-2b5f-4ef4-bcf7-87738e5be0e5")
    );
    assert_eq!(
        user.security_profile_ids(),
        ["b6f85a42-1dc5-443b-b621-de0abf70c9cf"]
    );
    assert!(user.tags().unwrap().is_empty());
    assert!(user.hierarchy_group_id().is_none());
}

#[tokio::test]
async fn describe_user_carries_per_channel_configs() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    for data in demo_users() {
        let id = data["Id"].as_str().unwrap();
        let out = client
            .describe_user()
            .instance_id(JANE_INSTANCE)
            .user_id(id)
            .send()
            .await
            .unwrap();
        let user = out.user().unwrap();
        assert_eq!(user.username(), data["Username"].as_str());
        let count = |key: &str| data[key].as_array().map_or(0, Vec::len);
        assert_eq!(
            user.auto_accept_configs().len(),
            count("AutoAcceptConfigs"),
            "{id}"
        );
        assert_eq!(
            user.after_contact_work_configs().len(),
            count("AfterContactWorkConfigs"),
            "{id}"
        );
        assert_eq!(
            user.phone_number_configs().len(),
            count("PhoneNumberConfigs"),
            "{id}"
        );
        assert_eq!(
            user.persistent_connection_configs().len(),
            count("PersistentConnectionConfigs"),
            "{id}"
        );
        assert_eq!(
            user.voice_enhancement_configs().len(),
            count("VoiceEnhancementConfigs"),
            "{id}"
        );
        assert_eq!(
            user.security_profile_ids().len(),
            count("SecurityProfileIds"),
            "{id}"
        );
        assert_eq!(
            user.hierarchy_group_id(),
            data["HierarchyGroupId"].as_str(),
            "{id}"
        );
        assert!(
            user.last_modified_time().is_some(),
            "{id}: LastModifiedTime derived"
        );
    }
}

#[tokio::test]
async fn unknown_users_and_instances_are_not_found() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    let no_user = client
        .describe_user()
        .instance_id(JANE_INSTANCE)
        .user_id("nobody")
        .send()
        .await;
    assert_eq!(code(no_user), "ResourceNotFoundException");
    let no_instance = client.list_users().instance_id("nowhere").send().await;
    assert_eq!(code(no_instance), "ResourceNotFoundException");
    let no_profile = client
        .describe_routing_profile()
        .instance_id(JANE_INSTANCE)
        .routing_profile_id("x")
        .send()
        .await;
    assert_eq!(code(no_profile), "ResourceNotFoundException");
    let no_arn = client
        .list_tags_for_resource()
        .resource_arn("arn:aws:connect:us-west-2:1:instance/x")
        .send()
        .await;
    assert_eq!(code(no_arn), "ResourceNotFoundException");
}

#[tokio::test]
async fn list_users_pages_return_every_user_exactly_once() {
    let mut config = MockConfig::demo();
    config.extra_users = 100;
    let server = start(config).await;
    let client = client(&server);

    let mut ids = Vec::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let page = client
            .list_users()
            .instance_id(JANE_INSTANCE)
            .max_results(7)
            .set_next_token(token)
            .send()
            .await
            .unwrap();
        pages += 1;
        assert!(page.user_summary_list().len() <= 7);
        ids.extend(
            page.user_summary_list()
                .iter()
                .map(|u| u.id().unwrap().to_string()),
        );
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    let total = demo_users().len() + 100;
    assert_eq!(ids.len(), total);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        total,
        "a user came twice"
    );
    assert_eq!(pages, total.div_ceil(7));
    for user in demo_users() {
        assert!(ids.iter().any(|id| user["Id"] == id.as_str()));
    }

    // The SDK's own paginator agrees.
    let all: Vec<_> = client
        .list_users()
        .instance_id(JANE_INSTANCE)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), total);
}

#[tokio::test]
async fn page_sizes_follow_the_model() {
    let mut config = MockConfig::demo();
    config.extra_users = 1200;
    let server = start(config).await;
    let client = client(&server);
    let list = |max: Option<i32>| {
        client
            .list_users()
            .instance_id(JANE_INSTANCE)
            .set_max_results(max)
            .send()
    };

    assert_eq!(list(None).await.unwrap().user_summary_list().len(), 100);
    assert_eq!(
        list(Some(1000)).await.unwrap().user_summary_list().len(),
        1000
    );
    assert_eq!(list(Some(1)).await.unwrap().user_summary_list().len(), 1);
    assert_eq!(code(list(Some(0)).await), "InvalidParameterException");
    assert_eq!(code(list(Some(1001)).await), "InvalidParameterException");
    let search = client
        .search_users()
        .instance_id(JANE_INSTANCE)
        .max_results(501)
        .send()
        .await;
    assert_eq!(code(search), "InvalidParameterException");
    let search = client
        .search_users()
        .instance_id(JANE_INSTANCE)
        .max_results(500)
        .send()
        .await
        .unwrap();
    assert_eq!(search.users().len(), 500);
    let proficiencies = client
        .list_user_proficiencies()
        .instance_id(JANE_INSTANCE)
        .user_id(JANE)
        .max_results(101)
        .send()
        .await;
    assert_eq!(code(proficiencies), "InvalidParameterException");
}

#[tokio::test]
async fn garbled_and_foreign_tokens_are_refused() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    let garbled = client
        .list_users()
        .instance_id(JANE_INSTANCE)
        .next_token("not-a-token")
        .send()
        .await;
    assert_eq!(code(garbled), "InvalidParameterException");

    let first = client
        .list_users()
        .instance_id(JANE_INSTANCE)
        .max_results(2)
        .send()
        .await
        .unwrap();
    let token = first.next_token().unwrap().to_string();
    let middle = token.len() / 2;
    let replacement = if &token[middle..=middle] == "A" {
        "B"
    } else {
        "A"
    };
    let tampered = format!("{}{replacement}{}", &token[..middle], &token[middle + 1..]);
    let result = client
        .list_users()
        .instance_id(JANE_INSTANCE)
        .max_results(2)
        .next_token(tampered)
        .send()
        .await;
    assert_eq!(code(result), "InvalidParameterException");
    let other_listing = client
        .list_routing_profiles()
        .instance_id(JANE_INSTANCE)
        .next_token(&token)
        .send()
        .await;
    assert_eq!(code(other_listing), "InvalidParameterException");
    let second = client
        .list_users()
        .instance_id(JANE_INSTANCE)
        .max_results(2)
        .next_token(token)
        .send()
        .await
        .unwrap();
    assert_eq!(second.user_summary_list().len(), 2);
}

/// Every one of 100,000 users once, at 1,000 a page. (How fast is for `cargo bench --bench
/// load`, not for a test: a timing budget here failed under a loaded machine.)
#[tokio::test]
async fn serves_a_hundred_thousand_users_page_by_page() {
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut config = MockConfig::demo();
    config.extra_users = 100_000;
    config.request_log = Some(log.path().to_path_buf());
    let server = start(config).await;
    let client = client(&server);
    let mut count = 0;
    let mut token = None;
    loop {
        let page = client
            .list_users()
            .instance_id(JANE_INSTANCE)
            .max_results(1000)
            .set_next_token(token)
            .send()
            .await
            .unwrap();
        count += page.user_summary_list().len();
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(count, 100_000 + demo_users().len());
    let entries = log_lines(log.path());
    assert_eq!(entries.len(), count.div_ceil(1000));
    assert!(
        entries
            .iter()
            .all(|e| e["op"] == "ListUsers" && e["status"] == 200)
    );
}
