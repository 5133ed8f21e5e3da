//! Language alternates (hreflang): every page's head and the sitemap declare the same sets, the
//! sets are reciprocal (every page of a set declares the same set, itself included), each has
//! one `x-default`, and Open Graph names the languages by their locales. Read from the parsed
//! heads of every page of the shipped build and the parsed sitemap.

use crate::common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};

/// hreflang → absolute address.
type Set = BTreeMap<String, String>;

const BASE: &str = "https://www.mvd.kz";

/// The head of a page, parsed alone (the bodies are most of the bytes).
fn head(bytes: &[u8]) -> scraper::Html {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let end = text.find("</head>").expect("a head");
    scraper::Html::parse_document(&text[..end + "</head>".len()])
}

fn declared(doc: &scraper::Html) -> Set {
    let mut set = Set::new();
    for l in doc.select(&sel("link[rel=alternate][hreflang]")) {
        let lang = l.value().attr("hreflang").unwrap_or_default().to_string();
        let href = l.value().attr("href").unwrap_or_default().to_string();
        assert!(
            set.insert(lang.clone(), href).is_none(),
            "hreflang {lang} twice"
        );
    }
    set
}

/// Every page's address and the set its head declares (the 404 page is not one).
fn heads() -> BTreeMap<String, Set> {
    shipped()
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && p.as_str() != "404.html")
        .map(|(p, b)| {
            let url = format!("{BASE}/{}", p.trim_end_matches("index.html"));
            (url, declared(&head(b)))
        })
        .collect()
}

/// Every sitemap entry's address and its alternates.
fn sitemap() -> BTreeMap<String, Set> {
    let xml = std::str::from_utf8(&shipped().files["sitemap.xml"]).expect("utf-8");
    let doc = roxmltree::Document::parse(xml).expect("the sitemap is XML");
    let mut out = BTreeMap::new();
    for url in doc.descendants().filter(|n| n.has_tag_name("url")) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .expect("loc")
            .to_string();
        let mut set = Set::new();
        for link in url.children().filter(|n| n.has_tag_name("link")) {
            assert_eq!(
                link.tag_name().namespace(),
                Some("http://www.w3.org/1999/xhtml")
            );
            assert_eq!(link.attribute("rel"), Some("alternate"));
            let lang = link.attribute("hreflang").expect("hreflang").to_string();
            let href = link.attribute("href").expect("href").to_string();
            assert!(set.insert(lang, href).is_none(), "{loc}: hreflang twice");
        }
        assert!(out.insert(loc.clone(), set).is_none(), "{loc} listed twice");
    }
    out
}

#[test]
fn heads_and_sitemap_declare_the_same_reciprocal_sets() {
    // Every language of stend.yaml (Kazakh in both alphabets and Russian), and x-default.
    let config = stend::load::load_config(&root()).expect("stend.yaml");
    let mut expected: Vec<String> = config
        .languages
        .iter()
        .map(|l| l.code.value.clone())
        .collect();
    expected.push("x-default".into());
    expected.sort();
    assert_eq!(expected, ["kk", "kk-Latn", "ru", "x-default"]);
    let heads = heads();
    let sitemap = sitemap();
    assert_eq!(
        heads.keys().collect::<Vec<_>>(),
        sitemap.keys().collect::<Vec<_>>(),
        "the sitemap lists every page but the 404 page"
    );
    for (url, set) in &heads {
        assert_eq!(
            Some(set),
            sitemap.get(url),
            "{url}: head and sitemap differ"
        );
        assert_eq!(set.keys().cloned().collect::<Vec<_>>(), expected, "{url}");
        assert!(
            set.values().any(|u| u == url),
            "{url} is not in its own set {set:?}"
        );
        for other in set.values() {
            assert_eq!(
                heads.get(other),
                Some(set),
                "{url} declares {other}, which does not declare the same set"
            );
        }
        // x-default is the default language's version, but for the home pages' set, whose
        // x-default is the bilingual landing page.
        let expected = if set["kk"] == format!("{BASE}/kk/") {
            format!("{BASE}/")
        } else {
            set["kk"].clone()
        };
        assert_eq!(set["x-default"], expected, "{url}");
    }
    // The landing page and the two home pages form one set.
    let home = &heads[&format!("{BASE}/")];
    assert_eq!(home["kk"], format!("{BASE}/kk/"));
    assert_eq!(home["ru"], format!("{BASE}/ru/"));
    assert_eq!(home["x-default"], format!("{BASE}/"));
}

#[test]
fn the_404_page_has_no_alternates() {
    let doc = head(&shipped().files["404.html"]);
    assert!(declared(&doc).is_empty());
}

#[test]
fn open_graph_names_locales() {
    let config = stend::load::load_config(&root()).expect("stend.yaml");
    // By the language's directory (`kk-latn` for `kk-Latn`).
    let locales: BTreeMap<String, String> = config
        .languages
        .iter()
        .map(|l| (l.code.value.to_ascii_lowercase(), l.locale.clone()))
        .collect();
    assert_eq!(locales["kk"], "kk_KZ");
    assert_eq!(locales["ru"], "ru_RU");
    // Kazakh in either alphabet is kk_KZ: each locale is named once.
    assert_eq!(locales["kk-latn"], "kk_KZ");
    let mut pages = 0;
    for (path, bytes) in &shipped().files {
        let Some(lang) = path.split('/').next().filter(|l| locales.contains_key(*l)) else {
            continue;
        };
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let doc = head(bytes);
        let content = |q: &str| -> BTreeSet<String> {
            doc.select(&sel(q))
                .filter_map(|m| m.value().attr("content").map(String::from))
                .collect()
        };
        assert_eq!(
            content("meta[property='og:locale']"),
            BTreeSet::from([locales[lang].clone()]),
            "{path}"
        );
        let others: BTreeSet<String> = locales
            .values()
            .filter(|loc| **loc != locales[lang])
            .cloned()
            .collect();
        assert_eq!(
            content("meta[property='og:locale:alternate']"),
            others,
            "{path}"
        );
    }
    assert!(pages > 1000, "{pages} pages");
}
