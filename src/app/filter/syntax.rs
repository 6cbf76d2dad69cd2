//! The filter language, shared by the browser's `/` line and `export-users --filter`:
//!
//! - whitespace separates terms, and every term must match;
//! - a bare term fuzzy-matches the username, first and last name (and email where known);
//! - `rp:`, `sp:`, `group:`, `tag:KEY` / `tag:KEY=VALUE`, `phone:` match case-insensitive
//!   substrings of resolved names (or an ID exactly); `id:ID` matches a user ID exactly;
//! - `"double quotes"` keep spaces in a value, a backslash keeps the next character as it is;
//! - a leading `!` negates a term; a field with an empty value means "the field is set".

use std::fmt;

/// What a field term looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    RoutingProfile,
    SecurityProfile,
    Group,
    Tag,
    Phone,
    Id,
}

impl Field {
    /// Every field with the prefix it is written with.
    pub const ALL: [(Field, &'static str); 6] = [
        (Field::RoutingProfile, "rp"),
        (Field::SecurityProfile, "sp"),
        (Field::Group, "group"),
        (Field::Tag, "tag"),
        (Field::Phone, "phone"),
        (Field::Id, "id"),
    ];

    fn named(name: &str) -> Option<Field> {
        Field::ALL
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name))
            .map(|(f, _)| *f)
    }

    pub fn prefix(self) -> &'static str {
        Field::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |(_, n)| n)
    }
}

/// One term: a bare text (`field: None`) or a field test, possibly negated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub field: Option<Field>,
    /// The value as typed, quotes and escapes removed.
    pub value: String,
}

impl Term {
    /// True when every user matching `self` also matches `wider` (a term typed further).
    fn narrows(&self, wider: &Term) -> bool {
        if self.negated != wider.negated || self.field != wider.field {
            return false;
        }
        if self.negated || self.field.is_some() {
            // A longer value widens a negation, and field values also match IDs exactly
            // (`rp:ab` may match a profile whose ID is "ab" that `rp:abc` does not); field
            // terms are cheap to test anyway (see `fields.rs`).
            return self.value == wider.value;
        }
        self.value.starts_with(&wider.value)
    }
}

/// A parsed filter: its terms in the order typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// True when every match of `self` is a match of `previous`: each earlier term was only
    /// typed further, and terms were only added.
    pub fn narrows(&self, previous: &Query) -> bool {
        previous.terms.len() <= self.terms.len()
            && previous
                .terms
                .iter()
                .zip(&self.terms)
                .all(|(old, new)| new.narrows(old))
    }

    /// The positive bare terms: the fuzzy part, ranked.
    pub fn fuzzy(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter(|t| t.field.is_none() && !t.negated)
            .map(|t| t.value.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Why a filter cannot be used, in words for the filter line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    UnknownField(String),
    UnclosedQuote,
    LoneNegation,
    DanglingEscape,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntaxError::UnknownField(name) => write!(
                f,
                "unknown field \u{201c}{name}:\u{201d}; fields are rp: sp: group: tag: phone: id: \
                 (quote a value with a colon)"
            ),
            SyntaxError::UnclosedQuote => write!(f, "a quote (\") is not closed"),
            SyntaxError::LoneNegation => write!(f, "\u{201c}!\u{201d} needs a term after it"),
            SyntaxError::DanglingEscape => {
                write!(f, "a backslash at the end escapes nothing")
            }
        }
    }
}

impl std::error::Error for SyntaxError {}

/// Parses `input` into terms.
pub fn parse(input: &str) -> Result<Query, SyntaxError> {
    let mut terms = Vec::new();
    let mut chars = input.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let negated = chars.next_if_eq(&'!').is_some();
        // The raw token: characters up to unquoted whitespace, with whether each was
        // literal (quoted or escaped) so a quoted colon does not name a field.
        let mut token: Vec<(char, bool)> = Vec::new();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match c {
                '"' => quoted = !quoted,
                '\\' => match chars.next() {
                    Some(next) => token.push((next, true)),
                    None => return Err(SyntaxError::DanglingEscape),
                },
                c if c.is_whitespace() && !quoted => break,
                c => token.push((c, quoted)),
            }
        }
        if quoted {
            return Err(SyntaxError::UnclosedQuote);
        }
        let colon = token.iter().position(|&(c, literal)| c == ':' && !literal);
        let name: String = colon.map_or_else(String::new, |at| {
            token[..at].iter().map(|(c, _)| *c).collect::<String>()
        });
        let is_field_name = colon.is_some_and(|at| {
            at > 0
                && token[..at]
                    .iter()
                    .all(|(c, lit)| !lit && c.is_ascii_alphabetic())
        });
        let (field, value_from) = match colon {
            Some(at) if is_field_name => match Field::named(&name) {
                Some(field) => (Some(field), at + 1),
                None => return Err(SyntaxError::UnknownField(name)),
            },
            _ => (None, 0),
        };
        let value: String = token[value_from..].iter().map(|(c, _)| *c).collect();
        if field.is_none() && value.is_empty() {
            if negated {
                return Err(SyntaxError::LoneNegation);
            }
            continue; // `""`: nothing to match.
        }
        terms.push(Term {
            negated,
            field,
            value,
        });
    }
    Ok(Query { terms })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(negated: bool, field: Option<Field>, value: &str) -> Term {
        Term {
            negated,
            field,
            value: value.into(),
        }
    }

    #[test]
    fn terms_fields_quotes_and_negation() {
        let q = parse(r#"jane rp:"Tier 1" !sp:admin !group: tag:Team=billing ja\ ne"#).unwrap();
        assert_eq!(
            q.terms,
            vec![
                term(false, None, "jane"),
                term(false, Some(Field::RoutingProfile), "Tier 1"),
                term(true, Some(Field::SecurityProfile), "admin"),
                term(true, Some(Field::Group), ""),
                term(false, Some(Field::Tag), "Team=billing"),
                term(false, None, "ja ne"),
            ]
        );
        assert_eq!(q.fuzzy().collect::<Vec<_>>(), ["jane", "ja ne"]);
        assert_eq!(parse("  ").unwrap(), Query::default());
        assert_eq!(
            parse("PHONE:desk").unwrap().terms,
            [term(false, Some(Field::Phone), "desk")]
        );
    }

    #[test]
    fn a_quoted_or_non_letter_prefix_is_text_not_a_field() {
        assert_eq!(
            parse(r#""a:b" 10:30"#).unwrap().terms,
            [term(false, None, "a:b"), term(false, None, "10:30")]
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(
            parse("team:x"),
            Err(SyntaxError::UnknownField("team".into()))
        );
        assert_eq!(parse(r#"rp:"Tier"#), Err(SyntaxError::UnclosedQuote));
        assert_eq!(parse("jane !"), Err(SyntaxError::LoneNegation));
        assert_eq!(parse(r"ja\"), Err(SyntaxError::DanglingEscape));
        let text = SyntaxError::UnknownField("team".into()).to_string();
        assert!(text.starts_with("unknown field “team:”"), "{text}");
    }

    #[test]
    fn typing_a_bare_term_further_narrows_and_field_values_or_negations_do_not() {
        let narrows = |new: &str, old: &str| parse(new).unwrap().narrows(&parse(old).unwrap());
        assert!(narrows("jan", "ja"));
        assert!(narrows("ja d", "ja"));
        assert!(!narrows("rp:tier", "rp:"), "an ID may match rp: exactly");
        assert!(narrows("rp:tier x", "rp:tier"));
        assert!(!narrows("rp:", "rp"), "a bare term became a field");
        assert!(!narrows("!sp:ad", "!sp:a"));
        assert!(narrows("!sp:a x", "!sp:a"));
        assert!(!narrows("id:abc", "id:ab"));
        assert!(!narrows("ja", "jan"));
    }
}
