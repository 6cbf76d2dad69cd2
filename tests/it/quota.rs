//! The client at Connect's real default quota — 2 requests/s with a burst of 5, per
//! operation — enforced by the endpoint: alone, a listing is never throttled; sharing the
//! quota with another caller, it is throttled, retries, and still lists every user exactly
//! once. Throttled answers are counted from the endpoint's request log.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::common::mock_process::request_log;
use connect_tui::connect::{ApiError, ClientOptions, ConnectClient, MAX_USERS_PAGE};
use connect_tui::mock::{self, MockConfig, MockHandle, Quota, ThrottleSettings};

const INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
/// Generated users; the demo data adds 31.
const GENERATED: usize = 5_000;
/// A listing that takes longer than this is stuck, not slow.
const LIMIT: Duration = Duration::from_secs(120);

/// The endpoint with `GENERATED` more users, enforcing Connect's default quota.
async fn endpoint_at_the_quota(log: &Path) -> MockHandle {
    mock::start(MockConfig {
        extra_users: GENERATED,
        request_log: Some(log.to_path_buf()),
        throttle: ThrottleSettings {
            rate: Some(Quota::new(2.0, 5).expect("Connect's default quota")),
            ..ThrottleSettings::default()
        },
        ..MockConfig::demo()
    })
    .await
    .expect("mock endpoint")
}

/// A client with the default (polite) rate limit, as every user runs it.
async fn client(endpoint: &MockHandle) -> ConnectClient {
    ConnectClient::new(&ClientOptions {
        endpoint_url: Some(endpoint.endpoint_url()),
        demo: true,
        ..ClientOptions::default()
    })
    .await
    .expect("client")
}

/// Every user ID of the instance, page by page of `page_size`.
async fn list_all(client: &ConnectClient, page_size: i32) -> Result<Vec<String>, ApiError> {
    let mut ids = Vec::new();
    let mut token = None;
    loop {
        let page = client
            .list_users_page(INSTANCE, token, Some(page_size))
            .await?;
        ids.extend(page.items.into_iter().filter_map(|u| u.id));
        match page.next_token {
            Some(next) => token = Some(next),
            None => return Ok(ids),
        }
    }
}

/// (status, User-Agent) of every ListUsers request in the log.
fn list_users_answers(log: &Path) -> Vec<(u64, String)> {
    request_log(log)
        .into_iter()
        .filter(|entry| entry["op"] == "ListUsers")
        .map(|entry| {
            let status = entry["status"].as_u64().expect("status");
            (status, entry["agent"].as_str().unwrap_or("").to_string())
        })
        .collect()
}

fn assert_every_user_once(ids: &[String]) {
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a user was listed twice");
    assert_eq!(ids.len(), GENERATED + 31, "every user is listed");
}

#[tokio::test]
async fn alone_at_connects_default_quota_a_listing_is_never_throttled() {
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let endpoint = endpoint_at_the_quota(log.path()).await;
    let client = client(&endpoint).await;
    let ids = tokio::time::timeout(LIMIT, list_all(&client, MAX_USERS_PAGE))
        .await
        .expect("the listing finishes")
        .expect("the listing succeeds");
    assert_every_user_once(&ids);
    let answers = list_users_answers(log.path());
    // 5,031 users at 1,000 a page: six requests, five within the burst, then the rate.
    assert_eq!(answers.len(), 6, "{answers:?}");
    assert!(
        answers.iter().all(|(status, _)| *status == 200),
        "throttled while alone: {answers:?}"
    );
}

#[tokio::test]
async fn sharing_the_quota_with_another_caller_a_listing_still_lists_every_user_once() {
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let endpoint = endpoint_at_the_quota(log.path()).await;
    let ours = client(&endpoint).await;
    // The other caller: another admin's script paging at the AWS CLI's default size of 100,
    // over and over, for as long as our listing runs.
    let other = client(&endpoint).await;
    let done = Arc::new(AtomicBool::new(false));
    let competitor = tokio::spawn({
        let done = done.clone();
        async move {
            while !done.load(Ordering::Relaxed) {
                // Its own failures are its business; only ours must not fail.
                let _ = list_all(&other, 100).await;
            }
        }
    });
    let ours_listed = tokio::time::timeout(LIMIT, list_all(&ours, MAX_USERS_PAGE)).await;
    done.store(true, Ordering::Relaxed);
    competitor.abort();
    let ids = ours_listed
        .expect("the listing finishes")
        .expect("throttled answers are retried, not failed");
    assert_every_user_once(&ids);
    let throttled = list_users_answers(log.path())
        .iter()
        .filter(|(status, _)| *status == 429)
        .count();
    assert!(
        throttled > 0,
        "the quota was really shared: the endpoint throttled someone"
    );
}
