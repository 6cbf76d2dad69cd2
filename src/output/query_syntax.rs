//! Python jmespath's grammar (`jmespath/parser.py`, 1.1.0), for its verdict on an expression
//! and its error messages word for word: the AWS CLI prints them after `Bad value for --query`,
//! and the `jmespath` crate words (and sometimes places) its errors differently. This port
//! only checks; the crate builds the tree that [`super::query`] evaluates.

use std::fmt;

use super::query_lexer::{Token, tokenize};

/// Why Python's jmespath rejects an expression.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum SyntaxError {
    /// `LexerError`.
    Lexer { position: usize, message: String },
    /// `IncompleteExpressionError`: the expression ended too early.
    Incomplete,
    /// `ParseError`.
    Parse {
        position: usize,
        value: String,
        kind: &'static str,
        message: String,
    },
}

/// A syntax error with its expression: `str()` of the Python exception.
pub(super) struct Described<'a>(pub &'a SyntaxError, pub &'a str);

impl fmt::Display for Described<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Described(error, expression) = self;
        let under = |n: usize| " ".repeat(n);
        match error {
            SyntaxError::Lexer { position, message } => write!(
                f,
                "Bad jmespath expression: {message}:\n{expression}\n{}^",
                under(*position)
            ),
            SyntaxError::Incomplete => write!(
                f,
                "Invalid jmespath expression: Incomplete expression:\n\"{expression}\"\n{}^",
                under(expression.chars().count() + 1)
            ),
            SyntaxError::Parse {
                position,
                value,
                kind,
                message,
            } => write!(
                f,
                "{message}: Parse error at column {position}, token \"{value}\" ({}), for \
                 expression:\n\"{expression}\"\n{}^",
                kind.to_uppercase(),
                under(position + 1)
            ),
        }
    }
}

/// Checks `expression` as Python's `jmespath.compile` does.
pub(super) fn check(expression: &str) -> Result<(), SyntaxError> {
    let mut parser = Parser {
        tokens: tokenize(expression)?,
        index: 0,
    };
    parser.expression(0)?;
    if parser.current() != "eof" {
        let t = parser.token(0);
        return Err(parse_error(&t, format!("Unexpected token: {}", t.value)));
    }
    Ok(())
}

/// What the grammar needs to know of a parsed node: only a field may be called, and an index
/// expression takes further `[n]`/`[a:b]` into itself instead of projecting.
#[derive(PartialEq)]
enum Node {
    Field,
    Index,
    Other,
}

type Parsed = Result<Node, SyntaxError>;

const PROJECTION_STOP: u8 = 10;
const DOT_RHS: &str = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";

fn binding_power(kind: &str) -> u8 {
    match kind {
        "pipe" => 1,
        "or" => 2,
        "and" => 3,
        "eq" | "gt" | "lt" | "gte" | "lte" | "ne" => 5,
        "flatten" => 9,
        "star" => 20,
        "filter" => 21,
        "dot" => 40,
        "not" => 45,
        "lbrace" => 50,
        "lbracket" => 55,
        "lparen" => 60,
        _ => 0,
    }
}

fn parse_error(token: &Token, message: String) -> SyntaxError {
    SyntaxError::Parse {
        position: token.start,
        value: token.value.clone(),
        kind: token.kind,
        message,
    }
}

struct Parser {
    tokens: Vec<Token>,
    index: usize,
}

impl Parser {
    /// The token `offset` places from the current one (negative offsets wrap, as Python's
    /// list indices do; past the end is the final `eof`).
    fn token(&self, offset: isize) -> Token {
        let len = self.tokens.len() as isize;
        let at = (self.index as isize + offset).rem_euclid(len) as usize;
        self.tokens
            .get(at)
            .unwrap_or(&self.tokens[self.tokens.len() - 1])
            .clone()
    }

    fn current(&self) -> &'static str {
        self.lookahead(0)
    }

    fn lookahead(&self, offset: usize) -> &'static str {
        self.tokens
            .get(self.index + offset)
            .map_or("eof", |t| t.kind)
    }

    fn advance(&mut self) {
        self.index += 1;
    }

    fn expression(&mut self, power: u8) -> Parsed {
        let left = self.token(0);
        self.advance();
        let mut node = self.nud(&left)?;
        while power < binding_power(self.current()) {
            let kind = self.current();
            self.advance();
            node = self.led(kind, node)?;
        }
        Ok(node)
    }

    fn nud(&mut self, token: &Token) -> Parsed {
        match token.kind {
            "literal" | "current" => Ok(Node::Other),
            "unquoted_identifier" => Ok(Node::Field),
            "quoted_identifier" => {
                if self.current() == "lparen" {
                    // Python reports this one at column 0.
                    let t = self.token(0);
                    return Err(SyntaxError::Parse {
                        position: 0,
                        value: t.value,
                        kind: t.kind,
                        message: "Quoted identifier not allowed for function names.".into(),
                    });
                }
                Ok(Node::Field)
            }
            "star" => {
                if self.current() != "rbracket" {
                    self.projection_rhs(binding_power("star"))?;
                }
                Ok(Node::Other)
            }
            "filter" => self.led("filter", Node::Other),
            "lbrace" => self.multi_select_hash(),
            "lparen" => {
                let node = self.expression(0)?;
                self.expect("rparen")?;
                Ok(node)
            }
            "flatten" => self.projection_rhs(binding_power("flatten")),
            "not" => self.expression(binding_power("not")).map(|_| Node::Other),
            "lbracket" => {
                if matches!(self.current(), "number" | "colon") {
                    self.index_expression(Node::Other)
                } else if self.current() == "star" && self.lookahead(1) == "rbracket" {
                    self.advance();
                    self.advance();
                    self.projection_rhs(binding_power("star"))
                } else {
                    self.multi_select_list()
                }
            }
            "expref" => self.expression(0).map(|_| Node::Other),
            "eof" => Err(SyntaxError::Incomplete),
            _ => Err(parse_error(token, "invalid token".into())),
        }
    }

    /// The led of the token just passed (`kind`), with `left` before it.
    fn led(&mut self, kind: &'static str, left: Node) -> Parsed {
        match kind {
            "dot" => {
                if self.current() == "star" {
                    self.advance();
                    self.projection_rhs(binding_power("dot"))
                } else {
                    self.dot_rhs(binding_power("dot"))
                }
            }
            "pipe" | "or" | "and" | "eq" | "ne" | "gt" | "gte" | "lt" | "lte" => {
                self.expression(binding_power(kind))
            }
            "lparen" => {
                if left != Node::Field {
                    let t = self.token(-2);
                    return Err(parse_error(
                        &t,
                        format!("Invalid function name '{}'", t.value),
                    ));
                }
                while self.current() != "rparen" {
                    self.expression(0)?;
                    if self.current() == "comma" {
                        self.expect("comma")?;
                    }
                }
                self.expect("rparen")?;
                Ok(Node::Other)
            }
            "filter" => {
                self.expression(0)?;
                self.expect("rbracket")?;
                if self.current() != "flatten" {
                    self.projection_rhs(binding_power("filter"))?;
                }
                Ok(Node::Other)
            }
            "flatten" => self.projection_rhs(binding_power("flatten")),
            "lbracket" => {
                if matches!(self.current(), "number" | "colon") {
                    self.index_expression(left)
                } else {
                    self.expect("star")?;
                    self.expect("rbracket")?;
                    self.projection_rhs(binding_power("star"))
                }
            }
            // `_error_led_token`: the token is reported where it stands, before `advance`.
            _ => {
                self.index -= 1;
                Err(parse_error(&self.token(0), "invalid token".into()))
            }
        }
    }

    /// After `[` when a number or `:` follows: an index, or a slice (then projected, unless
    /// `left` is an index expression, which Python extends instead).
    fn index_expression(&mut self, left: Node) -> Parsed {
        let slice = self.lookahead(0) == "colon" || self.lookahead(1) == "colon";
        if slice {
            let mut colons = 0;
            while self.current() != "rbracket" && colons < 3 {
                match self.current() {
                    "colon" => {
                        colons += 1;
                        if colons == 3 {
                            return Err(parse_error(&self.token(0), "syntax error".into()));
                        }
                        self.advance();
                    }
                    "number" => self.advance(),
                    _ => return Err(parse_error(&self.token(0), "syntax error".into())),
                }
            }
        } else {
            self.advance();
        }
        self.expect("rbracket")?;
        if left == Node::Index || !slice {
            Ok(Node::Index)
        } else {
            self.projection_rhs(binding_power("star"))
        }
    }

    fn multi_select_list(&mut self) -> Parsed {
        loop {
            self.expression(0)?;
            if self.current() == "rbracket" {
                break;
            }
            self.expect("comma")?;
        }
        self.expect("rbracket")?;
        Ok(Node::Other)
    }

    fn multi_select_hash(&mut self) -> Parsed {
        loop {
            if !matches!(self.current(), "quoted_identifier" | "unquoted_identifier") {
                return Err(self.expected("['quoted_identifier', 'unquoted_identifier']"));
            }
            self.advance();
            self.expect("colon")?;
            self.expression(0)?;
            match self.current() {
                "comma" => self.advance(),
                "rbrace" => {
                    self.advance();
                    return Ok(Node::Other);
                }
                _ => {}
            }
        }
    }

    fn projection_rhs(&mut self, power: u8) -> Parsed {
        match self.current() {
            kind if binding_power(kind) < PROJECTION_STOP => Ok(Node::Other),
            "lbracket" | "filter" => self.expression(power),
            "dot" => {
                self.advance();
                self.dot_rhs(power)
            }
            _ => Err(parse_error(&self.token(0), "syntax error".into())),
        }
    }

    fn dot_rhs(&mut self, power: u8) -> Parsed {
        match self.current() {
            "quoted_identifier" | "unquoted_identifier" | "star" => self.expression(power),
            "lbracket" => {
                self.advance();
                self.multi_select_list()
            }
            "lbrace" => {
                self.advance();
                self.multi_select_hash()
            }
            got => Err(parse_error(
                &self.token(0),
                format!("Expecting: {DOT_RHS}, got: {got}"),
            )),
        }
    }

    /// `_match`: passes a token of `kind` or fails as `_raise_parse_error_maybe_eof` does.
    fn expect(&mut self, kind: &str) -> Result<(), SyntaxError> {
        if self.current() == kind {
            self.advance();
            Ok(())
        } else {
            Err(self.expected(kind))
        }
    }

    fn expected(&self, expected: &str) -> SyntaxError {
        let t = self.token(0);
        if t.kind == "eof" {
            return SyntaxError::Incomplete;
        }
        parse_error(&t, format!("Expecting: {expected}, got: {}", t.kind))
    }
}
