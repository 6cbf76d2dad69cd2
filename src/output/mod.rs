//! Non-interactive output, byte for byte as AWS CLI v2 prints it: pure functions from a
//! response (a `serde_json::Value` whose objects keep the service's member order) to text.
//!
//! - [`render`] — one whole document in any `--output` format.
//! - [`render_stream_page`] — one page of `--output yaml-stream`.
//! - [`JsonListing`] — a merged listing's `--output json` text, written item by item as pages
//!   arrive (the same bytes as [`render`] of the merged document).
//! - [`Query`] — `--query`, parsed once (a bad expression is rejected before any request, as
//!   the CLI does), then applied with Python jmespath's semantics and member order.
//! - [`iso8601_local`] — timestamps as v2's default `cli_timestamp_format = iso8601`.
//!
//! How the AWS CLI applies these (callers follow the same steps):
//! - json, yaml, table: the pages are merged into one result first, then `--query` is
//!   applied once, then the result is rendered.
//! - text: the CLI formats *each page* on its own (query applied per page), and after the last
//!   page, when `--max-items` left a token, renders `{"NextToken": {"NextToken": token}}` through
//!   the same query. Rendering the pages one by one with [`render`] reproduces that.
//! - yaml-stream: each page (after `--query`) is printed as a one-item YAML list with
//!   [`render_stream_page`]; a non-paginated response is a single page.

mod east_asian_width;
mod json;
mod json_format;
mod json_listing;
mod python;
mod query;
mod query_builtins;
mod query_functions;
mod query_lexer;
mod query_literals;
mod query_syntax;
mod query_values;
mod table;
mod table_layout;
mod text;
mod timestamp;
mod yaml;
mod yaml_resolver;
mod yaml_scalar;

pub use crate::cli::OutputFormat;
pub use json_listing::JsonListing;
pub use query::{Query, QueryError};
pub use table::DEFAULT_TERMINAL_WIDTH;
pub use timestamp::iso8601_local;

use serde_json::Value;

/// Renders `value` as `aws ... --output <format>` prints it, including the trailing newline(s).
/// `title` is the operation name (the table title, e.g. "DescribeUser"); `color` is for table
/// output (`--color on`, or `auto` on a terminal). Tables are laid out for a stdout that is
/// not a terminal (80 columns, as the CLI assumes then); see [`render_table`] for a terminal.
pub fn render(value: &Value, format: OutputFormat, title: &str, color: bool) -> String {
    match format {
        OutputFormat::Json => json::render(value),
        OutputFormat::Text => text::render(value),
        OutputFormat::Table => table::render(value, title, color, DEFAULT_TERMINAL_WIDTH),
        OutputFormat::Yaml => yaml::render(value),
        OutputFormat::YamlStream => yaml::render_stream_page(value),
    }
}

/// `--output table` for a terminal `terminal_width` columns wide: sections whose single row
/// would not fit are turned vertical (header/value pairs), as the CLI does.
pub fn render_table(value: &Value, title: &str, color: bool, terminal_width: usize) -> String {
    table::render(value, title, color, terminal_width)
}

/// One page of `--output yaml-stream`: the page as a one-item YAML list (`- Key: value`), so
/// the pages printed one after another form a single list, as AWS CLI v2 streams them.
pub fn render_stream_page(page: &Value) -> String {
    yaml::render_stream_page(page)
}
