//! Load: read `stend.yaml`, `data/`, `content/` and the theme from disk into a [`Site`].
//!
//! This is the only stage that touches the project's files. It reads every file once, collects
//! every problem it finds (it does not stop at the first), and hands a typed model to
//! validation.

pub mod frontmatter;
pub mod yaml;

use crate::diagnostics::{Diagnostic, Error, Result};
use crate::model::data::*;
use crate::model::date::Date;
use crate::model::text::with_languages;
use crate::model::*;
use rayon::prelude::*;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the build takes from its environment, passed in so the library stays pure and testable.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `SOURCE_DATE_EPOCH`, if set.
    pub source_date_epoch: Option<String>,
    /// Current Unix time in seconds, used only when neither `as_of` nor `SOURCE_DATE_EPOCH` is set.
    pub now: i64,
}

impl Env {
    /// Reads the process environment and the clock.
    pub fn from_process() -> Env {
        Env {
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH").ok(),
            now: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0),
        }
    }
}

/// The names of the data files, in the order they are documented.
pub const DATA_FILES: [&str; 9] = [
    "offices",
    "service",
    "documents",
    "refusals",
    "hours",
    "fee",
    "complaints",
    "quality",
    "forms",
];

/// A text file read from the project: path relative to the root, and its normalised text.
struct SourceFile {
    rel: PathBuf,
    text: String,
}

/// Reads and checks `stend.yaml` alone (for commands that need only the configuration).
pub fn load_config(root: &Path) -> Result<Config> {
    let rel = PathBuf::from("stend.yaml");
    if !root.join(&rel).is_file() {
        return Err(
            Diagnostic::new(&rel, format!("no stend.yaml in `{}`", root.display()))
                .hint("run stend in the project directory, or pass --root DIR")
                .into(),
        );
    }
    parse_config(&read_text(root, &rel, default_max())?)
}

/// Loads the project at `root`.
pub fn load(root: &Path, env: &Env) -> Result<Site> {
    let config_rel = PathBuf::from("stend.yaml");
    let config_path = root.join(&config_rel);
    if !config_path.is_file() {
        return Err(Diagnostic::new(
            &config_rel,
            format!("no stend.yaml in `{}`", root.display()),
        )
        .hint("run stend in the project directory, or pass --root DIR")
        .into());
    }
    let config_src = read_text(root, &config_rel, default_max())?;
    let config = parse_config(&config_src)?;
    let langs: Vec<String> = config
        .languages
        .iter()
        .map(|l| l.code.value.clone())
        .collect();
    let max = config.max_file_bytes;

    let mut diags = Vec::new();
    let as_of = match as_of_date(&config, &config_src, env) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d);
            Date::from_unix(0)
        }
    };

    // Data files, content and theme are independent: read and parse them in parallel.
    let mut sources = BTreeMap::new();
    let (data, (pages, theme)) = rayon::join(
        || load_data(root, &langs, max, &mut sources),
        || {
            rayon::join(
                || load_content(root, &langs, max),
                || load_theme(root, &config, &langs, max),
            )
        },
    );
    let data = data.map_err(|d| diags.extend(d)).ok();
    let pages = pages.map_err(|d| diags.extend(d)).ok();
    let theme = theme.map_err(|d| diags.extend(d)).ok();
    sources.insert(config_rel, config_src.text);
    match (data, pages, theme) {
        (Some(data), Some(pages), Some(theme)) if diags.is_empty() => Ok(Site {
            config,
            as_of,
            data,
            pages,
            theme,
            sources,
        }),
        _ => Err(Error::Project(diags)),
    }
}

fn default_max() -> u64 {
    16 * 1024 * 1024
}

fn parse_config(src: &SourceFile) -> Result<Config> {
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
            Diagnostic::new(&src.rel, "`languages` is empty")
                .field("languages")
                .hint("list at least one language, the default first"),
        );
    }
    for (i, l) in first.languages.iter().enumerate() {
        let code = &l.code.value;
        let valid = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !valid {
            diags.push(
                Diagnostic::new(&src.rel, format!("`{code}` is not a language code"))
                    .at(&src.text, l.code.line, l.code.column)
                    .field(format!("languages[{i}].code"))
                    .hint("use a two- or three-letter lowercase ISO 639 code such as `kk` or `ru`"),
            );
        }
        if seen.contains(code) {
            diags.push(
                Diagnostic::new(&src.rel, format!("language `{code}` is listed twice"))
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
        return Err(
            Diagnostic::new(&src.rel, "`base_url` must be an absolute http(s) URL")
                .at(&src.text, line, 1)
                .field("base_url")
                .into(),
        );
    }
    Ok(Config {
        base_url: base.to_string(),
        ..config
    })
}

fn as_of_date(
    config: &Config,
    src: &SourceFile,
    env: &Env,
) -> std::result::Result<Date, Diagnostic> {
    if let Some(at) = &config.as_of {
        return Date::parse(&at.value).ok_or_else(|| {
            Diagnostic::new(&src.rel, format!("`{}` is not a date", at.value))
                .at(&src.text, at.line, at.column)
                .field("as_of")
                .hint("write the date as YYYY-MM-DD")
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
                    format!("SOURCE_DATE_EPOCH=`{epoch}` is not a number of seconds"),
                )
            });
    }
    Ok(Date::from_unix(env.now))
}

fn load_data(
    root: &Path,
    langs: &[String],
    max: u64,
    sources: &mut BTreeMap<PathBuf, String>,
) -> std::result::Result<Data, Vec<Diagnostic>> {
    type Parsed<T> = Option<std::result::Result<(T, SourceFile), Vec<Diagnostic>>>;
    fn one<T: DeserializeOwned>(
        root: &Path,
        name: &str,
        langs: &[String],
        max: u64,
    ) -> std::result::Result<(T, SourceFile), Vec<Diagnostic>> {
        let rel = Path::new("data").join(format!("{name}.yaml"));
        let src = read_text(root, &rel, max).map_err(diags_of)?;
        let value = with_languages(langs, || yaml::parse(&rel, &src.text)).map_err(|d| vec![d])?;
        Ok((value, src))
    }
    let (mut offices, mut service, mut documents): (
        Parsed<Offices>,
        Parsed<Service>,
        Parsed<Documents>,
    ) = (None, None, None);
    let (mut refusals, mut hours, mut fee): (Parsed<Refusals>, Parsed<Hours>, Parsed<Fee>) =
        (None, None, None);
    let (mut complaints, mut quality, mut forms): (
        Parsed<Complaints>,
        Parsed<Quality>,
        Parsed<Forms>,
    ) = (None, None, None);
    // The files are independent; the office directory dominates, so parse them side by side.
    rayon::scope(|s| {
        s.spawn(|_| offices = Some(one(root, DATA_FILES[0], langs, max)));
        s.spawn(|_| service = Some(one(root, DATA_FILES[1], langs, max)));
        s.spawn(|_| documents = Some(one(root, DATA_FILES[2], langs, max)));
        s.spawn(|_| refusals = Some(one(root, DATA_FILES[3], langs, max)));
        s.spawn(|_| hours = Some(one(root, DATA_FILES[4], langs, max)));
        s.spawn(|_| fee = Some(one(root, DATA_FILES[5], langs, max)));
        s.spawn(|_| complaints = Some(one(root, DATA_FILES[6], langs, max)));
        s.spawn(|_| quality = Some(one(root, DATA_FILES[7], langs, max)));
        s.spawn(|_| forms = Some(one(root, DATA_FILES[8], langs, max)));
    });
    let mut diags = Vec::new();
    fn take<T>(
        p: Parsed<T>,
        diags: &mut Vec<Diagnostic>,
        sources: &mut BTreeMap<PathBuf, String>,
    ) -> Option<T> {
        match p? {
            Ok((v, src)) => {
                sources.insert(src.rel, src.text);
                Some(v)
            }
            Err(d) => {
                diags.extend(d);
                None
            }
        }
    }
    let data = (
        take(offices, &mut diags, sources),
        take(service, &mut diags, sources),
        take(documents, &mut diags, sources),
        take(refusals, &mut diags, sources),
        take(hours, &mut diags, sources),
        take(fee, &mut diags, sources),
        take(complaints, &mut diags, sources),
        take(quality, &mut diags, sources),
        take(forms, &mut diags, sources),
    );
    match data {
        (
            Some(offices),
            Some(service),
            Some(documents),
            Some(refusals),
            Some(hours),
            Some(fee),
            Some(complaints),
            Some(quality),
            Some(forms),
        ) if diags.is_empty() => Ok(Data {
            offices,
            service,
            documents,
            refusals,
            hours,
            fee,
            complaints,
            quality,
            forms,
        }),
        _ => Err(diags),
    }
}

fn diags_of(e: Error) -> Vec<Diagnostic> {
    match e {
        Error::Project(d) => d,
        Error::Io { path, error } => vec![Diagnostic::new(path, format!("cannot read: {error}"))],
    }
}

fn load_content(
    root: &Path,
    langs: &[String],
    max: u64,
) -> std::result::Result<Vec<ContentPage>, Vec<Diagnostic>> {
    let content_dir = root.join("content");
    let mut diags = Vec::new();
    let mut files = Vec::new();
    if !content_dir.is_dir() {
        return Err(vec![Diagnostic::new(
            "content",
            "the content/ directory is missing",
        )]);
    }
    walk(root, &content_dir, &mut files, &mut diags);
    let mut pages: BTreeMap<String, BTreeMap<String, ContentVersion>> = BTreeMap::new();
    let loaded: Vec<std::result::Result<(String, String, ContentVersion), Vec<Diagnostic>>> = files
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
        for lang in langs {
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
                    Diagnostic::new(
                        &any.file,
                        format!("the `{lang}` translation of this page is missing"),
                    )
                    .hint(format!("create {}", expected.display())),
                );
            }
        }
        let _ = slug;
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(pages
        .into_iter()
        .map(|(slug, versions)| ContentPage { slug, versions })
        .collect())
}

/// Lists files under `dir` (sorted, so the build does not depend on directory order), refusing
/// symbolic links that lead outside the project.
fn walk(root: &Path, dir: &Path, files: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(false)
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e
                    .path()
                    .map(|p| rel_to(root, p))
                    .unwrap_or_else(|| rel_to(root, dir));
                diags.push(Diagnostic::new(p, format!("cannot read: {e}")));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') && entry.depth() > 0 {
            continue;
        }
        let rel = rel_to(root, entry.path());
        if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) => {
                    if target.is_file() {
                        files.push(rel);
                    } else {
                        diags.push(
                            Diagnostic::new(rel, "symbolic links to directories are not followed")
                                .hint("copy the files into the project instead"),
                        );
                    }
                }
                Ok(_) => {
                    let written = std::fs::read_link(entry.path())
                        .map(|t| t.display().to_string())
                        .unwrap_or_default();
                    diags.push(
                        Diagnostic::new(
                            rel,
                            format!("symbolic link to `{written}` leads outside the project"),
                        )
                        .hint(
                            "stend reads only files inside the project; copy the file in instead",
                        ),
                    )
                }
                Err(_) => {
                    let written = std::fs::read_link(entry.path())
                        .map(|t| t.display().to_string())
                        .unwrap_or_default();
                    diags.push(
                        Diagnostic::new(rel, format!("symbolic link to `{written}` leads nowhere"))
                            .hint("remove the link, or copy the file it meant into the project"),
                    )
                }
            }
            continue;
        }
        if entry.file_type().is_file() {
            files.push(rel);
        }
    }
}

fn rel_to(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

fn load_page(
    root: &Path,
    rel: &Path,
    langs: &[String],
    max: u64,
) -> std::result::Result<(String, String, ContentVersion), Vec<Diagnostic>> {
    let inner = rel.strip_prefix("content").unwrap_or(rel);
    let mut comps = inner.components();
    let lang = comps
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .unwrap_or_default();
    let rest: PathBuf = comps.collect();
    if rel.extension().and_then(|e| e.to_str()) != Some("md") {
        return Err(vec![
            Diagnostic::new(rel, "only Markdown files (.md) belong in content/")
                .hint("put images and other files in the theme's static/ directory"),
        ]);
    }
    if !langs.contains(&lang) || rest.as_os_str().is_empty() {
        return Err(vec![Diagnostic::new(
            rel,
            format!("content files live in content/<language>/, and `{lang}` is not a language of this site"),
        )
        .hint(format!("the languages are: {}", langs.join(", ")))]);
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
            return Err(vec![
                Diagnostic::new(rel, format!("`{s}` cannot be part of a URL: {why}"))
                    .hint("name content files with lowercase ASCII letters, digits and hyphens"),
            ]);
        }
    }
    let slug = segments.join("/");
    let src = read_text(root, rel, max).map_err(diags_of)?;
    let split = frontmatter::split(&src.text).map_err(|e| {
        vec![match e {
            frontmatter::SplitError::Missing => Diagnostic::new(rel, "the file does not start with front matter")
                .at(&src.text, 1, 1)
                .hint("start the file with a line `---`, the YAML fields (title, description, …), and another `---`"),
            frontmatter::SplitError::NotClosed => Diagnostic::new(rel, "the front matter is not closed")
                .at(&src.text, 1, 1)
                .hint("add a line `---` after the last front matter field"),
        }]
    })?;
    // Parse the front matter with the right line numbers by padding it to its place in the file.
    let padded = format!("{}{}", "\n".repeat(split.yaml_line - 1), split.yaml);
    let front: FrontMatter = if split.yaml.trim().is_empty() {
        return Err(vec![
            Diagnostic::new(rel, "the front matter is empty")
                .at(&src.text, 1, 1)
                .hint("give at least `title` and `description`"),
        ]);
    } else {
        yaml::parse(rel, &padded).map_err(|d| {
            let mut d = d;
            if d.line.is_some() {
                d.source_line = d
                    .line
                    .and_then(|l| src.text.lines().nth(l - 1))
                    .map(str::to_string);
            }
            vec![d]
        })?
    };
    let mut empty = Vec::new();
    for (name, value, why) in [
        (
            "title",
            &front.title,
            "the page's heading and the browser tab's title",
        ),
        (
            "description",
            &front.description,
            "the page's summary for search engines and link previews",
        ),
    ] {
        if value.trim().is_empty() {
            // The field's own line in the front matter.
            let line = split
                .yaml
                .lines()
                .position(|l| l.starts_with(&format!("{name}:")));
            empty.push(
                Diagnostic::new(rel, format!("`{name}` is empty"))
                    .at(&src.text, line.map_or(1, |l| l + split.yaml_line), 1)
                    .field(name)
                    .hint(format!("write {why}")),
            );
        }
    }
    if !empty.is_empty() {
        return Err(empty);
    }
    let body = split.body.to_string();
    let body_line = split.body_line;
    Ok((
        lang,
        slug,
        ContentVersion {
            file: rel.to_path_buf(),
            front,
            body,
            source: src.text.clone(),
            body_line,
        },
    ))
}

fn load_theme(
    root: &Path,
    config: &Config,
    langs: &[String],
    max: u64,
) -> std::result::Result<Theme, Vec<Diagnostic>> {
    let rel_dir = Path::new("themes").join(&config.theme);
    let dir = root.join(&rel_dir);
    if !dir.is_dir() {
        return Err(vec![
            Diagnostic::new(
                "stend.yaml",
                format!("theme `{}` not found in themes/", config.theme),
            )
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
    // The text of each language's UI strings, to point at lines; languages whose file is broken.
    let mut i18n_text: BTreeMap<String, String> = BTreeMap::new();
    let mut i18n_failed: Vec<String> = Vec::new();
    for rel in files {
        if let Ok(name) = rel.strip_prefix(&tpl_dir) {
            match read_text(root, &rel, max) {
                Ok(src) => theme
                    .templates
                    .push((name.to_string_lossy().replace('\\', "/"), src.text)),
                Err(e) => diags.extend(diags_of(e)),
            }
        } else if let Ok(name) = rel.strip_prefix(&i18n_dir) {
            let lang = name.with_extension("").to_string_lossy().to_string();
            if !langs.contains(&lang) {
                continue;
            }
            match read_text(root, &rel, max) {
                Ok(src) => match yaml::parse::<BTreeMap<String, String>>(&rel, &src.text) {
                    Ok(map) => {
                        theme.i18n.insert(lang.clone(), map);
                        i18n_text.insert(lang, src.text);
                    }
                    Err(d) => {
                        i18n_failed.push(lang);
                        diags.push(d);
                    }
                },
                Err(e) => {
                    i18n_failed.push(lang);
                    diags.extend(diags_of(e));
                }
            }
        } else if let Ok(name) = rel.strip_prefix(&static_dir) {
            match std::fs::read(root.join(&rel)) {
                Ok(bytes) => theme
                    .static_files
                    .push((name.to_string_lossy().replace('\\', "/"), bytes)),
                Err(e) => diags.push(Diagnostic::new(&rel, format!("cannot read: {e}"))),
            }
        }
    }
    // UI strings: every language has the same keys.
    let all_keys: std::collections::BTreeSet<&String> =
        theme.i18n.values().flat_map(|m| m.keys()).collect();
    for lang in langs {
        let rel = i18n_dir.join(format!("{lang}.yaml"));
        match theme.i18n.get(lang) {
            None if i18n_failed.contains(lang) => {}
            None => diags.push(
                Diagnostic::new(&rel, format!("the UI strings for `{lang}` are missing"))
                    .hint("copy another language's file and translate it"),
            ),
            Some(map) => {
                for key in &all_keys {
                    if !map.contains_key(*key) {
                        let other = theme
                            .i18n
                            .iter()
                            .find(|(_, m)| m.contains_key(*key))
                            .map(|(l, _)| l.clone())
                            .unwrap_or_default();
                        let other_rel = i18n_dir.join(format!("{other}.yaml"));
                        let other_text = i18n_text.get(&other).map(String::as_str).unwrap_or("");
                        let here = i18n_text.get(lang).map(String::as_str).unwrap_or("");
                        let mut d = Diagnostic::new(&rel, format!("UI string `{key}` is missing"))
                            .field(key.to_string());
                        let other_line = key_line(other_text, key);
                        // Point at the key that precedes it in the other file, where it belongs.
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
                        d = match &before {
                            Some((line, prev)) => d
                                .at(here, *line, 1)
                                .hint(format!("{at} has it; add its translation after `{prev}`")),
                            None => d.hint(format!("{at} has it; add its translation here")),
                        };
                        diags.push(d);
                    }
                }
            }
        }
    }
    if theme.templates.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::new(&tpl_dir, "the theme has no templates"));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(theme)
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

/// A size in bytes for people: `20.0 MiB`, `512 KiB`, `900 bytes`.
fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB {
        format!("{:.1} KiB", bytes as f64 / KIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads a UTF-8 text file, refusing oversized files before reading them, dropping a BOM and
/// normalising CRLF line endings.
fn read_text(root: &Path, rel: &Path, max: u64) -> Result<SourceFile> {
    let path = root.join(rel);
    let meta = std::fs::metadata(&path).map_err(|e| {
        Error::from(Diagnostic::new(
            rel,
            if e.kind() == std::io::ErrorKind::NotFound {
                "file not found".to_string()
            } else {
                format!("cannot read: {e}")
            },
        ))
    })?;
    if meta.len() > max {
        return Err(Diagnostic::new(
            rel,
            format!(
                "the file is {}, over the limit of {}",
                size(meta.len()),
                size(max)
            ),
        )
        .hint("check that this is the file you meant; if it is, split the data or raise `max_file_bytes` in stend.yaml")
        .into());
    }
    let bytes = std::fs::read(&path)
        .map_err(|e| Error::from(Diagnostic::new(rel, format!("cannot read: {e}"))))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let lossy = String::from_utf8_lossy(&bytes).to_string();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).to_string();
            let (line, col) = crate::diagnostics::line_col(&prefix, prefix.len());
            return Err(Diagnostic::new(
                rel,
                format!(
                    "the file is not valid UTF-8 (byte 0x{:02X} here)",
                    bytes[valid]
                ),
            )
            .at(&lossy, line, col)
            .hint("the file was probably saved in a legacy encoding such as Windows-1251; save it as UTF-8 (Notepad: Save As → Encoding: UTF-8)")
            .into());
        }
    };
    Ok(SourceFile {
        rel: rel.to_path_buf(),
        text: normalise(text),
    })
}

/// The text as every later stage sees it: without a byte-order mark, and with `\n` line endings
/// (Windows `\r\n` and old Mac `\r` converted, so that line numbers agree with the YAML
/// parser's, which counts a lone `\r` as a line break too).
pub fn normalise(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_normalised_to_unix_line_endings() {
        assert_eq!(normalise("\u{feff}a\r\nb\rc\n".into()), "a\nb\nc\n");
        assert_eq!(normalise("plain\n".into()), "plain\n");
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(20 * 1024 * 1024), "20.0 MiB");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(12), "12 bytes");
    }

    #[test]
    fn keys_are_found_in_flat_yaml() {
        let t = "# c\na: 1\n\"b\": 2\n  c: 3\n";
        assert_eq!(key_line(t, "a"), Some(2));
        assert_eq!(key_line(t, "b"), Some(3));
        assert_eq!(key_line(t, "c"), None);
    }
}
