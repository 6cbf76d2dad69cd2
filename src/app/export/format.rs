//! Rows as CSV (RFC 4180 through the `csv` crate, guarded against spreadsheet formula
//! injection), as one JSON array, or as JSON lines.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::{COLUMNS, DESCRIBE_COLUMNS, ExportRow};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
    Jsonl,
}

/// Joins list cells.
const LIST_SEPARATOR: &str = "; ";
/// Joins the levels of a hierarchy path.
const PATH_SEPARATOR: &str = " › ";

/// OWASP "CSV injection": a cell a spreadsheet would read as a formula (or whose leading
/// tab / carriage return hides one) gets a leading apostrophe, which spreadsheets show as
/// text and do not evaluate.
fn guard(cell: String) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell,
    }
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn flag(value: Option<bool>) -> String {
    value.map(|b| b.to_string()).unwrap_or_default()
}

/// The CSV cells of `row`, in [`COLUMNS`] order (and [`DESCRIBE_COLUMNS`] when described).
fn cells(row: &ExportRow, describe: bool) -> Vec<String> {
    let tags = row
        .tags
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR);
    let mut cells = vec![
        row.id.clone(),
        opt(&row.arn),
        opt(&row.username),
        opt(&row.first_name),
        opt(&row.last_name),
        opt(&row.routing_profile),
        opt(&row.routing_profile_id),
        row.security_profiles.join(LIST_SEPARATOR),
        row.security_profile_ids.join(LIST_SEPARATOR),
        opt(&row.hierarchy_group),
        row.hierarchy_path.join(PATH_SEPARATOR),
        opt(&row.phone_type),
        flag(row.auto_accept),
        row.after_contact_work_time_limit
            .map(|s| s.to_string())
            .unwrap_or_default(),
        opt(&row.desk_phone_number),
        tags,
    ];
    if describe {
        let d = row.described.clone().unwrap_or_default();
        cells.extend([opt(&d.email), opt(&d.secondary_email), opt(&d.mobile)]);
    }
    cells.into_iter().map(guard).collect()
}

/// Writes the header and every row as CSV.
pub fn write_csv<'a>(
    out: impl Write,
    rows: impl IntoIterator<Item = &'a ExportRow>,
    describe: bool,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if describe {
        header.extend(DESCRIBE_COLUMNS);
    }
    writer.write_record(&header)?;
    for row in rows {
        writer.write_record(cells(row, describe))?;
    }
    writer.flush()
}

/// One row as a JSON object with the column names as keys: lists as arrays, tags as an
/// object, values verbatim (absent ones `null`).
pub fn object(row: &ExportRow, describe: bool) -> Value {
    let mut o = Map::new();
    let values = [
        json!(row.id),
        json!(row.arn),
        json!(row.username),
        json!(row.first_name),
        json!(row.last_name),
        json!(row.routing_profile),
        json!(row.routing_profile_id),
        json!(row.security_profiles),
        json!(row.security_profile_ids),
        json!(row.hierarchy_group),
        json!(row.hierarchy_path),
        json!(row.phone_type),
        json!(row.auto_accept),
        json!(row.after_contact_work_time_limit),
        json!(row.desk_phone_number),
        json!(row.tags),
    ];
    for (key, value) in COLUMNS.iter().zip(values) {
        o.insert(key.to_string(), value);
    }
    if describe {
        let d = row.described.clone().unwrap_or_default();
        for (key, value) in DESCRIBE_COLUMNS
            .iter()
            .zip([d.email, d.secondary_email, d.mobile])
        {
            o.insert(key.to_string(), json!(value));
        }
    }
    Value::Object(o)
}

/// Every row as one JSON array (one object per line, for a readable diff).
pub fn write_json<'a>(
    mut out: impl Write,
    rows: impl IntoIterator<Item = &'a ExportRow>,
    describe: bool,
) -> std::io::Result<()> {
    out.write_all(b"[")?;
    for (i, row) in rows.into_iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut out, &object(row, describe))?;
    }
    out.write_all(b"\n]\n")?;
    out.flush()
}

/// One row as one line of JSON (streamed as rows are ready).
pub fn write_jsonl_row(
    mut out: impl Write,
    row: &ExportRow,
    describe: bool,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut out, &object(row, describe))?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::super::Described;
    use super::*;

    fn row() -> ExportRow {
        ExportRow {
            id: "u1".into(),
            username: Some("=HYPERLINK(\"http://x\")".into()),
            first_name: Some("Ann, \"the\" agent".into()),
            last_name: Some("\u{1b}[31mred".into()),
            security_profiles: vec!["Admin".into(), "Agent".into()],
            security_profile_ids: vec!["sp1".into(), "sp2".into()],
            hierarchy_group: Some("Team A".into()),
            hierarchy_path: vec!["EMEA".into(), "Dublin".into(), "Team A".into()],
            auto_accept: Some(false),
            after_contact_work_time_limit: Some(30),
            desk_phone_number: Some("+15555550100".into()),
            tags: [("Team".into(), "billing".into()), ("a".into(), "-1".into())].into(),
            ..ExportRow::default()
        }
    }

    #[test]
    fn csv_joins_lists_guards_formulas_and_quotes_per_rfc_4180() {
        let mut out = Vec::new();
        write_csv(&mut out, [&row()], false).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(COLUMNS.join(",").as_str()));
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[2], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&record[3], "Ann, \"the\" agent");
        assert_eq!(&record[4], "\u{1b}[31mred", "kept verbatim in the file");
        assert_eq!(&record[7], "Admin; Agent");
        assert_eq!(&record[8], "sp1; sp2");
        assert_eq!(&record[10], "EMEA › Dublin › Team A");
        assert_eq!(&record[12], "false");
        assert_eq!(&record[13], "30");
        assert_eq!(&record[14], "'+15555550100");
        assert_eq!(&record[15], "Team=billing; a=-1");
        assert_eq!(record.len(), 16);
    }

    #[test]
    fn every_dangerous_first_character_is_guarded() {
        for c in ['=', '+', '-', '@', '\t', '\r'] {
            assert_eq!(guard(format!("{c}x")), format!("'{c}x"));
        }
        assert_eq!(guard("x=1".into()), "x=1");
        assert_eq!(guard(String::new()), "");
    }

    #[test]
    fn json_keeps_values_verbatim_lists_as_arrays_and_tags_as_an_object() {
        let mut row = row();
        row.described = Some(Described {
            email: Some("a@example.com".into()),
            ..Described::default()
        });
        let o = object(&row, true);
        assert_eq!(o["Username"], "=HYPERLINK(\"http://x\")");
        assert_eq!(o["SecurityProfiles"], json!(["Admin", "Agent"]));
        assert_eq!(o["Tags"], json!({"Team": "billing", "a": "-1"}));
        assert_eq!(o["Email"], "a@example.com");
        assert_eq!(o["Mobile"], Value::Null);
        assert_eq!(o["Arn"], Value::Null);
        let mut out = Vec::new();
        write_json(&mut out, [&row, &row], false).unwrap();
        let back: Vec<Value> = serde_json::from_slice(&out).unwrap();
        assert_eq!(back.len(), 2);
        assert!(back[0].get("Email").is_none(), "no describe columns");
        let mut out = Vec::new();
        write_json(&mut out, [], false).unwrap();
        assert_eq!(out, b"[\n]\n");
    }
}
