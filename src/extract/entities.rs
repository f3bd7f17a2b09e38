//! People, organisations and places.
//!
//! Capitalised spans are found token by token, split where a connector ("of",
//! "and") does not belong to a name, and classified from their own words
//! (honorifics, titles, organisation and place head words, the gazetteer,
//! given names) and from context (a role noun before, an apposition after, a
//! speech verb). Then the whole document is made consistent: "Mr. Putin" and
//! "Putin" join the "Vladimir V. Putin" named elsewhere in the article, and
//! headline-style lines are matched against what the body established.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::{Gazetteer, fold, with_folded};
use super::lexicon::*;
use super::tagger::{self, Label};
use super::text::{TokKind, Token};
use crate::model::{EntityKind, GeoRef, LocalEntity, Mention, Span, Subtype};

/// How sure a candidate's class is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    /// Only context suggests it (a preposition before an unknown word).
    Weak,
    /// Its own words say it (a title, a head word, the gazetteer).
    Strong,
}

#[derive(Debug, Clone)]
struct Cand {
    /// The name's span in the text (titles and honorifics excluded).
    span: Span,
    /// Token range of the name.
    toks: (usize, usize),
    kind: Option<EntityKind>,
    subtype: Option<Subtype>,
    evidence: Evidence,
    /// The name as it should be shown (may differ from the span: "Russian Foreign Ministry").
    name: String,
    /// Another surface form to record ("Mr. Putin").
    extra_surface: Option<String>,
    title: Option<String>,
    geo: Option<GeoRef>,
}

pub struct Entities {
    pub entities: Vec<LocalEntity>,
    pub mentions: Vec<Mention>,
}

struct Doc<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The text of every token, sliced once: the rules ask for it millions of times.
    words: &'a [&'a str],
    gaz: &'static Gazetteer,
    /// [`Doc::cap_word`] of every token, computed once.
    caps: Vec<bool>,
    /// [`Doc::plain_words`]: capitalised only because a sentence opens with it.
    plain: Vec<bool>,
    /// [`Doc::portfolios`]: the words of an office's field after a title and "for".
    portfolio: Vec<bool>,
    /// [`Doc::is_sport`], found at the first question.
    sport: std::cell::OnceCell<bool>,
}

impl<'a> Doc<'a> {
    /// A sports report: several words of sport, or lines of results ("Leeds 2 Hull 1").
    fn is_sport(&self) -> bool {
        *self.sport.get_or_init(|| self.sport_page())
    }

    fn sport_page(&self) -> bool {
        let mut seen: Vec<u128> = Vec::new();
        let (mut results, mut fixtures) = (0, 0);
        for (i, t) in self.toks.iter().enumerate() {
            if t.kind != TokKind::Word {
                continue;
            }
            let s = self.s(i);
            if let Some(w) = sport_word(s)
                && !seen.contains(&w)
            {
                seen.push(w);
            }
            // A capitalised name directly followed by a score, twice on one line.
            if self.is_cap(i)
                && self
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| n.para == t.para && self.s(i + 1).bytes().all(|b| b.is_ascii_digit()))
                && self.toks.get(i + 2).is_some_and(|n| n.para == t.para && self.is_cap(i + 2))
                && self
                    .toks
                    .get(i + 3)
                    .is_some_and(|n| n.para == t.para && self.s(i + 3).bytes().all(|b| b.is_ascii_digit()))
            {
                results += 1;
            }
            // A fixture: "Leeds v Hull", "May 17 v Kent".
            if matches!(s, "v" | "vs" | "vs.")
                && i > 0
                && self.toks[i - 1].para == t.para
                && (self.is_cap(i - 1) || self.toks[i - 1].kind == TokKind::Number)
                && self.toks.get(i + 1).is_some_and(|n| n.para == t.para && self.is_cap(i + 1))
            {
                if self.toks[i - 1].kind == TokKind::Number {
                    results += 1;
                } else {
                    fixtures += 1;
                }
            }
        }
        // A case at law is written the same way ("Leeds v Bradford", "R v Smith"): a fixture between
        // two names needs a word of sport beside it, one on a date does not.
        seen.len() >= 3 || results >= 1 || (fixtures >= 1 && !seen.is_empty())
    }

    /// The first word of a paragraph in capitals, before a dash or comma: a dateline ("LAGOS —").
    fn dateline(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let first = i == 0 || self.toks[i - 1].para != t.para;
        let caps = self.s(i).chars().all(|c| !c.is_lowercase());
        let next = self.s(i + 1);
        first && caps && matches!(next, "—" | "–" | "-" | "," | "(")
    }

    fn s(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// A word that can be part of a name: capitalised, and not a lower-case compound ("Russian-backed").
    fn with_words(text: &'a str, toks: &'a [Token], words: &'a [&'a str]) -> Doc<'a> {
        let mut doc =
            Doc { text, toks, words, gaz: Gazetteer::get(), caps: Vec::new(),
            plain: Vec::new(),
            portfolio: Vec::new(),
            sport: std::cell::OnceCell::new(),
        };
        doc.caps = (0..toks.len()).map(|i| doc.cap_word(i)).collect();
        doc.plain = doc.plain_words();
        doc.portfolio = doc.portfolios();
        doc
    }

    /// The field of an office, after a title and "for" ("Commissioner for Works and Infrastructure",
    /// "Secretary of State for Housing", "MEC for Cooperative Governance"): a portfolio names no body,
    /// unless its words hold an organisation head ("Minister for the Cabinet Office") or a known
    /// place ("Minister for Europe").
    fn portfolios(&self) -> Vec<bool> {
        let mut mask = vec![false; self.toks.len()];
        for j in 1..self.toks.len() {
            if self.s(j) != "for" || !self.is_cap(j + 1) {
                continue;
            }
            // A title word right before "for", or before "of" and a capitalised word ("Secretary of State").
            let titled = |k: usize| is_title_head(self.s(k)) && self.is_cap(k);
            let before = titled(j - 1) || (j >= 3 && self.s(j - 2) == "of" && self.is_cap(j - 1) && titled(j - 3));
            if !before {
                continue;
            }
            let mut k = j + 1;
            while k < self.toks.len()
                && self.same_para(j, k)
                && (self.is_cap(k) || (matches!(self.s(k), "and" | "&") && self.is_cap(k + 1)))
            {
                k += 1;
            }
            // "Commissioner for Commerce, Industry and Investment": a field listed with commas.
            if let Some(e) = comma_field_end(self, k) {
                k = e;
            }
            let k = holder_after_field(self, j + 1, k);
            let words = j + 1..k;
            let body_or_place = words.clone().any(|x| {
                let w = self.s(x);
                is_org_head(w) || self.gaz.lookup(w).is_some() || known_org(w).is_some()
            }) || self.gaz.lookup(self.text_of(j + 1, k)).is_some();
            if !body_or_place {
                mask[words].fill(true);
            }
        }
        mask
    }

    /// Words capitalised only because they open a sentence ("Objectors said ...", "Rivals Acme and
    /// ..."): the document writes the word (or its singular or plural) in lower case elsewhere and
    /// never capitalises it inside a sentence, and it is no given name, known place or body.
    /// A document-wide test, linear in its length.
    fn plain_words(&self) -> Vec<bool> {
        // Only words that open a sentence are asked about: the sets hold those words and the
        // lower-case forms that would answer for them, so the scan of the document only looks up.
        let opens = |i: usize| {
            self.toks[i].sent_start && self.caps[i] && {
                let s = self.s(i);
                s.len() > 2 && s.chars().skip(1).all(char::is_lowercase)
            }
        };
        let asked: Vec<usize> = (0..self.toks.len()).filter(|&i| opens(i)).collect();
        let mut mask = vec![false; self.toks.len()];
        if asked.is_empty() {
            return mask;
        }
        // Lower-case form -> the word's other forms (plural, singular) that count as seen.
        // Sized at once (four forms a word): growing a table rehashes it.
        let mut forms: rustc_hash::FxHashSet<String> =
            rustc_hash::FxHashSet::with_capacity_and_hasher(asked.len() * 4, Default::default());
        let mut words: rustc_hash::FxHashSet<&str> =
            rustc_hash::FxHashSet::with_capacity_and_hasher(asked.len(), Default::default());
        for &i in &asked {
            let l = self.s(i).to_lowercase();
            if let Some(x) = l.strip_suffix("es") {
                forms.insert(x.to_string());
            }
            if let Some(x) = l.strip_suffix('s') {
                forms.insert(x.to_string());
            }
            forms.insert(format!("{l}s"));
            forms.insert(l);
            words.insert(self.s(i));
        }
        // Most words of the document are in neither set: a sieve answers for them without hashing.
        let (mut forms_sieve, mut words_sieve) = (Sieve::default(), Sieve::default());
        forms.iter().for_each(|f| forms_sieve.insert(f));
        words.iter().for_each(|w| words_sieve.insert(w));
        let mut lower: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        let mut cap_inside: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        // Capitalised inside a sentence with no capitalised word before it: a name of its own.
        let mut cap_alone: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        for (i, t) in self.toks.iter().enumerate() {
            if t.kind != TokKind::Word {
                continue;
            }
            let s = self.s(i);
            if s.starts_with(|c: char| c.is_lowercase()) {
                if forms_sieve.may_hold(s) && forms.contains(s) {
                    lower.insert(s);
                }
            } else if !t.sent_start && words_sieve.may_hold(s) && words.contains(s) {
                cap_inside.insert(s);
                if i == 0 || !self.caps[i - 1] {
                    cap_alone.insert(s);
                }
            }
        }
        let seen_lower = |l: &str| {
            lower.contains(l)
                || l.strip_suffix('s').is_some_and(|x| lower.contains(x))
                || l.strip_suffix("es").is_some_and(|x| lower.contains(x))
                || lower.contains(format!("{l}s").as_str())
        };
        for i in asked {
            let s = self.s(i);
            let place = self.gaz.lookup(s).is_some();
            let known = is_given_name(s) || place || known_org(s).is_some();
            mask[i] = !known && !cap_inside.contains(s) && with_lower(s, seen_lower);
            // A town's name that is also a plain word, opening a sentence before the lower-case noun
            // it qualifies, where the article writes the word in lower case and never capitalises
            // it inside a sentence ("Van driver banned ... his van"): the plain word.
            mask[i] |= place
                && known_org(s).is_none()
                && !cap_inside.contains(s)
                && self.modifies_next(i)
                && with_lower(s, seen_lower);
            // A word that qualifies the lower-case noun after it ("Party spokesperson Jo Bell said",
            // "Municipal commissioner ...", "Environmental group ..."): capitalised elsewhere only
            // inside longer names, as their head or a modifier, or nowhere and an adjective by its ending.
            mask[i] |= !known
                && self.modifies_next(i)
                && !cap_alone.contains(s)
                && if cap_inside.contains(s) {
                    is_org_head(s) || is_title_modifier(s) || adjectival(s)
                } else {
                    adjectival(s)
                };
        }
        mask
    }

    /// Token `i` stands before a lower-case word of the same sentence that is no verb: it may be
    /// that noun's modifier ("Party spokesperson", not "Nadal beat").
    fn modifies_next(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i + 1) else { return false };
        let next = self.s(i + 1);
        t.kind == TokKind::Word
            && !t.sent_start
            && t.para == self.toks[i].para
            && next.starts_with(|c: char| c.is_lowercase())
            && !next.ends_with("ed")
            && !is_speech_verb(next)
            && !is_post_quote_verb(next)
            && !matches!(
                next,
                "beat" | "beats" | "won" | "wins" | "has" | "had" | "have" | "is" | "was" | "were" | "are" | "will"
                    | "would" | "could" | "can" | "may" | "might" | "must" | "shall" | "should" | "did" | "does"
                    | "do" | "made" | "makes" | "took" | "takes" | "gave" | "gives" | "got" | "gets" | "and" | "or"
                    | "of" | "for" | "to" | "in" | "on" | "at" | "by" | "with" | "from" | "as"
            )
    }

    /// An apostrophe glued to a plural before a capitalised word: "Farmers' Union", "Nurses’ Council".
    fn plural_possessive(&self, j: usize) -> bool {
        j > 0
            && matches!(self.s(j), "'" | "’")
            && self.toks[j - 1].span.end == self.toks[j].span.start
            && self.s(j - 1).ends_with('s')
            && self.toks.get(j + 1).is_some_and(|t| t.span.start > self.toks[j].span.end)
    }

    /// A common word, by the word lists or by this document's use ([`Doc::plain_words`]).
    fn common(&self, i: usize) -> bool {
        self.plain.get(i).copied().unwrap_or(false) || is_common_word(self.s(i))
    }

    fn is_cap(&self, i: usize) -> bool {
        self.caps.get(i).copied().unwrap_or(false)
    }

    fn cap_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let s = self.s(i);
        let first_upper = match s.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => s.chars().next().is_some_and(char::is_uppercase),
        };
        if !first_upper {
            // Arabic and other name particles: "al-Ansari", "el-Sisi", "bin-Salman" (a dash
            // within the first four bytes, looked for without a string search).
            let Some(dash) = s.bytes().take(4).position(|c| c == b'-') else { return false };
            let (p, rest) = (&s[..dash], &s[dash + 1..]);
            return matches!(p, "al" | "el" | "bin" | "ibn" | "abu" | "ad" | "ash" | "as")
                && rest.chars().next().is_some_and(char::is_uppercase);
        }
        match s.bytes().rposition(|c| c == b'-') {
            Some(dash) => {
                s[dash + 1..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || self.romanised_given_name(i, dash)
            }
            None => true,
        }
    }

    /// A romanised East Asian given name of two syllables joined by a dash, after the family name:
    /// "Kim Jong-un", "Lai Ching-te", "Park Ji-hoon" (not "Russian-backed": no short name before it).
    fn romanised_given_name(&self, i: usize, dash: usize) -> bool {
        let s = self.s(i);
        let (first, second) = (&s[..dash], &s[dash + 1..]);
        let prev = if i > 0 && self.is_word(i - 1) && self.same_para(i - 1, i) { self.s(i - 1) } else { "" };
        (2..=5).contains(&first.len())
            && (1..=5).contains(&second.len())
            && !matches!(
                second,
                "based"
                    | "born"
                    | "led"
                    | "run"
                    | "era"
                    | "made"
                    | "owned"
                    | "style"
                    | "wide"
                    | "held"
                    | "like"
                    | "type"
                    | "area"
                    | "free"
                    | "bound"
                    | "proof"
                    | "only"
                    | "long"
                    | "old"
                    | "year"
                    | "day"
                    | "week"
                    | "bred"
                    | "class"
                    | "level"
                    | "sized"
                    | "size"
                    | "zone"
            )
            && !is_given_name(first)
            && second.bytes().all(|c| c.is_ascii_lowercase())
            && (2..=5).contains(&prev.len())
            && prev.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
            && prev.bytes().skip(1).all(|c| c.is_ascii_lowercase())
    }

    fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    fn text_of(&self, a: usize, b: usize) -> &'a str {
        self.span_of(a, b).slice(self.text)
    }

    fn same_para(&self, a: usize, b: usize) -> bool {
        self.toks.get(a).zip(self.toks.get(b)).is_some_and(|(x, y)| x.para == y.para)
    }

    /// Headline-style paragraphs capitalise nearly every word and end without
    /// a period, so capitals say nothing there.
    fn title_case_paras(&self) -> BTreeSet<usize> {
        // Paragraph indices count up from 0 through the tokens: one slot each.
        let npara = self.toks.iter().map(|t| t.para + 1).max().unwrap_or(0);
        let mut counts: Vec<(usize, usize, usize)> = vec![(0, 0, 0); npara]; // words, capitalised, last token
        for (i, t) in self.toks.iter().enumerate() {
            let e = &mut counts[t.para];
            e.2 = i;
            if t.kind != TokKind::Word {
                continue;
            }
            let s = self.s(i);
            let b = s.as_bytes();
            // A word of four ASCII letters or more is known in one pass.
            let (long_word, upper) = if b.len() >= 4 && b.iter().all(u8::is_ascii_alphabetic) {
                (true, b[0].is_ascii_uppercase())
            } else if s.is_ascii() {
                (false, b.first().is_some_and(u8::is_ascii_uppercase))
            } else {
                (
                    s.chars().count() >= 4 && s.chars().all(char::is_alphabetic),
                    s.chars().next().is_some_and(char::is_uppercase),
                )
            };
            if long_word {
                e.0 += 1;
                if upper {
                    e.1 += 1;
                }
            }
        }
        counts
            .into_iter()
            .enumerate()
            .filter(|&(_, (n, caps, last))| n >= 3 && caps * 100 >= n * 85 && self.s(last) != ".")
            .map(|(p, _)| p)
            .collect()
    }
}

/// A set of strings that can only answer "perhaps" or "no" (by first and last byte and length):
/// a cheap test before a hash lookup.
#[derive(Default)]
struct Sieve([u64; 16]);

impl Sieve {
    fn slot(s: &str) -> usize {
        let b = s.as_bytes();
        let (first, last) = (b.first().copied().unwrap_or(0) as u32, b.last().copied().unwrap_or(0) as u32);
        let key = (first << 16) | (last << 8) | (b.len() as u32 & 0xff);
        (key.wrapping_mul(0x9E37_79B1) >> 22) as usize
    }

    fn insert(&mut self, s: &str) {
        let k = Self::slot(s);
        self.0[k >> 6] |= 1 << (k & 63);
    }

    fn may_hold(&self, s: &str) -> bool {
        let k = Self::slot(s);
        self.0[k >> 6] & (1 << (k & 63)) != 0
    }
}

const CONNECTORS: &[&str] =
    &["of", "for", "and", "the", "de", "von", "van", "der", "al", "bin", "la", "le", "du", "da", "del", "on"];
/// Words of sports reporting, in any case ("SOCCER - ...", "scored twice").
const SPORT_WORDS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "basketball",
    "baseball",
    "hockey",
    "athletics",
    "cycling",
    "match",
    "goal",
    "goals",
    "scored",
    "striker",
    "midfielder",
    "goalkeeper",
    "defender",
    "innings",
    "wicket",
    "wickets",
    "batsman",
    "bowler",
    "league",
    "cup",
    "championship",
    "tournament",
    "season",
    "coach",
    "manager",
    "half-time",
    "penalty",
    "draw",
    "drew",
    "beat",
    "victory",
    "defeat",
    "fixture",
    "playoff",
    "semifinal",
    "quarterfinal",
    "club",
    "squad",
    "stadium",
    "referee",
    "points",
    "standings",
    "race",
    "medal",
    "hurling",
    "semi-final",
    "quarter-final",
    // Plurals, as a report or a table's heading has them ("Results of matches played at the weekend").
    "matches",
    "tournaments",
    "championships",
    "fixtures",
    "playoffs",
    "semifinals",
    "semi-finals",
    "quarterfinals",
    "quarter-finals",
    "strikers",
    "goalkeepers",
    "midfielders",
    "batsmen",
    "bowlers",
    "referees",
    "medals",
];

const NAME_SUFFIXES: &[&str] = &["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"];

/// A capitalised word with an adjective's ending ("Environmental", "Municipal", "Civic", "Executive").
fn adjectival(s: &str) -> bool {
    s.len() >= 5
        && s.chars().skip(1).all(char::is_lowercase)
        && ["al", "ic", "ive", "ous"].iter().any(|x| s.ends_with(x))
}

fn is_suffix(s: &str) -> bool {
    NAME_SUFFIXES.contains(&s)
}

/// A sentence's first word that describes what follows or opens a clause, not a name: a trade noun
/// before a capitalised name ("Chipmaker Acme"), or a participle before a comma ("Reacting, the party's
/// spokesman said ...", "Speaking, ..."), unless it is a known place or a given name ("Reading, ...").
fn opening_descriptor(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else { return false };
    let s = doc.s(i);
    if !t.sent_start {
        return false;
    }
    if is_trade_noun(s) || matches!(s, "Opposition" | "Ruling" | "Rival" | "Rivals" | "Competitor" | "Competitors") {
        return doc.is_cap(i + 1) && doc.same_para(i, i + 1);
    }
    s.len() > 5
        && s.ends_with("ing")
        && s.chars().skip(1).all(char::is_lowercase)
        && doc.s(i + 1) == ","
        && !is_given_name(s)
        && doc.gaz.lookup(s).is_none()
}

/// Finds the entities of one article.
pub fn extract(text: &str, toks: &[Token]) -> Entities {
    extract_with(text, toks, &super::text::token_texts(text, toks))
}

/// [`extract`] with the text of every token already sliced ([`super::text::token_texts`]).
pub fn extract_with<'a>(text: &'a str, toks: &'a [Token], words: &'a [&'a str]) -> Entities {
    let doc = Doc::with_words(text, toks, words);
    let title_paras = doc.title_case_paras();
    // (Room for the usual number of names: the vectors do not grow again and again.)
    let mut cands: Vec<Cand> = Vec::with_capacity(toks.len() / 16);
    let mut unknown: Vec<(usize, usize)> = Vec::with_capacity(toks.len() / 64);
    let mut i = 0;
    while i < toks.len() {
        if !doc.is_cap(i)
            || title_paras.contains(&toks[i].para)
            || never_a_name(doc.s(i))
            || caps_fixture(&doc, i)
            // A sentence-opening word the article also writes in lower case is no name ("Shares
            // rose"), unless it is a title before a name ("King Birenda told", "... the king").
            || (doc.plain[i] && !(is_title_head(doc.s(i)) && doc.is_cap(i + 1)))
            || doc.portfolio[i]
            || opening_descriptor(&doc, i)
        {
            i += 1;
            continue;
        }
        let end = chunk_end(&doc, i);
        // "Homes at Heart, the furnishings retailer,", "shares in rival Pets at Home": two plain
        // words joined by "at" that their context says are one body.
        if let Some(e) = body_named_with_at(&doc, i, end) {
            cands.push(org_cand(&doc, i, e, doc.text_of(i, e).to_string()));
            i = e;
            continue;
        }
        for (a, b) in split_chunk(&doc, i, end) {
            classify_chunk(&doc, a, b, &mut cands, &mut unknown);
        }
        i = end.max(i + 1);
    }
    // Before the tagger drops the bracketed use.
    let lower_acronyms = acronyms_of_plain_words(&doc, &cands);
    tagger_evidence(&doc, &title_paras, &mut cands, &mut unknown);
    short_forms_in_brackets(&doc, &mut cands, &mut unknown);
    particle_names_after_roles(&doc, &mut cands);
    squad_lines(&doc, &mut cands);
    office_holders(&doc, &mut cands, &mut unknown);
    bodies_named_for_regions(&doc, &title_paras, &mut cands);
    listed_places(&doc, &mut cands, &mut unknown);
    coordinated_places(&doc, &mut cands, &mut unknown);
    listed_orgs(&doc, &mut cands, &mut unknown);
    firms_by_price_move(&doc, &mut cands, &mut unknown);
    filed_places(&doc, &mut cands, &mut unknown);
    street_names(&doc, &mut cands);
    if teams_in_tables(&doc, &mut cands, &mut unknown) {
        clubs_in_lists(&doc, &mut cands);
    }
    clubs_signed_from(&doc, &mut cands, &mut unknown);
    town_clubs(&doc, &mut cands);
    orgs_by_kind_noun(&doc, &mut cands);
    bodies_by_their_posts(&doc, &mut cands);
    bodies_by_its(&doc, &mut cands);
    firms_named_like_people(&doc, &mut cands);
    firms_by_company_kept(&doc, &mut cands, &mut unknown);
    teams_by_players_and_nicknames(&doc, &mut cands);
    // A thing named after a person ("James Webb Space Telescope"): a long name ending in a word the
    // article also writes in lower case ("the telescope's instruments"). One scan of the document for
    // the last words of all such names.
    let long_lasts: rustc_hash::FxHashSet<String> = cands
        .iter()
        .filter(|c| c.kind == Some(EntityKind::Person) && c.toks.1 - c.toks.0 >= 3)
        .map(|c| doc.s(c.toks.1 - 1).to_lowercase())
        .collect();
    let lower_lasts: rustc_hash::FxHashSet<&str> = if long_lasts.is_empty() {
        Default::default()
    } else {
        (0..toks.len())
            .map(|i| doc.s(i))
            .filter(|w| w.starts_with(|ch: char| ch.is_lowercase()) && long_lasts.contains(*w))
            .collect()
    };
    cands.retain(|c| {
        let (a, b) = c.toks;
        if b - a == 1 && !lower_acronyms.is_empty() && lower_acronyms.contains(&doc.s(a)) {
            return false;
        }
        // A desk or job title read as a name ("By Jo Bell, Sports Reporter"): it ends in a role
        // noun and holds no given name.
        let desk = c.kind == Some(EntityKind::Person)
            && b - a >= 2
            && is_role_noun(doc.s(b - 1))
            && !(a..b).any(|i| is_given_name(doc.s(i)));
        let thing = c.kind == Some(EntityKind::Person)
            && b - a >= 3
            && !lower_lasts.is_empty()
            && with_lower(doc.s(b - 1), |l| lower_lasts.contains(l));
        !desk
            && !thing
            && !(b - a == 1 && (never_alone(doc.s(a)) || currency_amount(&doc, a) || honorific_alone(&doc, a)))
            && !federal_title(&doc, a, b)
            && !never_a_name(doc.text_of(a, b))
            && !(a..b).all(|i| never_a_name(doc.s(i)))
            && !doc.portfolio[a]
    });
    unknown.retain(|&(a, b)| !(b - a == 1 && (never_alone(doc.s(a)) || currency_amount(&doc, a))));
    // "the Opposition BJP", "the Ruling KPP": a description after "the", not the party's name.
    for c in cands.iter_mut() {
        let (a, b) = c.toks;
        if b - a >= 2
            && c.kind == Some(EntityKind::Organization)
            && a > 0
            && matches!(doc.s(a - 1), "the" | "The")
            && matches!(doc.s(a), "Opposition" | "Ruling")
            // The party's acronym ("the Opposition Bloc" is a party's whole name).
            && b == a + 2
            && doc.s(a + 1).len() >= 2
            && doc.s(a + 1).chars().all(|ch| ch.is_ascii_uppercase())
        {
            *c = org_cand(&doc, a + 1, b, doc.text_of(a + 1, b).to_string());
        }
    }
    names_ending_in_s(&doc, &mut cands, &mut unknown);
    let mut out = resolve_document(&doc, cands, &unknown);
    lookup_pass(&doc, &title_paras, &mut out);
    out.mentions.sort_by_key(|m| m.span);
    for e in out.entities.iter_mut() {
        honour_after_a_person(e);
        name_without_generation(e);
    }
    out
}

/// An abbreviated honorific with its period, left alone when a run of them before a name was cut
/// ("Rt." of "Rt. Hon. Efe Omatseye"): it names nothing ("Lord's" does).
fn honorific_alone(doc: &Doc, a: usize) -> bool {
    doc.s(a).ends_with('.') && is_honorific(doc.s(a))
}

/// "Philippa Northgate KC", "Tunde Bakare SAN": two or three plain capitalised words (no body's head
/// word, known body or acronym) and an honour or degree after them name a person (read as a body for
/// the capitals at its end), called without it.
fn honour_after_a_person(e: &mut LocalEntity) {
    if e.kind != EntityKind::Organization {
        return;
    }
    let words: Vec<&str> = e.name.split_whitespace().collect();
    let Some(last) = words.last() else { return };
    if words.len() < 3
        || !POST_NOMINALS.contains(&last.trim_end_matches('.'))
        || words.len() > 4
        || words[..words.len() - 1].iter().any(|w| {
            is_org_head(w)
                || known_org(w).is_some()
                || !w.chars().next().is_some_and(char::is_uppercase)
                || w.chars().all(|c| c.is_uppercase())
        })
    {
        return;
    }
    let head = words[..words.len() - 1].join(" ").trim_end_matches(',').to_string();
    e.kind = EntityKind::Person;
    e.subtype = None;
    e.surfaces.insert(head.clone());
    e.name = head;
}

/// "Brent Vossler III" is called "Brent Vossler" when the article calls him "Vossler" (not "Vossler
/// III"; the full form stays among his surfaces). "Jr." and "Sr." stay, as articles say "Trump Jr.",
/// and so does a regnal number: after a single name ("Charles III") or a monarch's or pope's title.
fn name_without_generation(e: &mut LocalEntity) {
    if e.kind != EntityKind::Person {
        return;
    }
    let Some((head, last)) = e.name.rsplit_once(' ') else { return };
    let regnal = e.titles.iter().any(|t| {
        t.split_whitespace().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "pope" | "king" | "queen" | "emperor" | "empress" | "tsar" | "czar" | "prince" | "princess" | "sultan"
            )
        })
    });
    // Only when the article itself calls him by the bare surname: a person named once, in full,
    // keeps the name as written.
    let surname = head.rsplit(' ').next().unwrap_or("").trim_end_matches(',');
    if !matches!(last, "II" | "III" | "IV")
        || head.split_whitespace().count() < 2
        || regnal
        || !e.surfaces.iter().any(|s| s == surname)
    {
        return;
    }
    let head = head.trim_end_matches(',').to_string();
    e.surfaces.insert(head.clone());
    e.name = head;
}

/// A name with a surname particle inside it right after a lower-case role noun is its holder's, whatever
/// the tagger read: "chief executive Sanne de Vries said" (a given name the lists lack before "de").
fn particle_names_after_roles(doc: &Doc, cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| c.kind == Some(EntityKind::Organization)) {
        let (a, b) = c.toks;
        if b - a >= 3
            && a > 0
            && doc.s(a - 1).starts_with(|ch: char| ch.is_lowercase())
            && is_role_noun(doc.s(a - 1))
            && (a + 1..b - 1)
                .any(|x| matches!(doc.s(x), "de" | "van" | "von" | "der" | "den" | "da" | "du" | "del" | "bin"))
            && name_like(doc, a, b)
            && doc.gaz.lookup(doc.s(a)).is_none()
            && doc.gaz.lookup(doc.s(b - 1)).is_none()
        {
            *c = person_cand(doc, a, b, Evidence::Strong);
        }
    }
}

/// A body's short form in brackets right after its name, written as a word ("Securities and Exchange
/// Board of India (Sebi)", "National Agency for Food and Drug Administration and Control (Nafdac)"):
/// the initials of the name's words, connectors skipped, spell it. It names the body, not a town
/// the gazetteer knows by the same letters, and so does every use of it.
fn short_forms_in_brackets(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    let mut found: Vec<(usize, String)> = Vec::new();
    for c in cands.iter().filter(|c| c.kind == Some(EntityKind::Organization)) {
        let (a, b) = c.toks;
        if b - a < 3 || doc.s(b) != "(" || doc.s(b + 2) != ")" || !doc.same_para(b, b + 2) {
            continue;
        }
        let w = doc.s(b + 1);
        if w.len() < 3
            || !w.starts_with(|ch: char| ch.is_ascii_uppercase())
            || !w.chars().all(|ch| ch.is_ascii_alphabetic())
        {
            continue;
        }
        let initials: String = (a..b)
            .map(|x| doc.s(x))
            .filter(|s| !CONNECTORS.contains(s) && s.starts_with(|ch: char| ch.is_uppercase()))
            .filter_map(|s| s.chars().next())
            .collect();
        if initials.eq_ignore_ascii_case(w) {
            found.push((b + 1, w.to_string()));
        }
    }
    for (k, w) in found {
        // The bracketed use, and every other use read alone.
        let alone: Vec<usize> = cands
            .iter()
            .filter(|c| c.toks.1 == c.toks.0 + 1 && c.toks.0 != k && doc.s(c.toks.0) == w)
            .map(|c| c.toks.0)
            .collect();
        for i in std::iter::once(k).chain(alone) {
            take_span(cands, unknown, org_cand(doc, i, i + 1, w.clone()));
        }
    }
}

/// Acronyms the article spells out in lower-case words before their brackets ("the cash reserve ratio
/// (CRR)", "non-performing assets (NPAs)"): a measure or a thing, no body, wherever they stand. Only
/// the candidates are looked at (an acronym in brackets is one).
fn acronyms_of_plain_words<'a>(doc: &Doc<'a>, cands: &[Cand]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for c in cands {
        let (a, b) = c.toks;
        if b - a != 1 || a < 2 || doc.s(a - 1) != "(" || doc.s(b) != ")" || !doc.same_para(a - 2, b) {
            continue;
        }
        let acr = doc.s(a).trim_end_matches('s');
        if acr.len() < 2 || !acr.chars().all(|ch| ch.is_ascii_uppercase()) || out.contains(&doc.s(a)) {
            continue;
        }
        // The lower-case words right before the bracket, connectors skipped, spell it.
        let mut initials = String::new();
        let mut k = a - 1;
        while k > 0 && initials.len() < acr.len() {
            k -= 1;
            let w = doc.s(k);
            if !doc.is_word(k) || !w.starts_with(|ch: char| ch.is_ascii_lowercase()) || !doc.same_para(k, a) {
                break;
            }
            if matches!(w, "of" | "and" | "for" | "the" | "on" | "in") {
                continue;
            }
            for part in w.split('-').rev() {
                if let Some(ch) = part.chars().next() {
                    initials.insert(0, ch.to_ascii_uppercase());
                }
            }
        }
        if initials == acr {
            out.push(doc.s(a));
        }
    }
    out
}

/// Names that end in "'s" ("Lloyd's", "Moody's", "Sainsbury's"): a capitalised word whose "'s" owns
/// nothing somewhere in the article (punctuation, a verb or "of" right after it: "a bid for Boatmen's.",
/// "Lloyd's is", "Lloyd's of London") has the "'s" in its name at every use ("Lloyd's chairman",
/// "Moody's Investors Service"), unless the article names a person by that word.
fn names_ending_in_s(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    let n = doc.toks.len();
    let possessive = |i: usize| i + 1 < n && doc.toks[i + 1].kind == TokKind::Possessive && doc.same_para(i, i + 1);
    let owns_nothing = |i: usize| {
        let j = i + 2;
        j < n && doc.same_para(i, j) && {
            let w = doc.s(j);
            matches!(w, "." | "," | ";" | ":" | "is" | "was" | "has" | "had" | "of" | "will" | "would") || is_speech_verb(w)
        }
    };
    let mut words: Vec<&str> = (0..n)
        .filter(|&i| doc.is_cap(i) && !doc.toks[i].sent_start && possessive(i) && owns_nothing(i))
        .map(|i| doc.s(i))
        .collect();
    if words.is_empty() {
        return;
    }
    // Not someone named in full: "Jo Bell" ... "the book was Bell's."
    words.retain(|w| {
        !cands.iter().any(|c| {
            c.kind == Some(EntityKind::Person) && c.toks.1 - c.toks.0 >= 2 && (c.toks.0..c.toks.1).any(|i| doc.s(i) == *w)
        })
    });
    for i in (0..n).filter(|&i| possessive(i) && words.contains(&doc.s(i))) {
        let end = i + 2;
        // The name the rules found ending at the word, or the word alone.
        let found = cands.iter().position(|c| c.toks.1 == i + 1 && c.toks.0 <= i);
        let a = found.map_or(i, |k| cands[k].toks.0);
        // A lone word read as a given name ("Lloyd") is no person with its "'s".
        let kind = found
            .and_then(|k| cands[k].kind)
            .filter(|&k| k != EntityKind::Person)
            .unwrap_or(EntityKind::Organization);
        // A body's name going on after it: "Moody's Investors Service".
        let run = if end < n && doc.is_cap(end) && doc.same_para(i, end) { cap_run_end(doc, end) } else { end };
        let body_after = run > end
            && (is_org_head(doc.s(run - 1))
                || cands.iter().any(|c| c.toks.0 == end && c.kind == Some(EntityKind::Organization)));
        let b = if kind == EntityKind::Organization && body_after { run } else { end };
        let mut c = tagged_cand(doc, a, b, kind, Evidence::Strong);
        if let Some(k) = found {
            c.evidence = cands[k].evidence;
        }
        take_span(cands, unknown, c);
    }
}

/// How sure the learned tagger must be (its score margin over the best other
/// labelling of the same tokens) before its word counts.
struct TagTrust {
    /// A name the rules did not see at all, in running text.
    new: f32,
    /// A name in a headline-style line, where the rules only match known names.
    title: f32,
    /// A different class for what the rules found with weak evidence only.
    retype: f32,
    /// An organisation for what the gazetteer calls a place (a club named after its city).
    club: f32,
    /// Above this, the tagger's candidate is strong evidence.
    strong: f32,
    /// Dropping a weak candidate the tagger reads as no name.
    drop: f32,
    /// A name inside a chunk the rules could not class.
    unk: f32,
    /// A longer name around one the rules found.
    longer: f32,
    /// A place the gazetteer does not know.
    unknown_place: f32,
}

/// Margins on CoNLL-2003 dev: spans above 30 are right 9 times in 10, below 10 about half the time.
/// Inside a chunk the rules could not class even an unsure reading of the tagger beats none (`unk` 5:
/// CoNLL-2003 dev +0.003 F1, invented corpus +0.005).
const TRUST: TagTrust = TagTrust {
    new: 10.0,
    title: 30.0,
    retype: 10.0,
    club: 20.0,
    strong: 30.0,
    drop: 10.0,
    unk: 5.0,
    longer: 30.0,
    unknown_place: 10.0,
};

fn label_kind(l: Label) -> Option<EntityKind> {
    match l {
        Label::Per => Some(EntityKind::Person),
        Label::Org => Some(EntityKind::Organization),
        Label::Loc => Some(EntityKind::Place),
        Label::Misc => None,
    }
}

fn tagged_cand(doc: &Doc, a: usize, b: usize, kind: EntityKind, ev: Evidence) -> Cand {
    let text = doc.text_of(a, b);
    match kind {
        EntityKind::Person => person_cand(doc, a, b, ev),
        EntityKind::Organization => {
            let mut c = org_cand(doc, a, b, text.to_string());
            c.evidence = ev;
            c
        }
        EntityKind::Place => place_cand(doc, a, b, text.to_string(), doc.gaz.lookup(text), ev),
    }
}

/// The learned tagger as one more piece of evidence: it classes the chunks the
/// rules left unknown, adds names the rules did not see (one-word names, table
/// lines, headline lines), and retypes what the rules found only weakly or by
/// the gazetteer alone (a club named after its city). The rules' strong evidence
/// (honorifics, titles, head words) keeps precedence.
fn tagger_evidence(doc: &Doc, title_paras: &BTreeSet<usize>, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    let tr = TRUST;
    let ctx = tagger::Ctx::with_words(doc.text, doc.toks, doc.words);
    let tg = tagger::analyse(tagger::Model::get(), &ctx);
    let ev = |m: f32| if m >= tr.strong { Evidence::Strong } else { Evidence::Weak };
    let kind_label = |k: EntityKind| match k {
        EntityKind::Person => Label::Per,
        EntityKind::Organization => Label::Org,
        EntityKind::Place => Label::Loc,
    };
    // One label per name across the document: the tagger's margins summed over every use.
    let mut votes: HashMap<&str, [f32; 4]> = HashMap::with_capacity_and_hasher(tg.spans.len(), Default::default());
    for t in &tg.spans {
        votes.entry(doc.text_of(t.a, t.b)).or_default()[t.label as usize] += t.margin.min(100.0);
    }
    let voted = |t: &tagger::Tagged| -> Option<EntityKind> {
        let v = votes.get(doc.text_of(t.a, t.b)).copied().unwrap_or_default();
        let best = (0..4).max_by(|&x, &y| v[x].total_cmp(&v[y])).unwrap_or(t.label as usize);
        label_kind(Label::ALL[best])
    };
    // Surnames of people named in full ("Michael Jordan" ... "Jordan" is not the country).
    let mut surnames: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for c in cands.iter().filter(|c| c.kind == Some(EntityKind::Person) && c.toks.1 - c.toks.0 >= 2) {
        surnames.insert(doc.s(c.toks.1 - 1));
    }
    for t in tg.spans.iter().filter(|t| t.label == Label::Per && t.b - t.a >= 2 && t.margin >= tr.strong) {
        surnames.insert(doc.s(t.b - 1));
    }
    // A team named after its town is a sports page's habit: elsewhere "Leeds" is the city.
    let sport = || doc.is_sport();
    // Retype, confirm or drop what the rules found.
    let mut replace: Vec<usize> = Vec::new();
    // "Access Bank and Unity Trust": a tagger name joining by "and" a name the rules found is two names.
    let coordinated: Vec<bool> = tg
        .spans
        .iter()
        .map(|t| (t.a..t.b).any(|i| doc.s(i) == "and" && cands.iter().any(|c| c.toks.0 >= t.a && c.toks.1 <= i)))
        .collect();
    // "in Lagos Fatima Bello": a tagger name holding two names the rules told apart is two names.
    let mut typed: Vec<(usize, usize)> = cands.iter().filter(|c| c.kind.is_some()).map(|c| c.toks).collect();
    typed.sort_unstable();
    let holds_two: Vec<bool> = tg
        .spans
        .iter()
        .map(|t| {
            let first = typed.partition_point(|&(a, _)| a < t.a);
            typed[first..].iter().take_while(|&&(a, _)| a < t.b).filter(|&&(_, b)| b <= t.b).nth(1).is_some()
        })
        .collect();
    let mut vetoed: Vec<Cand> = Vec::new();
    cands.retain_mut(|c| {
        let Some(ck) = c.kind else { return true };
        let (a, b) = c.toks;
        let against = tg.cost(a, b, Some(kind_label(ck)));
        // The words themselves say what the name is (an honorific, a title, a known body).
        let said = c.title.is_some() || c.extra_surface.is_some() || known_org(&c.name).is_some();
        // A longer name around the rules' one ("Douglas" in "Douglas & Lomason", "Canada" in
        // "Statistics Canada", "Headley" in "Dean Headley"): the tagger's whole name.
        if !said
            // Tagger names do not overlap and come in order: only one can hold a..b.
            && let k = tg.spans.partition_point(|t| t.b <= a)
            && let Some(t) = tg.spans.get(k)
            && ({
                t.a <= a
                    && b <= t.b
                    && t.b - t.a > b - a
                    && t.label != Label::Misc
                    && t.margin >= tr.longer
                    && !coordinated[k]
                    && !holds_two[k]
                    && !person_of_employer(doc, t.a, a)
                    // Not a common word run into the name ("Shares of Acme Inc", "Customers of Acme").
                    && (t.a..a).chain(b..t.b).all(|i| {
                        let opens = doc.toks[i].sent_start && matches!(doc.s(i + 1), "of" | "for");
                        !opens && !opening_descriptor(doc, i) && (!doc.is_cap(i) || !doc.common(i))
                    })
            })
        {
            replace.push(k);
            return false;
        }
        // A title before words in a line of capitals ("SWISS PREMIER DIVISION RESULTS"): a headline runs
        // the words of a sentence together, and a title there names someone only where the tagger sees
        // a name.
        if c.title.is_some() && ck == EntityKind::Person && (a..b).all(|i| tg.tags[i] == 0) && caps_line(doc, a) {
            return false;
        }
        let own = tg.spans.get(tg.spans.partition_point(|t| t.b <= a)).filter(|t| (t.a, t.b) == (a, b));
        // A town the tagger reads as a club through the document (its margins summed over every
        // use) is the club at every use on a sports page: one name, one type.
        if ck == EntityKind::Place && c.geo.is_some() && !doc.dateline(a) {
            let v = votes.get(doc.text_of(a, b)).copied().unwrap_or_default();
            let org = v[Label::Org as usize];
            // A county or state plays more often than a city does ("Essex", "Minnesota"): less is needed.
            let need = if c.subtype == Some(Subtype::State) { tr.retype } else { tr.club };
            if org >= need && org > v[Label::Loc as usize] && sport() {
                *c = tagged_cand(doc, a, b, EntityKind::Organization, ev(org));
                return true;
            }
        }
        match own.map(|t| (t, label_kind(t.label))) {
            Some((t, Some(kind))) if kind == ck => {
                if t.margin >= tr.strong {
                    c.evidence = Evidence::Strong;
                }
            }
            Some((t, Some(kind))) => {
                let gazetteer_place = ck == EntityKind::Place && c.geo.is_some();
                let surname = kind == EntityKind::Person && b - a == 1 && surnames.contains(doc.s(a));
                if gazetteer_place && surname && against >= tr.retype {
                    *c = tagged_cand(doc, a, b, kind, Evidence::Strong);
                } else if (gazetteer_place
                    && kind == EntityKind::Organization
                    && against >= tr.club
                    && !doc.dateline(a)
                    && sport())
                    || (c.evidence == Evidence::Weak && against >= tr.retype)
                {
                    *c = tagged_cand(doc, a, b, kind, ev(t.margin));
                }
            }
            // Another kind of name (an event, a nationality), or no name at all ("SOCCER - ...").
            Some((_, None)) | None => {
                let nothing = (a..b).all(|i| tg.tags[i] == 0) || own.is_some();
                if nothing && c.evidence == Evidence::Weak && against >= tr.drop {
                    vetoed.push(c.clone());
                    return false;
                }
            }
        }
        true
    });
    // One name, one reading through the document: a use the tagger vetoed comes back when the same
    // words stand as a name of that kind elsewhere on strong evidence ("in NFL history" ... "the NFL
    // said").
    if !vetoed.is_empty() {
        let strong: rustc_hash::FxHashSet<(Option<EntityKind>, &str)> = cands
            .iter()
            .filter(|c| c.evidence == Evidence::Strong)
            .map(|c| (c.kind, doc.text_of(c.toks.0, c.toks.1)))
            .collect();
        cands.extend(vetoed.into_iter().filter(|v| strong.contains(&(v.kind, doc.text_of(v.toks.0, v.toks.1)))));
    }
    replace.sort_unstable();
    replace.dedup();
    for k in replace {
        let t = &tg.spans[k];
        let taken = cands.iter().any(|c| c.toks.0 < t.b && t.a < c.toks.1);
        if let Some(kind) = voted(t).filter(|_| !taken) {
            cands.push(tagged_cand(doc, t.a, t.b, kind, ev(t.margin)));
        }
    }
    // Page furniture ("View All", "Sun Mon Tue", "STEP"): only common words.
    let furniture = |t: &tagger::Tagged| {
        (t.a..t.b).filter(|&i| doc.is_cap(i)).all(|i| doc.common(i) || never_a_name(doc.s(i)))
            // The words of a post whose holder follows: "National Publicity Secretary, Jo Bell".
            || (holder_follows(doc, t.b) && !(t.a..t.b).any(|i| is_org_head(doc.s(i))))
            // A law or a word of one: "Appropriation Bill".
            || law_name(doc, t.a, t.b)
            || (t.a > 0 && law_name(doc, t.a - 1, t.b))
    };
    // A place the gazetteer does not know needs a sure tagger: an unknown word is more
    // often a surname or a firm than an unlisted town.
    let unknown_place_need = |t: &tagger::Tagged, kind: EntityKind| {
        if kind == EntityKind::Place && doc.gaz.lookup(doc.text_of(t.a, t.b)).is_none() {
            // Before a comma an unknown word is more often a surname ("from Okafor, Ikechukwu added").
            if doc.s(t.b) == "," { tr.strong } else { tr.unknown_place }
        } else {
            0.0
        }
    };
    // A name the rules cut at its connectors into chunks they could not class ("House" and
    // "Representatives", "Jean-Paul" and "Gastel"): the tagger's whole name, when it is sure of it
    // and holds those chunks and the connectors between them only.
    if unknown.len() >= 2 {
        let mut chunks = unknown.clone();
        chunks.sort_unstable();
        let mut joined: Vec<(usize, usize)> = Vec::new();
        for t in tg.spans.iter().filter(|t| t.label != Label::Misc && t.margin >= tr.strong && !furniture(t)) {
            let first = chunks.partition_point(|&(a, _)| a < t.a);
            let inside = &chunks[first..chunks.partition_point(|&(a, _)| a < t.b)];
            let whole = inside.len() >= 2
                && inside[0].0 == t.a
                && inside.last().is_some_and(|&(_, b)| b == t.b)
                && inside.windows(2).all(|w| w[0].1 < w[1].0 && (w[0].1..w[1].0).all(|i| is_name_joiner(doc.s(i))));
            if !whole || cands.iter().any(|c| c.toks.0 < t.b && t.a < c.toks.1) {
                continue;
            }
            if let Some(kind) = voted(t)
                && t.margin >= unknown_place_need(t, kind)
            {
                cands.push(tagged_cand(doc, t.a, t.b, kind, ev(t.margin)));
                joined.push((t.a, t.b));
            }
        }
        unknown.retain(|&(a, b)| !joined.iter().any(|&(x, y)| x <= a && b <= y));
    }
    // Chunks the rules could not class.
    unknown.retain(|&(a, b)| {
        // Tagger names come in order and never overlap.
        let first = tg.spans.partition_point(|t| t.a < a);
        // What the context says (a speech verb, an employer, "the town of") comes first, unless it is
        // only a hint ("in X", "into X") and the tagger is sure of this very span: it confirms the
        // hint, or finds no name there ("ripped into Republican nominee ..." names no place).
        if let Some((kind, ev)) = context_kind(doc, a, b) {
            let sure = tg.spans.get(first).filter(|t| (t.a, t.b) == (a, b) && t.margin >= tr.strong && !furniture(t));
            return match sure.map(|t| label_kind(t.label)) {
                Some(None) if ev == Evidence::Weak => false,
                // A lone word that speaks only if a given name ("said Sophie"): the tagger knows it for
                // a name, but an unknown word the article never names in full is more often a firm than
                // a person ("Boskalis said").
                Some(Some(k))
                    if ev == Evidence::Weak && k == kind && (kind != EntityKind::Person || is_given_name(doc.s(a))) =>
                {
                    cands.push(tagged_cand(doc, a, b, kind, Evidence::Strong));
                    false
                }
                // Two words or more that speak are a person unless the tagger is sure they are a body
                // ("TV Globo said", "the Vancouver Sun reported"): bodies speak in news as often as
                // people do, and the words' own features tell them apart better than the verb.
                Some(Some(k))
                    if kind == EntityKind::Person
                        && k == EntityKind::Organization
                        && b - a >= 2
                        && (is_speech_verb(doc.s(b)) || (a > 0 && is_speech_verb(doc.s(a - 1)))) =>
                {
                    cands.push(tagged_cand(doc, a, b, k, Evidence::Strong));
                    false
                }
                _ => true,
            };
        }
        let inside: Vec<&tagger::Tagged> = tg.spans[first..]
            .iter()
            .take_while(|t| t.a < b)
            .filter(|t| t.b <= b && t.label != Label::Misc && t.margin >= tr.unk && !furniture(t))
            .collect();
        for t in &inside {
            if let Some(kind) = voted(t)
                && t.margin >= unknown_place_need(t, kind)
            {
                cands.push(tagged_cand(doc, t.a, t.b, kind, ev(t.margin)));
            }
        }
        inside.is_empty()
    });
    // Names nobody saw: the tokens some candidate or unclassed chunk already covers.
    let mut covered = doc.portfolio.clone();
    covered.push(false);
    for (a, b) in cands.iter().map(|c| c.toks).chain(unknown.iter().copied()) {
        covered[a..b].fill(true);
    }
    // Headline-style lines: only lines in capitals or lists of names (squads, results), not
    // title-case headlines, whose capitalised verbs and function words the tagger never learned.
    // (title-case headline, list line) of the paragraph of token `k`; tokens of a paragraph are contiguous.
    let mut line_kinds: HashMap<usize, (bool, bool)> = HashMap::default();
    let mut headline = |k: usize| {
        let p = doc.toks[k].para;
        *line_kinds.entry(p).or_insert_with(|| {
            let mut a = k;
            while a > 0 && doc.toks[a - 1].para == p {
                a -= 1;
            }
            let (mut caps_function_word, mut lower, mut list_marks) = (false, false, 0);
            for (i, t) in doc.toks.iter().enumerate().skip(a).take_while(|(_, t)| t.para == p) {
                let s = doc.s(i);
                if t.kind == TokKind::Word {
                    lower |= s.chars().any(char::is_lowercase);
                    caps_function_word |= !t.sent_start && doc.is_cap(i) && is_common_word(s);
                }
                // A results or squad line ("9. Ana Lenz (New Zealand) 36.831") is a list, not a headline.
                if t.kind == TokKind::Number || matches!(s, "(" | ",") {
                    list_marks += 1;
                }
            }
            (lower && caps_function_word && list_marks < 2, list_marks >= 2 && lower)
        })
    };
    for t in &tg.spans {
        let Some(kind) = label_kind(t.label).and(voted(t)) else { continue };
        let para = doc.toks[t.a].para;
        let need = if title_paras.contains(&para) {
            match headline(t.a) {
                (true, _) => f32::INFINITY,
                // A results or squad line: the tagger knows such lines well.
                (false, true) => tr.new,
                (false, false) => tr.title,
            }
        } else {
            tr.new
        };
        if t.margin >= need.max(unknown_place_need(t, kind)) && !furniture(t) && !covered[t.a..t.b].contains(&true) {
            covered[t.a..t.b].fill(true);
            cands.push(tagged_cand(doc, t.a, t.b, kind, ev(t.margin)));
        }
    }
}

/// A lower-case word inside one name between capitalised ones: "House of Representatives", "Joost
/// van der Westhuizen", "Aravinda de Silva". The [`CONNECTORS`] but "and", which also joins two
/// names, and a few more particles of surnames.
fn is_name_joiner(w: &str) -> bool {
    (w != "and" && CONNECTORS.contains(&w)) || matches!(w, "den" | "di" | "dos" | "das")
}

/// The line of token `i` has no lower-case letter: a headline or a heading in capitals.
fn caps_line(doc: &Doc, i: usize) -> bool {
    let p = doc.toks[i].para;
    let mut a = i;
    while a > 0 && doc.toks[a - 1].para == p {
        a -= 1;
    }
    (a..doc.toks.len()).take_while(|&k| doc.toks[k].para == p).all(|k| !doc.s(k).chars().any(char::is_lowercase))
}

/// The "V" of a fixture in a line of capitals, "ENGLAND V PAKISTAN": it parts two names, as the
/// lower-case "v" does in running text.
fn caps_fixture(doc: &Doc, j: usize) -> bool {
    let caps = |i: usize| {
        let w = doc.s(i);
        w.len() >= 2 && doc.is_word(i) && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase)
    };
    matches!(doc.s(j), "V" | "VS")
        && j > 0
        && doc.same_para(j - 1, j + 1)
        && caps(j - 1)
        && caps(j + 1)
}

/// The end (exclusive) of the capitalised run starting at `i`.
fn chunk_end(doc: &Doc, i: usize) -> usize {
    let mut j = i + 1;
    loop {
        if !doc.same_para(i, j) {
            return j;
        }
        // "Acme Textiles Q2 profit": a financial period ends a name.
        if doc.is_cap(j) && !caps_fixture(doc, j) && !financial_period(doc.s(j)) {
            j += 1;
            continue;
        }
        let s = doc.s(j);
        // "Ministry of Environment, Forest and Climate Change": a body's head, "of" or "for", then
        // its field listed with commas up to "and".
        if s == ","
            && j >= i + 3
            && (i..j - 1).any(|x| is_org_head(doc.s(x)) && matches!(doc.s(x + 1), "of" | "for"))
            && (i..j).rev().take_while(|&x| !matches!(doc.s(x), "of" | "for")).count() <= 2
            && let Some(e) = comma_field_end(doc, j)
        {
            j = e;
            continue;
        }
        // "Pratt & Whitney", "Douglas & Lomason Co": an ampersand between capitals joins one name.
        if s == "&" && doc.is_cap(j + 1) && doc.same_para(i, j + 1) {
            j += 2;
            continue;
        }
        if CONNECTORS.contains(&s) && !doc.portfolio.get(j + 1).copied().unwrap_or(false) {
            // Connectors may chain ("of the"), but the run must continue with a capital.
            let mut k = j;
            while CONNECTORS.contains(&doc.s(k)) && k - j < 2 {
                k += 1;
            }
            if doc.is_cap(k) && doc.same_para(i, k) {
                j = k;
                continue;
            }
        }
        if s == "in"
            && doc.is_cap(j + 1)
            && doc.same_para(i, j + 1)
            && let Some(k) = purpose_in(doc, i, j)
        {
            j = k;
            continue;
        }
        if (doc.toks.get(j).is_some_and(|t| t.kind == TokKind::Possessive) || doc.plural_possessive(j))
            && doc.is_cap(j + 1)
        {
            // "King’s College", "Farmers’ Union": keep the possessive inside an organisation name.
            let mut k = j + 1;
            while doc.is_cap(k) {
                k += 1;
            }
            let has_org_head = (j + 1..k).any(|x| is_org_head(doc.s(x)));
            // A body owning another is two names: "Nasa's Goddard Space Flight Center", "AMR Corp's
            // American Airlines"; so is a place's ("South Korea's Yonsei University") and a day's
            // ("Sunday's New York Times").
            let owner = doc.s(j - 1);
            let body_owns = is_acronym(owner)
                || is_legal_form(owner)
                || known_org(owner).is_some()
                || known_org(&owner.to_uppercase()).is_some();
            let place_owns = doc.gaz.lookup(owner).is_some() || doc.gaz.lookup(doc.text_of(i, j)).is_some();
            let day = is_weekday(owner);
            if has_org_head && !place_owns && !body_owns && !day && !person_owns(doc, i, j) {
                j = k;
                continue;
            }
        }
        return j;
    }
}

/// The end of the rest of a field listed with commas that starts with the comma at `k`: ", Forest
/// and Climate Change" in "Ministry of Environment, Forest and Climate Change". Each item is one or
/// two capitalised plain words (no given name, place, acronym, head or known body), the last comes
/// after "and"; none when the list does not close with "and".
fn comma_field_end(doc: &Doc, mut k: usize) -> Option<usize> {
    let first = k;
    let plain = |x: usize| {
        let w = doc.s(x);
        doc.is_cap(x)
            && doc.is_word(x)
            && doc.same_para(first, x)
            // A given name opening two words is a person's ("Jo Bell"), alone a field's ("Forest").
            && !(is_given_name(w) && doc.is_cap(x + 1))
            && !is_acronym(w)
            && !is_org_head(w)
            && known_org(w).is_none()
            && doc.gaz.lookup(w).is_none()
    };
    let mut items = 0;
    while doc.s(k) == "," && plain(k + 1) {
        let mut e = k + 1;
        while e < k + 3 && plain(e) {
            e += 1;
        }
        items += 1;
        if items > 4 {
            return None;
        }
        match doc.s(e) {
            "," => k = e,
            "and" if plain(e + 1) => {
                let mut z = e + 1;
                while z < e + 3 && plain(z) {
                    z += 1;
                }
                return (!doc.is_cap(z)).then_some(z);
            }
            _ => return None,
        }
    }
    None
}

/// Tokens `x..a` are two or three capitalised words and "of" before a body's name that starts at `a`,
/// none of them a head, a title or a common word: a person and an employer ("Jo Bell of Acme
/// Securities"), not one name ("Bank of England", "Duke of Edinburgh", "Gold Fields of South Africa Ltd").
fn person_of_employer(doc: &Doc, x: usize, a: usize) -> bool {
    (x + 3..=x + 4).contains(&a)
        && doc.s(a - 1) == "of"
        // "Gold Fields of South Africa Ltd": a firm of a country is one name.
        && a + 2 <= doc.toks.len()
        && doc.gaz.lookup(doc.s(a)).is_none()
        && doc.gaz.lookup(doc.text_of(a, a + 2)).is_none()
        && (x..a - 1).all(|i| {
            let w = doc.s(i);
            doc.is_cap(i)
                && doc.is_word(i)
                && !is_org_head(w)
                && !is_place_head(w)
                && !is_title_head(w)
                && !is_title_modifier(w)
                && !is_acronym(w)
                && !doc.common(i)
                && known_org(w).is_none()
                && doc.gaz.lookup(w).is_none()
        })
}

/// The capitalised words `i..j` before a possessive are a person's: a given name opens them
/// ("Boris Yeltsin's Security Council"), or the last of them follows a given name, an honorific or
/// a title elsewhere in the document ("Alexander Lebed ... Lebed's Security Council"). Not "King's
/// College" nor "Moody's Investors Service".
fn person_owns(doc: &Doc, i: usize, j: usize) -> bool {
    if j - i >= 2 && is_given_name(doc.s(i)) {
        return true;
    }
    let owner = doc.s(j - 1);
    if is_common_word(owner) || is_given_name(owner) {
        return false;
    }
    (1..doc.toks.len()).any(|k| {
        k != j - 1 && doc.s(k) == owner && doc.same_para(k - 1, k) && {
            let before = doc.s(k - 1);
            doc.is_cap(k - 1) && (is_given_name(before) || is_honorific(before) || is_title_head(before))
        }
    })
}

/// A body named for a purpose ends with where it works: "Organisation for Security and
/// Cooperation in Europe", "Board of Control for Cricket in India", "Coalition for Transparency in
/// Governance". The run `i..j` holds an organisation head, then "for", and token `j` is "in": the
/// end of the name after it, when what follows "in" is a country, a continent or a region, or no
/// known place at all (not a city: "the Centre for Policy Studies in London").
fn purpose_in(doc: &Doc, i: usize, j: usize) -> Option<usize> {
    let f = (i + 1..j).rev().find(|&x| doc.s(x) == "for")?;
    if !(i..f).any(|x| is_org_head(doc.s(x))) || (f + 1..j).any(|x| is_org_head(doc.s(x))) {
        return None;
    }
    let mut k = j + 1;
    while k < j + 4 && doc.is_cap(k) && doc.same_para(j, k) {
        k += 1;
    }
    if doc.is_cap(k) && doc.same_para(j, k) {
        return None;
    }
    let z = doc.text_of(j + 1, k);
    let fits = match doc.gaz.lookup(z) {
        Some(p) => matches!(p.subtype, Subtype::Country | Subtype::Continent | Subtype::Region),
        None => (j + 1..k).all(|x| {
            let w = doc.s(x);
            doc.gaz.lookup(w).is_none() && !is_given_name(w) && !is_acronym(w) && !is_org_head(w)
        }),
    };
    fits.then_some(k)
}

/// Splits a capitalised run at connectors that do not belong to one name
/// ("Russia and Ukraine", "Vladimir Putin of Russia").
/// The letters of an acronym in brackets right after token `b`: "... Project (SERAP)".
fn bracketed_acronym<'a>(doc: &Doc<'a>, b: usize) -> Option<&'a str> {
    if doc.s(b) != "(" || doc.s(b + 2) != ")" || !doc.same_para(b, b + 2) {
        return None;
    }
    let w = doc.s(b + 1);
    let upper = w.chars().filter(char::is_ascii_uppercase).count();
    ((2..=8).contains(&w.len()) && w.chars().all(|c| c.is_ascii_alphabetic()) && upper * 2 > w.len()).then_some(w)
}

/// Where, inside the capitalised run `a..b`, a name spelled by the acronym in brackets after it
/// begins: the initials of its words (each part of a dashed word gives one, connectors none) are
/// the acronym's letters. "Socio-Economic Rights and Accountability Project (SERAP)" and "National
/// Oceanic and Atmospheric Administration (NOAA)" are one name each, "and" included.
fn spelled_by_acronym(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let acr = bracketed_acronym(doc, b)?.to_ascii_uppercase();
    let initials = |x: usize, dashed: bool| -> String {
        let mut out = String::new();
        for i in x..b {
            let s = doc.s(i);
            if CONNECTORS.contains(&s) || !doc.is_word(i) || !doc.is_cap(i) {
                continue;
            }
            let parts: Vec<&str> = if dashed { s.split('-').collect() } else { vec![s] };
            for part in parts {
                if let Some(c) = part.chars().next().filter(|c| c.is_alphabetic()) {
                    out.extend(c.to_uppercase());
                }
            }
        }
        out
    };
    // Nearest start first: the shortest name the acronym spells.
    (a..b).rev().filter(|&x| doc.is_cap(x) && !CONNECTORS.contains(&doc.s(x))).find(|&x| {
        b - x >= 2 && (initials(x, true) == acr || initials(x, false) == acr)
    })
}

/// "The" with a capital inside a running sentence, after a lower-case word or a comma: part of the
/// name it opens ("at The Oval"), not an article a sentence or a headline capitalised.
fn capital_the(doc: &Doc, i: usize) -> bool {
    doc.s(i) == "The"
        && !doc.toks[i].sent_start
        && i > 0
        && doc.same_para(i - 1, i)
        && (doc.s(i - 1) == "," || (doc.is_word(i - 1) && doc.s(i - 1).chars().next().is_some_and(char::is_lowercase)))
}

/// An adjective of a field or a kind that can end no name ("Urban", "Regional", "Economic",
/// "Secondary"): a plain capitalised word ending like one, neither a place, a people nor a given name.
fn field_adjective(doc: &Doc, w: &str) -> bool {
    let shaped = matches!(w, "Urban" | "Rural")
        || (w.len() >= 5 && (w.ends_with("al") || w.ends_with("ic") || w.ends_with("ary")));
    shaped
        && w.chars().skip(1).all(char::is_lowercase)
        && !is_given_name(w)
        && !is_title_head(w)
        && !is_title_modifier(w)
        && !doc.gaz.is_demonym(w)
        && doc.gaz.lookup(w).is_none()
}

fn split_chunk(doc: &Doc, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = a;
    let mut licensed_org = false;
    // A name in apposition to a kind of body ("Spotlight on Corruption, a London-based group,") goes
    // on through "of", "on" and "for", unless a given name opens it (a person "of" an employer).
    let body_appos = org_apposition(doc, b) && !is_given_name(doc.s(a)) && b - a <= 6;
    // A name its bracketed acronym spells keeps its connectors ("Rights and Accountability").
    let spelled = spelled_by_acronym(doc, a, b).filter(|&x| (x..b).any(|i| CONNECTORS.contains(&doc.s(i))));
    let mut j = a;
    while j < b {
        let s = doc.s(j);
        if let Some(x) = spelled {
            if j == x && j > start {
                parts.push((start, j));
                start = j;
            }
            if j >= x {
                j += 1;
                continue;
            }
        }
        if CONNECTORS.contains(&s) && j > start {
            let prev = doc.s(j - 1);
            let ok = match s {
                "of" | "for" | "on" => {
                    let org = is_org_head(prev) || is_place_head(prev);
                    let titled =
                        is_title_head(prev) || (is_title_modifier(prev) && (start..j).any(|x| is_title_head(doc.s(x))));
                    // "... of the Ukrainian government": a lone adjective does not continue a name.
                    let rest_adjective =
                        (j + 1..b).filter(|&x| !CONNECTORS.contains(&doc.s(x))).all(|x| doc.gaz.is_demonym(doc.s(x)));
                    // "Board of Control for Cricket": a body's name, once opened by its head and
                    // "of", goes on through "for" and the field it serves.
                    let purpose = s == "for" && licensed_org && (start..j).any(|x| is_org_head(doc.s(x)));
                    // A body named by what it is for: "Transport for London", "Campaign for Better
                    // Transport", "Action for Children" (the word opens the name).
                    let for_body = s == "for" && j == start + 1 && matches!(prev, "Transport" | "Campaign" | "Action");
                    let org = org || for_body;
                    if org && !rest_adjective {
                        licensed_org = true;
                    }
                    (org || titled || purpose || (body_appos && doc.is_cap(j + 1))) && !rest_adjective
                }
                "the" => doc.s(j - 1) == "of",
                // Not when what follows names a body on its own: "the Council of Europe and NATO", "the
                // House and Senate" are two.
                "and"
                    if {
                        let w = doc.s(j + 1);
                        (b == j + 2 && (is_acronym(w) || known_org(w).is_some() || is_org_head(w)))
                        // "the Institute of Geology and IIT Delhi": after a body's name, an acronym
                        // opening the rest (no connector in it) opens a second body.
                            || (licensed_org
                                && is_acronym(w)
                                && b - j <= 4
                                && (j + 1..b).all(|x| !CONNECTORS.contains(&doc.s(x))))
                    } =>
                {
                    false
                }
                // "the Australian Institute of Marine Science and James Cook University": after a
                // body's name, a name opening with a given name or a place and closing with its own
                // head word is a second body.
                "and" if licensed_org && second_body_after_and(doc, j, b) => false,
                // "Newark and Sherwood District Council", "NHS Nottinghamshire and Lincolnshire
                // Integrated Care Board": the places a body serves, joined by "and" before its head.
                "and" if places_before_head(doc, start, j, b) => true,
                "and" => {
                    (licensed_org && (start..j).any(|x| is_org_head(doc.s(x))))
                        // "Securities and Exchange Board", "Food and Drug Administration": one word
                        // that names nothing on its own, "and", then capitalised words up to a head.
                        || ({
                            let ls = start + usize::from(matches!(doc.s(start), "The" | "the"));
                            j == ls + 1
                        } && {
                            let w = doc.s(j - 1);
                            let head = (j + 1..b.min(j + 5))
                                .take_while(|&x| doc.is_cap(x))
                                .find(|&x| is_org_head(doc.s(x)));
                            // A plain word ("Securities"), not a firm's coined name ("KeyCorp").
                            w.chars().skip(1).all(char::is_lowercase)
                                && !is_given_name(w)
                                && !is_acronym(w)
                                && doc.gaz.lookup(w).is_none()
                                && known_org(w).is_none()
                                && head.is_some()
                        })
                        // "Ogun State Urban and Regional Planning Board": an adjective of a field
                        // ends no name, so the words after "and" up to a head word go on with it.
                        || (field_adjective(doc, doc.s(j - 1))
                            && j - start <= 4
                            && !(start..j).any(|x| is_org_head(doc.s(x)))
                            && (j + 1..b.min(j + 5)).take_while(|&x| doc.is_cap(x)).any(|x| is_org_head(doc.s(x))))
                }
                _ => {
                    // Particles may chain ("von der") before the capitalised rest of a name.
                    let mut k = j + 1;
                    while k < b && CONNECTORS.contains(&doc.s(k)) {
                        k += 1;
                    }
                    let mut p = j;
                    while p > start && CONNECTORS.contains(&doc.s(p - 1)) {
                        p -= 1;
                    }
                    p > start && doc.is_cap(p - 1) && doc.is_cap(k) && s.len() <= 3 && s != "and"
                }
            };
            if !ok {
                parts.push((start, j));
                // Skip the connector(s).
                let mut k = j;
                while k < b && CONNECTORS.contains(&doc.s(k)) {
                    k += 1;
                }
                start = k;
                licensed_org = false;
                j = k;
                continue;
            }
        }
        j += 1;
    }
    parts.push((start, b));
    parts
        .into_iter()
        .map(|(mut x, mut y)| {
            // A known place keeps its first word even when that word is common ("NEW DELHI"),
            // but not an article ("The United States" is named "United States").
            // A lone common word opening a sentence is no place ("Man jailed for fraud").
            let lone_common = y - x == 1 && doc.toks[x].sent_start && is_common_word(doc.s(x));
            // "The" written with a capital inside a running sentence belongs to the name ("at The Oval",
            // "beat The Netherlands", "told The Times").
            let the = y - x > 1 && capital_the(doc, x);
            if !lone_common && doc.gaz.lookup(doc.text_of(x, y)).is_some() {
                if y - x > 1 && matches!(doc.s(x), "The" | "the" | "THE") && !the {
                    x += 1;
                }
                return (x, y);
            }
            // Trim common words at the edges ("The", "Tuesday").
            while !the
                && x < y
                && ((is_common_word(doc.s(x)) && (doc.toks[x].sent_start || matches!(doc.s(x), "The" | "A" | "An")))
                    || CONNECTORS.contains(&doc.s(x)))
                && !doc.s(x).ends_with('.')
            {
                x += 1;
            }
            let keep = if the { x + 2 } else { x };
            // A body's head word that is also a common word ends its name: "Citizens' Rights Watch".
            while y > keep
                && (is_common_word(doc.s(y - 1)) || CONNECTORS.contains(&doc.s(y - 1)))
                && !(y - x >= 2 && is_org_head(doc.s(y - 1)) && doc.is_cap(y - 2))
            {
                y -= 1;
            }
            (x, y)
        })
        .filter(|(x, y)| x < y)
        .collect()
}

/// After "and" at `j` in a run ending at `b`: a body's name of its own, opening with a given name or a
/// place the gazetteer knows and closing with a head word, with no connector inside ("James Cook
/// University", "Leeds Beckett University").
fn second_body_after_and(doc: &Doc, j: usize, b: usize) -> bool {
    let w = doc.s(j + 1);
    b >= j + 3
        && b - j <= 5
        && is_org_head(doc.s(b - 1))
        && (is_given_name(w) || doc.gaz.lookup(w).is_some())
        && !is_org_head(w)
        && (j + 1..b).all(|x| doc.is_cap(x) && !CONNECTORS.contains(&doc.s(x)))
}

/// "and" at `j` joins two places a body serves before its head word: the words from `start` are a
/// place the gazetteer knows (after an acronym, "NHS Nottinghamshire"), those after "and" another place
/// and then capitalised words up to a head within four words ("Sherwood District Council",
/// "Lincolnshire Integrated Care Board").
fn places_before_head(doc: &Doc, start: usize, j: usize, b: usize) -> bool {
    let from = if start < j && is_acronym(doc.s(start)) { start + 1 } else { start };
    let place = |x: usize, y: usize| {
        y > x && y - x <= 2 && doc.gaz.lookup(doc.text_of(x, y)).is_some() && !(x..y).any(|i| is_given_name(doc.s(i)))
    };
    if !place(from, j) {
        return false;
    }
    let Some(head) = (j + 2..b.min(j + 6)).take_while(|&x| doc.is_cap(x)).find(|&x| is_org_head(doc.s(x))) else {
        return false;
    };
    // The second place may be one the gazetteer lacks: a plain capitalised word.
    let w = doc.s(j + 1);
    (j + 2..=head.min(j + 3)).any(|y| place(j + 1, y))
        || (head >= j + 2
            && !is_given_name(w)
            && !is_org_head(w)
            && !is_acronym(w)
            && !doc.common(j + 1)
            && w.chars().skip(1).all(char::is_lowercase))
}

/// The end of a body's name of two plain words joined by "at" ("Pets at Home"), from the one word
/// at `i` (whose chunk ends at `end`): the words after it must be one capitalised word, and the whole
/// stand where only a body does (in apposition to a kind of body, after a kind noun, "shares in").
fn body_named_with_at(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    if end != i + 1 || !matches!(doc.s(end), "at" | "to") || !doc.is_cap(end + 1) || !doc.same_para(i, end + 1) {
        return None;
    }
    let e = end + 2;
    if doc.is_cap(e) || doc.toks.get(e).is_some_and(|t| t.kind == TokKind::Possessive) {
        return None;
    }
    let plain = |x: usize| {
        let w = doc.s(x);
        w.len() >= 3
            && w.chars().skip(1).all(char::is_lowercase)
            && !is_given_name(w)
            && !is_title_head(w)
            && doc.gaz.lookup(w).is_none()
    };
    if !plain(i) || !plain(end + 1) {
        return None;
    }
    let body = org_apposition(doc, e)
        || org_kind_noun(doc, i, e)
        || (i >= 2 && doc.s(i - 1) == "rival" && matches!(doc.s(i - 2), "in" | "of"))
        || context_kind(doc, i, e) == Some((EntityKind::Organization, Evidence::Strong));
    body.then_some(e)
}

/// Whether the name at `a` stands after a preposition of place, alone or in a list that opens with
/// one: "in Hanley Cross", "in Colbury, Aldersey and Market Fenwick".
fn after_place_preposition(doc: &Doc, a: usize) -> bool {
    let mut k = a;
    let stop = a.saturating_sub(12);
    while k > stop {
        let p = doc.s(k - 1);
        if matches!(p, "in" | "near" | "at" | "outside" | "around" | "between" | "across" | "from") {
            return true;
        }
        let qualifier = matches!(p, "nearby" | "neighbouring" | "neighboring" | "north" | "south" | "east" | "west");
        if !(doc.is_cap(k - 1) || qualifier || matches!(p, "," | "and" | "or")) || !doc.same_para(k - 1, a) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Two words shaped like an English village's or town's name, after a preposition of place (alone or
/// in a list that opens with one): a settlement's first word and a name ("in Market Fenwick", "near
/// Little Hadham"; not "The Great War"), or a name and a settlement's last word ("in Hanley Cross",
/// "at Castle Fields"; not after a given name, "in Monza, Damon Hill").
fn settlement_shaped(doc: &Doc, a: usize, b: usize) -> bool {
    if b - a != 2 || !doc.is_cap(a + 1) {
        return false;
    }
    let (first, last) = (doc.s(a), doc.s(a + 1));
    let plain_name = |w: &str| {
        w.len() >= 3
            && w.chars().skip(1).all(char::is_lowercase)
            && !is_org_head(w)
            && !is_sector_head(w)
            && !is_title_head(w)
            && !doc.gaz.is_demonym(w)
    };
    // "in Driefontein and Gold Fields' mines": what owns is a firm more often than a village.
    let owns = doc.toks.get(b).is_some_and(|t| t.kind == TokKind::Possessive) || doc.plural_possessive(b);
    if !plain_name(first) || !plain_name(last) || is_honorific(first) || owns {
        return false;
    }
    let shaped =
        (is_settlement_first(first) && !is_given_name(last)) || (is_settlement_last(last) && !is_given_name(first));
    // "on" goes with a hill, a green or a common ("on Capitol Hill", "on Clapham Common"), not
    // with a town ("on Little Hadham" is no English).
    let on_last = a > 0 && doc.s(a - 1) == "on" && is_settlement_last(last) && !is_given_name(first);
    shaped && (after_place_preposition(doc, a) || on_last)
}

fn place_cand(doc: &Doc, a: usize, b: usize, name: String, p: Option<&super::gazetteer::Place>, ev: Evidence) -> Cand {
    Cand {
        span: doc.span_of(a, b),
        toks: (a, b),
        kind: Some(EntityKind::Place),
        subtype: p.map(|p| p.subtype),
        evidence: ev,
        name,
        extra_surface: None,
        title: None,
        geo: p.map(|p| p.geo()),
    }
}

fn org_cand(doc: &Doc, a: usize, b: usize, name: String) -> Cand {
    let gov = (a..b).any(|i| {
        matches!(
            doc.s(i),
            "Ministry"
                | "Department"
                | "Parliament"
                | "Congress"
                | "Senate"
                | "Duma"
                | "Cabinet"
                | "Government"
                | "Embassy"
                | "Agency"
                | "Administration"
                | "Bureau"
                | "Council"
                | "Commission"
                | "Committee"
        )
    });
    let seat = is_seat(&name);
    Cand {
        span: doc.span_of(a, b),
        toks: (a, b),
        kind: Some(EntityKind::Organization),
        subtype: if seat {
            Some(Subtype::Seat)
        } else if gov {
            Some(Subtype::Government)
        } else {
            None
        },
        evidence: Evidence::Strong,
        name,
        extra_surface: None,
        title: None,
        geo: None,
    }
}

fn person_cand(doc: &Doc, a: usize, b: usize, ev: Evidence) -> Cand {
    // No one's name opens with an acronym in a line of lower-case words: "NHS England" is a body.
    if b - a >= 2 && is_acronym(doc.s(a)) && !doc.s(b - 1).chars().all(|c| c.is_uppercase()) {
        return org_cand(doc, a, b, doc.text_of(a, b).to_string());
    }
    // No one's name has a point of the compass inside it: on a sports page "Preston North End" is a club.
    if b - a >= 3 && (a + 1..b - 1).any(|i| matches!(doc.s(i), "North" | "South" | "East" | "West")) && doc.is_sport() {
        return org_cand(doc, a, b, doc.text_of(a, b).to_string());
    }
    Cand {
        span: doc.span_of(a, b),
        toks: (a, b),
        kind: Some(EntityKind::Person),
        subtype: None,
        evidence: ev,
        name: doc.text_of(a, b).to_string(),
        extra_surface: None,
        title: None,
        geo: None,
    }
}

/// True when tokens `a..b` look like a person's name (no title, head or common words).
fn name_like(doc: &Doc, a: usize, b: usize) -> bool {
    a < b
        && doc.is_cap(a)
        && doc.is_cap(b - 1)
        && (a..b).all(|i| {
            let s = doc.s(i);
            // Surname particles inside a name: "Ursula von der Leyen", "Charles de Gaulle".
            if i > a
                && matches!(s, "von" | "van" | "der" | "den" | "de" | "da" | "du" | "del" | "la" | "le" | "bin" | "al")
            {
                return true;
            }
            // A family name that is also a word for a place, before a romanised given name: "Park Ji-hoon".
            let family = || {
                i + 1 < b
                    && doc.s(i + 1).bytes().position(|c| c == b'-').is_some_and(|d| doc.romanised_given_name(i + 1, d))
            };
            doc.is_cap(i)
                && !is_title_head(s)
                && !is_org_head(s)
                && (!is_place_head(s) || family())
                && !doc.gaz.is_demonym(s)
                && (!is_common_word(s) || s.ends_with('.'))
                && known_org(s).is_none()
        })
        && !doc.s(a).ends_with('.') | (b - a > 1)
}

/// Splits a leading title off a chunk: "Secretary of State | Antony Blinken",
/// "U.S. District Judge | Jane Doe". The name is the shortest tail that looks
/// like a name and follows a title word.
fn title_split(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    (a + 1..b).find(|&k| {
        let prev = doc.s(k - 1);
        // A role noun capitalised at the start of a sentence works as a title too ("Forecaster Jamie Rhome").
        let head = |x: &str| is_title_head(x) || is_role_noun(x);
        (head(prev) || (is_title_modifier(prev) && (a..k - 1).any(|x| head(doc.s(x)))))
            && name_like(doc, k, b)
            && !is_title_modifier(doc.s(k))
            // A rank of two words ("Detective Constable Amy Rowe"), unless a given name ("Coach Dean Jones").
            && !(head(doc.s(k)) && !is_given_name(doc.s(k)) && k + 1 < b)
            // A title that is more often a given name, before a single word: "captain Dean Holloway"
            // (but "the Dean", "Law School Dean Jo Bell").
            && !(prev == "Dean" && k == a + 1 && k + 1 == b && (a == 0 || !matches!(doc.s(a - 1), "the" | "The")))
            // A headline in capitals runs words of a sentence together: "BARATELLI TO COACH NICE" is
            // no title before a name.
            && !(a..k).any(|x| {
                let w = doc.s(x);
                w.len() > 1 && w.chars().all(|c| c.is_uppercase()) && is_common_word(w)
            })
    })
}

/// The name right after an office's field ("Minister of State for Science and Technology Ravi
/// Dhanraj"): two or three name-like words after the words [`Doc::portfolios`] marks are the holder.
fn office_holders(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    for i in 1..doc.toks.len() {
        if !(doc.portfolio[i - 1] && !doc.portfolio[i] && doc.is_cap(i) && doc.same_para(i - 1, i)) {
            continue;
        }
        let mut b = i;
        while b < doc.toks.len() && doc.is_cap(b) && doc.same_para(i, b) {
            b += 1;
        }
        if (2..=3).contains(&(b - i)) && name_like(doc, i, b) {
            take_span(cands, unknown, person_cand(doc, i, b, Evidence::Strong));
        }
    }
}

/// Two words taken for a person's names, the second a country, state or region, the whole unknown to
/// the gazetteer ("Healthwatch Shropshire welcomed the apology"): a body serving that place, unless the first word is a given name, a direction, a place or title head word, a demonym,
/// or stands alone elsewhere in the article as a name of its own. (Taken for a place, such names
/// are more often a country with an adjective: "Nazi Germany", "Modern Ukraine".)
fn bodies_named_for_regions(doc: &Doc, title_paras: &BTreeSet<usize>, cands: &mut [Cand]) {
    let fits = |c: &Cand| {
        let (a, b) = c.toks;
        let (first, last) = (doc.s(a), doc.s(b - 1));
        b == a + 2
            && c.kind == Some(EntityKind::Person)
            && !doc.plain[a]
            && !title_paras.contains(&doc.toks[a].para)
            && doc.gaz.lookup(doc.text_of(a, b)).is_none()
            && doc
                .gaz
                .lookup(last)
                .is_some_and(|p| matches!(p.subtype, Subtype::Country | Subtype::State | Subtype::Region))
            && !is_given_name(first)
            && !is_direction(first)
            && !is_place_head(first)
            && !is_title_head(first)
            && !is_title_modifier(first)
            && !doc.gaz.is_demonym(first)
            && doc.gaz.lookup(first).is_none()
            && !first.chars().all(|ch| ch.is_uppercase())
    };
    let named: BTreeSet<String> = cands.iter().filter(|c| fits(c)).map(|c| c.name.clone()).collect();
    for name in named {
        let first = name.split_whitespace().next().unwrap_or_default();
        let alone = cands.iter().any(|c| c.toks.1 == c.toks.0 + 1 && doc.s(c.toks.0) == first);
        if alone {
            continue;
        }
        for c in cands.iter_mut().filter(|c| fits(c) && c.name == name) {
            let (a, b) = c.toks;
            *c = org_cand(doc, a, b, name.clone());
        }
    }
}

/// "Union Minister of State", "Union Cabinet Minister": India's "Union" (the federal government)
/// before words of an office that hold "Minister" or "Cabinet", with no name: a title, not a body
/// ("Union Leader", a newspaper, stays).
fn federal_title(doc: &Doc, a: usize, b: usize) -> bool {
    b > a + 1
        && doc.s(a) == "Union"
        && is_title_head(doc.s(a + 1))
        && (a + 1..b).any(|k| matches!(doc.s(k), "Minister" | "Ministers" | "Cabinet"))
        && (a + 1..b).all(|k| {
            let w = doc.s(k);
            is_title_head(w) || is_title_modifier(w) || matches!(w, "of" | "State" | "Cabinet")
        })
}

/// The end of an office's field that runs from `a` to `b` after "for" ([`Doc::portfolios`]): before the holder's name
/// when the field's last two words are one ("Minister of State for Science and Technology Arvind
/// Shekhawat said"): a given name and another word, or, after at least two words of field, two words
/// that are no common words, with no "and" between them.
fn holder_after_field(doc: &Doc, a: usize, b: usize) -> usize {
    if b < a + 3 {
        return b;
    }
    let (x, y) = (b - 2, b - 1);
    let plain = |k: usize| !is_common_word(doc.s(k)) && !is_org_head(doc.s(k));
    let named = is_given_name(doc.s(x)) || (b >= a + 4 && plain(x) && plain(y));
    if named && doc.s(x - 1) != "and" && !matches!(doc.s(x - 1), "&" | "of") { x } else { b }
}

/// A title word at `k` whose holder follows after a comma: "Secretary, Jo Bell".
fn holder_follows(doc: &Doc, k: usize) -> bool {
    is_title_head(doc.s(k)) && doc.s(k + 1) == "," && doc.is_cap(k + 2)
}

/// Words `a..b` name a bill or an act ("Appropriation Bill", "Climate Change Act"): a law,
/// which is neither a person ("Bill") nor an organisation.
fn law_name(doc: &Doc, a: usize, b: usize) -> bool {
    b >= a + 2
        && matches!(doc.s(b - 1), "Bill" | "Act" | "Amendment")
        && !is_given_name(doc.s(b - 2))
        && !is_honorific(doc.s(b - 2))
}

fn classify_chunk(doc: &Doc, a: usize, b: usize, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    let text = doc.text_of(a, b);
    let first = doc.s(a);
    let sent_initial = doc.toks[a].sent_start;

    // 0. A demonym of two words alone, like one of one word (step 7): "Sri Lankan boatman" (not the
    // honorific "Sri"). Not a place of two words ("New Zealand"), nor a longer name ("South African
    // Hockey Association").
    if b - a == 2 && doc.gaz.is_demonym(text) && doc.gaz.lookup(text).is_none() {
        return;
    }
    // 0b. A name of several words its bracketed acronym spells is a body's: "Socio-Economic Rights
    // and Accountability Project (SERAP)". Not a place ("United Arab Emirates (UAE)", "Federal Capital
    // Territory (FCT)").
    if b - a >= 2
        && spelled_by_acronym(doc, a, b) == Some(a)
        && doc.gaz.lookup(text).is_none()
        && !is_place_head(doc.s(b - 1))
        && !is_honorific(first)
        && !is_title_head(first)
    {
        cands.push(org_cand(doc, a, b, text.to_string()));
        return;
    }
    // 0b'. A body named by what it is for (see [`split_chunk`]): "Transport for London".
    if b - a >= 3 && matches!(first, "Transport" | "Campaign" | "Action") && doc.s(a + 1) == "for" {
        cands.push(org_cand(doc, a, b, text.to_string()));
        return;
    }
    // 0c. A name joined through "on", "of" or "for" and in apposition to a kind of body: "Spotlight on
    // Corruption, a London-based group," (see [`split_chunk`]).
    if b - a >= 3
        && (a + 1..b - 1).any(|i| matches!(doc.s(i), "on" | "of" | "for"))
        && org_apposition(doc, b)
        && !is_given_name(first)
        && doc.gaz.lookup(text).is_none()
    {
        cands.push(org_cand(doc, a, b, text.to_string()));
        return;
    }
    // 1. Honorific: "Mr. Putin", and a run of them: "Rt. Hon. Bello Atabo".
    let h = if is_honorific(first) { (a + 1..b).find(|&k| !is_honorific(doc.s(k))).unwrap_or(b) } else { a };
    if h > a && b > h && name_like(doc, h, b) {
        let mut c = person_cand(doc, h, b, Evidence::Strong);
        c.extra_surface = Some(text.to_string());
        if first.trim_end_matches('.') == "Dr" {
            c.title = Some("Dr.".into());
        }
        cands.push(c);
        return;
    }
    // 2. Title before a name: "Russian Foreign Minister Sergey Lavrov".
    if let Some(k) = title_split(doc, a, b)
        && k > a
    {
        // Honorifics after the title: "Speaker Rt. Hon. Bello Atabo".
        let n = (k..b - 1).find(|&x| !is_honorific(doc.s(x))).unwrap_or(b - 1);
        let mut c = person_cand(doc, n, b, Evidence::Strong);
        let title = doc.text_of(a, k);
        c.title = Some(title.to_string());
        cands.push(c);
        // Organisations and places named inside the title ("NATO Secretary General").
        for x in a..k {
            let s = doc.s(x);
            if let Some(name) = known_org(s) {
                cands.push(org_cand(doc, x, x + 1, name.to_string()));
            } else if !is_title_head(s)
                && !is_title_modifier(s)
                && let Some(p) = doc.gaz.lookup(s)
            {
                cands.push(place_cand(doc, x, x + 1, s.to_string(), Some(p), Evidence::Strong));
            } else if is_acronym(s) && !is_title_head(s) {
                // "FEMA Administrator ...": an agency by its acronym (not "MLA" in "sitting MLA Jo Bell").
                cands.push(org_cand(doc, x, x + 1, s.to_string()));
            }
        }
        return;
    }
    // 2a. A law: "the 2025 Appropriation Bill", "the Electoral Act" (no person, no body).
    if law_name(doc, a, b) {
        return;
    }
    // 2b. A post and the body it is in: "Managing Director of Acme Derivatives Company",
    // "Chairman of the Oshodi Local Government": the body is the name, the post a title.
    let titleish = |x: usize| {
        let w = doc.s(x);
        is_title_head(w) || is_title_modifier(w) || (is_role_noun(w) && !is_given_name(w)) || w == "Managing"
    };
    if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| matches!(doc.s(k), "of" | "for"))
        && (a..k).all(titleish)
        && (a..k).any(|x| is_title_head(doc.s(x)) || is_role_noun(doc.s(x)))
    {
        let start = if matches!(doc.s(k + 1), "the" | "The") { k + 2 } else { k + 1 };
        let body = start < b
            && ((start..b).any(|x| is_org_head(doc.s(x)) || is_legal_form(doc.s(x)))
                || known_org(doc.text_of(start, b)).is_some());
        if body {
            classify_chunk(doc, start, b, cands, unknown);
            return;
        }
    }
    // 2c. A post whose holder follows after a comma: "its National Publicity Secretary, Jo
    // Bell": no name, unless a body is named inside ("The Senate President, Jo Bell").
    if b - a >= 2 && holder_follows(doc, b - 1) && (a..b - 1).all(titleish) {
        return;
    }
    // 3. The gazetteer and well-known organisations, for the whole chunk.
    if let Some(name) = known_org(text) {
        let mut c = org_cand(doc, a, b, name.to_string());
        if text != name {
            c.extra_surface = None;
        }
        cands.push(c);
        return;
    }
    if let Some(p) = doc.gaz.lookup(text) {
        cands.push(place_cand(doc, a, b, text.to_string(), Some(p), Evidence::Strong));
        return;
    }
    // 3b. An electoral district named by its town and the house it elects to, before the lower-case
    // noun: "the Rampur Assembly constituency", "the Varanasi Lok Sabha constituency" (a place, not
    // the house; named with its noun, the mention is the capitalised words).
    if doc.is_word(b) && matches!(doc.s(b), "constituency" | "constituencies") && doc.same_para(a, b) {
        cands.push(place_cand(doc, a, b, doc.text_of(a, b + 1).to_string(), None, Evidence::Strong));
        return;
    }
    // 3d. An area a government serves is a place, its head word aside: a Nigerian local government
    // area ("Ikeja Local Government Area", "Ikeja LGA"); an Irish or English county named after its
    // town ("County Durham", "County Cork").
    if (b - a >= 2 && doc.s(b - 1) == "LGA")
        || (b - a >= 4 && doc.text_of(b - 3, b) == "Local Government Area")
        || (b - a == 2 && first == "County" && doc.gaz.lookup(doc.s(a + 1)).is_some())
    {
        cands.push(place_cand(doc, a, b, text.to_string(), None, Evidence::Strong));
        return;
    }
    // 4. Organisation head words: "Russian Defense Ministry", "Center for ...", "Privatbank".
    let org_head = (a..b).any(|i| is_org_head(doc.s(i))) && b - a >= 2;
    let bank_word = b - a == 1 && first.len() > 6 && first.to_lowercase().ends_with("bank");
    if org_head || bank_word {
        // "Russia’s Foreign Ministry" -> "Russian Foreign Ministry".
        let country =
            (a >= 2 && doc.toks[a - 1].kind == TokKind::Possessive).then(|| doc.gaz.demonym_of(doc.s(a - 2))).flatten();
        match country {
            Some(dem) => {
                // The mention is the body's own words; the country stays a place of its own.
                let mut c = org_cand(doc, a, b, format!("{dem} {text}"));
                c.extra_surface = Some(doc.text_of(a - 2, b).to_string());
                cands.push(c);
            }
            None => cands.push(org_cand(doc, a, b, text.to_string())),
        }
        return;
    }
    // 4b. A firm named by what it makes: "Kansai Electric Power", "Chittagong Cement" (not "David
    // Steel": a given name first is a person's).
    // A legal form last makes a firm whatever comes before ("Salomon Bros", "Pirelli SpA").
    if (2..=5).contains(&(b - a))
        && ((is_sector_head(doc.s(b - 1)) && !is_given_name(first) && !is_honorific(first))
            || is_legal_form(doc.s(b - 1)))
        && (a..b).all(|i| doc.is_cap(i) || doc.s(i) == "&")
    {
        cands.push(org_cand(doc, a, b, text.to_string()));
        return;
    }
    // 4c. A team named by its town and a plural nickname: "Houston Astros", "Kano Pillars", "New
    // Orleans Saints" (not a place's parts, "Cape Verde Islands", nor an event, "Paris Olympics").
    if (2..=4).contains(&(b - a)) {
        let last = doc.s(b - 1);
        let plural = last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && last.chars().next().is_some_and(char::is_uppercase)
            && last.chars().skip(1).all(|c| c.is_lowercase());
        if plural
            && !is_place_head(last)
            && !is_given_name(last)
            && !is_common_word(last)
            && !doc.gaz.is_demonym(last)
            && !EVENT_PLURALS.contains(&last)
            && doc.gaz.lookup(doc.text_of(a, b - 1)).is_some_and(|p| {
                matches!(p.subtype, Subtype::City | Subtype::State | Subtype::Region | Subtype::Country)
            })
        {
            cands.push(org_cand(doc, a, b, text.to_string()));
            return;
        }
        // A plural nickname that only teams and clubs bear, after a town the gazetteer may not know or
        // a demonym: "Kestwick Harriers", "Cornish Pirates" (not a person's name: no given name or
        // honorific first, and no common word).
        if CLUB_PLURALS.contains(&last)
            && !is_given_name(first)
            && !is_honorific(first)
            && !is_title_head(first)
            && (a..b - 1).all(|i| doc.is_cap(i) && !doc.common(i) && !is_common_word(doc.s(i)))
        {
            cands.push(org_cand(doc, a, b, text.to_string()));
            return;
        }
    }
    // 5. Place head words: "Black Sea", "Hyde Park"; or a lower-case one after: "Rostov region",
    // "the Mutha river" (named with it; the mention is the capitalised words, as a lower-case
    // common noun is no part of a name's span).
    if b - a >= 2 && is_place_head(doc.s(b - 1)) {
        cands.push(place_cand(doc, a, b, text.to_string(), None, Evidence::Strong));
        return;
    }
    if doc.is_word(b) && is_place_head_lower(doc.s(b)) && doc.same_para(a, b) {
        cands.push(place_cand(doc, a, b, doc.text_of(a, b + 1).to_string(), None, Evidence::Strong));
        return;
    }
    // 5a. An English village or town by the shape of its name: "Market Fenwick", "in Hanley Cross".
    if settlement_shaped(doc, a, b) {
        cands.push(place_cand(doc, a, b, text.to_string(), None, Evidence::Strong));
        return;
    }
    // 5b. Bodies named "Air", "Radio" or "Statistics" and a country: "Air France", "Radio Free
    // Europe", "Statistics Canada" (airlines, broadcasters, national statistics offices).
    if (2..=3).contains(&(b - a))
        && matches!(first, "Air" | "Radio" | "Statistics")
        && doc.gaz.lookup(doc.s(b - 1)).is_some_and(|p| matches!(p.subtype, Subtype::Country | Subtype::Continent))
    {
        cands.push(org_cand(doc, a, b, text.to_string()));
        return;
    }
    // 5c. A body's acronym and a country or region it serves: "NHS England", "UNICEF India".
    if b - a == 2
        && is_acronym(first)
        && doc.gaz.lookup(first).is_none()
        && doc.gaz.lookup(doc.s(a + 1)).is_some_and(|p| {
            matches!(p.subtype, Subtype::Country | Subtype::State | Subtype::Region | Subtype::Continent)
        })
    {
        cands.push(org_cand(doc, a, b, text.to_string()));
        return;
    }
    // 6. A place qualified by a direction or a name: "Eastern Europe", "Nazi Germany".
    // The whole is a place of its own (no gazetteer link): Nazi Germany is not Germany.
    if b - a == 2
        && doc
            .gaz
            .lookup(doc.s(a + 1))
            .is_some_and(|p| matches!(p.subtype, Subtype::Country | Subtype::Continent | Subtype::Region))
    {
        let q = doc.s(a);
        // "Sport England", "Swim England", "Cricket Australia": a national body for a field.
        if is_field_before_country(q) {
            cands.push(org_cand(doc, a, b, text.to_string()));
            return;
        }
        if is_direction(q)
            || (!is_common_word(q) && !is_given_name(q) && !doc.gaz.is_demonym(q) && !is_title_head(q) && !sent_initial)
        {
            // "works for Stagecoach Midlands": a firm named for the region it serves.
            if !is_direction(q) && context_kind(doc, a, b) == Some((EntityKind::Organization, Evidence::Strong)) {
                cands.push(org_cand(doc, a, b, text.to_string()));
                return;
            }
            cands.push(place_cand(doc, a, b, text.to_string(), None, Evidence::Strong));
            return;
        }
    }
    // 7. A demonym alone is an adjective, not a mention; before another word it qualifies it.
    if doc.gaz.is_demonym(first) {
        // "the Russian defense ministry": an organisation written in lower case.
        if b - a == 1 {
            let mut k = b;
            while k < b + 3
                && doc.is_word(k)
                && doc.s(k).chars().all(|c| c.is_lowercase() || c == '-')
                && doc.same_para(a, k)
            {
                // "defense ministry"; "parliament", "army" ... only after a qualifier ("national army").
                let head = doc.s(k);
                if head == "ministry" || (k > b && matches!(head, "parliament" | "government" | "army" | "navy")) {
                    let words: Vec<String> = (a..=k).map(|x| capitalize(doc.s(x))).collect();
                    let mut c = org_cand(doc, a, k + 1, words.join(" "));
                    c.extra_surface = Some(doc.text_of(a, k + 1).to_string());
                    cands.push(c);
                    return;
                }
                k += 1;
            }
        }
        if b - a > 1 {
            classify_chunk(doc, a + 1, b, cands, unknown);
        }
        return;
    }
    // 8. Longer runs that end or start with a known place: keep the place only.
    if b - a >= 2
        && let Some(p) = doc.gaz.lookup(doc.s(b - 1)).filter(|p| p.subtype == Subtype::Country)
        && (!name_like(doc, a, b) || !is_given_name(first))
    {
        cands.push(place_cand(doc, b - 1, b, doc.s(b - 1).to_string(), Some(p), Evidence::Strong));
        return;
    }
    // A place run into a name: "in Brussels Jens Stoltenberg".
    if b - a >= 3 && doc.gaz.lookup(first).is_some() && !is_given_name(first) && is_given_name(doc.s(a + 1)) {
        let p = doc.gaz.lookup(first);
        cands.push(place_cand(doc, a, a + 1, first.to_string(), p, Evidence::Strong));
        classify_chunk(doc, a + 1, b, cands, unknown);
        return;
    }
    // 9. The shape of a person's name: a given name, a middle initial or a suffix.
    if b - a >= 2 {
        let has_initial = (a + 1..b - 1).any(|i| {
            let s = doc.s(i);
            s.len() == 2 && s.ends_with('.') || s.len() == 1
        });
        let has_suffix = is_suffix(doc.s(b - 1));
        let core_end = if has_suffix { b - 1 } else { b };
        if name_like(doc, a, core_end) && (is_given_name(first) || has_initial) {
            // "an analyst at Morgan Stanley": people work at organisations, not at people.
            let employer = a >= 2
                && matches!(doc.s(a - 1), "at" | "for")
                && doc.is_word(a - 2)
                && is_role_noun(doc.s(a - 2).trim_end_matches('s'));
            if employer {
                cands.push(org_cand(doc, a, b, text.to_string()));
                return;
            }
            let mut c = person_cand(doc, a, b, Evidence::Strong);
            if sent_initial && !is_given_name(first) {
                c.evidence = Evidence::Weak;
            }
            cands.push(c);
            return;
        }
    }
    // 9b. A district named by a town and a compass point: "Isoko North", "Ilorin South" (an electoral
    // or administrative district; a person's surname would follow a given name); and a region written
    // as a compound of two points, "the South-West".
    if (b - a == 2
        && matches!(doc.s(a + 1), "North" | "South" | "East" | "West" | "Central")
        && !is_given_name(first)
        && !is_common_word(first)
        && !is_title_head(first)
        && !is_title_modifier(first)
        && !doc.gaz.is_demonym(first)
        && first.chars().skip(1).all(char::is_lowercase))
        || (b - a == 1 && compass_compound(first))
    {
        cands.push(place_cand(doc, a, b, text.to_string(), None, Evidence::Strong));
        return;
    }
    // 9c. A coined name of one word with a capital inside it is a firm's or a body's: "NatureScot",
    // "BlackRock" (not a surname of a particle and a name, "McAdam", "MacLeod", "DeSantis").
    if b - a == 1 && camel_case_body(first) {
        cands.push(org_cand(doc, a, b, first.to_string()));
        return;
    }
    // 10. Unknown acronyms are usually organisations.
    if b - a == 1 && is_acronym(first) {
        let mut c = org_cand(doc, a, b, first.to_string());
        c.evidence = Evidence::Weak;
        cands.push(c);
        return;
    }
    // A run joined by a connector that named nothing as a whole: its parts may
    // ("the East Room of the White House").
    if let Some(c) = (a + 1..b).find(|&x| CONNECTORS.contains(&doc.s(x))) {
        let mut rest = c;
        while rest < b && CONNECTORS.contains(&doc.s(rest)) {
            rest += 1;
        }
        classify_chunk(doc, a, c, cands, unknown);
        if rest < b {
            classify_chunk(doc, rest, b, cands, unknown);
        }
        return;
    }
    unknown.push((a, b));
}

/// A word that is never a name on its own: an abbreviation of a title, measure or format in any
/// case ("DDoS"), a degree or honour after a name ("Ph.D.", "QC"), "OK", or a US party-and-state
/// designation ("D-N.Y.", "R-Texas").
fn never_a_name(s: &str) -> bool {
    if matches!(s.as_bytes(), [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase()) {
        return true;
    }
    // Every listed word is short: most names are not looked up at all.
    if s.len() > 7 {
        return false;
    }
    let bare = s.trim_end_matches('.');
    s == "OK" || is_stop_acronym(s) || POST_NOMINALS.contains(&bare) || financial_period(s)
}

/// Plural nicknames that only teams and clubs bear ("Kestwick Harriers", "Cornish Pirates", "Devon
/// Mariners"): a team of a town the gazetteer may not know.
const CLUB_PLURALS: &[&str] = &[
    "Harriers",
    "Striders",
    "Runners",
    "Joggers",
    "Pirates",
    "Mariners",
    "Warriors",
    "Tigers",
    "Lions",
    "Eagles",
    "Sharks",
    "Dragons",
    "Bulls",
    "Wolves",
    "Bears",
    "Falcons",
    "Hawks",
    "Raiders",
    "Rhinos",
    "Titans",
    "Panthers",
    "Cobras",
    "Vikings",
    "Spartans",
    "Trojans",
    "Gladiators",
    "Steelers",
    "Dolphins",
    "Hornets",
    "Wasps",
    "Stallions",
    "Leopards",
    "Jaguars",
    "Pumas",
    "Buccaneers",
    "Corsairs",
    "Seagulls",
    "Magpies",
    "Owls",
    "Swifts",
    "Saracens",
    "Centurions",
    "Crusaders",
    "Cavaliers",
    "Hurricanes",
    "Blues",
    "Reds",
    "Whites",
    "Harlequins",
    "Athletics",
];

/// A region written as a compound of two compass points: "South-West", "North-East", "North-Central".
fn compass_compound(w: &str) -> bool {
    let Some((x, y)) = w.split_once('-') else { return false };
    matches!(x, "North" | "South")
        && matches!(y, "East" | "West" | "Central" | "South" | "North" | "east" | "west" | "central")
        && x != y
}

/// A coined one-word name with a capital inside after lower-case letters ("NatureScot", "BlackRock",
/// "PayPal"), not a surname of a particle and a name ("McAdam", "MacLeod", "DeSantis", "LaGuardia",
/// "DiMaggio", "VanDyke", "FitzGerald", "O'Neil").
fn camel_case_body(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 6 || !b[0].is_ascii_uppercase() || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let Some(k) = (1..b.len()).find(|&i| b[i].is_ascii_uppercase()) else { return false };
    k >= 3
        && b[1..k].iter().all(u8::is_ascii_lowercase)
        && b.len() - k >= 2
        && b.last().is_some_and(u8::is_ascii_lowercase)
        && !b.windows(2).any(|p| p[0].is_ascii_uppercase() && p[1].is_ascii_uppercase())
        && !matches!(
            &w[..k],
            "Mac" | "Van" | "Von" | "Fitz" | "Del" | "Della" | "Des" | "Dos" | "Das" | "Den" | "Der" | "Ben"
        )
        // A given name glued to a surname is a person's handle ("JaneDoe" on social media).
        && !is_given_name(&w[..k])
}

/// A word that names nothing alone, though capitalised: a festival or holiday ("over Christmas"), a
/// scope before a post ("Local MP Jo Bell").
fn never_alone(s: &str) -> bool {
    matches!(
        s,
        "Christmas"
            | "Easter"
            | "Diwali"
            | "Eid"
            | "Ramadan"
            | "Hanukkah"
            | "Thanksgiving"
            | "Navratri"
            | "Holi"
            | "Passover"
            | "Hogmanay"
            | "Local"
    )
}

/// A sum in a currency written with a letter ("R1,500", "N2,000"): a capital letter or two and digits,
/// then a comma and three digits with no space between.
fn currency_amount(doc: &Doc, i: usize) -> bool {
    let w = doc.s(i).as_bytes();
    let letters = w.iter().take_while(|c| c.is_ascii_uppercase()).count();
    (1..=2).contains(&letters)
        && w.len() > letters
        && w[letters..].iter().all(u8::is_ascii_digit)
        && doc.s(i + 1) == ","
        && doc.toks.get(i + 1).is_some_and(|t| t.span.start == doc.toks[i].span.end)
        && doc
            .toks
            .get(i + 2)
            .is_some_and(|t| t.span.start == doc.toks[i + 1].span.end && t.span.end - t.span.start == 3)
}

/// A quarter, a half or a financial year as business news abbreviates it: "Q3", "H1", "FY24",
/// "FY2025".
fn financial_period(s: &str) -> bool {
    match s.as_bytes() {
        [b'Q', b'1'..=b'4'] | [b'H', b'1' | b'2'] => true,
        [b'F', b'Y', digits @ ..] => matches!(digits.len(), 2 | 4) && digits.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

/// [`SPORT_WORDS`] in any case ("Cricket", "MATCH"): the word's key, by one hash lookup of the
/// lower-cased word.
fn sport_word(s: &str) -> Option<u128> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<u128>> = std::sync::OnceLock::new();
    // Every listed word is ASCII and short enough to pack (the test below checks it).
    let set = SET.get_or_init(|| SPORT_WORDS.iter().filter_map(|w| packed(w.as_bytes(), true)).collect());
    packed(s.as_bytes(), true).filter(|k| set.contains(k))
}

/// [`ACRONYM_STOP`] in any case ("CEO", "Ceo"), by one hash lookup of the upper-cased word.
fn is_stop_acronym(s: &str) -> bool {
    // By packed number (capitals only: the upper-case form of a word is listed exactly when its
    // lower-case form is that of a listed word).
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<u128>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| ACRONYM_STOP.iter().filter_map(|w| packed(w.as_bytes(), true)).collect());
    // Every listed word is short and ASCII.
    s.len() <= 8 && packed(s.as_bytes(), true).is_some_and(|k| set.contains(&k))
}

/// Degrees and honours written after a name.
const POST_NOMINALS: &[&str] = &[
    "Ph.D", "PhD", "M.D", "D.Phil", "DPhil", "MBA", "M.B.A", "B.A", "M.A", "B.Sc", "M.Sc", "BSc", "MSc", "LL.B",
    "LL.M", "J.D", "Esq", "QC", "KC", "SAN", "MBE", "OBE", "CBE", "KBE", "DBE", "FRS",
];

/// An unknown all-capitals word of 3 to 6 letters: usually an organisation
/// ("FEMA"), unless it is a common word in capitals ("THE", "FOR").
fn is_acronym(s: &str) -> bool {
    (3..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase()) && !is_stop_acronym(s) && !is_common_word(s)
}

/// Abbreviations that name no organisation: job titles, measures, currencies, formats.
const ACRONYM_STOP: &[&str] = &[
    "CEO", "CFO", "COO", "GDP", "COVID", "DDOS", "NFT", "LNG", "GMT", "UTC", "EST", "FAQ", "III", "VIII", "PDF",
    "HTML", "USD", "EUR", "RSS", "SUV", "SUVS", "LPG", "CNG", "ATM", "ATMS", "IPO", "IPOS", "VAT", "GST", "CPI",
    "EBITDA", "ROI", "MRI", "DNA", "HIV", "ICU", "PPE", "SIM", "USB", "LED", "LCD", "GPS", "VPN", "API", "SMS", "CCTV",
    "MPH", "KPH", "PIN", "OTP", "FIR", "PIL", "EMI", "MSME", "MSMES", "FDI", "NPA", "NPAS", "AGM", "EGM", "ESG", "PET",
    "HGV", "LGV", "EVS", "AI", "GPU", "GPUS", "CPU", "LLM", "LLMS",
    // News wire slugs before a headline ("UPDATE 2-Acme cuts forecast", "RPT-...").
    "UPDATE", "RPT", "REFILE", "WRAPUP",
];

/// Context evidence for a chunk nobody classified yet.
fn context_kind(doc: &Doc, a: usize, b: usize) -> Option<(EntityKind, Evidence)> {
    let prev = a.checked_sub(1).map(|p| doc.s(p)).unwrap_or("");
    let next = doc.s(b);
    let n = b - a;
    let nl = name_like(doc, a, b) && n <= 3;
    // "an economist at Goldman Sachs": an employer.
    if a >= 2 && matches!(prev, "at" | "for") && doc.is_word(a - 2) && is_role_noun(doc.s(a - 2).trim_end_matches('s'))
    {
        return Some((EntityKind::Organization, Evidence::Strong));
    }
    // "worked at Acme", "supplied by Acme": people work at firms, firms supply and own.
    if a >= 2 && n <= 3 && !is_given_name(doc.s(a)) {
        let (works, by) = with_lower(doc.s(a - 2), |verb| {
            let works = matches!(prev, "at" | "for") && matches!(verb, "work" | "works" | "worked" | "working");
            let by = prev == "by"
                && matches!(
                    verb,
                    "supplied" | "manufactured" | "owned" | "acquired" | "bought" | "operated" | "developed" | "funded"
                );
            (works, by)
        });
        if works || by {
            return Some((EntityKind::Organization, Evidence::Strong));
        }
    }
    // A person named in full, "of" and an unknown name closing the phrase: "Rahul Menon of Jefferies
    // said", "..., said Jane Roe of Kestrel Partners." (the employer; a town would be in the gazetteer
    // or after an age).
    if n <= 3
        && prev == "of"
        && a >= 3
        && doc.is_cap(a - 2)
        && is_given_name(doc.s(a - 3))
        && !doc.common(a - 3)
        && !is_title_modifier(doc.s(a - 3))
        && !is_org_head(doc.s(a - 2))
        && !is_place_head(doc.s(a - 2))
        && doc.same_para(a - 3, a)
        && !is_given_name(doc.s(a))
        && (b >= doc.toks.len() || matches!(next, "," | "." | ")" | ";" | "said" | "says" | "told" | "wrote"))
    {
        return Some((EntityKind::Organization, Evidence::Strong));
    }
    // Two or three unknown words, "of" and a body's name that ends in its head word: a person and
    // the employer ("Jo Bell of Acme Securities was cautious").
    if (2..=3).contains(&n) && next == "of" && person_of_employer(doc, a, b + 1) && doc.is_cap(b + 1) {
        let e = chunk_end(doc, b + 1);
        let last = doc.s(e - 1);
        if e - (b + 1) <= 5 && (is_org_head(last) || is_sector_head(last) || is_legal_form(last)) {
            return Some((EntityKind::Person, Evidence::Weak));
        }
    }
    // A kind of organisation right before or after: "club Atalanta", "the Sun newspaper".
    if n <= 3 && !is_given_name(doc.s(a)) && org_kind_noun(doc, a, b) {
        return Some((EntityKind::Organization, Evidence::Strong));
    }
    // A kin noun after a possessive right before: "her son Marco", "his wife Ruth Ade" (one to three
    // words, no body's head word).
    if nl
        && a >= 2
        && is_relation_noun(prev)
        && matches!(doc.s(a - 2), "her" | "his" | "their" | "my" | "our" | "your")
        && !(a..b).any(|i| is_org_head(doc.s(i)))
    {
        return Some((EntityKind::Person, Evidence::Strong));
    }
    // A role noun right before: "banker John Doe", "spokesman Ned Price".
    if nl && a > 0 && doc.is_word(a - 1) && prev.chars().next().is_some_and(char::is_lowercase) && is_role_noun(prev) {
        return Some((EntityKind::Person, Evidence::Strong));
    }
    // A name in apposition to a role: "the Home Secretary, Jane Doe," / "the foreign minister, Jane Doe,".
    if nl
        && prev == ","
        && a >= 2
        && (is_title_head(doc.s(a - 2)) || is_role_noun(doc.s(a - 2)))
        && matches!(next, "," | "said" | "told")
    {
        return Some((EntityKind::Person, Evidence::Strong));
    }
    // An apposition after: "Jane Doe, 57, a banker" / "Jane Doe, an expert on ...".
    if nl && next == "," {
        let after: Vec<&str> = (b + 1..b + 6).map(|i| doc.s(i)).collect();
        let age = after.first().is_some_and(|s| s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty());
        let role = after.iter().take(5).any(|s| is_role_noun(s) && s.chars().next().is_some_and(char::is_lowercase));
        let det = after.first().is_some_and(|s| matches!(*s, "a" | "an" | "the" | "who"));
        if age || (role && (det || n >= 2)) {
            return Some((EntityKind::Person, Evidence::Strong));
        }
    }
    // A speech verb: "Kuleba told reporters", "said Grant".
    if nl
        && (is_speech_verb(next)
            || (is_speech_verb(prev) && !doc.toks[a].sent_start && a > 0 && doc.toks[a - 1].kind == TokKind::Word))
    {
        return Some((EntityKind::Person, if n >= 2 { Evidence::Strong } else { Evidence::Weak }));
    }
    // A company or body by what it has: "a Tesla spokesperson", "Acme shares", "shares of Acme".
    let next_lower = doc.is_word(b) && next.chars().next().is_some_and(char::is_lowercase);
    if n <= 3
        && ((next_lower
            && matches!(
                next,
                "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "shares"
                    | "shareholders"
                    | "stock"
                    | "subsidiary"
                    | "headquarters"
            ))
            || (a >= 2
                && prev == "of"
                && with_lower(doc.s(a - 2), |w| {
                    matches!(w, "shares" | "shareholders" | "subsidiary" | "division" | "unit")
                }))
            // "shares in Acme", "a stake in Acme": what is owned in parts is a company.
            || (a >= 2
                && prev == "in"
                && with_lower(doc.s(a - 2), |w| matches!(w, "shares" | "stake" | "stakes" | "shareholding"))))
    {
        return Some((EntityKind::Organization, Evidence::Strong));
    }
    // A company by what it is or does: "Acme, a Leeds-based software maker", "Acme, which runs
    // wind farms", "Acme said it would" (people are not "it").
    if n <= 3
        && (org_apposition(doc, b)
            || (is_speech_verb(next) && matches!(doc.s(b + 1), "it" | "its"))
            || which_body_does(doc, a, b))
    {
        return Some((EntityKind::Organization, Evidence::Strong));
    }
    // A place by what it is: "the town of Passau", "the mayor of Passau".
    if n <= 3
        && a >= 2
        && prev == "of"
        && matches!(
            doc.s(a - 2).to_lowercase().as_str(),
            "town"
                | "city"
                | "village"
                | "capital"
                | "province"
                | "region"
                | "state"
                | "mayor"
                | "governor"
                | "outskirts"
                | "port"
                | "suburb"
                | "district"
                | "county"
                | "island"
                | "residents"
                | "people"
        )
    {
        return Some((EntityKind::Place, Evidence::Strong));
    }
    // Where someone lives, after their age: "Jane Doe, 52, of Kettering" / "..., 34, from Duston".
    if n <= 2
        && matches!(prev, "of" | "from")
        && a >= 3
        && doc.s(a - 2) == ","
        && doc.s(a - 3).bytes().all(|c| c.is_ascii_digit())
        && doc.s(a - 3).len() <= 3
        && (a..b).all(|i| !is_org_head(doc.s(i)))
    {
        return Some((EntityKind::Place, Evidence::Strong));
    }
    // Where people come from, after the people or their ages: "a man from Duston", "two men aged 19 and
    // 22 from Duston", "a 40-year-old woman from Duston".
    if n <= 2
        && prev == "from"
        && a >= 2
        && (matches!(
            doc.s(a - 2),
            "man"
                | "men"
                | "woman"
                | "women"
                | "boy"
                | "boys"
                | "girl"
                | "girls"
                | "teenager"
                | "teenagers"
                | "pensioner"
        ) || (doc.s(a - 2).bytes().all(|c| c.is_ascii_digit())
            && doc.s(a - 2).len() <= 3
            && (a.saturating_sub(7)..a - 2).any(|i| doc.s(i) == "aged")))
        && (a..b).all(|i| !is_org_head(doc.s(i)) && !is_given_name(doc.s(i)))
    {
        return Some((EntityKind::Place, Evidence::Strong));
    }
    // A preposition of place before a single unknown word: "in Lviv".
    if n == 1
        && matches!(prev, "in" | "near" | "outside" | "across" | "into")
        && !doc.toks[a].sent_start
        && !is_given_name(doc.s(a))
    {
        return Some((EntityKind::Place, Evidence::Weak));
    }
    // "Lviv, Ukraine": a word before a comma and a known country.
    if n == 1
        && next == ","
        && doc.gaz.lookup(doc.s(b + 1)).is_some_and(|p| matches!(p.subtype, Subtype::Country | Subtype::State))
    {
        return Some((EntityKind::Place, Evidence::Weak));
    }
    None
}

/// "Acme Vance, which acts as the broker", "Healthwatch Kent, which collects patients' views": what a
/// body does, in the present or the past, after ", which" (no person is "which", and a place seldom
/// acts, reports or advises). Not for words cut from a capitalised word before them (part of a
/// longer name the rules saw otherwise).
fn which_body_does(doc: &Doc, a: usize, b: usize) -> bool {
    doc.s(b) == ","
        && doc.s(b + 1) == "which"
        && doc.same_para(b, b + 2)
        && (a == 0 || doc.toks[a].sent_start || !doc.is_cap(a - 1) || opening_descriptor(doc, a - 1))
        && (matches!(
            (doc.s(b + 2), doc.s(b + 3)),
            ("is" | "was", "backed" | "owned" | "listed" | "regulated" | "funded")
        ) || matches!(
            doc.s(b + 2),
            "acts" | "acted" | "advises" | "advised" | "collects" | "represents" | "reports" | "reported" | "manages"
                | "publishes" | "offers" | "produces" | "develops" | "invests" | "lends" | "trades" | "campaigns"
                | "lobbies" | "funds" | "funded" | "regulates" | "oversees" | "insures" | "distributes" | "imports"
                | "exports" | "specialises" | "specializes" | "designs" | "manufactures" | "announced" | "posted"
                | "employed" | "acquired" | "bought" | "owned" | "operated" | "listed" | "raised" | "announces"
                | "competes" | "brokered" | "underwrote"
        ))
}

/// Nouns that say a name before them is a company or a body ("Acme, a software maker").
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "start-up",
    "startup",
    "app",
    "bank",
    "lender",
    "retailer",
    "maker",
    "supplier",
    "manufacturer",
    "producer",
    "platform",
    "group",
    "chain",
    "operator",
    "provider",
    "developer",
    "brand",
    "insurer",
    "carrier",
    "airline",
    "club",
    "side",
    "charity",
    "consultancy",
    "conglomerate",
    "subsidiary",
    "publisher",
    "broadcaster",
    "newspaper",
    "agency",
    "regulator",
    "exchange",
    "fund",
    "investor",
    "unicorn",
    "business",
    "distributor",
    "exporter",
    "importer",
    "builder",
    "contractor",
    "orchestra",
    "ensemble",
    "choir",
];

/// An apposition after token `b` that makes a company: ", a ... maker" within a few words, or
/// ", which makes / runs / owns ...".
fn org_apposition(doc: &Doc, b: usize) -> bool {
    if doc.s(b) != "," || !doc.same_para(b, b + 1) {
        return false;
    }
    match doc.s(b + 1) {
        "which" => matches!(
            doc.s(b + 2),
            "makes" | "runs" | "operates" | "owns" | "sells" | "builds" | "employs" | "supplies" | "provides"
        ),
        "a" | "an" | "the" => (b + 2..b + 8)
            .take_while(|&i| doc.same_para(b, i) && !matches!(doc.s(i), "," | "." | "that" | "which" | "who"))
            .any(|i| ORG_NOUNS.contains(&doc.s(i))),
        _ => false,
    }
}

/// Surname key of a person name: the last word that is not a suffix, folded.
fn surname_key(name: &str) -> String {
    name.split_whitespace().rfind(|w| !is_suffix(w)).map(|w| fold(w.trim_end_matches(['.', ',']))).unwrap_or_default()
}

/// Calls `f` with [`surname_key`] of `name`, without allocating for an ASCII surname: for the
/// lookups of a key in a set.
fn with_surname_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    match name.split_whitespace().rfind(|w| !is_suffix(w)) {
        Some(w) => super::gazetteer::with_folded(w.trim_end_matches(['.', ',']), f),
        None => f(""),
    }
}

fn first_name_key(name: &str) -> Option<String> {
    let mut words = name.split_whitespace().filter(|w| !is_suffix(w));
    let first = words.next()?;
    words.next()?;
    Some(fold(first))
}

/// A lone word typed an organisation or a place ("Amira has friends there") that is the first
/// name of exactly one person the article names in full, and no one's surname, is that person;
/// a known place keeps its kind ("Florence").
fn lone_given_names_are_people(doc: &Doc, cands: &mut [Cand]) {
    // First name -> the full names of the people named in full with it; and their surnames.
    let mut by_first: HashMap<&str, rustc_hash::FxHashSet<&str>> = HashMap::default();
    let mut surnames: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for c in cands.iter().filter(|c| c.kind == Some(EntityKind::Person)) {
        let mut words = c.name.split_whitespace();
        if let (Some(first), Some(last)) = (words.next(), words.next_back()) {
            by_first.entry(first).or_default().insert(c.name.as_str());
            surnames.insert(last);
        }
    }
    if by_first.is_empty() {
        return;
    }
    let retype: Vec<usize> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.toks.1 - c.toks.0 == 1
                && matches!(c.kind, Some(EntityKind::Organization | EntityKind::Place))
                && c.name.chars().skip(1).all(char::is_lowercase)
                && by_first.get(c.name.as_str()).is_some_and(|full| full.len() == 1)
                && !surnames.contains(c.name.as_str())
                && doc.gaz.lookup(&c.name).is_none()
        })
        .map(|(i, _)| i)
        .collect();
    for i in retype {
        let (a, b) = cands[i].toks;
        cands[i] = person_cand(doc, a, b, Evidence::Strong);
    }
}

fn resolve_document(doc: &Doc, mut cands: Vec<Cand>, unknown: &[(usize, usize)]) -> Entities {
    // Context for chunks the words alone did not classify.
    for &(a, b) in unknown {
        if let Some((kind, ev)) = context_kind(doc, a, b) {
            let c = match kind {
                EntityKind::Person => person_cand(doc, a, b, ev),
                EntityKind::Place => place_cand(doc, a, b, doc.text_of(a, b).to_string(), None, ev),
                EntityKind::Organization => org_cand(doc, a, b, doc.text_of(a, b).to_string()),
            };
            cands.push(c);
        }
    }
    // A name run nobody classified, whose last word is the surname of someone
    // the article shows speaking or titled ("Lionel Messi" ... "Messi told").
    let person_surnames: rustc_hash::FxHashSet<String> =
        cands.iter().filter(|c| c.kind == Some(EntityKind::Person)).map(|c| surname_key(&c.name)).collect();
    for &(a, b) in unknown {
        if (2..=3).contains(&(b - a))
            && name_like(doc, a, b)
            && with_surname_key(doc.text_of(a, b), |k| person_surnames.contains(k))
        {
            cands.push(person_cand(doc, a, b, Evidence::Strong));
        }
    }
    // Context may have read such a name as a person ("chip designer Quillon").
    bodies_by_their_posts(doc, &mut cands);
    orgs_stay_orgs(doc, &mut cands, unknown);
    lone_given_names_are_people(doc, &mut cands);
    cands.sort_by_key(|c| c.span);
    // The surname and first-name keys of every person's name, folded once (the others' are empty).
    let person_keys: Vec<(String, Option<String>)> = cands
        .iter()
        .map(|c| match c.kind {
            Some(EntityKind::Person) => (surname_key(&c.name), first_name_key(&c.name)),
            _ => (String::new(), None),
        })
        .collect();
    // The surnames of people named with strong evidence, found once.
    let strong_surnames: rustc_hash::FxHashSet<&str> = cands
        .iter()
        .zip(&person_keys)
        .filter(|(o, _)| o.kind == Some(EntityKind::Person) && o.evidence == Evidence::Strong)
        .map(|(_, k)| k.0.as_str())
        .collect();

    // The surnames of everyone named in full, however weakly.
    let full_surnames: rustc_hash::FxHashSet<&str> = cands
        .iter()
        .zip(&person_keys)
        .filter(|(o, _)| o.kind == Some(EntityKind::Person) && o.name.contains(' '))
        .map(|(_, k)| k.0.as_str())
        .collect();

    // The first words of people named in full on strong evidence (a title, an honorific, a role, a given
    // name): the article may call them by it ("Col Suvit Maenmuan ... Suvit said", "Li Qiang, the
    // premier, ... Li said": a family name may come first).
    let strong_firsts: rustc_hash::FxHashSet<&str> = cands
        .iter()
        .zip(&person_keys)
        .filter(|(o, _)| o.kind == Some(EntityKind::Person) && o.evidence == Evidence::Strong)
        .filter_map(|(_, k)| k.1.as_deref())
        .collect();

    // People: full names first, then bare surnames join them.
    let mut entities: Vec<LocalEntity> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // The spans in `mentions`, so that a repeated span is found without a scan.
    let mut spans: rustc_hash::FxHashSet<Span> =
        rustc_hash::FxHashSet::with_capacity_and_hasher(cands.len(), Default::default());
    let mut person_full: Vec<(&str, Option<&str>, usize)> = Vec::new(); // (surname, first, entity)
    let mut surname_people: HashMap<&str, Vec<usize>> = HashMap::default();
    let strong_people = cands.iter().zip(&person_keys).filter(|(c, _)| {
        c.kind == Some(EntityKind::Person) && (c.evidence == Evidence::Strong || c.name.split_whitespace().count() >= 2)
    });
    for (c, (sk, first)) in strong_people {
        if let Some(first) = first.as_deref() {
            let sk = sk.as_str();
            let found =
                person_full.iter().find(|(s, f, _)| *s == sk && f.is_some_and(|f| given_names_compatible(f, first)));
            if found.is_none() {
                let idx = entities.len();
                entities.push(new_entity(EntityKind::Person, None, &c.name, None));
                person_full.push((sk, Some(first), idx));
                surname_people.entry(sk).or_default().push(idx);
            }
        }
    }
    // Where each person was last named, so that a surname several people
    // share goes to the one named most recently.
    let mut last_seen: HashMap<usize, usize> = HashMap::default();
    // A bare surname goes to the person with that surname named last, among those
    // whose given name does not contradict an honorific ("Ms. Silva" is not Rui Silva).
    let find_person = |c: &Cand,
                       (sk, first): (&str, Option<&str>),
                       people: &[(&str, Option<&str>, usize)],
                       last_seen: &HashMap<usize, usize>,
                       entities: &[LocalEntity]|
     -> Option<usize> {
        let gender = c.extra_surface.as_deref().and_then(gender_of);
        let matching: Vec<usize> = people
            .iter()
            .filter(|(s, f, idx)| {
                *s == sk
                    && match (first, f) {
                        (Some(a), Some(b)) => given_names_compatible(a, b),
                        _ => true,
                    }
                    && match (gender, gender_of(&entities[*idx].name)) {
                        (Some(want), Some(has)) => want == has,
                        _ => true,
                    }
            })
            .map(|x| x.2)
            .collect();
        let agrees = |e: usize| gender.is_some() && gender == gender_of(&entities[e].name);
        matching.iter().copied().max_by_key(|&e| (agrees(e), last_seen.get(&e).copied(), std::cmp::Reverse(e)))
    };

    let mut place_or_org: HashMap<(EntityKind, String), usize> = HashMap::default();
    // org_key of each name, found once: most names recur.
    let mut org_keys: HashMap<&str, String> = HashMap::default();
    for (c, (sk, first)) in cands.iter().zip(&person_keys) {
        let Some(kind) = c.kind else { continue };
        // A given name alone joins its person without becoming one of its names: elsewhere it could
        // be another person's surname ("Terry" for Terry Giles is not Ted Terry).
        let mut given_only = false;
        let idx = match kind {
            EntityKind::Person => {
                // A given name alone that no one has for a surname is the one person the article names
                // in full with it ("Kyle Mensah, 17, was found ..." ... "Kyle's family").
                // So is the first word of a name whatever the word, if that name was found on strong
                // evidence and the word is not in capitals (a headline's "OM" of "OM Gruppen").
                let by_given = if c.name.split_whitespace().count() == 1
                    && (is_given_name(&c.name)
                        || (c.name.chars().any(char::is_lowercase)
                            && with_folded(&c.name, |k| strong_firsts.contains(k))))
                    && !with_surname_key(&c.name, |k| full_surnames.contains(k))
                {
                    with_folded(&c.name, |k| {
                        let mut m = person_full.iter().filter(|(_, f, _)| *f == Some(k)).map(|x| x.2);
                        match (m.next(), m.next()) {
                            (Some(e), None) => Some(e),
                            _ => None,
                        }
                    })
                } else {
                    None
                };
                if c.evidence == Evidence::Weak
                    && by_given.is_none()
                    && c.name.split_whitespace().count() == 1
                    && !with_surname_key(&c.name, |k| surname_people.contains_key(k))
                {
                    // A lone word with only weak evidence: keep it only if a strong one agrees.
                    let strong_elsewhere = with_surname_key(&c.name, |k| strong_surnames.contains(k));
                    if !strong_elsewhere {
                        // A lone unknown word that speaks ("Pfizer said") and that the article never
                        // introduces as a person: news names people in full, so this is an organisation.
                        // Not people by their trade in the plural ("Traders said", "Economists told").
                        let people = c.name.strip_suffix('s').is_some_and(is_role_noun);
                        let speaks = is_speech_verb(doc.s(c.toks.1))
                            && !is_given_name(&c.name)
                            && !is_direction(&c.name)
                            && !people;
                        if speaks {
                            let key = (
                                EntityKind::Organization,
                                org_keys.entry(&c.name).or_insert_with(|| org_key(doc.gaz, &c.name)).clone(),
                            );
                            let e = *place_or_org.entry(key).or_insert_with(|| {
                                entities.push(new_entity(EntityKind::Organization, None, &c.name, None));
                                entities.len() - 1
                            });
                            push_mention(&mut entities, &mut mentions, &mut spans, e, c, doc);
                        }
                        continue;
                    }
                }
                given_only = by_given.is_some_and(|e| !entities[e].surfaces.contains(&c.name));
                let keys = (sk.as_str(), first.as_deref());
                match by_given.or_else(|| find_person(c, keys, &person_full, &last_seen, &entities)) {
                    Some(e) => e,
                    None => {
                        let idx = entities.len();
                        entities.push(new_entity(EntityKind::Person, None, &c.name, None));
                        person_full.push((keys.0, keys.1, idx));
                        surname_people.entry(keys.0).or_default().push(idx);
                        idx
                    }
                }
            }
            _ => {
                let lone_word =
                    c.name.split_whitespace().count() == 1 && c.geo.is_none() && known_org(&c.name).is_none();
                if (c.evidence == Evidence::Weak || lone_word)
                    && with_surname_key(&c.name, |k| surname_people.contains_key(k))
                {
                    // "Austin" in an article about Lloyd Austin is the person.
                    let (sk, first) = (surname_key(&c.name), first_name_key(&c.name));
                    match find_person(c, (&sk, first.as_deref()), &person_full, &last_seen, &entities) {
                        Some(e) => {
                            push_mention(&mut entities, &mut mentions, &mut spans, e, c, doc);
                            continue;
                        }
                        None => continue,
                    }
                }
                let key = (kind, org_keys.entry(&c.name).or_insert_with(|| org_key(doc.gaz, &c.name)).clone());
                match place_or_org.get(&key) {
                    Some(&e) => e,
                    None => {
                        let idx = entities.len();
                        entities.push(new_entity(kind, c.subtype, &c.name, c.geo.clone()));
                        place_or_org.insert(key, idx);
                        idx
                    }
                }
            }
        };
        if kind == EntityKind::Person {
            last_seen.insert(idx, c.span.start);
        }
        push_mention(&mut entities, &mut mentions, &mut spans, idx, c, doc);
        if given_only {
            entities[idx].surfaces.remove(&c.name);
        }
    }

    // Unknown lone words that repeat a known person's surname are that person ("Price said").
    // (Whether a mention covers a word: the mentions by start, with the furthest end so far.
    // Unknown chunks do not overlap, so the mentions added here never cover another.)
    let by_start = starts_and_furthest_ends(&mentions);
    let covered = |span: Span| {
        let i = by_start.partition_point(|&(start, _)| start <= span.start);
        i > 0 && by_start[i - 1].1 >= span.end
    };
    for &(a, b) in unknown {
        let name = doc.text_of(a, b);
        if b - a == 1
            && !covered(doc.span_of(a, b))
            && let Some(&e) = with_folded(name, |k| surname_people.get(k)).and_then(|v| v.first())
        {
            let c = person_cand(doc, a, b, Evidence::Weak);
            push_mention(&mut entities, &mut mentions, &mut spans, e, &c, doc);
        }
    }
    // Unknown chunks that repeat the name of an organisation or place found elsewhere in the
    // article are that entity ("Kartly, a grocery app" ... "Kartly now operates").
    let mut named: HashMap<String, usize> = HashMap::default();
    let mut mentioned = vec![false; entities.len()];
    for m in &mentions {
        mentioned[m.entity] = true;
    }
    for (e, ent) in entities.iter().enumerate() {
        if ent.kind != EntityKind::Person && mentioned[e] {
            named.entry(fold(&ent.name)).or_insert(e);
        }
    }
    // Folding is costly: only chunks whose text, case aside, equals a name's are folded.
    let plain: rustc_hash::FxHashSet<String> = entities
        .iter()
        .enumerate()
        .filter(|&(e, ent)| ent.kind != EntityKind::Person && mentioned[e])
        .map(|(_, ent)| ent.name.to_lowercase())
        .collect();
    let by_start = starts_and_furthest_ends(&mentions);
    let overlapped = |span: Span| {
        let i = by_start.partition_point(|&(start, _)| start < span.end);
        i > 0 && by_start[i - 1].1 > span.start
    };
    for &(a, b) in unknown {
        let span = doc.span_of(a, b);
        if with_lower(doc.text_of(a, b), |l| plain.contains(l))
            && let Some(&e) = named.get(&fold(doc.text_of(a, b)))
            && !overlapped(span)
        {
            let c = org_cand(doc, a, b, doc.text_of(a, b).to_string());
            push_mention(&mut entities, &mut mentions, &mut spans, e, &c, doc);
        }
    }
    // Bare "Defense Ministry" is the one "X Defense Ministry" named in the article.
    merge_qualified_orgs(&mut entities, &mut mentions, &org_keys);
    Entities { entities, mentions }
}

/// The mentions' (start, furthest end of any mention starting there or before), by start:
/// whether some mention covers or overlaps a span is then a binary search.
fn starts_and_furthest_ends(mentions: &[Mention]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = mentions.iter().map(|m| (m.span.start, m.span.end)).collect();
    v.sort_unstable();
    let mut furthest = 0;
    for x in &mut v {
        furthest = furthest.max(x.1);
        x.1 = furthest;
    }
    v
}

/// Plural words after a town that name an event, not a team ("Paris Olympics", "Glasgow Games").
const EVENT_PLURALS: &[&str] = &[
    "Olympics",
    "Games",
    "Championships",
    "Masters",
    "Opens",
    "Talks",
    "Accords",
    "Agreements",
    "Riots",
    "Protests",
    "Elections",
    "Awards",
    "Paralympics",
    "Nationals",
    "Finals",
    "Trials",
    "Docks",
    "Heights",
    "Gardens",
    "Towers",
];

/// Common nouns for a kind of organisation that stand right before its name: "serie A club
/// Atalanta", "first division side Nice", "the carrier Air France", "sportswear maker Acme".
/// (Not nouns that also name a person's trade: "record producer", "camera operator".)
/// (With the trade nouns of the lexicon: "chipmaker", "insurer" ...)
const ORG_KIND_BEFORE: &[&str] = &[
    "club",
    "clubs",
    "side",
    "sides",
    "team",
    "outfit",
    "champions",
    "holders",
    "company",
    "firm",
    "group",
    "giant",
    "maker",
    "makers",
    "supermarket",
    "chain",
    "bank",
    "carrier",
    "airline",
    "airlines",
    "newspaper",
    "daily",
    "weekly",
    "tabloid",
    "agency",
    "charity",
    "union",
    "utility",
    "magazine",
    "party",
    "concern",
    "brokerage",
    "consultancy",
    "orchestra",
    "choir",
];

/// Common nouns for a kind of organisation right after its name: "Britain's Sun newspaper".
const ORG_KIND_AFTER: &[&str] = &[
    "newspaper",
    "daily",
    "club",
    "airline",
    "carrier",
    "group",
    "outfit",
    "brand",
    "chain",
    "conglomerate",
    "magazine",
    "weekly",
    "television",
    "broadcaster",
];

/// Two-word kinds of firm whose noun alone is too loose to name one ("the service", "agents" of a
/// police force) but with its qualifier stands right before a firm's name: "streaming service Acme",
/// "literary agents Bloggs Hale", "estate agents Smith Brown".
const KIND_PAIRS_BEFORE: &[(&str, &str)] = &[
    ("streaming", "service"),
    ("streaming", "platform"),
    ("delivery", "service"),
    ("courier", "service"),
    ("payments", "service"),
    ("literary", "agents"),
    ("literary", "agency"),
    ("estate", "agents"),
    ("letting", "agents"),
    ("travel", "agents"),
    ("shipping", "agents"),
    ("law", "firm"),
];

/// Kinds of news outlet after a name: they make it a body even when it opens with a given name ("Les
/// Echos newspaper", "Marie Claire magazine").
const MEDIA_AFTER: &[&str] = &["newspaper", "magazine", "daily", "weekly", "television", "broadcaster"];

/// A name its own context calls an organisation by a kind noun right before or after it.
fn org_kind_noun(doc: &Doc, a: usize, b: usize) -> bool {
    let lower_word = |i: usize| doc.is_word(i) && doc.s(i).chars().next().is_some_and(char::is_lowercase);
    // A letter alone ("company N / A") names nothing.
    if b - a == 1 && doc.s(a).chars().count() < 2 {
        return false;
    }
    let kind_noun = |i: usize| ORG_KIND_BEFORE.contains(&doc.s(i)) || is_trade_noun(doc.s(i));
    let before = a > 0 && lower_word(a - 1) && doc.same_para(a - 1, a) && kind_noun(a - 1)
        || a > 1
            && lower_word(a - 2)
            && doc.same_para(a - 2, a)
            && KIND_PAIRS_BEFORE.contains(&(doc.s(a - 2), doc.s(a - 1)));
    // After the name the noun may only be qualified by it: "the Moscow club", "an opposition group",
    // "a Kurdish group", "the Nation of Islam group" (part of a longer name) are no names of clubs.
    let after = || {
        let text = doc.text_of(a, b);
        lower_word(b)
            && doc.same_para(a, b)
            && ORG_KIND_AFTER.contains(&doc.s(b))
            && doc.gaz.lookup(text).is_none()
            && !(a..b).any(|i| doc.gaz.is_demonym(doc.s(i)) || is_common_word(doc.s(i)) || is_title_modifier(doc.s(i)))
            && !(a > 0 && CONNECTORS.contains(&doc.s(a - 1)))
    };
    // In apposition to an indefinite or definite kind noun: "a civil society group, Yiaga Africa,". Not
    // after a post of the body ("the head of the group, Jane Doe,"), and only when the apposition closes.
    let appos = || {
        a >= 3
            && doc.s(a - 1) == ","
            && lower_word(a - 2)
            && kind_noun(a - 2)
            && matches!(doc.s(b), "," | "." | ")" | ";")
            && (a.saturating_sub(6)..a - 2)
                .rev()
                // "his company, Acme Medicals,": a possessive determiner too.
                .find(|&i| {
                    matches!(
                        doc.s(i),
                        "a" | "an"
                            | "the"
                            | "A"
                            | "An"
                            | "The"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "His"
                            | "Her"
                            | "Its"
                            | "Their"
                    )
                })
                .is_some_and(|d| d == 0 || !matches!(doc.s(d - 1), "of" | "for" | "at" | "from" | "with"))
            && !(b - a >= 2 && is_given_name(doc.s(a)))
    };
    before || after() || appos()
}

/// An organisation by the kind noun its context gives it ("club Atalanta", "the Sun newspaper"), over
/// what the tagger or the gazetteer alone said: not a person with a given name, a title or an
/// honorific, nor a place the article locates things in ("in Nice").
fn orgs_by_kind_noun(doc: &Doc, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let (a, b) = c.toks;
        if c.kind == Some(EntityKind::Organization) || b - a > 3 || c.title.is_some() || c.extra_surface.is_some() {
            continue;
        }
        let media = MEDIA_AFTER.contains(&doc.s(b)) && doc.same_para(a, b);
        if c.kind == Some(EntityKind::Person) && (b - a >= 2 && is_given_name(doc.s(a))) && !media {
            continue;
        }
        if org_kind_noun(doc, a, b) {
            *c = org_cand(doc, a, b, c.name.clone());
        }
    }
}

/// After a name ending at token `b`, a possessive and what only a firm or body has: "Quillon's
/// finance chief", "Acme's shareholders", "Acme's parent, Acme Group" (people have no chief
/// executive, board or headquarters).
fn firm_post_after(doc: &Doc, b: usize) -> bool {
    if !doc.toks.get(b).is_some_and(|t| t.kind == TokKind::Possessive) || !doc.same_para(b, b + 2) {
        return false;
    }
    let next = doc.s(b + 2);
    match doc.s(b + 1) {
        "shareholders" | "shares" | "headquarters" | "subsidiary" | "profits" | "revenue" | "revenues" | "board"
        | "chairman" | "chairwoman" => true,
        "chief" => matches!(next, "executive" | "financial" | "operating" | "technology"),
        "finance" => matches!(next, "chief" | "director"),
        "largest" | "biggest" => matches!(next, "shareholder" | "shareholders" | "investor"),
        "parent" => matches!(next, "," | "company" | "group"),
        _ => false,
    }
}

/// Lower-case nouns for a member of a team's squad or staff, after the team's name and before a
/// person's ("Ashbourne defender Jo Bell").
const SQUAD_ROLES: &[&str] = &[
    "defender",
    "midfielder",
    "striker",
    "forward",
    "winger",
    "goalkeeper",
    "full-back",
    "centre-back",
    "manager",
    "boss",
    "batsman",
    "batter",
    "bowler",
    "all-rounder",
    "wicketkeeper",
    "fly-half",
    "scrum-half",
];

/// Positions a side signs a player for, besides [`SQUAD_ROLES`]: "signed prop Ryan Gethin".
const SIGNED_ROLES: &[&str] =
    &["prop", "hooker", "lock", "flanker", "centre", "keeper", "playmaker", "spinner", "seamer", "paceman", "opener"];

/// Teams by their players and nicknames: a name not in the gazetteer right before a squad role and a
/// person's name ("Ashbourne Vale defender Jo Bell") is a team at every use; so is a team's plural
/// nickname alone ("Pillars") once the article has named the team in full ("Kano Pillars"). Not a
/// name with a title or an honorific.
fn teams_by_players_and_nicknames(doc: &Doc, cands: &mut [Cand]) {
    let mut teams: Vec<&str> = Vec::new();
    for c in cands.iter() {
        let (a, b) = c.toks;
        if c.kind == Some(EntityKind::Organization) || c.title.is_some() || c.extra_surface.is_some() || b - a > 3 {
            continue;
        }
        let squad = doc.is_word(b)
            && SQUAD_ROLES.contains(&doc.s(b))
            && doc.is_cap(b + 1)
            && doc.same_para(a, b + 1)
            && !is_given_name(doc.s(a))
            && doc.gaz.lookup(doc.text_of(a, b)).is_none()
            && (a..b).all(|i| !doc.common(i) && !is_title_modifier(doc.s(i)));
        // A side signs players: "Tarrant Vale signed prop Ryan Gethin", "Acme Rovers have signed
        // striker ..." (a player signs a contract, not a striker).
        let v = if matches!(doc.s(b), "have" | "has" | "had") { b + 1 } else { b };
        let signs = matches!(doc.s(v), "signed" | "signs" | "re-signed")
            && doc.is_word(v + 1)
            && (SQUAD_ROLES.contains(&doc.s(v + 1)) || SIGNED_ROLES.contains(&doc.s(v + 1)))
            && doc.is_cap(v + 2)
            && doc.same_para(a, v + 2)
            && !is_given_name(doc.s(a))
            && (a..b).all(|i| !doc.common(i) && !is_title_modifier(doc.s(i)));
        if squad || signs {
            teams.push(doc.text_of(a, b));
        }
    }
    let nicknames: Vec<&str> = cands
        .iter()
        .filter(|c| c.kind == Some(EntityKind::Organization) && (2..=4).contains(&(c.toks.1 - c.toks.0)))
        .filter(|c| doc.gaz.lookup(doc.text_of(c.toks.0, c.toks.1 - 1)).is_some())
        .map(|c| doc.s(c.toks.1 - 1))
        .filter(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !is_org_head(w) && !is_place_head(w))
        .collect();
    if teams.is_empty() && nicknames.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        let (a, b) = c.toks;
        if c.kind == Some(EntityKind::Organization) || c.title.is_some() || c.extra_surface.is_some() {
            continue;
        }
        let text = doc.text_of(a, b);
        if teams.contains(&text) || (b - a == 1 && c.kind != Some(EntityKind::Place) && nicknames.contains(&text)) {
            *c = org_cand(doc, a, b, c.name.clone());
        }
    }
}

/// A name that owns a firm's post somewhere in the document is a firm's at every use ("Quillon's
/// finance chief" ... "chip designer Quillon"): not a person named with a given name or an
/// honorific, nor a place the gazetteer knows.
fn bodies_by_their_posts(doc: &Doc, cands: &mut [Cand]) {
    let retypable = |c: &Cand| {
        let (a, b) = c.toks;
        match c.kind {
            Some(EntityKind::Person) => {
                b - a <= 3
                    && c.extra_surface.is_none()
                    && !is_given_name(doc.s(a))
                    && c.title.as_deref().is_none_or(|t| t.starts_with(char::is_lowercase))
            }
            Some(EntityKind::Place) => c.geo.is_none() && b - a <= 3,
            _ => false,
        }
    };
    // The capitalised words before every such possessive (a use no candidate may hold yet).
    let mut owners: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for p in 1..doc.toks.len() {
        if doc.toks[p].kind == TokKind::Possessive && firm_post_after(doc, p) {
            let mut a = p;
            while a > 0 && p - a < 3 && doc.is_cap(a - 1) && doc.same_para(a - 1, p) {
                a -= 1;
                owners.insert(doc.text_of(a, p));
            }
        }
    }
    bodies_at_every_use(doc, cands, &owners, retypable);
}

/// Every use of the names found to be bodies (`names`) that `retypable` allows becomes an
/// organisation: the last step of the rules that find bodies named like people.
fn bodies_at_every_use(
    doc: &Doc,
    cands: &mut [Cand],
    names: &rustc_hash::FxHashSet<&str>,
    retypable: impl Fn(&Cand) -> bool,
) {
    if names.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if retypable(c) && names.contains(doc.text_of(c.toks.0, c.toks.1)) {
            *c = org_cand(doc, c.toks.0, c.toks.1, c.name.clone());
        }
    }
}

/// A name whose sentence goes on to call it "its" ("Eli Lilly raised its forecast", "Leigh Day and its
/// clients") is a body's at every use, though it opens with a given name: a person's would be "his"
/// or "her". After a verb of doing, not of saying ("Jo Bell said its effects were small": the "its"
/// is something else's); not a name with a title or an honorific.
fn bodies_by_its(doc: &Doc, cands: &mut [Cand]) {
    let n = doc.toks.len();
    let plain_person = |c: &Cand| c.kind == Some(EntityKind::Person) && c.title.is_none() && c.extra_surface.is_none();
    let mut bodies: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for c in cands.iter().filter(|c| plain_person(c)) {
        let (a, b) = c.toks;
        if b + 1 >= n || !doc.same_para(a, b + 1) || doc.s(b + 1) != "its" || !doc.is_word(b) {
            continue;
        }
        let w = doc.s(b);
        let doing = w == "and"
            || (w.starts_with(|ch: char| ch.is_ascii_lowercase())
                && (w.ends_with("ed") || w.ends_with('s'))
                && w.len() >= 4
                && !is_speech_verb(w)
                && !is_preposition(w)
                && !matches!(w, "does" | "this" | "thus" | "plus" | "whereas" | "unless" | "besides" | "towards"));
        if doing {
            bodies.insert(doc.text_of(a, b));
        }
    }
    bodies_at_every_use(doc, cands, &bodies, plain_person);
}

/// Nouns for a kind of firm that, right before a name, make it a firm though it reads as a
/// person's: "law firm Kendrick Vale", "brokers Ames Hunt", "retailer Jo Marsh" ("firm", "company"
/// and "group" only after a word that qualifies them: "the firm Jo Marsh founded" is no name of it).
const FIRM_NOUNS_BEFORE: &[&str] = &[
    "firm",
    "company",
    "group",
    "solicitors",
    "retailer",
    "housebuilder",
    "stockbrokers",
    "brokers",
    "lender",
    "supermarket",
    "brokerage",
    "accountants",
    "auditors",
];

/// Heads of a description in apposition after a firm's name: "Harper Vale, the Leeds solicitors,",
/// "Ames Hunt, the British pet food retailer,".
const FIRM_NOUNS_AFTER: &[&str] = &[
    "firm",
    "company",
    "group",
    "solicitors",
    "retailer",
    "chain",
    "housebuilder",
    "stockbrokers",
    "brokers",
    "brokerage",
    "lender",
    "insurer",
    "supermarket",
    "manufacturer",
    "consultancy",
    "accountants",
    "bank",
];

/// Posts of a firm between its name and its holder's: "Ames Hunt chairman Jo Bell", "Ames Hunt
/// managing partner Jo Bell" (a person's name before them would be "Jo Bell's chairman").
fn firm_post_before_holder(doc: &Doc, b: usize) -> bool {
    let holder = |i: usize| doc.is_cap(i) && doc.same_para(b, i);
    match doc.s(b) {
        "chairman" | "chairwoman" => holder(b + 1),
        "chief" => doc.s(b + 1) == "executive" && holder(b + 2),
        "managing" => matches!(doc.s(b + 1), "director" | "partner") && holder(b + 2),
        "finance" => doc.s(b + 1) == "director" && holder(b + 2),
        "senior" => doc.s(b + 1) == "partner" && holder(b + 2),
        _ => false,
    }
}

/// Firms named like people ("Harper Vale" the solicitors, "Ames Hunt" the brokers): a name read as a
/// person's, without a title or an honorific, is a firm at every use when one of its uses has a kind
/// of firm right before it ("law firm X", "brokers X"), a description headed by one in apposition
/// after it ("X, the Leeds solicitors,", "X, the British pet food retailer, said"), or a firm's post
/// and its holder after it ("X chairman Jo Bell"). Given names do not stop it: the context is a
/// firm's alone. Not where the noun before ends a longer phrase the name begins a clause after ("the
/// firm Jo Marsh founded"), nor a description with a preposition, a possessive or a role ("Jo Bell, the
/// firm's founder,", "Jo Bell, a partner at the firm,").
fn firms_named_like_people(doc: &Doc, cands: &mut [Cand]) {
    let plain_person = |c: &Cand| {
        c.kind == Some(EntityKind::Person)
            && c.extra_surface.is_none()
            && c.title.as_deref().is_none_or(|t| t.starts_with(char::is_lowercase))
            && (2..=3).contains(&(c.toks.1 - c.toks.0))
    };
    let lower = |i: usize| doc.is_word(i) && doc.s(i).starts_with(|ch: char| ch.is_lowercase());
    let determiner = |w: &str| {
        matches!(w.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that")
    };
    // Where names whose own words say firm start and end ("Bajaj Auto", "Rothschild & Co").
    let firm_worded = |c: &Cand| {
        c.kind == Some(EntityKind::Organization)
            && (c.toks.0..c.toks.1).any(|i| is_legal_form(doc.s(i)) || is_sector_head(doc.s(i)) || doc.s(i) == "&")
    };
    let firm_starts: rustc_hash::FxHashSet<usize> = cands.iter().filter(|c| firm_worded(c)).map(|c| c.toks.0).collect();
    let firm_ends: rustc_hash::FxHashSet<usize> = cands.iter().filter(|c| firm_worded(c)).map(|c| c.toks.1).collect();
    let mut firms: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for c in cands.iter().filter(|c| plain_person(c)) {
        let (a, b) = c.toks;
        // Joined by "and" to a name whose words say firm ("Rothschild & Co and Ames Hunt", "Ames
        // Hunt and Bajaj Auto"), opening with no given name.
        let paired = !is_given_name(doc.s(a))
            && ((doc.s(b) == "and" && doc.same_para(a, b + 1) && firm_starts.contains(&(b + 1)))
                || (a >= 1 && doc.s(a - 1) == "and" && firm_ends.contains(&(a - 1))));
        if paired {
            firms.insert(doc.text_of(a, b));
            continue;
        }
        // After the name: the end of a clause's subject or of the name's phrase.
        let closes = || {
            !lower(b)
                || matches!(
                    doc.s(b),
                    "said"
                        | "says"
                        | "is"
                        | "was"
                        | "has"
                        | "had"
                        | "which"
                        | "will"
                        | "would"
                        | "and"
                        | "represents"
                        | "represented"
                        | "acts"
                        | "acted"
                        | "advised"
                        | "advises"
                )
        };
        let before = a >= 1
            && lower(a - 1)
            && doc.same_para(a - 1, a)
            && FIRM_NOUNS_BEFORE.contains(&doc.s(a - 1))
            && (!matches!(doc.s(a - 1), "firm" | "company" | "group")
                || (a >= 2 && doc.is_word(a - 2) && !determiner(doc.s(a - 2)) && !is_preposition(doc.s(a - 2))))
            && closes();
        let appos = || {
            if doc.s(b) != "," || !doc.same_para(a, b + 2) || !matches!(doc.s(b + 1), "the" | "a" | "an") {
                return false;
            }
            let mut i = b + 2;
            while i < doc.toks.len() && i <= b + 8 && doc.same_para(a, i) {
                let w = doc.s(i);
                if FIRM_NOUNS_AFTER.contains(&w) {
                    return matches!(
                        doc.s(i + 1),
                        "," | "." | ";" | ")" | "that" | "which" | "behind" | "representing"
                    ) || !doc.same_para(i, i + 1);
                }
                let plain = doc.is_word(i)
                    && (w == "and" || !is_preposition(w))
                    && !is_role_noun(w)
                    && doc.toks.get(i + 1).is_none_or(|t| t.kind != TokKind::Possessive);
                if !plain {
                    return false;
                }
                i += 1;
            }
            false
        };
        if before || appos() || (doc.same_para(a, b) && firm_post_before_holder(doc, b)) {
            firms.insert(doc.text_of(a, b));
        }
    }
    bodies_at_every_use(doc, cands, &firms, plain_person);
}

/// Words right after a name that make it a team: "Kent manager ...", "Kent fans".
const TEAM_AFTER: &[&str] = &[
    "manager",
    "boss",
    "coach",
    "captain",
    "skipper",
    "striker",
    "forward",
    "midfielder",
    "goalkeeper",
    "defender",
    "winger",
    "batsman",
    "bowler",
    "opener",
    "pitcher",
    "quarterback",
    "fans",
    "supporters",
];

/// Verbs of play right after a name that make it the side that plays: "Leeds beat Hull", "Wigan
/// drew", "Bradford finished third" (a town hosts, it does not play). Past tenses, which no noun shares
/// ("his Iowa lead", "the Ohio win"), but for a few of beating, and not after a determiner.
const PLAYS_AFTER: &[&str] = &[
    "beat",
    "beats",
    "edged",
    "edge",
    "edges",
    "drew",
    "thrashed",
    "defeated",
    "routed",
    "hammered",
    "overcame",
    "crushed",
    "outclassed",
    "trounced",
    "trailed",
    "trail",
    "won",
    "lost",
    "clinched",
    "secured",
    "scored",
    "led",
    "finished",
    "conceded",
    "equalised",
    "equalized",
];

/// Words right before a name that make it a team: "against Kent", "v Kent", "beat Kent", "will meet Kent".
const TEAM_BEFORE: &[&str] = &[
    "against",
    "v",
    "vs",
    "vs.",
    "beat",
    "beats",
    "beating",
    "defeated",
    "defeating",
    "edged",
    "thrashed",
    "routed",
    "meet",
    "meets",
    "face",
    "faces",
    "host",
    "hosts",
    "hosted",
    "outdueled",
];

/// Nations inside a state that field national sides.
const HOME_NATIONS: &[&str] = &[
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "ENGLAND",
    "SCOTLAND",
    "WALES",
    "Catalonia",
    "Faroe Islands",
    "Hong Kong",
    "Puerto Rico",
    "Greenland",
];

/// A town, county or state the gazetteer knows, which can field a club; not a nation inside a state,
/// which plays as its national side (a place in the CoNLL convention).
fn club_town(doc: &Doc, c: &Cand) -> bool {
    c.kind == Some(EntityKind::Place)
        && c.geo.is_some()
        && c.title.is_none()
        && matches!(c.subtype, Some(Subtype::City | Subtype::State | Subtype::Region))
        && doc.gaz.demonym_of(&c.name).is_none()
        && !HOME_NATIONS.contains(&c.name.as_str())
}

/// On a sports page where [`teams_in_tables`] found a town playing, a town, county or state (not a
/// country, whose national side is the place) listed with a club is a club at every use but where it is a
/// place ("in Kent", a dateline).
fn clubs_in_lists(doc: &Doc, cands: &mut [Cand]) {
    if !doc.is_sport() {
        return;
    }
    let town = |c: &Cand| club_town(doc, c);
    let listed = coordinated_clubs(doc, cands, &town);
    for c in cands.iter_mut() {
        let (a, b) = c.toks;
        let prev = if a > 0 { doc.s(a - 1) } else { "" };
        let place_use = matches!(prev, "in" | "at" | "near" | "from" | "of" | "to" | "into");
        if town(c) && listed.contains(&doc.text_of(a, b)) && !doc.dateline(a) && !place_use {
            *c = org_cand(doc, a, b, c.name.clone());
        }
    }
}

/// The end (exclusive) of the run of up to five capitalised words from `i`, in its paragraph.
fn cap_run_end(doc: &Doc, i: usize) -> usize {
    let mut j = i + 1;
    while j < doc.toks.len() && j - i < 5 && doc.is_cap(j) && doc.same_para(i, j) {
        j += 1;
    }
    j
}

/// A score of both sides as one token, with a hyphen or an en dash: "3-1", "66-14", "2–1".
fn is_score(w: &str) -> bool {
    w.split_once(['-', '–']).is_some_and(|(a, b)| {
        [a, b].iter().all(|x| (1..=3).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit()))
    })
}

/// Towns (names the rules took for places) where a report of play puts a side: before a club's
/// staff or fans ("Kent captain"); carrying a score ("thrashed Warrington 66-14", "Metz's 3-1 home
/// victory"); after a win or a loss, a fixture's "v" or a meeting ("beat Leeds", "a 4-2 win over
/// Leverkusen", "lost to Hull", "drew with Wigan", "against Kent"); before a verb of play ("Wigan
/// drew", "Bradford finished third"); or opening a line of a match's summary with its goals and their
/// scorers ("Karlsruhe 4 (Keller 18th minute, ...)"). Only on a sports page do they become teams
/// ([`teams_in_tables`]); a person in the same place (a player's "beat Henman 6-4") is no town and
/// stays a person.
fn towns_as_sides(doc: &Doc, cands: &[Cand]) -> Vec<(usize, usize)> {
    let n = doc.toks.len();
    let mut out = Vec::new();
    for c in cands.iter().filter(|c| c.kind == Some(EntityKind::Place) && c.title.is_none()) {
        let (a, b) = c.toks;
        let k = if doc.toks.get(b).is_some_and(|t| t.kind == TokKind::Possessive) { b + 1 } else { b };
        let next = |i: usize| if i < n && doc.same_para(a, i) { doc.s(i) } else { "" };
        let scored = is_score(next(k)) || (digits(next(k)) && matches!(next(k + 1), "-" | "–") && digits(next(k + 2)));
        let staff = TEAM_AFTER.contains(&next(b))
            || (matches!(next(b), "head" | "assistant" | "interim" | "caretaker")
                && matches!(next(b + 1), "coach" | "manager"));
        let w1 = if a >= 1 && doc.same_para(a - 1, a) { doc.s(a - 1) } else { "" };
        let w2 = if a >= 2 && doc.same_para(a - 2, a) { doc.s(a - 2) } else { "" };
        let played = TEAM_BEFORE.contains(&w1)
            || matches!(
                (w2, w1),
                ("win" | "wins" | "victory" | "victories" | "triumph" | "lead" | "success", "over")
                    | ("lost" | "losing" | "loss" | "defeat", "to" | "against")
                    | ("draw" | "drew" | "drawn", "with" | "against")
            );
        let plays = PLAYS_AFTER.contains(&next(b))
            && doc.is_word(b)
            && !matches!(w1, "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "this" | "that");
        let line_start = a == 0 || !doc.same_para(a - 1, a);
        let summary = line_start && next(b).len() <= 2 && digits(next(b)) && next(b + 1) == "(";
        // The side a player is signed from: "signed prop Ryan Gethin from Cardiff", "joined on loan
        // from Hull" (within the sentence, a few words back).
        let transfer = signed_from(doc, a);
        if scored || staff || played || plays || summary || transfer {
            out.push((a, b));
        }
    }
    out.sort_unstable();
    out
}

/// On a sports page, a name nothing typed that a player is signed from ("signed on loan from Everton in
/// the summer") is a club.
fn clubs_signed_from(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    let from: Vec<(usize, usize)> =
        unknown.iter().copied().filter(|&(a, b)| b - a <= 3 && signed_from(doc, a)).collect();
    if from.is_empty() || !doc.is_sport() {
        return;
    }
    for (a, b) in from {
        take_span(cands, unknown, org_cand(doc, a, b, doc.text_of(a, b).to_string()));
    }
}

/// The name at `a` is the side a player is signed from: "signed prop Ryan Gethin from Cardiff", "joined
/// on loan from Hull" ("from" right before it, a verb of signing a few words back in its sentence).
fn signed_from(doc: &Doc, a: usize) -> bool {
    a >= 2
        && doc.s(a - 1) == "from"
        && (a.saturating_sub(6)..a - 1).any(|x| {
            doc.toks[x].sent == doc.toks[a].sent
                && matches!(doc.s(x), "signed" | "signs" | "signing" | "joined" | "joins" | "loan" | "re-signed")
        })
}

/// A figure of digits alone.
fn digits(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit())
}

/// On a sports page, the names in a line of results ("Ruch Chorzow (Poland) 5 Llansantffraid (Wales)
/// 0", "SAN FRANCISCO 12 New York 11", "Adelaide 14.12 (96) Collingwood 24.9 (153)"), in a row of
/// a league table ("Crystal Palace 2 1 0 1 3 2 3") or on either side of a fixture's "v" ("Leeds v
/// Wimbledon") are teams: organisations, but for countries, whose
/// national sides are places in the CoNLL convention. The same words elsewhere on the page are the
/// team too ("Chemlon Humenne win 3-0 on aggregate"), but where they are a place ("In Chorzow:", "in
/// Leeds", a dateline) or what a title or an honorific says. True when a town that can field a club
/// ([`club_town`]) plays.
fn teams_in_tables(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) -> bool {
    let n = doc.toks.len();
    let figure = |i: usize| {
        let w = doc.s(i);
        w.starts_with(|c: char| c.is_ascii_digit()) && w.bytes().all(|c| c.is_ascii_digit() || c == b'.')
    };
    let mut teams: Vec<(usize, usize)> = Vec::new();
    let mut p = 0;
    while p < n {
        let mut q = p;
        while q < n && doc.toks[q].para == doc.toks[p].para {
            q += 1;
        }
        // The line as names and figures; what is in brackets after a name or a figure (a country, a
        // half-time score, "(in 10)") is passed over; a colon starts the line afresh ("In Bergen:").
        let mut names: Vec<(usize, usize)> = Vec::new();
        let mut shape: Vec<bool> = Vec::new(); // true: a name, false: a figure
        let mut i = p;
        let mut ok = true;
        // A figure of one digit: a table's games won or lost, not a golfer's rounds ("68 70 71 69").
        let mut small = false;
        let mut dashed = false;
        while i < q {
            let w = doc.s(i);
            if w == ":" {
                names.clear();
                shape.clear();
                i += 1;
            } else if doc.is_cap(i) && !figure(i) {
                let j = cap_run_end(doc, i);
                names.push((i, j));
                shape.push(true);
                i = j;
            } else if figure(i) {
                shape.push(false);
                small |= doc.s(i).len() == 1;
                i += 1;
            } else if is_score(w) {
                // "Wigan 30-6 Castleford": both sides' points in one figure.
                shape.push(false);
                dashed = true;
                i += 1;
            } else if w == "(" {
                match (i + 1..q.min(i + 6)).find(|&k| doc.s(k) == ")") {
                    Some(c) if !shape.is_empty() => i = c + 1,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            } else if w == "." && i + 1 == q {
                i += 1;
            } else {
                ok = false;
                break;
            }
        }
        let results = shape == [true, false, true, false] || (dashed && shape == [true, false, true]);
        let table_row = shape.len() >= 6 && shape[0] && shape[1..].iter().all(|&x| !x) && small;
        if ok && (results || table_row) {
            teams.extend(names);
        }
        p = q;
    }
    // Fixtures: "Leeds v Wimbledon", "Manchester City vs Charlton, Norwich v Wolverhampton"; the side
    // after "v" may open the next line of a wrapped list.
    for i in 1..n.saturating_sub(1) {
        // "vs." may come as two tokens.
        let next = if doc.s(i) == "vs" && doc.s(i + 1) == "." { i + 2 } else { i + 1 };
        if !matches!(doc.s(i), "v" | "vs" | "vs.") || !doc.same_para(i - 1, i) || !doc.is_cap(i - 1) || !doc.is_cap(next) {
            continue;
        }
        let mut a = i - 1;
        while a > 0 && i - a < 4 && doc.is_cap(a - 1) && doc.same_para(a - 1, i) {
            a -= 1;
        }
        let b = cap_run_end(doc, next);
        // A side is its words alone: a comma, a bracket, a line end or the end of the sentence after it.
        let ends = |j: usize| j >= n || !doc.same_para(j - 1, j) || matches!(doc.s(j), "," | "." | ":" | "(" | ";");
        if ends(b) {
            teams.push((a, i));
            teams.push((next, b));
        }
    }
    let sides = towns_as_sides(doc, cands);
    teams.extend(&sides);
    if teams.is_empty() || !doc.is_sport() {
        return false;
    }
    let national = |a: usize, b: usize| {
        let text = doc.text_of(a, b);
        HOME_NATIONS.contains(&text)
            || doc.gaz.lookup(text).is_some_and(|p| matches!(p.subtype, Subtype::Country | Subtype::Continent))
    };
    let said = |a: usize, b: usize| cands.iter().any(|c| c.toks.0 < b && a < c.toks.1 && c.title.is_some());
    // Not a column's heading ("Aug 27 Aug 26", "H1 1996 H1 1995").
    let heading = |a: usize, b: usize| {
        let text = doc.text_of(a, b);
        text.len() <= 2 || (b - a == 1 && super::text::is_abbreviation(text))
    };
    let names: rustc_hash::FxHashSet<&str> = teams
        .iter()
        .filter(|&&(a, b)| !national(a, b) && !said(a, b) && !heading(a, b))
        .map(|&(a, b)| doc.text_of(a, b))
        .collect();
    if names.is_empty() {
        return false;
    }
    let town_plays = cands
        .iter()
        .any(|c| club_town(doc, c) && sides.contains(&c.toks) && names.contains(doc.text_of(c.toks.0, c.toks.1)));
    // Every use of a team's name, in the tables or elsewhere, but where it is a place or titled.
    let mut uses: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !doc.is_cap(i) {
            i += 1;
            continue;
        }
        let j = cap_run_end(doc, i);
        let prev = if i > 0 && doc.same_para(i - 1, i) { doc.s(i - 1) } else { "" };
        // A dateline: "NEW YORK 1996-08-22" opening its line, or the state after its town
        // ("ARLINGTON, Texas 1996-08-31").
        let line_start = (0..i).rev().take_while(|&k| doc.same_para(k, i)).last().unwrap_or(i);
        let dated = (i == line_start || (prev == "," && i - line_start <= 5 && doc.dateline(line_start)))
            && j < n
            && doc.s(j).starts_with(|c: char| c.is_ascii_digit())
            && doc.s(j).contains('-')
            && !is_score(doc.s(j));
        let place_use = (matches!(prev, "in" | "In" | "at" | "At" | "near" | "from" | "of" | "to" | "into")
            && !signed_from(doc, i))
            || doc.dateline(i)
            || dated;
        if names.contains(doc.text_of(i, j)) && !place_use && !said(i, j) {
            uses.push((i, j));
        }
        i = j;
    }
    for (a, b) in uses {
        let name = doc.text_of(a, b).to_string();
        take_span(cands, unknown, org_cand(doc, a, b, name));
    }
    town_plays
}

/// On a sports page, a town listed with a club is a club too: "Essex, Derbyshire and Surrey",
/// "Gloucestershire or Sussex or Kent", "successes for Wasps and Bristol". Neighbours in a list are
/// two names with only a comma, "and", "or" or "&" between; a town used as a place ("in Leeds") or
/// in a dateline stays a place. Three passes carry the type along a list of up to four towns.
fn coordinated_clubs<'a>(doc: &Doc<'a>, cands: &mut [Cand], town: &dyn Fn(&Cand) -> bool) -> Vec<&'a str> {
    let mut listed = Vec::new();
    let mut order: Vec<usize> = (0..cands.len()).filter(|&i| cands[i].kind.is_some()).collect();
    order.sort_by_key(|&i| cands[i].toks);
    let joined = |x: &Cand, y: &Cand| {
        let (end, start) = (x.toks.1, y.toks.0);
        let between: Vec<&str> = (end..start).map(|k| doc.s(k)).collect();
        doc.same_para(end, start) && matches!(between.as_slice(), ["," | "and" | "or" | "&"] | [",", "and" | "or"])
    };
    let place_use = |c: &Cand| {
        let a = c.toks.0;
        a > 0 && matches!(doc.s(a - 1), "in" | "at" | "near" | "from" | "of" | "to" | "into") || doc.dateline(a)
    };
    for _ in 0..3 {
        let mut changed = false;
        for w in order.windows(2) {
            let (x, y) = (w[0], w[1]);
            if !joined(&cands[x], &cands[y]) {
                continue;
            }
            for (club, other) in [(x, y), (y, x)] {
                if cands[club].kind == Some(EntityKind::Organization)
                    && town(&cands[other])
                    && !place_use(&cands[other])
                {
                    let (a, b) = cands[other].toks;
                    let name = cands[other].name.clone();
                    cands[other] = org_cand(doc, a, b, name);
                    listed.push(doc.text_of(a, b));
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    listed
}

/// Whether a candidate over tokens `a..b` had its kind said by its own words: a title, an honorific,
/// or what `also` asks of it. A list's or a dateline's shape does not override those.
fn words_said(cands: &[Cand], a: usize, b: usize, also: impl Fn(&Cand) -> bool) -> bool {
    cands.iter().any(|c| c.toks.0 < b && a < c.toks.1 && (c.title.is_some() || c.extra_surface.is_some() || also(c)))
}

/// Puts `c` in place of every candidate and unclassed chunk its tokens overlap.
fn take_span(cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>, c: Cand) {
    let (a, b) = c.toks;
    cands.retain(|o| o.toks.1 <= a || b <= o.toks.0);
    unknown.retain(|&(x, y)| y <= a || b <= x);
    cands.push(c);
}

/// Plural nouns for kinds of places that introduce a list of them.
const PLACE_KIND_PLURALS: &[&str] = &[
    "districts",
    "states",
    "cities",
    "towns",
    "villages",
    "counties",
    "provinces",
    "regions",
    "countries",
    "municipalities",
    "suburbs",
    "neighbourhoods",
    "neighborhoods",
    "islands",
    "townships",
    "boroughs",
    "localities",
    "communities",
    "capitals",
    "prefectures",
    "emirates",
    "governorates",
    "oblasts",
];

/// A list that its noun says is of places: "11 districts, including Dhemaji, Lakhimpur and Barpeta",
/// "states such as Kano and Zamfara", "the towns of Ely and March". Each name in it is a place, unless
/// its own words said otherwise (a title, a body's head word, a given name before a surname).
fn listed_places(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    for i in 0..doc.toks.len() {
        let w = doc.s(i);
        let lga = w == "areas" && i >= 2 && doc.s(i - 1) == "government" && doc.s(i - 2) == "local";
        if !w.ends_with('s') || !w.starts_with(|c: char| c.is_ascii_lowercase()) || !(lga || PLACE_KIND_PLURALS.contains(&w))
        {
            continue;
        }
        let mut k = i + 1;
        if doc.s(k) == "," {
            k += 1;
        }
        let items = match doc.s(k) {
            "including" | "like" | "namely" | "of" | ":" => list_items(doc, i, k + 1, 3),
            "such" if doc.s(k + 1) == "as" => list_items(doc, i, k + 2, 3),
            // The list before the noun: "in Ilaje, Irele and Okitipupa local government areas", "Gadag
            // and Haveri districts".
            // ("Black and Brown communities" are people, not places.)
            _ if w != "communities" => list_items_before(doc, i),
            _ => continue,
        };
        // One name alone after "of" is more often a body ("the cities of London Corporation").
        if items.len() < 2 {
            continue;
        }
        for (a, b) in items {
            let said = words_said(cands, a, b, |_| (a..b).any(|t| is_org_head(doc.s(t))));
            if said || (b - a >= 2 && is_given_name(doc.s(a))) {
                continue;
            }
            let text = doc.text_of(a, b);
            take_span(cands, unknown, place_cand(doc, a, b, text.to_string(), doc.gaz.lookup(text), Evidence::Strong));
        }
    }
}

/// A list after a preposition of place whose other names are places the gazetteer knows: "most of
/// them in Cambridge, Bristol and Bangalore", "flooding in Aundh and Baner". Coordinated names share a
/// kind, so an unknown name in it, that nothing else typed (a title, an honorific, a body's head word,
/// a given name before a surname, a strong reading of another kind), is a place too.
fn coordinated_places(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    for i in 0..doc.toks.len() {
        if !matches!(doc.s(i), "in" | "near" | "across" | "around" | "between" | "outside") {
            continue;
        }
        // "in the Netherlands, Germany and Bangalore": a first name after "the".
        let first = if doc.s(i + 1) == "the" { i + 2 } else { i + 1 };
        if !doc.is_cap(first) {
            continue;
        }
        let items = list_items(doc, i, first, 3);
        if items.len() < 2 {
            continue;
        }
        let mut known: Vec<bool> = items
            .iter()
            .map(|&(a, b)| {
                doc.gaz.lookup(doc.text_of(a, b)).is_some()
                    || settlement_shaped(doc, a, b)
                    || cands.iter().any(|c| c.toks == (a, b) && c.kind == Some(EntityKind::Place) && c.geo.is_some())
            })
            .collect();
        // "families in Gimbleton and Arvik": no name the gazetteer knows, but the one right after the
        // preposition is a place by it (one plain word, not a given name) and leads the others, each
        // one word that owns nothing ("in Driefontein and Gold Fields' mines" names a firm).
        if !known.contains(&true) {
            let (a, b) = items[0];
            let (_, e) = items[items.len() - 1];
            known[0] = items.iter().all(|&(x, y)| y - x == 1)
                && !doc.toks.get(e).is_some_and(|t| t.kind == TokKind::Possessive)
                && !doc.plural_possessive(e)
                && !is_given_name(doc.s(a))
                && cands.iter().any(|c| c.toks == (a, b) && c.kind == Some(EntityKind::Place));
        }
        let places = known.iter().filter(|&&k| k).count();
        if places == 0 || places == items.len() {
            continue;
        }
        for (&(a, b), &k) in items.iter().zip(&known) {
            if k {
                continue;
            }
            // "in Middlesbrough, Stockton and Newton Aycliffe": a town of two words opening with a
            // given name, listed with two known places or more, read as a person by its shape alone
            // (no title, no honorific, its last word never alone elsewhere).
            let town_shaped = b - a == 2
                && places >= 2
                && is_given_name(doc.s(a))
                && !is_given_name(doc.s(a + 1))
                && !doc.toks.get(b).is_some_and(|t| t.kind == TokKind::Possessive)
                && !cands
                    .iter()
                    .any(|c| c.toks.0 < b && a < c.toks.1 && (c.title.is_some() || c.extra_surface.is_some()))
                && !(0..doc.toks.len())
                    .any(|t| t != a + 1 && doc.s(t) == doc.s(a + 1) && !doc.is_cap(t.wrapping_sub(1)));
            let said = words_said(cands, a, b, |c| {
                (c.kind != Some(EntityKind::Place) && c.evidence == Evidence::Strong && !town_shaped)
                    || (a..b).any(|t| is_org_head(doc.s(t)))
            });
            if said
                || (a..b).any(|t| is_org_head(doc.s(t)) || doc.common(t))
                || (b - a >= 2 && is_given_name(doc.s(a)) && !town_shaped)
            {
                continue;
            }
            let text = doc.text_of(a, b);
            take_span(cands, unknown, place_cand(doc, a, b, text.to_string(), None, Evidence::Strong));
        }
    }
}

/// The names of a list starting at token `k` ("A, B and C", "A or B"), each of one to `max` capitalised
/// words, in the paragraph of token `i`.
fn list_items(doc: &Doc, i: usize, mut k: usize, max: usize) -> Vec<(usize, usize)> {
    let mut items = Vec::new();
    loop {
        let start = k;
        while doc.is_cap(k) && doc.same_para(i, k) && k - start < max {
            k += 1;
        }
        if k == start {
            break;
        }
        items.push((start, k));
        match doc.s(k) {
            "," if doc.s(k + 1) == "and" || doc.s(k + 1) == "or" => k += 2,
            "," | "and" | "or" => k += 1,
            _ => break,
        }
    }
    items
}

/// The names listed right before the place noun at `i` ("Ilaje, Ese-Odo and Irele local government
/// areas", "Gadag and Haveri districts"), first to last: two or more, with commas and a last "and",
/// each of up to three capitalised words, in the noun's paragraph.
fn list_items_before(doc: &Doc, i: usize) -> Vec<(usize, usize)> {
    // "local government areas": the noun is "areas", its modifiers come first.
    let mut e = i;
    if doc.s(i) == "areas" && i >= 2 && doc.s(i - 1) == "government" && doc.s(i - 2) == "local" {
        e = i - 2;
    }
    let mut items = Vec::new();
    let mut and_seen = false;
    loop {
        let mut a = e;
        while a > 0 && doc.is_cap(a - 1) && doc.same_para(a - 1, i) && e - a < 3 && !doc.toks[a].sent_start {
            a -= 1;
        }
        if a == e {
            return Vec::new();
        }
        items.push((a, e));
        if a < 2 || !doc.same_para(a - 1, i) {
            break;
        }
        match doc.s(a - 1) {
            "and" if !and_seen && items.len() == 1 => {
                and_seen = true;
                e = a - 1;
            }
            "," if and_seen => e = a - 1,
            _ => break,
        }
    }
    // "the Central and Eastern districts", "the Norwegian and Russian communities": adjectives of
    // direction or nationality, not names of places.
    let adjective = |(a, b): (usize, usize)| {
        (a..b).any(|k| doc.gaz.is_demonym(doc.s(k)))
            || (b - a == 1 && {
                let w = doc.s(a);
                is_direction(w) || w.ends_with("ern") || w == "Central" || adjectival(w)
            })
    };
    if items.len() < 2 || !and_seen || items.iter().any(|&x| adjective(x)) {
        return Vec::new();
    }
    items.reverse();
    items
}

/// Plural nouns for kinds of organisation, before a list of their names.
const ORG_KIND_PLURALS: &[&str] = &[
    "companies",
    "firms",
    "banks",
    "parties",
    "airlines",
    "carriers",
    "newspapers",
    "dailies",
    "broadcasters",
    "agencies",
    "unions",
    "clubs",
    "teams",
    "sides",
    "charities",
    "brokerages",
    "brokers",
    "exchanges",
    "utilities",
    "operators",
    "producers",
    "universities",
    "publishers",
    "chains",
    "outlets",
    "networks",
    "organisations",
    "organizations",
    "institutions",
];

/// A list that its noun says is of bodies: "investment banks Merrill Lynch and SBC Warburg", "retailers
/// Aldo, Brenna and Lidl", "parties, including the Labour Party and Plaid Cymru". Each
/// name in it that nothing else typed strongly (a title, a given name, a country) is an organisation.
fn listed_orgs(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    for i in 0..doc.toks.len() {
        let w = doc.s(i);
        if !w.ends_with('s')
            || !w.starts_with(|c: char| c.is_ascii_lowercase())
            || !(ORG_KIND_PLURALS.contains(&w) || w.strip_suffix('s').is_some_and(is_trade_noun))
        {
            continue;
        }
        let mut k = i + 1;
        if matches!(doc.s(k), "," | ":") {
            k += 1;
        }
        match doc.s(k) {
            "including" | "like" | "namely" => k += 1,
            "such" if doc.s(k + 1) == "as" => k += 2,
            _ => {}
        }
        let items = list_items(doc, i, k, 4);
        if items.len() < 2 {
            continue;
        }
        for (a, b) in items {
            let text = doc.text_of(a, b);
            let said =
                words_said(cands, a, b, |c| c.kind == Some(EntityKind::Organization) && c.evidence == Evidence::Strong);
            let country = doc.gaz.lookup(text).is_some_and(|p| p.subtype != Subtype::City);
            if said || country || (b - a >= 2 && is_given_name(doc.s(a))) || (a..b).any(|t| never_a_name(doc.s(t))) {
                continue;
            }
            take_span(cands, unknown, org_cand(doc, a, b, text.to_string()));
        }
    }
}

/// Names nobody classed that the company they keep makes firms: joined by "and" or "or" to a body's
/// name of up to four words ("Suncorp and Allianz both declined", "Allianz or Aviva"), or advising a
/// body on a deal ("Goldman Sachs advised Trellium"). Not a name opening with a given name, nor a place.
fn firms_by_company_kept(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    if unknown.is_empty() {
        return;
    }
    let org_at = |x: usize, start: bool| {
        cands.iter().any(|c| {
            c.kind == Some(EntityKind::Organization)
                && c.toks.1 - c.toks.0 <= 4
                // A name written as a firm's, not an acronym ("Bond and PIBOR futures").
                && doc.text_of(c.toks.0, c.toks.1).chars().any(char::is_lowercase)
                && if start { c.toks.0 == x } else { c.toks.1 == x }
        })
    };
    let mut found = Vec::new();
    for &(a, b) in unknown.iter() {
        if b - a > 3
            || is_given_name(doc.s(a))
            || doc.gaz.lookup(doc.text_of(a, b)).is_some()
            || (a..b).any(|i| doc.common(i) || never_a_name(doc.s(i)) || is_direction(doc.s(i)))
            || doc.gaz.is_demonym(doc.s(a))
        {
            continue;
        }
        let joined = |x: usize| matches!(doc.s(x), "and" | "or") && doc.same_para(a, x);
        // Not names listed where things happen ("families in Ikorodu and Ajah").
        let located = |x: usize| {
            x >= 1
                && matches!(
                    doc.s(x - 1),
                    "in" | "In" | "at" | "near" | "from" | "across" | "to" | "into" | "around" | "outside" | "between"
                )
        };
        let partner_start = cands.iter().find(|c| c.toks.1 + 1 == a).map_or(a, |c| c.toks.0);
        let where_listed = located(a) || (a >= 2 && joined(a - 1) && located(partner_start));
        let listed = !where_listed
            && (joined(b) && doc.same_para(a, b + 1) && org_at(b + 1, true))
            || (a >= 2 && joined(a - 1) && org_at(a - 1, false));
        let advises = matches!(doc.s(b), "advised" | "advises") && doc.same_para(a, b + 1) && org_at(b + 1, true);
        if listed || advises {
            found.push((a, b));
        }
    }
    for (a, b) in found {
        take_span(cands, unknown, org_cand(doc, a, b, doc.text_of(a, b).to_string()));
    }
}

/// Verbs of a share price's move in a market report: "Hammerson rose 8p to 390".
const PRICE_MOVES: &[&str] = &[
    "rose", "fell", "gained", "lost", "added", "shed", "dropped", "slipped", "eased", "climbed", "jumped",
    "surged", "soared", "slumped", "tumbled", "plunged", "closed", "ended", "finished", "firmed", "rallied",
    "edged", "advanced", "declined", "dipped", "was", "were",
];

/// A name whose share price moves in a market report is a firm's: "Mosenergo closed at $0.958 after
/// $0.966", "Apex Tannery lost 22.72 to 597", "Hammerson was 8p higher at 390". Two figures follow
/// the verb within a few words; an index moves in points and is no firm ("Sensex rose 200 points to
/// 30,100"). A name typed only by context or the tagger, or by nothing, becomes the firm; one with
/// a title, a gazetteer link or a given name opening two words or more stays.
fn firms_by_price_move(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    let figure = |i: usize| doc.s(i).starts_with(|c: char| c.is_ascii_digit());
    let mut found: Vec<(usize, usize)> = Vec::new();
    for v in 1..doc.toks.len() {
        if !doc.is_cap(v - 1) || !PRICE_MOVES.contains(&doc.s(v)) || !doc.same_para(v - 1, v) {
            continue;
        }
        let end = (v + 7).min(doc.toks.len());
        let window = v + 1..end;
        let in_para = |i: &usize| doc.same_para(v, *i);
        if window.clone().filter(in_para).filter(|&i| figure(i)).count() < 2
            || window.clone().filter(in_para).any(|i| matches!(doc.s(i), "points" | "pts" | "percent" | "%" | "index"))
            || !(figure(v + 1) || matches!(doc.s(v + 1), "to" | "at" | "$" | "by" | "up" | "down"))
        {
            continue;
        }
        let mut a = v - 1;
        while a > 0 && v - a < 3 && doc.is_cap(a - 1) && doc.same_para(a - 1, v) {
            a -= 1;
        }
        let lone = v - a == 1;
        if (lone && (is_common_word(doc.s(a)) || doc.plain[a] || is_currency(doc.s(a))))
            || (v - a >= 2 && is_given_name(doc.s(a)))
            // A place's price ("the index in Frankfurt closed up 6.48 at 2,558.84").
            || (a > 0 && doc.same_para(a - 1, a) && is_preposition(doc.s(a - 1)))
            || doc.gaz.lookup(doc.text_of(a, v)).is_some()
        {
            continue;
        }
        // A lone word opening its sentence may be a commodity or an account ("Nickel rose by 500 to
        // 39,200", "Turnover fell to 937 million from 1.2 billion"): the article must capitalise it
        // inside a sentence too.
        let opens = |k: usize| {
            k == 0 || doc.toks[k].sent_start || !doc.same_para(k - 1, k) || doc.s(k - 1).ends_with(['.', '!', '?'])
        };
        if lone && opens(a) && !(0..doc.toks.len()).any(|k| k != a && doc.s(k) == doc.s(a) && !opens(k)) {
            continue;
        }
        found.push((a, v));
    }
    // Asked last: whether a page is about sport takes a pass over it.
    if found.is_empty() || doc.is_sport() {
        return;
    }
    for (a, b) in found {
        let text = doc.text_of(a, b);
        if known_org(text).is_some() {
            continue;
        }
        let keeps = cands.iter().any(|c| {
            c.toks.0 < b
                && a < c.toks.1
                && (c.kind == Some(EntityKind::Organization)
                    || c.title.is_some()
                    || c.geo.is_some()
                    || (c.kind == Some(EntityKind::Person) && c.evidence == Evidence::Strong))
        });
        if !keeps {
            take_span(cands, unknown, org_cand(doc, a, b, text.to_string()));
        }
    }
}

/// After the headline (paragraph `paras` of the article), one or two words in capitals at `i..j`, a dash
/// and a sentence in mixed case: "ASABA - The House ..." (a headline's topic is capitals throughout,
/// "SOCCER - LEAGUE RESULTS").
fn dashed_dateline(doc: &Doc, paras: usize, i: usize, j: usize) -> bool {
    paras > 1
        && j - i <= 2
        && matches!(doc.s(j), "—" | "–" | "-")
        && doc.is_cap(j + 1)
        && (j + 1..j + 4).any(|x| {
            doc.s(x).starts_with(|c: char| c.is_lowercase()) || doc.s(x).chars().skip(1).any(char::is_lowercase)
        })
        && !(i..j).any(|x| sport_word(doc.s(x)).is_some() || is_common_word(doc.s(x)) || never_a_name(doc.s(x)))
}

/// Places by the shape of where news is filed from: a dateline opening one of the first paragraphs in
/// capitals ("MONTPELIER, Vt. —", "MAE SOT, Thailand 1996-08-25", "LAGOS (Reuters) -"), and a town before
/// a US state's abbreviation ("Lees Summit, Mo.", "Creedmoor, N.C."), with the abbreviation itself. What
/// the words already said (a title, an honorific, a body's head word or legal form) stays.
fn filed_places(doc: &Doc, cands: &mut Vec<Cand>, unknown: &mut Vec<(usize, usize)>) {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    // A run of up to four capitalised words ending at `end` (exclusive), in one paragraph.
    let run_before = |end: usize| {
        let mut a = end;
        while a > 0 && end - a < 4 && doc.is_cap(a - 1) && doc.same_para(a - 1, end - 1) && doc.s(a - 1) != "," {
            a -= 1;
        }
        // Not a sentence's opening word: "The San Jose, Calif.-based firm".
        while a + 1 < end && is_common_word(doc.s(a)) {
            a += 1;
        }
        a
    };
    for k in 2..doc.toks.len() {
        let w = doc.s(k);
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) || doc.s(k - 1) != "," {
            continue;
        }
        let Some(state) = us_state_abbreviation(w) else { continue };
        // The abbreviation ends with its full stop: "Miss." after a town, not "Miss Jones".
        if !(w.ends_with('.') || doc.s(k + 1) == ".") || doc.is_cap(k + 1) {
            continue;
        }
        let a = run_before(k - 1);
        if a == k - 1 {
            continue;
        }
        found.push((a, k - 1, doc.text_of(a, k - 1).to_string()));
        found.push((k, k + 1, state.to_string()));
    }
    // Datelines: a paragraph among the first four that opens with a run in capitals.
    let mut paras = 0;
    let mut i = 0;
    while i < doc.toks.len() && paras < 4 {
        if i > 0 && doc.same_para(i - 1, i) {
            i += 1;
            continue;
        }
        paras += 1;
        let mut j = i;
        while j < doc.toks.len()
            && j - i < 4
            && doc.same_para(i, j)
            && doc.is_word(j)
            && doc.s(j).chars().any(char::is_alphabetic)
            && !doc.s(j).chars().any(char::is_lowercase)
        {
            j += 1;
        }
        let next = doc.s(j);
        let closes = matches!(next, "," | "—" | "–" | "-" | "(" | ":")
            || (doc.toks.get(j).is_some_and(|t| t.kind == TokKind::Number && doc.s(j).contains('-')));
        let text = if j > i { doc.text_of(i, j) } else { "" };
        let body = j - i == 1 && is_acronym(text) && doc.gaz.lookup(text).is_none();
        // A town's name in capitals is read as an acronym ("ASABA", "LOKOJA"); one that reads as a word,
        // five letters or more and two in five vowels ("NAFDAC", "NUPENG" do not), before a dash and a
        // sentence is a dateline.
        let worded = body && dashed_dateline(doc, paras, i, j) && {
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let vowels = text.chars().filter(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')).count();
            letters >= 5 && vowels * 5 >= letters * 2
        };
        let body = body && !worded;
        if j > i && closes && !body && known_org(text).is_none() && !(i..j).any(|x| is_org_head(doc.s(x))) {
            // A known place ("LAGOS (Reuters) -"), or an unknown one followed by where it is ("PONTIAC,
            // Mich.", "TAIBE, Israel") or by the agency filing ("MAE SOT (Reuters) -"); not a
            // headline's topic ("CRICKET - ...").
            let agency = next == "(" && doc.is_cap(j + 1) && doc.s(j + 2) == ")";
            // After the headline, a word in capitals, a dash and a sentence in mixed case: "ASABA - The
            // House ..." (a headline's topic is capitals throughout, "SOCCER - LEAGUE RESULTS").
            let dashed = dashed_dateline(doc, paras, i, j);
            let placed = doc.gaz.lookup(text).is_some()
                || agency
                || dashed
                || (next == ","
                    && (us_state_abbreviation(doc.s(j + 1)).is_some()
                        || doc.gaz.lookup(doc.s(j + 1)).is_some_and(|p| {
                            matches!(p.subtype, Subtype::Country | Subtype::State | Subtype::Region)
                        })));
            if placed {
                found.push((i, j, text.to_string()));
            }
        }
        i = j.max(i + 1);
    }
    for (a, b, name) in found {
        let said = words_said(cands, a, b, |c| {
            c.kind == Some(EntityKind::Organization)
                && (c.toks.0..c.toks.1).any(|t| is_org_head(doc.s(t)) || is_legal_form(doc.s(t)))
        });
        if said {
            continue;
        }
        let p = doc.gaz.lookup(&name);
        take_span(cands, unknown, place_cand(doc, a, b, name, p, Evidence::Strong));
    }
}

/// Last words of street names that are also surnames or plain words ("Colne Way", "Marsh Lane"): not
/// place heads by themselves.
const STREET_WORDS: &[&str] = &["Way", "Lane", "Drive", "Close", "Crescent", "Terrace", "Walk", "Parade", "Mews"];

/// A name of two or three words ending in a street word ("Colne Way", "Charles Watts Way") that the
/// rules took for a person (or for anything else on weak evidence) is a street when, somewhere in the article, it stands where a street
/// stands: after "on", "at", "along", "via", "off" or "near"; before "in" and a capitalised name
/// ("Tollbar Way in Hedge End"); or joined by "and" to a name ending in a place head ("Harlestone
/// Road and Mill Lane"). Not when any of its uses has an honorific before it or a speech verb after
/// it: then it is a person after all.
fn street_names(doc: &Doc, cands: &mut [Cand]) {
    let streetish = |c: &Cand| {
        let (a, b) = c.toks;
        (2..=3).contains(&(b - a))
            && STREET_WORDS.contains(&doc.s(b - 1))
            && (c.kind == Some(EntityKind::Person)
                || (c.kind != Some(EntityKind::Place) && c.evidence == Evidence::Weak))
    };
    let names: BTreeSet<String> =
        cands.iter().filter(|c| streetish(c)).map(|c| doc.text_of(c.toks.0, c.toks.1).to_string()).collect();
    for name in names {
        let uses: Vec<(usize, usize)> =
            cands.iter().filter(|c| doc.text_of(c.toks.0, c.toks.1) == name).map(|c| c.toks).collect();
        let person = uses.iter().any(|&(a, b)| {
            (a > 0 && is_honorific(doc.s(a - 1)))
                || is_post_quote_verb(doc.s(b))
                || doc.toks.get(b).is_some_and(|t| t.kind == TokKind::Possessive)
        });
        let street = uses.iter().any(|&(a, b)| {
            let before = if a > 0 { doc.s(a - 1) } else { "" };
            matches!(before, "on" | "at" | "along" | "via" | "off" | "near")
                || (doc.s(b) == "in" && doc.is_cap(b + 1) && doc.same_para(b, b + 1))
                || (before == "and" && a >= 2 && is_place_head(doc.s(a - 2)))
        });
        if person || !street {
            continue;
        }
        for c in cands.iter_mut().filter(|c| doc.text_of(c.toks.0, c.toks.1) == name) {
            let (a, b) = c.toks;
            *c = place_cand(doc, a, b, name.clone(), None, Evidence::Strong);
        }
    }
}

/// On a sports page, a line naming a team and then its players ("Leeds: Walsh, Adeyemi, Corrigan, Fenn
/// (Rees 67), Okafor."): at least four items of one to three capitalised words after the colon,
/// separated by commas, "and" or brackets, with nothing else but minutes. Its items are people, unless
/// an item is a known place or body (a list of clubs or venues is no squad).
fn squad_lines(doc: &Doc, cands: &mut Vec<Cand>) {
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        let p = doc.toks[i].para;
        let mut end = i;
        while end < n && doc.toks[end].para == p {
            end += 1;
        }
        let colon = (i..end).find(|&k| doc.s(k) == ":");
        let items = colon.and_then(|c| squad_items(doc, c + 1, end));
        if let Some(items) = items
            && items.len() >= 4
            && doc.is_sport()
        {
            for (a, b) in items {
                // A person the tagger read weakly ("Devlin (Mulhern 72)") is one by the line.
                if let Some(c) = cands.iter_mut().find(|c| c.toks == (a, b) && c.kind == Some(EntityKind::Person)) {
                    c.evidence = Evidence::Strong;
                    continue;
                }
                cands.retain(|c| c.toks.1 <= a || b <= c.toks.0);
                cands.push(person_cand(doc, a, b, Evidence::Strong));
            }
            if let Some(c) = colon {
                squad_team(doc, cands, i, c);
            }
        }
        i = end;
    }
}

/// The words before a squad line's colon, from `a` to `colon` ("Viktoria Kladno: Marek; Dvorak, ..."),
/// name a team: every use of those words in the article is a club, when they are one to four
/// capitalised words, no common words ("Subs", "Substitutes"), no place the gazetteer knows, and the
/// report names them elsewhere.
fn squad_team(doc: &Doc, cands: &mut [Cand], a: usize, colon: usize) {
    if !(1..=4).contains(&(colon - a)) || !(a..colon).all(|k| doc.is_cap(k) && !is_common_word(doc.s(k))) {
        return;
    }
    let name = doc.text_of(a, colon);
    if doc.gaz.lookup(name).is_some() {
        // "Iowa: Tim Albrecht, Brad Anderson, ...": a list of people by place, or a club named after
        // its town, which the club rules already know.
        return;
    }
    let uses = |c: &Cand| doc.text_of(c.toks.0, c.toks.1) == name;
    if !cands.iter().any(|c| uses(c) && c.toks.0 != a) {
        return;
    }
    for c in cands.iter_mut().filter(|c| uses(c) && c.kind != Some(EntityKind::Organization)) {
        let (x, y) = c.toks;
        *c = org_cand(doc, x, y, name.to_string());
    }
}

/// The names of a squad line's list from token `a` to the paragraph end `end`, or None when anything
/// else is in it. A one-word item the gazetteer or the lexicon knows ("Pereira", "Kolar") is a
/// surname shared with a town when it stands among at least five other names it does not know and
/// has no score after it; a list where more than one item in six is known (venues, clubs) is no squad.
fn squad_items(doc: &Doc, a: usize, end: usize) -> Option<Vec<(usize, usize)>> {
    let mut items = Vec::new();
    let mut known = 0;
    let mut k = a;
    while k < end {
        let s = doc.s(k);
        if matches!(s, "," | "and" | "(" | ")" | "." | ";") || doc.toks[k].kind == TokKind::Number {
            k += 1;
            continue;
        }
        let start = k;
        while k < end && doc.is_cap(k) && k - start < 4 {
            k += 1;
        }
        let (x, y) = (start, k);
        let minute = y < end && doc.toks[y].kind == TokKind::Number;
        if y == x || y - x > 3 || !(minute || matches!(doc.s(y), "," | "and" | "(" | ")" | "." | ";" | "")) {
            return None;
        }
        let text = doc.text_of(x, y);
        if (x..y).any(|t| is_org_head(doc.s(t))) {
            return None;
        }
        if doc.gaz.lookup(text).is_some() || known_org(text).is_some() {
            // A known name with a number after it outside brackets is a team and its score.
            if y - x > 1 || (minute && !(x > 0 && doc.s(x - 1) == "(")) {
                return None;
            }
            known += 1;
        }
        items.push((x, y));
    }
    (known == 0 || known * 6 <= items.len()).then_some(items)
}

/// Words that end the names of football clubs and are also words for a place ("Ipswich Town",
/// "Stoke City", "Derby County").
const CLUB_PLACE_WORDS: &[&str] = &["Town", "City", "County"];

/// On a sports page, "X Town" that the gazetteer does not know is a club, and the bare "Town"
/// (or "City", "County") inside a sentence is that club when the page names only one such.
fn town_clubs(doc: &Doc, cands: &mut [Cand]) {
    let club_like = |c: &Cand| {
        let (a, b) = c.toks;
        b - a >= 2
            && CLUB_PLACE_WORDS.contains(&doc.s(b - 1))
            && c.geo.is_none()
            && doc.gaz.lookup(doc.text_of(a, b)).is_none()
            && !(a > 0 && matches!(doc.s(a - 1), "in" | "at" | "near" | "from" | "to" | "into"))
    };
    if !cands.iter().any(|c| club_like(c) && c.kind != Some(EntityKind::Organization)) || !doc.is_sport() {
        return;
    }
    for c in cands.iter_mut().filter(|c| club_like(c)) {
        let (a, b) = c.toks;
        *c = org_cand(doc, a, b, doc.text_of(a, b).to_string());
    }
    for word in CLUB_PLACE_WORDS {
        let clubs: BTreeSet<&str> = cands
            .iter()
            .filter(|c| {
                c.kind == Some(EntityKind::Organization) && doc.s(c.toks.1 - 1) == *word && c.toks.1 - c.toks.0 >= 2
            })
            .map(|c| c.name.as_str())
            .collect();
        let [club] = clubs.into_iter().collect::<Vec<_>>()[..] else { continue };
        let club = club.to_string();
        for c in cands.iter_mut() {
            let (a, b) = c.toks;
            if b - a == 1 && doc.s(a) == *word && !doc.toks[a].sent_start {
                let mut o = org_cand(doc, a, b, club.clone());
                o.extra_surface = Some(word.to_string());
                *c = o;
            }
        }
    }
}

/// Heads of public bodies that take the name of the place they serve ("Loughborough University",
/// "Kirklees Council", "Ealing Hospital"): the word before them is that place, not the body's short
/// name. Clubs ("Harrogate Town") are not among them.
fn is_place_named_head(w: &str) -> bool {
    matches!(
        w,
        "University"
            | "College"
            | "Council"
            | "Police"
            | "Constabulary"
            | "Hospital"
            | "Hospitals"
            | "School"
            | "Academy"
            | "Airport"
            | "Cathedral"
            | "Library"
            | "Museum"
            | "Borough"
            | "County"
            | "Chamber"
    )
}

/// One name, one kind through a document: a lone word read as a place only by its context or the
/// tagger (no gazetteer entry) is the organisation the article names elsewhere by that word
/// ("Acme Systems reported ..." / "Acme, a software maker" ... "shares in Acme fell", "in Acme").
/// Last words of a firm's name that a short form drops ("Harcourt Mercantile" for "Harcourt
/// Mercantile Bank"); not the heads of bodies often named after a person ("Alan Turing Institute").
const FIRM_KIND_LAST: &[&str] =
    &["Bank", "Group", "Holdings", "Company", "Corporation", "Insurance", "Airlines", "Airways", "Motors", "Industries"];

fn orgs_stay_orgs(doc: &Doc, cands: &mut Vec<Cand>, unknown: &[(usize, usize)]) {
    // Word -> (the organisation's name, whether its own words say it is a firm or body).
    let mut orgs: HashMap<&str, (String, bool)> = HashMap::default();
    for c in cands.iter().filter(|c| c.kind == Some(EntityKind::Organization) && c.evidence == Evidence::Strong) {
        let (a, b) = c.toks;
        // The words after the first say it is a firm or body ("Magna International Inc", "Mercantile
        // Bancorp Inc.", "Kesari Steel"), not only that it is named after someone or somewhere.
        let firm_rest = |from: usize| (from..b).any(|i| is_legal_form(doc.s(i)) || is_sector_head(doc.s(i)));
        if b - a == 1 {
            // The same word named a body on its own: one name, one kind.
            orgs.insert(doc.s(a), (c.name.clone(), true));
        } else if b - a == 2 || ((3..=4).contains(&(b - a)) && firm_rest(a + 1) && doc.is_cap(a + 1)) {
            // The first word of a firm, when it is a name of its own ("Acme" of "Acme Systems").
            let first = doc.s(a);
            // A given name opens a firm too when the words after it say firm ("Sierra Semiconductor
            // Corp"), not when it may be a founder's ("Morgan Stanley").
            if doc.is_cap(a)
                && !is_common_word(first)
                && (!is_given_name(first) || firm_rest(a + 1))
                && !is_org_head(first)
                && !doc.gaz.is_demonym(first)
                && doc.gaz.lookup(first).is_none()
                && known_org(first).is_none()
                && !is_place_named_head(doc.s(a + 1))
            {
                let e = orgs.entry(first).or_insert_with(|| (c.name.clone(), false));
                e.1 |= firm_rest(a + 1);
            }
        }
    }
    // A firm's name without its legal form, of two words or more ("Brush Wellman" of "Brush Wellman
    // Inc"): read as a person or an unknown place elsewhere, it is that firm.
    let mut stems: HashMap<&str, String> = HashMap::default();
    for c in cands.iter().filter(|c| c.kind == Some(EntityKind::Organization) && c.evidence == Evidence::Strong) {
        let (a, mut e) = c.toks;
        while e > a && (is_legal_form(doc.s(e - 1)) || matches!(doc.s(e - 1), "&" | "," | "and")) {
            e -= 1;
        }
        // Or without the word that says what kind of firm it is ("Harcourt Mercantile" of
        // "Harcourt Mercantile Bank"), when two words or more stay.
        if e == c.toks.1 && e - a >= 3 && FIRM_KIND_LAST.contains(&doc.s(e - 1)) {
            e -= 1;
        }
        // A given name first may be the founder's ("Tom Brennan" of "Tom Brennan Ltd"), unless the
        // stem's own words say firm ("Sierra Semiconductor" of "Sierra Semiconductor Corp").
        let firm_words = (a + 1..e).any(|i| is_sector_head(doc.s(i)) || is_org_head(doc.s(i)));
        if e < c.toks.1 && e - a >= 2 && (!is_given_name(doc.s(a)) || firm_words) {
            stems.insert(doc.text_of(a, e), c.name.clone());
        }
    }
    if !stems.is_empty() {
        for c in cands.iter_mut() {
            let (a, b) = c.toks;
            let retype = match c.kind {
                Some(EntityKind::Person) => c.title.is_none() && c.extra_surface.is_none(),
                Some(EntityKind::Place) => c.geo.is_none(),
                _ => false,
            };
            if retype
                && b - a >= 2
                && let Some(name) = stems.get(doc.text_of(a, b))
            {
                *c = org_cand(doc, a, b, name.clone());
            }
        }
    }
    if orgs.is_empty() {
        return;
    }
    // Words of people named in full: "Ford" after "Harrison Ford" stays his, "Wang" after
    // "Wang Donghai" too (a family name may come first).
    let surnames: rustc_hash::FxHashSet<&str> = cands
        .iter()
        .filter(|c| c.kind == Some(EntityKind::Person) && c.toks.1 - c.toks.0 >= 2)
        .flat_map(|c| [doc.s(c.toks.0), doc.s(c.toks.1 - 1)])
        .collect();
    for c in cands.iter_mut() {
        let (a, b) = c.toks;
        if b - a != 1 {
            continue;
        }
        let Some((name, firm)) = orgs.get(doc.s(a)) else { continue };
        let place = c.kind == Some(EntityKind::Place) && c.geo.is_none();
        // A lone word read as a person by the tagger or its context alone ("Magna was up 1/8"), when
        // the full name says firm (not "Wang" after "Wang Donghai" taken for a body by its context).
        let person = *firm
            && c.kind == Some(EntityKind::Person)
            && c.title.is_none()
            && c.extra_surface.is_none()
            && !surnames.contains(doc.s(a));
        if place || person {
            *c = org_cand(doc, a, b, name.clone());
        }
    }
    // A lone word nothing classed ("grab Mercantile or Commerce"). Tokens the candidates cover are
    // marked once, so a long document costs one pass, not one pass per unclassed word.
    let mut covered: Option<Vec<bool>> = None;
    for &(a, b) in unknown {
        if b - a != 1 {
            continue;
        }
        let Some((name, _)) = orgs.get(doc.s(a)) else { continue };
        let covered = covered.get_or_insert_with(|| {
            let mut v = vec![false; doc.toks.len()];
            for c in cands.iter() {
                v[c.toks.0..c.toks.1].fill(true);
            }
            v
        });
        if !covered[a] {
            covered[a] = true;
            cands.push(org_cand(doc, a, b, name.clone()));
        }
    }
}

fn push_mention(
    entities: &mut [LocalEntity],
    mentions: &mut Vec<Mention>,
    spans: &mut rustc_hash::FxHashSet<Span>,
    e: usize,
    c: &Cand,
    doc: &Doc,
) {
    let ent = &mut entities[e];
    let surface = c.span.slice(doc.text);
    if ent.kind == EntityKind::Person && surface.split_whitespace().count() > ent.name.split_whitespace().count() {
        ent.name = surface.to_string();
    }
    if ent.kind != EntityKind::Person && c.name != ent.name && c.name.len() > ent.name.len() {
        let old = std::mem::replace(&mut ent.name, c.name.clone());
        ent.surfaces.insert(old);
    }
    // Most mentions repeat forms already recorded: a copy is made only for a new one.
    let add = |set: &mut BTreeSet<String>, s: &str| {
        if !set.contains(s) {
            set.insert(s.to_string());
        }
    };
    // A body qualified by its country's possessive ("Ukraine's Defense Ministry") is known by the
    // whole, not by its bare words, which name the same body of other countries.
    let qualified = c.extra_surface.as_ref().is_some_and(|x| x.len() > surface.len() && x.ends_with(surface));
    if !qualified {
        add(&mut ent.surfaces, surface);
    }
    add(&mut ent.surfaces, &c.name);
    if let Some(x) = &c.extra_surface {
        add(&mut ent.surfaces, x);
    }
    if let Some(t) = &c.title {
        add(&mut ent.titles, t);
    }
    if ent.geo.is_none() {
        ent.geo = c.geo.clone();
    }
    if !spans.insert(c.span) {
        return;
    }
    mentions.push(Mention { span: c.span, entity: e });
}

pub(crate) fn new_entity(kind: EntityKind, subtype: Option<Subtype>, name: &str, geo: Option<GeoRef>) -> LocalEntity {
    LocalEntity {
        kind,
        subtype,
        name: name.to_string(),
        surfaces: BTreeSet::new(),
        titles: BTreeSet::new(),
        affiliations: BTreeSet::new(),
        nationalities: BTreeSet::new(),
        geo,
    }
}

/// A key under which two spellings of an organisation or place name are the same
/// ("Russia’s Ministry of Defense" / "Russian Defense Ministry", "Kiev" / "Kyiv").
pub fn org_key(gaz: &Gazetteer, name: &str) -> String {
    if let Some(p) = gaz.lookup(name) {
        return fold(&p.name);
    }
    let mut folded = fold(name);
    // (`replace` copies the string even when the words are absent.)
    for (from, to) in [("defence", "defense"), ("foreign affairs", "foreign")] {
        if folded.contains(from) {
            folded = folded.replace(from, to);
        }
    }
    // A country named inside an organisation's name by any of its names: "U.S. Marine Corps".
    let mut words: Vec<String> = Vec::new();
    let bare = name.strip_prefix("The ").or_else(|| name.strip_prefix("the ")).unwrap_or(name);
    for (w, f) in bare.split_whitespace().zip(folded.split_whitespace()) {
        // (The written form first: a look-up costs more.)
        let abbreviated = w.contains('.') || w.chars().all(|c| c.is_uppercase());
        match abbreviated.then(|| gaz.lookup(w)).flatten().filter(|p| p.subtype == Subtype::Country) {
            Some(p) => words.extend(fold(&p.name).split_whitespace().map(String::from)),
            _ => words.push(f.trim_end_matches('.').to_string()),
        }
    }
    // "ministry of defense" -> "defense ministry"
    if let Some(pos) = words.iter().position(|w| w == "of")
        && pos > 0
        && pos + 1 < words.len()
        && matches!(words[pos - 1].as_str(), "ministry" | "department" | "secretary")
    {
        let head = words[pos - 1].clone();
        let mut v: Vec<String> = words[..pos - 1].to_vec();
        v.extend(words[pos + 1..].iter().cloned());
        v.push(head);
        words = v;
    }
    // Legal forms say nothing about identity: "Acme Inc" is "Acme".
    while words.len() > 1
        && matches!(
            words.last().map(String::as_str),
            Some("inc" | "corp" | "corporation" | "ltd" | "llc" | "plc" | "co" | "ag" | "sa" | "gmbh" | "nv" | "se")
        )
    {
        words.pop();
    }
    // "russia's x" -> "russian x"
    if words.len() >= 2
        && let Some(stem) = words[0].strip_suffix("'s")
        && let Some(dem) = gaz.demonym_of(stem)
    {
        words[0] = fold(dem);
    }
    words.join(" ")
}

/// `known` holds [`org_key`] of names already keyed (most entities keep the name they were found by).
fn merge_qualified_orgs(entities: &mut [LocalEntity], mentions: &mut [Mention], known: &HashMap<&str, String>) {
    let gaz = Gazetteer::get();
    // Only organisations are compared.
    let keys: Vec<std::borrow::Cow<str>> = entities
        .iter()
        .map(|e| match known.get(e.name.as_str()) {
            _ if e.kind != EntityKind::Organization => std::borrow::Cow::Borrowed(""),
            Some(k) => std::borrow::Cow::Borrowed(k.as_str()),
            None => std::borrow::Cow::Owned(org_key(gaz, &e.name)),
        })
        .collect();
    for i in 0..entities.len() {
        if entities[i].kind != EntityKind::Organization || keys[i].split_whitespace().count() < 2 {
            continue;
        }
        let tail = format!(" {}", keys[i]);
        let qualified: Vec<usize> = (0..entities.len())
            .filter(|&j| j != i && entities[j].kind == EntityKind::Organization && keys[j].ends_with(&tail))
            .filter(|&j| gaz.is_demonym(keys[j].split_whitespace().next().unwrap_or("")))
            .collect();
        let count = |e: usize| mentions.iter().filter(|m| m.entity == e).count();
        if let Some(&j) = qualified.iter().max_by_key(|&&j| (count(j), std::cmp::Reverse(j))) {
            let surfaces = std::mem::take(&mut entities[i].surfaces);
            entities[j].surfaces.extend(surfaces);
            for m in mentions.iter_mut().filter(|m| m.entity == i) {
                m.entity = j;
            }
        }
    }
}

/// Matches known names inside headline-style paragraphs and other spots the
/// capital-letter scan skipped.
fn lookup_pass(doc: &Doc, title_paras: &BTreeSet<usize>, out: &mut Entities) {
    // Only capitalised words of headline-style lines are matched: none, nothing to do.
    let looked_at = |i: usize| doc.is_cap(i) && title_paras.contains(&doc.toks[i].para);
    let Some(first) = (0..doc.toks.len()).find(|&i| looked_at(i)) else { return };
    let mut by_surface: HashMap<String, usize> = HashMap::default();
    let mut mentioned = vec![false; out.entities.len()];
    for m in &out.mentions {
        mentioned[m.entity] = true;
    }
    for (idx, e) in out.entities.iter().enumerate() {
        if !mentioned[idx] {
            continue;
        }
        for s in e.surfaces.iter().chain(std::iter::once(&e.name)) {
            by_surface.entry(fold(s)).or_insert(idx);
        }
        if e.kind == EntityKind::Person {
            by_surface.entry(surname_key(&e.name)).or_insert(idx);
        }
    }
    let mut i = first;
    while i < doc.toks.len() {
        if !looked_at(i) {
            i += 1;
            continue;
        }
        let mut matched = false;
        for len in (1..=4).rev() {
            let b = i + len;
            if b > doc.toks.len()
                || !(i..b).all(|x| doc.is_cap(x) || CONNECTORS.contains(&doc.s(x)))
                || !doc.same_para(i, b - 1)
            {
                continue;
            }
            let s = doc.text_of(i, b);
            let key = fold(s);
            let idx = if let Some(&e) = by_surface.get(&key) {
                Some(e)
            } else if let Some(p) =
                doc.gaz.lookup(s).filter(|p| len > 1 || !is_common_word(s) && p.subtype != Subtype::Feature)
            {
                let e = out.entities.len();
                out.entities.push(new_entity(EntityKind::Place, Some(p.subtype), &p.name, Some(p.geo())));
                by_surface.insert(key, e);
                Some(e)
            } else {
                None
            };
            if let Some(e) = idx {
                let span = doc.span_of(i, b);
                if out.mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                    // Already named here (by the tagger).
                    i = b;
                    matched = true;
                    break;
                }
                out.entities[e].surfaces.insert(s.to_string());
                out.mentions.push(Mention { span, entity: e });
                i = b;
                matched = true;
                break;
            }
        }
        if !matched {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn run(text: &str) -> Vec<(EntityKind, String, Vec<String>)> {
        let toks = tokenize(text);
        let out = extract(text, &toks);
        let mut v: Vec<_> = out
            .entities
            .iter()
            .enumerate()
            .filter(|(i, _)| out.mentions.iter().any(|m| m.entity == *i))
            .map(|(i, e)| {
                let ms =
                    out.mentions.iter().filter(|m| m.entity == i).map(|m| m.span.slice(text).to_string()).collect();
                (e.kind, e.name.clone(), ms)
            })
            .collect();
        v.sort();
        v
    }

    fn names(text: &str, kind: EntityKind) -> Vec<String> {
        run(text).into_iter().filter(|e| e.0 == kind).map(|e| e.1).collect()
    }

    #[test]
    fn a_hill_or_a_common_after_on_is_a_place_but_a_person_named_hill_is_not() {
        let text = "Talks on Tarrow Hill, where the committee meets, ran late. Others protested on Brisley \
                    Common. The senator relied on Laura Hill for advice.";
        let places = names(text, EntityKind::Place);
        assert!(places.contains(&"Tarrow Hill".to_string()), "{:?}", run(text));
        assert!(places.contains(&"Brisley Common".to_string()), "{:?}", run(text));
        assert!(names(text, EntityKind::Person).contains(&"Laura Hill".to_string()), "{:?}", run(text));
    }

    #[test]
    fn degrees_party_designations_and_interjections_are_no_names() {
        let text = "The study was led by Grace Osei, Ph.D., of the university. Sen. Tom Halvorsen (D-N.Y.) and \
                    Rep. Ann Crewe (R-Texas) objected. \"OK, we will see,\" Halvorsen said. The DDoS attack hit \
                    the Norland Bank site.";
        let all = run(text);
        let found: Vec<&str> = all.iter().map(|e| e.1.as_str()).collect();
        for never in ["Ph.D.", "D-N.Y.", "R-Texas", "OK", "DDoS"] {
            assert!(!found.iter().any(|n| n.contains(never)), "{never} in {all:?}");
        }
        // The names beside them are still found.
        for name in ["Grace Osei", "Tom Halvorsen", "Ann Crewe", "Norland Bank"] {
            assert!(found.contains(&name), "{name} missing from {all:?}");
        }
    }

    #[test]
    fn titles_honorifics_and_surnames_join_one_person() {
        let text = "Prime Minister Jane Holloway met Mr. Okafor in Lagos. Later, Ms. Holloway said the talks went well. Holloway left.";
        let people = run(text).into_iter().filter(|e| e.0 == EntityKind::Person).collect::<Vec<_>>();
        assert_eq!(people.len(), 2, "{people:?}");
        let jane = people.iter().find(|p| p.1 == "Jane Holloway").expect("Jane Holloway");
        assert_eq!(jane.2, ["Jane Holloway", "Holloway", "Holloway"]);
        assert!(people.iter().any(|p| p.1 == "Okafor"));
        assert_eq!(names(text, EntityKind::Place), ["Lagos"]);
    }

    #[test]
    fn organisations_by_head_word_and_possessive_country() {
        let text = "The central bank and Brazil’s Finance Ministry disagreed, while the Bank of Canada and the World Wildlife Fund waited. Later the Finance Ministry spoke.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Brazilian Finance Ministry".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"Bank of Canada".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"World Wildlife Fund".to_string()), "{orgs:?}");
        assert_eq!(orgs.len(), 3, "bare Finance Ministry joins the qualified one: {orgs:?}");
    }

    #[test]
    fn adjectives_are_not_mentions_and_connectors_split() {
        let text = "French and Spanish officials met in Madrid. Portugal and Spain signed.";
        let places = names(text, EntityKind::Place);
        assert_eq!(places, ["Madrid", "Portugal", "Spain"]);
        assert!(names(text, EntityKind::Person).is_empty());
    }

    #[test]
    fn what_a_name_has_or_is_tells_its_kind() {
        let text =
            "A Zentrix spokesperson declined to comment. Shares of Voltera fell. The mayor of Kolbrek was evacuated.";
        assert_eq!(names(text, EntityKind::Organization), ["Voltera", "Zentrix"]);
        assert_eq!(names(text, EntityKind::Place), ["Kolbrek"]);
    }

    #[test]
    fn surname_particles() {
        let text = "European Commission President Ursula von der Leyen met Charles de Gaulle's biographer.";
        assert_eq!(names(text, EntityKind::Person), ["Charles de Gaulle", "Ursula von der Leyen"]);
    }

    #[test]
    fn legal_forms_and_surnames_in_context() {
        let text = "Shares of Nordvik Inc fell. Nordvik said sales slowed. Governor Lena Holt spoke, and a spokeswoman for Holt declined to comment.";
        assert_eq!(names(text, EntityKind::Organization), ["Nordvik Inc"]);
        let r = run(text);
        let holt = r.iter().find(|e| e.1 == "Lena Holt").unwrap();
        assert_eq!(holt.2.len(), 2);
    }

    #[test]
    fn a_lone_word_that_speaks_and_is_never_introduced_is_an_organisation() {
        let text =
            "Drug approvals slowed this year. Vireon said its trial would end in May. Mayor Ana Lenz said nothing.";
        assert_eq!(names(text, EntityKind::Organization), ["Vireon"]);
        assert_eq!(names(text, EntityKind::Person), ["Ana Lenz"]);
    }

    #[test]
    fn a_shared_surname_goes_to_the_person_named_last() {
        let text = "Ana Silva met her brother Rui Silva. Rui Silva spoke first. Then Mr. Silva left.";
        let r = run(text);
        let rui = r.iter().find(|e| e.1 == "Rui Silva").unwrap();
        assert_eq!(rui.2, ["Rui Silva", "Rui Silva", "Silva"]);
        // An honorific overrides recency when the given names tell the sexes apart.
        let text = "Ana Silva met her brother Rui Silva. Rui Silva spoke first. Then Ms. Silva left.";
        let r = run(text);
        let ana = r.iter().find(|e| e.1 == "Ana Silva").unwrap();
        assert_eq!(ana.2, ["Ana Silva", "Silva"]);
    }

    #[test]
    fn a_town_that_plays_is_its_club_through_a_sports_page() {
        let kind = |text: &str, name: &str| run(text).into_iter().find(|e| e.1 == name).map(|e| e.0);
        let text = "Late goal sends Bristol top\n\nBristol beat Swansea 2-1 in the league on Saturday. \
                    Swansea manager Tom Hale said the referee had a fine match. Fans in Bristol cheered the goal \
                    and the victory over a club from Wales.";
        assert_eq!(kind(text, "Swansea"), Some(EntityKind::Organization));
        assert_eq!(kind(text, "Bristol"), Some(EntityKind::Organization));
        // A nation plays as its national side, a place by convention; a town only visited stays a place.
        let text = "Wales beat Italy\n\nWales beat Italy in the championship match in Cardiff, where the coach \
                    praised the goal. Fans travelled from Swansea.";
        assert_eq!(kind(text, "Wales"), Some(EntityKind::Place));
        assert_eq!(kind(text, "Swansea"), Some(EntityKind::Place));
        // Not on a sports page: the Leeds that beat a target is the city.
        let text = "Leeds council\n\nLeeds beat its recycling target this year, the council said.";
        assert_eq!(kind(text, "Leeds"), Some(EntityKind::Place));
    }

    #[test]
    fn a_word_read_as_a_place_by_context_alone_is_the_firm_named_by_it() {
        let text = "Kestrel Systems reported higher sales on Monday. Shares in Kestrel rose 8 per cent. \
                    Brightwave, a software maker, said demand was weak; analysts in Brightwave's home market agreed. \
                    Orders rose in Brightwave too.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Kestrel Systems".to_string()), "{orgs:?}");
        assert!(names(text, EntityKind::Place).is_empty(), "{:?}", run(text));
        // A gazetteer place stays a place beside a firm named after it.
        let text = "Leeds Building Society said profits rose. Branches in Leeds will stay open.";
        assert_eq!(names(text, EntityKind::Place), vec!["Leeds".to_string()]);
    }

    #[test]
    fn shares_in_a_firm_and_the_town_after_an_age() {
        let text = "Shares in Corvane fell on Monday, a trader said. Deborah Marsh, 52, of Kettleby, was fined.";
        assert_eq!(names(text, EntityKind::Organization), vec!["Corvane".to_string()]);
        assert_eq!(names(text, EntityKind::Place), vec!["Kettleby".to_string()]);
        // "of" after an age and a comma only: "the owner of Corvane" is no place.
        let text = "Deborah Marsh, the owner of Corvane, said the shop would close.";
        assert!(names(text, EntityKind::Place).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn firms_by_what_people_and_things_do_with_them() {
        let text = "Ravi Kulkarni previously worked at Corvane. The scanner was supplied by Medivex, the trust said.";
        assert_eq!(names(text, EntityKind::Organization), vec!["Corvane".to_string(), "Medivex".to_string()]);
        // Written by a person, led by a person: no firm.
        let text = "The report was written by Ann Lee. The team was led by Okafor.";
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn towns_are_clubs_only_on_sports_pages() {
        let kind = |text: &str, name: &str| run(text).into_iter().find(|e| e.1 == name).map(|e| e.0);
        let text = "Rail strike\n\nLEEDS — Services between Leeds, Manchester and Newcastle will run as normal, \
                    the operator said on Monday.";
        assert_eq!(kind(text, "Newcastle"), Some(EntityKind::Place));
        assert_eq!(kind(text, "LEEDS"), Some(EntityKind::Place));
        let text = "SOCCER - LATE GOALS\n\nLONDON 1996-08-30\n\nResults of English league matches on Saturday:\n\n\
                    Leeds 2 Newcastle 1\n\nChelsea 0 Everton 0";
        assert_eq!(kind(text, "Newcastle"), Some(EntityKind::Organization));
    }

    #[test]
    fn datelines_in_capitals_keep_their_whole_name() {
        let text = "NEW DELHI — Talks resumed in New Delhi on Monday.";
        let r = run(text);
        let p: Vec<_> = r.iter().filter(|e| e.0 == EntityKind::Place).collect();
        assert_eq!(p.len(), 1, "{r:?}");
        assert_eq!(p[0].2, ["NEW DELHI", "New Delhi"]);
    }

    #[test]
    fn context_makes_people_and_places() {
        let text = "“It is over,” said Tomasz Wielicki, 44, a baker who lives in Wroclawek. Analysts agreed with banker Ines Ferreira.";
        let people = names(text, EntityKind::Person);
        assert!(people.contains(&"Tomasz Wielicki".to_string()), "{people:?}");
        assert!(people.contains(&"Ines Ferreira".to_string()), "{people:?}");
        assert!(names(text, EntityKind::Place).contains(&"Wroclawek".to_string()));
    }

    #[test]
    fn names_of_firms_after_an_employee_are_organisations() {
        let text = "“Sales held up,” said Dana Ruiz, an economist at Goldman Sachs. Analysts at Morgan Stanley agreed.";
        let orgs = names(text, EntityKind::Organization);
        assert_eq!(orgs, ["Goldman Sachs", "Morgan Stanley"]);
        assert_eq!(names(text, EntityKind::Person), ["Dana Ruiz"]);
    }

    #[test]
    fn surname_evidence_spreads_to_the_full_name() {
        let text = "Tariq Belhadj scored late on. Belhadj told reporters he was tired.";
        assert_eq!(names(text, EntityKind::Person), ["Tariq Belhadj"]);
    }

    #[test]
    fn any_capitalised_words_may_precede_a_title() {
        let text = "U.S. District Judge Alma Reyes ruled on Monday. Fed Chair Tom Okafor agreed. \
                    Economist Lea Brun disagreed, and FEMA Administrator Deb Cole said so.";
        assert_eq!(names(text, EntityKind::Person), ["Alma Reyes", "Deb Cole", "Lea Brun", "Tom Okafor"]);
    }

    #[test]
    fn headline_style_lines_only_match_known_names() {
        let text = "Storm Hits Lisbon As Mayor Waits\n\nMayor Carla Duarte said Lisbon was ready. Duarte stayed.";
        let r = run(text);
        let lisbon = r.iter().find(|e| e.1 == "Lisbon").unwrap();
        assert_eq!(lisbon.2.len(), 2);
        assert!(!r.iter().any(|e| e.1.contains("Storm")));
    }

    #[test]
    fn the_tagger_finds_people_in_a_results_table() {
        let text = "Leading results in the downhill on Saturday:\n\n1. Ilse Vandermeer (Netherlands) 1:41.45\n\n\
                    2. Dorota Kovalska (Poland) 1:42.10\n\n3. Anke Brenneke (Germany) 1:42.33";
        let r = run(text);
        let people = names(text, EntityKind::Person);
        for p in ["Ilse Vandermeer", "Dorota Kovalska", "Anke Brenneke"] {
            assert!(people.contains(&p.to_string()), "{p}: {r:?}");
        }
        assert_eq!(names(text, EntityKind::Place), ["Germany", "Netherlands", "Poland"]);
    }

    #[test]
    fn a_results_line_whose_country_opens_with_a_common_word_is_still_a_list() {
        // "New" is a common word: the line is still a results line, not a title-case headline.
        let text = "Leading results in the sprint on Saturday:\n\n8. Ilse Vandermeer (Netherlands) 36.491\n\n\
                    9. Dorota Kovalska (New Zealand) 36.831\n\n10. Anke Brenneke (Germany) 37.002";
        let people = names(text, EntityKind::Person);
        assert!(people.contains(&"Dorota Kovalska".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_company_by_its_apposition_or_by_said_it() {
        let text = "Kelvane, a Leeds-based software maker, cut 200 jobs. Kelvane now employs 900 people.";
        assert_eq!(names(text, EntityKind::Organization), ["Kelvane"]);
        let r = run(text);
        let k = r.iter().find(|e| e.1 == "Kelvane").unwrap();
        assert_eq!(k.0, EntityKind::Organization, "{r:?}");
        let text = "Prices rose in March. Varnowick said it would raise wages.";
        assert_eq!(names(text, EntityKind::Organization), ["Varnowick"], "{:?}", run(text));
        // A person named as one stays one; a person's apposition names a role.
        let text = "Prices rose in March. Ana Lenz said it would take time.";
        assert_eq!(names(text, EntityKind::Person), ["Ana Lenz"]);
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
        let text = "Ana Lenz, a software developer in Leeds, said the rules were unclear.";
        assert_eq!(names(text, EntityKind::Person), ["Ana Lenz"]);
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn firms_by_what_they_make_their_legal_form_and_an_ampersand() {
        let text = "Next week Ostrava Electric Power and Tarlow Cement are likely to borrow. Brenner SpA \
                    fell, while Halden & Marsh Co rose. David Steel, a former minister, said nothing.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Ostrava Electric Power", "Tarlow Cement", "Brenner SpA", "Halden & Marsh Co"] {
            assert!(orgs.contains(&o.to_string()), "{o} not in {orgs:?}");
        }
        assert!(names(text, EntityKind::Person).contains(&"David Steel".to_string()));
    }

    #[test]
    fn a_firm_named_in_full_keeps_its_short_name() {
        let text = "The seat maker agreed to be bought by Varnholt International Inc for $31 a share. \
                    Varnholt was up 1/8 on the exchange, and analysts said Varnholt had paid a fair price.";
        let out = run(text);
        let firm = out.iter().find(|(k, n, _)| *k == EntityKind::Organization && n.starts_with("Varnholt"));
        let firm = firm.unwrap_or_else(|| panic!("{out:?}"));
        assert_eq!(firm.2.iter().filter(|m| *m == "Varnholt").count(), 2, "{out:?}");
        assert!(!out.iter().any(|(k, n, _)| *k != EntityKind::Organization && n == "Varnholt"), "{out:?}");
    }

    #[test]
    fn a_kind_of_organisation_before_or_after_names_it() {
        let text = "Lentano was loaned to serie A club Vercella for a year. The move was first reported \
                    by Britain's Dawnlight newspaper. He beat Jamaican rival Merlene Ottey, and the north \
                    London club sacked its coach.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Vercella", "Dawnlight"] {
            assert!(orgs.contains(&o.to_string()), "{o} not in {orgs:?}");
        }
        assert!(names(text, EntityKind::Person).contains(&"Merlene Ottey".to_string()));
        assert!(names(text, EntityKind::Place).contains(&"London".to_string()));
    }

    #[test]
    fn teams_by_town_and_nickname_and_bodies_named_after_a_country() {
        let text = "The Houston Astros beat the Kano Pillars, and Air France flew the squad home, \
                    Statistics Canada said. The Paris Olympics open in July.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Houston Astros", "Kano Pillars", "Air France", "Statistics Canada"] {
            assert!(orgs.contains(&o.to_string()), "{o} not in {orgs:?}");
        }
        assert!(!orgs.iter().any(|o| o.contains("Olympics")), "{orgs:?}");
    }

    #[test]
    fn a_plain_word_and_a_body_is_one_name() {
        let text = "The Fisheries and Coastal Protection Authority fined KeyCorp and Halden Trust Corp on Monday.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Fisheries and Coastal Protection Authority".to_string()), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o.starts_with("KeyCorp and")), "{orgs:?}");
    }

    #[test]
    fn two_firms_joined_by_and_stay_two() {
        let text = "Harlow Bank and Pennant Trust were each fined on Monday, the regulator said.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Harlow Bank".to_string()) && orgs.contains(&"Pennant Trust".to_string()), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o.contains(" and ")), "{orgs:?}");
    }

    #[test]
    fn a_club_named_after_a_city_in_a_results_line_is_an_organisation() {
        let text = "Results of English league matches on Saturday:\n\nLeeds 2 Sheffield 1\n\nBristol 0 Portsmouth 3";
        let orgs = names(text, EntityKind::Organization);
        for club in ["Leeds", "Sheffield", "Bristol", "Portsmouth"] {
            assert!(orgs.contains(&club.to_string()), "{club}: {:?}", run(text));
        }
        // The same city in running text stays a place.
        let places = names("Flooding closed two roads in Leeds on Tuesday, police said.", EntityKind::Place);
        assert_eq!(places, ["Leeds"]);
    }

    #[test]
    fn the_tagger_does_not_name_a_sport_in_a_headline() {
        let text = "TENNIS - VARGOSA WINS IN THREE SETS.\n\nMADRID 1996-05-02\n\nElena Vargosa won on Thursday.";
        let r = run(text);
        assert!(!r.iter().any(|e| e.1 == "TENNIS"), "{r:?}");
        assert!(names(text, EntityKind::Person).contains(&"Elena Vargosa".to_string()), "{r:?}");
    }

    #[test]
    fn a_place_name_that_is_the_surname_of_someone_named_in_full_is_that_person() {
        let text = "The seventh seed, Dana Washington, lost in four sets on Tuesday.\n\n\
                    Washington, who beat the champion last year, said she was tired. She flies home to Washington on Friday.";
        let r = run(text);
        let dana = r.iter().find(|e| e.1 == "Dana Washington").expect("person");
        assert_eq!(dana.2, ["Dana Washington", "Washington"], "{r:?}");
        // The city after "flies home to" stays a place.
        assert_eq!(names(text, EntityKind::Place), ["Washington"], "{r:?}");
    }

    #[test]
    fn a_known_place_does_not_keep_a_leading_article() {
        let text = "The United States and Canada signed the deal. NEW DELHI hosted the talks.";
        let r = run(text);
        let us = r.iter().find(|e| e.1 == "United States").expect("United States");
        assert_eq!(us.2, ["United States"], "{r:?}");
        assert!(r.iter().any(|e| e.2 == ["NEW DELHI"]), "{r:?}");
    }

    #[test]
    fn compound_ranks_and_desk_titles_are_no_names() {
        // "Detective Constable" is a rank; "Sports Reporter" in a byline is a desk, not a person.
        let text = "By Sarah Pemberton, Sports Reporter\n\nDetective Constable Amy Rowe said the case was closed. \
                    Police Constable Tom Hill agreed.";
        let people = names(text, EntityKind::Person);
        assert!(people.contains(&"Amy Rowe".to_string()), "{people:?}");
        assert!(people.contains(&"Tom Hill".to_string()), "{people:?}");
        assert!(!people.iter().any(|p| p.contains("Reporter") || p.contains("Constable")), "{people:?}");
        // Still a name: a surname that is also a rank word, after a given name.
        let text = "The painter John Constable was born in Suffolk.";
        assert!(names(text, EntityKind::Person).contains(&"John Constable".to_string()));
    }

    #[test]
    fn a_desk_title_in_a_byline_is_no_person() {
        let text = "Council approves new homes\n\nBy Jo Pemberton, Political Correspondent\n\nThe council met.";
        let people = names(text, EntityKind::Person);
        assert!(!people.iter().any(|p| p.contains("Correspondent")), "{people:?}");
        // A surname that is a role noun after a given name stays a person.
        let text = "The award went to Michael Driver, a teacher from Leeds.";
        assert!(names(text, EntityKind::Person).contains(&"Michael Driver".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_body_acronym_before_a_country_is_an_organisation() {
        let text = "In a statement, NHS England said plans were in place. Staff at Leeds General Infirmary agreed.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"NHS England".to_string()), "{:?}", run(text));
        assert!(orgs.contains(&"Leeds General Infirmary".to_string()), "{:?}", run(text));
        // Does not fire: a qualified place without an acronym stays a place.
        let text = "The war began when Nazi Germany invaded Poland.";
        assert!(names(text, EntityKind::Place).contains(&"Nazi Germany".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_post_is_no_organisation_but_the_body_it_is_in_is() {
        let text = "Bismarck Rewane, the Managing Director of Financial Derivatives Company, spoke. In a statement \
                    signed by its National Publicity Secretary, Debo Ologunagba, the party disagreed. The Chairman of \
                    the Oshodi Local Government, Kehinde Bello, agreed.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Financial Derivatives Company".to_string()), "{:?}", run(text));
        assert!(orgs.contains(&"Oshodi Local Government".to_string()), "{:?}", run(text));
        assert!(
            !orgs.iter().any(|o| o.contains("Director") || o.contains("Publicity") || o.contains("Chairman")),
            "{orgs:?}"
        );
        // Does not fire: a title of office without a body keeps its person ("Secretary of State X").
        let text = "Secretary of State Antony Blinken flew to Kyiv.";
        assert!(names(text, EntityKind::Person).contains(&"Antony Blinken".to_string()), "{:?}", run(text));
    }

    #[test]
    fn laws_are_no_people_or_organisations() {
        let text = "President Bola Adeyemi signed the N54.99 trillion 2025 Appropriation Bill into law. The Electoral \
                    Act was also amended. Bill Gates did not comment.";
        let r = run(text);
        assert!(
            !r.iter().any(|e| e.1.contains("Appropriation") || e.1 == "Bill" || e.1.contains("Electoral")),
            "{r:?}"
        );
        assert!(names(text, EntityKind::Person).contains(&"Bill Gates".to_string()), "{r:?}");
    }

    #[test]
    fn a_town_club_on_a_sports_page_is_an_organisation() {
        let text = "Kelvedon Town beat leaders Harwick Rovers 2-1 at Brook Lane on Saturday, with a goal in the \
                    89th minute. Rovers had led through a penalty, but Town levelled after the break. Kelvedon Town \
                    manager Gareth Pryce praised the fans. The league table has Town in fifth place.";
        let r = run(text);
        assert!(names(text, EntityKind::Organization).contains(&"Kelvedon Town".to_string()), "{r:?}");
        assert!(!r.iter().any(|e| e.1 == "Town"), "{r:?}");
        // Does not fire off the sports page.
        let text = "Kelvedon Town council approved the plan for the high street on Tuesday.";
        assert!(!names(text, EntityKind::Organization).contains(&"Kelvedon Town".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_body_opened_by_its_head_and_of_goes_on_through_for() {
        let text = "The Board of Control for Cricket in India named the squad on Monday.";
        assert!(
            names(text, EntityKind::Organization).contains(&"Board of Control for Cricket in India".to_string()),
            "{:?}",
            run(text)
        );
        // Does not fire: "for" after a name without a head and "of" is no part of it.
        let text = "Ravi Menon played for Mumbai Indians in the final.";
        assert!(!run(text).iter().any(|e| e.1.contains(" for ")), "{:?}", run(text));
    }

    #[test]
    fn a_headline_noun_is_no_island() {
        // Fires: "Man jailed for fraud" opens with a common noun.
        let text = "Man jailed for fraud that cost pensioners money\n\nA financial adviser was jailed.";
        assert!(names(text, EntityKind::Place).is_empty(), "{:?}", run(text));
        // Does not fire: the Isle of Man is a place.
        let text = "The company moved its office to the Isle of Man last year.";
        assert!(names(text, EntityKind::Place).iter().any(|p| p.contains("Man")), "{:?}", run(text));
    }

    /// The stop list is of capitals, asked in any case.
    #[test]
    fn stop_acronyms_in_any_case() {
        assert!(ACRONYM_STOP.iter().all(|w| w.bytes().all(|b| b.is_ascii_uppercase())));
        for w in ["CEO", "Ceo", "ceo", "EBITDA", "Ai", "LLMs"] {
            assert!(is_stop_acronym(w), "{w}");
        }
        for w in ["CEOX", "C.E.O", "NATO", "Ceó", "", "EBITDAS"] {
            assert!(!is_stop_acronym(w), "{w}");
        }
    }

    #[test]
    fn common_product_acronyms_are_no_organisations() {
        let text = "Sundaram Motors reported strong SUV demand and plans to sell more EVs and LPG cars.";
        let orgs = names(text, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o == "SUV" || o == "LPG"), "{orgs:?}");
        assert!(orgs.contains(&"Sundaram Motors".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_word_capitalised_only_where_a_sentence_opens_is_no_name() {
        // Fires: "Traders" opens a sentence and the article writes "traders" in lower case.
        let text = "Traders said the market would recover. Several traders in Lagos were less sure, said Ada Eze.";
        let all = run(text);
        assert!(all.iter().all(|e| e.1 != "Traders"), "{all:?}");
        let toks = tokenize(text);
        let words = super::super::text::token_texts(text, &toks);
        let doc = Doc::with_words(text, &toks, &words);
        assert!(doc.plain[0]);
        // Does not fire: the word is capitalised inside a sentence too (a surname), or never in lower case.
        for text in
            ["Brown said the brown envelope was empty. Police later spoke to Brown.", "Barclays said profit fell."]
        {
            let toks = tokenize(text);
            let words = super::super::text::token_texts(text, &toks);
            let doc = Doc::with_words(text, &toks, &words);
            assert!(!doc.plain[0], "{text}");
        }
    }

    #[test]
    fn an_acronym_spelled_by_lower_case_words_is_no_body() {
        // Fires: "the loan-to-value ratio (LTVR)" is a measure, here and at its later use.
        let text = "The lender raised its loan-to-value ratio (LTVR) limit. The LTVR change starts in May.";
        let orgs = names(text, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o == "LTVR"), "{orgs:?}");
        // Does not fire: a capitalised name before the brackets, or words that spell something else.
        let text = "The Kestrel Valley Authority (KVA) met on Monday. The KVA said it would act.";
        let all = run(text);
        assert!(all.iter().any(|e| e.0 == EntityKind::Organization && e.2.iter().any(|m| m == "KVA")), "{all:?}");
    }

    #[test]
    fn a_wire_slug_before_a_headline_is_no_body() {
        // Fires: "UPDATE 2-" and "RPT-" are the wire's marks.
        for text in ["UPDATE 2-Acme Foods cuts forecast as sales fall", "RPT-Acme Foods cuts forecast as sales fall"] {
            let orgs = names(text, EntityKind::Organization);
            assert!(!orgs.iter().any(|o| o == "UPDATE" || o == "RPT"), "{orgs:?}");
        }
        // Does not fire: an unknown acronym still names a body.
        let orgs = names("UPDF soldiers crossed the border, the army said.", EntityKind::Organization);
        assert!(orgs.iter().any(|o| o == "UPDF"), "{orgs:?}");
    }

    #[test]
    fn a_results_line_with_a_dashed_score_names_two_teams() {
        // Fires: "Tarnby Hawks 30-6 Corlan Vipers" on a sports page.
        let text = "The home side won the league match. Results\nTarnby Hawks 30-6 Corlan Vipers\nMerrow Bulls 22-20 \
                    Kelby Rams\nThe coach said the players had scored four tries.";
        let orgs = names(text, EntityKind::Organization);
        for team in ["Tarnby Hawks", "Corlan Vipers", "Merrow Bulls", "Kelby Rams"] {
            assert!(orgs.iter().any(|o| o == team), "{team} {orgs:?}");
        }
        // Does not fire: a line with a date range between two names is no result.
        let text = "The match was played. Results\nJo Bell 1990-2001 Ann Lee\nThe coach said the players scored.";
        let orgs = names(text, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o == "Jo Bell"), "{orgs:?}");
    }

    #[test]
    fn opposition_after_the_describes_the_party_after_it() {
        // Fires: "the Opposition KPP" is the KPP.
        let orgs = names("On Tuesday the Opposition KPP and its allies walked out.", EntityKind::Organization);
        assert!(orgs.iter().any(|o| o == "KPP"), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o.contains("Opposition")), "{orgs:?}");
        // Does not fire: a body's name ending in its head word ("the Opposition Alliance").
        let orgs = names("On Tuesday the Opposition Alliance and its members walked out.", EntityKind::Organization);
        assert!(orgs.iter().any(|o| o == "Opposition Alliance"), "{orgs:?}");
    }

    #[test]
    fn names_listed_before_a_place_noun_are_places() {
        // Fires: the list before "districts" and "local government areas".
        let places = names("Farmers in Tarvu, Ombeda and Kesh districts were paid late.", EntityKind::Place);
        for p in ["Tarvu", "Ombeda", "Kesh"] {
            assert!(places.iter().any(|x| x == p), "{p} {places:?}");
        }
        let places = names("Floods hit Ilevo and Odema local government areas, the agency said.", EntityKind::Place);
        assert!(places.iter().any(|x| x == "Ilevo") && places.iter().any(|x| x == "Odema"), "{places:?}");
        // Does not fire: adjectives of direction or nationality ("the Central and Eastern districts").
        let places = names("Units from the Central and Eastern districts stayed, Jo Bell said.", EntityKind::Place);
        assert!(!places.iter().any(|x| x == "Eastern"), "{places:?}");
        let places = names("Jo Bell said the Norwegian and Russian communities met.", EntityKind::Place);
        assert!(!places.iter().any(|x| x == "Norwegian" || x == "Russian"), "{places:?}");
        // Does not fire: one name alone before the noun, or no list ("Acme said districts ...").
        let places = names("Tarvu Kesh districts were paid late, said Jo Bell.", EntityKind::Place);
        assert!(!places.iter().any(|x| x == "Tarvu Kesh"), "{places:?}");
    }

    #[test]
    fn a_body_named_by_what_it_is_for_stays_whole() {
        // Fires: "Transport for Kelby", "Campaign for Cleaner Rivers".
        let text = "The stop is run by Transport for Greater Kelby, the council said. Campaign for Cleaner Rivers said \
                    the plan was weak.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.iter().any(|o| o == "Transport for Greater Kelby"), "{orgs:?}");
        assert!(orgs.iter().any(|o| o == "Campaign for Cleaner Rivers"), "{orgs:?}");
        // Does not fire: the word inside a longer run, not opening the name ("Minister of Transport for
        // Kelby" is an office, not a body named "Transport for Kelby").
        let orgs = names("Jo Bell, the Kelby Transport for Schools officer, said no.", EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o == "Transport for Schools"), "{orgs:?}");
    }

    #[test]
    fn a_name_a_relative_which_follows_with_what_bodies_do_is_a_body() {
        // Fires: "which acts", "which collects": a body, not a person.
        let text = "Corran Vale, which acts as the company's broker, kept its rating. Tansey Marsh, which \
                    collects patients' views, said it had received complaints.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Corran Vale".to_string()) && orgs.contains(&"Tansey Marsh".to_string()), "{orgs:?}");
        // Does not fire: "who" is a person's relative.
        let people = names("Corran Vale, who acts for the family, said the ruling was wrong.", EntityKind::Person);
        assert!(people.contains(&"Corran Vale".to_string()), "{people:?}");
    }

    #[test]
    fn rival_opening_a_sentence_describes_the_name_after_it() {
        // Fires: "Rival" is no part of the firm's name.
        let all = run("Shares in Acme fell. Rival Marden Wright, which reports next month, fell 3%.");
        assert!(all.iter().all(|e| !e.1.contains("Rival")), "{all:?}");
        // Does not fire: the word inside a sentence, a surname.
        let people = names("Shares fell, Jo Rival said.", EntityKind::Person);
        assert!(people.contains(&"Jo Rival".to_string()), "{people:?}");
    }

    #[test]
    fn a_town_named_like_a_plain_word_opening_a_sentence_before_its_noun_is_no_place() {
        // Fires: "Bath" (a town) qualifies "tap", and the article writes "bath" in lower case.
        let text = "Bath tap left running floods flats. A tenant left the bath running, Jo Bell said.";
        let places = names(text, EntityKind::Place);
        assert!(!places.iter().any(|p| p == "Bath"), "{places:?}");
        // Does not fire: the town is the subject ("Bath said"), or the lower-case word is never written.
        let places = names("Bath council raised parking fees. Drivers in the city were angry.", EntityKind::Place);
        assert!(places.iter().any(|p| p == "Bath"), "{places:?}");
        let places = names("Bath said the bath would be fixed. Jo Bell agreed.", EntityKind::Place);
        assert!(places.iter().any(|p| p == "Bath"), "{places:?}");
    }

    #[test]
    fn a_plural_possessive_inside_an_organisation_name_stays_in_it() {
        let orgs = names("Prices fell, the Allied Growers' Federation said on Monday.", EntityKind::Organization);
        assert!(orgs.contains(&"Allied Growers' Federation".to_string()), "{orgs:?}");
        // No organisation head after the possessive: two names, not one.
        let all = run("The delegates from Kenya said the Wardens' Mombasa visit went well.");
        assert!(all.iter().all(|e| !e.1.contains("Wardens' Mombasa")), "{all:?}");
    }

    #[test]
    fn the_field_of_an_office_after_a_title_and_for_is_no_body() {
        let text = "The state's Commissioner for Works and Housing, Musa Bello, resigned on Monday.";
        let all = run(text);
        assert!(all.iter().all(|e| !matches!(e.1.as_str(), "Works" | "Housing" | "Works and Housing")), "{all:?}");
        assert!(names(text, EntityKind::Person).contains(&"Musa Bello".to_string()));
        // A known place after "for" is still named, and "for" after a body's head word is its name.
        let text = "The Minister for Europe, Jane Doe, met the Centre for Coastal Studies on Friday.";
        assert!(names(text, EntityKind::Place).contains(&"Europe".to_string()), "{:?}", run(text));
        assert!(names(text, EntityKind::Organization).contains(&"Centre for Coastal Studies".to_string()));
    }

    #[test]
    fn a_body_named_for_a_purpose_keeps_where_it_works() {
        let text = "Monitors from the Commission for Fair Elections in Africa arrived in Lagos on Monday.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Commission for Fair Elections in Africa".to_string()), "{:?}", run(text));
        // A city after "in" is where the body is, not its name.
        let text = "She spoke at the Institute for Fiscal Research in Manchester on Monday.";
        assert!(names(text, EntityKind::Organization).contains(&"Institute for Fiscal Research".to_string()));
        assert!(names(text, EntityKind::Place).contains(&"Manchester".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_town_listed_with_a_club_on_a_sports_page_is_a_club() {
        let text = "Rain ruined the third day. Title rivals Lancashire, Derbyshire and Surrey all closed in on victory \
                    against Yorkshire, with Lancashire manager Tom Hale pleased. Derbyshire captain Joe Sutton scored 90.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Surrey".to_string()), "{:?}", run(text));
        // And at its other uses in the report.
        let text = format!("{text} Surrey closed on 429 for seven.");
        let all = run(&text);
        assert!(!all.iter().any(|e| e.0 == EntityKind::Place && e.1 == "Surrey"), "{all:?}");
        // Not on a page about anything else.
        let text = "Rents rose in Lancashire, Derbyshire and Surrey, said Jane Doe of Acme Lettings Ltd.";
        assert!(names(text, EntityKind::Place).contains(&"Surrey".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_fixture_line_makes_a_sports_page() {
        let text = "Tour schedule\n\nMay 17 v Northampton\n\nMay 19 v Durham (three days)\n";
        let toks = tokenize(text);
        assert!(Doc::with_words(text, &toks, &super::super::text::token_texts(text, &toks)).is_sport());
        let text = "The court heard the case on May 17. Roe said the ruling was wrong.";
        let toks = tokenize(text);
        assert!(!Doc::with_words(text, &toks, &super::super::text::token_texts(text, &toks)).is_sport());
        let text = "The judge cited Leeds v Bradford, a 1987 ruling, and R v Smith.";
        let toks = tokenize(text);
        assert!(!Doc::with_words(text, &toks, &super::super::text::token_texts(text, &toks)).is_sport());
    }

    #[test]
    fn quarters_halves_and_financial_years_are_no_names() {
        // Fires: periods of a financial year are no place and no body.
        let text = "Kestrel Systems said profit doubled in Q3 and would rise again in Q4. H1 sales fell; FY24 \
                    guidance stands, and FY2025 looks better.";
        assert_eq!(run(text).iter().map(|e| e.1.as_str()).collect::<Vec<_>>(), ["Kestrel Systems"], "{:?}", run(text));
        // Does not fire: a name of letters and digits that is no period stays a name.
        let text = "The Q5 Group said sales rose. Shares in H5 Holdings fell.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Q5 Group".to_string()) && orgs.contains(&"H5 Holdings".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_name_its_sentence_calls_its_is_a_body() {
        // Fires: "its" after a verb of doing or "and": a firm named like a person.
        let text = "Tom Mercer raised its forecast on Tuesday after strong sales. Analysts expect Tom Mercer to \
                    hire more staff. Jane Hollis and its partners filed the claim.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Tom Mercer".to_string()) && orgs.contains(&"Jane Hollis".to_string()), "{:?}", run(text));
        // Does not fire: after a verb of saying the "its" is something else's; "his" is a person's.
        let text = "Tom Mercer said its effects would be small. Jane Hollis raised his hand. The party named \
                    Ruth Calder as its candidate.";
        let people = names(text, EntityKind::Person);
        assert!(people.contains(&"Tom Mercer".to_string()) && people.contains(&"Jane Hollis".to_string()), "{:?}", run(text));
        assert!(people.contains(&"Ruth Calder".to_string()), "{:?}", run(text));
    }

    #[test]
    fn firms_named_like_people_by_a_kind_of_firm_or_a_firms_post() {
        // Fires: a kind of firm before the name, a description headed by one after it, a firm's post and
        // its holder after it; then at every use of the name.
        let text = "Law firm Corvane Tate, which acts for the tenants, said it would appeal. Mira Holt, the \
                    Leeds solicitors, said the claim was strong. Dana Pryce, the British garden furniture \
                    retailer, cut its forecast. Bellamy Shaw chairman Jo Bell said sales rose. Shares in \
                    Bellamy Shaw fell. Later Corvane Tate and Mira Holt spoke to Dana Pryce.";
        let orgs = names(text, EntityKind::Organization);
        for firm in ["Corvane Tate", "Mira Holt", "Dana Pryce", "Bellamy Shaw"] {
            assert!(orgs.contains(&firm.to_string()), "{firm}: {:?}", run(text));
        }
        assert!(names(text, EntityKind::Person).contains(&"Jo Bell".to_string()), "{:?}", run(text));
        // Joined by "and" to a name whose words say firm, without a given name first.
        let text = "Stourley & Co and Dorne Hunt are advising the company, while the buyer is advised by Kelvix.";
        assert!(names(text, EntityKind::Organization).contains(&"Dorne Hunt".to_string()), "{:?}", run(text));
        let text = "Mark Ode and Castlereagh Cement signed the deal.";
        assert!(names(text, EntityKind::Person).contains(&"Mark Ode".to_string()), "{:?}", run(text));
        // Does not fire: the firm a person founded, a person's role or trade in apposition, a partner at
        // a firm, a post of a body owned by the person.
        let text = "The firm Jo Marsh founded grew fast. Ana Lenz, a software developer in Leeds, said the \
                    rules were unclear. Tom Hale, the firm's founder, said nothing. Ruth Calder, a partner at the \
                    law firm, said the case was strong. Ken Ward, the company secretary, resigned. Mark Ode, a \
                    property developer, objected.";
        let people = names(text, EntityKind::Person);
        for person in ["Jo Marsh", "Ana Lenz", "Tom Hale", "Ruth Calder", "Ken Ward", "Mark Ode"] {
            assert!(people.contains(&person.to_string()), "{person}: {:?}", run(text));
        }
    }
    #[test]
    fn plural_words_of_sport_make_a_sports_page() {
        let sport = |text: &str| {
            let toks = tokenize(text);
            Doc::with_words(text, &toks, &super::super::text::token_texts(text, &toks)).is_sport()
        };
        assert!(sport("RESULTS AND STANDINGS\n\nResults of matches played at the weekend, with points and standings."));
        // Two words of sport are not enough: "points" and "standings" alone are no page of sport.
        assert!(!sport("Party standings\n\nThe party gained points in the polls, the survey's standings show."));
    }

    #[test]
    fn states_provinces_and_counties_are_places() {
        let text =
            "Police in Kwara and Kogi said the roads were shut. A Gauteng clinic and a Hertfordshire school closed.";
        let places = names(text, EntityKind::Place);
        for p in ["Kwara", "Kogi", "Gauteng", "Hertfordshire"] {
            assert!(places.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        // Subdivision names that are common words are left out of the gazetteer.
        for w in ["Rivers", "Plateau", "Central"] {
            assert!(Gazetteer::get().lookup(w).is_none(), "{w}");
        }
    }
    #[test]
    fn a_trade_noun_or_a_participle_opening_a_sentence_is_no_name() {
        let text = "Chipmaker Norvale Inc to cut 900 jobs\n\nInsurer Caldwick said profits fell.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Norvale Inc".to_string()) && orgs.contains(&"Caldwick".to_string()), "{:?}", run(text));
        let text = "Reacting, the party's spokesman in the state, Tunde Bako, said the plan would fail.";
        assert!(!run(text).iter().any(|e| e.1 == "Reacting"), "{:?}", run(text));
        // A name that only looks like one stays: a town, or a word that is not a trade noun.
        let text = "Reading, the Berkshire town, voted on Monday. Union Pacific said rates rose.";
        let all = run(text);
        assert!(all.iter().any(|e| e.1 == "Reading") && all.iter().any(|e| e.1 == "Union Pacific"), "{all:?}");
    }

    #[test]
    fn a_name_in_apposition_to_a_kind_of_body_is_an_organisation() {
        let text = "A civil society group, Tarula Africa, called for calm on Tuesday.";
        assert!(names(text, EntityKind::Organization).contains(&"Tarula Africa".to_string()), "{:?}", run(text));
        // Not the person heading the group.
        let text = "The head of the group, Amaka Obi, called for calm on Tuesday.";
        assert!(names(text, EntityKind::Person).contains(&"Amaka Obi".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_squad_line_on_a_sports_page_lists_people() {
        let text = "Hallam Rovers beat Kelby Athletic 2-1 in the league match at the stadium. The striker scored twice.\n\n\
                    Hallam Rovers: Pryce, Kowalczyk, Ndlovu, Farrell, Quarry, Sato (Lindqvist 70).\n";
        let people = names(text, EntityKind::Person);
        for p in ["Kowalczyk", "Ndlovu", "Farrell", "Lindqvist"] {
            assert!(people.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        // A list of clubs or towns after a colon is no squad.
        let text = "Hallam Rovers beat Kelby Athletic 2-1 in the league match at the stadium. The striker scored twice.\n\n\
                    Venues: London, Leeds, Manchester, Birmingham, Bristol.\n";
        assert!(names(text, EntityKind::Person).is_empty(), "{:?}", run(text));
        // The words before the colon name a team the report names elsewhere.
        let text = "Dukla Vesna beat Kelby Athletic 2-1 in the league match at the stadium. The striker scored twice for Dukla Vesna.\n\n\
                    Dukla Vesna: Pryce, Kowalczyk, Ndlovu, Farrell, Quarry, Sato (Lindqvist 70).\n\nSubs: Marek, Dvorak, Blaha, Zeman.\n";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Dukla Vesna".to_string()) && !orgs.contains(&"Subs".to_string()), "{:?}", run(text));
        // A surname that is also a town, among six names nobody knows, is a player too.
        let text = "Hallam Rovers beat Kelby Athletic 2-1 in the league match at the stadium. The striker scored twice.\n\n\
                    Hallam Rovers: Pryce; Kowalczyk, Preston (Ndlovu 61), Farrell, Quarry; Sato, Lindqvist.\n";
        assert!(names(text, EntityKind::Person).contains(&"Preston".to_string()), "{:?}", run(text));
        // Names the tagger reads only weakly, one a given name, are players by the line.
        let text = "Harwick beat Kelby Athletic 3-1 in the league match at the stadium. The striker scored twice.\n\n\
                    Harwick Athletic Women: Marsh; Brennan, Okafor, Haddon, Pike; Quinlan, Devlin (Mulhern 72), \
                    Ashworth; Lyle, Okonjo, Garside (Ferreira 80).\n";
        let people = names(text, EntityKind::Person);
        for p in ["Devlin", "Lyle", "Garside"] {
            assert!(people.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        // Two towns among seven items: a list of places, not a squad.
        let text = "Hallam Rovers beat Kelby Athletic 2-1 in the league match at the stadium. The striker scored twice.\n\n\
                    Next: Preston, Quarry, Leeds, Farrell, Pryce, Sato, Ndlovu.\n";
        assert!(!names(text, EntityKind::Person).contains(&"Preston".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_name_a_player_is_signed_from_on_a_sports_page_is_a_club() {
        let text = "Harwick beat Kelby Athletic 3-1 in the league match. The striker, signed on loan from Brindlemoor \
                    in the summer, scored twice.";
        assert!(names(text, EntityKind::Organization).contains(&"Brindlemoor".to_string()), "{:?}", run(text));
        // Does not fire: away from sport, a loan from a name is no transfer.
        let text = "The council took a loan from Brindlemoor in the summer to pay for the new library.";
        assert!(!names(text, EntityKind::Organization).contains(&"Brindlemoor".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_name_ending_in_a_street_word_where_a_street_stands_is_a_place() {
        // Fires: after "on", and before "in" and a town.
        let text =
            "Ada Klein worked at the depot on Renfield Way in Kelby for four years. She said the vans were unsafe.";
        assert!(names(text, EntityKind::Place).contains(&"Renfield Way".to_string()), "{:?}", run(text));
        assert!(!names(text, EntityKind::Person).contains(&"Renfield Way".to_string()), "{:?}", run(text));
        let text = "The cyclist was hit at the junction of Harlow Road and Tamsin Lane on Monday.";
        assert!(names(text, EntityKind::Place).contains(&"Tamsin Lane".to_string()), "{:?}", run(text));
        // Does not fire: a person with a surname like a street word, speaking.
        let text = "The meeting was chaired by Nathan Lane. Nathan Lane said the budget was tight, and Ms Tamsin Close agreed.";
        assert!(names(text, EntityKind::Person).contains(&"Nathan Lane".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_holder_after_an_office_field_and_a_federal_title() {
        // Fires: the holder's name ends the field; "Union" before an office alone is no body.
        let text = "Union Minister of State for Science and Technology Ravi Dhanraj congratulated the team on Monday.";
        assert!(names(text, EntityKind::Person).contains(&"Ravi Dhanraj".to_string()), "{:?}", run(text));
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
        // Does not fire: a field of common words, and "Union" naming a body.
        let text = "The Minister for Higher Education Reform said the plan would work. The European Union welcomed it.";
        assert!(names(text, EntityKind::Person).is_empty(), "{:?}", run(text));
        assert!(names(text, EntityKind::Organization).contains(&"European Union".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_word_before_a_region_is_a_body_serving_it() {
        // Fires: an unknown word before a country or county.
        let text = "Carewatch Shropshire welcomed the report. Ada Klein said it was late.";
        assert!(names(text, EntityKind::Organization).contains(&"Carewatch Shropshire".to_string()), "{:?}", run(text));
        // Does not fire: a given name, or a direction, before the place.
        let text = "Emma England welcomed the report. Floods hit Southern Africa.";
        assert!(names(text, EntityKind::Person).contains(&"Emma England".to_string()), "{:?}", run(text));
        assert!(!names(text, EntityKind::Organization).iter().any(|n| n.contains("Africa")), "{:?}", run(text));
    }

    #[test]
    fn dean_before_one_word_is_a_given_name() {
        let text = "Rovers led through a header from captain Dean Holloway before the break.";
        assert!(names(text, EntityKind::Person).contains(&"Dean Holloway".to_string()), "{:?}", run(text));
        let text = "Law School Dean Martha Kline said the course would close.";
        assert!(names(text, EntityKind::Person).contains(&"Martha Kline".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_point_of_the_compass_inside_a_name_on_a_sports_page_is_a_club() {
        let text = "Rovers travel to Preston North End on Saturday after the 2-1 league win at the stadium. The striker scored twice.";
        assert!(names(text, EntityKind::Organization).contains(&"Preston North End".to_string()), "{:?}", run(text));
    }

    #[test]
    fn rivers_and_regions_are_places() {
        let text = "Floods displaced thousands as the Brahmaputra swelled. A Yorkshire surgeon said so.";
        let places = names(text, EntityKind::Place);
        assert!(
            places.contains(&"Brahmaputra".to_string()) && places.contains(&"Yorkshire".to_string()),
            "{:?}",
            run(text)
        );
    }
    #[test]
    fn a_title_opening_a_sentence_keeps_its_holder_even_if_the_word_is_also_written_lower_case() {
        let text =
            "The king arrived in Lhasa on Monday.\n\nKing Tashi Dorje told the governor the visit was long planned.";
        let all = run(text);
        assert!(all.iter().any(|e| e.0 == EntityKind::Person && e.1 == "Tashi Dorje"), "{all:?}");
        // A plain word opening a sentence stays out: "Shares" is no name in "Shares rose ... the shares".
        let text = "Shares rose on Monday.\n\nTraders said the shares had been cheap.";
        assert!(run(text).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn a_body_that_speaks_stays_a_body_where_the_tagger_is_sure() {
        let text = "The news broke on Monday. TV Azteca said the minister had resigned.";
        assert!(names(text, EntityKind::Organization).contains(&"TV Azteca".to_string()), "{:?}", run(text));
        // Does not fire for a person's name: the tagger reads it as a person.
        let text = "The plan was first reported on Monday. Adaeze Okonkwo said the minister had signed it.";
        assert!(names(text, EntityKind::Person).contains(&"Adaeze Okonkwo".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_name_cut_at_its_connectors_is_the_taggers_whole_name() {
        let text = "Two late goals from Pieter van der Merwe sealed the win for the visitors on Sunday.";
        assert!(names(text, EntityKind::Person).contains(&"Pieter van der Merwe".to_string()), "{:?}", run(text));
        let text = "The bill now goes to the House of Representatives, where it faces a close vote.";
        assert!(names(text, EntityKind::Organization).contains(&"House of Representatives".to_string()), "{:?}", run(text));
        // Words joined by other lower-case words stay apart.
        let text = "Okonkwo met Adeyemi in the market before Chukwu arrived with the papers.";
        assert!(!run(text).iter().any(|e| e.1.contains(' ')), "{:?}", run(text));
    }

    #[test]
    fn a_hint_of_place_gives_way_to_a_sure_tagger_that_sees_no_name() {
        let text = "Vice President Al Gore ripped into Republican nominee Bob Dole on Monday.";
        let all = run(text);
        assert!(!all.iter().any(|e| e.1 == "Republican"), "{all:?}");
        // The hint stands where the tagger agrees: "fighting spread into Kharkiv".
        let text = "Fighting spread into Kharkiv on Monday, officials said.";
        assert!(names(text, EntityKind::Place).contains(&"Kharkiv".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_demonym_of_two_words_names_no_one() {
        let text = "\u{201c}We are tired,\u{201d} Sri Lankan boatman Velan Raj said on Monday.";
        let all = run(text);
        assert!(!all.iter().any(|e| e.1.contains("Lankan")), "{all:?}");
        // A place of two words and a longer name with a demonym inside stay.
        let text = "The New Zealand Press Association reported that New Zealand had won.";
        let all = run(text);
        assert!(
            all.iter().any(|e| e.0 == EntityKind::Organization && e.1 == "New Zealand Press Association"),
            "{all:?}"
        );
        assert!(all.iter().any(|e| e.0 == EntityKind::Place && e.1 == "New Zealand"), "{all:?}");
    }

    #[test]
    fn the_first_word_of_a_strongly_named_person_alone_is_that_person() {
        // A family name first: "Li Qiang, the premier, ... Li said".
        let text = "Li Qiang, the premier, spoke in Beijing on Monday. Li said growth would pick up.";
        let people = run(text).into_iter().filter(|e| e.0 == EntityKind::Person).collect::<Vec<_>>();
        assert_eq!(people.len(), 1, "{people:?}");
        assert!(people[0].2.contains(&"Li".to_string()), "{people:?}");
        // Not a word in capitals, and not when someone has the word for a surname.
        let text = "Analyst Ming Tao met Ana Ming on Monday. Ming said prices would rise.";
        let all = run(text);
        let tao = all.iter().find(|e| e.1 == "Ming Tao").expect("Ming Tao");
        assert!(!tao.2.contains(&"Ming".to_string()), "{all:?}");
    }

    #[test]
    fn a_list_its_noun_calls_bodies_is_of_bodies() {
        let text = "Shares of retailers Kestro, Brenna and Vollmart fell, while lenders Ardent and Norvale rose.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Kestro", "Brenna", "Vollmart", "Ardent", "Norvale"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        // Not people or countries in such a list, nor one name alone.
        let text = "Airlines from Germany and France, and banks, including Governor Ada Obi, met Brenna said.";
        let all = run(text);
        assert!(all.iter().any(|e| e.0 == EntityKind::Place && e.1 == "Germany"), "{all:?}");
        assert!(all.iter().any(|e| e.0 == EntityKind::Person && e.1 == "Ada Obi"), "{all:?}");
    }

    #[test]
    fn a_firms_name_without_its_legal_form_is_that_firm() {
        let text = "Harlow Brennan comments on suits.\n\nHarlow Brennan Inc said on Monday that ten suits had been \
                    dismissed. Harlow Brennan shares rose.";
        let all = run(text);
        assert!(!all.iter().any(|e| e.0 == EntityKind::Person), "{all:?}");
        let firm = all.iter().find(|e| e.0 == EntityKind::Organization).expect("the firm");
        assert!(firm.2.contains(&"Harlow Brennan".to_string()), "{all:?}");
        // A person named like the firm's founder, with a given name, stays a person.
        let text = "Tom Brennan founded Tom Brennan Ltd in 1990. Tom Brennan said he was proud.";
        assert!(names(text, EntityKind::Person).contains(&"Tom Brennan".to_string()), "{:?}", run(text));
    }

    #[test]
    fn outlets_parties_and_concerns_by_their_kind_noun() {
        let text = "The plan was reported by Les Vantes newspaper, then by the Kelmora magazine, and the opposition party \
                    Radical Dawn said it would object. Engineering concern Starnik rose.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Les Vantes", "Kelmora", "Radical Dawn", "Starnik"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        // A person before such a word in another role stays a person: "Jo Bell, a party member".
        let text = "Party member Joan Okafor said the vote was fair.";
        assert!(names(text, EntityKind::Person).contains(&"Joan Okafor".to_string()), "{:?}", run(text));
    }

    #[test]
    fn datelines_and_towns_before_a_us_state_are_places() {
        let text = "Train derails.\n\nMONTPELIER, Vt. (Reuters) - A train hit a truck.\n\nPatricia Smith, of Lees \
                    Summit, Mo., was hurt. The firm has plants in Creedmoor, N.C., and in Ohio.";
        let places = names(text, EntityKind::Place);
        for p in ["MONTPELIER", "Vermont", "Lees Summit", "Missouri", "Creedmoor", "North Carolina"] {
            assert!(places.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        // A headline's topic in capitals is no dateline, and "Miss" before a name is an honorific.
        let text = "CRICKET - LATE WICKETS SINK HOSTS.\n\nMiss Jones met Tom Hall, Miss Ohio, on Monday.";
        let all = run(text);
        assert!(!all.iter().any(|e| e.1 == "CRICKET" || e.1 == "Mississippi"), "{all:?}");
    }

    #[test]
    fn two_bodies_joined_by_and_stay_two() {
        let text = "The Republican majority in the House and Senate voted on Monday.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Senate".to_string()) && !orgs.iter().any(|o| o.contains(" and ")), "{orgs:?}");
        // One body's name with "and" inside stays whole.
        let text = "The Food and Drug Administration approved the drug.";
        assert!(
            names(text, EntityKind::Organization).contains(&"Food and Drug Administration".to_string()),
            "{:?}",
            run(text)
        );
    }

    #[test]
    fn a_name_keeps_its_reading_where_the_tagger_alone_would_drop_it() {
        let text = "Talks.\n\nHe was one of the best quarterbacks in NFL history, the NFL said on Monday.";
        let all = run(text);
        let nfl = all.iter().find(|e| e.1 == "NFL").expect("NFL");
        assert_eq!(nfl.2.len(), 2, "{all:?}");
    }

    #[test]
    fn a_headline_in_capitals_has_no_title_before_a_name() {
        let text = "SOCCER - KOVAC TO COACH LYON.\n\nTomas Kovac will coach Lyon, the club said. Lyon lost on Friday.";
        let all = run(text);
        assert!(!all.iter().any(|e| e.0 == EntityKind::Person && e.1.eq_ignore_ascii_case("Lyon")), "{all:?}");
        // A title in capitals before a name stays one: "PRESIDENT CLINTON".
        let text = "PRESIDENT CLINTON VISITS OHIO.\n\nBill Clinton arrived on Monday.";
        let all = run(text);
        assert!(!all.iter().any(|e| e.1 == "PRESIDENT CLINTON" && e.0 != EntityKind::Person), "{all:?}");
    }

    #[test]
    fn a_list_its_noun_calls_places_is_of_places() {
        let text = "Rain hit 11 districts, including Tamsipur, Kolabari and Barnaghat, officials said.";
        let places = names(text, EntityKind::Place);
        for p in ["Tamsipur", "Kolabari", "Barnaghat"] {
            assert!(places.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        // Not a list of people or bodies: "leaders of states, including Governor Jo Bell".
        let text = "Leaders of several states, including Governor Amaka Obi and Kolabari Council, met on Monday.";
        let all = run(text);
        assert!(all.iter().any(|e| e.0 == EntityKind::Person && e.1 == "Amaka Obi"), "{all:?}");
        assert!(!all.iter().any(|e| e.0 == EntityKind::Place && e.1.contains("Council")), "{all:?}");
    }
    #[test]
    fn a_given_name_alone_is_the_one_person_named_in_full_with_it() {
        let text = "Kyle Mensah, 17, was found on London Road. Police said Kyle had been stabbed.";
        let all = run(text);
        assert!(all.iter().any(|e| e.1 == "Kyle Mensah" && e.2.len() == 2), "{all:?}");
        assert!(!all.iter().any(|e| e.1 == "Kyle"), "{all:?}");
        // Not when it is someone's surname: "Terry" is Ted Terry's.
        let text = "Terry Giles spoke first. Ted Terry spoke next. Later Terry said no.";
        let all = run(text);
        assert!(all.iter().any(|e| e.1 == "Ted Terry" && e.2.len() == 2), "{all:?}");
    }

    #[test]
    fn a_thing_named_after_a_person_is_no_person() {
        let text = "Astronomers using the James Webb Space Telescope saw water. The telescope's camera is new.";
        assert!(names(text, EntityKind::Person).is_empty(), "{:?}", run(text));
        let text = "Astronomers led by Mary Ann Webber saw water. The telescope's camera is new.";
        assert!(names(text, EntityKind::Person).contains(&"Mary Ann Webber".to_string()), "{:?}", run(text));
    }

    #[test]
    fn romanised_east_asian_given_names_stay_in_the_name() {
        let text =
            "North Korean leader Kim Jong-un met the film's director Park Ji-hoon. A Santa Clara-based firm paid.";
        let people = names(text, EntityKind::Person);
        assert!(
            people.contains(&"Kim Jong-un".to_string()) && people.contains(&"Park Ji-hoon".to_string()),
            "{:?}",
            run(text)
        );
        assert!(!people.iter().any(|p| p.contains("based")), "{people:?}");
    }

    #[test]
    fn a_body_owning_another_is_two_names_and_amendments_are_no_bodies() {
        let text = "Scientists at NASA's Goddard Space Flight Center in Maryland said the First Amendment was cited.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Goddard Space Flight Center".to_string()), "{:?}", run(text));
        assert!(!orgs.iter().any(|o| o.contains("Amendment")), "{orgs:?}");
        // A person's possessive still opens a body's name: "King's College".
        let text = "She studied at King's College in London.";
        assert!(names(text, EntityKind::Organization).contains(&"King's College".to_string()), "{:?}", run(text));
    }

    #[test]
    fn an_arts_role_before_a_single_name_is_a_title() {
        let text = "Actor Mammootty, who has a cameo in the film, congratulated the team.";
        assert!(names(text, EntityKind::Person).contains(&"Mammootty".to_string()), "{:?}", run(text));
    }
    #[test]
    fn a_town_before_a_score_or_a_club_post_on_a_sports_page_is_the_club() {
        // Fires: "Sunderland 3-1 Preston", "Sunderland head coach" on a match report.
        let text = "Sunderland 3-1 Preston\n\nJamie Hartley scored twice in the second half and the striker was booed \
                    by the away fans. Sunderland head coach Marco Rinaldi praised his players after the match.";
        assert!(names(text, EntityKind::Organization).contains(&"Sunderland".to_string()), "{:?}", run(text));
        // Does not fire: a town with a number after it in news off the sports page.
        let text = "Sunderland 2030 is the council's plan for new homes, head of housing Ann Lee said on Monday.";
        assert!(!names(text, EntityKind::Organization).contains(&"Sunderland".to_string()), "{:?}", run(text));
    }
    #[test]
    fn sport_words_are_found_in_any_case_by_their_key() {
        for w in SPORT_WORDS {
            assert!(packed(w.as_bytes(), true).is_some(), "{w} cannot be packed");
            for v in [w.to_string(), w.to_uppercase(), capitalize(w)] {
                assert_eq!(sport_word(&v), packed(w.as_bytes(), true), "{v}");
            }
        }
        for v in ["matchday", "scores", "Goalie", "", "crick\u{e9}t", "the"] {
            assert_eq!(sport_word(v).is_some(), SPORT_WORDS.iter().any(|w| w.eq_ignore_ascii_case(v)), "{v}");
        }
    }
    #[test]
    fn a_town_in_the_place_of_a_side_in_a_report_of_play_is_the_club() {
        let kind = |text: &str, name: &str| run(text).into_iter().find(|e| e.1 == name).map(|e| e.0);
        // Fires: a score after the town, a win over it, a verb of play after it, a summary line.
        let text = "RUGBY LEAGUE - TITLE DECIDED\n\nKettering completed a league double on Monday when they \
                    thrashed Doncaster 52-10 in the last game of the season. Rotherham finished third after a \
                    24-18 win over Grimsby.\n\nResults of other matches:\n\nHalifax 4 (Lee 12th minute, Bell 60th)";
        for town in ["Doncaster", "Rotherham", "Grimsby", "Halifax"] {
            assert_eq!(kind(text, town), Some(EntityKind::Organization), "{town}: {:?}", run(text));
        }
        // Does not fire: a player in a side's place stays a person; a town hosting, or named off the
        // sports page, stays a place.
        let text = "TENNIS - OPEN\n\nPete Marsh beat Tom Hale 6-4 6-2 in the tournament at Rotherham, where \
                    the match drew a record crowd. Sheffield hosted the final.";
        assert_eq!(kind(text, "Tom Hale"), Some(EntityKind::Person), "{:?}", run(text));
        assert_eq!(kind(text, "Rotherham"), Some(EntityKind::Place), "{:?}", run(text));
        assert_eq!(kind(text, "Sheffield"), Some(EntityKind::Place), "{:?}", run(text));
        let text = "Council budget\n\nDoncaster 52-10: the vote on the budget. Rotherham finished the year in surplus.";
        assert_eq!(kind(text, "Rotherham"), Some(EntityKind::Place), "{:?}", run(text));
        // The state after a dateline's town stays a place where the state's side plays; a season
        // ("Leeds 2024-25") is no score.
        let text = "BASEBALL - RANGERS WIN\n\nARLINGTON, Kentucky 1996-08-31\n\nKentucky beat Cleveland 5-3 on \
                    Friday to lead the series 2-0. Their coach praised the pitcher after the match.";
        let kentucky: Vec<_> = run(text).into_iter().filter(|e| e.1 == "Kentucky").collect();
        assert!(kentucky.iter().any(|e| e.0 == EntityKind::Place && e.2 == ["Kentucky"]), "{kentucky:?}");
        assert!(kentucky.iter().any(|e| e.0 == EntityKind::Organization), "{kentucky:?}");
        let text = "FOOTBALL - PREVIEW\n\nDoncaster 2024-25 season tickets go on sale today at the club shop, and \
                    the match report follows.";
        assert_eq!(kind(text, "Doncaster"), Some(EntityKind::Place), "{:?}", run(text));
    }
    #[test]
    fn a_given_name_alone_typed_a_body_is_the_one_person_named_in_full_with_it() {
        // Fires: "Amira" is Amira Siddiqui, not a body.
        let text = "The claim was brought by Amira Siddiqui, 34, through her mother.\n\n“Amira has friends there she has known for years,” her mother said.";
        assert!(!names(text, EntityKind::Organization).contains(&"Amira".to_string()), "{:?}", run(text));
        assert!(!names(text, EntityKind::Place).contains(&"Amira".to_string()), "{:?}", run(text));
        // Does not fire: a known place that is also a given name stays a place.
        let text = "Florence Okoye moved to Italy in 2010.\n\nShe opened a restaurant in Florence two years later.";
        assert!(names(text, EntityKind::Place).contains(&"Florence".to_string()), "{:?}", run(text));
    }
    #[test]
    fn the_town_a_public_body_is_named_after_stays_a_place() {
        // Fires: "in Loughborough" is the town, not the university's short name.
        let text = "An underpass in Loughborough will be closed at night, police said. Two students from Loughborough University were robbed there.";
        assert!(names(text, EntityKind::Place).contains(&"Loughborough".to_string()), "{:?}", run(text));
        // Does not fire: a firm's first word stays the firm's short name.
        let text = "Tamsin Systems reported higher sales on Monday. Shares in Tamsin rose 4%.";
        assert!(!names(text, EntityKind::Place).contains(&"Tamsin".to_string()), "{:?}", run(text));
    }
    #[test]
    fn a_name_after_the_trade_of_a_broker_is_a_firm() {
        // Fires: "the stockbroker Peel Hunt" is a firm, not a person.
        let text = "Analysts at the stockbroker Peel Hunt said the results were strong.";
        assert!(names(text, EntityKind::Organization).contains(&"Peel Hunt".to_string()), "{:?}", run(text));
        // Does not fire: a person named after the noun's possessive ("the broker's chief, Ann Lee").
        let text = "The broker's chief executive, Ann Lee, said the results were strong.";
        assert!(names(text, EntityKind::Person).contains(&"Ann Lee".to_string()), "{:?}", run(text));
    }
    #[test]
    fn an_unknown_name_listed_after_a_place_read_by_its_preposition_is_a_place() {
        // Fires: neither town is in the gazetteer; the first is a place by "in", the second follows it.
        let text = "Families in Tobbleworth and Brenvik now drive more than an hour to see a doctor.";
        assert!(names(text, EntityKind::Place).contains(&"Brenvik".to_string()), "{:?}", run(text));
        // Does not fire: the name after the preposition is a person's ("in Martin and Brenvik's view").
        let text = "The minister said the shortfall was, in Martin and Brenvik's view, a scandal.";
        assert!(!names(text, EntityKind::Place).contains(&"Brenvik".to_string()), "{:?}", run(text));
    }
    #[test]
    fn the_town_people_come_from_after_them_or_their_ages_is_a_place() {
        // Fires: after "men" and after "aged 19 and 22".
        let text = "Two men aged 19 and 22 from Brackwick have been arrested. A woman from Tollerby was hurt.";
        let places = names(text, EntityKind::Place);
        assert!(places.contains(&"Brackwick".to_string()), "{:?}", run(text));
        assert!(places.contains(&"Tollerby".to_string()), "{:?}", run(text));
        // Does not fire: a body's name after them ("two men from Brackwick Council").
        let text = "Two men aged 40 and 41 from Brackwick Council came. A woman from Tollerby Holdings spoke.";
        let places = names(text, EntityKind::Place);
        assert!(!places.iter().any(|p| p.starts_with("Brackwick") || p.starts_with("Tollerby")), "{:?}", run(text));
    }
    #[test]
    fn a_name_after_a_two_word_kind_of_firm_is_a_firm() {
        // Fires: "literary agents" and "streaming service" before a name make it a firm.
        let text = "The deal was struck by literary agents Morwen Tate and the streaming service Kelvra on Monday.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Morwen Tate".to_string()), "{:?}", run(text));
        assert!(orgs.contains(&"Kelvra".to_string()), "{:?}", run(text));
        // Does not fire: the noun alone ("agents") or another qualifier ("FBI agents", "memorial service").
        let text =
            "Two federal agents Morwen Tate and Joel Barr arrested him after the memorial service Kelvra Dunn led.";
        assert!(!names(text, EntityKind::Organization).contains(&"Morwen Tate".to_string()), "{:?}", run(text));
        assert!(!names(text, EntityKind::Organization).contains(&"Kelvra Dunn".to_string()), "{:?}", run(text));
    }
    #[test]
    fn an_owner_before_a_possessive_is_a_name_of_its_own() {
        // A country, a place of two words, a day, a firm and a person own a body: two names.
        let text = "Students at South Korea’s Yonsei University marched. Peru’s Interior Ministry said so in \
                    Monday’s Daily Courier. The deal lets Halcor Corp’s Skyline Airways fly. Hugo Ferrand met \
                    them, and Ferrand’s Security Council agreed.";
        let all = run(text);
        let mention = |name: &str| all.iter().find(|e| e.1 == name).map(|e| e.2.clone()).unwrap_or_default();
        assert_eq!(mention("South Korea"), ["South Korea"], "{all:?}");
        assert_eq!(mention("Yonsei University"), ["Yonsei University"], "{all:?}");
        assert_eq!(mention("Daily Courier"), ["Daily Courier"], "{all:?}");
        assert_eq!(mention("Skyline Airways"), ["Skyline Airways"], "{all:?}");
        assert_eq!(mention("Security Council"), ["Security Council"], "{all:?}");
        assert!(names(text, EntityKind::Person).contains(&"Hugo Ferrand".to_string()), "{all:?}");
        // The country stays a place; the body keeps the country in its name, but its mention is
        // its own words.
        let zembla = all.iter().find(|e| e.1.ends_with("Interior Ministry")).expect("the ministry");
        assert_eq!(zembla.2, ["Interior Ministry"], "{all:?}");
        // Does not fire: a possessive that is part of a body's name.
        let text = "She studied at King’s College. Moody’s Investors Service cut the rating.";
        let orgs = names(text, EntityKind::Organization);
        assert_eq!(orgs, ["King’s College", "Moody’s Investors Service"], "{:?}", run(text));
    }

    #[test]
    fn a_firm_opened_by_a_given_name_is_known_by_its_stem() {
        let text = "Sierra Semiconductor Corp jumped 23 percent. Analysts said Sierra Semiconductor would cut jobs. \
                    -- Sofia Newsroom, 359-2-84561";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Sierra Semiconductor Corp".to_string()), "{:?}", run(text));
        assert!(orgs.contains(&"Sofia Newsroom".to_string()), "{:?}", run(text));
        assert!(names(text, EntityKind::Person).is_empty(), "{:?}", run(text));
        // Does not fire: a founder beside the firm named after him.
        let text = "Charles Hadley Corp rose. Charles Hadley said he was pleased.";
        assert_eq!(names(text, EntityKind::Person), ["Charles Hadley"], "{:?}", run(text));
    }

    #[test]
    fn a_name_whose_share_price_moves_is_a_firm() {
        let text = "London shares were mixed on Tuesday.\n\nHarwick Estates added 12-1/2p to 468p and Tolland was 8p \
                    higher at 390, while Brenmoor Tannery lost 22.72 to 597. Dealers said Tolland had been \
                    upgraded.";
        let orgs = names(text, EntityKind::Organization);
        for firm in ["Harwick Estates", "Tolland", "Brenmoor Tannery"] {
            assert!(orgs.contains(&firm.to_string()), "{firm}: {:?}", run(text));
        }
        // Does not fire: a currency, an index in points, a place's index, a commodity opening its
        // sentence, a person on a sports page.
        let text = "Sterling rose to $1.55 from $1.54. The Sensex rose 200 points to 30,100. The DAX index in \
                    Frankfurt closed up 6.48 at 2,558.84. Nickel rose by 500 to 39,200 rupees.";
        assert!(names(text, EntityKind::Organization).iter().all(|o| o == "DAX"), "{:?}", run(text));
        assert_eq!(names(text, EntityKind::Place), ["Frankfurt"], "{:?}", run(text));
    }

    #[test]
    fn the_sides_of_a_fixture_are_teams_on_a_sports_page() {
        let text = "SOCCER - LEAGUE FIXTURES.\n\nLONDON 1996-08-22\n\nFixtures for Saturday:\n\n\
                    Division two - Harrowgate v Kestrel Vale, Dunmore vs Leeds, Norway v Scotland, Lowick v\n\n\
                    Ashby Town.\n\nLowick beat Ashby Town 2-1 last season in Leeds.";
        let all = run(text);
        let orgs = names(text, EntityKind::Organization);
        for team in ["Harrowgate", "Kestrel Vale", "Dunmore", "Lowick", "Ashby Town"] {
            assert!(orgs.contains(&team.to_string()), "{team}: {all:?}");
        }
        // Does not fire: national sides stay places; a case at law is not a fixture off the sports pages.
        let places = names(text, EntityKind::Place);
        assert!(places.contains(&"Norway".to_string()) && places.contains(&"Scotland".to_string()), "{all:?}");
        let text = "The council cited Leeds v Bradford, a 1987 ruling on land rights, in its appeal.";
        assert!(names(text, EntityKind::Place).contains(&"Leeds".to_string()), "{:?}", run(text));
    }

    #[test]
    fn names_in_lines_of_results_and_table_rows_are_teams() {
        let text = "SOCCER - CUP RESULTS.\n\nBREMFORD 1996-08-22\n\nResults of second leg matches on Thursday:\n\n\
                    In Brasov: Dravnik Brasov (Romania) 2 Kestrel Vale (Wales) 0 (1-0)\n\nDravnik Brasov win 4-1 on \
                    aggregate.\n\nScotland 2 Norway 1\n\nStandings:\n\nAlder Rovers 3 2 1 0 6 2 7\n\nMarsh Lane 3 0 1 2 1 5 1\n\n\
                    Golf leaders:\n\nTom Lehman 68 70 71 69 278";
        let all = run(text);
        let orgs = names(text, EntityKind::Organization);
        for team in ["Dravnik Brasov", "Kestrel Vale", "Alder Rovers", "Marsh Lane"] {
            assert!(orgs.contains(&team.to_string()), "{team}: {all:?}");
        }
        let dravnik = all.iter().find(|e| e.1 == "Dravnik Brasov").expect("the club");
        assert_eq!(dravnik.2.len(), 2, "{all:?}");
        // Does not fire: national sides stay places, so does the town after "In", the dateline and a
        // golfer's rounds.
        let places = names(text, EntityKind::Place);
        for place in ["Scotland", "Norway", "Romania", "Wales"] {
            assert!(places.contains(&place.to_string()), "{place}: {all:?}");
        }
        assert!(!orgs.iter().any(|o| o.contains("BREMFORD") || o.contains("Lehman")), "{all:?}");
    }

    #[test]
    fn a_name_its_bracketed_acronym_spells_keeps_and_and_of() {
        let text = "The Coalition for Rivers and Clean Lakes (CRCL) wrote to the minister on Monday.";
        assert!(names(text, EntityKind::Organization).contains(&"Coalition for Rivers and Clean Lakes".to_string()), "{:?}", run(text));
        // Does not fire: a person before a body spelled by its acronym, a country with its acronym.
        let text = "Ruth Okafor and Lagos Water Corporation (LWC) met officials of the United Arab Emirates (UAE).";
        let all = run(text);
        assert!(names(text, EntityKind::Person).contains(&"Ruth Okafor".to_string()), "{all:?}");
        assert!(names(text, EntityKind::Organization).contains(&"Lagos Water Corporation".to_string()), "{all:?}");
        assert!(names(text, EntityKind::Place).contains(&"United Arab Emirates".to_string()), "{all:?}");
    }

    #[test]
    fn a_name_that_has_a_firms_posts_is_a_firm() {
        let text = "Shares fell after chip designer Veltrix cut its forecast. Veltrix's finance chief, Ann Lee, said \
                    demand was weak.";
        assert!(names(text, EntityKind::Organization).contains(&"Veltrix".to_string()), "{:?}", run(text));
        assert!(!names(text, EntityKind::Person).contains(&"Veltrix".to_string()), "{:?}", run(text));
        // Does not fire: a person's son, a person named with a given name.
        let text = "Fund manager Tom Brennan's son, Joe, said the family was relieved.";
        assert!(names(text, EntityKind::Person).contains(&"Tom Brennan".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_firms_name_without_its_kind_word_is_that_firm() {
        let text = "Oakridge Lomax Bank was fined on Monday. A lawyer said Oakridge Lomax had known of the failings.";
        let all = run(text);
        assert!(!names(text, EntityKind::Person).contains(&"Oakridge Lomax".to_string()), "{all:?}");
        // Does not fire: a body named after a person, and the person.
        let text = "The Alan Turing Institute held a lecture on Monday. Alan Turing worked at Bletchley Park.";
        assert!(names(text, EntityKind::Person).contains(&"Alan Turing".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_word_opening_a_sentence_before_the_noun_it_qualifies_is_no_name() {
        let text = "The Kestrel Party won the seat. Party spokesperson Jo Bell said the result was clear. \
                    Environmental group Riverwatch welcomed it.";
        let orgs = names(text, EntityKind::Organization);
        assert!(!orgs.contains(&"Party".to_string()) && !orgs.contains(&"Environmental".to_string()), "{:?}", run(text));
        // Does not fire: a name that stands alone elsewhere, a surname before a verb.
        let text = "Rafael Nadal won in Paris. Nadal beat the holder in four sets. Veltrix shares rose after Veltrix \
                    raised its forecast.";
        assert!(names(text, EntityKind::Person).contains(&"Rafael Nadal".to_string()), "{:?}", run(text));
        assert!(run(text).iter().any(|e| e.1 == "Rafael Nadal" && e.2.len() == 2), "{:?}", run(text));
        assert!(names(text, EntityKind::Organization).contains(&"Veltrix".to_string()), "{:?}", run(text));
    }

    #[test]
    fn coordinated_names_after_a_preposition_of_place_share_its_kind() {
        let text = "Most of its 3,200 staff work in Cambridge, Bristol and Kelvedon Hatch.";
        assert!(names(text, EntityKind::Place).contains(&"Kelvedon Hatch".to_string()), "{:?}", run(text));
        // Does not fire: a person named with a given name, a body by its head word.
        let text = "Analysts in London and Jane Roe disagreed. Talks in Leeds and Harbour Partners ended.";
        let places = names(text, EntityKind::Place);
        assert!(!places.contains(&"Jane Roe".to_string()) && !places.contains(&"Harbour Partners".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_firm_named_for_a_region_it_works_for_and_one_after_his_company() {
        let text = "The driver, who works for Kestrel Midlands, was hurt. Ade Bello is on trial with his company, \
                    Orrin Medicals, and a trader.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Kestrel Midlands".to_string()), "{:?}", run(text));
        assert!(orgs.contains(&"Orrin Medicals".to_string()), "{:?}", run(text));
        // Does not fire: a place qualified by a name where nobody works for it.
        let text = "The storm moved across Kestrel Midlands on Monday.";
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn a_town_opening_with_a_given_name_listed_with_towns_is_a_town() {
        let text = "Police found plants at sites in Middlesbrough, Stockton and Newton Kestrelby after a fire.";
        assert!(names(text, EntityKind::Place).contains(&"Newton Kestrelby".to_string()), "{:?}", run(text));
        // Does not fire: the same words stand for someone elsewhere.
        let text = "The tour stops in Middlesbrough, Stockton and Newton Kestrelby. Kestrelby said so.";
        assert!(!names(text, EntityKind::Place).contains(&"Newton Kestrelby".to_string()), "{:?}", run(text));
    }

    #[test]
    fn teams_by_their_players_and_nicknames() {
        let text = "Orlen Vale defender Tom Keyworth has been banned. Keyworth joined Orlen Vale in 2023.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Orlen Vale".to_string()), "{:?}", run(text));
        assert!(!names(text, EntityKind::Person).contains(&"Orlen Vale".to_string()), "{:?}", run(text));
        let text = "Enugu beat Kano Marauders 2-1 on Sunday. Marauders had not lost in five matches.";
        assert!(!names(text, EntityKind::Person).contains(&"Marauders".to_string()), "{:?}", run(text));
        // Does not fire: a role after a person's name is no team ("a Jo Bell defender" is unusual; a
        // given name opens the name).
        let text = "Tom Keyworth defender Ann Roe was banned.";
        assert!(!names(text, EntityKind::Organization).contains(&"Tom Keyworth".to_string()), "{:?}", run(text));
    }

    #[test]
    fn constructions_ends_a_firms_name() {
        let text = "The penalty fell on the contractor, Sri Murugan Constructions, for missing deadlines.";
        assert!(
            names(text, EntityKind::Organization).contains(&"Sri Murugan Constructions".to_string()),
            "{:?}",
            run(text)
        );
        // Does not fire: a given name first is a person's.
        let text = "John Constructions said the wall would hold.";
        assert!(!names(text, EntityKind::Organization).contains(&"John Constructions".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_person_of_a_body_named_with_its_head_is_two_names() {
        // Fires: an unknown given name, "of" and a firm ending in its head word.
        let text = "Tobiloba Ekwueme of Harbourline Securities said the margin would fall.";
        assert!(names(text, EntityKind::Person).contains(&"Tobiloba Ekwueme".to_string()), "{:?}", run(text));
        assert!(
            names(text, EntityKind::Organization).contains(&"Harbourline Securities".to_string()),
            "{:?}",
            run(text)
        );
        // Does not fire: a head, a title or a place before "of" opens one name.
        let text = "The Royal Bank of Scotland and the Duke of Edinburgh Award said they would help.";
        assert!(
            names(text, EntityKind::Organization).contains(&"Royal Bank of Scotland".to_string()),
            "{:?}",
            run(text)
        );
        assert!(names(text, EntityKind::Person).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn an_acronym_after_a_bodys_name_and_and_opens_a_second_body() {
        let text = "Scientists from the Marlow Institute of Coastal Geology and IIT Kestrane will monitor the slopes.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Marlow Institute of Coastal Geology".to_string()), "{:?}", run(text));
        assert!(orgs.contains(&"IIT Kestrane".to_string()), "{:?}", run(text));
        // Does not fire: a plain word after "and" goes on with the name.
        let text = "The Marlow Institute of Coastal Geology and Hydrology said the slopes were unstable.";
        assert!(
            names(text, EntityKind::Organization)
                .contains(&"Marlow Institute of Coastal Geology and Hydrology".to_string()),
            "{:?}",
            run(text)
        );
    }

    #[test]
    fn a_bodys_field_listed_with_commas_stays_in_its_name() {
        let text = "Officials of the Ministry of Fisheries, Forest and Coastal Change said the ban would stay.";
        assert_eq!(
            names(text, EntityKind::Organization),
            vec!["Ministry of Fisheries, Forest and Coastal Change".to_string()],
            "{:?}",
            run(text)
        );
        assert!(
            names(text, EntityKind::Person).is_empty() && names(text, EntityKind::Place).is_empty(),
            "{:?}",
            run(text)
        );
        // The field of an office after a title and "for", listed with commas, is no body.
        let text = "The Commissioner for Commerce, Industry and Investment, Halima Garba-Dutse, signed the lease.";
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
        assert_eq!(names(text, EntityKind::Person), vec!["Halima Garba-Dutse".to_string()], "{:?}", run(text));
        // Does not fire: people listed after a body, or a list that does not close with "and".
        let text = "The Department of Health, Jo Bell and Tom Ade met on Monday.";
        assert!(names(text, EntityKind::Organization).contains(&"Department of Health".to_string()), "{:?}", run(text));
        let text = "The Ministry of Fisheries, Kestrane said, would appeal.";
        assert!(
            names(text, EntityKind::Organization).contains(&"Ministry of Fisheries".to_string()),
            "{:?}",
            run(text)
        );
    }

    #[test]
    fn plural_bench_titles_ranks_and_ringleaders_are_no_part_of_a_name() {
        let text = "A bench of Justices Ravi Kestran and Meena Olabode said the tribunal erred. Ringleader Darren \
                    Holbeck, 44, was jailed. Their coach, Subedar Major Harjit Dhillon, praised the team.";
        let people = names(text, EntityKind::Person);
        for p in ["Ravi Kestran", "Meena Olabode", "Darren Holbeck", "Harjit Dhillon"] {
            assert!(people.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn local_government_areas_localities_and_counties_named_after_a_town_are_places() {
        let text = "The plant will be built in Kestrel Local Government Area, near Owena LGA. Residents of Shanti \
                    Nagar protested. Farms across County Durham were raided.";
        let places = names(text, EntityKind::Place);
        for p in ["Kestrel Local Government Area", "Owena LGA", "Shanti Nagar", "County Durham"] {
            assert!(places.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
        // Does not fire: a council named after its county, a county's championship.
        let text = "Durham County Council said the County Championship match would go ahead.";
        assert!(
            names(text, EntityKind::Organization).contains(&"Durham County Council".to_string()),
            "{:?}",
            run(text)
        );
        assert!(!names(text, EntityKind::Place).contains(&"County Championship".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_person_of_an_unknown_name_works_there() {
        let text = "The shares were cheap, said Rahul Menon of Kestrane.";
        assert!(names(text, EntityKind::Organization).contains(&"Kestrane".to_string()), "{:?}", run(text));
        // Does not fire: the last word of a building's name.
        let text = "Speaking outside the Royal Courts of Justice, Jo Bell said she was relieved.";
        assert!(!names(text, EntityKind::Organization).contains(&"Justice".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_name_in_apposition_to_a_kind_of_body_keeps_on_and_of() {
        let text = "Spotlight on Fairness, a London-based campaign group, said the fine was too small.";
        assert!(names(text, EntityKind::Organization).contains(&"Spotlight on Fairness".to_string()), "{:?}", run(text));
        // Does not fire: a person of a firm.
        let text = "Jane Roe of Acme, a software maker, said sales rose.";
        assert!(names(text, EntityKind::Person).contains(&"Jane Roe".to_string()), "{:?}", run(text));
    }

    #[test]
    fn kin_after_a_possessive_and_members_titles_name_people() {
        let text = "She is survived by her son Marco and two grandchildren. Sitting MLA Nasir Ali Khan was disqualified.";
        let people = names(text, EntityKind::Person);
        assert!(people.contains(&"Marco".to_string()) && people.contains(&"Nasir Ali Khan".to_string()), "{:?}", run(text));
        assert!(!names(text, EntityKind::Organization).contains(&"MLA".to_string()), "{:?}", run(text));
        // Does not fire: a body after a kin noun.
        let text = "Her father Acme Holdings owned the mill.";
        assert!(!names(text, EntityKind::Person).contains(&"Acme Holdings".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_river_is_named_with_its_noun_but_its_mention_is_the_name() {
        let text = "Officials said the Mutha river had burst its banks near the bridge.";
        let all = run(text);
        let river = all.iter().find(|e| e.0 == EntityKind::Place).expect("a place");
        assert_eq!(river.2, ["Mutha"], "{all:?}");
        assert_eq!(river.1, "Mutha river", "{all:?}");
    }

    #[test]
    fn an_electoral_district_before_its_noun_is_a_place_not_the_house() {
        let text = "Polling in the Kesarpur Assembly constituency was marred by complaints, officials said.";
        let all = run(text);
        assert!(!names(text, EntityKind::Organization).iter().any(|o| o.contains("Assembly")), "{all:?}");
        assert!(names(text, EntityKind::Place).contains(&"Kesarpur Assembly constituency".to_string()), "{all:?}");
        // Does not fire: the house itself.
        let text = "The Kesarpur Assembly passed the bill on Monday.";
        assert!(names(text, EntityKind::Organization).contains(&"Kesarpur Assembly".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_capital_the_inside_a_sentence_opens_the_name() {
        let text = "Surrey beat Kent by six wickets at The Oval on Monday. The side then flew home.";
        let all = run(text);
        assert!(all.iter().any(|e| e.2.contains(&"The Oval".to_string())), "{all:?}");
        let text = "The squad flew home after the win over The Netherlands in Lisbon.";
        let all = run(text);
        assert!(all.iter().any(|e| e.0 == EntityKind::Place && e.2.contains(&"The Netherlands".to_string())), "{all:?}");
        // Does not fire: "The" opening a sentence is the article, whatever follows.
        let text = "Officials met in Lisbon on Monday. The Netherlands sent two ministers.";
        let all = run(text);
        assert!(!all.iter().any(|e| e.2.iter().any(|m| m.starts_with("The "))), "{all:?}");
    }

    #[test]
    fn the_v_of_a_fixture_in_capitals_parts_two_names() {
        let text = "CRICKET - ENGLAND V PAKISTAN FINAL TEST SCOREBOARD.\n\nLONDON 1996-08-22\n\nScoreboard on the last day.";
        let places = names(text, EntityKind::Place);
        assert!(places.iter().any(|p| p.eq_ignore_ascii_case("England")), "{:?}", run(text));
        assert!(places.iter().any(|p| p.eq_ignore_ascii_case("Pakistan")), "{:?}", run(text));
        assert!(!run(text).iter().any(|e| e.1.to_uppercase().contains(" V ")), "{:?}", run(text));
        // Does not fire: a capital V in running text ("Henry V", "Leeds V Hull").
        for text in ["Kenneth Rowe played Henry V at the Globe in London.", "Leeds V Hull ended level."] {
            let toks = tokenize(text);
            let words = crate::extract::text::token_texts(text, &toks);
            let doc = Doc::with_words(text, &toks, &words);
            let v = words.iter().position(|w| *w == "V").expect("a V");
            assert!(!caps_fixture(&doc, v), "{text}");
        }
    }

    #[test]
    fn a_title_in_a_headline_in_capitals_needs_a_name_after_it() {
        let text = "SOCCER - SWISS PREMIER DIVISION RESULTS.\n\nGENEVA 1996-08-25\n\nResults of Swiss premier division matches.";
        let all = run(text);
        assert!(names(text, EntityKind::Person).is_empty(), "{all:?}");
        // Does not fire: a name after the title ("PRESIDENT HALVORSEN"), or a title in running text.
        let text = "PRESIDENT HALVORSEN VISITS LISBON.\n\nLISBON 1996-08-25\n\nPresident Tom Halvorsen arrived on Sunday.";
        assert!(!names(text, EntityKind::Person).is_empty(), "{:?}", run(text));
        let text = "Premier Wu Tianming flew to Lisbon on Sunday.";
        assert!(names(text, EntityKind::Person).contains(&"Wu Tianming".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_name_whose_s_owns_nothing_keeps_it_at_every_use() {
        let text = "Investors sued Farrow's on Monday. Farrow's chairman said the market of Farrow's of Leeds \
                    would recover. The bonds were rated A by Garrick's Investors Service. The rating, Garrick's said, is stable.";
        let all = run(text);
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Farrow's".to_string()), "{all:?}");
        assert!(orgs.contains(&"Garrick's Investors Service".to_string()), "{all:?}");
        assert!(all.iter().any(|e| e.2.contains(&"Farrow's".to_string()) && e.2.len() >= 3), "{all:?}");
        // Does not fire: a possessive that owns a noun, and a person's name.
        let text = "Jo Bell said on Monday that the plan was Bell's. Acme's chairman resigned.";
        let all = run(text);
        assert!(!all.iter().any(|e| e.1.ends_with("'s") || e.2.iter().any(|m| m.ends_with("'s"))), "{all:?}");
    }

    #[test]
    fn english_settlement_names_are_places_by_their_shape() {
        let text = "Residents in Ashby, Colton and Market Hendry complained about the lorries. The library \
                    in Dorsey Cross will close, and a hall at Tarrow Fields will open instead.";
        let places = names(text, EntityKind::Place);
        for p in ["Market Hendry", "Dorsey Cross", "Tarrow Fields", "Colton"] {
            assert!(places.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        // Does not fire: an event, a person after a given name, a firm that owns, no preposition.
        let text = "The Great War changed the town. Victory in Monza went to Damon Hill on Sunday. Profits \
                    rose in Driefontein and Gold Fields' mines. Mark Cross said he was pleased.";
        let places = names(text, EntityKind::Place);
        for p in ["Great War", "Damon Hill", "Gold Fields", "Mark Cross"] {
            assert!(!places.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
    }

    #[test]
    fn a_field_before_a_country_names_a_national_body() {
        let text = "The pool got a grant from Sport England, and Cricket Scotland said the ground was ready.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Sport England".to_string()), "{:?}", run(text));
        assert!(orgs.contains(&"Cricket Scotland".to_string()), "{:?}", run(text));
        // Does not fire: a direction before the country.
        let text = "Storms hit the coast of Eastern England on Monday.";
        assert!(names(text, EntityKind::Place).contains(&"Eastern England".to_string()), "{:?}", run(text));
    }

    #[test]
    fn an_adjective_of_a_field_before_and_goes_on_to_the_head_word() {
        let text = "A notice from the Tarrow State Urban and Regional Planning Board was served on Monday.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Tarrow State Urban and Regional Planning Board".to_string()), "{:?}", run(text));
        // Does not fire: a body's name with its own head before "and".
        let text = "The Tarrow District Council and Harbour Board met on Monday.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Tarrow District Council".to_string()), "{:?}", run(text));
        assert!(orgs.contains(&"Harbour Board".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_financial_period_ends_a_name_and_a_body_may_be_named_with_at() {
        let text = "Harlow Textiles Q2 profit rose. Shares in rival Pets at Home fell, while Homes at Heart, \
                    the furnishings retailer, filed papers. Kothari Spinners also reported.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Harlow Textiles", "Pets at Home", "Homes at Heart", "Kothari Spinners"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        assert!(!orgs.iter().any(|o| o.ends_with("Q2")), "{:?}", run(text));
        // Does not fire: a person at an employer, with no body's context; a given name before "Spinners".
        let text = "On Monday, Ravi Spinners met Hollins at Barclays in London.";
        let orgs = names(text, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o.contains(" at ") || o == "Ravi Spinners"), "{:?}", run(text));
    }

    #[test]
    fn a_body_may_be_named_with_to_and_by_its_products() {
        let text = "After retiring, she chaired Bridges to Learning, a charity that pays for girls to study. A quarry \
                    run by Kelmoor Rock Products was closed.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Bridges to Learning", "Kelmoor Rock Products"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        // Does not fire: two plain words joined by "to" with no body's context; a given name before "Products".
        let text = "Tickets to Paradise sold out on Monday. Daniel Products met the press.";
        let orgs = names(text, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o.contains(" to ") || o == "Daniel Products"), "{:?}", run(text));
    }

    #[test]
    fn a_run_of_honorifics_stays_out_of_the_name_and_names_nothing_alone() {
        let text = "Speaker Rt. Hon. Bello Atabo adjourned the House. The Speaker, Rt. Hon. Efe Omatseye, \
                    agreed, and told the Clerk, Barr. Ruth Agbaji, to write.";
        let people = names(text, EntityKind::Person);
        for p in ["Bello Atabo", "Efe Omatseye", "Ruth Agbaji"] {
            assert!(people.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        assert!(!run(text).iter().any(|e| e.1.starts_with("Rt") || e.1.starts_with("Barr")), "{:?}", run(text));
        // Does not fire: "Barr" as a surname ending a sentence.
        let text = "Reporters met Attorney General William Barr. Trump spoke later.";
        assert!(names(text, EntityKind::Person).contains(&"William Barr".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_name_with_a_particle_after_a_role_noun_is_a_person() {
        let text = "Chip launch.\n\n\"We think it should live in your bag,\" chief executive Sanne de Vries said at \
                    the launch in Eindhoven.";
        assert!(names(text, EntityKind::Person).contains(&"Sanne de Vries".to_string()), "{:?}", run(text));
        // Does not fire: a bank named with "de" after no role noun.
        let text = "Shares in Banco de Kelmora rose on Monday, traders said.";
        assert!(!names(text, EntityKind::Person).iter().any(|p| p.contains("Kelmora")), "{:?}", run(text));
    }

    #[test]
    fn a_short_form_in_brackets_its_initials_spell_names_the_body() {
        let text = "Shares fell after the Securities and Exchange Board of India (Sebi) barred two promoters. \
                    Sebi said the inquiry would go on.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Sebi".to_string()), "{:?}", run(text));
        assert!(!names(text, EntityKind::Place).contains(&"Sebi".to_string()), "{:?}", run(text));
        // Does not fire: a town in brackets after a body whose initials spell something else.
        let text = "The Lagos State Water Corporation (Ikeja) said supplies would resume.";
        assert!(!names(text, EntityKind::Organization).contains(&"Ikeja".to_string()), "{:?}", run(text));
    }

    #[test]
    fn a_head_word_that_is_also_a_common_word_ends_a_body_name() {
        let text = "The group Citizens' Rights Watch said on Monday it was worried.";
        let orgs = names(text, EntityKind::Organization);
        assert!(orgs.contains(&"Citizens' Rights Watch".to_string()), "{:?}", run(text));
        // Does not fire: a common word alone, or after a lower-case word.
        let text = "Watch the video. The neighbourhood watch met in Leeds.";
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn festivals_scopes_and_sums_name_nothing_alone() {
        let text = "Clubs shut.\n\nThe clubs will run as normal over Christmas, the manager said. Local MP Jo Bell \
                    backed a rise of R1,500 a month.";
        let all = run(text);
        assert!(!all.iter().any(|e| matches!(e.1.as_str(), "Christmas" | "Local" | "R1")), "{all:?}");
        assert!(names(text, EntityKind::Person).contains(&"Jo Bell".to_string()), "{all:?}");
        // Does not fire: inside a longer name, or a word of a letter and digits without a sum after it.
        let text = "Fair opens.\n\nThe Christmas Market Trust said the R1 road in Kent was shut.";
        let all = run(text);
        assert!(all.iter().any(|e| e.1 == "Christmas Market Trust"), "{all:?}");
    }

    #[test]
    fn club_nicknames_make_teams_of_unknown_towns() {
        let text = "Race report.\n\nKestwick Harriers won the team title, and Cornish Pirates lost at home.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Kestwick Harriers", "Cornish Pirates"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        // Does not fire: a given name first is a person's ("Lions" as a surname is rare, a given name
        // opening two words is a person's).
        let text = "Race report.\n\nDaniel Lions won the sprint.";
        assert!(names(text, EntityKind::Person).contains(&"Daniel Lions".to_string()), "{:?}", run(text));
    }

    #[test]
    fn districts_by_compass_point_are_places() {
        let text = "Vote held.\n\nHe represents Isoko North in the House and toured the South-West.";
        let places = names(text, EntityKind::Place);
        for p in ["Isoko North", "South-West"] {
            assert!(places.contains(&p.to_string()), "{p}: {:?}", run(text));
        }
        // Does not fire: a given name before the point is a person's.
        let text = "Vote held.\n\nRebecca West wrote the report.";
        assert!(names(text, EntityKind::Person).contains(&"Rebecca West".to_string()), "{:?}", run(text));
        assert!(!compass_compound("North-North") && !compass_compound("Anglo-Saxon"));
    }

    #[test]
    fn coined_names_with_an_inner_capital_are_bodies() {
        let text = "Plans approved.\n\nNatureScot had objected to the plans for the stadium.";
        assert!(names(text, EntityKind::Organization).contains(&"NatureScot".to_string()), "{:?}", run(text));
        // Does not fire: surnames of a particle and a name, or capitals throughout.
        for w in ["McAdam", "MacLeod", "DeSantis", "VanDyke", "FitzGerald", "EllenFrazierMJS", "Nature", "MarthaKellan"] {
            assert!(!camel_case_body(w), "{w}");
        }
        assert!(camel_case_body("BlackRock"));
    }

    #[test]
    fn places_joined_before_a_head_make_one_body_and_a_second_head_two() {
        let text = "Panel meets.\n\nNewark and Sherwood District Council and NHS Nottinghamshire and Lincolnshire \
                    Integrated Care Board will meet.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Newark and Sherwood District Council", "NHS Nottinghamshire and Lincolnshire Integrated Care Board"]
        {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        let text = "Study out.\n\nThe work was done with the Australian Institute of Marine Science and James Cook \
                    University.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Australian Institute of Marine Science", "James Cook University"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        // Does not fire: fields after "and" with no head of their own, or no head at all.
        let text = "Study out.\n\nThe Institute of Science and Technology signed. Officials in Leeds and Bradford \
                    Council Tax payers met.";
        let all = run(text);
        assert!(all.iter().any(|e| e.1 == "Institute of Science and Technology"), "{all:?}");
        assert!(!all.iter().any(|e| e.1.starts_with("Leeds and")), "{all:?}");
    }

    #[test]
    fn a_name_that_is_backed_or_listed_is_a_body() {
        let text = "Court rules.\n\nThe suit was filed by Quikkart, which is backed by two funds. Quikkart did not \
                    respond.";
        assert!(names(text, EntityKind::Organization).contains(&"Quikkart".to_string()), "{:?}", run(text));
        // Does not fire: "which is" before what a place is.
        let text = "Court rules.\n\nThe suit was heard in Pialba, which is located on the coast.";
        assert!(!names(text, EntityKind::Organization).contains(&"Pialba".to_string()), "{:?}", run(text));
    }

    #[test]
    fn sides_sign_players_from_sides() {
        let text = "Rugby news.\n\nDevon Mariners beat Blackheath Park 27-19 in the league. Elsewhere, Tarrant Vale \
                    signed prop Ryan Gethin from Cardiff on a two-year deal.\n\nResult: Devon Mariners 27-19 Blackheath Park";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Tarrant Vale", "Cardiff"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        assert!(names(text, EntityKind::Person).contains(&"Ryan Gethin".to_string()));
        // Does not fire: a player who signs a contract, and a town a player comes from.
        let text = "Rugby news.\n\nDevon Mariners beat Blackheath Park 27-19 in the league. Fans travelled from \
                    Cardiff to Exeter after Ryan Gethin signed a new deal.\n\nResult: Devon Mariners 27-19 Blackheath Park";
        let all = run(text);
        assert!(names(text, EntityKind::Person).contains(&"Ryan Gethin".to_string()), "{all:?}");
        assert!(names(text, EntityKind::Place).contains(&"Cardiff".to_string()), "{all:?}");
    }

    #[test]
    fn a_dateline_before_a_dash_and_a_sentence_is_a_place() {
        let text = "Budget passed.\n\nOSHOGBORE - The House passed the budget on Tuesday.";
        assert!(names(text, EntityKind::Place).contains(&"OSHOGBORE".to_string()), "{:?}", run(text));
        // Does not fire: a headline's topic in capitals, before words in capitals.
        let text = "ATHLETICS - OSHOGBORE RESULTS\n\nMEETINGS - RESULTS OF THE DAY\n\nThe House met.";
        assert!(!run(text).iter().any(|e| e.1 == "MEETINGS"), "{:?}", run(text));
    }

    #[test]
    fn a_dateline_shaped_like_an_acronym_that_reads_as_a_word_is_a_place() {
        let text = "Budget passed.\n\nOKEBADA - The Kogi State House of Assembly passed the budget on Tuesday.";
        assert!(names(text, EntityKind::Place).contains(&"OKEBADA".to_string()), "{:?}", run(text));
        // Does not fire: an agency's acronym of consonants before a dash.
        let text = "Drugs seized.\n\nNAFDAC - The agency seized fake drugs in Kano on Tuesday.";
        assert!(!names(text, EntityKind::Place).contains(&"NAFDAC".to_string()), "{:?}", run(text));
    }

    #[test]
    fn unknown_names_kept_with_firms_are_firms() {
        let text = "Deal done.\n\nAcme Insurance and Allianz both declined to comment. RBC Capital Markets advised Brixly, \
                    and Goldman Sachs advised Trellium Group.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Allianz", "Goldman Sachs"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        // Does not fire: names listed where things happen, or beside an acronym.
        let text = "Floods hit.\n\nFamilies in Ikorodu and Acme Group offices were flooded. Bond and PIBOR futures \
                    rose. Units left the Western and Southern Military Districts.";
        let orgs = names(text, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o == "Ikorodu" || o == "Bond" || o == "Western"), "{:?}", run(text));
    }

    #[test]
    fn a_chamber_lists_its_fields_and_a_fintech_is_a_firm() {
        let text = "Traders react.\n\nThe Warri Chamber of Commerce, Industry, Mines and Agriculture welcomed it, while \
                    fintech Kudipay applied for a licence.";
        let orgs = names(text, EntityKind::Organization);
        for o in ["Warri Chamber of Commerce, Industry, Mines and Agriculture", "Kudipay"] {
            assert!(orgs.contains(&o.to_string()), "{o}: {:?}", run(text));
        }
        // Does not fire: a chamber that is no body's head ("the Chamber" of a house is not split).
        let text = "Traders react.\n\nJo Bell, of Leeds, spoke in the chamber.";
        assert!(names(text, EntityKind::Organization).is_empty(), "{:?}", run(text));
    }
}
