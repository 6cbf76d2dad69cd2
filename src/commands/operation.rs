//! The operations as the AWS CLI knows them, one table row each: names, top-level input
//! members (model order), paginator configuration (connect-2017-08-08.paginators-1.json),
//! the response's top-level members (model order) and where the output carries timestamps.
//! Everything else in `commands/` is the same code for every operation.

use super::input::{Kind, Member};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    DescribeUser,
    ListUsers,
    ListInstances,
    SearchUsers,
    GetCurrentUserData,
    ListAgentStatuses,
    ListRoutingProfileQueues,
    DescribeRoutingProfile,
    ListQueues,
    ListSecurityProfilePermissions,
    ListUserProficiencies,
}

/// A paginated operation's paginator entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paginator {
    /// The list merged across pages (`result_key`).
    pub result_key: &'static str,
    /// Members taken from the first page only (`non_aggregate_keys`, in the paginator's
    /// order, which is the order a merged listing prints them in).
    pub non_aggregate_keys: &'static [&'static str],
    /// The largest `MaxResults` the model allows: connect-tui's page size by default.
    pub max_page_size: i32,
    /// The service's page size when `MaxResults` is absent, which is what the AWS CLI gets.
    pub default_page_size: i32,
}

/// One operation's row.
#[derive(Debug)]
pub struct Spec {
    pub name: &'static str,
    pub command: &'static str,
    pub members: &'static [Member],
    pub paginator: Option<Paginator>,
    /// The response's top-level members in the model's order (how botocore parses, and
    /// so prints, a single response).
    pub response_members: &'static [&'static str],
    /// Where timestamps sit in the output (`[]` = every element of a list).
    pub timestamp_paths: &'static [&'static str],
}

const fn paginator(result_key: &'static str, max: i32, default: i32) -> Paginator {
    Paginator {
        result_key,
        non_aggregate_keys: &[],
        max_page_size: max,
        default_page_size: default,
    }
}

const fn string(name: &'static str, required: bool) -> Member {
    Member {
        name,
        kind: Kind::String { min_len: 1 },
        required,
    }
}

const INSTANCE_ID: Member = string("InstanceId", true);
const NEXT_TOKEN: Member = Member {
    name: "NextToken",
    kind: Kind::String { min_len: 0 },
    required: false,
};
const MAX_RESULTS: Member = Member {
    name: "MaxResults",
    kind: Kind::Integer { min: 1 },
    required: false,
};
const fn structure(name: &'static str, required: bool) -> Member {
    Member {
        name,
        kind: Kind::Structure,
        required,
    }
}
const fn strings(name: &'static str, min_items: usize) -> Member {
    Member {
        name,
        kind: Kind::StringList { min_items },
        required: false,
    }
}

/// `UserDataFilters`' members.
const USER_DATA_FILTERS: &[Member] = &[
    strings("Queues", 1),
    Member {
        name: "ContactFilter",
        kind: Kind::Fields(&[strings("ContactStates", 0)]),
        required: false,
    },
    strings("RoutingProfiles", 1),
    strings("Agents", 1),
    strings("UserHierarchyGroups", 1),
];

static SPECS: &[Spec] = &[
    Spec {
        name: "DescribeUser",
        command: "describe-user",
        members: &[string("UserId", true), INSTANCE_ID],
        paginator: None,
        response_members: &["User"],
        timestamp_paths: &["User.LastModifiedTime"],
    },
    Spec {
        name: "ListUsers",
        command: "list-users",
        members: &[INSTANCE_ID, NEXT_TOKEN, MAX_RESULTS],
        // "The default MaxResult size is 100" (ListUsersRequest.MaxResults in the model).
        paginator: Some(paginator(
            "UserSummaryList",
            crate::connect::MAX_USERS_PAGE,
            100,
        )),
        response_members: &["UserSummaryList", "NextToken"],
        timestamp_paths: &["UserSummaryList[].LastModifiedTime"],
    },
    Spec {
        name: "ListInstances",
        command: "list-instances",
        members: &[NEXT_TOKEN, MAX_RESULTS],
        paginator: Some(paginator(
            "InstanceSummaryList",
            crate::connect::MAX_INSTANCES_PAGE,
            10,
        )),
        response_members: &["InstanceSummaryList", "NextToken"],
        timestamp_paths: &["InstanceSummaryList[].CreatedTime"],
    },
    Spec {
        name: "SearchUsers",
        command: "search-users",
        members: &[
            INSTANCE_ID,
            NEXT_TOKEN,
            MAX_RESULTS,
            structure("SearchFilter", false),
            structure("SearchCriteria", false),
        ],
        // The default page size is not in the model; Connect's searches return 100.
        paginator: Some(Paginator {
            non_aggregate_keys: &["ApproximateTotalCount"],
            ..paginator("Users", crate::connect::MAX_SEARCH_PAGE, 100)
        }),
        response_members: &["Users", "NextToken", "ApproximateTotalCount"],
        timestamp_paths: &[],
    },
    Spec {
        name: "GetCurrentUserData",
        command: "get-current-user-data",
        members: &[
            INSTANCE_ID,
            Member {
                name: "Filters",
                kind: Kind::Fields(USER_DATA_FILTERS),
                required: true,
            },
            NEXT_TOKEN,
            MAX_RESULTS,
        ],
        // No paginator in the model: the AWS CLI sends one request, NextToken and
        // MaxResults are plain members.
        paginator: None,
        response_members: &["NextToken", "UserDataList", "ApproximateTotalCount"],
        timestamp_paths: &[
            "UserDataList[].Status.StatusStartTimestamp",
            "UserDataList[].Contacts[].StateStartTimestamp",
            "UserDataList[].Contacts[].ConnectedToAgentTimestamp",
        ],
    },
    Spec {
        name: "ListAgentStatuses",
        command: "list-agent-statuses",
        members: &[
            INSTANCE_ID,
            NEXT_TOKEN,
            MAX_RESULTS,
            strings("AgentStatusTypes", 0),
        ],
        paginator: Some(paginator(
            "AgentStatusSummaryList",
            crate::connect::MAX_AGENT_STATUSES_PAGE,
            100,
        )),
        response_members: &["NextToken", "AgentStatusSummaryList"],
        timestamp_paths: &["AgentStatusSummaryList[].LastModifiedTime"],
    },
    Spec {
        name: "ListRoutingProfileQueues",
        command: "list-routing-profile-queues",
        members: &[
            INSTANCE_ID,
            string("RoutingProfileId", true),
            NEXT_TOKEN,
            MAX_RESULTS,
        ],
        paginator: Some(Paginator {
            non_aggregate_keys: &["LastModifiedRegion", "LastModifiedTime"],
            ..paginator(
                "RoutingProfileQueueConfigSummaryList",
                crate::connect::MAX_ROUTING_PROFILE_QUEUES_PAGE,
                100,
            )
        }),
        response_members: &[
            "NextToken",
            "RoutingProfileQueueConfigSummaryList",
            "LastModifiedTime",
            "LastModifiedRegion",
        ],
        timestamp_paths: &["LastModifiedTime"],
    },
    Spec {
        name: "DescribeRoutingProfile",
        command: "describe-routing-profile",
        members: &[INSTANCE_ID, string("RoutingProfileId", true)],
        paginator: None,
        response_members: &["RoutingProfile"],
        timestamp_paths: &["RoutingProfile.LastModifiedTime"],
    },
    Spec {
        name: "ListQueues",
        command: "list-queues",
        members: &[
            INSTANCE_ID,
            strings("QueueTypes", 0),
            NEXT_TOKEN,
            MAX_RESULTS,
        ],
        paginator: Some(paginator(
            "QueueSummaryList",
            crate::connect::MAX_QUEUES_PAGE,
            100,
        )),
        response_members: &["QueueSummaryList", "NextToken"],
        timestamp_paths: &["QueueSummaryList[].LastModifiedTime"],
    },
    Spec {
        name: "ListSecurityProfilePermissions",
        command: "list-security-profile-permissions",
        members: &[
            string("SecurityProfileId", true),
            INSTANCE_ID,
            NEXT_TOKEN,
            MAX_RESULTS,
        ],
        paginator: Some(Paginator {
            non_aggregate_keys: &["LastModifiedRegion", "LastModifiedTime"],
            ..paginator("Permissions", crate::connect::MAX_PERMISSIONS_PAGE, 100)
        }),
        response_members: &[
            "Permissions",
            "NextToken",
            "LastModifiedTime",
            "LastModifiedRegion",
        ],
        timestamp_paths: &["LastModifiedTime"],
    },
    Spec {
        name: "ListUserProficiencies",
        command: "list-user-proficiencies",
        members: &[INSTANCE_ID, string("UserId", true), NEXT_TOKEN, MAX_RESULTS],
        paginator: Some(Paginator {
            non_aggregate_keys: &["LastModifiedTime", "LastModifiedRegion"],
            ..paginator(
                "UserProficiencyList",
                crate::connect::MAX_PROFICIENCIES_PAGE,
                100,
            )
        }),
        response_members: &[
            "NextToken",
            "UserProficiencyList",
            "LastModifiedTime",
            "LastModifiedRegion",
        ],
        timestamp_paths: &["LastModifiedTime"],
    },
];

impl Operation {
    pub const ALL: [Operation; 11] = [
        Operation::DescribeUser,
        Operation::ListUsers,
        Operation::ListInstances,
        Operation::SearchUsers,
        Operation::GetCurrentUserData,
        Operation::ListAgentStatuses,
        Operation::ListRoutingProfileQueues,
        Operation::DescribeRoutingProfile,
        Operation::ListQueues,
        Operation::ListSecurityProfilePermissions,
        Operation::ListUserProficiencies,
    ];

    pub fn spec(self) -> &'static Spec {
        // `ALL` and `SPECS` are in the same order (a test checks every name).
        &SPECS[self as usize]
    }

    /// The API operation name (also the table title).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The CLI command name (also the skeleton asset's file stem).
    pub fn command(self) -> &'static str {
        self.spec().command
    }

    pub fn members(self) -> &'static [Member] {
        self.spec().members
    }

    pub fn paginator(self) -> Option<Paginator> {
        self.spec().paginator
    }

    pub fn timestamp_paths(self) -> &'static [&'static str] {
        self.spec().timestamp_paths
    }
}

#[cfg(test)]
mod tests;
