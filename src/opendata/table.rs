//! The office directory as one table, the shape both `offices.csv` and `offices.xlsx` have.

use crate::model::data::{At, Office};
use crate::model::{Edition, Site};
use crate::routes;

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
pub fn offices_table(site: &Site, ed: &Edition, deps: &[&Office]) -> Table {
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
    let row = |dep: &Office, unit: Option<&Office>| {
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
        cells.push(o.website.as_deref().unwrap_or_default().to_string());
        cells.push(phones(&o.phones.secretariat));
        cells.push(phones(&o.phones.migration));
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
