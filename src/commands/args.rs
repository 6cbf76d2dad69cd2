//! What each command's parsed arguments say, in one shape: the operation, the API members
//! given on the command line, and the shared input and paging options. One small impl per
//! command; everything after it (`request::plan`, the call, the output) is shared.

use serde_json::{Map, Value};

use super::error::CommandError;
use super::input::parse_json_param;
use super::operation::Operation;
use super::shorthand;
use crate::cli::*;

/// A scriptable command's parsed arguments.
pub trait OperationArgs: std::fmt::Debug + Sync {
    fn operation(&self) -> Operation;
    fn input(&self) -> &InputArgs;
    /// The paging options (`--max-items`...), for paginated operations.
    fn paging(&self) -> Option<&PagingArgs> {
        None
    }
    /// Adds the API members given as options (paging options aside).
    fn members(&self, m: &mut Members) -> Result<(), CommandError>;
}

/// The API members given on the command line, collected by name.
#[derive(Debug, Default)]
pub struct Members(Map<String, Value>);

impl Members {
    pub fn string(&mut self, name: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.0.insert(name.into(), Value::String(v.clone()));
        }
    }

    pub fn integer(&mut self, name: &str, value: Option<i64>) {
        if let Some(v) = value {
            self.0.insert(name.into(), Value::from(v));
        }
    }

    pub fn strings(&mut self, name: &str, value: &Option<Vec<String>>) {
        if let Some(list) = value {
            let list = list.iter().cloned().map(Value::String).collect();
            self.0.insert(name.into(), Value::Array(list));
        }
    }

    /// A structure given as JSON (inline or `file://`).
    pub fn json(
        &mut self,
        name: &str,
        option: &str,
        raw: &Option<String>,
    ) -> Result<(), CommandError> {
        if let Some(raw) = raw {
            self.0.insert(name.into(), parse_json_param(raw, option)?);
        }
        Ok(())
    }

    /// A structure given as JSON or shorthand; `lists` names the members that are lists
    /// (`Key/Inner` for a nested one), which shorthand turns single values into.
    pub fn structure(
        &mut self,
        name: &str,
        option: &str,
        raw: &Option<String>,
        lists: &[&str],
    ) -> Result<(), CommandError> {
        if let Some(raw) = raw {
            self.0
                .insert(name.into(), shorthand::parse_param(raw, option, lists)?);
        }
        Ok(())
    }

    /// The members in `op`'s model order (what botocore sends and validates in).
    pub fn into_map(self, op: Operation) -> Map<String, Value> {
        let mut given = self.0;
        let mut ordered = Map::new();
        for member in op.members() {
            if let Some(v) = given.remove(member.name) {
                ordered.insert(member.name.into(), v);
            }
        }
        ordered.extend(given);
        ordered
    }
}

/// Implements [`OperationArgs`] for one command's arguments.
macro_rules! operation_args {
    ($args:ty, $op:ident, paged: $paged:tt, |$a:ident, $m:ident| $body:block) => {
        impl OperationArgs for $args {
            fn operation(&self) -> Operation {
                Operation::$op
            }
            fn input(&self) -> &InputArgs {
                &self.input
            }
            fn paging(&self) -> Option<&PagingArgs> {
                operation_args!(@paging self, $paged)
            }
            fn members(&self, $m: &mut Members) -> Result<(), CommandError> {
                let $a = self;
                $body
                Ok(())
            }
        }
    };
    (@paging $self:ident, true) => { Some(&$self.paging) };
    (@paging $self:ident, false) => { None };
}

operation_args!(DescribeUserArgs, DescribeUser, paged: false, |a, m| {
    m.string("UserId", &a.user_id);
    m.string("InstanceId", &a.instance_id);
});
operation_args!(ListUsersArgs, ListUsers, paged: true, |a, m| {
    m.string("InstanceId", &a.instance_id);
});
operation_args!(ListInstancesArgs, ListInstances, paged: true, |_a, _m| {});
operation_args!(SearchUsersArgs, SearchUsers, paged: true, |a, m| {
    m.string("InstanceId", &a.instance_id);
    m.json("SearchFilter", "--search-filter", &a.search_filter)?;
    m.json("SearchCriteria", "--search-criteria", &a.search_criteria)?;
});
operation_args!(GetCurrentUserDataArgs, GetCurrentUserData, paged: false, |a, m| {
    m.string("InstanceId", &a.instance_id);
    let lists = ["Queues", "RoutingProfiles", "Agents", "UserHierarchyGroups", "ContactFilter/ContactStates"];
    m.structure("Filters", "--filters", &a.filters, &lists)?;
    m.string("NextToken", &a.next_token);
    m.integer("MaxResults", a.max_results);
});
operation_args!(ListAgentStatusesArgs, ListAgentStatuses, paged: true, |a, m| {
    m.string("InstanceId", &a.instance_id);
    m.strings("AgentStatusTypes", &a.agent_status_types);
});
operation_args!(ListRoutingProfileQueuesArgs, ListRoutingProfileQueues, paged: true, |a, m| {
    m.string("InstanceId", &a.instance_id);
    m.string("RoutingProfileId", &a.routing_profile_id);
});
operation_args!(DescribeRoutingProfileArgs, DescribeRoutingProfile, paged: false, |a, m| {
    m.string("InstanceId", &a.instance_id);
    m.string("RoutingProfileId", &a.routing_profile_id);
});
operation_args!(ListQueuesArgs, ListQueues, paged: true, |a, m| {
    m.string("InstanceId", &a.instance_id);
    m.strings("QueueTypes", &a.queue_types);
});
operation_args!(ListSecurityProfilePermissionsArgs, ListSecurityProfilePermissions, paged: true, |a, m| {
    m.string("SecurityProfileId", &a.security_profile_id);
    m.string("InstanceId", &a.instance_id);
});
operation_args!(ListUserProficienciesArgs, ListUserProficiencies, paged: true, |a, m| {
    m.string("InstanceId", &a.instance_id);
    m.string("UserId", &a.user_id);
});

/// The scriptable command in `command`, if it is one (`mock-server` is not).
pub fn of_command(command: &Command) -> Option<&dyn OperationArgs> {
    Some(match command {
        Command::DescribeUser(a) => a,
        Command::ListUsers(a) => a,
        Command::ListInstances(a) => a,
        Command::SearchUsers(a) => a,
        Command::GetCurrentUserData(a) => a,
        Command::ListAgentStatuses(a) => a,
        Command::ListRoutingProfileQueues(a) => a,
        Command::DescribeRoutingProfile(a) => a,
        Command::ListQueues(a) => a,
        Command::ListSecurityProfilePermissions(a) => a,
        Command::ListUserProficiencies(a) => a,
        Command::MockServer(_)
        | Command::Completions(_)
        | Command::Man
        | Command::Config(_)
        | Command::ExportUsers(_) => return None,
    })
}
