//! Structured data (schema.org JSON-LD) for search engines: `GovernmentService` on the service
//! pages, `GovernmentOffice` on office pages, `BreadcrumbList` everywhere there are breadcrumbs.
//!
//! Everything comes from the data — never guesses: a missing value is left out, not filled in.
//! Fields are declared in alphabetical order: the output is the same as a JSON object with
//! sorted keys, which is what it has always been.

use crate::model::{Edition, Site};
use crate::page::{OfficeRef, Page, PageKind};
use crate::present;
use crate::routes;
use serde::Serialize;

#[derive(Serialize)]
struct Doc<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<Node<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Node<'a> {
    Breadcrumbs(Breadcrumbs<'a>),
    Service(Service<'a>),
    Office(Office<'a>),
}

/// A `{"@type": …, "name": …}` object.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Breadcrumbs<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "itemListElement")]
    items: Vec<ListItem<'a>>,
}

#[derive(Serialize)]
struct ListItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    item: String,
    name: &'a str,
    position: usize,
}

#[derive(Serialize)]
struct Service<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "areaServed", skip_serializing_if = "Option::is_none")]
    area_served: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<Audience<'a>>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    offers: Option<Offer<'a>>,
    provider: Named<'a>,
    #[serde(rename = "termsOfService", skip_serializing_if = "Option::is_none")]
    terms_of_service: Option<String>,
    url: String,
}

#[derive(Serialize)]
struct Audience<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "audienceType")]
    audience_type: &'a str,
}

#[derive(Serialize)]
struct Offer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    /// 0 for a free service, as schema.org has it.
    price: i64,
    #[serde(rename = "priceCurrency")]
    price_currency: &'static str,
}

#[derive(Serialize)]
struct Office<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: Address<'a>,
    name: &'a str,
    #[serde(
        rename = "openingHoursSpecification",
        skip_serializing_if = "Vec::is_empty"
    )]
    opening_hours: Vec<OpeningHours>,
    #[serde(rename = "parentOrganization", skip_serializing_if = "Option::is_none")]
    parent: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    telephone: Option<Telephone<'a>>,
    url: String,
}

#[derive(Serialize)]
struct Address<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "addressCountry")]
    country: &'static str,
    #[serde(rename = "addressLocality")]
    locality: &'a str,
    #[serde(rename = "streetAddress")]
    street: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Telephone<'a> {
    One(&'a str),
    Many(Vec<&'a str>),
}

#[derive(Serialize)]
struct OpeningHours {
    #[serde(rename = "@type")]
    kind: &'static str,
    closes: String,
    #[serde(rename = "dayOfWeek")]
    days: Vec<&'static str>,
    opens: String,
}

/// The JSON-LD of a page (one `@graph`), serialised for a `<script type="application/ld+json">`
/// element (escaped by [`crate::util::escape::script`], so that no value can close the element
/// or change how the HTML parser reads it), or `None`.
pub fn of(site: &Site, ed: &Edition, page: &Page, lang: &str) -> Option<String> {
    let base = ed.base_url.as_deref();
    let mut graph = Vec::new();
    if !page.breadcrumbs.is_empty() {
        let trail = page
            .breadcrumbs
            .iter()
            .map(|c| (c.title.as_str(), c.url.as_str()));
        // Positions count every step, even one without a name, which is then left out.
        let items = trail
            .chain(std::iter::once((page.title.as_str(), page.route.as_str())))
            .enumerate()
            .filter(|(_, (name, _))| !name.is_empty())
            .map(|(i, (name, route))| ListItem {
                kind: "ListItem",
                item: routes::absolute_or_route(base, route),
                name,
                position: i + 1,
            })
            .collect();
        graph.push(Node::Breadcrumbs(Breadcrumbs {
            kind: "BreadcrumbList",
            items,
        }));
    }
    match &page.kind {
        PageKind::Content(_) => graph.push(Node::Service(service(site, page, lang, base))),
        PageKind::Department { department } => {
            let o = OfficeRef {
                department: *department,
                unit: None,
            };
            graph.push(Node::Office(office(site, o, lang, base)));
        }
        PageKind::Unit { office: o } => graph.push(Node::Office(office(site, *o, lang, base))),
        _ => {}
    }
    if graph.is_empty() {
        return None;
    }
    let doc = Doc {
        context: "https://schema.org",
        graph,
    };
    Some(crate::util::escape::script(
        &serde_json::to_string(&doc).ok()?,
    ))
}

fn service<'a>(site: &'a Site, page: &Page, lang: &str, base: Option<&str>) -> Service<'a> {
    let d = &site.data;
    let amount = present::fee_amount(&d.fee, site.as_of);
    let docs: Vec<String> = d
        .documents
        .documents
        .iter()
        .map(|doc| {
            let name = doc.name.get(lang);
            match &doc.condition {
                Some(c) => format!("{}) {name} ({})", doc.number, c.get(lang)),
                None => format!("{}) {name}", doc.number),
            }
        })
        .collect();
    let country = site.ui(lang, "country");
    Service {
        kind: "GovernmentService",
        area_served: (!country.is_empty()).then_some(Named {
            kind: "Country",
            name: country,
        }),
        audience: Some(Audience {
            kind: "Audience",
            audience_type: d.service.eligibility.text.get(lang),
        }),
        name: d.service.name.get(lang),
        offers: amount.map(|price| Offer {
            kind: "Offer",
            name: d.fee.kind.as_ref().map(|k| k.get(lang)),
            price,
            price_currency: "KZT",
        }),
        provider: Named {
            kind: "GovernmentOrganization",
            name: d.complaints.ministry.name.get(lang),
        },
        // schema.org has no property for required documents; the terms of the service are the
        // closest fit, as plain text.
        terms_of_service: (!docs.is_empty()).then(|| docs.join("; ")),
        url: routes::absolute_or_route(base, &page.route),
    }
}

fn office<'a>(site: &'a Site, o: OfficeRef, lang: &str, base: Option<&str>) -> Office<'a> {
    let (d, u) = super::office::resolve(site, o);
    let office = u.unwrap_or(d);
    let phones: Vec<&str> = office
        .phones
        .migration
        .iter()
        .chain(&office.phones.secretariat)
        .map(|p| p.value.as_str())
        .collect();
    let unit_slug = u.map(|u| u.slug.value.as_str());
    Office {
        kind: "GovernmentOffice",
        address: Address {
            kind: "PostalAddress",
            country: "KZ",
            locality: office.locality.get(lang),
            street: office.address.get(lang),
        },
        name: office.name.get(lang),
        opening_hours: opening_hours(site),
        parent: u.map(|_| Named {
            kind: "GovernmentOrganization",
            name: d.name.get(lang),
        }),
        telephone: match phones.as_slice() {
            [] => None,
            [one] => Some(Telephone::One(one)),
            _ => Some(Telephone::Many(phones)),
        },
        url: routes::absolute_or_route(base, &routes::office(lang, &d.slug, unit_slug)),
    }
}

/// One specification per continuous opening period: a lunch break splits a day in two.
fn opening_hours(site: &Site) -> Vec<OpeningHours> {
    let (rows, _) = present::hours_rows(&site.data.hours.service.schedule);
    rows.iter()
        .flat_map(|r| {
            let days: Vec<&'static str> = r.days.iter().map(|d| d.english()).collect();
            r.periods().into_iter().map(move |(o, c)| OpeningHours {
                kind: "OpeningHoursSpecification",
                closes: c.to_string(),
                days: days.clone(),
                opens: o.to_string(),
            })
        })
        .collect()
}
