//! Structured data (schema.org JSON-LD) for search engines: `GovernmentService` on the service
//! pages, `GovernmentOffice` on office pages, `BreadcrumbList` everywhere there are breadcrumbs.
//!
//! Everything is taken from the page's own context and its language's globals — values the data
//! holds, never guesses: a missing value is left out, not filled in.

use crate::routes;
use serde_json::{Map, Value, json};

const DAYS: [(&str, &str); 7] = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
];

fn s<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(*k))?.as_str()
}

/// The language's global values, looked up like a JSON object.
#[derive(Clone, Copy)]
struct Globals<'a>(&'a Map<String, Value>);

impl<'a> Globals<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key)
    }
    fn s(&self, path: &[&str]) -> Option<&'a str> {
        let (first, rest) = path.split_first()?;
        s(self.0.get(*first)?, rest)
    }
}

fn url(base: Option<&str>, route: &str) -> Value {
    json!(routes::absolute_or_route(base, route))
}

/// The JSON-LD of a page (one `@graph`), serialised for a `<script type="application/ld+json">`
/// element (escaped by [`crate::script_escape::script_text`], so no value can close the
/// element or change how the HTML parser reads it), or `None`.
pub fn jsonld(
    ctx: &Map<String, Value>,
    globals: &Map<String, Value>,
    base: Option<&str>,
) -> Option<String> {
    let page = ctx.get("page")?;
    // The globals are large (the whole directory); view them without copying.
    let g = Globals(globals);
    let mut graph = Vec::new();

    if let Some(crumbs) = page.get("breadcrumbs").and_then(Value::as_array)
        && !crumbs.is_empty()
    {
        let mut items: Vec<Value> = crumbs
            .iter()
            .map(|c| (s(c, &["title"]).unwrap_or(""), s(c, &["url"]).unwrap_or("")))
            .chain(std::iter::once((
                s(page, &["title"]).unwrap_or(""),
                s(page, &["url"]).unwrap_or(""),
            )))
            .enumerate()
            .map(|(i, (name, route))| {
                json!({"@type": "ListItem", "position": i + 1, "name": name, "item": url(base, route)})
            })
            .collect();
        items.retain(|i| i["name"] != "");
        graph.push(json!({"@type": "BreadcrumbList", "itemListElement": items}));
    }

    if page.get("slug").is_some_and(Value::is_string) {
        graph.push(service(&g, base, page));
    }
    if let Some(unit) = ctx.get("unit") {
        graph.push(office(unit, ctx.get("department"), &g, base));
    } else if ctx.contains_key("department_index")
        && let Some(dep) = ctx.get("department")
    {
        graph.push(office(dep, None, &g, base));
    }
    if graph.is_empty() {
        return None;
    }
    let doc = json!({"@context": "https://schema.org", "@graph": graph});
    Some(crate::script_escape::script_text(
        &serde_json::to_string(&doc).ok()?,
    ))
}

fn service(g: &Globals, base: Option<&str>, page: &Value) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("GovernmentService"));
    if let Some(name) = g.s(&["service", "name"]) {
        m.insert("name".into(), json!(name));
    }
    m.insert("url".into(), url(base, s(page, &["url"]).unwrap_or("/")));
    if let Some(provider) = g.s(&["complaints", "ministry", "name"]) {
        m.insert(
            "provider".into(),
            json!({"@type": "GovernmentOrganization", "name": provider}),
        );
    }
    if let Some(aud) = g.s(&["service", "eligibility", "text"]) {
        m.insert(
            "audience".into(),
            json!({"@type": "Audience", "audienceType": aud}),
        );
    }
    if let Some(area) = g.s(&["t", "country"]) {
        m.insert(
            "areaServed".into(),
            json!({"@type": "Country", "name": area}),
        );
    }
    if let Some(amount) = g
        .get("fee")
        .and_then(|f| f.get("amount_value"))
        .and_then(Value::as_i64)
    {
        let mut offer = json!({"@type": "Offer", "price": amount, "priceCurrency": "KZT"});
        if let Some(kind) = g.s(&["fee", "kind"]) {
            offer["name"] = json!(kind);
        }
        m.insert("offers".into(), offer);
    }
    if let Some(docs) = g
        .get("documents")
        .and_then(|d| d.get("documents"))
        .and_then(Value::as_array)
    {
        let list: Vec<String> = docs
            .iter()
            .filter_map(|d| {
                let n = d.get("number")?.as_i64()?;
                let name = s(d, &["name"])?;
                Some(match s(d, &["condition"]) {
                    Some(c) => format!("{n}) {name} ({c})"),
                    None => format!("{n}) {name}"),
                })
            })
            .collect();
        if !list.is_empty() {
            // schema.org has no property for required documents; the terms of the service
            // are the closest fit, as plain text.
            m.insert("termsOfService".into(), json!(list.join("; ")));
        }
    }
    Value::Object(m)
}

fn office(o: &Value, parent: Option<&Value>, g: &Globals, base: Option<&str>) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("GovernmentOffice"));
    if let Some(name) = s(o, &["name"]) {
        m.insert("name".into(), json!(name));
    }
    let mut addr = json!({"@type": "PostalAddress", "addressCountry": "KZ"});
    if let Some(a) = s(o, &["address"]) {
        addr["streetAddress"] = json!(a);
    }
    if let Some(l) = s(o, &["locality"]) {
        addr["addressLocality"] = json!(l);
    }
    m.insert("address".into(), addr);
    let phones: Vec<&str> = ["migration", "secretariat"]
        .iter()
        .filter_map(|k| o.get("phones")?.get(*k)?.as_array())
        .flatten()
        .filter_map(|p| p.get("text")?.as_str())
        .collect();
    match phones.as_slice() {
        [] => {}
        [one] => {
            m.insert("telephone".into(), json!(one));
        }
        many => {
            m.insert("telephone".into(), json!(many));
        }
    }
    if let Some(route) = s(o, &["url"]) {
        m.insert("url".into(), url(base, route));
    }
    let hours = opening_hours(g);
    if !hours.is_empty() {
        m.insert("openingHoursSpecification".into(), Value::Array(hours));
    }
    if let Some(p) = parent
        && let Some(name) = s(p, &["name"])
    {
        m.insert(
            "parentOrganization".into(),
            json!({"@type": "GovernmentOrganization", "name": name}),
        );
    }
    Value::Object(m)
}

/// One specification per continuous opening period: a lunch break splits a day in two.
fn opening_hours(g: &Globals) -> Vec<Value> {
    let Some(rows) = g
        .get("hours")
        .and_then(|h| h.get("service"))
        .and_then(|s| s.get("rows"))
        .and_then(Value::as_array)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in rows {
        let days: Vec<&str> = r
            .get("days")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter_map(|d| DAYS.iter().find(|(c, _)| *c == d).map(|(_, n)| *n))
            .collect();
        let (Some(open), Some(close)) = (s(r, &["open"]), s(r, &["close"])) else {
            continue;
        };
        let periods = match (s(r, &["break_start"]), s(r, &["break_end"])) {
            (Some(b1), Some(b2)) => vec![(open, b1), (b2, close)],
            _ => vec![(open, close)],
        };
        for (o, c) in periods {
            out.push(json!({"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": o, "closes": c}));
        }
    }
    out
}
