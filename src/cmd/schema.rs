//! `stend schema`: write the data files' JSON Schemas for the project's languages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(root: &Path, out: Option<PathBuf>) -> ExitCode {
    let out = out.unwrap_or_else(|| root.join("schemas"));
    let config = match stend::load::load_config(root) {
        Ok(c) => c,
        Err(e) => return super::fail(&e),
    };
    let derived: Vec<String> = config.derived.iter().map(|d| d.code.clone()).collect();
    let langs: Vec<String> = config
        .languages
        .iter()
        .map(|l| l.code.value.clone())
        .filter(|c| !derived.contains(c))
        .collect();
    if let Err(e) = std::fs::create_dir_all(&out) {
        return super::fail(&stend::diagnostics::Error::io(&out, e));
    }
    let files = stend::schema::files_for(&langs, &derived);
    for (name, text) in &files {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            return super::fail(&stend::diagnostics::Error::io(&path, e));
        }
    }
    let wrote = stend::msg!(
        "cli-schemas",
        count = files.len(),
        out = out.display().to_string()
    );
    println!("stend: {}", super::say(&wrote));
    ExitCode::SUCCESS
}
