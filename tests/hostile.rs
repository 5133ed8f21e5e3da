//! Hostile data values. A project is built twice: once with values that would change how an
//! HTML parser reads a page if they reached a `<script>` element as they are (a unit named
//! `Управление <!--<script> района` once swallowed the bodies of its office's pages), or that
//! a spreadsheet would run as formulas; once with harmless placeholders in the same places.
//! Every page of both builds is parsed with an HTML5 parser (html5ever, through scraper): the
//! body text must be the same but for the values themselves, and every JSON-LD block must parse
//! as JSON and give the hostile values back exactly. The open data keeps them too, neutralised
//! in the CSV and as text cells in the spreadsheet.

use crate::common;

use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use stend::translit::Scheme;

/// `(placeholder, hostile value, as written in YAML double quotes)`.
const VALUES: [(&str, &str, &str); 7] = [
    (
        "PLACEHOLDER-NAME-KK",
        "Управление <!--<script> района",
        "Управление <!--<script> района",
    ),
    (
        "PLACEHOLDER-NAME-RU",
        "</script><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
    ),
    (
        "PLACEHOLDER-ADDRESS-KK",
        "]]> <!-- «» & </",
        "]]> <!-- «» & </",
    ),
    (
        "PLACEHOLDER-ADDRESS-RU",
        "ул.\u{2028}Абая\u{2029}1 </SCRIPT >",
        "ул.\\u2028Абая\\u20291 </SCRIPT >",
    ),
    (
        "PLACEHOLDER-LOCALITY-KK",
        "=HYPERLINK(\"http://evil.example/\",\"x\")",
        "=HYPERLINK(\\\"http://evil.example/\\\",\\\"x\\\")",
    ),
    (
        "PLACEHOLDER-LOCALITY-RU",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ),
    ("PLACEHOLDER-TITLE", "Баж <!--<script>", "Баж <!--<script>"),
];

/// The unit whose values are replaced, in `tests/invalid/offices.fixture.yaml`.
const UNIT: &str = "esil";

/// The fixture project with the placeholders (or the hostile values) in one unit and one page.
fn project(dir: &Path, hostile: bool) {
    copy_project(dir);
    let value = |i: usize| {
        let (placeholder, _, yaml) = VALUES[i];
        if hostile { yaml } else { placeholder }
    };
    let offices = std::fs::read_to_string(root().join("tests/invalid/offices.fixture.yaml"))
        .expect("fixture");
    let unit = offices.find(&format!("- slug: {UNIT}")).expect("the unit");
    let (before, after) = offices.split_at(unit);
    let mut after = after.to_string();
    for (field, kk, ru) in [("name", 0, 1), ("address", 2, 3), ("locality", 4, 5)] {
        // `field:`, then its `kk:` and `ru:` lines.
        let start = after.find(&format!("        {field}:\n")).expect(field);
        let mut end = start;
        for _ in 0..3 {
            end += after[end..].find('\n').expect("a line") + 1;
        }
        after.replace_range(
            start..end,
            &format!(
                "        {field}:\n          kk: \"{}\"\n          ru: \"{}\"\n",
                value(kk),
                value(ru)
            ),
        );
    }
    std::fs::write(dir.join("data/offices.yaml"), format!("{before}{after}")).unwrap();
    let fee = dir.join("content/kk/fee.md");
    let text = std::fs::read_to_string(&fee).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("a title")
        .to_string();
    std::fs::write(
        &fee,
        text.replacen(&title, &format!("title: \"{}\"", value(6)), 1),
    )
    .unwrap();
}

fn build(hostile: bool) -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), hostile);
    let out = dir.path().join("public");
    stend::build(
        dir.path(),
        &out,
        &env_at(EPOCH_2026),
        &stend::Editions::Ministry,
    )
    .unwrap_or_else(|e| panic!("the {hostile} build failed:\n{e}"));
    let files = read_tree(&out);
    (dir, files)
}

/// Every text node of the body, as it is (no white space collapsed), except the size of a
/// linked PDF: the PDFs hold the hostile values too, so their sizes differ, and nothing else may.
fn body_text(doc: &scraper::Html) -> String {
    let body = doc.select(&sel("body")).next().expect("a body");
    let text: String = body.text().collect();
    without_pdf_sizes(&text)
}

/// `text` with the number before each « КБ» / « KB» left out.
fn without_pdf_sizes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['К', 'K']) {
        let (head, tail) = rest.split_at(i);
        let unit = tail.starts_with("КБ") || tail.starts_with("KB");
        let trimmed =
            head.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '\u{a0}');
        out.push_str(if unit { trimmed } else { head });
        let step = tail.chars().next().map_or(1, char::len_utf8);
        out.push_str(&tail[..step]);
        rest = &tail[step..];
    }
    out.push_str(rest);
    out
}

fn jsonld(doc: &scraper::Html) -> Vec<Value> {
    doc.select(&sel("script[type='application/ld+json']"))
        .map(|s| {
            let text: String = s.text().collect();
            serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("JSON-LD is not JSON ({e}): {text}"))
        })
        .collect()
}

/// `s` with each placeholder replaced by its hostile value; on a page of the Latin edition
/// (`latin`), a Kazakh value is the transliteration of the Kazakh one (placeholders are ASCII,
/// so transliteration keeps them as they are).
fn hostile(s: &str, latin: bool) -> String {
    VALUES.iter().fold(s.to_string(), |s, (p, h, _)| {
        if latin && (p.ends_with("-KK") || *p == "PLACEHOLDER-TITLE") {
            s.replace(
                p,
                &stend::translit::transliterate(Scheme::KazakhLatin2021, h),
            )
        } else {
            s.replace(p, h)
        }
    })
}

fn hostile_json(v: &Value, latin: bool) -> Value {
    match v {
        Value::String(s) => Value::String(hostile(s, latin)),
        Value::Array(a) => Value::Array(a.iter().map(|v| hostile_json(v, latin)).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.clone(), hostile_json(v, latin)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn hostile_values_cannot_change_how_pages_parse() {
    let (_a, plain) = build(false);
    let (_b, bad) = build(true);
    assert_eq!(
        plain.keys().collect::<Vec<_>>(),
        bad.keys().collect::<Vec<_>>(),
        "the same files"
    );
    let mut pages = 0;
    let mut seen = [false; VALUES.len()];
    for (path, bytes) in plain.iter().filter(|(p, _)| p.ends_with(".html")) {
        let plain_doc = html(&plain, path);
        let bad_doc = html(&bad, path);
        let latin = path.starts_with("kk-latn/");
        let expected = hostile(&body_text(&plain_doc), latin);
        assert_eq!(
            body_text(&bad_doc),
            expected,
            "{path}: the body text differs"
        );
        let plain_ld: Vec<Value> = jsonld(&plain_doc)
            .iter()
            .map(|v| hostile_json(v, latin))
            .collect();
        assert_eq!(jsonld(&bad_doc), plain_ld, "{path}: the JSON-LD differs");
        let text = String::from_utf8_lossy(bytes);
        for (i, (p, _, _)) in VALUES.iter().enumerate() {
            seen[i] |= text.contains(p);
        }
        pages += 1;
    }
    assert!(pages > 50, "{pages} pages");
    assert!(
        seen.iter().all(|s| *s),
        "every value reaches a page: {seen:?}"
    );
    // The office's own page names it in the JSON-LD, unescaped once parsed.
    let doc = html(&bad, &format!("kk/offices/astana/{UNIT}/index.html"));
    let ld = jsonld(&doc);
    let office = ld
        .iter()
        .flat_map(|d| d["@graph"].as_array().cloned().unwrap_or_default())
        .find(|n| n["@type"] == "GovernmentOffice")
        .expect("a GovernmentOffice");
    assert_eq!(office["name"], VALUES[0].1);
    assert_eq!(office["address"]["streetAddress"], VALUES[2].1);
    assert_eq!(office["address"]["addressLocality"], VALUES[4].1);
    // Nothing in the raw bytes of a script element can end it or open a comment.
    let raw =
        String::from_utf8_lossy(&bad[&format!("kk/offices/astana/{UNIT}/index.html")]).into_owned();
    let start = raw.find("application/ld+json\">").expect("JSON-LD") + 21;
    let end = start + raw[start..].find("</script>").expect("its end");
    let script = &raw[start..end];
    for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!script.contains(c), "{c:?} in the JSON-LD");
    }
}

#[test]
fn hostile_values_stay_data_in_the_open_data() {
    let (_b, bad) = build(true);
    let csv = parse_csv(std::str::from_utf8(&bad["data/offices.csv"]).unwrap());
    let header = &csv[0];
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let row = csv
        .iter()
        .find(|r| r[col("unit")] == UNIT)
        .expect("the unit's row");
    // A formula gets a quote mark in front; other values stay as they are.
    assert_eq!(row[col("locality_kk")], format!("'{}", VALUES[4].1));
    assert_eq!(row[col("locality_ru")], format!("'{}", VALUES[5].1));
    assert_eq!(row[col("name_kk")], VALUES[0].1);
    assert_eq!(row[col("address_ru")], VALUES[3].1);
    // The spreadsheet holds them exactly, as text.
    let sheet = xlsx_rows(&bad["data/offices.xlsx"]);
    let xrow = sheet
        .iter()
        .find(|r| r[col("unit")] == calamine::Data::String(UNIT.into()))
        .expect("the unit's row");
    assert_eq!(
        xrow[col("locality_kk")],
        calamine::Data::String(VALUES[4].1.into())
    );
    assert_eq!(
        xrow[col("locality_ru")],
        calamine::Data::String(VALUES[5].1.into())
    );
    // And the JSON too.
    let json: Value = serde_json::from_slice(&bad["data/offices.json"]).unwrap();
    let unit = json["departments"][0]["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["slug"] == UNIT)
        .expect("the unit");
    assert_eq!(unit["locality"]["kk"], VALUES[4].1);
}
