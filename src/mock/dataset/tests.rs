//! Loading data files: the demo set's promises, what is derived, and clear errors.

use std::collections::HashSet;

use super::*;
use crate::mock::demo::DEMO_JSON;
use crate::model::Timestamp;

const JANE_INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
const JANE: &str = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";

fn load(text: &str) -> Result<Dataset, DataError> {
    Dataset::from_file(parse(text, "test.json")?, "test.json")
}

fn error(text: &str) -> String {
    load(text).unwrap_err().to_string()
}

#[test]
fn demo_has_varied_instances_and_the_spec_user() {
    let data = load(DEMO_JSON).unwrap();
    let instances = data.instances();
    assert!(instances.len() >= 3);
    let distinct = |f: fn(&Instance) -> Option<String>| {
        instances
            .iter()
            .filter_map(|i| f(&i.instance))
            .collect::<HashSet<_>>()
            .len()
    };
    assert_eq!(distinct(|i| i.instance_alias.clone()), instances.len());
    assert!(distinct(|i| i.identity_management_type.clone()) >= 3);
    assert!(distinct(|i| i.instance_status.clone()) >= 3);

    let home = data.instance(JANE_INSTANCE).unwrap();
    let jane = home.users.get(JANE).unwrap();
    let expected: serde_json::Value = serde_json::json!({
        "Id": JANE,
        "Arn": "arn:aws:connect:us-west-2:123456789012:instance/40c83b68-ea62-414c-97bb-d018e39e158e/agent/0c245dc0-0cf5-4e37-800e-2a7481cc8a60",
        "Username": "Jane",
        "IdentityInfo": {"FirstName": "Jane", "LastName": "Doe", "Email": "example.com"},
        "PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAccept": false, "AfterContactWorkTimeLimit": 0, "DeskPhoneNumber": ""},
        "DirectoryUserId": "8b444cf6-b368-4f29-ba18-07af27405658",
        "SecurityProfileIds": ["b6f85a42-1dc5-443b-b621-de0abf70c9cf"],
        "RoutingProfileId": "0be36ee9-2b5f-4ef4-bcf7-87738e5be0e5",
        "Tags": {},
        "LastModifiedTime": 1_705_309_200,
        "LastModifiedRegion": "us-west-2"
    });
    assert_eq!(serde_json::to_value(jane).unwrap(), expected);
}

#[test]
fn demo_contact_center_is_rich_and_consistent() {
    let data = load(DEMO_JSON).unwrap();
    let home = data.instance(JANE_INSTANCE).unwrap();
    let users = home.users.all();
    assert!((25..=40).contains(&users.len()), "{} users", users.len());
    assert!(home.routing_profiles.all().len() >= 4);

    for user in users {
        let name = user.username.as_deref().unwrap();
        let rp = user.routing_profile_id.as_deref().unwrap();
        assert!(
            home.routing_profiles.get(rp).is_some(),
            "{name}: routing profile {rp}"
        );
        for sp in user.security_profile_ids.iter().flatten() {
            assert!(
                home.security_profiles.get(sp).is_some(),
                "{name}: security profile {sp}"
            );
        }
        if let Some(group) = &user.hierarchy_group_id {
            assert!(
                home.hierarchy_groups.get(group).is_some(),
                "{name}: group {group}"
            );
        }
    }
    let profile_counts: HashSet<usize> = users
        .iter()
        .map(|u| u.security_profile_ids.as_ref().map_or(0, Vec::len))
        .collect();
    assert!(
        profile_counts.contains(&1) && profile_counts.contains(&10),
        "{profile_counts:?}"
    );

    // Users at every level of the three-level hierarchy, and some outside it.
    let level_of = |u: &User| {
        u.hierarchy_group_id
            .as_deref()
            .and_then(|g| home.hierarchy_groups.get(g))
            .and_then(|g| g.level_id.clone())
    };
    let levels: HashSet<Option<String>> = users.iter().map(level_of).collect();
    for level in [
        None,
        Some("1".to_string()),
        Some("2".into()),
        Some("3".into()),
    ] {
        assert!(levels.contains(&level), "no user at level {level:?}");
    }
    let structure = &home.hierarchy_structure;
    assert!(
        structure
            .level_three
            .as_ref()
            .and_then(|l| l.name.as_ref())
            .is_some()
    );

    let has = |f: fn(&User) -> bool| users.iter().any(f);
    assert!(has(|u| u
        .phone_config
        .as_ref()
        .and_then(|p| p.desk_phone_number.as_ref())
        .is_some_and(|n| n.starts_with('+'))));
    assert!(has(|u| u.tags.as_ref().is_some_and(|t| !t.is_empty())));
    assert!(has(|u| u.identity_info.is_none()));
    assert!(has(|u| u.auto_accept_configs.is_some()
        && u.after_contact_work_configs.is_some()
        && u.phone_number_configs.is_some()));
    assert!(has(
        |u| u.persistent_connection_configs.is_some() && u.voice_enhancement_configs.is_some()
    ));
    assert!(has(|u| u.auto_accept_configs.is_none()));
    assert!(has(|u| u
        .identity_info
        .as_ref()
        .and_then(|i| i.last_name.as_ref())
        .is_some_and(|n| !n.is_ascii())));
    assert!(!home.proficiencies.is_empty());
}

#[test]
fn hierarchy_paths_follow_parent_links() {
    let data = load(DEMO_JSON).unwrap();
    let home = data.instance(JANE_INSTANCE).unwrap();
    let team = home
        .hierarchy_groups
        .all()
        .iter()
        .find(|g| g.name.as_deref() == Some("Team Orca"))
        .unwrap();
    let path = team.hierarchy_path.as_ref().unwrap();
    let names: Vec<&str> = path
        .levels()
        .iter()
        .map(|l| l.name.as_deref().unwrap())
        .collect();
    assert_eq!(names, ["North America", "Seattle", "Team Orca"]);
    assert_eq!(team.level_id.as_deref(), Some("3"));
    assert!(
        path.level_three
            .as_ref()
            .unwrap()
            .arn
            .as_ref()
            .unwrap()
            .ends_with(&format!("/agent-group/{}", team.id.as_deref().unwrap()))
    );
}

#[test]
fn a_minimal_file_is_completed() {
    let data = load(
        r#"{"Instances":[{"Instance":{"Id":"i-1","InstanceAlias":"tiny"},
        "Users":[{"Id":"u-1","Username":"solo","LastModifiedTime":"2024-05-01T10:00:00Z"}],
        "RoutingProfiles":[{"RoutingProfileId":"rp-1","Name":"Basic"}]}]}"#,
    )
    .unwrap();
    let instance = data.instance("i-1").unwrap();
    assert_eq!(
        instance.instance.arn.as_deref(),
        Some("arn:aws:connect:us-west-2:123456789012:instance/i-1")
    );
    assert_eq!(
        instance.instance.instance_access_url.as_deref(),
        Some("https://tiny.my.connect.aws")
    );
    let user = instance.users.get("u-1").unwrap();
    assert_eq!(
        user.arn.as_deref(),
        Some("arn:aws:connect:us-west-2:123456789012:instance/i-1/agent/u-1")
    );
    assert_eq!(user.last_modified_time, Some(Timestamp(1_714_557_600.0)));
    let profile = instance.routing_profiles.get("rp-1").unwrap();
    assert_eq!(profile.number_of_associated_users, Some(0));
    assert_eq!(data.tags(user.arn.as_deref().unwrap()), Some(&Tags::new()));
}

#[test]
fn pasted_describe_outputs_are_accepted() {
    let data = load(
        r#"{"Instances":[{"Instance":{"Id":"i"},
        "Users":[{"User":{"Id":"u","Username":"pasted"}},{"Id":"v","Username":"bare"}],
        "RoutingProfiles":[{"RoutingProfile":{"RoutingProfileId":"rp","Name":"P"}}],
        "HierarchyStructure":{"HierarchyStructure":{"LevelOne":{"Name":"Region"}}}}]}"#,
    )
    .unwrap();
    let instance = data.instance("i").unwrap();
    assert_eq!(
        instance.users.get("u").unwrap().username.as_deref(),
        Some("pasted")
    );
    assert_eq!(
        instance.users.get("v").unwrap().username.as_deref(),
        Some("bare")
    );
    assert!(instance.routing_profiles.get("rp").is_some());
    let level = instance.hierarchy_structure.level_one.as_ref().unwrap();
    assert_eq!(level.name.as_deref(), Some("Region"));
}

#[test]
fn region_and_account_come_from_the_instance_arn() {
    let data = load(r#"{"Instances":[{"Instance":{"Id":"i-9","Arn":"arn:aws:connect:eu-central-1:999988887777:instance/i-9"},
        "Users":[{"Id":"u","Username":"x"}]}]}"#)
    .unwrap();
    let user = data
        .instance("i-9")
        .unwrap()
        .users
        .get("u")
        .unwrap()
        .clone();
    assert_eq!(
        user.arn.as_deref(),
        Some("arn:aws:connect:eu-central-1:999988887777:instance/i-9/agent/u")
    );
    assert_eq!(user.last_modified_region.as_deref(), Some("eu-central-1"));
}

#[test]
fn bad_files_name_the_file_the_path_and_the_problem() {
    let cases = [
        (
            "not json",
            "test.json: not valid JSON: expected ident at line 1 column 2",
        ),
        (
            r#"{"Instances":[]}"#,
            "test.json: at Instances: no instances",
        ),
        (
            r#"{"Instances":[{"Instance":{}}]}"#,
            "test.json: at Instances[0].Instance.Id: missing",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"Users":[{"Id":"u"}]}]}"#,
            "at Instances[0].Users[0].Username: missing",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"DeniedOperations":["DeleteUser"]}]}"#,
            "at Instances[0].DeniedOperations[0]: `DeleteUser` is not an operation this endpoint serves",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"Users":[{"Id":"u","Username":7}]}]}"#,
            "at Instances[0].Users[0].Username: invalid type: integer `7`, expected a string",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"Users":[{"Id":"u","Username":"a","LastModifiedTime":"last week"}]}]}"#,
            "at Instances[0].Users[0].LastModifiedTime: `last week` is not an ISO 8601 date-time",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"Users":[{"Id":"u","Username":"a"},{"Id":"u","Username":"b"}]}]}"#,
            "at Instances[0].Users[1]: duplicate Id `u`",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"Users":[{"Id":"u","Username":"a"},{"Id":"v","Username":"A"}]}]}"#,
            "at Instances[0].Users[1].Username: duplicate Username `A`",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"RoutingProfile":[]}]}"#,
            "at Instances[0].RoutingProfile: unknown field `RoutingProfile`, expected one of",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"}},{"Instance":{"Id":"i"}}]}"#,
            "at Instances[1].Instance.Id: duplicate instance Id `i`",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i","Arn":"nonsense"}}]}"#,
            "at Instances[0].Instance.Arn: `nonsense` is not a Connect instance ARN",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"HierarchyGroups":[{"Id":"g","Name":"G","ParentGroupId":"nope"}]}]}"#,
            "at Instances[0].HierarchyGroups[0].ParentGroupId: no hierarchy group with Id `nope`",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"HierarchyGroups":[{"Id":"a","Name":"A","ParentGroupId":"b"},{"Id":"b","Name":"B","ParentGroupId":"a"}]}]}"#,
            "cycle",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"},"UserProficiencies":{"ghost":[]}}]}"#,
            "at Instances[0].UserProficiencies.ghost: no user with Id `ghost`",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"}}],"Throttle":{"Rate":"2/0"}}"#,
            "at Throttle.Rate: `2/0`: burst 0: expected at least 1 request",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"}}],"Throttle":{"Operations":{"ListUsers":"fast"}}}"#,
            "at Throttle.Operations.ListUsers: `fast`: expected RATE[/BURST]",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"}}],"Throttle":{"Operations":{"ListUsrs":"2/5"}}}"#,
            "at Throttle.Operations.ListUsrs: `ListUsrs` is not an operation this endpoint serves",
        ),
        (
            r#"{"Instances":[{"Instance":{"Id":"i"}}],"Throttle":{"Scope":"region"}}"#,
            "at Throttle.Scope: unknown variant `region`, expected `operation` or `account`",
        ),
    ];
    for (text, expected) in cases {
        let message = error(text);
        assert!(
            message.contains(expected),
            "for {text}\n  got: {message}\n  want: {expected}"
        );
    }
}

#[test]
fn a_throttle_section_is_read_and_is_optional() {
    let text = r#"{"Instances":[{"Instance":{"Id":"i"}}],
        "Throttle":{"Rate":"2/5","Scope":"account","Operations":{"ListUsers":10}}}"#;
    let throttle = parse(text, "test.json").unwrap().throttle.unwrap();
    assert_eq!(throttle.rate, Some("2/5".parse().unwrap()));
    assert_eq!(throttle.scope, Some(crate::mock::ThrottleScope::Account));
    assert_eq!(throttle.operations["ListUsers"], "10/5".parse().unwrap());
    assert!(parse(DEMO_JSON, "demo").unwrap().throttle.is_none());
}

#[test]
fn an_unreadable_file_is_named() {
    let message = read(Path::new("/nonexistent/data.json"))
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("/nonexistent/data.json: cannot read the file"),
        "{message}"
    );
}
