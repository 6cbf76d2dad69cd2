//! The real AWS CLI against the endpoint: every served operation must parse, and what it
//! parses must match the data set. Skipped (with a line saying so) where `aws` is missing,
//! except in CI (`CI` set), where a missing CLI is a failure.

use std::time::Duration;

use connect_tui::mock::{MockConfig, MockHandle};
use serde_json::{Value, json};

use super::support::*;

pub(super) fn cli_missing() -> bool {
    let found = std::process::Command::new("aws")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return false;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "the aws CLI must be installed in CI (.ci/run installs it)"
    );
    println!("skipped: aws CLI not installed");
    true
}

/// Runs `aws connect <args> --output json` against `server`; Ok(JSON) or Err(stderr).
pub(super) async fn aws(server: &MockHandle, args: &[&str]) -> Result<Value, String> {
    // A private, empty configuration: the user's profiles and credentials are never read.
    let home = tempfile::tempdir().unwrap();
    let mut command = tokio::process::Command::new("aws");
    command
        .arg("connect")
        .args(args)
        .args(["--endpoint-url", &server.endpoint_url(), "--output", "json"])
        .env("AWS_ACCESS_KEY_ID", "x")
        .env("AWS_SECRET_ACCESS_KEY", "x")
        .env("AWS_DEFAULT_REGION", "us-west-2")
        .env("AWS_CONFIG_FILE", home.path().join("config"))
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            home.path().join("credentials"),
        )
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_PAGER", "")
        .env("TZ", "UTC")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_REGION")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_ENDPOINT_URL_CONNECT")
        .kill_on_drop(true);
    let output = tokio::time::timeout(Duration::from_secs(120), command.output())
        .await
        .expect("aws finished within 2 minutes")
        .expect("aws runs");
    if output.status.success() {
        Ok(serde_json::from_slice(&output.stdout).expect("aws printed JSON"))
    } else {
        Err(String::from_utf8_lossy(&output.stderr).to_string())
    }
}

fn strings(list: &Value, key: &str) -> Vec<String> {
    let mut values: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_str().unwrap().to_string())
        .collect();
    values.sort();
    values
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_lists_and_describes_instances() {
    if cli_missing() {
        return;
    }
    let server = start(MockConfig::demo()).await;
    let listed = aws(&server, &["list-instances", "--page-size", "1"])
        .await
        .unwrap();
    let expected: Vec<Value> = demo_instances()
        .iter()
        .map(|i| i["Instance"].clone())
        .collect();
    assert_eq!(
        strings(&listed["InstanceSummaryList"], "Id"),
        strings(&json!(expected), "Id")
    );
    assert_eq!(
        strings(&listed["InstanceSummaryList"], "InstanceAlias"),
        strings(&json!(expected), "InstanceAlias")
    );

    let described = aws(
        &server,
        &["describe-instance", "--instance-id", JANE_INSTANCE],
    )
    .await
    .unwrap();
    let instance = &described["Instance"];
    let data = &demo_instance(JANE_INSTANCE)["Instance"];
    for key in [
        "Id",
        "Arn",
        "IdentityManagementType",
        "InstanceAlias",
        "InstanceStatus",
        "ServiceRole",
        "Tags",
    ] {
        assert_eq!(instance[key], data[key], "{key}");
    }
    // 2019-06-03T17:04:11Z: AWS CLI v1 prints timestamps as received, v2 as ISO 8601.
    let created = &instance["CreatedTime"];
    assert!(
        created == 1_559_581_451 || created == "2019-06-03T17:04:11+00:00",
        "{created}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_lists_users_and_describes_the_spec_user() {
    if cli_missing() {
        return;
    }
    let server = start(MockConfig::demo()).await;
    let listed = aws(
        &server,
        &[
            "list-users",
            "--instance-id",
            JANE_INSTANCE,
            "--page-size",
            "7",
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        strings(&listed["UserSummaryList"], "Id"),
        strings(&json!(demo_users()), "Id")
    );
    assert!(listed.get("NextToken").is_none());

    let described = aws(
        &server,
        &[
            "describe-user",
            "--instance-id",
            JANE_INSTANCE,
            "--user-id",
            JANE,
        ],
    )
    .await
    .unwrap();
    let mut user = described["User"].clone();
    let object = user.as_object_mut().unwrap();
    assert_eq!(
        object.remove("LastModifiedRegion"),
        Some(json!("us-west-2"))
    );
    assert!(object.remove("LastModifiedTime").is_some());
    let jane = demo_users().iter().find(|u| u["Id"] == JANE).unwrap();
    assert_eq!(&user, jane, "describe-user output is the spec's user");

    for data in demo_users() {
        let id = data["Id"].as_str().unwrap();
        if id == JANE {
            continue;
        }
        let got = aws(
            &server,
            &[
                "describe-user",
                "--instance-id",
                JANE_INSTANCE,
                "--user-id",
                id,
            ],
        )
        .await
        .unwrap();
        for key in [
            "Username",
            "IdentityInfo",
            "PhoneConfig",
            "SecurityProfileIds",
            "RoutingProfileId",
            "HierarchyGroupId",
            "AutoAcceptConfigs",
            "VoiceEnhancementConfigs",
        ] {
            assert_eq!(got["User"].get(key), data.get(key), "{id} {key}");
        }
        break; // one more is enough for the shape; each CLI start costs a second
    }

    let missing = aws(
        &server,
        &[
            "describe-user",
            "--instance-id",
            JANE_INSTANCE,
            "--user-id",
            "nobody",
        ],
    )
    .await
    .unwrap_err();
    assert!(missing.contains("ResourceNotFoundException"), "{missing}");
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_searches_users() {
    if cli_missing() {
        return;
    }
    let server = start(MockConfig::demo()).await;
    let criteria = r#"{"OrConditions":[{"StringCondition":{"FieldName":"Username","Value":"m","ComparisonType":"STARTS_WITH"}},{"StringCondition":{"FieldName":"LastName","Value":"Doe","ComparisonType":"EXACT"}}]}"#;
    let found = aws(
        &server,
        &[
            "search-users",
            "--instance-id",
            JANE_INSTANCE,
            "--search-criteria",
            criteria,
            "--page-size",
            "2",
        ],
    )
    .await
    .unwrap();
    let expected = demo_usernames(|u| {
        u["Username"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .starts_with('m')
            || u["IdentityInfo"]["LastName"] == "Doe"
    });
    assert_eq!(strings(&found["Users"], "Username"), expected);
    assert_eq!(found["ApproximateTotalCount"], expected.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_reads_profiles() {
    if cli_missing() {
        return;
    }
    let server = start(MockConfig::demo()).await;
    let data = demo_instance(JANE_INSTANCE);
    let routing = aws(
        &server,
        &["list-routing-profiles", "--instance-id", JANE_INSTANCE],
    )
    .await
    .unwrap();
    assert_eq!(
        strings(&routing["RoutingProfileSummaryList"], "Name"),
        strings(&data["RoutingProfiles"], "Name")
    );
    let first = &data["RoutingProfiles"][1];
    let described = aws(
        &server,
        &[
            "describe-routing-profile",
            "--instance-id",
            JANE_INSTANCE,
            "--routing-profile-id",
            first["RoutingProfileId"].as_str().unwrap(),
        ],
    )
    .await
    .unwrap();
    for key in [
        "RoutingProfileId",
        "Name",
        "Description",
        "DefaultOutboundQueueId",
        "Tags",
    ] {
        assert_eq!(described["RoutingProfile"][key], first[key], "{key}");
    }

    let security = aws(
        &server,
        &["list-security-profiles", "--instance-id", JANE_INSTANCE],
    )
    .await
    .unwrap();
    let names = strings(&security["SecurityProfileSummaryList"], "Name");
    assert_eq!(
        names,
        strings(&data["SecurityProfiles"], "SecurityProfileName")
    );
    let agent = aws(
        &server,
        &[
            "describe-security-profile",
            "--instance-id",
            JANE_INSTANCE,
            "--security-profile-id",
            "b6f85a42-1dc5-443b-b621-de0abf70c9cf",
        ],
    )
    .await
    .unwrap();
    assert_eq!(agent["SecurityProfile"]["SecurityProfileName"], "Agent");
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_reads_the_hierarchy() {
    if cli_missing() {
        return;
    }
    let server = start(MockConfig::demo()).await;
    let data = demo_instance(JANE_INSTANCE);
    let structure = aws(
        &server,
        &[
            "describe-user-hierarchy-structure",
            "--instance-id",
            JANE_INSTANCE,
        ],
    )
    .await
    .unwrap();
    let levels = &structure["HierarchyStructure"];
    assert_eq!(
        [
            &levels["LevelOne"]["Name"],
            &levels["LevelTwo"]["Name"],
            &levels["LevelThree"]["Name"]
        ],
        ["Region", "Site", "Team"]
    );
    assert_eq!(
        levels["LevelOne"]["Id"],
        data["HierarchyStructure"]["LevelOne"]["Id"]
    );

    let groups = aws(
        &server,
        &["list-user-hierarchy-groups", "--instance-id", JANE_INSTANCE],
    )
    .await
    .unwrap();
    assert_eq!(
        strings(&groups["UserHierarchyGroupSummaryList"], "Name"),
        strings(&data["HierarchyGroups"], "Name")
    );
    let team = data["HierarchyGroups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["Name"] == "Team Liffey")
        .unwrap();
    let described = aws(
        &server,
        &[
            "describe-user-hierarchy-group",
            "--instance-id",
            JANE_INSTANCE,
            "--hierarchy-group-id",
            team["Id"].as_str().unwrap(),
        ],
    )
    .await
    .unwrap();
    let path = &described["HierarchyGroup"]["HierarchyPath"];
    assert_eq!(
        [
            &path["LevelOne"]["Name"],
            &path["LevelTwo"]["Name"],
            &path["LevelThree"]["Name"]
        ],
        ["Europe", "Dublin", "Team Liffey"]
    );
    assert_eq!(described["HierarchyGroup"]["LevelId"], "3");
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_reads_proficiencies_and_tags() {
    if cli_missing() {
        return;
    }
    let server = start(MockConfig::demo()).await;
    let data = demo_instance(JANE_INSTANCE);
    let (user_id, expected) = data["UserProficiencies"]
        .as_object()
        .unwrap()
        .iter()
        .next()
        .unwrap();
    let listed = aws(
        &server,
        &[
            "list-user-proficiencies",
            "--instance-id",
            JANE_INSTANCE,
            "--user-id",
            user_id,
        ],
    )
    .await
    .unwrap();
    assert_eq!(&listed["UserProficiencyList"], expected);

    let user = demo_users()
        .iter()
        .find(|u| u["Tags"].as_object().is_some_and(|t| !t.is_empty()))
        .unwrap();
    let arn = format!(
        "arn:aws:connect:us-west-2:123456789012:instance/{JANE_INSTANCE}/agent/{}",
        user["Id"].as_str().unwrap()
    );
    let tags = aws(&server, &["list-tags-for-resource", "--resource-arn", &arn])
        .await
        .unwrap();
    assert_eq!(tags["tags"], user["Tags"]);
}
