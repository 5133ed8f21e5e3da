//! Posters and forms for the PDF tests, made by the library's mapping (`stend::view::pdf`) from
//! the shipped project, as the build makes them; the office strings the tests expect are read
//! from data/offices.yaml here. Made-up test forms say so in their titles.

#![allow(dead_code)]

use std::sync::OnceLock;
use stend::model::Site;
use stend::model::data::Office;
type Department = Office;
type Unit = Office;
use stend::model::Edition;
use stend::page::OfficeRef;
use stend::pdf::*;
use stend::view::pdf as pdf_view;

pub fn site() -> &'static Site {
    static S: OnceLock<Site> = OnceLock::new();
    S.get_or_init(|| {
        stend::load::load(&super::root(), &super::env_at(super::EPOCH_2026))
            .unwrap_or_else(|e| panic!("load failed:\n{e}"))
    })
}

pub fn fonts() -> &'static Fonts {
    static F: OnceLock<Fonts> = OnceLock::new();
    F.get_or_init(|| {
        let dir = super::root().join("themes/default/fonts");
        let read = |n: &str| std::fs::read(dir.join(n)).expect("theme font");
        Fonts::load(&read("NotoSans-Regular.ttf"), &read("NotoSans-Bold.ttf")).expect("fonts")
    })
}

fn ui(lang: &str, key: &str) -> String {
    site().ui(lang, key).to_string()
}

/// A department and, optionally, one of its units, by slug.
pub fn office(dept: &str, unit: Option<&str>) -> (&'static Department, Option<&'static Unit>) {
    let d = site()
        .data
        .offices
        .departments
        .iter()
        .find(|d| d.slug.value == dept)
        .unwrap_or_else(|| panic!("no department {dept}"));
    let u = unit.map(|u| {
        d.units
            .iter()
            .find(|x| x.slug.value == u)
            .unwrap_or_else(|| panic!("no unit {u} in {dept}"))
    });
    (d, u)
}

/// The office's name, address and phone strings in `lang`, as data/offices.yaml has them.
pub fn office_strings(
    d: &Department,
    u: Option<&Unit>,
    lang: &str,
) -> (String, String, Vec<String>) {
    let (name, address, phones) = match u {
        Some(u) => (&u.name, &u.address, &u.phones),
        None => (&d.name, &d.address, &d.phones),
    };
    let numbers = phones
        .migration
        .iter()
        .chain(&phones.secretariat)
        .map(|p| p.value.clone())
        .collect();
    (
        name.get(lang).to_string(),
        address.get(lang).to_string(),
        numbers,
    )
}

/// The office page's absolute address, from `base_url` in stend.yaml.
pub fn office_url(d: &Department, u: Option<&Unit>, lang: &str) -> String {
    let route = stend::routes::office(lang, &d.slug.value, u.map(|u| u.slug.value.as_str()));
    stend::routes::absolute(&site().config.base_url, &route)
}

/// The office's position in the directory, as the build refers to it.
pub fn office_ref(d: &Department, u: Option<&Unit>) -> OfficeRef {
    let deps = &site().data.offices.departments;
    let department = deps
        .iter()
        .position(|x| x.slug.value == d.slug.value)
        .expect("department in the directory");
    let unit = u.map(|u| {
        deps[department]
            .units
            .iter()
            .position(|x| x.slug.value == u.slug.value)
            .expect("unit of its department")
    });
    OfficeRef { department, unit }
}

/// The poster of an office on `paper`, as the build makes it (the library's mapping);
/// `bilingual` puts every language side by side on A3.
pub fn poster_doc(
    d: &Department,
    u: Option<&Unit>,
    lang: &str,
    paper: Paper,
    bilingual: bool,
) -> PosterDoc {
    let variant = match (paper, bilingual) {
        (_, true) => "bilingual",
        (Paper::A3, false) => "a3",
        _ => "",
    };
    let (name, _, _) = office_strings(d, u, lang);
    let key = if variant.is_empty() {
        "poster".to_string()
    } else {
        format!("poster_{variant}")
    };
    let title = format!("{} — {name}", ui(lang, &key));
    let ed = Edition::ministry(site());
    let doc = pdf_view::poster_doc(site(), &ed, office_ref(d, u), lang, variant, title);
    assert_eq!(
        doc.paper, paper,
        "the build prints this variant on {paper:?}"
    );
    doc
}

/// The complaint receipt (Appendix 4, 75 × 55 mm), optionally pre-printed with an office.
pub fn complaint_receipt(lang: &str, header: Option<String>) -> Form {
    pdf_view::complaint_receipt(site(), lang, header)
}

/// The document receipt (Appendix 2, A5), optionally pre-printed with an office.
pub fn document_receipt(lang: &str, header: Option<String>) -> Form {
    pdf_view::document_receipt(site(), lang, header)
}

/// The quality indicators table (Appendix 3, A4).
pub fn quality_form(lang: &str) -> Form {
    pdf_view::quality_form(site(), lang).expect("the shipped standard has a quality table")
}

pub fn single(paper: Paper, title: &str, form: Form) -> FormDoc {
    FormDoc {
        paper,
        title: title.to_string(),
        forms: vec![form],
        split: Split::SideBySide,
    }
}

/// A header for an office's copy of a receipt: name and address.
pub fn header_of(d: &Department, u: Option<&Unit>, lang: &str) -> String {
    pdf_view::header_of(site(), office_ref(d, u), lang)
}
