//! `data/*.yaml`: the facts of the standard, one typed file each, parsed side by side.

use super::files::{SourceFile, diags_of, read_text};
use super::{Langs, yaml};
use crate::diagnostics::Diagnostic;
use crate::model::Data;
use crate::model::data::*;
use crate::model::text::with_languages;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The names of the data files, in the order they are documented.
pub const DATA_FILES: [&str; 9] = [
    "offices",
    "service",
    "documents",
    "refusals",
    "hours",
    "fee",
    "complaints",
    "quality",
    "forms",
];

/// One data file, parsed, with its text (to quote lines in later diagnostics).
type Parsed<T> = Option<Result<(T, SourceFile), Vec<Diagnostic>>>;

fn one<T: DeserializeOwned>(
    root: &Path,
    name: &str,
    langs: &Langs,
    max: u64,
) -> Result<(T, SourceFile), Vec<Diagnostic>> {
    let rel = Path::new("data").join(format!("{name}.yaml"));
    let src = read_text(root, &rel, max).map_err(diags_of)?;
    let value = with_languages(&langs.written, &langs.derived, || {
        yaml::parse(&rel, &src.text)
    })
    .map_err(|d| vec![d])?;
    Ok((value, src))
}

/// The parsed value, its text recorded in `sources`; or its problems added to `diags`.
fn take<T>(
    p: Parsed<T>,
    diags: &mut Vec<Diagnostic>,
    sources: &mut BTreeMap<PathBuf, String>,
) -> Option<T> {
    match p? {
        Ok((v, src)) => {
            sources.insert(src.rel, src.text);
            Some(v)
        }
        Err(d) => {
            diags.extend(d);
            None
        }
    }
}

/// The data files as they are parsed, each `None` until its parser is done.
#[derive(Default)]
struct Slots {
    offices: Parsed<Offices>,
    service: Parsed<Service>,
    documents: Parsed<Documents>,
    refusals: Parsed<Refusals>,
    hours: Parsed<Hours>,
    fee: Parsed<Fee>,
    complaints: Parsed<Complaints>,
    quality: Parsed<Quality>,
    forms: Parsed<Forms>,
}

/// Reads every data file; each file's text goes into `sources`.
pub(super) fn load_data(
    root: &Path,
    langs: &Langs,
    max: u64,
    sources: &mut BTreeMap<PathBuf, String>,
) -> Result<Data, Vec<Diagnostic>> {
    let [
        n_off,
        n_ser,
        n_doc,
        n_ref,
        n_hou,
        n_fee,
        n_com,
        n_qua,
        n_for,
    ] = DATA_FILES;
    let mut p = Slots::default();
    // The files are independent; the office directory dominates, so parse them side by side.
    rayon::scope(|s| {
        s.spawn(|_| p.offices = Some(one(root, n_off, langs, max)));
        s.spawn(|_| p.service = Some(one(root, n_ser, langs, max)));
        s.spawn(|_| p.documents = Some(one(root, n_doc, langs, max)));
        s.spawn(|_| p.refusals = Some(one(root, n_ref, langs, max)));
        s.spawn(|_| p.hours = Some(one(root, n_hou, langs, max)));
        s.spawn(|_| p.fee = Some(one(root, n_fee, langs, max)));
        s.spawn(|_| p.complaints = Some(one(root, n_com, langs, max)));
        // Optional: a standard without a quality-indicator table has no such file. Any other
        // failure to read it (permissions, a directory in its place) is still an error.
        s.spawn(|_| {
            let rel = Path::new("data").join(format!("{n_qua}.yaml"));
            let missing = matches!(
                std::fs::symlink_metadata(root.join(rel)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound
            );
            if !missing {
                p.quality = Some(one(root, n_qua, langs, max));
            }
        });
        s.spawn(|_| p.forms = Some(one(root, n_for, langs, max)));
    });
    // Every file's problems are collected before giving up on any.
    let mut diags = Vec::new();
    let d = &mut diags;
    let offices = take(p.offices, d, sources);
    let service = take(p.service, d, sources);
    let documents = take(p.documents, d, sources);
    let refusals = take(p.refusals, d, sources);
    let hours = take(p.hours, d, sources);
    let fee = take(p.fee, d, sources);
    let complaints = take(p.complaints, d, sources);
    let quality = take(p.quality, d, sources);
    let forms = take(p.forms, d, sources);
    let data = (|| {
        Some(Data {
            offices: offices?,
            service: service?,
            documents: documents?,
            refusals: refusals?,
            hours: hours?,
            fee: fee?,
            complaints: complaints?,
            quality,
            forms: forms?,
        })
    })();
    match data {
        Some(data) if diags.is_empty() => Ok(data),
        _ => Err(diags),
    }
}
