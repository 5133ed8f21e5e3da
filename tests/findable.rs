//! Findable and reusable: structured data, open data, sitemap, schemas, pre-compressed files.

use crate::common;

use common::*;
use std::io::Read;

fn jsonld(files: &std::collections::BTreeMap<String, Vec<u8>>, page: &str) -> serde_json::Value {
    let doc = html(files, page);
    let scripts: Vec<String> = doc
        .select(&sel("script[type='application/ld+json']"))
        .map(|s| s.text().collect())
        .collect();
    assert_eq!(scripts.len(), 1, "{page}: one JSON-LD script");
    serde_json::from_str(&scripts[0]).unwrap_or_else(|e| panic!("{page}: invalid JSON-LD: {e}"))
}

fn of_type<'a>(v: &'a serde_json::Value, t: &str) -> Option<&'a serde_json::Value> {
    v["@graph"].as_array()?.iter().find(|x| x["@type"] == t)
}

#[test]
fn every_office_page_has_a_government_office() {
    let f = &shipped().files;
    let mut n = 0;
    for p in f.keys().filter(|p| p.ends_with("index.html")) {
        let parts: Vec<&str> = p.split('/').collect();
        // <lang>/offices/<dep>/<unit>/index.html
        if parts.len() == 5 && parts[1] == "offices" && parts[3] != "poster" && parts[3] != "forms"
        {
            let ld = jsonld(f, p);
            let o = of_type(&ld, "GovernmentOffice").unwrap_or_else(|| panic!("{p}"));
            assert!(o["name"].as_str().is_some_and(|s| !s.is_empty()), "{p}");
            assert_eq!(o["address"]["@type"], "PostalAddress", "{p}");
            assert!(o["address"]["streetAddress"].is_string(), "{p}");
            assert!(
                o["telephone"].is_string() || o["telephone"].is_array(),
                "{p}"
            );
            assert!(
                o["url"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("https://www.mvd.kz/")),
                "{p}"
            );
            assert!(
                o["openingHoursSpecification"]
                    .as_array()
                    .is_some_and(|a| a.len() >= 2),
                "{p}"
            );
            assert_eq!(o["parentOrganization"]["@type"], "GovernmentOrganization");
            assert!(of_type(&ld, "BreadcrumbList").is_some());
            n += 1;
        }
    }
    // Every unit's page in each of the three languages (Kazakh in both alphabets, Russian).
    assert_eq!(n, 3 * 205);
}

#[test]
fn service_pages_have_a_government_service_with_the_fee_in_kzt() {
    let f = &shipped().files;
    let ld = jsonld(f, "ru/fee/index.html");
    let s = of_type(&ld, "GovernmentService").expect("GovernmentService");
    assert_eq!(s["offers"]["priceCurrency"], "KZT");
    assert_eq!(s["offers"]["price"], 4325);
    assert!(
        s["name"]
            .as_str()
            .unwrap()
            .starts_with("Оформление документов")
    );
    assert!(s["termsOfService"].as_str().unwrap().contains("1) "));
    assert!(s["audience"]["audienceType"].is_string());
}

#[test]
fn csv_has_a_bom_and_one_row_per_office() {
    let f = &shipped().files;
    let csv = &f["data/offices.csv"];
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&csv[3..]).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 16 + 205);
    assert!(lines[0].starts_with("department,unit,number,name_kk,name_ru"));
    assert!(text.contains("Көкшетау"));
    let json: serde_json::Value = serde_json::from_slice(&f["data/offices.json"]).unwrap();
    assert_eq!(json["departments"].as_array().unwrap().len(), 16);
    let service: serde_json::Value = serde_json::from_slice(&f["data/service.json"]).unwrap();
    assert_eq!(service["fee"]["amount_on_as_of_tenge"], 4325);
    assert_eq!(
        service["documents"]["documents"].as_array().unwrap().len(),
        7
    );
}

#[test]
fn finder_search_keys_fold_kazakh_russian_and_latin() {
    let f = &shipped().files;
    let doc = html(f, "ru/offices/index.html");
    let keys: Vec<&str> = doc
        .select(&sel("li[data-search]"))
        .filter_map(|e| e.value().attr("data-search"))
        .collect();
    assert_eq!(keys.len(), 205);
    // Көкшетау (kk) and Кокшетау (ru) fold to one skeleton word, stored once.
    let kokshetau = keys
        .iter()
        .find(|k| k.split(' ').any(|w| w == "kokshetau"))
        .expect("Көкшетау folds to kokshetau");
    assert_eq!(
        kokshetau.split(' ').filter(|w| *w == "kokshetau").count(),
        1
    );
    assert!(keys.iter().all(|k| {
        k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ')
    }));
    // The department's name (its region) apart from its seat's address.
    let karaganda = doc
        .select(&sel("section.department[data-region]"))
        .find(|s| s.value().attr("aria-labelledby") == Some("karaganda"))
        .expect("the Karaganda department");
    let region = karaganda.value().attr("data-region").unwrap();
    assert!(region.contains("karagandinskoi oblasti") && region.contains("karagandi oblisinin"));
    assert!(
        karaganda
            .value()
            .attr("data-search")
            .unwrap()
            .contains("ermekova")
    );
    // The fold table the script applies to queries is the one the keys were made with.
    let form = doc
        .select(&sel("form[data-finder][role=search]"))
        .next()
        .expect("the finder form");
    assert_eq!(
        form.value().attr("data-fold"),
        Some(stend::search::fold_spec().as_str())
    );
    assert!(doc.select(&sel("input#finder-q")).next().is_some());
    assert!(doc.select(&sel("[aria-live=polite]")).next().is_some());
    // Without JavaScript a stylesheet in <noscript> hides the form.
    let page = std::str::from_utf8(&f["ru/offices/index.html"]).unwrap();
    assert!(
        page.contains(
            r#"<noscript><link rel="stylesheet" href="/assets/noscript.css"></noscript>"#
        )
    );
    let noscript = std::str::from_utf8(&f["assets/noscript.css"]).unwrap();
    assert!(noscript.contains(".finder { display: none; }"));
}

#[test]
fn precompressed_copies_match_their_files() {
    let f = &shipped().files;
    let mut n = 0;
    for (k, v) in f
        .iter()
        .filter(|(k, _)| k.ends_with(".html") || k.ends_with(".css") || k.ends_with(".csv"))
    {
        let gz = f
            .get(&format!("{k}.gz"))
            .unwrap_or_else(|| panic!("{k}.gz missing"));
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .unwrap();
        assert!(&back == v, "{k}.gz differs");
        let br = f
            .get(&format!("{k}.br"))
            .unwrap_or_else(|| panic!("{k}.br missing"));
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap();
        assert!(&out == v, "{k}.br differs");
        n += 1;
    }
    assert!(n > 1000);
}

#[test]
fn committed_schemas_are_current_and_the_shipped_data_validates() {
    // The shipped languages: Kazakh and Russian written, Latin Kazakh made from Kazakh.
    let langs = vec!["kk".to_string(), "ru".to_string()];
    let derived = vec!["kk-Latn".to_string()];
    for (name, text) in stend::schema::files_for(&langs, &derived) {
        let committed =
            std::fs::read_to_string(root().join("schemas").join(&name)).unwrap_or_default();
        assert_eq!(
            committed, text,
            "schemas/{name} is stale: run `cargo run -- schema`"
        );
    }
    for (stem, schema) in stend::schema::schemas_for(&langs, &derived) {
        let yaml =
            std::fs::read_to_string(root().join("data").join(format!("{stem}.yaml"))).unwrap();
        assert!(yaml.starts_with(&format!(
            "# yaml-language-server: $schema=../schemas/{stem}.schema.json"
        )));
        let value: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "data/{stem}.yaml: {errors:?}");
        // And the schema rejects what the loader rejects: a missing translation.
        if stem == "hours" {
            let mut bad = value.clone();
            bad["service"]["text"] = serde_json::json!({"kk": "x"});
            assert!(!validator.is_valid(&bad));
        }
    }
}
