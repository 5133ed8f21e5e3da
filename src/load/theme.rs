//! `themes/<theme>/`: the Tera templates, the UI strings of every language (the same keys in
//! each), and the static files copied as they are.

use super::Langs;
use super::files::{diags_of, read_text, walk};
use super::yaml;
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::text::{derive, refuse_cyrillic};
use crate::model::{Config, Derived, Theme};
use crate::msg;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The UI strings files as read: each language's text (to point at lines), and the languages
/// whose file could not be read or parsed (already reported).
#[derive(Default)]
struct I18nFiles {
    text: BTreeMap<String, String>,
    failed: Vec<String>,
}

pub(super) fn load_theme(
    root: &Path,
    config: &Config,
    languages: &Langs,
    max: u64,
) -> Result<Theme, Vec<Diagnostic>> {
    let langs = &languages.all;
    let rel_dir = Path::new("themes").join(&config.theme);
    let dir = root.join(&rel_dir);
    if !dir.is_dir() {
        return Err(vec![
            Diagnostic::new("stend.yaml", msg!("theme-not-found", theme = &config.theme))
                .field("theme"),
        ]);
    }
    let mut diags = Vec::new();
    let mut files = Vec::new();
    walk(root, &dir, &mut files, &mut diags);
    let mut theme = Theme {
        dir: rel_dir.clone(),
        ..Default::default()
    };
    let tpl_dir = rel_dir.join("templates");
    let i18n_dir = rel_dir.join("i18n");
    let static_dir = rel_dir.join("static");
    let mut i18n = I18nFiles::default();
    for rel in files {
        if let Ok(name) = rel.strip_prefix(&tpl_dir) {
            match read_text(root, &rel, max) {
                Ok(src) => theme.templates.push((slashed(name), src.text)),
                Err(e) => diags.extend(diags_of(e)),
            }
        } else if let Ok(name) = rel.strip_prefix(&i18n_dir) {
            let lang = name.with_extension("").to_string_lossy().to_string();
            if langs.contains(&lang) {
                read_i18n(root, &rel, lang, max, &mut theme, &mut i18n, &mut diags);
            }
        } else if let Ok(name) = rel.strip_prefix(&static_dir) {
            match std::fs::read(root.join(&rel)) {
                Ok(bytes) => theme.static_files.push((slashed(name), bytes)),
                Err(e) => diags.push(Diagnostic::new(
                    &rel,
                    msg!("cannot-read", why = Msg::verbatim(e.to_string())),
                )),
            }
        }
    }
    diags.extend(missing_ui_strings(
        &theme,
        &i18n,
        &i18n_dir,
        &languages.written,
    ));
    if diags.is_empty() {
        for d in &languages.derived {
            derive_ui_strings(&mut theme, &i18n, &i18n_dir, d, &mut diags);
        }
    }
    if theme.templates.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::new(&tpl_dir, msg!("theme-no-templates")));
    }
    if diags.is_empty() {
        Ok(theme)
    } else {
        Err(diags)
    }
}

fn slashed(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Reads one language's UI strings into the theme.
fn read_i18n(
    root: &Path,
    rel: &Path,
    lang: String,
    max: u64,
    theme: &mut Theme,
    i18n: &mut I18nFiles,
    diags: &mut Vec<Diagnostic>,
) {
    match read_text(root, rel, max) {
        Ok(src) => match yaml::parse::<BTreeMap<String, String>>(rel, &src.text) {
            Ok(map) => {
                theme.i18n.insert(lang.clone(), map);
                i18n.text.insert(lang, src.text);
            }
            Err(d) => {
                i18n.failed.push(lang);
                diags.push(d);
            }
        },
        Err(e) => {
            i18n.failed.push(lang);
            diags.extend(diags_of(e));
        }
    }
}

/// The UI strings of derived language `d`: those of the language it is derived from,
/// transliterated, except the ones its own file (`i18n/<code>.yaml`, optional) gives.
fn derive_ui_strings(
    theme: &mut Theme,
    i18n: &I18nFiles,
    i18n_dir: &Path,
    d: &Derived,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(from) = theme.i18n.get(&d.from).cloned() else {
        return;
    };
    let from_rel = i18n_dir.join(format!("{}.yaml", d.from));
    let own_rel = i18n_dir.join(format!("{}.yaml", d.code));
    let from_text = i18n.text.get(&d.from).map_or("", String::as_str);
    let own_text = i18n.text.get(&d.code).map_or("", String::as_str);
    let own = theme.i18n.remove(&d.code).unwrap_or_default();
    let at = |rel: &Path, text: &str, key: &str, m: Msg| {
        let d = Diagnostic::new(rel, m).field(key.to_string());
        match key_line(text, key) {
            Some(l) => d.at(text, l, 1),
            None => d,
        }
    };
    for key in own.keys().filter(|k| !from.contains_key(*k)) {
        diags.push(
            at(
                &own_rel,
                own_text,
                key,
                msg!("ui-string-unknown", key = key),
            )
            .hint(msg!(
                "hint-ui-string-unknown",
                file = from_rel.display().to_string()
            )),
        );
    }
    let mut out = BTreeMap::new();
    for (key, value) in from {
        let made = match own.get(&key) {
            Some(given) => refuse_cyrillic(d, given)
                .map(|()| given.clone())
                .map_err(|m| at(&own_rel, own_text, &key, m)),
            None => derive(d, &value).map_err(|m| at(&from_rel, from_text, &key, m)),
        };
        match made {
            Ok(v) => {
                out.insert(key, v);
            }
            Err(e) => diags.push(e),
        }
    }
    theme.i18n.insert(d.code.clone(), out);
}

/// Every language must have every UI string some language has.
fn missing_ui_strings(
    theme: &Theme,
    i18n: &I18nFiles,
    i18n_dir: &Path,
    langs: &[String],
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let all_keys: BTreeSet<&String> = theme
        .i18n
        .iter()
        .filter(|(l, _)| langs.contains(l))
        .flat_map(|(_, m)| m.keys())
        .collect();
    for lang in langs {
        let rel = i18n_dir.join(format!("{lang}.yaml"));
        match theme.i18n.get(lang) {
            None if i18n.failed.contains(lang) => {}
            None => diags.push(
                Diagnostic::new(&rel, msg!("ui-strings-missing", lang = lang))
                    .hint(msg!("hint-ui-strings-missing")),
            ),
            Some(map) => {
                for key in all_keys.iter().filter(|k| !map.contains_key(**k)) {
                    diags.push(missing_key(theme, i18n, i18n_dir, lang, &rel, key));
                }
            }
        }
    }
    diags
}

/// The diagnostic for UI string `key` missing from `lang`'s file: it points at the key that
/// precedes it in a file that has it, which is where the translation belongs.
fn missing_key(
    theme: &Theme,
    i18n: &I18nFiles,
    i18n_dir: &Path,
    lang: &str,
    rel: &PathBuf,
    key: &str,
) -> Diagnostic {
    let map = &theme.i18n[lang];
    let other = theme
        .i18n
        .iter()
        .find(|(_, m)| m.contains_key(key))
        .map(|(l, _)| l.clone())
        .unwrap_or_default();
    let other_rel = i18n_dir.join(format!("{other}.yaml"));
    let other_text = i18n.text.get(&other).map(String::as_str).unwrap_or("");
    let here = i18n.text.get(lang).map(String::as_str).unwrap_or("");
    let d = Diagnostic::new(rel, msg!("ui-string-missing", key = key)).field(key.to_string());
    let other_line = key_line(other_text, key);
    let before = other_line.and_then(|ol| {
        keys_in_order(other_text)
            .into_iter()
            .filter(|(l, k)| *l < ol && map.contains_key(k))
            .filter_map(|(_, k)| key_line(here, &k).map(|l| (l, k)))
            .next_back()
    });
    let at = match other_line {
        Some(l) => format!("{}:{l}", other_rel.display()),
        None => other_rel.display().to_string(),
    };
    match &before {
        Some((line, prev)) => {
            d.at(here, *line, 1)
                .hint(msg!("hint-ui-string-after", at = at, prev = prev))
        }
        None => d.hint(msg!("hint-ui-string-here", at = at)),
    }
}

/// The 1-based line where the top-level `key` of a flat YAML mapping is written.
fn key_line(text: &str, key: &str) -> Option<usize> {
    keys_in_order(text)
        .into_iter()
        .find(|(_, k)| k == key)
        .map(|(l, _)| l)
}

/// The top-level keys of a flat YAML mapping with their 1-based lines, in file order.
fn keys_in_order(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with([' ', '\t', '#', '-']))
        .filter_map(|(i, l)| {
            let (k, _) = l.split_once(':')?;
            let k = k.trim().trim_matches(['"', '\'']);
            (!k.is_empty()).then(|| (i + 1, k.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_in_flat_yaml() {
        let t = "# c\na: 1\n\"b\": 2\n  c: 3\n";
        assert_eq!(key_line(t, "a"), Some(2));
        assert_eq!(key_line(t, "b"), Some(3));
        assert_eq!(key_line(t, "c"), None);
    }
}
