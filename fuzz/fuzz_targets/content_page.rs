//! A whole content file: front matter split, then its YAML parsed as `FrontMatter`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    stend_fuzz::content_page(data);
});
