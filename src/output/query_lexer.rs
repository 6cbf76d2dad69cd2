//! Python jmespath's lexer (`jmespath/lexer.py`, 1.1.0), for [`super::query_syntax`]: the
//! tokens it makes, where they start, and its errors, word for word. Positions count
//! characters, as Python's string indices do.

use serde_json::Value;

use super::python::repr_of;
use super::query_syntax::SyntaxError;

#[derive(Debug, Clone)]
pub(super) struct Token {
    /// Python's token type (`unquoted_identifier`, `lbracket`, `eof`, ...).
    pub kind: &'static str,
    /// `str()` of the token's value, as Python's parse errors print it.
    pub value: String,
    pub start: usize,
}

/// All tokens of `expression`, ending with `eof`; Python lexes the whole expression first,
/// so a lexer error wins over any parse error.
pub(super) fn tokenize(expression: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut lexer = Lexer {
        chars: expression.chars().collect(),
        position: 0,
        current: expression.chars().next(),
    };
    let mut tokens = Vec::new();
    while let Some(ch) = lexer.current {
        if let Some(token) = lexer.token(ch)? {
            tokens.push(token);
        }
    }
    tokens.push(Token {
        kind: "eof",
        value: String::new(),
        start: lexer.chars.len(),
    });
    Ok(tokens)
}

struct Lexer {
    chars: Vec<char>,
    position: usize,
    current: Option<char>,
}

impl Lexer {
    /// The token starting at `ch` (`None` for whitespace), advancing past it.
    fn token(&mut self, ch: char) -> Result<Option<Token>, SyntaxError> {
        let start = self.position;
        let simple = |kind: &'static str| Token {
            kind,
            value: ch.to_string(),
            start,
        };
        let token = match ch {
            '.' | '*' | ']' | ',' | ':' | '@' | '(' | ')' | '{' | '}' => {
                self.next();
                simple(match ch {
                    '.' => "dot",
                    '*' => "star",
                    ']' => "rbracket",
                    ',' => "comma",
                    ':' => "colon",
                    '@' => "current",
                    '(' => "lparen",
                    ')' => "rparen",
                    '{' => "lbrace",
                    _ => "rbrace",
                })
            }
            'a'..='z' | 'A'..='Z' | '_' => {
                let mut value = ch.to_string();
                while let Some(c) = self
                    .next()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    value.push(c);
                }
                Token {
                    kind: "unquoted_identifier",
                    value,
                    start,
                }
            }
            ' ' | '\t' | '\n' | '\r' => {
                self.next();
                return Ok(None);
            }
            '[' => match self.next() {
                Some(']') => {
                    self.next();
                    Token {
                        kind: "flatten",
                        value: "[]".into(),
                        start,
                    }
                }
                Some('?') => {
                    self.next();
                    Token {
                        kind: "filter",
                        value: "[?".into(),
                        start,
                    }
                }
                _ => simple("lbracket"),
            },
            '\'' => {
                let lexeme = self.until('\'')?.replace("\\'", "'");
                Token {
                    kind: "literal",
                    value: lexeme,
                    start,
                }
            }
            '|' => self.match_or_else('|', "or", "pipe"),
            '&' => self.match_or_else('&', "and", "expref"),
            '`' => self.literal()?,
            '0'..='9' | '-' => {
                let digits = self.number();
                if digits == "-" {
                    return Err(lexer_error(start, "Unknown token '-'".into()));
                }
                // Python prints int(digits): no leading zeros, no `-0`.
                let value = digits.parse::<i128>().map_or(digits, |n| n.to_string());
                Token {
                    kind: "number",
                    value,
                    start,
                }
            }
            '"' => {
                let lexeme = format!("\"{}\"", self.until('"')?);
                match serde_json::from_str::<String>(&lexeme) {
                    Ok(value) => Token {
                        kind: "quoted_identifier",
                        value,
                        start,
                    },
                    // Python keeps the part of json's message before the first colon.
                    Err(_) if lexeme.chars().any(char::is_control) => {
                        return Err(lexer_error(start, "Invalid control character at".into()));
                    }
                    Err(_) => return Err(lexer_error(start, "Invalid \\escape".into())),
                }
            }
            '<' => self.match_or_else('=', "lte", "lt"),
            '>' => self.match_or_else('=', "gte", "gt"),
            '!' => self.match_or_else('=', "ne", "not"),
            '=' => {
                if self.next() == Some('=') {
                    self.next();
                    Token {
                        kind: "eq",
                        value: "==".into(),
                        start,
                    }
                } else {
                    return Err(lexer_error(start, "Unknown token '='".into()));
                }
            }
            other => return Err(lexer_error(start, format!("Unknown token {other}"))),
        };
        Ok(Some(token))
    }

    /// Python's `_next`: at the last character the position stays and `current` ends.
    fn next(&mut self) -> Option<char> {
        if self.position + 1 >= self.chars.len() {
            self.current = None;
        } else {
            self.position += 1;
            self.current = Some(self.chars[self.position]);
        }
        self.current
    }

    fn number(&mut self) -> String {
        let mut digits: String = self.current.into_iter().collect();
        while let Some(c) = self.next().filter(char::is_ascii_digit) {
            digits.push(c);
        }
        digits
    }

    /// `_consume_until`: the text up to `delimiter` (a backslash is kept with the character
    /// after it), past the closing delimiter.
    fn until(&mut self, delimiter: char) -> Result<String, SyntaxError> {
        let start = self.position;
        let mut text = String::new();
        self.next();
        while self.current != Some(delimiter) {
            if self.current == Some('\\') {
                text.push('\\');
                self.next();
            }
            let Some(c) = self.current else {
                return Err(lexer_error(
                    start,
                    format!("Unclosed {delimiter} delimiter"),
                ));
            };
            text.push(c);
            self.next();
        }
        self.next();
        Ok(text)
    }

    /// A `` `json` `` literal; text that is not JSON is read as a string (the deprecated
    /// form, `` `ACTIVE` ``), as long as it makes a JSON string body.
    fn literal(&mut self) -> Result<Token, SyntaxError> {
        let start = self.position;
        let lexeme = self.until('`')?.replace("\\`", "`");
        let value = serde_json::from_str::<Value>(&lexeme)
            .or_else(|_| serde_json::from_str(&format!("\"{}\"", lexeme.trim_start())))
            .map_err(|_| lexer_error(start, format!("Bad token {lexeme}")))?;
        let value = match value {
            Value::String(s) => s,
            other => repr_of(&other),
        };
        Ok(Token {
            kind: "literal",
            value,
            start,
        })
    }

    fn match_or_else(
        &mut self,
        expected: char,
        kind: &'static str,
        otherwise: &'static str,
    ) -> Token {
        let start = self.position;
        let first = self.current.unwrap_or_default();
        if self.next() == Some(expected) {
            self.next();
            Token {
                kind,
                value: format!("{first}{expected}"),
                start,
            }
        } else {
            Token {
                kind: otherwise,
                value: first.to_string(),
                start,
            }
        }
    }
}

fn lexer_error(position: usize, message: String) -> SyntaxError {
    SyntaxError::Lexer { position, message }
}
