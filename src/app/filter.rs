//! The `/` filter: fuzzy matching with nucleo-matcher, ranked exact → prefix → fuzzy score.
//!
//! Typing narrows incrementally: when the new query extends the previous one, only the previous
//! matches are scored again (a fuzzy match of "jan" is always a match of "ja"), which keeps a
//! keystroke over 100,000 users within the frame budget.

use std::cmp::Reverse;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Separates the searchable fields of one user inside its haystack string.
pub const FIELD_SEPARATOR: char = '\n';

pub struct Filter {
    /// What the admin typed.
    pub query: String,
    /// The query line has the keyboard (`/` pressed, not yet Enter/Esc).
    pub editing: bool,
    /// Matching user indices, best first; `None` when the query is empty (all users, in order).
    matches: Option<Vec<u32>>,
    /// The query and number of haystacks `matches` was computed for.
    computed: (String, usize),
    matcher: Matcher,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            query: String::new(),
            editing: false,
            matches: None,
            computed: (String::new(), 0),
            matcher: Matcher::new(Config::DEFAULT),
        }
    }
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Filter")
            .field("query", &self.query)
            .field("editing", &self.editing)
            .field("matches", &self.matches.as_ref().map(Vec::len))
            .finish()
    }
}

impl Filter {
    /// The matching indices, best first; `None` means "no filter: every user in list order".
    pub fn matches(&self) -> Option<&[u32]> {
        self.matches.as_deref()
    }

    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Recomputes the matches of `query` over `haystacks` (one per user, fields separated by
    /// [`FIELD_SEPARATOR`]). `changed` lists haystacks whose text changed since the last call
    /// (a record arrived), which rules out narrowing for them.
    pub fn refresh(&mut self, haystacks: &[String], changed: bool) {
        let query = self.query.trim().to_string();
        if query.is_empty() {
            self.matches = None;
            self.computed = (query, haystacks.len());
            return;
        }
        let (previous_query, previous_len) = &self.computed;
        let can_narrow = !changed
            && self.matches.is_some()
            && !previous_query.is_empty()
            && query.starts_with(previous_query.as_str())
            && *previous_len <= haystacks.len();
        let candidates: Vec<u32> = match (&self.matches, can_narrow) {
            (Some(previous), true) => previous
                .iter()
                .copied()
                .chain(*previous_len as u32..haystacks.len() as u32)
                .collect(),
            _ => (0..haystacks.len() as u32).collect(),
        };
        let pattern = Pattern::new(
            &query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let lower = query.to_lowercase();
        let mut buf = Vec::new();
        let mut ranked: Vec<(u8, Reverse<u32>, u32)> = candidates
            .into_iter()
            .filter_map(|index| {
                let haystack = haystacks.get(index as usize)?;
                let score = pattern.score(Utf32Str::new(haystack, &mut buf), &mut self.matcher)?;
                Some((tier(haystack, &lower), Reverse(score), index))
            })
            .collect();
        ranked.sort_unstable();
        self.matches = Some(ranked.into_iter().map(|(_, _, index)| index).collect());
        self.computed = (query, haystacks.len());
    }
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
            if field.len() >= n && field.as_bytes()[..n].eq_ignore_ascii_case(lower_query.as_bytes())
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
mod tests {
    use super::*;

    fn run(query: &str, haystacks: &[&str]) -> Vec<u32> {
        let haystacks: Vec<String> = haystacks.iter().map(|s| s.to_string()).collect();
        let mut filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        filter.refresh(&haystacks, false);
        filter.matches().map(<[u32]>::to_vec).unwrap_or_default()
    }

    #[test]
    fn exact_beats_prefix_beats_fuzzy() {
        let users = ["xjxaxnxe", "janet", "jane", "mary-jane"];
        assert_eq!(run("jane", &users), vec![2, 1, 3, 0]);
    }

    #[test]
    fn matching_ignores_case() {
        assert_eq!(run("Jane", &["jane.doe", "bob"]), vec![0]);
    }

    #[test]
    fn matches_names_and_email_fields() {
        let users = ["agent1\nJane\nDoe\njd@example.com", "agent2"];
        assert_eq!(run("doe", &users), vec![0]);
    }

    #[test]
    fn empty_query_means_no_filter() {
        let mut filter = Filter::default();
        filter.refresh(&["a".to_string()], false);
        assert!(filter.matches().is_none());
    }

    #[test]
    fn narrowing_gives_the_same_result_as_a_fresh_search() {
        let haystacks: Vec<String> = ["jane", "janet", "joan", "ja", "bob", "jxaxnxe"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut incremental = Filter::default();
        for q in ["j", "ja", "jan", "jane"] {
            incremental.query = q.into();
            incremental.refresh(&haystacks, false);
        }
        assert_eq!(
            incremental.matches().unwrap(),
            run("jane", &["jane", "janet", "joan", "ja", "bob", "jxaxnxe"])
        );
    }

    #[test]
    fn new_users_are_considered_when_narrowing() {
        let mut haystacks = vec!["bob".to_string()];
        let mut filter = Filter {
            query: "ja".into(),
            ..Filter::default()
        };
        filter.refresh(&haystacks, false);
        assert_eq!(filter.matches().unwrap(), &[] as &[u32]);
        haystacks.push("jane".into());
        filter.query = "jan".into();
        filter.refresh(&haystacks, false);
        assert_eq!(filter.matches().unwrap(), &[1]);
    }
}
