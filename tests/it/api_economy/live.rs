//! The live-status polling budget, counted from the mock's request log over an idle users
//! screen: at most ⌈visible rows / 100⌉ + 1 GetCurrentUserData per interval, and none while
//! the screen is not showing or the terminal has lost focus.
//!
//! The interval is one second instead of the default ten so that the test observes a dozen
//! intervals in about twelve seconds; the schedule scales with the interval (the update tests
//! hold it to the interval exactly), so the count per interval is what is being measured.

use std::time::{Duration, Instant};

use connect_tui::app::{Action, Msg};

use super::{headless::Headless, loaded_browser, requests};

const INTERVAL: Duration = Duration::from_secs(1);
const INTERVALS: u32 = 12;

/// Runs the real loop for `window` (answers and timer ticks), then returns.
async fn run_for(browser: &mut Headless, window: Duration) {
    let end = Instant::now() + window;
    while let Ok(msg) = tokio::time::timeout_at(end.into(), browser.driver.next()).await {
        browser.update(msg);
    }
}

fn live_count(log: &std::path::Path) -> usize {
    requests(log)
        .get("GetCurrentUserData")
        .copied()
        .unwrap_or(0)
}

#[tokio::test]
async fn an_idle_users_screen_stays_within_the_polling_budget() {
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let (_server, mut browser) = loaded_browser(log.path()).await;
    assert_eq!(live_count(log.path()), 0, "off until switched on");
    browser.driver.app.config.live_interval = Some(INTERVAL);
    // Any message lets the app look at its schedule (the loop would deliver a tick).
    browser.update(Msg::Tick);
    let visible = browser.app().visible_user_ids().len();
    assert!(visible > 0);
    run_for(&mut browser, INTERVAL * INTERVALS).await;
    let sent = live_count(log.path());
    let budget = (visible.div_ceil(100) + 1) * INTERVALS as usize;
    eprintln!(
        "GetCurrentUserData: {sent} requests over {INTERVALS} intervals of {INTERVAL:?}, \
         {visible} rows on screen; budget {budget}"
    );
    assert!(sent <= budget, "{sent} requests > budget {budget}");
    assert!(
        sent >= INTERVALS as usize - 1,
        "it does poll, once per interval: {sent}"
    );
    let statuses = requests(log.path()).get("ListAgentStatuses").copied();
    assert_eq!(statuses, Some(1), "statuses listed once per instance");

    // Off the users screen: nothing more.
    browser.update(Msg::Action(Action::InstancePicker));
    let before = live_count(log.path());
    run_for(&mut browser, INTERVAL * 3).await;
    assert_eq!(live_count(log.path()), before, "stops off the users screen");

    // Back, then the terminal loses focus: nothing more either.
    browser.update(Msg::Action(Action::Confirm));
    browser.update(Msg::Focus(false));
    run_for(&mut browser, INTERVAL / 2).await;
    let before = live_count(log.path());
    run_for(&mut browser, INTERVAL * 3).await;
    assert_eq!(live_count(log.path()), before, "paused while unfocused");
}
