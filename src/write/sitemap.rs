//! The sitemap (sitemaps.org), written as pages are rendered.

use crate::diagnostics::Result;
use crate::page::Page;
use crate::routes;

/// Writes the sitemap as pages are rendered, in plan order, holding one file's text at a time:
/// `sitemap.xml` listing every page; beyond `max` pages (the protocol's limit), `sitemap-1.xml`,
/// `sitemap-2.xml`, … of `max` pages each and `sitemap.xml` the sitemap index.
pub struct SitemapWriter {
    base: String,
    max: usize,
    current: String,
    in_current: usize,
    /// Files written so far (only once the site proved larger than `max`).
    written: usize,
}

/// The most URLs one sitemap file may list (sitemaps.org protocol).
const SITEMAP_MAX_URLS: usize = 50_000;

const URLSET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_TAIL: &str = "</urlset>\n";

impl SitemapWriter {
    pub fn new(base: &str) -> SitemapWriter {
        SitemapWriter::with_max(base, SITEMAP_MAX_URLS)
    }

    fn with_max(base: &str, max: usize) -> SitemapWriter {
        SitemapWriter {
            base: base.to_string(),
            max: max.max(1),
            current: String::from(URLSET_HEAD),
            in_current: 0,
            written: 0,
        }
    }

    /// Adds a page (the 404 page is not listed).
    pub fn add(
        &mut self,
        p: &SitemapEntry,
        put: &mut dyn FnMut(String, String) -> Result<()>,
    ) -> Result<()> {
        if p.route() == routes::not_found() {
            return Ok(());
        }
        if self.in_current == self.max {
            self.flush(put)?;
        }
        url_xml(&self.base, p, &mut self.current);
        self.in_current += 1;
        Ok(())
    }

    fn flush(&mut self, put: &mut dyn FnMut(String, String) -> Result<()>) -> Result<()> {
        let mut xml = std::mem::replace(&mut self.current, String::from(URLSET_HEAD));
        xml.push_str(URLSET_TAIL);
        self.written += 1;
        self.in_current = 0;
        put(format!("/sitemap-{}.xml", self.written), xml)
    }

    /// Writes what is left: the one sitemap, or the last part and the index.
    pub fn finish(mut self, put: &mut dyn FnMut(String, String) -> Result<()>) -> Result<()> {
        if self.written == 0 {
            let mut xml = std::mem::take(&mut self.current);
            xml.push_str(URLSET_TAIL);
            return put(routes::sitemap(), xml);
        }
        if self.in_current > 0 {
            self.flush(put)?;
        }
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for i in 1..=self.written {
            index.push_str(&format!(
                "  <sitemap><loc>{}</loc></sitemap>\n",
                xml_escape(&routes::absolute(&self.base, &format!("/sitemap-{i}.xml")))
            ));
        }
        index.push_str("</sitemapindex>\n");
        put(routes::sitemap(), index)
    }
}

/// What the sitemap needs of a page: its route and the route of each language version, packed
/// into one string (`route`, then `lang`, `route` per version, separated by NUL, which no route
/// contains): one small allocation per page; the absolute addresses are made when written.
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    packed: Box<str>,
}

impl SitemapEntry {
    pub fn new<'a>(route: &str, alternates: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = String::from(route);
        for (lang, url) in alternates {
            s.push('\0');
            s.push_str(lang);
            s.push('\0');
            s.push_str(url);
        }
        SitemapEntry {
            packed: s.into_boxed_str(),
        }
    }

    /// The entry of a planned page: its route and the alternates its head declares, the
    /// `x-default` last.
    pub fn of(p: &Page) -> SitemapEntry {
        let alternates = p
            .alternates
            .iter()
            .map(|a| (a.lang.as_str(), a.route.as_str()));
        let x_default = p.x_default.as_deref().map(|r| ("x-default", r));
        SitemapEntry::new(&p.route, alternates.chain(x_default))
    }

    pub fn route(&self) -> &str {
        self.packed.split('\0').next().unwrap_or_default()
    }

    /// `(lang, route)` of every language version, then `("x-default", route)`.
    pub fn alternates(&self) -> impl Iterator<Item = (&str, &str)> {
        let mut parts = self.packed.split('\0').skip(1);
        std::iter::from_fn(move || Some((parts.next()?, parts.next()?)))
    }
}

/// One page's `<url>` element, with the alternates its head declares.
fn url_xml(base: &str, p: &SitemapEntry, s: &mut String) {
    s.push_str("  <url>\n    <loc>");
    s.push_str(&xml_escape(&routes::absolute(base, p.route())));
    s.push_str("</loc>\n");
    for (lang, route) in p.alternates() {
        s.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
            xml_escape(lang),
            xml_escape(&routes::absolute(base, route))
        ));
    }
    s.push_str("  </url>\n");
}

fn xml_escape(s: &str) -> String {
    crate::util::escape::html(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(route: &str) -> SitemapEntry {
        SitemapEntry::new(route, [("kk", route)])
    }

    /// The sitemap files, the index (written last) first.
    fn sitemaps(base: &str, pages: &[SitemapEntry], max: usize) -> Vec<(String, String)> {
        let mut v = Vec::new();
        let mut put = |route, xml| {
            v.push((route, xml));
            Ok(())
        };
        let mut w = SitemapWriter::with_max(base, max);
        for p in pages {
            w.add(p, &mut put).expect("add");
        }
        w.finish(&mut put).expect("finish");
        v.rotate_right(1);
        v
    }

    #[test]
    fn large_sites_get_a_sitemap_index() {
        let pages: Vec<SitemapEntry> =
            ["/kk/", "/kk/a/", "/kk/b/", "/404.html", "/kk/c/", "/kk/d/"]
                .iter()
                .map(|r| entry(r))
                .collect();
        let one = sitemaps("https://x.kz", &pages, 10);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "/sitemap.xml");
        assert_eq!(one[0].1.matches("<loc>").count(), 5, "404 is not listed");

        let split = sitemaps("https://x.kz", &pages, 2);
        let routes: Vec<&str> = split.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(
            routes,
            [
                "/sitemap.xml",
                "/sitemap-1.xml",
                "/sitemap-2.xml",
                "/sitemap-3.xml"
            ]
        );
        assert!(split[0].1.contains("<sitemapindex"));
        assert!(split[0].1.contains("<loc>https://x.kz/sitemap-3.xml</loc>"));
        assert_eq!(split[1].1.matches("<url>").count(), 2);
        assert_eq!(split[3].1.matches("<url>").count(), 1);
        assert!(split[3].1.contains("<loc>https://x.kz/kk/d/</loc>"));
    }
}
