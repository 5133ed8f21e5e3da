//! `stend build`: build the selected editions and say what was written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

pub fn run(
    root: &Path,
    out: Option<PathBuf>,
    which: &stend::Editions,
    verbose: bool,
    env: &stend::load::Env,
) -> ExitCode {
    let started = Instant::now();
    let out = out.unwrap_or_else(|| root.join("public"));
    match stend::build(root, &out, env, which) {
        Ok(r) => {
            let ms = started.elapsed().as_millis();
            println!(
                "stend: built {} pages ({} files, {} KB) into {} in {ms} ms",
                r.pages,
                r.files,
                r.bytes / 1024,
                out.display()
            );
            if verbose {
                println!(
                    "stend: root {}, threads {}",
                    root.display(),
                    rayon::current_num_threads()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e),
    }
}
