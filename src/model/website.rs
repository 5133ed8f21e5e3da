//! Websites as the standard prints them: a bare host name, an address with its scheme, or an
//! e-mail address, or something that is none of these.

/// A link for a website as printed in the standard: a bare host becomes an `http://` link, an
/// e-mail address a `mailto:` link; anything else is shown without a link.
pub fn href(site: &str) -> Option<String> {
    let s = site.trim();
    if s.contains('@') {
        let ok = s.split('@').count() == 2 && !s.contains(' ') && s.contains('.');
        return ok.then(|| format!("mailto:{s}"));
    }
    if s.starts_with("http://") || s.starts_with("https://") {
        return Some(s.to_string());
    }
    let host_ok = s.contains('.')
        && s.split('/').next().is_some_and(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        });
    host_ok.then(|| format!("http://{s}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn websites() {
        assert_eq!(
            super::href("www.mvd.kz").as_deref(),
            Some("http://www.mvd.kz")
        );
        assert_eq!(
            super::href("dvd@mail.kz").as_deref(),
            Some("mailto:dvd@mail.kz")
        );
        assert_eq!(super::href("н/ж"), None);
    }
}
