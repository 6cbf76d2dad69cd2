//! SDK errors → [`ApiError`]: the service's code decides the kind when the service answered;
//! otherwise the failure stage (construction, dispatch, timeout, response) does.

use aws_sdk_connect::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;

use super::config::MAX_ATTEMPTS;
use super::observe::Attempt;
use super::{ApiError, ErrorKind};

/// What a message needs, beyond the error, to say what to do.
#[derive(Clone, Debug, Default)]
pub struct ErrorHints {
    /// The profile name when that profile signs in through IAM Identity Center, so expired
    /// sessions can say `aws sso login --profile X`.
    pub sso_profile: Option<String>,
    /// The host whose certificate is checked.
    pub host: String,
    /// The endpoint URL requests go to, named when it cannot be reached.
    pub endpoint: String,
}

/// Maps one SDK error of operation `op`.
pub fn map_sdk_error<E>(
    op: &'static str,
    err: SdkError<E, HttpResponse>,
    hints: &ErrorHints,
) -> ApiError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let sso_profile = hints.sso_profile.as_deref();
    // A refused certificate below a credentials failure is the SSO / STS endpoint's.
    let host = if super::credentials_error::involved(&err) {
        "the credentials endpoint (SSO / STS)"
    } else {
        hints.host.as_str()
    };
    if let Some(tls) = super::tls_error::describe(&err, host) {
        return ApiError::new(ErrorKind::Tls, op, tls);
    }
    if let Some(message) = super::credentials_error::describe(&err, sso_profile.is_some()) {
        let kind = ErrorKind::Credentials {
            sso_profile: sso_profile.map(str::to_string),
        };
        return ApiError::new(kind, op, message);
    }
    match &err {
        // A success status that still failed: the body could not be read as the output (cut
        // short, not JSON, wrong types); retried already (see `retry.rs`), so say what it was.
        SdkError::ServiceError(service) if service.raw().status().is_success() => ApiError::new(
            ErrorKind::Service,
            op,
            format!(
                "unreadable response from the service (HTTP {}): {}",
                service.raw().status().as_u16(),
                last_cause(&err)
            ),
        ),
        SdkError::ServiceError(service) => {
            let e = service.err();
            let code = e.code().unwrap_or("UnknownError").to_string();
            let message = e.message().unwrap_or("").to_string();
            let status = service.raw().status().as_u16();
            let attempts = service.raw().extension::<Attempt>().map_or(1, |a| a.0);
            let mut api =
                ApiError::new(kind_for_code(&code, sso_profile), op, message).with_code(&code);
            if attempts >= MAX_ATTEMPTS && is_retryable(&code, status) {
                api.max_retries_reached = Some(attempts - 1);
            }
            api
        }
        SdkError::TimeoutError(_) => ApiError::new(ErrorKind::Timeout, op, "no answer in time"),
        SdkError::DispatchFailure(d) if d.is_timeout() => {
            ApiError::new(ErrorKind::Timeout, op, "connect or read timeout")
        }
        SdkError::DispatchFailure(_) => ApiError::new(
            ErrorKind::Unreachable,
            op,
            format!("{}: {}", hints.endpoint, last_cause(&err)),
        ),
        SdkError::ResponseError(_) => ApiError::new(
            ErrorKind::Service,
            op,
            format!("unreadable response from the service: {}", last_cause(&err)),
        ),
        SdkError::ConstructionFailure(_) => ApiError::new(ErrorKind::Config, op, last_cause(&err)),
        _ => ApiError::new(ErrorKind::Service, op, last_cause(&err)),
    }
}

/// The kind for a service error code (Connect's and the generic AWS ones).
pub fn kind_for_code(code: &str, sso_profile: Option<&str>) -> ErrorKind {
    match code {
        "ResourceNotFoundException" => ErrorKind::NotFound,
        "ThrottlingException"
        | "TooManyRequestsException"
        | "LimitExceededException"
        | "RequestLimitExceeded" => ErrorKind::Throttled,
        "AccessDeniedException" | "AccessDenied" | "UnauthorizedOperation" => {
            ErrorKind::AccessDenied
        }
        "InvalidParameterException" | "InvalidRequestException" | "ValidationException" => {
            ErrorKind::InvalidInput
        }
        "ExpiredTokenException"
        | "ExpiredToken"
        | "UnrecognizedClientException"
        | "InvalidSignatureException"
        | "InvalidClientTokenId"
        | "IncompleteSignature" => ErrorKind::Credentials {
            sso_profile: sso_profile.map(str::to_string),
        },
        _ => ErrorKind::Service,
    }
}

/// The errors the SDK's standard retry strategy retries, as botocore's does: throttling
/// codes and transient server errors.
fn is_retryable(code: &str, status: u16) -> bool {
    matches!(status, 500 | 502 | 503 | 504)
        || matches!(
            code,
            "Throttling"
                | "ThrottlingException"
                | "ThrottledException"
                | "RequestThrottledException"
                | "TooManyRequestsException"
                | "ProvisionedThroughputExceededException"
                | "TransactionInProgressException"
                | "RequestLimitExceeded"
                | "BandwidthLimitExceeded"
                | "LimitExceededException"
                | "RequestThrottled"
                | "SlowDown"
                | "PriorRequestNotComplete"
                | "EC2ThrottledException"
                | "RequestTimeout"
                | "RequestTimeoutException"
        )
}

/// The innermost cause of an error's source chain (`Connection refused (os error 111)`),
/// which is the useful part for a person; bounded to one readable line.
fn last_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut innermost = err;
    while let Some(next) = innermost.source() {
        innermost = next;
    }
    let text = innermost.to_string().replace('\n', " ");
    text.chars().take(300).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_kinds() {
        assert_eq!(
            kind_for_code("ResourceNotFoundException", None),
            ErrorKind::NotFound
        );
        assert_eq!(
            kind_for_code("ThrottlingException", None),
            ErrorKind::Throttled
        );
        assert_eq!(
            kind_for_code("AccessDeniedException", None),
            ErrorKind::AccessDenied
        );
        assert_eq!(
            kind_for_code("InvalidParameterException", None),
            ErrorKind::InvalidInput
        );
        assert_eq!(
            kind_for_code("ExpiredTokenException", Some("prod")),
            ErrorKind::Credentials {
                sso_profile: Some("prod".into())
            }
        );
        assert_eq!(
            kind_for_code("InternalServiceException", None),
            ErrorKind::Service
        );
    }

    #[test]
    fn throttling_and_transient_server_errors_are_retryable() {
        assert!(is_retryable("ThrottlingException", 429));
        assert!(is_retryable("InternalServiceException", 500));
        assert!(is_retryable("UnknownError", 503));
        assert!(!is_retryable("ResourceNotFoundException", 404));
        assert!(!is_retryable("AccessDeniedException", 403));
    }

    #[test]
    fn last_cause_is_the_innermost_message() {
        let inner =
            std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "Connection refused");
        let outer = std::io::Error::other(inner);
        assert_eq!(last_cause(&outer), "Connection refused");
    }
}
