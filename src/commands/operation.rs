//! The four operations as the AWS CLI knows them: names, top-level input members (model
//! order), paginator configuration (connect-2017-08-08.paginators-1.json) and where their
//! output carries timestamps.

use super::input::{Kind, Member};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    DescribeUser,
    ListUsers,
    ListInstances,
    SearchUsers,
}

/// A paginated operation's paginator entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paginator {
    /// The list merged across pages (`result_key`).
    pub result_key: &'static str,
    /// Members taken from the first page only (`non_aggregate_keys`).
    pub non_aggregate_key: Option<&'static str>,
    /// The largest `MaxResults` the model allows: connect-tui's page size by default.
    pub max_page_size: i32,
}

pub const LIST_USERS: Paginator = Paginator {
    result_key: "UserSummaryList",
    non_aggregate_key: None,
    max_page_size: crate::connect::MAX_USERS_PAGE,
};
pub const LIST_INSTANCES: Paginator = Paginator {
    result_key: "InstanceSummaryList",
    non_aggregate_key: None,
    max_page_size: crate::connect::MAX_INSTANCES_PAGE,
};
pub const SEARCH_USERS: Paginator = Paginator {
    result_key: "Users",
    non_aggregate_key: Some("ApproximateTotalCount"),
    max_page_size: crate::connect::MAX_SEARCH_PAGE,
};

const INSTANCE_ID: Member = Member {
    name: "InstanceId",
    kind: Kind::String { min_len: 1 },
    required: true,
};
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

impl Operation {
    /// The API operation name (also the table title).
    pub fn name(self) -> &'static str {
        match self {
            Operation::DescribeUser => "DescribeUser",
            Operation::ListUsers => "ListUsers",
            Operation::ListInstances => "ListInstances",
            Operation::SearchUsers => "SearchUsers",
        }
    }

    /// The CLI command name (also the skeleton asset's file stem).
    pub fn command(self) -> &'static str {
        match self {
            Operation::DescribeUser => "describe-user",
            Operation::ListUsers => "list-users",
            Operation::ListInstances => "list-instances",
            Operation::SearchUsers => "search-users",
        }
    }

    pub fn members(self) -> &'static [Member] {
        match self {
            Operation::DescribeUser => &[
                Member {
                    name: "UserId",
                    kind: Kind::String { min_len: 1 },
                    required: true,
                },
                INSTANCE_ID,
            ],
            Operation::ListUsers => &[INSTANCE_ID, NEXT_TOKEN, MAX_RESULTS],
            Operation::ListInstances => &[NEXT_TOKEN, MAX_RESULTS],
            Operation::SearchUsers => &[
                INSTANCE_ID,
                NEXT_TOKEN,
                MAX_RESULTS,
                Member {
                    name: "SearchFilter",
                    kind: Kind::Structure,
                    required: false,
                },
                Member {
                    name: "SearchCriteria",
                    kind: Kind::Structure,
                    required: false,
                },
            ],
        }
    }

    pub fn paginator(self) -> Option<Paginator> {
        match self {
            Operation::DescribeUser => None,
            Operation::ListUsers => Some(LIST_USERS),
            Operation::ListInstances => Some(LIST_INSTANCES),
            Operation::SearchUsers => Some(SEARCH_USERS),
        }
    }

    /// Where timestamps sit in the output (`[]` = every element of a list).
    pub fn timestamp_paths(self) -> &'static [&'static str] {
        match self {
            Operation::DescribeUser => &["User.LastModifiedTime"],
            Operation::ListUsers => &["UserSummaryList[].LastModifiedTime"],
            Operation::ListInstances => &["InstanceSummaryList[].CreatedTime"],
            Operation::SearchUsers => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The member lists and timestamp paths are hand-copied from the model: check them
    /// against it so a model update cannot silently disagree.
    #[test]
    fn members_and_timestamp_paths_agree_with_the_api_model() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/spec/connect-2017-08-08.service-2.json"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("skipped: the API model is not at {path}");
            return;
        };
        let model: serde_json::Value = serde_json::from_str(&text).unwrap();
        let shapes = &model["shapes"];
        for op in [
            Operation::DescribeUser,
            Operation::ListUsers,
            Operation::ListInstances,
            Operation::SearchUsers,
        ] {
            let input = &model["operations"][op.name()]["input"]["shape"];
            let shape = &shapes[input.as_str().unwrap()];
            let names: Vec<&str> = shape["members"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let ours: Vec<&str> = op.members().iter().map(|m| m.name).collect();
            assert_eq!(ours, names, "{}", op.name());
            let required: Vec<&str> = shape["required"]
                .as_array()
                .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            let ours: Vec<&str> = op
                .members()
                .iter()
                .filter(|m| m.required)
                .map(|m| m.name)
                .collect();
            assert_eq!(ours, required, "{}", op.name());
            for path in op.timestamp_paths() {
                let output = &model["operations"][op.name()]["output"]["shape"];
                let mut shape = &shapes[output.as_str().unwrap()];
                for part in path.split('.') {
                    let member = part.trim_end_matches("[]");
                    let name = shape["members"][member]["shape"].as_str().unwrap();
                    shape = &shapes[name];
                    if part.ends_with("[]") {
                        shape = &shapes[shape["member"]["shape"].as_str().unwrap()];
                    }
                }
                assert_eq!(shape["type"], "timestamp", "{path}");
            }
        }
    }
}
