//! `--output json`: Python's `json.dump(response, indent=4, ensure_ascii=False)` plus a newline.
//!
//! serde_json's pretty printer differs from Python's in number spelling (`1e16` vs `1e+16`)
//! and in escaping, so the layout is written out here; it is small and fully specified.

use serde_json::Value;

use super::python::number_repr;

/// The whole JSON document as the AWS CLI prints it. An empty object prints nothing (the CLI's
/// rule for operations without a response body); everything else, `null` included, prints.
pub fn render(value: &Value) -> String {
    if value.as_object().is_some_and(|map| map.is_empty()) {
        return String::new();
    }
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out.push('\n');
    out
}

/// One JSON value in Python's `indent=4` layout (`", "` never appears: with an indent Python
/// uses `","` + newline between items and `": "` between key and value).
pub fn write_value(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_repr(n)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(out, depth + 1);
                write_value(out, item, depth + 1);
            }
            newline_indent(out, depth);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(out, depth + 1);
                write_string(out, key);
                out.push_str(": ");
                write_value(out, item, depth + 1);
            }
            newline_indent(out, depth);
            out.push('}');
        }
    }
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
        scalar => write_value(out, scalar, 0),
    }
}

fn newline_indent(out: &mut String, depth: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', depth * 4));
}

/// A JSON string as Python writes it with `ensure_ascii=False`: only `"`, `\`, and the C0
/// control characters are escaped; DEL and all non-ASCII characters are kept as they are.
pub fn write_string(out: &mut String, text: &str) {
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
