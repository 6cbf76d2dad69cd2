//! ListInstances, DescribeInstance.

use super::{Request, listing, single};
use crate::mock::paging;
use crate::mock::wire::Answer;
use crate::model::{Instance, InstanceSummary};

pub fn list(request: &Request) -> Answer {
    let paging = request.paging("", paging::INSTANCES)?;
    let (page, next) = paging.slice(request.data.instances());
    let summaries: Vec<InstanceSummary> = page.iter().map(|d| summary(&d.instance)).collect();
    listing("InstanceSummaryList", &summaries, next)
}

pub fn describe(request: &Request) -> Answer {
    single("Instance", &request.instance()?.instance)
}

fn summary(i: &Instance) -> InstanceSummary {
    InstanceSummary {
        id: i.id.clone(),
        arn: i.arn.clone(),
        identity_management_type: i.identity_management_type.clone(),
        instance_alias: i.instance_alias.clone(),
        created_time: i.created_time,
        service_role: i.service_role.clone(),
        instance_status: i.instance_status.clone(),
        inbound_calls_enabled: i.inbound_calls_enabled,
        outbound_calls_enabled: i.outbound_calls_enabled,
        instance_access_url: i.instance_access_url.clone(),
    }
}
