//! ListUsers, DescribeUser, ListUserProficiencies.

use super::{Request, encoded_listing, single};
use crate::mock::dataset::InstanceData;
use crate::mock::paging;
use crate::mock::wire::{self, Answer, ServiceError};
use crate::model::User;

pub fn list(request: &Request) -> Answer {
    let instance = request.instance()?;
    let paging = request.paging(instance.id(), paging::LISTS_1000)?;
    let (page, next) = paging.slice(&instance.user_summaries);
    encoded_listing("UserSummaryList", page, next)
}

pub fn describe(request: &Request) -> Answer {
    let instance = request.instance()?;
    single("User", find_user(instance, request.op.label("UserId"))?)
}

pub fn proficiencies(request: &Request) -> Answer {
    let instance = request.instance()?;
    let user = find_user(instance, request.op.label("UserId"))?;
    let user_id = user.id.as_deref().unwrap_or_default();
    let paging = request.paging(
        &format!("{}/{user_id}", instance.id()),
        paging::PROFICIENCIES,
    )?;
    let all = instance
        .proficiencies
        .get(user_id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let (page, next) = paging.slice(all);
    let mut body = serde_json::json!({
        "UserProficiencyList": page,
        "LastModifiedTime": user.last_modified_time,
        "LastModifiedRegion": user.last_modified_region,
    });
    if let Some(token) = next {
        body["NextToken"] = token.into();
    }
    Ok(wire::json(&body))
}

fn find_user<'a>(instance: &'a InstanceData, user_id: &str) -> Result<&'a User, ServiceError> {
    instance.users.get(user_id).ok_or_else(|| {
        ServiceError::not_found(format!(
            "User {user_id} not found in instance {}",
            instance.id()
        ))
    })
}
