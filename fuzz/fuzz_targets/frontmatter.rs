//! `load::frontmatter::split` on arbitrary text: never panics, and what it returns is consistent
//! (the YAML and the body are slices of the input, in order, with the right line numbers).
#![no_main]
use stend::load::frontmatter::split;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(s) = split(text) {
        let yaml_at = s.yaml.as_ptr() as usize - text.as_ptr() as usize;
        let body_at = s.body.as_ptr() as usize - text.as_ptr() as usize;
        assert!(text.starts_with("---"));
        assert!(yaml_at + s.yaml.len() <= body_at && body_at + s.body.len() == text.len());
        assert_eq!(s.body_line, text[..body_at].matches('\n').count() + 1);
        assert_eq!(s.yaml_line, text[..yaml_at].matches('\n').count() + 1);
    }
});
