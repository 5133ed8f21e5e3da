//! The site-wide values of one language: installed once as the template engine's global
//! context, so a page's own context stays small and a `kk` page only ever sees `kk` strings.

use super::facts::{FeeView, HoursView, StatusView, TermsView};
use super::office::{OfficeView, Phone, Website};
use crate::model::data::*;
use crate::model::text::InLang;
use crate::model::{Edition, Site};
use crate::page::OfficeRef;
use crate::page::{FORMS_WEIGHT, OFFICES_WEIGHT};
use crate::routes;
use serde::Serialize;
use std::collections::BTreeMap;

/// Every global a template of one language can read (but `departments`, the whole directory,
/// which the renderer adds where it is read: see `render`).
#[derive(Serialize)]
pub struct Globals<'a> {
    site: SiteView<'a>,
    /// The theme's UI strings.
    t: &'a BTreeMap<String, String>,
    nav: Vec<NavItem>,
    service: InLang<'a, Service>,
    documents: InLang<'a, Documents>,
    refusals: InLang<'a, Refusals>,
    complaints: InLang<'a, Complaints>,
    quality: Option<InLang<'a, Quality>>,
    forms: InLang<'a, Forms>,
    ministry_phone: Option<Phone<'a>>,
    ministry_website: Option<Website<'a>>,
    hours: HoursView<'a>,
    fee: FeeView<'a>,
    /// The terms in words: `terms.processing` «күнтізбелік 30 күн».
    terms: TermsView,
    status: StatusView<'a>,
    /// A department edition's department and the way back to the national directory.
    edition: Option<EditionView<'a>>,
    /// Every language's texts, for the bilingual printables (`bundles[sheet.lang]`).
    bundles: BTreeMap<&'a str, Bundle<'a>>,
    /// Units in the edition's directory.
    unit_count: usize,
}

/// `site`: the site's own facts and addresses.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    lang: &'a str,
    /// The page's language is derived by transliteration (its pages say so).
    transliterated: bool,
    default_lang: &'a str,
    lang_name: String,
    base_url: Option<&'a str>,
    as_of: String,
    as_of_dotted: String,
    home: String,
    offices: String,
    forms: String,
    /// Each blank form's address by its name with `_` (`document_receipt`), and the bilingual
    /// receipts' (`document_receipt_bilingual`).
    form_urls: BTreeMap<String, String>,
    /// Each content page's address by its slug (`standard`, `fee`; `""` for the home page).
    pages: BTreeMap<&'a str, String>,
    /// Each content page's title in this language by its slug, for links that name the page.
    page_titles: BTreeMap<&'a str, &'a str>,
    stylesheet: String,
    print_stylesheet: String,
    print_script: String,
    finder_script: String,
    /// The finder's fold table (see `crate::search::fold_spec`), for its script.
    finder_fold: String,
    /// The stylesheet that hides what needs JavaScript, inside `<noscript>`.
    noscript_stylesheet: String,
    open_data: OpenData,
}

#[derive(Serialize)]
struct OpenData {
    offices_json: String,
    offices_csv: String,
    offices_xlsx: String,
    service_json: String,
}

/// A menu entry.
#[derive(Serialize)]
struct NavItem {
    key: String,
    title: String,
    url: String,
}

#[derive(Serialize)]
struct EditionView<'a> {
    slug: &'a str,
    department: OfficeView<'a>,
    national_offices: String,
}

/// One language's texts and facts, for a bilingual printable.
#[derive(Serialize)]
struct Bundle<'a> {
    lang: &'a str,
    name: String,
    t: &'a BTreeMap<String, String>,
    service: InLang<'a, Service>,
    documents: InLang<'a, Documents>,
    forms: InLang<'a, Forms>,
    complaints: InLang<'a, Complaints>,
    fee: FeeView<'a>,
    hours: HoursView<'a>,
    terms: TermsView,
}

fn ui<'a>(site: &'a Site, lang: &str) -> &'a BTreeMap<String, String> {
    static EMPTY: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    site.theme
        .i18n
        .get(lang)
        .unwrap_or_else(|| EMPTY.get_or_init(BTreeMap::new))
}

impl<'a> Globals<'a> {
    /// The globals of `lang` in edition `ed`.
    pub fn new(site: &'a Site, ed: &'a Edition, lang: &'a str) -> Globals<'a> {
        let d = &site.data;
        let ministry = &d.complaints.ministry;
        Globals {
            site: SiteView::new(site, ed, lang),
            t: ui(site, lang),
            nav: nav(site, lang),
            service: InLang(lang, &d.service),
            documents: InLang(lang, &d.documents),
            refusals: InLang(lang, &d.refusals),
            complaints: InLang(lang, &d.complaints),
            quality: d.quality.as_ref().map(|q| InLang(lang, q)),
            forms: InLang(lang, &d.forms),
            ministry_phone: ministry.phone.as_deref().map(|p| Phone::of(p, None)),
            ministry_website: Website::of(ministry.website.as_deref()),
            hours: HoursView::new(site, lang),
            fee: FeeView::new(site, lang),
            terms: TermsView::new(site, lang),
            status: StatusView::new(&d.service.status),
            edition: ed.department.map(|department| EditionView {
                slug: &ed.slug,
                department: OfficeView::of(
                    site,
                    ed,
                    OfficeRef {
                        department,
                        unit: None,
                    },
                    lang,
                ),
                national_offices: routes::absolute(&ed.ministry_base_url, &routes::offices(lang)),
            }),
            bundles: site
                .config
                .languages
                .iter()
                .map(|l| {
                    let code = l.code.value.as_str();
                    (code, Bundle::new(site, code))
                })
                .collect(),
            unit_count: ed
                .departments(site)
                .iter()
                .map(|&i| d.offices.departments[i].units.len())
                .sum(),
        }
    }
}

impl<'a> Bundle<'a> {
    fn new(site: &'a Site, lang: &'a str) -> Bundle<'a> {
        let d = &site.data;
        Bundle {
            lang,
            name: site.language_name(lang),
            t: ui(site, lang),
            service: InLang(lang, &d.service),
            documents: InLang(lang, &d.documents),
            forms: InLang(lang, &d.forms),
            complaints: InLang(lang, &d.complaints),
            fee: FeeView::new(site, lang),
            hours: HoursView::new(site, lang),
            terms: TermsView::new(site, lang),
        }
    }
}

impl<'a> SiteView<'a> {
    fn new(site: &'a Site, ed: &'a Edition, lang: &'a str) -> SiteView<'a> {
        let mut form_urls: BTreeMap<String, String> = site
            .form_names()
            .iter()
            .map(|f| (f.replace('-', "_"), routes::form(lang, f)))
            .collect();
        for f in routes::RECEIPTS {
            let key = format!("{}_bilingual", f.replace('-', "_"));
            form_urls.insert(key, routes::receipt(lang, None, f, true));
        }
        SiteView {
            title: site.config.title.get(lang),
            lang,
            transliterated: site.derived(lang).is_some(),
            default_lang: site.default_language(),
            lang_name: site.language_name(lang),
            base_url: ed.base_url.as_deref(),
            as_of: site.as_of.to_string(),
            as_of_dotted: site.as_of.dotted(),
            home: routes::home(lang),
            offices: routes::offices(lang),
            forms: routes::forms(lang),
            form_urls,
            pages: site
                .pages
                .iter()
                .map(|p| (p.slug.as_str(), routes::content(lang, &p.slug)))
                .collect(),
            page_titles: site
                .pages
                .iter()
                .filter_map(|p| Some((p.slug.as_str(), p.versions.get(lang)?.front.title.as_str())))
                .collect(),
            stylesheet: routes::asset("style.css"),
            print_stylesheet: routes::asset("print.css"),
            print_script: routes::asset("print.js"),
            finder_script: routes::asset("finder.js"),
            finder_fold: crate::search::fold_spec(),
            noscript_stylesheet: routes::asset("noscript.css"),
            open_data: OpenData {
                offices_json: routes::data_file("offices.json"),
                offices_csv: routes::data_file("offices.csv"),
                offices_xlsx: routes::data_file("offices.xlsx"),
                service_json: routes::data_file("service.json"),
            },
        }
    }
}

/// The menu: content pages by weight (top-level ones only), then the office directory and the
/// forms at their weights.
fn nav(site: &Site, lang: &str) -> Vec<NavItem> {
    let mut nav: Vec<(i64, String, String, String)> = site
        .pages
        .iter()
        .filter(|p| !p.slug.is_empty() && !p.slug.contains('/'))
        .filter_map(|p| {
            p.versions.get(lang).map(|v| {
                (
                    v.front.weight,
                    p.slug.clone(),
                    v.front.nav_title().to_string(),
                    routes::content(lang, &p.slug),
                )
            })
        })
        .collect();
    let t = |k: &str| site.ui(lang, k).to_string();
    nav.push((
        OFFICES_WEIGHT,
        "offices".into(),
        t("offices_title"),
        routes::offices(lang),
    ));
    nav.push((
        FORMS_WEIGHT,
        "forms".into(),
        t("forms_title"),
        routes::forms(lang),
    ));
    nav.sort();
    nav.into_iter()
        .map(|(_, key, title, url)| NavItem { key, title, url })
        .collect()
}
