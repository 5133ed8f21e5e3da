//! An office as templates see it — a department's seat and a unit alike — and the directory of
//! every office of an edition.

use crate::model::data::{At, Office};
use crate::model::{Edition, Site};
use crate::page::OfficeRef;
use crate::present;
use crate::routes;
use serde::Serialize;

/// An office in one language.
#[derive(Serialize)]
pub struct OfficeView<'a> {
    slug: &'a str,
    number: &'a str,
    name: &'a str,
    address: &'a str,
    locality: &'a str,
    website: Option<Website<'a>>,
    phones: Phones<'a>,
    note: Option<&'a str>,
    url: String,
    /// Whether the office is a unit of a department (else a department's seat).
    is_unit: bool,
    /// What the office finder matches (see `crate::search`): for a unit its name, address and
    /// locality in every language; for a department its address and locality, its name being
    /// the `region`, a match on which shows every office of the department. Only the directory
    /// has a finder, so only it computes these (`searchable`): folding every office's texts in
    /// every language for every page cost a twentieth of a build.
    #[serde(skip_serializing_if = "Option::is_none")]
    search: Option<String>,
    /// A department's name in every language, folded.
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<String>,
    /// Whether the fixed-size forms print its header in smaller type.
    compact: bool,
    /// A department's number of units.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_count: Option<usize>,
    /// A department's units, where the page lists them.
    #[serde(skip_serializing_if = "Option::is_none")]
    units: Option<Vec<OfficeView<'a>>>,
    /// The office's printables, on its own pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    links: Option<Printables>,
    #[serde(skip)]
    at: OfficeRef,
}

/// A website as printed, with a link when it is a usable address.
#[derive(Serialize)]
pub struct Website<'a> {
    text: &'a str,
    href: Option<String>,
}

impl<'a> Website<'a> {
    pub fn of(site: Option<&'a str>) -> Option<Website<'a>> {
        site.map(|s| Website {
            text: s,
            href: crate::model::website::href(s),
        })
    }
}

/// A telephone number as printed, with a `tel:` link when it can be dialled.
#[derive(Serialize)]
pub struct Phone<'a> {
    text: &'a str,
    href: Option<String>,
}

impl<'a> Phone<'a> {
    pub fn of(text: &'a str, area: Option<&str>) -> Phone<'a> {
        Phone {
            text,
            href: present::tel_href(text, area),
        }
    }
}

#[derive(Serialize)]
struct Phones<'a> {
    secretariat: Vec<Phone<'a>>,
    migration: Vec<Phone<'a>>,
}

/// The addresses of an office's posters and pre-printed receipts, with their titles.
#[derive(Serialize)]
struct Printables {
    posters: Vec<super::page::Link>,
    /// Per receipt: in the page's language, and bilingual.
    receipts: Vec<ReceiptLinks>,
}

#[derive(Serialize)]
struct ReceiptLinks {
    title: String,
    url: String,
    bilingual: String,
}

/// Characters of name and address beyond which a form's pre-printed office header is set in
/// smaller type. The receipts have a fixed paper size (75 × 55 mm, A5); only a few offices of
/// Appendix 1 (Shymkent's combined district offices) have headers long enough to push the form
/// onto a second sheet.
const COMPACT_HEADER_CHARS: usize = 120;

/// The finder's key of some texts in every language.
fn search_key(texts: &[&crate::model::Text]) -> String {
    crate::search::key(texts.iter().flat_map(|t| t.iter().map(|(_, v)| v)))
}

/// The department and (for a unit) the unit an office reference names.
pub fn resolve(site: &Site, o: OfficeRef) -> (&Office, Option<&Office>) {
    let d = &site.data.offices.departments[o.department];
    (d, o.unit.map(|u| &d.units[u]))
}

impl<'a> OfficeView<'a> {
    /// The office `o` in `lang`, without its units or printables.
    pub fn of(site: &'a Site, _ed: &Edition, o: OfficeRef, lang: &str) -> OfficeView<'a> {
        let (d, u) = resolve(site, o);
        let office = u.unwrap_or(d);
        let area = office
            .dial_code
            .as_ref()
            .or(d.dial_code.as_ref())
            .map(|c| c.value.as_str());
        let phones =
            |list: &'a [At<String>]| list.iter().map(|n| Phone::of(&n.value, area)).collect();
        OfficeView {
            slug: &office.slug.value,
            number: &office.number,
            name: office.name.get(lang),
            address: office.address.get(lang),
            locality: office.locality.get(lang),
            website: Website::of(office.website.as_deref()),
            phones: Phones {
                secretariat: phones(&office.phones.secretariat),
                migration: phones(&office.phones.migration),
            },
            note: office.note.as_ref().map(|n| n.get(lang)),
            url: routes::office(lang, &d.slug, u.map(|u| u.slug.value.as_str())),
            is_unit: u.is_some(),
            search: None,
            region: None,
            compact: office.name.get(lang).chars().count()
                + office.address.get(lang).chars().count()
                > COMPACT_HEADER_CHARS,
            unit_count: u.is_none().then_some(d.units.len()),
            units: None,
            links: None,
            at: o,
        }
    }

    /// With the finder's keys (`search`, and `region` for a department), its units' included.
    pub fn searchable(mut self, site: &Site) -> OfficeView<'a> {
        let (d, u) = resolve(site, self.at);
        self.search = Some(match u {
            Some(u) => search_key(&[&u.name, &u.address, &u.locality]),
            None => search_key(&[&d.address, &d.locality]),
        });
        self.region = u.is_none().then(|| search_key(&[&d.name]));
        if let Some(units) = self.units.take() {
            self.units = Some(units.into_iter().map(|v| v.searchable(site)).collect());
        }
        self
    }

    /// With the department's units listed (for a department only).
    pub fn with_units(mut self, site: &'a Site, ed: &Edition, lang: &str) -> OfficeView<'a> {
        if self.at.unit.is_none() {
            let department = self.at.department;
            let units = site.data.offices.departments[department].units.len();
            let unit = |u| OfficeRef {
                department,
                unit: Some(u),
            };
            self.units = Some(
                (0..units)
                    .map(|u| OfficeView::of(site, ed, unit(u), lang))
                    .collect(),
            );
        }
        self
    }

    /// With the addresses of its printables.
    pub fn with_links(mut self, site: &Site, _ed: &Edition, lang: &str) -> OfficeView<'a> {
        let (d, u) = resolve(site, self.at);
        let unit = u.map(|u| u.slug.value.as_str());
        let t = |k: &str| site.ui(lang, k).to_string();
        self.links = Some(Printables {
            posters: routes::POSTER_VARIANTS
                .iter()
                .map(|v| super::page::Link {
                    title: t(&poster_title_key(v)),
                    url: routes::poster(lang, &d.slug, unit, v),
                })
                .collect(),
            receipts: routes::RECEIPTS
                .iter()
                .map(|form| ReceiptLinks {
                    title: t(&format!("form_{}", form.replace('-', "_"))),
                    url: routes::receipt(lang, Some((&d.slug, unit)), form, false),
                    bilingual: routes::receipt(lang, Some((&d.slug, unit)), form, true),
                })
                .collect(),
        });
        self
    }
}

/// The UI string that names a poster variant (`poster`, `poster_a3`, …).
pub fn poster_title_key(variant: &str) -> String {
    if variant.is_empty() {
        "poster".into()
    } else {
        format!("poster_{variant}")
    }
}

/// One language's copy on a bilingual printable: the language and the office (if any) in it.
/// The language's texts are the global `bundles[lang]`.
#[derive(Serialize)]
pub struct Sheet<'a> {
    lang: &'a str,
    office: Option<OfficeView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    department: Option<OfficeView<'a>>,
}

/// One sheet per written language, with the office (if any) in that language; seen from a
/// derived language, its sheet stands in for the one of the language it is derived from.
pub fn sheets<'a>(
    site: &'a Site,
    ed: &Edition,
    office: Option<OfficeRef>,
    page_lang: &str,
) -> Vec<Sheet<'a>> {
    site.printable_languages(page_lang)
        .into_iter()
        .filter_map(|code| site.language(&code))
        .map(|l| {
            let lang = l.code.value.as_str();
            let seat = |o: OfficeRef| OfficeRef { unit: None, ..o };
            Sheet {
                lang,
                office: office.map(|o| OfficeView::of(site, ed, o, lang)),
                department: office.map(|o| OfficeView::of(site, ed, seat(o), lang)),
            }
        })
        .collect()
}

/// The absolute address of an office's page, for its QR code: on the edition's site, else on
/// the ministry's.
pub fn qr_url(site: &Site, ed: &Edition, o: OfficeRef, lang: &str) -> String {
    let (d, u) = resolve(site, o);
    routes::absolute(
        ed.base_url.as_deref().unwrap_or(&ed.ministry_base_url),
        &routes::office(lang, &d.slug, u.map(|u| u.slug.value.as_str())),
    )
}

thread_local! {
    /// The last QR code made on this thread: an office's three posters in a language share it,
    /// and they are rendered one after another.
    static LAST_QR: std::cell::RefCell<Option<(String, String, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// The QR code of `url` as inline SVG with its accessible label.
pub fn qr_svg(url: &str, label: &str) -> String {
    LAST_QR.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((u, l, svg)) = last.as_ref()
            && u == url
            && l == label
        {
            return svg.clone();
        }
        let svg = crate::qr::svg(url, label);
        *last = Some((url.to_string(), label.to_string(), svg.clone()));
        svg
    })
}

/// `departments`: every office of an edition by department, with units, in one language —
/// serialised a department at a time, so that the template engine takes it in without the
/// whole directory existing in another form first.
pub struct Directory<'a> {
    pub site: &'a Site,
    pub edition: &'a Edition,
    pub lang: &'a str,
}

impl Serialize for Directory<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let deps = self.edition.departments(self.site);
        let mut seq = s.serialize_seq(Some(deps.len()))?;
        for department in deps {
            let o = OfficeRef {
                department,
                unit: None,
            };
            let v = OfficeView::of(self.site, self.edition, o, self.lang);
            let v = v.with_units(self.site, self.edition, self.lang);
            seq.serialize_element(&v.searchable(self.site))?;
        }
        seq.end()
    }
}
