//! The pages of one office, planned when they are rendered: the department's or unit's own page,
//! then its stand posters and its pre-printed receipts.

use super::{page, ui};
use crate::model::Site;
use crate::page::{Crumb, OfficeJob, Page, PageKind, Plan};
use crate::routes;

/// Pages of one office job: its own page plus the posters and receipts.
const OFFICE_PAGES: usize = 1 + routes::POSTER_VARIANTS.len() + 2 * routes::RECEIPTS.len();

/// The templates office pages are rendered with.
pub fn office_templates() -> Vec<String> {
    let mut v: Vec<String> = [
        "department.html",
        "office.html",
        "poster.html",
        "poster-bilingual.html",
    ]
    .map(String::from)
    .to_vec();
    v.extend(routes::RECEIPTS.iter().map(|n| format!("form-{n}.html")));
    v
}

/// Plans the pages of one office: the department page (for a seat) or the unit's page, then its
/// posters and receipts.
pub fn office_pages(site: &Site, plan: &Plan, j: &OfficeJob) -> Vec<Page> {
    let ed = &plan.edition;
    let langs = site.languages();
    let (Some(lang), Some(trail)) = (langs.get(j.lang), plan.office_crumbs.get(j.lang)) else {
        return Vec::new();
    };
    let Some(d) = site.data.offices.departments.get(j.office.department) else {
        return Vec::new();
    };
    let mut pages = Vec::with_capacity(OFFICE_PAGES);
    let dep_route = routes::department(lang, &d.slug);
    let dep_crumb = Crumb {
        title: d.name.get(lang).to_string(),
        url: dep_route.clone(),
    };
    let mut crumbs = trail.clone();
    let unit = j.office.unit.and_then(|ui| d.units.get(ui));
    let (kind, template, o) = match unit {
        None => (
            PageKind::Department {
                department: j.office.department,
            },
            "department.html",
            d,
        ),
        Some(u) => {
            crumbs.push(dep_crumb.clone());
            (PageKind::Unit { office: j.office }, "office.html", u)
        }
    };
    let unit_slug = unit.map(|u| u.slug.value.as_str());
    let route = routes::office(lang, &d.slug, unit_slug);
    let name = o.name.get(lang);
    pages.push(page(
        site,
        ed,
        lang,
        route.clone(),
        template,
        name.to_string(),
        format!("{} — {}", name, o.address.get(lang)),
        crumbs.clone(),
        |l| routes::office(l, &d.slug, unit_slug),
        kind,
    ));
    crumbs.push(match unit {
        None => dep_crumb,
        Some(_) => Crumb {
            title: name.to_string(),
            url: route,
        },
    });
    printables(site, plan, j, &crumbs, &mut pages);
    pages
}

/// Posters (A4, A3, bilingual) and pre-filled receipts (own language and bilingual) of one
/// office.
fn printables(site: &Site, plan: &Plan, j: &OfficeJob, crumbs: &[Crumb], pages: &mut Vec<Page>) {
    let langs = site.languages();
    let lang = langs[j.lang].as_str();
    let t = |key: &str| ui(site, lang, key);
    let d = &site.data.offices.departments[j.office.department];
    let dep = d.slug.value.as_str();
    let unit = j.office.unit.map(|u| d.units[u].slug.value.as_str());
    for variant in routes::POSTER_VARIANTS {
        let kind = PageKind::Poster {
            office: j.office,
            variant,
        };
        let template = if variant == "bilingual" {
            "poster-bilingual.html"
        } else {
            "poster.html"
        };
        pages.push(page(
            site,
            &plan.edition,
            lang,
            routes::poster(lang, dep, unit, variant),
            template,
            crate::page::printable_title(site, lang, &kind).unwrap_or_default(),
            t("poster_description"),
            crumbs.to_vec(),
            |l| routes::poster(l, dep, unit, variant),
            kind,
        ));
    }
    for form in routes::RECEIPTS {
        let key = form.replace('-', "_");
        for bilingual in [false, true] {
            let kind = PageKind::Receipt {
                office: j.office,
                form,
                bilingual,
            };
            pages.push(page(
                site,
                &plan.edition,
                lang,
                routes::receipt(lang, Some((dep, unit)), form, bilingual),
                &format!("form-{form}.html"),
                crate::page::printable_title(site, lang, &kind).unwrap_or_default(),
                t(&format!("form_{key}_description")),
                crumbs.to_vec(),
                |l| routes::receipt(l, Some((dep, unit)), form, bilingual),
                kind,
            ));
        }
    }
}
