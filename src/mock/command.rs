//! `connect-tui mock-server`: start, print the address, serve until SIGINT/SIGTERM.

use std::io::Write;
use std::process::ExitCode;

use super::{MockConfig, MockError, start};
use crate::cli::MockServerArgs;

/// Runs the endpoint in the foreground; the exit code to return from `main`.
pub fn run_cli(args: &MockServerArgs) -> ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("connect-tui mock-server: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve_until_signal(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("connect-tui mock-server: {e}");
            // 2 for bad arguments, as clap does for usage errors.
            ExitCode::from(if matches!(e, MockError::Argument(_)) {
                2
            } else {
                1
            })
        }
    }
}

async fn serve_until_signal(args: &MockServerArgs) -> Result<(), MockError> {
    let config = MockConfig::from_args(args)?;
    // Handlers go in before the address is printed: whoever reads that line may signal at once.
    let stop = StopSignal::install().map_err(|source| MockError::Io {
        context: "cannot install the SIGINT/SIGTERM handlers",
        source,
    })?;
    let server = start(config).await?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on {}", server.endpoint_url())
        .and_then(|()| stdout.flush())
        .map_err(|source| MockError::Io {
            context: "cannot print the address on stdout",
            source,
        })?;
    drop(stdout);
    stop.wait().await;
    server.shutdown().await
}

#[cfg(unix)]
struct StopSignal {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
}

#[cfg(unix)]
impl StopSignal {
    fn install() -> std::io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(StopSignal {
            interrupt: signal(SignalKind::interrupt())?,
            terminate: signal(SignalKind::terminate())?,
        })
    }

    async fn wait(mut self) {
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
    }
}

#[cfg(not(unix))]
struct StopSignal;

#[cfg(not(unix))]
impl StopSignal {
    fn install() -> std::io::Result<Self> {
        Ok(StopSignal)
    }

    async fn wait(self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}
