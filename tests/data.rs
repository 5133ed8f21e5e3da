//! The shipped data is complete and clean: Appendix 1 counted by hand from the source, phones
//! in the source's formats, no extraction damage anywhere, every text in both languages, and
//! Russian values written in Russian letters.

use crate::common;

use common::*;
use stend::model::Text;

fn site() -> stend::model::Site {
    stend::load::load(&root(), &env_at(EPOCH_2026)).unwrap_or_else(|e| panic!("{e}"))
}

/// Units per department in Appendix 1, counted from the source by hand, in the source's order.
const UNITS: [(&str, usize); 16] = [
    ("astana", 3),
    ("akmola", 18),
    ("almaty", 7),
    ("aktobe", 13),
    ("almaty-region", 19),
    ("atyrau", 8),
    ("east-kazakhstan", 19),
    ("zhambyl", 11),
    ("west-kazakhstan", 13),
    ("karaganda", 17),
    ("kyzylorda", 8),
    ("kostanay", 20),
    ("mangystau", 7),
    ("pavlodar", 13),
    ("north-kazakhstan", 14),
    ("south-kazakhstan", 15),
];

/// Rural numbers printed as `dd-d-dd` in the source (West Kazakhstan, Mangystau, Pavlodar, …):
/// the only phones outside the `d-dd-dd` / `dd-dd-dd` / `ddd-dd-dd` patterns.
const ODD_PHONES: [&str; 43] = [
    "21-1-05", "21-1-86", "21-2-02", "21-2-05", "21-2-48", "21-2-77", "21-2-82", "21-2-99",
    "21-4-00", "21-4-54", "21-5-03", "21-5-45", "21-5-61", "21-5-68", "21-8-45", "22-0-02",
    "22-1-74", "22-2-61", "22-4-64", "22-6-82", "22-7-54", "22-8-57", "23-2-66", "23-6-31",
    "24-1-03", "24-1-25", "31-0-08", "31-1-02", "31-1-37", "31-3-25", "31-3-59", "31-5-85",
    "31-7-02", "31-8-55", "33-2-39", "33-6-39", "91-0-66", "91-2-02", "91-4-01", "91-7-02",
    "91-9-67", "92-4-18", "92-7-02",
];

#[test]
fn appendix_1_is_complete_and_in_order() {
    let s = site();
    let deps = &s.data.offices.departments;
    assert_eq!(deps.len(), 16);
    for (i, (d, (slug, n))) in deps.iter().zip(UNITS).enumerate() {
        assert_eq!(d.slug.value, slug, "department {}", i + 1);
        assert_eq!(d.number, (i + 1).to_string());
        assert_eq!(d.units.len(), n, "units of {slug}");
        for (j, u) in d.units.iter().enumerate() {
            assert_eq!(u.number, (j + 1).to_string(), "{slug} unit numbering");
        }
    }
    assert_eq!(deps.iter().map(|d| d.units.len()).sum::<usize>(), 205);
}

fn is_digits(s: &str, n: std::ops::RangeInclusive<usize>) -> bool {
    n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

#[test]
fn phones_follow_the_sources_patterns() {
    let s = site();
    let mut odd = 0;
    let mut total = 0;
    for d in &s.data.offices.departments {
        let all = std::iter::once(&d.phones).chain(d.units.iter().map(|u| &u.phones));
        for p in all.flat_map(|p| p.secretariat.iter().chain(&p.migration)) {
            total += 1;
            let parts: Vec<&str> = p.value.split('-').collect();
            let usual = parts.len() == 3
                && is_digits(parts[0], 1..=3)
                && is_digits(parts[1], 2..=2)
                && is_digits(parts[2], 2..=2);
            if !usual {
                assert!(
                    ODD_PHONES.contains(&p.value.as_str()),
                    "unexpected phone format `{}` in {}",
                    p.value,
                    d.slug.value
                );
                odd += 1;
            }
        }
    }
    assert_eq!(odd, 47, "the source prints 47 numbers as dd-d-dd");
    assert!(total > 500, "{total} phones");
}

/// Every text of the project: data values (both languages), content files, UI strings.
fn all_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(root()).sort_by_file_name() {
        let e = entry.unwrap();
        let p = e.path();
        let rel = p
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .to_string();
        let wanted = (rel.starts_with("content/") && rel.ends_with(".md"))
            || (rel.starts_with("data/") && rel.ends_with(".yaml"))
            || (rel.starts_with("themes/default/i18n/") && rel.ends_with(".yaml"));
        if wanted {
            out.push((rel, std::fs::read_to_string(p).unwrap()));
        }
    }
    assert!(out.len() >= 25, "only {} files", out.len());
    out
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

#[test]
fn no_letter_spacing_and_no_mixed_scripts() {
    for (file, text) in all_texts() {
        for (n, line) in text.lines().enumerate() {
            // Letter-spaced runs: five or more single letters separated by spaces.
            let mut run = 0;
            for w in line.split(' ') {
                if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
                    run += 1;
                    assert!(run < 5, "{file}:{}: letter-spaced text: {line}", n + 1);
                } else {
                    run = 0;
                }
            }
            // Words mixing Latin and Cyrillic letters (look-alike letters typed by mistake).
            for w in line.split(|c: char| !c.is_alphanumeric()) {
                let cyr = w.chars().any(is_cyrillic);
                let lat = w.chars().any(|c| c.is_ascii_alphabetic());
                assert!(
                    !(cyr && lat),
                    "{file}:{}: word mixes Latin and Cyrillic: `{w}`",
                    n + 1
                );
            }
        }
    }
}

fn texts_of(s: &stend::model::Site) -> Vec<(&'static str, &Text)> {
    let mut v = Vec::new();
    for d in &s.data.offices.departments {
        v.push(("name", &d.name));
        v.push(("address", &d.address));
        v.push(("locality", &d.locality));
        for u in &d.units {
            v.push(("name", &u.name));
            v.push(("address", &u.address));
            v.push(("locality", &u.locality));
        }
    }
    v
}

#[test]
fn every_office_text_is_in_both_languages_and_russian_is_russian() {
    let s = site();
    // Proper names that keep a Kazakh letter in Russian because they have no Russian form.
    const ALLOWED: [&str; 0] = [];
    for (field, t) in texts_of(&s) {
        let kk = t.get("kk");
        let ru = t.get("ru");
        assert!(
            !kk.trim().is_empty() && !ru.trim().is_empty(),
            "{field}: {kk:?} / {ru:?}"
        );
        if !ALLOWED.iter().any(|a| ru.contains(a)) {
            assert!(
                !ru.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)),
                "Kazakh-only letter in a Russian {field}: {ru}"
            );
        }
    }
}

#[test]
fn the_built_site_carries_every_office_phone_document_and_ground() {
    let f = &shipped().files;
    let s = site();
    for lang in ["kk", "ru"] {
        let offices = text_of(&html(f, &format!("{lang}/offices/index.html")));
        for d in &s.data.offices.departments {
            assert!(
                offices.contains(d.name.get(lang)),
                "{lang}: {}",
                d.name.get(lang)
            );
            for u in &d.units {
                let page = text_of(&html(
                    f,
                    &format!(
                        "{lang}/offices/{}/{}/index.html",
                        d.slug.value, u.slug.value
                    ),
                ));
                assert!(
                    page.contains(u.name.get(lang)),
                    "{lang}: {}",
                    u.name.get(lang)
                );
                assert!(
                    page.contains(u.address.get(lang)),
                    "{lang}: {}",
                    u.address.get(lang)
                );
                for p in u.phones.secretariat.iter().chain(&u.phones.migration) {
                    assert!(
                        page.contains(&p.value),
                        "{lang}: {} lacks {}",
                        u.slug.value,
                        p.value
                    );
                }
            }
            let dep = text_of(&html(
                f,
                &format!("{lang}/offices/{}/index.html", d.slug.value),
            ));
            for p in d.phones.secretariat.iter().chain(&d.phones.migration) {
                assert!(
                    dep.contains(&p.value),
                    "{lang}: {} lacks {}",
                    d.slug.value,
                    p.value
                );
            }
        }
        let docs = text_of(&html(f, &format!("{lang}/documents/index.html")));
        assert_eq!(s.data.documents.documents.len(), 7);
        for d in &s.data.documents.documents {
            assert!(
                docs.contains(d.name.get(lang)),
                "{lang}: document {}",
                d.id.value
            );
        }
        let refusal = text_of(&html(f, &format!("{lang}/refusal/index.html")));
        assert_eq!(s.data.refusals.grounds.len(), 7);
        for g in &s.data.refusals.grounds {
            assert!(
                refusal.contains(g.text.get(lang).trim_end_matches([';', '.'])),
                "{lang}: ground {}",
                g.number
            );
        }
        assert_eq!(
            s.data.refusals.notes.len(),
            2,
            "the tax-debt rule and the notice"
        );
        for n in &s.data.refusals.notes {
            assert!(refusal.contains(n.get(lang)), "{lang}: a note of p16");
        }
    }
}
