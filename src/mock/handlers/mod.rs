//! One function per served operation, all pure: a parsed request and the data set in, a
//! JSON response or a modeled error out.

mod group_search;
mod hierarchy;
mod instances;
mod live;
mod profiles;
mod queues;
mod search;
mod users;

use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::dataset::{Dataset, InstanceData};
use super::live::Clock;
use super::operations::Resolved;
use super::paging::{Limits, Paging};
use super::wire::{self, Answer, ServiceError};

/// The operations this endpoint answers; every other one gets a 400 naming them. All reads:
/// the ones the client sends ([`crate::connect::READ_OPERATIONS`], checked by a test below)
/// and a few more that scripts and the AWS CLI use against it.
pub const SERVED: &[&str] = &[
    "ListInstances",
    "DescribeInstance",
    "ListUsers",
    "DescribeUser",
    "SearchUsers",
    "ListRoutingProfiles",
    "DescribeRoutingProfile",
    "ListSecurityProfiles",
    "DescribeSecurityProfile",
    "SearchUserHierarchyGroups",
    "ListUserHierarchyGroups",
    "DescribeUserHierarchyGroup",
    "DescribeUserHierarchyStructure",
    "ListUserProficiencies",
    "GetCurrentUserData",
    "ListAgentStatuses",
    "ListRoutingProfileQueues",
    "ListQueues",
    "DescribeQueue",
    "ListSecurityProfilePermissions",
    "ListTagsForResource",
];

/// A request addressed to a known operation.
pub struct Request<'a> {
    pub op: &'a Resolved,
    pub query: &'a [(String, String)],
    pub body: &'a [u8],
    pub data: &'a Dataset,
    /// What live state depends on: the time now, the server's start and `--seed`.
    pub clock: Clock,
}

impl Request<'_> {
    fn instance(&self) -> Result<&InstanceData, ServiceError> {
        find_instance(self.data, self.op.label("InstanceId"))
    }

    /// The JSON body of a POST operation as `T`, or the 400 that names the operation.
    fn json_body<T: serde::de::DeserializeOwned>(&self) -> Result<T, ServiceError> {
        serde_json::from_slice(self.body).map_err(|e| self.bad_body(e))
    }

    /// The instance a POST body names in its (required) `InstanceId`.
    fn body_instance(&self, id: Option<&str>) -> Result<&InstanceData, ServiceError> {
        let id = id.ok_or_else(|| ServiceError::invalid_parameter("InstanceId is required"))?;
        find_instance(self.data, id)
    }

    /// A member of the body kept as JSON (search criteria, filters) read as `T`; absent: the
    /// default.
    fn json_part<T: Default + serde::de::DeserializeOwned>(
        &self,
        value: &Option<serde_json::Value>,
    ) -> Result<T, ServiceError> {
        match value {
            None => Ok(T::default()),
            Some(v) => T::deserialize(v).map_err(|e| self.bad_body(e)),
        }
    }

    /// The 400 for a body (or a part of one) that is not a valid request of this operation.
    fn bad_body(&self, e: impl std::fmt::Display) -> ServiceError {
        ServiceError::invalid_request(format!(
            "the request body is not a valid {} request: {e}",
            self.op.name
        ))
    }

    /// Paging from the query string; tokens are scoped to this operation and `scope`.
    fn paging(&self, scope: &str, limits: Limits) -> Result<Paging, ServiceError> {
        let paging = Paging::from_query(format!("{}/{scope}", self.op.name), self.query, limits);
        // ListInstances models no InvalidParameterException; its bad input is an invalid request.
        match self.op.name {
            "ListInstances" => paging.map_err(|e| ServiceError::invalid_request(e.message)),
            _ => paging,
        }
    }
}

fn find_instance<'d>(data: &'d Dataset, id: &str) -> Result<&'d InstanceData, ServiceError> {
    found(data.instance(id), "Instance", id)
}

/// `value`, or the 404 Connect answers when the `what` called `id` does not exist.
fn found<T>(value: Option<T>, what: &str, id: &str) -> Result<T, ServiceError> {
    value.ok_or_else(|| ServiceError::not_found(format!("{what} {id} not found")))
}

pub fn answer(request: &Request) -> Response {
    if let Some(denied) = access_denied(request) {
        return denied.into_response();
    }
    let answer = match request.op.name {
        "ListInstances" => instances::list(request),
        "DescribeInstance" => instances::describe(request),
        "ListUsers" => users::list(request),
        "DescribeUser" => users::describe(request),
        "ListUserProficiencies" => users::proficiencies(request),
        "SearchUsers" => search::search_users(request),
        "ListRoutingProfiles" => profiles::list_routing(request),
        "DescribeRoutingProfile" => profiles::describe_routing(request),
        "ListSecurityProfiles" => profiles::list_security(request),
        "DescribeSecurityProfile" => profiles::describe_security(request),
        "SearchUserHierarchyGroups" => group_search::search_groups(request),
        "ListUserHierarchyGroups" => hierarchy::list_groups(request),
        "DescribeUserHierarchyGroup" => hierarchy::describe_group(request),
        "DescribeUserHierarchyStructure" => hierarchy::structure(request),
        "GetCurrentUserData" => live::current_user_data(request),
        "ListAgentStatuses" => live::list_agent_statuses(request),
        "ListRoutingProfileQueues" => queues::list_routing_profile_queues(request),
        "ListQueues" => queues::list(request),
        "DescribeQueue" => queues::describe(request),
        "ListSecurityProfilePermissions" => profiles::list_permissions(request),
        "ListTagsForResource" => list_tags(request),
        other => Err(ServiceError::invalid_request(format!(
            "{other} is not served by connect-tui mock-server (a read-only endpoint); it serves {}",
            SERVED.join(", ")
        ))),
    };
    answer.unwrap_or_else(IntoResponse::into_response)
}

/// The 403 Connect answers when the caller's IAM policy lacks the action: for operations the
/// data file lists in the instance's `DeniedOperations`.
fn access_denied(request: &Request) -> Option<ServiceError> {
    let instance = request.data.instance(&addressed_instance(request)?)?;
    instance
        .denied_operations
        .iter()
        .any(|op| op == request.op.name)
        .then(|| {
            ServiceError::access_denied(format!(
                "User: arn:aws:sts::123456789012:assumed-role/ReadOnly/admin is not authorized \
                 to perform: connect:{} on resource: {}",
                request.op.name,
                instance.instance.arn.as_deref().unwrap_or_default()
            ))
        })
}

/// The instance a request is for: the path's `InstanceId`, or the body's for the operations
/// that carry it there (SearchUsers, SearchUserHierarchyGroups).
fn addressed_instance(request: &Request) -> Option<String> {
    let label = request.op.label("InstanceId");
    if !label.is_empty() {
        return Some(label.to_string());
    }
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Body {
        instance_id: Option<String>,
    }
    serde_json::from_slice::<Body>(request.body)
        .ok()?
        .instance_id
}

/// `{"<list_key>": [...], "NextToken": "..."}`, the token only when more pages follow.
fn listing<T: Serialize>(list_key: &str, items: &[T], next_token: Option<String>) -> Answer {
    Ok(wire::json(&Listing {
        list_key,
        items,
        next_token,
    }))
}

/// Like [`listing`], for items encoded once at load time: a page of 1000 users is then a
/// copy of bytes, not 1000 serializations, whatever the build profile or machine load.
fn encoded_listing(list_key: &str, items: &[Box<str>], next_token: Option<String>) -> Answer {
    let encode_error = |e: serde_json::Error| ServiceError::internal(e.to_string());
    let mut body = Vec::with_capacity(items.iter().map(|i| i.len() + 1).sum::<usize>() + 128);
    body.push(b'{');
    serde_json::to_writer(&mut body, list_key).map_err(encode_error)?;
    body.extend_from_slice(b":[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(item.as_bytes());
    }
    body.push(b']');
    if let Some(token) = next_token {
        body.extend_from_slice(b",\"NextToken\":");
        serde_json::to_writer(&mut body, &token).map_err(encode_error)?;
    }
    body.push(b'}');
    Ok(wire::json_bytes(body))
}

/// Serialized straight to bytes (no intermediate `serde_json::Value`): pages of 1000 users
/// stay cheap.
struct Listing<'a, T> {
    list_key: &'a str,
    items: &'a [T],
    next_token: Option<String>,
}

impl<T: Serialize> Serialize for Listing<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(self.list_key, self.items)?;
        if let Some(token) = &self.next_token {
            map.serialize_entry("NextToken", token)?;
        }
        map.end()
    }
}

/// `{"<key>": value}`.
fn single<T: Serialize>(key: &str, value: &T) -> Answer {
    Ok(wire::json(&std::collections::BTreeMap::from([(
        key, value,
    )])))
}

fn list_tags(request: &Request) -> Answer {
    let arn = request.op.label("resourceArn");
    let tags = found(request.data.tags(arn), "Resource", arn)?;
    single("tags", tags)
}

#[cfg(test)]
mod served_tests {
    #[test]
    fn every_operation_the_client_sends_is_served() {
        for op in crate::connect::READ_OPERATIONS {
            assert!(super::SERVED.contains(op), "{op} is not served");
        }
    }
}
