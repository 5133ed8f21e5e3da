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
/// else the website the standard lists for it when that is a usable web address (`https://`
/// unless the standard prints the scheme), else none.
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
            Some(c) => crate::msg!("hint-did-you-mean", name = c),
            None => crate::msg!("hint-departments-are", departments = known.join(", ")),
        };
        return Err(Diagnostic::new(
            "data/offices.yaml",
            crate::msg!("no-such-department", slug = slug),
        )
        .hint(hint));
    };
    let configured = site
        .config
        .editions
        .get(slug)
        .and_then(|e| e.base_url.clone());
    let listed = d.website.as_deref().and_then(guessed_address);
    Ok(Edition {
        slug: slug.to_string(),
        department: Some(i),
        base_url: configured
            .or(listed)
            .map(|u| u.trim_end_matches('/').to_string()),
        ministry_base_url: site.config.base_url.clone(),
    })
}

/// The address of an edition guessed from the website the standard prints: as printed when it
/// has a scheme, else `https://` and the host (a bare host says nothing about the scheme, and
/// a site published over plain http today is the exception); `None` for anything that is not
/// a web address (an e-mail address, a note).
fn guessed_address(printed: &str) -> Option<String> {
    let href = website_href(printed)?;
    if printed.trim().starts_with("http://") || href.starts_with("https://") {
        return Some(href);
    }
    href.strip_prefix("http://")
        .map(|host| format!("https://{host}"))
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

#[cfg(test)]
mod tests {
    use super::guessed_address;

    #[test]
    fn a_guessed_address_is_https_unless_the_data_says_otherwise() {
        assert_eq!(
            guessed_address("www.ast.dvd.mvd.kz").as_deref(),
            Some("https://www.ast.dvd.mvd.kz")
        );
        assert_eq!(
            guessed_address("http://old.example.kz").as_deref(),
            Some("http://old.example.kz")
        );
        assert_eq!(
            guessed_address("https://x.example.kz").as_deref(),
            Some("https://x.example.kz")
        );
        assert_eq!(guessed_address("dvd@mail.kz"), None);
    }
}
