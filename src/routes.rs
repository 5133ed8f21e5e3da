//! Every URL and output path of the site is made here, so links cannot drift from files.
//!
//! A route is a site-absolute path that ends in `/` for pages (`/kk/offices/astana/`) or names a
//! file (`/sitemap.xml`). The output file of a page route is its `index.html`.

/// Why a slug is refused, if it is.
pub fn check_slug(s: &str) -> Result<(), crate::i18n::Msg> {
    use crate::msg;
    if s.is_empty() {
        return Err(msg!("slug-empty-why"));
    }
    if s.len() > 80 {
        return Err(msg!("slug-too-long"));
    }
    if s.starts_with('-') || s.ends_with('-') {
        return Err(msg!("slug-hyphen-ends"));
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(msg!("slug-bad-chars"));
    }
    Ok(())
}

/// The bilingual landing page.
pub fn root() -> String {
    "/".to_string()
}

/// Home page of a language: `/kk/`, `/ru/`, and for a language with a script subtag its tag in
/// lower case (`/kk-latn/`), since BCP 47 tags ignore case and addresses people type are lower
/// case.
pub fn home(lang: &str) -> String {
    format!("/{}/", lang.to_ascii_lowercase())
}

/// A content page by its slug path (`""` is the language's home page).
pub fn content(lang: &str, slug: &str) -> String {
    if slug.is_empty() {
        home(lang)
    } else {
        format!("{}{slug}/", home(lang))
    }
}

/// The office directory.
pub fn offices(lang: &str) -> String {
    format!("{}offices/", home(lang))
}

/// A department and its units.
pub fn department(lang: &str, dep: &str) -> String {
    format!("{}offices/{dep}/", home(lang))
}

/// One unit (office) of a department.
pub fn unit(lang: &str, dep: &str, unit: &str) -> String {
    format!("{}offices/{dep}/{unit}/", home(lang))
}

/// The blank forms.
pub fn forms(lang: &str) -> String {
    format!("{}forms/", home(lang))
}

/// The names of the blank forms, in the order of the standard's appendices (2, 3, 4).
pub const FORMS: [&str; 3] = [
    "document-receipt",
    "quality-indicators",
    "complaint-receipt",
];

/// The form drawn from `data/quality.yaml`, which a standard may not have.
pub const QUALITY_FORM: &str = "quality-indicators";

/// One blank form.
pub fn form(lang: &str, name: &str) -> String {
    format!("{}forms/{name}/", home(lang))
}

/// The printable variants of a poster: A4 in the page's language, A3, and bilingual A4.
pub const POSTER_VARIANTS: [&str; 3] = ["", "a3", "bilingual"];

/// The forms that offices fill in (Appendices 2 and 4), which get per-office and bilingual copies.
pub const RECEIPTS: [&str; 2] = ["document-receipt", "complaint-receipt"];

/// The base route of an office: a department's seat or one of its units.
pub fn office(lang: &str, dep: &str, unit: Option<&str>) -> String {
    match unit {
        Some(u) => self::unit(lang, dep, u),
        None => department(lang, dep),
    }
}

/// A poster of an office; `variant` is one of [`POSTER_VARIANTS`].
pub fn poster(lang: &str, dep: &str, unit: Option<&str>, variant: &str) -> String {
    let base = office(lang, dep, unit);
    if variant.is_empty() {
        format!("{base}poster/")
    } else {
        format!("{base}poster/{variant}/")
    }
}

/// A blank form printed for one office (`office` = `Some((dep, unit))`) or generic (`None`), in
/// the page's language or bilingual.
pub fn receipt(
    lang: &str,
    office_of: Option<(&str, Option<&str>)>,
    name: &str,
    bilingual: bool,
) -> String {
    let base = match office_of {
        Some((dep, unit)) => format!("{}forms/{name}/", office(lang, dep, unit)),
        None => form(lang, name),
    };
    if bilingual {
        format!("{base}bilingual/")
    } else {
        base
    }
}

/// The PDF of a printable page (a poster or form route): a file in the page's folder, named
/// after what it is (`poster.pdf`, `complaint-receipt.pdf`), so a downloaded copy says what it
/// is.
pub fn pdf(page_route: &str, name: &str) -> String {
    format!("{page_route}{name}.pdf")
}

/// The 404 page.
pub fn not_found() -> String {
    "/404.html".to_string()
}

/// The sitemap.
pub fn sitemap() -> String {
    "/sitemap.xml".to_string()
}

/// robots.txt.
pub fn robots() -> String {
    "/robots.txt".to_string()
}

/// An open-data file (`offices.json` → `/data/offices.json`).
pub fn data_file(name: &str) -> String {
    format!("/data/{name}")
}

/// A theme asset (`style.css` → `/assets/style.css`).
pub fn asset(name: &str) -> String {
    format!("/assets/{name}")
}

/// The output file, relative to the output root, of a route.
pub fn output_file(route: &str) -> String {
    let trimmed = route.trim_start_matches('/');
    if route.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// The route of an output file: the inverse of [`output_file`].
pub fn route_of_file(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
        _ => format!("/{path}"),
    }
}

/// The absolute URL of a route.
pub fn absolute(base_url: &str, route: &str) -> String {
    format!("{}{}", base_url.trim_end_matches('/'), route)
}

/// The absolute URL of a route when the base is known, else the route itself.
pub fn absolute_or_route(base_url: Option<&str>, route: &str) -> String {
    match base_url {
        Some(b) => absolute(b, route),
        None => route.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_path_segments() {
        assert!(check_slug("astana").is_ok());
        assert!(check_slug("north-kazakhstan-2").is_ok());
        for bad in [
            "", "../x", "a/b", "a b", "Astana", "-a", "a-", "ақ", "a.b", "a\\b",
        ] {
            assert!(check_slug(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn routes_and_files() {
        assert_eq!(
            unit("kk", "astana", "esil-district"),
            "/kk/offices/astana/esil-district/"
        );
        assert_eq!(
            output_file(&unit("ru", "a", "b")),
            "ru/offices/a/b/index.html"
        );
        assert_eq!(output_file(&root()), "index.html");
        assert_eq!(output_file(&sitemap()), "sitemap.xml");
        assert_eq!(content("kk", ""), "/kk/");
        assert_eq!(absolute("https://x.kz/", "/kk/"), "https://x.kz/kk/");
    }

    #[test]
    fn files_map_back_to_their_routes() {
        for route in [
            root(),
            content("kk", ""),
            unit("ru", "a", "b"),
            sitemap(),
            not_found(),
            asset("style.css"),
        ] {
            assert_eq!(route_of_file(&output_file(&route)), route);
        }
        assert_eq!(route_of_file("data/offices.json"), "/data/offices.json");
    }
}
