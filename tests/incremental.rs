//! `stend serve` re-renders only what an edit affects (src/build/cache.rs): after each kind of
//! edit, a render that reuses the previous one must be byte-identical to a fresh render, and
//! must have reused exactly the offices the edit did not touch.

use crate::common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use stend::Project;
use stend::build::Cache as Reuse;
use stend::model::Edition;

/// The shipped project with its first three departments.
fn project(dir: &Path) {
    copy_project(dir);
    let offices = dir.join("data/offices.yaml");
    let text = std::fs::read_to_string(&offices).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("  - slug:"))
        .collect();
    assert!(
        starts.len() > 3,
        "offices.yaml has fewer than four departments"
    );
    let mut cut = lines[..starts[3]].join("\n");
    cut.push('\n');
    std::fs::write(&offices, cut).unwrap();
}

struct Render {
    files: BTreeMap<String, Vec<u8>>,
    pages: usize,
    reused: usize,
}

fn load(root: &Path) -> Project {
    Project::load(root, &env_at(EPOCH_2026)).unwrap_or_else(|e| panic!("{e}"))
}

/// A render reusing `reuse`, which becomes what this render leaves for the next.
fn reusing(root: &Path, reuse: &mut Reuse) -> Render {
    let project = load(root);
    let ed = Edition::ministry(&project.site);
    let memory = stend::write::Memory::default();
    let r = stend::build::render(&project, &ed, &memory, "", Some(reuse))
        .unwrap_or_else(|e| panic!("{e}"));
    let (pages, next) = (r.pages, r.cache);
    let reused = next.reused_pages();
    *reuse = next;
    Render {
        files: memory.into_files().into_iter().collect(),
        pages,
        reused,
    }
}

fn fresh(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let project = load(root);
    let ed = Edition::ministry(&project.site);
    stend::build::render_in_memory(&project, &ed)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|o| (o.path, o.bytes))
        .collect()
}

/// The reusing render equals a fresh one, file for file.
fn same_as_fresh(root: &Path, r: &Render, what: &str) {
    let f = fresh(root);
    let a: Vec<&String> = r.files.keys().collect();
    let b: Vec<&String> = f.keys().collect();
    assert_eq!(a, b, "{what}: the reusing render has other files");
    for (path, bytes) in &f {
        assert!(
            r.files[path] == *bytes,
            "{what}: {path} differs from a fresh render"
        );
    }
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// One edit of `file` (`from` → `to`), then a reusing render: it must reuse exactly `reused`
/// pages and equal a fresh render.
fn step(
    root: &Path,
    reuse: &mut Reuse,
    (file, from, to): (&str, &str, &str),
    reused: usize,
) -> Render {
    edit(root, file, from, to);
    let r = reusing(root, reuse);
    assert_eq!(r.reused, reused, "pages reused after editing {file}");
    same_as_fresh(root, &r, file);
    r
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files[path].clone()).unwrap()
}

/// Pages of one office job: its page, three posters, four receipts.
const JOB: usize = 8;

#[test]
fn reusing_renders_match_fresh_ones_after_every_kind_of_edit() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    project(root);
    let mut reuse = Reuse::default();

    let first = reusing(root, &mut reuse);
    assert_eq!(first.reused, 0, "nothing to reuse the first time");
    assert_eq!(
        first.pages,
        first.files.keys().filter(|p| p.ends_with(".html")).count()
    );
    same_as_fresh(root, &first, "first render");
    let site = load(root).site;
    let offices: usize = site
        .data
        .offices
        .departments
        .iter()
        .map(|d| 1 + d.units.len())
        .sum();
    let office_pages = offices * JOB * site.languages().len();
    assert_eq!(reuse.len(), offices * site.languages().len());

    // Nothing changed: every office page is reused, the site-wide pages are rendered again.
    let again = reusing(root, &mut reuse);
    assert_eq!(again.reused, office_pages);
    assert_eq!(again.files, first.files);

    // One unit's address: that unit's pages and its department's (whose page lists its units)
    // are rendered again, in every language; every other office is reused.
    let office = step(
        root,
        &mut reuse,
        (
            "data/offices.yaml",
            "г. Астана, ул. Жансугурова, 2\"",
            "г. Астана, ул. Жансугурова, 2, каб. 5\"",
        ),
        office_pages - 2 * site.languages().len() * JOB,
    );
    assert!(
        text(
            &office.files,
            "ru/offices/astana/almaty-district/index.html"
        )
        .contains("ул. Жансугурова, 2, каб. 5")
    );
    assert!(text(&office.files, "ru/offices/astana/index.html").contains("каб. 5"));

    // A content page's body: no office page depends on it.
    let fee = root.join("content/kk/fee.md");
    let body = std::fs::read_to_string(&fee).unwrap();
    std::fs::write(&fee, format!("{body}\nӨзгеріс.\n")).unwrap();
    let content = reusing(root, &mut reuse);
    assert_eq!(content.reused, office_pages);
    same_as_fresh(root, &content, "content edit");

    // A template only site-wide pages use: office pages are reused.
    step(
        root,
        &mut reuse,
        (
            "themes/default/templates/offices.html",
            "{% block content %}",
            "{% block content %}<!-- edited -->",
        ),
        office_pages,
    );

    // A template office pages use: all of them are rendered again.
    step(
        root,
        &mut reuse,
        (
            "themes/default/templates/office.html",
            "{% block content %}",
            "{% block content %}<!-- {% for d in departments %}{{ d.address }};{% endfor %} -->",
        ),
        0,
    );

    // Now office pages show the whole directory: an edit of another department's address must
    // reach every unit page, so nothing is reused.
    let directory = step(
        root,
        &mut reuse,
        (
            "data/offices.yaml",
            "ru: \"г. Кокшетау",
            "ru: \"г. Кокшетау (edited)",
        ),
        0,
    );
    assert!(
        text(
            &directory.files,
            "ru/offices/astana/almaty-district/index.html"
        )
        .contains("г. Кокшетау (edited)")
    );

    // A failed render (a broken link on every unit page) is an error and leaves nothing: the
    // caller keeps what the last good render left, and the fix reuses it.
    let before = reuse.len();
    edit(
        root,
        "themes/default/templates/office.html",
        "{% block content %}",
        "{% block content %}<a href=\"/kk/no-such-page/\">x</a>",
    );
    let project = load(root);
    let ed = Edition::ministry(&project.site);
    let broken = stend::build::render(
        &project,
        &ed,
        &stend::write::Memory::default(),
        "",
        Some(&reuse),
    );
    assert!(broken.is_err());
    assert_eq!(reuse.len(), before);
    edit(
        root,
        "themes/default/templates/office.html",
        "<a href=\"/kk/no-such-page/\">x</a>",
        "",
    );
    let recovered = reusing(root, &mut reuse);
    assert_eq!(recovered.reused, office_pages);
    assert_eq!(recovered.files, directory.files);
}

#[test]
fn office_templates_are_the_ones_office_pages_use() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let site = load(dir.path()).site;
    let plan = stend::plan::plan(&site, &Edition::ministry(&site)).unwrap();
    let known = stend::plan::office_templates();
    let mut used = std::collections::BTreeSet::new();
    for w in &plan.work {
        if let stend::page::Work::Office(j) = w {
            for p in stend::plan::office_pages(&site, &plan, j) {
                used.insert(p.template);
            }
        }
    }
    let known: std::collections::BTreeSet<String> = known.into_iter().collect();
    assert_eq!(used, known);
}
