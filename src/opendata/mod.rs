//! Open data: the office directory and the service's facts as files other systems can read —
//! `/data/offices.json`, `/data/offices.csv` (UTF-8 with BOM, one row per office, both
//! languages' columns; for machines), `/data/offices.xlsx` (the same table as a spreadsheet,
//! every cell text, for people; see [`xlsx`]) and `/data/service.json`. An edition's files hold
//! its own offices only.
//!
//! The JSON files are canonical: every object's keys in sorted order, pretty-printed.

mod csv;
mod table;
pub mod xlsx;

pub use table::{Table, offices_table};

use crate::model::data::{Documents, Eligibility, Hours, MciRow, Office, Refusals, Status, Terms};
use crate::model::{Edition, Site, Text};
use crate::present;
use crate::routes::{self, data_file as route};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The open-data files of an edition, `(route, bytes)`, one at a time to `put` (for a
/// national directory each is tens of megabytes).
pub fn files<E: From<crate::diagnostics::Diagnostic>>(
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
    let table = offices_table(site, ed, &deps);
    put(route("offices.csv"), offices_csv(&table).into_bytes())?;
    let book = xlsx::offices(&table, site.as_of).map_err(|e| {
        crate::diagnostics::Diagnostic::new(
            "data/offices.yaml",
            crate::msg!(
                "xlsx-failed",
                why = crate::i18n::Msg::verbatim(e.to_string())
            ),
        )
    })?;
    put(route("offices.xlsx"), book)?;
    drop(table);
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

/// The fee as `fee.yaml` has it (only the basis given: `percent_of_mci` with its `mci` table,
/// `tenge`, or `free`), and what it comes to on the as-of date (0 when free).
#[derive(Serialize)]
struct FeeJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    percent_of_mci: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tenge: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    free: Option<bool>,
    rule: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_basis: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payment: Option<&'a Text>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
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
            kind: f.kind.as_ref(),
            percent_of_mci: f.percent_of_mci.as_ref().map(|p| p.value),
            tenge: f.tenge.as_ref().map(|t| t.value),
            free: f.free.as_ref().map(|t| t.value),
            rule: &f.rule,
            legal_basis: f.legal_basis.as_ref(),
            payment: f.payment.as_ref(),
            mci: &f.mci,
            amount_on_as_of_tenge: present::fee_amount(f, site.as_of),
        },
        hours: &d.hours,
    };
    // Through a JSON value: its keys come out sorted, as everywhere in the open data.
    serde_json::to_value(&json).unwrap_or(Value::Null)
}

/// `offices.csv`: UTF-8 with a byte-order mark (so spreadsheet programs read the Cyrillic
/// correctly), CRLF line ends, cells quoted per RFC 4180 and neutralised against formula
/// injection by [`csv::cell`].
fn offices_csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(&table.header).chain(&table.rows) {
        let cells: Vec<String> = row.iter().map(|c| csv::cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
