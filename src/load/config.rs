//! `stend.yaml`: the languages first (every other text is checked against them), then the rest,
//! and the as-of date of the build.

use super::Env;
use super::files::{SourceFile, default_max, read_text};
use super::yaml;
use crate::diagnostics::{Diagnostic, Error, Result};
use crate::model::data::At;
use crate::model::date::Date;
use crate::model::text::with_languages;
use crate::model::{Config, Derived, Language};
use crate::msg;
use crate::translit::Scheme;
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
        if !valid_code(code) {
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
    let derived = derived_languages(src, &first.languages, &mut diags);
    if !diags.is_empty() {
        return Err(Error::Project(diags));
    }
    let written: Vec<String> = seen
        .into_iter()
        .filter(|c| !derived.iter().any(|d| &d.code == c))
        .collect();
    let config: Config = with_languages(&written, &derived, || yaml::parse(&src.rel, &src.text))?;
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
        derived,
        ..config
    })
}

/// A BCP 47 tag of the form stend uses: a two- or three-letter lowercase language, optionally
/// followed by a four-letter script (`kk`, `ru`, `kk-Latn`).
fn valid_code(code: &str) -> bool {
    let lang = |s: &str| (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase());
    match code.split_once('-') {
        None => lang(code),
        Some((l, script)) => {
            let b = script.as_bytes();
            lang(l)
                && b.len() == 4
                && b[0].is_ascii_uppercase()
                && b[1..].iter().all(u8::is_ascii_lowercase)
        }
    }
}

/// The languages declared as derived (`derive_from` with `transliteration`), checked: both keys
/// given, the source a written language of the site, the scheme known and made for it.
fn derived_languages(
    src: &SourceFile,
    languages: &[Language],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Derived> {
    let written: Vec<&str> = languages
        .iter()
        .filter(|l| l.derive_from.is_none())
        .map(|l| l.code.value.as_str())
        .collect();
    let mut out = Vec::new();
    for (i, l) in languages.iter().enumerate() {
        let here = |at: &At<String>, field: &str, m| {
            Diagnostic::new(&src.rel, m)
                .at(&src.text, at.line, at.column)
                .field(format!("languages[{i}].{field}"))
        };
        match (&l.derive_from, &l.transliteration) {
            (None, None) => {}
            (Some(from), None) => diags.push(
                here(
                    from,
                    "derive_from",
                    msg!("derived-needs-scheme", code = &l.code.value),
                )
                .hint(schemes_hint()),
            ),
            (None, Some(t)) => diags.push(here(
                t,
                "transliteration",
                msg!("scheme-needs-source", code = &l.code.value),
            )),
            (Some(from), Some(t)) => {
                let Some(scheme) = Scheme::from_name(&t.value) else {
                    diags.push(
                        here(
                            t,
                            "transliteration",
                            msg!("scheme-unknown", name = &t.value),
                        )
                        .hint(schemes_hint()),
                    );
                    continue;
                };
                if !written.contains(&from.value.as_str()) {
                    diags.push(
                        here(
                            from,
                            "derive_from",
                            msg!("derive-from-unknown", from = &from.value),
                        )
                        .hint(msg!("hint-languages-are", languages = written.join(", "))),
                    );
                } else if scheme.source_language() != from.value {
                    diags.push(here(
                        from,
                        "derive_from",
                        msg!(
                            "scheme-wrong-source",
                            name = scheme.name(),
                            source = scheme.source_language(),
                            from = &from.value
                        ),
                    ));
                } else {
                    out.push(Derived {
                        code: l.code.value.clone(),
                        from: from.value.clone(),
                        scheme,
                    });
                }
            }
        }
    }
    out
}

fn schemes_hint() -> crate::i18n::Msg {
    let names: Vec<&str> = Scheme::ALL.iter().map(|s| s.name()).collect();
    msg!("hint-schemes-are", names = names.join(", "))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<Config> {
        parse_config(&SourceFile {
            rel: PathBuf::from("stend.yaml"),
            text: yaml.to_string(),
        })
    }

    const HEAD: &str = "base_url: https://example.kz\ntitle: {kk: т, ru: т}\nlanguages:\n  - {code: kk, name: К, locale: kk_KZ}\n  - {code: ru, name: Р, locale: ru_RU}\n";

    fn errors(extra: &str) -> String {
        match parse(&format!("{HEAD}{extra}")) {
            Ok(_) => String::new(),
            Err(e) => e.text(crate::i18n::Lang::En),
        }
    }

    #[test]
    fn a_derived_language_is_checked_and_its_texts_are_made() {
        let c = parse(&format!(
            "{HEAD}  - {{code: kk-Latn, name: Q, locale: kk_KZ, derive_from: kk, transliteration: kazakh-latin-2021}}\n"
        ))
        .expect("valid");
        assert_eq!(c.derived.len(), 1);
        assert_eq!(
            (c.derived[0].code.as_str(), c.derived[0].from.as_str()),
            ("kk-Latn", "kk")
        );
        assert_eq!(c.title.get("kk-Latn"), "t");
        for (extra, expected) in [
            (
                "  - {code: kk-Latn, name: Q, locale: kk_KZ, derive_from: kk}\n",
                "names no transliteration",
            ),
            (
                "  - {code: kk-Latn, name: Q, locale: kk_KZ, transliteration: kazakh-latin-2021}\n",
                "no `derive_from`",
            ),
            (
                "  - {code: kk-Latn, name: Q, locale: kk_KZ, derive_from: kk, transliteration: x}\n",
                "`x` is not a transliteration",
            ),
            (
                "  - {code: kk-Latn, name: Q, locale: kk_KZ, derive_from: en, transliteration: kazakh-latin-2021}\n",
                "`en` is not a written language",
            ),
            (
                "  - {code: ru-Latn, name: Q, locale: ru_RU, derive_from: ru, transliteration: kazakh-latin-2021}\n",
                "transliterates `kk`, not `ru`",
            ),
            (
                "  - {code: kk-latn, name: Q, locale: kk_KZ}\n",
                "not a language code",
            ),
        ] {
            let e = errors(extra);
            assert!(e.contains(expected), "{extra}: {e}");
        }
    }

    #[test]
    fn language_codes_may_carry_a_script() {
        for ok in ["kk", "ru", "kaz", "kk-Latn", "kk-Cyrl"] {
            assert!(valid_code(ok), "{ok}");
        }
        for bad in [
            "KK",
            "k",
            "kk-latn",
            "kk-LATN",
            "kk-Lat",
            "kk_Latn",
            "kk-Latn-KZ",
            "",
        ] {
            assert!(!valid_code(bad), "{bad}");
        }
    }
}
