//! Turns response documents into stdout text: timestamps in the configured format, `--query`,
//! then the output module's renderer. Nothing but successful output is written here.

use std::io::Write;

use serde_json::Value;

use super::error::CommandError;
use super::listing::{DocumentSink, PageStyle};
use super::operation::Operation;
use super::settings::Presentation;
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
        // A closed pipe (`| head`) is not an error: the AWS CLI stops quietly too.
        let _ = self
            .out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush());
        Ok(())
    }
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
