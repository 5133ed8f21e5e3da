//! Shared helpers for the integration tests: build the shipped project once, read its pages.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// 2026-01-01T00:00:00Z: the as-of date of the test builds.
pub const EPOCH_2026: &str = "1767225600";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn env_at(epoch: &str) -> stend::load::Env {
    stend::load::Env {
        source_date_epoch: Some(epoch.to_string()),
        now: 0,
    }
}

/// The shipped project built once into a temporary directory.
pub struct Built {
    pub _dir: tempfile::TempDir,
    pub out: PathBuf,
    pub files: BTreeMap<String, Vec<u8>>,
}

pub fn shipped() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        stend::build(
            &root(),
            &out,
            &env_at(EPOCH_2026),
            &stend::Editions::Ministry,
        )
        .unwrap_or_else(|e| panic!("build failed:\n{e}"));
        let files = read_tree(&out);
        Built {
            _dir: dir,
            out,
            files,
        }
    })
}

/// Every file under `dir`, by path relative to it (with `/` separators).
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            m.insert(rel, std::fs::read(e.path()).expect("read"));
        }
    }
    m
}

/// Copies the shipped project (config, content, data, theme) into a fresh directory.
pub fn copy_project(to: &Path) {
    for item in ["stend.yaml", "content", "data", "themes"] {
        copy_rec(&root().join(item), &to.join(item));
    }
}

/// [`copy_project`] with the small office directory of `tests/invalid/offices.fixture.yaml` (a
/// test fixture, not the standard's directory), for tests about the command, not the offices:
/// the real directory is 5 000 pages, tens of seconds in a debug build.
#[allow(dead_code)]
pub fn copy_small_project(to: &Path) {
    copy_project(to);
    std::fs::copy(
        root().join("tests/invalid/offices.fixture.yaml"),
        to.join("data/offices.yaml"),
    )
    .expect("the office fixture");
}

/// Copies a file or a directory tree.
pub fn copy_rec(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("mkdir");
        for e in std::fs::read_dir(from).expect("readdir") {
            let e = e.expect("entry");
            copy_rec(&e.path(), &to.join(e.file_name()));
        }
    } else {
        std::fs::copy(from, to).expect("copy");
    }
}

pub fn html(files: &BTreeMap<String, Vec<u8>>, path: &str) -> scraper::Html {
    let bytes = files
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not built"));
    scraper::Html::parse_document(std::str::from_utf8(bytes).expect("utf-8"))
}

pub fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).expect("selector")
}

/// Visible text of a document, whitespace collapsed.
pub fn text_of(doc: &scraper::Html) -> String {
    let t: Vec<&str> = doc.root_element().text().collect();
    t.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The records of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF), after a BOM.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last record has no CRLF"
    );
    rows
}

/// The `offices` sheet of an `offices.xlsx`, read back with calamine.
pub fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("an xlsx");
    let range = book.worksheet_range("offices").expect("the offices sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

/// A fixture project of `tests/fixtures/<name>/` made whole in a fresh directory: the shipped
/// project's data and theme, then the fixture's own files over them (a fixture states only what
/// differs; its `content/`, when it has one, replaces the shipped content entirely).
pub fn fixture(name: &str) -> tempfile::TempDir {
    let src = root().join("tests/fixtures").join(name);
    assert!(src.is_dir(), "no fixture {name}");
    let dir = tempfile::tempdir().expect("tempdir");
    for item in ["data", "themes"] {
        copy_rec(&root().join(item), &dir.path().join(item));
    }
    if !src.join("content").is_dir() {
        copy_rec(&root().join("content"), &dir.path().join("content"));
    }
    copy_rec(&src, dir.path());
    dir
}

/// Builds the project at `project` into `project/public` as of 2026-01-01 (the ministry's site),
/// panicking with the diagnostics if it fails; returns the output's files.
pub fn build_project(project: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = project.join("public");
    stend::build(
        project,
        &out,
        &env_at(EPOCH_2026),
        &stend::Editions::Ministry,
    )
    .unwrap_or_else(|e| panic!("{} does not build:\n{e}", project.display()));
    read_tree(&out)
}
