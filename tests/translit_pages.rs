//! Transliterating real pages of the shipped site: Kazakh pages of every kind go through
//! `transliterate_html`, and the result keeps the document's structure, its scripts and links,
//! and has no Cyrillic letter left in Kazakh text or read attributes.

use crate::common;

use common::*;
use scraper::{ElementRef, Html, Node};
use stend::translit::{Scheme, first_untransliterated, transliterate_html};

/// Kazakh pages of every template: home, content pages, the standard, the directory with its
/// finder, a department, an office, posters (one bilingual, with its Russian column), forms.
const PAGES: &[&str] = &[
    "kk/index.html",
    "kk/standard/index.html",
    "kk/documents/index.html",
    "kk/fee/index.html",
    "kk/hours/index.html",
    "kk/refusal/index.html",
    "kk/complaints/index.html",
    "kk/forms/index.html",
    "kk/offices/index.html",
    "kk/offices/astana/index.html",
    "kk/offices/astana/almaty-district/index.html",
    "kk/offices/astana/almaty-district/poster/index.html",
    "kk/offices/astana/almaty-district/poster/bilingual/index.html",
    "kk/offices/astana/almaty-district/forms/document-receipt/bilingual/index.html",
    "kk/offices/astana/almaty-district/forms/complaint-receipt/index.html",
];

/// Attributes transliterated in Kazakh elements; their values may differ, all others may not.
const READ: &[&str] = &[
    "title",
    "alt",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "aria-placeholder",
    "placeholder",
    "label",
    "data-some",
    "data-none",
];

fn page(path: &str) -> String {
    let bytes = shipped()
        .files
        .get(path)
        .unwrap_or_else(|| panic!("{path} not built"));
    String::from_utf8(bytes.clone()).expect("utf-8")
}

fn latin(path: &str) -> String {
    transliterate_html(Scheme::KazakhLatin2021, &page(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Whether the element's language, inherited from the nearest `lang`, is Kazakh to
/// transliterate (the page itself is `lang="kk"`).
fn is_kazakh(el: ElementRef) -> bool {
    let lang = std::iter::once(*el)
        .chain(el.ancestors())
        .filter_map(|n| n.value().as_element())
        .find_map(|e| e.attr("lang"))
        .unwrap_or("kk")
        .to_ascii_lowercase();
    (lang == "kk" || lang.starts_with("kk-")) && !lang.contains("cyrl")
}

fn is_meta_text(el: ElementRef) -> bool {
    el.value().name() == "meta"
        && ["name", "property"].iter().any(|a| {
            el.attr(a)
                .is_some_and(|v| ["description", "og:title", "og:description"].contains(&v))
        })
}

/// An element's name and its attributes, sorted, with the values of the transliterated ones left
/// out (only their presence counts).
type Shape = (String, Vec<(String, Option<String>)>);

/// Every element in document order.
fn structure(doc: &Html) -> Vec<Shape> {
    doc.root_element()
        .descendent_elements()
        .map(|el| {
            let read = |name: &str| READ.contains(&name) || (name == "content" && is_meta_text(el));
            let mut attrs: Vec<(String, Option<String>)> = el
                .value()
                .attrs()
                .map(|(n, v)| (n.to_string(), (!read(n)).then(|| v.to_string())))
                .collect();
            attrs.sort();
            (el.value().name().to_string(), attrs)
        })
        .collect()
}

/// The text of every `<script>` and `<style>`, in document order.
fn raw_texts(doc: &Html) -> Vec<String> {
    doc.root_element()
        .descendent_elements()
        .filter(|el| matches!(el.value().name(), "script" | "style"))
        .map(|el| el.text().collect())
        .collect()
}

/// A text of a Latin page: no Cyrillic letter left outside an address.
fn assert_latin(path: &str, text: &str) {
    assert_eq!(
        first_untransliterated(text),
        None,
        "{path}: Cyrillic left in {text:?}"
    );
}

#[test]
fn structure_scripts_and_links_are_unchanged() {
    for path in PAGES {
        let before = Html::parse_document(&page(path));
        let after = Html::parse_document(&latin(path));
        assert!(before.errors.is_empty(), "{path}: {:?}", before.errors);
        assert!(after.errors.is_empty(), "{path}: {:?}", after.errors);
        let (s0, s1) = (structure(&before), structure(&after));
        assert!(s0.len() > 30, "{path}: only {} elements", s0.len());
        assert_eq!(s0, s1, "{path}: element structure changed");
        let scripts = raw_texts(&before);
        assert!(
            scripts.iter().any(|s| s.contains("schema.org")),
            "{path}: no JSON-LD to compare"
        );
        assert_eq!(
            scripts,
            raw_texts(&after),
            "{path}: a script or style changed"
        );
    }
}

#[test]
fn no_cyrillic_is_left_in_kazakh_text_or_read_attributes() {
    let mut texts = 0;
    for path in PAGES {
        let doc = Html::parse_document(&latin(path));
        for node in doc.tree.root().descendants() {
            let Node::Text(text) = node.value() else {
                continue;
            };
            let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
                continue;
            };
            if matches!(parent.value().name(), "script" | "style") || !is_kazakh(parent) {
                continue;
            }
            texts += 1;
            assert_latin(path, text);
        }
        for el in doc.root_element().descendent_elements() {
            if !is_kazakh(el) {
                continue;
            }
            for (name, value) in el.value().attrs() {
                if READ.contains(&name) || (name == "content" && is_meta_text(el)) {
                    assert_eq!(
                        first_untransliterated(value),
                        None,
                        "{path}: {name}={value:?}"
                    );
                }
            }
        }
    }
    assert!(texts > 1000, "only {texts} Kazakh text nodes checked");
}

#[test]
fn russian_parts_and_addresses_are_kept() {
    // The language switcher's link to the Russian edition, and the bilingual poster's column.
    let home = latin("kk/index.html");
    assert!(home.contains(r#"lang="ru">Русский</a>"#));
    let poster = page("kk/offices/astana/almaty-district/poster/bilingual/index.html");
    let poster_latin = latin("kk/offices/astana/almaty-district/poster/bilingual/index.html");
    let russian = |html: &str| -> Vec<String> {
        let doc = Html::parse_document(html);
        doc.root_element()
            .descendent_elements()
            .filter(|el| el.attr("lang") == Some("ru"))
            .map(|el| el.html())
            .collect()
    };
    let (ru0, ru1) = (russian(&poster), russian(&poster_latin));
    assert!(
        ru0.iter()
            .any(|h| h.contains("Департамент") || h.contains("Управление"))
    );
    assert_eq!(ru0, ru1);
    // Web addresses in the text stay as printed.
    assert!(latin("kk/offices/astana/index.html").contains(
        r#"<a href="http://www.ast.dvd.mvd.kz" rel="external noopener">www.ast.dvd.mvd.kz</a>"#
    ));
    assert!(latin("kk/standard/index.html").contains("IIM-nıñ www.mvd.kz internet-resursynda"));
}

#[test]
fn the_kazakh_text_is_in_latin() {
    let home = latin("kk/index.html");
    for want in [
        "<title>Qazaqstan Respublikasynan tys jerlerge tūraqty tūruğa şyğu üşın qūjattar resımdeu</title>",
        "Negızgı mazmūnğa ötu",
        r#"aria-label="Tıldı tañdau""#,
        r#"<meta name="description" content="Memlekettık qyzmet: "#,
        r#"<html lang="kk">"#,
    ] {
        assert!(home.contains(want), "{want}");
    }
    let offices = latin("kk/offices/index.html");
    assert!(offices.contains("Astana qalasynyñ Işkı ıster departamentı"));
    // Search keys stay as stend made them (Cyrillic): the finder matches on them.
    let before = page("kk/offices/index.html");
    let keys = |h: &str| -> Vec<String> {
        Html::parse_document(h)
            .root_element()
            .descendent_elements()
            .filter_map(|el| el.attr("data-search").map(str::to_string))
            .collect()
    };
    assert!(!keys(&before).is_empty());
    assert_eq!(keys(&before), keys(&offices));
}

#[test]
fn transliterating_a_page_is_deterministic_and_idempotent() {
    for path in PAGES {
        let once = latin(path);
        assert_eq!(once, latin(path), "{path}");
        let twice = transliterate_html(Scheme::KazakhLatin2021, &once).expect("re-run");
        assert_eq!(once, twice, "{path}");
    }
}

// The Latin edition the shipped project builds (`kk-Latn` in stend.yaml, under /kk-latn/).

/// The element's language, inherited from the nearest `lang`.
fn lang_of(el: ElementRef) -> String {
    std::iter::once(*el)
        .chain(el.ancestors())
        .filter_map(|n| n.value().as_element())
        .find_map(|e| e.attr("lang"))
        .unwrap_or("")
        .to_string()
}

#[test]
fn the_latin_edition_has_every_kazakh_file() {
    let files = &shipped().files;
    let kk: Vec<&str> = files.keys().filter_map(|p| p.strip_prefix("kk/")).collect();
    let latin: Vec<&str> = files
        .keys()
        .filter_map(|p| p.strip_prefix("kk-latn/"))
        .collect();
    assert!(kk.len() > 1000, "{} Kazakh files", kk.len());
    assert_eq!(
        kk, latin,
        "the same pages, printables and PDFs under /kk-latn/"
    );
    assert!(
        latin
            .iter()
            .any(|p| p.ends_with("poster/bilingual/poster.pdf"))
    );
}

#[test]
fn no_latin_page_keeps_a_cyrillic_letter_outside_other_languages() {
    let (mut pages, mut texts) = (0, 0);
    for (path, bytes) in &shipped().files {
        if !(path.starts_with("kk-latn/") && path.ends_with(".html")) {
            continue;
        }
        pages += 1;
        let doc = Html::parse_document(std::str::from_utf8(bytes).expect("utf-8"));
        assert_eq!(
            doc.root_element().attr("lang"),
            Some("kk-Latn"),
            "{path}: the page's language"
        );
        for node in doc.tree.root().descendants() {
            let Node::Text(text) = node.value() else {
                continue;
            };
            let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
                continue;
            };
            if parent.value().name() == "style" {
                continue;
            }
            let lang = lang_of(parent);
            if parent.value().name() == "script" {
                // JSON-LD: the page's facts, in its language.
                assert_eq!(first_untransliterated(text), None, "{path}: JSON-LD");
                continue;
            }
            if lang == "kk-Latn" {
                texts += 1;
                assert_latin(path, text);
            } else {
                // Only what is marked as another language: Russian, or the link to «Қазақша».
                assert!(
                    lang == "ru" || lang == "kk",
                    "{path}: text in lang={lang:?}"
                );
            }
        }
        for el in doc.root_element().descendent_elements() {
            if lang_of(el) != "kk-Latn" {
                continue;
            }
            for (name, value) in el.value().attrs() {
                if READ.contains(&name) || (name == "content" && is_meta_text(el)) {
                    assert_eq!(first_untransliterated(value), None, "{path}: {name}");
                }
            }
        }
    }
    assert!(pages > 1700, "{pages} Latin pages");
    assert!(texts > 50_000, "{texts} Latin text nodes");
}

#[test]
fn latin_pages_read_as_the_alphabet_writes_the_standard() {
    let page = |p: &str| String::from_utf8(shipped().files[p].clone()).expect("utf-8");
    let home = page("kk-latn/index.html");
    for expected in [
        // The service's name, the provider, and the fee's kind, as the 2021 alphabet writes them.
        "Qazaqstan Respublikasynan tys jerlerge tūraqty tūruğa şyğu üşın qūjattar resımdeu",
        "Köşı-qon polisiasy komitetı",
        "memlekettık baj",
        // Each Latin page says where its text comes from.
        "Būl bet kirill jazuyndağy qazaq mätınınen latyn jazuyna avtomatty türde transliterasialanğan",
    ] {
        assert!(
            home.contains(expected),
            "the Latin home page lacks «{expected}»"
        );
    }
    let office = page("kk-latn/offices/astana/index.html");
    assert!(office.contains("Astana qalasynyñ Işkı ıster departamentı"));
    assert!(office.contains("Seifullin köşesı, 29"));
    // The switcher links the two other editions, each in its own language.
    assert!(home.contains(r#"<a href="/kk/" hreflang="kk" lang="kk">Қазақша</a>"#));
    assert!(home.contains(r#"<a href="/ru/" hreflang="ru" lang="ru">Русский</a>"#));
    assert!(page("kk/index.html").contains(r#"hreflang="kk-Latn" lang="kk-Latn">Qazaqşa</a>"#));
}

#[test]
fn a_latin_bilingual_printable_pairs_latin_kazakh_with_russian() {
    for (dir, kazakh) in [("kk", "kk"), ("kk-latn", "kk-Latn"), ("ru", "kk")] {
        for page in [
            "offices/astana/almaty-district/poster/bilingual/index.html",
            "offices/astana/almaty-district/forms/document-receipt/bilingual/index.html",
        ] {
            let doc = html(&shipped().files, &format!("{dir}/{page}"));
            let columns: Vec<&str> = doc
                .select(&sel(".p-col[lang], .half[lang]"))
                .filter_map(|e| e.value().attr("lang"))
                .collect();
            assert_eq!(columns, [kazakh, "ru"], "{dir}/{page}");
        }
    }
}

#[test]
fn open_data_has_latin_columns() {
    let csv = String::from_utf8(shipped().files["data/offices.csv"].clone()).unwrap();
    let rows = parse_csv(&csv);
    let header = &rows[0];
    for col in [
        "name_kk-Latn",
        "address_kk-Latn",
        "locality_kk-Latn",
        "url_kk-Latn",
    ] {
        assert!(header.iter().any(|h| h == col), "offices.csv has {col}");
    }
    let i = header.iter().position(|h| h == "name_kk-Latn").unwrap();
    assert_eq!(rows[1][i], "Astana qalasynyñ Işkı ıster departamentı");
    let json: serde_json::Value =
        serde_json::from_slice(&shipped().files["data/offices.json"]).unwrap();
    assert_eq!(
        json["departments"][0]["url"]["kk-Latn"],
        "https://www.mvd.kz/kk-latn/offices/astana/"
    );
}
