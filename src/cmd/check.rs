//! `stend check`: everything a build does for every edition, without writing.

use super::{lang, say};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use stend::msg;

pub fn run(root: &Path, env: &stend::load::Env) -> ExitCode {
    let started = Instant::now();
    match stend::check(root, env) {
        Ok(r) => {
            super::warn(&r.warnings);
            let found = if r.warnings.is_empty() {
                msg!("cli-no-problems")
            } else {
                msg!(
                    "cli-only-warnings",
                    warnings = msg!("count-warnings", count = r.warnings.len())
                )
            };
            let checked = msg!(
                "cli-checked",
                pages = r.pages,
                found = found,
                ms = started.elapsed().as_millis() as u64
            );
            println!("stend: {}", say(&checked));
            ExitCode::SUCCESS
        }
        // Check writes nothing, so its summary names the files to fix instead.
        Err(stend::diagnostics::Error::Project(d)) => {
            let mut err = std::io::stderr().lock();
            let _ = write!(
                err,
                "{}",
                stend::diagnostics::render_check_report(&d, lang())
            );
            ExitCode::from(1)
        }
        Err(e) => super::fail(&e),
    }
}
