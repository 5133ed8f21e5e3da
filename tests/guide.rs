//! The example project of `docs/new-standard.md` (`docs/new-standard/example/`, a synthetic
//! standard) builds as the guide says: its files, the default theme, and for now the shipped
//! project's `forms.yaml` (it has no quality-indicator table, so no `quality.yaml`); and its
//! facts, not the shipped standard's, are what the pages say.

use crate::common;
use common::*;
use std::collections::BTreeMap;

fn built() -> &'static (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    static B: std::sync::OnceLock<(tempfile::TempDir, BTreeMap<String, Vec<u8>>)> =
        std::sync::OnceLock::new();
    B.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("project");
        copy_rec(&root().join("docs/new-standard/example"), &project);
        copy_rec(&root().join("themes"), &project.join("themes"));
        std::fs::copy(
            root().join("data/forms.yaml"),
            project.join("data/forms.yaml"),
        )
        .unwrap();
        let files = build_project(&project);
        (dir, files)
    })
}

fn text(files: &BTreeMap<String, Vec<u8>>, page: &str) -> String {
    text_of(&html(files, page)).replace('\u{a0}', " ")
}

#[test]
fn the_guides_example_builds_with_its_own_facts() {
    let (_dir, f) = built();
    for (lang, free, term, apply, refused) in [
        (
            "kk",
            "Тегін",
            "5 жұмыс күні",
            "Тұрғылықты жеріңіздегі сынақ бөлімшесіне",
            "толық емес құжаттар тапсырса",
        ),
        (
            "ru",
            "Бесплатно",
            "5 рабочих дней",
            "В тестовое подразделение по месту жительства",
            "представил неполный пакет документов",
        ),
    ] {
        let home = text(f, &format!("{lang}/index.html"));
        for said in [free, term, apply] {
            assert!(home.contains(said), "{lang} home lacks {said:?}: {home}");
        }
        assert!(text(f, &format!("{lang}/refusal/index.html")).contains(refused));
        let docs = html(f, &format!("{lang}/documents/index.html"));
        assert_eq!(
            docs.select(&sel("main ol > li")).count(),
            3,
            "{lang}: the three documents"
        );
        for office in ["north", "north/river-district", "south"] {
            for file in ["index.html", "poster/index.html", "poster/poster.pdf"] {
                let path = format!("{lang}/offices/{office}/{file}");
                assert!(f.contains_key(&path), "{path} is missing");
            }
        }
        // Nothing of the shipped standard's facts on the pages built from the example's data.
        for page in [
            "",
            "fee/",
            "documents/",
            "refusal/",
            "complaints/",
            "hours/",
        ] {
            let t = text(f, &format!("{lang}/{page}index.html"));
            for shipped in ["4 325", "миграционной полиции", "көші-қон полициясы"]
            {
                assert!(!t.contains(shipped), "{lang}/{page} says {shipped:?}");
            }
        }
    }
    let service: serde_json::Value = serde_json::from_slice(&f["data/service.json"]).unwrap();
    assert_eq!(service["fee"]["free"], true);
    assert_eq!(service["terms"]["processing"]["unit"], "working_days");
    assert_eq!(
        service["documents"]["documents"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn without_quality_yaml_there_is_no_quality_form_and_nothing_links_one() {
    let (_dir, f) = built();
    assert!(
        !f.keys().any(|k| k.contains("quality-indicators")),
        "a project without data/quality.yaml has no quality-indicators pages"
    );
    for lang in ["kk", "ru"] {
        let forms = html(f, &format!("{lang}/forms/index.html"));
        let links: Vec<String> = forms
            .select(&sel("main a"))
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect();
        assert!(
            links
                .iter()
                .any(|h| h.ends_with("/forms/document-receipt/"))
                && links
                    .iter()
                    .any(|h| h.ends_with("/forms/complaint-receipt/")),
            "{lang}: the receipts are still listed: {links:?}"
        );
        for page in ["forms", "standard"] {
            let body = String::from_utf8(f[&format!("{lang}/{page}/index.html")].clone()).unwrap();
            assert!(
                !body.contains("quality-indicators"),
                "{lang}/{page} links a quality form that does not exist"
            );
        }
    }
}
