//! Fuzz target `compare`: see `fuzz_compare` in tests/invariants_support/invariants.rs for what it checks.
#![no_main]

#[path = "../../tests/invariants_support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::fuzz_compare(data));
