//! Connect's quota on the wire: a burst per operation, then 429 ThrottlingException, seen by
//! the real SDK with retries off and counted in the request log. The rates are tiny (one
//! token every 100 s) so no token comes back during a test however slow the machine: what
//! passes is exactly the burst, with no sleeps and no timing to race.

use std::io::Write;

use connect_tui::mock::{DataSource, MockConfig, ThrottleScope};
use serde_json::Value;

use super::support::*;
use crate::common::mock_process::Mock;

/// The request log's `(op, status, fault)` per request.
fn outcomes(log: &[Value]) -> Vec<(String, u64, Option<String>)> {
    log.iter()
        .map(|e| {
            (
                e["op"].as_str().unwrap_or_default().to_string(),
                e["status"].as_u64().unwrap_or_default(),
                e["fault"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn ok(op: &str) -> (String, u64, Option<String>) {
    (op.to_string(), 200, None)
}

fn throttled(op: &str) -> (String, u64, Option<String>) {
    (op.to_string(), 429, Some("rate_limit".to_string()))
}

#[tokio::test]
async fn five_list_users_pass_the_sixth_is_throttled_and_other_operations_keep_their_burst() {
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut config = MockConfig::demo();
    config.throttle = throttle("0.01/5");
    config.request_log = Some(log.path().to_path_buf());
    let server = start(config).await;
    let client = client(&server);
    let list_users = || client.list_users().instance_id(JANE_INSTANCE).send();

    for i in 0..5 {
        list_users()
            .await
            .unwrap_or_else(|e| panic!("ListUsers {i} is within the burst: {e:?}"));
    }
    assert_eq!(code(list_users().await), "ThrottlingException");
    client
        .list_routing_profiles()
        .instance_id(JANE_INSTANCE)
        .send()
        .await
        .expect("ListRoutingProfiles has a burst of its own");

    // What the SDK parsed is what the wire says.
    let raw = raw(
        &server,
        "GET",
        &format!("/users-summary/{JANE_INSTANCE}"),
        "",
    )
    .await;
    assert_eq!(raw.status, 429);
    assert_eq!(raw.header("x-amzn-ErrorType"), Some("ThrottlingException"));
    assert!(raw.header("x-amzn-RequestId").is_some());

    let mut expected = vec![ok("ListUsers"); 5];
    expected.extend([
        throttled("ListUsers"),
        ok("ListRoutingProfiles"),
        throttled("ListUsers"),
    ]);
    assert_eq!(outcomes(&log_lines(log.path())), expected);
}

#[tokio::test]
async fn account_scope_shares_one_burst_between_operations() {
    let mut config = MockConfig::demo();
    config.throttle = throttle("0.01/5");
    config.throttle.scope = Some(ThrottleScope::Account);
    let server = start(config).await;
    let client = client(&server);
    for _ in 0..3 {
        client
            .list_users()
            .instance_id(JANE_INSTANCE)
            .send()
            .await
            .expect("within the shared burst");
    }
    for _ in 0..2 {
        client
            .list_routing_profiles()
            .instance_id(JANE_INSTANCE)
            .send()
            .await
            .expect("within the shared burst");
    }
    let sixth = client
        .describe_user()
        .instance_id(JANE_INSTANCE)
        .user_id(JANE)
        .send()
        .await;
    assert_eq!(code(sixth), "ThrottlingException");
}

/// The demo data with a `Throttle` section, as a `--data` file.
fn data_file_with(throttle: Value) -> tempfile::NamedTempFile {
    let mut data = DEMO.clone();
    data["Throttle"] = throttle;
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(data.to_string().as_bytes()).unwrap();
    file
}

/// How many of `n` back-to-back DescribeUser and ListUsers calls pass, respectively.
async fn passing(url: &str, n: usize) -> (usize, usize) {
    let client = client_at(url);
    let mut described = 0;
    let mut listed = 0;
    for _ in 0..n {
        let describe = client
            .describe_user()
            .instance_id(JANE_INSTANCE)
            .user_id(JANE);
        described += usize::from(describe.send().await.is_ok());
        let list = client.list_users().instance_id(JANE_INSTANCE);
        listed += usize::from(list.send().await.is_ok());
    }
    (described, listed)
}

#[tokio::test]
async fn a_data_files_quotas_apply_under_the_command_lines() {
    let file = data_file_with(serde_json::json!({
        "Rate": "0.01/1",
        "Operations": {"ListUsers": "0.01/3", "DescribeUser": 0.01}
    }));
    let mut config = MockConfig::demo();
    config.data = DataSource::File(file.path().to_path_buf());
    let server = start(config.clone()).await;
    // DescribeUser: the file's override (default burst 5); ListUsers: the file's 3.
    assert_eq!(passing(&server.endpoint_url(), 6).await, (5, 3));

    config.throttle = throttle("0.01/1");
    config
        .throttle
        .operations
        .insert("ListUsers".into(), "0.01/2".parse().unwrap());
    let server = start(config).await;
    // The command line's ListUsers override wins; the file's DescribeUser one stays.
    assert_eq!(passing(&server.endpoint_url(), 6).await, (5, 2));
}

#[tokio::test]
async fn the_binarys_flags_set_a_rate_overrides_and_the_synonym() {
    let url = |mock: &Mock| mock.url.clone();
    let per_operation = Mock::start(&["--throttle", "0.01/2", "--throttle", "ListUsers=0.01/4"]);
    assert_eq!(passing(&url(&per_operation), 6).await, (2, 4));

    let file = data_file_with(serde_json::json!({"Rate": "0.01/4", "Scope": "operation"}));
    let path = file.path().to_str().unwrap();
    // --throttle-rps 0.01 is one account-wide bucket of 1, over the file's rate and scope.
    let synonym = Mock::start(&["--data", path, "--throttle-rps", "0.01"]);
    assert_eq!(passing(&url(&synonym), 3).await, (1, 0));
    let statuses: Vec<u64> = synonym
        .requests()
        .iter()
        .map(|e| e["status"].as_u64().unwrap_or_default())
        .collect();
    assert_eq!(statuses, [200, 429, 429, 429, 429, 429]);
}
