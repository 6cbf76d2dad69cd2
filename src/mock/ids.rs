//! UUID-shaped identifiers the mock makes up: random from a seeded generator (generated
//! users), or derived from a name (members a data file leaves out), so runs are reproducible.

/// A version-4-shaped UUID drawn from `rng`.
pub fn random_uuid(rng: &mut fastrand::Rng) -> String {
    uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes())
        .into_uuid()
        .to_string()
}

/// The same UUID for the same `name`, every run.
pub fn derived_uuid(name: &str) -> String {
    random_uuid(&mut fastrand::Rng::with_seed(fnv1a(name.as_bytes())))
}

/// FNV-1a: a tiny, stable (across runs and Rust versions) 64-bit hash; not cryptographic.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
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
