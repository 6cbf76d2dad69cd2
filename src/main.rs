use clap::Parser;

use connect_tui::cli::Cli;
use connect_tui::commands;

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Bad syntax exits 252 as in AWS CLI v2; --help and --version print and exit 0.
            let _ = err.print();
            std::process::exit(if err.use_stderr() {
                commands::EXIT_USAGE
            } else {
                0
            });
        }
    };
    if let Some(request) = cli
        .command
        .as_ref()
        .and_then(commands::CommandRequest::from_command)
    {
        std::process::exit(commands::run(&cli.global, request));
    }
}
