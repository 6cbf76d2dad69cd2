//! `--output yaml` and `yaml-stream`, as AWS CLI v2 writes them.
//!
//! v2's `YAMLDumper` is ruamel.yaml `YAML(typ='safe')` with `default_flow_style = False`; its
//! bundle ships ruamel.yaml.clib, so the emitter is libyaml's C emitter: block style, mapping
//! keys sorted (the safe representer sorts plain dicts), sequences in a mapping not indented
//! (`Key:\n- item`), empty collections as `[]`/`{}`, lines folded at spaces past column 80,
//! strings quoted when they would read back as another type. Top-level scalars are written with
//! `json.dumps` instead (`"foo"`, `1`, `true`, `null`) so no `...` document end marker follows;
//! an empty dict prints nothing. No YAML crate reproduces libyaml's emitter choices (serde_yaml
//! is archived and picks styles differently), so the emitter decisions are ported here; the
//! tests compare them with the real emitter's output.

use serde_json::Value;

use super::json;
use super::python::float_repr;
use super::yaml_resolver::resolves_to_non_string;
use super::yaml_scalar::{analyze, escape, is_break, is_printable, is_simple_key};

const BEST_INDENT: i32 = 2;
const BEST_WIDTH: usize = 80;

/// `--output yaml`.
pub fn render(value: &Value) -> String {
    match value {
        Value::Object(map) if map.is_empty() => String::new(),
        Value::Array(_) | Value::Object(_) => dump(value),
        scalar => json::render(scalar),
    }
}

/// One `--output yaml-stream` page: the page wrapped in a one-item list.
pub fn render_stream_page(page: &Value) -> String {
    dump(&Value::Array(vec![page.clone()]))
}

fn dump(value: &Value) -> String {
    let mut emitter = Emitter {
        out: String::new(),
        column: 0,
        whitespace: true,
        indention: true,
        indent: -1,
        indents: Vec::new(),
    };
    emitter.node(value, Context::Root);
    emitter.write_indent();
    emitter.out
}

/// Where a node sits; libyaml's `mapping_context` and `simple_key_context` flags.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    Root,
    SequenceItem,
    MappingValue,
    SimpleKey,
    ComplexKey,
}

/// The scalar styles libyaml chooses between for these documents.
#[derive(PartialEq)]
enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
}

struct Emitter {
    out: String,
    column: usize,
    whitespace: bool,
    indention: bool,
    indent: i32,
    indents: Vec<i32>,
}

impl Emitter {
    fn put(&mut self, text: &str) {
        self.out.push_str(text);
        self.column += text.chars().count();
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(" ");
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(" ");
        }
        self.put(indicator);
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    fn node(&mut self, value: &Value, context: Context) {
        match value {
            Value::Array(items) if items.is_empty() => self.empty_collection("[", "]"),
            Value::Object(map) if map.is_empty() => self.empty_collection("{", "}"),
            Value::Array(items) => {
                let indentless = context == Context::MappingValue && !self.indention;
                self.increase_indent(false, indentless);
                for item in items {
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(item, Context::SequenceItem);
                }
                self.pop_indent();
            }
            Value::Object(map) => {
                self.increase_indent(false, false);
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                for (key, item) in entries {
                    self.write_indent();
                    // Raw text: the scalar writer escapes controls as libyaml does.
                    let key_text = key.as_str();
                    let plain_ok = !resolves_to_non_string(key_text);
                    if is_simple_key(key_text) {
                        self.scalar(key_text, plain_ok, Context::SimpleKey);
                        self.write_indicator(":", false, false, false);
                    } else {
                        self.write_indicator("?", true, false, true);
                        self.scalar(key_text, plain_ok, Context::ComplexKey);
                        self.write_indent();
                        self.write_indicator(":", true, false, true);
                    }
                    self.node(item, Context::MappingValue);
                }
                self.pop_indent();
            }
            Value::String(s) => {
                let plain_ok = !resolves_to_non_string(s);
                self.scalar(s, plain_ok, context);
            }
            Value::Null => self.scalar("null", true, context),
            Value::Bool(b) => self.scalar(if *b { "true" } else { "false" }, true, context),
            Value::Number(n) if n.is_f64() => {
                let text = float_repr(n.as_f64().unwrap_or(0.0)).to_lowercase();
                self.scalar(&text, true, context);
            }
            Value::Number(n) => self.scalar(&n.to_string(), true, context),
        }
    }

    fn empty_collection(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn scalar(&mut self, text: &str, plain_implicit: bool, context: Context) {
        let simple_key = context == Context::SimpleKey;
        let analysis = analyze(text);
        let mut style = Style::Plain;
        if simple_key && analysis.multiline {
            style = Style::DoubleQuoted;
        }
        if style == Style::Plain
            && (!analysis.block_plain_allowed || (text.is_empty() && simple_key) || !plain_implicit)
        {
            style = Style::SingleQuoted;
        }
        if style == Style::SingleQuoted && !analysis.single_quoted_allowed {
            style = Style::DoubleQuoted;
        }
        self.increase_indent(true, false);
        let allow_breaks = !simple_key;
        match style {
            Style::Plain => self.write_plain(text, allow_breaks),
            Style::SingleQuoted => self.write_single_quoted(text, allow_breaks),
            Style::DoubleQuoted => self.write_double_quoted(text, allow_breaks),
        }
        self.pop_indent();
    }

    fn write_plain(&mut self, text: &str, allow_breaks: bool) {
        if !self.whitespace && !text.is_empty() {
            self.put(" ");
        }
        let chars: Vec<char> = text.chars().collect();
        let mut spaces = false;
        for (i, &ch) in chars.iter().enumerate() {
            if ch == ' ' {
                let next_is_space = chars.get(i + 1) == Some(&' ');
                if allow_breaks && !spaces && self.column > BEST_WIDTH && !next_is_space {
                    self.write_indent();
                } else {
                    self.put(" ");
                }
                spaces = true;
            } else {
                self.put_char(ch);
                self.indention = false;
                spaces = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn put_char(&mut self, ch: char) {
        self.out.push(ch);
        self.column += 1;
    }

    fn write_single_quoted(&mut self, text: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let chars: Vec<char> = text.chars().collect();
        let (mut spaces, mut breaks) = (false, false);
        for (i, &ch) in chars.iter().enumerate() {
            if ch == ' ' {
                let inner = i != 0 && i + 1 != chars.len() && chars.get(i + 1) != Some(&' ');
                if allow_breaks && !spaces && self.column > BEST_WIDTH && inner {
                    self.write_indent();
                } else {
                    self.put(" ");
                }
                spaces = true;
            } else if is_break(ch) {
                if !breaks && ch == '\n' {
                    self.put_break();
                }
                self.write_break(ch);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if ch == '\'' {
                    self.put("'");
                }
                self.put_char(ch);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if breaks {
            self.write_indent();
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    /// libyaml's WRITE_BREAK: a `\n` resets the column; other breaks are copied as they are.
    fn write_break(&mut self, ch: char) {
        if ch == '\n' {
            self.put_break();
        } else {
            self.out.push(ch);
            self.column = 0;
        }
    }

    fn write_double_quoted(&mut self, text: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let chars: Vec<char> = text.chars().collect();
        let mut spaces = false;
        for (i, &ch) in chars.iter().enumerate() {
            if !is_printable(ch) || ch == '\u{feff}' || is_break(ch) || ch == '"' || ch == '\\' {
                self.put(&escape(ch));
                spaces = false;
            } else if ch == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i != 0
                    && i + 1 != chars.len()
                {
                    self.write_indent();
                    if chars.get(i + 1) == Some(&' ') {
                        self.put("\\");
                    }
                } else {
                    self.put(" ");
                }
                spaces = true;
            } else {
                self.put_char(ch);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layout_matches_ruamel_safe_dump() {
        let value =
            json!({"b": 1, "a": [1, 2], "c": {"x": null, "y": []}, "d": {}, "e": [[1, 2], [3]]});
        let want = "a:\n- 1\n- 2\nb: 1\nc:\n  x: null\n  y: []\nd: {}\ne:\n- - 1\n  - 2\n- - 3\n";
        assert_eq!(render(&value), want);
    }

    #[test]
    fn top_level_scalars_are_json() {
        assert_eq!(render(&json!("foo")), "\"foo\"\n");
        assert_eq!(render(&json!(1.2)), "1.2\n");
        assert_eq!(render(&json!(true)), "true\n");
        assert_eq!(render(&json!([])), "[]\n");
        assert_eq!(render(&json!({})), "");
    }

    #[test]
    fn stream_pages_are_list_items() {
        assert_eq!(
            render_stream_page(&json!({"TableNames": ["MyTable"]})),
            "- TableNames:\n  - MyTable\n"
        );
    }

    #[test]
    fn quoting_and_escapes() {
        let value = json!(["123", "yes", "tab\there", "emoji 😀", "nl\nhere", "it's"]);
        let want =
            "- '123'\n- yes\n- \"tab\\there\"\n- \"emoji \\U0001F600\"\n- 'nl\n\n  here'\n- it's\n";
        assert_eq!(render(&value), want);
    }
}
