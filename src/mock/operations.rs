//! Names every request after the Connect operation it addresses, using the HTTP bindings of
//! the official API model, so the router and the request log agree on what was asked even for
//! operations the mock does not serve (a test collects every name and checks it is read-only).
//!
//! `operations.tsv` is extracted from `connect-2017-08-08.service-2.json` (method, requestUri,
//! operation name; one per line) so the binary does not carry the whole 1 MB model.

use std::collections::HashMap;
use std::sync::LazyLock;

use percent_encoding::percent_decode_str;

static TABLE: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    include_str!("operations.tsv")
        .lines()
        .filter_map(Binding::parse)
        .collect()
});

/// One operation's HTTP binding, e.g. `GET /users-summary/{InstanceId}` → `ListUsers`.
struct Binding {
    method: &'static str,
    segments: Vec<Segment>,
    name: &'static str,
    literal_count: usize,
}

enum Segment {
    Literal(&'static str),
    Label(&'static str),
}

impl Binding {
    fn parse(line: &'static str) -> Option<Binding> {
        let mut fields = line.split('\t');
        let method = fields.next()?;
        let uri = fields.next()?;
        let name = fields.next()?;
        // No Connect operation routes on its query string, so the path alone decides.
        let path = uri.split('?').next().unwrap_or(uri);
        let segments: Vec<Segment> = path_segments(path)
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(label) => Segment::Label(label.trim_end_matches('+')),
                    None => Segment::Literal(s),
                },
            )
            .collect();
        let literal_count = segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count();
        Some(Binding {
            method,
            segments,
            name,
            literal_count,
        })
    }

    /// The decoded URI labels when `segments` fits this binding.
    fn bind(&self, segments: &[&str]) -> Option<HashMap<&'static str, String>> {
        if segments.len() != self.segments.len() {
            return None;
        }
        let mut labels = HashMap::new();
        for (pattern, actual) in self.segments.iter().zip(segments) {
            match pattern {
                Segment::Literal(text) if text == actual => {}
                Segment::Literal(_) => return None,
                Segment::Label(label) => {
                    let value = percent_decode_str(actual).decode_utf8().ok()?;
                    if value.is_empty() {
                        return None;
                    }
                    labels.insert(*label, value.into_owned());
                }
            }
        }
        Some(labels)
    }
}

fn path_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// A request matched to an operation of the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub name: &'static str,
    /// URI labels by their model name (`InstanceId`, `UserId`, `resourceArn`...), decoded.
    pub labels: HashMap<&'static str, String>,
}

impl Resolved {
    pub fn label(&self, name: &str) -> &str {
        self.labels
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// The operation `method path` addresses. When several bindings fit, the one with the most
/// literal segments wins (`/users/{I}/{U}/proficiencies` over a label in that place); the
/// model has no two bindings that tie.
pub fn resolve(method: &str, raw_path: &str) -> Option<Resolved> {
    let segments: Vec<&str> = path_segments(raw_path).collect();
    TABLE
        .iter()
        .filter(|b| b.method.eq_ignore_ascii_case(method))
        .filter_map(|b| b.bind(&segments).map(|labels| (b, labels)))
        .max_by_key(|(b, _)| b.literal_count)
        .map(|(b, labels)| Resolved {
            name: b.name,
            labels,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_served_operations_with_decoded_labels() {
        let r = resolve("GET", "/users-summary/inst-1").unwrap();
        assert_eq!(r.name, "ListUsers");
        assert_eq!(r.label("InstanceId"), "inst-1");

        let r = resolve("GET", "/users/inst-1/user-1/proficiencies").unwrap();
        assert_eq!(r.name, "ListUserProficiencies");
        assert_eq!(r.label("UserId"), "user-1");

        let r = resolve(
            "GET",
            "/tags/arn%3Aaws%3Aconnect%3Aus-west-2%3A1%3Ainstance%2Fx",
        )
        .unwrap();
        assert_eq!(r.name, "ListTagsForResource");
        assert_eq!(
            r.label("resourceArn"),
            "arn:aws:connect:us-west-2:1:instance/x"
        );

        assert_eq!(
            resolve("POST", "/search-users").unwrap().name,
            "SearchUsers"
        );
        assert_eq!(resolve("GET", "/instance").unwrap().name, "ListInstances");
    }

    #[test]
    fn names_mutating_operations_and_rejects_unknown_paths() {
        assert_eq!(
            resolve("POST", "/users/i/u/identity-info").unwrap().name,
            "UpdateUserIdentityInfo"
        );
        assert_eq!(resolve("DELETE", "/users/i/u").unwrap().name, "DeleteUser");
        assert_eq!(resolve("GET", "/no-such-thing/x"), None);
        assert_eq!(resolve("GET", "/users-summary/"), None);
    }
}
