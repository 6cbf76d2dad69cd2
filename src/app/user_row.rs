//! One listed user, stored compactly: the browser keeps up to 100,000 of them within its memory
//! budget (`scripts/measure-tui.sh`). A `UserSummary` costs about 370 bytes in five heap
//! blocks; a row costs about 120 in two, because
//! - the id, username and region share one allocation (`Box<str>`, no spare capacity);
//! - the ARN, the longest member, is not stored when it is the instance's usual
//!   `arn:…:instance/{instance}/agent/{user id}`: the list keeps that prefix once.
//!
//! The username is not in the row: the list keeps every username in one contiguous buffer,
//! which the filter reads at memory speed (`UserList::username`). Rows are turned back into
//! `UserSummary` values on demand, for the few on screen.

use crate::model::{Timestamp, UserSummary};

/// What the list shares between its rows: the ARN prefix of the instance's users.
#[derive(Debug, Default)]
pub struct ArnPrefix(Option<Box<str>>);

impl ArnPrefix {
    /// The ARN `prefix/agent/{id}`.
    fn derive(&self, id: &str) -> Option<String> {
        self.0
            .as_deref()
            .map(|prefix| format!("{prefix}{AGENT}{id}"))
    }

    /// True when `arn` is `prefix/agent/{id}`; learns the prefix from the first such ARN.
    fn covers(&mut self, arn: &str, id: &str) -> bool {
        let Some(prefix) = arn
            .strip_suffix(id)
            .and_then(|rest| rest.strip_suffix(AGENT))
        else {
            return false;
        };
        match &self.0 {
            Some(known) => **known == *prefix,
            None => {
                self.0 = Some(prefix.into());
                true
            }
        }
    }
}

const AGENT: &str = "/agent/";

const HAS_USERNAME: u8 = 1;
const HAS_REGION: u8 = 2;
const OWN_ARN: u8 = 4;
const DERIVED_ARN: u8 = 8;

#[derive(Debug)]
pub struct UserRow {
    /// The id, then the region and the ARN when it is stored.
    text: Box<str>,
    /// Where the region and the stored ARN start in `text`.
    starts: [u32; 2],
    /// Which members are present, and how the ARN is kept.
    flags: u8,
    last_modified_time: Option<Timestamp>,
}

impl UserRow {
    /// A row for `summary`, which has an id (the list skips users without one).
    pub fn new(id: &str, summary: &UserSummary, arns: &mut ArnPrefix) -> UserRow {
        let mut flags = if summary.username.is_some() {
            HAS_USERNAME
        } else {
            0
        };
        let mut text = String::with_capacity(id.len() + 64);
        let mut push = |value: Option<&str>, flag: u8, text: &mut String| {
            let start = text.len() as u32;
            if let Some(value) = value {
                text.push_str(value);
                flags |= flag;
            }
            start
        };
        text.push_str(id);
        let region = push(
            summary.last_modified_region.as_deref(),
            HAS_REGION,
            &mut text,
        );
        let arn = summary.arn.as_deref();
        let derived = arn.is_some_and(|arn| arns.covers(arn, id));
        let own = push(arn.filter(|_| !derived), OWN_ARN, &mut text);
        if derived {
            flags |= DERIVED_ARN;
        }
        UserRow {
            text: text.into_boxed_str(),
            starts: [region, own],
            flags,
            last_modified_time: summary.last_modified_time,
        }
    }

    pub fn id(&self) -> &str {
        &self.text[..self.starts[0] as usize]
    }

    /// Whether the listing gave a username (kept by the list, see the module comment).
    pub fn has_username(&self) -> bool {
        self.flags & HAS_USERNAME != 0
    }

    fn member(&self, flag: u8, which: usize) -> Option<&str> {
        let start = self.starts[which] as usize;
        let end = self
            .starts
            .get(which + 1)
            .map_or(self.text.len(), |e| *e as usize);
        (self.flags & flag != 0).then(|| &self.text[start..end])
    }

    /// The user as the API listed it, with its `username` from the list.
    pub fn summary(&self, arns: &ArnPrefix, username: Option<&str>) -> UserSummary {
        let arn = if self.flags & DERIVED_ARN != 0 {
            arns.derive(self.id())
        } else {
            self.member(OWN_ARN, 1).map(str::to_string)
        };
        UserSummary {
            id: Some(self.id().to_string()),
            arn,
            username: username.filter(|_| self.has_username()).map(str::to_string),
            last_modified_time: self.last_modified_time,
            last_modified_region: self.member(HAS_REGION, 0).map(str::to_string),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, username: Option<&str>, arn: Option<&str>) -> UserSummary {
        UserSummary {
            id: Some(id.into()),
            arn: arn.map(str::to_string),
            username: username.map(str::to_string),
            last_modified_time: Some(Timestamp(1.5)),
            last_modified_region: Some("eu-west-2".into()),
        }
    }

    const PREFIX: &str = "arn:aws:connect:eu-west-2:123456789012:instance/inst";

    #[test]
    fn rows_give_back_the_summary_they_were_made_of() {
        let mut arns = ArnPrefix::default();
        let usual = summary("u1", Some("jane"), Some(&format!("{PREFIX}/agent/u1")));
        let other = summary("u2", Some(""), Some("arn:aws:connect:other/agent/u2"));
        let odd = summary("u3", None, Some("not-an-arn"));
        let bare = UserSummary {
            id: Some("u4".into()),
            ..UserSummary::default()
        };
        let rows: Vec<UserRow> = [&usual, &other, &odd, &bare]
            .iter()
            .map(|s| UserRow::new(s.id.as_deref().unwrap(), s, &mut arns))
            .collect();
        let back = |i: usize, s: &UserSummary| rows[i].summary(&arns, s.username.as_deref());
        assert_eq!(back(0, &usual), usual);
        assert_eq!(back(1, &other), other, "another instance's ARN is kept");
        assert_eq!(back(2, &odd), odd);
        assert_eq!(back(3, &bare), bare);
        assert!(rows[0].has_username());
        assert!(!rows[2].has_username());
        assert_eq!(rows[2].summary(&arns, Some("x")).username, None);
        assert!(
            !rows[0].text.contains("arn:"),
            "the usual ARN is not stored"
        );
    }

    #[test]
    fn multibyte_members_are_kept_whole() {
        let mut arns = ArnPrefix::default();
        let s = summary("ü-1", Some("Zoë"), Some(&format!("{PREFIX}/agent/ü-1")));
        let row = UserRow::new("ü-1", &s, &mut arns);
        assert_eq!(row.id(), "ü-1");
        assert_eq!(row.summary(&arns, Some("Zoë")), s);
    }
}
