//! `stend check`: everything a build does for every edition, without writing.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(root: &Path, env: &stend::load::Env) -> ExitCode {
    let started = Instant::now();
    match stend::check(root, env) {
        Ok(r) => {
            super::warn(&r.warnings);
            let found = if r.warnings.is_empty() {
                "no problems".to_string()
            } else {
                format!(
                    "no errors, {} (above)",
                    stend::diagnostics::plural(r.warnings.len(), "warning")
                )
            };
            println!(
                "stend: checked {} pages of every edition: {found} ({} ms)",
                r.pages,
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        // Check writes nothing, so its summary names the files to fix instead.
        Err(stend::diagnostics::Error::Project(d)) => {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{}", stend::diagnostics::render_check_report(&d));
            ExitCode::from(1)
        }
        Err(e) => super::fail(&e),
    }
}
