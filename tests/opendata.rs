//! The office directory as open data: `offices.csv` for programs and `offices.xlsx` for people,
//! read back (the CSV with an RFC 4180 reader, the spreadsheet with calamine) and compared with
//! the data they come from.

use crate::common;

use calamine::{Data, DataType};
use common::*;
use serde_json::Value;

/// `data/offices.yaml` as a JSON value.
fn offices_yaml() -> Value {
    let text = std::fs::read_to_string(root().join("data/offices.yaml")).unwrap();
    serde_saphyr::from_str(&text).expect("offices.yaml")
}

/// Every office of the data with its `(department, unit)` slugs, in file order.
fn offices(data: &Value) -> Vec<(String, String, &Value)> {
    let mut out = Vec::new();
    for d in data["departments"].as_array().unwrap() {
        let dep = d["slug"].as_str().unwrap().to_string();
        out.push((dep.clone(), String::new(), d));
        for u in d["units"].as_array().into_iter().flatten() {
            out.push((dep.clone(), u["slug"].as_str().unwrap().to_string(), u));
        }
    }
    out
}

fn joined(v: &Value) -> String {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn the_spreadsheet_has_the_csv_table_with_every_cell_text() {
    let f = &shipped().files;
    let csv = parse_csv(std::str::from_utf8(&f["data/offices.csv"]).unwrap());
    let sheet = xlsx_rows(&f["data/offices.xlsx"]);
    assert_eq!(sheet.len(), csv.len(), "the same rows");
    let as_text = |c: &Data| match c {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("a cell that is not text: {other:?}"),
    };
    assert_eq!(
        sheet[0].iter().map(as_text).collect::<Vec<_>>(),
        csv[0],
        "the same header"
    );
    assert_eq!(csv[0][..3], ["department", "unit", "number"]);
    for (s, c) in sheet.iter().zip(&csv) {
        // No shipped value starts like a formula, so the CSV cells are the values themselves.
        assert_eq!(s.iter().map(as_text).collect::<Vec<_>>(), *c);
    }
}

#[test]
fn phones_are_text_exactly_as_in_the_data() {
    let data = offices_yaml();
    let offices = offices(&data);
    let sheet = xlsx_rows(&shipped().files["data/offices.xlsx"]);
    let header: Vec<String> = sheet[0]
        .iter()
        .map(|c| c.get_string().unwrap_or_default().to_string())
        .collect();
    let col = |n: &str| header.iter().position(|h| h == n).expect(n);
    assert_eq!(sheet.len() - 1, offices.len(), "one row per office");
    let mut date_like = 0;
    for (row, (dep, unit, o)) in sheet[1..].iter().zip(&offices) {
        assert_eq!(row[col("department")], Data::String(dep.clone()));
        for kind in ["secretariat", "migration"] {
            let want = joined(&o["phones"][kind]);
            let cell = &row[col(&format!("phones_{kind}"))];
            if want.is_empty() {
                assert_eq!(*cell, Data::Empty, "{dep}/{unit}");
            } else {
                assert_eq!(*cell, Data::String(want.clone()), "{dep}/{unit} {kind}");
            }
            // Shapes such as 92-4-18, which spreadsheets read as dates in a CSV.
            date_like += want
                .split("; ")
                .filter(|p| {
                    let parts: Vec<&str> = p.split('-').collect();
                    parts.len() == 3 && parts.iter().all(|x| x.chars().all(|c| c.is_ascii_digit()))
                })
                .count();
        }
    }
    assert!(date_like >= 15, "{date_like} date-like phones");
}

#[test]
fn the_spreadsheet_is_a_download_and_not_precompressed() {
    let f = &shipped().files;
    assert!(f.contains_key("data/offices.xlsx"));
    assert!(!f.contains_key("data/offices.xlsx.gz"));
    assert!(!f.contains_key("data/offices.xlsx.br"));
    for lang in ["kk", "ru"] {
        let doc = html(f, &format!("{lang}/offices/index.html"));
        let link = doc
            .select(&sel("a[href='/data/offices.xlsx'][download]"))
            .next()
            .unwrap_or_else(|| panic!("{lang}: no link to offices.xlsx"));
        // Next to the CSV's.
        let next = link
            .parent()
            .and_then(|li| li.next_sibling())
            .and_then(scraper::ElementRef::wrap)
            .and_then(|li| li.select(&sel("a")).next())
            .and_then(|a| a.value().attr("href"));
        assert_eq!(next, Some("/data/offices.csv"), "{lang}");
    }
}

#[test]
fn the_spreadsheet_is_the_same_for_the_same_input() {
    let build = || {
        let dir = tempfile::tempdir().unwrap();
        copy_project(dir.path());
        std::fs::copy(
            root().join("tests/invalid/offices.fixture.yaml"),
            dir.path().join("data/offices.yaml"),
        )
        .unwrap();
        let out = dir.path().join("public");
        stend::build(
            dir.path(),
            &out,
            &env_at(EPOCH_2026),
            &stend::Editions::Ministry,
        )
        .expect("build");
        std::fs::read(out.join("data/offices.xlsx")).unwrap()
    };
    let (a, b) = (build(), build());
    assert_eq!(a, b, "byte-identical");
}
