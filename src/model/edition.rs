//! Editions: the ministry's site and one site per department, built from the same sources.
//!
//! The standard is published on the ministry's web resource and on each department's
//! (paragraphs 4 and 12). A department edition carries the whole standard, the service pages,
//! the forms and posters, but its directory holds only that department and its units; it links
//! to the ministry edition for everything else.

use super::Site;
use super::website::href as website_href;
use crate::diagnostics::Diagnostic;

/// The slug of the ministry's edition (its output directory under `--all-editions`).
pub const MINISTRY: &str = "ministry";

/// One edition of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// `ministry` or the department's slug.
    pub slug: String,
    /// Index of the department in `offices.yaml`, for a department edition.
    pub department: Option<usize>,
    /// Where the edition is published; `None` when no usable address is known, and then the
    /// edition has no absolute URLs (no canonical links, no sitemap).
    pub base_url: Option<String>,
    /// Where the ministry edition is published, for links to the national directory.
    pub ministry_base_url: String,
}

impl Edition {
    /// The ministry edition: every department.
    pub fn ministry(site: &Site) -> Edition {
        Edition {
            slug: MINISTRY.into(),
            department: None,
            base_url: Some(site.config.base_url.clone()),
            ministry_base_url: site.config.base_url.clone(),
        }
    }

    /// Indices of the departments this edition's directory holds.
    pub fn departments(&self, site: &Site) -> Vec<usize> {
        match self.department {
            Some(i) => vec![i],
            None => (0..site.data.offices.departments.len()).collect(),
        }
    }

    /// Whether this is a department's edition.
    pub fn is_department(&self) -> bool {
        self.department.is_some()
    }
}

/// The edition of department `slug`: its base URL from `stend.yaml` (`editions.<slug>.base_url`),
/// else the website the standard lists for it when that is a usable web address, else none.
pub fn department(site: &Site, slug: &str) -> Result<Edition, Diagnostic> {
    let Some((i, d)) = site
        .data
        .offices
        .departments
        .iter()
        .enumerate()
        .find(|(_, d)| d.slug.value == slug)
    else {
        let known: Vec<&str> = site
            .data
            .offices
            .departments
            .iter()
            .map(|d| d.slug.value.as_str())
            .collect();
        let hint = match crate::util::words::closest(slug, &known) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!("the departments are: {}", known.join(", ")),
        };
        return Err(Diagnostic::new(
            "data/offices.yaml",
            format!("no department with slug `{slug}`"),
        )
        .hint(hint));
    };
    let configured = site
        .config
        .editions
        .get(slug)
        .and_then(|e| e.base_url.clone());
    let listed = d
        .website
        .as_deref()
        .and_then(website_href)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    Ok(Edition {
        slug: slug.to_string(),
        department: Some(i),
        base_url: configured
            .or(listed)
            .map(|u| u.trim_end_matches('/').to_string()),
        ministry_base_url: site.config.base_url.clone(),
    })
}

/// The ministry edition and every department's, in directory order.
pub fn all(site: &Site) -> Vec<Edition> {
    let mut v = vec![Edition::ministry(site)];
    for d in &site.data.offices.departments {
        if let Ok(e) = department(site, &d.slug.value) {
            v.push(e);
        }
    }
    v
}
