//! An instance given as an ID or as a full instance ARN ("it's the final part of the ARN").

use super::ApiError;

/// Returns the instance ID from `input`, an instance ID or an instance ARN
/// (`arn:<partition>:connect:<region>:<account>:instance/<id>`). Anything else is rejected
/// before any request is sent.
pub fn parse_instance_id(input: &str) -> Result<String, ApiError> {
    let input = input.trim();
    if let Some(rest) = input.strip_prefix("arn:") {
        let parts: Vec<&str> = rest.splitn(5, ':').collect();
        let resource = match parts.as_slice() {
            [_partition, "connect", _region, _account, resource] => *resource,
            _ => return Err(bad(input, "not an Amazon Connect ARN")),
        };
        return match resource.strip_prefix("instance/") {
            Some(id) if is_instance_id(id) => Ok(id.to_string()),
            Some(_) => Err(bad(input, "the ARN's instance part is not an instance ID")),
            None => Err(bad(
                input,
                "the ARN is not an instance ARN (arn:aws:connect:REGION:ACCOUNT:instance/ID)",
            )),
        };
    }
    if is_instance_id(input) {
        Ok(input.to_string())
    } else {
        Err(bad(
            input,
            "expected an instance ID (a UUID) or an instance ARN",
        ))
    }
}

/// Instance IDs are UUIDs (36 characters, hex and dashes in the 8-4-4-4-12 pattern).
fn is_instance_id(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.chars().all(|c| c.is_ascii_hexdigit()))
}

fn bad(input: &str, why: &str) -> ApiError {
    let shown: String = input.chars().take(120).collect();
    ApiError::invalid_input(format!("instance `{}`: {why}", shown.escape_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";

    #[test]
    fn accepts_ids_and_instance_arns() {
        assert_eq!(parse_instance_id(ID).unwrap(), ID);
        let arn = format!("arn:aws:connect:us-west-2:123456789012:instance/{ID}");
        assert_eq!(parse_instance_id(&arn).unwrap(), ID);
        let gov = format!("arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/{ID}");
        assert_eq!(parse_instance_id(&gov).unwrap(), ID);
    }

    #[test]
    fn rejects_everything_else_with_a_reason() {
        for bad in [
            "",
            "my-instance",
            "40c83b68ea62414c97bbd018e39e158e",
            "arn:aws:s3:::bucket",
            &format!("arn:aws:connect:us-west-2:123456789012:instance/{ID}/agent/x"),
            &format!("arn:aws:connect:us-west-2:123456789012:queue/{ID}"),
        ] {
            let err = parse_instance_id(bad).unwrap_err();
            assert!(
                err.message.starts_with("instance `"),
                "{bad}: {}",
                err.message
            );
        }
    }
}
