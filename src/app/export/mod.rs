//! The users table as rows of plain values: what `export-users` prints and what Ctrl-S writes,
//! built by the same code from the same list (`UserList` and the instance's `Names`), so the
//! browser's file and the script's output never disagree.

mod format;

pub use format::{Format, write_csv, write_json, write_jsonl_row};

use std::collections::BTreeMap;

use crate::model::User;

use super::msg::NameKind;
use super::names::{Lookup, Names, PathState};
use super::user_details::NONE;
use super::user_list::UserList;

/// The columns, in order. The last three only with `--describe` (they need DescribeUser).
pub const COLUMNS: [&str; 16] = [
    "Id",
    "Arn",
    "Username",
    "FirstName",
    "LastName",
    "RoutingProfile",
    "RoutingProfileId",
    "SecurityProfiles",
    "SecurityProfileIds",
    "HierarchyGroup",
    "HierarchyPath",
    "PhoneType",
    "AutoAccept",
    "AfterContactWorkTimeLimit",
    "DeskPhoneNumber",
    "Tags",
];
pub const DESCRIBE_COLUMNS: [&str; 3] = ["Email", "SecondaryEmail", "Mobile"];

/// One user with every name resolved. A name the listings do not know is `None` (in lists:
/// an empty string), its ID is always in the column beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportRow {
    pub id: String,
    pub arn: Option<String>,
    pub username: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub routing_profile: Option<String>,
    pub routing_profile_id: Option<String>,
    pub security_profiles: Vec<String>,
    pub security_profile_ids: Vec<String>,
    /// The group's own name (the leaf of its path).
    pub hierarchy_group: Option<String>,
    /// The group names from the top level down, when the group has been described.
    pub hierarchy_path: Vec<String>,
    pub phone_type: Option<String>,
    pub auto_accept: Option<bool>,
    /// Seconds.
    pub after_contact_work_time_limit: Option<i32>,
    pub desk_phone_number: Option<String>,
    pub tags: BTreeMap<String, String>,
    /// Only from DescribeUser (`--describe`).
    pub described: Option<Described>,
}

/// What only DescribeUser knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Described {
    pub email: Option<String>,
    pub secondary_email: Option<String>,
    pub mobile: Option<String>,
}

impl Described {
    pub fn of(user: &User) -> Described {
        let info = user.identity_info.as_ref();
        Described {
            email: info.and_then(|i| i.email.clone()),
            secondary_email: info.and_then(|i| i.secondary_email.clone()),
            mobile: info.and_then(|i| i.mobile.clone()),
        }
    }
}

impl ExportRow {
    /// The row with every text made safe to show on a terminal (`crate::sanitize`).
    pub fn sanitized(self) -> ExportRow {
        let safe = |s: String| crate::sanitize::sanitize(&s).into_owned();
        let opt = |s: Option<String>| s.map(safe);
        let list = |v: Vec<String>| v.into_iter().map(safe).collect();
        ExportRow {
            id: safe(self.id),
            arn: opt(self.arn),
            username: opt(self.username),
            first_name: opt(self.first_name),
            last_name: opt(self.last_name),
            routing_profile: opt(self.routing_profile),
            routing_profile_id: opt(self.routing_profile_id),
            security_profiles: list(self.security_profiles),
            security_profile_ids: list(self.security_profile_ids),
            hierarchy_group: opt(self.hierarchy_group),
            hierarchy_path: list(self.hierarchy_path),
            phone_type: opt(self.phone_type),
            auto_accept: self.auto_accept,
            after_contact_work_time_limit: self.after_contact_work_time_limit,
            desk_phone_number: opt(self.desk_phone_number),
            tags: self
                .tags
                .into_iter()
                .map(|(k, v)| (safe(k), safe(v)))
                .collect(),
            described: self.described.map(|d| Described {
                email: opt(d.email),
                secondary_email: opt(d.secondary_email),
                mobile: opt(d.mobile),
            }),
        }
    }
}

fn known(lookup: Lookup<'_>) -> Option<String> {
    match lookup {
        Lookup::Known(name) => Some(name.to_string()),
        _ => None,
    }
}

/// The row of user `index` of `list`.
pub fn row(list: &UserList, names: &Names, index: usize) -> Option<ExportRow> {
    let summary = list.summary(index)?;
    let mut row = ExportRow {
        id: summary.id.unwrap_or_default(),
        arn: summary.arn,
        username: summary.username,
        ..ExportRow::default()
    };
    let Some(d) = list.details(index) else {
        return Some(row);
    };
    let shared = &list.shared;
    let id = |i: u32| {
        (i != NONE)
            .then(|| shared.id(i))
            .flatten()
            .map(str::to_string)
    };
    row.first_name = d.first_name().map(str::to_string);
    row.last_name = d.last_name().map(str::to_string);
    row.routing_profile_id = id(d.routing_profile);
    row.routing_profile = row
        .routing_profile_id
        .as_deref()
        .and_then(|rp| known(names.lookup(NameKind::RoutingProfiles, rp)));
    for sp in shared.id_set(d.security_profiles) {
        let sp = shared.id(*sp).unwrap_or_default();
        row.security_profile_ids.push(sp.to_string());
        row.security_profiles
            .push(known(names.lookup(NameKind::SecurityProfiles, sp)).unwrap_or_default());
    }
    if let Some(group) = id(d.hierarchy_group).as_deref() {
        row.hierarchy_group = known(names.lookup(NameKind::HierarchyGroups, group));
        if let PathState::Known(levels) = names.path(group) {
            row.hierarchy_path = levels.into_iter().map(|(_, name)| name).collect();
        }
    }
    row.phone_type = id(d.phone_type);
    row.auto_accept = d.auto_accept();
    row.after_contact_work_time_limit = d.acw_seconds();
    row.desk_phone_number = d.desk_phone().map(str::to_string);
    row.tags = shared
        .tag_set(d.tags)
        .iter()
        .map(|(k, v)| {
            let text = |i: u32| shared.tag_text(i).unwrap_or_default().to_string();
            (text(*k), text(*v))
        })
        .collect();
    Some(row)
}
