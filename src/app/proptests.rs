//! Property tests: random interleavings of keys, resizes, time and worker answers (out of
//! order, duplicated, stale, failed, naming the wrong user) never panic, and keep the
//! invariants: selection in range; the record shown belongs to the selected user; at most one
//! DescribeUser in flight per user; every state draws at every size.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::fixtures::*;
use super::*;
use crate::clipboard::CopyOutcome;
use crate::connect::ErrorKind;
use crate::model::{Page, RoutingProfile, RoutingProfileQueueConfigSummary, User};

#[derive(Clone, Debug)]
enum Outcome {
    Ok,
    Fail(ErrorKind),
    WrongUser,
}

#[derive(Clone, Debug)]
enum Op {
    Key(Action),
    Type(char),
    Backspace,
    Resize(u16, u16),
    Wait(u64),
    /// Answer the outstanding request at `pick` (modulo their number).
    Answer(usize, Outcome),
    /// Answer an already answered request again.
    Duplicate(usize),
    Click(u16, u16),
    Wheel(u16, u16, bool),
}

fn action() -> impl Strategy<Value = Action> {
    let mut all = vec![
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Confirm,
        Action::Back,
        Action::Refresh,
        Action::Retry,
        Action::InstancePicker,
        Action::Filter,
        Action::Help,
        Action::CopyUserId,
        Action::CopyArn,
        Action::CopyMenu,
        Action::SortNext,
        Action::SortReverse,
        Action::ToggleMark,
        Action::ClearMarks,
        Action::ExportView,
        Action::Quit,
    ];
    all.extend(CopyItem::ALL.map(Action::Copy));
    all.extend(CopyItem::MARKED.map(Action::Copy));
    proptest::sample::select(all)
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        6 => Just(Outcome::Ok),
        1 => Just(Outcome::Fail(ErrorKind::Throttled)),
        1 => Just(Outcome::Fail(ErrorKind::AccessDenied)),
        1 => Just(Outcome::Fail(ErrorKind::Service)),
        1 => Just(Outcome::WrongUser),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => action().prop_map(Op::Key),
        2 => proptest::sample::select(vec!['u', 's', 'e', 'r', '0', '1', 'j', ' ', 'x']).prop_map(Op::Type),
        1 => Just(Op::Backspace),
        1 => (1u16..130, 1u16..45).prop_map(|(w, h)| Op::Resize(w, h)),
        3 => (0u64..400).prop_map(Op::Wait),
        8 => (any::<usize>(), outcome()).prop_map(|(i, o)| Op::Answer(i, o)),
        1 => any::<usize>().prop_map(Op::Duplicate),
        1 => (0u16..130, 0u16..45).prop_map(|(c, r)| Op::Click(c, r)),
        1 => (0u16..130, 0u16..45, any::<bool>()).prop_map(|(c, r, d)| Op::Wheel(c, r, d)),
    ]
}

fn users_page(token: &Option<String>) -> Page<crate::model::UserSummary> {
    // Overlapping pages: paging under faults may repeat users.
    let (range, next) = match token.as_deref() {
        None => (0..10, Some("1")),
        Some("1") => (5..20, Some("2")),
        _ => (15..30, None),
    };
    let users = range
        .map(|i| summary(&format!("u{i:03}"), &format!("user{i:03}")))
        .collect();
    page(users, next)
}

/// The sweep's pages: the same users as ListUsers lists (and some it lists later), with
/// their routing profile.
fn search_page(token: &Option<String>) -> crate::model::SearchPage {
    let (range, next) = match token.as_deref() {
        None => (0..15, Some("s1")),
        _ => (15..30, None),
    };
    crate::model::SearchPage {
        users: range
            .map(|i| crate::model::UserSearchSummary {
                id: Some(format!("u{i:03}")),
                username: Some(format!("user{i:03}")),
                routing_profile_id: Some(ROUTING.into()),
                ..Default::default()
            })
            .collect(),
        next_token: next.map(str::to_string),
        approximate_total_count: Some(30),
    }
}

/// The worker's answer to `call`.
fn answer_to(call: &Call, outcome: &Outcome) -> Msg {
    let reply = match (&call.request, outcome) {
        (request, Outcome::Fail(kind)) => Err(error(kind.clone(), request.operation())),
        (Request::ListInstances { .. }, _) => Ok(Reply::from(page(
            vec![instance(INSTANCE, "demo"), instance("i-2", "two")],
            None,
        ))),
        (Request::ListUsers { token }, _) => Ok(users_page(token).into()),
        (Request::DescribeUser { user_id }, outcome) => {
            let id = match outcome {
                Outcome::WrongUser => format!("{user_id}-other"),
                _ => user_id.clone(),
            };
            Ok(User {
                id: Some(id),
                username: Some("someone".into()),
                hierarchy_group_id: Some(GROUP.into()),
                routing_profile_id: Some(ROUTING.into()),
                ..User::default()
            }
            .into())
        }
        (
            Request::ListNames {
                kind: NameKind::HierarchyGroups,
                ..
            },
            _,
        ) => Ok(Reply::Groups(page(vec![billing_group()], None))),
        (Request::ListNames { .. } | Request::ListGroupNames { .. }, _) => Ok(Reply::Names(page(
            vec![named(ROUTING, "Basic"), named(GROUP, "Billing")],
            None,
        ))),
        (Request::DescribeStructure, _) => Ok(structure().into()),
        (Request::DescribeGroup { .. }, _) => Ok(billing_group().into()),
        (Request::SearchUsers { token }, _) => Ok(search_page(token).into()),
        (Request::DescribeRoutingProfile { routing_profile_id }, _) => Ok(RoutingProfile {
            routing_profile_id: Some(routing_profile_id.clone()),
            name: Some("Basic".into()),
            ..RoutingProfile::default()
        }
        .into()),
        (Request::ListRoutingProfileQueues { .. }, _) => Ok(Reply::ProfileQueues(page(
            vec![RoutingProfileQueueConfigSummary {
                queue_name: Some("BasicQueue".into()),
                channel: Some("VOICE".into()),
                ..RoutingProfileQueueConfigSummary::default()
            }],
            None,
        ))),
        (Request::ListUserProficiencies { .. }, _) => Ok(Reply::Proficiencies(page(vec![], None))),
        (Request::ListSecurityProfilePermissions { .. }, _) => {
            Ok(Reply::Permissions(page(vec!["Users.View".into()], None)))
        }
        (Request::ListAgentStatuses { .. }, _) => Ok(Reply::Statuses(page(vec![], None))),
        (Request::GetCurrentUserData { .. }, _) => Ok(Reply::Live(LiveReply {
            agents: Vec::new(),
            at_epoch: 0.0,
        })),
    };
    Msg::Answer(Box::new(call.clone().answer(reply)))
}

struct World {
    app: App,
    now: Instant,
    outstanding: Vec<Call>,
    answered: Vec<Call>,
}

impl World {
    fn apply(&mut self, cmds: Vec<Cmd>) -> Result<(), TestCaseError> {
        for cmd in cmds {
            match cmd {
                Cmd::Request(call) => {
                    if let Request::DescribeUser { user_id } = &call.request {
                        let twice = self.outstanding.contains(&call);
                        prop_assert!(
                            !twice,
                            "a second DescribeUser for {} while one is in flight",
                            user_id
                        );
                    }
                    self.outstanding.push(call);
                }
                Cmd::Copy { what, .. } => {
                    let more = self.app.update(
                        Msg::Copied {
                            what,
                            outcome: CopyOutcome::Osc52 {
                                tmux: false,
                                why: None,
                            },
                        },
                        self.now,
                    );
                    self.apply(more)?;
                }
                Cmd::Export { rows, .. } => {
                    let result = Ok(("/exports/x.csv".into(), rows));
                    let more = self.app.update(Msg::Exported { result }, self.now);
                    self.apply(more)?;
                }
                Cmd::Remember(_) => {}
                // No action of the model switches profile or region.
                Cmd::Connect { .. } => prop_assert!(false, "unexpected {cmd:?}"),
                Cmd::Quit => {}
            }
        }
        Ok(())
    }

    fn step(&mut self, op: Op) -> Result<(), TestCaseError> {
        let msg = match op {
            Op::Key(action) => Msg::Action(action),
            Op::Type(c) => Msg::FilterEdit(FilterEdit::Insert(c)),
            Op::Backspace => Msg::FilterEdit(FilterEdit::Backspace),
            Op::Resize(width, height) => Msg::Resize { width, height },
            Op::Wait(ms) => {
                self.now += Duration::from_millis(ms);
                Msg::Tick
            }
            Op::Answer(pick, outcome) => {
                if self.outstanding.is_empty() {
                    return Ok(());
                }
                let call = self.outstanding.remove(pick % self.outstanding.len());
                let msg = answer_to(&call, &outcome);
                self.answered.push(call);
                msg
            }
            Op::Duplicate(pick) => {
                if self.answered.is_empty() {
                    return Ok(());
                }
                answer_to(&self.answered[pick % self.answered.len()], &Outcome::Ok)
            }
            Op::Click(column, row) => Msg::Click { column, row },
            Op::Wheel(column, row, down) => Msg::Wheel { column, row, down },
        };
        let cmds = self.app.update(msg, self.now);
        self.apply(cmds)?;
        self.check()
    }

    fn check(&mut self) -> Result<(), TestCaseError> {
        let picker = &self.app.picker;
        prop_assert!(picker.cursor.selected < picker.instances.len().max(1));
        prop_assert!(picker.cursor.top <= picker.cursor.selected);
        if let Some(b) = &self.app.users {
            let len = b.view_len();
            prop_assert!(
                b.cursor.selected < len.max(1),
                "selection {} of {}",
                b.cursor.selected,
                len
            );
            prop_assert!(b.cursor.top <= b.cursor.selected);
            if let Some(record) = b.selected_record() {
                prop_assert_eq!(
                    record.id.as_deref(),
                    b.selected_id(),
                    "record shown for another user"
                );
            }
        }
        let (width, height) = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
        let mut drawn = Drawn::default();
        terminal
            .draw(|frame| {
                drawn = crate::ui::draw(frame, &self.app, &crate::keys::KeyMap::default())
            })
            .expect("draw");
        // As the event loop does: what the frame measured goes back to the app.
        let cmds = self.app.update(Msg::Drawn(drawn), self.now);
        prop_assert!(cmds.is_empty(), "a measurement asks for nothing");
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_keep_the_invariants(
        open_directly in any::<bool>(),
        ops in proptest::collection::vec(op(), 1..120),
    ) {
        let now = Instant::now();
        let instance = open_directly.then_some(INSTANCE);
        let (app, cmds) = App::new(config(instance), (80, 24), now);
        let mut world = World { app, now, outstanding: Vec::new(), answered: Vec::new() };
        world.apply(cmds)?;
        for op in ops {
            world.step(op)?;
        }
    }
}
