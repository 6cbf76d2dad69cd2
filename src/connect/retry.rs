//! Retrying answers the SDK would give up on: a 200 whose body cannot be read as the
//! operation's output (cut short, not JSON, members of the wrong type). The SDK's own
//! classifiers retry error statuses and transport failures, but a success status with a
//! body that fails to parse surfaces at once as an "unhandled" service error with no code.
//! Every operation this program calls is a read (see `observe::READ_OPERATIONS`), so sending
//! it again is always safe, and a corrupt answer is as transient as a dropped connection.

use aws_smithy_runtime_api::client::interceptors::context::InterceptorContext;
use aws_smithy_runtime_api::client::retries::classifiers::{
    ClassifyRetry, RetryAction, RetryClassifierPriority,
};

#[derive(Debug, Default, Clone, Copy)]
pub struct UnreadableSuccessClassifier;

impl ClassifyRetry for UnreadableSuccessClassifier {
    fn classify_retry(&self, ctx: &InterceptorContext) -> RetryAction {
        let failed = matches!(ctx.output_or_error(), Some(Err(_)));
        let success_status = ctx
            .response()
            .is_some_and(|response| response.status().is_success());
        if failed && success_status {
            RetryAction::transient_error()
        } else {
            RetryAction::NoActionIndicated
        }
    }

    fn name(&self) -> &'static str {
        "connect-tui: unreadable success response"
    }

    fn priority(&self) -> RetryClassifierPriority {
        // After the SDK's own classifiers, which never claim a 200.
        RetryClassifierPriority::run_after(RetryClassifierPriority::transient_error_classifier())
    }
}
