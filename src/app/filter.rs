//! The `/` filter: fuzzy matching with nucleo-matcher, ranked exact → prefix → fuzzy score.
//!
//! A keystroke must stay within a frame over 100,000 users (`cargo bench --bench filter`), so:
//! - **a character prefilter**: every user carries a 64-bit mask of the characters its text
//!   contains ([`char_mask`], computed once when the user arrives); a user whose mask lacks one
//!   of the query's characters cannot match and is skipped with one AND, before nucleo runs;
//! - **incremental narrowing**: a query that extends the previous one only re-scores the
//!   previous matches (a fuzzy match of "jan" is always a match of "ja"), plus users that
//!   arrived since;
//! - **steps kept for Backspace**: the result of every query typed since the last full search
//!   is kept, so deleting a character goes back to an earlier result instead of searching again;
//! - buffers reused between keystrokes.

use nucleo_matcher::chars::{normalize, to_lower_case};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Separates the searchable fields of one user inside its haystack string.
pub const FIELD_SEPARATOR: char = '\n';

/// What the filter searches: one text per user and that text's [`char_mask`].
pub trait Haystacks {
    fn count(&self) -> usize;
    /// The searchable fields of user `index`, separated by [`FIELD_SEPARATOR`].
    fn text(&self, index: usize) -> &str;
    /// `char_mask(self.text(index))`, kept up to date with the text.
    fn mask(&self, index: usize) -> u64;
}

pub struct Filter {
    /// What the admin typed. Private: [`Self::matches`] is the result for this query only
    /// after [`Self::refresh`], so every edit goes through the methods below.
    query: String,
    /// The query line has the keyboard (`/` pressed, not yet Enter/Esc).
    pub editing: bool,
    /// One result per query typed since the last full search, each query extending the one
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
    query: String,
    searched: usize,
    matches: Vec<u32>,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            query: String::new(),
            editing: false,
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
            .field("matches", &self.matches().map(<[u32]>::len))
            .finish()
    }
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

    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Recomputes the matches of the query over `haystacks`. `changed` says some user's text
    /// changed since the last call (a record arrived), which rules out reusing earlier results.
    pub fn refresh(&mut self, haystacks: &impl Haystacks, changed: bool) {
        if !self.is_active() || changed {
            self.steps.clear();
        }
        if !self.is_active() {
            return;
        }
        let query = self.query.as_str();
        // Go back to the longest earlier result this query narrows (all of them while typing,
        // fewer after Backspace or an edit).
        while self.steps.last().is_some_and(|s| !narrows(&s.query, query)) {
            self.steps.pop();
        }
        let count = haystacks.count();
        let previous = self.steps.last();
        if previous.is_some_and(|s| s.query == query && s.searched == count) {
            return;
        }
        let pattern = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let needed = query_mask(query);
        let lower = query.trim().to_lowercase();
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
            let text = haystacks.text(i);
            let haystack = Utf32Str::new(text, &mut self.chars);
            if let Some(score) = pattern.score(haystack, &mut self.matcher) {
                self.ranked.push(rank_key(tier(text, &lower), score, index));
            }
        }
        self.ranked.sort_unstable();
        let step = Step {
            query: query.to_string(),
            searched: count,
            matches: self.ranked.iter().map(|key| *key as u32).collect(),
        };
        // The same query over more users (a page arrived) replaces its earlier result.
        if self.steps.last().is_some_and(|s| s.query == query) {
            self.steps.pop();
        }
        self.steps.push(step);
    }
}

/// True when every match of `query` is a match of `previous`: each atom of `query` then
/// extends the corresponding atom of `previous`, or is an extra atom. A trailing backslash is
/// the exception: `ja\` searches for a backslash, `ja\ ` for "ja " (an escaped space).
fn narrows(previous: &str, query: &str) -> bool {
    query.starts_with(previous) && !previous.ends_with('\\')
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

/// The characters every match of `query` must contain. Spaces separate atoms and a
/// backslash may be an escape, so neither is required; non-ASCII query characters are
/// matched by nucleo alone.
fn query_mask(query: &str) -> u64 {
    query
        .chars()
        .filter(|c| c.is_ascii() && *c != ' ' && *c != '\\')
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
mod tests;
