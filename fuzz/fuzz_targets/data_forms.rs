//! Arbitrary bytes as `data/forms.yaml`, through the loader's own path (UTF-8 check, YAML budget,
//! typed deserialisation with the site's languages).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    stend_fuzz::data_file::<stend::model::data::Forms>("data/forms.yaml", data);
});
