//! The scriptable drop-ins for `aws connect describe-user | list-users | list-instances |
//! search-users | get-current-user-data | list-agent-statuses | list-routing-profile-queues |
//! describe-routing-profile | list-queues | list-security-profile-permissions |
//! list-user-proficiencies`: same options, same output bytes, same exit codes as AWS CLI v2.
//! Each operation is a row of `operation.rs` and an arm of `calls.rs`; the rest is shared.
//!
//! Flow: `request::plan` (merge and validate the input) → `settings` (output format and
//! timestamp format from flags, environment and profile) → the client call, paged by
//! `listing` with botocore's token rules from `paging` → `presenter` (timestamps, `--query`,
//! the output module's renderer) → stdout. Every failure is a `CommandError`, printed on
//! stderr with the AWS CLI's wording and turned into its exit code.

mod args;
mod calls;
mod client;
mod error;
mod export_users;
mod input;
mod listing;
mod merge;
mod operation;
mod paging;
mod presenter;
mod request;
mod settings;
mod shorthand;
mod skeleton;
mod timestamps;

use std::io::{IsTerminal, Write};

use serde_json::Value;

pub use client::options as client_options;
pub use error::{CommandError, EXIT_USAGE};
pub use request::CommandRequest;

use crate::cli::{ColorMode, GlobalArgs};
use crate::connect::ConnectClient;
use crate::output::Query;
use operation::Operation;
use presenter::Presenter;
use request::Plan;
use settings::Presentation;

/// Runs one scriptable command to completion and returns the process exit code. Output goes
/// to stdout only on success; errors go to stderr. Ctrl-C stops it with 130.
pub fn run(global: &GlobalArgs, request: CommandRequest<'_>) -> i32 {
    run_to_exit(global, execute(global, request))
}

/// `connect-tui export-users`, run like the other commands (same runtime, errors, exit codes).
pub fn export_users(global: &GlobalArgs, args: &crate::cli::ExportUsersArgs) -> i32 {
    run_to_exit(global, export_users::execute(global, args))
}

/// Runs a command's future to completion; the exit code, with errors printed on stderr.
fn run_to_exit(
    global: &GlobalArgs,
    command: impl std::future::Future<Output = Result<(), CommandError>>,
) -> i32 {
    crate::logging::init_stderr(global.debug);
    // One thread: a command is one request at a time, and on a multi-threaded runtime each
    // response crossed threads (hyper's connection task on a worker, this future on the main
    // thread), a wake-up per read that cost a fifth of a 21-page listing's time.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return report(&CommandError::Other(format!("cannot start: {e}"))),
    };
    let outcome = runtime.block_on(async {
        tokio::select! {
            // Polled first, so the Ctrl-C handler is installed before any work starts; if it
            // cannot be installed the branch is disabled, not taken.
            biased;
            Ok(()) = tokio::signal::ctrl_c() => Err(CommandError::Interrupted),
            result = command => result,
        }
    });
    match outcome {
        Ok(()) => 0,
        Err(err) => report(&err),
    }
}

fn report(err: &CommandError) -> i32 {
    eprint!("{}", err.stderr_text());
    err.exit_code()
}

async fn execute(global: &GlobalArgs, request: CommandRequest<'_>) -> Result<(), CommandError> {
    // Like the AWS CLI, a bad --query is reported before anything else is looked at.
    let query = global.query.as_deref().map(Query::parse).transpose()?;
    let query = query.as_ref();
    if global.no_verify_ssl {
        eprintln!("{}", crate::connect::NO_VERIFY_WARNING);
    }
    let op = request.operation();
    match request::plan(request, global.no_paginate)? {
        Plan::InputSkeleton(text) => {
            // A closed pipe is not an error (see Presenter).
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            Ok(())
        }
        Plan::OutputSkeleton => {
            let (presentation, _) = presentation(global).await?;
            let doc = skeleton::output_document(op, presentation.output)?;
            let mut stdout = std::io::stdout().lock();
            presenter(op, presentation, query, global, &mut stdout).print_converted(doc)
        }
        Plan::Call { params, paging } => {
            let (presentation, profile) = presentation(global).await?;
            let client = ConnectClient::new(&client::options(global, profile)).await?;
            let input = Value::Object(params.clone());
            tracing::debug!(operation = op.name(), %input, "calling");
            let mut stdout = std::io::stdout().lock();
            let mut presenter = presenter(op, presentation, query, global, &mut stdout);
            calls::call(&client, op, &params, paging, &mut presenter).await
        }
    }
}

fn presenter<'a>(
    op: Operation,
    presentation: Presentation,
    query: Option<&'a Query>,
    global: &GlobalArgs,
    out: &'a mut dyn Write,
) -> Presenter<'a> {
    let color = use_color(global.color);
    Presenter::new(op, presentation, query, color, out)
}

/// Output and timestamp formats from `--output`, `AWS_DEFAULT_OUTPUT` and the profile, and
/// the profile explicitly selected (if any).
async fn presentation(global: &GlobalArgs) -> Result<(Presentation, Option<String>), CommandError> {
    let env = aws_types::os_shim_internal::Env::real();
    let fs = aws_types::os_shim_internal::Fs::real();
    let profile =
        settings::load_profile_settings(global.profile.as_deref(), &fs, &env, global.demo).await?;
    let env_output = env.get("AWS_DEFAULT_OUTPUT").ok();
    let presentation = settings::resolve(global.output, env_output.as_deref(), &profile)?;
    Ok((presentation, profile.selected))
}

/// `--color auto` (the default) colours only a terminal.
fn use_color(mode: Option<ColorMode>) -> bool {
    match mode {
        Some(ColorMode::On) => true,
        Some(ColorMode::Off) => false,
        Some(ColorMode::Auto) | None => std::io::stdout().is_terminal(),
    }
}

fn to_doc<T: serde::Serialize>(value: &T) -> Result<Value, CommandError> {
    serde_json::to_value(value).map_err(|e| CommandError::Other(e.to_string()))
}
