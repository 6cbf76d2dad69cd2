//! The one error type of the AWS boundary: the cases an admin actually meets, each with a
//! one-line message that says what to do.

use std::fmt;

/// What kind of failure, coarse enough for the UI and for exit codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The instance, user or other resource does not exist (404 ResourceNotFoundException).
    NotFound,
    /// The service throttled us and retries did not get through (429 ThrottlingException).
    Throttled,
    /// The credentials are valid but not allowed to call this operation (403).
    AccessDenied,
    /// The request was rejected as invalid (400), or our own validation caught it first
    /// (a malformed instance ID or ARN, a malformed `--endpoint-url`).
    InvalidInput,
    /// No credentials, or expired ones. `sso_profile` is set when `aws sso login` will fix it.
    Credentials { sso_profile: Option<String> },
    /// Configuration problem: no region or an invalid one, unreadable config file.
    Config,
    /// The endpoint could not be reached (DNS, refused, reset).
    Unreachable,
    /// The TLS handshake failed: the certificate is not trusted, expired, or for another
    /// name (`--ca-bundle` / `--no-verify-ssl` are the remedies the message names).
    Tls,
    /// Connect or read timeout.
    Timeout,
    /// Any other service error (5xx, unknown codes).
    Service,
}

/// An error from one Connect operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// The operation that failed, e.g. `DescribeUser` (empty when no request was made).
    pub operation: &'static str,
    /// The service's error code (e.g. `ResourceNotFoundException`) when the service answered.
    pub code: Option<String>,
    /// The service's or our own message.
    pub message: String,
    /// `Some(n)` when the SDK gave up on a retryable error after `n` retries (the AWS CLI
    /// says `(reached max retries: n)`).
    pub max_retries_reached: Option<u32>,
}

impl ApiError {
    pub fn new(kind: ErrorKind, operation: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            operation,
            code: None,
            message: message.into(),
            max_retries_reached: None,
        }
    }

    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Invalid input caught before any request was sent.
    pub fn invalid_input(message: impl Into<String>) -> Self {
        ApiError::new(ErrorKind::InvalidInput, "", message)
    }

    /// True when trying again later may succeed (the UI offers a retry key for these).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Throttled | ErrorKind::Unreachable | ErrorKind::Timeout | ErrorKind::Service
        )
    }

    /// The one-line, human message: what failed and what to do about it.
    pub fn human(&self) -> String {
        let op = if self.operation.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.operation)
        };
        let msg = &self.message;
        match &self.kind {
            ErrorKind::NotFound => format!("{op}not found: {msg}"),
            ErrorKind::Throttled => {
                format!("{op}throttled by Amazon Connect (retries exhausted); try again shortly")
            }
            ErrorKind::AccessDenied => format!(
                "{op}access denied: {msg} (the credentials need connect:{} permission)",
                self.operation
            ),
            ErrorKind::InvalidInput => format!("{op}invalid input: {msg}"),
            ErrorKind::Credentials {
                sso_profile: Some(p),
            } => format!("{op}{msg}; run `aws sso login --profile {p}` and try again"),
            // A service's verdict on the credentials (expired, unrecognised) carries no advice.
            ErrorKind::Credentials { sso_profile: None } if self.code.is_some() => {
                format!("{op}{msg}; refresh or reconfigure the credentials")
            }
            // The client layer's own messages name their remedy.
            ErrorKind::Credentials { sso_profile: None } => format!("{op}{msg}"),
            ErrorKind::Config => format!("{op}configuration problem: {msg}"),
            ErrorKind::Unreachable => {
                format!("{op}endpoint unreachable: {msg}; check --endpoint-url / region / network")
            }
            ErrorKind::Tls => format!("{op}TLS: {msg}"),
            ErrorKind::Timeout => format!("{op}timed out: {msg}"),
            ErrorKind::Service => match &self.code {
                Some(code) => format!("{op}{code}: {msg}"),
                None => format!("{op}{msg}"),
            },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human())
    }
}

impl std::error::Error for ApiError {}
