//! The build: the pipeline, stage by stage, and the commands' entry points.
//!
//! ```text
//! load → validate → plan → render → check → write
//! ```
//!
//! [`Project::load`] loads and validates the project and compiles its theme, once; [`render`]
//! takes one edition through plan, render, check and write (see `run`). [`build`] writes the
//! selected editions into an output directory as one transaction, [`check`] renders every
//! edition in memory and writes nothing; `stend serve` calls [`render`] with a [`Cache`].
//! The stages do not call one another: this module passes each one's output to the next.

pub mod cache;
mod run;

use crate::diagnostics::{Error, Result};
use crate::load::{self, Env};
use crate::model::{Edition, Site};
use crate::page::Output;
use crate::render::Templates;
use crate::{plan, validate, write};
use std::path::Path;

pub use cache::Cache;
pub use run::{Rendered, render};

/// A project loaded, validated and with its theme compiled: the input of every edition's render.
pub struct Project {
    pub site: Site,
    pub templates: Templates,
    /// The theme's fonts, parsed once per build for every PDF; `None` with `pdf: false`.
    pub fonts: Option<crate::pdf::Fonts>,
    /// Stale data found while loading ([`crate::stale`]): reported, never fatal.
    pub warnings: Vec<crate::diagnostics::Diagnostic>,
}

impl Project {
    /// Loads the project at `root`, validates it and compiles its templates.
    pub fn load(root: &Path, env: &Env) -> Result<Project> {
        let site = load::load(root, env)?;
        validate::validate(&site)?;
        let templates = Templates::compile(&site, &plan::office_templates())?;
        let fonts = if site.config.pdf {
            Some(load_fonts(&site)?)
        } else {
            None
        };
        let warnings = crate::stale::warnings(&site, env);
        Ok(Project {
            site,
            templates,
            fonts,
            warnings,
        })
    }

    /// The editions selected, resolved against the project's data.
    pub fn editions(&self, which: &Editions) -> Result<Vec<Edition>> {
        let site = &self.site;
        Ok(match which {
            Editions::Ministry => vec![Edition::ministry(site)],
            Editions::Department(slug) => vec![crate::model::edition::department(site, slug)?],
            Editions::All => crate::model::edition::all(site),
        })
    }
}

/// The theme's regular and bold faces (`fonts/NotoSans-Regular.ttf`, `fonts/NotoSans-Bold.ttf`).
fn load_fonts(site: &Site) -> Result<crate::pdf::Fonts> {
    let dir = site.theme.dir.join("fonts");
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|e| {
            Error::Project(vec![
                crate::diagnostics::Diagnostic::new(
                    &path,
                    crate::msg!(
                        "pdf-font-unreadable",
                        why = crate::i18n::Msg::verbatim(e.to_string())
                    ),
                )
                .hint(crate::msg!("hint-pdf-font")),
            ])
        })
    };
    let (regular, bold) = (read(FONT_REGULAR)?, read(FONT_BOLD)?);
    crate::pdf::Fonts::load(&regular, &bold).map_err(|e| {
        Error::Project(vec![crate::diagnostics::Diagnostic::new(
            &dir,
            crate::msg!(
                "pdf-font-bad",
                why = crate::i18n::Msg::verbatim(e.to_string())
            ),
        )])
    })
}

/// The font files PDFs are set in, under the theme's `fonts/`.
pub const FONT_REGULAR: &str = "NotoSans-Regular.ttf";
pub const FONT_BOLD: &str = "NotoSans-Bold.ttf";

/// Which editions a build writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editions {
    /// The ministry's edition (the whole directory), into `--out`.
    Ministry,
    /// One department's edition, into `--out`.
    Department(String),
    /// The ministry's and every department's, into `--out/ministry/`, `--out/<slug>/`.
    All,
}

impl Editions {
    /// The build as recorded in the output's marker file, so that a build of one kind never
    /// silently replaces another's output.
    pub fn build_name(&self) -> String {
        match self {
            Editions::Ministry => "ministry".to_string(),
            Editions::Department(slug) => format!("edition {slug}"),
            Editions::All => "all-editions".to_string(),
        }
    }

    /// The default output directory under the project root: `public/` for the ministry's
    /// site, `public-<slug>/` for one department's edition, `public-editions/` for all of them.
    /// They are siblings, not nested in `public/`, because a build replaces its whole output
    /// directory (an edition inside `public/` would vanish with the next full build) and
    /// `public/` is what is uploaded as the ministry's site.
    pub fn default_out(&self, root: &Path) -> std::path::PathBuf {
        match self {
            Editions::Ministry => root.join("public"),
            Editions::Department(slug) => root.join(format!("public-{slug}")),
            Editions::All => root.join("public-editions"),
        }
    }
}

/// What a successful build produced.
#[derive(Debug, Clone)]
pub struct Report {
    /// HTML pages rendered.
    pub pages: usize,
    /// Files in the output (pages, assets, sitemap …).
    pub files: usize,
    /// Bytes of output.
    pub bytes: u64,
    /// Warnings: problems that did not stop the build (stale data), for the caller to show.
    pub warnings: Vec<crate::diagnostics::Diagnostic>,
}

/// Builds the selected editions of the project at `root` into `out`: loading is shared;
/// nothing is written unless every edition rendered and checked cleanly. Refuses an `out`
/// that holds a different build (see [`build_with`]).
pub fn build(root: &Path, out: &Path, env: &Env, which: &Editions) -> Result<Report> {
    build_with(root, out, env, which, false)
}

/// [`build`], and with `force`, replacing an `out` that holds a different build's output.
pub fn build_with(
    root: &Path,
    out: &Path,
    env: &Env,
    which: &Editions,
    force: bool,
) -> Result<Report> {
    let claim = write::Claim {
        build: which.build_name(),
        force,
    };
    // Refuse a wrong --out before doing any work.
    write::guard(out, &claim)?;
    let project = Project::load(root, env)?;
    let editions = project.editions(which)?;
    let staging = write::Staging::begin(out, project.site.config.precompress, &claim)?;
    let mut pages = 0;
    let mut diags = Vec::new();
    for ed in &editions {
        let prefix = if *which == Editions::All {
            format!("{}/", ed.slug)
        } else {
            String::new()
        };
        match render(&project, ed, &staging, &prefix, None) {
            Ok(r) => pages += r.pages,
            Err(Error::Project(d)) => diags.extend(d),
            Err(e) => return Err(e),
        }
    }
    if !diags.is_empty() {
        // Dropping the staging directory leaves the previous output as it was.
        return Err(Error::Project(diags));
    }
    let (files, bytes) = staging.commit()?;
    Ok(Report {
        pages,
        files,
        bytes,
        warnings: project.warnings,
    })
}

/// Checks the project at `root` — every edition — with everything a build does except writing.
pub fn check(root: &Path, env: &Env) -> Result<Report> {
    let project = Project::load(root, env)?;
    let mut report = Report {
        pages: 0,
        files: 0,
        bytes: 0,
        warnings: project.warnings.clone(),
    };
    let mut diags = Vec::new();
    for ed in project.editions(&Editions::All)? {
        match render_in_memory(&project, &ed) {
            Ok(outputs) => {
                report.pages += outputs.iter().filter(|o| o.html).count();
                report.files += outputs.len();
                report.bytes += outputs.iter().map(|o| o.bytes.len() as u64).sum::<u64>();
            }
            Err(Error::Project(d)) => {
                for x in d {
                    if !diags.contains(&x) {
                        diags.push(x);
                    }
                }
            }
            Err(e) => return Err(e),
        }
    }
    if diags.is_empty() {
        Ok(report)
    } else {
        Err(Error::Project(diags))
    }
}

/// One edition rendered and checked in memory: every file, sorted by path.
pub fn render_in_memory(project: &Project, ed: &Edition) -> Result<Vec<Output>> {
    let memory = write::Memory::default();
    render(project, ed, &memory, "", None)?;
    Ok(memory
        .into_files()
        .into_iter()
        .map(|(path, bytes)| Output {
            route: crate::routes::route_of_file(&path),
            html: path.ends_with(".html"),
            path,
            bytes,
            source: None,
            template: None,
        })
        .collect())
}
