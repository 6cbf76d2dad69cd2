//! Domain types: plain owned structs in the Amazon Connect API's own shapes.
//!
//! Why the API's shapes (PascalCase members, in the model's member order, `Option` for
//! everything the service may omit)? Because three parts of the program speak them:
//! - `mock/` serves them on the wire and reads its `--data` file in them, so an admin can
//!   paste `aws connect describe-user` output into a data file;
//! - `commands/` prints them the way the AWS CLI does (botocore emits members in model order);
//! - `connect/` maps SDK outputs into them, so no SDK type ever reaches the UI.
//!
//! Timestamps are [`Timestamp`]: epoch seconds, serialized as a JSON number (the wire format),
//! deserialized from a number or an ISO 8601 string (friendly data files).

mod hierarchy;
mod live;
mod routing;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use hierarchy::{HierarchyGroup, HierarchyLevel, HierarchyPath, HierarchyStructure};
pub use live::{
    AgentContactReference, AgentStatusReference, AgentStatusSummary, ChannelCounts, ContactFilter,
    HierarchyPathReference, Reference, UserData, UserDataFilters, UserDataPage,
};
pub use routing::{
    CrossChannelBehavior, MediaConcurrency, OutboundCallerConfig, OutboundEmailConfig, Queue,
    QueueSummary, RoutingProfileQueueConfigSummary,
};

/// Tags as the API returns them (a JSON object). Ordered so output is stable.
pub type Tags = BTreeMap<String, String>;

/// A point in time, as epoch seconds (fractional seconds kept).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Timestamp(pub f64);

impl Timestamp {
    pub fn from_secs_nanos(secs: i64, nanos: u32) -> Self {
        Timestamp(secs as f64 + f64::from(nanos) / 1e9)
    }

    pub fn to_chrono(self) -> Option<chrono::DateTime<chrono::Utc>> {
        let secs = self.0.floor();
        let nanos = ((self.0 - secs) * 1e9).round().clamp(0.0, 999_999_999.0) as u32;
        chrono::DateTime::from_timestamp(secs as i64, nanos)
    }

    /// Parses an ISO 8601 / RFC 3339 date-time (`2024-05-01T10:00:00Z`, with offset or not).
    pub fn parse_iso8601(text: &str) -> Option<Self> {
        if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(text) {
            return Some(Self::from_secs_nanos(
                dt.timestamp(),
                dt.timestamp_subsec_nanos(),
            ));
        }
        // Without an offset: read as UTC, as botocore does.
        let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
        let dt = naive.and_utc();
        Some(Self::from_secs_nanos(
            dt.timestamp(),
            dt.timestamp_subsec_nanos(),
        ))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Whole seconds go out as integers (`1589390427`, not `1589390427.0`), like the service.
        if self.0.fract() == 0.0 && self.0.abs() < 9e15 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("epoch seconds (a number) or an ISO 8601 date-time string")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Timestamp, E> {
                Ok(Timestamp(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Ok(Timestamp(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Timestamp, E> {
                Ok(Timestamp(v as f64))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse_iso8601(v)
                    .ok_or_else(|| E::custom(format!("`{v}` is not an ISO 8601 date-time")))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// `InstanceSummary` (ListInstances).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InstanceSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_management_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_alias: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbound_calls_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_calls_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_access_url: Option<String>,
}

/// `Instance` (DescribeInstance).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Instance {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_management_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_alias: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbound_calls_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbound_calls_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_access_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
}

/// `UserSummary` (ListUsers).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
}

/// `UserIdentityInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserIdentityInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secondary_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
}

/// `UserPhoneConfig`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPhoneConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_accept: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_contact_work_time_limit: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desk_phone_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistent_connection: Option<bool>,
}

/// `AutoAcceptConfig` (per channel).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AutoAcceptConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_accept: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_first_callback_auto_accept: Option<bool>,
}

/// `AfterContactWorkConfig`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AfterContactWorkConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_contact_work_time_limit: Option<i32>,
}

/// `AfterContactWorkConfigPerChannel`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AfterContactWorkConfigPerChannel {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_contact_work_config: Option<AfterContactWorkConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_first_callback_after_contact_work_config: Option<AfterContactWorkConfig>,
}

/// `PhoneNumberConfig` (per channel).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PhoneNumberConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// `PersistentConnectionConfig` (per channel).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PersistentConnectionConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistent_connection: Option<bool>,
}

/// `VoiceEnhancementConfig` (per channel).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VoiceEnhancementConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_enhancement_mode: Option<String>,
}

/// `User` (DescribeUser), members in the model's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct User {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_info: Option<UserIdentityInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_config: Option<UserPhoneConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_profile_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_profile_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hierarchy_group_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_accept_configs: Option<Vec<AutoAcceptConfig>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_contact_work_configs: Option<Vec<AfterContactWorkConfigPerChannel>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_configs: Option<Vec<PhoneNumberConfig>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistent_connection_configs: Option<Vec<PersistentConnectionConfig>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_enhancement_configs: Option<Vec<VoiceEnhancementConfig>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
}

/// `UserIdentityInfoLite` (SearchUsers).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserIdentityInfoLite {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
}

/// `UserSearchSummary` (SearchUsers), members in the model's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserSearchSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hierarchy_group_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_info: Option<UserIdentityInfoLite>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_config: Option<UserPhoneConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_profile_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_profile_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_accept_configs: Option<Vec<AutoAcceptConfig>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_contact_work_configs: Option<Vec<AfterContactWorkConfigPerChannel>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_configs: Option<Vec<PhoneNumberConfig>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistent_connection_configs: Option<Vec<PersistentConnectionConfig>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice_enhancement_configs: Option<Vec<VoiceEnhancementConfig>>,
}

/// The common summary shape of routing profiles, security profiles and hierarchy groups
/// (`RoutingProfileSummary`, `SecurityProfileSummary`, `HierarchyGroupSummary`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct NamedSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
}

/// `RoutingProfile` (DescribeRoutingProfile), members in the model's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RoutingProfile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_profile_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_profile_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_concurrencies: Option<Vec<MediaConcurrency>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_outbound_queue_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_associated_queues: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_associated_manual_assignment_queues: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_associated_users: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_availability_timer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated_queue_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated_manual_assignment_queue_ids: Option<Vec<String>>,
}

/// `SecurityProfile` (DescribeSecurityProfile) — the members this tool shows or serves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SecurityProfile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_resource_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_profile_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
}

/// `UserProficiency` (ListUserProficiencies).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserProficiency {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<f32>,
}

/// One page of a paginated listing, as the service returned it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_token: Option<String>,
}

/// A page of a listing whose response also carries when the listed set last changed
/// (ListRoutingProfileQueues, ListSecurityProfilePermissions, ListUserProficiencies).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StampedPage<T> {
    pub items: Vec<T>,
    pub next_token: Option<String>,
    pub last_modified_time: Option<Timestamp>,
    pub last_modified_region: Option<String>,
}

/// One page of SearchUsers (which also carries an approximate total).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchPage {
    pub users: Vec<UserSearchSummary>,
    pub next_token: Option<String>,
    pub approximate_total_count: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_reads_numbers_and_iso_strings() {
        let t: Timestamp = serde_json::from_str("1589390427").unwrap();
        assert_eq!(t, Timestamp(1589390427.0));
        let t: Timestamp = serde_json::from_str("1589390427.547").unwrap();
        assert_eq!(t, Timestamp(1589390427.547));
        let t: Timestamp = serde_json::from_str("\"2020-05-13T17:20:27Z\"").unwrap();
        assert_eq!(t, Timestamp(1589390427.0));
        let t: Timestamp = serde_json::from_str("\"2020-05-13T19:20:27+02:00\"").unwrap();
        assert_eq!(t, Timestamp(1589390427.0));
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
    }

    #[test]
    fn timestamp_writes_whole_seconds_as_integers() {
        assert_eq!(
            serde_json::to_string(&Timestamp(1589390427.0)).unwrap(),
            "1589390427"
        );
        assert_eq!(
            serde_json::to_string(&Timestamp(1589390427.5)).unwrap(),
            "1589390427.5"
        );
    }

    #[test]
    fn user_serializes_in_model_order_without_absent_members() {
        let user = User {
            id: Some("u".into()),
            username: Some("jane".into()),
            tags: Some(Tags::new()),
            ..User::default()
        };
        assert_eq!(
            serde_json::to_string(&user).unwrap(),
            r#"{"Id":"u","Username":"jane","Tags":{}}"#
        );
    }
}
