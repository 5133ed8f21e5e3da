//! Watching the project for `stend serve`: the `notify` crate (inotify, FSEvents or
//! ReadDirectoryChangesW) follows `content/`, `data/`, `themes/` and `stend.yaml`; changes are
//! debounced for [`DEBOUNCE`] and each quiet moment after them makes one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// Quiet time after the last change before rebuilding: editors often write a file in several
/// steps (truncate, write, rename), and a save of several files should make one rebuild.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// Watches what a build reads; sends every relevant changed path.
pub fn watch(root: &Path, tx: Sender<PathBuf>) -> notify::Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let base = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let filter_base = base.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        for p in event.paths {
            if relevant(&filter_base, &p) {
                let _ = tx.send(p);
            }
        }
    })?;
    for dir in ["content", "data", "themes"] {
        let d = base.join(dir);
        if d.is_dir() {
            watcher.watch(&d, RecursiveMode::Recursive)?;
        }
    }
    // The root itself, not recursively: `stend.yaml` (editors often replace it by renaming).
    watcher.watch(&base, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// Whether a changed path is one the build reads: under content/, data/ or themes/, or
/// `stend.yaml`; not an editor's swap, backup or lock file.
pub fn relevant(root: &Path, p: &Path) -> bool {
    let Ok(rel) = p.strip_prefix(root) else {
        return false;
    };
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
    {
        return false;
    }
    match rel.components().next() {
        Some(std::path::Component::Normal(first)) => {
            let first = first.to_string_lossy();
            (first == "stend.yaml" && rel.components().count() == 1)
                || (["content", "data", "themes"].contains(&first.as_ref())
                    && rel.components().count() > 1)
        }
        _ => false,
    }
}

/// Calls `rebuild` with a description of what changed, once per burst of changes, until the
/// watcher goes away.
pub fn rebuild_loop(root: &Path, rx: &mpsc::Receiver<PathBuf>, rebuild: impl Fn(&str)) {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    while let Ok(first) = rx.recv() {
        let mut changed = vec![first];
        // Debounce: wait until nothing has changed for DEBOUNCE (at most a second in all).
        let deadline = Instant::now() + Duration::from_secs(1);
        loop {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(p) => {
                    if !changed.contains(&p) {
                        changed.push(p);
                    }
                    if Instant::now() > deadline {
                        break;
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        rebuild(&describe(&root, &changed));
    }
}

/// `data/offices.yaml`, or the first three changed files and how many more. Editors' temporary
/// files are left out: a path that is gone again and has no extension (`sed -i` writes
/// `data/sedtQ1TgA` and renames it over the file, whose own change is in the burst).
fn describe(root: &Path, changed: &[PathBuf]) -> String {
    let kept: Vec<&PathBuf> = changed
        .iter()
        .filter(|p| p.extension().is_some() || p.exists())
        .collect();
    // A burst of temporary files only (never seen so far) is still named, not hidden.
    let shown: Vec<&PathBuf> = if kept.is_empty() {
        changed.iter().collect()
    } else {
        kept
    };
    let mut names: Vec<String> = shown
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    names.sort();
    if names.len() > 3 {
        let m = stend::msg!(
            "serve-and-more",
            names = names[..3].join(", "),
            count = names.len() - 3
        );
        super::super::say(&m)
    } else {
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_project_inputs_are_relevant() {
        let root = Path::new("/p");
        assert!(relevant(root, Path::new("/p/content/kk/fee.md")));
        assert!(relevant(root, Path::new("/p/stend.yaml")));
        assert!(relevant(
            root,
            Path::new("/p/themes/default/templates/base.html")
        ));
        assert!(!relevant(root, Path::new("/p/public/kk/index.html")));
        assert!(!relevant(root, Path::new("/p/content/kk/.fee.md.swp")));
        assert!(!relevant(root, Path::new("/p/data/offices.yaml~")));
        assert!(!relevant(root, Path::new("/p/content")));
        assert!(!relevant(root, Path::new("/q/content/kk/fee.md")));
    }

    #[test]
    fn describes_bursts() {
        let root = Path::new("/p");
        let files: Vec<PathBuf> = ["data/b.yaml", "data/a.yaml", "content/x.md", "stend.yaml"]
            .iter()
            .map(|f| root.join(f))
            .collect();
        assert_eq!(describe(root, &files[..2]), "data/a.yaml, data/b.yaml");
        assert_eq!(
            describe(root, &files),
            "content/x.md, data/a.yaml, data/b.yaml and 1 more"
        );
        // `sed -i data/a.yaml`: a temporary file, gone by now, renamed over the file.
        let sed = [root.join("data/sedtQ1TgA"), root.join("data/a.yaml")];
        assert_eq!(describe(root, &sed), "data/a.yaml");
    }
}
