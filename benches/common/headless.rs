//! The browser without a terminal: `App::update` and the real worker joined by the same loop
//! as `tui.rs` runs (answers and timers in, requests out), minus drawing and the keyboard.
//! Shared by the benches (to load big states the way the program does) and by
//! `tests/api_economy.rs` (to count the requests the browser sends).

use std::time::{Duration, Instant};

use connect_tui::app::{App, AppConfig, Cmd, Msg};
use connect_tui::connect::{ClientOptions, ConnectClient, RateLimit};
use connect_tui::worker::Worker;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

pub struct Headless {
    pub app: App,
    worker: Worker,
    inbox: UnboundedReceiver<Msg>,
}

/// The real client for a local endpoint. `rate` is `--max-rps` (`None`: the default).
pub async fn client(endpoint_url: String, rate: Option<&str>) -> ConnectClient {
    ConnectClient::new(&ClientOptions {
        endpoint_url: Some(endpoint_url),
        demo: true,
        rate_limit: rate.map(|r| RateLimit::parse(r).expect("rate")),
        ..ClientOptions::default()
    })
    .await
    .expect("client")
}

impl Headless {
    /// Starts the app and sends its first requests. Call inside a tokio runtime.
    pub fn start(client: ConnectClient, config: AppConfig, size: (u16, u16)) -> Headless {
        let (answers, inbox) = unbounded_channel();
        let (app, cmds) = App::new(config, size, Instant::now());
        let mut headless = Headless {
            app,
            worker: Worker::new(client, answers),
            inbox,
        };
        headless.perform(cmds);
        headless
    }

    /// One message, as the event loop applies it (copies are not performed here).
    pub fn update(&mut self, msg: Msg) {
        let cmds = self.app.update(msg, Instant::now());
        self.perform(cmds);
    }

    fn perform(&mut self, cmds: Vec<Cmd>) {
        for cmd in cmds {
            if let Cmd::Request(request) = cmd {
                self.worker.spawn(request);
            }
        }
    }

    /// Nothing in flight and no timer pending (no debounce, no spinner).
    pub fn is_idle(&self) -> bool {
        self.app.in_flight == 0 && self.app.next_wakeup().is_none()
    }

    /// Applies answers and timer ticks until the app is idle; panics after `limit`.
    pub async fn run_until_idle(&mut self, limit: Duration) {
        let deadline = Instant::now() + limit;
        while !self.is_idle() {
            assert!(Instant::now() < deadline, "not idle after {limit:?}");
            let wakeup = self.app.next_wakeup().unwrap_or(deadline).min(deadline);
            let msg = tokio::select! {
                Some(msg) = self.inbox.recv() => msg,
                () = tokio::time::sleep_until(wakeup.into()) => Msg::Tick,
            };
            self.update(msg);
        }
    }
}
