//! ListUsers, DescribeUser, ListUserProficiencies.

use super::{Request, listing, single};
use crate::mock::dataset::InstanceData;
use crate::mock::paging;
use crate::mock::wire::{self, Answer, ServiceError};
use crate::model::{User, UserSummary};

pub fn list(request: &Request) -> Answer {
    let instance = request.instance()?;
    let paging = request.paging(instance.id(), paging::LISTS_1000)?;
    let (page, next) = paging.slice(instance.users.all());
    let summaries: Vec<UserSummary> = page.iter().map(summary).collect();
    listing("UserSummaryList", &summaries, next)
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

fn summary(user: &User) -> UserSummary {
    UserSummary {
        id: user.id.clone(),
        arn: user.arn.clone(),
        username: user.username.clone(),
        last_modified_time: user.last_modified_time,
        last_modified_region: user.last_modified_region.clone(),
    }
}
