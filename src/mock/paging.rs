//! Paging as Connect does it: `maxResults` within the model's bounds, and an opaque
//! `nextToken`. A token names the listing it belongs to (operation and scope) and an offset,
//! so a token from one listing, or a garbled one, is refused with a 400 instead of silently
//! restarting the listing.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::ids::fnv1a;
use super::wire::ServiceError;

/// The model's bounds for one operation's `MaxResults`, and the page size when it is absent.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max: i64,
    pub default: i64,
}

pub const INSTANCES: Limits = Limits {
    max: 10,
    default: 10,
};
pub const LISTS_1000: Limits = Limits {
    max: 1000,
    default: 100,
};
pub const SEARCH: Limits = Limits {
    max: 500,
    default: 100,
};
/// SearchUserHierarchyGroups (`MaxResult100`; the model states no default: the maximum).
pub const GROUP_SEARCH: Limits = Limits {
    max: 100,
    default: 100,
};
pub const PROFICIENCIES: Limits = Limits {
    max: 100,
    default: 100,
};
pub const USER_DATA: Limits = Limits {
    max: 100,
    default: 100,
};
pub const ROUTING_PROFILE_QUEUES: Limits = Limits {
    max: 100,
    default: 100,
};

const TOKEN_VERSION: &str = "ct1";

/// Where one page starts and how long it may be.
#[derive(Debug, Clone, PartialEq)]
pub struct Paging {
    scope: String,
    offset: usize,
    size: usize,
}

impl Paging {
    /// `scope` identifies the listing (e.g. `ListUsers/<instance>`); tokens are only valid
    /// within the same scope.
    pub fn new(
        scope: String,
        max_results: Option<i64>,
        next_token: Option<&str>,
        limits: Limits,
    ) -> Result<Paging, ServiceError> {
        let size = max_results.unwrap_or(limits.default);
        if !(1..=limits.max).contains(&size) {
            return Err(ServiceError::invalid_parameter(format!(
                "1 validation error detected: Value '{size}' at 'maxResults' failed to satisfy \
                 constraint: Member must have value between 1 and {}",
                limits.max
            )));
        }
        let offset = match next_token {
            None => 0,
            Some(token) => decode(token, &scope).ok_or_else(|| {
                ServiceError::invalid_parameter("The nextToken is not valid for this request.")
            })?,
        };
        Ok(Paging {
            scope,
            offset,
            size: size as usize,
        })
    }

    /// Reads `maxResults` and `nextToken` from a query string's parameters.
    pub fn from_query(
        scope: String,
        query: &[(String, String)],
        limits: Limits,
    ) -> Result<Paging, ServiceError> {
        let find = |name: &str| {
            query
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let max_results = match find("maxResults") {
            None => None,
            Some(text) => Some(text.parse::<i64>().map_err(|_| {
                ServiceError::invalid_parameter(format!("maxResults `{text}` is not an integer"))
            })?),
        };
        Paging::new(scope, max_results, find("nextToken"), limits)
    }

    /// This page of `items` and the token for the next one (none after the last page).
    /// A token past the end (the listing shrank) yields an empty last page.
    pub fn slice<'a, T>(&self, items: &'a [T]) -> (&'a [T], Option<String>) {
        let start = self.offset.min(items.len());
        let end = start.saturating_add(self.size).min(items.len());
        let next = (end < items.len()).then(|| encode(&self.scope, end));
        (&items[start..end], next)
    }
}

/// `ct1 / scope / offset / checksum`, base64url. The checksum makes a garbled or edited token
/// fail instead of silently pointing at another offset.
fn encode(scope: &str, offset: usize) -> String {
    let payload = format!("{TOKEN_VERSION}\n{scope}\n{offset}");
    let checksum = fnv1a(payload.as_bytes());
    URL_SAFE_NO_PAD.encode(format!("{payload}\n{checksum:016x}"))
}

fn decode(token: &str, scope: &str) -> Option<usize> {
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (payload, checksum) = text.rsplit_once('\n')?;
    if checksum != format!("{:016x}", fnv1a(payload.as_bytes())) {
        return None;
    }
    let mut parts = payload.split('\n');
    if parts.next()? != TOKEN_VERSION || parts.next()? != scope {
        return None;
    }
    let offset = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paging(max: Option<i64>, token: Option<&str>) -> Result<Paging, ServiceError> {
        Paging::new("ListUsers/i".into(), max, token, LISTS_1000)
    }

    #[test]
    fn pages_walk_every_item_once() {
        let items: Vec<u32> = (0..25).collect();
        let mut seen = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let p = paging(Some(10), token.as_deref()).unwrap();
            let (page, next) = p.slice(&items);
            seen.extend_from_slice(page);
            match next {
                Some(t) => token = Some(t),
                None => break,
            }
        }
        assert_eq!(seen, items);
    }

    #[test]
    fn default_and_bounds_follow_the_model() {
        let items: Vec<u32> = (0..150).collect();
        assert_eq!(paging(None, None).unwrap().slice(&items).0.len(), 100);
        assert_eq!(paging(Some(1000), None).unwrap().slice(&items).0.len(), 150);
        for bad in [0, -1, 1001] {
            let err = paging(Some(bad), None).unwrap_err();
            assert_eq!(err.code, "InvalidParameterException");
        }
    }

    #[test]
    fn garbled_or_foreign_tokens_are_refused() {
        let items: Vec<u32> = (0..30).collect();
        let (_, token) = paging(Some(10), None).unwrap().slice(&items);
        let token = token.unwrap();
        for bad in ["garbage!", "", "Y3QxCg", &format!("{token}x")] {
            assert!(paging(None, Some(bad)).is_err(), "{bad:?} accepted");
        }
        let mut edited = token.clone().into_bytes();
        let last = edited.len() - 1;
        edited[last] = if edited[last] == b'A' { b'B' } else { b'A' };
        let edited = String::from_utf8(edited).unwrap();
        assert!(
            paging(None, Some(&edited)).is_err(),
            "edited token accepted"
        );
        let foreign = Paging::new("ListUsers/other".into(), None, Some(&token), LISTS_1000);
        assert!(foreign.is_err());
    }

    #[test]
    fn query_parameters_are_read_by_their_wire_names() {
        let q = vec![("maxResults".to_string(), "abc".to_string())];
        assert!(Paging::from_query("s".into(), &q, LISTS_1000).is_err());
        let q = vec![("maxResults".to_string(), "5".to_string())];
        let items: Vec<u32> = (0..9).collect();
        let (page, next) = Paging::from_query("s".into(), &q, LISTS_1000)
            .unwrap()
            .slice(&items);
        assert_eq!(page.len(), 5);
        assert!(next.is_some());
    }
}
