//! The HTTP side: every request goes through one function that names the operation, applies
//! latency, throttling and injected faults, answers, stamps `x-amzn-RequestId` and logs.
//! Routing is by the model's bindings (see `operations.rs`) rather than axum routes, so
//! unserved and mutating operations are still named in the request log.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;

use super::dataset::Dataset;
use super::faults::{Fault, Faults};
use super::handlers;
use super::ids::random_uuid;
use super::operations;
use super::request_log::{Pending, RequestLog};
use super::wire::ServiceError;

/// Requests larger than this are refused (SearchUsers bodies are a few kilobytes).
const MAX_BODY_BYTES: usize = 1 << 20;

pub struct Server {
    pub data: Dataset,
    pub faults: Faults,
    pub log: Option<RequestLog>,
}

pub fn router(server: Arc<Server>) -> Router {
    Router::new().fallback(handle).with_state(server)
}

async fn handle(State(server): State<Arc<Server>>, request: Request) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let resolved = operations::resolve(parts.method.as_str(), parts.uri.path());
    let op = resolved.as_ref().map_or("Unknown", |r| r.name);
    // Logged when answered, or with 499 if the client gives up first (say during --latency-ms).
    let pending = Pending::new(server.log.as_ref(), op, started);

    if let Some(delay) = server.faults.latency() {
        tokio::time::sleep(delay).await;
    }
    let (mut response, fault) = if server.faults.throttled(Instant::now()) {
        let error = ServiceError::throttling("Rate exceeded");
        (error.into_response(), Some("rate_limit"))
    } else if let Some(fault) = server.faults.pick() {
        (fault_response(fault), Some(fault.label()))
    } else {
        let response = match resolved {
            None => ServiceError::unknown_operation(format!(
                "no Amazon Connect operation is bound to {} {}",
                parts.method,
                parts.uri.path()
            ))
            .into_response(),
            Some(op) => match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
                Err(e) => ServiceError::invalid_request(format!("unreadable request body: {e}"))
                    .into_response(),
                Ok(bytes) => {
                    let query: Vec<(String, String)> =
                        form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes())
                            .into_owned()
                            .collect();
                    handlers::answer(&handlers::Request {
                        op: &op,
                        query: &query,
                        body: &bytes,
                        data: &server.data,
                    })
                }
            },
        };
        (response, None)
    };

    let request_id = random_uuid(&mut fastrand::Rng::new());
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-amzn-RequestId", value);
    }
    pending.finish(response.status().as_u16(), fault);
    response
}

fn fault_response(fault: Fault) -> Response {
    match fault {
        Fault::Internal => {
            ServiceError::internal("Injected fault: internal service error").into_response()
        }
        Fault::Unavailable => {
            ServiceError::service_unavailable("Injected fault: service unavailable").into_response()
        }
        Fault::Throttled => {
            ServiceError::throttling("Injected fault: rate exceeded").into_response()
        }
        Fault::ConnectionClosed => {
            // Promise more bytes than are sent, then fail the body: the server aborts the
            // connection half-way through the response, as a dropped network path would.
            // The pause lets the headers and first bytes reach the client before the drop.
            let first =
                futures::stream::once(async { Ok(Bytes::from_static(b"{\"UserSummaryList\":[")) });
            let then_fail = futures::stream::once(async {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                Err(std::io::Error::other(
                    "injected fault: connection closed mid-response",
                ))
            });
            let mut response = Response::new(Body::from_stream(first.chain(then_fail)));
            *response.status_mut() = StatusCode::OK;
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("4096"));
            response
        }
    }
}
