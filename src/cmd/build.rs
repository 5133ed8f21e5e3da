//! `stend build`: build the selected editions and say what was written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The switches of `stend build`.
pub struct Flags {
    /// Print more about the build.
    pub verbose: bool,
    /// Replace an output directory another build wrote.
    pub force: bool,
}

pub fn run(
    root: &Path,
    out: Option<PathBuf>,
    which: &stend::Editions,
    flags: Flags,
    env: &stend::load::Env,
) -> ExitCode {
    let started = Instant::now();
    let out = out.unwrap_or_else(|| which.default_out(root));
    match stend::build_with(root, &out, env, which, flags.force) {
        Ok(r) => {
            super::warn(&r.warnings);
            let ms = started.elapsed().as_millis();
            println!(
                "stend: built {} pages ({} files, {} KB) into {} in {ms} ms",
                r.pages,
                r.files,
                r.bytes / 1024,
                out.display()
            );
            if flags.verbose {
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
