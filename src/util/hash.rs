//! The one hash of the crate: 64-bit SipHash with fixed keys (`DefaultHasher::new()`), so that a
//! key or fingerprint is the same in every run, on every thread.
//!
//! Used for output-path keys in the link check and the staging directory's cache of created
//! directories (a few bytes per page instead of the path), and for the fingerprints of
//! `stend serve`'s incremental renders (the hash of a value's JSON).

use std::hash::{DefaultHasher, Hash, Hasher};

/// The hash of any hashable value.
pub fn of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// The hash of a value's JSON serialisation: deterministic for the project's types, whose maps
/// are ordered.
pub fn of_json<T: serde::Serialize + ?Sized>(value: &T) -> u64 {
    of(&serde_json::to_vec(value).unwrap_or_default())
}

/// A hasher to feed several values into one fingerprint.
pub fn hasher() -> DefaultHasher {
    DefaultHasher::new()
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_and_distinct() {
        assert_eq!(super::of("kk/index.html"), super::of("kk/index.html"));
        assert_ne!(super::of("kk/index.html"), super::of("ru/index.html"));
        assert_eq!(super::of_json(&[1, 2]), super::of_json(&vec![1, 2]));
    }
}
