//! The users table over 100,000 fully swept users (names, routing profiles, security profiles,
//! groups from the SearchUsers sweep): a filter keystroke with a field term (budget ≤ 2 ms),
//! a sort (≤ 30 ms), `:rp` with its user counts (≤ 5 ms), and building the Ctrl-S CSV of the
//! whole view (≤ 1 s).
//!
//! The state is loaded once, the way the program loads it (in-process mock endpoint, real SDK
//! client and worker); each sample changes it and changes it back, so every sample does the
//! same work.
//!
//! Run: `cargo bench --bench table`

// The shared helpers serve the other benches too.
#[allow(dead_code)]
mod common;

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use connect_tui::app::{Action, App, FilterEdit, Msg};

const GENERATED: usize = 100_000;

fn main() {
    report();
    divan::main();
}

fn app() -> &'static Mutex<App> {
    static APP: OnceLock<Mutex<App>> = OnceLock::new();
    APP.get_or_init(|| Mutex::new(common::loaded_app(GENERATED)))
}

fn send(app: &mut App, msg: Msg) {
    app.update(msg, Instant::now());
}

/// Two keystrokes per sample — `r` typed after "rp:tie", then Backspace — each a full search
/// (a field value typed further is searched again: it may also match an ID exactly). Divide
/// by two for one keystroke.
#[divan::bench(sample_count = 40)]
fn field_term_two_keystrokes(bencher: divan::Bencher) {
    let mut app = app().lock().expect("app");
    send(&mut app, Msg::Action(Action::Back));
    common::type_filter(&mut app, "rp:tie");
    bencher.bench_local(|| {
        send(&mut app, Msg::FilterEdit(FilterEdit::Insert('r')));
        send(&mut app, Msg::FilterEdit(FilterEdit::Backspace));
    });
    send(&mut app, Msg::Action(Action::Back));
}

/// One sort of every user by username (`S` flips the direction, so each sample sorts).
#[divan::bench(sample_count = 20)]
fn sort_all_by_username(bencher: divan::Bencher) {
    let mut app = app().lock().expect("app");
    send(&mut app, Msg::Action(Action::Back));
    send(&mut app, Msg::Action(Action::SortNext));
    bencher.bench_local(|| send(&mut app, Msg::Action(Action::SortReverse)));
    for _ in 0..6 {
        send(&mut app, Msg::Action(Action::SortNext));
    }
}

/// `:rp` Enter: the routing-profile view with every profile's user count, counted over all
/// swept users; Esc closes it again.
#[divan::bench(sample_count = 40)]
fn open_rp_view_with_counts(bencher: divan::Bencher) {
    let mut app = app().lock().expect("app");
    send(&mut app, Msg::Action(Action::Back));
    bencher.bench_local(|| {
        common::run_command(&mut app, "rp");
        assert!(app.view.is_some(), ":rp opened no view");
        send(&mut app, Msg::Action(Action::Back));
    });
}

/// The CSV Ctrl-S writes, for every user (rows resolved, formatted, guarded).
#[divan::bench(sample_count = 10)]
fn export_csv_of_every_user(bencher: divan::Bencher) {
    let app = app().lock().expect("app");
    let b = app.users.as_ref().expect("open");
    bencher.bench_local(|| b.view_csv());
}

/// What the benches work on, so a broken sweep or filter cannot look fast.
fn report() {
    let mut app = app().lock().expect("app");
    let b = app.users.as_ref().expect("open");
    let (users, swept) = (b.list.users.len(), b.list.swept());
    common::type_filter(&mut app, "rp:tier");
    let b = app.users.as_ref().expect("open");
    eprintln!(
        "{users} users, {swept} swept; \"rp:tier\" matches {}; CSV {} bytes",
        b.view_len(),
        b.view_csv().len()
    );
    send(&mut app, Msg::Action(Action::Back));
    send(&mut app, Msg::Action(Action::Back));
}
