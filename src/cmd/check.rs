//! `stend check`: everything a build does for every edition, without writing.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(root: &Path, env: &stend::load::Env) -> ExitCode {
    let started = Instant::now();
    match stend::check(root, env) {
        Ok(r) => {
            println!(
                "stend: checked {} pages of every edition: no problems ({} ms)",
                r.pages,
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e),
    }
}
