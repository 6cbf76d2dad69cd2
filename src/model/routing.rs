//! Routing: a routing profile's channels and queues (DescribeRoutingProfile's
//! `MediaConcurrencies`, ListRoutingProfileQueues) and queues (ListQueues, DescribeQueue).

use serde::{Deserialize, Serialize};

use super::{Tags, Timestamp};

/// `CrossChannelBehavior`: `ROUTE_CURRENT_CHANNEL_ONLY` or `ROUTE_ANY_CHANNEL`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CrossChannelBehavior {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub behavior_type: Option<String>,
}

/// `MediaConcurrency`: how many contacts of a channel an agent of the profile takes at once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MediaConcurrency {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cross_channel_behavior: Option<CrossChannelBehavior>,
}

/// `RoutingProfileQueueConfigSummary` (ListRoutingProfileQueues): one queue a routing
/// profile serves on one channel. Priority 1 is served first; `Delay` is in seconds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RoutingProfileQueueConfigSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

/// `QueueSummary` (ListQueues). `QueueType` is `STANDARD` or `AGENT`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct QueueSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
}

/// `OutboundCallerConfig` (of `Queue`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OutboundCallerConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_caller_id_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_caller_id_number_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_flow_id: Option<String>,
}

/// `OutboundEmailConfig` (of `Queue`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OutboundEmailConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_email_address_id: Option<String>,
}

/// `Queue` (DescribeQueue), members in the model's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Queue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_caller_config: Option<OutboundCallerConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_email_config: Option<OutboundEmailConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_of_operation_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_contacts: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
}
