//! Listing 20,000 users from `mock-server` over loopback with the real SDK, as the browser
//! and `list-users` do: the in-process endpoint with generated users, `ConnectClient` paging
//! at the largest page size. Prints the request count (read back from the endpoint's request
//! log) so the "≤ 20 ListUsers requests" budget is checked by the same run.
//!
//! Run: `cargo bench --bench load`

use connect_tui::connect::{ClientOptions, ConnectClient, RateLimit};
use connect_tui::mock::{self, MockConfig};

const INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
const GENERATED: usize = 20_000;

fn main() {
    divan::main();
}

struct Setup {
    runtime: tokio::runtime::Runtime,
    client: ConnectClient,
    log: tempfile::NamedTempFile,
    server: mock::MockHandle,
}

fn setup(rate: Option<&str>) -> Setup {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let (server, client) = runtime.block_on(async {
        let server = mock::start(MockConfig {
            extra_users: GENERATED,
            request_log: Some(log.path().to_path_buf()),
            ..MockConfig::demo()
        })
        .await
        .expect("mock server");
        let client = client(server.endpoint_url(), rate).await;
        (server, client)
    });
    Setup {
        runtime,
        client,
        log,
        server,
    }
}

/// A fresh client (and so a full rate-limit bucket); `rate` is `--max-rps`, `None` the default.
async fn client(endpoint_url: String, rate: Option<&str>) -> ConnectClient {
    ConnectClient::new(&ClientOptions {
        endpoint_url: Some(endpoint_url),
        demo: true,
        rate_limit: rate.map(|r| RateLimit::parse(r).expect("rate")),
        ..ClientOptions::default()
    })
    .await
    .expect("client")
}

async fn list_all(client: &ConnectClient) -> usize {
    let mut token = None;
    let mut users = 0;
    loop {
        let page = client
            .list_users_page(INSTANCE, token, None)
            .await
            .expect("ListUsers");
        users += page.items.len();
        match page.next_token {
            Some(next) => token = Some(next),
            None => return users,
        }
    }
}

fn list_users_requests(log: &std::path::Path) -> usize {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter(|line| line.contains("\"op\":\"ListUsers\""))
        .count()
}

/// Our paging speed: the client-side rate limit raised out of the way (`--max-rps 1000/1000`).
#[divan::bench(sample_count = 10)]
fn list_20000_users(bencher: divan::Bencher) {
    let setup = setup(Some("1000/1000"));
    let expected = GENERATED + 31; // plus the hand-made demo users
    // One measured listing outside the loop, to report the request count of exactly one.
    let before = list_users_requests(setup.log.path());
    let users = setup.runtime.block_on(list_all(&setup.client));
    let requests = list_users_requests(setup.log.path()) - before;
    assert!(users >= GENERATED, "listed {users} users");
    eprintln!(
        "one listing: {users} users (expected about {expected}) in {requests} ListUsers requests"
    );
    bencher.bench_local(|| setup.runtime.block_on(list_all(&setup.client)));
}

/// What a user waits by default: each run a fresh client with the polite default limit
/// (1.6 requests/s per operation, burst 5), so 21 pages take about 5 at once + 16 / 1.6 = 10 s.
#[divan::bench(sample_count = 3)]
fn list_20000_users_default_rate_limit(bencher: divan::Bencher) {
    let setup = setup(None);
    let endpoint = setup.server.endpoint_url();
    bencher
        .with_inputs(|| setup.runtime.block_on(client(endpoint.clone(), None)))
        .bench_local_values(|client| {
            setup.runtime.block_on(list_all(&client));
            client
        });
}
