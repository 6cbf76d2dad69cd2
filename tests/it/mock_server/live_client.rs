//! The client layer's new reads (live status, routing, queues, permissions, proficiencies)
//! through `ConnectClient` and the real SDK against the endpoint: every method, paging at
//! small and default page sizes, the requests' page sizes in the request log, and the
//! 100-agent limit of GetCurrentUserData refused before anything is sent.

use std::future::Future;

use connect_tui::connect::{ApiError, ClientOptions, ConnectClient, ErrorKind, RateLimit};
use connect_tui::mock::{MockConfig, MockHandle};
use connect_tui::model::{Page, StampedPage, UserDataFilters};
use serde_json::Value;

use super::support::*;

const BASIC_PROFILE: &str = "0be36ee9-2b5f-4ef4-bcf7-87738e5be0e5";
const SUPERVISORS_PROFILE: &str = "2f6e3fb9-d962-4fed-9a52-290ff3aa40a5";
const ADMIN_SECURITY_PROFILE: &str = "c2f6ea45-abae-4d04-95ee-a66b8ff32338";
const BASIC_QUEUE: &str = "bc3c5385-2597-4c81-a438-a3078597f77d";
const ON_A_CALL: &str = "ccdf22a2-6cee-486f-b7d8-1daa5bc20f26";
const OFFLINE: &str = "68f66aa5-2e69-4828-b758-386a208b3419";
const IN_ACW: &str = "68e6850a-c2f1-4c19-adf4-7a52d02842ee";

async fn our_client(server: &MockHandle) -> ConnectClient {
    ConnectClient::new(&ClientOptions {
        endpoint_url: Some(server.endpoint_url()),
        demo: true,
        rate_limit: Some(RateLimit::parse("1000").unwrap()),
        ..ClientOptions::default()
    })
    .await
    .expect("client")
}

/// Walks every page of a listing, `fetch(token)` getting one.
async fn walk<T, F, Fut>(mut fetch: F) -> (Vec<T>, usize)
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Page<T>, ApiError>>,
{
    let (mut all, mut pages, mut token) = (Vec::new(), 0, None);
    loop {
        let page = fetch(token).await.expect("page");
        pages += 1;
        all.extend(page.items);
        match page.next_token {
            Some(next) => token = Some(next),
            None => return (all, pages),
        }
    }
}

fn unstamped<T>(page: StampedPage<T>) -> Page<T> {
    assert!(page.last_modified_time.is_some() && page.last_modified_region.is_some());
    Page {
        items: page.items,
        next_token: page.next_token,
    }
}

fn strings(values: &Value) -> Vec<String> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn live_status_of_the_demo_users_and_the_100_agent_limit() {
    let log = tempfile::NamedTempFile::new().unwrap();
    let server = start(MockConfig {
        request_log: Some(log.path().to_path_buf()),
        ..MockConfig::demo()
    })
    .await;
    let client = our_client(&server).await;
    let ids: Vec<String> = [JANE, ON_A_CALL, OFFLINE, IN_ACW]
        .map(String::from)
        .to_vec();
    let data = client
        .get_current_user_data(JANE_INSTANCE, &ids)
        .await
        .unwrap();
    let find = |id: &str| {
        data.iter()
            .find(|d| d.user.as_ref().and_then(|u| u.id.as_deref()) == Some(id))
            .unwrap_or_else(|| panic!("{id} is logged in"))
    };
    let status = |id: &str| find(id).status.clone().unwrap().status_name.unwrap();
    assert_eq!(status(JANE), "Available");
    assert!(find(JANE).contacts.as_ref().unwrap().is_empty());
    assert_eq!(status(OFFLINE), "Offline");
    let call = &find(ON_A_CALL).contacts.clone().unwrap()[0];
    assert_eq!(
        (call.channel.as_deref(), call.agent_contact_state.as_deref()),
        (Some("VOICE"), Some("CONNECTED"))
    );
    let acw = &find(IN_ACW).contacts.clone().unwrap()[0];
    assert_eq!(acw.agent_contact_state.as_deref(), Some("ENDED"));
    let jane = find(JANE);
    assert_eq!(
        jane.routing_profile.as_ref().unwrap().id.as_deref(),
        Some(BASIC_PROFILE)
    );
    assert_eq!(jane.max_slots_by_channel.as_ref().unwrap()["CHAT"], 2);

    // 101 agents: the service's error, and no request spent on it.
    let too_many: Vec<String> = (0..101).map(|i| format!("agent-{i}")).collect();
    let before = log_lines(log.path()).len();
    let err = client
        .get_current_user_data(JANE_INSTANCE, &too_many)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert_eq!(err.code.as_deref(), Some("InvalidParameterException"));
    assert_eq!(log_lines(log.path()).len(), before);
    // The service says the same when the limit is not checked first (the raw endpoint).
    let body = serde_json::json!({"Filters": {"Agents": too_many}}).to_string();
    let raw = raw(
        &server,
        "POST",
        &format!("/metrics/userdata/{JANE_INSTANCE}"),
        &body,
    )
    .await;
    assert_eq!(raw.status, 400);
    assert_eq!(raw.json()["message"].as_str(), Some(err.message.as_str()));
    for line in log_lines(log.path()) {
        assert_eq!(line["op"], "GetCurrentUserData");
    }
}

#[tokio::test]
async fn current_user_data_pages_through_many_agents() {
    let server = start(MockConfig {
        extra_users: 400,
        ..MockConfig::demo()
    })
    .await;
    let client = our_client(&server).await;
    let everyone = UserDataFilters {
        routing_profiles: Some(vec![BASIC_PROFILE.to_string(), SUPERVISORS_PROFILE.into()]),
        ..UserDataFilters::default()
    };
    let first = client
        .get_current_user_data_page(JANE_INSTANCE, &everyone, None, Some(7))
        .await
        .unwrap();
    assert_eq!(first.user_data_list.len(), 7);
    let total = first.approximate_total_count.unwrap() as usize;
    assert!(total > 7, "{total}");
    let (all, pages) = walk(|token| {
        let client = &client;
        let everyone = &everyone;
        async move {
            let page = client
                .get_current_user_data_page(JANE_INSTANCE, everyone, token, Some(7))
                .await?;
            Ok(Page {
                items: page.user_data_list,
                next_token: page.next_token,
            })
        }
    })
    .await;
    // The same 30-second window for all pages is not guaranteed, so only the shape is
    // compared: every page but the last full, every agent on one of the two profiles.
    assert!(pages >= total / 7, "{pages} pages for {total}");
    for d in &all {
        let profile = d.routing_profile.as_ref().unwrap().id.clone().unwrap();
        assert!([BASIC_PROFILE, SUPERVISORS_PROFILE].contains(&profile.as_str()));
    }
}

#[tokio::test]
async fn routing_profile_queues_and_description() {
    let server = start(MockConfig::demo()).await;
    let client = our_client(&server).await;
    let data = demo_instance(JANE_INSTANCE);
    let expected = &data["RoutingProfileQueues"][SUPERVISORS_PROFILE];
    let (configs, pages) = walk(|token| {
        let client = &client;
        async move {
            client
                .list_routing_profile_queues_page(
                    JANE_INSTANCE,
                    SUPERVISORS_PROFILE,
                    token,
                    Some(3),
                )
                .await
                .map(unstamped)
        }
    })
    .await;
    assert_eq!(configs.len(), expected.as_array().unwrap().len());
    assert_eq!(pages, configs.len().div_ceil(3));
    for (ours, theirs) in configs.iter().zip(expected.as_array().unwrap()) {
        assert_eq!(ours.queue_id.as_deref(), theirs["QueueId"].as_str());
        assert_eq!(ours.channel.as_deref(), theirs["Channel"].as_str());
        assert_eq!(ours.priority, theirs["Priority"].as_i64().map(|p| p as i32));
        assert_eq!(ours.delay, theirs["Delay"].as_i64().map(|d| d as i32));
        assert!(ours.queue_name.is_some() && ours.queue_arn.is_some());
    }
    let page = client
        .list_routing_profile_queues_page(JANE_INSTANCE, BASIC_PROFILE, None, None)
        .await
        .unwrap();
    let channels: Vec<_> = page
        .items
        .iter()
        .filter_map(|c| c.channel.as_deref())
        .collect();
    assert_eq!(channels, ["VOICE", "CHAT"]);
    assert_eq!(page.items[0].queue_name.as_deref(), Some("BasicQueue"));

    let basic = client
        .describe_routing_profile(JANE_INSTANCE, BASIC_PROFILE)
        .await
        .unwrap();
    assert_eq!(basic.name.as_deref(), Some("Basic Routing Profile"));
    assert_eq!(
        basic.default_outbound_queue_id.as_deref(),
        Some(BASIC_QUEUE)
    );
    assert_eq!(basic.number_of_associated_queues, Some(1));
    let media = basic.media_concurrencies.unwrap();
    assert_eq!(media.len(), 2);
    assert_eq!(media[1].channel.as_deref(), Some("CHAT"));
    assert_eq!(media[1].concurrency, Some(2));
    assert_eq!(
        media[0]
            .cross_channel_behavior
            .as_ref()
            .unwrap()
            .behavior_type
            .as_deref(),
        Some("ROUTE_CURRENT_CHANNEL_ONLY")
    );
    let missing = client
        .describe_routing_profile(JANE_INSTANCE, "nope")
        .await
        .unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn queues_statuses_permissions_and_proficiencies() {
    let server = start(MockConfig::demo()).await;
    let client = our_client(&server).await;
    let data = demo_instance(JANE_INSTANCE);

    let (queues, pages) = walk(|token| {
        let client = &client;
        async move {
            client
                .list_queues_page(JANE_INSTANCE, &[], token, Some(4))
                .await
        }
    })
    .await;
    let names: Vec<_> = queues.iter().filter_map(|q| q.name.clone()).collect();
    let expected: Vec<_> = data["Queues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["Name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, expected);
    assert_eq!(pages, expected.len().div_ceil(4));
    assert!(
        queues
            .iter()
            .all(|q| q.queue_type.as_deref() == Some("STANDARD"))
    );
    let agent_queues = client
        .list_queues_page(JANE_INSTANCE, &["AGENT".to_string()], None, None)
        .await
        .unwrap();
    assert!(agent_queues.items.is_empty());

    let basic = client
        .describe_queue(JANE_INSTANCE, BASIC_QUEUE)
        .await
        .unwrap();
    assert_eq!(basic.name.as_deref(), Some("BasicQueue"));
    assert_eq!(basic.status.as_deref(), Some("ENABLED"));
    assert!(basic.outbound_caller_config.is_some());
    let missing = client
        .describe_queue(JANE_INSTANCE, "nope")
        .await
        .unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);

    let (statuses, _) = walk(|token| {
        let client = &client;
        async move {
            client
                .list_agent_statuses_page(JANE_INSTANCE, &[], token, Some(2))
                .await
        }
    })
    .await;
    let names: Vec<_> = statuses.iter().filter_map(|s| s.name.as_deref()).collect();
    assert_eq!(
        names,
        ["Available", "Offline", "Break", "Lunch", "Training"]
    );
    assert_eq!(statuses[0].r#type.as_deref(), Some("ROUTABLE"));

    let expected = strings(&data["SecurityProfilePermissions"][ADMIN_SECURITY_PROFILE]);
    let (permissions, pages) = walk(|token| {
        let client = &client;
        async move {
            client
                .list_security_profile_permissions_page(
                    JANE_INSTANCE,
                    ADMIN_SECURITY_PROFILE,
                    token,
                    Some(10),
                )
                .await
                .map(unstamped)
        }
    })
    .await;
    assert_eq!(permissions, expected);
    assert_eq!(pages, expected.len().div_ceil(10));

    let (user_id, expected) = data["UserProficiencies"]
        .as_object()
        .unwrap()
        .iter()
        .next()
        .unwrap();
    let (proficiencies, _) = walk(|token| {
        let client = &client;
        async move {
            client
                .list_user_proficiencies_page(JANE_INSTANCE, user_id, token, Some(1))
                .await
                .map(unstamped)
        }
    })
    .await;
    let ours = serde_json::to_value(&proficiencies).unwrap();
    assert_eq!(&ours, expected);
    let err = client
        .list_user_proficiencies_page(JANE_INSTANCE, user_id, None, Some(101))
        .await
        .unwrap_err();
    assert_eq!(err.code.as_deref(), Some("InvalidParameterException"));
}

/// 150 queues, statuses and permissions: more than the service's default page of 100, so
/// one page each shows the client asked for the model's largest (1000).
#[tokio::test]
async fn listings_ask_for_the_largest_page() {
    let names: Vec<String> = (0..150).map(|i| format!("item-{i:03}")).collect();
    let queues: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| serde_json::json!({"QueueId": format!("q-{i}"), "Name": n}))
        .collect();
    let statuses: Vec<Value> = names
        .iter()
        .map(|n| serde_json::json!({"Name": n}))
        .collect();
    let file = serde_json::json!({"Instances": [{
        "Instance": {"Id": "big"},
        "SecurityProfiles": [{"Id": "sp", "SecurityProfileName": "Everything"}],
        "SecurityProfilePermissions": {"sp": names},
        "Queues": queues,
        "AgentStatuses": statuses,
    }]});
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    std::fs::write(&path, file.to_string()).unwrap();
    let server = start(MockConfig {
        data: connect_tui::mock::DataSource::File(path),
        ..MockConfig::demo()
    })
    .await;
    let client = our_client(&server).await;
    let permissions = client
        .list_security_profile_permissions_page("big", "sp", None, None)
        .await
        .unwrap();
    assert_eq!(
        (permissions.items.len(), permissions.next_token),
        (150, None)
    );
    let queues = client
        .list_queues_page("big", &[], None, None)
        .await
        .unwrap();
    assert_eq!((queues.items.len(), queues.next_token), (150, None));
    let statuses = client
        .list_agent_statuses_page("big", &[], None, None)
        .await
        .unwrap();
    assert_eq!((statuses.items.len(), statuses.next_token), (150, None));
}
