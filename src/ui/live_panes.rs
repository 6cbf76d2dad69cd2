//! The record's live and routing panes: Status (live state, the "why not" statements, free
//! slots, contacts in progress) and Queues (the routing profile's concurrency, default
//! outbound queue and queues, and the user's proficiencies).

use ratatui::text::{Line, Span};

use crate::app::why_not::{self, Facts};
use crate::app::{Agent, App, Lookup, NameKind, Paged, UsersScreen, is_after_contact_work};
use crate::model::{ChannelCounts, User};

use super::fields::{Cell, Field, PaneText};
use super::text::safe;
use super::theme;

/// The Status pane of `user_id` (`record`: its DescribeUser, once arrived).
pub fn status(
    app: &App,
    b: &UsersScreen,
    user_id: &str,
    record: Option<&User>,
    text: &mut PaneText,
) {
    let t = text.theme;
    let agent = b.live.agent(user_id);
    let mut fields = vec![Field::text("Status", status_spans(app, b, agent))];
    if let Some(user) = record {
        let profile = routing_profile(b, user);
        let queues = profile_queues(b, user);
        let statements = why_not::statements(&Facts {
            agent,
            status_type: agent
                .and_then(Agent::data)
                .and_then(|d| d.status.as_ref()?.status_name.as_deref())
                .and_then(|name| b.live.status_type(name)),
            user,
            profile,
            queues,
            queue_name: &|id| match b.names.lookup(NameKind::Queues, id) {
                Lookup::Known(name) => Some(name.to_string()),
                _ => None,
            },
            zone: app.config.zone,
        });
        if !statements.is_empty() {
            fields.push(Field::text(
                "Why",
                vec![Span::styled(statements.join(" · "), t.title())],
            ));
        }
    }
    let data = agent.and_then(Agent::data);
    if let Some(data) = data {
        let free = data.available_slots_by_channel.clone().unwrap_or_default();
        let max = data.max_slots_by_channel.clone().unwrap_or_default();
        if !max.is_empty() {
            fields.push(Field::text(
                "Slots free",
                vec![Span::raw(slots(&free, &max))],
            ));
        }
        if let Some(next) = data.next_status.as_deref() {
            fields.push(Field::text("Next status", vec![Span::raw(safe(next))]));
        }
    }
    text.fields(&fields);
    let contacts = data.and_then(|d| d.contacts.as_deref()).unwrap_or_default();
    if contacts.is_empty() {
        return;
    }
    let now = agent.and_then(|a| a.epoch_at(app.now));
    let profile_listing = record
        .and_then(|u| u.routing_profile_id.as_deref())
        .and_then(|id| b.data.queues(id));
    let rows: Vec<Vec<String>> = contacts
        .iter()
        .map(|c| {
            let state = if is_after_contact_work(c) {
                "ACW".to_string()
            } else {
                safe(c.agent_contact_state.as_deref().unwrap_or("—"))
            };
            let queue = c.queue.as_ref().and_then(|q| q.id.as_deref());
            let since = c.state_start_timestamp.or(c.connected_to_agent_timestamp);
            let held = match (now, since) {
                (Some(now), Some(since)) => duration(now - since.0),
                _ => "—".to_string(),
            };
            vec![
                safe(c.channel.as_deref().unwrap_or("—")),
                state,
                queue.map_or_else(|| "—".to_string(), |id| queue_name(b, profile_listing, id)),
                held,
            ]
        })
        .collect();
    text.line(Line::raw(""));
    text.table(
        &[
            ("Channel", Cell::Text),
            ("State", Cell::Text),
            ("Queue", Cell::Name),
            ("For", Cell::Text),
        ],
        &rows,
    );
}

/// "Available for 8m 12s", or why there is nothing to show.
fn status_spans(app: &App, b: &UsersScreen, agent: Option<&Agent>) -> Vec<Span<'static>> {
    let t = app.theme;
    let mut spans = match agent {
        _ if app.config.live_interval.is_none() => {
            return vec![Span::styled("live status off (--live-interval 0)", t.dim())];
        }
        None => vec![
            Span::styled(theme::spinner(app.spinner_frame()), t.key()),
            Span::styled(" waiting for live status…", t.dim()),
        ],
        Some(Agent::LoggedOut) => vec![Span::raw("Not logged in")],
        Some(agent @ Agent::In { data, .. }) => {
            let status = data.status.as_ref();
            let name = status.and_then(|s| s.status_name.as_deref()).unwrap_or("?");
            let held = match (
                agent.epoch_at(app.now),
                status.and_then(|s| s.status_start_timestamp),
            ) {
                (Some(now), Some(since)) => format!(
                    " for {} (since {})",
                    duration(now - since.0),
                    why_not::clock(since, app.config.zone)
                ),
                _ => String::new(),
            };
            vec![Span::styled(safe(name), t.title()), Span::raw(held)]
        }
    };
    if let Some(error) = &b.live.stale {
        spans.push(Span::styled(
            format!(
                " · stale: the last refresh failed ({})",
                safe(&error.human())
            ),
            t.error(),
        ));
    }
    spans
}

/// "VOICE 0 of 1 · CHAT 2 of 2".
fn slots(free: &ChannelCounts, max: &ChannelCounts) -> String {
    max.iter()
        .map(|(channel, limit)| {
            let available = free.get(channel).copied().unwrap_or(0);
            format!("{} {available} of {limit}", safe(channel))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `1h 02m`, `8m 12s`, `42s`.
fn duration(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m {:02}s", s / 60, s % 60),
        _ => format!("{}h {:02}m", s / 3600, s % 3600 / 60),
    }
}

fn routing_profile<'a>(
    b: &'a UsersScreen,
    user: &User,
) -> Option<&'a crate::model::RoutingProfile> {
    let id = user.routing_profile_id.as_deref()?;
    b.data.profile(id)?.items.first()
}

fn profile_queues<'a>(
    b: &'a UsersScreen,
    user: &User,
) -> Option<&'a [crate::model::RoutingProfileQueueConfigSummary]> {
    let listing = b.data.queues(user.routing_profile_id.as_deref()?)?;
    listing.is_done().then_some(listing.items.as_slice())
}

/// A queue's name: ListQueues's, else the profile listing's, else its ID.
fn queue_name(
    b: &UsersScreen,
    listing: Option<&Paged<crate::model::RoutingProfileQueueConfigSummary>>,
    id: &str,
) -> String {
    if let Lookup::Known(name) = b.names.lookup(NameKind::Queues, id) {
        return safe(name);
    }
    let from_profile = listing
        .and_then(|l| l.items.iter().find(|q| q.queue_id.as_deref() == Some(id)))
        .and_then(|q| q.queue_name.as_deref());
    safe(from_profile.unwrap_or(id))
}

/// The Queues pane of `user`.
pub fn queues(app: &App, b: &UsersScreen, user: &User, text: &mut PaneText) {
    let t = app.theme;
    let Some(profile_id) = user.routing_profile_id.as_deref().filter(|s| !s.is_empty()) else {
        text.line(Line::styled("No routing profile", t.dim()));
        return;
    };
    let mut fields = Vec::new();
    match b.data.profile(profile_id) {
        Some(p) if p.is_done() => {
            if let Some(profile) = p.items.first() {
                let concurrency = profile
                    .media_concurrencies
                    .as_deref()
                    .unwrap_or_default()
                    .iter()
                    .map(|m| {
                        format!(
                            "{} {}",
                            safe(m.channel.as_deref().unwrap_or("?")),
                            m.concurrency.unwrap_or(0)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" · ");
                fields.push(Field::text("Concurrency", vec![Span::raw(concurrency)]));
                let outbound = profile.default_outbound_queue_id.as_deref().map_or_else(
                    || "—".to_string(),
                    |id| queue_name(b, b.data.queues(profile_id), id),
                );
                fields.push(Field::text("Default outbound", vec![Span::raw(outbound)]));
            }
        }
        Some(Paged {
            load: crate::app::Load::Failed(e),
            ..
        }) => {
            fields.push(Field::text(
                "Profile",
                vec![Span::styled(safe(&e.human()), t.error())],
            ));
        }
        _ => fields.push(Field::text(
            "Profile",
            vec![Span::styled("loading…", t.dim())],
        )),
    }
    text.fields(&fields);
    text.line(Line::raw(""));
    listing(b.data.queues(profile_id), text, "queues", |items| {
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|q| {
                let id = q.queue_id.as_deref().unwrap_or_default();
                vec![
                    q.queue_name
                        .as_deref()
                        .map_or_else(|| queue_name(b, None, id), safe),
                    safe(q.channel.as_deref().unwrap_or("—")),
                    q.priority.map_or_else(|| "—".into(), |p| p.to_string()),
                    q.delay.map_or_else(|| "—".into(), |d| format!("{d} s")),
                ]
            })
            .collect();
        (
            vec![
                ("Queue", Cell::Name),
                ("Channel", Cell::Text),
                ("Priority", Cell::Text),
                ("Delay", Cell::Text),
            ],
            rows,
        )
    });
    text.line(Line::raw(""));
    text.line(Line::styled("Proficiencies", t.header()));
    let user_id = user.id.as_deref().unwrap_or_default();
    listing(
        b.data.proficiencies(user_id),
        text,
        "proficiencies",
        |items| {
            let rows = items
                .iter()
                .map(|p| {
                    vec![
                        safe(p.attribute_name.as_deref().unwrap_or("—")),
                        safe(p.attribute_value.as_deref().unwrap_or("—")),
                        p.level.map_or_else(|| "—".into(), |l| format!("{l}")),
                    ]
                })
                .collect();
            (
                vec![
                    ("Attribute", Cell::Name),
                    ("Value", Cell::Name),
                    ("Level", Cell::Text),
                ],
                rows,
            )
        },
    );
}

type Columns = Vec<(&'static str, Cell)>;

/// A listing as a table, or where it got to: loading, failed, empty.
fn listing<T>(
    paged: Option<&Paged<T>>,
    text: &mut PaneText,
    what: &str,
    table: impl FnOnce(&[T]) -> (Columns, Vec<Vec<String>>),
) {
    let t = text.theme;
    match paged {
        Some(p) if p.is_done() && p.items.is_empty() => {
            text.line(Line::styled(format!("No {what}"), t.dim()));
        }
        Some(p) if p.is_done() => {
            let (columns, rows) = table(&p.items);
            text.table(&columns, &rows);
        }
        Some(Paged {
            load: crate::app::Load::Failed(e),
            ..
        }) => {
            text.line(Line::styled(safe(&e.human()), t.error()));
        }
        _ => text.line(Line::styled(format!("Loading {what}…"), t.dim())),
    }
}
