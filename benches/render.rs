//! One full frame of the users screen: 200×60, 100,000 users listed, Jane's whole record open
//! (names resolved), drawn by `ui::draw` into ratatui's `TestBackend`. Budget: ≤ 1 ms (median).
//!
//! The state is loaded the way the program loads it (in-process mock endpoint, real SDK, real
//! worker). Drawing only touches the rows on screen, so the position in the list and a filter
//! make no difference; the benches show that.
//!
//! Run: `cargo bench --bench render`

// The shared helpers serve the other benches too.
#[allow(dead_code)]
mod common;

use std::sync::OnceLock;
use std::time::Instant;

use connect_tui::app::Action;
use connect_tui::app::{App, Msg};
use connect_tui::keys::KeyMap;
use connect_tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const GENERATED: usize = 100_000;

fn main() {
    divan::main();
}

/// Jane selected at the top of the list, her record and names loaded. Loaded once per run
/// (drawing never changes the state).
fn loaded() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| common::loaded_app(GENERATED))
}

/// The default key table, built once like the program builds it at start.
fn keys() -> &'static KeyMap {
    static KEYS: OnceLock<KeyMap> = OnceLock::new();
    KEYS.get_or_init(KeyMap::default)
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(common::SIZE.0, common::SIZE.1)).expect("test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| {
            ui::draw(frame, app, keys());
        })
        .expect("draw into the test backend");
}

/// What every redraw costs: the whole screen drawn into a fresh buffer, compared with the
/// previous frame, the differences written to the backend.
#[divan::bench(sample_count = 200)]
fn full_record_open(bencher: divan::Bencher) {
    let app = loaded();
    assert_eq!(
        app.users.as_ref().and_then(|b| b.selected_id()),
        Some(common::JANE)
    );
    let mut terminal = terminal();
    bencher.bench_local(|| draw(&mut terminal, app));
}

/// The same frame written out in full (the terminal cleared first, so every cell is sent).
#[divan::bench(sample_count = 200)]
fn full_record_open_after_clear(bencher: divan::Bencher) {
    let app = loaded();
    let mut terminal = terminal();
    bencher.bench_local(|| {
        terminal.clear().expect("clear the test backend");
        draw(&mut terminal, app);
    });
}

/// The last of 100,000 rows selected (its record still loading): the list's position does
/// not change the cost.
#[divan::bench(sample_count = 200)]
fn bottom_of_the_list(bencher: divan::Bencher) {
    let mut app = common::app_with_users(&common::listed_users(loaded()));
    app.update(Msg::Action(Action::Bottom), Instant::now());
    let mut terminal = terminal();
    bencher.bench_local(|| draw(&mut terminal, &app));
}

/// The list filtered by "jane" (thousands of matches, ranked).
#[divan::bench(sample_count = 200)]
fn filtered_list(bencher: divan::Bencher) {
    let mut app = common::app_with_users(&common::listed_users(loaded()));
    common::type_filter(&mut app, "jane");
    let mut terminal = terminal();
    bencher.bench_local(|| draw(&mut terminal, &app));
}
