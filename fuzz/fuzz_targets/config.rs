//! Arbitrary bytes as `stend.yaml`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    stend_fuzz::data_file::<stend::model::Config>("stend.yaml", data);
});
