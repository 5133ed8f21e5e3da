//! What the fuzz targets share: the loader's path from bytes to a typed value.
//!
//! Every target also builds without libFuzzer: `cargo run --bin replay -- FILE…` feeds files
//! (for example a crash artifact or a corpus) through the same functions.

use serde::de::DeserializeOwned;
use std::path::Path;

/// The languages of the shipped project.
fn languages() -> Vec<String> {
    vec!["kk".to_string(), "ru".to_string()]
}

/// What `load` does with a data file, minus the disk: UTF-8, `load::normalise` (BOM, line
/// endings), then `yaml::parse` with the languages set. Errors must be diagnostics with a sane
/// location, never panics.
pub fn data_file<T: DeserializeOwned>(name: &str, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = stend::load::normalise(text.to_string());
    let result: Result<T, _> = stend::model::text::with_languages(&languages(), || {
        stend::load::yaml::parse(Path::new(name), &text)
    });
    if let Err(d) = result {
        check(&d, &text);
    }
}

/// A content file: split off the front matter, parse it as `FrontMatter`.
pub fn content_page(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = stend::load::normalise(text.to_string());
    if let Ok(split) = stend::load::frontmatter::split(&text) {
        let padded = format!("{}{}", "\n".repeat(split.yaml_line - 1), split.yaml);
        let r: Result<stend::model::FrontMatter, _> = stend::load::yaml::parse(Path::new("x.md"), &padded);
        if let Err(d) = r {
            check(&d, &padded);
        }
    }
}

/// A diagnostic points inside the file it is about, and renders.
fn check(d: &stend::diagnostics::Diagnostic, text: &str) {
    if let Some(line) = d.line {
        let lines = text.split('\n').count().max(1);
        assert!(line <= lines + 1, "line {line} of a {lines}-line file: {d}");
    }
    let rendered = d.to_string();
    assert!(rendered.starts_with("error: "));
}
