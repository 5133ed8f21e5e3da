//! Indentation slips in hand-edited YAML: a key indented one space off from its siblings.
//!
//! YAML reads which mapping a key belongs to from its indentation alone, so a slip of one
//! space changes the structure, and the parser's complaint («the `ru` translation is missing»,
//! pointing at the `kk:` above) names a consequence, not the mistake. When a data file does not
//! parse, [`slip`] looks for the mistake itself: a line indented to no level that is open at that
//! point (between its siblings' indentation and its parent's), or a key indented under a key
//! that already has a value. The loader then reports that, with both lines.

use crate::diagnostics::Diagnostic;
use crate::msg;

/// The diagnostic for a key indented unlike its siblings, when there is one at or just after
/// where the parser stopped: that slip, not what the parser made of it, is the mistake.
pub fn diagnose(d: Diagnostic, source: &str) -> Diagnostic {
    let Some(s) = slip(source) else {
        return d;
    };
    if d.line.is_some_and(|l| s.line > l + 2) {
        return d;
    }
    let message = if s.under_value {
        msg!(
            "yaml-indent-under-value",
            key = &s.key,
            sibling = &s.sibling_key,
            line = s.sibling_line
        )
    } else {
        msg!(
            "yaml-indent-slip",
            key = &s.key,
            indent = s.indent,
            sibling = &s.sibling_key,
            line = s.sibling_line,
            sibling_indent = s.sibling_indent
        )
    };
    let mut slip = Diagnostic::new(d.file.clone(), message)
        .at(source, s.line, s.indent + 1)
        .also(source, s.sibling_line)
        .hint(msg!(
            "hint-yaml-indent",
            sibling = &s.sibling_key,
            line = s.sibling_line
        ));
    // The steps the parser could not name (`?`, a mapping key) say nothing here.
    slip.field = d.field.map(|f| f.replace(".?", "")).filter(|f| f != "?");
    slip
}

/// A line indented unlike its siblings: where it is and where the sibling it should line up
/// with is (1-based lines; indentation in spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub line: usize,
    pub indent: usize,
    pub key: String,
    pub sibling_line: usize,
    pub sibling_indent: usize,
    pub sibling_key: String,
    /// The line is deeper than a key that already has a value (rather than between levels).
    pub under_value: bool,
}

/// One open block level: its indentation and the last line written at it.
#[derive(Clone, Copy)]
struct Level {
    indent: usize,
    line: usize,
}

/// The first indentation slip in `source`, if any.
pub fn slip(source: &str) -> Option<Slip> {
    let lines: Vec<&str> = source.lines().collect();
    let mut open: Vec<Level> = Vec::new();
    // Content of a block scalar (`|`, `>`) is text, whatever its indentation.
    let mut scalar_above: Option<usize> = None;
    let mut previous: Option<(usize, usize)> = None; // (line index, indent) of the last content line
    for (i, raw) in lines.iter().enumerate() {
        let text = raw.trim_end_matches('\r');
        let indent = text.len() - text.trim_start_matches(' ').len();
        let rest = text[indent..].trim_end();
        if rest.is_empty() || rest.starts_with('#') || rest == "---" || rest.starts_with('\t') {
            continue;
        }
        if let Some(at) = scalar_above {
            if indent > at {
                continue;
            }
            scalar_above = None;
        }
        let mut popped: Option<Level> = None;
        while let Some(top) = open.last().copied().filter(|l| l.indent > indent) {
            popped = Some(top);
            open.pop();
        }
        match open.last_mut() {
            Some(top) if top.indent == indent => top.line = i,
            parent => {
                if let Some(deeper) = popped {
                    // A dedent to no open level: between `parent` and the level just closed.
                    let sibling = match parent {
                        Some(p) if indent - p.indent < deeper.indent - indent => *p,
                        _ => deeper,
                    };
                    return Some(found(&lines, i, indent, sibling, false));
                }
                if let Some((p, p_indent)) = previous
                    && key_of(lines[p].trim_start()).is_some_and(|(_, v)| has_value(v))
                    && key_of(rest).is_some()
                    && !lines[p].trim_start().starts_with("- ")
                {
                    // Deeper than the line above, which is `key: value`: not a nested mapping.
                    let sibling = Level {
                        indent: p_indent,
                        line: p,
                    };
                    return Some(found(&lines, i, indent, sibling, true));
                }
                open.push(Level { indent, line: i });
            }
        }
        // The mapping inside a list item (`- key: value`) continues two columns in.
        if let Some(item) = rest.strip_prefix("- ")
            && key_of(item).is_some()
        {
            open.push(Level {
                indent: indent + 2,
                line: i,
            });
        }
        let value = key_of(rest.trim_start_matches("- ")).map(|(_, v)| v);
        if value.is_some_and(|v| v.starts_with(['|', '>'])) {
            scalar_above = Some(indent);
        }
        previous = Some((i, indent));
    }
    None
}

fn found(lines: &[&str], i: usize, indent: usize, sibling: Level, under_value: bool) -> Slip {
    let name = |l: usize| {
        let t = lines[l].trim_start().trim_start_matches("- ");
        key_of(t).map_or_else(|| t.chars().take(20).collect(), |(k, _)| k.to_string())
    };
    Slip {
        line: i + 1,
        indent,
        key: name(i),
        sibling_line: sibling.line + 1,
        sibling_indent: lines[sibling.line].len()
            - lines[sibling.line].trim_start_matches(' ').len()
            + if lines[sibling.line].trim_start().starts_with("- ") && sibling.indent > indent {
                2
            } else {
                0
            },
        sibling_key: name(sibling.line),
        under_value,
    }
}

/// `key: value` → (`key`, `value`); `key:` → (`key`, ``). Keys are plain words or quoted.
fn key_of(s: &str) -> Option<(&str, &str)> {
    let (k, v) = s.split_once(':')?;
    let k = k.trim_matches(['"', '\'']);
    let plain = !k.is_empty()
        && k.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '));
    (plain && (v.is_empty() || v.starts_with(' '))).then(|| (k, v.trim()))
}

/// Whether a mapping value is written on its key's line (not a block opening, not a comment).
fn has_value(v: &str) -> bool {
    !v.is_empty() && !v.starts_with('#') && !v.starts_with(['|', '>', '&'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dedent_to_no_level_is_a_slip_between_siblings() {
        let src = "departments:\n  - slug: astana\n    name:\n      kk: \"А\"\n     ru: \"Б\"\n";
        let s = slip(src).expect("slip");
        assert_eq!((s.line, s.indent, s.key.as_str()), (5, 5, "ru"));
        assert_eq!(
            (s.sibling_line, s.sibling_indent, s.sibling_key.as_str()),
            (4, 6, "kk")
        );
        assert!(!s.under_value);
    }

    #[test]
    fn a_key_deeper_than_a_valued_sibling_is_a_slip() {
        let src = "name:\n  kk: \"А\"\n   ru: \"Б\"\n";
        let s = slip(src).expect("slip");
        assert_eq!((s.line, s.key.as_str(), s.sibling_line), (3, "ru", 2));
        assert!(s.under_value);
    }

    #[test]
    fn well_indented_files_have_none() {
        for src in [
            "a:\n  b: 1\n  c:\n    - d: 1\n      e: 2\n    - d: 3\nf: x\n",
            "text: |\n  line one\n     indented text\n  line: two\nnext: 1\n",
            "list:\n- a\n- b\nmap:\n  k: v\n",
            "# comment\n  # indented comment\nk: v\n",
        ] {
            assert_eq!(slip(src), None, "{src}");
        }
    }
}
