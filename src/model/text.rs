//! Human-readable values given once per configured language (`{kk: …, ru: …}`).
//!
//! Completeness is enforced while deserializing: [`with_languages`] tells the deserializer which
//! languages the project has, so a missing or unknown translation is reported by serde with the
//! file, line and field path like any other data error, and later stages never meet a gap.
//!
//! A derived language (`kk-Latn`, see [`crate::translit`]) is filled in here too: its text is
//! the one it is derived from, transliterated, unless the data gives it; a Cyrillic letter the
//! transliteration leaves behind is refused like a missing translation, with the same position.

use super::Derived;
use crate::msg;
use crate::translit;
use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::collections::BTreeMap;

thread_local! {
    static LANGUAGES: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// The derived languages every [`Text`] gets, while [`with_languages`] runs.
    static DERIVED: RefCell<Vec<Derived>> = const { RefCell::new(Vec::new()) };
    /// While [`InLang`] serialises a value: the language its texts are written in.
    static SERIALIZE_IN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A value serialised with every [`Text`] in it as its text in one language (`"…"` instead of
/// `{kk: "…", ru: "…"}`): how a page sees the data of its language, whatever the data's shape.
pub struct InLang<'a, T: ?Sized>(pub &'a str, pub &'a T);

impl<T: Serialize + ?Sized> Serialize for InLang<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Restore(Option<String>);
        impl Drop for Restore {
            fn drop(&mut self) {
                let prev = self.0.take();
                SERIALIZE_IN.with(|l| *l.borrow_mut() = prev);
            }
        }
        let prev = SERIALIZE_IN.with(|l| l.borrow_mut().replace(self.0.to_string()));
        let _restore = Restore(prev);
        self.1.serialize(s)
    }
}

/// Runs `f` with `langs` as the written languages every [`Text`] must have, and `derived` as
/// the languages generated from them.
pub fn with_languages<R>(langs: &[String], derived: &[Derived], f: impl FnOnce() -> R) -> R {
    struct Reset(Option<Vec<String>>, Vec<Derived>);
    impl Drop for Reset {
        fn drop(&mut self) {
            let prev = self.0.take();
            LANGUAGES.with(|l| *l.borrow_mut() = prev);
            let prev = std::mem::take(&mut self.1);
            DERIVED.with(|d| *d.borrow_mut() = prev);
        }
    }
    let prev = LANGUAGES.with(|l| l.borrow_mut().replace(langs.to_vec()));
    let prev_derived = DERIVED.with(|d| std::mem::replace(&mut *d.borrow_mut(), derived.to_vec()));
    let _reset = Reset(prev, prev_derived);
    f()
}

/// The text of derived language `d` made from `from`, or the message for a letter the
/// transliteration has no counterpart for.
pub fn derive(d: &Derived, from: &str) -> Result<String, crate::i18n::Msg> {
    let out = translit::transliterate(d.scheme, from);
    match translit::first_untransliterated(&out) {
        None => Ok(out),
        // Name the word as the webmaster wrote it: the letter is copied, so it is in `from`.
        Some((_, letter)) => {
            let at = from.find(letter).unwrap_or(0);
            Err(letter_left(d, letter, word_at(from, at)))
        }
    }
}

fn letter_left(d: &Derived, letter: char, word: String) -> crate::i18n::Msg {
    msg!(
        "translit-letter-left",
        letter = letter.to_string(),
        word = word,
        lang = &d.code,
        from = &d.from,
        scheme = d.scheme.name()
    )
}

/// A derived language's text must not keep a Cyrillic letter (outside a web or e-mail address).
pub fn refuse_cyrillic(d: &Derived, text: &str) -> Result<(), crate::i18n::Msg> {
    match translit::first_untransliterated(text) {
        None => Ok(()),
        Some((at, letter)) => Err(letter_left(d, letter, word_at(text, at))),
    }
}

/// The word around byte `at` of `text`, to show where a letter is.
pub fn word_at(text: &str, at: usize) -> String {
    let start = text[..at]
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[at..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(text.len(), |i| at + i);
    text[start..end].to_string()
}

/// A text in every configured language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    values: BTreeMap<String, String>,
}

impl Text {
    /// The text in `lang`. Loading guarantees every configured language is present.
    pub fn get(&self, lang: &str) -> &str {
        self.values.get(lang).map(String::as_str).unwrap_or("")
    }

    /// Builds a text from (language, value) pairs; used by tests and generators.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Text {
            values: pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// All (language, value) pairs, ordered by language code.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let values = d.deserialize_any(TextVisitor)?;
        let derived = DERIVED.with(|d| d.borrow().clone());
        LANGUAGES.with(|langs| {
            let langs = langs.borrow();
            let Some(langs) = langs.as_ref() else {
                return Ok(());
            };
            for lang in langs {
                match values.get(lang) {
                    None => {
                        return Err(de::Error::custom(
                            msg!("translation-missing", lang = lang).encode(),
                        ));
                    }
                    Some(v) if v.trim().is_empty() => {
                        return Err(de::Error::custom(
                            msg!("translation-empty", lang = lang).encode(),
                        ));
                    }
                    Some(_) => {}
                }
            }
            if let Some(extra) = values
                .keys()
                .find(|k| !langs.contains(k) && !derived.iter().any(|d| &d.code == *k))
            {
                return Err(de::Error::custom(
                    msg!(
                        "translation-not-a-language",
                        lang = extra,
                        languages = langs.join(", ")
                    )
                    .encode(),
                ));
            }
            Ok(())
        })?;
        let mut values = values;
        for d in derived {
            let made = match values.get(&d.code) {
                // Given in the data: an override, held to the same rule.
                Some(given) => refuse_cyrillic(&d, given).map(|()| given.clone()),
                None => derive(&d, values.get(&d.from).map_or("", String::as_str)),
            };
            let made = made.map_err(|m| de::Error::custom(m.encode()))?;
            values.insert(d.code.clone(), made);
        }
        Ok(Text { values })
    }
}

/// `{kk: "…", ru: "…"}` for the configured languages, to show how a text is written.
fn example() -> String {
    LANGUAGES.with(|l| {
        let l = l.borrow();
        let langs: Vec<String> = match l.as_ref() {
            Some(v) if !v.is_empty() => v.clone(),
            _ => vec!["kk".into(), "ru".into()],
        };
        let parts: Vec<String> = langs.iter().map(|c| format!("{c}: \"…\"")).collect();
        format!("{{{}}}", parts.join(", "))
    })
}

/// Reads a mapping of language → text, and says how a text is written when it meets anything else.
struct TextVisitor;

impl<'de> de::Visitor<'de> for TextVisitor {
    type Value = BTreeMap<String, String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "one text per language, {}", example())
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some((k, v)) = map.next_entry::<String, String>()? {
            out.insert(k, v);
        }
        Ok(out)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(E::custom(msg!("text-single", example = example()).encode()))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lang = SERIALIZE_IN.with(|l| l.borrow().clone());
        match lang {
            Some(lang) => s.serialize_str(self.get(&lang)),
            None => self.values.serialize(s),
        }
    }
}

/// In schemas a text is an object of strings that are not blank; `stend schema` narrows it to the
/// project's languages (all required, no others).
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text in every language of the site, e.g. {kk: \"…\", ru: \"…\"}",
            "type": "object",
            "additionalProperties": {"type": "string", "minLength": 1, "pattern": crate::model::rules::NOT_BLANK}
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Doc {
        name: Text,
        items: Vec<Text>,
        n: u32,
    }

    #[test]
    fn in_lang_serialises_every_text_in_one_language() {
        let t = |kk, ru| Text::from_pairs([("kk", kk), ("ru", ru)]);
        let doc = Doc {
            name: t("аты", "имя"),
            items: vec![t("бір", "один")],
            n: 2,
        };
        assert_eq!(
            serde_json::to_string(&InLang("ru", &doc)).unwrap(),
            r#"{"name":"имя","items":["один"],"n":2}"#
        );
        // Outside it, a text is the whole mapping again.
        assert_eq!(
            serde_json::to_string(&doc.name).unwrap(),
            r#"{"kk":"аты","ru":"имя"}"#
        );
        // Nested: the inner language wins inside, the outer one after it.
        let pair = (InLang("kk", &doc.name), doc.name.clone());
        assert_eq!(
            serde_json::to_string(&InLang("ru", &pair)).unwrap(),
            r#"["аты","имя"]"#
        );
    }
}
