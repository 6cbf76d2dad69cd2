//! Credentials that could not be loaded, told as one line that says what failed and what to
//! do. aws-config reports these as a `CredentialsError` deep inside a dispatch failure; its
//! text (kept in the chain) is what tells an expired SSO session from a missing one.

use std::error::Error;

use aws_credential_types::provider::error::CredentialsError;

/// `Some(message)` when `err`'s source chain holds a credentials failure. With `sso` (the
/// profile signs in through IAM Identity Center) the message names the session's state and
/// the caller adds `aws sso login --profile X`; otherwise it names its own remedy.
pub fn describe(err: &(dyn Error + 'static), sso: bool) -> Option<String> {
    let failure = find_credentials_error(err)?;
    let text =
        one_line(&aws_smithy_types::error::display::DisplayErrorContext(failure).to_string());
    let lower = text.to_ascii_lowercase();
    if sso {
        return Some(
            if lower.contains("expired") {
                "the SSO session has expired"
            } else if lower.contains("cached sso token") {
                "there is no SSO session for this profile (no cached token)"
            } else {
                "the SSO session is no longer valid"
            }
            .to_string(),
        );
    }
    Some(match failure {
        CredentialsError::CredentialsNotLoaded(_) => "no AWS credentials were found (environment, \
             profile, web identity, container and instance metadata were tried); configure them: \
             aws configure, --profile / AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
            .to_string(),
        _ if lower.contains("external process") => format!(
            "the profile's credential_process failed: {}; fix the command, or run it by hand to \
             see why",
            innermost(failure)
        ),
        CredentialsError::ProviderTimedOut(_) => {
            "loading AWS credentials timed out; check the profile's credential settings".to_string()
        }
        _ => format!(
            "cannot load AWS credentials: {}; check the profile's credential settings",
            innermost(failure)
        ),
    })
}

/// True when loading credentials is what failed (whatever the reason).
pub fn involved(err: &(dyn Error + 'static)) -> bool {
    find_credentials_error(err).is_some()
}

fn find_credentials_error<'a>(err: &'a (dyn Error + 'static)) -> Option<&'a CredentialsError> {
    let mut next = Some(err);
    while let Some(current) = next {
        if let Some(found) = current.downcast_ref::<CredentialsError>() {
            return Some(found);
        }
        next = current.source();
    }
    None
}

/// The innermost cause, on one line, bounded: it can quote a process's stderr.
fn innermost(err: &(dyn Error + 'static)) -> String {
    let mut inner = err;
    while let Some(next) = inner.source() {
        inner = next;
    }
    one_line(&inner.to_string()).chars().take(300).collect()
}

/// Control characters (newlines, escapes from a process's stderr) become spaces.
fn one_line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sso_failures_name_the_session_state() {
        let expired =
            CredentialsError::provider_error("the SSO token has expired and cannot be refreshed");
        assert_eq!(
            describe(&expired, true).as_deref(),
            Some("the SSO session has expired")
        );
        let missing = CredentialsError::provider_error("failed to load the cached SSO token");
        assert_eq!(
            describe(&missing, true).as_deref(),
            Some("there is no SSO session for this profile (no cached token)")
        );
    }

    #[test]
    fn a_failing_credential_process_is_quoted_on_one_line() {
        let failed = CredentialsError::provider_error(
            "Error retrieving credentials: external process exited with code exit status: 1. \
             Stderr: vault\x1b[31m sealed\n",
        );
        let text = describe(&failed, false).unwrap();
        assert!(
            text.starts_with("the profile's credential_process failed: "),
            "{text}"
        );
        assert!(
            text.contains("Stderr: vault [31m sealed; fix the command"),
            "{text}"
        );
    }

    #[test]
    fn other_errors_are_not_credential_errors() {
        let io = std::io::Error::other("connection refused");
        assert_eq!(describe(&io, true), None);
    }
}
