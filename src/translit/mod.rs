//! Transliteration of Kazakh from the Cyrillic alphabet into the Latin one, for an edition of
//! the site derived from the Kazakh text (`kk-Latn`). This module owns the letter table, the
//! rules for the letters the Latin alphabet has no counterpart for, what text is protected from
//! transliteration (web and e-mail addresses, other languages in HTML), and the check that no
//! Cyrillic letter is left behind. It depends on no other part of stend.
//!
//! # The alphabet
//!
//! [`Scheme::KazakhLatin2021`] is the improved Latin alphabet of 31 letters presented by the
//! Government on 28 January 2021 (National Commission for the transition of the Kazakh alphabet
//! to the Latin script, chaired by Prime Minister A. Mamin), as published with the draft Decree
//! of the President «О некоторых вопросах перевода алфавита казахского языка с кириллицы на
//! латинскую графику» on the "Open legal acts" portal on 21 April 2021; that draft differs from
//! the January version in one letter, Ң = Ñ (January: Ŋ). It amends the alphabet annexed to
//! Decree No. 569 of 26 October 2017 «О переводе алфавита казахского языка с кириллицы на
//! латинскую графику», whose alphabet was replaced by the Decree of 19 February 2018. Full
//! references: `docs/transliteration.md`.
//!
//! | Cyrillic | Latin | Cyrillic | Latin | Cyrillic | Latin |
//! |---|---|---|---|---|---|
//! | А а | A a | Қ қ | Q q | Ф ф | F f |
//! | Ә ә | Ä ä | Л л | L l | Х х | H h |
//! | Б б | B b | М м | M m | Һ һ | H h |
//! | В в | V v | Н н | N n | Ш ш | Ş ş |
//! | Г г | G g | Ң ң | Ñ ñ | Ы ы | Y y |
//! | Ғ ғ | Ğ ğ | О о | O o | І і | I ı |
//! | Д д | D d | Ө ө | Ö ö | И и | İ i |
//! | Е е | E e | П п | P p | Й й | İ i |
//! | Ж ж | J j | Р р | R r | У у | U u |
//! | З з | Z z | С с | S s | Ұ ұ | Ū ū |
//! | К к | K k | Т т | T t | Ү ү | Ü ü |
//! | Ч ч | Ç ç |  |  |  |  |
//!
//! The alphabet pairs capitals as Turkish does: І і is **I ı** (dotless small letter), И и and
//! Й й are **İ i** (dotted capital). У is always U (the 2021 alphabet has no W), and Х and Һ
//! both become H. Output letters are precomposed (NFC) code points; Ş is S with a cedilla
//! (U+015E/U+015F), Ç is C with a cedilla (U+00C7/U+00E7).
//!
//! # Letters without a counterpart
//!
//! Ё, Ц, Щ, Ъ, Ь, Э, Ю, Я occur only in loanwords (and Я, Ю in native words, as [ja], [ju]).
//! The 2021 alphabet gives them no letter. The rules below follow the spelling rules approved by
//! the National Commission on 6 December 2018 (Baitursynuly Institute of Linguistics; published
//! in «Егемен Қазақстан», 2019, No. 11), written with the 2021 letters; where those rules need
//! a dictionary, the nearest mechanical rule is used and said so.
//!
//! - **Э → E**; **Ъ** is not written (субъект → subekt).
//! - **Ц → S**, and the pair СЦ → S (цирк → sirk, полиция → polisia).
//! - **Ч → Ç**, the letter the 2019 draft gave Ч and the one this edition's brief lists among the
//!   alphabet's letters (Ä, Ğ, Ñ, Ö, Ū, Ü, Ş, Ç, I ı, İ i); it keeps Ч apart from Ш (Ş), which a
//!   reader of a name such as Курчатов needs.
//! - **Щ → Ş**, but **ŞŞ** in the three native words with a long [ʃː]: ащы, тұщы, кеще (and their
//!   forms, recognised by the word's beginning).
//! - **Ё, Ю, Я** after a consonant (or Ъ, Ь) make the vowel front — **Ö, Ü, Ä** (актёр → aktör,
//!   бюджет → büdjet, заряд → zaräd); after И or Й, which already write the [j], they are the
//!   bare vowel **o, u, a** (полиция → polisia); elsewhere — at the start of a word, after a
//!   vowel — they are [j] plus the vowel, the [j] written like Й: **İo, İu, İa** (аю → aiu,
//!   қоян → qoian, Юрист → İurist).
//! - **Ь** is not written; before a consonant or at the end of a word it makes the vowel of its
//!   syllable front — the nearest vowel before it becomes Ä, Ö, Ü if it is A, O, U (асфальт →
//!   asfält, бульдог → büldog), and E, I stay (фильм → film). Before a vowel it only separates
//!   (ателье → atele); a following Ё, Ю, Я is then fronted by the rule above.
//!
//! # Letter case
//!
//! Every letter keeps its case. A capital that becomes two Latin letters is capitalised
//! (Юрист → İurist) unless it stands in an all-caps word — the next letter, or for the last
//! letter the one before, is a capital — where both are capitals (ЮРИСТ → İURİST). An all-caps
//! word therefore stays all-caps.
//!
//! # What is not changed
//!
//! Everything that is not one of the 42 Kazakh Cyrillic letters — Latin letters, digits,
//! punctuation, other scripts, Cyrillic letters of other alphabets (Ukrainian Ї, Uzbek Ў) — is
//! copied; [`first_untransliterated`] then reports them. Web addresses (`http://`, `https://`, `www.`) and e-mail
//! addresses are found in the text and copied verbatim even when they hold Cyrillic, since an
//! address with one letter changed leads elsewhere. In HTML ([`transliterate_html`]) only text
//! and the attributes people read change; markup, `<script>` and `<style>` are copied, and so is
//! every element marked as another language (`lang="ru"`, or `lang="kk-Cyrl"` for Kazakh kept in
//! Cyrillic on purpose, such as the switcher's link to the Cyrillic edition).
//!
//! # Checking the result
//!
//! [`first_cyrillic`] finds any Cyrillic letter, [`first_untransliterated`] one outside a
//! protected address: the build uses the latter on Latin text to refuse a silent gap.

mod html;
mod kazakh;
mod protect;

pub use html::{first_cyrillic_in_html, transliterate_html, transliterate_html_checked};

use std::fmt;

/// A named transliteration, as `stend.yaml` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Kazakh Cyrillic → the Kazakh Latin alphabet of 2021 (see the module documentation).
    KazakhLatin2021,
}

impl Scheme {
    /// Every scheme, for listing the valid names in a diagnostic.
    pub const ALL: [Scheme; 1] = [Scheme::KazakhLatin2021];

    /// The scheme a name in `stend.yaml` stands for (`kazakh-latin-2021`), if any.
    pub fn from_name(name: &str) -> Option<Scheme> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The language the scheme transliterates from (`kk`).
    pub fn source_language(self) -> &'static str {
        match self {
            Scheme::KazakhLatin2021 => "kk",
        }
    }

    /// The scheme's name in `stend.yaml`.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::KazakhLatin2021 => "kazakh-latin-2021",
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Transliterates plain text, copying web and e-mail addresses verbatim.
pub fn transliterate(scheme: Scheme, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    transliterate_into(scheme, text, &mut out);
    out
}

/// [`transliterate`], appending to `out`.
fn transliterate_into(scheme: Scheme, text: &str, out: &mut String) {
    match scheme {
        Scheme::KazakhLatin2021 => {
            let mut from = 0;
            for span in protect::spans(text) {
                kazakh::push_latin(&text[from..span.start], out);
                out.push_str(&text[span.clone()]);
                from = span.end;
            }
            kazakh::push_latin(&text[from..], out);
        }
    }
}

/// The byte offset and the letter of the first Cyrillic letter in `text` (any Cyrillic block of
/// Unicode, not only the Kazakh alphabet), if there is one.
pub fn first_cyrillic(text: &str) -> Option<(usize, char)> {
    text.char_indices()
        .find(|&(_, c)| protect::is_cyrillic_letter(c))
}

/// [`first_cyrillic`], ignoring the web and e-mail addresses that transliteration copies
/// verbatim: a Cyrillic letter found here is one transliteration left behind.
pub fn first_untransliterated(text: &str) -> Option<(usize, char)> {
    let mut from = 0;
    for span in protect::spans(text) {
        if let Some((i, c)) = first_cyrillic(&text[from..span.start]) {
            return Some((from + i, c));
        }
        from = span.end;
    }
    first_cyrillic(&text[from..]).map(|(i, c)| (from + i, c))
}

/// HTML that [`transliterate_html`] cannot follow, with where it went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Byte offset in the input.
    pub offset: usize,
    /// 1-based line of the offset.
    pub line: usize,
    /// 1-based column of the offset, in characters.
    pub column: usize,
    /// What is wrong there.
    pub message: String,
}

impl Error {
    fn at(src: &str, offset: usize, message: String) -> Error {
        let before = &src[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Error {
            offset,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for Error {}
