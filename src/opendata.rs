//! Open data: the office directory and the service's facts as files other systems can read —
//! `/data/offices.json`, `/data/offices.csv` (UTF-8 with BOM, one row per office, both
//! languages' columns; for machines), `/data/offices.xlsx` (the same table as a spreadsheet,
//! every cell text, for people; see [`xlsx`]) and `/data/service.json`. An edition's files hold
//! its own offices only.

mod csv;
pub mod xlsx;

use crate::edition::Edition;
use crate::model::Site;
use crate::model::data::{At, Department, Phones};
use crate::present;
use crate::routes;
use serde_json::{Value, json};

/// Route of an open-data file (`offices.json` → `/data/offices.json`).
pub fn route(name: &str) -> String {
    format!("/data/{name}")
}

/// The open-data files of an edition, `(route, bytes)`, one at a time to `put` (for a
/// national directory each is tens of megabytes).
pub fn files<E: From<crate::diagnostics::Diagnostic>>(
    site: &Site,
    ed: &Edition,
    put: &mut dyn FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    let deps: Vec<&Department> = ed
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
            format!("the directory does not fit in a spreadsheet: {e}"),
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

fn urls(site: &Site, ed: &Edition, route_of: impl Fn(&str) -> String) -> Value {
    Value::Object(
        site.languages()
            .iter()
            .map(|l| {
                (
                    l.clone(),
                    json!(routes::absolute_or_route(
                        ed.base_url.as_deref(),
                        &route_of(l)
                    )),
                )
            })
            .collect(),
    )
}

/// `offices.json`, serialised a department at a time rather than built whole in memory. Keys
/// in sorted order, as `serde_json`'s maps write them.
struct OfficesJson<'a> {
    site: &'a Site,
    ed: &'a Edition,
    deps: &'a [&'a Department],
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

fn department_json(site: &Site, ed: &Edition, d: &Department) -> Value {
    let mut v = serde_json::to_value(d).unwrap_or(Value::Null);
    v["url"] = urls(site, ed, |l| routes::department(l, &d.slug));
    if let Some(units) = v.get_mut("units").and_then(Value::as_array_mut) {
        for (u, model) in units.iter_mut().zip(&d.units) {
            u["url"] = urls(site, ed, |l| routes::unit(l, &d.slug, &model.slug));
        }
    }
    v
}

fn service_json(site: &Site) -> Value {
    let d = &site.data;
    let amount = present::fee_amount(&d.fee, site.as_of);
    json!({
        "as_of": site.as_of.to_string(),
        "name": d.service.name,
        "status": d.service.status,
        "eligibility": d.service.eligibility,
        "terms": d.service.terms,
        "documents": d.documents,
        "refusals": d.refusals,
        "fee": {
            "kind": d.fee.kind,
            "percent_of_mci": d.fee.percent_of_mci,
            "rule": d.fee.rule,
            "legal_basis": d.fee.legal_basis,
            "payment": d.fee.payment,
            "mci": d.fee.mci,
            "amount_on_as_of_tenge": amount.map(|(a, _)| a),
        },
        "hours": d.hours,
    })
}

/// The office directory as a table, one row per office (a department's seat with an empty
/// `unit`), both languages' columns side by side: what `offices.csv` and `offices.xlsx` hold.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Several phones in one cell.
fn phones(list: &[At<String>]) -> String {
    list.iter()
        .map(|p| p.value.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rows of [`Table`] for the departments `deps` of edition `ed`.
pub fn offices_table(site: &Site, ed: &Edition, deps: &[&Department]) -> Table {
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
    let row = |dep: &Department, unit: Option<&crate::model::data::Unit>| {
        let (number, name, address, locality, website, ph): (&str, _, _, _, _, &Phones) = match unit
        {
            Some(u) => (
                &u.number,
                &u.name,
                &u.address,
                &u.locality,
                &u.website,
                &u.phones,
            ),
            None => (
                &dep.number,
                &dep.name,
                &dep.address,
                &dep.locality,
                &dep.website,
                &dep.phones,
            ),
        };
        let mut cells: Vec<String> = vec![
            dep.slug.value.clone(),
            unit.map(|u| u.slug.value.clone()).unwrap_or_default(),
            number.to_string(),
        ];
        for t in [name, address, locality] {
            for l in &langs {
                cells.push(t.get(l).to_string());
            }
        }
        cells.push(website.as_deref().unwrap_or_default().to_string());
        cells.push(phones(&ph.secretariat));
        cells.push(phones(&ph.migration));
        for l in &langs {
            let route = routes::office(l, &dep.slug, unit.map(|u| u.slug.value.as_str()));
            cells.push(routes::absolute_or_route(ed.base_url.as_deref(), &route));
        }
        cells
    };
    let mut rows = Vec::new();
    for d in deps {
        rows.push(row(d, None));
        for u in &d.units {
            rows.push(row(d, Some(u)));
        }
    }
    Table { header, rows }
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

#[cfg(test)]
mod tests {
    #[test]
    fn csv_rows_end_in_crlf_after_a_bom() {
        let table = super::Table {
            header: vec!["a".into(), "b".into()],
            rows: vec![vec!["x, y".into(), "=1+1".into()]],
        };
        assert_eq!(
            super::offices_csv(&table),
            "\u{feff}a,b\r\n\"x, y\",'=1+1\r\n"
        );
    }
}
