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
    _server: mock::MockHandle,
}

fn setup() -> Setup {
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
        let client = ConnectClient::new(&ClientOptions {
            endpoint_url: Some(server.endpoint_url()),
            demo: true,
            // The benchmark measures our paging, not the polite default rate.
            rate_limit: Some(RateLimit::parse("1000/1000").expect("rate")),
            ..ClientOptions::default()
        })
        .await
        .expect("client");
        (server, client)
    });
    Setup {
        runtime,
        client,
        log,
        _server: server,
    }
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

#[divan::bench(sample_count = 10)]
fn list_20000_users(bencher: divan::Bencher) {
    let setup = setup();
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
