//! Reading the project's files: size limits, UTF-8, line endings, and the walk over a directory
//! that refuses symbolic links out of the project.

use crate::diagnostics::{Diagnostic, Error, Result};
use crate::i18n::Msg;
use crate::msg;
use std::path::{Path, PathBuf};

/// A text file read from the project: path relative to the root, and its normalised text.
pub(super) struct SourceFile {
    pub rel: PathBuf,
    pub text: String,
}

/// The size limit of a file read before `stend.yaml` says otherwise.
pub(super) fn default_max() -> u64 {
    16 * 1024 * 1024
}

pub(super) fn diags_of(e: Error) -> Vec<Diagnostic> {
    match e {
        Error::Project(d) => d,
        Error::Io { path, error } => vec![Diagnostic::new(
            path,
            msg!("cannot-read", why = Msg::verbatim(error.to_string())),
        )],
        Error::Refused { path, message } => vec![Diagnostic::new(path, message)],
    }
}

/// Lists files under `dir` (sorted, so the build does not depend on directory order), refusing
/// symbolic links that lead outside the project.
pub(super) fn walk(root: &Path, dir: &Path, files: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(false)
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e
                    .path()
                    .map(|p| rel_to(root, p))
                    .unwrap_or_else(|| rel_to(root, dir));
                diags.push(Diagnostic::new(
                    p,
                    msg!("cannot-read", why = Msg::verbatim(e.to_string())),
                ));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') && entry.depth() > 0 {
            continue;
        }
        let rel = rel_to(root, entry.path());
        if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) => {
                    if target.is_file() {
                        files.push(rel);
                    } else {
                        diags.push(
                            Diagnostic::new(rel, msg!("symlink-to-directory"))
                                .hint(msg!("hint-symlink-to-directory")),
                        );
                    }
                }
                Ok(_) => {
                    let written = std::fs::read_link(entry.path())
                        .map(|t| t.display().to_string())
                        .unwrap_or_default();
                    diags.push(
                        Diagnostic::new(rel, msg!("symlink-outside", target = written))
                            .hint(msg!("hint-symlink-outside")),
                    )
                }
                Err(_) => {
                    let written = std::fs::read_link(entry.path())
                        .map(|t| t.display().to_string())
                        .unwrap_or_default();
                    diags.push(
                        Diagnostic::new(rel, msg!("symlink-nowhere", target = written))
                            .hint(msg!("hint-symlink-nowhere")),
                    )
                }
            }
            continue;
        }
        if entry.file_type().is_file() {
            files.push(rel);
        }
    }
}

fn rel_to(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

/// A size in bytes for people: `20.0 MiB`, `512 KiB`, `900 bytes`.
fn size(bytes: u64) -> Msg {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        Msg::verbatim(format!("{:.1} MiB", bytes as f64 / MIB as f64))
    } else if bytes >= KIB {
        Msg::verbatim(format!("{:.1} KiB", bytes as f64 / KIB as f64))
    } else {
        msg!("size-bytes", count = bytes)
    }
}

/// «cannot read: <the system's reason>», or «file not found».
fn cannot_read(path: impl Into<PathBuf>, e: &std::io::Error) -> Diagnostic {
    let message = if e.kind() == std::io::ErrorKind::NotFound {
        msg!("file-not-found")
    } else {
        msg!("cannot-read", why = Msg::verbatim(e.to_string()))
    };
    Diagnostic::new(path, message)
}

/// Reads a UTF-8 text file, refusing oversized files before reading them, dropping a BOM and
/// normalising CRLF line endings.
pub(super) fn read_text(root: &Path, rel: &Path, max: u64) -> Result<SourceFile> {
    let path = root.join(rel);
    let meta = std::fs::metadata(&path).map_err(|e| Error::from(cannot_read(rel, &e)))?;
    if meta.len() > max {
        return Err(Diagnostic::new(
            rel,
            msg!("file-too-large", size = size(meta.len()), limit = size(max)),
        )
        .hint(msg!("hint-file-too-large"))
        .into());
    }
    let bytes = std::fs::read(&path).map_err(|e| Error::from(cannot_read(rel, &e)))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let lossy = String::from_utf8_lossy(&bytes).to_string();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).to_string();
            let (line, col) = crate::diagnostics::line_col(&prefix, prefix.len());
            return Err(Diagnostic::new(
                rel,
                msg!("file-not-utf8", byte = format!("0x{:02X}", bytes[valid])),
            )
            .at(&lossy, line, col)
            .hint(msg!("hint-file-not-utf8"))
            .into());
        }
    };
    Ok(SourceFile {
        rel: rel.to_path_buf(),
        text: normalise(text),
    })
}

/// The text as every later stage sees it: without a byte-order mark, and with `\n` line endings
/// (Windows `\r\n` and old Mac `\r` converted, so that line numbers agree with the YAML
/// parser's, which counts a lone `\r` as a line break too).
pub fn normalise(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_normalised_to_unix_line_endings() {
        assert_eq!(normalise("\u{feff}a\r\nb\rc\n".into()), "a\nb\nc\n");
        assert_eq!(normalise("plain\n".into()), "plain\n");
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(20 * 1024 * 1024).to_string(), "20.0 MiB");
        assert_eq!(size(1536).to_string(), "1.5 KiB");
        assert_eq!(size(12).to_string(), "12 bytes");
        assert_eq!(size(12).text(crate::i18n::Lang::Ru), "12 байт");
    }
}
