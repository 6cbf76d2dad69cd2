//! Routing profiles, queues, security profile permissions and proficiencies.
//!
//! For the browser (domain types in `crate::model`; every listing pages at the model's
//! largest page unless `max` says less):
//! - `describe_routing_profile(&self, instance_id: &str, routing_profile_id: &str)
//!   -> Result<RoutingProfile, ApiError>` (`MediaConcurrencies`, `DefaultOutboundQueueId`,
//!   `NumberOfAssociatedQueues`...);
//! - `list_routing_profile_queues_page(&self, instance_id, routing_profile_id, token, max)
//!   -> Result<StampedPage<RoutingProfileQueueConfigSummary>, ApiError>` (queue ID/ARN/name,
//!   channel, priority, delay);
//! - `list_queues_page(&self, instance_id, queue_types: &[String], token, max)
//!   -> Result<Page<QueueSummary>, ApiError>` (pass `["STANDARD"]` for names: an instance
//!   has one AGENT queue per user);
//! - `describe_queue(&self, instance_id, queue_id) -> Result<Queue, ApiError>`;
//! - `list_security_profile_permissions_page(&self, instance_id, security_profile_id, token,
//!   max) -> Result<StampedPage<String>, ApiError>`;
//! - `list_user_proficiencies_page(&self, instance_id, user_id, token, max)
//!   -> Result<StampedPage<UserProficiency>, ApiError>`.

use super::error::ApiError;
use super::{
    ConnectClient, MAX_PERMISSIONS_PAGE, MAX_PROFICIENCIES_PAGE, MAX_QUEUES_PAGE,
    MAX_ROUTING_PROFILE_QUEUES_PAGE, empty, mapped, mapping, mapping_routing, page,
};
use crate::model::{
    Page, Queue, QueueSummary, RoutingProfile, RoutingProfileQueueConfigSummary, StampedPage,
    UserProficiency,
};

impl ConnectClient {
    pub async fn describe_routing_profile(
        &self,
        instance_id: &str,
        routing_profile_id: &str,
    ) -> Result<RoutingProfile, ApiError> {
        let out = call!(
            self,
            "DescribeRoutingProfile",
            self.sdk
                .describe_routing_profile()
                .instance_id(instance_id)
                .routing_profile_id(routing_profile_id)
                .send()
        )?;
        out.routing_profile
            .map(mapping_routing::routing_profile)
            .ok_or_else(|| empty("DescribeRoutingProfile", "RoutingProfile"))
    }

    pub async fn list_routing_profile_queues_page(
        &self,
        instance_id: &str,
        routing_profile_id: &str,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<StampedPage<RoutingProfileQueueConfigSummary>, ApiError> {
        let out = call!(
            self,
            "ListRoutingProfileQueues",
            self.sdk
                .list_routing_profile_queues()
                .instance_id(instance_id)
                .routing_profile_id(routing_profile_id)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_ROUTING_PROFILE_QUEUES_PAGE))
                .send()
        )?;
        Ok(StampedPage {
            items: mapped(
                out.routing_profile_queue_config_summary_list,
                mapping_routing::queue_config,
            ),
            next_token: out.next_token,
            last_modified_time: mapping::ts(out.last_modified_time),
            last_modified_region: out.last_modified_region,
        })
    }

    /// `queue_types`: `STANDARD` and/or `AGENT`; empty lists both (an instance has one
    /// AGENT queue per user, so the browser asks for `STANDARD` only).
    pub async fn list_queues_page(
        &self,
        instance_id: &str,
        queue_types: &[String],
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<Page<QueueSummary>, ApiError> {
        let types = (!queue_types.is_empty())
            .then(|| queue_types.iter().map(|t| t.as_str().into()).collect());
        let out = call!(
            self,
            "ListQueues",
            self.sdk
                .list_queues()
                .instance_id(instance_id)
                .set_queue_types(types)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_QUEUES_PAGE))
                .send()
        )?;
        Ok(page(
            out.queue_summary_list,
            out.next_token,
            mapping_routing::queue_summary,
        ))
    }

    pub async fn describe_queue(
        &self,
        instance_id: &str,
        queue_id: &str,
    ) -> Result<Queue, ApiError> {
        let out = call!(
            self,
            "DescribeQueue",
            self.sdk
                .describe_queue()
                .instance_id(instance_id)
                .queue_id(queue_id)
                .send()
        )?;
        out.queue
            .map(mapping_routing::queue)
            .ok_or_else(|| empty("DescribeQueue", "Queue"))
    }

    /// One page of a security profile's permission names (`Users.View`, ...).
    pub async fn list_security_profile_permissions_page(
        &self,
        instance_id: &str,
        security_profile_id: &str,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<StampedPage<String>, ApiError> {
        let out = call!(
            self,
            "ListSecurityProfilePermissions",
            self.sdk
                .list_security_profile_permissions()
                .instance_id(instance_id)
                .security_profile_id(security_profile_id)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_PERMISSIONS_PAGE))
                .send()
        )?;
        Ok(StampedPage {
            items: out.permissions.unwrap_or_default(),
            next_token: out.next_token,
            last_modified_time: mapping::ts(out.last_modified_time),
            last_modified_region: out.last_modified_region,
        })
    }

    pub async fn list_user_proficiencies_page(
        &self,
        instance_id: &str,
        user_id: &str,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<StampedPage<UserProficiency>, ApiError> {
        let out = call!(
            self,
            "ListUserProficiencies",
            self.sdk
                .list_user_proficiencies()
                .instance_id(instance_id)
                .user_id(user_id)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_PROFICIENCIES_PAGE))
                .send()
        )?;
        Ok(StampedPage {
            items: mapped(out.user_proficiency_list, mapping_routing::user_proficiency),
            next_token: out.next_token,
            last_modified_time: mapping::ts(out.last_modified_time),
            last_modified_region: out.last_modified_region,
        })
    }
}
