//! The theme's templates, compiled once per build and shared by every edition and language, and
//! what is known of them before rendering: which ones read the whole directory, which ones an
//! office's pages can reach.

use super::error::tera_diagnostic;
use crate::diagnostics::{Error, Result};
use crate::model::Site;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// The global that holds the whole directory.
pub const DIRECTORY: &str = "departments";

/// Compiled templates.
pub struct Templates {
    pub(super) tera: tera::Tera,
    pub(super) theme_dir: PathBuf,
    pub(super) sources: BTreeMap<String, String>,
    /// Templates that can read the whole directory (see [`reads_directory`]).
    pub(super) directory_users: BTreeSet<String>,
    /// Templates an office's pages can reach (see [`reach`]), and whether one of them can read
    /// the whole directory: then it is a global, and `stend serve` counts it as an input of
    /// every office.
    pub office_reach: BTreeSet<String>,
    pub offices_read_directory: bool,
}

impl Templates {
    /// Compiles the theme; `office_templates` are the templates office pages are rendered with.
    pub fn compile(site: &Site, office_templates: &[String]) -> Result<Templates> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        let theme_dir = site.theme.dir.join("templates");
        let sources: BTreeMap<String, String> = site.theme.templates.iter().cloned().collect();
        let all = &site.theme.templates;
        if let Err(e) = tera.add_raw_templates(all.iter().map(|(n, s)| (n.as_str(), s.as_str()))) {
            return Err(Error::Project(vec![tera_diagnostic(
                &e, &theme_dir, &sources, None,
            )]));
        }
        let directory_users: BTreeSet<String> = all
            .iter()
            .filter(|(n, _)| reads_directory(&tera, all, &reach(all, std::slice::from_ref(n))))
            .map(|(n, _)| n.clone())
            .collect();
        let office_set = reach(all, office_templates);
        let offices_read_directory = reads_directory(&tera, all, &office_set);
        let office_reach = office_set.into_iter().map(String::from).collect();
        Ok(Templates {
            tera,
            theme_dir,
            sources,
            directory_users,
            office_reach,
            offices_read_directory,
        })
    }
}

/// The templates reached from `roots`: the roots, any template whose name appears quoted in one
/// reached (`{% extends "base.html" %}`, imports, includes), and any template that defines a
/// component (Tera 2 components are called by name from any template, without naming the file).
/// A dependency, conservatively: a false match only costs `stend serve` a re-render.
pub fn reach<'t>(templates: &'t [(String, String)], roots: &[String]) -> BTreeSet<&'t str> {
    let mut reached: BTreeSet<&str> = templates
        .iter()
        .filter(|(n, src)| roots.contains(n) || src.contains("{% component"))
        .map(|(n, _)| n.as_str())
        .collect();
    loop {
        let more: Vec<&str> = templates
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| !reached.contains(n))
            .filter(|n| {
                let quoted = [format!("\"{n}\""), format!("'{n}'"), format!("`{n}`")];
                templates.iter().any(|(m, src)| {
                    reached.contains(m.as_str()) && quoted.iter().any(|q| src.contains(q))
                })
            })
            .collect();
        if more.is_empty() {
            return reached;
        }
        reached.extend(more);
    }
}

/// Whether a template in `set` can read the whole directory. Tera's parsed templates say which
/// top-level variables a template (with its parents and includes) reads; a component's body
/// sees only its arguments, unless it takes `departments` implicitly from its caller. The one
/// thing Tera does not report is the context dump `__tera_context`, which reads everything.
pub fn reads_directory(
    tera: &tera::Tera,
    templates: &[(String, String)],
    set: &BTreeSet<&str>,
) -> bool {
    let implicit = tera.get_component_names().any(|c| {
        tera.get_component_definition(c).is_some_and(|d| {
            d.args()
                .iter()
                .any(|a| a.is_implicit() && a.name() == DIRECTORY)
        })
    });
    templates
        .iter()
        .filter(|(n, _)| set.contains(n.as_str()))
        .any(|(n, src)| {
            implicit
                || src.contains("__tera_context")
                || tera
                    .get_template_variables(n)
                    .is_ok_and(|vars| vars.contains(DIRECTORY))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, src: &str) -> (String, String) {
        (name.to_string(), src.to_string())
    }

    fn offices_read_directory(templates: &[(String, String)]) -> bool {
        let mut tera = tera::Tera::new();
        tera.add_raw_templates(templates.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .expect("templates compile");
        let office = ["office.html".to_string()];
        reads_directory(&tera, templates, &reach(templates, &office))
    }

    #[test]
    fn the_directory_counts_only_where_office_pages_reach_it() {
        let base = t(
            "base.html",
            "<main>{% block main %}{% endblock main %}</main>",
        );
        let office = t("office.html", r#"{% extends "base.html" %}"#);
        let offices = t("offices.html", "{% for d in departments %}{% endfor %}");
        assert!(!offices_read_directory(&[
            base.clone(),
            office.clone(),
            offices.clone()
        ]));
        // A field of that name is not the directory.
        let labels = t(
            "base.html",
            "{{ t.departments }}<main>{% block main %}{% endblock main %}</main>",
        );
        assert!(!offices_read_directory(&[
            labels,
            office.clone(),
            offices.clone()
        ]));
        // Through a template the office page extends.
        let base2 = t(
            "base.html",
            "{{ departments | length }}{% block main %}{% endblock main %}",
        );
        assert!(offices_read_directory(&[
            base2,
            office.clone(),
            offices.clone()
        ]));
        // Through an include, with single quotes.
        let office3 = t("office.html", "{% include 'a.html' %}");
        let a = t("a.html", "{{ __tera_context }}");
        assert!(offices_read_directory(&[office3, a, base.clone()]));
        // Through a component that takes the directory from its caller.
        let comps = t(
            "components.html",
            "{% component dir(@departments) %}{{ departments | length }}{% endcomponent dir %}",
        );
        assert!(offices_read_directory(&[base, office, offices, comps]));
    }
}
