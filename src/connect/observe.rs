//! An SDK interceptor that guards and watches every call:
//! - refuses, before anything is sent, any operation not on the read-only allowlist
//!   ([`READ_OPERATIONS`]) — the program is read-only by construction, not by convention;
//! - counts throttled answers (429), so the UI can say "throttled" even when the SDK's
//!   retries eventually get through;
//! - logs each request and response at `debug` level for `--debug`, with credentials and
//!   signatures redacted (the `Authorization` header carries the SigV4 signature and access
//!   key ID; `X-Amz-Security-Token` the session token);
//! - stamps each response with its attempt number ([`Attempt`]), so that an error can say
//!   the retries were exhausted, as the AWS CLI does.

use std::sync::Arc;
use tokio::sync::watch;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeDeserializationInterceptorContextMut, BeforeDeserializationInterceptorContextRef,
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::retries::RequestAttempts;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::Headers;
use aws_smithy_types::config_bag::ConfigBag;

/// Every Connect operation this program can send: exactly the operations of the client's
/// methods (`connect/mod.rs`, a test keeps the two equal), all reads. The minimal IAM policy
/// in README.md and docs/iam-policy.json lists exactly these as `connect:` actions (a test
/// keeps those in step too).
pub const READ_OPERATIONS: &[&str] = &[
    "ListInstances",
    "ListUsers",
    "DescribeUser",
    "SearchUsers",
    "ListRoutingProfiles",
    "ListSecurityProfiles",
    "SearchUserHierarchyGroups",
    "ListUserHierarchyGroups",
    "DescribeUserHierarchyGroup",
    "DescribeUserHierarchyStructure",
    "GetCurrentUserData",
    "ListAgentStatuses",
    "DescribeRoutingProfile",
    "ListRoutingProfileQueues",
    "ListQueues",
    "DescribeQueue",
    "ListSecurityProfilePermissions",
    "ListUserProficiencies",
];

/// Headers whose values are secrets and never logged.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "x-amz-security-token",
    "x-amz-sso_bearer_token",
];

/// Which attempt (1 = the first) a response answers; an extension of the raw response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt(pub u32);

#[derive(Debug, Clone)]
pub struct Observer {
    /// The count of throttled answers seen so far. A watch channel rather than an atomic:
    /// the browser waits on it, so it learns of throttling the moment it happens without
    /// polling (an idle process stays asleep).
    throttled: Arc<watch::Sender<u64>>,
}

impl Default for Observer {
    fn default() -> Self {
        Observer {
            throttled: Arc::new(watch::Sender::new(0)),
        }
    }
}

impl Observer {
    /// The shared count of throttled answers seen so far.
    pub fn throttled_counter(&self) -> Arc<watch::Sender<u64>> {
        self.throttled.clone()
    }
}

fn operation(cfg: &ConfigBag) -> String {
    cfg.load::<Metadata>()
        .map(|m| m.name().to_string())
        .unwrap_or_default()
}

/// `name: value` lines with secrets replaced by `<redacted>`.
pub fn redacted_headers(headers: &Headers) -> String {
    headers
        .iter()
        .map(|(name, value)| {
            if SECRET_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                format!("{name}: <redacted>")
            } else {
                format!("{name}: {value}")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Intercept for Observer {
    fn name(&self) -> &'static str {
        "connect-tui-observer"
    }

    fn read_before_serialization(
        &self,
        _context: &BeforeSerializationInterceptorContextRef<'_>,
        _rc: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let op = operation(cfg);
        if READ_OPERATIONS.contains(&op.as_str()) {
            Ok(())
        } else {
            Err(format!("connect-tui is read-only and refuses to call {op}").into())
        }
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _rc: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if tracing::enabled!(tracing::Level::DEBUG) {
            let request = context.request();
            let body = request
                .body()
                .bytes()
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            tracing::debug!(
                target: "connect_tui::wire",
                "{} request: {} {} [{}] {}",
                operation(cfg),
                request.method(),
                request.uri(),
                redacted_headers(request.headers()),
                body
            );
        }
        Ok(())
    }

    fn modify_before_deserialization(
        &self,
        context: &mut BeforeDeserializationInterceptorContextMut<'_>,
        _rc: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if let Some(attempts) = cfg.load::<RequestAttempts>() {
            context
                .response_mut()
                .add_extension(Attempt(attempts.attempts()));
        }
        Ok(())
    }

    fn read_before_deserialization(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _rc: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let response = context.response();
        let status = response.status().as_u16();
        if status == 429 {
            // Notifies waiting receivers; works with none (commands never watch).
            self.throttled.send_modify(|count| *count += 1);
        }
        if tracing::enabled!(tracing::Level::DEBUG) {
            let body = response
                .body()
                .bytes()
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_else(|| "<streaming>".to_string());
            tracing::debug!(
                target: "connect_tui::wire",
                "{} response: {} [{}] {}",
                operation(cfg),
                status,
                redacted_headers(response.headers()),
                body
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mutating operation is refused before anything reaches the network.
    #[tokio::test]
    async fn mutating_operations_are_refused_before_sending() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let conf = aws_sdk_connect::Config::builder()
            .behavior_version(aws_sdk_connect::config::BehaviorVersion::latest())
            .region(aws_sdk_connect::config::Region::new("us-west-2"))
            .credentials_provider(aws_credential_types::Credentials::for_tests())
            .endpoint_url(format!("http://{addr}"))
            .interceptor(Observer::default())
            .build();
        let sdk = aws_sdk_connect::Client::from_conf(conf);
        let err = sdk
            .delete_user()
            .instance_id("40c83b68-ea62-414c-97bb-d018e39e158e")
            .user_id("0c245dc0-0cf5-4e37-800e-2a7481cc8a60")
            .send()
            .await
            .unwrap_err();
        let shown = aws_smithy_types::error::display::DisplayErrorContext(&err).to_string();
        assert!(
            shown.contains("read-only and refuses to call DeleteUser"),
            "{shown}"
        );
        // Nothing connected: accepting now would only find a connection if one was made.
        let accepted =
            tokio::time::timeout(std::time::Duration::from_millis(200), listener.accept()).await;
        assert!(accepted.is_err(), "a connection reached the endpoint");
    }

    #[test]
    fn secrets_are_redacted_from_headers() {
        let mut headers = Headers::new();
        headers.insert(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-west-2/connect/aws4_request, Signature=abc123",
        );
        headers.insert("x-amz-security-token", "SESSIONTOKEN");
        headers.insert("x-amz-date", "20261129T000000Z");
        let shown = redacted_headers(&headers);
        assert!(!shown.contains("AKIDEXAMPLE"), "{shown}");
        assert!(!shown.contains("abc123"), "{shown}");
        assert!(!shown.contains("SESSIONTOKEN"), "{shown}");
        assert!(shown.contains("x-amz-date: 20261129T000000Z"), "{shown}");
    }
}
