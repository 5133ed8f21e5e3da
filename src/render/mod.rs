//! Render: fill the theme's Tera templates with each page's view.
//!
//! Each language gets a clone of the compiled [`Templates`] whose Tera 2 global context holds
//! that language's [`Globals`], so a page's own context stays small and a `kk` page can only
//! ever see `kk` strings. Pages are rendered one at a time by [`Renderer::render`]; the build
//! calls it from many threads at once.

mod error;
mod templates;
mod unclosed;

pub use templates::{Templates, reach, reads_directory};

use crate::diagnostics::{Diagnostic, Error, Result};
use crate::i18n::Msg;
use crate::model::{Edition, Site};
use crate::msg;
use crate::page::{Output, Page};
use crate::routes;
use crate::view::{self, Directory, Globals};
use error::tera_diagnostic;
use std::collections::BTreeMap;
use templates::DIRECTORY;

/// Compiled templates of one edition, one instance per language.
pub struct Renderer<'a> {
    site: &'a Site,
    edition: &'a Edition,
    templates: &'a Templates,
    by_lang: BTreeMap<String, tera::Tera>,
    /// Whether the directory is a global (some office page can read it) or built per page.
    global_directory: bool,
    /// Pages that get the directory built for them hold it while they render: one at a time.
    one_at_a_time: std::sync::Mutex<()>,
}

/// The directory (`departments`: every office of the edition) is by far the largest site-wide
/// value at national scale, and in the template engine's own representation it costs several
/// times its JSON size per language. The default theme reads it on one page per language (the
/// directory), so unless an office's page can read it (then every page might, and it is built
/// once into the global context) it is built only for the pages whose templates read it, and
/// dropped with them.
impl<'a> Renderer<'a> {
    /// Installs each language's globals into its own clone of the compiled templates.
    pub fn new(
        site: &'a Site,
        templates: &'a Templates,
        edition: &'a Edition,
    ) -> Result<Renderer<'a>> {
        let global_directory = templates.offices_read_directory;
        let mut by_lang = BTreeMap::new();
        for lang in site.languages() {
            let mut t = templates.tera.clone();
            let globals = Globals::new(site, edition, &lang);
            let mut ctx = tera::Context::from_serialize(&globals).map_err(|e| {
                Error::Project(vec![Diagnostic::new(
                    &templates.theme_dir,
                    msg!("template-context", why = Msg::verbatim(e.to_string())),
                )])
            })?;
            if global_directory {
                ctx.insert(
                    DIRECTORY,
                    &Directory {
                        site,
                        edition,
                        lang: &lang,
                    },
                );
            }
            *t.global_context() = ctx;
            by_lang.insert(lang, t);
        }
        Ok(Renderer {
            site,
            edition,
            templates,
            by_lang,
            global_directory,
            one_at_a_time: std::sync::Mutex::new(()),
        })
    }

    /// Whether pages of `template` get the whole directory built for them alone: the heaviest
    /// pages to render, best rendered while little else is in memory.
    pub fn holds_directory(&self, template: &str) -> bool {
        !self.global_directory && self.templates.directory_users.contains(template)
    }

    /// Renders one page.
    pub fn render(&self, page: &Page) -> std::result::Result<Output, Diagnostic> {
        let theme_dir = &self.templates.theme_dir;
        let lang = page.lang.as_deref().unwrap_or(self.site.default_language());
        let Some(tera) = self
            .by_lang
            .get(lang)
            .or_else(|| self.by_lang.values().next())
        else {
            return Err(Diagnostic::new("stend.yaml", msg!("no-languages")));
        };
        if !self.templates.sources.contains_key(&page.template) {
            let file = page.source.clone().unwrap_or_else(|| theme_dir.clone());
            return Err(
                Diagnostic::new(file, msg!("template-missing", template = &page.template)).hint(
                    msg!(
                        "hint-add-template",
                        path = format!("{}/{}", theme_dir.display(), page.template)
                    ),
                ),
            );
        }
        let view = view::context(self.site, self.edition, page);
        let mut ctx = tera::Context::from_serialize(&view).map_err(|e| {
            Diagnostic::new(
                theme_dir.join(&page.template),
                msg!("template-context", why = Msg::verbatim(e.to_string())),
            )
        })?;
        drop(view);
        let _turn = self.holds_directory(&page.template).then(|| {
            let turn = self.one_at_a_time.lock().unwrap_or_else(|e| e.into_inner());
            let directory = Directory {
                site: self.site,
                edition: self.edition,
                lang,
            };
            ctx.insert(DIRECTORY, &directory);
            turn
        });
        let html = tera.render(&page.template, &ctx).map_err(|e| {
            tera_diagnostic(&e, theme_dir, &self.templates.sources, Some(&page.template))
        })?;
        drop(ctx);
        Ok(Output {
            path: routes::output_file(&page.route),
            route: page.route.clone(),
            bytes: html.into_bytes(),
            html: true,
            source: page.source.clone(),
            template: Some(page.template.clone()),
        })
    }
}
