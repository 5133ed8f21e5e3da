//! Arbitrary bytes as `data/hours.yaml`, through the loader's own path (UTF-8 check, YAML budget,
//! typed deserialisation with the site's languages).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    stend_fuzz::data_file::<stend::model::data::Hours>("data/hours.yaml", data);
});
