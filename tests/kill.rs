//! Nothing is lost: a build killed at any moment leaves the published site complete, either the
//! old one or the new one, never a mix and never missing, and writes nothing outside `--out` but
//! its staging and retired siblings, which the next build removes.
//!
//! The project (the shipped one, with the small office directory of the diagnostics tests so a
//! build takes about a second) is built once; then, again and again, the project is switched to
//! the other of two versions and `stend build` is started and SIGKILLed after a pseudo-random
//! delay between zero and the duration of a whole build.

use crate::common;

use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Tree = BTreeMap<String, Vec<u8>>;

/// At most this many kills …
const MAX_RUNS: usize = 30;
/// … within about this much time.
const BUDGET: Duration = Duration::from_secs(12);

fn stend_build(project: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stend"));
    c.env("SOURCE_DATE_EPOCH", EPOCH_2026)
        .env("STEND_LANG", "en")
        .arg("build")
        .arg("--root")
        .arg(project)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn build(project: &Path, out: &Path) -> Duration {
    let t = Instant::now();
    let r = stend_build(project, out).output().unwrap();
    assert!(
        r.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&r.stderr)
    );
    t.elapsed()
}

/// The two versions of the changed files: (path, old text, new text).
fn versions(project: &Path) -> Vec<(PathBuf, String, String)> {
    let fee = project.join("content/kk/fee.md");
    let fee_old = std::fs::read_to_string(&fee).unwrap();
    let fee_new = format!("{fee_old}\nЖаңа абзац: баж банк арқылы төленеді.\n");
    let hours = project.join("data/hours.yaml");
    let hours_old = std::fs::read_to_string(&hours).unwrap();
    let hours_new = hours_old.replacen("close: \"18:00\"", "close: \"18:30\"", 1);
    assert_ne!(hours_old, hours_new);
    vec![(fee, fee_old, fee_new), (hours, hours_old, hours_new)]
}

fn switch(files: &[(PathBuf, String, String)], new: bool) {
    for (p, old, newer) in files {
        std::fs::write(p, if new { newer } else { old }).unwrap();
    }
}

/// Entries of `dir` other than `allowed`.
fn strangers(dir: &Path, allowed: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| !allowed.contains(&n.as_str()))
        .collect()
}

/// A small deterministic pseudo-random sequence (64-bit LCG, high bits).
struct Lcg(u64);
impl Lcg {
    fn next_fraction(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    copy_project(&project);
    std::fs::copy(
        root().join("tests/invalid/offices.fixture.yaml"),
        project.join("data/offices.yaml"),
    )
    .unwrap();
    let files = versions(&project);

    // The two complete sites, built undisturbed elsewhere; the second build replaces the first,
    // as every build below does, and its duration bounds the delays before a kill.
    let refs = tmp.path().join("refs");
    switch(&files, false);
    build(&project, &refs);
    let old: Tree = read_tree(&refs);
    switch(&files, true);
    let full = build(&project, &refs);
    let new: Tree = read_tree(&refs);
    assert_ne!(old, new, "the two versions must build differently");

    // The published site lives alone in its own directory.
    let site = tmp.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let out = site.join("public");
    switch(&files, false);
    build(&project, &out);
    let mut current_is_new = false;
    assert!(read_tree(&out) == old);

    let allowed = ["public", ".public.stend-staging", ".public.stend-retired"];
    let mut rng = Lcg(0x5EED_57E4D);
    let started = Instant::now();
    let mut runs = 0;
    let mut outcomes = [0usize; 2]; // [kept the old site, has the new one]
    while runs < MAX_RUNS && (started.elapsed() < BUDGET || runs < 5) {
        let target_new = !current_is_new;
        switch(&files, target_new);
        let delay = full.mul_f64(rng.next_fraction());
        let mut child = stend_build(&project, &out).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; fails harmlessly if the build already finished
        let status = child.wait().unwrap();
        runs += 1;

        let now = read_tree(&out);
        let (before, after) = if target_new {
            (&old, &new)
        } else {
            (&new, &old)
        };
        if &now == after {
            current_is_new = target_new;
            outcomes[1] += 1;
        } else if &now == before {
            outcomes[0] += 1;
        } else {
            let missing = before.keys().filter(|k| !now.contains_key(*k)).count();
            panic!(
                "run {runs}: killed after {delay:?} ({status}), public/ is neither the old site nor the new one ({} files, {missing} of the old ones missing)",
                now.len()
            );
        }
        let extra = strangers(&site, &allowed);
        assert!(
            extra.is_empty(),
            "run {runs}: the build wrote outside --out: {extra:?}"
        );
        assert!(
            strangers(&project, &["stend.yaml", "content", "data", "themes"]).is_empty(),
            "run {runs}: the build wrote into the project"
        );
    }
    eprintln!(
        "{runs} builds killed in {:?} (a whole build takes {full:?}): {} kept the old site, {} completed",
        started.elapsed(),
        outcomes[0],
        outcomes[1]
    );

    // The next complete build removes every leftover and publishes the current version.
    switch(&files, !current_is_new);
    build(&project, &out);
    assert!(read_tree(&out) == if current_is_new { old } else { new });
    assert_eq!(
        strangers(&site, &["public"]),
        Vec::<String>::new(),
        "leftovers survived a complete build"
    );
}
