//! The instance picker.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::{Action, App, Mode, PickerRow, region_of};
use crate::connect::ApiError;
use crate::keys::KeyMap;

use super::text::{safe, shorten_end, shorten_middle, time_short};
use super::theme;
use crate::app::layout;

pub fn draw(frame: &mut Frame, app: &App, keys: &KeyMap, body: Rect) {
    let t = app.theme;
    let picker = &app.picker;
    let mut title = vec![Span::styled(" Amazon Connect instances ", t.title())];
    title.push(Span::raw(format!("· {} ", safe(app.region_label()))));
    if picker.loading {
        title.push(Span::styled(
            format!("{} ", theme::spinner(app.spinner_frame())),
            t.key(),
        ));
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Line::from(title));

    if picker.row_count() == 0 {
        frame.render_widget(
            Paragraph::new(empty_message(app, keys))
                .block(block)
                .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    let rows_visible = layout::picker_rows(body);
    let table: Vec<[String; 6]> = picker
        .rows()
        .map(|row| match row {
            PickerRow::Instance(i) => [
                safe(i.instance_alias.as_deref().unwrap_or("—")),
                safe(i.id.as_deref().unwrap_or("—")),
                safe(i.instance_status.as_deref().unwrap_or("—")),
                safe(i.identity_management_type.as_deref().unwrap_or("—")),
                time_short(&t, i.created_time, app.config.zone)
                    .content
                    .into_owned(),
                safe(region_of(i).unwrap_or("—")),
            ],
            // A region that failed: its error where the alias goes (the widest column).
            PickerRow::Failed(listing) => [
                safe(
                    &listing
                        .error
                        .as_ref()
                        .map(ApiError::human)
                        .unwrap_or_default(),
                ),
                "—".into(),
                "—".into(),
                "—".into(),
                "—".into(),
                safe(&listing.region),
            ],
        })
        .collect();
    let failed_from = picker.instances.len();
    let (columns, widths) =
        fit_columns(&table, body.width.saturating_sub(2), app.config.all_regions);
    let rows: Vec<Row> = table
        .iter()
        .enumerate()
        .skip(picker.cursor.top)
        .take(rows_visible)
        .map(|(index, cells)| {
            let row = Row::new(columns.iter().zip(&widths).map(|(c, w)| {
                // The ID keeps its ends (what admins recognise); other text its start.
                let cell = if *c == ID {
                    shorten_middle(&cells[*c], usize::from(*w))
                } else {
                    shorten_end(&cells[*c], usize::from(*w))
                };
                Line::raw(cell)
            }));
            if index == picker.cursor.selected {
                row.style(t.selected(true))
            } else if index >= failed_from {
                row.style(t.error())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(columns.iter().map(|c| HEADERS[*c])).style(t.header());
    let constraints = columns.iter().zip(&widths).map(|(c, w)| match *c {
        // The alias takes whatever room is left.
        ALIAS => Constraint::Min(*w),
        _ => Constraint::Length(*w),
    });
    let mut block = block;
    let retry = keys.label_for(Action::Retry, Mode::Picker);
    let failed_regions = picker.row_count() - failed_from;
    if let Some(error) = &picker.error {
        block = block.title_bottom(Line::styled(
            format!(" {} · {retry} retries ", safe(&error.human())),
            t.error(),
        ));
    } else if let Some(PickerRow::Failed(listing)) = picker.rows().nth(picker.cursor.selected) {
        // The selected failed region: its whole error (the row may shorten it).
        let error = listing
            .error
            .as_ref()
            .map(ApiError::human)
            .unwrap_or_default();
        block = block.title_bottom(Line::styled(
            format!(
                " {}: {} · {retry} retries ",
                safe(&listing.region),
                safe(&error)
            ),
            t.error(),
        ));
    } else if failed_regions > 0 {
        let regions = if failed_regions == 1 {
            "region"
        } else {
            "regions"
        };
        block = block.title_bottom(Line::styled(
            format!(" {failed_regions} {regions} failed · {retry} retries "),
            t.error(),
        ));
    }
    frame.render_widget(
        Table::new(rows, constraints).header(header).block(block),
        body,
    );
}

/// Column headers, in display order.
const HEADERS: [&str; 6] = [
    "Alias",
    "ID",
    "Status",
    "Identity management",
    "Created",
    "Region",
];
const ALIAS: usize = 0;
const ID: usize = 1;
const STATUS: usize = 2;
/// Shown only when listing all regions.
const REGION: usize = 5;
/// The alias shrinks (with an ellipsis) down to this before the ID is shortened.
const ALIAS_MIN: u16 = 12;
/// Other columns are added only when the alias can be this wide (or whole).
const ALIAS_READABLE: u16 = 24;
/// The status shrinks down to this ("CREATION_…") to make room for more columns.
const STATUS_MIN: u16 = 10;

/// Which columns fit in `width` and how wide each is, from the content: alias and ID always
/// (the ID is what admins copy), then status, created and identity management as room
/// allows; in display order. A column is as wide as its widest cell when there is room;
/// the alias and the status may shrink (visibly, with "…") to make room for more columns,
/// and the ID is shortened (in the middle) only when the alias and the ID alone do not fit.
fn fit_columns(table: &[[String; 6]], width: u16, regions: bool) -> (Vec<usize>, Vec<u16>) {
    // The region, when shown, right after what identifies an instance.
    let priority: &[usize] = if regions {
        &[ALIAS, ID, REGION, STATUS, 4, 3]
    } else {
        &[ALIAS, ID, STATUS, 4, 3]
    };
    let natural: Vec<u16> = (0..HEADERS.len())
        .map(|c| {
            let widest = table.iter().map(|row| row[c].width()).max().unwrap_or(0);
            u16::try_from(widest.max(HEADERS[c].width())).unwrap_or(u16::MAX)
        })
        .collect();
    let minimum = |c: usize| match c {
        ALIAS => natural[c].min(ALIAS_MIN),
        STATUS => natural[c].min(STATUS_MIN),
        _ => natural[c],
    };
    let mut chosen = vec![ALIAS, ID];
    let mut used = minimum(ALIAS) + 1 + natural[ID];
    // More columns only once the alias (what admins recognise an instance by) is readable.
    let alias_readable = natural[ALIAS].min(ALIAS_READABLE) - minimum(ALIAS);
    for column in priority[2..].iter().copied() {
        let needed = used + alias_readable + minimum(column) + 1;
        if needed <= width {
            chosen.push(column);
            used += minimum(column) + 1;
        }
    }
    if used > width {
        // Not even the alias's minimum beside the whole ID: they share what there is
        // (`y` copies the whole ID).
        let alias = (width / 2).min(natural[ALIAS]);
        return (chosen, vec![alias, width.saturating_sub(alias + 1)]);
    }
    // Grow the shrinkable columns back towards their natural width, alias first.
    let mut spare = width - used;
    let mut widths = Vec::new();
    chosen.sort_unstable();
    for column in [ALIAS, STATUS] {
        let grow = natural[column].saturating_sub(minimum(column)).min(spare);
        spare -= grow;
        widths.push((column, minimum(column) + grow));
    }
    let widths = chosen
        .iter()
        .map(|c| {
            widths
                .iter()
                .find(|(column, _)| column == c)
                .map_or(natural[*c], |(_, w)| *w)
        })
        .collect();
    (chosen, widths)
}

fn empty_message(app: &App, keys: &KeyMap) -> Vec<Line<'static>> {
    let t = app.theme;
    let picker = &app.picker;
    if let Some(error) = &picker.error {
        return vec![
            Line::styled(safe(&error.human()), t.error()),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(keys.label_for(Action::Retry, Mode::Picker), t.key()),
                Span::raw(" to retry, "),
                Span::styled(keys.label_for(Action::Quit, Mode::Picker), t.key()),
                Span::raw(" to quit"),
            ]),
        ];
    }
    if picker.loading {
        return vec![Line::from(vec![
            Span::styled(theme::spinner(app.spinner_frame()), t.key()),
            Span::raw(" Listing instances…"),
        ])];
    }
    vec![
        Line::raw(format!(
            "No Amazon Connect instances in region {} for profile {}.",
            safe(&app.config.region),
            safe(app.profile_label())
        )),
        Line::raw("Check --profile and --region (or AWS_PROFILE / AWS_REGION), and that"),
        Line::raw("`aws connect list-instances` lists them with the same settings."),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Vec<[String; 6]> {
        let row = |alias: &str, status: &str| {
            [
                alias.to_string(),
                "40c83b68-ea62-414c-97bb-d018e39e158e".to_string(),
                status.to_string(),
                "CONNECT_MANAGED".to_string(),
                "2019-06-03 17:04".to_string(),
                "us-east-1".to_string(),
            ]
        };
        vec![
            row("anycompany-support", "ACTIVE"),
            row("anycompany-lab", "CREATION_IN_PROGRESS"),
        ]
    }

    #[test]
    fn listing_all_regions_shows_the_region_right_after_the_id() {
        let (columns, _) = fit_columns(&table(), 118, true);
        assert_eq!(columns, vec![0, 1, 2, 3, 4, 5]);
        let (columns, _) = fit_columns(&table(), 78, true);
        assert_eq!(&columns[..3], &[0, 1, 2], "{columns:?}");
        assert!(columns.contains(&REGION), "{columns:?}");
        let (single, _) = fit_columns(&table(), 118, false);
        assert!(!single.contains(&REGION));
    }

    #[test]
    fn columns_are_as_wide_as_their_content_when_there_is_room() {
        let (columns, widths) = fit_columns(&table(), 118, false);
        assert_eq!(columns, vec![0, 1, 2, 3, 4]);
        assert_eq!(widths[2], "CREATION_IN_PROGRESS".len() as u16);
        assert_eq!(widths[0], "anycompany-support".len() as u16);
    }

    #[test]
    fn narrow_pickers_keep_alias_and_id_whole_while_they_fit() {
        let (columns, widths) = fit_columns(&table(), 50, false);
        assert_eq!(columns, vec![0, 1]);
        assert_eq!(widths[1], 36);
        assert!(widths[0] >= ALIAS_MIN, "{widths:?}");
    }

    #[test]
    fn at_80_columns_the_alias_and_status_stay_whole_and_created_gives_way() {
        let (columns, widths) = fit_columns(&table(), 78, false);
        assert_eq!(columns, vec![0, 1, 2]);
        assert_eq!(widths, vec![18, 36, 20]);
        // A little narrower: the status shrinks before the alias does.
        let (columns, widths) = fit_columns(&table(), 70, false);
        assert_eq!(columns, vec![0, 1, 2]);
        assert_eq!(widths, vec![18, 36, 14]);
    }

    #[test]
    fn tiny_pickers_share_the_room_between_alias_and_id() {
        let (columns, widths) = fit_columns(&table(), 30, false);
        assert_eq!(columns, vec![0, 1]);
        assert_eq!(widths.iter().sum::<u16>() + 1, 30);
    }
}
