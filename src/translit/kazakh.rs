//! The letter rules of the 2021 Kazakh Latin alphabet: the Cyrillic → Latin table, the Russian
//! loan letters the alphabet has no letter for, and letter case.
//!
//! Text is handled one *word* at a time — a maximal run of the 42 Kazakh Cyrillic letters —
//! because every rule here looks only at a letter's neighbours inside its word (Я after a
//! consonant, Ь before a consonant, the case of the next letter). Anything that is not one of
//! those letters ends the word and is copied unchanged.

/// Appends the Latin form of `text` to `out`; characters other than the 42 Kazakh Cyrillic
/// letters are copied as they are.
pub(super) fn push_latin(text: &str, out: &mut String) {
    let mut word: Vec<char> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // Й and Ё may arrive decomposed (И + combining breve, Е + combining diaeresis); they are
        // still one letter, and the mark must not land on the Latin letter.
        let composed = match (c, chars.peek()) {
            ('и', Some('\u{306}')) => Some('й'),
            ('И', Some('\u{306}')) => Some('Й'),
            ('е', Some('\u{308}')) => Some('ё'),
            ('Е', Some('\u{308}')) => Some('Ё'),
            _ => None,
        };
        if let Some(letter) = composed {
            chars.next();
            word.push(letter);
        } else if lower(c).is_some() {
            word.push(c);
        } else {
            push_word(&word, out);
            word.clear();
            out.push(c);
        }
    }
    push_word(&word, out);
}

/// The lowercase form of `c` if it is one of the 42 letters of the Kazakh Cyrillic alphabet:
/// the 33 Russian letters (U+0410–U+044F, Ё/ё) and Ә Ғ Қ Ң Ө Ұ Ү Һ І.
pub(super) fn lower(c: char) -> Option<char> {
    match c {
        'а'..='я' | 'ё' | 'і' | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => {
            Some(c)
        }
        'А'..='Я' => char::from_u32(c as u32 + 0x20),
        'Ё' => Some('ё'),
        'І' => Some('і'),
        // The Kazakh additions sit in pairs, capital at the even code point.
        'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ' | 'Ү' | 'Һ' => char::from_u32(c as u32 + 1),
        _ => None,
    }
}

/// Transliterates one word of Kazakh Cyrillic letters onto `out`.
fn push_word(word: &[char], out: &mut String) {
    if word.is_empty() {
        return;
    }
    let low: Vec<char> = word.iter().map(|&c| lower(c).unwrap_or(c)).collect();
    let mut latin: Vec<char> = Vec::with_capacity(word.len() + 2);
    for i in 0..word.len() {
        if low[i] == 'ь' && !low.get(i + 1).is_some_and(|&n| is_vowel(n)) {
            front_last_vowel(&mut latin);
        }
        let form = latin_of(&low, i);
        if word[i] == low[i] {
            latin.extend(form.chars());
        } else if form.chars().count() <= 1 || all_caps_at(word, &low, i) {
            latin.extend(form.chars().map(upper));
        } else {
            let mut cs = form.chars();
            latin.extend(cs.next().map(upper));
            latin.extend(cs);
        }
    }
    out.extend(latin);
}

/// The Latin form (lowercase) of the letter at `i` of the lowercased word `w`.
fn latin_of(w: &[char], i: usize) -> &'static str {
    let prev = i.checked_sub(1).map(|p| w[p]);
    match w[i] {
        'а' => "a",
        'ә' => "ä",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "ğ",
        'д' => "d",
        'е' | 'э' => "e",
        'ж' => "j",
        'з' => "z",
        'и' | 'й' => "i",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ñ",
        'о' => "o",
        'ө' => "ö",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ұ' => "ū",
        'ү' => "ü",
        'ф' => "f",
        'х' | 'һ' => "h",
        'ш' => "ş",
        'ч' => "ç",
        'ы' => "y",
        'і' => "ı",
        'ъ' | 'ь' => "",
        // СЦ is written S: the С already gave it.
        'ц' if prev == Some('с') => "",
        'ц' => "s",
        'щ' if is_native_long_sh(w, i) => "şş",
        'щ' => "ş",
        'ё' => iotated(prev, "io", "o", "ö"),
        'ю' => iotated(prev, "iu", "u", "ü"),
        'я' => iotated(prev, "ia", "a", "ä"),
        _ => "",
    }
}

/// Ё, Ю, Я: after a consonant (or Ъ, Ь) they only make the vowel front — Ö, Ü, Ä; after И or Й,
/// which already carry the [j], the bare vowel; elsewhere (word start, after a vowel) [j] plus
/// the vowel, the [j] written İ like Й.
fn iotated(
    prev: Option<char>,
    initial: &'static str,
    bare: &'static str,
    front: &'static str,
) -> &'static str {
    match prev {
        None => initial,
        Some('и' | 'й') => bare,
        Some(p) if is_vowel(p) => initial,
        Some(_) => front,
    }
}

/// The three native words with a long Ш written Щ (ащы, тұщы, кеще, and their forms): the Щ
/// stands for two sounds there, ŞŞ. In loanwords it is one, Ş.
fn is_native_long_sh(w: &[char], i: usize) -> bool {
    const STEMS: [&[char]; 3] = [
        &['а', 'щ', 'ы'],
        &['т', 'ұ', 'щ', 'ы'],
        &['к', 'е', 'щ', 'е'],
    ];
    STEMS
        .iter()
        .any(|stem| w.starts_with(stem) && stem.get(i) == Some(&'щ'))
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'ә' | 'е' | 'ё' | 'и' | 'о' | 'ө' | 'у' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я'
    )
}

/// Ь before a consonant or at the end of a word makes the vowel of its syllable front:
/// A → Ä, O → Ö, U → Ü; E and I are front already, and the rule names no other vowel.
fn front_last_vowel(latin: &mut [char]) {
    let Some(v) = latin.iter_mut().rev().find(|c| is_latin_vowel(**c)) else {
        return;
    };
    *v = match *v {
        'a' => 'ä',
        'o' => 'ö',
        'u' => 'ü',
        'A' => 'Ä',
        'O' => 'Ö',
        'U' => 'Ü',
        other => other,
    };
}

fn is_latin_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ä'
            | 'e'
            | 'i'
            | 'ı'
            | 'o'
            | 'ö'
            | 'u'
            | 'ū'
            | 'ü'
            | 'y'
            | 'A'
            | 'Ä'
            | 'E'
            | 'İ'
            | 'I'
            | 'O'
            | 'Ö'
            | 'U'
            | 'Ū'
            | 'Ü'
            | 'Y'
    )
}

/// Whether a capital letter written with two Latin letters stands inside an all-caps word, so
/// both are capitals (ЮРИСТ → İURİST) rather than only the first (Юрист → İurist): the next
/// letter is a capital, or it is the last letter and the one before is a capital.
fn all_caps_at(word: &[char], low: &[char], i: usize) -> bool {
    let upper_at = |j: usize| word[j] != low[j];
    if i + 1 < word.len() {
        upper_at(i + 1)
    } else {
        i > 0 && upper_at(i - 1)
    }
}

/// The capital of a letter of the Latin alphabet. Not `char::to_uppercase`: the alphabet pairs
/// İ with i and I with ı, as Turkish does, where Unicode's default pairs I with i.
fn upper(c: char) -> char {
    match c {
        'i' => 'İ',
        'ı' => 'I',
        _ => c.to_uppercase().next().unwrap_or(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin(s: &str) -> String {
        let mut out = String::new();
        push_latin(s, &mut out);
        out
    }

    #[test]
    fn lower_knows_exactly_the_42_letters() {
        let upper = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ";
        let lowers = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
        assert_eq!(upper.chars().count(), 42);
        for (u, l) in upper.chars().zip(lowers.chars()) {
            assert_eq!(lower(u), Some(l), "{u}");
            assert_eq!(lower(l), Some(l), "{l}");
        }
        for c in ['ї', 'є', 'ў', 'ѣ', 'Ӯ', 'ҳ', 'a', 'Z', '1', ' '] {
            assert_eq!(lower(c), None, "{c}");
        }
    }

    #[test]
    fn decomposed_short_i_and_yo_are_one_letter() {
        assert_eq!(latin("аи\u{306}"), "ai");
        assert_eq!(latin("И\u{306}"), "İ");
        assert_eq!(latin("акте\u{308}р"), "aktör");
        assert_eq!(latin("Е\u{308}Л"), "İOL");
    }

    #[test]
    fn soft_sign_fronts_only_within_its_word() {
        // The Latin "a" before the word is not the word's vowel.
        assert_eq!(latin("aль"), "al");
        assert_eq!(latin("альпі"), "älpı");
    }
}
