//! Amazon Connect's regions, and a client for another region than the configured one (for
//! `--all-regions`, and for opening an instance listed in another region).

use std::sync::Arc;

use aws_sdk_connect::config::Region;

use super::rate_limit::Limiter;
use super::{ConnectClient, config, error_map};

/// The commercial regions where Amazon Connect is offered: the `connect` service's
/// endpoints in botocore 1.43.11's `endpoints.json`, partition `aws`, FIPS variants left
/// out (they are the same regions). GovCloud is another partition with other credentials.
pub const CONNECT_REGIONS: &[&str] = &[
    "us-east-1",
    "us-west-2",
    "af-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-west-2",
];

impl ConnectClient {
    /// The same credentials, settings and HTTP pool, in `region`. Quotas are per account
    /// *and region*, so the new client has its own rate limiter; the throttle notice is
    /// shared (one status line).
    pub fn in_region(&self, region: &str) -> ConnectClient {
        if region == self.region {
            return self.clone();
        }
        let conf = self
            .sdk
            .config()
            .to_builder()
            .region(Region::new(region.to_string()))
            .build();
        // An endpoint set by flag or environment stays; only the regional default moves.
        let regional = |base: &str, for_region: &dyn Fn(&str) -> String| {
            if base == for_region(&self.region) {
                for_region(region)
            } else {
                base.to_string()
            }
        };
        let host = regional(&self.hints.host, &|r| config::endpoint_host(None, r));
        let endpoint = regional(&self.hints.endpoint, &|r| {
            format!("https://connect.{r}.amazonaws.com")
        });
        ConnectClient {
            sdk: aws_sdk_connect::Client::from_conf(conf),
            limiter: Arc::new(Limiter::new(self.rate_limit)),
            throttled: self.throttled.clone(),
            hints: Arc::new(error_map::ErrorHints {
                sso_profile: self.hints.sso_profile.clone(),
                host,
                endpoint,
            }),
            _demo_endpoint: self._demo_endpoint.clone(),
            rate_limit: self.rate_limit,
            options: self.options.clone(),
            profile: self.profile.clone(),
            region: region.to_string(),
        }
    }
}
