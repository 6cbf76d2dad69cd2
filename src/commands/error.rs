//! What can go wrong in a scriptable command, the message printed for it on stderr, and the
//! exit code AWS CLI v2 uses for it (252 usage/parameters, 253 configuration/credentials,
//! 254 service error, 255 anything else, 130 interrupted).

use crate::connect::{ApiError, ErrorKind};
use crate::output::QueryError;

/// Exit codes of AWS CLI v2 (`awscli/constants.py` / its error handlers).
pub const EXIT_USAGE: i32 = 252;
pub const EXIT_CONFIG: i32 = 253;
pub const EXIT_SERVICE: i32 = 254;
pub const EXIT_OTHER: i32 = 255;
pub const EXIT_INTERRUPTED: i32 = 130;

/// A command failure. Each variant carries the exact text the AWS CLI would print.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandError {
    /// Bad syntax or parameters, caught before any request (`Parameter validation failed:` ...).
    Usage(String),
    /// Configuration or credentials (unknown profile, bad config value, no credentials).
    Config(String),
    /// The service answered with an error code.
    Service {
        operation: String,
        code: String,
        message: String,
        /// `Some(n)` when retries were exhausted: botocore then says `(reached max retries: n)`.
        max_retries: Option<u32>,
    },
    /// Anything else: unreachable endpoint, timeouts, paging errors.
    Other(String),
    /// Ctrl-C.
    Interrupted,
}

impl CommandError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CommandError::Usage(_) => EXIT_USAGE,
            CommandError::Config(_) => EXIT_CONFIG,
            CommandError::Service { .. } => EXIT_SERVICE,
            CommandError::Other(_) => EXIT_OTHER,
            CommandError::Interrupted => EXIT_INTERRUPTED,
        }
    }

    /// The text for stderr. Like the AWS CLI, errors are preceded by an empty line; Ctrl-C
    /// prints just an empty line.
    pub fn stderr_text(&self) -> String {
        match self {
            CommandError::Usage(m) | CommandError::Config(m) | CommandError::Other(m) => {
                format!("\n{m}\n")
            }
            CommandError::Service {
                operation,
                code,
                message,
                max_retries,
            } => {
                let retries = max_retries
                    .map(|n| format!(" (reached max retries: {n})"))
                    .unwrap_or_default();
                format!(
                    "\nAn error occurred ({code}) when calling the {operation} operation{retries}: \
                     {message}\n"
                )
            }
            CommandError::Interrupted => "\n".to_string(),
        }
    }

    /// `Parameter validation failed:` followed by one line per problem, as botocore reports it.
    pub fn param_validation(problems: &[String]) -> Self {
        CommandError::Usage(format!(
            "Parameter validation failed:\n{}",
            problems.join("\n")
        ))
    }
}

impl From<QueryError> for CommandError {
    /// A `--query` that does not parse is a usage error (252, as AWS CLI v2 exits for it);
    /// one that fails on the response is reported like any other late failure (255).
    fn from(err: QueryError) -> Self {
        match err {
            QueryError::Invalid { .. } => CommandError::Usage(err.to_string()),
            QueryError::Evaluation(message) => CommandError::Other(message),
        }
    }
}

impl From<ApiError> for CommandError {
    /// A service answer with a code is a service error (254) whatever its kind; without a
    /// code the kind decides: our own validation 252, configuration/credentials 253, the rest
    /// (network, timeouts, unknown failures) 255.
    fn from(err: ApiError) -> Self {
        if let Some(code) = err.code {
            return CommandError::Service {
                operation: err.operation.to_string(),
                code,
                message: err.message,
                max_retries: err.max_retries_reached,
            };
        }
        // No service code, so no AWS CLI sentence to copy: the client layer's one-line
        // explanation says what failed and what to do.
        let human = err.human();
        match err.kind {
            ErrorKind::InvalidInput => CommandError::Usage(err.message),
            ErrorKind::Credentials { .. } | ErrorKind::Config => CommandError::Config(human),
            ErrorKind::NotFound
            | ErrorKind::Throttled
            | ErrorKind::AccessDenied
            | ErrorKind::Unreachable
            | ErrorKind::Tls
            | ErrorKind::Timeout
            | ErrorKind::Service => CommandError::Other(human),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_errors_print_the_aws_cli_sentence_and_exit_254() {
        let err: CommandError =
            ApiError::new(ErrorKind::NotFound, "DescribeUser", "User not found")
                .with_code("ResourceNotFoundException")
                .into();
        assert_eq!(err.exit_code(), 254);
        assert_eq!(
            err.stderr_text(),
            "\nAn error occurred (ResourceNotFoundException) when calling the DescribeUser \
             operation: User not found\n"
        );
    }

    #[test]
    fn exhausted_retries_are_named_as_botocore_names_them() {
        let mut api = ApiError::new(ErrorKind::Throttled, "ListUsers", "Rate exceeded")
            .with_code("ThrottlingException");
        api.max_retries_reached = Some(4);
        let err: CommandError = api.into();
        assert_eq!(err.exit_code(), 254);
        assert_eq!(
            err.stderr_text(),
            "\nAn error occurred (ThrottlingException) when calling the ListUsers operation \
             (reached max retries: 4): Rate exceeded\n"
        );
    }

    #[test]
    fn kinds_without_a_service_code_map_to_the_v2_exit_codes() {
        let cases = [
            (ErrorKind::InvalidInput, 252),
            (ErrorKind::Credentials { sso_profile: None }, 253),
            (ErrorKind::Config, 253),
            (ErrorKind::Unreachable, 255),
            (ErrorKind::Tls, 255),
            (ErrorKind::Timeout, 255),
            (ErrorKind::Service, 255),
        ];
        for (kind, code) in cases {
            let api = ApiError::new(kind.clone(), "ListUsers", "m");
            let err: CommandError = api.clone().into();
            assert_eq!(err.exit_code(), code, "{kind:?}");
            let expected = if code == 252 {
                "m".to_string()
            } else {
                api.human()
            };
            assert_eq!(err.stderr_text(), format!("\n{expected}\n"));
        }
    }

    #[test]
    fn validation_problems_are_listed_one_per_line() {
        let err = CommandError::param_validation(&[
            "Missing required parameter in input: \"InstanceId\"".into(),
            "Unknown parameter in input: \"Foo\", must be one of: UserId, InstanceId".into(),
        ]);
        assert_eq!(err.exit_code(), 252);
        assert_eq!(
            err.stderr_text(),
            "\nParameter validation failed:\nMissing required parameter in input: \"InstanceId\"\n\
             Unknown parameter in input: \"Foo\", must be one of: UserId, InstanceId\n"
        );
        assert_eq!(CommandError::Interrupted.exit_code(), 130);
    }
}
