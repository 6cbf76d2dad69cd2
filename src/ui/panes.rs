//! The detail panes of the selected user: Identity, Phone, Routing, Security profiles, Tags,
//! Record.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::{
    Action, App, Focus, Load, Lookup, Mode, NameKind, PaneId, PathState, RecordState, Theme,
    UsersScreen,
};
use crate::connect::{ApiError, ErrorKind};
use crate::keys::KeyMap;
use crate::model::{User, UserSummary};

use super::fields::{Cell, Field, PaneText};
use super::live_panes;
use super::text::{acw, safe, time, value, yes_no};
use super::theme;

/// Draws `pane`; returns how many lines of content it has (scrolling is bounded by them).
pub fn draw(frame: &mut Frame, app: &App, keys: &KeyMap, pane: PaneId, area: Rect) -> usize {
    let t = app.theme;
    let Some(b) = app.users.as_ref() else {
        return 0;
    };
    let focused = b.focus == Focus::Pane(pane);
    let text = content(app, keys, pane, inner_width(area));
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(focused))
        .title(Span::styled(format!(" {} ", pane.title()), t.title()));
    if text.shortened {
        block = block.title_bottom(Line::from(vec![
            Span::styled(" … ", t.dim()),
            Span::styled(keys.label_for(Action::CopyMenu, Mode::Users), t.key()),
            Span::styled(" copies in full ", t.dim()),
        ]));
    }
    if focused && let Some(what) = enter_does(pane) {
        block = block.title(
            Line::from(vec![
                Span::styled(keys.label_for(Action::Confirm, Mode::Users), t.key()),
                Span::styled(format!(" {what} "), t.dim()),
            ])
            .right_aligned(),
        );
    }
    let scroll = if focused { b.pane_scroll } else { 0 };
    let hidden = text
        .lines
        .len()
        .saturating_sub(usize::from(scroll) + usize::from(area.height.saturating_sub(2)));
    if hidden > 0 {
        // Lines below the pane: say so, and how to reach them.
        let hint = if focused {
            format!(" ↓ {hidden} more ")
        } else {
            format!(
                " ↓ {hidden} more: {} here, {} scrolls ",
                keys.label_for(Action::FocusNext, Mode::Users),
                keys.label_for(Action::Down, Mode::Users)
            )
        };
        block = block.title_bottom(Line::styled(hint, t.dim()).right_aligned());
    }
    let lines = text.lines.len();
    frame.render_widget(
        Paragraph::new(text.lines).block(block).scroll((scroll, 0)),
        area,
    );
    lines
}

/// What Enter does in a focused pane, where it does more than focus it.
fn enter_does(pane: PaneId) -> Option<&'static str> {
    match pane {
        PaneId::Routing => Some("users with…"),
        PaneId::Security => Some("permissions"),
        _ => None,
    }
}

/// Columns inside a pane's borders.
pub fn inner_width(area: Rect) -> usize {
    usize::from(area.width.saturating_sub(2))
}

/// The lines of `pane` for the selected user, fitted to `width` columns.
pub fn content(app: &App, keys: &KeyMap, pane: PaneId, width: usize) -> PaneText {
    let t = app.theme;
    let mut text = PaneText::new(width, app.theme);
    let Some(b) = app.users.as_ref() else {
        return text;
    };
    let Some(summary) = b.selected_user() else {
        let message = if b.list.loading {
            "Waiting for the user list…"
        } else {
            "No user selected"
        };
        text.line(Line::styled(message, t.dim()));
        return text;
    };
    if pane == PaneId::Record {
        // The summary already has what this pane shows: no need to wait for DescribeUser.
        record(app, &summary, b.selected_record(), &mut text);
        return text;
    }
    let user_id = summary.id.as_deref().unwrap_or_default();
    if pane == PaneId::Status {
        // Live state needs no DescribeUser either; the "why not" statements wait for it.
        live_panes::status(app, b, user_id, b.selected_record(), &mut text);
        return text;
    }
    match b.records.state(user_id) {
        RecordState::Waiting => text.line(Line::from(vec![
            Span::styled(theme::spinner(app.spinner_frame()), t.key()),
            Span::raw(format!(
                " Loading {}…",
                safe(summary.username.as_deref().unwrap_or(user_id))
            )),
        ])),
        RecordState::Failed(error) => failure(error, keys, &mut text),
        RecordState::Loaded(user) => match pane {
            PaneId::Identity => identity(user, &mut text),
            PaneId::Phone => phone(user, &mut text),
            PaneId::Routing => routing(b, user, &mut text),
            PaneId::Security => security(b, user, &mut text),
            PaneId::Tags => tags(user, &mut text),
            PaneId::Queues => live_panes::queues(app, b, user, &mut text),
            PaneId::Record | PaneId::Status => {}
        },
    }
    text
}

fn record(app: &App, summary: &UserSummary, record: Option<&User>, text: &mut PaneText) {
    let t = text.theme;
    let arn = summary
        .arn
        .as_deref()
        .or(record.and_then(|r| r.arn.as_deref()));
    let modified = summary
        .last_modified_time
        .or(record.and_then(|r| r.last_modified_time));
    let region = summary
        .last_modified_region
        .as_deref()
        .or(record.and_then(|r| r.last_modified_region.as_deref()));
    text.fields(&[
        Field::copyable("User ID", value(&t, summary.id.as_deref())),
        Field::copyable("ARN", value(&t, arn)),
        Field::text("Last modified", vec![time(&t, modified, app.config.zone)]),
        Field::text("Region", vec![value(&t, region)]),
    ]);
}

fn failure(error: &ApiError, keys: &KeyMap, text: &mut PaneText) {
    let t = text.theme;
    text.line(Line::styled(safe(&error.human()), t.error()));
    if error.is_retryable() {
        text.line(Line::from(vec![
            Span::raw("Press "),
            Span::styled(keys.label_for(Action::Retry, Mode::Users), t.key()),
            Span::raw(" to retry"),
        ]));
    }
}

fn identity(user: &User, text: &mut PaneText) {
    let t = text.theme;
    let info = user.identity_info.as_ref();
    let info_value = |get: fn(&crate::model::UserIdentityInfo) -> Option<&String>| {
        vec![value(&t, info.and_then(get).map(String::as_str))]
    };
    text.fields(&[
        Field::text("Username", vec![value(&t, user.username.as_deref())]),
        Field::text("First name", info_value(|i| i.first_name.as_ref())),
        Field::text("Last name", info_value(|i| i.last_name.as_ref())),
        Field::text("Email", info_value(|i| i.email.as_ref())),
        Field::text(
            "Secondary email",
            info_value(|i| i.secondary_email.as_ref()),
        ),
        Field::text("Mobile", info_value(|i| i.mobile.as_ref())),
        Field::copyable("Directory ID", value(&t, user.directory_user_id.as_deref())),
    ]);
}

fn phone(user: &User, text: &mut PaneText) {
    let t = text.theme;
    let config = user.phone_config.as_ref();
    text.fields(&[
        Field::text(
            "Phone type",
            vec![value(&t, config.and_then(|c| c.phone_type.as_deref()))],
        ),
        Field::text(
            "Auto-accept",
            vec![yes_no(&t, config.and_then(|c| c.auto_accept))],
        ),
        Field::text(
            "ACW limit",
            vec![acw(
                &t,
                config.and_then(|c| c.after_contact_work_time_limit),
            )],
        ),
        Field::text(
            "Desk phone",
            vec![value(
                &t,
                config.and_then(|c| c.desk_phone_number.as_deref()),
            )],
        ),
        Field::text(
            "Persistent conn.",
            vec![yes_no(&t, config.and_then(|c| c.persistent_connection))],
        ),
    ]);
    let rows = channel_rows(&t, user);
    if !rows.is_empty() {
        text.line(Line::raw(""));
        text.table(
            &[
                ("Channel", Cell::Text),
                ("Auto-accept", Cell::Text),
                ("ACW", Cell::Text),
                ("Phone number", Cell::Text),
                ("Persistent", Cell::Text),
                ("Voice enh.", Cell::Text),
            ],
            &rows,
        );
    }
}

/// One row per channel named in any per-channel configuration, in first-seen order.
fn channel_rows(t: &Theme, user: &User) -> Vec<Vec<String>> {
    let auto = user.auto_accept_configs.as_deref().unwrap_or_default();
    let acws = user
        .after_contact_work_configs
        .as_deref()
        .unwrap_or_default();
    let numbers = user.phone_number_configs.as_deref().unwrap_or_default();
    let persistent = user
        .persistent_connection_configs
        .as_deref()
        .unwrap_or_default();
    let voice = user
        .voice_enhancement_configs
        .as_deref()
        .unwrap_or_default();
    let mut channels: Vec<&str> = Vec::new();
    let all = auto
        .iter()
        .map(|c| &c.channel)
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
                flag(
                    auto.iter()
                        .find(|c| is(&c.channel))
                        .and_then(|c| c.auto_accept),
                ),
                acw(t, acw_secs).content.into_owned(),
                text(
                    numbers
                        .iter()
                        .find(|c| is(&c.channel))
                        .and_then(|c| c.phone_number.as_ref()),
                ),
                flag(
                    persistent
                        .iter()
                        .find(|c| is(&c.channel))
                        .and_then(|c| c.persistent_connection),
                ),
                text(
                    voice
                        .iter()
                        .find(|c| is(&c.channel))
                        .and_then(|c| c.voice_enhancement_mode.as_ref()),
                ),
            ]
        })
        .collect()
}

/// The name of `id` from a name listing, or why it is not shown.
fn name_span(t: &Theme, lookup: Lookup<'_>) -> Span<'static> {
    match lookup {
        Lookup::Known(name) => Span::styled(safe(name), t.title()),
        Lookup::Pending => Span::styled("(loading name…)", t.dim()),
        Lookup::Unavailable(error) => {
            Span::styled(format!("(name unavailable: {})", why(error)), t.error())
        }
        Lookup::Missing => Span::styled("(unknown)", t.dim()),
    }
}

fn why(error: &ApiError) -> String {
    match error.kind {
        ErrorKind::AccessDenied => format!("access denied to {}", error.operation),
        _ => safe(&error.human()),
    }
}

fn routing(b: &UsersScreen, user: &User, text: &mut PaneText) {
    let t = text.theme;
    let mut fields = Vec::new();
    match user.routing_profile_id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => {
            fields.push(Field::text(
                "Routing profile",
                vec![name_span(&t, b.names.lookup(NameKind::RoutingProfiles, id))],
            ));
            fields.push(Field::copyable("  ID", value(&t, Some(id))));
        }
        None => fields.push(Field::text("Routing profile", vec![value(&t, None)])),
    }
    match user.hierarchy_group_id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => {
            fields.push(Field::text(
                "Hierarchy group",
                vec![name_span(&t, b.names.lookup(NameKind::HierarchyGroups, id))],
            ));
            fields.push(Field::text("  Path", path_spans(&t, b.names.path(id))));
            fields.push(Field::copyable("  ID", value(&t, Some(id))));
        }
        None => fields.push(Field::text("Hierarchy group", vec![value(&t, None)])),
    }
    text.fields(&fields);
}

fn path_spans(t: &Theme, path: PathState<'_>) -> Vec<Span<'static>> {
    match path {
        PathState::Pending => vec![Span::styled("(loading path…)", t.dim())],
        PathState::Failed(error) => vec![Span::styled(
            format!("(path unavailable: {})", why(error)),
            t.error(),
        )],
        PathState::Known(levels) => {
            let mut spans = Vec::new();
            for (i, (level, group)) in levels.iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled(" › ", t.dim()));
                }
                // A no-break space keeps "Team: Billing" together when the path wraps.
                spans.push(Span::styled(format!("{}:\u{a0}", safe(level)), t.label()));
                spans.push(Span::raw(safe(group)));
            }
            spans
        }
    }
}

fn security(b: &UsersScreen, user: &User, text: &mut PaneText) {
    let t = text.theme;
    let ids = user.security_profile_ids.as_deref().unwrap_or_default();
    if ids.is_empty() {
        text.line(Line::styled("No security profiles", t.dim()));
        return;
    }
    if let Load::Failed(error) = &b.names.list(NameKind::SecurityProfiles).load {
        text.line(Line::styled(
            format!("Names unavailable: {}", why(error)),
            t.error(),
        ));
    }
    let rows: Vec<Vec<String>> = ids
        .iter()
        .map(|id| {
            let name = match b.names.lookup(NameKind::SecurityProfiles, id) {
                Lookup::Known(name) => safe(name),
                Lookup::Pending => "…".to_string(),
                Lookup::Unavailable(_) | Lookup::Missing => "?".to_string(),
            };
            vec![name, safe(id)]
        })
        .collect();
    text.table(&[("Name", Cell::Name), ("ID", Cell::Id)], &rows);
}

fn tags(user: &User, text: &mut PaneText) {
    let t = text.theme;
    let tags = user.tags.clone().unwrap_or_default();
    if tags.is_empty() {
        text.line(Line::styled("No tags", t.dim()));
        return;
    }
    let rows: Vec<Vec<String>> = tags.iter().map(|(k, v)| vec![safe(k), safe(v)]).collect();
    text.table(&[("Key", Cell::Text), ("Value", Cell::Text)], &rows);
}
