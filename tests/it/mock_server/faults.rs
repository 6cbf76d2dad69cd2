//! What the SDK hides, seen on the wire (raw HTTP), and misbehaviour on demand: request IDs,
//! unknown paths, throttling with the SDK's retries recovering (quotas: `quota.rs`), injected faults, latency and
//! the request log.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use connect_tui::mock::{Fault, LatencyRange, MockConfig};

use super::support::*;

#[tokio::test]
async fn every_response_has_a_request_id_and_errors_their_type() {
    let server = start(MockConfig::demo()).await;
    let ok = raw(&server, "GET", "/instance", "").await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.header("content-type"), Some("application/json"));
    let ok_id = ok
        .header("x-amzn-RequestId")
        .expect("request id on success")
        .to_string();
    assert_eq!(ok_id.len(), 36);

    let missing = raw(
        &server,
        "GET",
        &format!("/users/{JANE_INSTANCE}/nobody"),
        "",
    )
    .await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("x-amzn-ErrorType"),
        Some("ResourceNotFoundException")
    );
    assert!(
        missing.json()["message"]
            .as_str()
            .unwrap()
            .contains("nobody")
    );
    assert_ne!(missing.header("x-amzn-RequestId"), Some(ok_id.as_str()));

    let unknown = raw(&server, "GET", "/no/such/path", "").await;
    assert_eq!(unknown.status, 404);
    assert_eq!(
        unknown.header("x-amzn-ErrorType"),
        Some("UnknownOperationException")
    );
    assert!(unknown.header("x-amzn-RequestId").is_some());

    let bad_body = raw(&server, "POST", "/search-users", "{not json").await;
    assert_eq!(bad_body.status, 400);
    assert_eq!(
        bad_body.header("x-amzn-ErrorType"),
        Some("InvalidRequestException")
    );

    let bad_max = raw(
        &server,
        "GET",
        &format!("/users-summary/{JANE_INSTANCE}?maxResults=lots"),
        "",
    )
    .await;
    assert_eq!(bad_max.status, 400);
    assert_eq!(
        bad_max.header("x-amzn-ErrorType"),
        Some("InvalidParameterException")
    );
}

#[tokio::test]
async fn timestamps_are_epoch_numbers_on_the_wire() {
    let server = start(MockConfig::demo()).await;
    let user = raw(
        &server,
        "GET",
        &format!("/users/{JANE_INSTANCE}/{JANE}"),
        "",
    )
    .await
    .json();
    assert!(user["User"]["LastModifiedTime"].is_number());
    let instances = raw(&server, "GET", "/instance", "").await.json();
    assert!(instances["InstanceSummaryList"][0]["CreatedTime"].is_number());
}

#[tokio::test]
async fn throttling_is_retried_by_the_sdk_and_recovers() {
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut config = MockConfig::demo();
    // Two requests a second with a burst of two: back-to-back calls are throttled however
    // slowly this machine runs them, and each must still succeed through the SDK's retries.
    config.throttle = throttle("2/2");
    config.request_log = Some(log.path().to_path_buf());
    let server = start(config).await;
    let client = retrying_client(&server);
    for _ in 0..8 {
        let out = client
            .describe_user()
            .instance_id(JANE_INSTANCE)
            .user_id(JANE)
            .send()
            .await
            .expect("retried until it succeeded");
        assert_eq!(out.user().unwrap().username(), Some("Jane"));
    }

    let entries = log_lines(log.path());
    let throttled: Vec<_> = entries.iter().filter(|e| e["status"] == 429).collect();
    assert!(!throttled.is_empty(), "the rate was never exceeded");
    assert!(
        throttled
            .iter()
            .all(|e| e["op"] == "DescribeUser" && e["fault"] == "rate_limit")
    );
    assert_eq!(entries.iter().filter(|e| e["status"] == 200).count(), 8);

    let direct = raw(&server, "GET", "/instance", "").await;
    if direct.status == 429 {
        assert_eq!(
            direct.header("x-amzn-ErrorType"),
            Some("ThrottlingException")
        );
    }
}

#[tokio::test]
async fn a_throttled_request_without_retries_reports_throttling() {
    let mut config = MockConfig::demo();
    config.throttle = throttle("0.01/1");
    let server = start(config).await;
    let client = client(&server);
    client
        .list_instances()
        .send()
        .await
        .expect("the burst allows one request");
    let second = client.list_instances().send().await;
    assert_eq!(code(second), "ThrottlingException");
}

#[tokio::test]
async fn injected_faults_mix_all_seven_kinds_reproducibly() {
    let run = |seed| async move {
        let mut config = MockConfig::demo();
        config.fault_rate = 1.0;
        config.seed = seed;
        let server = start(config).await;
        let mut outcomes = Vec::new();
        for _ in 0..60 {
            let response = raw(&server, "GET", "/instance", "").await;
            let kind = match (response.status, response.complete) {
                (200, false) => "closed".to_string(),
                (200, true) => match serde_json::from_slice::<serde_json::Value>(&response.body) {
                    Err(_) if response.body.starts_with(b"{\"message\": \"Injected") => {
                        "malformed".to_string()
                    }
                    Err(_) => "truncated".to_string(),
                    Ok(body) if !body["InstanceSummaryList"].is_array() => "wrong type".to_string(),
                    Ok(_) => "no fault".to_string(),
                },
                (status, _) => format!(
                    "{status} {}",
                    response.header("x-amzn-ErrorType").unwrap_or_default()
                ),
            };
            outcomes.push(kind);
        }
        outcomes
    };
    let outcomes = run(5).await;
    let kinds: HashSet<&str> = outcomes.iter().map(String::as_str).collect();
    let expected = HashSet::from([
        "500 InternalServiceException",
        "503 ServiceUnavailableException",
        "429 ThrottlingException",
        "closed",
        "truncated",
        "malformed",
        "wrong type",
    ]);
    assert_eq!(kinds, expected);
    assert_eq!(outcomes, run(5).await, "same seed, same faults");
}

#[tokio::test]
async fn sdk_retries_through_a_share_of_faults() {
    let mut config = MockConfig::demo();
    config.fault_rate = 0.3;
    // The faults the SDK retries by itself; a 200 with a corrupt body needs connect-tui's
    // own retry classifier (tested through the binary in tests/reliability).
    config.fault_kinds = vec![
        Fault::Internal,
        Fault::Unavailable,
        Fault::Throttled,
        Fault::ConnectionClosed,
    ];
    config.seed = 11;
    let server = start(config).await;
    let client = retrying_client(&server);
    for _ in 0..15 {
        let out = client
            .describe_instance()
            .instance_id(JANE_INSTANCE)
            .send()
            .await
            .expect("retries recover");
        assert_eq!(out.instance().unwrap().id(), Some(JANE_INSTANCE));
    }
}

#[tokio::test]
async fn latency_is_added_to_every_response() {
    let mut config = MockConfig::demo();
    config.latency = Some(LatencyRange {
        min_ms: 150,
        max_ms: 200,
    });
    let server = start(config).await;
    let started = Instant::now();
    let response = raw(&server, "GET", "/instance", "").await;
    assert_eq!(response.status, 200);
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn the_request_log_names_each_operation_with_status_and_time() {
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut config = MockConfig::demo();
    config.request_log = Some(log.path().to_path_buf());
    let server = start(config).await;
    let client = client(&server);
    client
        .list_users()
        .instance_id(JANE_INSTANCE)
        .send()
        .await
        .unwrap();
    let _ = client
        .describe_user()
        .instance_id(JANE_INSTANCE)
        .user_id("nobody")
        .send()
        .await;
    client
        .search_users()
        .instance_id(JANE_INSTANCE)
        .send()
        .await
        .unwrap();
    let _ = client
        .list_contact_flows()
        .instance_id(JANE_INSTANCE)
        .send()
        .await;
    raw(&server, "GET", "/no/such/path", "").await;

    let entries = log_lines(log.path());
    let summary: Vec<(String, u64)> = entries
        .iter()
        .map(|e| {
            (
                e["op"].as_str().unwrap().to_string(),
                e["status"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("ListUsers", 200),
        ("DescribeUser", 404),
        ("SearchUsers", 200),
        ("ListContactFlows", 400),
        ("Unknown", 404),
    ];
    let expected: Vec<(String, u64)> = expected
        .iter()
        .map(|(op, s)| (op.to_string(), *s))
        .collect();
    assert_eq!(summary, expected);
    for entry in &entries {
        assert!(entry["ms"].as_f64().is_some_and(|ms| ms >= 0.0), "{entry}");
        assert!(entry.get("fault").is_none(), "{entry}");
    }
}

#[tokio::test]
async fn a_request_abandoned_by_its_client_is_still_logged() {
    use tokio::io::AsyncWriteExt;

    let log = tempfile::NamedTempFile::new().unwrap();
    let mut config = MockConfig::demo();
    config.latency = Some(LatencyRange {
        min_ms: 30_000,
        max_ms: 30_000,
    });
    config.request_log = Some(log.path().to_path_buf());
    let server = start(config).await;
    let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    let request = format!("GET /users/{JANE_INSTANCE}/{JANE} HTTP/1.1\r\nHost: x\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    // Hang up after the request: the bytes arrive before the end of stream, so the server
    // has the request (it sleeps in the latency) when it sees the client go away.
    stream.shutdown().await.unwrap();

    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(log.path()).unwrap();
        if let Some(line) = text.lines().next() {
            let entry: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(entry["op"], "DescribeUser");
            assert_eq!(entry["status"], 499);
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the abandoned request was never logged"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
