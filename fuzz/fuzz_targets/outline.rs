//! Fuzz target `outline`: see `fuzz_outline` in tests/invariants_support/invariants.rs for what it checks.
#![no_main]

#[path = "../../tests/invariants_support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::fuzz_outline(data));
