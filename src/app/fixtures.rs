//! Test data and helpers shared by the app tests, property tests and render snapshots.

use std::time::{Duration, Instant};

use crate::connect::{ApiError, ErrorKind};
use crate::model::{
    AfterContactWorkConfig, AfterContactWorkConfigPerChannel, AutoAcceptConfig, HierarchyGroup,
    HierarchyPath, HierarchyStructure, InstanceSummary, NamedSummary, Page, PhoneNumberConfig,
    SearchPage, Tags, Timestamp, User, UserIdentityInfo, UserIdentityInfoLite, UserPhoneConfig,
    UserSearchSummary, UserSummary,
};

use super::{
    Answer, App, AppConfig, Call, Cmd, Msg, NameKind, Reply, Request, Scope, ThemeName, Zone,
};

pub const INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
pub const JANE: &str = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";
pub const ROUTING: &str = "0be36ee9-2b5f-4ef4-bcf7-87738e5be0e5";
pub const SECURITY: &str = "75d2e8e5-e4e3-4b4e-9d63-1f2a9b0c1d2e";
pub const GROUP: &str = "2f2a5b4c-9c7e-4d1a-8f3e-5b6c7d8e9f01";

pub fn config(instance: Option<&str>) -> AppConfig {
    AppConfig {
        profile: Some("demo".into()),
        demo: false,
        region: "us-west-2".into(),
        instance_id: instance.map(str::to_string),
        zone: Zone::Fixed(chrono::FixedOffset::east_opt(0).expect("UTC is a valid offset")),
        theme: ThemeName::Dark,
        export_dir: "/exports".into(),
        all_regions: false,
        no_color: false,
        profiles: Vec::new(),
        history: Vec::new(),
        columns: crate::app::table::Column::ALL.to_vec(),
        sort: None,
        colors: Vec::new(),
        live_interval: None,
    }
}

pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

pub fn instance(id: &str, alias: &str) -> InstanceSummary {
    InstanceSummary {
        id: Some(id.into()),
        arn: Some(format!(
            "arn:aws:connect:us-west-2:123456789012:instance/{id}"
        )),
        identity_management_type: Some("CONNECT_MANAGED".into()),
        instance_alias: Some(alias.into()),
        created_time: Some(Timestamp(1589390427.0)),
        instance_status: Some("ACTIVE".into()),
        ..InstanceSummary::default()
    }
}

pub fn summary(id: &str, username: &str) -> UserSummary {
    UserSummary {
        id: Some(id.into()),
        arn: Some(format!(
            "arn:aws:connect:us-west-2:123456789012:instance/{INSTANCE}/agent/{id}"
        )),
        username: Some(username.into()),
        last_modified_time: Some(Timestamp(1714557600.0)),
        last_modified_region: Some("us-west-2".into()),
    }
}

/// `n` users named user000, user001, ... with ids u000, u001, ...
pub fn summaries(n: usize) -> Vec<UserSummary> {
    (0..n)
        .map(|i| summary(&format!("u{i:03}"), &format!("user{i:03}")))
        .collect()
}

/// Jane Doe's record from the `aws connect describe-user` page, with a hierarchy group,
/// per-channel settings and tags added.
pub fn jane() -> User {
    let mut tags = Tags::new();
    tags.insert("team".into(), "billing".into());
    User {
        id: Some(JANE.into()),
        arn: summary(JANE, "Jane").arn,
        username: Some("Jane".into()),
        identity_info: Some(UserIdentityInfo {
            first_name: Some("Jane".into()),
            last_name: Some("Doe".into()),
            email: Some("jane.doe@example.com".into()),
            ..UserIdentityInfo::default()
        }),
        phone_config: Some(UserPhoneConfig {
            phone_type: Some("SOFT_PHONE".into()),
            auto_accept: Some(false),
            after_contact_work_time_limit: Some(0),
            desk_phone_number: Some(String::new()),
            persistent_connection: None,
        }),
        directory_user_id: Some("8b444cf6-b368-4f29-ba18-07af27405658".into()),
        security_profile_ids: Some(vec![SECURITY.into()]),
        routing_profile_id: Some(ROUTING.into()),
        hierarchy_group_id: Some(GROUP.into()),
        tags: Some(tags),
        auto_accept_configs: Some(vec![AutoAcceptConfig {
            channel: Some("VOICE".into()),
            auto_accept: Some(false),
            agent_first_callback_auto_accept: None,
        }]),
        after_contact_work_configs: Some(vec![AfterContactWorkConfigPerChannel {
            channel: Some("CHAT".into()),
            after_contact_work_config: Some(AfterContactWorkConfig {
                after_contact_work_time_limit: Some(30),
            }),
            agent_first_callback_after_contact_work_config: None,
        }]),
        phone_number_configs: Some(vec![PhoneNumberConfig {
            channel: Some("VOICE".into()),
            phone_type: Some("SOFT_PHONE".into()),
            phone_number: Some("+15555550100".into()),
        }]),
        last_modified_time: Some(Timestamp(1714557600.0)),
        last_modified_region: Some("us-west-2".into()),
        ..User::default()
    }
}

/// What SearchUsers says of `user`: its after-contact-work limit in milliseconds.
pub fn swept(user: &User) -> UserSearchSummary {
    UserSearchSummary {
        arn: user.arn.clone(),
        directory_user_id: user.directory_user_id.clone(),
        hierarchy_group_id: user.hierarchy_group_id.clone(),
        id: user.id.clone(),
        identity_info: user.identity_info.as_ref().map(|i| UserIdentityInfoLite {
            first_name: i.first_name.clone(),
            last_name: i.last_name.clone(),
        }),
        phone_config: user.phone_config.clone().map(|mut p| {
            p.after_contact_work_time_limit = p.after_contact_work_time_limit.map(|s| s * 1000);
            p
        }),
        routing_profile_id: user.routing_profile_id.clone(),
        security_profile_ids: user.security_profile_ids.clone(),
        tags: user.tags.clone(),
        username: user.username.clone(),
        ..UserSearchSummary::default()
    }
}

/// A listed user as the sweep returns it: only the listing's members.
pub fn swept_summary(user: &UserSummary) -> UserSearchSummary {
    UserSearchSummary {
        arn: user.arn.clone(),
        id: user.id.clone(),
        username: user.username.clone(),
        ..UserSearchSummary::default()
    }
}

/// One page of the sweep.
pub fn search_page(users: Vec<UserSearchSummary>, next_token: Option<&str>) -> SearchPage {
    SearchPage {
        approximate_total_count: Some(users.len() as i64),
        users,
        next_token: next_token.map(str::to_string),
    }
}

pub fn named(id: &str, name: &str) -> NamedSummary {
    NamedSummary {
        id: Some(id.into()),
        name: Some(name.into()),
        ..NamedSummary::default()
    }
}

pub fn page<T>(items: Vec<T>, next_token: Option<&str>) -> Page<T> {
    Page {
        items,
        next_token: next_token.map(str::to_string),
    }
}

pub fn error(kind: ErrorKind, operation: &'static str) -> ApiError {
    ApiError::new(kind, operation, "simulated failure")
}

pub fn structure() -> HierarchyStructure {
    HierarchyStructure {
        level_one: Some(named("l1", "Region")),
        level_two: Some(named("l2", "Site")),
        level_three: Some(named("l3", "Team")),
        ..HierarchyStructure::default()
    }
}

pub fn billing_group() -> HierarchyGroup {
    HierarchyGroup {
        id: Some(GROUP.into()),
        name: Some("Billing".into()),
        hierarchy_path: Some(HierarchyPath {
            level_one: Some(named("g1", "EMEA")),
            level_two: Some(named("g2", "Dublin")),
            level_three: Some(named(GROUP, "Billing")),
            ..HierarchyPath::default()
        }),
        ..HierarchyGroup::default()
    }
}

/// The group at the end of `path` (id, name from the top level down, at most five), as
/// SearchUserHierarchyGroups gives it.
pub fn group_at(path: &[(&str, &str)]) -> HierarchyGroup {
    let mut levels = path.iter().map(|(id, name)| Some(named(id, name)));
    let (id, name) = path[path.len() - 1];
    HierarchyGroup {
        id: Some(id.into()),
        name: Some(name.into()),
        level_id: Some(path.len().to_string()),
        hierarchy_path: Some(HierarchyPath {
            level_one: levels.next().flatten(),
            level_two: levels.next().flatten(),
            level_three: levels.next().flatten(),
            level_four: levels.next().flatten(),
            level_five: levels.next().flatten(),
        }),
        ..HierarchyGroup::default()
    }
}

/// A group at the top of the hierarchy, as SearchUserHierarchyGroups gives it.
pub fn top_level_group(named: NamedSummary) -> HierarchyGroup {
    HierarchyGroup {
        id: named.id.clone(),
        name: named.name.clone(),
        level_id: Some("1".into()),
        hierarchy_path: Some(HierarchyPath {
            level_one: Some(named),
            ..HierarchyPath::default()
        }),
        ..HierarchyGroup::default()
    }
}

/// The calls among `cmds`.
pub fn calls(cmds: &[Cmd]) -> Vec<Call> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Request(call) => Some(call.clone()),
            _ => None,
        })
        .collect()
}

/// The requests among `cmds`, without their scope.
pub fn requests(cmds: &[Cmd]) -> Vec<Request> {
    calls(cmds).into_iter().map(|c| c.request).collect()
}

/// The worker's answer to `request` in `scope`.
pub fn answer(scope: Scope, request: Request, result: Result<Reply, ApiError>) -> Msg {
    Msg::Answer(Box::new(Answer {
        scope,
        request,
        result,
    }))
}

pub fn describes(cmds: &[Cmd]) -> Vec<String> {
    requests(cmds)
        .into_iter()
        .filter_map(|r| match r {
            Request::DescribeUser { user_id, .. } => Some(user_id),
            _ => None,
        })
        .collect()
}

/// The picker's first ListInstances call answered with `instances`.
pub fn instances_answer(instances: Page<InstanceSummary>) -> Msg {
    let request = Request::ListInstances { token: None };
    answer(Scope::picker(1), request, Ok(instances.into()))
}

/// A test session: the app, the current time, and helpers to answer as the worker would.
pub struct Session {
    pub app: App,
    pub now: Instant,
}

impl Session {
    /// The users screen of [`INSTANCE`] opened directly, at 100×30.
    pub fn open() -> Session {
        let now = Instant::now();
        let (app, _) = App::new(config(Some(INSTANCE)), (100, 30), now);
        Session { app, now }
    }

    pub fn generation(&self) -> u64 {
        self.app.users.as_ref().map_or(0, |b| b.generation)
    }

    /// The scope of the open users screen.
    pub fn scope(&self) -> Scope {
        Scope::instance(INSTANCE, self.generation())
    }

    /// Answers `request` for the open users screen, as the worker would.
    pub fn answer(&mut self, request: Request, result: Result<Reply, ApiError>) -> Vec<Cmd> {
        let scope = self.scope();
        self.send(answer(scope, request, result))
    }

    pub fn send(&mut self, msg: Msg) -> Vec<Cmd> {
        self.app.update(msg, self.now)
    }

    pub fn advance(&mut self, by: Duration) -> Vec<Cmd> {
        self.now += by;
        self.send(Msg::Tick)
    }

    /// A page of `users` answering ListUsers; `next` is the token of the page after it.
    pub fn users(&mut self, users: Vec<UserSummary>, next: Option<&str>) -> Vec<Cmd> {
        self.answer(
            Request::ListUsers { token: None },
            Ok(page(users, next).into()),
        )
    }

    /// A page of the SearchUsers sweep; `next` is the token of the page after it.
    pub fn search(&mut self, users: Vec<UserSearchSummary>, next: Option<&str>) -> Vec<Cmd> {
        self.answer(
            Request::SearchUsers { token: None },
            Ok(search_page(users, next).into()),
        )
    }

    pub fn user(&mut self, user_id: &str, result: Result<User, ApiError>) -> Vec<Cmd> {
        let request = Request::DescribeUser {
            user_id: user_id.into(),
        };
        self.answer(request, result.map(Reply::from))
    }

    /// The whole listing of `kind`. Hierarchy groups come from their search, each named one a
    /// top-level group (its path is itself); [`Session::groups`] answers with whole groups.
    pub fn names(&mut self, kind: NameKind, items: Vec<NamedSummary>) -> Vec<Cmd> {
        if kind == NameKind::HierarchyGroups {
            return self.groups(items.into_iter().map(top_level_group).collect(), None);
        }
        let request = Request::ListNames { kind, token: None };
        self.answer(request, Ok(Reply::Names(page(items, None))))
    }

    /// A page of SearchUserHierarchyGroups; `next` is the token of the page after it.
    pub fn groups(&mut self, groups: Vec<HierarchyGroup>, next: Option<&str>) -> Vec<Cmd> {
        let request = Request::ListNames {
            kind: NameKind::HierarchyGroups,
            token: None,
        };
        self.answer(request, Ok(Reply::Groups(page(groups, next))))
    }

    pub fn action(&mut self, action: super::Action) -> Vec<Cmd> {
        self.send(Msg::Action(action))
    }

    /// Jane selected with her record, names, structure and group all loaded.
    pub fn jane_loaded() -> Session {
        let mut s = Session::open();
        let mut users = vec![summary(JANE, "Jane")];
        users.extend(summaries(30));
        let mut found = vec![swept(&jane())];
        found.extend(users[1..].iter().map(swept_summary));
        s.users(users, None);
        s.search(found, None);
        s.advance(super::DEBOUNCE);
        s.user(JANE, Ok(jane()));
        s.names(
            NameKind::RoutingProfiles,
            vec![named(ROUTING, "Basic Routing Profile")],
        );
        s.names(NameKind::SecurityProfiles, vec![named(SECURITY, "Agent")]);
        s.groups(vec![billing_group()], None);
        s.answer(Request::DescribeStructure, Ok(structure().into()));
        s.jane_routing();
        s
    }

    /// The text of a pane, one string per line, laid out wide enough for any value.
    pub fn pane_text(&self, pane: super::PaneId) -> Vec<String> {
        crate::ui::panes::content(&self.app, &crate::keys::KeyMap::default(), pane, 200)
            .lines
            .iter()
            .map(|line| {
                line.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect()
    }
}
