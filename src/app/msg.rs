//! The messages `App::update` consumes and the effects (`Cmd`) it returns.
//!
//! Every answer from the worker is tagged with what it answers (instance, generation, user or
//! group id) so `update` can tell a current answer from a stale one.

use crate::clipboard::CopyOutcome;
use crate::connect::ApiError;
use crate::keys::Action;
use crate::model::{
    HierarchyGroup, HierarchyStructure, InstanceSummary, NamedSummary, Page, User, UserSummary,
};

/// The name lists fetched once per instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    RoutingProfiles,
    SecurityProfiles,
    HierarchyGroups,
}

impl NameKind {
    pub const ALL: [NameKind; 3] = [
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
    Instances {
        generation: u64,
        result: Result<Page<InstanceSummary>, ApiError>,
    },
    Users {
        instance_id: String,
        generation: u64,
        result: Result<Page<UserSummary>, ApiError>,
    },
    User {
        instance_id: String,
        generation: u64,
        user_id: String,
        result: Result<User, ApiError>,
    },
    Names {
        instance_id: String,
        generation: u64,
        kind: NameKind,
        result: Result<Page<NamedSummary>, ApiError>,
    },
    Structure {
        instance_id: String,
        generation: u64,
        result: Result<HierarchyStructure, ApiError>,
    },
    Group {
        instance_id: String,
        generation: u64,
        group_id: String,
        result: Result<HierarchyGroup, ApiError>,
    },
    /// The service answered 429 (throttling) again; `total` counts every throttled answer
    /// so far, retried ones included.
    Throttled {
        total: u64,
    },
    /// The UI loop ran a [`Cmd::Copy`]; `what` is the label shown in the status line.
    Copied {
        what: String,
        outcome: CopyOutcome,
    },
}

/// A request for the worker: one Connect call, answered by one [`Msg`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    ListInstances {
        generation: u64,
        token: Option<String>,
    },
    ListUsers {
        instance_id: String,
        generation: u64,
        token: Option<String>,
    },
    DescribeUser {
        instance_id: String,
        generation: u64,
        user_id: String,
    },
    ListNames {
        instance_id: String,
        generation: u64,
        kind: NameKind,
        token: Option<String>,
    },
    DescribeStructure {
        instance_id: String,
        generation: u64,
    },
    DescribeGroup {
        instance_id: String,
        generation: u64,
        group_id: String,
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
                NameKind::HierarchyGroups => "ListUserHierarchyGroups",
            },
            Request::DescribeStructure { .. } => "DescribeUserHierarchyStructure",
            Request::DescribeGroup { .. } => "DescribeUserHierarchyGroup",
        }
    }

    /// The answer to this request when it failed before the client could answer (for example
    /// a task that panicked): the pane that asked shows `error` instead of loading forever.
    pub fn failed(self, error: ApiError) -> Msg {
        match self {
            Request::ListInstances { generation, .. } => Msg::Instances {
                generation,
                result: Err(error),
            },
            Request::ListUsers {
                instance_id,
                generation,
                ..
            } => Msg::Users {
                instance_id,
                generation,
                result: Err(error),
            },
            Request::DescribeUser {
                instance_id,
                generation,
                user_id,
            } => Msg::User {
                instance_id,
                generation,
                user_id,
                result: Err(error),
            },
            Request::ListNames {
                instance_id,
                generation,
                kind,
                ..
            } => Msg::Names {
                instance_id,
                generation,
                kind,
                result: Err(error),
            },
            Request::DescribeStructure {
                instance_id,
                generation,
            } => Msg::Structure {
                instance_id,
                generation,
                result: Err(error),
            },
            Request::DescribeGroup {
                instance_id,
                generation,
                group_id,
            } => Msg::Group {
                instance_id,
                generation,
                group_id,
                result: Err(error),
            },
        }
    }
}

/// An effect `update` asks the loop to perform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cmd {
    /// A Connect call, run by the worker.
    Request(Request),
    /// Put `text` on the clipboard (run by the UI loop, which owns the clipboard and the
    /// terminal for OSC 52); `what` names it in the status line.
    Copy {
        what: String,
        text: String,
    },
    Quit,
}
