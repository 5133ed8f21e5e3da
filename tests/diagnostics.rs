//! Broken projects: bad input never panics, never loses the published site, and always says
//! where.
//!
//! Each directory under `tests/invalid/` is one broken project, described as a change to the
//! shipped project (its `patch` file, plus replacement files under `files/`) with the exact text
//! `stend` must print (`expected.txt`, in English; `expected.kk.txt` and `expected.ru.txt`, the
//! same build's report in Kazakh and Russian, by `STEND_LANG`). For each case the harness copies the shipped project into
//! a temporary directory, builds `public/` from the intact copy, applies the change, runs
//! `stend build` and asserts: exit code exactly 1, stderr equal to `expected.txt`, a location
//! (file and, unless the problem concerns a whole file, line) in it, `public/` byte-identical to
//! before, nothing else written, and an answer in under a second. The cases under `tests/valid/`
//! are inputs that look suspicious but must build (exit 0), with assertions on the output.
//!
//! The format of `patch` is described in `tests/invalid/README.md`. To (re)write the expected
//! texts after a deliberate change of wording, run
//! `STEND_BLESS=1 cargo test --test integration diagnostics::` and review the diff.

use crate::common;

use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// A failed build must answer within two seconds of CPU time (the debug binary): a problem found
/// after rendering (a broken link, a Cyrillic letter on a Latin page) comes after the whole
/// fixture is rendered, three languages with their PDFs, about a second; a runaway input (an
/// alias bomb, deep nesting) takes far longer…
const CPU_LIMIT: Duration = Duration::from_secs(2);
/// … and of wall-clock time, with room for a machine busy with other work.
const WALL_LIMIT: Duration = Duration::from_secs(4);

/// CPU time (user + system) used so far by the reaped children of this process, where the
/// platform tells (Linux: `/proc/self/stat`). Timed runs are serialised, so the difference
/// around one run is that run's.
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 here (0-based 13, 14).
    let ticks: u64 = f.get(13)?.parse::<u64>().ok()? + f.get(14)?.parse::<u64>().ok()?;
    // The kernel reports in USER_HZ, which is 100 on every Linux configuration in use.
    Some(Duration::from_millis(ticks * 10))
}

/// One change to the project.
#[derive(Debug)]
enum Op {
    /// Replace the only occurrence of `old` in `path` by `new`.
    Edit {
        path: String,
        old: String,
        new: Vec<u8>,
    },
    /// Add lines at the end of `path`.
    Append { path: String, text: Vec<u8> },
    /// Remove a file.
    Delete { path: String },
    /// Replace a file by generated content (inputs too large or too odd to commit).
    Generate { kind: String, path: String },
    /// Create a symbolic link at `path` whose target is `target`, as written.
    Symlink { path: String, target: String },
}

#[derive(Debug)]
struct Patch {
    description: String,
    ops: Vec<Op>,
    /// The problem concerns a whole file, so the diagnostic has no line.
    whole_file: bool,
}

/// Parses a `patch` file (see tests/invalid/README.md).
fn parse_patch(text: &str, file: &Path) -> Patch {
    let mut description = String::new();
    let mut ops = Vec::new();
    let mut whole_file = false;
    let mut lines = text.lines().peekable();
    let fail = |msg: &str, line: &str| -> ! { panic!("{}: {msg}: `{line}`", file.display()) };
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if description.is_empty() {
                description = c.trim().to_string();
            }
            continue;
        }
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim().to_string();
        match word {
            "edit" => {
                let mut old = Vec::new();
                let mut new = Vec::new();
                while let Some(l) = lines.peek() {
                    if let Some(o) = l.strip_prefix('-') {
                        old.push(o.to_string());
                    } else if let Some(n) = l.strip_prefix('+') {
                        new.push(n.to_string());
                    } else {
                        break;
                    }
                    lines.next();
                }
                if old.is_empty() {
                    fail("`edit` needs at least one `-` line", line);
                }
                let mut new_text = unescape(&new.join("\n"));
                if new.is_empty() {
                    // Deleting lines: also drop the line break after them.
                    new_text.clear();
                    ops.push(Op::Edit {
                        path: rest,
                        old: format!("{}\n", old.join("\n")),
                        new: new_text,
                    });
                } else {
                    ops.push(Op::Edit {
                        path: rest,
                        old: old.join("\n"),
                        new: new_text,
                    });
                }
            }
            "append" => {
                let mut add = Vec::new();
                while let Some(n) = lines.peek().and_then(|l| l.strip_prefix('+')) {
                    add.push(n.to_string());
                    lines.next();
                }
                let mut text = add.join("\n");
                text.push('\n');
                ops.push(Op::Append {
                    path: rest,
                    text: unescape(&text),
                });
            }
            "delete" => ops.push(Op::Delete { path: rest }),
            "generate" => {
                let (kind, path) = rest
                    .split_once(' ')
                    .unwrap_or_else(|| fail("`generate KIND PATH`", line));
                ops.push(Op::Generate {
                    kind: kind.to_string(),
                    path: path.trim().to_string(),
                });
            }
            "symlink" => {
                let (path, target) = rest
                    .split_once(" -> ")
                    .unwrap_or_else(|| fail("`symlink PATH -> TARGET`", line));
                ops.push(Op::Symlink {
                    path: path.trim().to_string(),
                    target: target.trim().to_string(),
                });
            }
            "whole-file" => whole_file = true,
            _ => fail("unknown directive", line),
        }
    }
    Patch {
        description,
        ops,
        whole_file,
    }
}

/// `\xHH` in `+` lines writes the raw byte HH (for encodings that are not UTF-8).
fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && b.get(i + 1) == Some(&b'x')
            && let Some(hex) = s.get(i + 2..i + 4)
            && let Ok(v) = u8::from_str_radix(hex, 16)
        {
            out.push(v);
            i += 4;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Content for `generate KIND PATH`.
fn generate(kind: &str, existing: Option<&[u8]>) -> Vec<u8> {
    match kind {
        // A file of zero bytes.
        "empty" => Vec::new(),
        // 20 MiB of plausible YAML: over the default `max_file_bytes` of 16 MiB.
        "huge" => {
            let mut s = String::from("name:\n  kk: \"x\"\n  ru: \"x\"\nlegal_basis:\n");
            let row = "  - {kk: \"Қазақстан Республикасының Заңы\", ru: \"Закон Республики Казахстан\"}\n";
            while s.len() < 20 * 1024 * 1024 {
                s.push_str(row);
            }
            s.into_bytes()
        }
        // "Billion laughs": ten levels of ten aliases each, 10^10 nodes when expanded.
        "alias-bomb" => {
            let mut s = String::from("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
            for i in 1..10 {
                let p = i - 1;
                s.push_str(&format!(
                    "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
                ));
            }
            s.into_bytes()
        }
        // 100 000 nested flow sequences.
        "deep-nesting" => {
            let mut s = String::from("title: ");
            s.push_str(&"[".repeat(100_000));
            s.push_str(&"]".repeat(100_000));
            s.push('\n');
            s.into_bytes()
        }
        // The same text with a byte-order mark and Windows line endings.
        "bom-crlf" => {
            let text = std::str::from_utf8(existing.expect("bom-crlf needs an existing file"))
                .expect("utf-8");
            let mut out = "\u{feff}".as_bytes().to_vec();
            out.extend(text.replace('\n', "\r\n").into_bytes());
            out
        }
        // The same text with old Mac line endings (a lone carriage return).
        "cr" => {
            let text = std::str::from_utf8(existing.expect("cr needs an existing file")).unwrap();
            text.replace('\n', "\r").into_bytes()
        }
        other => panic!("unknown generator `{other}`"),
    }
}

/// Applies `patch` (and the case's `files/`) to the project at `root`.
fn apply(case_dir: &Path, patch: &Patch, root: &Path) {
    let files = case_dir.join("files");
    if files.is_dir() {
        for e in walkdir::WalkDir::new(&files) {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(&files).unwrap();
                let to = root.join(rel);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
    }
    for op in &patch.ops {
        match op {
            Op::Edit { path, old, new } => {
                let p = root.join(path);
                let text = std::fs::read_to_string(&p)
                    .unwrap_or_else(|e| panic!("{}: edit {path}: {e}", case_dir.display()));
                let n = text.matches(old.as_str()).count();
                assert_eq!(
                    n,
                    1,
                    "{}: edit {path}: the `-` text must occur exactly once in the shipped file, found {n} times:\n{old}",
                    case_dir.display()
                );
                let i = text.find(old.as_str()).unwrap();
                let mut bytes = text.as_bytes()[..i].to_vec();
                bytes.extend_from_slice(new);
                bytes.extend_from_slice(&text.as_bytes()[i + old.len()..]);
                std::fs::write(&p, bytes).unwrap();
            }
            Op::Append { path, text } => {
                let p = root.join(path);
                let mut bytes = std::fs::read(&p).unwrap_or_default();
                if !bytes.is_empty() && !bytes.ends_with(b"\n") {
                    bytes.push(b'\n');
                }
                bytes.extend_from_slice(text);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(&p, bytes).unwrap();
            }
            Op::Delete { path } => std::fs::remove_file(root.join(path))
                .unwrap_or_else(|e| panic!("{}: delete {path}: {e}", case_dir.display())),
            Op::Generate { kind, path } => {
                let p = root.join(path);
                let existing = std::fs::read(&p).ok();
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(&p, generate(kind, existing.as_deref())).unwrap();
            }
            Op::Symlink { path, target } => {
                let p = root.join(path);
                #[cfg(unix)]
                std::os::unix::fs::symlink(target, &p).unwrap();
                #[cfg(not(unix))]
                let _ = (p, target);
            }
        }
    }
}

/// The intact project, copied once (so edits made to the repository while the tests run do not
/// mix into the cases), and its build.
struct Base {
    _dir: tempfile::TempDir,
    project: PathBuf,
    /// `public/` built from the intact project, kept outside it.
    public: PathBuf,
    tree: BTreeMap<String, Vec<u8>>,
}

fn base() -> &'static Base {
    static B: OnceLock<Base> = OnceLock::new();
    B.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("project");
        copy_intact(&project);
        let public = dir.path().join("public");
        let r = stend(&["build", "--out"], &project, Some(&public));
        assert_eq!(
            r.status.code(),
            Some(0),
            "the intact project does not build:\n{}",
            String::from_utf8_lossy(&r.stderr)
        );
        let tree = read_tree(&public);
        Base {
            _dir: dir,
            project,
            public,
            tree,
        }
    })
}

/// Copies the shipped project with a small office directory in place of the real one: the real
/// directory makes thousands of pages, seconds of rendering in a debug build, and the cases are
/// about diagnostics, not offices (the office cases bring their own `data/offices.yaml`).
fn copy_intact(to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    copy_project(to);
    std::fs::copy(
        root().join("tests/invalid/offices.fixture.yaml"),
        to.join("data/offices.yaml"),
    )
    .unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// Runs the binary: `args`, then `--root ROOT`, with `out` after `args` when given; its messages
/// in English.
fn stend(args: &[&str], root: &Path, out: Option<&Path>) -> Output {
    stend_in("en", args, root, out)
}

/// [`stend`] with its messages in `lang` (by `STEND_LANG`, as a webmaster would set it).
fn stend_in(lang: &str, args: &[&str], root: &Path, out: Option<&Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stend"));
    c.env("SOURCE_DATE_EPOCH", EPOCH_2026);
    c.env("STEND_LANG", lang);
    c.args(args);
    if let Some(o) = out {
        c.arg(o);
    }
    c.arg("--root").arg(root);
    c.output().expect("run stend")
}

/// Every entry directly in `dir`, by name.
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

fn cases(kind: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("patch").is_file())
        .collect();
    v.sort();
    v
}

/// Timed runs are serialised so that one case's build does not slow another's down.
static SERIAL: Mutex<()> = Mutex::new(());

/// Prepares a case: a fresh copy of the intact project with the change applied, in `tmp`.
fn prepare(case: &Path, tmp: &Path) -> (Patch, PathBuf) {
    let patch_text = std::fs::read_to_string(case.join("patch")).unwrap();
    let patch = parse_patch(&patch_text, &case.join("patch"));
    let project = tmp.join("project");
    copy_dir(&base().project, &project);
    // A file beside the project, for cases that try to reach outside it.
    std::fs::write(
        tmp.join("outside.md"),
        "---\ntitle: \"outside\"\ndescription: \"outside\"\n---\nsecret\n",
    )
    .unwrap();
    apply(case, &patch, &project);
    (patch, project)
}

/// The report of a broken project in Kazakh and Russian, against `expected.kk.txt` and
/// `expected.ru.txt`: the same build, the same diagnostics, in the webmaster's language.
fn translations(case: &Path, project: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for lang in ["kk", "ru"] {
        // A build into a directory of its own, which the failed build must not create.
        let out = project.with_file_name(format!("public-{lang}"));
        let r = stend_in(lang, &["build", "--out"], project, Some(&out));
        if out.exists() {
            problems.push(format!(
                "`{lang}`: the failed build created {}",
                out.display()
            ));
        }
        let stderr = String::from_utf8_lossy(&r.stderr).to_string();
        let file = case.join(format!("expected.{lang}.txt"));
        if std::env::var_os("STEND_BLESS").is_some() {
            std::fs::write(&file, &stderr).unwrap();
        }
        let expected = std::fs::read_to_string(&file).unwrap_or_default();
        if stderr != expected {
            problems.push(format!(
                "stderr in `{lang}` differs from {}\n--- expected\n{expected}--- actual\n{stderr}---",
                file.display()
            ));
        }
        if r.status.code() != Some(1) {
            problems.push(format!(
                "`{lang}`: exit code {:?}, expected 1",
                r.status.code()
            ));
        }
    }
    problems
}

/// Checks one broken project; returns a description of what went wrong, if anything.
fn run_invalid(case: &Path) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().to_string();
    let tmp = tempfile::tempdir().unwrap();
    let (patch, project) = prepare(case, tmp.path());
    // The previously published site: the intact build, moved into place (and back after).
    let public = project.join("public");
    let _guard = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    std::fs::rename(&base().public, &public).unwrap();
    let before_listing = listing(&project);
    let started = Instant::now();
    let cpu_before = children_cpu();
    let r = stend(&["build"], &project, None);
    let took = started.elapsed();
    let cpu = children_cpu().zip(cpu_before).map(|(a, b)| a - b);
    let after_public = read_tree(&public);
    let after_listing = listing(&project);
    std::fs::rename(&public, &base().public).unwrap();
    drop(_guard);

    let stderr = String::from_utf8_lossy(&r.stderr).to_string();
    let expected_file = case.join("expected.txt");
    if std::env::var_os("STEND_BLESS").is_some() {
        std::fs::write(&expected_file, &stderr).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_file).unwrap_or_default();
    let mut problems = Vec::new();
    match r.status.code() {
        Some(1) => {}
        Some(c) => problems.push(format!("exit code {c}, expected 1")),
        None => problems.push(format!("killed by a signal: {:?}", r.status)),
    }
    if stderr != expected {
        problems.push(format!(
            "stderr differs from expected.txt\n--- expected\n{expected}--- actual\n{stderr}---"
        ));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        problems.push("stend panicked".into());
    }
    let located = stderr.lines().any(|l| {
        let Some((_, loc)) = l.split_once("--> ") else {
            return false;
        };
        let mut parts = loc.split(':');
        let file = parts.next().unwrap_or("");
        let line = parts.next().and_then(|n| n.parse::<usize>().ok());
        !file.is_empty() && !file.starts_with('/') && (patch.whole_file || line.is_some())
    });
    if !located {
        problems.push(if patch.whole_file {
            "stderr names no file (relative to the project)".into()
        } else {
            "stderr names no file:line (add `whole-file` to the patch if the problem has no line)"
                .into()
        });
    }
    problems.extend(translations(case, &project));
    if !r.stdout.is_empty() {
        problems.push(format!(
            "stdout is not empty: {}",
            String::from_utf8_lossy(&r.stdout)
        ));
    }
    if after_public != base().tree {
        problems.push("public/ changed".into());
    }
    if after_listing != before_listing {
        problems.push(format!(
            "the build left files in the project: {after_listing:?} (before: {before_listing:?})"
        ));
    }
    if cpu.is_some_and(|c| c > CPU_LIMIT) || took > WALL_LIMIT {
        problems.push(format!("took {took:?} ({cpu:?} of CPU)"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "== {name} ({})\n{}",
            patch.description,
            problems.join("\n")
        ))
    }
}

#[test]
fn broken_projects_fail_with_the_expected_diagnostics() {
    let cases = cases("invalid");
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| run_invalid(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// The `<script>` elements of a page as an HTML parser sees them: (type, src) of each.
fn scripts(html: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    doc.select(&sel("script"))
        .map(|e| {
            let a = |n| e.value().attr(n).unwrap_or("").to_string();
            (a("type"), a("src"))
        })
        .collect()
}

/// `tests/valid/<case>/expect`: `has PATH TEXT`, `lacks PATH TEXT` and `scripts PATH` lines
/// about the output.
fn run_valid(case: &Path) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().to_string();
    let tmp = tempfile::tempdir().unwrap();
    let (patch, project) = prepare(case, tmp.path());
    let out = tmp.path().join("out");
    let r = {
        let _guard = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        stend(&["build", "--out"], &project, Some(&out))
    };
    let mut problems = Vec::new();
    if r.status.code() != Some(0) {
        problems.push(format!(
            "exit {:?}, expected 0:\n{}",
            r.status.code(),
            String::from_utf8_lossy(&r.stderr)
        ));
    } else {
        let tree = read_tree(&out);
        let expect = std::fs::read_to_string(case.join("expect")).unwrap_or_default();
        for line in expect
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let mut parts = line.splitn(3, ' ');
            let (verb, path, text) = (
                parts.next().unwrap(),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            );
            let Some(bytes) = tree.get(path) else {
                problems.push(format!("{path} was not built"));
                continue;
            };
            let html = String::from_utf8_lossy(bytes);
            match verb {
                "has" if !html.contains(text) => problems.push(format!("{path} lacks `{text}`")),
                "lacks" if html.contains(text) => problems.push(format!("{path} has `{text}`")),
                "has" | "lacks" => {}
                "scripts" => {
                    let intact = base()
                        .tree
                        .get(path)
                        .map(|b| scripts(&String::from_utf8_lossy(b)));
                    let now = scripts(&html);
                    if intact.as_ref() != Some(&now) {
                        problems.push(format!(
                            "{path}: script elements {now:?}, the intact build has {intact:?}"
                        ));
                    }
                }
                v => problems.push(format!("unknown verb `{v}` in expect")),
            }
        }
        if expect.trim().is_empty() {
            // Nothing specific to look for: the output must equal the intact build's.
            if tree != base().tree {
                problems.push("the output differs from the intact project's".into());
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "== {name} ({})\n{}",
            patch.description,
            problems.join("\n")
        ))
    }
}

#[test]
fn suspicious_but_valid_projects_build() {
    let cases = cases("valid");
    assert!(!cases.is_empty());
    let failures: Vec<String> = cases.iter().filter_map(|c| run_valid(c).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `stend check` prints the same report as a failed build (the expected texts are its output),
/// but ends by naming the files to fix: it never writes, so «nothing was written» says nothing.
#[test]
fn check_reports_like_build() {
    let case = root().join("tests/invalid/two-broken-files");
    let tmp = tempfile::tempdir().unwrap();
    let (_, project) = prepare(&case, tmp.path());
    let r = {
        let _guard = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        stend(&["check"], &project, None)
    };
    assert_eq!(r.status.code(), Some(1));
    let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
    let expected = expected.replace(
        "error: 2 problems in 2 files; nothing was written\n",
        "error: check found 2 problems in data/fee.yaml, data/hours.yaml\n",
    );
    assert_eq!(String::from_utf8_lossy(&r.stderr), expected);
    assert!(!project.join("public").exists());
}

/// Every problem of a run is reported, grouped by file, then one count line.
#[test]
fn all_problems_are_reported_grouped_by_file() {
    let expected =
        std::fs::read_to_string(root().join("tests/invalid/two-broken-files/expected.txt"))
            .unwrap();
    let fee = expected
        .find("--> data/fee.yaml:")
        .expect("fee.yaml reported");
    let hours = expected
        .find("--> data/hours.yaml:")
        .expect("hours.yaml reported");
    assert!(fee < hours, "files are reported in order");
    assert!(
        expected.ends_with("error: 2 problems in 2 files; nothing was written\n"),
        "{expected}"
    );
}
