//! Tokens, sentences and paragraphs of a cleaned article.
//!
//! The tokenizer keeps abbreviations ("Mr.", "U.S.", initials such as "V.")
//! whole and splits the possessive "’s" off its word, because both matter to
//! name detection. Offsets are bytes into the article text.

use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// The possessive ending "’s" / "'s".
    Possessive,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
    /// Index of the paragraph (line of the cleaned text).
    pub para: usize,
    /// Index of the sentence, counted over the whole text.
    pub sent: usize,
    /// First word of its sentence, or first word right after an opening quotation mark.
    pub sent_start: bool,
}

/// Abbreviations that keep their final period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "maj", "lt", "col", "capt", "sgt", "adm", "sen", "rep", "gov",
    "prof", "rev", "fr", "cmdr", "brig", "corp", "inc", "ltd", "co", "no", "vs", "etc", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "mt", "ft", "ph", "pres", "dept", "univ", "messrs", "cllr", "engr", "hon", "smt", "supt",
    "insp",
];

/// Abbreviations of US states in news style that are no English word, capitalised: they keep their
/// period ("San Jose, Calif."), and a sentence still ends after them where a function word follows,
/// as after "U.S.".
const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Kan", "Ky", "Md", "Mich", "Minn", "Mont", "Neb",
    "Nev", "Okla", "Tenn", "Tex", "Vt", "Wis", "Wyo",
];

pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    // Every listed abbreviation is short: a longer word is not compared with the list.
    w.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '„' | '«' | '»')
}

/// Appends `text.char_indices()` to `out`, one byte at a time for ASCII (most of a text):
/// the general iterator decodes every character and grows the vector one push at a time.
pub(crate) fn char_offsets(text: &str, out: &mut Vec<(usize, char)>) {
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII bytes goes in at once (an iterator of known length), then one other character.
        let run = bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
        out.extend(bytes[i..i + run].iter().enumerate().map(|(k, &b)| (i + k, b as char)));
        i += run;
        match text.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => {
                out.push((i, c));
                i += c.len_utf8();
            }
            // `i` is always a character boundary; stop rather than loop if it were not.
            None => break,
        }
    }
}

/// The text of every token, sliced once for all the passes that read them.
pub fn token_texts<'a>(text: &'a str, toks: &[Token]) -> Vec<&'a str> {
    toks.iter().map(|t| t.span.slice(text)).collect()
}

/// ASCII letters and digits, by byte.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// General punctuation of news text (dashes, curly quotes, bullets, ellipsis: U+2010..U+2027) is
/// neither a letter, a digit nor a space: answered without the Unicode tables.
fn is_general_punct(c: char) -> bool {
    ('\u{2010}'..='\u{2027}').contains(&c)
}

fn alnum(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { !is_general_punct(c) && c.is_alphanumeric() }
}

/// A character inside a word that is neither a letter nor a digit: a combining mark after a letter
/// ("A\u{303}", a decomposed "Ã"), and the Latin-1 sign that UTF-8 read as Latin-1 leaves after "Ã" or
/// "Â" before a letter ("FranÃ§ois" for "François", "TrÃ©vidic"), so that such a name stays one word.
fn joins_word(c: char, prev: Option<char>, next: Option<char>) -> bool {
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return true;
    }
    ('\u{80}'..='\u{bf}').contains(&c)
        && !matches!(c, '\u{a0}' | '\u{ab}' | '\u{bb}')
        && matches!(prev, Some('Ã' | 'Â' | '\u{303}' | '\u{302}'))
        && next.is_some_and(char::is_alphabetic)
}

/// What a full stop right after `word` does: `None`, it ends the word; `Some(goes_on)`, it belongs
/// to the word (an initial, dotted initials, an abbreviation), which goes on into a letter after it
/// when `goes_on` (dotted initials: "U.S" ... "U.S.A").
fn dot_in_word(before: &str, word: &str, after: &str) -> Option<bool> {
    let segment_len = word.rsplit(['.', '-']).next().map_or(0, |s| s.chars().count());
    let single_letter = segment_len == 1 && word.chars().last().is_some_and(|c| c.is_alphabetic());
    let dotted = word.contains('.');
    // A state's abbreviation keeps its period inside a sentence ("Calif.-based", "Lansing, Mich., said",
    // "SAN JOSE, Calif. 1996-08-24"), not where the period ends one ("in Lansing, Mich. The firm ...").
    let state = STATE_ABBREVIATIONS.contains(&word) && {
        let rest = after.trim_start_matches([' ', '\t']);
        !(rest.is_empty() || rest.starts_with(['\n', '\r']) || rest.starts_with(char::is_uppercase))
    };
    (single_letter
        || (dotted && segment_len <= 2)
        || is_abbreviation(word)
        || state
        || press_honorific(before, word, after))
    .then_some(single_letter || dotted)
}

/// Nigerian press honorifics that are also a surname or a word, "Barr." (barrister) and "Rt." (of "Rt.
/// Hon."): they keep their period before a capitalised word that is no common word ("Barr. Ruth
/// Agbaji", "Speaker Rt. Hon. Bello Atabo"), "Barr." unless a capitalised word stands before it,
/// whose surname it is ("Attorney General William Barr. Trump said").
fn press_honorific(before: &str, word: &str, after: &str) -> bool {
    if !matches!(word, "Barr" | "Rt") {
        return false;
    }
    let next = after.strip_prefix(' ').unwrap_or("");
    let next_word = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let prev_word = before.trim_end_matches(' ').rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    next_word.starts_with(|c: char| c.is_uppercase())
        && !super::lexicon::is_common_word(next_word)
        && (word == "Rt" || !prev_word.starts_with(|c: char| c.is_uppercase()))
}

/// Splits `text` into tokens with paragraph and sentence indices.
///
/// One pass over the bytes: positions are byte offsets, a character is decoded only where a byte
/// is not ASCII, and a run of ASCII letters and digits is crossed without decoding.
pub fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let n = b.len();
    // The character at byte `p` (a character boundary), None at the end.
    let at = |p: usize| -> Option<char> {
        match b.get(p) {
            None => None,
            Some(&c) if c < 0x80 => Some(c as char),
            Some(_) => text[p..].chars().next(),
        }
    };
    let mut raw: Vec<Token> = Vec::with_capacity(n / 4);
    let mut para = 0;
    let mut i = 0;
    while i < n {
        // A space, the most common byte, needs no decoding.
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        let Some(c) = at(i) else { break };
        if c == '\n' {
            // Only a blank line or a single newline: both end a paragraph.
            if raw.last().is_some_and(|t| t.para == para) {
                para += 1;
            }
            i += 1;
            continue;
        }
        if !is_general_punct(c) && c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if alnum(c) {
            let numeric = c.is_ascii_digit();
            i += c.len_utf8();
            loop {
                // ASCII letters and digits: no decoding, no other test.
                i += b[i..].iter().position(|&c| !ASCII_ALNUM[c as usize]).unwrap_or(n - i);
                // Any other ASCII byte than these ends the word (the arms below ask for nothing else).
                if b.get(i).is_none_or(|&c| c < 0x80 && !matches!(c, b'-' | b'&' | b',' | b'.' | b'\'')) {
                    break;
                }
                match at(i) {
                    Some(c) if alnum(c) => i += c.len_utf8(),
                    Some('-') | Some('&') if at(i + 1).is_some_and(alnum) => i += 1,
                    Some(',') | Some('.') if numeric && at(i + 1).is_some_and(|c| c.is_ascii_digit()) => i += 1,
                    Some(a) if is_apostrophe(a) && at(i + a.len_utf8()).is_some_and(|c| c.is_alphabetic()) => {
                        // "’s" followed by a non-letter is a possessive: split it off.
                        let j = i + a.len_utf8();
                        let s_end = at(j).is_some_and(|c| c == 's' || c == 'S')
                            && !at(j + 1).is_some_and(|c| c.is_alphabetic());
                        if s_end {
                            break;
                        }
                        i = j;
                    }
                    Some(c) if c > '\u{7f}' && joins_word(c, text[..i].chars().next_back(), at(i + c.len_utf8())) => {
                        i += c.len_utf8()
                    }
                    // A figure keeps no full stop after it: "closed at 2,558.84." ends a sentence.
                    Some('.') if numeric => break,
                    Some('.') => match dot_in_word(&text[..start], &text[start..i], &text[i + 1..]) {
                        Some(goes_on) => {
                            i += 1;
                            if !(goes_on && at(i).is_some_and(|c| c.is_alphabetic())) {
                                break;
                            }
                        }
                        None => break,
                    },
                    _ => break,
                }
            }
            let kind = if numeric && text[start..i].chars().all(|c| !c.is_alphabetic()) {
                TokKind::Number
            } else {
                TokKind::Word
            };
            raw.push(unsentenced(Span::new(start, i), kind, para));
            continue;
        }
        let len = c.len_utf8();
        if is_apostrophe(c)
            && at(i + len).is_some_and(|c| c == 's' || c == 'S')
            && !at(i + len + 1).is_some_and(|c| c.is_alphabetic())
            && i > 0
            && text[..i].chars().next_back().is_some_and(alnum)
        {
            i += len + 1;
            raw.push(unsentenced(Span::new(start, i), TokKind::Possessive, para));
            continue;
        }
        if c == '.' && at(i + 1) == Some('.') {
            while at(i) == Some('.') {
                i += 1;
            }
        } else {
            i += len;
        }
        raw.push(unsentenced(Span::new(start, i), TokKind::Punct, para));
    }
    assign_sentences(text, raw)
}

/// The tokenizer as first written, over decoded characters: the reference the byte-wise one is
/// tested against.
#[cfg(test)]
fn tokenize_by_chars(text: &str) -> Vec<Token> {
    // Sized for the text at once: growing it by doubling copies it again and again.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    char_offsets(text, &mut chars);
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut raw: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let mut para = 0;
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c == '\n' {
            // Only a blank line or a single newline: both end a paragraph.
            if raw.last().is_some_and(|t| t.para == para) {
                para += 1;
            }
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            i += 1;
            loop {
                match at(i) {
                    Some(c) if c.is_alphanumeric() => i += 1,
                    Some('-') | Some('&') if at(i + 1).is_some_and(|c| c.is_alphanumeric()) => i += 1,
                    Some(',') | Some('.') if numeric && at(i + 1).is_some_and(|c| c.is_ascii_digit()) => i += 1,
                    Some(a) if is_apostrophe(a) && at(i + 1).is_some_and(|c| c.is_alphabetic()) => {
                        // "’s" followed by a non-letter is a possessive: split it off.
                        let s_end = at(i + 1).is_some_and(|c| c == 's' || c == 'S')
                            && !at(i + 2).is_some_and(|c| c.is_alphabetic());
                        if s_end {
                            break;
                        }
                        i += 1;
                    }
                    Some(c) if c > '\u{7f}' && joins_word(c, Some(chars[i - 1].1), at(i + 1)) => i += 1,
                    // A figure keeps no full stop after it: "closed at 2,558.84." ends a sentence.
                    Some('.') if numeric => break,
                    Some('.') => {
                        match dot_in_word(&text[..byte(start)], &text[byte(start)..byte(i)], &text[byte(i) + 1..]) {
                            Some(goes_on) => {
                                i += 1;
                                if !(goes_on && at(i).is_some_and(|c| c.is_alphabetic())) {
                                    break;
                                }
                            }
                            None => break,
                        }
                    }
                    _ => break,
                }
            }
            let kind = if numeric && chars[start..i].iter().all(|&(_, c)| !c.is_alphabetic()) {
                TokKind::Number
            } else {
                TokKind::Word
            };
            raw.push(unsentenced(Span::new(byte(start), byte(i)), kind, para));
            continue;
        }
        if is_apostrophe(c)
            && at(i + 1).is_some_and(|c| c == 's' || c == 'S')
            && !at(i + 2).is_some_and(|c| c.is_alphabetic())
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            i += 2;
            raw.push(unsentenced(Span::new(byte(start), byte(i)), TokKind::Possessive, para));
            continue;
        }
        if c == '.' && at(i + 1) == Some('.') {
            while at(i) == Some('.') {
                i += 1;
            }
        } else {
            i += 1;
        }
        raw.push(unsentenced(Span::new(byte(start), byte(i)), TokKind::Punct, para));
    }
    assign_sentences(text, raw)
}

/// A token before [`assign_sentences`] gives it its sentence.
fn unsentenced(span: Span, kind: TokKind, para: usize) -> Token {
    Token { span, kind, para, sent: 0, sent_start: false }
}

/// Numbers the sentences of tokens made by [`unsentenced`], in place.
fn assign_sentences(text: &str, mut toks: Vec<Token>) -> Vec<Token> {
    let mut sent = 0;
    let mut new_sentence = true;
    let mut after_open_quote = false;
    for idx in 0..toks.len() {
        let Token { span, kind, para, .. } = toks[idx];
        if idx > 0 && toks[idx - 1].para != para {
            sent += 1;
            new_sentence = true;
        }
        let is_word = matches!(kind, TokKind::Word | TokKind::Number);
        let start_flag = is_word && (new_sentence || after_open_quote);
        toks[idx].sent = sent;
        toks[idx].sent_start = start_flag;
        if is_word {
            new_sentence = false;
        }
        after_open_quote = false;
        if kind == TokKind::Punct {
            let s = span.slice(text);
            let c = s.chars().next().unwrap_or(' ');
            let next = toks.get(idx + 1);
            let glued = next.is_some_and(|n| n.span.start == span.end);
            if is_quote_char(c) && glued && next.is_some_and(|n| n.kind == TokKind::Word) {
                after_open_quote = true;
            }
            if (matches!(s, "." | "!" | "?" | "…" | "...") || s.starts_with("..")) && ends_sentence(text, &toks, idx)
            {
                sent += 1;
                new_sentence = true;
            }
        } else if kind == TokKind::Word
            && span.end - span.start > 2
            && text.as_bytes()[span.end - 1] == b'.'
            && !is_abbreviation(span.slice(text))
        {
            // "U.S." at the end of a sentence: a boundary when a function word follows.
            if let Some(next) = toks.get(idx + 1) {
                let ns = next.span.slice(text);
                if next.kind == TokKind::Word
                    && ns.chars().next().is_some_and(char::is_uppercase)
                    && super::lexicon::is_common_word(ns)
                {
                    sent += 1;
                    new_sentence = true;
                }
            }
        }
    }
    toks
}

/// A period (or ! ?) ends a sentence when the next word, after closing marks, starts a new one.
fn ends_sentence(text: &str, toks: &[Token], idx: usize) -> bool {
    let mut j = idx + 1;
    while let Some(&Token { span, kind, .. }) = toks.get(j) {
        let s = span.slice(text);
        if kind == TokKind::Punct && (s.chars().all(is_quote_char) || s == ")" || s == "]") {
            j += 1;
            continue;
        }
        let first = s.chars().next().unwrap_or(' ');
        return first.is_uppercase() || first.is_ascii_digit() || is_quote_char(first) || s == "(";
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            words("Mr. John F. Kennedy Jr. visited the U.S. embassy."),
            ["Mr.", "John", "F.", "Kennedy", "Jr.", "visited", "the", "U.S.", "embassy", "."]
        );
    }

    #[test]
    fn a_state_abbreviation_keeps_its_period_and_a_sentence_still_ends_after_it() {
        let text = "SAN JOSE, Calif. 1996-08-24\n\nThe firm, based in Lansing, Mich., said it was based in Tampa, Fla.";
        let w = words(text);
        assert!(w.contains(&"Calif.") && w.contains(&"Mich.") && w.contains(&"Fla"), "{w:?}");
        // The period that ends a sentence stays the sentence's.
        let text = "The firm is based in San Jose, Calif. The deal closed on Monday.";
        assert_eq!(words(text)[8..10], ["Calif", "."]);
        let toks = tokenize(text);
        assert!(toks[10].sent_start && toks[10].sent == toks[8].sent + 1);
        // Does not fire: the same letters as an English word, or in lower case.
        assert_eq!(
            words("He was taken ill. The match went on."),
            ["He", "was", "taken", "ill", ".", "The", "match", "went", "on", "."]
        );
        assert_eq!(words("She said calif. Then"), ["She", "said", "calif", ".", "Then"]);
    }

    #[test]
    fn press_honorifics_keep_their_period_before_a_name_not_after_one() {
        let w = words("The Speaker, Rt. Hon. Bello Atabo, told the Clerk, Barr. Ruth Agbaji, to sit.");
        assert!(w.contains(&"Rt.") && w.contains(&"Barr."), "{w:?}");
        let toks = tokenize("Speaker Rt. Hon. Bello Atabo spoke.");
        assert!(toks.iter().all(|t| t.sent == 0), "{toks:?}");
        // Does not fire: a surname at a sentence's end, or before a common word.
        let text = "He met Attorney General William Barr. Trump said so. It was Barr. The end.";
        let toks = tokenize(text);
        assert_eq!(toks.iter().filter(|t| t.span.slice(text) == ".").count(), 4);
        assert_eq!(words("They met Barr. Nobody spoke.")[2..4], ["Barr", "."]);
    }

    #[test]
    fn splits_possessive_and_keeps_contractions() {
        assert_eq!(words("Europe’s leaders don’t agree"), ["Europe", "’s", "leaders", "don’t", "agree"]);
        assert_eq!(words("the bank's app"), ["the", "bank", "'s", "app"]);
    }

    #[test]
    fn numbers_and_hyphens() {
        assert_eq!(words("a 10-page reply, 130,000 troops"), ["a", "10-page", "reply", ",", "130,000", "troops"]);
    }

    #[test]
    fn a_figure_ending_a_sentence_leaves_its_full_stop() {
        let text = "The index closed at 2,558.84. Nickel rose by 500 to 39,200.5. Shares rose 1.5 percent.";
        assert_eq!(words(text)[4..7], ["2,558.84", ".", "Nickel"]);
        let toks = tokenize(text);
        let starts: Vec<&str> = toks.iter().filter(|t| t.sent_start).map(|t| t.span.slice(text)).collect();
        assert_eq!(starts, ["The", "Nickel", "Shares"]);
    }

    #[test]
    fn sentences_and_starts() {
        let text = "The mayor spoke. “We will win,” she said.\nNext line";
        let toks = tokenize(text);
        let starts: Vec<&str> = toks.iter().filter(|t| t.sent_start).map(|t| t.span.slice(text)).collect();
        assert_eq!(starts, ["The", "We", "Next"]);
        let we = toks.iter().find(|t| t.span.slice(text) == "We").unwrap();
        let mayor = toks.iter().find(|t| t.span.slice(text) == "mayor").unwrap();
        assert_ne!(we.sent, mayor.sent);
        assert_eq!(toks.last().unwrap().para, 1);
    }

    /// The byte-wise tokenizer cuts every text exactly as the one over decoded characters: the
    /// example articles, cut at random places, and random strings of awkward pieces.
    #[test]
    fn bytewise_tokens_equal_those_by_characters() {
        let key = |toks: Vec<Token>| -> Vec<(Span, TokKind, usize, usize, bool)> {
            toks.into_iter().map(|t| (t.span, t.kind, t.para, t.sent, t.sent_start)).collect()
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let mut texts: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
        const PIECES: &[&str] = &[
            "’s", "'s", "’S", "'", "’", "“", "”", "\"", "s", "S", "a", "É", "é", "ß", "中文", "🙂", "1", "2,5", "3.",
            ".", "..", "...", "…", ",", "-", "&", " ", "\n", "\n\n", "\t", "\u{a0}", "Mr", "U.S", "A.", "co.", "Inc",
            "Jr.", "x", "٣", "²", "Ⅻ", "Ã", "Â", "A\u{303}", "\u{301}", "§", "©", "\u{a0}", "«",
        ];
        let mut rng = crate::rng::XorShift::new(0x51_7CC1_B727_220A);
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..rng.below(40) + 1 {
                t.push_str(PIECES[rng.below(PIECES.len())]);
            }
            texts.push(t);
        }
        for t in &texts {
            assert_eq!(key(tokenize(t)), key(tokenize_by_chars(t)), "{t:?}");
        }
    }

    #[test]
    fn a_name_read_in_the_wrong_encoding_stays_one_word() {
        let words = |t: &str| tokenize(t).iter().map(|k| k.span.slice(t).to_string()).collect::<Vec<_>>();
        // "François" as UTF-8 read as Latin-1, with its "Ã" decomposed or not; "é" decomposed.
        assert_eq!(words("FranA\u{303}\u{a7}ois Hollande"), ["FranA\u{303}\u{a7}ois", "Hollande"]);
        assert_eq!(words("Marc TrÃ©vidic said"), ["Marc", "TrÃ©vidic", "said"]);
        assert_eq!(words("Cafe\u{301} Nord"), ["Cafe\u{301}", "Nord"]);
        // A sign that is no such leftover still ends the word: after another letter, before a
        // space, or a no-break space.
        assert_eq!(words("Section§4"), ["Section", "§", "4"]);
        assert_eq!(words("Ã© and"), ["Ã", "©", "and"]);
        assert_eq!(words("Ã\u{a0}la"), ["Ã", "la"]);
    }

    #[test]
    fn glued_caption_splits_sentence() {
        let text = "on Tuesday.Credit…Jane Doe";
        let toks = tokenize(text);
        let credit = toks.iter().find(|t| t.span.slice(text) == "Credit").unwrap();
        assert!(credit.sent_start);
    }
}
