//! A rebuild into the previous output (a webmaster's next `stend build`): the PDFs of unchanged
//! printables are taken over from the previous output (hard links, by their recipe in
//! `.stend-recipes`), changed or tampered ones are typeset anew, and the result is byte for
//! byte what a build from scratch writes.

use crate::common;

use common::*;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

fn build(project: &Path, out: &Path) {
    stend::build(
        project,
        out,
        &env_at(EPOCH_2026),
        &stend::Editions::Ministry,
    )
    .unwrap_or_else(|e| panic!("build failed:\n{e}"));
}

/// The small project in a fresh directory, built into its `public/`.
fn built_small_project() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    std::fs::create_dir(&project).unwrap();
    copy_small_project(&project);
    let out = project.join("public");
    build(&project, &out);
    (dir, project, out)
}

fn inode(path: &Path) -> u64 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .ino()
}

#[test]
fn a_rebuild_takes_over_unchanged_pdfs_and_equals_a_build_from_scratch() {
    let (dir, project, out) = built_small_project();

    let kept = out.join("kk/offices/astana/esil/poster/poster.pdf");
    let edited = out.join("kk/offices/astana/saryarka/poster/poster.pdf");
    let tampered = out.join("ru/offices/astana/esil/forms/complaint-receipt/complaint-receipt.pdf");
    let (kept_ino, edited_ino) = (inode(&kept), inode(&edited));
    let tampered_ino = inode(&tampered);
    // A hand-edited file of the previous output is never taken for the build's own.
    std::fs::write(&tampered, b"%PDF-1.7 not what stend wrote").unwrap();
    let recipes = std::fs::read_to_string(out.join(".stend-recipes")).unwrap();
    let pdfs = read_tree(&out)
        .keys()
        .filter(|p| p.ends_with(".pdf"))
        .count();
    assert_eq!(recipes.lines().count(), pdfs, "one recipe per PDF");

    // One office's address changes: its PDFs (and only its) are made again.
    let offices = project.join("data/offices.yaml");
    let yaml = std::fs::read_to_string(&offices).unwrap();
    let yaml = yaml.replace("Сейфуллин к-сі, 3\"", "Сейфуллин к-сі, 5\"");
    std::fs::write(&offices, yaml).unwrap();
    build(&project, &out);

    let fresh = dir.path().join("fresh");
    build(&project, &fresh);
    let (rebuilt, scratch) = (read_tree(&out), read_tree(&fresh));
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        scratch.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &rebuilt {
        assert!(
            scratch[path] == *bytes,
            "{path} differs from a build from scratch"
        );
    }
    assert_eq!(inode(&kept), kept_ino, "an unchanged PDF is taken over");
    assert_ne!(
        inode(&edited),
        edited_ino,
        "the edited office's PDF is made again"
    );
    assert_ne!(
        inode(&tampered),
        tampered_ino,
        "a tampered PDF is made again"
    );
    let text = pdf_text(&edited);
    assert!(text.contains("Сейфуллин к-сі, 5"), "{text}");
}

#[test]
fn a_garbled_file_of_recipes_only_means_typesetting_again() {
    let (_dir, project, out) = built_small_project();
    let before = read_tree(&out);
    let recipes = out.join(".stend-recipes");
    let text = std::fs::read_to_string(&recipes).unwrap();
    // Lines cut short, a recipe that matches nothing, and noise.
    let garbled: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| match i % 3 {
            0 => format!("{}\n", &l[..l.len() / 2]),
            1 => format!("{} 0000000000000000 0000000000000000\n", &l[..16]),
            _ => "ünparsable ✗\n".to_string(),
        })
        .collect();
    std::fs::write(&recipes, garbled).unwrap();
    build(&project, &out);
    assert!(read_tree(&out) == before, "the same output as before");
}

/// The text of a PDF, with pdftotext.
fn pdf_text(path: &Path) -> String {
    crate::pdf_tools::text(path)
}
