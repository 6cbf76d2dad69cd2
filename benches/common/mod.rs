//! Shared by the benches: the browser's state with many users, loaded the way the program
//! loads it — the in-process mock endpoint with generated users, the real SDK client, the real
//! worker, `App::update` — only without a terminal.

pub mod headless;

use std::time::{Duration, Instant};

use connect_tui::app::Action;
use connect_tui::app::{Answer, App, FilterEdit, Msg, Request};
use connect_tui::mock::{self, MockConfig};
use connect_tui::model::{Page, UserSummary};

use headless::Headless;

/// The demo instance, which `--users N` fills.
pub const INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
/// The demo's Jane: a record with every pane filled (phone channels, profiles, group, tags).
pub const JANE: &str = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";
/// The users screen the budgets are set for.
pub const SIZE: (u16, u16) = (200, 60);
/// Loading 100,000 users takes seconds; a hang should fail, not wait forever.
const LOAD_LIMIT: Duration = Duration::from_secs(120);

/// The users screen after every request has been answered: `generated` users (plus the
/// demo's) listed, the names resolved, and Jane selected with her record and group path open.
pub fn loaded_app(generated: usize) -> App {
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    runtime.block_on(async {
        let server = mock::start(MockConfig {
            extra_users: generated,
            ..MockConfig::demo()
        })
        .await
        .expect("mock endpoint");
        // Loading is set-up here, not what is measured: no client-side rate limit.
        let client = headless::client(server.endpoint_url(), Some("1000/1000")).await;
        let mut browser = Headless::start(client, headless::config(INSTANCE), SIZE);
        browser.run_until_idle(LOAD_LIMIT).await;
        // Jane is the demo's first user; walk down to her should the order ever change.
        for _ in 0..100 {
            if browser.app().users.as_ref().and_then(|b| b.selected_id()) == Some(JANE) {
                return browser.driver.app;
            }
            browser.update(Msg::Action(Action::Down));
            browser.run_until_idle(LOAD_LIMIT).await;
        }
        panic!("Jane is not among the first 100 users");
    })
}

/// The users `app` lists, as the API listed them.
pub fn listed_users(app: &App) -> Vec<UserSummary> {
    let list = &app.users.as_ref().expect("open").list;
    (0..list.users.len())
        .filter_map(|i| list.summary(i))
        .collect()
}

/// A users screen holding `users` in one page, nothing else loaded: cheap to build many
/// times from one listing.
pub fn app_with_users(users: &[UserSummary]) -> App {
    let now = Instant::now();
    let (mut app, _) = App::new(headless::config(INSTANCE), SIZE, now);
    let scope = app.users.as_ref().expect("open").scope();
    let page = Page {
        items: users.to_vec(),
        next_token: None,
    };
    let answer = Answer {
        scope,
        request: Request::ListUsers { token: None },
        result: Ok(page.into()),
    };
    app.update(Msg::Answer(Box::new(answer)), now);
    app
}

/// Presses `/` and types `text`, as the keyboard would.
pub fn type_filter(app: &mut App, text: &str) {
    let now = Instant::now();
    if !app.users.as_ref().is_some_and(|b| b.filter.editing) {
        app.update(Msg::Action(Action::Filter), now);
    }
    for c in text.chars() {
        app.update(Msg::FilterEdit(FilterEdit::Insert(c)), now);
    }
}

/// Presses `:`, types `command` and Enter, as the keyboard would.
pub fn run_command(app: &mut App, command: &str) {
    let now = Instant::now();
    app.update(Msg::Action(Action::CommandLine), now);
    for c in command.chars() {
        app.update(Msg::FilterEdit(FilterEdit::Insert(c)), now);
    }
    app.update(Msg::Action(Action::Confirm), now);
}
