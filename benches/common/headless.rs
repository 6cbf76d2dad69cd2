//! The browser without a terminal: the library's own event loop ([`Driver`]: `App::update`,
//! the real worker, the answer channel and the app's timer), minus drawing, the keyboard and
//! the clipboard. Shared by the benches (to load big states the way the program does) and by
//! `tests/it/api_economy.rs` (to count the requests the browser sends).

use std::time::{Duration, Instant};

use connect_tui::app::{AppConfig, Msg, ThemeName, Zone};
use connect_tui::connect::{ClientOptions, ConnectClient, RateLimit};
use connect_tui::event_loop::{Driver, NoClipboard};

pub struct Headless {
    pub driver: Driver,
}

/// The browser opened directly on `instance_id`, times in UTC, the default theme.
pub fn config(instance_id: &str) -> AppConfig {
    AppConfig {
        profile: None,
        demo: false,
        region: "us-east-1".into(),
        instance_id: Some(instance_id.into()),
        zone: Zone::Fixed(chrono::FixedOffset::east_opt(0).expect("UTC")),
        theme: ThemeName::Dark,
        export_dir: std::env::temp_dir(),
        all_regions: false,
        no_color: false,
        profiles: Vec::new(),
        history: Vec::new(),
        columns: connect_tui::app::table::Column::ALL.to_vec(),
        sort: None,
        colors: Vec::new(),
        live_interval: None,
    }
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
        let (driver, _) = Driver::start(client, config, size, &mut NoClipboard);
        Headless { driver }
    }

    pub fn app(&self) -> &connect_tui::app::App {
        &self.driver.app
    }

    /// One message, as the event loop applies it (copies go nowhere).
    pub fn update(&mut self, msg: Msg) {
        self.driver.apply(msg, &mut NoClipboard);
    }

    /// Nothing in flight and no timer pending (no debounce, no spinner).
    pub fn is_idle(&self) -> bool {
        self.driver.app.in_flight == 0 && self.driver.app.next_wakeup().is_none()
    }

    /// Runs the loop (answers and timer ticks) until the app is idle; panics after `limit`.
    pub async fn run_until_idle(&mut self, limit: Duration) {
        let deadline = Instant::now() + limit;
        while !self.is_idle() {
            let msg = tokio::time::timeout_at(deadline.into(), self.driver.next())
                .await
                .unwrap_or_else(|_| panic!("not idle after {limit:?}"));
            self.update(msg);
        }
    }
}
