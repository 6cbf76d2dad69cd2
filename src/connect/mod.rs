//! The AWS boundary: builds the SDK client from aws-config, pages, rate-limits, and maps SDK
//! outputs into the domain types of [`crate::model`]. Nothing outside this module imports
//! `aws_sdk_connect`.

mod error;
mod instance_ref;

pub use error::{ApiError, ErrorKind};
pub use instance_ref::parse_instance_id;

use std::time::Duration;

use crate::model::{
    HierarchyGroup, HierarchyStructure, Instance, InstanceSummary, NamedSummary, Page,
    RoutingProfile, SearchPage, SecurityProfile, Tags, User, UserProficiency, UserSummary,
};

/// Largest page sizes the model allows (used unless the caller asks for less).
pub const MAX_INSTANCES_PAGE: i32 = 10;
pub const MAX_USERS_PAGE: i32 = 1000;
pub const MAX_SEARCH_PAGE: i32 = 500;
pub const MAX_NAMED_PAGE: i32 = 1000;
pub const MAX_PROFICIENCIES_PAGE: i32 = 100;

/// How to reach Connect: the AWS CLI's options, or the demo endpoint.
#[derive(Clone, Debug, Default)]
pub struct ClientOptions {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// `None` = default (60 s); `Some(ZERO)` = no timeout.
    pub connect_timeout: Option<Duration>,
    pub read_timeout: Option<Duration>,
    pub no_sign_request: bool,
    /// Static demo credentials; the user's AWS configuration is not read at all.
    pub demo: bool,
}

/// A cheap-to-clone handle on the Connect API (clones share the HTTP pool and rate limiter).
#[derive(Clone, Debug)]
pub struct ConnectClient {
    sdk: aws_sdk_connect::Client,
    /// The profile in use (for the status bar and SSO hints).
    pub profile: Option<String>,
    /// The region in use.
    pub region: String,
}

impl ConnectClient {
    pub async fn new(_opts: &ClientOptions) -> Result<Self, ApiError> {
        todo!()
    }
    pub async fn list_instances_page(&self, _token: Option<String>, _max: Option<i32>) -> Result<Page<InstanceSummary>, ApiError> { todo!() }
    pub async fn describe_instance(&self, _instance_id: &str) -> Result<Instance, ApiError> { todo!() }
    pub async fn list_users_page(&self, _instance_id: &str, _token: Option<String>, _max: Option<i32>) -> Result<Page<UserSummary>, ApiError> { todo!() }
    pub async fn describe_user(&self, _instance_id: &str, _user_id: &str) -> Result<User, ApiError> { todo!() }
    /// `criteria` / `filter` are `UserSearchCriteria` / `UserSearchFilter` in their JSON shape.
    pub async fn search_users_page(&self, _instance_id: &str, _criteria: Option<&serde_json::Value>, _filter: Option<&serde_json::Value>, _token: Option<String>, _max: Option<i32>) -> Result<SearchPage, ApiError> { todo!() }
    pub async fn list_routing_profiles_page(&self, _instance_id: &str, _token: Option<String>, _max: Option<i32>) -> Result<Page<NamedSummary>, ApiError> { todo!() }
    pub async fn describe_routing_profile(&self, _instance_id: &str, _id: &str) -> Result<RoutingProfile, ApiError> { todo!() }
    pub async fn list_security_profiles_page(&self, _instance_id: &str, _token: Option<String>, _max: Option<i32>) -> Result<Page<NamedSummary>, ApiError> { todo!() }
    pub async fn describe_security_profile(&self, _instance_id: &str, _id: &str) -> Result<SecurityProfile, ApiError> { todo!() }
    pub async fn list_hierarchy_groups_page(&self, _instance_id: &str, _token: Option<String>, _max: Option<i32>) -> Result<Page<NamedSummary>, ApiError> { todo!() }
    pub async fn describe_hierarchy_group(&self, _instance_id: &str, _id: &str) -> Result<HierarchyGroup, ApiError> { todo!() }
    pub async fn describe_hierarchy_structure(&self, _instance_id: &str) -> Result<HierarchyStructure, ApiError> { todo!() }
    pub async fn list_user_proficiencies_page(&self, _instance_id: &str, _user_id: &str, _token: Option<String>, _max: Option<i32>) -> Result<Page<UserProficiency>, ApiError> { todo!() }
    pub async fn list_tags_for_resource(&self, _arn: &str) -> Result<Tags, ApiError> { todo!() }
}
