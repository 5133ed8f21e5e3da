//! Views: what a template sees. Each page kind has its context struct, serialised into the
//! template engine as it is rendered, and each language has its [`Globals`] (the site-wide values,
//! installed once as the template engine's global context).
//!
//! Everything a template needs is computed here, ready to print: every URL (from `routes`),
//! amounts and dates formatted, telephone links, QR codes, JSON-LD. Templates present; they do
//! not compute, build URLs or pair lists by position.
//!
//! | module | views |
//! |---|---|
//! | `page` | the `page` object of every page, the landing page's |
//! | [`globals`] | site-wide values of a language (`site`, `t`, `nav`, facts, bundles) |
//! | [`office`] | an office (department or unit) and the directory |
//! | `facts` | fee, hours, legal status |
//! | `jsonld` | schema.org structured data |

mod facts;
pub mod globals;
mod jsonld;
pub mod office;
mod page;
pub mod pdf;

use crate::model::{Edition, Site};
use crate::page::{OfficeRef, Page, PageKind};
use crate::routes;
use office::{OfficeView, Sheet};
use page::{LandingView, PageView};
use serde::Serialize;

pub use globals::Globals;
pub use office::Directory;

/// The context of one page: its `page` object and what its kind shows.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Context<'a> {
    /// Content, forms and the directory: the page alone (the directory reads the global or
    /// per-page `departments`).
    Page { page: PageView<'a> },
    /// The bilingual landing and 404 pages.
    Landing { page: LandingView<'a> },
    Department {
        page: PageView<'a>,
        department: OfficeView<'a>,
    },
    Unit {
        page: PageView<'a>,
        department: OfficeView<'a>,
        unit: OfficeView<'a>,
    },
    Poster {
        page: PageView<'a>,
        office: OfficeView<'a>,
        department: OfficeView<'a>,
        /// The QR code of the office's page, as inline SVG.
        qr: String,
        qr_url: String,
        /// `a4`, `a3` or `bilingual`.
        variant: &'static str,
        /// The other variants of this poster.
        other_variants: Vec<page::Link>,
        #[serde(skip_serializing_if = "Option::is_none")]
        sheets: Option<Vec<Sheet<'a>>>,
    },
    Receipt {
        page: PageView<'a>,
        office: Option<OfficeView<'a>>,
        sheets: Option<Vec<Sheet<'a>>>,
    },
}

/// The context of `page` in edition `ed`.
pub fn context<'a>(site: &'a Site, ed: &'a Edition, page: &'a Page) -> Context<'a> {
    let lang = page.lang.as_deref().unwrap_or(site.default_language());
    let pv = || PageView::new(site, ed, page, lang);
    let view = |o: OfficeRef| OfficeView::of(site, ed, o, lang);
    let seat = |d: usize| OfficeRef {
        department: d,
        unit: None,
    };
    match &page.kind {
        PageKind::Landing | PageKind::NotFound => Context::Landing {
            page: LandingView::new(site, ed, page),
        },
        PageKind::Content(_) | PageKind::Forms | PageKind::Form { .. } | PageKind::Directory => {
            Context::Page { page: pv() }
        }
        PageKind::Department { department } => Context::Department {
            page: pv(),
            department: view(seat(*department))
                .with_units(site, ed, lang)
                .with_links(site, ed, lang),
        },
        PageKind::Unit { office } => Context::Unit {
            page: pv(),
            department: view(seat(office.department)),
            unit: view(*office).with_links(site, ed, lang),
        },
        PageKind::Poster { office, variant } => {
            let url = office::qr_url(site, ed, *office, lang);
            Context::Poster {
                page: pv(),
                office: view(*office).with_links(site, ed, lang),
                department: view(seat(office.department)),
                qr: office::qr_svg(&url, site.ui(lang, "qr_label")),
                qr_url: url,
                variant: if variant.is_empty() { "a4" } else { variant },
                other_variants: poster_variants(site, *office, variant, lang),
                sheets: (*variant == "bilingual")
                    .then(|| office::sheets(site, ed, Some(*office), lang)),
            }
        }
        PageKind::Receipt {
            office, bilingual, ..
        } => Context::Receipt {
            page: pv(),
            office: Some(view(*office)),
            sheets: bilingual.then(|| office::sheets(site, ed, Some(*office), lang)),
        },
        PageKind::BilingualForm { .. } => Context::Receipt {
            page: pv(),
            office: None,
            sheets: Some(office::sheets(site, ed, None, lang)),
        },
    }
}

/// Links to the poster's other variants, in the order of `routes::POSTER_VARIANTS`.
fn poster_variants(site: &Site, o: OfficeRef, current: &str, lang: &str) -> Vec<page::Link> {
    let (d, u) = office::resolve(site, o);
    let unit = u.map(|u| u.slug.value.as_str());
    routes::POSTER_VARIANTS
        .iter()
        .filter(|v| **v != current)
        .map(|v| page::Link {
            title: site.ui(lang, &office::poster_title_key(v)).to_string(),
            url: routes::poster(lang, &d.slug, unit, v),
        })
        .collect()
}
