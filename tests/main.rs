//! The integration tests, one module per subject, compiled into one test binary.
//!
//! One binary instead of one per file: the dependencies are linked once rather than twenty
//! times, and the shipped project, which most modules read, is built once per run
//! ([`common::shipped`]) instead of once per file. Run one subject with
//! `cargo test --test integration <module>::`, e.g. `cargo test --test integration diagnostics::`.

mod common;
mod pdf_fixture;
mod pdf_tools;

// What pdf_fixture reads from its parent (examples/pdf_bench.rs shares the file).
use common::{EPOCH_2026, env_at, root};

mod alternates;
mod cli;
mod data;
mod diagnostics;
mod editions;
mod facts;
mod findable;
mod fixtures;
mod guide;
mod hostile;
mod incremental;
mod kill;
mod opendata;
mod pdf;
mod printables;
mod props;
mod rebuild;
mod schemas;
mod serve;
mod shape;
mod site;
mod translit;
mod translit_pages;
