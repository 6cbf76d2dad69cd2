use super::*;

fn model() -> Option<serde_json::Value> {
    // The official Connect API model, vendored (spec/README.md): CI runs on a clean clone.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/");
    let Ok(service) = std::fs::read_to_string(format!("{dir}connect-2017-08-08.service-2.json"))
    else {
        // Tests never skip silently in CI.
        assert!(std::env::var_os("CI").is_none(), "the API model is missing");
        println!("skipped: the API model is not at {dir}");
        return None;
    };
    let paginators =
        std::fs::read_to_string(format!("{dir}connect-2017-08-08.paginators-1.json")).unwrap();
    let mut model: serde_json::Value = serde_json::from_str(&service).unwrap();
    model["paginators"] =
        serde_json::from_str::<serde_json::Value>(&paginators).unwrap()["pagination"].clone();
    Some(model)
}

fn member_names(shape: &serde_json::Value) -> Vec<&str> {
    shape["members"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn the_table_is_in_the_enums_order() {
    for op in Operation::ALL {
        assert_eq!(format!("{op:?}"), op.name());
    }
}

/// The rows are hand-copied from the model: check them against it so a model update cannot
/// silently disagree.
#[test]
fn every_row_agrees_with_the_api_model() {
    let Some(model) = model() else { return };
    let shapes = &model["shapes"];
    for op in Operation::ALL {
        let operation = &model["operations"][op.name()];
        let input = &shapes[operation["input"]["shape"].as_str().unwrap()];
        let ours: Vec<&str> = op.members().iter().map(|m| m.name).collect();
        assert_eq!(ours, member_names(input), "{}", op.name());
        let required: Vec<&str> = input["required"]
            .as_array()
            .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let mut ours: Vec<&str> = op
            .members()
            .iter()
            .filter(|m| m.required)
            .map(|m| m.name)
            .collect();
        let mut required = required;
        ours.sort();
        required.sort();
        assert_eq!(ours, required, "{}", op.name());
        let output = &shapes[operation["output"]["shape"].as_str().unwrap()];
        assert_eq!(
            op.spec().response_members,
            member_names(output),
            "{}",
            op.name()
        );
        let paginator = &model["paginators"][op.name()];
        match op.paginator() {
            None => assert!(paginator.is_null(), "{} has a paginator", op.name()),
            Some(p) => {
                assert_eq!(paginator["result_key"], p.result_key, "{}", op.name());
                let keys: Vec<&str> = paginator["non_aggregate_keys"]
                    .as_array()
                    .map(|k| k.iter().filter_map(|v| v.as_str()).collect())
                    .unwrap_or_default();
                assert_eq!(keys, p.non_aggregate_keys, "{}", op.name());
                let limit = &input["members"]["MaxResults"]["shape"];
                let max = &shapes[limit.as_str().unwrap()]["max"];
                assert_eq!(
                    max.as_i64(),
                    Some(i64::from(p.max_page_size)),
                    "{}",
                    op.name()
                );
            }
        }
        for path in op.timestamp_paths() {
            let mut shape = output;
            for part in path.split('.') {
                let member = part.trim_end_matches("[]");
                let name = shape["members"][member]["shape"].as_str().unwrap();
                shape = &shapes[name];
                if part.ends_with("[]") {
                    shape = &shapes[shape["member"]["shape"].as_str().unwrap()];
                }
            }
            assert_eq!(shape["type"], "timestamp", "{path}");
        }
    }
}
