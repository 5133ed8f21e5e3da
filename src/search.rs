//! The office finder's index: the folding that makes Kazakh, Russian and Latin spellings of a
//! place meet, and the search keys that the directory page carries for each office.
//!
//! Folding maps Cyrillic (Kazakh and Russian letters) and Latin (English-style transliteration
//! and the official Kazakh Latin alphabet: ä ğ ı ñ ö ş ū ü ç q) onto one loose Latin
//! skeleton: «Қарағанды», «Караганда», «qaraghandy» and «karaganda» become `karagandi` or
//! `karaganda`, which the finder's prefix and one-typo matching then join. The finder script
//! folds what the reader types with the very same table: the directory page carries it
//! ([`fold_spec`]), so keys and queries cannot drift apart.

/// Replacements, applied to lowercase text at each position, the longest matching source first.
/// Characters not listed are kept when they are `a`–`z` or `0`–`9` and otherwise separate words;
/// combining marks (U+0300–U+036F, e.g. the dot that lowercasing `İ` leaves) are dropped.
const FOLD: &[(&str, &str)] = &[
    // Russian and Kazakh Cyrillic.
    ("а", "a"),
    ("ә", "a"),
    ("б", "b"),
    ("в", "v"),
    ("г", "g"),
    ("ғ", "g"),
    ("д", "d"),
    ("е", "e"),
    ("ё", "e"),
    ("ж", "zh"),
    ("з", "z"),
    ("и", "i"),
    ("і", "i"),
    ("й", "i"),
    ("к", "k"),
    ("қ", "k"),
    ("л", "l"),
    ("м", "m"),
    ("н", "n"),
    ("ң", "n"),
    ("о", "o"),
    ("ө", "o"),
    ("п", "p"),
    ("р", "r"),
    ("с", "s"),
    ("т", "t"),
    ("у", "u"),
    ("ұ", "u"),
    ("ү", "u"),
    ("ф", "f"),
    ("х", "h"),
    ("һ", "h"),
    ("ц", "ts"),
    ("ч", "ch"),
    ("ш", "sh"),
    ("щ", "sh"),
    ("ъ", ""),
    ("ы", "i"),
    ("ь", ""),
    ("э", "e"),
    ("ю", "iu"),
    ("я", "ia"),
    // The official Kazakh Latin letters (2021) and the acute ones of 2018.
    ("ä", "a"),
    ("ğ", "g"),
    ("ı", "i"),
    ("ñ", "n"),
    ("ö", "o"),
    ("ş", "sh"),
    ("ū", "u"),
    ("ü", "u"),
    ("ç", "ch"),
    ("á", "a"),
    ("ǵ", "g"),
    ("ń", "n"),
    ("ó", "o"),
    ("ú", "u"),
    ("ý", "u"),
    // Latin letters and digraphs as people transliterate: q for қ, y for ы and й, j for ж.
    ("q", "k"),
    ("y", "i"),
    ("w", "v"),
    ("x", "ks"),
    ("c", "ts"),
    ("ch", "ch"),
    ("j", "zh"),
    ("gh", "g"),
    ("kh", "h"),
    ("ye", "e"),
    // Apostrophes of the 2017 Latin alphabet (a', g') and of typed names carry no letter.
    ("'", ""),
    ("’", ""),
    ("ʼ", ""),
];

/// The longest source in [`FOLD`], in characters.
const LONGEST: usize = 2;

/// Whether `c` is a combining mark that folding drops.
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Folds text to the finder's skeleton: lowercase Latin letters and digits, words separated by
/// single spaces.
pub fn fold(text: &str) -> String {
    let lower: Vec<char> = text
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !is_combining(*c))
        .collect();
    let mut out = String::with_capacity(lower.len());
    let mut i = 0;
    let mut buf = String::new();
    while i < lower.len() {
        let mut matched = None;
        for len in (1..=LONGEST.min(lower.len() - i)).rev() {
            buf.clear();
            buf.extend(&lower[i..i + len]);
            if let Some((_, to)) = FOLD.iter().find(|(from, _)| *from == buf) {
                matched = Some((len, *to));
                break;
            }
        }
        let (len, to) = match matched {
            Some(m) => m,
            None if lower[i].is_ascii_lowercase() || lower[i].is_ascii_digit() => {
                out.push(lower[i]);
                i += 1;
                continue;
            }
            None => (1, " "),
        };
        if to == " " {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push_str(to);
        }
        i += len;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The search key of an office: the distinct folded words of all `parts` (its names, addresses
/// and localities in every language), in order of first appearance, separated by spaces.
/// Kazakh and Russian spellings that fold alike are stored once, which keeps the directory page
/// small at thousands of offices.
pub fn key<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for part in parts {
        for word in fold(part).split(' ').filter(|w| !w.is_empty()) {
            if seen.insert(word.to_string()) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
    }
    out
}

/// The fold table for the finder script, as the directory page carries it: `from=to` pairs
/// separated by spaces (an empty `to` drops the letter).
pub fn fold_spec() -> String {
    FOLD.iter()
        .map(|(from, to)| format!("{from}={to}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_russian_and_latin_spellings_meet() {
        assert_eq!(fold("Қарағанды облысы"), "karagandi oblisi");
        assert_eq!(fold("Караганда"), "karaganda");
        assert_eq!(fold("qaraghandy"), "karagandi");
        assert_eq!(fold("Qarağandy"), "karagandi");
        assert_eq!(fold("Ақтөбе"), fold("aqtöbe"));
        assert_eq!(fold("Актобе"), fold("Aktobe"));
        assert_eq!(fold("Шымкент"), fold("shymkent"));
        assert_eq!(fold("Шымкент"), fold("Şymkent"));
        assert_eq!(fold("Алматы"), fold("almaty"));
        assert_eq!(fold("Көкшетау"), fold("Kökşetau"));
        assert_eq!(fold("Жезқазған"), fold("Jezqazğan"));
        assert_eq!(fold("Жезқазған"), fold("zhezkazgan"));
        assert_eq!(fold("Қызылорда"), fold("Qyzylorda"));
        assert_eq!(fold("Маңғыстау"), fold("Mañğystau"));
        assert_eq!(fold("Түркістан"), fold("Türkistan"));
        assert_eq!(fold("Ұлытау"), fold("Ūlytau"));
        assert_eq!(fold("Чапаев"), fold("Çapaev"));
        assert_eq!(fold("Есіл"), fold("Yesil"));
        assert_eq!(fold("Талдықорған"), fold("Taldykorgan"));
        assert_eq!(fold("Хромтау"), fold("Khromtau"));
        assert_eq!(fold("Щучинск"), "shuchinsk");
        assert_eq!(fold("Qarag'andy"), "karagandi");
    }

    #[test]
    fn case_punctuation_and_marks() {
        assert_eq!(
            fold("  «Алматы»  ауданы, 5-шағын аудан"),
            "almati audani 5 shagin audan"
        );
        assert_eq!(fold("ТАЛДЫҚОРҒАН"), "taldikorgan");
        // `İ` lowercases to `i` and a combining dot, which is dropped.
        assert_eq!(fold("İşki"), "ishki");
        // Decomposed letters lose their marks rather than splitting the word.
        assert_eq!(fold("o\u{308}skemen"), "oskemen");
        assert_eq!(fold("Усть-Каменогорск"), "ust kamenogorsk");
        assert_eq!(fold("ъ ь"), "");
        assert_eq!(
            fold("г. Астана, ул. Сейфуллина, 29"),
            "g astana ul seifullina 29"
        );
    }

    #[test]
    fn keys_hold_each_word_once() {
        assert_eq!(
            key([
                "Қарағанды қаласы",
                "г. Караганда",
                "Қарағанды қаласы, Ермеков көшесі, 118"
            ]),
            "karagandi kalasi g karaganda ermekov koshesi 118"
        );
        assert_eq!(key([""]), "");
    }

    #[test]
    fn the_spec_lists_every_pair() {
        let spec = fold_spec();
        assert_eq!(spec.split(' ').count(), FOLD.len());
        assert!(spec.starts_with("а=a ә=a "));
        assert!(spec.contains(" ъ= "));
        assert!(FOLD.iter().all(|(from, _)| from.chars().count() <= LONGEST));
        assert!(
            FOLD.iter()
                .all(|(from, to)| !from.contains([' ', '=']) && !to.contains([' ', '=']))
        );
    }
}
