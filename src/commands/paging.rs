//! `--max-items` / `--starting-token` exactly as botocore's `PageIterator` does them
//! (botocore/paginate.py), so tokens printed by connect-tui resume in the AWS CLI and back.
//!
//! A resume token is base64 of Python's `json.dumps` of `{"NextToken": <service token or
//! null>}`, plus `"boto_truncate_amount": N` when a page was cut: N items of the page fetched
//! with that service token were already shown. A starting token that is not such a JSON
//! object falls back to botocore's old `TOKEN___N` format, and then to being the service's
//! own token.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;

use super::error::CommandError;
use super::input::Member;

/// The paginator's input token name for all four operations.
const TOKEN_KEY: &str = "NextToken";
const TRUNCATE_KEY: &str = "boto_truncate_amount";

/// A parsed `--starting-token`: where to resume.
#[derive(Debug, Clone, PartialEq)]
pub struct StartingToken {
    /// The service token to send with the first request (`None`: the first page).
    pub service_token: Option<String>,
    /// How many items of that first page to skip.
    pub skip: usize,
}

impl StartingToken {
    /// `members` are the operation's input members (named when the token has others).
    pub fn parse(token: &str, members: &[Member]) -> Result<Self, CommandError> {
        match decode_json_token(token) {
            Some(Value::Object(mut map)) => {
                let skip = match map.remove(TRUNCATE_KEY) {
                    None => 0,
                    Some(v) => v
                        .as_u64()
                        .and_then(|n| usize::try_from(n).ok())
                        .ok_or_else(|| bad_token(token))?,
                };
                let service_token = match map.remove(TOKEN_KEY) {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => non_none(s),
                    Some(other) => {
                        return Err(CommandError::param_validation(&[format!(
                            "Invalid type for parameter {TOKEN_KEY}, value: {other}, type: \
                             <class '{}'>, valid types: <class 'str'>",
                            if other.is_number() { "int" } else { "dict" }
                        )]));
                    }
                };
                // Any other key would be sent to the service as a parameter, which botocore's
                // validator rejects.
                if let Some(key) = map.keys().next() {
                    let names: Vec<&str> = members.iter().map(|m| m.name).collect();
                    return Err(CommandError::param_validation(&[format!(
                        "Unknown parameter in input: \"{key}\", must be one of: {}",
                        names.join(", ")
                    )]));
                }
                Ok(StartingToken {
                    service_token,
                    skip,
                })
            }
            _ => Self::parse_deprecated(token),
        }
    }

    /// botocore's `_parse_starting_token_deprecated` for a single input token.
    fn parse_deprecated(token: &str) -> Result<Self, CommandError> {
        let parts: Vec<&str> = token.split("___").collect();
        let (service, skip) = match parts.as_slice() {
            [service, index] => match index.parse::<usize>() {
                Ok(skip) => (*service, skip),
                Err(_) => (token, 0),
            },
            [_] => (token, 0),
            _ => return Err(bad_token(token)),
        };
        Ok(StartingToken {
            service_token: non_none(service.to_string()),
            skip,
        })
    }
}

/// botocore treats the string `None` like an absent token.
fn non_none(s: String) -> Option<String> {
    (s != "None").then_some(s)
}

fn bad_token(token: &str) -> CommandError {
    CommandError::Other(format!("Bad starting token: {token}"))
}

/// Base64 (lenient like Python's `b64decode`: characters outside the alphabet are dropped)
/// of UTF-8 JSON; `None` when the token is not that.
fn decode_json_token(token: &str) -> Option<Value> {
    let cleaned: String = token
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
        .collect();
    let bytes = STANDARD.decode(cleaned).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    serde_json::from_str(&text).ok()
}

/// Encodes a resume token byte-for-byte as botocore's `TokenEncoder` does.
pub fn encode_resume_token(service_token: Option<&str>, truncate: Option<usize>) -> String {
    let token = match service_token {
        Some(t) => python_json_string(t),
        None => "null".to_string(),
    };
    let json = match truncate {
        Some(n) => format!("{{\"{TOKEN_KEY}\": {token}, \"{TRUNCATE_KEY}\": {n}}}"),
        None => format!("{{\"{TOKEN_KEY}\": {token}}}"),
    };
    STANDARD.encode(json)
}

/// A JSON string literal as Python's `json.dumps` writes it (`ensure_ascii=True`).
fn python_json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || !c.is_ascii() => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The walk through the pages of one listing: which token to request next, which items of
/// each page to keep, and the resume token when `--max-items` stops early.
#[derive(Debug)]
pub struct PageWalk {
    max_items: Option<usize>,
    /// Items to skip at the start of the first page (from the starting token).
    first_page_skip: usize,
    /// The service token for the next request; `None` = no token.
    request_token: Option<String>,
    previous_token: Option<String>,
    total: usize,
    finished: bool,
    resume_token: Option<String>,
}

impl PageWalk {
    /// `max_items` below zero behaves as zero (botocore warns and shows nothing).
    pub fn new(max_items: Option<i64>, starting: Option<StartingToken>) -> Self {
        let starting = starting.unwrap_or(StartingToken {
            service_token: None,
            skip: 0,
        });
        PageWalk {
            max_items: max_items.map(|n| usize::try_from(n).unwrap_or(0)),
            first_page_skip: starting.skip,
            request_token: starting.service_token,
            previous_token: None,
            total: 0,
            finished: false,
            resume_token: None,
        }
    }

    /// The token for the next request, or `None` when the walk is over.
    pub fn next_request(&self) -> Option<Option<&str>> {
        (!self.finished).then_some(self.request_token.as_deref())
    }

    /// Takes one page as the service returned it and returns the items to show.
    pub fn accept<T>(
        &mut self,
        mut items: Vec<T>,
        next_token: Option<String>,
    ) -> Result<Vec<T>, CommandError> {
        let skip = std::mem::take(&mut self.first_page_skip);
        items.drain(..skip.min(items.len()));
        if let Some(max) = self.max_items
            && self.total + items.len() > max
        {
            let keep = max - self.total;
            items.truncate(keep);
            self.resume_token = Some(encode_resume_token(
                self.request_token.as_deref(),
                Some(keep + skip),
            ));
            self.finished = true;
            return Ok(items);
        }
        self.total += items.len();
        // Empty tokens count as none, like botocore's `_get_next_token`.
        let next_token = next_token.filter(|t| !t.is_empty());
        match next_token {
            None => self.finished = true,
            Some(token) if self.max_items == Some(self.total) => {
                self.resume_token = Some(encode_resume_token(Some(&token), None));
                self.finished = true;
            }
            Some(token) => {
                if self.previous_token.as_deref() == Some(token.as_str()) {
                    return Err(CommandError::Other(format!(
                        "Error during pagination: The same next token was received twice: \
                         {{'{TOKEN_KEY}': '{token}'}}"
                    )));
                }
                self.previous_token = Some(token.clone());
                self.request_token = non_none(token);
            }
        }
        Ok(items)
    }

    /// The `NextToken` to print when `--max-items` stopped before the end.
    pub fn resume_token(&self) -> Option<&str> {
        self.resume_token.as_deref()
    }

    /// Items the starting token skips at the start of the next page (0 after the first).
    pub fn pending_skip(&self) -> usize {
        self.first_page_skip
    }

    /// How many positions of the next page, counted from its start, `--max-items` still
    /// wants (`None` without `--max-items`).
    pub fn positions_needed(&self) -> Option<usize> {
        self.max_items
            .map(|max| max.saturating_sub(self.total) + self.first_page_skip)
    }
}

/// The page size to request when the user gave no `--page-size`: the largest the operation
/// allows, except near the `--max-items` limit, where pages shrink to multiples of the
/// service's default page size and the page that is cut is exactly one default page.
///
/// Why: every page then starts where one of the AWS CLI's default-size pages starts, so a
/// resume token (service token + items to skip in that page) means the same item to both
/// tools, and `--max-items` output matches the AWS CLI's while most requests stay large.
pub fn adaptive_page_size(largest: i32, default: i32, positions_needed: Option<usize>) -> i32 {
    let (Ok(largest_n), Ok(default_n)) = (usize::try_from(largest), usize::try_from(default))
    else {
        return largest;
    };
    match positions_needed {
        None => largest,
        Some(n) if n >= largest_n => largest,
        Some(n) if default_n > 0 && n >= default_n => {
            i32::try_from(n / default_n * default_n).unwrap_or(largest)
        }
        Some(_) => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list_users() -> &'static [Member] {
        crate::commands::operation::Operation::ListUsers.members()
    }

    /// Runs a walk over `pages` (items, service token of the next page) keyed by request token.
    fn walk(
        pages: &[(Option<&str>, Vec<u32>, Option<&str>)],
        max_items: Option<i64>,
        starting: Option<&str>,
    ) -> (Vec<u32>, Option<String>, Vec<Option<String>>) {
        let starting = starting.map(|t| StartingToken::parse(t, list_users()).unwrap());
        let mut walk = PageWalk::new(max_items, starting);
        let mut shown = Vec::new();
        let mut requests = Vec::new();
        while let Some(token) = walk.next_request() {
            let token = token.map(str::to_string);
            requests.push(token.clone());
            let (_, items, next) = pages
                .iter()
                .find(|(t, _, _)| t.map(str::to_string) == token)
                .expect("a page for the token");
            let kept = walk
                .accept(items.clone(), next.map(str::to_string))
                .unwrap();
            shown.extend(kept);
        }
        (shown, walk.resume_token().map(str::to_string), requests)
    }

    fn decoded(token: &str) -> String {
        String::from_utf8(STANDARD.decode(token).unwrap()).unwrap()
    }

    const PAGES: &[(Option<&str>, &[u32], Option<&str>)] = &[
        (None, &[0, 1, 2, 3], Some("t1")),
        (Some("t1"), &[4, 5, 6, 7], Some("t2")),
        (Some("t2"), &[8, 9], None),
    ];

    fn pages() -> Vec<(Option<&'static str>, Vec<u32>, Option<&'static str>)> {
        PAGES.iter().map(|(t, i, n)| (*t, i.to_vec(), *n)).collect()
    }

    #[test]
    fn without_max_items_every_page_is_fetched_and_no_token_printed() {
        let (shown, resume, requests) = walk(&pages(), None, None);
        assert_eq!(shown, (0..10).collect::<Vec<_>>());
        assert_eq!(resume, None);
        assert_eq!(requests, vec![None, Some("t1".into()), Some("t2".into())]);
    }

    #[test]
    fn truncating_inside_the_first_page_encodes_a_null_service_token() {
        let (shown, resume, _) = walk(&pages(), Some(3), None);
        assert_eq!(shown, vec![0, 1, 2]);
        let resume = resume.unwrap();
        assert_eq!(
            decoded(&resume),
            r#"{"NextToken": null, "boto_truncate_amount": 3}"#
        );
        // Resuming continues with item 3, and so on to the end.
        let (shown, resume, requests) = walk(&pages(), Some(3), Some(&resume));
        assert_eq!(shown, vec![3, 4, 5]);
        assert_eq!(requests, vec![None, Some("t1".into())]);
        let resume = resume.unwrap();
        assert_eq!(
            decoded(&resume),
            r#"{"NextToken": "t1", "boto_truncate_amount": 2}"#
        );
        let (shown, resume, _) = walk(&pages(), None, Some(&resume));
        assert_eq!(shown, vec![6, 7, 8, 9]);
        assert_eq!(resume, None);
    }

    #[test]
    fn stopping_on_a_page_boundary_resumes_with_the_service_token_alone() {
        let (shown, resume, _) = walk(&pages(), Some(4), None);
        assert_eq!(shown, vec![0, 1, 2, 3]);
        assert_eq!(decoded(&resume.unwrap()), r#"{"NextToken": "t1"}"#);
        // At the very end there is nothing to resume.
        let (shown, resume, _) = walk(&pages(), Some(10), None);
        assert_eq!(shown.len(), 10);
        assert_eq!(resume, None);
    }

    #[test]
    fn a_left_truncated_first_page_counts_its_skip_in_the_next_token() {
        // botocore's own example: raw [0,1,2,3], start index 1, max items 1 → next index 2.
        let start = encode_resume_token(None, Some(1));
        let (shown, resume, _) = walk(&pages(), Some(1), Some(&start));
        assert_eq!(shown, vec![1]);
        assert_eq!(
            decoded(&resume.unwrap()),
            r#"{"NextToken": null, "boto_truncate_amount": 2}"#
        );
    }

    #[test]
    fn the_encoding_matches_python_json_dumps() {
        let token = encode_resume_token(Some("a\"b\\c\u{e9}\u{1f600}"), Some(7));
        assert_eq!(
            decoded(&token),
            r#"{"NextToken": "a\"b\\c\u00e9\ud83d\ude00", "boto_truncate_amount": 7}"#
        );
        // The exact bytes botocore produces for a simple token.
        assert_eq!(
            encode_resume_token(Some("abc"), None),
            "eyJOZXh0VG9rZW4iOiAiYWJjIn0="
        );
    }

    #[test]
    fn tokens_that_are_not_json_fall_back_like_botocore() {
        let t = StartingToken::parse("opaque-service-token", list_users()).unwrap();
        assert_eq!(t.service_token.as_deref(), Some("opaque-service-token"));
        assert_eq!(t.skip, 0);
        let t = StartingToken::parse("abc___5", list_users()).unwrap();
        assert_eq!((t.service_token.as_deref(), t.skip), (Some("abc"), 5));
        let t = StartingToken::parse("abc___x", list_users()).unwrap();
        assert_eq!((t.service_token.as_deref(), t.skip), (Some("abc___x"), 0));
        let err = StartingToken::parse("a___b___c", list_users()).unwrap_err();
        assert_eq!(err.exit_code(), 255);
        let err = StartingToken::parse(&STANDARD.encode(r#"{"nextToken": "x"}"#), list_users())
            .unwrap_err();
        assert_eq!(err.exit_code(), 252);
    }

    #[test]
    fn the_same_token_twice_is_an_error_not_a_loop() {
        let mut walk = PageWalk::new(None, None);
        walk.accept(vec![1], Some("t".into())).unwrap();
        let err = walk.accept(vec![2], Some("t".into())).unwrap_err();
        assert!(
            err.stderr_text()
                .contains("The same next token was received twice")
        );
    }

    #[test]
    fn adaptive_sizes_are_default_multiples_and_the_cut_page_is_a_default_page() {
        assert_eq!(adaptive_page_size(1000, 100, None), 1000);
        assert_eq!(adaptive_page_size(1000, 100, Some(2500)), 1000);
        assert_eq!(adaptive_page_size(1000, 100, Some(999)), 900);
        assert_eq!(adaptive_page_size(1000, 100, Some(150)), 100);
        assert_eq!(adaptive_page_size(1000, 100, Some(50)), 100);
        assert_eq!(adaptive_page_size(1000, 100, Some(0)), 100);
        assert_eq!(adaptive_page_size(10, 10, Some(3)), 10);
    }

    #[test]
    fn the_walk_reports_what_max_items_still_needs() {
        let start = StartingToken {
            service_token: Some("t".into()),
            skip: 30,
        };
        let mut walk = PageWalk::new(Some(150), Some(start));
        assert_eq!(
            (walk.pending_skip(), walk.positions_needed()),
            (30, Some(180))
        );
        walk.accept(vec![0; 100], Some("u".into())).unwrap();
        assert_eq!(
            (walk.pending_skip(), walk.positions_needed()),
            (0, Some(80))
        );
        assert_eq!(PageWalk::new(None, None).positions_needed(), None);
    }

    #[test]
    fn empty_service_tokens_end_the_walk() {
        let mut walk = PageWalk::new(None, None);
        walk.accept(vec![1], Some(String::new())).unwrap();
        assert_eq!(walk.next_request(), None);
    }
}
