//! Load: read `stend.yaml`, `data/`, `content/` and the theme from disk into a [`Site`].
//!
//! This is the only stage that touches the project's files. It reads every file once, parses
//! every value into its type (texts in every language, dates, times, weekdays), collects every
//! problem it finds (it does not stop at the first), and hands a typed model to validation.
//!
//! | module | reads |
//! |---|---|
//! | [`config`] | `stend.yaml` and the as-of date |
//! | [`data`] | `data/*.yaml` |
//! | [`content`] | `content/<lang>/**/*.md` |
//! | [`theme`] | `themes/<theme>/`: templates, UI strings, static files |
//! | [`yaml`], [`frontmatter`] | the parsers, with their diagnostics |
//! | `files` | size limits, UTF-8, line endings, the directory walk |

mod config;
mod content;
mod data;
mod files;
pub mod frontmatter;
pub mod indent;
mod theme;
pub mod yaml;

use crate::diagnostics::{Error, Result};
use crate::model::Site;
use crate::model::date::Date;
use std::collections::BTreeMap;
use std::path::Path;

pub use config::load_config;
pub use data::DATA_FILES;
pub use files::normalise;

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

/// The languages as loading needs them: all of them (for files named after a language), the
/// written ones every text must give, and the derived ones made from them.
pub(crate) struct Langs {
    pub all: Vec<String>,
    pub written: Vec<String>,
    pub derived: Vec<crate::model::Derived>,
}

impl Langs {
    fn of(config: &crate::model::Config) -> Langs {
        let all: Vec<String> = config
            .languages
            .iter()
            .map(|l| l.code.value.clone())
            .collect();
        let written = all
            .iter()
            .filter(|c| !config.derived.iter().any(|d| &d.code == *c))
            .cloned()
            .collect();
        Langs {
            all,
            written,
            derived: config.derived.clone(),
        }
    }
}

/// Loads the project at `root`.
pub fn load(root: &Path, env: &Env) -> Result<Site> {
    let config_src = config::read_config(root)?;
    let config = config::parse_config(&config_src)?;
    let langs = Langs::of(&config);
    let max = config.max_file_bytes;

    let mut diags = Vec::new();
    let as_of = config::as_of_date(&config, &config_src, env).unwrap_or_else(|d| {
        diags.push(d);
        Date::from_unix(0)
    });

    // Data files, content and theme are independent: read and parse them in parallel.
    let mut sources = BTreeMap::new();
    let (data, (pages, theme)) = rayon::join(
        || data::load_data(root, &langs, max, &mut sources),
        || {
            rayon::join(
                || content::load_content(root, &langs, max),
                || theme::load_theme(root, &config, &langs, max),
            )
        },
    );
    let data = data.map_err(|d| diags.extend(d)).ok();
    let pages = pages.map_err(|d| diags.extend(d)).ok();
    let theme = theme.map_err(|d| diags.extend(d)).ok();
    sources.insert(config_src.rel, config_src.text);
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
