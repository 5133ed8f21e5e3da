//! stend: a static site generator for public service standards.
//!
//! The data flows one way, a module per stage:
//!
//! ```text
//! load → validate → plan → render → check → write
//! ```
//!
//! [`load`] reads the project into a typed [`model::Site`]; [`validate`] applies the rules the
//! types cannot; [`plan`] decides every page and resolves languages; [`render`] fills the Tera
//! templates in parallel; [`check`] proves every internal link and fragment resolves; [`write`]
//! swaps the new output in atomically. [`routes`] makes every URL. [`diagnostics`] is the one
//! error type. The binary (`cli`) is a thin shell over [`build`] and [`check_project`].

// Diagnostics are large by design (file, location, field, hint, quoted line) and only travel on
// the error path, so boxing them would add noise without saving anything measurable.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod cli;
pub mod diagnostics;
pub mod load;
pub mod markdown;
pub mod model;
pub mod plan;
pub mod present;
pub mod qr;
pub mod render;
pub mod routes;
pub mod schema;
pub mod validate;
pub mod write;

use diagnostics::{Error, Result};
use std::path::Path;

/// What a successful build produced.
#[derive(Debug, Clone)]
pub struct Report {
    /// HTML pages rendered.
    pub pages: usize,
    /// Files in the output (pages, assets, sitemap …).
    pub files: usize,
    /// Bytes of output.
    pub bytes: u64,
}

/// Loads, validates, plans, renders and checks the project, without writing anything.
pub fn render_project(root: &Path, env: &load::Env) -> Result<Vec<render::Output>> {
    let site = load::load(root, env)?;
    validate::validate(&site)?;
    let plan = plan::plan(&site);
    if !plan.problems.is_empty() {
        return Err(Error::Project(plan.problems));
    }
    let renderer = render::Renderer::new(&site, &plan)?;
    let (mut outputs, diags) = renderer.render_all(&plan.pages);
    if !diags.is_empty() {
        return Err(Error::Project(diags));
    }
    outputs.extend(render::extras(&site, &plan.pages));
    let mut sources = site.sources.clone();
    for p in &site.pages {
        for v in p.versions.values() {
            sources.insert(v.file.clone(), v.source.clone());
        }
    }
    let broken = check::check_links(&outputs, &site.theme.dir.join("templates"), &sources);
    if !broken.is_empty() {
        return Err(Error::Project(broken));
    }
    Ok(outputs)
}

/// Builds the project at `root` into `out`.
pub fn build(root: &Path, out: &Path, env: &load::Env) -> Result<Report> {
    let outputs = render_project(root, env)?;
    let bytes = write::write_site(out, &outputs)?;
    Ok(Report {
        pages: outputs.iter().filter(|o| o.html).count(),
        files: outputs.len(),
        bytes,
    })
}

/// Checks the project at `root`: everything a build does except writing.
pub fn check_project(root: &Path, env: &load::Env) -> Result<Report> {
    let outputs = render_project(root, env)?;
    Ok(Report {
        pages: outputs.iter().filter(|o| o.html).count(),
        files: outputs.len(),
        bytes: outputs.iter().map(|o| o.bytes.len() as u64).sum(),
    })
}
