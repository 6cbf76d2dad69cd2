//! A failed TLS handshake, told as one line that says what failed and what to do, instead of
//! the SDK's generic "dispatch failure".

use std::error::Error;

use aws_smithy_runtime_api::client::interceptors::context::InterceptorContext;
use aws_smithy_runtime_api::client::retries::classifiers::{
    ClassifyRetry, RetryAction, RetryClassifierPriority,
};
use rustls::CertificateError;

/// The remedy named after every certificate problem.
const REMEDY: &str = "pass --ca-bundle FILE or check the endpoint";

/// `Some(message)` when `err`'s source chain holds a rustls error, i.e. the handshake with
/// `host` failed; `None` for every other failure.
pub fn describe(err: &(dyn Error + 'static), host: &str) -> Option<String> {
    let failure = find_rustls_error(err)?;
    let certificate = |what: &str| format!("the certificate of {host} {what}; {REMEDY}");
    Some(match failure {
        rustls::Error::InvalidCertificate(problem) => match problem {
            CertificateError::UnknownIssuer => certificate("is not trusted (unknown issuer)"),
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                certificate("is issued for another name")
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                certificate("has expired")
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                certificate("is not valid yet")
            }
            CertificateError::Revoked => certificate("has been revoked"),
            other => certificate(&format!("is not acceptable ({other:?})")),
        },
        other => format!("the TLS handshake with {host} failed: {other}"),
    })
}

/// Stops the SDK from retrying a refused handshake: the same certificate will be refused
/// again, and five attempts with back-off only delay the message by seconds.
#[derive(Debug)]
pub struct NeverRetryHandshakeFailures;

impl ClassifyRetry for NeverRetryHandshakeFailures {
    fn classify_retry(&self, ctx: &InterceptorContext) -> RetryAction {
        let refused = ctx
            .output_or_error()
            .and_then(Result::err)
            .and_then(|e| e.as_connector_error())
            .is_some_and(|e| find_rustls_error(e).is_some());
        if refused {
            RetryAction::RetryForbidden
        } else {
            RetryAction::NoActionIndicated
        }
    }

    fn name(&self) -> &'static str {
        "connect-tui: never retry TLS handshake failures"
    }

    /// After the SDK's transient-error classifier, which would retry it as an I/O error.
    fn priority(&self) -> RetryClassifierPriority {
        RetryClassifierPriority::run_after(RetryClassifierPriority::transient_error_classifier())
    }
}

/// Walks the source chain. hyper-rustls wraps the rustls error as the payload of an
/// `io::Error`, whose `source()` skips the payload itself, so payloads are visited too.
fn find_rustls_error<'a>(err: &'a (dyn Error + 'static)) -> Option<&'a rustls::Error> {
    let mut next = Some(err);
    while let Some(current) = next {
        if let Some(found) = current.downcast_ref::<rustls::Error>() {
            return Some(found);
        }
        let payload = current
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map(|inner| inner as &(dyn Error + 'static));
        if let Some(found) = payload.and_then(find_rustls_error) {
            return Some(found);
        }
        next = current.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(e: rustls::Error) -> std::io::Error {
        // As hyper-rustls reports it: an io::Error around an io::Error around the rustls one.
        std::io::Error::other(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }

    #[test]
    fn certificate_problems_say_what_failed_and_what_to_do() {
        let unknown = wrapped(rustls::Error::InvalidCertificate(
            CertificateError::UnknownIssuer,
        ));
        assert_eq!(
            describe(&unknown, "127.0.0.1").as_deref(),
            Some(
                "the certificate of 127.0.0.1 is not trusted (unknown issuer); \
                 pass --ca-bundle FILE or check the endpoint"
            )
        );
        let name = wrapped(rustls::Error::InvalidCertificate(
            CertificateError::NotValidForName,
        ));
        let text = describe(&name, "example.com").unwrap();
        assert!(
            text.starts_with("the certificate of example.com is issued for another name;"),
            "{text}"
        );
    }

    #[test]
    fn other_errors_are_not_tls_errors() {
        let refused = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        assert_eq!(describe(&refused, "h"), None);
    }
}
