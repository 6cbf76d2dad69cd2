//! Starting the endpoint on the current tokio runtime, and stopping it.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::config::{DataSource, MockConfig};
use super::dataset::{self, Dataset};
use super::demo::{DEMO_JSON, DEMO_ORIGIN};
use super::faults::Faults;
use super::request_log::RequestLog;
use super::server::{self, Server};
use super::throttle::{Throttle, ThrottleSettings};
use super::{MockError, generate};

/// A running endpoint. Dropping it stops the server (in-flight requests finish first).
#[derive(Debug)]
pub struct MockHandle {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl MockHandle {
    /// The address actually bound (the real port when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, for `--endpoint-url` or the SDK's `endpoint_url`.
    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting connections and waits until in-flight requests are answered.
    pub async fn shutdown(mut self) -> Result<(), MockError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.task.take() {
            Some(task) => match task.await {
                Ok(result) => result.map_err(|source| MockError::Io {
                    context: "the server stopped with an error",
                    source,
                }),
                Err(join) => Err(MockError::Io {
                    context: "the server task failed",
                    source: std::io::Error::other(join),
                }),
            },
            None => Ok(()),
        }
    }
}

impl Drop for MockHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Loads the data, binds `config.addr` and serves on the current tokio runtime.
pub async fn start(config: MockConfig) -> Result<MockHandle, MockError> {
    // Generating 100,000 users takes a moment: keep it off the async worker threads.
    let (data, file_throttle) = {
        let config = config.clone();
        tokio::task::spawn_blocking(move || load(&config))
            .await
            .map_err(|join| MockError::Io {
                context: "loading the data failed",
                source: std::io::Error::other(join),
            })??
    };
    let log = match &config.request_log {
        Some(path) => Some(
            RequestLog::open(path).map_err(|source| MockError::RequestLog {
                path: path.clone(),
                source,
            })?,
        ),
        None => None,
    };
    let faults = Faults::new(
        config.latency,
        config.fault_rate,
        &config.fault_kinds,
        config.seed,
    );
    let throttle = Throttle::new(config.throttle.clone().over(file_throttle));
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| MockError::Bind {
            addr: config.addr,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| MockError::Bind {
        addr: config.addr,
        source,
    })?;

    let app = server::router(Arc::new(Server {
        data,
        faults,
        throttle,
        log,
        denied_regions: config.denied_regions.clone(),
        seed: config.seed,
        started: server::epoch_now().floor(),
    }));
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // A dropped sender stops the server too.
                let _ = stopped.await;
            })
            .await
    });
    Ok(MockHandle {
        addr,
        stop: Some(stop),
        task: Some(task),
    })
}

/// The configured data set, with `extra_users` generated into its first instance, and the
/// data file's throttle settings.
fn load(config: &MockConfig) -> Result<(Dataset, ThrottleSettings), MockError> {
    let (mut file, origin) = match &config.data {
        DataSource::Demo => (
            dataset::parse(DEMO_JSON, DEMO_ORIGIN)?,
            DEMO_ORIGIN.to_string(),
        ),
        DataSource::File(path) => (dataset::read(path)?, path.display().to_string()),
    };
    if config.extra_users > 0
        && let Some(first) = file.instances.first_mut()
    {
        generate::add_users(first, config.extra_users, config.seed);
    }
    let throttle = file.throttle.take().unwrap_or_default();
    Ok((Dataset::from_file(file, &origin)?, throttle))
}
