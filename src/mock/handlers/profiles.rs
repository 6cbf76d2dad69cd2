//! ListRoutingProfiles, DescribeRoutingProfile, ListSecurityProfiles, DescribeSecurityProfile,
//! ListSecurityProfilePermissions.

use super::{Request, found, listing, single};
use crate::mock::paging;
use crate::mock::wire::{self, Answer};
use crate::model::NamedSummary;

pub fn list_routing(request: &Request) -> Answer {
    let instance = request.instance()?;
    let paging = request.paging(instance.id(), paging::LISTS_1000)?;
    let (page, next) = paging.slice(instance.routing_profiles.all());
    let summaries: Vec<NamedSummary> = page
        .iter()
        .map(|p| NamedSummary {
            id: p.routing_profile_id.clone(),
            arn: p.routing_profile_arn.clone(),
            name: p.name.clone(),
            last_modified_time: p.last_modified_time,
            last_modified_region: p.last_modified_region.clone(),
        })
        .collect();
    listing("RoutingProfileSummaryList", &summaries, next)
}

pub fn describe_routing(request: &Request) -> Answer {
    let instance = request.instance()?;
    let id = request.op.label("RoutingProfileId");
    let profile = found(instance.routing_profiles.get(id), "Routing profile", id)?;
    single("RoutingProfile", profile)
}

pub fn list_security(request: &Request) -> Answer {
    let instance = request.instance()?;
    let paging = request.paging(instance.id(), paging::LISTS_1000)?;
    let (page, next) = paging.slice(instance.security_profiles.all());
    let summaries: Vec<NamedSummary> = page
        .iter()
        .map(|p| NamedSummary {
            id: p.id.clone(),
            arn: p.arn.clone(),
            name: p.security_profile_name.clone(),
            last_modified_time: p.last_modified_time,
            last_modified_region: p.last_modified_region.clone(),
        })
        .collect();
    listing("SecurityProfileSummaryList", &summaries, next)
}

pub fn describe_security(request: &Request) -> Answer {
    let instance = request.instance()?;
    let id = request.op.label("SecurityProfileId");
    let profile = found(instance.security_profiles.get(id), "Security profile", id)?;
    single("SecurityProfile", profile)
}

pub fn list_permissions(request: &Request) -> Answer {
    let instance = request.instance()?;
    let id = request.op.label("SecurityProfileId");
    let profile = found(instance.security_profiles.get(id), "Security profile", id)?;
    let paging = request.paging(&format!("{}/{id}", instance.id()), paging::LISTS_1000)?;
    let all = instance
        .permissions
        .get(id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let (page, next) = paging.slice(all);
    let mut body = serde_json::json!({
        "Permissions": page,
        "LastModifiedTime": profile.last_modified_time,
        "LastModifiedRegion": profile.last_modified_region,
    });
    if let Some(token) = next {
        body["NextToken"] = token.into();
    }
    Ok(wire::json(&body))
}
