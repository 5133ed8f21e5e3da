//! One diagnostic type for every problem in a user's project, and its rustc-style rendering.
//!
//! Loading, validation, rendering and link checking all report [`Diagnostic`]s; they collect
//! them instead of stopping at the first, and the CLI prints them once, grouped by file.
//! Library code never prints or exits.

use crate::i18n::{Lang, Msg};
use crate::msg;
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
    /// The slug of the department the field's leading `departments[i]` is, when known: the
    /// field is then shown as «… of department `astana`» instead of «… of the 1st department».
    pub department: Option<String>,
    /// What is wrong, in one sentence.
    pub message: Msg,
    /// How to fix it, when we can say.
    pub hint: Option<Msg>,
    /// The offending source line, shown under the location with a caret.
    pub source_line: Option<String>,
    /// Another line of the same file the message names (the sibling of a mis-indented key),
    /// shown beside the offending one: its 1-based number and text.
    pub related: Option<(usize, String)>,
}

impl Diagnostic {
    /// A problem with a file as a whole.
    pub fn new(file: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            field: None,
            department: None,
            message,
            hint: None,
            source_line: None,
            related: None,
        }
    }

    /// Shows line `line` of `source` too, beside the offending one.
    pub fn also(mut self, source: &str, line: usize) -> Self {
        self.related = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| (line, l.trim_end_matches('\r').to_string()));
        self
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
    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The diagnostic in `lang`, headed `error:`.
    pub fn text(&self, lang: Lang) -> String {
        let mut s = String::new();
        let _ = self.render(&mut s, Severity::Error, lang);
        s
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
    /// The English text, headed `error:`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Whether a diagnostic stopped the build.
#[derive(Clone, Copy)]
enum Severity {
    Error,
    Warning,
}

impl Diagnostic {
    /// The rustc-style text, headed by the severity's label in `lang`.
    fn render(&self, f: &mut impl fmt::Write, severity: Severity, lang: Lang) -> fmt::Result {
        let label = match severity {
            Severity::Error => msg!("label-error"),
            Severity::Warning => msg!("label-warning"),
        };
        writeln!(f, "{}: {}", label.text(lang), self.message.text(lang))?;
        let loc = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", display_path(&self.file)),
            (Some(l), None) => format!("{}:{l}", display_path(&self.file)),
            _ => display_path(&self.file),
        };
        let widest = self.line.max(self.related.as_ref().map(|r| r.0));
        let gutter = widest.map(|l| l.to_string().len()).unwrap_or(1);
        let pad = " ".repeat(gutter);
        writeln!(f, "{pad}--> {loc}")?;
        if let (Some(line), Some(text)) = (self.line, &self.source_line) {
            let col = self.column.unwrap_or(1);
            let (shown, caret_at) = window(text, col.saturating_sub(1));
            writeln!(f, "{pad} |")?;
            let related = |f: &mut dyn fmt::Write, (n, t): &(usize, String)| {
                writeln!(f, "{n:>gutter$} | {}", window(t, 0).0)
            };
            if let Some(r) = self.related.as_ref().filter(|r| r.0 < line) {
                related(f, r)?;
                if r.0 + 1 < line {
                    writeln!(f, "{pad} | …")?;
                }
            }
            writeln!(f, "{line:>gutter$} | {shown}")?;
            let caret_pad: String = shown
                .chars()
                .take(caret_at)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{pad} | {caret_pad}^")?;
            if let Some(r) = self.related.as_ref().filter(|r| r.0 > line) {
                if r.0 > line + 1 {
                    writeln!(f, "{pad} | …")?;
                }
                related(f, r)?;
            }
        }
        if let Some(field) = &self.field {
            let shown = human_field_in(field, self.department.as_deref(), lang);
            writeln!(f, "{pad} = {}: {shown}", msg!("label-field").text(lang))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(
                f,
                "{pad} = {}: {}",
                msg!("label-help").text(lang),
                hint.text(lang)
            )?;
        }
        Ok(())
    }
}

/// A field path as a person reads it, in English: see [`human_field_in`].
pub fn human_field(path: &str) -> String {
    human_field_in(path, None, Lang::En)
}

/// A field path as a person reads it: positions 1-based and in words, innermost first —
/// `departments[0].units[3].slug` is «`slug` of the 4th unit of the 1st department»,
/// `service.schedule[0].break.end` «`break.end` of the 1st entry of `service.schedule`». A path
/// without positions (`as_of`, `mci`) is shown as it is. With `department`, the leading
/// `departments[i]` is named by that slug («… of department `astana`»).
pub fn human_field_in(path: &str, department: Option<&str>, lang: Lang) -> String {
    if !path.contains('[') {
        return path.to_string();
    }
    let mut parts: Vec<Msg> = Vec::new();
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
        let n = i + 1;
        let first = parts.is_empty() && names.is_empty();
        parts.push(match (name, name.strip_suffix('s')) {
            ("departments", _) if first && department.is_some() => {
                msg!(
                    "field-named-department",
                    slug = department.unwrap_or_default()
                )
            }
            // `departments[0]`: the 1st department.
            (_, Some(one)) if names.is_empty() && !one.is_empty() => {
                msg!("field-nth-item", nth = ordinal(n), n = n, noun = one)
            }
            _ => {
                names.push(name);
                msg!(
                    "field-nth-entry",
                    nth = ordinal(n),
                    n = n,
                    list = names.join(".")
                )
            }
        });
        names.clear();
    }
    let mut text = if names.is_empty() {
        None
    } else {
        Some(msg!("field-name", name = names.join(".")).text(lang))
    };
    // Innermost first: «`slug` of the 4th unit of the 1st department».
    for part in parts.iter().rev() {
        let part = part.text(lang);
        text = Some(match text {
            None => part,
            Some(inner) => msg!("field-of", inner = inner, outer = part).text(lang),
        });
    }
    text.unwrap_or_default()
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
pub fn render_report(diags: &[Diagnostic], lang: Lang) -> String {
    let (mut out, problems, files) = render_sorted(diags, lang);
    let summary = msg!(
        "summary-build-failed",
        problems = msg!("count-problems", count = problems),
        files = msg!("count-files", count = files.len())
    );
    let _ = writeln!(
        out,
        "{}: {}",
        msg!("label-error").text(lang),
        summary.text(lang)
    );
    out
}

/// [`render_report`] for `stend check`, which never writes: the count line names the files to
/// fix, `error: check found 2 problems in data/fee.yaml, stend.yaml`.
pub fn render_check_report(diags: &[Diagnostic], lang: Lang) -> String {
    let (mut out, problems, files) = render_sorted(diags, lang);
    let summary = msg!(
        "summary-check-failed",
        problems = msg!("count-problems", count = problems),
        files = files.join(", ")
    );
    let _ = writeln!(
        out,
        "{}: {}",
        msg!("label-error").text(lang),
        summary.text(lang)
    );
    out
}

/// Warnings, sorted, each headed `warning:`.
pub fn render_warnings(diags: &[Diagnostic], lang: Lang) -> String {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut out = String::new();
    for d in sorted {
        let _ = d.render(&mut out, Severity::Warning, lang);
        out.push('\n');
    }
    out
}

/// The diagnostics sorted and deduplicated, rendered; their number and their files, in order.
fn render_sorted(diags: &[Diagnostic], lang: Lang) -> (String, usize, Vec<String>) {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut out = String::new();
    for d in &sorted {
        let _ = d.render(&mut out, Severity::Error, lang);
        out.push('\n');
    }
    let mut files: Vec<&PathBuf> = sorted.iter().map(|d| &d.file).collect();
    files.dedup();
    let files = files.into_iter().map(|f| display_path(f)).collect();
    (out, sorted.len(), files)
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
    /// Writing to `path` was refused (a directory another build wrote, a path outside the
    /// output), before anything changed.
    Refused { path: PathBuf, message: Msg },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            error,
        }
    }

    /// The error in `lang`, as the binary prints it.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Error::Project(diags) => render_report(diags, lang),
            Error::Io { path, error } => format!(
                "{}: {}: {error}\n",
                msg!("label-error").text(lang),
                display_path(path)
            ),
            Error::Refused { path, message } => format!(
                "{}: {}: {}\n",
                msg!("label-error").text(lang),
                display_path(path),
                message.text(lang)
            ),
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
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
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
        let d = Diagnostic::new("data/offices.yaml", Msg::verbatim("unknown field `adress`"))
            .at(src, 2, 1)
            .field("departments[0].adress")
            .hint(Msg::verbatim("did you mean `address`?"));
        let text = d.to_string();
        assert_eq!(
            text,
            "error: unknown field `adress`\n --> data/offices.yaml:2:1\n  |\n2 | adress: x\n  | ^\n  = field: `adress` of the 1st department\n  = help: did you mean `address`?\n"
        );
    }

    #[test]
    fn long_lines_are_shown_around_the_caret() {
        let src = format!("{}x{}\n", "[".repeat(300), "]".repeat(300));
        let text = Diagnostic::new("a.yaml", Msg::verbatim("deep"))
            .at(&src, 1, 301)
            .to_string();
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines[3].trim_start_matches("1 | ");
        let caret = lines[4].trim_start_matches("  | ");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() <= 122);
        assert_eq!(shown.chars().nth(caret.chars().count() - 1), Some('x'));
        let short = Diagnostic::new("a.yaml", Msg::verbatim("x"))
            .at("ab\n", 1, 2)
            .to_string();
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
        let a = Diagnostic::new("a.yaml", Msg::verbatim("x"));
        let b = Diagnostic::new("b.yaml", Msg::verbatim("y"));
        let r = render_report(&[b, a.clone(), a], Lang::En);
        assert!(r.ends_with("error: 2 problems in 2 files; nothing was written\n"));
        assert!(r.find("a.yaml").unwrap() < r.find("b.yaml").unwrap());
    }
}
