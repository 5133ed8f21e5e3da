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
        self.render(f, "error")
    }
}

/// A diagnostic shown as a warning: a problem that did not stop the build.
pub struct Warning<'a>(pub &'a Diagnostic);

impl fmt::Display for Warning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.render(f, "warning")
    }
}

impl Diagnostic {
    /// The rustc-style text, headed by `label` (`error` or `warning`).
    fn render(&self, f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
        writeln!(f, "{label}: {}", self.message)?;
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
            writeln!(f, "{pad} = field: {}", human_field(field))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "{pad} = help: {hint}")?;
        }
        Ok(())
    }
}

/// A field path as a person reads it: positions 1-based and in words, innermost first —
/// `departments[0].units[3].slug` is «`slug` of the 4th unit of the 1st department»,
/// `service.schedule[0].break.end` «`break.end` of the 1st entry of `service.schedule`». A path
/// without positions (`as_of`, `mci`) is shown as it is.
pub fn human_field(path: &str) -> String {
    if !path.contains('[') {
        return path.to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    // Names without a position, joined with dots until the next positioned one.
    let mut names: Vec<&str> = Vec::new();
    for seg in path.split('.') {
        let positioned = seg
            .split_once('[')
            .and_then(|(name, rest)| Some((name, rest.strip_suffix(']')?.parse::<usize>().ok()?)));
        let Some((name, i)) = positioned else {
            names.push(seg);
            continue;
        };
        let nth = ordinal(i + 1);
        parts.push(match name.strip_suffix('s') {
            // `departments[0]`: the 1st department.
            Some(one) if names.is_empty() && !one.is_empty() => format!("the {nth} {one}"),
            _ => {
                names.push(name);
                format!("the {nth} entry of `{}`", names.join("."))
            }
        });
        names.clear();
    }
    if !names.is_empty() {
        parts.push(format!("`{}`", names.join(".")));
    }
    parts.reverse();
    parts.join(" of ")
}

/// `1st`, `2nd`, `3rd`, `4th` … `11th`, `12th`, `13th` … `21st`.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
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

/// Renders all diagnostics grouped by file (sorted, so the report is stable), then a count line
/// for a build: `error: 2 problems in 1 file; nothing was written`.
pub fn render_report(diags: &[Diagnostic]) -> String {
    let (mut out, problems, files) = render_sorted(diags);
    let _ = writeln!(
        out,
        "error: {} in {}; nothing was written",
        plural(problems, "problem"),
        plural(files.len(), "file")
    );
    out
}

/// [`render_report`] for `stend check`, which never writes: the count line names the files to
/// fix, `error: check found 2 problems in data/fee.yaml, stend.yaml`.
pub fn render_check_report(diags: &[Diagnostic]) -> String {
    let (mut out, problems, files) = render_sorted(diags);
    let _ = writeln!(
        out,
        "error: check found {} in {}",
        plural(problems, "problem"),
        files.join(", ")
    );
    out
}

/// Warnings, sorted, each headed `warning:`.
pub fn render_warnings(diags: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut out = String::new();
    for d in sorted {
        let _ = writeln!(out, "{}", Warning(d));
    }
    out
}

/// The diagnostics sorted and deduplicated, rendered; their number and their files, in order.
fn render_sorted(diags: &[Diagnostic]) -> (String, usize, Vec<String>) {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut out = String::new();
    for d in &sorted {
        let _ = writeln!(out, "{d}");
    }
    let mut files: Vec<&PathBuf> = sorted.iter().map(|d| &d.file).collect();
    files.dedup();
    let files = files.into_iter().map(|f| display_path(f)).collect();
    (out, sorted.len(), files)
}

/// `1 problem`, `2 problems`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
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
    fn field_paths_read_one_based_and_in_words() {
        assert_eq!(
            human_field("departments[0].units[3].slug"),
            "`slug` of the 4th unit of the 1st department"
        );
        assert_eq!(
            human_field("departments[3].units[12].phones.migration[0]"),
            "the 1st entry of `phones.migration` of the 13th unit of the 4th department"
        );
        assert_eq!(
            human_field("service.schedule[0].break.end"),
            "`break.end` of the 1st entry of `service.schedule`"
        );
        assert_eq!(
            human_field("mci[21].from"),
            "`from` of the 22nd entry of `mci`"
        );
        assert_eq!(human_field("as_of"), "as_of");
        let ords: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 101, 111, 122]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            ords,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "101st", "111th", "122nd"
            ]
        );
    }

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
            "error: unknown field `adress`\n --> data/offices.yaml:2:1\n  |\n2 | adress: x\n  | ^\n  = field: `adress` of the 1st department\n  = help: did you mean `address`?\n"
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
