//! The typed, validated project: configuration, data, content and theme, one per build.
//!
//! The model holds no I/O; it is produced by [`crate::load`] and checked by
//! [`crate::validate`], and every later stage reads only from it.

pub mod data;
pub mod date;
pub mod edition;
pub mod rules;
pub mod text;
pub mod value;
pub mod website;

use data::*;
use date::Date;
pub use edition::Edition;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
pub use text::Text;

/// `stend.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Absolute URL the site is published at, without a trailing slash.
    pub base_url: String,
    /// Languages of the site; the first is the default.
    pub languages: Vec<Language>,
    /// Site title per language.
    pub title: Text,
    /// Theme directory name under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Fixed as-of date (`YYYY-MM-DD`); otherwise `SOURCE_DATE_EPOCH`, otherwise today.
    #[serde(default)]
    pub as_of: Option<At<String>>,
    /// Largest data or content file accepted, in bytes.
    #[serde(default = "default_max_file_bytes")]
    pub max_file_bytes: u64,
    /// Write `.gz` and `.br` copies of text files for servers that send them as they are.
    #[serde(default = "yes")]
    pub precompress: bool,
    /// Typeset every poster and form as a PDF beside its page (fonts from the theme's
    /// `fonts/`).
    #[serde(default = "yes")]
    pub pdf: bool,
    /// Department editions: where each is published (`editions.<department-slug>.base_url`).
    #[serde(default)]
    pub editions: BTreeMap<String, EditionConfig>,
    /// The derived languages among `languages`, filled in by loading.
    #[serde(skip)]
    pub derived: Vec<Derived>,
}

/// Configuration of one department's edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionConfig {
    /// Absolute URL the department publishes its edition at.
    #[serde(default)]
    pub base_url: Option<String>,
}

fn default_theme() -> String {
    "default".to_string()
}

fn yes() -> bool {
    true
}

fn default_max_file_bytes() -> u64 {
    16 * 1024 * 1024
}

/// A language of the site.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// BCP 47 code used in URLs and `lang` attributes (`kk`, `ru`).
    pub code: At<String>,
    /// The language's name in itself, for the language switcher (`Қазақша`, `Русский`).
    pub name: String,
    /// Open Graph locale (`kk_KZ`).
    pub locale: String,
    /// The written language this one is generated from (`kk` for `kk-Latn`); its texts, content
    /// and UI strings are derived from that language's by [`Language::transliteration`].
    #[serde(default)]
    pub derive_from: Option<At<String>>,
    /// The named transliteration of a derived language (`kazakh-latin-2021`).
    #[serde(default)]
    pub transliteration: Option<At<String>>,
}

/// A language the site generates from another by transliteration (`kk-Latn` from `kk`), as
/// `stend.yaml` declares it and loading has checked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    /// Its code (`kk-Latn`).
    pub code: String,
    /// The written language it is generated from (`kk`).
    pub from: String,
    /// How.
    pub scheme: crate::translit::Scheme,
}

/// All data files.
#[derive(Debug, Clone)]
pub struct Data {
    pub offices: Offices,
    pub service: Service,
    pub documents: Documents,
    pub refusals: Refusals,
    pub hours: Hours,
    pub fee: Fee,
    pub complaints: Complaints,
    /// The quality indicators, when the standard has a table of them (`data/quality.yaml` is
    /// optional: without it there is no quality-indicators form).
    pub quality: Option<Quality>,
    pub forms: Forms,
}

/// Front matter of a content page.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub description: String,
    /// Order in navigation; lower first.
    #[serde(default)]
    pub weight: i64,
    /// Template under the theme's `templates/`; default `page.html`.
    #[serde(default)]
    pub template: Option<At<String>>,
    /// Short title for navigation and breadcrumbs; defaults to `title`.
    #[serde(default)]
    pub nav_title: Option<String>,
    /// Language this page is translated from; the page then says it is a translation.
    #[serde(default)]
    pub translation_of: Option<String>,
}

impl FrontMatter {
    /// The title for navigation and breadcrumbs.
    pub fn nav_title(&self) -> &str {
        self.nav_title.as_deref().unwrap_or(&self.title)
    }
}

/// One language version of a content page.
#[derive(Debug, Clone)]
pub struct ContentVersion {
    /// Path relative to the project root, for diagnostics.
    pub file: PathBuf,
    pub front: FrontMatter,
    /// Markdown body (front matter removed, line endings normalised).
    pub body: String,
    /// The whole file text (normalised), for locating problems in it.
    pub source: String,
    /// 1-based line where the body starts in the file.
    pub body_line: usize,
    /// For a derived language's version made from the written one (`file`, `body` and `source`
    /// are then the written version's): the transliteration its rendered body goes through.
    pub derived: Option<crate::translit::Scheme>,
}

/// A content page in every language, keyed by its slug path (`""` for the home page,
/// `standard`, `help/contacts`).
#[derive(Debug, Clone)]
pub struct ContentPage {
    pub slug: String,
    pub versions: BTreeMap<String, ContentVersion>,
}

/// A theme: templates (name, source), UI strings per language, static files.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub dir: PathBuf,
    pub templates: Vec<(String, String)>,
    pub i18n: BTreeMap<String, BTreeMap<String, String>>,
    /// (path under the output root, bytes)
    pub static_files: Vec<(String, Vec<u8>)>,
}

/// The whole project after loading.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub as_of: Date,
    pub data: Data,
    pub pages: Vec<ContentPage>,
    pub theme: Theme,
    /// Text of each data file and of stend.yaml by relative path, to quote lines in diagnostics.
    pub sources: BTreeMap<PathBuf, String>,
}

impl Site {
    /// The blank forms this project has, in the order of [`crate::routes::FORMS`]: the
    /// quality-indicators form only when `data/quality.yaml` gives the table.
    pub fn form_names(&self) -> Vec<&'static str> {
        crate::routes::FORMS
            .into_iter()
            .filter(|f| *f != crate::routes::QUALITY_FORM || self.data.quality.is_some())
            .collect()
    }

    /// The language `code` of stend.yaml.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.config.languages.iter().find(|l| l.code.value == code)
    }

    /// A language's name in itself (the code, for a language the site does not have).
    pub fn language_name(&self, code: &str) -> String {
        self.language(code)
            .map(|l| l.name.clone())
            .unwrap_or_else(|| code.to_string())
    }

    /// A UI string of the theme in `lang` (loading guarantees every language has every key).
    pub fn ui(&self, lang: &str, key: &str) -> &str {
        self.theme
            .i18n
            .get(lang)
            .and_then(|m| m.get(key))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The default language (the first of stend.yaml).
    pub fn default_language(&self) -> &str {
        self.config
            .languages
            .first()
            .map(|l| l.code.value.as_str())
            .unwrap_or("")
    }

    /// How `code` is derived, when it is a derived language.
    pub fn derived(&self, code: &str) -> Option<&Derived> {
        self.config.derived.iter().find(|d| d.code == code)
    }

    /// The written languages (not derived), default first: the languages of the bilingual
    /// printables, where a derived language stands in for the one it is derived from.
    pub fn written_languages(&self) -> Vec<String> {
        self.languages()
            .into_iter()
            .filter(|l| self.derived(l).is_none())
            .collect()
    }

    /// The languages of a bilingual printable seen from `lang`: the written languages, with
    /// `lang` in the place of the language it is derived from (`kk-Latn` and `ru` on the Latin
    /// edition, `kk` and `ru` on the others).
    pub fn printable_languages(&self, lang: &str) -> Vec<String> {
        let from = self.derived(lang).map(|d| d.from.as_str());
        self.written_languages()
            .into_iter()
            .map(|l| {
                if Some(l.as_str()) == from {
                    lang.to_string()
                } else {
                    l
                }
            })
            .collect()
    }

    /// The language whose pages hold the PDF of a bilingual printable seen from `lang`: the
    /// first of the site's languages that shows the same languages in the same order (`kk` for
    /// `kk` and `ru`; `kk-Latn` for itself). The others link that one PDF instead of typesetting
    /// and writing the same sheet again.
    pub fn bilingual_owner(&self, lang: &str) -> String {
        let set = self.printable_languages(lang);
        self.languages()
            .into_iter()
            .find(|l| self.printable_languages(l) == set)
            .unwrap_or_else(|| lang.to_string())
    }

    /// Language codes, default first.
    pub fn languages(&self) -> Vec<String> {
        self.config
            .languages
            .iter()
            .map(|l| l.code.value.clone())
            .collect()
    }
}
