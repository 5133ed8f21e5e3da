//! One source, seventeen sites: the ministry edition and one per department.

use crate::common;

use common::*;

#[test]
fn all_editions_are_complete_and_the_ministry_one_equals_a_plain_build() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all");
    stend::build(&root(), &out, &env_at(EPOCH_2026), &stend::Editions::All)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut editions: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    editions.sort();
    assert_eq!(editions.len(), 17, "{editions:?}");
    assert!(editions.contains(&"ministry".to_string()));

    // The ministry edition is byte-identical to a plain build.
    let ministry = read_tree(&out.join("ministry"));
    let plain = &shipped().files;
    // The output marker and the PDFs' recipes sit at the top of the output, not in each
    // edition.
    let top = [".stend-output", ".stend-recipes"];
    assert_eq!(
        ministry.len(),
        plain.len() - top.len(),
        "file count differs"
    );
    for (k, v) in plain {
        if top.contains(&k.as_str()) {
            continue;
        }
        assert!(
            ministry.get(k) == Some(v),
            "ministry/{k} differs from a plain build"
        );
    }

    // The Astana edition holds exactly the Astana department and its units.
    let astana = read_tree(&out.join("astana"));
    let mut deps: Vec<&str> = astana
        .keys()
        .filter_map(|k| k.strip_prefix("kk/offices/"))
        .filter_map(|k| k.split('/').next())
        .filter(|k| !k.starts_with("index.html"))
        .collect();
    deps.sort();
    deps.dedup();
    assert_eq!(deps, vec!["astana"]);
    let units: std::collections::BTreeSet<&str> = astana
        .keys()
        .filter_map(|k| k.strip_prefix("ru/offices/astana/"))
        .filter_map(|k| k.split_once('/').map(|(u, _)| u))
        .filter(|u| *u != "poster" && *u != "forms")
        .collect();
    assert_eq!(
        units,
        ["almaty-district", "esil-district", "saryarka-district"]
            .into_iter()
            .collect()
    );
    // Every page names the department; the directory points to the ministry for the rest.
    let home = text_of(&html(&astana, "kk/index.html"));
    assert!(
        home.contains("Астана қаласының Ішкі істер департаменті"),
        "department not named on its edition"
    );
    let offices = html(&astana, "ru/offices/index.html");
    assert!(
        offices
            .select(&sel("a[href='https://www.mvd.kz/ru/offices/']"))
            .next()
            .is_some(),
        "no link to the national directory"
    );
    // Its open data holds its own offices only.
    let csv = std::str::from_utf8(&astana["data/offices.csv"]).unwrap();
    assert_eq!(
        csv.lines().count(),
        1 + 1 + 3,
        "header, the seat, three units"
    );
    assert!(csv.lines().skip(1).all(|l| l.starts_with("astana,")));
    // Its sitemap lists its own pages only, at its own address.
    let sitemap = std::str::from_utf8(&astana["sitemap.xml"]).unwrap();
    assert!(!sitemap.contains("/offices/akmola/"));
    assert!(sitemap.contains("<loc>https://www.ast.dvd.mvd.kz/kk/offices/astana/</loc>"));
}

#[test]
fn a_department_edition_without_a_usable_address_has_no_absolute_urls() {
    // West Kazakhstan's "website" in the standard is an e-mail address.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wk");
    stend::build(
        &root(),
        &out,
        &env_at(EPOCH_2026),
        &stend::Editions::Department("west-kazakhstan".into()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let files = read_tree(&out);
    assert!(!files.contains_key("sitemap.xml"));
    let page = html(&files, "kk/offices/west-kazakhstan/index.html");
    assert!(page.select(&sel("link[rel=canonical]")).next().is_none());
}

#[test]
fn an_unknown_edition_is_a_clear_error() {
    let err = stend::build(
        &root(),
        &tempfile::tempdir().unwrap().path().join("x"),
        &env_at(EPOCH_2026),
        &stend::Editions::Department("astna".into()),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("no department with slug `astna`"), "{err}");
    assert!(err.contains("did you mean `astana`?"), "{err}");
}
