//! One diagnostic type for every problem in a user's project, and its rustc-style rendering.
//!
//! Loading, validation, rendering and link checking all report [`Diagnostic`]s; they collect
//! them instead of stopping at the first, and the CLI prints them once, grouped by file.
//! Library code never prints or exits.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// A problem in the user's project: where it is, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path of the file, relative to the project root.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// Path of the field inside a data file, e.g. `departments[3].units[12].phones.migration[0]`.
    pub field: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when we can say.
    pub hint: Option<String>,
    /// The offending source line, shown under the location with a caret.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A problem with a file as a whole.
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// Points the diagnostic at a 1-based line and column of `source` (the file's text),
    /// and keeps that line for display.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = Some(line.max(1));
        self.column = Some(column.max(1));
        self.source_line = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    /// Points the diagnostic at a byte offset of `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        self.at(source, line, column)
    }

    /// Names the field path.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        let f = field.into();
        if !f.is_empty() && f != "." {
            self.field = Some(f);
        }
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        let loc = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", display_path(&self.file)),
            (Some(l), None) => format!("{}:{l}", display_path(&self.file)),
            _ => display_path(&self.file),
        };
        let gutter = self.line.map(|l| l.to_string().len()).unwrap_or(1);
        let pad = " ".repeat(gutter);
        writeln!(f, "{pad}--> {loc}")?;
        if let (Some(line), Some(text)) = (self.line, &self.source_line) {
            let col = self.column.unwrap_or(1);
            let (shown, caret_at) = window(text, col.saturating_sub(1));
            writeln!(f, "{pad} |")?;
            writeln!(f, "{line} | {shown}")?;
            let caret_pad: String = shown
                .chars()
                .take(caret_at)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{pad} | {caret_pad}^")?;
        }
        if let Some(field) = &self.field {
            writeln!(f, "{pad} = field: {field}")?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "{pad} = help: {hint}")?;
        }
        Ok(())
    }
}

/// The part of a long source line worth showing: at most [`SHOWN`] characters around the
/// 0-based character `col`, with `…` where it was cut; and the caret's position in it.
fn window(text: &str, col: usize) -> (String, usize) {
    const SHOWN: usize = 120;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= SHOWN {
        return (text.to_string(), col);
    }
    let start = if col < SHOWN * 2 / 3 {
        0
    } else {
        (col - SHOWN / 2).min(chars.len().saturating_sub(SHOWN))
    };
    let end = (start + SHOWN).min(chars.len());
    let mut shown = String::new();
    let mut caret = col - start;
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Renders all diagnostics grouped by file (sorted, so the report is stable), then a count line.
pub fn render_report(diags: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut out = String::new();
    for d in &sorted {
        let _ = writeln!(out, "{d}");
    }
    let files = {
        let mut f: Vec<&PathBuf> = sorted.iter().map(|d| &d.file).collect();
        f.dedup();
        f.len()
    };
    let _ = writeln!(
        out,
        "error: {} problem{} in {} file{}; nothing was written",
        sorted.len(),
        if sorted.len() == 1 { "" } else { "s" },
        files,
        if files == 1 { "" } else { "s" }
    );
    out
}

/// The error type of every stage: the project has problems (exit 1), or the build could not
/// write its output (also exit 1, but not the user's content at fault).
#[derive(Debug)]
pub enum Error {
    /// Problems in the user's project.
    Project(Vec<Diagnostic>),
    /// An I/O failure outside the user's content (output directory, permissions, disk full).
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            error,
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Project(vec![d])
    }
}

impl From<Vec<Diagnostic>> for Error {
    fn from(d: Vec<Diagnostic>) -> Self {
        Error::Project(d)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Project(diags) => f.write_str(&render_report(diags)),
            Error::Io { path, error } => {
                writeln!(f, "error: {}: {error}", display_path(path))
            }
        }
    }
}

impl std::error::Error for Error {}

/// Result of every stage.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_rustc_style_with_caret_field_and_hint() {
        let src = "a: 1\nadress: x\n";
        let d = Diagnostic::new("data/offices.yaml", "unknown field `adress`")
            .at(src, 2, 1)
            .field("departments[0].adress")
            .hint("did you mean `address`?");
        let text = d.to_string();
        assert_eq!(
            text,
            "error: unknown field `adress`\n --> data/offices.yaml:2:1\n  |\n2 | adress: x\n  | ^\n  = field: departments[0].adress\n  = help: did you mean `address`?\n"
        );
    }

    #[test]
    fn long_lines_are_shown_around_the_caret() {
        let src = format!("{}x{}\n", "[".repeat(300), "]".repeat(300));
        let text = Diagnostic::new("a.yaml", "deep")
            .at(&src, 1, 301)
            .to_string();
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines[3].trim_start_matches("1 | ");
        let caret = lines[4].trim_start_matches("  | ");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() <= 122);
        assert_eq!(shown.chars().nth(caret.chars().count() - 1), Some('x'));
        let short = Diagnostic::new("a.yaml", "x").at("ab\n", 1, 2).to_string();
        assert!(short.contains("1 | ab\n  |  ^\n"), "{short}");
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "қаз: x\nәб: y";
        let off = src.find('y').unwrap();
        assert_eq!(line_col(src, off), (2, 5));
    }

    #[test]
    fn report_counts_problems_and_files() {
        let a = Diagnostic::new("a.yaml", "x");
        let b = Diagnostic::new("b.yaml", "y");
        let r = render_report(&[b, a.clone(), a]);
        assert!(r.ends_with("error: 2 problems in 2 files; nothing was written\n"));
        assert!(r.find("a.yaml").unwrap() < r.find("b.yaml").unwrap());
    }
}
