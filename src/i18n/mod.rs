//! The language of stend's own words: every error, warning, hint and summary it prints, in
//! English, Kazakh or Russian.
//!
//! Owns the message catalogues (`en.ftl`, `kk.ftl`, `ru.ftl` beside this file, in Project
//! Fluent's syntax, compiled into the binary) and [`Msg`], a message not yet put into words: an
//! id from the catalogues and its arguments. The stages build `Msg`s; only the binary, which
//! knows the reader's language ([`Lang::choose`]), turns them into text. A message's `Display`
//! is its English text, so tests and library users that never pick a language read English.
//!
//! Why Fluent and not string tables: Russian needs three plural forms and Kazakh none, word
//! order differs between the three, and translators can read and edit `.ftl` files without
//! reading Rust. Placeholders are not wrapped in Unicode isolation marks: the output is a
//! terminal, where they show as stray characters.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::sync::OnceLock;

/// A language stend speaks to the webmaster in (not the site's languages, which the project
/// chooses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Kk,
    Ru,
}

impl Lang {
    /// Every language, in the order of the catalogues' documentation.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Kk, Lang::Ru];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Kk => "kk",
            Lang::Ru => "ru",
        }
    }

    /// The language a locale or language tag names: `kk`, `kk-KZ`, `ru_RU.UTF-8`, `en_US`.
    /// `None` for anything else (including `C` and `POSIX`).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "kk" | "kaz" => Some(Lang::Kk),
            "ru" | "rus" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The reader's language: the `--lang` flag, else `STEND_LANG`, else the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, the order POSIX gives them), else English. `lookup` reads an
    /// environment variable (the process's, or a test's). An unknown value in the flag or in
    /// `STEND_LANG` is the caller's usage error; an unknown locale is passed over.
    pub fn choose(
        flag: Option<&str>,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Lang, String> {
        if let Some(f) = flag {
            return Lang::parse(f).ok_or_else(|| f.to_string());
        }
        if let Some(v) = lookup("STEND_LANG").filter(|v| !v.is_empty()) {
            return Lang::parse(&v).ok_or(v);
        }
        // The first of the three that is set decides, as it does for every other program.
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = lookup(var).filter(|v| !v.is_empty()) {
                return Ok(Lang::parse(&v).unwrap_or(Lang::En));
            }
        }
        Ok(Lang::En)
    }
}

/// One argument of a message: text, a number (which selects plural forms), or another message,
/// put into words in the same language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    Number(i64),
    Msg(Box<Msg>),
    /// A field path of a data file, shown as people read it (see
    /// [`crate::diagnostics::human_field_in`]).
    Field(String),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}
impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// A message not yet in words: a catalogue id and its arguments, or text that comes from
/// outside stend (a template engine's or the operating system's own words), shown as it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
    verbatim: Option<String>,
}

impl Msg {
    /// The message `id` of the catalogues, without arguments yet.
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
            verbatim: None,
        }
    }

    /// Text stend did not write (an I/O error, a parser's message), the same in every
    /// language. Use it only inside a message of ours that says what the text is.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg {
            id: "",
            args: Vec::new(),
            verbatim: Some(text.into()),
        }
    }

    /// Adds the argument `$name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The catalogue id (empty for verbatim text).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if let Some(v) = &self.verbatim {
            return v.clone();
        }
        let bundle = &bundles()[lang as usize];
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            // A missing id is a bug in stend, caught by the catalogue tests; say which rather
            // than print nothing.
            return format!("[{}]", self.id);
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let v = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Msg(m) => FluentValue::from(m.text(lang)),
                Arg::Field(f) => {
                    FluentValue::from(crate::diagnostics::human_field_in(f, None, lang))
                }
            };
            args.set(*name, v);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

/// Marks a message carried inside another library's error text (serde's `custom` errors carry
/// only a string): private-use characters, which no message text contains.
const OPEN: char = '\u{E000}';
const SEP: char = '\u{E001}';
const CLOSE: char = '\u{E002}';

impl Msg {
    /// The value of the text argument `name`, if given.
    pub fn text_arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, v)| match v {
            Arg::Text(t) if *n == name => Some(t.as_str()),
            _ => None,
        })
    }

    /// The message as a string that [`Msg::decode`] reads back: how a message travels through
    /// an error type that holds only text. Text arguments only; numbers are written as text.
    pub fn encode(&self) -> String {
        let clean = |s: &str| s.replace([OPEN, SEP, CLOSE], "");
        if let Some(v) = &self.verbatim {
            return clean(v);
        }
        let mut out = format!("{OPEN}{}", self.id);
        for (name, value) in &self.args {
            let v = match value {
                Arg::Text(t) => clean(t),
                Arg::Number(n) => n.to_string(),
                Arg::Msg(m) => clean(&m.text(Lang::En)),
                Arg::Field(f) => clean(f),
            };
            out.push_str(&format!("{SEP}{name}={v}"));
        }
        out.push(CLOSE);
        out
    }

    /// The first message [`Msg::encode`] wrote into `s`. Its id must be one of the catalogues'
    /// (the code names only those), so an id is leaked to a `&'static str` at most once each.
    pub fn decode(s: &str) -> Option<Msg> {
        let start = s.find(OPEN)? + OPEN.len_utf8();
        let end = s[start..].find(CLOSE)? + start;
        let mut parts = s[start..end].split(SEP);
        let id = static_id(parts.next()?)?;
        let mut msg = Msg::new(id);
        for p in parts {
            let (name, value) = p.split_once('=')?;
            msg = msg.arg(static_id(name)?, value);
        }
        Some(msg)
    }
}

/// The catalogue's own copy of an id or argument name, which lives as long as the program.
fn static_id(name: &str) -> Option<&'static str> {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut v: Vec<&'static str> = Vec::new();
        for line in SOURCES[0].lines() {
            if let Some((id, _)) = line.split_once(" = ")
                && !id.starts_with([' ', '#'])
            {
                v.push(id);
            }
            let mut rest = line;
            while let Some(i) = rest.find("{ $") {
                let after = &rest[i + 3..];
                let end = after.find([' ', '}']).unwrap_or(after.len());
                v.push(&after[..end]);
                rest = &after[end..];
            }
        }
        v.push("n");
        v
    });
    names.iter().copied().find(|n| *n == name)
}

impl fmt::Display for Msg {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// `msg!("id", name = value, …)`: the message `id` with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// The catalogues as written, by language (`Lang as usize`).
pub const SOURCES: [&str; 3] = [
    include_str!("en.ftl"),
    include_str!("kk.ftl"),
    include_str!("ru.ftl"),
];

fn bundles() -> &'static [FluentBundle<FluentResource>; 3] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(bundle))
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // The catalogues are compiled in and tested (tests below), so a syntax error cannot reach a
    // user; should one slip through, the messages that did parse are still used.
    let resource = match FluentResource::try_new(SOURCES[lang as usize].to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Each catalogue's messages and the variables each one uses.
    fn catalogue(src: &str) -> BTreeMap<String, BTreeSet<String>> {
        let res = fluent_syntax::parser::parse(src).unwrap_or_else(|(_, e)| panic!("{e:?}"));
        let mut out = BTreeMap::new();
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                out.insert(m.id.name.to_string(), vars);
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expr_vars(expression, vars);
            }
        }
    }

    fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
            }
            ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn the_three_catalogues_parse_and_hold_the_same_messages() {
        let en = catalogue(SOURCES[0]);
        assert!(en.len() > 50, "{} messages", en.len());
        for lang in [Lang::Kk, Lang::Ru] {
            let other = catalogue(SOURCES[lang as usize]);
            let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in en.ftl {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn translations_use_only_the_arguments_stend_passes() {
        // English uses every argument a message gets, except `$n` where it says `$nth`; a
        // translation may leave some out, but one it invents would print as `{$name}`.
        let en = catalogue(SOURCES[0]);
        for lang in [Lang::Kk, Lang::Ru] {
            for (id, vars) in catalogue(SOURCES[lang as usize]) {
                let mut allowed = en[&id].clone();
                if allowed.contains("nth") {
                    allowed.insert("n".into());
                }
                let unknown: Vec<_> = vars.difference(&allowed).collect();
                assert!(
                    unknown.is_empty(),
                    "{}: `{id}` uses {unknown:?}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_id_used_in_the_code_is_in_the_catalogues() {
        let en = catalogue(SOURCES[0]);
        let mut used = BTreeSet::new();
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        for entry in walkdir::WalkDir::new(src) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for call in ["msg!(\"", "Msg::new(\""] {
                for (i, _) in text.match_indices(call) {
                    let rest = &text[i + call.len()..];
                    if let Some(end) = rest.find('"') {
                        used.insert(rest[..end].to_string());
                    }
                }
            }
        }
        // `id` is the macro's own parameter; `no-such-id` is the test of an unknown id.
        used.remove("id");
        used.remove("no-such-id");
        let missing: Vec<_> = used.iter().filter(|id| !en.contains_key(*id)).collect();
        assert!(missing.is_empty(), "ids not in en.ftl: {missing:?}");
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let n = |k: i64| Msg::new("count-problems").arg("count", k);
        assert_eq!(n(1).text(Lang::En), "1 problem");
        assert_eq!(n(2).text(Lang::En), "2 problems");
        assert_eq!(n(1).text(Lang::Ru), "1 ошибка");
        assert_eq!(n(3).text(Lang::Ru), "3 ошибки");
        assert_eq!(n(5).text(Lang::Ru), "5 ошибок");
        assert_eq!(n(21).text(Lang::Ru), "21 ошибка");
        assert_eq!(n(5).text(Lang::Kk), "5 қате");
    }

    #[test]
    fn the_language_comes_from_the_flag_then_stend_lang_then_the_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::choose(Some("kk"), env(&[])), Ok(Lang::Kk));
        assert_eq!(
            Lang::choose(None, env(&[("STEND_LANG", "ru"), ("LANG", "kk_KZ.UTF-8")])),
            Ok(Lang::Ru)
        );
        assert_eq!(
            Lang::choose(None, env(&[("LANG", "kk_KZ.UTF-8")])),
            Ok(Lang::Kk)
        );
        assert_eq!(
            Lang::choose(None, env(&[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")])),
            Ok(Lang::En),
            "LC_ALL set decides, even when it names no language we have"
        );
        assert_eq!(Lang::choose(None, env(&[])), Ok(Lang::En));
        assert_eq!(Lang::choose(Some("de"), env(&[])), Err("de".to_string()));
        assert_eq!(
            Lang::choose(None, env(&[("STEND_LANG", "fr")])),
            Err("fr".to_string())
        );
    }

    #[test]
    fn messages_survive_a_trip_through_error_text() {
        let m = Msg::new("not-a-date").arg("value", "2026-13-01");
        let carried = format!("line 3: {} at line 3", m.encode());
        assert_eq!(Msg::decode(&carried), Some(m));
        assert_eq!(Msg::decode("no message here"), None);
        assert_eq!(Msg::decode(&Msg::new("no-such-id").encode()), None);
    }

    #[test]
    fn nested_messages_take_the_outer_language() {
        let m = Msg::new("count-in-files")
            .arg("problems", Msg::new("count-problems").arg("count", 2))
            .arg("files", Msg::new("count-files").arg("count", 1));
        assert_eq!(m.text(Lang::Ru), "2 ошибки в 1 файле");
    }
}
