//! What the SearchUsers sweep adds to a listed user — names, routing profile, security
//! profiles, hierarchy group, phone settings, tags — stored compactly: 100,000 users must stay
//! within the browser's memory budget (`scripts/measure-tui.sh`). IDs repeat across users (a
//! few routing profiles for thousands of agents), so every ID, and every set of IDs or tags,
//! is kept once in an [`Interner`] and a user holds 4-byte indices into it.

use std::collections::HashMap;
use std::hash::Hash;

use crate::model::UserSearchSummary;

use super::filter::FIELD_SEPARATOR;

/// "No value" in an index field.
pub const NONE: u32 = u32::MAX;

/// Values kept once, found by index.
#[derive(Debug)]
pub struct Interner<T> {
    values: Vec<T>,
    index: HashMap<T, u32>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Interner {
            values: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T: Hash + Eq + Clone> Interner<T> {
    /// The index of `value`, adding it when new.
    pub fn intern(&mut self, value: T) -> u32 {
        if let Some(i) = self.index.get(&value) {
            return *i;
        }
        let Ok(i) = u32::try_from(self.values.len()) else {
            return NONE; // Four billion distinct values: not a Connect instance.
        };
        self.values.push(value.clone());
        self.index.insert(value, i);
        i
    }

    pub fn get(&self, i: u32) -> Option<&T> {
        self.values.get(i as usize)
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.values.iter()
    }
}

/// What the users of one instance share: every ID and tag text, every set of security
/// profiles and every set of tags. IDs and tag texts are kept apart so that a filter term on
/// routing profiles looks at the few IDs, not at every distinct tag value.
#[derive(Debug, Default)]
pub struct Shared {
    /// Routing profile, security profile and hierarchy group IDs, and phone types.
    pub ids: Interner<Box<str>>,
    /// Tag keys and values.
    pub tag_texts: Interner<Box<str>>,
    /// Sets of security profile IDs (indices into `ids`), in the API's order.
    pub id_sets: Interner<Box<[u32]>>,
    /// Sets of tags: (key, value) indices into `tag_texts`, sorted by key.
    pub tag_sets: Interner<Box<[(u32, u32)]>>,
}

impl Shared {
    pub fn id(&self, i: u32) -> Option<&str> {
        self.ids.get(i).map(|s| &**s)
    }

    pub fn tag_text(&self, i: u32) -> Option<&str> {
        self.tag_texts.get(i).map(|s| &**s)
    }

    fn intern_opt(&mut self, value: Option<&str>) -> u32 {
        match value.filter(|v| !v.is_empty()) {
            Some(v) => self.ids.intern(v.into()),
            None => NONE,
        }
    }

    pub fn id_set(&self, i: u32) -> &[u32] {
        self.id_sets.get(i).map_or(&[], |s| s)
    }

    pub fn tag_set(&self, i: u32) -> &[(u32, u32)] {
        self.tag_sets.get(i).map_or(&[], |s| s)
    }
}

const HAS_FIRST: u8 = 1;
const HAS_LAST: u8 = 2;
const HAS_AUTO_ACCEPT: u8 = 4;
const AUTO_ACCEPT: u8 = 8;
const HAS_ACW: u8 = 16;

/// One swept user: 72 bytes (checked below), plus one allocation for the names' text and
/// one for a desk phone number.
#[derive(Debug)]
pub struct Details {
    /// What the filter's bare terms search: username, first name, last name, separated by
    /// [`FIELD_SEPARATOR`]; `ends` says where the username and the first name end (values
    /// may contain the separator themselves).
    text: Box<str>,
    ends: [u32; 2],
    desk_phone: Option<Box<str>>,
    pub routing_profile: u32,
    pub security_profiles: u32,
    pub hierarchy_group: u32,
    pub phone_type: u32,
    pub tags: u32,
    /// After-contact-work limit in seconds (as DescribeUser gives it).
    acw_seconds: i32,
    flags: u8,
}

impl Details {
    /// The details of `user` (whose username the list already has as `username`).
    pub fn new(username: &str, user: &UserSearchSummary, shared: &mut Shared) -> Details {
        let info = user.identity_info.as_ref();
        let first = info.and_then(|i| i.first_name.as_deref());
        let last = info.and_then(|i| i.last_name.as_deref());
        let mut flags = 0;
        if first.is_some() {
            flags |= HAS_FIRST;
        }
        if last.is_some() {
            flags |= HAS_LAST;
        }
        let mut text = String::with_capacity(
            username.len() + 2 + first.map_or(0, str::len) + last.map_or(0, str::len),
        );
        text.push_str(username);
        let username_end = text.len() as u32;
        text.push(FIELD_SEPARATOR);
        text.push_str(first.unwrap_or_default());
        let first_end = text.len() as u32;
        text.push(FIELD_SEPARATOR);
        text.push_str(last.unwrap_or_default());

        let phone = user.phone_config.as_ref();
        if let Some(accept) = phone.and_then(|p| p.auto_accept) {
            flags |= HAS_AUTO_ACCEPT | if accept { AUTO_ACCEPT } else { 0 };
        }
        let acw_seconds = phone
            .and_then(|p| p.after_contact_work_time_limit)
            .map(acw_seconds_from_millis);
        if acw_seconds.is_some() {
            flags |= HAS_ACW;
        }
        let mut profiles: Vec<u32> = user
            .security_profile_ids
            .iter()
            .flatten()
            .filter(|id| !id.is_empty())
            .map(|id| shared.ids.intern(id.as_str().into()))
            .collect();
        profiles.dedup();
        let mut tags: Vec<(u32, u32)> = user
            .tags
            .iter()
            .flatten()
            .map(|(k, v)| {
                (
                    shared.tag_texts.intern(k.as_str().into()),
                    shared.tag_texts.intern(v.as_str().into()),
                )
            })
            .collect();
        tags.sort_by(|a, b| shared.tag_text(a.0).cmp(&shared.tag_text(b.0)));
        Details {
            text: text.into_boxed_str(),
            ends: [username_end, first_end],
            desk_phone: phone
                .and_then(|p| p.desk_phone_number.as_deref())
                .filter(|n| !n.is_empty())
                .map(Box::from),
            routing_profile: shared.intern_opt(user.routing_profile_id.as_deref()),
            security_profiles: shared.id_sets.intern(profiles.into_boxed_slice()),
            hierarchy_group: shared.intern_opt(user.hierarchy_group_id.as_deref()),
            phone_type: shared.intern_opt(phone.and_then(|p| p.phone_type.as_deref())),
            tags: shared.tag_sets.intern(tags.into_boxed_slice()),
            acw_seconds: acw_seconds.unwrap_or_default(),
            flags,
        }
    }

    /// The filter's text: username, first and last name.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn first_name(&self) -> Option<&str> {
        let [u, f] = self.ends.map(|e| e as usize);
        (self.flags & HAS_FIRST != 0).then(|| self.text.get(u + 1..f).unwrap_or_default())
    }

    pub fn last_name(&self) -> Option<&str> {
        let f = self.ends[1] as usize;
        (self.flags & HAS_LAST != 0).then(|| self.text.get(f + 1..).unwrap_or_default())
    }

    pub fn desk_phone(&self) -> Option<&str> {
        self.desk_phone.as_deref()
    }

    pub fn auto_accept(&self) -> Option<bool> {
        (self.flags & HAS_AUTO_ACCEPT != 0).then_some(self.flags & AUTO_ACCEPT != 0)
    }

    /// The after-contact-work limit in seconds.
    pub fn acw_seconds(&self) -> Option<i32> {
        (self.flags & HAS_ACW != 0).then_some(self.acw_seconds)
    }
}

/// SearchUsers gives the after-contact-work limit in milliseconds, DescribeUser (and the
/// console) in seconds; the table and exports show seconds, rounded to the nearest.
pub fn acw_seconds_from_millis(millis: i32) -> i32 {
    let seconds = (i64::from(millis) + 500).div_euclid(1000);
    i32::try_from(seconds).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{UserIdentityInfoLite, UserPhoneConfig};

    fn swept(first: Option<&str>, last: Option<&str>, acw_ms: Option<i32>) -> UserSearchSummary {
        UserSearchSummary {
            id: Some("u1".into()),
            username: Some("jane".into()),
            identity_info: Some(UserIdentityInfoLite {
                first_name: first.map(str::to_string),
                last_name: last.map(str::to_string),
            }),
            phone_config: Some(UserPhoneConfig {
                phone_type: Some("SOFT_PHONE".into()),
                auto_accept: Some(true),
                after_contact_work_time_limit: acw_ms,
                ..UserPhoneConfig::default()
            }),
            routing_profile_id: Some("rp1".into()),
            security_profile_ids: Some(vec!["sp1".into(), "sp2".into()]),
            tags: Some([("Team".to_string(), "billing".to_string())].into()),
            ..UserSearchSummary::default()
        }
    }

    #[test]
    fn search_milliseconds_become_describe_seconds() {
        assert_eq!(acw_seconds_from_millis(30_000), 30);
        assert_eq!(acw_seconds_from_millis(0), 0);
        assert_eq!(acw_seconds_from_millis(1_499), 1);
        assert_eq!(acw_seconds_from_millis(1_500), 2);
        assert_eq!(acw_seconds_from_millis(i32::MAX), 2_147_484);
        let mut shared = Shared::default();
        let d = Details::new("jane", &swept(None, None, Some(45_000)), &mut shared);
        assert_eq!(d.acw_seconds(), Some(45));
        let d = Details::new("jane", &swept(None, None, None), &mut shared);
        assert_eq!(d.acw_seconds(), None);
    }

    #[test]
    fn names_with_separators_inside_come_back_whole() {
        let mut shared = Shared::default();
        let user = swept(Some("Ja\nne"), Some("D\noe"), None);
        let d = Details::new("jane", &user, &mut shared);
        assert_eq!(d.first_name(), Some("Ja\nne"));
        assert_eq!(d.last_name(), Some("D\noe"));
        assert_eq!(d.auto_accept(), Some(true));
        let d = Details::new("jane", &swept(None, Some(""), None), &mut shared);
        assert_eq!(d.first_name(), None);
        assert_eq!(d.last_name(), Some(""));
    }

    #[test]
    fn a_row_stays_small() {
        assert_eq!(std::mem::size_of::<Details>(), 72);
        assert_eq!(
            std::mem::size_of::<Option<Details>>(),
            72,
            "None costs nothing extra"
        );
    }

    #[test]
    fn shared_ids_and_sets_are_stored_once() {
        let mut shared = Shared::default();
        let a = Details::new("a", &swept(None, None, None), &mut shared);
        let b = Details::new("b", &swept(None, None, None), &mut shared);
        assert_eq!(a.routing_profile, b.routing_profile);
        assert_eq!(a.security_profiles, b.security_profiles);
        assert_eq!(a.tags, b.tags);
        assert_eq!(shared.id_sets.len(), 1);
        assert_eq!(shared.tag_sets.len(), 1);
        let set = shared.id_set(a.security_profiles);
        assert_eq!(
            set.iter().map(|i| shared.id(*i)).collect::<Vec<_>>(),
            [Some("sp1"), Some("sp2")]
        );
        assert_eq!(a.hierarchy_group, NONE);
    }
}
