//! The binary: exit codes, messages on stderr, and a failed build that leaves output untouched.

use crate::common;

use common::*;
use std::process::Command;

fn stend() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stend"));
    c.env("SOURCE_DATE_EPOCH", EPOCH_2026);
    // The tests read English, whatever the machine's locale.
    c.env("STEND_LANG", "en");
    c
}

#[test]
fn build_then_broken_yaml_fails_with_location_and_keeps_output() {
    let dir = tempfile::tempdir().unwrap();
    copy_small_project(dir.path());
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
    copy_small_project(dir.path());
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

#[test]
fn an_edition_build_next_to_a_full_build_leaves_it_intact_and_refuses_to_replace_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(dir.path());
    let run = |args: &[&str]| {
        stend()
            .arg("build")
            .args(args)
            .arg("--root")
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let full = run(&[]);
    assert_eq!(full.status.code(), Some(0));
    let public = dir.path().join("public");
    let before = read_tree(&public);

    // By default an edition goes into its own directory, beside the full build.
    let edition = run(&["--edition", "astana"]);
    assert_eq!(
        edition.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&edition.stderr)
    );
    let own = dir.path().join("public-astana");
    assert!(
        String::from_utf8_lossy(&edition.stdout).contains(&format!(" into {} in ", own.display()))
    );
    assert!(own.join("kk/offices/astana/index.html").is_file());
    assert_eq!(
        read_tree(&public),
        before,
        "the edition changed the full build"
    );

    // Into the full build's directory it is refused, with the way out named.
    let refused = run(&["--edition", "astana", "--out"]);
    assert_eq!(refused.status.code(), Some(2), "--out needs a value");
    let into_public = stend()
        .args(["build", "--edition", "astana", "--root"])
        .arg(dir.path())
        .arg("--out")
        .arg(&public)
        .output()
        .unwrap();
    assert_eq!(into_public.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&into_public.stderr),
        format!(
            "error: {}: refusing to replace the ministry's site with the edition `astana`; choose another --out, or pass --force to replace it\n",
            public.display()
        )
    );
    assert_eq!(
        read_tree(&public),
        before,
        "a refused build changed the output"
    );

    // Asked for, it replaces it.
    let forced = stend()
        .args(["build", "--edition", "astana", "--force", "--root"])
        .arg(dir.path())
        .arg("--out")
        .arg(&public)
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(0));
    assert!(!public.join("kk/offices/akmola").exists());
}

/// 2027-03-01T00:00:00Z: a day in a year the shipped index table has no row for.
const EPOCH_2027_03: &str = "1803859200";

/// A copy of the shipped project under a name that says it is made up for the test.
fn synthetic_project(dir: &std::path::Path) -> std::path::PathBuf {
    let project = dir.join("synthetic-stale-index");
    std::fs::create_dir(&project).unwrap();
    copy_small_project(&project);
    project
}

#[test]
fn a_stale_index_is_a_warning_from_build_and_check_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let project = synthetic_project(dir.path());
    let run = |cmd: &str| {
        stend()
            .env("SOURCE_DATE_EPOCH", EPOCH_2027_03)
            .args([cmd, "--root"])
            .arg(&project)
            .output()
            .unwrap()
    };
    let fee = std::fs::read_to_string(project.join("data/fee.yaml")).unwrap();
    let line = 1 + fee
        .lines()
        .position(|l| l.contains("{from: \"2026-01-01\""))
        .unwrap();
    let expected = format!(
        "warning: the index table has no row for 2027, the year of the as-of date 2027-03-01; the site shows the value from 2026-01-01 (4325 tenge) as in force\n  --> data/fee.yaml:{line}:12\n   |\n{line} |   - {{from: \"2026-01-01\", tenge: 4325}}\n   |            ^\n   = field: `from` of the 19th entry of `mci`\n   = help: add the row set by the republican budget law for 2027, e.g. `- {{from: \"2027-01-01\", tenge: …}}`, or set `as_of` in stend.yaml\n\n"
    );
    let built = run("build");
    assert_eq!(built.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&built.stderr), expected);
    assert!(project.join("public/kk/index.html").is_file());
    // The fee page does not call last year's index the one in force now.
    let fee_page = std::fs::read_to_string(project.join("public/ru/fee/index.html")).unwrap();
    assert!(
        fee_page.contains("(последнее значение в данных)"),
        "{fee_page}"
    );
    assert!(!fee_page.contains("действует сейчас"));
    let checked = run("check");
    assert_eq!(checked.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&checked.stderr), expected);
    let summary = String::from_utf8_lossy(&checked.stdout);
    assert!(
        summary.starts_with("stend: checked ")
            && summary.contains(" pages of every edition: no errors, 1 warning (above) ("),
        "{summary}"
    );
}

#[test]
fn an_as_of_date_years_ahead_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let project = synthetic_project(dir.path());
    let config = project.join("stend.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("# as_of: \"2026-01-01\"", "as_of: \"2029-03-01\""),
    )
    .unwrap();
    let line = 1 + text.lines().position(|l| l.contains("# as_of:")).unwrap();
    let checked = stend()
        .args(["check", "--root"])
        .arg(&project)
        .output()
        .unwrap();
    assert_eq!(checked.status.code(), Some(0));
    let err = String::from_utf8_lossy(&checked.stderr);
    let ahead = format!(
        "warning: the as-of date 2029-03-01 is more than a year after the date of SOURCE_DATE_EPOCH, 2026-01-01\n  --> stend.yaml:{line}:8\n   |\n{line} | as_of: \"2029-03-01\"\n   |        ^\n   = field: as_of\n   = help: check the year; without `as_of` the site is as of the day it is built\n\n"
    );
    assert!(err.ends_with(&ahead), "{err}");
    assert!(
        err.starts_with("warning: the index table has no row for 2029,"),
        "{err}"
    );
}

#[test]
fn serve_without_a_project_directory_says_so_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nonexistent");
    let r = stend()
        .args(["serve", "--port", "0", "--root"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&r.stderr),
        format!(
            "error: no project directory at {}\n  = help: pass the directory that holds stend.yaml with --root, or run stend in it\n",
            missing.display()
        )
    );
}

/// The same warning and summary in each language stend speaks, chosen by `--lang`, by
/// `STEND_LANG` or by the locale; an unknown `--lang` is a usage error.
#[test]
fn messages_speak_the_webmasters_language() {
    let dir = tempfile::tempdir().unwrap();
    let project = synthetic_project(dir.path());
    let fee = std::fs::read_to_string(project.join("data/fee.yaml")).unwrap();
    let line = 1 + fee
        .lines()
        .position(|l| l.contains("{from: \"2026-01-01\""))
        .unwrap();
    let build = |set: &dyn Fn(&mut Command), out: &str| {
        let mut c = stend();
        c.env_remove("STEND_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("SOURCE_DATE_EPOCH", EPOCH_2027_03);
        set(&mut c);
        c.args(["build", "--root"])
            .arg(&project)
            .arg("--out")
            .arg(dir.path().join(out));
        c.output().unwrap()
    };
    let kk = build(
        &|c| {
            c.arg("--lang").arg("kk");
        },
        "kk",
    );
    assert_eq!(kk.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&kk.stderr),
        format!(
            "ескерту: көрсеткіш кестесінде 2027-03-01 есеп күнінің жылы — 2027 жылға жол жоқ; сайт 2026-01-01 бастап белгіленген мәнді (4325 теңге) күшіндегі мән ретінде көрсетеді\n  --> data/fee.yaml:{line}:12\n   |\n{line} |   - {{from: \"2026-01-01\", tenge: 4325}}\n   |            ^\n   = өріс: `mci` тізімінің 19-элементі, `from`\n   = кеңес: 2027 жылға арналған республикалық бюджет туралы заңда белгіленген жолды қосыңыз, мысалы `- {{from: \"2027-01-01\", tenge: …}}`, немесе stend.yaml ішінде `as_of` мәнін беріңіз\n\n"
        )
    );
    let summary = String::from_utf8_lossy(&kk.stdout);
    assert!(
        summary.starts_with("stend: ")
            && summary.contains(" бет (")
            && summary.contains(" мс ішінде құрастырылды"),
        "{summary}"
    );
    let ru = build(
        &|c| {
            c.env("STEND_LANG", "ru");
        },
        "ru",
    );
    assert_eq!(
        String::from_utf8_lossy(&ru.stderr),
        format!(
            "предупреждение: в таблице показателя нет строки на 2027 год, год отчётной даты 2027-03-01; сайт показывает как действующее значение с 2026-01-01 (4325 тенге)\n  --> data/fee.yaml:{line}:12\n   |\n{line} |   - {{from: \"2026-01-01\", tenge: 4325}}\n   |            ^\n   = поле: `from`, элемент № 19 списка `mci`\n   = подсказка: добавьте строку, установленную законом о республиканском бюджете на 2027 год, например `- {{from: \"2027-01-01\", tenge: …}}`, или задайте `as_of` в stend.yaml\n\n"
        )
    );
    assert!(String::from_utf8_lossy(&ru.stdout).starts_with("stend: собрано страниц: "));
    // The locale, when nothing else says: a Russian desktop gets Russian.
    let locale = build(
        &|c| {
            c.env("LANG", "ru_RU.UTF-8");
        },
        "locale",
    );
    assert!(String::from_utf8_lossy(&locale.stderr).starts_with("предупреждение: "));
    let bad = build(
        &|c| {
            c.arg("--lang").arg("de");
        },
        "de",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr),
        "error: stend has no messages in `de`; use en, kk or ru\n"
    );
    assert!(!dir.path().join("de").exists());
}
