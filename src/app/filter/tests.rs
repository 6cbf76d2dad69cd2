use proptest::prelude::*;

use super::*;

/// Haystacks as the user list keeps them: texts and their masks.
struct Texts {
    texts: Vec<String>,
    masks: Vec<u64>,
}

impl Texts {
    fn new<S: AsRef<str>>(texts: &[S]) -> Texts {
        let texts: Vec<String> = texts.iter().map(|s| s.as_ref().to_string()).collect();
        let masks = texts.iter().map(|t| char_mask(t)).collect();
        Texts { texts, masks }
    }

    fn push(&mut self, text: &str) {
        self.texts.push(text.to_string());
        self.masks.push(char_mask(text));
    }
}

impl Haystacks for Texts {
    fn count(&self) -> usize {
        self.texts.len()
    }
    fn text(&self, index: usize) -> &str {
        &self.texts[index]
    }
    fn mask(&self, index: usize) -> u64 {
        self.masks[index]
    }
    /// Plain texts have no fields: these tests use bare terms only.
    fn compile(&self, terms: &[&Term]) -> Compiled {
        assert!(terms.is_empty(), "plain texts have no fields");
        Compiled::default()
    }
    fn matches_fields(&self, _: &Compiled, _: usize) -> bool {
        true
    }
}

fn run(query: &str, haystacks: &[&str]) -> Vec<u32> {
    let mut filter = Filter {
        query: query.into(),
        ..Filter::default()
    };
    filter.refresh(&Texts::new(haystacks), false);
    filter.matches().map(<[u32]>::to_vec).unwrap_or_default()
}

/// The naive reference for bare terms: each positive term's fuzzy atom matches the text,
/// no negated one does; nothing reused, no prefilter.
pub(super) fn bare_terms_match(query: &Query, text: &str) -> bool {
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    query.terms.iter().filter(|t| t.field.is_none()).all(|t| {
        let haystack = Utf32Str::new(text, &mut buf);
        atom(&t.value).score(haystack, &mut matcher).is_some() != t.negated
    })
}

fn reference_matches(query: &str, texts: &[String]) -> Vec<u32> {
    let query = syntax::parse(query).expect("a valid query");
    (0..texts.len() as u32)
        .filter(|i| bare_terms_match(&query, &texts[*i as usize]))
        .collect()
}

#[test]
fn exact_beats_prefix_beats_fuzzy() {
    let users = ["xjxaxnxe", "janet", "jane", "mary-jane"];
    assert_eq!(run("jane", &users), vec![2, 1, 3, 0]);
}

#[test]
fn better_scores_first_and_ties_in_list_order() {
    // Same tier (fuzzy): the contiguous match scores higher than the scattered one.
    assert_eq!(run("ane", &["xaxnxe", "xane", "yane"]), vec![1, 2, 0]);
}

#[test]
fn matching_ignores_case_and_accents() {
    assert_eq!(run("Jane", &["jane.doe", "bob"]), vec![0]);
    assert_eq!(run("zoe", &["Zoë Smith", "zo"]), vec![0]);
    assert_eq!(run("EMILE", &["Émile Dubois"]), vec![0]);
}

#[test]
fn matches_names_and_email_fields() {
    let users = ["agent1\nJane\nDoe\njd@example.com", "agent2"];
    assert_eq!(run("doe", &users), vec![0]);
}

#[test]
fn empty_query_means_no_filter() {
    let mut filter = Filter::default();
    filter.refresh(&Texts::new(&["a"]), false);
    assert!(filter.matches().is_none());
}

#[test]
fn narrowing_gives_the_same_result_as_a_fresh_search() {
    let users = ["jane", "janet", "joan", "ja", "bob", "jxaxnxe", "jane doe"];
    let texts = Texts::new(&users);
    let mut incremental = Filter::default();
    for q in ["j", "ja", "jan", "jane", "jane ", "jane d"] {
        incremental.query = q.into();
        incremental.refresh(&texts, false);
        assert_eq!(incremental.matches().unwrap(), run(q, &users), "{q}");
    }
}

#[test]
fn backspace_returns_the_earlier_result() {
    let users = ["jane", "janet", "joan", "bob"];
    let texts = Texts::new(&users);
    let mut filter = Filter::default();
    for q in ["j", "jo", "j", "ja"] {
        filter.query = q.into();
        filter.refresh(&texts, false);
        assert_eq!(filter.matches().unwrap(), run(q, &users), "{q}");
    }
}

#[test]
fn an_escaped_space_is_part_of_the_term_and_a_dangling_backslash_keeps_the_last_result() {
    let users = ["ja\\n", "ja n"];
    let texts = Texts::new(&users);
    let mut filter = Filter::default();
    for (q, expected, error) in [
        ("ja", vec![0, 1], false),
        ("ja\\", vec![0, 1], true),
        ("ja\\ ", vec![1], false),
    ] {
        filter.query = q.into();
        filter.refresh(&texts, false);
        assert_eq!(filter.matches().unwrap(), expected, "{q}");
        assert_eq!(filter.error().is_some(), error, "{q}");
    }
}

#[test]
fn negated_and_quoted_bare_terms() {
    let users = ["jane doe", "janet", "bob"];
    assert_eq!(run("ja !doe", &users), vec![1]);
    assert_eq!(run("\"e d\"", &users), vec![0]);
    assert_eq!(run("!jan", &users), vec![2]);
}

#[test]
fn new_users_are_considered_when_narrowing() {
    let mut texts = Texts::new(&["bob"]);
    let mut filter = Filter {
        query: "ja".into(),
        ..Filter::default()
    };
    filter.refresh(&texts, false);
    assert_eq!(filter.matches().unwrap(), &[] as &[u32]);
    texts.push("jane");
    filter.refresh(&texts, false);
    assert_eq!(filter.matches().unwrap(), &[1], "same query, more users");
    texts.push("janet");
    filter.query = "jan".into();
    filter.refresh(&texts, false);
    assert_eq!(filter.matches().unwrap(), &[1, 2]);
}

#[test]
fn changed_texts_are_searched_again() {
    let mut texts = Texts::new(&["agent1"]);
    let mut filter = Filter {
        query: "doe".into(),
        ..Filter::default()
    };
    filter.refresh(&texts, false);
    assert_eq!(filter.matches().unwrap(), &[] as &[u32]);
    texts.texts[0] = "agent1\nJane\nDoe".into();
    texts.masks[0] = char_mask(&texts.texts[0]);
    filter.refresh(&texts, true);
    assert_eq!(filter.matches().unwrap(), &[0]);
}

/// The characters that make matching interesting: both cases, accents, digits,
/// punctuation, spaces, backslashes, field separators.
fn interesting_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'a', 'e', 'j', 'n', 'J', 'E', 'é', 'É', 'ë', 'ø', 'ß', '1', '.', '@', ' ', '\\', '\n', '!',
        '"',
    ])
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(interesting_char(), 0..10).prop_map(|c| c.into_iter().collect())
}

proptest! {
    /// The prefilter never drops a match, and typing (narrowing, Backspace, users arriving
    /// between keystrokes, invalid queries keeping the last result) always ends at the set
    /// the naive reference finds by testing everyone.
    #[test]
    fn filtering_matches_the_naive_reference(
        texts in proptest::collection::vec(text(), 0..40),
        // Some(c) types c, None is Backspace.
        keys in proptest::collection::vec(proptest::option::of(interesting_char()), 1..12),
    ) {
        let half = texts.len() / 2;
        let mut haystacks = Texts::new(&texts[..half]);
        let mut filter = Filter::default();
        let mut last_valid = String::new();
        for (step, key) in keys.iter().enumerate() {
            if step == 3 {
                for t in &texts[half..] {
                    haystacks.push(t);
                }
            }
            match key {
                Some(c) => filter.query.push(*c),
                None => {
                    filter.query.pop();
                }
            }
            filter.refresh(&haystacks, false);
            if syntax::parse(&filter.query).is_ok() {
                last_valid = filter.query.clone();
            }
            let mut got = filter.matches().map(<[u32]>::to_vec).unwrap_or_default();
            got.sort_unstable();
            let expected = if filter.is_active() {
                reference_matches(&last_valid, &haystacks.texts)
            } else {
                Vec::new()
            };
            prop_assert_eq!(got, expected, "query {:?}", filter.query);
        }
    }
}
