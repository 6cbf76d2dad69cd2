//! An SDK interceptor that watches every HTTP attempt (retries included):
//! - counts throttled answers (429), so the UI can say "throttled" even when the SDK's
//!   adaptive retry eventually gets through;
//! - logs each request and response at `debug` level for `--debug`, with credentials and
//!   signatures redacted (the `Authorization` header carries the SigV4 signature and access
//!   key ID; `X-Amz-Security-Token` the session token).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::Headers;
use aws_smithy_types::config_bag::ConfigBag;

/// Headers whose values are secrets and never logged.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "x-amz-security-token",
    "x-amz-sso_bearer_token",
];

#[derive(Debug, Clone, Default)]
pub struct Observer {
    throttled: Arc<AtomicU64>,
}

impl Observer {
    /// The shared count of throttled answers seen so far.
    pub fn throttled_counter(&self) -> Arc<AtomicU64> {
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

    fn read_before_deserialization(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _rc: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let response = context.response();
        let status = response.status().as_u16();
        if status == 429 {
            self.throttled.fetch_add(1, Ordering::Relaxed);
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
