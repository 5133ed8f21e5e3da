//! `stend build`: build the selected editions and say what was written.

use super::say;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use stend::msg;

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
            let built = msg!(
                "cli-built",
                pages = r.pages,
                files = r.files,
                kb = r.bytes / 1024,
                out = out.display().to_string(),
                ms = ms as u64
            );
            println!("stend: {}", say(&built));
            if flags.verbose {
                let more = msg!(
                    "cli-built-verbose",
                    root = root.display().to_string(),
                    threads = rayon::current_num_threads()
                );
                println!("stend: {}", say(&more));
            }
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e),
    }
}
