//! The generator on a small project of its own (`tests/fixtures/two-departments-synthetic`, a
//! made-up directory, not a real standard): every office and no other gets its pages, the
//! directory, open data and editions follow the data, and nothing of the shipped directory
//! leaks in.

use crate::common;
use common::*;
use std::collections::BTreeSet;

const FIXTURE: &str = "two-departments-synthetic";

/// The office pages of one language: the office's own page, three posters and four receipts.
const OFFICE_PAGES: [&str; 8] = [
    "index.html",
    "poster/index.html",
    "poster/a3/index.html",
    "poster/bilingual/index.html",
    "forms/document-receipt/index.html",
    "forms/document-receipt/bilingual/index.html",
    "forms/complaint-receipt/index.html",
    "forms/complaint-receipt/bilingual/index.html",
];

fn build(
    which: &stend::Editions,
) -> (
    tempfile::TempDir,
    std::collections::BTreeMap<String, Vec<u8>>,
) {
    let dir = fixture(FIXTURE);
    let out = dir.path().join("public");
    stend::build(dir.path(), &out, &env_at(EPOCH_2026), which)
        .unwrap_or_else(|e| panic!("the fixture does not build:\n{e}"));
    let files = read_tree(&out);
    (dir, files)
}

#[test]
fn every_office_of_the_fixture_and_no_other_has_its_pages() {
    let (_dir, files) = build(&stend::Editions::Ministry);
    let offices = ["north", "north/river-district", "south"];
    for lang in ["kk", "ru"] {
        let built: BTreeSet<&str> = files
            .keys()
            .filter_map(|p| p.strip_prefix(&format!("{lang}/offices/")))
            .filter(|p| p.ends_with("index.html") && *p != "index.html")
            .collect();
        let expected: BTreeSet<String> = offices
            .iter()
            .flat_map(|o| OFFICE_PAGES.iter().map(move |p| format!("{o}/{p}")))
            .collect();
        let expected: BTreeSet<&str> = expected.iter().map(String::as_str).collect();
        assert_eq!(built, expected, "{lang}: office pages");
    }
    let directory = text_of(&html(&files, "ru/offices/index.html"));
    for name in [
        "Северный тестовый департамент (синтетический)",
        "Тестовое управление Речного района (синтетическое)",
        "Южный тестовый департамент (синтетический)",
    ] {
        assert!(directory.contains(name), "the directory lacks {name}");
    }
    // Nothing of the shipped directory is left anywhere in the site.
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let text = String::from_utf8_lossy(bytes);
            assert!(!text.contains("Сейфуллин"), "{path} names a shipped office");
        }
    }
}

#[test]
fn open_data_and_the_sitemap_follow_the_fixture() {
    let (_dir, files) = build(&stend::Editions::Ministry);
    let csv = parse_csv(std::str::from_utf8(&files["data/offices.csv"]).unwrap());
    assert_eq!(csv.len(), 1 + 3, "a header and one row per office");
    assert!(csv[1..].iter().any(|r| r.contains(&"10-00-03".to_string())));
    let sheet = xlsx_rows(&files["data/offices.xlsx"]);
    assert_eq!(sheet.len(), 1 + 3);
    let sitemap = std::str::from_utf8(&files["sitemap.xml"]).unwrap();
    assert!(sitemap.contains("https://stend.example/ru/offices/north/river-district/"));
    assert!(
        !sitemap.contains("www.mvd.kz"),
        "the fixture's own address only"
    );
}

#[test]
fn every_department_of_the_fixture_gets_its_edition() {
    let (_dir, files) = build(&stend::Editions::All);
    let tops: BTreeSet<&str> = files
        .keys()
        .filter(|p| p.contains('/'))
        .filter_map(|p| p.split('/').next())
        .collect();
    assert_eq!(tops, BTreeSet::from(["ministry", "north", "south"]));
    // A department's edition lists its own offices only.
    let north = text_of(&html(&files, "north/ru/offices/index.html"));
    assert!(north.contains("Тестовое управление Речного района"));
    assert!(!north.contains("Южный тестовый департамент"));
}

#[test]
fn the_fixture_builds_byte_identical_twice() {
    let (_a, first) = build(&stend::Editions::Ministry);
    let (_b, second) = build(&stend::Editions::Ministry);
    assert_eq!(first, second);
}
