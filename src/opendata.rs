//! Open data: the office directory and the service's facts as files other systems can read —
//! `/data/offices.json`, `/data/offices.csv` (UTF-8 with BOM, one row per office, both
//! languages' columns) and `/data/service.json`. An edition's files hold its own offices only.
//!
//! The JSON files are canonical: every object's keys in sorted order, pretty-printed.

use crate::model::data::{
    At, Documents, Eligibility, Hours, MciRow, Office, Refusals, Status, Terms,
};
use crate::model::{Edition, Site, Text};
use crate::present;
use crate::routes::{self, data_file as route};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The open-data files of an edition, `(route, bytes)`, one at a time to `put` (for a
/// national directory each is tens of megabytes).
pub fn files<E>(
    site: &Site,
    ed: &Edition,
    put: &mut dyn FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    let deps: Vec<&Office> = ed
        .departments(site)
        .into_iter()
        .map(|i| &site.data.offices.departments[i])
        .collect();
    put(
        route("offices.json"),
        pretty(&OfficesJson {
            site,
            ed,
            deps: &deps,
        }),
    )?;
    put(
        route("offices.csv"),
        offices_csv(site, ed, &deps).into_bytes(),
    )?;
    put(route("service.json"), pretty(&service_json(site)))
}

fn pretty<T: serde::Serialize>(v: &T) -> Vec<u8> {
    let mut s = serde_json::to_vec_pretty(v).unwrap_or_default();
    s.push(b'\n');
    s
}

/// An office's page in every language.
fn urls(site: &Site, ed: &Edition, route_of: impl Fn(&str) -> String) -> BTreeMap<String, String> {
    site.languages()
        .into_iter()
        .map(|l| {
            let url = routes::absolute_or_route(ed.base_url.as_deref(), &route_of(&l));
            (l, url)
        })
        .collect()
}

/// `offices.json`, serialised a department at a time rather than built whole in memory. Keys
/// in sorted order, as `serde_json`'s maps write them.
struct OfficesJson<'a> {
    site: &'a Site,
    ed: &'a Edition,
    deps: &'a [&'a Office],
}

impl serde::Serialize for OfficesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        struct Departments<'a>(&'a OfficesJson<'a>);
        impl serde::Serialize for Departments<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let j = self.0;
                let mut seq = s.serialize_seq(Some(j.deps.len()))?;
                for d in j.deps {
                    seq.serialize_element(&department_json(j.site, j.ed, d))?;
                }
                seq.end()
            }
        }
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("as_of", &self.site.as_of.to_string())?;
        m.serialize_entry("departments", &Departments(self))?;
        m.serialize_entry(
            "description",
            "Appendix 1 of the standard: internal-affairs departments and their units. Phone numbers as printed in the standard.",
        )?;
        m.serialize_entry("languages", &self.site.languages())?;
        m.end()
    }
}

/// An office of `offices.json`: its data as in `offices.yaml`, and its page in every language.
#[derive(Serialize)]
struct OfficeJson<'a> {
    #[serde(flatten)]
    office: &'a Office,
    url: BTreeMap<String, String>,
    /// A department's units (always listed, even when there are none); none for a unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    units: Option<Vec<OfficeJson<'a>>>,
}

fn department_json(site: &Site, ed: &Edition, d: &Office) -> Value {
    let units = d
        .units
        .iter()
        .map(|u| OfficeJson {
            office: u,
            url: urls(site, ed, |l| routes::unit(l, &d.slug, &u.slug)),
            units: None,
        })
        .collect();
    let json = OfficeJson {
        office: d,
        url: urls(site, ed, |l| routes::department(l, &d.slug)),
        units: Some(units),
    };
    // Through a JSON value: its keys come out sorted, as everywhere in the open data.
    serde_json::to_value(&json).unwrap_or(Value::Null)
}

/// `service.json`: the service's facts.
#[derive(Serialize)]
struct ServiceJson<'a> {
    as_of: String,
    name: &'a Text,
    status: &'a Status,
    eligibility: &'a Eligibility,
    terms: &'a Terms,
    documents: &'a Documents,
    refusals: &'a Refusals,
    fee: FeeJson<'a>,
    hours: &'a Hours,
}

#[derive(Serialize)]
struct FeeJson<'a> {
    kind: &'a Text,
    percent_of_mci: f64,
    rule: &'a Text,
    legal_basis: &'a Text,
    payment: &'a Text,
    mci: &'a [MciRow],
    amount_on_as_of_tenge: Option<i64>,
}

fn service_json(site: &Site) -> Value {
    let d = &site.data;
    let f = &d.fee;
    let json = ServiceJson {
        as_of: site.as_of.to_string(),
        name: &d.service.name,
        status: &d.service.status,
        eligibility: &d.service.eligibility,
        terms: &d.service.terms,
        documents: &d.documents,
        refusals: &d.refusals,
        fee: FeeJson {
            kind: &f.kind,
            percent_of_mci: f.percent_of_mci.value,
            rule: &f.rule,
            legal_basis: &f.legal_basis,
            payment: &f.payment,
            mci: &f.mci,
            amount_on_as_of_tenge: present::fee_amount(f, site.as_of).map(|(a, _)| a),
        },
        hours: &d.hours,
    };
    // Through a JSON value: its keys come out sorted, as everywhere in the open data.
    serde_json::to_value(&json).unwrap_or(Value::Null)
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn phones(list: &[At<String>]) -> String {
    list.iter()
        .map(|p| p.value.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn offices_csv(site: &Site, ed: &Edition, deps: &[&Office]) -> String {
    let langs = site.languages();
    let mut header: Vec<String> = vec!["department".into(), "unit".into(), "number".into()];
    for field in ["name", "address", "locality"] {
        for l in &langs {
            header.push(format!("{field}_{l}"));
        }
    }
    header.extend([
        "website".into(),
        "phones_secretariat".into(),
        "phones_migration".into(),
    ]);
    for l in &langs {
        header.push(format!("url_{l}"));
    }
    // A byte-order mark so spreadsheet programs read the file as UTF-8 (Cyrillic intact).
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    let mut row = |dep: &Office, unit: Option<&Office>| {
        let o = unit.unwrap_or(dep);
        let mut cells: Vec<String> = vec![
            dep.slug.value.clone(),
            unit.map(|u| u.slug.value.clone()).unwrap_or_default(),
            o.number.clone(),
        ];
        for t in [&o.name, &o.address, &o.locality] {
            for l in &langs {
                cells.push(t.get(l).to_string());
            }
        }
        cells.push(o.website.clone().unwrap_or_default());
        cells.push(phones(&o.phones.secretariat));
        cells.push(phones(&o.phones.migration));
        for l in &langs {
            let route = routes::office(l, &dep.slug, unit.map(|u| u.slug.value.as_str()));
            cells.push(routes::absolute_or_route(ed.base_url.as_deref(), &route));
        }
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    };
    for d in deps {
        row(d, None);
        for u in &d.units {
            row(d, Some(u));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_quoting() {
        assert_eq!(super::csv_field("a, b"), "\"a, b\"");
        assert_eq!(super::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(super::csv_field("plain"), "plain");
    }
}
