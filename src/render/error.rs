//! Template errors as diagnostics: the template file, line and column, and a hint for the
//! mistakes themes make most (an undefined value; a block tag left open, named by its line).

use crate::diagnostics::Diagnostic;
use std::collections::BTreeMap;

/// Turns a Tera error into a diagnostic naming the template file, line and column.
pub(super) fn tera_diagnostic(
    e: &tera::Error,
    theme_dir: &std::path::Path,
    sources: &BTreeMap<String, String>,
    template: Option<&str>,
) -> Diagnostic {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let name = if r.filename().is_empty() {
                template.unwrap_or_default().to_string()
            } else {
                r.filename().to_string()
            };
            let file = theme_dir.join(&name);
            let span = r.span();
            let src = sources.get(&name);
            let unclosed = match (e.kind(), src) {
                (tera::ErrorKind::SyntaxError(_), Some(src)) => {
                    super::unclosed::open_tag_at(src, span.start_line, span.start_col)
                }
                _ => None,
            };
            let mut d = match &unclosed {
                Some((open, line, closing)) => Diagnostic::new(
                    file,
                    format!("the `{{% {open} %}}` on line {line} is not closed before this `{{% {closing} %}}`"),
                )
                .hint(format!("add `{{% end{open} %}}` where the `{open}` ends")),
                None => Diagnostic::new(file, r.message().to_string()),
            };
            if let Some(src) = src {
                d = d.at(src, span.start_line, span.start_col + 1);
            }
            let msg = r.message();
            if msg.contains("not defined")
                || msg.contains("not found in context")
                || msg.contains("undefined")
            {
                d = d.hint("templates may only use values stend provides (see README.md, Themes); use `x?.y` or `x is defined` for optional ones");
            }
            d
        }
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::new(
            theme_dir.join(current),
            format!("extends `{parent}`, which does not exist"),
        ),
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::new(
            theme_dir.join(template.unwrap_or(name)),
            format!("template `{name}` does not exist"),
        ),
        _ => Diagnostic::new(
            theme_dir.join(template.unwrap_or_default()),
            e.to_string().lines().next().unwrap_or_default().to_string(),
        ),
    }
}
