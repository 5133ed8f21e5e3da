//! stend: a static site generator for public service standards.
//!
//! The data flows one way, a stage per module, called in order by [`build`]:
//!
//! ```text
//!            ┌────────────────────────── build (the pipeline) ──────────────────────────┐
//!            │                                                                          │
//! files ─▶ load ─▶ validate ─▶ plan ─▶ render ─▶ check ─▶ write ─▶ out/ (or memory)      │
//!            │   Site          Site    Plan,    Output   links   Staging │ Memory          │
//!            │                         Page               OK            + assets, opendata│
//!            └──────────────────────────────────────────────────────────────────────────┘
//!   shared by all: model (Site, Office, Text, Date …), page (Plan, Page, Output), view (what
//!   templates see), routes (every URL), present (formatting), diagnostics, util
//! ```
//!
//! [`load`] reads the project into a typed [`model::Site`]; [`validate`] applies the rules the
//! types cannot; [`plan`] decides every page; [`render`] fills the Tera templates with each
//! page's [`view`]; [`check`] proves every internal link and fragment resolves; [`write`]
//! stores files in memory or swaps them in atomically on disk. [`routes`] makes every URL.
//! [`diagnostics`] is the one error type. The library returns values and errors; the binary
//! prints them. `docs/architecture.md` says where to start reading for each kind of change.

// Diagnostics are large by design (file, location, field, hint, quoted line) and only travel on
// the error path, so boxing them would add noise without saving anything measurable.
#![allow(clippy::result_large_err)]

pub mod assets;
pub mod build;
pub mod check;
pub mod diagnostics;
pub mod i18n;
pub mod load;
pub mod markdown;
pub mod model;
pub mod opendata;
pub mod page;
pub mod pdf;
pub mod plan;
pub mod present;
pub mod qr;
pub mod render;
pub mod routes;
pub mod schema;
pub mod search;
pub mod stale;
pub mod translit;
pub mod util;
pub mod validate;
pub mod view;
pub mod write;

pub use build::{Editions, Project, Report, build, build_with, check};
