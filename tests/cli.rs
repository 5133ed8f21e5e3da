//! The binary: exit codes, messages on stderr, and a failed build that leaves output untouched.

mod common;

use common::*;
use std::process::Command;

fn stend() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stend"));
    c.env("SOURCE_DATE_EPOCH", EPOCH_2026);
    c
}

#[test]
fn build_then_broken_yaml_fails_with_location_and_keeps_output() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(dir.path());
    let ok = stend()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        stdout.starts_with("stend: built ") && stdout.lines().count() == 1,
        "{stdout}"
    );
    let out = dir.path().join("public");
    let before = read_tree(&out);
    assert!(before.contains_key("kk/index.html"));

    // Break the YAML syntax on a known line.
    let hours = dir.path().join("data/hours.yaml");
    let text = std::fs::read_to_string(&hours).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let target = lines.iter().position(|l| l.contains("open:")).unwrap();
    lines[target] = "    open: [\"09:00\"";
    std::fs::write(&hours, lines.join("\n")).unwrap();

    let bad = stend()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("data/hours.yaml:"), "{err}");
    assert!(
        err.lines().any(|l| l.contains("--> data/hours.yaml:")),
        "{err}"
    );
    assert!(bad.stdout.is_empty());
    assert_eq!(read_tree(&out), before, "a failed build changed the output");
}

#[test]
fn check_writes_nothing_and_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(dir.path());
    let r = stend()
        .args(["check", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert!(!dir.path().join("public").exists());
}

#[test]
fn usage_errors_exit_2() {
    let r = stend().arg("frobnicate").output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    let r = stend().args(["build", "--nope"]).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    let r = stend().arg("--version").output().unwrap();
    assert_eq!(r.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&r.stdout).starts_with("stend "));
}

#[test]
fn a_missing_project_is_a_project_error() {
    let dir = tempfile::tempdir().unwrap();
    let r = stend()
        .args(["check", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("no stend.yaml"));
}

#[test]
fn refuses_to_replace_a_directory_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(dir.path());
    let precious = dir.path().join("precious");
    std::fs::create_dir(&precious).unwrap();
    std::fs::write(precious.join("thesis.txt"), "do not delete").unwrap();
    let r = stend()
        .args(["build", "--root"])
        .arg(dir.path())
        .arg("--out")
        .arg(&precious)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(precious.join("thesis.txt")).unwrap(),
        "do not delete"
    );
}

#[test]
fn pages_of_removed_offices_do_not_survive_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(dir.path());
    let out = dir.path().join("public");
    stend::build(
        dir.path(),
        &out,
        &env_at(EPOCH_2026),
        &stend::Editions::Ministry,
    )
    .unwrap();
    let stale = out.join("kk/offices/old-office/index.html");
    std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
    std::fs::write(&stale, "old").unwrap();
    stend::build(
        dir.path(),
        &out,
        &env_at(EPOCH_2026),
        &stend::Editions::Ministry,
    )
    .unwrap();
    assert!(!stale.exists());
    assert!(out.join("kk/index.html").exists());
}
