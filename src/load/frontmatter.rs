//! Splitting a Markdown file into its YAML front matter and its body.

/// The parts of a content file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// YAML between the `---` lines.
    pub yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    /// Markdown after the closing `---`.
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

/// Why a file could not be split.
#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` has no closing `---`.
    NotClosed,
}

/// Splits `text` (line endings already normalised to `\n`, BOM removed).
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let rest = match text.strip_prefix("---") {
        Some(r) if r.starts_with('\n') || r.trim_end_matches([' ', '\t']).is_empty() => r,
        Some(r) if r.trim_start_matches([' ', '\t']).starts_with('\n') => r,
        _ => return Err(SplitError::Missing),
    };
    let after_open = match rest.find('\n') {
        Some(i) => &rest[i + 1..],
        None => return Err(SplitError::NotClosed),
    };
    let yaml_start = text.len() - after_open.len();
    let mut offset = yaml_start;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n').trim_end_matches([' ', '\t']);
        if bare == "---" {
            let yaml = &text[yaml_start..offset];
            let body_start = offset + line.len();
            let body = &text[body_start..];
            let yaml_line = 2;
            let body_line = text[..body_start].matches('\n').count() + 1;
            return Ok(Split {
                yaml,
                yaml_line,
                body,
                body_line,
            });
        }
        offset += line.len();
    }
    Err(SplitError::NotClosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body() {
        let s = split("---\ntitle: x\n---\n# Body\n").unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn empty_body_and_trailing_spaces() {
        let s = split("--- \ntitle: x\n---  ").unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "");
    }

    #[test]
    fn unclosed_and_missing() {
        assert_eq!(split("---\ntitle: x\n"), Err(SplitError::NotClosed));
        assert_eq!(split("title: x\n"), Err(SplitError::Missing));
        assert_eq!(split("----\n"), Err(SplitError::Missing));
        assert_eq!(split("---"), Err(SplitError::NotClosed));
    }

    #[test]
    fn a_rule_inside_the_body_is_not_the_end() {
        let s = split("---\na: 1\n---\ntext\n---\nmore\n").unwrap();
        assert_eq!(s.body, "text\n---\nmore\n");
    }
}
