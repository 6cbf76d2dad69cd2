use std::process::ExitCode;

use clap::Parser;
use connect_tui::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::MockServer(args)) => connect_tui::mock::run_cli(&args),
        _ => ExitCode::SUCCESS,
    }
}
