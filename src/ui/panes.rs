//! The detail panes of the selected user: Identity, Phone, Routing, Security profiles, Tags,
//! Record. `content` is shared with `App::update` (it bounds pane scrolling).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::{App, Browser, Focus, Lookup, NameKind, PaneId, PathState, RecordState};
use crate::connect::{ApiError, ErrorKind};
use crate::model::User;

use super::text::{acw, row, safe, table, time, value, yes_no};
use super::theme;

pub fn draw(frame: &mut Frame, app: &App, pane: PaneId, area: Rect) {
    let Some(b) = app.browser.as_ref() else { return };
    let focused = b.focus == Focus::Pane(pane);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::border(focused))
        .title(Span::styled(format!(" {} ", pane.title()), theme::title()));
    let scroll = if focused { b.pane_scroll } else { 0 };
    frame.render_widget(
        Paragraph::new(content(app, pane))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

/// The lines of `pane` for the selected user.
pub fn content(app: &App, pane: PaneId) -> Vec<Line<'static>> {
    let Some(b) = app.browser.as_ref() else {
        return Vec::new();
    };
    let Some(summary) = b.selected_user() else {
        let text = if b.list.loading { "Waiting for the user list…" } else { "No user selected" };
        return vec![Line::styled(text, theme::dim())];
    };
    if pane == PaneId::Record {
        // The summary already has what this pane shows: no need to wait for DescribeUser.
        let record = b.selected_record();
        return vec![
            row("User ID", 13, vec![value(summary.id.as_deref())]),
            row("ARN", 13, vec![value(summary.arn.as_deref().or(record.and_then(|r| r.arn.as_deref())))]),
            row(
                "Last modified",
                13,
                vec![time(summary.last_modified_time.or(record.and_then(|r| r.last_modified_time)), app.config.zone)],
            ),
            row(
                "Region",
                13,
                vec![value(
                    summary
                        .last_modified_region
                        .as_deref()
                        .or(record.and_then(|r| r.last_modified_region.as_deref())),
                )],
            ),
        ];
    }
    let user_id = summary.id.as_deref().unwrap_or_default();
    match b.records.state(user_id) {
        RecordState::Waiting => vec![Line::from(vec![
            Span::styled(theme::spinner(app.spinner_frame()), theme::key()),
            Span::raw(format!(" Loading {}…", safe(summary.username.as_deref().unwrap_or(user_id)))),
        ])],
        RecordState::Failed(error) => failure(error),
        RecordState::Loaded(user) => match pane {
            PaneId::Identity => identity(user),
            PaneId::Phone => phone(user),
            PaneId::Routing => routing(b, user),
            PaneId::Security => security(b, user),
            PaneId::Tags => tags(user),
            PaneId::Record => Vec::new(),
        },
    }
}

fn failure(error: &ApiError) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(safe(&error.human()), theme::error())];
    if error.is_retryable() {
        lines.push(Line::from(vec![
            Span::raw("Press "),
            Span::styled("R", theme::key()),
            Span::raw(" to retry"),
        ]));
    }
    lines
}

fn identity(user: &User) -> Vec<Line<'static>> {
    let info = user.identity_info.as_ref();
    vec![
        row("Username", 15, vec![value(user.username.as_deref())]),
        row("First name", 15, vec![value(info.and_then(|i| i.first_name.as_deref()))]),
        row("Last name", 15, vec![value(info.and_then(|i| i.last_name.as_deref()))]),
        row("Email", 15, vec![value(info.and_then(|i| i.email.as_deref()))]),
        row("Secondary email", 15, vec![value(info.and_then(|i| i.secondary_email.as_deref()))]),
        row("Mobile", 15, vec![value(info.and_then(|i| i.mobile.as_deref()))]),
        row("Directory ID", 15, vec![value(user.directory_user_id.as_deref())]),
    ]
}

fn phone(user: &User) -> Vec<Line<'static>> {
    let config = user.phone_config.as_ref();
    let mut lines = vec![
        row("Phone type", 16, vec![value(config.and_then(|c| c.phone_type.as_deref()))]),
        row("Auto-accept", 16, vec![yes_no(config.and_then(|c| c.auto_accept))]),
        row("ACW limit", 16, vec![acw(config.and_then(|c| c.after_contact_work_time_limit))]),
        row("Desk phone", 16, vec![value(config.and_then(|c| c.desk_phone_number.as_deref()))]),
        row("Persistent conn.", 16, vec![yes_no(config.and_then(|c| c.persistent_connection))]),
    ];
    let rows = channel_rows(user);
    if !rows.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(table(
            &["Channel", "Auto-accept", "ACW", "Phone number", "Persistent", "Voice enh."],
            &rows,
        ));
    }
    lines
}

/// One row per channel named in any per-channel configuration, in first-seen order.
fn channel_rows(user: &User) -> Vec<Vec<String>> {
    let auto = user.auto_accept_configs.as_deref().unwrap_or_default();
    let acws = user.after_contact_work_configs.as_deref().unwrap_or_default();
    let numbers = user.phone_number_configs.as_deref().unwrap_or_default();
    let persistent = user.persistent_connection_configs.as_deref().unwrap_or_default();
    let voice = user.voice_enhancement_configs.as_deref().unwrap_or_default();
    let mut channels: Vec<&str> = Vec::new();
    let all = auto.iter().map(|c| &c.channel)
        .chain(acws.iter().map(|c| &c.channel))
        .chain(numbers.iter().map(|c| &c.channel))
        .chain(persistent.iter().map(|c| &c.channel))
        .chain(voice.iter().map(|c| &c.channel));
    for channel in all.flatten() {
        if !channels.contains(&channel.as_str()) {
            channels.push(channel);
        }
    }
    let text = |v: Option<&String>| v.map_or_else(|| "—".to_string(), |s| safe(s));
    let flag = |v: Option<bool>| match v {
        Some(true) => "yes".to_string(),
        Some(false) => "no".to_string(),
        None => "—".to_string(),
    };
    channels
        .into_iter()
        .map(|ch| {
            let is = |c: &Option<String>| c.as_deref() == Some(ch);
            let acw_secs = acws
                .iter()
                .find(|c| is(&c.channel))
                .and_then(|c| c.after_contact_work_config.as_ref())
                .and_then(|c| c.after_contact_work_time_limit);
            vec![
                safe(ch),
                flag(auto.iter().find(|c| is(&c.channel)).and_then(|c| c.auto_accept)),
                acw(acw_secs).content.into_owned(),
                text(numbers.iter().find(|c| is(&c.channel)).and_then(|c| c.phone_number.as_ref())),
                flag(persistent.iter().find(|c| is(&c.channel)).and_then(|c| c.persistent_connection)),
                text(voice.iter().find(|c| is(&c.channel)).and_then(|c| c.voice_enhancement_mode.as_ref())),
            ]
        })
        .collect()
}

/// The name of `id` from a name listing, or why it is not shown.
fn name_span(lookup: Lookup<'_>) -> Span<'static> {
    match lookup {
        Lookup::Known(name) => Span::styled(safe(name), theme::title()),
        Lookup::Pending => Span::styled("(loading name…)", theme::dim()),
        Lookup::Unavailable(error) => Span::styled(format!("(name unavailable: {})", why(error)), theme::error()),
        Lookup::Missing => Span::styled("(unknown)", theme::dim()),
    }
}

fn why(error: &ApiError) -> String {
    match error.kind {
        ErrorKind::AccessDenied => format!("access denied to {}", error.operation),
        _ => safe(&error.human()),
    }
}

fn routing(b: &Browser, user: &User) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    match user.routing_profile_id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => {
            lines.push(row("Routing profile", 15, vec![name_span(b.names.lookup(NameKind::RoutingProfiles, id))]));
            lines.push(row("  ID", 15, vec![value(Some(id))]));
        }
        None => lines.push(row("Routing profile", 15, vec![value(None)])),
    }
    match user.hierarchy_group_id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => {
            lines.push(row("Hierarchy group", 15, vec![name_span(b.names.lookup(NameKind::HierarchyGroups, id))]));
            lines.push(row("  Path", 15, path_spans(b.names.path(id))));
            lines.push(row("  ID", 15, vec![value(Some(id))]));
        }
        None => lines.push(row("Hierarchy group", 15, vec![value(None)])),
    }
    lines
}

fn path_spans(path: PathState<'_>) -> Vec<Span<'static>> {
    match path {
        PathState::Pending => vec![Span::styled("(loading path…)", theme::dim())],
        PathState::Failed(error) => vec![Span::styled(format!("(path unavailable: {})", why(error)), theme::error())],
        PathState::Known(levels) => {
            let mut spans = Vec::new();
            for (i, (level, group)) in levels.iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled(" › ", theme::dim()));
                }
                spans.push(Span::styled(format!("{}: ", safe(level)), theme::label()));
                spans.push(Span::raw(safe(group)));
            }
            spans
        }
    }
}

fn security(b: &Browser, user: &User) -> Vec<Line<'static>> {
    let ids = user.security_profile_ids.as_deref().unwrap_or_default();
    if ids.is_empty() {
        return vec![Line::styled("No security profiles", theme::dim())];
    }
    let rows: Vec<Vec<String>> = ids
        .iter()
        .map(|id| {
            let name = name_span(b.names.lookup(NameKind::SecurityProfiles, id));
            vec![name.content.into_owned(), safe(id)]
        })
        .collect();
    table(&["Name", "ID"], &rows)
}

fn tags(user: &User) -> Vec<Line<'static>> {
    let tags = user.tags.clone().unwrap_or_default();
    if tags.is_empty() {
        return vec![Line::styled("No tags", theme::dim())];
    }
    let rows: Vec<Vec<String>> = tags.iter().map(|(k, v)| vec![safe(k), safe(v)]).collect();
    table(&["Key", "Value"], &rows)
}
