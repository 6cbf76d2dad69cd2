//! Building the SDK configuration: the standard aws-config chain (env, shared config and
//! credentials files, SSO, credential_process, web identity, IMDS) with the AWS CLI's
//! overrides on top, or fixed demo settings that read nothing of the user's AWS setup.

use std::time::Duration;

use aws_config::{BehaviorVersion, Region, retry::RetryConfig, timeout::TimeoutConfig};
use aws_credential_types::Credentials;

use super::{ApiError, ClientOptions, ErrorKind};

/// The AWS CLI's default for both timeouts.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Attempts per request, including the first, under adaptive retry.
const MAX_ATTEMPTS: u32 = 5;
pub const DEMO_REGION: &str = "us-west-2";

pub async fn load(opts: &ClientOptions) -> Result<aws_config::SdkConfig, ApiError> {
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(RetryConfig::adaptive().with_max_attempts(MAX_ATTEMPTS))
        .timeout_config(timeouts(opts));
    if opts.demo {
        loader = loader
            .region(Region::new(DEMO_REGION))
            .credentials_provider(Credentials::new(
                "demo",
                "demo",
                None,
                None,
                "connect-tui-demo",
            ));
    } else {
        if let Some(profile) = &opts.profile {
            loader = loader.profile_name(profile);
        }
        if let Some(region) = &opts.region {
            validate_region(region)?;
            loader = loader.region(Region::new(region.clone()));
        }
        if opts.no_sign_request {
            loader = loader.no_credentials();
        }
    }
    if let Some(url) = &opts.endpoint_url {
        validate_endpoint_url(url)?;
        loader = loader.endpoint_url(url);
    }
    let config = loader.load().await;
    if config.region().is_none() {
        return Err(ApiError::new(
            ErrorKind::Config,
            "",
            "no region is configured: pass --region, set AWS_REGION, or set `region` in the profile",
        ));
    }
    Ok(config)
}

fn timeouts(opts: &ClientOptions) -> TimeoutConfig {
    let mut builder = TimeoutConfig::builder();
    builder = match opts.connect_timeout {
        Some(d) if d.is_zero() => builder.disable_connect_timeout(),
        d => builder.connect_timeout(d.unwrap_or(DEFAULT_TIMEOUT)),
    };
    builder = match opts.read_timeout {
        Some(d) if d.is_zero() => builder.disable_read_timeout(),
        d => builder.read_timeout(d.unwrap_or(DEFAULT_TIMEOUT)),
    };
    builder.build()
}

/// Rejects endpoint URLs the HTTP client cannot use, before the SDK turns them into a
/// confusing construction error.
pub fn validate_endpoint_url(url: &str) -> Result<(), ApiError> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| bad_url(url, "it must start with http:// or https://"))?;
    let host = rest.split(['/', '?']).next().unwrap_or("");
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(bad_url(url, "it has no host"));
    }
    if let Some((_, port)) = host.rsplit_once(':')
        && !host.ends_with(']')
        && port.parse::<u16>().is_err()
    {
        return Err(bad_url(url, "its port is not a number from 0 to 65535"));
    }
    Ok(())
}

/// Rejects a `--region` that cannot be part of a host name (the SDK would otherwise fail with
/// "invalid value for field: `region`" after resolving credentials).
fn validate_region(region: &str) -> Result<(), ApiError> {
    let valid = !region.is_empty()
        && region.len() <= 63
        && region
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !region.starts_with('-');
    if valid {
        Ok(())
    } else {
        let shown: String = region.chars().take(100).collect();
        Err(ApiError::new(
            ErrorKind::Config,
            "",
            format!(
                "invalid region \"{}\": expected a region name such as us-east-1",
                shown.escape_default()
            ),
        ))
    }
}

/// A malformed URL is bad input (AWS CLI v2 exits 252 for a bad `--endpoint-url` value).
fn bad_url(url: &str, why: &str) -> ApiError {
    let shown: String = url.chars().take(200).collect();
    ApiError::new(
        ErrorKind::InvalidInput,
        "",
        format!("invalid endpoint URL \"{}\": {why}", shown.escape_default()),
    )
}

/// The name of the profile in use when it signs in through IAM Identity Center (SSO), so that
/// credential errors can say `aws sso login --profile NAME`. Reads the shared config file the
/// way the AWS CLI locates it (`AWS_CONFIG_FILE`, else `~/.aws/config`).
pub fn sso_profile(opts: &ClientOptions) -> Option<String> {
    if opts.demo {
        return None;
    }
    let profile = opts
        .profile
        .clone()
        .or_else(|| std::env::var("AWS_PROFILE").ok())
        .unwrap_or_else(|| "default".to_string());
    let path = std::env::var_os("AWS_CONFIG_FILE")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".aws/config"))
        })?;
    let text = std::fs::read_to_string(path).ok()?;
    profile_uses_sso(&text, &profile).then_some(profile)
}

fn profile_uses_sso(config: &str, profile: &str) -> bool {
    let mut in_section = false;
    for line in config.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let name = header.trim();
            let name = name.strip_prefix("profile ").map(str::trim).unwrap_or(name);
            in_section = name == profile;
        } else if in_section && line.starts_with("sso_") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_checked() {
        for good in ["us-east-1", "eu-central-1", "us-gov-west-1", "local"] {
            assert!(validate_region(good).is_ok(), "{good}");
        }
        for bad in ["", "not a region!", "-us-east-1", "us/east", "ü"] {
            let err = validate_region(bad).unwrap_err();
            assert_eq!(err.kind, ErrorKind::Config, "{bad}");
            assert!(err.message.contains("such as us-east-1"), "{bad}");
        }
    }

    #[test]
    fn endpoint_urls_are_checked() {
        assert!(validate_endpoint_url("http://127.0.0.1:8080").is_ok());
        assert!(validate_endpoint_url("https://connect.us-west-2.amazonaws.com/").is_ok());
        assert!(validate_endpoint_url("http://[::1]:80").is_ok());
        for bad in [
            "127.0.0.1:8080",
            "ftp://x",
            "http://",
            "http://host:port",
            "http://a b",
        ] {
            let err = validate_endpoint_url(bad).unwrap_err();
            assert!(err.message.starts_with("invalid endpoint URL"), "{bad}");
        }
    }

    #[test]
    fn sso_profiles_are_recognised() {
        let config = "[default]\nregion = us-east-1\n\n[profile prod]\nsso_session = corp\nsso_account_id = 1\n[profile ci]\ncredential_process = x\n";
        assert!(profile_uses_sso(config, "prod"));
        assert!(!profile_uses_sso(config, "default"));
        assert!(!profile_uses_sso(config, "ci"));
        assert!(!profile_uses_sso(config, "missing"));
    }
}
