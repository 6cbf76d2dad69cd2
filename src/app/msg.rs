//! The messages `App::update` consumes and the effects (`Cmd`) it returns.
//!
//! A Connect read is a [`Call`]: a [`Request`] (what to read) and a [`Scope`] (which screen
//! asked). The worker answers every call with one [`Answer`] carrying the same scope and
//! request back, so `update` can tell a current answer from a stale one without each kind of
//! answer repeating the bookkeeping. Adding a read means a client method, a `Request`
//! variant, its [`Reply`] variant, the worker's arm that maps one to the other, and the
//! `update` arm that uses it (`answers.rs`).

use crate::clipboard::CopyOutcome;
use crate::connect::{ApiError, ErrorKind};
use crate::model::{
    AgentStatusSummary, HierarchyGroup, HierarchyStructure, InstanceSummary, NamedSummary, Page,
    RoutingProfile, RoutingProfileQueueConfigSummary, SearchPage, User, UserData, UserProficiency,
    UserSummary,
};

use super::action::Action;

/// The name lists fetched once per instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    RoutingProfiles,
    SecurityProfiles,
    HierarchyGroups,
    /// Standard queues (ListQueues): the names of a contact's queue and of the default
    /// outbound queue. Agent queues (one per user) are left out.
    Queues,
}

impl NameKind {
    pub const ALL: [NameKind; 4] = [
        NameKind::RoutingProfiles,
        NameKind::SecurityProfiles,
        NameKind::HierarchyGroups,
        NameKind::Queues,
    ];

    /// The listings that name what a user has (the users table's columns).
    pub const OF_USERS: [NameKind; 3] = [
        NameKind::RoutingProfiles,
        NameKind::SecurityProfiles,
        NameKind::HierarchyGroups,
    ];
}

/// Edits of the filter query while `/` is active.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterEdit {
    Insert(char),
    Backspace,
}

/// Everything that can happen to the app.
#[derive(Clone, Debug)]
pub enum Msg {
    Action(Action),
    FilterEdit(FilterEdit),
    Resize {
        width: u16,
        height: u16,
    },
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// A timer fired (debounce, animation, notice expiry); `update` reads the injected `now`.
    Tick,
    /// The terminal gained (`true`) or lost focus; live polling pauses while it has not.
    Focus(bool),
    /// What the last frame measured; it changes nothing on screen by itself, so the loop
    /// does not redraw for it.
    Drawn(super::Drawn),
    /// The worker's answer to one [`Call`] (boxed: a record is large, keys are many).
    Answer(Box<Answer>),
    /// The service answered 429 (throttling) again; `total` counts every throttled answer
    /// so far, retried ones included.
    Throttled {
        total: u64,
    },
    /// The loop ran a [`Cmd::Export`]: the file written and its rows, or why not.
    Exported {
        result: Result<(std::path::PathBuf, usize), String>,
    },
    /// The UI loop ran a [`Cmd::Copy`]; `what` is the label shown in the status line.
    Copied {
        what: String,
        outcome: CopyOutcome,
    },
    /// The answer to [`Cmd::Connect`]: the new client is in use, or could not be built (the
    /// old one still is).
    Connected {
        generation: u64,
        result: Result<Connection, ApiError>,
    },
}

/// What a client built for `:profile` / `:region` uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    pub profile: Option<String>,
    pub region: String,
}

/// Which screen a call is for: the instance (none for the picker's ListInstances), the
/// region it is sent to (none: the client's own), and the generation of the screen that
/// asked. A refresh or another instance starts a new generation, so a late answer for an
/// old one is recognised and dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub instance_id: Option<String>,
    pub region: Option<String>,
    pub generation: u64,
}

impl Scope {
    pub fn picker(generation: u64) -> Scope {
        Scope {
            instance_id: None,
            region: None,
            generation,
        }
    }

    pub fn instance(instance_id: &str, generation: u64) -> Scope {
        Scope {
            instance_id: Some(instance_id.to_string()),
            region: None,
            generation,
        }
    }

    /// The same scope, sent to `region` (`None`: the client's own).
    pub fn in_region(self, region: Option<&str>) -> Scope {
        Scope {
            region: region.map(str::to_string),
            ..self
        }
    }
}

/// One Connect read: what to read. Paged reads carry the token of the page they ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    ListInstances {
        token: Option<String>,
    },
    ListUsers {
        token: Option<String>,
    },
    DescribeUser {
        user_id: String,
    },
    /// One page of the listing of `kind`. Hierarchy groups are listed by
    /// SearchUserHierarchyGroups, which gives each group's path with its name; the other
    /// kinds by their `List…` operation.
    ListNames {
        kind: NameKind,
        token: Option<String>,
    },
    /// ListUserHierarchyGroups (names only): the groups' listing when
    /// SearchUserHierarchyGroups is denied (an IAM policy written before it existed).
    ListGroupNames {
        token: Option<String>,
    },
    DescribeStructure,
    DescribeGroup {
        group_id: String,
    },
    /// One page of the sweep: SearchUsers without criteria.
    SearchUsers {
        token: Option<String>,
    },
    DescribeRoutingProfile {
        routing_profile_id: String,
    },
    ListRoutingProfileQueues {
        routing_profile_id: String,
        token: Option<String>,
    },
    ListUserProficiencies {
        user_id: String,
        token: Option<String>,
    },
    ListSecurityProfilePermissions {
        security_profile_id: String,
        token: Option<String>,
    },
    ListAgentStatuses {
        token: Option<String>,
    },
    /// The live state of at most 100 agents (`UserDataFilters::MAX_IDS`).
    GetCurrentUserData {
        user_ids: Vec<String>,
    },
}

impl Request {
    /// The Connect operation this request calls (for messages about failures).
    pub fn operation(&self) -> &'static str {
        match self {
            Request::ListInstances { .. } => "ListInstances",
            Request::ListUsers { .. } => "ListUsers",
            Request::DescribeUser { .. } => "DescribeUser",
            Request::ListNames { kind, .. } => match kind {
                NameKind::RoutingProfiles => "ListRoutingProfiles",
                NameKind::SecurityProfiles => "ListSecurityProfiles",
                NameKind::HierarchyGroups => "SearchUserHierarchyGroups",
                NameKind::Queues => "ListQueues",
            },
            Request::ListGroupNames { .. } => "ListUserHierarchyGroups",
            Request::DescribeStructure => "DescribeUserHierarchyStructure",
            Request::DescribeGroup { .. } => "DescribeUserHierarchyGroup",
            Request::SearchUsers { .. } => "SearchUsers",
            Request::DescribeRoutingProfile { .. } => "DescribeRoutingProfile",
            Request::ListRoutingProfileQueues { .. } => "ListRoutingProfileQueues",
            Request::ListUserProficiencies { .. } => "ListUserProficiencies",
            Request::ListSecurityProfilePermissions { .. } => "ListSecurityProfilePermissions",
            Request::ListAgentStatuses { .. } => "ListAgentStatuses",
            Request::GetCurrentUserData { .. } => "GetCurrentUserData",
        }
    }
}

/// A request for the worker, with the scope its answer is checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    pub scope: Scope,
    pub request: Request,
}

impl Call {
    /// The answer to this call.
    pub fn answer(self, result: Result<Reply, ApiError>) -> Answer {
        Answer {
            scope: self.scope,
            request: self.request,
            result,
        }
    }
}

/// What a successful read returned, one variant per kind of data; `TryFrom<Reply>` for each
/// payload type (derived) lets the `update` arm name the type it expects.
#[derive(Clone, Debug, derive_more::From, derive_more::TryInto)]
pub enum Reply {
    Instances(Page<InstanceSummary>),
    Users(Page<UserSummary>),
    User(User),
    Names(Page<NamedSummary>),
    /// SearchUserHierarchyGroups: whole groups, paths included.
    Groups(Page<HierarchyGroup>),
    Structure(HierarchyStructure),
    Group(HierarchyGroup),
    Search(SearchPage),
    RoutingProfile(RoutingProfile),
    ProfileQueues(Page<RoutingProfileQueueConfigSummary>),
    Proficiencies(Page<UserProficiency>),
    Permissions(Page<String>),
    Statuses(Page<AgentStatusSummary>),
    Live(LiveReply),
}

/// GetCurrentUserData's answer and the wall-clock time it arrived (epoch seconds, read by the
/// worker, which owns the clocks): how long a status has been held is that time minus its
/// start, plus the time passed since on the app's injected clock.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveReply {
    pub agents: Vec<UserData>,
    pub at_epoch: f64,
}

/// The worker's answer: the call it answers and what came back.
#[derive(Clone, Debug)]
pub struct Answer {
    pub scope: Scope,
    pub request: Request,
    pub result: Result<Reply, ApiError>,
}

impl Answer {
    pub fn error(&self) -> Option<&ApiError> {
        self.result.as_ref().err()
    }
}

/// The result as the payload type the request expects. The worker pairs each request with
/// its own kind of reply, so a mismatch is a bug; it is shown as an error in the pane that
/// asked rather than a panic.
pub fn typed<T: TryFrom<Reply>>(
    result: Result<Reply, ApiError>,
    operation: &'static str,
) -> Result<T, ApiError> {
    result.and_then(|reply| {
        T::try_from(reply).map_err(|_| {
            ApiError::new(
                ErrorKind::Service,
                operation,
                "internal error (a bug): the answer was of another kind",
            )
        })
    })
}

/// An effect `update` asks the loop to perform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cmd {
    /// A Connect call, run by the worker.
    Request(Call),
    /// Put `text` on the clipboard (run by the UI loop, which owns the clipboard and the
    /// terminal for OSC 52); `what` names it in the status line.
    Copy {
        what: String,
        text: String,
    },
    /// Write `csv` (`rows` users) into `dir` as `<alias>-users-<UTC timestamp>.csv`; the loop
    /// picks the time and does the IO (`export_file`), then answers [`Msg::Exported`].
    Export {
        dir: std::path::PathBuf,
        alias: String,
        csv: Vec<u8>,
        rows: usize,
    },
    /// Keep this `:` command in the history file (run by the loop's owner; headless runs
    /// keep none).
    Remember(String),
    /// Use another profile and/or region from now on (None: keep it): the worker builds a
    /// client through the standard AWS chain and answers [`Msg::Connected`] tagged with
    /// `generation`.
    Connect {
        profile: Option<String>,
        region: Option<String>,
        generation: u64,
    },
    Quit,
}
