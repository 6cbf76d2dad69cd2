//! The application state and its one entry point, [`App::update`]: a message and the current
//! time in, state changed and effects ([`Cmd`]) out. No IO, no clocks, no channels here, so
//! every behaviour is tested by feeding messages (see `tests.rs`).

mod action;
mod answers;
mod command_line;
mod commands;
mod connection;
mod copy;
mod cursor;
mod drawn;
pub mod export;
mod filter;
mod group_listing;
mod input;
pub mod layout;
mod live;
mod marks;
mod membership;
mod msg;
mod names;
mod paged;
pub mod permissions;
mod picker;
mod polling;
mod record_cache;
mod record_data;
mod sweep;
pub mod table;
mod theme;
mod user_details;
mod user_list;
mod user_row;
mod users_screen;
mod users_with;
pub mod why_not;

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
pub(crate) mod fixtures_live;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use action::{Action, Mode};
pub use copy::{CopyItem, CopySource};
pub use cursor::Cursor;
pub use drawn::Drawn;
pub use filter::{Filter, Searchable, SyntaxError, syntax::parse as parse_filter};
pub use live::{Agent, DEFAULT_LIVE_INTERVAL, Live, MAX_BACKOFF, is_after_contact_work};
pub use msg::{
    Answer, Call, Cmd, Connection, FilterEdit, LiveReply, Msg, NameKind, Reply, Request, Scope,
};
pub use names::{GROUP_SEARCH_DENIED, Load, Lookup, Names, NextGroups, PathState};
pub use paged::Paged;
pub use picker::{Picker, PickerRow, region_of};
pub use record_cache::{DEBOUNCE, RecordState};
pub use sweep::{Sweep, SweepState};
pub use theme::{ColorOverrides, Role, Theme, ThemeName};
pub use user_list::UserList;
pub use user_row::UserRow;
pub use users_screen::{Focus, PaneId, UsersScreen};

use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use crate::connect::{CONNECT_REGIONS, ErrorKind};

use answers::push_calls;
use command_line::CommandLine;
pub use command_line::{COMMANDS, CommandSpec};
pub use membership::{MemberRow, Membership, MembershipView};
pub use users_with::{CameFrom, UsersWithItem, items as users_with_items};

/// How long the "throttled" notice stays after the last throttled answer.
pub const THROTTLE_NOTICE: Duration = Duration::from_secs(10);
/// Frame interval of the loading indicator (the only periodic redraw, and only while loading).
pub const SPINNER_FRAME: Duration = Duration::from_millis(100);

/// Which time zone times are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    Local,
    /// A fixed offset (tests and snapshots use UTC).
    Fixed(chrono::FixedOffset),
}

/// What the app is told at start.
#[derive(Clone, Debug)]
pub struct AppConfig {
    pub profile: Option<String>,
    /// `--demo`: the built-in demo endpoint; the status bar says "demo", not a profile.
    pub demo: bool,
    pub region: String,
    /// Open this instance directly (an instance ID, already parsed from ID or ARN).
    pub instance_id: Option<String>,
    pub zone: Zone,
    /// `--theme`, or `mono` when `NO_COLOR` is set.
    pub theme: ThemeName,
    /// Where Ctrl-S writes the table (absolute where it could be resolved).
    pub export_dir: std::path::PathBuf,
    /// `--all-regions`: the picker lists every region where Connect is offered.
    pub all_regions: bool,
    /// `NO_COLOR` is set: `:theme` keeps colours off.
    pub no_color: bool,
    /// The AWS profiles `:profile` completes with.
    pub profiles: Vec<String>,
    /// The `:` history saved by earlier runs, oldest first.
    pub history: Vec<String>,
    /// The users table's columns, in order (the config file's `[table] columns`; default
    /// all). As many as fit are shown.
    pub columns: Vec<table::Column>,
    /// The users table's sort when an instance opens (`[table] sort`).
    pub sort: Option<table::Sort>,
    /// The config file's `[colors]`, patched over the theme.
    pub colors: ColorOverrides,
    /// `--live-interval`: how often live agent state is refreshed (`None`: never).
    pub live_interval: Option<Duration>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Picker,
    Users,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The `:` command line (its text is [`App::command_line`]).
    Command,
    Help {
        scroll: u16,
    },
    CopyMenu {
        selected: usize,
    },
    /// The selected user's permissions; `editing` while typing its `/` filter.
    Permissions {
        scroll: u16,
        editing: bool,
    },
    /// "Users with…" the selected user's routing profile, security profiles or group.
    UsersWith {
        selected: usize,
    },
}

/// How long a message stays in the status bar (errors a little longer), as in k9s: long
/// enough to read, gone before it misleads ("Refreshing…" long after it finished).
pub const NOTICE: Duration = Duration::from_secs(5);
pub const ERROR_NOTICE: Duration = Duration::from_secs(10);

/// The last message of the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    /// Shown until then.
    pub until: Instant,
}

#[derive(Debug)]
pub struct App {
    pub config: AppConfig,
    pub screen: Screen,
    pub picker: Picker,
    /// The users screen of the open instance (kept while the picker is shown, so going back
    /// to the same instance is instant).
    pub users: Option<UsersScreen>,
    pub overlay: Overlay,
    /// What `/` typed in the permissions overlay.
    pub permissions_filter: String,
    pub notice: Option<Notice>,
    /// Until when the "throttled" notice shows.
    pub throttled_until: Option<Instant>,
    /// Throttled answers seen so far (retried ones included).
    pub throttled_total: u64,
    /// The generation of the `:profile` / `:region` switch under way.
    pub connecting: Option<u64>,
    /// A `:rp` / `:sp` / `:groups` view over the users screen.
    pub view: Option<MembershipView>,
    /// The `:` line being typed (shown while [`Overlay::Command`]).
    pub command_line: CommandLine,
    /// `:` commands run, oldest first (this run's and the saved ones).
    pub history: Vec<String>,
    /// Requests sent and not yet answered (stale ones included: they still use the network).
    pub in_flight: usize,
    /// Terminal size.
    pub size: (u16, u16),
    /// What the last frame measured.
    drawn: Drawn,
    /// The colours drawing uses.
    pub theme: Theme,
    /// The terminal has focus (as far as it reports focus changes): live polling pauses
    /// while it has not.
    pub focused: bool,
    /// The time of the latest update; drawing reads it for the spinner and notices.
    pub now: Instant,
    started: Instant,
    generation: u64,
}

impl App {
    /// The initial state and the requests to send at start.
    pub fn new(config: AppConfig, size: (u16, u16), now: Instant) -> (App, Vec<Cmd>) {
        let theme = Theme::with_overrides(config.theme, &config.colors);
        let history = config.history.clone();
        let mut app = App {
            config,
            screen: Screen::Picker,
            picker: Picker::loading(1),
            users: None,
            overlay: Overlay::None,
            permissions_filter: String::new(),
            notice: None,
            throttled_until: None,
            throttled_total: 0,
            in_flight: 0,
            size,
            drawn: Drawn::default(),
            theme,
            focused: true,
            now,
            started: now,
            generation: 1,
            connecting: None,
            view: None,
            command_line: CommandLine::default(),
            history,
        };
        let mut cmds = Vec::new();
        app.list_instances(1, &mut cmds);
        if let Some(instance_id) = app.config.instance_id.clone() {
            app.open_instance(instance_id, None, &mut cmds);
        }
        app.in_flight = cmds.len();
        (app, cmds)
    }

    /// Handles one message at time `now`; returns the effects to run.
    pub fn update(&mut self, msg: Msg, now: Instant) -> Vec<Cmd> {
        self.now = now;
        let mut cmds = Vec::new();
        match msg {
            Msg::Action(action) => self.on_action(action, &mut cmds),
            Msg::FilterEdit(edit) if self.overlay == Overlay::Command => self.on_command_edit(edit),
            Msg::FilterEdit(edit) => self.on_filter_edit(edit),
            Msg::Resize { width, height } => self.on_resize(width, height),
            Msg::Click { column, row } => self.on_click(column, row),
            Msg::Wheel { column, row, down } => self.on_wheel(column, row, down),
            Msg::Tick => {}
            Msg::Focus(focused) => self.focused = focused,
            Msg::Drawn(drawn) => {
                // Only a measurement: it asks for nothing, so the loop need not redraw.
                self.drawn = drawn;
                return cmds;
            }
            Msg::Throttled { total } => {
                self.throttled_total = self.throttled_total.max(total);
                self.throttled_until = Some(now + THROTTLE_NOTICE);
            }
            Msg::Connected { generation, result } => {
                self.on_connected(generation, result, &mut cmds);
            }
            Msg::Copied { what, outcome } => {
                let is_error = !outcome.is_success();
                self.notify(outcome.describe(&what), is_error);
            }
            Msg::Exported { result } => match result {
                Ok((path, rows)) => self.notify(
                    format!(
                        "Wrote {} users to {}",
                        table::thousands(rows),
                        crate::sanitize::sanitize(&path.display().to_string())
                    ),
                    false,
                ),
                Err(why) => self.notify(format!("Export failed: {why}"), true),
            },
            Msg::Answer(answer) => {
                self.in_flight = self.in_flight.saturating_sub(1);
                if answer
                    .error()
                    .is_some_and(|e| e.kind == ErrorKind::Throttled)
                {
                    self.throttled_until = Some(now + THROTTLE_NOTICE);
                }
                self.on_answer(*answer, &mut cmds);
                // A view's counts follow the sweep and the listings as their pages arrive.
                if let (Some(view), Some(screen)) = (self.view.as_mut(), self.users.as_ref()) {
                    view.refresh(screen);
                }
            }
        }
        if self.screen == Screen::Users
            && let Some(screen) = self.users.as_mut()
        {
            let requests = screen.due_requests(now);
            push_calls(&mut cmds, &screen.scope(), requests);
        }
        let (scope, live) = self.live_due(now);
        push_calls(&mut cmds, &scope, live);
        self.in_flight += cmds.iter().filter(|c| matches!(c, Cmd::Request(_))).count();
        cmds
    }

    /// When the loop should wake up with [`Msg::Tick`] if nothing else happens: the end of
    /// the debounce, the next spinner frame while something visible loads, the end of the
    /// throttling notice, the next live refresh. `None` when idle: no periodic redraw.
    pub fn next_wakeup(&self) -> Option<Instant> {
        let debounce = self
            .users
            .as_ref()
            .filter(|_| self.screen == Screen::Users)
            .and_then(|b| b.records.deadline());
        let spinner = self.is_loading().then(|| self.now + SPINNER_FRAME);
        let throttled = self.throttled_until.filter(|t| *t > self.now);
        let notice = self.visible_notice().map(|n| n.until);
        let live = self.live_deadline();
        [debounce, spinner, throttled, notice, live]
            .into_iter()
            .flatten()
            .min()
    }

    /// True while something on screen is loading (the spinner animates).
    pub fn is_loading(&self) -> bool {
        match self.screen {
            Screen::Picker => self.picker.loading,
            Screen::Users => self.users.as_ref().is_some_and(UsersScreen::is_loading),
        }
    }

    /// Frame of the loading indicator, derived from time so drawing stays pure.
    pub fn spinner_frame(&self) -> usize {
        (self.now.saturating_duration_since(self.started).as_millis() / SPINNER_FRAME.as_millis())
            as usize
    }

    /// The status bar's message, while it is fresh.
    pub fn visible_notice(&self) -> Option<&Notice> {
        self.notice.as_ref().filter(|n| n.until > self.now)
    }

    pub fn is_throttled(&self) -> bool {
        self.throttled_until.is_some_and(|t| t > self.now)
    }

    /// The input mode: decides which keys are live.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Overlay::Help { .. } => Mode::Help,
            Overlay::CopyMenu { .. } => Mode::CopyMenu,
            Overlay::Command => Mode::Command,
            Overlay::Permissions { editing: true, .. } => Mode::Filter,
            Overlay::Permissions { .. } => Mode::Permissions,
            Overlay::UsersWith { .. } => Mode::UsersWith,
            Overlay::None => match self.screen {
                Screen::Picker => Mode::Picker,
                Screen::Users if self.view.is_some() => Mode::View,
                Screen::Users if self.users.as_ref().is_some_and(|b| b.filter.editing) => {
                    Mode::Filter
                }
                Screen::Users => Mode::Users,
            },
        }
    }

    /// What the status bar and messages call the credentials in use: `demo`, the profile,
    /// or `default` (the SDK's default chain).
    pub fn profile_label(&self) -> &str {
        if self.config.demo {
            "demo"
        } else {
            self.config.profile.as_deref().unwrap_or("default")
        }
    }

    /// The region the screen shows: the open instance's when it was listed in another
    /// region, "all regions" in an all-regions picker, else the client's.
    pub fn region_label(&self) -> &str {
        let open = self
            .users
            .as_ref()
            .filter(|_| self.screen == Screen::Users)
            .and_then(|b| b.region.as_deref());
        match open {
            Some(region) => region,
            None if self.config.all_regions && self.screen == Screen::Picker => "all regions",
            None => &self.config.region,
        }
    }

    /// The instance alias of the open instance (or its ID until the alias is known).
    pub fn instance_label(&self) -> Option<String> {
        let b = self.users.as_ref()?;
        Some(b.alias.clone().unwrap_or_else(|| b.instance_id.clone()))
    }

    /// The copy sources of the selected user.
    pub fn copy_source(&self) -> Option<CopySource<'_>> {
        let b = self.users.as_ref()?;
        Some(CopySource {
            instance_id: &b.instance_id,
            region: &self.config.region,
            profile: self.config.profile.as_deref(),
            summary: b.selected_user()?,
            record: b.selected_record(),
        })
    }

    fn body(&self) -> Rect {
        layout::screen(Rect::new(0, 0, self.size.0, self.size.1)).0
    }

    fn users_layout(&self) -> Option<layout::UsersLayout> {
        let b = self.users.as_ref()?;
        Some(layout::users(self.body(), b.tab))
    }

    /// Rows of the user list on screen now.
    fn list_rows(&self) -> usize {
        match (self.users_layout(), &self.users) {
            (Some(l), Some(b)) => layout::list_rows(l.list, show_filter_line(b)),
            _ => 1,
        }
    }

    fn picker_rows(&self) -> usize {
        layout::picker_rows(self.body())
    }

    fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    fn notify(&mut self, text: impl Into<String>, is_error: bool) {
        let shown_for = if is_error { ERROR_NOTICE } else { NOTICE };
        self.notice = Some(Notice {
            text: text.into(),
            is_error,
            until: self.now + shown_for,
        });
    }

    /// Starts listing instances afresh as `generation`: the client's region, or every region
    /// at once with `--all-regions` (each region has its own quota, so they run in parallel).
    fn list_instances(&mut self, generation: u64, cmds: &mut Vec<Cmd>) {
        let first = Request::ListInstances { token: None };
        if self.config.all_regions {
            self.picker = Picker::all_regions(generation, CONNECT_REGIONS);
            for region in CONNECT_REGIONS {
                let scope = Scope::picker(generation).in_region(Some(region));
                push_calls(cmds, &scope, vec![first.clone()]);
            }
        } else {
            self.picker = Picker::loading(generation);
            push_calls(cmds, &Scope::picker(generation), vec![first]);
        }
    }

    /// Opens the users screen of `instance_id`, its calls sent to `region` (None: the
    /// client's own).
    fn open_instance(&mut self, instance_id: String, region: Option<String>, cmds: &mut Vec<Cmd>) {
        self.screen = Screen::Users;
        self.overlay = Overlay::None;
        if self
            .users
            .as_ref()
            .is_some_and(|b| b.instance_id == instance_id)
        {
            return;
        }
        let alias = self.picker.alias_of(&instance_id);
        let generation = self.next_generation();
        let (mut screen, requests) = UsersScreen::open(instance_id, alias, generation);
        screen.region = region;
        screen.sort = self.config.sort;
        push_calls(cmds, &screen.scope(), requests);
        self.users = Some(screen);
    }
}

/// The filter line shows while typing and while a filter is applied.
pub fn show_filter_line(screen: &UsersScreen) -> bool {
    screen.filter.editing || !screen.filter.query().is_empty()
}
