//! The `/` filter over 100,000 loaded users: the time `App::update` takes for one keystroke
//! (matching, ranking, moving the cursor to the best match), typing "jane d" one key at a
//! time. Budget: ≤ 2 ms per keystroke (median).
//!
//! The users come from the in-process mock endpoint through the real SDK and worker (listed
//! once); every sample starts from a fresh screen holding them, with the query's earlier keys
//! already typed, so each measurement is exactly one keystroke.
//!
//! Run: `cargo bench --bench filter`

// The shared helpers serve the other benches too.
#[allow(dead_code)]
mod common;

use std::sync::OnceLock;
use std::time::Instant;

use connect_tui::app::{App, FilterEdit, Msg};
use connect_tui::model::UserSummary;

const GENERATED: usize = 100_000;

fn main() {
    report_matches();
    divan::main();
}

/// The listed users (generated ones plus the demo's), listed once per run.
fn users() -> &'static [UserSummary] {
    static USERS: OnceLock<Vec<UserSummary>> = OnceLock::new();
    USERS.get_or_init(|| {
        let users = common::listed_users(&common::loaded_app(GENERATED));
        eprintln!("{} users loaded", users.len());
        users
    })
}

/// A screen with every user listed and `typed` already in the filter.
fn typed(typed: &str) -> App {
    let mut app = common::app_with_users(users());
    common::type_filter(&mut app, typed);
    app
}

fn press(mut app: App, edit: FilterEdit) -> App {
    app.update(Msg::FilterEdit(edit), Instant::now());
    app
}

/// Each keystroke of "jane d", after the keys before it (`"ja"` is "a" typed after "j").
#[divan::bench(args = ["j", "ja", "jan", "jane", "jane ", "jane d"], sample_count = 40)]
fn keystroke(bencher: divan::Bencher, query: &str) {
    let (before, last) = query.split_at(query.len() - 1);
    let key = last.chars().next().expect("one key");
    bencher
        .with_inputs(|| typed(before))
        .bench_local_values(|app| press(app, FilterEdit::Insert(key)));
}

/// Backspace from "jane d" back to "jane ": the earlier result is reused.
#[divan::bench(sample_count = 40)]
fn backspace(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| typed("jane d"))
        .bench_local_values(|app| press(app, FilterEdit::Backspace));
}

/// The first key of a query fewer users match ("q": about 7,000 of 100,031): the character
/// prefilter turns the others away with one AND each, before nucleo scores anyone.
#[divan::bench(sample_count = 40)]
fn first_key_matching_few(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| typed(""))
        .bench_local_values(|app| press(app, FilterEdit::Insert('q')));
}

/// For comparison, what the first key cost before the prefilter: nucleo scoring every
/// username, then the sort (the previous `Filter::refresh` with nothing to narrow from).
#[divan::bench(args = ["j", "q"], sample_count = 40)]
fn before_nucleo_scores_everyone(bencher: divan::Bencher, query: &str) {
    use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher, Utf32Str};
    let names: Vec<&str> = users()
        .iter()
        .filter_map(|u| u.username.as_deref())
        .collect();
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    bencher.bench_local(|| {
        let pattern = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let mut ranked: Vec<u64> = (0..names.len() as u32)
            .filter_map(|i| {
                let score =
                    pattern.score(Utf32Str::new(names[i as usize], &mut buf), &mut matcher)?;
                Some((u64::from(u32::MAX - score) << 32) | u64::from(i))
            })
            .collect();
        ranked.sort_unstable();
        ranked
    });
}

/// Prints how many users each step matches, so a broken filter cannot look fast.
fn report_matches() {
    let mut app = typed("");
    let mut report = Vec::new();
    for c in "jane d".chars() {
        app = press(app, FilterEdit::Insert(c));
        let b = app.users.as_ref().expect("open");
        report.push(format!("{:?}: {}", b.filter.query(), b.view_len()));
    }
    eprintln!(
        "matches among {} users: {}",
        users().len(),
        report.join(", ")
    );
}
