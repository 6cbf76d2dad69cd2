//! UUID-shaped identifiers the mock makes up: random from a seeded generator (generated
//! users), or derived from a name (members a data file leaves out), so runs are reproducible.

/// A version-4-shaped UUID drawn from `rng`.
pub fn random_uuid(rng: &mut fastrand::Rng) -> String {
    uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes())
        .into_uuid()
        .to_string()
}

/// The same UUID for the same `name`, every run (FNV-1a seeds the generator).
pub fn derived_uuid(name: &str) -> String {
    let seed = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    random_uuid(&mut fastrand::Rng::with_seed(seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        assert_eq!(derived_uuid("a"), derived_uuid("a"));
        assert_ne!(derived_uuid("a"), derived_uuid("b"));
        assert_eq!(derived_uuid("a").len(), 36);
    }
}
