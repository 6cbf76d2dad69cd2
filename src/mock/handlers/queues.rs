//! ListQueues, DescribeQueue and ListRoutingProfileQueues.

use super::{Request, found, listing, single};
use crate::mock::paging;
use crate::mock::wire::{self, Answer, ServiceError};
use crate::model::{Queue, QueueSummary};

/// The data file's queues are standard queues.
const STANDARD: &str = "STANDARD";

pub fn list(request: &Request) -> Answer {
    let instance = request.instance()?;
    let types: Vec<&str> = request
        .query
        .iter()
        .filter(|(k, _)| k == "queueTypes")
        .map(|(_, v)| v.as_str())
        .collect();
    if let Some(bad) = types.iter().find(|t| !["STANDARD", "AGENT"].contains(t)) {
        return Err(ServiceError::invalid_parameter(format!(
            "1 validation error detected: Value '[{bad}]' at 'queueTypes' failed to satisfy \
             constraint: Member must satisfy enum value set: [STANDARD, AGENT]"
        )));
    }
    let paging = request.paging(
        &format!("{}/{}", instance.id(), types.join(",")),
        paging::LISTS_1000,
    )?;
    let queues: &[Queue] = if types.is_empty() || types.contains(&STANDARD) {
        instance.queues.all()
    } else {
        &[]
    };
    let (page, next) = paging.slice(queues);
    let summaries: Vec<QueueSummary> = page
        .iter()
        .map(|q| QueueSummary {
            id: q.queue_id.clone(),
            arn: q.queue_arn.clone(),
            name: q.name.clone(),
            queue_type: Some(STANDARD.into()),
            last_modified_time: q.last_modified_time,
            last_modified_region: q.last_modified_region.clone(),
        })
        .collect();
    listing("QueueSummaryList", &summaries, next)
}

pub fn describe(request: &Request) -> Answer {
    let instance = request.instance()?;
    let id = request.op.label("QueueId");
    let queue = found(instance.queues.get(id), "Queue", id)?;
    single("Queue", queue)
}

pub fn list_routing_profile_queues(request: &Request) -> Answer {
    let instance = request.instance()?;
    let id = request.op.label("RoutingProfileId");
    let profile = found(instance.routing_profiles.get(id), "Routing profile", id)?;
    let paging = request.paging(
        &format!("{}/{id}", instance.id()),
        paging::ROUTING_PROFILE_QUEUES,
    )?;
    let all = instance
        .routing_profile_queues
        .get(id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let (page, next) = paging.slice(all);
    let mut body = serde_json::json!({
        "RoutingProfileQueueConfigSummaryList": page,
        "LastModifiedTime": profile.last_modified_time,
        "LastModifiedRegion": profile.last_modified_region,
    });
    if let Some(token) = next {
        body["NextToken"] = token.into();
    }
    Ok(wire::json(&body))
}
