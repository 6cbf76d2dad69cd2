//! Building the SDK configuration: the standard aws-config chain (env, shared config and
//! credentials files, SSO, credential_process, web identity, IMDS) with the AWS CLI's
//! overrides on top, or fixed demo settings that read nothing of the user's AWS setup.

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use aws_config::{BehaviorVersion, Region, retry::RetryConfig, timeout::TimeoutConfig};
use aws_credential_types::Credentials;
use aws_runtime::env_config::file::EnvConfigFiles;

use super::tls::{self, TlsTrust};
use super::{ApiError, ClientOptions, ErrorKind};

/// The AWS CLI's default for both timeouts.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Attempts per request, including the first.
pub const MAX_ATTEMPTS: u32 = 5;
pub const DEMO_REGION: &str = "us-west-2";

pub async fn load(
    opts: &ClientOptions,
    trust: &TlsTrust,
) -> Result<aws_config::SdkConfig, ApiError> {
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        // Standard (exponential back-off with jitter), the AWS CLI v2 default. The SDK's
        // adaptive mode charges a retry 5 tokens from a bucket that holds 1 after a throttle:
        // each retry then waited ~18 s, so a throttled call took 74 s to fail (measured).
        // The client-side limiter (`rate_limit`) keeps us polite instead.
        .retry_config(RetryConfig::standard().with_max_attempts(MAX_ATTEMPTS))
        .timeout_config(timeouts(opts));
    if let Some(client) = tls::http_client(trust)? {
        loader = loader.http_client(client);
    }
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

/// The host a certificate must name: the `--endpoint-url`'s, or Connect's regional one.
pub fn endpoint_host(endpoint_url: Option<&str>, region: &str) -> String {
    let Some(url) = endpoint_url else {
        return format!("connect.{region}.amazonaws.com");
    };
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?']).next().unwrap_or(rest);
    let host = match authority.find(']') {
        Some(end) => &authority[..=end],
        None => authority
            .rsplit_once(':')
            .map_or(authority, |(host, _)| host),
    };
    host.chars().take(200).collect()
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

/// What the client needs from the profile in use, read the way the AWS CLI locates the
/// shared files (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/`).
#[derive(Debug, Default)]
pub struct ProfileFacts {
    /// The profile's name when it signs in through IAM Identity Center (SSO), so that
    /// credential errors can say `aws sso login --profile NAME`.
    pub sso_profile: Option<String>,
    /// The profile's `ca_bundle` setting.
    pub ca_bundle: Option<PathBuf>,
}

/// Demo mode reads nothing of the user's AWS setup; an unreadable or unparsable config
/// file yields no facts here (aws-config reports it when it loads credentials).
pub async fn profile_facts(opts: &ClientOptions) -> ProfileFacts {
    if opts.demo {
        return ProfileFacts::default();
    }
    let name = opts
        .profile
        .clone()
        .or_else(|| std::env::var("AWS_PROFILE").ok())
        .unwrap_or_else(|| "default".to_string());
    let env = aws_types::os_shim_internal::Env::real();
    let fs = aws_types::os_shim_internal::Fs::real();
    let Ok(set) = aws_config::profile::load(
        &fs,
        &env,
        &EnvConfigFiles::default(),
        Some(Cow::Owned(name.clone())),
    )
    .await
    else {
        return ProfileFacts::default();
    };
    let Some(profile) = set.get_profile(&name) else {
        return ProfileFacts::default();
    };
    let uses_sso = ["sso_session", "sso_start_url", "sso_account_id"]
        .iter()
        .any(|key| profile.get(key).is_some());
    ProfileFacts {
        sso_profile: uses_sso.then_some(name),
        ca_bundle: profile.get("ca_bundle").map(PathBuf::from),
    }
}

/// Whose certificates to trust, with the AWS CLI's precedence: `--no-verify-ssl`, then
/// `--ca-bundle`, then `AWS_CA_BUNDLE` (`env_ca_bundle`), then the profile's `ca_bundle`.
/// Demo mode ignores the environment, as it ignores the rest of the user's AWS setup.
pub fn tls_trust(
    opts: &ClientOptions,
    env_ca_bundle: Option<OsString>,
    facts: &ProfileFacts,
) -> TlsTrust {
    if opts.no_verify_ssl {
        return TlsTrust::NoVerify;
    }
    let from_env = env_ca_bundle
        .filter(|v| !v.is_empty() && !opts.demo)
        .map(PathBuf::from);
    opts.ca_bundle
        .clone()
        .or(from_env)
        .or_else(|| facts.ca_bundle.clone())
        .map_or(TlsTrust::System, TlsTrust::CaBundle)
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
    fn the_certificate_host_comes_from_the_endpoint() {
        assert_eq!(
            endpoint_host(None, "eu-west-2"),
            "connect.eu-west-2.amazonaws.com"
        );
        let host = |url| endpoint_host(Some(url), "x");
        assert_eq!(host("https://127.0.0.1:8443/"), "127.0.0.1");
        assert_eq!(host("https://[::1]:8443"), "[::1]");
        assert_eq!(host("https://example.com?x=1"), "example.com");
    }

    #[test]
    fn trust_follows_the_aws_cli_precedence() {
        let facts = ProfileFacts {
            sso_profile: None,
            ca_bundle: Some("profile.pem".into()),
        };
        let bundle = |p: &str| TlsTrust::CaBundle(p.into());
        let env = || Some(OsString::from("env.pem"));
        let mut opts = ClientOptions::default();
        assert_eq!(tls_trust(&opts, None, &facts), bundle("profile.pem"));
        assert_eq!(tls_trust(&opts, env(), &facts), bundle("env.pem"));
        opts.ca_bundle = Some("flag.pem".into());
        assert_eq!(tls_trust(&opts, env(), &facts), bundle("flag.pem"));
        opts.no_verify_ssl = true;
        assert_eq!(tls_trust(&opts, env(), &facts), TlsTrust::NoVerify);
        let demo = ClientOptions {
            demo: true,
            ..ClientOptions::default()
        };
        let none = ProfileFacts::default();
        assert_eq!(tls_trust(&demo, env(), &none), TlsTrust::System);
    }
}
