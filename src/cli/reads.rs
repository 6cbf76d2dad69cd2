//! The scriptable drop-ins for issue 11's reads: live status, routing, queues, agent
//! statuses, proficiencies and permissions. Options are the AWS CLI's (kebab-case member
//! names); structures take JSON or the AWS CLI's shorthand (`--filters Agents=ID1,ID2`).

use clap::Args;

use super::{InputArgs, PagingArgs};

#[derive(Debug, Args, Clone)]
pub struct GetCurrentUserDataArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    /// UserDataFilters as JSON or shorthand (`Agents=ID1,ID2`; at most 100 IDs).
    #[arg(long, value_name = "FILTERS")]
    pub filters: Option<String>,
    /// The service's token for the next page (this operation has no paginator).
    #[arg(long, value_name = "TOKEN")]
    pub next_token: Option<String>,
    /// The largest number of agents to return (1–100).
    #[arg(long, value_name = "N")]
    pub max_results: Option<i64>,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ListAgentStatusesArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    /// Only these types: ROUTABLE, CUSTOM, OFFLINE.
    #[arg(long, value_name = "TYPE", num_args = 1..)]
    pub agent_status_types: Option<Vec<String>>,
    #[command(flatten)]
    pub paging: PagingArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ListRoutingProfileQueuesArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    /// The identifier of the routing profile.
    #[arg(long, value_name = "ID")]
    pub routing_profile_id: Option<String>,
    #[command(flatten)]
    pub paging: PagingArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct DescribeRoutingProfileArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    /// The identifier of the routing profile.
    #[arg(long, value_name = "ID")]
    pub routing_profile_id: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ListQueuesArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    /// Only these types: STANDARD, AGENT.
    #[arg(long, value_name = "TYPE", num_args = 1..)]
    pub queue_types: Option<Vec<String>>,
    #[command(flatten)]
    pub paging: PagingArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ListSecurityProfilePermissionsArgs {
    /// The identifier of the security profile.
    #[arg(long, value_name = "ID")]
    pub security_profile_id: Option<String>,
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    #[command(flatten)]
    pub paging: PagingArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ListUserProficienciesArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    /// The identifier of the user account.
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
    #[command(flatten)]
    pub paging: PagingArgs,
    #[command(flatten)]
    pub input: InputArgs,
}
