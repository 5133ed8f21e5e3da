//! Arbitrary bytes as `data/service.yaml`, through the loader's own path (UTF-8 check, YAML budget,
//! typed deserialisation with the site's languages).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    stend_fuzz::data_file::<stend::model::data::Service>("data/service.yaml", data);
});
