//! The client layer (`connect::ConnectClient`, the real SDK underneath) over real HTTP on
//! loopback: failures that need no Connect endpoint at all.

use std::time::Duration;

use connect_tui::connect::{ClientOptions, ConnectClient, ErrorKind, RateLimit};

fn options(endpoint: String) -> ClientOptions {
    ClientOptions {
        endpoint_url: Some(endpoint),
        demo: true,
        connect_timeout: Some(Duration::from_secs(2)),
        read_timeout: Some(Duration::from_millis(300)),
        rate_limit: Some(RateLimit::parse("1000").unwrap()),
        ..ClientOptions::default()
    }
}

#[tokio::test]
async fn unreachable_endpoint_is_reported_as_such() {
    // Bind then drop a listener: nothing listens on that port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = ConnectClient::new(&options(format!("http://127.0.0.1:{port}")))
        .await
        .unwrap();
    let err = client.list_instances_page(None, None).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unreachable, "{err:?}");
    assert_eq!(err.operation, "ListInstances");
    let url = format!("http://127.0.0.1:{port}");
    let shown = err.human();
    assert!(shown.contains("endpoint unreachable"), "{shown}");
    // It names where it tried to go and the innermost cause, not a debug dump.
    assert!(
        shown.contains(&format!("{url}: Connection refused")),
        "{shown}"
    );
}

#[tokio::test]
async fn a_silent_endpoint_times_out() {
    // Accepts connections and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let _server = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let client = ConnectClient::new(&options(format!("http://{addr}")))
        .await
        .unwrap();
    let err = client
        .describe_user(
            "40c83b68-ea62-414c-97bb-d018e39e158e",
            "0c245dc0-0cf5-4e37-800e-2a7481cc8a60",
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout, "{err:?}");
    assert_eq!(err.operation, "DescribeUser");
}

#[tokio::test]
async fn malformed_endpoint_url_is_bad_input_before_any_request() {
    let err = ConnectClient::new(&options("localhost:9".to_string()))
        .await
        .unwrap_err();
    // A bad --endpoint-url value is a usage error (exit 252), as in AWS CLI v2.
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(
        err.human().contains("must start with http://"),
        "{}",
        err.human()
    );
}
