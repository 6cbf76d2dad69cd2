//! Throttling that outlasts the retries: named as the AWS CLI names it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::support::{KEYS, Sandbox};

/// Answers every request with Connect's throttling error; counts the requests.
async fn always_throttling() -> (String, Arc<AtomicUsize>, tokio::task::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(AtomicUsize::new(0));
    let counted = requests.clone();
    let server = tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let counted = counted.clone();
            tokio::spawn(async move {
                // ListUsers is a GET: the request ends with its headers.
                let mut seen = Vec::new();
                let mut buf = [0u8; 4096];
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => seen.extend_from_slice(&buf[..n]),
                    }
                }
                counted.fetch_add(1, Ordering::SeqCst);
                let body = r#"{"message":"Rate exceeded"}"#;
                let response = format!(
                    "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n\
                     x-amzn-ErrorType: ThrottlingException\r\nx-amzn-RequestId: 1\r\n\
                     Connection: close\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
            });
        }
    });
    (url, requests, server)
}

#[tokio::test]
async fn exhausted_retries_on_throttling_read_as_in_the_aws_cli() {
    let (url, requests, server) = always_throttling().await;
    let out = Sandbox::new()
        .run(
            &[
                "list-users",
                "--instance-id",
                "40c83b68-ea62-414c-97bb-d018e39e158e",
                "--endpoint-url",
                &url,
            ],
            KEYS,
        )
        .await;
    server.abort();
    assert_eq!(out.code, Some(254), "{out:?}");
    assert_eq!(
        out.error_line(),
        "An error occurred (ThrottlingException) when calling the ListUsers operation \
         (reached max retries: 4): Rate exceeded"
    );
    assert_eq!(
        requests.load(Ordering::SeqCst),
        5,
        "one attempt and four retries"
    );
}
