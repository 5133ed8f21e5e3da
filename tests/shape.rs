//! The shape docs/architecture.md promises, checked on the source: no function over 80 lines and
//! no file over 600 (non-blank, non-comment lines; unit tests aside), no stage module importing
//! another stage, and a library that never prints or exits (the binary does).

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("read");
            // Unit tests are not part of the shape: cut at the test module.
            let code = match text.find("#[cfg(test)]\nmod ") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            (e.path().to_path_buf(), code)
        })
        .collect();
    out.sort();
    out
}

fn counted(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with("//")
}

#[test]
fn no_function_over_80_lines_and_no_file_over_600() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for (path, code) in sources(&src) {
        let lines: Vec<&str> = code.lines().collect();
        let n = lines.iter().filter(|l| counted(l)).count();
        if n > 600 {
            problems.push(format!("{}: {n} lines", path.display()));
        }
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let indent = &line[..line.len() - t.len()];
            let is_fn = [
                "fn ",
                "pub fn ",
                "pub(crate) fn ",
                "async fn ",
                "pub async fn ",
            ]
            .iter()
            .any(|p| t.starts_with(p));
            if !is_fn || t.ends_with(';') {
                continue;
            }
            let close = format!("{indent}}}");
            let Some(end) = lines[i + 1..]
                .iter()
                .position(|l| l.starts_with(&close) && l.trim() == "}")
            else {
                continue;
            };
            let body = lines[i + 1..i + 1 + end]
                .iter()
                .filter(|l| counted(l))
                .count();
            if body > 80 {
                problems.push(format!(
                    "{}:{}: a function of {body} lines",
                    path.display(),
                    i + 1
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn stages_do_not_import_one_another_and_the_library_is_quiet() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let stages = [
        "load", "validate", "plan", "render", "check", "write", "opendata", "assets",
    ];
    let mut problems = Vec::new();
    for (path, code) in sources(&src) {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let own = rel.split(['/', '.']).next().unwrap_or("");
        if stages.contains(&own) || own == "view" {
            for other in stages.iter().chain(["build"].iter()) {
                if *other != own
                    && (code.contains(&format!("crate::{other}::"))
                        || code.contains(&format!("crate::{other};"))
                        || code.contains(&format!("crate::{{{other}")))
                {
                    problems.push(format!("{rel} uses the stage `{other}`"));
                }
            }
        }
        let binary = rel == "main.rs" || rel.starts_with("cmd/");
        if !binary {
            for word in [
                "println!",
                "eprintln!",
                "print!(",
                "eprint!(",
                "process::exit",
            ] {
                if code.contains(word) {
                    problems.push(format!("{rel}: the library uses `{word}`"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
