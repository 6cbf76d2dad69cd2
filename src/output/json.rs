//! `--output json`: Python's `json.dump(response, indent=4, ensure_ascii=False)` plus a newline.
//!
//! The layout is [`PythonJson`], a serde_json formatter: serde_json's own pretty printer
//! differs from Python's in number spelling (`1e16` vs `1e+16`).

use serde::Serialize;
use serde_json::{Serializer, Value};

use super::json_format::PythonJson;

/// The whole JSON document as the AWS CLI prints it. An empty object prints nothing (the CLI's
/// rule for operations without a response body); everything else, `null` included, prints.
pub fn render(value: &Value) -> String {
    if value.as_object().is_some_and(|map| map.is_empty()) {
        return String::new();
    }
    let mut out = to_text(value);
    out.push('\n');
    out
}

/// One value in Python's `indent=4` layout, without the trailing newline.
fn to_text(value: &Value) -> String {
    let mut out = Vec::new();
    // Cannot fail: a `Value` has string keys and finite numbers, and memory takes any bytes.
    let _ = value.serialize(&mut Serializer::with_formatter(
        &mut out,
        PythonJson::default(),
    ));
    // serde_json writes UTF-8 only; the lossy arm is never taken.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `json.dumps(value, separators=(',', ':'))` with Python's default `ensure_ascii=True`: what
/// JMESPath's `to_string()` returns for a non-string.
pub fn to_compact_ascii(value: &Value) -> String {
    let mut out = String::new();
    write_compact_ascii(&mut out, value);
    out
}

fn write_compact_ascii(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => {
            let mut quoted = String::new();
            write_string(&mut quoted, s);
            for ch in quoted.chars() {
                if ch.is_ascii() && ch != '\u{7f}' {
                    out.push(ch);
                } else {
                    let mut units = [0u16; 2];
                    for unit in ch.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
            }
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact_ascii(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact_ascii(out, &Value::String(key.clone()));
                out.push(':');
                write_compact_ascii(out, item);
            }
            out.push('}');
        }
        scalar => out.push_str(&to_text(scalar)),
    }
}

/// A JSON string as Python writes it with `ensure_ascii=False`: only `"`, `\`, and the C0
/// control characters are escaped; DEL and all non-ASCII characters are kept as they are.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_layout_matches_python_indent_4() {
        let value = json!({"A": [1, {"B": "é"}], "C": {}, "D": []});
        let want = "{\n    \"A\": [\n        1,\n        {\n            \"B\": \"é\"\n        }\n    ],\n    \"C\": {},\n    \"D\": []\n}\n";
        assert_eq!(render(&value), want);
    }

    #[test]
    fn empty_object_prints_nothing_but_null_and_empty_list_print() {
        assert_eq!(render(&json!({})), "");
        assert_eq!(render(&Value::Null), "null\n");
        assert_eq!(render(&json!([])), "[]\n");
        assert_eq!(render(&json!("x")), "\"x\"\n");
    }

    #[test]
    fn compact_ascii_matches_python_dumps() {
        let value = json!({"a": ["é", 1.5, null], "b": "\u{1f600}"});
        assert_eq!(
            to_compact_ascii(&value),
            r#"{"a":["\u00e9",1.5,null],"b":"\ud83d\ude00"}"#
        );
    }

    #[test]
    fn control_characters_are_escaped_like_python() {
        assert_eq!(
            render(&json!("a\u{1}\u{7f}\"\\")),
            "\"a\\u0001\u{7f}\\\"\\\\\"\n"
        );
    }
}
