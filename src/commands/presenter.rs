//! Turns response documents into stdout text: timestamps in the configured format, `--query`,
//! then the output module's renderer. Nothing but successful output is written here.

use std::io::Write;

use serde_json::Value;

use super::error::CommandError;
use super::listing::{DocumentSink, PageStyle};
use super::merge::{Merged, MergedPages};
use super::operation::{Operation, Paginator};
use super::settings::{Presentation, TimestampFormat};
use super::timestamps;
use crate::cli::OutputFormat;
use crate::output::Query;

pub struct Presenter<'a> {
    op: Operation,
    presentation: Presentation,
    query: Option<&'a Query>,
    color: bool,
    out: &'a mut dyn Write,
}

impl<'a> Presenter<'a> {
    pub fn new(
        op: Operation,
        presentation: Presentation,
        query: Option<&'a Query>,
        color: bool,
        out: &'a mut dyn Write,
    ) -> Self {
        Presenter {
            op,
            presentation,
            query,
            color,
            out,
        }
    }

    /// Prints a document whose timestamps are already in their final form (skeletons).
    pub fn print_converted(&mut self, doc: Value) -> Result<(), CommandError> {
        let doc = match self.query {
            Some(query) => query.apply(&doc)?,
            None => doc,
        };
        let text =
            crate::output::render(&doc, self.presentation.output, self.op.name(), self.color);
        self.write(text.as_bytes());
        Ok(())
    }

    fn write(&mut self, text: &[u8]) {
        // A closed pipe (`| head`) is not an error: the AWS CLI stops quietly too.
        let _ = self.out.write_all(text).and_then(|()| self.out.flush());
    }
}

/// The member of each item that `path` names (`List[].Member`), if that is all it names.
fn item_member(path: &'static str, list: &str) -> Option<&'static str> {
    path.strip_prefix(list)?
        .strip_prefix("[].")
        .filter(|member| !member.contains(['.', '[']))
}

impl DocumentSink for Presenter<'_> {
    /// Text and yaml-stream print each page as it arrives (with `--query` applied to each
    /// page, as the AWS CLI does); the other formats print one merged document.
    fn page_style(&self) -> PageStyle {
        match self.presentation.output {
            OutputFormat::Text => PageStyle::ListPerPage,
            OutputFormat::YamlStream => PageStyle::RawPerPage,
            OutputFormat::Json | OutputFormat::Table | OutputFormat::Yaml => PageStyle::Merged,
        }
    }

    fn print(&mut self, mut doc: Value) -> Result<(), CommandError> {
        timestamps::convert(
            &mut doc,
            self.op.timestamp_paths(),
            self.presentation.timestamps,
        );
        self.print_converted(doc)
    }

    /// Plain `--output json` merges as text; `--query` and the other formats need documents.
    fn merged_pages(&self, paginator: Paginator) -> Result<MergedPages, CommandError> {
        let documents = Ok(MergedPages::Documents(Vec::new()));
        if self.presentation.output != OutputFormat::Json || self.query.is_some() {
            return documents;
        }
        let key = paginator.result_key;
        let paths = match self.presentation.timestamps {
            TimestampFormat::None => &[],
            TimestampFormat::Iso8601 => self.op.timestamp_paths(),
        };
        match paths {
            [] => MergedPages::json(key, None),
            // Timestamps anywhere but one member of each item: the document path rewrites them.
            [path] => match item_member(path, key) {
                Some(member) => MergedPages::json(key, Some(member)),
                None => documents,
            },
            _ => documents,
        }
    }

    fn print_merged(&mut self, merged: Merged) -> Result<(), CommandError> {
        match merged {
            Merged::Document(doc) => self.print(doc),
            Merged::Text(text) => {
                self.write(&text);
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::settings::TimestampFormat;
    use crate::model::Timestamp;
    use serde_json::json;

    fn printed(timestamps: TimestampFormat, query: Option<&str>) -> Value {
        let query = query.map(|q| Query::parse(q).unwrap());
        let mut out = Vec::new();
        let presentation = Presentation {
            output: OutputFormat::Json,
            timestamps,
        };
        let mut presenter = Presenter::new(
            Operation::DescribeUser,
            presentation,
            query.as_ref(),
            false,
            &mut out,
        );
        let doc = json!({"User": {"Username": "jane", "LastModifiedTime": 1589390427}});
        presenter.print(doc).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn timestamps_are_converted_before_the_query_runs() {
        let iso = crate::output::iso8601_local(Timestamp(1589390427.0));
        assert_eq!(
            printed(TimestampFormat::Iso8601, Some("User.LastModifiedTime")),
            json!(iso)
        );
        assert_eq!(
            printed(TimestampFormat::None, Some("User.LastModifiedTime")),
            json!(1589390427)
        );
        assert_eq!(
            printed(TimestampFormat::None, None)["User"]["Username"],
            "jane"
        );
    }

    #[test]
    fn query_failures_are_reported_not_printed() {
        let query = Query::parse("length(User.Username, `1`)").unwrap();
        let mut out = Vec::new();
        let presentation = Presentation {
            output: OutputFormat::Json,
            timestamps: TimestampFormat::None,
        };
        let mut presenter = Presenter::new(
            Operation::DescribeUser,
            presentation,
            Some(&query),
            false,
            &mut out,
        );
        let err = presenter.print(json!({"User": {}})).unwrap_err();
        assert_eq!(err.exit_code(), 255);
        assert!(out.is_empty());
    }
}
