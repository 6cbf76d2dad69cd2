//! The filter engine of the users table, shared by the browser's `/` line and
//! `export-users --filter`: terms parsed by [`syntax`] (fuzzy bare terms, field terms, `!`,
//! quotes), field terms evaluated by [`fields`], bare terms fuzzy-matched with nucleo-matcher
//! and ranked exact → prefix → fuzzy score.
//!
//! A keystroke must stay within a frame over 100,000 users (`cargo bench --bench filter`), so:
//! - **a character prefilter**: every user carries a 64-bit mask of the characters its text
//!   contains ([`char_mask`], computed once when the user arrives); a user whose mask lacks one
//!   of the bare terms' characters cannot match and is skipped with one AND, before nucleo runs;
//! - **field terms compiled to tables** over interned IDs (see `fields.rs`);
//! - **incremental narrowing**: a query that only types its terms further (or adds terms)
//!   re-checks the previous matches only, plus users that arrived since;
//! - **steps kept for Backspace**: the result of every query typed since the last full search
//!   is kept, so deleting a character goes back to an earlier result instead of searching again;
//! - buffers reused between keystrokes.

pub mod fields;
pub mod syntax;

use nucleo_matcher::chars::{normalize, to_lower_case};
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

pub use fields::{Compiled, Searchable};
#[cfg(test)]
use syntax::Field;
pub use syntax::{Query, SyntaxError, Term};

/// Separates the searchable fields of one user inside its haystack string.
pub const FIELD_SEPARATOR: char = '\n';

/// What the filter searches: one text per user and that text's [`char_mask`], and the
/// fields that field terms test.
pub trait Haystacks {
    fn count(&self) -> usize;
    /// The searchable fields of user `index`, separated by [`FIELD_SEPARATOR`].
    fn text(&self, index: usize) -> &str;
    /// `char_mask(self.text(index))`, kept up to date with the text.
    fn mask(&self, index: usize) -> u64;
    /// The field terms among `terms` compiled against these users.
    fn compile(&self, terms: &[&Term]) -> Compiled;
    /// True when user `index` passes every compiled field term.
    fn matches_fields(&self, compiled: &Compiled, index: usize) -> bool;
}

pub struct Filter {
    /// What the admin typed. Private: [`Self::matches`] is the result for this query only
    /// after [`Self::refresh`], so every edit goes through the methods below.
    query: String,
    /// The query line has the keyboard (`/` pressed, not yet Enter/Esc).
    pub editing: bool,
    /// Why the query as typed cannot be used; the result stays that of the last valid one.
    error: Option<SyntaxError>,
    /// The last query that parsed: the one [`Self::matches`] answers.
    valid: Query,
    /// One result per query typed since the last full search, each query narrowing the one
    /// before; the last is the current result. Empty when the query is empty.
    steps: Vec<Step>,
    matcher: Matcher,
    /// Rank keys of the matches being computed (kept to reuse the allocation).
    ranked: Vec<u64>,
    /// Scratch space nucleo needs for non-ASCII haystacks.
    chars: Vec<char>,
}

/// The matches of `query` among the first `searched` users, best first.
struct Step {
    query: Query,
    searched: usize,
    matches: Vec<u32>,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            query: String::new(),
            editing: false,
            error: None,
            valid: Query::default(),
            steps: Vec::new(),
            matcher: Matcher::new(Config::DEFAULT),
            ranked: Vec::new(),
            chars: Vec::new(),
        }
    }
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Filter")
            .field("query", &self.query)
            .field("editing", &self.editing)
            .field("error", &self.error)
            .field("matches", &self.matches().map(<[u32]>::len))
            .finish()
    }
}

/// A fuzzy atom of one bare term (spaces inside it are part of it).
fn atom(value: &str) -> Atom {
    Atom::new(
        value,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
        false,
    )
}

impl Filter {
    /// The matching indices, best first; `None` means "no filter: every user in list order".
    pub fn matches(&self) -> Option<&[u32]> {
        self.steps.last().map(|step| step.matches.as_slice())
    }

    /// What the admin typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Why the query as typed is not applied (the last valid one is), if it is not.
    pub fn error(&self) -> Option<&SyntaxError> {
        self.error.as_ref()
    }

    /// The query the result is for.
    pub fn applied(&self) -> &Query {
        &self.valid
    }

    /// Replaces the query (a refreshed screen keeps its filter); call [`Self::refresh`] next.
    pub fn set_query(&mut self, query: &str) {
        self.query = query.to_string();
    }

    pub fn push(&mut self, c: char) {
        self.query.push(c);
    }

    pub fn pop(&mut self) {
        self.query.pop();
    }

    pub fn clear(&mut self) {
        self.query.clear();
    }

    /// True when a filter applies (the list shows matches only).
    pub fn is_active(&self) -> bool {
        !self.valid.is_empty()
    }

    /// Recomputes the matches of the query over `haystacks`. `changed` says some user's data
    /// changed since the last call (a record or a sweep page arrived, names resolved), which
    /// rules out reusing earlier results.
    pub fn refresh(&mut self, haystacks: &impl Haystacks, changed: bool) {
        if changed {
            self.steps.clear();
        }
        match syntax::parse(&self.query) {
            Ok(query) => {
                self.error = None;
                self.valid = query;
            }
            // The last valid result stays (recomputed if the data changed).
            Err(error) => self.error = Some(error),
        }
        if self.valid.is_empty() {
            self.steps.clear();
            return;
        }
        let query = &self.valid;
        // Go back to the longest earlier result this query narrows (all of them while typing,
        // fewer after Backspace or an edit).
        while self.steps.last().is_some_and(|s| !query.narrows(&s.query)) {
            self.steps.pop();
        }
        let count = haystacks.count();
        let previous = self.steps.last();
        if previous.is_some_and(|s| s.query == *query && s.searched == count) {
            return;
        }
        let fuzzy: Vec<&str> = query.fuzzy().collect();
        let mut pattern = Pattern::default();
        pattern.atoms = fuzzy.iter().map(|v| atom(v)).collect();
        let excluded: Vec<Atom> = query
            .terms
            .iter()
            .filter(|t| t.negated && t.field.is_none())
            .map(|t| atom(&t.value))
            .collect();
        let field_terms: Vec<&Term> = query.terms.iter().filter(|t| t.field.is_some()).collect();
        let compiled = haystacks.compile(&field_terms);
        let needed = fuzzy.iter().fold(0, |mask, v| mask | query_mask(v));
        let lower = fuzzy.join(" ").to_lowercase();
        let (from_previous, first_new): (&[u32], usize) = match previous {
            Some(step) => (&step.matches, step.searched),
            None => (&[], 0),
        };
        // One u64 per match, ordered as wanted: tier, then higher score, then list order.
        // Sorting plain integers is several times faster than sorting tuples.
        self.ranked.clear();
        let candidates = from_previous
            .iter()
            .copied()
            .chain(first_new as u32..count as u32);
        for index in candidates {
            let i = index as usize;
            if haystacks.mask(i) & needed != needed {
                continue;
            }
            if !compiled.is_empty() && !haystacks.matches_fields(&compiled, i) {
                continue;
            }
            if fuzzy.is_empty() && excluded.is_empty() {
                self.ranked.push(rank_key(2, 0, index));
                continue;
            }
            let text = haystacks.text(i);
            let haystack = Utf32Str::new(text, &mut self.chars);
            if excluded
                .iter()
                .any(|a| a.score(haystack, &mut self.matcher).is_some())
            {
                continue;
            }
            if fuzzy.is_empty() {
                self.ranked.push(rank_key(2, 0, index));
            } else if let Some(score) = pattern.score(haystack, &mut self.matcher) {
                self.ranked.push(rank_key(tier(text, &lower), score, index));
            }
        }
        self.ranked.sort_unstable();
        let step = Step {
            query: query.clone(),
            searched: count,
            matches: self.ranked.iter().map(|key| *key as u32).collect(),
        };
        // The same query over more users (a page arrived) replaces its earlier result.
        if self.steps.last().is_some_and(|s| s.query == *query) {
            self.steps.pop();
        }
        self.steps.push(step);
    }
}

/// The characters of `text` as a 64-bit set: one bit per ASCII letter or digit, and the other
/// ASCII characters folded onto the remaining bits. Non-ASCII characters add the bits of their
/// lower-case and accent-free forms (nucleo matches "e" in "É"), so a text's mask covers every
/// character nucleo could match in it.
pub fn char_mask(text: &str) -> u64 {
    let mut mask = 0;
    for c in text.chars() {
        if c.is_ascii() {
            mask |= ascii_bit(c as u8);
        } else {
            let lower = to_lower_case(c);
            for variant in [
                lower,
                normalize(c),
                normalize(lower),
                to_lower_case(normalize(c)),
            ] {
                if variant.is_ascii() {
                    mask |= ascii_bit(variant as u8);
                }
            }
        }
    }
    mask
}

/// Characters every match of the bare term `term` must contain (a subset is enough: the mask
/// only turns away users that cannot match). Spaces are left out, non-ASCII characters are
/// matched by nucleo alone.
fn query_mask(term: &str) -> u64 {
    term.chars()
        .filter(|c| c.is_ascii() && *c != ' ')
        .fold(0, |mask, c| mask | ascii_bit(c as u8))
}

/// Bits 0–25: letters (either case); 26–35: digits; 36–63: other ASCII characters, shared.
fn ascii_bit(c: u8) -> u64 {
    let bit = match c.to_ascii_lowercase() {
        c @ b'a'..=b'z' => c - b'a',
        c @ b'0'..=b'9' => 26 + (c - b'0'),
        c => 36 + c % 28,
    };
    1 << bit
}

/// Packs (tier: 2 bits, inverted score: 30 bits, index: 32 bits) so that ascending order is
/// best first.
fn rank_key(tier: u8, score: u32, index: u32) -> u64 {
    const SCORE_MAX: u32 = (1 << 30) - 1;
    let inverted = SCORE_MAX - score.min(SCORE_MAX);
    (u64::from(tier) << 62) | (u64::from(inverted) << 32) | u64::from(index)
}

/// 0 when a field equals the query, 1 when a field starts with it, 2 otherwise
/// (case-insensitive; `lower_query` is already lowercase).
fn tier(haystack: &str, lower_query: &str) -> u8 {
    let mut best = 2;
    for field in haystack.split(FIELD_SEPARATOR) {
        if field.is_ascii() && lower_query.is_ascii() {
            if field.eq_ignore_ascii_case(lower_query) {
                return 0;
            }
            let n = lower_query.len();
            if field.len() >= n
                && field.as_bytes()[..n].eq_ignore_ascii_case(lower_query.as_bytes())
            {
                best = 1;
            }
        } else {
            let field = field.to_lowercase();
            if field == lower_query {
                return 0;
            }
            if field.starts_with(lower_query) {
                best = 1;
            }
        }
    }
    best
}

#[cfg(test)]
mod reference_tests;
#[cfg(test)]
mod tests;
