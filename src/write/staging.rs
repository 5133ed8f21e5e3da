//! The output on disk as one transaction.
//!
//! Everything is written into a fresh staging directory beside `--out`; only when every file
//! is written is it swapped in, with an atomic exchange of the two directories where the platform
//! has one (Linux `renameat2(RENAME_EXCHANGE)`). A failed or killed build leaves the previous
//! output exactly as it was (`tests/kill.rs` kills builds at random moments to prove it), and
//! files of pages that no longer exist do not survive a successful build. Nothing is ever
//! written outside `--out` and its two siblings, `.NAME.stend-staging` and `.NAME.stend-retired`,
//! which the next build removes.
//!
//! Files are not `fsync`ed: a killed process loses nothing the kernel has accepted, and syncing
//! thousands of pages would make every build slow. A power cut during a build may leave the
//! staging directory incomplete, never `--out`.
//!
//! Costly files (PDFs) are recorded with their recipe in [`RECIPES`] at the top of the output;
//! the next build links an unchanged one from the previous output instead of making it again
//! ([`Sink::reuse_made`]), as it links the compressed copies of unchanged pages.
//!
//! The marker file at the top of the output ([`MARKER`]) says which build wrote it (the
//! ministry's site, one department's edition, or all editions): a build refuses to replace the
//! output of a different build unless forced, so `build --edition astana --out public` cannot
//! silently replace the ministry's site.
//!
//! Without an atomic exchange (other platforms, or a file system that refuses it), the swap is
//! two renames; a build killed between them leaves the previous output complete under the
//! retired name, and the next build puts it back before doing anything else.

use super::Sink;
use crate::diagnostics::{Error, Result};
use crate::i18n::Msg;
use crate::msg;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Name of the staging (and, after the swap, retired) directory beside `out`.
fn sibling(out: &Path, tag: &str) -> Result<PathBuf> {
    let name = out
        .file_name()
        .ok_or_else(|| refused(out, msg!("out-no-name")))?;
    let parent = out.parent().unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{}.stend-{tag}", name.to_string_lossy())))
}

/// A build in progress on disk: files go into a staging directory beside `--out`, which
/// [`Staging::commit`] swaps in. Dropped without a commit (a failed build), it removes the
/// staging directory and leaves `--out` as it was.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    retired: PathBuf,
    precompress: bool,
    /// The build recorded in the marker file.
    build: String,
    /// Directories created so far, by hash of their path: one per page at scale, so no strings.
    made: Mutex<HashSet<u64>>,
    files: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
    /// The previous output's recipes: by hash of the path, the recipe and the hash of the bytes.
    recipes_before: HashMap<u64, (u64, u64)>,
    /// This build's, written into [`RECIPES`] at the commit.
    recipes: Mutex<Vec<(u64, u64, u64)>>,
}

/// The file of recipes at the top of the output: one line per costly file, with the hashes of
/// its path, of what it is made from and of its bytes (hexadecimal), sorted.
pub const RECIPES: &str = ".stend-recipes";

/// Reads a file of recipes; lines that do not parse are skipped (the file is only a cache).
fn read_recipes(out: &Path) -> HashMap<u64, (u64, u64)> {
    let Ok(text) = fs::read_to_string(out.join(RECIPES)) else {
        return HashMap::new();
    };
    let hex = |s: Option<&str>| s.and_then(|s| u64::from_str_radix(s, 16).ok());
    text.lines()
        .filter_map(|l| {
            let mut w = l.split(' ');
            Some((hex(w.next())?, (hex(w.next())?, hex(w.next())?)))
        })
        .collect()
}

impl Staging {
    /// Prepares a build into `out`: refuses a directory stend did not write or that holds a
    /// different build than `claim`'s (unless forced), repairs what an interrupted build left,
    /// and creates an empty staging directory. With `precompress`, every text file also gets
    /// `.gz` and `.br` copies.
    pub fn begin(out: &Path, precompress: bool, claim: &Claim) -> Result<Staging> {
        let staging = sibling(out, "staging")?;
        let retired = sibling(out, "retired")?;
        if let Some(parent) = out.parent()
            && !parent.as_os_str().is_empty()
        {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        // A build killed between the two renames of the fallback swap: the previous output is
        // complete under the retired name; put it back.
        if !out.exists() && retired.join(MARKER).is_file() {
            fs::rename(&retired, out).map_err(|e| Error::io(out, e))?;
        }
        guard(out, claim)?;
        // Leftovers of an interrupted earlier build.
        for dir in [&staging, &retired] {
            if dir.exists() {
                fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
        }
        fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        let recipes_before = read_recipes(out);
        Ok(Staging {
            out: out.to_path_buf(),
            dir: staging,
            retired,
            precompress,
            build: claim.build.clone(),
            made: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
            recipes_before,
            recipes: Mutex::new(Vec::new()),
        })
    }

    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let full = self.dir.join(rel);
        let written = match fs::write(&full, bytes) {
            // The directory cache said the directory exists, but another thread is still making
            // it (or two paths share a hash): make sure, then write again.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => full
                .parent()
                .map_or(Err(e), fs::create_dir_all)
                .and_then(|()| fs::write(&full, bytes)),
            other => other,
        };
        written.map_err(|e| Error::io(&full, e))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Takes the `.gz` and `.br` of `path` from the previous output when the file is unchanged:
    /// compression is nearly all of a pre-compressing build's time, and most pages do not
    /// change between two builds. They are hard links, so the swap stays atomic (the previous
    /// output is only ever unlinked, never written) and nothing is copied. The file must be
    /// byte-identical, and the old `.gz` must end with the CRC-32 and length of these very bytes
    /// (its gzip trailer), so a stale or hand-edited copy is never reused.
    fn reuse_compressed(&self, path: &str, bytes: &[u8]) -> bool {
        let Ok(rel) = safe_relative(Path::new(path)) else {
            return false;
        };
        if fs::read(self.out.join(rel)).ok().as_deref() != Some(bytes) {
            return false;
        }
        let gz = format!("{path}.gz");
        let br = format!("{path}.br");
        let Ok(old_gz) = fs::read(self.out.join(&gz)) else {
            return false;
        };
        let mut crc = crc32fast::Hasher::new();
        crc.update(bytes);
        let mut trailer = crc.finalize().to_le_bytes().to_vec();
        trailer.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        if !old_gz.ends_with(&trailer) || !self.out.join(&br).is_file() {
            return false;
        }
        let linked = [&gz, &br].iter().all(|name| {
            fs::hard_link(self.out.join(name.as_str()), self.dir.join(name.as_str())).is_ok()
        });
        if !linked {
            // Never write through a link into the previous output: remove what was linked.
            for name in [&gz, &br] {
                let _ = fs::remove_file(self.dir.join(name.as_str()));
            }
            return false;
        }
        let size = fs::metadata(self.dir.join(&br)).map_or(0, |m| m.len());
        self.files.fetch_add(2, Ordering::Relaxed);
        self.bytes
            .fetch_add(old_gz.len() as u64 + size, Ordering::Relaxed);
        true
    }

    /// Creates the directory of `rel` in the staging directory, once.
    fn parent_of(&self, rel: &Path) -> Result<()> {
        if let Some(parent) = rel.parent()
            && !parent.as_os_str().is_empty()
        {
            let key = crate::util::hash::of(parent);
            let new = self
                .made
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key);
            if new {
                let full = self.dir.join(parent);
                fs::create_dir_all(&full).map_err(|e| Error::io(&full, e))?;
            }
        }
        Ok(())
    }

    fn record(&self, path: &str, recipe: u64, bytes: &[u8]) {
        self.recipes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((
                crate::util::hash::of(path),
                recipe,
                crate::util::hash::of(bytes),
            ));
    }

    /// Swaps the staged site in; returns the number of files and bytes written.
    pub fn commit(mut self) -> Result<(usize, u64)> {
        let mut recipes = std::mem::take(self.recipes.get_mut().unwrap_or_else(|e| e.into_inner()));
        if !recipes.is_empty() {
            recipes.sort_unstable();
            let mut text = String::with_capacity(recipes.len() * 51);
            for (path, recipe, bytes) in recipes {
                text.push_str(&format!("{path:016x} {recipe:016x} {bytes:016x}\n"));
            }
            let file = self.dir.join(RECIPES);
            fs::write(&file, text).map_err(|e| Error::io(&file, e))?;
        }
        let marker = self.dir.join(MARKER);
        fs::write(&marker, marker_text(&self.build)).map_err(|e| Error::io(&marker, e))?;
        swap_in(&self.dir, &self.out, &self.retired)?;
        self.committed = true;
        Ok((
            self.files.load(Ordering::Relaxed),
            self.bytes.load(Ordering::Relaxed),
        ))
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        let rel = safe_relative(Path::new(path))?;
        self.parent_of(rel)?;
        if self.precompress
            && super::compress::is_text(path)
            && !self.reuse_compressed(path, &bytes)
        {
            let (gz, br) = super::compress::both(&bytes);
            self.write(Path::new(&format!("{path}.gz")), &gz)?;
            self.write(Path::new(&format!("{path}.br")), &br)?;
        }
        self.write(rel, &bytes)
    }

    fn read(&self, path: &str) -> Option<Vec<u8>> {
        let rel = safe_relative(Path::new(path)).ok()?;
        fs::read(self.dir.join(rel)).ok()
    }

    fn put_made(&self, path: &str, bytes: std::sync::Arc<Vec<u8>>, recipe: u64) -> Result<()> {
        self.record(path, recipe, &bytes);
        self.put(path, std::sync::Arc::unwrap_or_clone(bytes))
    }

    /// A hard link to the previous output's file, when its recipe is the same and its bytes
    /// are still those recorded (a hand-edited file is made again). Like the compressed copies,
    /// a link keeps the swap atomic: the previous output is only ever unlinked.
    fn reuse_made(&self, path: &str, recipe: u64) -> Option<u64> {
        let rel = safe_relative(Path::new(path)).ok()?;
        let &(was, bytes_hash) = self.recipes_before.get(&crate::util::hash::of(path))?;
        if was != recipe {
            return None;
        }
        let old = self.out.join(rel);
        let bytes = fs::read(&old).ok()?;
        if crate::util::hash::of(bytes.as_slice()) != bytes_hash {
            return None;
        }
        self.parent_of(rel).ok()?;
        fs::hard_link(&old, self.dir.join(rel)).ok()?;
        self.record(path, recipe, &bytes);
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Some(bytes.len() as u64)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// File that marks a directory as stend's output, so a build never replaces anything else.
pub const MARKER: &str = ".stend-output";

/// The build an output directory is claimed for, and whether it may replace a different one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Which build this is, as recorded in the marker: `ministry`, `edition <slug>` or
    /// `all-editions`.
    pub build: String,
    /// Replace the output of a different build (`--force`).
    pub force: bool,
}

impl Claim {
    /// A claim for `build`, refusing another build's output.
    pub fn new(build: impl Into<String>) -> Claim {
        Claim {
            build: build.into(),
            force: false,
        }
    }
}

/// The marker file's text: a line for people, then the build that wrote the directory.
fn marker_text(build: &str) -> String {
    format!("This directory is written by stend and replaced on every build.\nbuild: {build}\n")
}

/// The build recorded in the marker of `out`; `None` when the marker names none (written
/// by a stend from before builds were recorded, which is then replaced like any stend output).
fn recorded_build(out: &Path) -> Option<String> {
    let text = fs::read_to_string(out.join(MARKER)).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("build: "))
        .map(|b| b.trim().to_string())
}

/// How a recorded build is named in a message.
fn describe(build: &str) -> Msg {
    match build.split_once(' ') {
        Some(("edition", slug)) => msg!("build-edition", slug = slug),
        _ if build == "ministry" => msg!("build-ministry"),
        _ if build == "all-editions" => msg!("build-all-editions"),
        _ => msg!("build-other", build = build),
    }
}

fn refused(path: &Path, message: Msg) -> Error {
    Error::Refused {
        path: path.to_path_buf(),
        message,
    }
}

/// Refuses to replace a directory that stend did not write (a mistyped `--out .` must not
/// replace the project), or one that holds a different build than `claim`'s unless forced.
pub fn guard(out: &Path, claim: &Claim) -> Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(refused(out, msg!("out-not-a-directory")));
    }
    let empty = fs::read_dir(out)
        .map_err(|e| Error::io(out, e))?
        .next()
        .is_none();
    if empty {
        return Ok(());
    }
    if !out.join(MARKER).is_file() {
        return Err(refused(out, msg!("out-not-stends", marker = MARKER)));
    }
    match recorded_build(out) {
        Some(there) if there != claim.build && !claim.force => Err(refused(
            out,
            msg!(
                "out-other-build",
                there = describe(&there),
                ours = describe(&claim.build)
            ),
        )),
        _ => Ok(()),
    }
}

/// Refuses output paths that would escape the output directory.
fn safe_relative(p: &Path) -> Result<&Path> {
    if p.components().all(|c| matches!(c, Component::Normal(_))) {
        Ok(p)
    } else {
        Err(refused(p, msg!("out-escapes")))
    }
}

fn swap_in(staging: &Path, out: &Path, retired: &Path) -> Result<()> {
    if !out.exists() {
        return fs::rename(staging, out).map_err(|e| Error::io(out, e));
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, staging, CWD, out, RenameFlags::EXCHANGE).is_ok() {
            // `staging` now holds the previous output.
            return fs::remove_dir_all(staging).map_err(|e| Error::io(staging, e));
        }
    }
    // No atomic exchange: two renames. If interrupted between them, the previous output is
    // still complete, under the retired name.
    fs::rename(out, retired).map_err(|e| Error::io(out, e))?;
    fs::rename(staging, out).map_err(|e| Error::io(out, e))?;
    fs::remove_dir_all(retired).map_err(|e| Error::io(retired, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Output;
    use rayon::prelude::*;

    #[cfg(unix)]
    #[test]
    fn unchanged_files_keep_their_compressed_copies_and_stale_ones_are_redone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let build = |files: &[(&str, &str)]| {
            let staging = Staging::begin(&out, true, &Claim::new("ministry")).unwrap();
            for (path, text) in files {
                staging.put(path, text.as_bytes().to_vec()).unwrap();
            }
            staging.commit().unwrap()
        };
        let a = "<p>unchanged</p>";
        let b = "<p>tampered with</p>";
        let first = build(&[("a/index.html", a), ("b.html", b), ("c.html", "<p>old</p>")]);
        let inode = |p: &str| fs::metadata(out.join(p)).unwrap().ino();
        let a_gz = inode("a/index.html.gz");
        let a_br = inode("a/index.html.br");
        // Someone edits a compressed copy by hand: it no longer matches its page.
        fs::write(out.join("b.html.gz"), b"junk").unwrap();
        let second = build(&[("a/index.html", a), ("b.html", b), ("c.html", "<p>new</p>")]);
        assert_eq!(first, second, "the same count of files and bytes");
        // The unchanged page's copies are the very same files, not compressed again.
        assert_eq!(inode("a/index.html.gz"), a_gz);
        assert_eq!(inode("a/index.html.br"), a_br);
        // The stale copy and the changed page's copies are made afresh.
        for (path, text) in [("b.html", b), ("c.html", "<p>new</p>")] {
            let (gz, br) = crate::write::compress_both(text.as_bytes());
            assert_eq!(
                fs::read(out.join(format!("{path}.gz"))).unwrap(),
                gz,
                "{path}"
            );
            assert_eq!(
                fs::read(out.join(format!("{path}.br"))).unwrap(),
                br,
                "{path}"
            );
        }
    }

    /// Writes `outputs` to `out` atomically (without pre-compression); returns the bytes written.
    fn write_site(out: &Path, outputs: &[Output]) -> Result<u64> {
        let staging = Staging::begin(out, false, &Claim::new("ministry"))?;
        outputs
            .par_iter()
            .try_for_each(|o| staging.put(&o.path, o.bytes.clone()))?;
        Ok(staging.commit()?.1)
    }

    fn output(path: &str, text: &str) -> Output {
        Output {
            route: format!("/{path}"),
            path: path.to_string(),
            bytes: text.as_bytes().to_vec(),
            html: false,
            source: None,
            template: None,
        }
    }

    #[test]
    fn a_swap_interrupted_between_its_renames_is_repaired_by_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[output("a.txt", "old")]).unwrap();
        // Simulate a kill after `rename(out, retired)`.
        let retired = sibling(&out, "retired").unwrap();
        fs::rename(&out, &retired).unwrap();
        write_site(&out, &[output("b.txt", "new")]).unwrap();
        assert!(!retired.exists());
        assert_eq!(fs::read_to_string(out.join("b.txt")).unwrap(), "new");
        assert!(!out.join("a.txt").exists());
    }

    #[test]
    fn a_failed_build_removes_its_staging_and_keeps_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[output("a.txt", "old")]).unwrap();
        {
            let staging = Staging::begin(&out, true, &Claim::new("ministry")).unwrap();
            staging
                .put("kk/index.html", b"<p>new</p>".to_vec())
                .unwrap();
            // Text files get their compressed copies beside them, readable back.
            assert_eq!(staging.read("kk/index.html").unwrap(), b"<p>new</p>");
            assert!(staging.read("kk/index.html.gz").is_some());
            assert!(staging.read("kk/index.html.br").is_some());
            assert!(staging.put("../escape.txt", b"x".to_vec()).is_err());
            // Dropped without commit: the build failed.
        }
        assert!(!sibling(&out, "staging").unwrap().exists());
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "old");
        assert!(!out.join("kk").exists());
        assert!(!dir.path().join("escape.txt").exists());
    }

    #[test]
    fn a_committed_build_counts_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = Staging::begin(&out, true, &Claim::new("ministry")).unwrap();
        staging.put("a.html", b"<p>a</p>".to_vec()).unwrap();
        staging.put("img.bin", vec![0; 10]).unwrap();
        let (files, bytes) = staging.commit().unwrap();
        assert_eq!(files, 4, "a.html, its .gz and .br, img.bin");
        assert!(bytes > 18);
        assert!(out.join(MARKER).is_file());
        assert!(out.join("a.html.br").is_file());
        assert!(!out.join("img.bin.gz").exists());
    }

    #[test]
    fn leftovers_of_a_killed_build_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = sibling(&out, "staging").unwrap();
        fs::create_dir_all(staging.join("kk")).unwrap();
        fs::write(staging.join("kk/index.html"), "half").unwrap();
        write_site(&out, &[output("index.html", "whole")]).unwrap();
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn a_different_build_is_not_replaced_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[output("a.txt", "ministry")]).unwrap();
        let marker = fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(marker.ends_with("\nbuild: ministry\n"), "{marker}");
        let edition = Claim::new("edition astana");
        let err = Staging::begin(&out, false, &edition).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "error: {}: refusing to replace the ministry's site with the edition `astana`; choose another --out, or pass --force to replace it\n",
                out.display()
            )
        );
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "ministry");
        // The same build replaces its own output; a forced one replaces any stend output.
        assert!(Staging::begin(&out, false, &Claim::new("ministry")).is_ok());
        let forced = Claim {
            force: true,
            ..edition
        };
        let staging = Staging::begin(&out, false, &forced).unwrap();
        staging.put("b.txt", b"astana".to_vec()).unwrap();
        staging.commit().unwrap();
        assert!(!out.join("a.txt").exists());
        assert_eq!(recorded_build(&out).as_deref(), Some("edition astana"));
    }

    #[test]
    fn output_paths_cannot_escape() {
        assert!(safe_relative(Path::new("kk/index.html")).is_ok());
        for bad in ["../x", "/etc/passwd", "kk/../../x", "./x"] {
            assert!(safe_relative(Path::new(bad)).is_err(), "{bad}");
        }
    }
}
