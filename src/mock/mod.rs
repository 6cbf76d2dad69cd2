//! The local Amazon Connect endpoint: a wire-compatible rest-json server for demos and tests
//! (`connect-tui mock-server`, and in-process for `--demo`).
//!
//! ```no_run
//! # async fn demo() -> Result<(), connect_tui::mock::MockError> {
//! let server = connect_tui::mock::start(connect_tui::mock::MockConfig::demo()).await?;
//! println!("point the SDK at {}", server.endpoint_url());
//! server.shutdown().await?; // or just drop it
//! # Ok(()) }
//! ```
//!
//! Map: `handle` starts and stops the server; `server` is the one request path (naming,
//! throttling, faults, logging); `throttle` holds Connect's per-operation quotas; `operations` names requests after the model's HTTP bindings; `handlers`
//! answer the served operations from a `dataset` (loaded from a file or `demo`, plus
//! `generate`d users) and, for GetCurrentUserData, the `live` state drawn from the seed and
//! the clock; `paging`, `search` and `wire` hold the protocol's rules.

mod command;
mod config;
mod dataset;
mod demo;
mod faults;
mod generate;
mod handle;
mod handlers;
mod ids;
mod live;
mod operations;
mod paging;
mod request_log;
mod search;
mod server;
mod throttle;
mod wire;

pub use command::run_cli;
pub use config::{DataSource, LatencyRange, MockConfig};
pub use dataset::DataError;
pub use faults::{ALL_FAULTS, Fault};
pub use handle::{MockHandle, start};
pub use handlers::SERVED as SERVED_OPERATIONS;
pub use throttle::{Quota, Scope as ThrottleScope, ThrottleSettings};

/// Why the endpoint could not start.
#[derive(Debug, thiserror::Error)]
pub enum MockError {
    /// A command-line value is out of range or malformed.
    #[error("{0}")]
    Argument(String),
    /// The data file (or the built-in data) is unreadable or inconsistent.
    #[error("{0}")]
    Data(#[from] DataError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot open the request log {path}: {source}")]
    RequestLog {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// Serving, signal handling or printing the address failed.
    #[error("{context}: {source}")]
    Io {
        context: &'static str,
        source: std::io::Error,
    },
}
