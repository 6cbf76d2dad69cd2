//! The local Connect endpoint against real clients: the real `aws-sdk-connect` client (every
//! served operation, paging, errors, limits, throttling, faults, the request log), raw HTTP
//! for what the SDK hides, the real AWS CLI where installed, and the built binary.

mod support {
    use std::sync::LazyLock;
    use std::time::Duration;

    use aws_sdk_connect::config::retry::RetryConfig;
    use aws_sdk_connect::config::{BehaviorVersion, Credentials, Region};
    use connect_tui::mock::{MockConfig, MockHandle};
    use serde_json::Value;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    pub const JANE_INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
    pub const JANE: &str = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";

    /// The demo data file, as the tests' independent source of truth.
    pub static DEMO: LazyLock<Value> = LazyLock::new(|| {
        serde_json::from_str(include_str!("../../assets/demo.json"))
            .expect("assets/demo.json parses")
    });

    pub fn demo_instances() -> &'static [Value] {
        DEMO["Instances"].as_array().expect("Instances")
    }

    pub fn demo_instance(id: &str) -> &'static Value {
        demo_instances()
            .iter()
            .find(|i| i["Instance"]["Id"] == id)
            .expect("instance in demo")
    }

    pub fn demo_users() -> &'static [Value] {
        demo_instance(JANE_INSTANCE)["Users"]
            .as_array()
            .expect("Users")
    }

    /// Usernames of the demo users that satisfy `keep`, sorted.
    pub fn demo_usernames(keep: impl Fn(&Value) -> bool) -> Vec<String> {
        let mut names: Vec<String> = demo_users()
            .iter()
            .filter(|u| keep(u))
            .map(|u| u["Username"].as_str().unwrap_or_default().to_string())
            .collect();
        names.sort();
        names
    }

    pub async fn start(config: MockConfig) -> MockHandle {
        connect_tui::mock::start(config)
            .await
            .expect("mock server starts")
    }

    fn config(url: &str, attempts: u32) -> aws_sdk_connect::config::Builder {
        aws_sdk_connect::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-west-2"))
            .credentials_provider(Credentials::new("AKIDTEST", "secret", None, None, "test"))
            .endpoint_url(url)
            .retry_config(
                RetryConfig::standard()
                    .with_max_attempts(attempts)
                    .with_initial_backoff(Duration::from_millis(20)),
            )
    }

    /// A client that does not retry, so every error is seen as sent.
    pub fn client(server: &MockHandle) -> aws_sdk_connect::Client {
        client_at(&server.endpoint_url())
    }

    /// [`client`] for an endpoint given by its URL (a `mock-server` process).
    pub fn client_at(url: &str) -> aws_sdk_connect::Client {
        aws_sdk_connect::Client::from_conf(config(url, 1).build())
    }

    /// Throttle settings with `rate` (`RATE[/BURST]`) for every operation, nothing else set.
    pub fn throttle(rate: &str) -> connect_tui::mock::ThrottleSettings {
        connect_tui::mock::ThrottleSettings {
            rate: Some(rate.parse().expect("a valid quota")),
            ..Default::default()
        }
    }

    /// A client that retries as an application would (more patiently than the default).
    pub fn retrying_client(server: &MockHandle) -> aws_sdk_connect::Client {
        aws_sdk_connect::Client::from_conf(config(&server.endpoint_url(), 10).build())
    }

    /// The error code the SDK parsed from a failed call.
    pub fn code<E, R>(
        result: Result<impl std::fmt::Debug, aws_sdk_connect::error::SdkError<E, R>>,
    ) -> String
    where
        E: aws_sdk_connect::error::ProvideErrorMetadata + std::fmt::Debug,
        R: std::fmt::Debug,
    {
        use aws_sdk_connect::error::ProvideErrorMetadata;
        match result {
            Ok(value) => panic!("expected an error, got {value:?}"),
            Err(e) => e.code().unwrap_or("<no code>").to_string(),
        }
    }

    pub struct RawResponse {
        pub status: u16,
        pub headers: Vec<(String, String)>,
        pub body: Vec<u8>,
        /// The body was as long as Content-Length promised.
        pub complete: bool,
    }

    impl RawResponse {
        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }

        pub fn json(&self) -> Value {
            serde_json::from_slice(&self.body).expect("JSON body")
        }
    }

    /// One HTTP/1.1 request on a fresh connection, read until the server closes it.
    pub async fn raw(server: &MockHandle, method: &str, path: &str, body: &str) -> RawResponse {
        let mut stream = tokio::net::TcpStream::connect(server.addr())
            .await
            .expect("connect");
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await.expect("send");
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 8192];
        let read_all = async {
            loop {
                match stream.read(&mut chunk).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => bytes.extend_from_slice(&chunk[..n]),
                }
            }
        };
        tokio::time::timeout(Duration::from_secs(10), read_all)
            .await
            .expect("response within 10 s");
        parse_raw(&bytes)
    }

    fn parse_raw(bytes: &[u8]) -> RawResponse {
        let Some(split) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
            // Closed before a whole header block arrived.
            return RawResponse {
                status: 0,
                headers: Vec::new(),
                body: bytes.to_vec(),
                complete: false,
            };
        };
        let head = String::from_utf8_lossy(&bytes[..split]).to_string();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let body = bytes[split + 4..].to_vec();
        let promised = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse::<usize>().ok());
        let complete = promised.is_none_or(|n| n == body.len());
        RawResponse {
            status,
            headers,
            body,
            complete,
        }
    }

    /// Parsed lines of a request log.
    pub fn log_lines(path: &std::path::Path) -> Vec<Value> {
        std::fs::read_to_string(path)
            .expect("request log exists")
            .lines()
            .map(|l| serde_json::from_str(l).expect("each log line is JSON"))
            .collect()
    }
}

// One test binary (the AWS stack links slowly); its parts live in tests/mock_server/.
#[path = "mock_server/aws_cli.rs"]
mod aws_cli;
#[path = "mock_server/aws_cli_live.rs"]
mod aws_cli_live;
#[path = "mock_server/binary.rs"]
mod binary;
#[path = "mock_server/faults.rs"]
mod faults;
#[path = "mock_server/group_search.rs"]
mod group_search;
#[path = "mock_server/live_client.rs"]
mod live_client;
#[path = "mock_server/quota.rs"]
mod quota;
#[path = "mock_server/sdk.rs"]
mod sdk;
#[path = "mock_server/sdk_resources.rs"]
mod sdk_resources;
#[path = "mock_server/search.rs"]
mod search;
