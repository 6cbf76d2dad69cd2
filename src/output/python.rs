//! How Python spells JSON scalars. The AWS CLI is Python: text and table cells are `str(value)`
//! and JSON numbers are `repr(float)`, so these are the rules that decide its bytes.

use serde_json::{Number, Value};

/// `str(value)` for a scalar the way Python prints it (`None`, `True`, `1.5`, `1e+16`).
/// Containers are never passed here by the formatters; they fall back to compact JSON.
pub fn str_of(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => number_repr(n),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Python's `repr()` of a JSON value (`{'a': [1, None]}`): what `str()` prints for a
/// container that lands in a text or table cell.
pub fn repr_of(value: &Value) -> String {
    match value {
        Value::String(s) => string_repr(s),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(repr_of).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", string_repr(k), repr_of(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        scalar => str_of(scalar),
    }
}

/// Python's `repr(str)`: single quotes unless the text has a `'` and no `"`.
fn string_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The one place where text from the data becomes output in text and table output: escape
/// sequences, C0/C1 controls, bidi overrides and invisible characters are made inert and
/// visible (`crate::sanitize`), so listing hostile data cannot drive the terminal. Here
/// connect-tui departs from the AWS CLI, which prints them raw — except for tab and newline,
/// kept exactly as the AWS CLI prints them: they cannot drive a terminal, and scripts that
/// parse the AWS CLI's text output see the same bytes. Benign text is unchanged.
/// (YAML escapes controls itself.)
///
/// The sanitizer's U+FFFD is East Asian "ambiguous", which the AWS CLI's table layout (and so
/// ours) counts as two columns while terminals draw one: cells use `?` instead, narrow by
/// every measure, so neutralised text keeps the columns aligned.
pub fn cell_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(['\t', '\n']) {
        let (body, separator) = match piece.strip_suffix(['\t', '\n']) {
            Some(body) => (body, &piece[body.len()..]),
            None => (piece, ""),
        };
        out.push_str(&crate::sanitize::sanitize(body).replace('\u{FFFD}', "?"));
        out.push_str(separator);
    }
    out
}

/// `repr()` of a JSON number: integers as they are, floats as Python's shortest round-trip
/// form (`1.0`, `0.0001`, `1e-05`, `1e+16`, `1.5e+300`).
pub fn number_repr(n: &Number) -> String {
    if n.is_f64() {
        n.as_f64().map_or_else(|| n.to_string(), float_repr)
    } else {
        n.to_string()
    }
}

/// Python's `float.__repr__`: the shortest digits that round-trip (Rust finds the same
/// digits), laid out fixed when the decimal exponent is in -4..16, else scientific with a
/// signed, at-least-two-digit exponent.
pub fn float_repr(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    // `{:e}` gives the shortest round-trip digits: "-1.2345e-7".
    let sci = format!("{f:e}");
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exponent) {
        let point = exponent + 1; // digits before the decimal point
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat(point.unsigned_abs() as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{int}.{frac}")
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1);
        let mantissa = if rest.is_empty() {
            first.to_owned()
        } else {
            format!("{first}.{rest}")
        };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exponent.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python_repr() {
        let cases = [
            (1.0, "1.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (123456789012345.6, "123456789012345.6"),
            (1589390427.547, "1589390427.547"),
            (-2.5e-7, "-2.5e-07"),
            (1e300, "1e+300"),
            (-0.0, "-0.0"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want, "{f:e}");
        }
    }

    #[test]
    fn scalars_print_like_python_str() {
        assert_eq!(str_of(&Value::Null), "None");
        assert_eq!(str_of(&Value::Bool(true)), "True");
        assert_eq!(str_of(&serde_json::json!(42)), "42");
        assert_eq!(str_of(&serde_json::json!(2.0)), "2.0");
        assert_eq!(str_of(&serde_json::json!("é")), "é");
    }

    #[test]
    fn cell_text_neutralises_terminal_controls_and_keeps_benign_text() {
        assert_eq!(cell_text("Jane Doe 山田 😀"), "Jane Doe 山田 😀");
        assert_eq!(
            cell_text("\x1b]52;c;QQ==\x07\u{9b}2J\u{202e}x\r"),
            "␛]52;c;QQ==␇?2J?x␍"
        );
        // Tab and newline stay as the AWS CLI prints them.
        assert_eq!(cell_text("a\tb\nc\x1b\t"), "a\tb\nc␛\t");
    }

    #[test]
    fn containers_print_like_python_repr() {
        let value = serde_json::json!({"a": [1, null, true, "it's"], "b": "x\ny"});
        assert_eq!(
            repr_of(&value),
            "{'a': [1, None, True, \"it's\"], 'b': 'x\\ny'}"
        );
    }
}
