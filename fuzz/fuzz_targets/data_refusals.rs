//! Arbitrary bytes as `data/refusals.yaml`, through the loader's own path (UTF-8 check, YAML budget,
//! typed deserialisation with the site's languages).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    stend_fuzz::data_file::<stend::model::data::Refusals>("data/refusals.yaml", data);
});
