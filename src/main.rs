//! Thin entry point: parse the command line, pick the interactive browser, a scriptable
//! command or the mock server, and turn the outcome into the process exit code.

use std::process::ExitCode;

use clap::Parser;
use connect_tui::cli::{Cli, Command};
use connect_tui::commands;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Bad syntax exits 252 as in AWS CLI v2; --help and --version print and exit 0.
            let _ = err.print();
            return exit_code(if err.use_stderr() {
                commands::EXIT_USAGE
            } else {
                0
            });
        }
    };
    if let Some(Command::MockServer(args)) = &cli.command {
        return connect_tui::mock::run_cli(args);
    }
    if let Some(request) = cli
        .command
        .as_ref()
        .and_then(commands::CommandRequest::from_command)
    {
        return exit_code(commands::run(&cli.global, request));
    }
    ExitCode::SUCCESS
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(255))
}
