//! The HTTP side: every request goes through one function that names the operation, applies
//! latency, the operation's quota and injected faults, answers, stamps `x-amzn-RequestId` and logs.
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
use super::live::Clock;
use super::operations;
use super::request_log::{Caller, Pending, RequestLog};
use super::throttle::Throttle;
use super::wire::ServiceError;

/// Requests larger than this are refused (SearchUsers bodies are a few kilobytes).
const MAX_BODY_BYTES: usize = 1 << 20;

pub struct Server {
    pub data: Dataset,
    pub faults: Faults,
    pub throttle: Throttle,
    pub log: Option<RequestLog>,
    /// `--deny-region`: requests signed for these regions are refused as in a region the
    /// account has not enabled.
    pub denied_regions: Vec<String>,
    /// Seeds the live-state schedule.
    pub seed: u64,
    /// Epoch seconds at start-up (anchors pinned live states).
    pub started: f64,
}

/// Epoch seconds now.
pub fn epoch_now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
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
    let caller = caller(&parts.headers);
    let denied = caller
        .region
        .as_ref()
        .is_some_and(|r| server.denied_regions.contains(r));
    let pending = Pending::new(server.log.as_ref(), op, caller, started);

    if let Some(delay) = server.faults.latency() {
        tokio::time::sleep(delay).await;
    }
    // After routing: the quota, and so the bucket, is the operation's.
    let (mut response, fault) = if denied {
        let error = ServiceError::unrecognized_client(
            "The security token included in the request is invalid.",
        );
        (error.into_response(), None)
    } else if server.throttle.throttled(op, Instant::now()) {
        let error = ServiceError::throttling("Rate exceeded");
        (error.into_response(), Some("rate_limit"))
    } else {
        match server.faults.pick() {
            Some(fault) if !fault.corrupts_body() => (fault_response(fault), Some(fault.label())),
            Some(fault) => {
                let real = answer(&server, &parts, resolved, body).await;
                if real.status() == StatusCode::OK {
                    (corrupt(real, fault).await, Some(fault.label()))
                } else {
                    (real, None)
                }
            }
            None => (answer(&server, &parts, resolved, body).await, None),
        }
    };

    let request_id = random_uuid(&mut fastrand::Rng::new());
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-amzn-RequestId", value);
    }
    pending.finish(response.status().as_u16(), fault);
    response
}

/// The User-Agent, and the region from SigV4's `Authorization: AWS4-HMAC-SHA256
/// Credential=KEY/DATE/REGION/SERVICE/aws4_request, …`.
fn caller(headers: &axum::http::HeaderMap) -> Caller {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let region = text(header::AUTHORIZATION)
        .and_then(|auth| auth.split("Credential=").nth(1))
        .and_then(|scope| scope.split('/').nth(2))
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    Caller {
        agent: text(header::USER_AGENT).map(str::to_string),
        region,
    }
}

/// The real answer to the request: the operation's handler, or an error naming what is wrong.
async fn answer(
    server: &Server,
    parts: &axum::http::request::Parts,
    resolved: Option<operations::Resolved>,
    body: Body,
) -> Response {
    let Some(op) = resolved else {
        return ServiceError::unknown_operation(format!(
            "no Amazon Connect operation is bound to {} {}",
            parts.method,
            parts.uri.path()
        ))
        .into_response();
    };
    match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Err(e) => {
            ServiceError::invalid_request(format!("unreadable request body: {e}")).into_response()
        }
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
                clock: Clock {
                    now: epoch_now(),
                    started: server.started,
                    seed: server.seed,
                },
            })
        }
    }
}

/// A successful answer with its body spoiled the way `fault` says; status and headers stay
/// those of a good answer, so only reading the body can tell.
async fn corrupt(response: Response, fault: Fault) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(good) = axum::body::to_bytes(body, usize::MAX).await else {
        return ServiceError::internal("could not buffer the answer").into_response();
    };
    let spoiled: Vec<u8> = match fault {
        Fault::TruncatedJson => good[..good.len() / 2].to_vec(),
        Fault::WrongType => match serde_json::from_slice(&good) {
            Ok(value) => wrong_types(value).to_string().into_bytes(),
            Err(_) => good[..good.len() / 2].to_vec(),
        },
        // Not JSON however a parser looks at it: a doubled comma after a first member.
        _ => br#"{"message": "Injected fault: malformed JSON",, ]"#.to_vec(),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(spoiled))
}

/// Every top-level member replaced by a value of another JSON type (lists become strings,
/// strings numbers...): what a client sees when the service's shapes drift from its model.
fn wrong_types(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(name, member)| {
                    let wrong = match member {
                        Value::String(_) => Value::from(42),
                        Value::Array(_) => Value::from("not a list"),
                        Value::Object(_) => Value::Array(Vec::new()),
                        Value::Number(_) | Value::Bool(_) | Value::Null => {
                            Value::from("not a number")
                        }
                    };
                    (name, wrong)
                })
                .collect(),
        ),
        other => other,
    }
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
        // Body faults spoil a real answer (`corrupt`); were one asked for here, a dropped
        // connection is the closest fault that needs no answer.
        Fault::ConnectionClosed
        | Fault::TruncatedJson
        | Fault::MalformedJson
        | Fault::WrongType => {
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
