//! Template errors as diagnostics: the template file, line and column, and a hint for the
//! mistakes themes make most (an undefined value; a block tag left open, named by its line).

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
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
                    msg!(
                        "tera-unclosed",
                        open = open,
                        line = *line,
                        closing = closing
                    ),
                )
                .hint(msg!("hint-tera-unclosed", open = open)),
                None => Diagnostic::new(
                    file,
                    msg!("tera-error", detail = Msg::verbatim(r.message())),
                ),
            };
            if let Some(src) = src {
                d = d.at(src, span.start_line, span.start_col + 1);
            }
            let msg = r.message();
            if msg.contains("not defined")
                || msg.contains("not found in context")
                || msg.contains("undefined")
            {
                d = d.hint(msg!("hint-tera-undefined"));
            }
            d
        }
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::new(
            theme_dir.join(current),
            msg!("tera-missing-parent", parent = parent),
        ),
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::new(
            theme_dir.join(template.unwrap_or(name)),
            msg!("template-missing", template = name),
        ),
        _ => Diagnostic::new(
            theme_dir.join(template.unwrap_or_default()),
            msg!(
                "tera-error",
                detail = Msg::verbatim(e.to_string().lines().next().unwrap_or_default())
            ),
        ),
    }
}
