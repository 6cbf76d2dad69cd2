//! DescribeRoutingProfile, ListRoutingProfileQueues, ListQueues, DescribeQueue and
//! ListUserProficiencies: SDK types → domain types.

use aws_sdk_connect::types as sdk;

use super::mapping::{list, tags, ts};
use crate::model;

fn media_concurrency(m: sdk::MediaConcurrency) -> model::MediaConcurrency {
    // `WorkloadTypeConcurrencies` is newer than the API model the AWS CLI prints from (and
    // the mock serves); it is left out so output stays the AWS CLI's.
    model::MediaConcurrency {
        channel: Some(m.channel.as_str().to_string()),
        concurrency: Some(m.concurrency),
        cross_channel_behavior: m
            .cross_channel_behavior
            .map(|c| model::CrossChannelBehavior {
                behavior_type: Some(c.behavior_type.as_str().to_string()),
            }),
    }
}

pub fn routing_profile(p: sdk::RoutingProfile) -> model::RoutingProfile {
    model::RoutingProfile {
        instance_id: p.instance_id,
        name: p.name,
        routing_profile_arn: p.routing_profile_arn,
        routing_profile_id: p.routing_profile_id,
        description: p.description,
        media_concurrencies: list(p.media_concurrencies, media_concurrency),
        default_outbound_queue_id: p.default_outbound_queue_id,
        tags: tags(p.tags),
        number_of_associated_queues: p.number_of_associated_queues,
        number_of_associated_manual_assignment_queues: p
            .number_of_associated_manual_assignment_queues,
        number_of_associated_users: p.number_of_associated_users,
        agent_availability_timer: p.agent_availability_timer.map(|v| v.as_str().to_string()),
        last_modified_time: ts(p.last_modified_time),
        last_modified_region: p.last_modified_region,
        // The SDK reads an absent boolean as `false`; the service always sends it.
        is_default: Some(p.is_default),
        associated_queue_ids: p.associated_queue_ids,
        associated_manual_assignment_queue_ids: p.associated_manual_assignment_queue_ids,
    }
}

pub fn queue_config(
    q: sdk::RoutingProfileQueueConfigSummary,
) -> model::RoutingProfileQueueConfigSummary {
    model::RoutingProfileQueueConfigSummary {
        queue_id: Some(q.queue_id),
        queue_arn: Some(q.queue_arn),
        queue_name: Some(q.queue_name),
        priority: Some(q.priority),
        delay: Some(q.delay),
        channel: Some(q.channel.as_str().to_string()),
    }
}

pub fn queue_summary(q: sdk::QueueSummary) -> model::QueueSummary {
    model::QueueSummary {
        id: q.id,
        arn: q.arn,
        name: q.name,
        queue_type: q.queue_type.map(|v| v.as_str().to_string()),
        last_modified_time: ts(q.last_modified_time),
        last_modified_region: q.last_modified_region,
    }
}

pub fn queue(q: sdk::Queue) -> model::Queue {
    model::Queue {
        name: q.name,
        queue_arn: q.queue_arn,
        queue_id: q.queue_id,
        description: q.description,
        outbound_caller_config: q
            .outbound_caller_config
            .map(|c| model::OutboundCallerConfig {
                outbound_caller_id_name: c.outbound_caller_id_name,
                outbound_caller_id_number_id: c.outbound_caller_id_number_id,
                outbound_flow_id: c.outbound_flow_id,
            }),
        outbound_email_config: q.outbound_email_config.map(|c| model::OutboundEmailConfig {
            outbound_email_address_id: c.outbound_email_address_id,
        }),
        hours_of_operation_id: q.hours_of_operation_id,
        max_contacts: q.max_contacts,
        status: q.status.map(|v| v.as_str().to_string()),
        tags: tags(q.tags),
        last_modified_time: ts(q.last_modified_time),
        last_modified_region: q.last_modified_region,
    }
}

pub fn user_proficiency(p: sdk::UserProficiency) -> model::UserProficiency {
    model::UserProficiency {
        attribute_name: Some(p.attribute_name),
        attribute_value: Some(p.attribute_value),
        level: Some(p.level),
    }
}
