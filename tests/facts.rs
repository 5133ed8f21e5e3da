//! The facts in the general shape of a standard, beyond the shipped one's: the fee's three shapes
//! (a percentage of the monthly calculation index, as shipped and tested throughout; a fixed
//! amount in tenge; free of charge), terms in other units, and facts without a paragraph to
//! link to. Each is built on the
//! synthetic two-department fixture with a made-up `data/fee.yaml` (no real standard's fee; the
//! same files are `tests/valid/fee-*` cases, checked against the schema and the Latin edition),
//! and read back where a citizen meets it: the home page, the fee page, the office page, the
//! poster (HTML and PDF), JSON-LD and `service.json`.

use crate::common;
use crate::pdf_tools;
use common::*;
use std::collections::BTreeMap;

const FIXED: &str = include_str!("valid/fee-fixed/files/data/fee.yaml");

const FREE: &str = include_str!("valid/fee-free/files/data/fee.yaml");

fn build_with_fee(fee: &str) -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = fixture("two-departments-synthetic");
    std::fs::write(dir.path().join("data/fee.yaml"), fee).unwrap();
    let files = build_project(dir.path());
    (dir, files)
}

/// The page's text with no-break spaces as spaces (amounts are grouped with them).
fn text(files: &BTreeMap<String, Vec<u8>>, page: &str) -> String {
    text_of(&html(files, page)).replace('\u{a0}', " ")
}

fn service_offer(files: &BTreeMap<String, Vec<u8>>, page: &str) -> serde_json::Value {
    let doc = html(files, page);
    let script: String = doc
        .select(&sel("script[type='application/ld+json']"))
        .next()
        .unwrap_or_else(|| panic!("{page}: no JSON-LD"))
        .text()
        .collect();
    let ld: serde_json::Value = serde_json::from_str(&script).unwrap();
    ld["@graph"]
        .as_array()
        .and_then(|g| g.iter().find(|x| x["@type"] == "GovernmentService"))
        .unwrap_or_else(|| panic!("{page}: no GovernmentService"))["offers"]
        .clone()
}

fn service_json(files: &BTreeMap<String, Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(&files["data/service.json"]).expect("service.json")
}

fn poster_pdf_text(files: &BTreeMap<String, Vec<u8>>, lang: &str) -> String {
    let bytes = &files[&format!("{lang}/offices/north/poster/poster.pdf")];
    let (_dir, file) = pdf_tools::save(bytes, "poster.pdf");
    pdf_tools::text(&file)
}

/// The index and its table belong to a percentage of it: neither appears for the other shapes.
fn assert_no_index(files: &BTreeMap<String, Vec<u8>>, lang: &str) {
    let fee = html(files, &format!("{lang}/fee/index.html"));
    assert!(
        fee.select(&sel("#index, table.mci")).next().is_none(),
        "{lang}: the fee page shows an index table"
    );
    for page in ["", "fee/", "offices/north/poster/"] {
        let t = text(files, &format!("{lang}/{page}index.html"));
        for index in [
            "4 325",
            "4\u{a0}325",
            "көрсеткіштің",
            "расчётного показателя",
        ] {
            assert!(
                !t.contains(index),
                "{lang}/{page}: mentions the index ({index:?})"
            );
        }
    }
}

#[test]
fn a_fixed_fee_is_its_amount_everywhere_and_no_index() {
    let (_dir, f) = build_with_fee(FIXED);
    for (lang, kind, fixed) in [
        ("kk", "сынақ алымы", "тіркелген мөлшерде"),
        ("ru", "тестовый сбор", "в фиксированном размере"),
    ] {
        let amount = "2 500 ₸";
        let home = html(&f, &format!("{lang}/index.html"));
        let cost: String = home
            .select(&sel(".facts dd, dl dd"))
            .map(|d| d.text().collect::<String>().replace('\u{a0}', " "))
            .find(|t| t.contains('₸'))
            .unwrap_or_else(|| panic!("{lang}: no amount on the home page"));
        assert!(cost.contains(amount), "{lang} home: {cost}");
        assert!(
            cost.contains(&format!("{kind}, {fixed}")),
            "{lang} home: {cost}"
        );

        let fee = text(&f, &format!("{lang}/fee/index.html"));
        assert!(fee.contains(amount), "{lang} fee page: {fee}");
        assert!(
            fee.contains("синтетик") || fee.contains("синтетич"),
            "{lang}: the legal basis"
        );

        let poster = html(&f, &format!("{lang}/offices/north/poster/index.html"));
        let p_fee: String = poster
            .select(&sel(".p-fee"))
            .next()
            .expect("the poster's fee")
            .text()
            .collect::<String>()
            .replace('\u{a0}', " ");
        assert!(
            p_fee.contains(amount) && p_fee.contains(fixed),
            "{lang} poster: {p_fee}"
        );

        let pdf = poster_pdf_text(&f, lang);
        assert!(
            pdf.replace('\u{a0}', " ").contains(amount),
            "{lang} poster PDF: {pdf}"
        );
        assert!(pdf.contains(fixed), "{lang} poster PDF: {pdf}");

        let offer = service_offer(&f, &format!("{lang}/fee/index.html"));
        assert_eq!(offer["price"], 2500);
        assert_eq!(offer["priceCurrency"], "KZT");
        assert_eq!(offer["name"], kind);
        assert_no_index(&f, lang);
    }
    let fee = &service_json(&f)["fee"];
    assert_eq!(fee["tenge"], 2500);
    assert_eq!(fee["amount_on_as_of_tenge"], 2500);
    assert!(
        fee.get("mci").is_none() && fee.get("percent_of_mci").is_none(),
        "{fee}"
    );
    assert!(
        fee.get("payment").is_none(),
        "no payment text was given: {fee}"
    );
}

#[test]
fn a_free_service_says_so_everywhere_and_shows_no_amount() {
    let (_dir, f) = build_with_fee(FREE);
    for (lang, free) in [("kk", "Тегін"), ("ru", "Бесплатно")] {
        for page in ["", "fee/"] {
            let t = text(&f, &format!("{lang}/{page}index.html"));
            assert!(t.contains(free), "{lang}/{page}: does not say {free}");
        }
        for page in ["", "fee/", "offices/north/poster/", "offices/north/"] {
            let t = text(&f, &format!("{lang}/{page}index.html"));
            assert!(!t.contains('₸'), "{lang}/{page}: shows an amount of tenge");
        }
        let fee = html(&f, &format!("{lang}/fee/index.html"));
        assert!(
            fee.select(&sel("p.muted")).next().is_none(),
            "{lang}: a legal basis line with nothing in it"
        );
        let poster = html(&f, &format!("{lang}/offices/north/poster/index.html"));
        let p_fee: String = poster
            .select(&sel(".p-fee"))
            .next()
            .expect("the poster's fee")
            .text()
            .collect();
        assert!(p_fee.contains(free), "{lang} poster: {p_fee}");
        let pdf = poster_pdf_text(&f, lang);
        assert!(
            pdf.contains(free) && !pdf.contains('₸'),
            "{lang} poster PDF: {pdf}"
        );

        let offer = service_offer(&f, &format!("{lang}/index.html"));
        assert_eq!(offer["price"], 0, "schema.org: a free service's price is 0");
        assert!(offer.get("name").is_none(), "no kind was given: {offer}");
        assert_no_index(&f, lang);
    }
    let fee = &service_json(&f)["fee"];
    assert_eq!(fee["free"], true);
    assert_eq!(fee["amount_on_as_of_tenge"], 0);
    for absent in ["mci", "percent_of_mci", "tenge", "kind", "legal_basis"] {
        assert!(fee.get(absent).is_none(), "{absent} in {fee}");
    }
}

/// Terms in other units than the shipped standard's calendar days and minutes: the same change
/// as the `tests/valid/terms-working-days` case, on the synthetic fixture.
#[test]
fn terms_in_working_days_and_hours_and_no_longest_wait() {
    let dir = fixture("two-departments-synthetic");
    let service = dir.path().join("data/service.yaml");
    let yaml = std::fs::read_to_string(&service).unwrap();
    let wait = yaml.find("  # p7, item 2)\n").expect("the max_wait block");
    let end = yaml
        .find("  # p7, item 3)\n")
        .expect("the max_service block");
    let yaml = format!("{}{}", &yaml[..wait], &yaml[end..])
        .replacen(
            "    value: 30\n    unit: calendar_days\n",
            "    value: 10\n    unit: working_days\n",
            1,
        )
        .replacen(
            "    value: 20\n    unit: minutes\n",
            "    value: 2\n    unit: hours\n",
            1,
        );
    std::fs::write(&service, yaml).unwrap();
    let f = build_project(dir.path());
    for (lang, term, wait) in [
        ("kk", "10 жұмыс күні", "күтудің"),
        ("ru", "10 рабочих дней", "ожидания"),
    ] {
        let home = text(&f, &format!("{lang}/index.html"));
        assert!(home.contains(term), "{lang} home: {home}");
        let poster = html(&f, &format!("{lang}/offices/north/poster/index.html"));
        let p_term: String = poster
            .select(&sel(".p-term"))
            .next()
            .expect("the poster's term")
            .text()
            .collect();
        assert!(p_term.contains(term), "{lang} poster: {p_term}");
        assert!(
            !p_term.contains(wait),
            "{lang} poster: a longest wait: {p_term}"
        );
        let pdf = poster_pdf_text(&f, lang);
        assert!(
            pdf.contains(term) && !pdf.contains(wait),
            "{lang} poster PDF: {pdf}"
        );
    }
    let terms = &service_json(&f)["terms"];
    assert_eq!(terms["processing"]["value"], 10);
    assert_eq!(terms["processing"]["unit"], "working_days");
    assert_eq!(terms["max_service"]["unit"], "hours");
    assert!(terms.get("max_wait").is_none(), "{terms}");
}

/// Without `paragraphs`, no fact links into the standard's text: the links are data, not the
/// shipped standard's numbering in the theme.
#[test]
fn facts_link_to_the_paragraphs_the_data_names_and_only_those() {
    let dir = fixture("two-departments-synthetic");
    let service = dir.path().join("data/service.yaml");
    let yaml = std::fs::read_to_string(&service).unwrap();
    let start = yaml.find("\nparagraphs:\n").expect("the paragraphs block");
    let end = start + 1 + yaml[start + 1..].find("\n\n").expect("its end");
    let fee_only = format!(
        "{}\nparagraphs:\n  fee: 8\n{}",
        &yaml[..start],
        &yaml[end..]
    );
    std::fs::write(&service, fee_only).unwrap();
    let f = build_project(dir.path());
    for lang in ["kk", "ru"] {
        let into_standard = |page: &str| -> Vec<String> {
            html(&f, &format!("{lang}/{page}index.html"))
                .select(&sel("main a[href*='/standard/#p']"))
                .filter_map(|a| a.value().attr("href").map(str::to_string))
                .collect()
        };
        for page in ["", "documents/", "hours/", "refusal/"] {
            assert_eq!(into_standard(page), Vec::<String>::new(), "{lang}/{page}");
        }
        assert_eq!(
            into_standard("fee/"),
            vec![format!("/{lang}/standard/#p8")],
            "{lang}/fee/"
        );
    }
}
