//! `stend.yaml`: the languages first (every other text is checked against them), then the rest,
//! and the as-of date of the build.

use super::Env;
use super::files::{SourceFile, default_max, read_text};
use super::yaml;
use crate::diagnostics::{Diagnostic, Error, Result};
use crate::model::date::Date;
use crate::model::text::with_languages;
use crate::model::{Config, Language};
use crate::msg;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Reads and checks `stend.yaml` alone (for commands that need only the configuration).
pub fn load_config(root: &Path) -> Result<Config> {
    parse_config(&read_config(root)?)
}

/// The text of `stend.yaml`, or the diagnostic for a directory that is not a project.
pub(super) fn read_config(root: &Path) -> Result<SourceFile> {
    let rel = PathBuf::from("stend.yaml");
    if !root.join(&rel).is_file() {
        return Err(
            Diagnostic::new(&rel, msg!("no-config", dir = root.display().to_string()))
                .hint(msg!("hint-no-config"))
                .into(),
        );
    }
    read_text(root, &rel, default_max())
}

pub(super) fn parse_config(src: &SourceFile) -> Result<Config> {
    // Languages first: every other human-readable value is checked against them.
    #[derive(Deserialize)]
    struct LanguagesOnly {
        languages: Vec<Language>,
    }
    let first: LanguagesOnly = yaml::parse(&src.rel, &src.text)?;
    let mut diags = Vec::new();
    let mut seen = Vec::new();
    if first.languages.is_empty() {
        diags.push(
            Diagnostic::new(&src.rel, msg!("field-empty", name = "languages"))
                .field("languages")
                .hint(msg!("hint-languages-empty")),
        );
    }
    for (i, l) in first.languages.iter().enumerate() {
        let code = &l.code.value;
        let valid = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !valid {
            diags.push(
                Diagnostic::new(&src.rel, msg!("not-a-language-code", code = code))
                    .at(&src.text, l.code.line, l.code.column)
                    .field(format!("languages[{i}].code"))
                    .hint(msg!("hint-language-code")),
            );
        }
        if seen.contains(code) {
            diags.push(
                Diagnostic::new(&src.rel, msg!("language-twice", code = code))
                    .at(&src.text, l.code.line, l.code.column)
                    .field(format!("languages[{i}].code")),
            );
        }
        seen.push(code.clone());
    }
    if !diags.is_empty() {
        return Err(Error::Project(diags));
    }
    let config: Config = with_languages(&seen, || yaml::parse(&src.rel, &src.text))?;
    let base = config.base_url.trim_end_matches('/');
    if !(base.starts_with("https://") || base.starts_with("http://")) || base.contains(' ') {
        let line = src
            .text
            .lines()
            .position(|l| l.starts_with("base_url"))
            .unwrap_or(0)
            + 1;
        return Err(Diagnostic::new(&src.rel, msg!("base-url-not-absolute"))
            .at(&src.text, line, 1)
            .field("base_url")
            .into());
    }
    Ok(Config {
        base_url: base.to_string(),
        ..config
    })
}

pub(super) fn as_of_date(
    config: &Config,
    src: &SourceFile,
    env: &Env,
) -> std::result::Result<Date, Diagnostic> {
    if let Some(at) = &config.as_of {
        return Date::parse(&at.value).ok_or_else(|| {
            Diagnostic::new(&src.rel, msg!("not-a-date", value = &at.value))
                .at(&src.text, at.line, at.column)
                .field("as_of")
                .hint(msg!("hint-date-format"))
        });
    }
    if let Some(epoch) = &env.source_date_epoch {
        return epoch
            .trim()
            .parse::<i64>()
            .map(Date::from_unix)
            .map_err(|_| {
                Diagnostic::new(
                    "SOURCE_DATE_EPOCH",
                    msg!("epoch-not-a-number", value = epoch),
                )
            });
    }
    Ok(Date::from_unix(env.now))
}
