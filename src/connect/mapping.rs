//! SDK output types → domain types (`crate::model`). Moves fields out of the SDK structs;
//! enums become their wire strings so unknown future values survive as-is.

use aws_sdk_connect::types as sdk;
use aws_smithy_types::DateTime;

use crate::model::{self, Tags, Timestamp};

pub(super) fn ts(t: Option<DateTime>) -> Option<Timestamp> {
    t.map(|t| Timestamp::from_secs_nanos(t.secs(), t.subsec_nanos()))
}

pub(super) fn tags(t: Option<std::collections::HashMap<String, String>>) -> Option<Tags> {
    t.map(|m| m.into_iter().collect())
}

pub(super) fn list<S, T>(items: Option<Vec<S>>, f: impl FnMut(S) -> T) -> Option<Vec<T>> {
    items.map(|v| v.into_iter().map(f).collect())
}

pub fn instance_summary(i: sdk::InstanceSummary) -> model::InstanceSummary {
    model::InstanceSummary {
        id: i.id,
        arn: i.arn,
        identity_management_type: i.identity_management_type.map(|v| v.as_str().to_string()),
        instance_alias: i.instance_alias,
        created_time: ts(i.created_time),
        service_role: i.service_role,
        instance_status: i.instance_status.map(|v| v.as_str().to_string()),
        inbound_calls_enabled: i.inbound_calls_enabled,
        outbound_calls_enabled: i.outbound_calls_enabled,
        instance_access_url: i.instance_access_url,
    }
}

pub fn user_summary(u: sdk::UserSummary) -> model::UserSummary {
    model::UserSummary {
        id: u.id,
        arn: u.arn,
        username: u.username,
        last_modified_time: ts(u.last_modified_time),
        last_modified_region: u.last_modified_region,
    }
}

fn identity_info(i: sdk::UserIdentityInfo) -> model::UserIdentityInfo {
    model::UserIdentityInfo {
        first_name: i.first_name,
        last_name: i.last_name,
        email: i.email,
        secondary_email: i.secondary_email,
        mobile: i.mobile,
    }
}

fn phone_config(p: sdk::UserPhoneConfig) -> model::UserPhoneConfig {
    model::UserPhoneConfig {
        phone_type: Some(p.phone_type.as_str().to_string()),
        auto_accept: Some(p.auto_accept),
        after_contact_work_time_limit: Some(p.after_contact_work_time_limit),
        desk_phone_number: p.desk_phone_number,
        persistent_connection: p.persistent_connection,
    }
}

fn auto_accept(c: sdk::AutoAcceptConfig) -> model::AutoAcceptConfig {
    model::AutoAcceptConfig {
        channel: Some(c.channel.as_str().to_string()),
        auto_accept: Some(c.auto_accept),
        agent_first_callback_auto_accept: c.agent_first_callback_auto_accept,
    }
}

fn acw(c: sdk::AfterContactWorkConfig) -> model::AfterContactWorkConfig {
    model::AfterContactWorkConfig {
        after_contact_work_time_limit: Some(c.after_contact_work_time_limit),
    }
}

fn acw_per_channel(
    c: sdk::AfterContactWorkConfigPerChannel,
) -> model::AfterContactWorkConfigPerChannel {
    model::AfterContactWorkConfigPerChannel {
        channel: Some(c.channel.as_str().to_string()),
        after_contact_work_config: c.after_contact_work_config.map(acw),
        agent_first_callback_after_contact_work_config: c
            .agent_first_callback_after_contact_work_config
            .map(acw),
    }
}

fn phone_number(c: sdk::PhoneNumberConfig) -> model::PhoneNumberConfig {
    model::PhoneNumberConfig {
        channel: Some(c.channel.as_str().to_string()),
        phone_type: Some(c.phone_type.as_str().to_string()),
        phone_number: c.phone_number,
    }
}

fn persistent(c: sdk::PersistentConnectionConfig) -> model::PersistentConnectionConfig {
    model::PersistentConnectionConfig {
        channel: Some(c.channel.as_str().to_string()),
        persistent_connection: Some(c.persistent_connection),
    }
}

fn voice(c: sdk::VoiceEnhancementConfig) -> model::VoiceEnhancementConfig {
    model::VoiceEnhancementConfig {
        channel: Some(c.channel.as_str().to_string()),
        voice_enhancement_mode: Some(c.voice_enhancement_mode.as_str().to_string()),
    }
}

pub fn user(u: sdk::User) -> model::User {
    model::User {
        id: u.id,
        arn: u.arn,
        username: u.username,
        identity_info: u.identity_info.map(identity_info),
        phone_config: u.phone_config.map(phone_config),
        directory_user_id: u.directory_user_id,
        security_profile_ids: u.security_profile_ids,
        routing_profile_id: u.routing_profile_id,
        hierarchy_group_id: u.hierarchy_group_id,
        tags: tags(u.tags),
        auto_accept_configs: list(u.auto_accept_configs, auto_accept),
        after_contact_work_configs: list(u.after_contact_work_configs, acw_per_channel),
        phone_number_configs: list(u.phone_number_configs, phone_number),
        persistent_connection_configs: list(u.persistent_connection_configs, persistent),
        voice_enhancement_configs: list(u.voice_enhancement_configs, voice),
        last_modified_time: ts(u.last_modified_time),
        last_modified_region: u.last_modified_region,
    }
}

pub fn user_search_summary(u: sdk::UserSearchSummary) -> model::UserSearchSummary {
    model::UserSearchSummary {
        arn: u.arn,
        directory_user_id: u.directory_user_id,
        hierarchy_group_id: u.hierarchy_group_id,
        id: u.id,
        identity_info: u.identity_info.map(|i| model::UserIdentityInfoLite {
            first_name: i.first_name,
            last_name: i.last_name,
        }),
        phone_config: u.phone_config.map(phone_config),
        routing_profile_id: u.routing_profile_id,
        security_profile_ids: u.security_profile_ids,
        tags: tags(u.tags),
        username: u.username,
        auto_accept_configs: list(u.auto_accept_configs, auto_accept),
        after_contact_work_configs: list(u.after_contact_work_configs, acw_per_channel),
        phone_number_configs: list(u.phone_number_configs, phone_number),
        persistent_connection_configs: list(u.persistent_connection_configs, persistent),
        voice_enhancement_configs: list(u.voice_enhancement_configs, voice),
    }
}

/// The SDK has one summary type per resource with identical members; one macro-free mapping
/// per type keeps the compiler checking every field.
pub fn routing_profile_summary(s: sdk::RoutingProfileSummary) -> model::NamedSummary {
    model::NamedSummary {
        id: s.id,
        arn: s.arn,
        name: s.name,
        last_modified_time: ts(s.last_modified_time),
        last_modified_region: s.last_modified_region,
    }
}

pub fn security_profile_summary(s: sdk::SecurityProfileSummary) -> model::NamedSummary {
    model::NamedSummary {
        id: s.id,
        arn: s.arn,
        name: s.name,
        last_modified_time: ts(s.last_modified_time),
        last_modified_region: s.last_modified_region,
    }
}

pub fn hierarchy_group_summary(s: sdk::HierarchyGroupSummary) -> model::NamedSummary {
    model::NamedSummary {
        id: s.id,
        arn: s.arn,
        name: s.name,
        last_modified_time: ts(s.last_modified_time),
        last_modified_region: s.last_modified_region,
    }
}

fn hierarchy_level(s: sdk::HierarchyLevel) -> model::HierarchyLevel {
    model::NamedSummary {
        id: s.id,
        arn: s.arn,
        name: s.name,
        last_modified_time: ts(s.last_modified_time),
        last_modified_region: s.last_modified_region,
    }
}

pub fn hierarchy_group(g: sdk::HierarchyGroup) -> model::HierarchyGroup {
    model::HierarchyGroup {
        id: g.id,
        arn: g.arn,
        name: g.name,
        level_id: g.level_id,
        hierarchy_path: g.hierarchy_path.map(|p| model::HierarchyPath {
            level_one: p.level_one.map(hierarchy_group_summary),
            level_two: p.level_two.map(hierarchy_group_summary),
            level_three: p.level_three.map(hierarchy_group_summary),
            level_four: p.level_four.map(hierarchy_group_summary),
            level_five: p.level_five.map(hierarchy_group_summary),
        }),
        tags: tags(g.tags),
        last_modified_time: ts(g.last_modified_time),
        last_modified_region: g.last_modified_region,
    }
}

pub fn hierarchy_structure(s: sdk::HierarchyStructure) -> model::HierarchyStructure {
    model::HierarchyStructure {
        level_one: s.level_one.map(hierarchy_level),
        level_two: s.level_two.map(hierarchy_level),
        level_three: s.level_three.map(hierarchy_level),
        level_four: s.level_four.map(hierarchy_level),
        level_five: s.level_five.map(hierarchy_level),
    }
}
