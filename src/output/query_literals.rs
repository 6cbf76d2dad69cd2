//! The deprecated JMESPath literal form that Python's jmespath still accepts: a backtick
//! literal that is not JSON is read as a string, so `` [?State==`running`] `` means
//! `` [?State==`"running"`] ``. AWS documentation and many scripts use it; the `jmespath` crate
//! rejects it. [`quote_legacy_literals`] rewrites such literals into their JSON-string form
//! before parsing, exactly as Python's lexer reinterprets them.

use std::borrow::Cow;

/// The expression with every non-JSON backtick literal turned into a JSON string literal
/// (`loads('"%s"' % lexeme.lstrip())` in Python); unchanged when there is none.
pub fn quote_legacy_literals(expression: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(expression.len());
    let mut changed = false;
    let mut chars = expression.chars();
    while let Some(ch) = chars.next() {
        match ch {
            '`' => {
                let (content, closed) = take_until(&mut chars, '`');
                match legacy_string(&content).filter(|_| closed) {
                    Some(rewritten) => {
                        changed = true;
                        out.push('`');
                        out.push_str(&rewritten);
                    }
                    None => {
                        out.push('`');
                        out.push_str(&content);
                    }
                }
                if closed {
                    out.push('`');
                }
            }
            '\'' | '"' => {
                // Raw strings and quoted identifiers may contain backticks: copy them whole.
                let (content, closed) = take_until(&mut chars, ch);
                out.push(ch);
                out.push_str(&content);
                if closed {
                    out.push(ch);
                }
            }
            other => out.push(other),
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(expression)
    }
}

/// The text up to the closing `delimiter` (a backslash keeps the next character, as Python's
/// `_consume_until` does), and whether the delimiter was found.
fn take_until(chars: &mut std::str::Chars, delimiter: char) -> (String, bool) {
    let mut content = String::new();
    while let Some(ch) = chars.next() {
        if ch == delimiter {
            return (content, true);
        }
        content.push(ch);
        if ch == '\\'
            && let Some(next) = chars.next()
        {
            content.push(next);
        }
    }
    (content, false)
}

/// For literal text that is not JSON but is the body of a JSON string: that string as a JSON
/// literal body (backticks escaped again).
fn legacy_string(content: &str) -> Option<String> {
    let lexeme = content.replace("\\`", "`");
    if serde_json::from_str::<serde_json::Value>(&lexeme).is_ok() {
        return None;
    }
    let quoted = format!("\"{}\"", lexeme.trim_start());
    serde_json::from_str::<String>(&quoted).ok()?;
    Some(quoted.replace('`', "\\`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_words_in_backticks_become_strings() {
        assert_eq!(
            quote_legacy_literals("L[?State==`running`]"),
            "L[?State==`\"running\"`]"
        );
        assert_eq!(quote_legacy_literals("`  spaced`"), "`\"spaced\"`");
    }

    #[test]
    fn json_literals_strings_and_identifiers_are_left_alone() {
        for expr in [
            "`1`",
            "`\"x\"`",
            "`{\"a\": [1]}`",
            "'`raw`'",
            "\"`quoted`\"",
            "`{bad",
        ] {
            assert!(
                matches!(quote_legacy_literals(expr), Cow::Borrowed(_)),
                "{expr}"
            );
        }
    }
}
