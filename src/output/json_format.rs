//! Python's `json.dump(indent=4, ensure_ascii=False)` layout as a `serde_json` [`Formatter`],
//! so anything `Serialize` (a document or a domain type) is written straight into bytes.
//!
//! serde_json already escapes strings exactly as Python does with `ensure_ascii=False` (`"`,
//! `\`, the C0 controls; `\b \f \n \r \t` short, the rest `\u00xx` in lowercase; DEL and
//! non-ASCII kept) and lays out `[`/`{`, `",\n"`, `": "` and empty `[]`/`{}` the way Python's
//! indent mode does. What differs is float spelling (`1e+16`, not `1e16`): that is
//! `float.__repr__`, done here. A hand-written writer would have to redo serde_json's
//! table-driven escaping; this keeps it and changes only what Python spells differently.
//!
//! It can also print one member of list items as local ISO 8601 time (`cli_timestamp_format`),
//! so a listing can be written item by item without first becoming a `Value` to rewrite.

use std::io::{self, Write};

use serde_json::ser::{CharEscape, Formatter};

use super::python::float_repr;
use super::timestamp::iso8601_local;
use crate::model::Timestamp;

const INDENT: &[u8] = b"    ";

/// A member whose numbers are epoch seconds to print as local ISO 8601 strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimestampMember {
    /// The member name (`LastModifiedTime`).
    pub name: &'static str,
    /// The depth at which the holding object's members are written (one more than the depth
    /// the object itself starts at): a number deeper inside the member is not its value.
    pub depth: usize,
}

/// The formatter. `depth` is the current indentation level (objects and arrays open).
#[derive(Debug, Default)]
pub struct PythonJson {
    depth: usize,
    has_value: bool,
    timestamp: Option<TimestampMember>,
    /// The object key being written, and whether it held an escape (then it is none of ours).
    key: String,
    key_escaped: bool,
    in_key: bool,
}

impl PythonJson {
    /// A formatter whose output starts `depth` levels deep (an item inside a written document).
    pub fn nested(depth: usize, timestamp: Option<TimestampMember>) -> Self {
        PythonJson {
            depth,
            timestamp,
            ..Self::default()
        }
    }

    fn newline_indent<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        write_indent(w, self.depth)
    }

    /// True when the number about to be written is the timestamp member's value.
    fn at_timestamp(&self) -> bool {
        self.timestamp
            .is_some_and(|t| t.depth == self.depth && !self.key_escaped && self.key == t.name)
    }

    fn number<W: ?Sized + Write>(&self, w: &mut W, secs: f64, text: &str) -> io::Result<()> {
        if self.at_timestamp() {
            // ISO text has only digits, `-`, `:`, `.`, `+` and `T`: nothing to escape.
            write!(w, "\"{}\"", iso8601_local(Timestamp(secs)))
        } else {
            w.write_all(text.as_bytes())
        }
    }
}

fn write_indent<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    for _ in 0..depth {
        w.write_all(INDENT)?;
    }
    Ok(())
}

impl Formatter for PythonJson {
    fn write_i64<W: ?Sized + Write>(&mut self, w: &mut W, value: i64) -> io::Result<()> {
        self.number(w, value as f64, itoa::Buffer::new().format(value))
    }

    fn write_u64<W: ?Sized + Write>(&mut self, w: &mut W, value: u64) -> io::Result<()> {
        self.number(w, value as f64, itoa::Buffer::new().format(value))
    }

    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        self.number(w, value, &float_repr(value))
    }

    fn write_f32<W: ?Sized + Write>(&mut self, w: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(w, f64::from(value))
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_key {
            self.key.push_str(fragment);
        }
        w.write_all(fragment.as_bytes())
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        self.key_escaped |= self.in_key;
        serde_json::ser::CompactFormatter.write_char_escape(w, escape)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            write_indent(w, self.depth)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline_indent(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            write_indent(w, self.depth)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.key.clear();
        self.key_escaped = false;
        self.in_key = true;
        self.newline_indent(w, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}
