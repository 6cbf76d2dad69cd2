//! Profiles, hierarchy, proficiencies, tags and unserved operations through the real SDK client.

use connect_tui::mock::MockConfig;

use super::support::*;

#[tokio::test]
async fn routing_and_security_profiles() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    let data = demo_instance(JANE_INSTANCE);

    let routing: Vec<_> = client
        .list_routing_profiles()
        .instance_id(JANE_INSTANCE)
        .max_results(2)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<_> = routing
        .iter()
        .map(|p| p.name().unwrap().to_string())
        .collect();
    let expected: Vec<_> = data["RoutingProfiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["Name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, expected);

    let basic = client
        .describe_routing_profile()
        .instance_id(JANE_INSTANCE)
        .routing_profile_id("0be36ee9-2b5f-4ef4-bcf7-87738e5be0e5")
        .send()
        .await
        .unwrap();
    let basic = basic.routing_profile().unwrap();
    assert_eq!(basic.name(), Some("Basic Routing Profile"));
    assert_eq!(basic.instance_id(), Some(JANE_INSTANCE));
    let on_basic = demo_users()
        .iter()
        .filter(|u| u["RoutingProfileId"] == "0be36ee9-2b5f-4ef4-bcf7-87738e5be0e5")
        .count();
    assert_eq!(basic.number_of_associated_users(), Some(on_basic as i64));

    let security: Vec<_> = client
        .list_security_profiles()
        .instance_id(JANE_INSTANCE)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        security.len(),
        data["SecurityProfiles"].as_array().unwrap().len()
    );
    let agent = client
        .describe_security_profile()
        .instance_id(JANE_INSTANCE)
        .security_profile_id("b6f85a42-1dc5-443b-b621-de0abf70c9cf")
        .send()
        .await
        .unwrap();
    assert_eq!(
        agent.security_profile().unwrap().security_profile_name(),
        Some("Agent")
    );
    let missing = client
        .describe_security_profile()
        .instance_id(JANE_INSTANCE)
        .security_profile_id("nope")
        .send()
        .await;
    assert_eq!(code(missing), "ResourceNotFoundException");
}

#[tokio::test]
async fn hierarchy_groups_paths_and_structure() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    let data = demo_instance(JANE_INSTANCE);

    let structure = client
        .describe_user_hierarchy_structure()
        .instance_id(JANE_INSTANCE)
        .send()
        .await
        .unwrap();
    let structure = structure.hierarchy_structure().unwrap();
    let level_names: Vec<_> = [
        structure.level_one(),
        structure.level_two(),
        structure.level_three(),
    ]
    .into_iter()
    .map(|l| l.and_then(|l| l.name()).unwrap_or_default())
    .collect();
    assert_eq!(level_names, ["Region", "Site", "Team"]);
    assert!(structure.level_four().is_none());

    let groups: Vec<_> = client
        .list_user_hierarchy_groups()
        .instance_id(JANE_INSTANCE)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        groups.len(),
        data["HierarchyGroups"].as_array().unwrap().len()
    );
    let orca = groups
        .iter()
        .find(|g| g.name() == Some("Team Orca"))
        .unwrap();
    let described = client
        .describe_user_hierarchy_group()
        .instance_id(JANE_INSTANCE)
        .hierarchy_group_id(orca.id().unwrap())
        .send()
        .await
        .unwrap();
    let group = described.hierarchy_group().unwrap();
    assert_eq!(group.level_id(), Some("3"));
    let path = group.hierarchy_path().unwrap();
    let names: Vec<_> = [path.level_one(), path.level_two(), path.level_three()]
        .into_iter()
        .map(|l| l.and_then(|l| l.name()).unwrap_or_default())
        .collect();
    assert_eq!(names, ["North America", "Seattle", "Team Orca"]);
    assert_eq!(path.level_three().and_then(|l| l.id()), orca.id());
    assert_eq!(
        group
            .tags()
            .and_then(|t| t.get("CostCenter"))
            .map(String::as_str),
        Some("CC-4101")
    );
}

#[tokio::test]
async fn proficiencies_and_tags() {
    let server = start(MockConfig::demo()).await;
    let client = client(&server);
    let data = demo_instance(JANE_INSTANCE);
    let (user_id, expected) = data["UserProficiencies"]
        .as_object()
        .unwrap()
        .iter()
        .max_by_key(|(_, v)| v.as_array().unwrap().len())
        .unwrap();

    let page = client
        .list_user_proficiencies()
        .instance_id(JANE_INSTANCE)
        .user_id(user_id)
        .max_results(1)
        .send()
        .await
        .unwrap();
    assert_eq!(page.user_proficiency_list().len(), 1);
    assert!(page.next_token().is_some());
    assert!(page.last_modified_time().is_some());
    let all: Vec<_> = client
        .list_user_proficiencies()
        .instance_id(JANE_INSTANCE)
        .user_id(user_id)
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    let got: Vec<(String, f32)> = all
        .iter()
        .map(|p| (p.attribute_value().to_string(), p.level()))
        .collect();
    let want: Vec<(String, f32)> = expected
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["AttributeValue"].as_str().unwrap().to_string(),
                p["Level"].as_f64().unwrap() as f32,
            )
        })
        .collect();
    assert_eq!(got, want);
    let none = client
        .list_user_proficiencies()
        .instance_id(JANE_INSTANCE)
        .user_id(JANE)
        .send()
        .await
        .unwrap();
    assert!(none.user_proficiency_list().is_empty());

    let tagged = demo_users()
        .iter()
        .find(|u| u["Tags"].as_object().is_some_and(|t| !t.is_empty()))
        .unwrap();
    let user = client
        .describe_user()
        .instance_id(JANE_INSTANCE)
        .user_id(tagged["Id"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    let arn = user.user().unwrap().arn().unwrap();
    let tags = client
        .list_tags_for_resource()
        .resource_arn(arn)
        .send()
        .await
        .unwrap();
    let tags: serde_json::Value = serde_json::to_value(tags.tags().unwrap()).unwrap();
    assert_eq!(tags, tagged["Tags"]);
    let instance_tags = client
        .list_tags_for_resource()
        .resource_arn(format!(
            "arn:aws:connect:us-west-2:123456789012:instance/{JANE_INSTANCE}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(
        instance_tags
            .tags()
            .unwrap()
            .get("Owner")
            .map(String::as_str),
        Some("contact-center-platform")
    );
}

#[tokio::test]
async fn unserved_operations_fail_fast_and_clearly() {
    let server = start(MockConfig::demo()).await;
    // A read-only operation the mock does not serve (the suite never sends mutating ones).
    let result = client(&server)
        .list_contact_flows()
        .instance_id(JANE_INSTANCE)
        .send()
        .await;
    let error = result.unwrap_err();
    use aws_sdk_connect::error::ProvideErrorMetadata;
    assert_eq!(error.code(), Some("InvalidRequestException"));
    assert!(
        error
            .message()
            .unwrap_or_default()
            .contains("ListContactFlows is not served"),
        "{error:?}"
    );
}
