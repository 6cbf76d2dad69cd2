//! Thin entry point: parse the command line, pick the interactive browser, a scriptable
//! command or the mock server, and turn the outcome into the process exit code.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use connect_tui::cli::{Cli, Command, ConfigCommand};
use connect_tui::commands::{self, EXIT_USAGE};
use connect_tui::config::{self, BrowserSettings, Config};
use connect_tui::connect::{ConnectClient, ErrorKind, NO_VERIFY_WARNING};
use connect_tui::tui::{self, TuiError, TuiOptions};

/// AWS CLI v2 exit codes, shared by the browser: configuration/credentials, anything else.
const EXIT_CONFIG: i32 = 253;
const EXIT_OTHER: i32 = 255;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Bad syntax exits 252 as in AWS CLI v2; --help and --version print and exit 0.
            let _ = err.print();
            return exit_code(if err.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    match &cli.command {
        Some(Command::MockServer(args)) => return connect_tui::mock::run_cli(args),
        Some(Command::Completions(args)) => {
            return print(|out| connect_tui::shell::completions(args.shell, out));
        }
        Some(Command::Man) => return print(connect_tui::shell::man_page),
        Some(Command::Config(what)) => {
            let located = config::locate(cli.config.as_deref(), &env_var);
            return match what {
                ConfigCommand::Path => {
                    print(|out| out.write_all(config::describe(&located).as_bytes()))
                }
                ConfigCommand::Default => {
                    print(|out| out.write_all(config::default_file().as_bytes()))
                }
            };
        }
        Some(Command::ExportUsers(args)) => {
            return exit_code(commands::export_users(&cli.global, args));
        }
        _ => {}
    }
    if let Some(request) = cli
        .command
        .as_ref()
        .and_then(commands::CommandRequest::from_command)
    {
        return exit_code(commands::run(&cli.global, request));
    }
    exit_code(run_browser(&cli))
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// The browser's settings from flags, environment and config file; one line on failure.
fn browser_settings(cli: &Cli) -> Result<BrowserSettings, config::ConfigError> {
    let located = config::locate(cli.config.as_deref(), &env_var);
    let file = Config::load(&located)?;
    let flags = config::Flags {
        profile: cli.global.profile.clone(),
        region: cli.global.region.clone(),
        instance_id: cli.instance_id.clone(),
        clipboard: cli.clipboard,
        theme: cli.theme,
        max_rps: cli.global.max_rps,
        live_interval: cli.live_interval,
        export_dir: cli.export_dir.clone(),
    };
    config::resolve(flags, &env_var, file)
}

/// The interactive browser: one line on stderr and an AWS-CLI-style exit code on failure.
fn run_browser(cli: &Cli) -> i32 {
    // Bad flags first: they are wrong whatever the terminal or the config file.
    if let Some(Err(e)) = cli
        .instance_id
        .as_deref()
        .map(connect_tui::connect::parse_instance_id)
    {
        eprintln!("connect-tui: --instance-id: {}", e.human());
        return EXIT_USAGE;
    }
    let settings = match browser_settings(cli) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("connect-tui: {e}");
            return EXIT_CONFIG;
        }
    };
    let mut options = commands::client_options(&cli.global, settings.profile.clone());
    options.region = settings.region.clone();
    options.rate_limit = settings.max_rps;
    if options.no_verify_ssl {
        // Before the alternate screen hides it (and on every run, terminal or not).
        eprintln!("connect-tui: {NO_VERIFY_WARNING}");
    }
    // Without a terminal the browser cannot draw or read keys: say so at once instead of
    // failing later with a terminal error. `aws` without a command exits 252 (a usage error:
    // "the following arguments are required"), and so does this.
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        eprintln!(
            "connect-tui: the interactive browser needs a terminal; in scripts use a subcommand (list-instances, list-users, describe-user, search-users; see --help)"
        );
        return EXIT_USAGE;
    }
    let log_path = connect_tui::logging::init_file(cli.global.debug);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("connect-tui: cannot start: {e}");
            return EXIT_OTHER;
        }
    };
    let outcome = runtime.block_on(async {
        let client = ConnectClient::new(&options).await.map_err(|e| {
            let code = match e.kind {
                ErrorKind::InvalidInput => EXIT_USAGE,
                _ => EXIT_CONFIG,
            };
            (code, e.human())
        })?;
        let tui_options = TuiOptions {
            instance_id: settings.instance_id,
            clipboard: settings.clipboard,
            demo: cli.global.demo,
            export_dir: settings.export_dir,
            theme: settings.theme,
            all_regions: cli.all_regions,
            no_color: settings.no_color,
            profiles: connect_tui::connect::profile_names().await,
            live_interval: settings.live_interval,
            colors: settings.colors,
            columns: settings.columns,
            sort: settings.sort,
            keys: settings.keys,
        };
        tui::run(client, tui_options).await.map_err(|e| match e {
            TuiError::InvalidInstance(e) => (EXIT_USAGE, format!("--instance-id: {}", e.human())),
            other => (EXIT_OTHER, other.to_string()),
        })
    });
    // Requests still in flight are abandoned, not awaited: quitting is prompt.
    runtime.shutdown_background();
    match outcome {
        Ok(()) => 0,
        Err((code, message)) => {
            eprintln!("connect-tui: {message}");
            if let Some(path) = log_path.filter(|_| code == EXIT_OTHER) {
                eprintln!("connect-tui: the log is at {}", path.display());
            }
            code
        }
    }
}

/// Writes generated text (a completion script, the man page) to stdout. A reader that stops
/// early (`| head`) is not worth a message; any other failure gets one line.
fn print(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match render(&mut stdout).and_then(|()| stdout.flush()) {
        Ok(()) => exit_code(0),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit_code(0),
        Err(e) => {
            eprintln!("connect-tui: cannot write to stdout: {e}");
            exit_code(EXIT_OTHER)
        }
    }
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(255))
}
