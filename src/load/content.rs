//! `content/<lang>/**/*.md`: the pages of the standard, each in every language, with their front
//! matter.

use super::Langs;
use super::files::{diags_of, read_text, walk};
use super::{frontmatter, yaml};
use crate::diagnostics::Diagnostic;
use crate::model::text::derive;
use crate::model::{ContentPage, ContentVersion, Derived, FrontMatter};
use crate::msg;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(super) fn load_content(
    root: &Path,
    languages: &Langs,
    max: u64,
) -> Result<Vec<ContentPage>, Vec<Diagnostic>> {
    let langs = &languages.all;
    let content_dir = root.join("content");
    let mut diags = Vec::new();
    let mut files = Vec::new();
    if !content_dir.is_dir() {
        return Err(vec![Diagnostic::new(
            "content",
            msg!("content-dir-missing"),
        )]);
    }
    walk(root, &content_dir, &mut files, &mut diags);
    let mut pages: BTreeMap<String, BTreeMap<String, ContentVersion>> = BTreeMap::new();
    let loaded: Vec<Result<(String, String, ContentVersion), Vec<Diagnostic>>> = files
        .par_iter()
        .map(|rel| load_page(root, rel, langs, max))
        .collect();
    // Files that exist but could not be loaded: their page is not "missing" in that language.
    let mut failed: std::collections::BTreeSet<PathBuf> = std::collections::BTreeSet::new();
    for (r, rel) in loaded.into_iter().zip(&files) {
        match r {
            Ok((lang, slug, v)) => {
                pages.entry(slug).or_default().insert(lang, v);
            }
            Err(d) => {
                failed.insert(rel.clone());
                diags.extend(d);
            }
        }
    }
    for (slug, versions) in &pages {
        let present: Vec<&String> = versions.keys().collect();
        // A derived language's version is made below when the project does not write one.
        for lang in &languages.written {
            if !versions.contains_key(lang)
                && let Some(any) = versions.values().next()
            {
                let expected = Path::new("content").join(lang).join(
                    any.file
                        .strip_prefix(Path::new("content").join(present[0]))
                        .unwrap_or(&any.file),
                );
                if failed.contains(&expected) {
                    continue;
                }
                diags.push(
                    Diagnostic::new(&any.file, msg!("content-translation-missing", lang = lang))
                        .hint(msg!(
                            "hint-create-file",
                            path = expected.to_string_lossy().replace('\\', "/")
                        )),
                );
            }
        }
        let _ = slug;
    }
    for d in &languages.derived {
        for versions in pages.values_mut() {
            if let Some(own) = versions.get(&d.code) {
                diags.extend(cyrillic_in_own_version(d, own));
                continue;
            }
            if let Some(from) = versions.get(&d.from) {
                match derive_version(d, from) {
                    Ok(v) => {
                        versions.insert(d.code.clone(), v);
                    }
                    Err(e) => diags.push(e),
                }
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(pages
        .into_iter()
        .map(|(slug, versions)| ContentPage { slug, versions })
        .collect())
}

/// The language and slug of a content file from its path (`content/kk/standard.md` → `kk`,
/// `standard`; `index.md` is its directory's page).
fn page_path(rel: &Path, langs: &[String]) -> Result<(String, String), Diagnostic> {
    let inner = rel.strip_prefix("content").unwrap_or(rel);
    let mut comps = inner.components();
    let lang = comps
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .unwrap_or_default();
    let rest: PathBuf = comps.collect();
    if rel.extension().and_then(|e| e.to_str()) != Some("md") {
        return Err(Diagnostic::new(rel, msg!("content-not-markdown"))
            .hint(msg!("hint-content-not-markdown")));
    }
    if !langs.contains(&lang) || rest.as_os_str().is_empty() {
        return Err(
            Diagnostic::new(rel, msg!("content-not-a-language", lang = lang))
                .hint(msg!("hint-languages-are", languages = langs.join(", "))),
        );
    }
    let stem = rest.with_extension("");
    let mut segments: Vec<String> = stem
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if segments.last().map(String::as_str) == Some("index") {
        segments.pop();
    }
    for s in &segments {
        if let Err(why) = crate::routes::check_slug(s) {
            return Err(
                Diagnostic::new(rel, msg!("content-bad-name", name = s, why = why))
                    .hint(msg!("hint-content-bad-name")),
            );
        }
    }
    Ok((lang, segments.join("/")))
}

fn load_page(
    root: &Path,
    rel: &Path,
    langs: &[String],
    max: u64,
) -> Result<(String, String, ContentVersion), Vec<Diagnostic>> {
    let (lang, slug) = page_path(rel, langs).map_err(|d| vec![d])?;
    let src = read_text(root, rel, max).map_err(diags_of)?;
    let split = frontmatter::split(&src.text).map_err(|e| {
        vec![match e {
            frontmatter::SplitError::Missing => Diagnostic::new(rel, msg!("front-missing"))
                .at(&src.text, 1, 1)
                .hint(msg!("hint-front-missing")),
            frontmatter::SplitError::NotClosed => Diagnostic::new(rel, msg!("front-not-closed"))
                .at(&src.text, 1, 1)
                .hint(msg!("hint-front-not-closed")),
        }]
    })?;
    let front = front_matter(rel, &src.text, &split)?;
    Ok((
        lang,
        slug,
        ContentVersion {
            file: rel.to_path_buf(),
            front,
            body: split.body.to_string(),
            source: src.text.clone(),
            body_line: split.body_line,
            derived: None,
        },
    ))
}

/// A derived language's page written by hand (`content/kk-Latn/…`) is held to the rule of the
/// made ones: no Cyrillic letter outside an address. Content has no raw HTML, so no fragment can
/// be marked as another language.
fn cyrillic_in_own_version(d: &Derived, v: &ContentVersion) -> Option<Diagnostic> {
    let (at, letter) = crate::translit::first_untransliterated(&v.source)?;
    let m = crate::msg!(
        "translit-own-cyrillic",
        letter = letter.to_string(),
        word = crate::model::text::word_at(&v.source, at),
        lang = &d.code
    );
    Some(Diagnostic::new(&v.file, m).at_offset(&v.source, at))
}

/// The version of a page in derived language `d`, made from its written version `from`: the
/// front matter's texts transliterated now, the body when it is rendered (plan).
fn derive_version(d: &Derived, from: &ContentVersion) -> Result<ContentVersion, Diagnostic> {
    let f = &from.front;
    let field = |name: &str, value: &str| {
        derive(d, value).map_err(|m| {
            let line = from
                .source
                .lines()
                .position(|l| l.starts_with(&format!("{name}:")))
                .map_or(1, |l| l + 1);
            Diagnostic::new(&from.file, m)
                .at(&from.source, line, 1)
                .field(name)
        })
    };
    let front = FrontMatter {
        title: field("title", &f.title)?,
        description: field("description", &f.description)?,
        nav_title: match &f.nav_title {
            Some(t) => Some(field("nav_title", t)?),
            None => None,
        },
        ..f.clone()
    };
    Ok(ContentVersion {
        front,
        derived: Some(d.scheme),
        ..from.clone()
    })
}

/// The front matter of a content file, with its `title` and `description` required non-empty.
fn front_matter(
    rel: &Path,
    text: &str,
    split: &frontmatter::Split,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    if split.yaml.trim().is_empty() {
        return Err(vec![
            Diagnostic::new(rel, msg!("front-empty"))
                .at(text, 1, 1)
                .hint(msg!("hint-front-empty")),
        ]);
    }
    // Parse the front matter with the right line numbers by padding it to its place in the file.
    let padded = format!("{}{}", "\n".repeat(split.yaml_line - 1), split.yaml);
    let front: FrontMatter = yaml::parse(rel, &padded).map_err(|mut d| {
        if let Some(l) = d.line {
            d.source_line = text.lines().nth(l - 1).map(str::to_string);
        }
        vec![d]
    })?;
    let mut empty = Vec::new();
    for (name, value, why) in [
        ("title", &front.title, msg!("hint-write-title")),
        (
            "description",
            &front.description,
            msg!("hint-write-description"),
        ),
    ] {
        if value.trim().is_empty() {
            // The field's own line in the front matter.
            let line = split
                .yaml
                .lines()
                .position(|l| l.starts_with(&format!("{name}:")));
            empty.push(
                Diagnostic::new(rel, msg!("field-empty", name = name))
                    .at(text, line.map_or(1, |l| l + split.yaml_line), 1)
                    .field(name)
                    .hint(why),
            );
        }
    }
    if empty.is_empty() {
        Ok(front)
    } else {
        Err(empty)
    }
}
