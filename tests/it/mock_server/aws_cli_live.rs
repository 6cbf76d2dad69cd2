//! The real AWS CLI against the endpoint's live-status, routing, queue and permission reads:
//! each parses, pages with `--page-size`, and says what the data set holds; bad input gets
//! the model's error codes.

use connect_tui::mock::MockConfig;
use serde_json::Value;

use super::aws_cli::{aws, cli_missing};
use super::support::*;

const BASIC_PROFILE: &str = "0be36ee9-2b5f-4ef4-bcf7-87738e5be0e5";
const SUPERVISORS_PROFILE: &str = "2f6e3fb9-d962-4fed-9a52-290ff3aa40a5";
const ADMIN_SECURITY_PROFILE: &str = "c2f6ea45-abae-4d04-95ee-a66b8ff32338";
const BASIC_QUEUE: &str = "bc3c5385-2597-4c81-a438-a3078597f77d";
const ON_A_CALL: &str = "ccdf22a2-6cee-486f-b7d8-1daa5bc20f26";
const OFFLINE: &str = "68f66aa5-2e69-4828-b758-386a208b3419";

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_reads_live_status_and_its_limits() {
    if cli_missing() {
        return;
    }
    let server = start(MockConfig::demo()).await;
    let agents = format!("Agents={JANE},{ON_A_CALL},{OFFLINE}");
    let data = aws(
        &server,
        &[
            "get-current-user-data",
            "--instance-id",
            JANE_INSTANCE,
            "--filters",
            &agents,
        ],
    )
    .await
    .unwrap();
    let list = data["UserDataList"].as_array().unwrap();
    let find = |id: &str| list.iter().find(|d| d["User"]["Id"] == id).unwrap();
    assert_eq!(find(JANE)["Status"]["StatusName"], "Available");
    assert_eq!(find(OFFLINE)["Status"]["StatusName"], "Offline");
    assert_eq!(find(ON_A_CALL)["Contacts"][0]["Channel"], "VOICE");
    assert!(find(JANE)["Status"]["StatusStartTimestamp"].is_number());
    assert_eq!(data["ApproximateTotalCount"], 3);

    let many: Vec<String> = (0..101).map(|i| format!("agent-{i}")).collect();
    let err = aws(
        &server,
        &[
            "get-current-user-data",
            "--instance-id",
            JANE_INSTANCE,
            "--filters",
            &format!("Agents={}", many.join(",")),
        ],
    )
    .await
    .unwrap_err();
    assert!(err.contains("(InvalidParameterException)"), "{err}");
    assert!(err.contains("less than or equal to 100"), "{err}");
    let err = aws(
        &server,
        &[
            "get-current-user-data",
            "--instance-id",
            JANE_INSTANCE,
            "--filters",
            &agents,
            "--max-results",
            "101",
        ],
    )
    .await
    .unwrap_err();
    assert!(err.contains("(InvalidParameterException)"), "{err}");
    let err = aws(
        &server,
        &[
            "get-current-user-data",
            "--instance-id",
            "nope",
            "--filters",
            &agents,
        ],
    )
    .await
    .unwrap_err();
    assert!(err.contains("(ResourceNotFoundException)"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_cli_reads_routing_queues_statuses_and_permissions() {
    if cli_missing() {
        return;
    }
    let server = start(MockConfig::demo()).await;
    let data = demo_instance(JANE_INSTANCE);
    let instance = ["--instance-id", JANE_INSTANCE];

    let mut args = vec![
        "list-routing-profile-queues",
        "--routing-profile-id",
        SUPERVISORS_PROFILE,
    ];
    args.extend(instance);
    args.extend(["--page-size", "3"]);
    let queues = aws(&server, &args).await.unwrap();
    let listed = &queues["RoutingProfileQueueConfigSummaryList"];
    let expected = &data["RoutingProfileQueues"][SUPERVISORS_PROFILE];
    assert_eq!(names(listed, "QueueId"), names(expected, "QueueId"));
    assert_eq!(names(listed, "Channel"), names(expected, "Channel"));
    assert!(queues["LastModifiedTime"].is_number());

    let mut args = vec![
        "describe-routing-profile",
        "--routing-profile-id",
        BASIC_PROFILE,
    ];
    args.extend(instance);
    let profile = aws(&server, &args).await.unwrap();
    let profile = &profile["RoutingProfile"];
    assert_eq!(profile["DefaultOutboundQueueId"], BASIC_QUEUE);
    assert_eq!(
        names(&profile["MediaConcurrencies"], "Channel"),
        ["VOICE", "CHAT"]
    );

    let mut args = vec!["list-queues", "--page-size", "4"];
    args.extend(instance);
    let listed = aws(&server, &args).await.unwrap();
    assert_eq!(
        names(&listed["QueueSummaryList"], "Name"),
        names(&data["Queues"], "Name")
    );
    let mut args = vec!["list-queues", "--queue-types", "AGENT"];
    args.extend(instance);
    let agent = aws(&server, &args).await.unwrap();
    assert_eq!(agent["QueueSummaryList"], Value::Array(Vec::new()));
    let mut args = vec!["describe-queue", "--queue-id", BASIC_QUEUE];
    args.extend(instance);
    let queue = aws(&server, &args).await.unwrap();
    assert_eq!(queue["Queue"]["Name"], "BasicQueue");
    let mut args = vec!["describe-queue", "--queue-id", "nope"];
    args.extend(instance);
    let err = aws(&server, &args).await.unwrap_err();
    assert!(err.contains("(ResourceNotFoundException)"), "{err}");

    let mut args = vec!["list-agent-statuses", "--page-size", "2"];
    args.extend(instance);
    let statuses = aws(&server, &args).await.unwrap();
    assert_eq!(
        names(&statuses["AgentStatusSummaryList"], "Name"),
        names(&data["AgentStatuses"], "Name")
    );

    let mut args = vec![
        "list-security-profile-permissions",
        "--security-profile-id",
        ADMIN_SECURITY_PROFILE,
        "--page-size",
        "7",
    ];
    args.extend(instance);
    let permissions = aws(&server, &args).await.unwrap();
    assert_eq!(
        permissions["Permissions"],
        data["SecurityProfilePermissions"][ADMIN_SECURITY_PROFILE]
    );
    let mut args = vec![
        "list-security-profile-permissions",
        "--security-profile-id",
        ADMIN_SECURITY_PROFILE,
        "--max-results",
        "1001",
    ];
    args.extend(instance);
    let err = aws(&server, &args).await.unwrap_err();
    assert!(err.contains("(InvalidParameterException)"), "{err}");
}
