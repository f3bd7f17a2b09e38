//! Quotations and who said them.
//!
//! Spans come from the quotation marks (curly, straight, single quotes used
//! as marks, and ’’ as a closing mark). Attribution tries, in order:
//! a name as a label ("X: “Q”"); the outermost speech verb of the clause
//! before the quote (“X said Y called it ‘Q’” is X; “…, saying ‘Q’” is the
//! sentence's subject), any verb right before the quote's comma or colon, a
//! sentence-opening attribution ("As X put it,"); an inverted attribution
//! between commas (", explained X, “Q”"); a participial clause after a comma
//! (", branding him “Q”": the main subject); a comma-ended quote's own
//! attribution ("“Q,” Y added") beats a verb outside the quote's clause, a
//! pronoun subject or a negated verb; a verb coordinated with an earlier one
//! ("... and joked") takes its clause's subject; the words right after the
//! quote: when it ends in a comma, ?, ! or a dash that slot is the
//! attribution and any verb there is a speech act (“Q,” X quipped / beamed X
//! / ― X); then an attribution at the end of the sentence after unquoted
//! words; then the subject of the sentence the quote sits in (partial quotes
//! after any verb); the sentence or colon-ended paragraph before; the
//! previous quote's speaker; the subject of the narration before a quote
//! that opens a sentence or a paragraph. A quote running over paragraphs
//! takes the speaker named in a later paragraph. Inside a noun phrase the
//! person speaks, not a name that modifies a role ("Trump attorney X").
//! Pronouns and role nouns ("he", "the president") resolve to the person in
//! focus; "she" after "a spokeswoman for X", with no person named since, is
//! X. Before a name, lower-case role words ("“…,” spokesman X said") and a
//! long apposition ("X, director of Y, a Z, said") do not hide the person; a
//! name before a noun and another person only describes that person ("said
//! Cruz constituent X"); a subject after a clause conjunction ("days after X
//! told ...") speaks. A place never speaks (`Ctx::voice`): a town named
//! like the surname of a person in the article is that person, else an
//! organisation bearing the place's name or adjective, else the place acting
//! as a government, an organisation ([`places_as_actors`]). When nothing
//! names the speaker, there is none. Names in the attribution slot that
//! entity recognition missed become people ([`add_speaker_names`]).
//!
//! Marks: an opening “ glued to the quoted words and followed by a space
//! closes the quotation (“…,“ she said); a ” after a space or at a
//! paragraph's start, with a closing mark later, opens one.

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::Gazetteer;
use super::lexicon::*;
use super::text::{TokKind, Token};
use crate::model::{EntityKind, LocalEntity, Mention, Quote, Span};

/// The most tokens a quotation's attribution looks at on either side: real sentences are far
/// shorter, and a text without sentence ends (a feed dump, a run of quotation marks) stays linear.
const MAX_CONTEXT: usize = 300;

/// The quotation marks of one text, found once and shared by [`add_speaker_names_with`]
/// and [`extract_with`].
pub struct QuoteMarks(Vec<Marks>);

/// Finds the quotation marks of `text`.
pub fn quote_marks(text: &str) -> QuoteMarks {
    QuoteMarks(find_marks(text))
}

#[derive(Debug, Clone, Copy)]
struct Marks {
    /// Byte offset of the opening mark (or of the paragraph start for a continuation).
    open: usize,
    /// The quoted text.
    inner: Span,
    /// Byte offset just after the closing mark (or the paragraph end).
    close: usize,
    closed: bool,
}

/// Finds quotation spans, paragraph by paragraph.
fn find_marks(text: &str) -> Vec<Marks> {
    let mut out = Vec::new();
    let mut para_start = 0;
    // House style: a text that prints its quotations in double marks (or as '') uses single
    // ones only inside them or for titles; a text without any (British style, in plain text)
    // quotes with straight single marks.
    let doubled = text.contains("''");
    let straight_singles = !doubled && !["\"", "“", "”", "„", "«"].iter().any(|m| text.contains(m));
    let mut chars = Vec::new();
    let mut headline = true;
    for line in text.split('\n') {
        if may_hold_marks(line) {
            let before = out.len();
            let open_single = scan_paragraph(straight_singles, doubled, para_start, line, &mut chars, &mut out);
            // A headline's one word in single marks ("hails 'character'") is a label, seldom attributable.
            if headline && straight_singles {
                let mut k = 0;
                out.retain(|m| {
                    k += 1;
                    k <= before || text[m.inner.start..m.inner.end].contains(' ')
                });
            }
            // A quotation in single marks that runs on: its paragraph ends without the closing
            // mark and the next opens with the same mark ('... to last. / 'We sold ...').
            if let Some(m) = open_single
                && let Some(mark) = text[m.open..].chars().next()
                && text[para_start + line.len()..].trim_start().starts_with(mark)
            {
                out.push(m);
            }
            if headline && out.len() == before && !straight_singles && !doubled {
                chars.clear();
                super::text::char_offsets(line, &mut chars);
                headline_singles(para_start, line, &text[para_start + line.len()..], &chars, &mut out);
            }
        }
        headline &= line.trim().is_empty();
        para_start += line.len() + 1;
    }
    out
}

/// A headline quotes in straight single marks without the sentence's punctuation, in a text
/// that quotes in double marks below it ("Police: 'We need to hear from witnesses' after man
/// dies", "'We are not a bank': Fieldpay chief on ..."): a pair opening the line, or after a
/// colon or a space, closing after a letter before a space, a colon, a comma or the line's end,
/// with at least three words in it and not all of them capitalised (a title: 'The Last Post').
/// Not words the article quotes again below (`body`): the quotation there is the one attributed.
fn headline_singles(base: usize, line: &str, body: &str, chars: &[(usize, char)], out: &mut Vec<Marks>) {
    let at = |i: usize| chars.get(i).map_or(' ', |&(_, c)| c);
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c == '\'' && (i == 0 || at(i - 1).is_whitespace()) && at(i + 1).is_alphabetic() {
            let close = (i + 2..chars.len()).find(|&j| {
                at(j) == '\''
                    && at(j - 1).is_alphanumeric()
                    && (at(j + 1).is_whitespace() || matches!(at(j + 1), ':' | ','))
            });
            let Some(j) = close else { break };
            let inner = &line[b + 1..chars[j].0];
            let words: Vec<&str> = inner.split_whitespace().collect();
            if words.len() >= 3
                && !inner.contains(['"', '“', '”'])
                && !words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
                && !body.contains(inner)
            {
                out.push(Marks {
                    open: base + b,
                    inner: Span::new(base + b + 1, base + chars[j].0),
                    close: base + chars[j].0 + 1,
                    closed: true,
                });
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
}

/// Whether a paragraph has a character that can open or close a quotation: `"`, `'`,
/// `“ ” „ ‘ « »`. A paragraph with none (a right single mark alone is an apostrophe
/// unless a quotation is open) has no quotation.
fn may_hold_marks(line: &str) -> bool {
    // The bytes that may start a mark, by table.
    const LEAD: [bool; 256] = {
        let mut t = [false; 256];
        t[b'"' as usize] = true;
        t[b'\'' as usize] = true;
        t[0xE2] = true;
        t[0xC2] = true;
        t
    };
    let b = line.as_bytes();
    // Only the bytes that may start a mark are looked at closely.
    let mut from = 0;
    while let Some(p) = b[from..].iter().position(|&c| LEAD[c as usize]) {
        let i = from + p;
        let mark = match b[i] {
            b'"' | b'\'' => true,
            // “ ” „ ‘ are E2 80 9C / 9D / 9E / 98.
            0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D | 0x9E | 0x98)),
            // « » are C2 AB / BB.
            _ => matches!(b.get(i + 1), Some(0xAB | 0xBB)),
        };
        if mark {
            return true;
        }
        from = i + 1;
    }
    false
}

#[derive(PartialEq, Clone, Copy)]
enum Open {
    Curly,
    Straight,
    Single,
    /// `'` used as a quotation mark, as British outlets print it in plain text.
    StraightSingle,
}

/// The next character at or after byte `from` of `line` that the quotation rules look at
/// (`“ „ « ” » ’ ‘ " '`), with its byte offset: every other character is passed over unread.
fn next_mark(line: &str, from: usize) -> Option<(usize, char)> {
    const LEAD: [bool; 256] = {
        let mut t = [false; 256];
        t[b'"' as usize] = true;
        t[b'\'' as usize] = true;
        t[0xE2] = true;
        t[0xC2] = true;
        t
    };
    let b = line.as_bytes();
    let mut from = from;
    while let Some(p) = b.get(from..)?.iter().position(|&c| LEAD[c as usize]) {
        let i = from + p;
        let mark = match b[i] {
            b'"' | b'\'' => true,
            // ‘ ’ “ ” „ are E2 80 98 / 99 / 9C / 9D / 9E.
            0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x98 | 0x99 | 0x9C | 0x9D | 0x9E)),
            // « » are C2 AB / BB.
            _ => matches!(b.get(i + 1), Some(0xAB | 0xBB)),
        };
        if mark {
            return line[i..].chars().next().map(|c| (i, c));
        }
        from = i + 1;
    }
    None
}

/// The quotations of one paragraph. Only the marks are visited ([`next_mark`]); their neighbours
/// are decoded where a rule asks for them, and `chars` (all the paragraph's characters) is filled
/// only for the rare rule that reads ahead far ([`single_quote_close`]).
fn scan_paragraph(
    straight_singles: bool,
    doubled: bool,
    base: usize,
    line: &str,
    chars: &mut Vec<(usize, char)>,
    out: &mut Vec<Marks>,
) -> Option<Marks> {
    let mut open: Option<(Open, usize, usize)> = None; // kind, mark offset, inner start
    let prev_char = |b: usize| line[..b].chars().next_back().unwrap_or(' ');
    let next_char = |after: usize| line[after..].chars().next().unwrap_or(' ');
    let push = |kind_open: (Open, usize, usize), inner_end: usize, close: usize, closed: bool, out: &mut Vec<Marks>| {
        let (_, mark, start) = kind_open;
        let raw = &line[start..inner_end];
        let trimmed_start = start + (raw.len() - raw.trim_start().len());
        let trimmed_end = inner_end - (raw.len() - raw.trim_end().len());
        if trimmed_start < trimmed_end && line[trimmed_start..trimmed_end].chars().any(char::is_alphabetic) {
            out.push(Marks {
                open: base + mark,
                inner: Span::new(base + trimmed_start, base + trimmed_end),
                close: base + close,
                closed,
            });
        }
    };
    let mut chars_ready = false;
    // A quotation in single marks was found in this paragraph: the next one may end it ('A,' he said. 'B.').
    let mut singles_here = false;
    let mut from = 0;
    while let Some((b, c)) = next_mark(line, from) {
        let after = b + c.len_utf8();
        // Where the next mark is looked for: after this one unless a rule takes more.
        from = after;
        match (c, open) {
            ('“' | '„' | '«', None) => open = Some((Open::Curly, b, after)),
            // An opening mark glued to the end of the quoted words and followed by a space is a
            // misprinted closing mark (“It is late,“ she said.), not a new quotation.
            ('“', Some(o @ (Open::Curly, _, _)))
                if matches!(prev_char(b), ',' | '.' | '?' | '!') && next_char(after).is_whitespace() =>
            {
                push(o, b, after, true, out);
                open = None;
            }
            ('“', Some((Open::Curly, _, _))) => open = Some((Open::Curly, b, after)),
            ('”' | '»', Some(o @ (Open::Curly | Open::Straight, _, _))) => {
                push(o, b, after, true, out);
                open = None;
            }
            ('’', Some(o @ (Open::Curly, _, _))) if next_char(after) == '’' => {
                let close = after + '’'.len_utf8();
                push(o, b, close, true, out);
                open = None;
                from = close;
            }
            // A closing mark printed as the opener (”Fear. …”): after a space or at the paragraph
            // start, with a closing mark later in the paragraph.
            ('”', None)
                if (b == 0 || prev_char(b).is_whitespace() && !next_char(after).is_whitespace())
                    && line[after..].contains('”') =>
            {
                open = Some((Open::Curly, b, after));
            }
            ('"', None) if !next_char(after).is_whitespace() => open = Some((Open::Straight, b, after)),
            ('"', Some(o @ (Open::Straight | Open::Curly, _, _))) => {
                push(o, b, after, true, out);
                open = None;
            }
            ('‘', None) if !prev_char(b).is_alphanumeric() && next_char(after).is_alphanumeric() => {
                open = Some((Open::Single, b, after));
            }
            ('’', Some(o @ (Open::Single, _, _))) if !next_char(after).is_alphanumeric() => {
                push(o, b, after, true, out);
                open = None;
            }
            ('\'', None) if straight_singles && !prev_char(b).is_alphanumeric() && next_char(after).is_alphabetic() => {
                open = Some((Open::StraightSingle, b, after));
            }
            ('\'', Some(o @ (Open::StraightSingle, _, _)))
                if !prev_char(b).is_whitespace()
                    && !next_char(after).is_alphanumeric()
                    && !plural_possessive(&line[after..], prev_char(b)) =>
            {
                // An apostrophe pair is no quotation ('n'); a single word is one when it reads as a
                // word someone used (an 'eyewash').
                if quoted_words(&line[o.2..b]) {
                    push(o, b, after, true, out);
                }
                open = None;
            }
            // In a text that also quotes in double marks, a straight single pair is still a
            // quotation when it reads as one: it opens a word after a space and closes after the
            // sentence's punctuation, before a space ('I thought it was offside,' he said.).
            ('\'', None)
                if !straight_singles
                    && !doubled
                    && !prev_char(b).is_alphanumeric()
                    && next_char(after).is_alphabetic() =>
            {
                if !chars_ready {
                    chars.clear();
                    super::text::char_offsets(line, chars);
                    chars_ready = true;
                }
                let i = chars.partition_point(|&(x, _)| x < b);
                // A whole paragraph in single marks is a heading ('All Bets Are Off.'): a quotation
                // opens a sentence or follows a colon, and one that ends the paragraph follows a
                // colon (He said: 'We won.') or another quotation ('A,' he said. 'B.'); inside a
                // sentence only a comma-ended one that is not a title ('Blue Skies, Again,').
                if let Some(j) = single_quote_close(chars, i)
                    && let (before, rest) = (line[..b].trim_end(), line[chars[j].0 + 1..].trim())
                    && (before.ends_with(':')
                        || singles_here && before.ends_with('.')
                        || !rest.is_empty()
                            && (before.is_empty()
                                || before.ends_with(['.', '?', '!', '"', '”'])
                                || chars[j - 1].1 == ','
                                    && !line[after..chars[j].0]
                                        .split_whitespace()
                                        .all(|w| w.starts_with(|c: char| c.is_uppercase()))))
                {
                    push((Open::StraightSingle, b, after), chars[j].0, chars[j].0 + 1, true, out);
                    singles_here = true;
                    from = chars[j].0 + 1;
                }
            }
            _ => {}
        }
    }
    match open {
        Some(o) if !matches!(o.0, Open::Single | Open::StraightSingle) => {
            push(o, line.len(), line.len(), false, out);
            None
        }
        // A single mark still open at the paragraph's end: [`find_marks`] keeps it when the next
        // paragraph opens with the same mark.
        Some(o) => {
            let mut last = Vec::new();
            push(o, line.len(), line.len(), false, &mut last);
            last.pop()
        }
        None => None,
    }
}

/// The paragraph scan as first written, over every decoded character: the reference
/// [`scan_paragraph`] is tested against.
#[cfg(test)]
fn scan_paragraph_by_chars(
    straight_singles: bool,
    doubled: bool,
    base: usize,
    line: &str,
    chars: &[(usize, char)],
    out: &mut Vec<Marks>,
) -> Option<Marks> {
    let mut open: Option<(Open, usize, usize)> = None; // kind, mark offset, inner start
    let prev_char = |i: usize| if i == 0 { ' ' } else { chars[i - 1].1 };
    let next_char = |i: usize| chars.get(i + 1).map_or(' ', |&(_, c)| c);
    let push = |kind_open: (Open, usize, usize), inner_end: usize, close: usize, closed: bool, out: &mut Vec<Marks>| {
        let (_, mark, start) = kind_open;
        let raw = &line[start..inner_end];
        let trimmed_start = start + (raw.len() - raw.trim_start().len());
        let trimmed_end = inner_end - (raw.len() - raw.trim_end().len());
        if trimmed_start < trimmed_end && line[trimmed_start..trimmed_end].chars().any(char::is_alphabetic) {
            out.push(Marks {
                open: base + mark,
                inner: Span::new(base + trimmed_start, base + trimmed_end),
                close: base + close,
                closed,
            });
        }
    };
    let mut i = 0;
    // A quotation in single marks was found in this paragraph: the next one may end it ('A,' he said. 'B.').
    let mut singles_here = false;
    while i < chars.len() {
        let (b, c) = chars[i];
        let after = b + c.len_utf8();
        match (c, open) {
            ('“' | '„' | '«', None) => open = Some((Open::Curly, b, after)),
            // An opening mark glued to the end of the quoted words and followed by a space is a
            // misprinted closing mark (“It is late,“ she said.), not a new quotation.
            ('“', Some(o @ (Open::Curly, _, _)))
                if matches!(prev_char(i), ',' | '.' | '?' | '!') && next_char(i).is_whitespace() =>
            {
                push(o, b, after, true, out);
                open = None;
            }
            ('“', Some((Open::Curly, _, _))) => open = Some((Open::Curly, b, after)),
            ('”' | '»', Some(o @ (Open::Curly | Open::Straight, _, _))) => {
                push(o, b, after, true, out);
                open = None;
            }
            ('’', Some(o @ (Open::Curly, _, _))) if next_char(i) == '’' => {
                let close = after + '’'.len_utf8();
                push(o, b, close, true, out);
                open = None;
                i += 1;
            }
            // A closing mark printed as the opener (”Fear. …”): after a space or at the paragraph
            // start, with a closing mark later in the paragraph.
            ('”', None)
                if (i == 0 || prev_char(i).is_whitespace() && !next_char(i).is_whitespace())
                    && line[after..].contains('”') =>
            {
                open = Some((Open::Curly, b, after));
            }
            ('"', None) if !next_char(i).is_whitespace() => open = Some((Open::Straight, b, after)),
            ('"', Some(o @ (Open::Straight | Open::Curly, _, _))) => {
                push(o, b, after, true, out);
                open = None;
            }
            ('‘', None) if !prev_char(i).is_alphanumeric() && next_char(i).is_alphanumeric() => {
                open = Some((Open::Single, b, after));
            }
            ('’', Some(o @ (Open::Single, _, _))) if !next_char(i).is_alphanumeric() => {
                push(o, b, after, true, out);
                open = None;
            }
            ('\'', None) if straight_singles && !prev_char(i).is_alphanumeric() && next_char(i).is_alphabetic() => {
                open = Some((Open::StraightSingle, b, after));
            }
            ('\'', Some(o @ (Open::StraightSingle, _, _)))
                if !prev_char(i).is_whitespace()
                    && !next_char(i).is_alphanumeric()
                    && !plural_possessive(&line[after..], prev_char(i)) =>
            {
                // An apostrophe pair is no quotation ('n'); a single word is one when it reads as a
                // word someone used (an 'eyewash').
                if quoted_words(&line[o.2..b]) {
                    push(o, b, after, true, out);
                }
                open = None;
            }
            // In a text that also quotes in double marks, a straight single pair is still a
            // quotation when it reads as one: it opens a word after a space and closes after the
            // sentence's punctuation, before a space ('I thought it was offside,' he said.).
            ('\'', None)
                if !straight_singles && !doubled && !prev_char(i).is_alphanumeric() && next_char(i).is_alphabetic() =>
            {
                // A whole paragraph in single marks is a heading ('All Bets Are Off.'): a quotation
                // opens a sentence or follows a colon, and one that ends the paragraph follows a
                // colon (He said: 'We won.') or another quotation ('A,' he said. 'B.'); inside a
                // sentence only a comma-ended one that is not a title ('Blue Skies, Again,').
                if let Some(j) = single_quote_close(chars, i)
                    && let (before, rest) = (line[..b].trim_end(), line[chars[j].0 + 1..].trim())
                    && (before.ends_with(':')
                        || singles_here && before.ends_with('.')
                        || !rest.is_empty()
                            && (before.is_empty()
                                || before.ends_with(['.', '?', '!', '"', '”'])
                                || chars[j - 1].1 == ','
                                    && !line[after..chars[j].0]
                                        .split_whitespace()
                                        .all(|w| w.starts_with(|c: char| c.is_uppercase()))))
                {
                    push((Open::StraightSingle, b, after), chars[j].0, chars[j].0 + 1, true, out);
                    singles_here = true;
                    i = j;
                }
            }
            _ => {}
        }
        i += 1;
    }
    match open {
        Some(o) if !matches!(o.0, Open::Single | Open::StraightSingle) => {
            push(o, line.len(), line.len(), false, out);
            None
        }
        // A single mark still open at the paragraph's end: [`find_marks`] keeps it when the next
        // paragraph opens with the same mark.
        Some(o) => {
            let mut last = Vec::new();
            push(o, line.len(), line.len(), false, &mut last);
            last.pop()
        }
        None => None,
    }
}

/// What a pair of straight single marks holds in a text that quotes in them: words, or one
/// lower-case word of four letters or more (an 'eyewash', a 'poll-gimmick'), not an elision
/// ('n', 'em).
fn quoted_words(inner: &str) -> bool {
    let inner = inner.trim();
    inner.contains(' ')
        || (inner.chars().count() >= 4
            && inner.starts_with(|c: char| c.is_lowercase())
            && inner.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The closing mark of a straight single quotation opened at `open` in a text that
/// quotes in double marks: `'` right after `,` `.` `?` or `!` and before a space or the
/// paragraph's end, with no double mark between and at least three words inside.
fn single_quote_close(chars: &[(usize, char)], open: usize) -> Option<usize> {
    let mut spaces = 0;
    for j in open + 1..chars.len() {
        match chars[j].1 {
            '"' | '“' | '”' => return None,
            '\'' if chars.get(j + 1).is_some_and(|&(_, c)| c == '\'') => return None,
            c if c.is_whitespace() => spaces += 1,
            '\'' if matches!(chars[j - 1].1, ',' | '.' | '?' | '!')
                && chars.get(j + 1).is_none_or(|&(_, c)| c.is_whitespace()) =>
            {
                return (spaces >= 2).then_some(j);
            }
            // Another mark at a word's edge (a title: 'Finding Neverland' ... 'Cheers,'), but not an
            // apostrophe inside a word or after a plural ("the players' union").
            '\'' => {
                let next = |k: usize| chars.get(j + k).map_or(' ', |&(_, c)| c);
                let in_word = chars[j - 1].1.is_alphanumeric() && next(1).is_alphanumeric();
                let plural = chars[j - 1].1 == 's' && next(1) == ' ' && next(2).is_lowercase();
                if !in_word && !plural {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

/// `s'` followed by a lower-case word is a plural possessive ("the players' union"),
/// not the end of a quotation.
fn plural_possessive(rest: &str, prev: char) -> bool {
    let mut chars = rest.chars();
    prev == 's' && chars.next() == Some(' ') && chars.next().is_some_and(char::is_lowercase)
}

/// What an attribution cue points at.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Entity(usize),
    /// Someone the text does not name ("officials said", "a spokesman said").
    Unnamed,
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The text of every token, sliced once.
    words: &'a [&'a str],
    entities: &'a [LocalEntity],
    /// Entity of each token, if the token lies in a mention.
    tok_entity: Vec<Option<usize>>,
    /// First token of each mention, to tell where a mention starts.
    mention_start: Vec<bool>,
    in_quote: Vec<bool>,
    /// (token position, person) for every person mention outside quotes and every attributed quote.
    focus: Vec<(usize, usize)>,
    speakers: Vec<(usize, usize)>,
    /// Gender of each entity from its names, found once.
    genders: Vec<Option<Gender>>,
    /// The last token of each organisation mention, in text order.
    org_ends: Vec<usize>,
}

impl<'a> Ctx<'a> {
    fn s(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn s_at(&self, t: &Token) -> &'a str {
        t.span.slice(self.text)
    }

    fn lower_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
            && self.s(i).chars().next().is_some_and(char::is_lowercase)
    }

    fn is_person(&self, e: usize) -> bool {
        self.entities[e].kind == EntityKind::Person
    }

    /// The person in focus just before token `pos`.
    fn focus_at(&self, pos: usize) -> Option<usize> {
        self.focus_matching(pos, None)
    }

    /// The person "he" or "she" at `pos` refers to: the person in focus whose name or
    /// honorific does not contradict the pronoun.
    fn pronoun_at(&self, pos: usize, pronoun: &str) -> Option<usize> {
        let gender = match pronoun {
            "he" | "He" | "him" | "his" => Some(Gender::Male),
            "she" | "She" | "her" => Some(Gender::Female),
            _ => None,
        };
        let person = self.focus_matching(pos, gender);
        // "A spokeswoman for the agency said ... “…,” she said": an unnamed spokesperson
        // mentioned after the last named person speaks for the organisation.
        let last_person =
            self.focus.iter().chain(self.speakers.iter()).filter(|(p, _)| *p < pos).map(|(p, _)| *p).max();
        let para = self.toks.get(pos).map(|t| t.para);
        let spokes = (last_person.unwrap_or(0)..pos).rev().take(80).find_map(|t| {
            let fits = match (self.s(t), gender) {
                ("spokesman", Some(Gender::Female)) | ("spokeswoman", Some(Gender::Male)) => false,
                (w, _) => matches!(w, "spokesman" | "spokeswoman" | "spokesperson"),
            };
            if !fits || self.toks[t].para != para.unwrap_or(usize::MAX) || self.in_quote[t] {
                return None;
            }
            matches!(self.s(t + 1), "for" | "of" | "at")
                .then(|| (t + 2..t + 4).find_map(|k| self.mention_at(k)))
                .flatten()
                .filter(|&e| self.entities[e].kind == EntityKind::Organization)
        });
        spokes.or(person)
    }

    /// True when the mention at `p` owns what follows it ("Danjuma's brother"): not a subject.
    fn possessor(&self, p: usize) -> bool {
        let Some(e) = self.mention_at(p) else { return false };
        let mut end = p + 1;
        while self.mention_at(end) == Some(e) && !self.mention_start[end] {
            end += 1;
        }
        self.toks.get(end).is_some_and(|t| t.kind == TokKind::Possessive)
    }

    /// The gender an entity's names tell, if any.
    fn gender_of_entity(&self, e: usize) -> Option<Gender> {
        self.genders[e]
    }

    /// "His wife said": a relation noun after a possessive pronoun at `i` is the person the article
    /// named with that noun ("his wife Tina", "her son, Jo Bell,"), else someone unnamed.
    fn named_relation(&self, i: usize) -> Option<Who> {
        let rel = self.s(i);
        if i == 0
            || !matches!(self.s(i - 1), "his" | "her" | "His" | "Her" | "their" | "Their")
            || !self.lower_word(i)
            || !is_relation_noun(rel)
            // "Her daughter, the cellist Jo Bell, said": the name in apposition, found by the callers.
            || (i + 1..i + 7).any(|k| self.mention_at(k).is_some_and(|e| self.is_person(e)))
        {
            return None;
        }
        let before = self.focus.partition_point(|(p, _)| *p < i);
        let named = self.focus[..before].iter().rev().take(40).find(|(p, _)| {
            let p = *p;
            (p >= 1 && self.s(p - 1) == rel) || (p >= 2 && self.s(p - 1) == "," && self.s(p - 2) == rel)
        });
        Some(named.map_or(Who::Unnamed, |&(_, e)| Who::Entity(e)))
    }

    /// "the statement quoted her as saying", "Reuters quoted a spokesman as saying": the words are
    /// those of the object of "quoted" at `v`, named before "as" and a participle (before `hi`).
    fn quoted_as(&self, v: usize, hi: usize) -> Option<Who> {
        if !matches!(self.s(v), "quoted" | "quotes" | "quoting") || self.in_quote[v] {
            return None;
        }
        let as_at = (v + 2..hi.min(v + 12)).find(|&k| {
            !self.in_quote[k] && self.s(k) == "as" && self.lower_word(k + 1) && self.s(k + 1).ends_with("ing")
        })?;
        if (v + 1..as_at).any(|k| self.in_quote[k] || matches!(self.s(k), "." | ";" | ":")) {
            return None;
        }
        match self.s(v + 1) {
            p @ ("him" | "her") if as_at == v + 2 => self.pronoun_at(v + 1, p).map(Who::Entity),
            _ => self.np_after(v + 1, as_at),
        }
    }

    /// A participle opening a sentence before a clause or a phrase of its own ("Asked whether ...,",
    /// "Asked about X,", "Pressed on ...,"), not an inverted attribution before its speaker ("Said
    /// the minister, ...", "Added Jo Bell, ..."): a lower-case word follows that is no determiner.
    fn participle_clause(&self, verb: usize) -> bool {
        self.lower_word(verb + 1)
            && !matches!(self.s(verb + 1), "the" | "a" | "an" | "one" | "another" | "his" | "her" | "its" | "their")
    }

    /// The first token of the sentence holding `pos` when that sentence opens with "Asked",
    /// "Questioned" or "Pressed" and `pos` comes after its first comma (the answer's clause).
    fn asked_opening(&self, pos: usize) -> Option<usize> {
        let sent = self.toks.get(pos)?.sent;
        let mut start = pos;
        while start > 0 && self.toks[start - 1].sent == sent && pos - start < MAX_CONTEXT {
            start -= 1;
        }
        (matches!(self.s(start), "Asked" | "Questioned" | "Pressed")
            && (start + 1..pos).any(|k| self.s(k) == "," && !self.in_quote[k]))
        .then_some(start)
    }

    fn focus_matching(&self, pos: usize, gender: Option<Gender>) -> Option<usize> {
        let fits = |e: usize| match (gender, self.gender_of_entity(e)) {
            (Some(want), Some(has)) => want == has,
            _ => true,
        };
        // "Asked by Jo Bell whether ..., she replied": who asks the question is not who answers.
        let asker = |p: usize| {
            p >= 2
                && self.s(p - 1) == "by"
                && matches!(self.s(p - 2), "Asked" | "asked" | "Questioned" | "questioned" | "Pressed" | "pressed")
        };
        // "Asked about Jo Bell, he said": the person asked about is not who answers either; the
        // pronoun of a sentence that opens with "Asked" is no one named before it in that sentence.
        let asked_from = self.asked_opening(pos);
        let m = self
            .focus
            .iter()
            .filter(|(p, e)| *p < pos && fits(*e) && !asker(*p) && asked_from.is_none_or(|a| *p < a))
            .max_by_key(|(p, _)| *p)
            .copied();
        let s = self
            .speakers
            .iter()
            .filter(|(p, e)| *p < pos && fits(*e) && asked_from.is_none_or(|a| *p < a))
            .max_by_key(|(p, _)| *p)
            .copied();
        let latest = match (m, s) {
            (Some(a), Some(b)) => Some(if a.0 >= b.0 { a } else { b }),
            (a, b) => a.or(b),
        }?;
        // Within the sentence of the latest person, its subject is in focus, not a
        // person named later in it ("X spoke alongside Y. He said ..." is X).
        let sent = self.toks[latest.0].sent;
        if sent != self.toks.get(pos).map_or(usize::MAX, |t| t.sent) {
            let subject = self
                .focus
                .iter()
                .filter(|(p, e)| {
                    self.toks[*p].sent == sent && !self.after_preposition(*p) && !self.possessor(*p) && fits(*e)
                })
                .min_by_key(|(p, _)| *p);
            if let Some(&(_, e)) = subject {
                return Some(e);
            }
        }
        Some(latest.1)
    }

    /// "the president": the latest person whose stated title has that word (or its form in
    /// titles: "the judge" is "Justice X"), else the person in focus.
    fn role_at(&self, pos: usize, role: &str) -> Option<usize> {
        let role = role.to_lowercase();
        let titled = self
            .focus
            .iter()
            .chain(self.speakers.iter())
            .filter(|(p, e)| *p < pos && self.entities[*e].titles.iter().any(|t| title_fits_role(t, &role)))
            .max_by_key(|(p, _)| *p)
            .copied();
        // "Lady Justice Omondi and Lord Justice Fairbairn agreed. “…,” the judge wrote": the latest
        // holder of the title shares its sentence with another, so the words name neither; the last
        // holder who was quoted speaks.
        if let Some((p, e)) = titled {
            let fits = |q: usize| self.entities[q].titles.iter().any(|t| title_fits_role(t, &role));
            let sent = self.toks[p].sent;
            let shared = self.focus.iter().any(|&(q, f)| f != e && self.toks[q].sent == sent && fits(f));
            if shared
                && let Some(&(_, s)) = self
                    .speakers
                    .iter()
                    .filter(|&&(q, s)| q < pos && self.toks[q].sent < sent && fits(s))
                    .max_by_key(|(q, _)| *q)
            {
                return Some(s);
            }
        }
        titled.map(|(_, e)| e).or_else(|| self.focus_at(pos))
    }

    /// "the ministry", "the company": the latest organisation before `pos` whose name has that head
    /// word, named outside quotations (a firm the analysts' quote speaks of does not speak).
    fn org_noun_at(&self, pos: usize, noun: &str) -> Option<usize> {
        // "the bench said": the judges speak as their court.
        let noun = if noun == "bench" { "court" } else { noun };
        let generic = is_body_kind_noun(noun);
        if !generic && !is_org_head_lower(noun) {
            return None;
        }
        // A name the article called by that noun counts too: "The GMB union said ... the union".
        let before = self.org_ends.partition_point(|&j| j < pos);
        // "a company spokesperson", "the firm said": a business, not a court, a ministry or a police
        // force named since ("... an appeal to the Supreme Court. ... a company spokesperson said").
        let business = matches!(noun, "company" | "firm");
        let public_body = |e: usize| {
            self.entities[e].name.split_whitespace().any(|w| {
                matches!(
                    w,
                    "Court" | "Tribunal" | "Ministry" | "Department" | "Council" | "Commission" | "Parliament"
                        | "Assembly" | "Police" | "Government" | "Senate" | "Congress" | "Judiciary" | "Constabulary"
                )
            })
        };
        let bears = |e: usize| self.entities[e].name.split_whitespace().any(|w| w.eq_ignore_ascii_case(noun));
        self.org_ends[..before]
            .iter()
            .rev()
            .filter(|&&j| !self.in_quote[j])
            .find_map(|&j| {
                let e = self.mention_at(j)?;
                let called = self.lower_word(j + 1) && self.s(j + 1) == noun;
                if business && !called && public_body(e) {
                    return None;
                }
                (generic || called || bears(e)).then_some(e)
            })
            // "“I've written to Kelby District Council,” he said. A council spokesperson said": a body
            // whose name bears the head word counts when it was named only inside a quotation.
            .or_else(|| {
                (!generic).then(|| {
                    self.org_ends[..before].iter().rev().find_map(|&j| self.mention_at(j).filter(|&e| bears(e)))
                })?
            })
    }

    fn mention_at(&self, i: usize) -> Option<usize> {
        self.tok_entity.get(i).copied().flatten()
    }

    /// The first token of the mention covering `i`.
    fn mention_first(&self, mut i: usize) -> usize {
        while i > 0 && !self.mention_start[i] && self.tok_entity[i - 1] == self.tok_entity[i] {
            i -= 1;
        }
        i
    }

    fn speaker_entity(&self, e: usize) -> bool {
        let ent = &self.entities[e];
        ent.kind != EntityKind::Place
            || matches!(ent.subtype, Some(crate::model::Subtype::Country | crate::model::Subtype::City))
    }

    /// Who speaks for entity `e`: a person or organisation speaks for itself. A place never
    /// speaks ("Moscow said"): a town's name that is the surname of a person the article
    /// names is that person; else an organisation bearing the place's name or adjective
    /// ("the Russian Foreign Ministry"); else the place acting as a government, which
    /// [`places_as_actors`] turns into an organisation.
    fn voice(&self, e: usize) -> Option<usize> {
        let ent = &self.entities[e];
        if ent.kind != EntityKind::Place {
            return Some(e);
        }
        // "Bolton said" in an article about John Bolton: a town's name that is the surname of a
        // person the article names is that person.
        let surname_of = |p: &LocalEntity| p.name.split_whitespace().last().map(str::to_string);
        if let Some(p) = self.entities.iter().position(|p| {
            p.kind == EntityKind::Person
                && surname_of(p)
                    .is_some_and(|sn| sn != p.name && ent.surfaces.iter().chain([&ent.name]).any(|s| *s == sn))
        }) {
            return Some(p);
        }
        let gaz = Gazetteer::get();
        let mut names: Vec<String> = std::iter::once(&ent.name).chain(ent.surfaces.iter()).cloned().collect();
        if let Some(d) = gaz.demonym_of(&ent.name) {
            names.push(d.to_string());
        }
        let holds = |org: &str, name: &str| {
            let (o, n): (Vec<&str>, Vec<&str>) = (org.split_whitespace().collect(), name.split_whitespace().collect());
            !n.is_empty() && o.len() > n.len() && o.windows(n.len()).any(|w| w == n.as_slice())
        };
        self.entities
            .iter()
            .position(|o| {
                o.kind == EntityKind::Organization
                    && std::iter::once(&o.name).chain(o.surfaces.iter()).any(|on| names.iter().any(|n| holds(on, n)))
            })
            .or(Some(e))
    }

    /// Who speaks through the verb at `v`: its subject, or after a passive
    /// ("were told by X") the agent, looking within `lo..hi`.
    fn speaker_of_verb(&self, v: usize, lo: usize, hi: usize) -> Option<Who> {
        // "was told", not "is insisting": a progressive form has its subject before it.
        let passive = v > 0
            && matches!(self.s(v - 1), "was" | "were" | "been" | "be" | "is" | "are")
            && !self.s(v).ends_with("ing");
        if passive {
            return (v + 1..hi).find(|&j| self.s(j) == "by").and_then(|j| self.mention_at(j + 1)).map(Who::Entity);
        }
        self.subject_before(v, lo)
    }

    /// The subject of the speech verb at `v`, looking left no further than `lo`.
    /// The subject of a participle `v` in a "with" phrase, which is its own and not the sentence's:
    /// "…, with the party's chairman, Jo Bell, telling reporters that “Q”" is Jo Bell's.
    fn with_subject(&self, v: usize, lo: usize) -> Option<Who> {
        let start = v.saturating_sub(12).max(lo);
        let k = (start..v).rev().find(|&k| matches!(self.s(k), "with" | "With"))?;
        // "appeared with X and endorsed Y, saying": a verb coordinated after the phrase ends it.
        let verb_between = (k + 1..v).any(|j| {
            self.in_quote[j]
                || (self.lower_word(j) && (is_speech_verb(self.s(j)) || self.s(j).ends_with("ing")))
                || (self.s(j) == "and" && {
                    let mut n = j + 1;
                    while n < v && self.lower_word(n) && self.s(n).ends_with("ly") {
                        n += 1;
                    }
                    n < v && self.lower_word(n) && self.s(n).ends_with("ed")
                })
        });
        if verb_between {
            return None;
        }
        self.subject_before(v, lo).filter(|w| matches!(w, Who::Entity(_)))
    }

    /// The subject of a participle `v` right after a "with" phrase naming it, with no comma
    /// before the participle: "…, with Jo Bell calling it “Q”". Between "with" and `v` only the
    /// name and a few describing words (no preposition, verb or participle): not "credited X with
    /// holding", "with a link to a study proving".
    fn with_phrase_subject(&self, v: usize, lo: usize) -> Option<usize> {
        let k = (v.saturating_sub(8).max(lo)..v).rev().find(|&k| matches!(self.s(k), "with" | "With"))?;
        let words = k + 1..v;
        let plain = words.clone().all(|j| {
            !self.in_quote[j]
                && (!self.lower_word(j)
                    || self.mention_at(j).is_some()
                    || !(is_preposition(self.s(j)) || self.s(j).ends_with("ed") || self.s(j).ends_with("ing")))
        });
        if !plain || words.clone().filter(|&j| self.lower_word(j)).count() > 3 {
            return None;
        }
        match self.with_subject(v, lo)? {
            Who::Entity(e) if words.clone().any(|j| self.mention_at(j) == Some(e)) => Some(e),
            _ => None,
        }
    }

    /// "House Speaker Jo Bell", "Clark County Sheriff Jo Bell": a body or place `e` whose mention
    /// ends before `j`, then a capitalised title (one to three words, a role or title among them), then the
    /// person who holds it, before `hi`.
    fn titled_person(&self, e: usize, j: usize, hi: usize) -> Option<usize> {
        if self.is_person(e) {
            return None;
        }
        let mut t = j;
        while t < hi
            && t < j + 3
            && self.mention_at(t).is_none()
            && self.toks[t].kind == TokKind::Word
            && self.s(t).chars().next().is_some_and(char::is_uppercase)
        {
            t += 1;
        }
        if t == j
            || !(j..t).any(|x| is_role_noun(self.s(x)) || is_title_head(self.s(x)))
            || t >= hi
            || !self.mention_start[t]
        {
            return None;
        }
        self.mention_at(t).filter(|&p| self.is_person(p))
    }

    fn subject_before(&self, v: usize, lo: usize) -> Option<Who> {
        let mut i = v;
        let mut steps = 0;
        while i > lo && steps < 14 {
            i -= 1;
            steps += 1;
            if self.in_quote[i] {
                return None;
            }
            let s = self.s(i);
            if (matches!(s, "," | "—" | "–") && i + 1 == v) || s == ")" {
                // Skip an apposition or a parenthesis: "X, a spokesman for Y, said", "X — a
                // favourite of Y — said".
                let opener = if s == ")" { "(" } else { s };
                let mut j = i;
                while j > lo && self.s(j - 1) != opener {
                    j -= 1;
                }
                if j > lo {
                    // "the Prime Minister, Jane Doe, said": the name in the apposition speaks.
                    // Only a bare name: "X, an adviser to Y, said" is X.
                    if s == ","
                        && (j..i).all(|k| self.mention_at(k).is_some() || !self.lower_word(k))
                        && let Some(e) = (j..i).find_map(|k| self.mention_at(k).filter(|&e| self.is_person(e)))
                    {
                        return Some(Who::Entity(e));
                    }
                    if s == ","
                        && let Some(e) = self.person_opening_apposition(j, i)
                    {
                        return Some(Who::Entity(e));
                    }
                    i = j - 1;
                }
                continue;
            }
            if let Some(e) = self.mention_at(i) {
                let first = self.mention_first(i);
                // "X, a doctor at Y, New Delhi, who ..., said": a place between commas tells where
                // the body before it is; it is not the subject.
                if self.entities[e].kind == EntityKind::Place
                    && self.s(i + 1) == ","
                    && i + 1 != v
                    && first > lo
                    && self.s(first - 1) == ","
                {
                    i = first;
                    continue;
                }
                let after_prep = self.after_preposition(first);
                let possessive = self.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Possessive);
                if possessive {
                    // "Putin’s spokesman said": someone unnamed speaks.
                    return Some(Who::Unnamed);
                }
                // "with Senator X telling reporters": the subject of the participle, after the preposition.
                let participle_subject = (i + 1..v).all(|k| is_vp_adverb(self.s(k))) && self.s(v).ends_with("ing");
                // "days after Trump told the Post": a conjunction, not a preposition, before the subject.
                let clause_subject = (i + 1..v).all(|k| is_auxiliary(self.s(k)))
                    && (first.saturating_sub(2)..first).any(|k| {
                        matches!(self.s(k).to_lowercase().as_str(), "after" | "before" | "since" | "until" | "as")
                    })
                    && !self.s(v).ends_with("ing");
                if (!after_prep || participle_subject || clause_subject) && self.speaker_entity(e) {
                    return Some(Who::Entity(e));
                }
                i = first;
                continue;
            }
            if is_personal_pronoun(s) {
                return self.pronoun_at(i, s).map(Who::Entity);
            }
            if matches!(s, "they" | "They" | "it" | "It" | "we" | "We" | "I") {
                return None;
            }
            // "X was joined by Y and joked", "X backed Y, but now said": a verb coordinated with
            // an earlier one shares its subject, the clause's, not the nearest name.
            if matches!(s, "and" | "but")
                && (i + 1..v).all(|k| is_auxiliary(self.s(k)) || is_vp_adverb(self.s(k)))
                && i > lo
            {
                return self.sentence_subject(self.clause_start(lo, i), i);
            }
            if s == "who" || s == "which" {
                // "X, who vowed ...": the antecedent, even inside a prepositional phrase.
                let mut j = i;
                while j > lo && self.s(j - 1) == "," {
                    j -= 1;
                }
                if let Some(e) = j.checked_sub(1).and_then(|k| self.mention_at(k)).filter(|&e| self.speaker_entity(e)) {
                    return Some(Who::Entity(e));
                }
                continue;
            }
            if let Some(w) = self.named_relation(i) {
                return Some(w);
            }
            if is_role_noun(s) && (self.lower_word(i) || matches!(self.s(i.wrapping_sub(1)), "The" | "the")) {
                if let Some(p) = self.person_before_apposition(i, lo) {
                    return Some(Who::Entity(p));
                }
                return Some(self.role_phrase(i, lo));
            }
            let only_auxiliaries_between = (i + 1..v).all(|k| is_auxiliary(self.s(k)));
            // "the septuagenarian lamented", "The mum-of-two said": the person in focus.
            if only_auxiliaries_between
                && i > lo
                && matches!(self.s(i - 1), "the" | "The")
                && describes_by_age_or_family(s)
            {
                return self.focus_at(i).map(Who::Entity);
            }
            // "..., the party said": a body the article named, called by its kind.
            if only_auxiliaries_between
                && self.lower_word(i)
                && i > lo
                && matches!(self.s(i - 1), "the" | "The")
                && let Some(e) = self.org_noun_at(i - 1, s)
            {
                return Some(Who::Entity(e));
            }
            if self.lower_word(i)
                && s.ends_with('s')
                && only_auxiliaries_between
                && !is_speech_verb(s)
                && !is_auxiliary(s)
            {
                // "officials said", "analysts say"
                return Some(Who::Unnamed);
            }
            if matches!(s, "." | ";" | ":") {
                return None;
            }
        }
        None
    }

    /// "cannot say", "did not say", "never said": the verb at `v` reports no speech.
    fn negated(&self, v: usize) -> bool {
        (v.saturating_sub(2)..v).any(|k| matches!(self.s(k), "not" | "never" | "cannot" | "n't" | "’t" | "'t"))
    }

    /// The subject of the verb at `v` is a personal pronoun ("he didn't think", "she said").
    fn pronoun_subject(&self, v: usize, lo: usize) -> bool {
        let mut k = v;
        while k > lo {
            let w = self.s(k - 1);
            let negation =
                matches!(w, "not" | "never" | "n't" | "’t" | "'t" | "did" | "didn" | "does" | "doesn" | "do" | "don");
            if !(is_auxiliary(w) || is_vp_adverb(w) || negation) {
                break;
            }
            k -= 1;
        }
        k > lo && is_personal_pronoun(self.s(k - 1))
    }

    /// "Jo Bell, a Democratic pollster ...": the person whose apposition holds the role noun at `i`.
    fn person_before_apposition(&self, i: usize, lo: usize) -> Option<usize> {
        let mut k = i;
        while k > lo
            && i - k < 6
            && self.toks[k - 1].kind == TokKind::Word
            && self.mention_at(k - 1).is_none_or(|e| !self.is_person(e))
        {
            k -= 1;
        }
        if k < lo + 2 || self.s(k - 1) != "," {
            return None;
        }
        let p = self.mention_at(k - 2).filter(|&p| self.is_person(p))?;
        let first = self.mention_first(k - 2);
        (!self.after_preposition(first)).then_some(p)
    }

    /// "Cruz constituent Jo Bell", "Times columnist Jo Bell": one or two lower-case nouns from
    /// `k`, then a person's name (before `hi`): the name before them only describes that person.
    fn person_after_nouns(&self, k: usize, hi: usize) -> bool {
        (k + 1..hi.min(k + 3)).find(|&j| !self.lower_word(j)).is_some_and(|j| {
            self.mention_at(j).is_some_and(|p| self.is_person(p))
                && self.mention_start[j]
                && (k..j).all(|w| {
                    let w = self.s(w);
                    !is_post_quote_verb(w)
                        && !is_auxiliary(w)
                        && !is_preposition(w)
                        && !self.verb_like_function(w)
                        && !w.ends_with("ed")
                        && !w.ends_with("ing")
                })
        })
    }

    /// Function words that never head a noun phrase.
    fn verb_like_function(&self, w: &str) -> bool {
        matches!(w, "and" | "or" | "but" | "who" | "which" | "that" | "the" | "a" | "an" | "is" | "was" | "to")
    }

    /// Where the clause holding token `hi` starts: after an opening phrase ("While
    /// visiting X, ...") and after a clause boundary (", while", ", but", ";").
    fn clause_start(&self, lo: usize, hi: usize) -> usize {
        let mut start = lo;
        let opener = self.s(lo).to_lowercase();
        if (is_preposition(&opener)
            || opener.ends_with("ing")
            || matches!(opener.as_str(), "when" | "as" | "while" | "if" | "although" | "though" | "because" | "since"))
            && let Some(c) = (lo..hi).find(|&i| !self.in_quote[i] && self.s(i) == ",")
        {
            start = c + 1;
        }
        let first = start;
        for i in first..hi {
            if self.in_quote[i] {
                continue;
            }
            let s = self.s(i);
            // "..., but X said", "... claims and Mr. X warned": a new subject starts a clause
            // ("X and Y said" is one subject).
            let after_clause = i > lo
                && (self.s(i - 1) == ","
                    || (s == "and" && (self.lower_word(i - 1) || is_quote_tok(self, i - 1) || self.in_quote[i - 1])));
            // "X tweeted after Y argued that ...": a subordinate clause with its own named subject
            // and verb.
            let subordinate = matches!(s, "after" | "before" | "when" | "because" | "until" | "since")
                && self.mention_start.get(i + 1).copied().unwrap_or(false)
                && self.mention_at(i + 1).is_some_and(|e| self.speaker_entity(e))
                && {
                    let e = self.mention_at(i + 1);
                    let mut m = i + 1;
                    while m < hi && self.mention_at(m) == e && (m == i + 1 || !self.mention_start[m]) {
                        m += 1;
                    }
                    m < hi && self.verb_like(m) && !self.in_quote[m]
                };
            let boundary = s == ";"
                || subordinate
                || (after_clause
                    && matches!(s, "while" | "but" | "whereas" | "although" | "though" | "and")
                    && !self.lower_word(i + 1));
            if boundary {
                start = i + 1;
            }
        }
        start
    }

    /// Who speaks in a clause `start..colon` that introduces a quotation: "X said:",
    /// "explained the moderator, Jo Bell:", "Jo Bell:", else the clause's subject.
    fn intro_speaker(&self, start: usize, colon: usize) -> Option<Who> {
        if let Some(v) = (start..colon).rev().find(|&i| self.lower_word(i) && is_speech_verb(self.s(i))) {
            let who = self.speaker_of_verb(v, start, colon);
            if who.is_some() {
                return who;
            }
            if v + 1 < colon
                && let Some(Who::Entity(e)) = self.np_after(v + 1, colon)
            {
                return Some(Who::Entity(e));
            }
        }
        if colon > start
            && colon - start <= 6
            && let Some(e) = self.mention_at(colon - 1).filter(|&e| self.entities[e].kind != EntityKind::Place)
        {
            return Some(Who::Entity(e));
        }
        self.sentence_subject(start, colon)
    }

    /// The subject of the sentence starting at `lo`: its first person or organisation not
    /// after a preposition, a pronoun, or "the <role>", before `hi`. An opening phrase
    /// ("After the debate, ...", "Speaking in Ohio, ...") is skipped; a place never speaks.
    fn sentence_subject(&self, lo: usize, hi: usize) -> Option<Who> {
        let mut k = lo;
        // A coordinator opening the sentence ("And last summer, ...") hides no subject.
        if k + 1 < hi && matches!(self.s(k), "And" | "But" | "Yet" | "So") && !self.in_quote[k] {
            k += 1;
        }
        // Opening phrases up to their commas, one after another ("Last week, while touring
        // the plant, Bell called it “Q”"): the subject follows them.
        for _ in 0..3 {
            let opener = self.s(k).to_lowercase();
            let opening_phrase = is_preposition(&opener)
                || opener.ends_with("ing")
                || opener.ends_with("ed")
                || (opener.ends_with("ly") && self.lower_word(k))
                || matches!(
                    opener.as_str(),
                    "when"
                        | "as"
                        | "while"
                        | "if"
                        | "although"
                        | "though"
                        | "because"
                        | "since"
                        | "last"
                        | "earlier"
                        | "later"
                        | "meanwhile"
                        | "still"
                        | "instead"
                );
            match (k..hi).find(|&i| !self.in_quote[i] && self.s(i) == ",") {
                Some(c) if opening_phrase => k = c + 1,
                _ => break,
            }
        }
        // "The association welcomed the fall but said ...": a clause opening with "the" and the head
        // word of a body's name has the body the article named last with that word as its subject (not
        // a word for any body, "the group", which may be one the rules did not find).
        if k < hi
            && matches!(self.s(k), "The" | "the")
            && self.lower_word(k + 1)
            && !is_role_noun(self.s(k + 1))
            && !is_body_kind_noun(self.s(k + 1))
            && is_org_head_lower(self.s(k + 1))
            && let Some(e) = self.org_noun_at(k, self.s(k + 1))
        {
            return Some(Who::Entity(e));
        }
        while k < hi {
            if self.in_quote[k] {
                k += 1;
                continue;
            }
            let s = self.s(k);
            if let Some(e) = self.mention_at(k) {
                let first = self.mention_first(k);
                let mut m_end = k + 1;
                while m_end < hi && self.mention_at(m_end) == Some(e) && !self.mention_start[m_end] {
                    m_end += 1;
                }
                if first == k && !self.after_preposition(first) {
                    let possessive = self.toks.get(m_end).is_some_and(|t| t.kind == TokKind::Possessive);
                    let modifies = self.lower_word(m_end) && is_role_or_group_noun(self.s(m_end));
                    if possessive || modifies {
                        // "Trump's lawyer Jo Bell", "Obama speechwriter Jo Bell": the person after the role.
                        let end = self.np_end(m_end + 1, hi);
                        return Some(
                            (m_end..end)
                                .find_map(|j| self.mention_at(j).filter(|&p| p != e && self.is_person(p)))
                                .map_or(Who::Unnamed, Who::Entity),
                        );
                    }
                    if let Some(p) = self.titled_person(e, m_end, hi) {
                        return Some(Who::Entity(p));
                    }
                    if self.entities[e].kind != EntityKind::Place {
                        return Some(Who::Entity(e));
                    }
                }
                k = m_end;
                continue;
            }
            if is_personal_pronoun(s) {
                return self.pronoun_at(k, s).map(Who::Entity);
            }
            if matches!(s, "they" | "They" | "it" | "It" | "we" | "We" | "I") {
                return None;
            }
            if let Some(w) = self.named_relation(k) {
                return Some(w);
            }
            if is_role_noun(s) && self.lower_word(k) {
                // The role as a title: "columnist Jo Bell put it", "candidate Sen. Jo Bell said" (an
                // honorific or title between).
                let mut j = k + 1;
                while j < hi
                    && j < k + 5
                    && self.mention_at(j).is_none()
                    && (self.s(j) == "." || is_honorific(self.s(j)) || is_title_head(self.s(j)))
                {
                    j += 1;
                }
                if let Some(p) = self.mention_at(j).filter(|&p| self.mention_start[j] && self.is_person(p)) {
                    return Some(Who::Entity(p));
                }
                if let Some(p) = self.appositive_person(k, hi) {
                    return Some(Who::Entity(p));
                }
                return Some(self.role_phrase(k, lo));
            }
            k += 1;
        }
        None
    }

    /// The person a role noun's phrase names in apposition: "The chairman of the union in
    /// the state, Alhaji Musa Bello, commended …" is Musa Bello. The phrase up to the comma
    /// holds no verb, and the name, after honorifics and titles, is set off by commas.
    fn appositive_person(&self, role: usize, hi: usize) -> Option<usize> {
        let end = hi.min(role + 16);
        let comma = (role + 1..end).find(|&j| self.in_quote[j] || matches!(self.s(j), "," | ";" | ":"))?;
        if self.in_quote[comma] || self.s(comma) != "," {
            return None;
        }
        let verb = |w: &str| is_auxiliary(w) || is_speech_verb(w) || w.ends_with("ed");
        if (role + 1..comma).any(|j| self.lower_word(j) && verb(self.s(j))) {
            return None;
        }
        let mut first = comma + 1;
        while first < hi
            && self.mention_at(first).is_none()
            && (is_honorific(self.s(first)) || is_title_head(self.s(first)))
        {
            first += 1;
        }
        let p = self.mention_at(first)?;
        if !self.is_person(p) || self.mention_first(first) != first {
            return None;
        }
        let mut after = first;
        while after < hi && self.mention_at(after) == Some(p) {
            after += 1;
        }
        (after < hi && self.s(after) == ",").then_some(p)
    }

    /// True when the noun phrase whose name starts at `first` follows a
    /// preposition, looking past titles ("with Secretary of State X").
    fn after_preposition(&self, first: usize) -> bool {
        let mut k = first;
        while k > 0 && self.mention_at(k - 1).is_none() {
            let w = self.s(k - 1);
            if w == "of" {
                // "Secretary of State X" continues a title; "Putin of Russia" is a preposition.
                if k >= 2 && (is_title_head(self.s(k - 2)) || is_title_modifier(self.s(k - 2))) {
                    k -= 1;
                    continue;
                }
                return true;
            }
            if is_preposition(w) {
                return true;
            }
            if self.toks[k - 1].kind == TokKind::Word && !self.lower_word(k - 1) || matches!(w, "the" | "a" | "an") {
                k -= 1;
                continue;
            }
            return false;
        }
        false
    }

    /// Whose statement the speech noun at `n` is: "its declaration" (the
    /// sentence's subject), "his warning" (the person in focus), "Moscow's claim".
    fn owner_of(&self, n: usize, lo: usize) -> Option<Who> {
        let mut k = n;
        while k > lo && self.lower_word(k - 1) && !matches!(self.s(k - 1), "its" | "his" | "her" | "their") && n - k < 2
        {
            k -= 1;
        }
        let owner = k.checked_sub(1)?;
        match self.s(owner) {
            "his" | "her" => self.pronoun_at(owner, self.s(owner)).map(Who::Entity),
            "its" | "their" => (lo..owner).find_map(|j| {
                let e = self.mention_at(j)?;
                let first = self.mention_first(j);
                (first == j && self.speaker_entity(e) && !self.is_person(e) && !self.after_preposition(first))
                    .then_some(Who::Entity(e))
            }),
            _ if self.toks[owner].kind == TokKind::Possessive => owner
                .checked_sub(1)
                .and_then(|m| self.mention_at(m))
                .filter(|&e| self.speaker_entity(e))
                .map(Who::Entity),
            _ => None,
        }
    }

    /// "Their solicitor, Owen Prentice of the law firm Leigh Day, said": an apposition from `j` to
    /// `end` that opens with a person's name and goes on with "of", "from" or "at" (where the person
    /// works) is that person.
    fn person_opening_apposition(&self, j: usize, end: usize) -> Option<usize> {
        let e = self.mention_at(j).filter(|&e| self.is_person(e) && self.mention_start[j])?;
        let mut m = j;
        while m < end && self.mention_at(m) == Some(e) {
            m += 1;
        }
        (m < end && matches!(self.s(m), "of" | "from" | "at")).then_some(e)
    }

    /// The source after "according to" at `i`: a name or description, or an object pronoun
    /// ("According to her, “…”" is the woman in focus).
    fn according_to(&self, i: usize, hi: usize) -> Option<Who> {
        match self.s(i) {
            w @ ("him" | "her") => self.pronoun_at(i, w).map(Who::Entity),
            _ => self.np_after(i, hi),
        }
    }

    /// A role noun at `i` as a speaker: "the president" (someone in focus),
    /// "a Defense Ministry spokesman" (the organisation), "a spokesman" (unnamed).
    fn role_phrase(&self, i: usize, lo: usize) -> Who {
        let role = self.s(i);
        // "a spokeswoman for the union": the body the spokesperson speaks for.
        if matches!(role, "spokesman" | "spokeswoman" | "spokesperson") && matches!(self.s(i + 1), "for" | "of" | "at")
        {
            let k = if matches!(self.s(i + 2), "the" | "The") { i + 3 } else { i + 2 };
            if let Some(e) = self.mention_at(k).filter(|&e| self.entities[e].kind == EntityKind::Organization) {
                return Who::Entity(e);
            }
            if k == i + 3
                && self.lower_word(k)
                && let Some(e) = self.org_noun_at(i, self.s(k))
            {
                return Who::Entity(e);
            }
        }
        if let Some(e) = self.spokesperson_body(i) {
            return Who::Entity(e);
        }
        let mut j = i;
        while j > lo {
            let s = self.s(j - 1);
            if let Some(e) = self.mention_at(j - 1) {
                let first = self.mention_first(j - 1);
                if self.toks.get(j).is_some_and(|t| t.kind == TokKind::Possessive)
                    || self.entities[e].kind == EntityKind::Person
                {
                    return Who::Unnamed;
                }
                if self.entities[e].kind == EntityKind::Organization {
                    // "the NATO chief", "the former Portsmouth defender" are a person in a role; "a
                    // Defense Ministry spokesman" speaks for the ministry.
                    let det = (first.saturating_sub(3).max(lo)..first)
                        .rev()
                        .take_while(|&k| self.lower_word(k) || matches!(self.s(k), "The"))
                        .find(|&k| matches!(self.s(k), "the" | "The"));
                    if det.is_some_and(|d| (d + 1..first).all(|k| self.lower_word(k) && !is_role_noun(self.s(k)))) {
                        return self.role_at(i, role).map_or(Who::Unnamed, Who::Entity);
                    }
                    return Who::Entity(e);
                }
                j = first;
                continue;
            }
            if matches!(s, "the" | "The") {
                return self.role_at(i, role).map_or(Who::Unnamed, Who::Entity);
            }
            if matches!(s, "a" | "A" | "an" | "An" | "another" | "Another" | "one" | "One") {
                return Who::Unnamed;
            }
            if self.toks.get(j - 1).is_some_and(|t| t.kind == TokKind::Possessive) {
                return Who::Unnamed;
            }
            if !(self.lower_word(j - 1) || self.toks[j - 1].kind == TokKind::Word) {
                break;
            }
            j -= 1;
            if i - j > 4 {
                break;
            }
        }
        Who::Unnamed
    }

    /// The one organisation the paragraph of token `i` names before it outside quotations, when it
    /// names no person there.
    fn sole_body_of_paragraph(&self, i: usize) -> Option<usize> {
        let para = self.toks[i].para;
        let mut body = None;
        for k in (0..i).rev().take_while(|&k| self.toks[k].para == para) {
            let Some(e) = self.mention_at(k).filter(|_| !self.in_quote[k]) else { continue };
            match self.entities[e].kind {
                EntityKind::Person => return None,
                EntityKind::Organization if body.is_some_and(|b| b != e) => return None,
                EntityKind::Organization => body = Some(e),
                _ => {}
            }
        }
        body
    }

    /// The body an unnamed spokesperson at `i` speaks for, when the words say it by a lower-case kind
    /// noun ("a council spokesperson": the latest council named) or when it is "the spokesperson"
    /// introduced shortly before as one body's ("A Bradford council spokesperson said ... “…,” the
    /// spokesperson said"). Not when a person was named between the two: the definite may then be
    /// someone else's spokesperson.
    fn spokesperson_body(&self, i: usize) -> Option<usize> {
        let role = self.s(i);
        if !matches!(role, "spokesman" | "spokeswoman" | "spokesperson") {
            return None;
        }
        let body_noun = |w: &str| is_body_kind_noun(w) || is_org_head_lower(w);
        // "a council spokesperson", "a Bradford council spokesperson".
        if i > 0 && self.lower_word(i - 1) && body_noun(self.s(i - 1)) {
            return self.org_noun_at(i, self.s(i - 1));
        }
        // "The charity Kindred said ... “…,” a spokesperson said": the one body its paragraph names,
        // when it names no one.
        if i > 0 && matches!(self.s(i - 1), "a" | "A") && !matches!(self.s(i + 1), "for" | "of" | "at") {
            return self.sole_body_of_paragraph(i);
        }
        if !(i > 0 && matches!(self.s(i - 1), "the" | "The")) {
            return None;
        }
        let named_since =
            |t: usize| (t + 1..i).any(|k| self.mention_at(k).is_some_and(|e| self.is_person(e)) && !self.in_quote[k]);
        let first = (i.saturating_sub(120)..i).rev().find(|&t| {
            self.s(t) == role
                && t > 0
                && !self.in_quote[t]
                && (matches!(self.s(t - 1), "a" | "A" | "an" | "An")
                    || self.mention_at(t - 1).is_some()
                    || (self.lower_word(t - 1) && body_noun(self.s(t - 1))))
        })?;
        if named_since(first) || self.toks[first].para + 1 < self.toks[i].para {
            return None;
        }
        if matches!(self.s(first + 1), "for" | "of" | "at") {
            let k = if matches!(self.s(first + 2), "the" | "The") { first + 3 } else { first + 2 };
            if let Some(e) = self.mention_at(k).filter(|&e| self.entities[e].kind == EntityKind::Organization) {
                return Some(e);
            }
            return (k == first + 3 && self.lower_word(k)).then(|| self.org_noun_at(first, self.s(k))).flatten();
        }
        if first > 0 && self.lower_word(first - 1) && body_noun(self.s(first - 1)) {
            return self.org_noun_at(first, self.s(first - 1));
        }
        self.mention_at(first - 1).filter(|&e| self.entities[e].kind == EntityKind::Organization)
    }

    /// The speaker named right after a quote: ", X said" or ", said X". `slot` is true
    /// when the quote ends in a comma, question or exclamation mark or a dash: then the
    /// words after it are the attribution, and any verb there is a speech act
    /// ("“…,” she quipped", "“…,” implored Smith").
    fn after_quote(&self, start: usize, hi: usize, slot: Slot) -> Option<Who> {
        let mut i = start;
        while i < hi && matches!(self.s(i), "," | "—" | "–" | "-" | "―") {
            i += 1;
        }
        if i >= hi {
            return None;
        }
        if self.s(i) == "according" && self.s(i + 1) == "to" {
            return self.according_to(i + 2, hi);
        }
        // "“Q,” the statement quoted her as saying": the object of "quoted".
        if let Some(w) = (i..hi.min(i + 8)).find_map(|k| self.quoted_as(k, hi)) {
            return Some(w);
        }
        // "“Q,” claiming that ...": a participle goes on with the sentence's subject; it names
        // no speaker after it.
        // Not "managing director Jo Bell said": a participle before a role noun describes the speaker.
        if self.lower_word(i)
            && self.s(i).len() > 5
            && self.s(i).ends_with("ing")
            && !is_preposition(self.s(i))
            && self.lower_word(i + 1)
            && !is_role_noun(self.s(i + 1))
            && !is_role_or_group_noun(self.s(i + 1))
        {
            return None;
        }
        let np_start = is_personal_pronoun(self.s(i))
            || matches!(self.s(i), "the" | "a" | "an" | "another" | "one" | "some" | "two" | "three" | "several");
        // "“…,” spokesman Jo Bell said", "“…,” veteran analyst Jo Bell wrote": lower-case
        // words describing the person, the name, then the verb.
        let role_phrase = self.lower_word(i)
            && !np_start
            && !is_post_quote_verb(self.s(i))
            && (i..hi.min(i + 4)).find(|&j| !self.lower_word(j)).is_some_and(|j| {
                j > i
                    && (i..j).any(|k| is_role_noun(self.s(k)) || is_relation_noun(self.s(k)))
                    && (i..j).all(|k| !is_post_quote_verb(self.s(k)))
                    && self.mention_at(j).is_some_and(|e| self.is_person(e))
                    && self.mention_start[j]
            });
        if self.lower_word(i) && !np_start && !role_phrase {
            if slot != Slot::None
                && self.verb_like(i)
                && !is_post_quote_verb(self.s(i))
                && is_post_quote_verb(self.s(i + 1))
            {
                // "“…,” fans told coach Jo Bell": a common noun is the subject, the name the listener.
                return Some(Who::Unnamed);
            }
            if is_post_quote_verb(self.s(i)) || (slot != Slot::None && self.verb_like(i)) {
                // "said X", "said on Monday X" is rare; an adverb may sit between: "said simply X".
                let mut j = i + 1;
                if self.lower_word(j) && self.s(j).ends_with("ly") && self.mention_at(j + 1).is_some() {
                    j += 1;
                }
                return self.np_after(j, hi);
            }
            return None;
        }
        if slot == Slot::Comma
            && let Some(Who::Entity(e)) = self.np_after(i, hi)
        {
            // "“…,” Smith, the hotel's owner, wrote later": the name right after the comma speaks.
            return Some(Who::Entity(e));
        }
        // NP then verb within a few tokens (an apposition may sit between).
        let verb = (i..hi).take(16).find(|&j| {
            self.lower_word(j) && (is_post_quote_verb(self.s(j)) || (slot != Slot::None && self.verb_like(j)))
        })?;
        // "“Q1,” X said. “Q2.” Y said he would ...": after a quotation closed without a comma, a
        // verb whose own reported words follow ("that", a pronoun) speaks of something else.
        if slot == Slot::None
            && matches!(self.s(verb + 1), "that" | "he" | "she" | "they" | "it" | "we" | "I" | "his" | "her" | "their")
        {
            return None;
        }
        // "“Q” by the state, NATO and others, Jo Bell said": a name between a comma and the
        // verb is its subject; the words before the comma end the quote's own sentence.
        if verb > i + 1
            && let Some(e) = self.mention_at(verb - 1).filter(|&e| self.speaker_entity(e))
        {
            let first = self.mention_first(verb - 1);
            if first > i && self.s(first - 1) == "," && self.mention_at(first - 1).is_none() {
                return Some(Who::Entity(e));
            }
        }
        self.np_after(i, verb)
    }

    /// The person a credit line names: the quotation closing at `close` ends its paragraph
    /// `para`, and the next paragraph is short and opens with a dash and that person
    /// ("“…” / – Jo Bell." , "“…” / -Mayor Jo Bell, writing on Twitter.").
    fn credit_line(&self, close: usize, para: Option<usize>) -> Option<Who> {
        let para = para?;
        let mut d = close;
        while d < self.toks.len() && self.toks[d].para == para {
            if self.toks[d].kind != TokKind::Punct {
                return None;
            }
            d += 1;
        }
        let dash = self.toks.get(d).filter(|t| t.para == para + 1 && t.kind == TokKind::Punct)?;
        if !matches!(self.s_at(dash), "-" | "–" | "—" | "―") {
            return None;
        }
        let end = (d + 1..self.toks.len()).find(|&k| self.toks[k].para != para + 1).unwrap_or(self.toks.len());
        if end - d > 16 {
            return None;
        }
        match self.np_after(d + 1, end)? {
            Who::Entity(e) if self.is_person(e) => Some(Who::Entity(e)),
            _ => None,
        }
    }

    /// A lower-case word that can be the verb of an attribution: not a function word.
    fn verb_like(&self, i: usize) -> bool {
        let w = self.s(i);
        self.lower_word(i)
            && !is_preposition(w)
            && !is_auxiliary(w)
            && !is_role_noun(w)
            && !matches!(
                w,
                "and"
                    | "or"
                    | "but"
                    | "nor"
                    | "so"
                    | "as"
                    | "because"
                    | "while"
                    | "if"
                    | "when"
                    | "then"
                    | "than"
                    | "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "who"
                    | "which"
                    | "what"
                    | "it"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "not"
                    | "no"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "you"
                    | "i"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "there"
                    | "here"
            )
    }

    /// Where the noun phrase starting at `i` ends: a comma or other clause punctuation,
    /// a relative pronoun, or a verb (at most 12 tokens).
    fn np_end(&self, i: usize, hi: usize) -> usize {
        let mut k = i;
        while k < hi && k < i + 12 {
            let s = self.s(k);
            let t = &self.toks[k];
            // "Del. Jo Bell": a period glued to a short capitalised word abbreviates a title.
            let abbreviation = s == "."
                && k > i
                && self.toks[k - 1].span.end == t.span.start
                && self.s(k - 1).len() <= 5
                && self.s(k - 1).chars().next().is_some_and(char::is_uppercase)
                && self.toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Word)
                && self.s(k + 1).chars().next().is_some_and(char::is_uppercase);
            // "9/11 widow Jo Bell", "24/7 carer": a slash glued between two tokens joins them.
            let joined = s == "/"
                && k > i
                && self.toks[k - 1].span.end == t.span.start
                && self.toks.get(k + 1).is_some_and(|n| n.span.start == t.span.end);
            if t.kind == TokKind::Punct && !matches!(s, "-" | "&") && !abbreviation && !joined {
                break;
            }
            if matches!(s, "who" | "which" | "that" | "whose") {
                break;
            }
            if k > i && self.lower_word(k) && (is_post_quote_verb(s) || is_auxiliary(s) || matches!(s, "is" | "was")) {
                break;
            }
            k += 1;
        }
        k
    }

    /// The noun phrase starting at `i`: a mention, a pronoun, "the <role>", or an unnamed speaker.
    /// Inside the phrase, the first person not after a preposition speaks ("Virginia delegate
    /// Jo Bell", "L2 president Bo Li"); a name that only modifies a role does not ("Trump
    /// attorney Alan Garten", "a Clinton aide"); "a spokeswoman for the hotels, Jo Bell": the
    /// name in apposition speaks.
    /// The last word of a role capitalised as a title from `i` ("Chief Judge", "Governor",
    /// "Commissioner for Health" up to "for"): one to three capitalised words in no mention, the
    /// last a role noun, not followed by another capitalised word (a name: "the Governor Jo Bell").
    fn capitalised_role(&self, i: usize, hi: usize) -> Option<usize> {
        let capitalised = |j: usize| {
            j < hi
                && self.toks[j].kind == TokKind::Word
                && self.mention_at(j).is_none()
                && !self.in_quote[j]
                && self.s(j).chars().next().is_some_and(char::is_uppercase)
        };
        let mut j = i;
        while j < i + 3 && capitalised(j) {
            j += 1;
        }
        (j > i && is_role_noun(self.s(j - 1)) && !capitalised(j) && self.mention_at(j).is_none()).then_some(j - 1)
    }

    fn np_after(&self, i: usize, hi: usize) -> Option<Who> {
        if i >= hi {
            return None;
        }
        let s = self.s(i);
        if is_personal_pronoun(s) {
            return self.pronoun_at(i, s).map(Who::Entity);
        }
        let end = self.np_end(i, hi);
        if let Some(e) = (i..end.min(i + 6)).find_map(|r| self.spokesperson_body(r)) {
            return Some(Who::Entity(e));
        }
        let mut org: Option<usize> = None;
        let mut prep = false;
        let mut modifier = false;
        let mut k = i;
        while k < end {
            let Some(e) = self.mention_at(k) else {
                if is_preposition(self.s(k)) {
                    prep = true;
                }
                k += 1;
                continue;
            };
            let mut m_end = k + 1;
            while m_end < hi && self.mention_at(m_end) == Some(e) && !self.mention_start[m_end] {
                m_end += 1;
            }
            let glued = |j: usize| j > 0 && self.toks.get(j).is_some_and(|t| t.span.start == self.toks[j - 1].span.end);
            let possessive = self
                .toks
                .get(m_end)
                .is_some_and(|t| t.kind == TokKind::Possessive || (matches!(self.s(m_end), "’" | "'") && glued(m_end)));
            if possessive {
                // "said Brooks’ cousin, Keisha Moore": the possessor does not speak; a name after the role does.
                return Some(
                    (m_end + 1..hi.min(m_end + 8))
                        .take_while(|&k| !matches!(self.s(k), "." | ";" | "who" | "which"))
                        .find_map(|k| self.mention_at(k).filter(|&p| self.is_person(p) && p != e))
                        .map_or(Who::Unnamed, Who::Entity),
                );
            }
            if !prep {
                // A name right before a lower-case role noun modifies it: "Trump attorney Jo Bell".
                let modifies = m_end < end
                    && self.lower_word(m_end)
                    && (is_role_or_group_noun(self.s(m_end)) || self.person_after_nouns(m_end, end));
                if modifies {
                    modifier = true;
                } else if self.is_person(e) {
                    return Some(Who::Entity(e));
                } else if org.is_none()
                    && (self.entities[e].kind == EntityKind::Organization || (self.speaker_entity(e) && m_end == end))
                {
                    org = Some(e);
                }
            }
            k = m_end;
        }
        // "a spokeswoman for the hotels, Jo Bell, said": a person in apposition, maybe after an
        // honorific outside the mention ("its president, Dr Jo Bell").
        let mut name_at = end + 1;
        while name_at < end + 4
            && self.mention_at(name_at).is_none()
            && (is_honorific(self.s(name_at)) || (self.s(name_at) == "." && name_at > end + 1))
        {
            name_at += 1;
        }
        if matches!(self.s(end), "," | "—" | "–")
            && let Some(p) = self.mention_at(name_at).filter(|&p| self.is_person(p))
            && self.mention_start[name_at]
        {
            let mut m_end = name_at;
            while self.mention_at(m_end) == Some(p) {
                m_end += 1;
            }
            // A body named inside a description whose head is a role ("its LASUTH branch chairman,
            // Prof. Jo Bell") only qualifies the role: the person in apposition holds it.
            let role_head = !prep && end > i + 1 && self.lower_word(end - 1) && is_role_noun(self.s(end - 1));
            if !self.toks.get(m_end).is_some_and(|t| t.kind == TokKind::Possessive) && (org.is_none() || role_head) {
                return Some(Who::Entity(p));
            }
        }
        if let Some(o) = org {
            return Some(Who::Entity(o));
        }
        if modifier {
            // "the former Portsmouth defender said": a definite description whose head is a
            // role is the person in focus; "a Clinton aide", "the Clinton campaign" are not.
            if matches!(s, "the" | "The")
                && let Some(r) = (i + 1..end).rev().find(|&j| self.lower_word(j)).filter(|&j| is_role_noun(self.s(j)))
            {
                return Some(self.role_at(i, self.s(r)).map_or(Who::Unnamed, Who::Entity));
            }
            return Some(Who::Unnamed);
        }
        if matches!(s, "a" | "A" | "an" | "An" | "another" | "Another" | "one" | "some") {
            return Some(Who::Unnamed);
        }
        if matches!(s, "the" | "The") {
            // "the Argentine said", "the 34-year-old said": a person in focus.
            let next = self.s(i + 1);
            if Gazetteer::get().is_demonym(next) || describes_by_age_or_family(next) {
                return self.focus_at(i).map(Who::Entity);
            }
            if let Some(r) = (i + 1..end.max(i + 2)).find(|&j| self.lower_word(j) && is_role_noun(self.s(j))) {
                return Some(self.role_at(i, self.s(r)).map_or(Who::Unnamed, Who::Entity));
            }
            // "the ministry said": the organisation of that kind named last.
            if self.lower_word(i + 1)
                && let Some(e) = self.org_noun_at(i, self.s(i + 1))
            {
                return Some(Who::Entity(e));
            }
            // "the Chief Judge stated", "the Governor added": a role capitalised as a title, in no
            // name, is its holder, as "the judge" is.
            if let Some(r) = self.capitalised_role(i + 1, hi) {
                return Some(self.role_at(i, self.s(r)).map_or(Who::Unnamed, Who::Entity));
            }
            return None;
        }
        if self.lower_word(i) {
            return Some(Who::Unnamed);
        }
        None
    }
}

fn is_quote_tok(ctx: &Ctx, i: usize) -> bool {
    ctx.toks[i].kind == TokKind::Punct && super::text::is_quote_char(ctx.s(i).chars().next().unwrap_or(' '))
}

/// Nouns a name can modify inside a noun phrase: "Trump attorney Jo Bell", "the Clinton campaign".
fn is_role_or_group_noun(w: &str) -> bool {
    is_role_noun(w)
        || matches!(
            w,
            "campaign"
                | "administration"
                | "camp"
                | "team"
                | "aides"
                | "allies"
                | "supporters"
                | "family"
                | "foundation"
                | "staff"
                | "staffer"
                | "surrogate"
                | "backer"
                | "backers"
                | "loyalist"
                | "ally"
                | "lawyers"
                | "officials"
                | "spokesperson"
                | "pollster"
                | "host"
                | "anchor"
                | "delegate"
                | "voter"
                | "supporter"
                | "press"
        )
}

/// How a quotation ends, which tells whether the words after it attribute it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    /// "“…,” X said": a comma (or a dash) inside or right after the marks.
    Comma,
    /// "“…?” X asked": a question or exclamation mark; a new sentence may follow.
    Mark,
    None,
}

/// Names in the attribution slot of a quotation that entity recognition missed
/// ("“…,” said Reince Kowal, the party chief"; "“…,” Lowell Brand said"): two or
/// three capitalised words there name a person. Adds the person and every later
/// or earlier bare use of the surname as mentions.
pub fn add_speaker_names(text: &str, toks: &[Token], entities: &mut Vec<LocalEntity>, mentions: &mut Vec<Mention>) {
    add_speaker_names_with(&quote_marks(text), text, toks, entities, mentions)
}

/// [`add_speaker_names`] with the text's marks already found.
pub fn add_speaker_names_with(
    marks: &QuoteMarks,
    text: &str,
    toks: &[Token],
    entities: &mut Vec<LocalEntity>,
    mentions: &mut Vec<Mention>,
) {
    let marks = &marks.0;
    if marks.is_empty() {
        return;
    }
    let n = toks.len();
    let tok_index = |byte: usize| toks.partition_point(|t| t.span.start < byte);
    let mut covered = vec![false; n];
    for m in mentions.iter() {
        for c in covered.iter_mut().take(tok_index(m.span.end)).skip(tok_index(m.span.start)) {
            *c = true;
        }
    }
    let word = |i: usize| toks.get(i).map_or("", |t| t.span.slice(text));
    let cap = |i: usize| {
        toks.get(i).is_some_and(|t| t.kind == TokKind::Word) && word(i).chars().next().is_some_and(char::is_uppercase)
    };
    let initial = |i: usize| {
        let w = word(i);
        w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase())
    };
    let mut added = false;
    for mk in marks.iter().filter(|m| m.closed) {
        let last = mk.inner.slice(text).chars().last().unwrap_or(' ');
        let close = tok_index(mk.close);
        if !matches!(last, ',' | '?' | '!' | '—') && word(close) != "," {
            continue;
        }
        let para = toks.get(close).map(|t| t.para);
        let mut j = close;
        while matches!(word(j), "," | "—" | "–" | "―") {
            j += 1;
        }
        // "“…,” Melanie said": a lone given name right before the verb names a person too.
        let single = j < n
            && !covered[j]
            && cap(j)
            && is_given_name(word(j))
            && !is_common_word(word(j))
            && toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Word)
            && word(j + 1).chars().next().is_some_and(char::is_lowercase)
            && is_post_quote_verb(word(j + 1));
        // The run of capitalised words: the lone given name, or the run after the verb and role
        // words ("said Republican party boss", "added former Gov.").
        let (k, e) = if single {
            (j, j + 1)
        } else {
            let mut k = j;
            while k < n && k < j + 8 && toks[k].kind == TokKind::Word && Some(toks[k].para) == para && !covered[k] {
                if cap(k) && (cap(k + 1) || initial(k + 1)) {
                    break;
                }
                let w = word(k);
                if is_preposition(w)
                    || matches!(w, "the" | "a" | "an" | "another" | "one" | "and" | "but" | "or" | "as")
                {
                    break;
                }
                k += 1;
            }
            let mut e = k;
            while e < n && (cap(e) || initial(e)) && !covered[e] && e < k + 6 {
                e += 1;
            }
            if e < k + 2 {
                continue;
            }
            (k, e)
        };
        if covered.get(e).copied().unwrap_or(false) {
            continue;
        }
        let terminated = e >= n
            || matches!(word(e), "," | "." | "(" | ";")
            || toks[e].kind == TokKind::Word && word(e).chars().next().is_some_and(char::is_lowercase);
        if !terminated {
            continue;
        }
        // The name is the last two words (three with a middle initial) of the run.
        let mut a = if single { k } else { e - 2 };
        if a > k && initial(a) {
            a -= 1;
        }
        let words: Vec<&str> = (a..e).map(word).collect();
        let plausible = words.iter().all(|w| {
            let w = w.trim_end_matches('.');
            w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
                && !is_org_head(w)
                && !is_place_head(w)
                && !is_title_head(w)
                && !is_honorific(w)
        }) && (!is_common_word(words[0]) || is_given_name(words[0]))
            && (is_given_name(words[0])
                || a == j
                || a == j + 1
                || a > 0 && (is_role_or_group_noun(word(a - 1)) || is_title_head(word(a - 1))))
            && !is_common_word(words[words.len() - 1].trim_end_matches('.'))
            && Gazetteer::get().lookup(words[words.len() - 1]).is_none()
            // A nationality is no one's name: "“…,” Sri Lankan boatman X said".
            && !Gazetteer::get().is_demonym(&words.join(" "));
        if !plausible {
            continue;
        }
        let span = Span::new(toks[a].span.start, toks[e - 1].span.end);
        let name = span.slice(text).to_string();
        let surname = words[words.len() - 1].to_string();
        let id = match entities.iter().position(|x| x.kind == EntityKind::Person && x.name == name) {
            Some(id) => id,
            None => {
                let mut ent = super::entities::new_entity(EntityKind::Person, None, &name, None);
                ent.surfaces.insert(name.clone());
                entities.push(ent);
                entities.len() - 1
            }
        };
        mentions.push(Mention { span, entity: id });
        for c in covered.iter_mut().take(e).skip(a) {
            *c = true;
        }
        // The bare surname elsewhere in the article.
        for i in 0..n {
            if !covered[i] && word(i) == surname && toks[i].kind == TokKind::Word {
                mentions.push(Mention { span: toks[i].span, entity: id });
                covered[i] = true;
                entities[id].surfaces.insert(surname.clone());
            }
        }
        added = true;
    }
    if added {
        mentions.sort_by_key(|m| m.span);
    }
}

/// A place credited with speech with no body of its government named ("Moscow said") speaks
/// as an organisation: the place acting as its government, an organisation entity of the same
/// name (the contract's creator is a person or an organisation, never a place).
pub fn places_as_actors(entities: &mut Vec<LocalEntity>, speech: &mut Speech) {
    for q in speech.quotes.iter_mut().chain(speech.statements.iter_mut()) {
        let Some(e) = q.speaker.filter(|&e| entities[e].kind == EntityKind::Place) else { continue };
        let name = entities[e].name.clone();
        let id = match entities.iter().position(|o| o.kind == EntityKind::Organization && o.name == name) {
            Some(id) => id,
            None => {
                let mut org = super::entities::new_entity(
                    EntityKind::Organization,
                    Some(crate::model::Subtype::Government),
                    &name,
                    None,
                );
                org.surfaces = entities[e].surfaces.clone();
                entities.push(org);
                entities.len() - 1
            }
        };
        q.speaker = Some(id);
    }
}

/// Finds every quotation in `text` and attributes it.
/// What [`extract`] finds: verbatim quotations, reported (paraphrased) statements, and warnings.
pub struct Speech {
    pub quotes: Vec<Quote>,
    pub statements: Vec<Quote>,
    pub warnings: Vec<String>,
}

/// Finds every quotation in `text` and attributes it; then the reported
/// speech of sentences without quotation marks ("X said (that) ...").
pub fn extract(text: &str, toks: &[Token], entities: &[LocalEntity], mentions: &[Mention]) -> Speech {
    extract_with(&quote_marks(text), text, toks, &super::text::token_texts(text, toks), entities, mentions)
}

/// [`extract`] with the text's marks already found and the text of every token sliced
/// ([`super::text::token_texts`]).
pub fn extract_with<'a>(
    marks: &QuoteMarks,
    text: &'a str,
    toks: &'a [Token],
    words: &'a [&'a str],
    entities: &[LocalEntity],
    mentions: &[Mention],
) -> Speech {
    let marks = &marks.0;
    let mut warnings = Vec::new();
    let n = toks.len();
    let mut tok_entity = vec![None; n];
    let mut mention_start = vec![false; n];
    let mut in_quote = vec![false; n];
    let mut first_tok_at: HashMap<usize, usize> = HashMap::default();
    let tok_index = |byte: usize| toks.partition_point(|t| t.span.start < byte);
    for m in mentions {
        let a = tok_index(m.span.start);
        let mut first = true;
        for i in a..n {
            if toks[i].span.start >= m.span.end {
                break;
            }
            tok_entity[i] = Some(m.entity);
            mention_start[i] = first;
            first = false;
        }
    }
    for (q, mk) in marks.iter().enumerate() {
        let a = tok_index(mk.open + 1);
        for i in a..n {
            if toks[i].span.start >= mk.inner.end {
                break;
            }
            in_quote[i] = true;
        }
        first_tok_at.insert(q, a);
    }
    let mut focus = Vec::new();
    for (i, e) in tok_entity.iter().enumerate() {
        if let Some(e) = *e
            && entities[e].kind == EntityKind::Person
            && !in_quote[i]
            && mention_start[i]
        {
            focus.push((i, e));
        }
    }
    // The last token of every organisation's mention, in text order.
    let org_ends = (0..n)
        .filter(|&i| {
            tok_entity[i].is_some_and(|e| entities[e].kind == EntityKind::Organization)
                && (i + 1 >= n || tok_entity[i + 1] != tok_entity[i] || mention_start[i + 1])
        })
        .collect();
    let genders = entities
        .iter()
        .map(|ent| std::iter::once(&ent.name).chain(ent.surfaces.iter()).find_map(|s| gender_of(s)))
        .collect();
    let mut ctx = Ctx {
        text,
        toks,
        words,
        entities,
        tok_entity,
        mention_start,
        in_quote,
        focus,
        speakers: Vec::new(),
        genders,
        org_ends,
    };

    let mut quotes: Vec<Quote> = Vec::new();
    // The marks of each kept quote, parallel to `quotes`.
    let mut kept: Vec<Marks> = Vec::new();
    for (q, mk) in marks.iter().enumerate() {
        if !mk.closed {
            warnings.push(format!("unclosed quotation mark at byte {}", mk.open));
        }
        let open_tok = tok_index(mk.open);
        let close_tok = tok_index(mk.close);
        let para = toks.get(open_tok).map(|t| t.para).or_else(|| toks.get(open_tok.saturating_sub(1)).map(|t| t.para));
        // Left context: back to the sentence start, a sentence-ending quote, or the paragraph start,
        // and never further than MAX_CONTEXT tokens (a text without sentence ends stays linear).
        let mut lo = open_tok;
        let floor = open_tok.saturating_sub(MAX_CONTEXT);
        // The earlier quotes still to look at, nearest last: the bound they are checked against
        // only moves left, so each is passed over once.
        let mut earlier = q;
        while lo > floor && toks.get(lo - 1).map(|t| t.para) == para {
            let s = ctx.s(lo - 1);
            // A period that ends a sentence (not "D-Mass.)" inside one): the tokenizer's sentence ids tell.
            if !ctx.in_quote[lo - 1]
                && matches!(s, "." | "!" | "?")
                && toks.get(lo).is_none_or(|t| t.sent != toks[lo - 1].sent)
            {
                break;
            }
            if ctx.in_quote[lo - 1] {
                // Inside an earlier quote: stop if that quote ended a sentence. The quote that holds
                // the token is the last one opening before it (not the one before that when the
                // token is not the quote's last: "it “deeply regrets” X and had “Q”").
                let at = toks[lo - 1].span.start;
                while earlier > 0 && marks[earlier - 1].inner.start > at {
                    earlier -= 1;
                }
                let prev = earlier.checked_sub(1).map(|i| &marks[i]);
                if prev.is_some_and(|m| m.inner.slice(text).ends_with(['.', '!', '?'])) {
                    break;
                }
            }
            lo -= 1;
        }
        // Right context: to the sentence end or the next quote.
        let mut hi = close_tok;
        let ceiling = n.min(close_tok.saturating_add(MAX_CONTEXT));
        while hi < ceiling && toks[hi].para == para.unwrap_or(usize::MAX) && !ctx.in_quote[hi] {
            let s = ctx.s(hi);
            hi += 1;
            // "said Del. Jo Bell": a title abbreviation before a person's name ends no sentence.
            let title_abbreviation = s == "."
                && hi >= 2
                && toks[hi - 2].span.end == toks[hi - 1].span.start
                && ctx.s(hi - 2).len() <= 4
                && ctx.s(hi - 2).chars().next().is_some_and(char::is_uppercase)
                && ctx.mention_at(hi).is_some_and(|e| ctx.is_person(e));
            if matches!(s, "." | "!" | "?")
                && !title_abbreviation
                && toks.get(hi).is_none_or(|t| t.sent != toks[hi - 1].sent)
            {
                break;
            }
            // A closing apostrophe glued to a word ("Brooks’ cousin") is a possessive, not a quotation mark.
            let glued_apostrophe =
                matches!(s, "’" | "'") && hi >= 2 && toks[hi - 2].span.end == toks[hi - 1].span.start;
            if toks[hi - 1].kind == TokKind::Punct
                && !glued_apostrophe
                && crate::extract::text::is_quote_char(s.chars().next().unwrap_or(' '))
            {
                hi -= 1;
                break;
            }
        }

        let mut who: Option<Who> = None;
        // A quotation inside its sentence's grammar, after a lower-case word that is no speech
        // verb ("dismissed it as being in the “Q” — a metaphor", "pounding him as a “Q” ― just as
        // ..."): a dash after it opens an aside, not its attribution.
        let embedded = open_tok > lo
            && ctx.lower_word(open_tok - 1)
            && !ctx.in_quote[open_tok - 1]
            && !is_speech_verb(ctx.s(open_tok - 1))
            && !is_post_quote_verb(ctx.s(open_tok - 1));
        let slot = {
            let last = mk.inner.slice(text).chars().last().unwrap_or(' ');
            // Not a credit after the dash ("… “Q” ― Jo Bell"): the aside opens with a lower-case word.
            let dash_after = matches!(ctx.s(close_tok), "—" | "–" | "―");
            let aside = dash_after && embedded && ctx.lower_word(close_tok + 1);
            if matches!(last, ',' | '—' | '–' | '-') || ctx.s(close_tok) == "," || (dash_after && !aside) {
                Slot::Comma
            } else if matches!(last, '?' | '!') {
                Slot::Mark
            } else {
                Slot::None
            }
        };
        // 0. A name as a label: "Jo Bell: “…”"; not the object of a verb ("X told Bell: “…”").
        if open_tok >= 2
            && ctx.s(open_tok - 1) == ":"
            && let Some(e) = ctx.mention_at(open_tok - 2).filter(|&e| ctx.is_person(e))
            && !ctx.mention_first(open_tok - 2).checked_sub(1).is_some_and(|b| b >= lo && ctx.lower_word(b))
        {
            who = Some(Who::Entity(e));
        }
        // 0'. A comma-ended quote followed by its attribution ("“Q,” X added") is that
        // attribution's unless a speech verb of the quote's own clause names someone ("X said
        // the plan is “Q,” Y's office said" stays X's): "X cannot say that ..." does, but a
        // verb before the quote's clause, a participle or a subject does not.
        let slot_attr = if mk.closed
            && slot == Slot::Comma
            && (close_tok..hi.min(close_tok + 6)).any(|j| ctx.lower_word(j) && is_post_quote_verb(ctx.s(j)))
            && ctx.s(hi.saturating_sub(1)) != ":"
        {
            ctx.after_quote(close_tok, hi, slot).filter(|w| matches!(w, Who::Entity(_)))
        } else {
            None
        };
        // 0''. "X said: “Q”" after an earlier quote in the sentence: the verb before the colon.
        if who.is_none()
            && open_tok >= 3
            && ctx.s(open_tok - 1) == ":"
            && ctx.lower_word(open_tok - 2)
            && is_speech_verb(ctx.s(open_tok - 2))
            && (lo..open_tok - 2).any(|i| ctx.in_quote[i])
        {
            who = ctx.speaker_of_verb(open_tok - 2, lo, open_tok);
        }
        // 0'''. A verb in the past right before the colon that opens the quote ("…, to which Bell
        // interjected: “Q”", "Bell fired back: “Q”"): its named subject, not that of an earlier
        // speech verb.
        if who.is_none() && open_tok >= 3 && ctx.s(open_tok - 1) == ":" && !ctx.in_quote[open_tok - 2] {
            let mut v = open_tok - 2;
            while v > lo && (is_vp_adverb(ctx.s(v)) || matches!(ctx.s(v), "back" | "up" | "in" | "out")) {
                v -= 1;
            }
            // A pronoun subject ("in which he said:") is left to the rules below.
            if v > lo
                && ctx.lower_word(v)
                && (ctx.s(v).ends_with("ed") || is_post_quote_verb(ctx.s(v)))
                && !ctx.pronoun_subject(v, lo)
            {
                who = ctx.speaker_of_verb(v, lo, open_tok).filter(|w| matches!(w, Who::Entity(_)));
            }
        }
        // 0''''. "… quoted her as saying: “Q”": the object of "quoted".
        if who.is_none()
            && let Some(k) = (lo..open_tok).find(|&k| matches!(ctx.s(k), "quoted" | "quotes" | "quoting"))
        {
            who = ctx.quoted_as(k, open_tok);
        }
        // 1. A speech verb earlier in the sentence.
        // Nested reports ("X said Y called it “Q”") belong to the outermost speaker: the
        // first verb whose subject is found.
        let clause = ctx.clause_start(lo, open_tok);
        // "Ryan saying he was “pleased” and Trump calling it “Q”", "X said A, and Y called it “Q”":
        // a coordinated clause with its own named subject does not take the verbs before it.
        // Not a list of names ("expects X, Y and Z to “Q”"): the name is followed by its verb.
        let coordinated = clause > lo
            && matches!(ctx.s(clause - 1), "and" | "but")
            && ctx.mention_at(clause).is_some_and(|e| {
                let mut m = clause + 1;
                while m < open_tok && ctx.mention_at(m) == Some(e) && !ctx.mention_start[m] {
                    m += 1;
                }
                m < open_tok && ctx.verb_like(m)
            });
        let verbs = (clause..open_tok).chain((lo..clause).rev().filter(|_| !coordinated));
        // A participle after a determiner or a possessive is an adjective: "Y's repeated calls".
        let adjective = |i: usize| {
            i > 0
                && (toks[i - 1].kind == TokKind::Possessive
                    || matches!(
                        ctx.s(i - 1),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
                    ))
        };
        for v in verbs.filter(|&i| {
            who.is_none() && !ctx.in_quote[i] && ctx.lower_word(i) && is_speech_verb(ctx.s(i)) && !adjective(i)
        }) {
            // A verb before the quote's clause, or one whose subject is only a pronoun, yields
            // to a name attributing the quote right after it.
            if slot_attr.is_some() && (v < clause || ctx.pronoun_subject(v, lo) || ctx.negated(v)) {
                break;
            }
            // ", saying ...": a participle's subject is the subject of the sentence.
            // "... incurred boos upon saying ...": a gerund after a preposition of time or manner
            // has the same subject (not after "for" or "of": "thanked Y for saying" is Y's).
            let participle = v > lo
                && ctx.s(v).ends_with("ing")
                && (ctx.s(v - 1) == ","
                    || matches!(ctx.s(v - 1), "upon" | "after" | "before" | "while" | "when" | "by" | "without"));
            // "…, explained Jo Bell, “Q”", "…, said the minister: “Q”": an inverted attribution
            // between commas right before the quote; the name after the verb speaks.
            let inverted = v > lo
                && ctx.s(v - 1) == ","
                && !participle
                && !takes_listener(ctx.s(v))
                && v + 2 < open_tok
                && matches!(ctx.s(open_tok - 1), "," | ":")
                && ctx.np_end(v + 1, open_tok - 1) == open_tok - 1;
            if inverted && let Some(w @ Who::Entity(_)) = ctx.np_after(v + 1, open_tok - 1) {
                who = Some(w);
                break;
            }
            let w = participle
                .then(|| ctx.with_subject(v, lo).or_else(|| ctx.sentence_subject(lo, v - 1)))
                .flatten()
                .or_else(|| ctx.speaker_of_verb(v, lo, open_tok));
            if w.is_some() {
                who = w;
                break;
            }
        }
        if who.is_none() {
            who = slot_attr;
        }
        // 1-. A participial clause after a comma, whatever its verb: "X attacked Y, calling him,
        // among other things, “Q”", "…, dubbing them “Q”": the subject of the main clause.
        if who.is_none()
            && let Some(p) = (lo + 1..open_tok).rev().find(|&i| {
                !ctx.in_quote[i]
                    && (ctx.s(i - 1) == "," || ctx.with_phrase_subject(i, lo).is_some())
                    && ctx.lower_word(i)
                    && ctx.s(i).len() > 5
                    && ctx.s(i).ends_with("ing")
                    && !is_preposition(ctx.s(i))
                    && !matches!(ctx.s(i), "according" | "nothing" | "something" | "anything" | "everything")
            })
        {
            who = ctx
                .with_phrase_subject(p, lo)
                .map(Who::Entity)
                .or_else(|| ctx.with_subject(p, lo))
                .or_else(|| ctx.sentence_subject(ctx.clause_start(lo, p - 1), p - 1));
        }
        // 1'. Any verb right before the quote's comma or colon: "Bell asked, “…”", "Bell quipped: “…”".
        if who.is_none()
            && open_tok >= 2
            && matches!(ctx.s(open_tok - 1), "," | ":")
            && !ctx.in_quote[open_tok - 2]
            && ctx.verb_like(open_tok - 2)
        {
            who = ctx.speaker_of_verb(open_tok - 2, lo, open_tok);
        }
        // 1''. "As X put it, “…”", "Said X, who …, “…”": the attribution opens the sentence.
        if who.is_none()
            && let Some(comma) = (lo..open_tok).find(|&i| !ctx.in_quote[i] && ctx.s(i) == ",")
        {
            let first = ctx.s(lo);
            if first == "As" {
                who = ctx.sentence_subject(lo + 1, comma);
            } else if is_post_quote_verb(first) && ctx.toks[lo].sent_start && !ctx.participle_clause(lo) {
                who = ctx.np_after(lo + 1, comma.max(open_tok));
            }
        }
        // "... seen, as The Clarion put it in an editorial, “Q”": the same words inside the
        // sentence, set off by the comma right before the quote.
        if who.is_none()
            && open_tok >= lo + 4
            && ctx.s(open_tok - 1) == ","
            && let Some(put) = (lo + 2..open_tok - 1)
                .rev()
                .take(12)
                .find(|&k| !ctx.in_quote[k] && matches!(ctx.s(k), "put" | "puts") && ctx.s(k + 1) == "it")
            && let Some(a) = (lo..put - 1).rev().take(8).find(|&k| ctx.s(k) == "as" && !ctx.in_quote[k])
            && (a == lo || ctx.s(a - 1) == ",")
            && !(a + 1..put).any(|k| ctx.in_quote[k] || ctx.s(k) == ",")
        {
            who = ctx.np_after(a + 1, put);
        }
        // 1a. "According to X, ... “Q”".
        if who.is_none()
            && let Some(a) = (lo..open_tok.saturating_sub(1))
                .find(|&i| ctx.s(i).eq_ignore_ascii_case("according") && ctx.s(i + 1) == "to")
        {
            who = ctx.according_to(a + 2, open_tok);
        }
        // 1b. A speech noun owned by someone: "its declaration that", "the minister's warning that";
        // not when the quote only characterises those words ("X denounced Y's remarks as “Q”": X's).
        if who.is_none()
            && let Some(n) =
                (lo..open_tok).rev().find(|&i| !ctx.in_quote[i] && ctx.lower_word(i) && is_speech_noun(ctx.s(i)))
            && !(n + 1..open_tok).any(|i| ctx.s(i) == "as")
        {
            who = ctx.owner_of(n, lo);
        }
        // 1c. A quotation between its owner and a speech noun: "Lee's “no new taxes” pledge",
        // "his “we will win” remark".
        if who.is_none() && mk.closed && open_tok >= 2 && ctx.lower_word(close_tok) && is_speech_noun(ctx.s(close_tok))
        {
            who = ctx.owner_of(open_tok, lo);
        }
        // 2. Right after the quote.
        // A lower-case word after the quote that is no speech verb ("“Q,” just as X did in
        // 2008, Y added") gives only a weak reading: a speech verb ending the sentence wins.
        let mut weak_slot = false;
        if who.is_none() && mk.closed {
            who = ctx.after_quote(close_tok, hi, slot);
            let mut i = close_tok;
            while i < hi && matches!(ctx.s(i), "," | "—" | "–" | "-" | "―") {
                i += 1;
            }
            weak_slot = who.is_some()
                && ctx.lower_word(i)
                && !is_post_quote_verb(ctx.s(i))
                && !is_personal_pronoun(ctx.s(i))
                && ctx.verb_like(i)
                && !is_role_noun(ctx.s(i));
        }
        // 2a. The attribution at the end of the sentence, after unquoted words or further
        // quotes: "“…” and enact her agenda, Ms. Lee said."
        let mut sent_end = close_tok;
        while sent_end < ceiling && toks[sent_end].para == para.unwrap_or(usize::MAX) {
            let s = ctx.s(sent_end);
            sent_end += 1;
            if !ctx.in_quote[sent_end - 1]
                && matches!(s, "." | "!" | "?")
                && toks.get(sent_end).is_none_or(|t| t.sent != toks[sent_end - 1].sent)
            {
                break;
            }
        }
        if weak_slot {
            let end =
                if matches!(ctx.s(sent_end.saturating_sub(1)), "." | "!" | "?") { sent_end - 1 } else { sent_end };
            let tail = (close_tok..end).rev().take(14).take_while(|&i| !ctx.in_quote[i] && !is_quote_tok(&ctx, i));
            let last_comma = tail.filter(|&i| ctx.s(i) == ",").last();
            if let Some(c) = last_comma.filter(|&c| c > close_tok + 1)
                && (c + 1..end).any(|j| ctx.lower_word(j) && is_post_quote_verb(ctx.s(j)))
                && let Some(w @ Who::Entity(_)) = ctx.after_quote(c + 1, end, Slot::None)
            {
                who = Some(w);
            }
        }
        if who.is_none() && mk.closed {
            let end =
                if matches!(ctx.s(sent_end.saturating_sub(1)), "." | "!" | "?") { sent_end - 1 } else { sent_end };
            let tail = (close_tok..end).rev().take(14).take_while(|&i| !ctx.in_quote[i] && !is_quote_tok(&ctx, i));
            for comma in tail.filter(|&i| ctx.s(i) == ",").collect::<Vec<_>>() {
                who = ctx.after_quote(comma + 1, end, Slot::None);
                if who.is_some() {
                    break;
                }
            }
            // "Trump’s “excesses” are sickening, Hollande said, noting that “…”": the first
            // commas after the quote, when more quotes follow.
            let commas = (close_tok..end).filter(|&i| !ctx.in_quote[i] && ctx.s(i) == ",").take(3);
            for comma in commas.collect::<Vec<_>>() {
                if who.is_some() {
                    break;
                }
                let stop = (comma + 1..end).find(|&i| ctx.in_quote[i] || is_quote_tok(&ctx, i)).unwrap_or(end);
                who = ctx.after_quote(comma + 1, stop, Slot::None);
            }
        }
        // 2b. The subject of the sentence the quote sits in: "X lamented the “disheartened”
        // state of ...", "X went after Y, calling him “a stiff.”"
        if who.is_none() && open_tok > lo {
            // The subject of the clause holding the quote ("…, but Y rejected it as “Q”").
            let clause = ctx.clause_start(lo, open_tok);
            who = ctx.sentence_subject(clause, open_tok);
            if who.is_none() && clause > lo {
                who = ctx.sentence_subject(lo, open_tok);
            }
        }
        // 2c. A credit line under the quotation: a quote that ends its paragraph, then a short
        // paragraph opening with a dash and a person ("“…” / – Jo Bell." or "-Jo Bell, Leeds.").
        if who.is_none() && mk.closed {
            who = ctx.credit_line(close_tok, para);
        }
        // 3. The sentence before, in the same paragraph, introducing the speaker; or the
        // paragraph before when it ends in a colon ("Lee told the crowd:").
        let starts_para = open_tok == 0 || toks.get(open_tok - 1).map(|t| t.para) != para;
        let colon_before = starts_para && open_tok > 0 && ctx.s(open_tok - 1) == ":" && !ctx.in_quote[open_tok - 1];
        if who.is_none()
            && lo > 0
            && (toks.get(lo - 1).map(|t| t.para) == para || colon_before)
            && !ctx.in_quote[lo - 1]
        {
            let end = lo - 1;
            let mut start = end;
            while start > 0
                && toks[start - 1].para == toks[end].para
                && !(matches!(ctx.s(start - 1), "." | "!" | "?") && toks[start - 1].sent != toks[start].sent)
                && !ctx.in_quote[start - 1]
            {
                start -= 1;
            }
            // The sentence before opens with the previous quote of the paragraph ("“Q1,” said
            // Bell, using a word Lee coined. “Q2”"): its attribution is that quote's, and this
            // quote continues the same speaker (rule 4), not a name inside that attribution.
            let previous = quotes
                .iter()
                .zip(kept.iter())
                .next_back()
                .filter(|(_, pm)| start > 0 && ctx.in_quote[start - 1] && tok_index(pm.inner.end) == start)
                .and_then(|(pq, _)| pq.speaker);
            if let Some(e) = previous {
                who = Some(Who::Entity(e));
            } else if ctx.s(end) == ":" {
                who = ctx.intro_speaker(start, end);
            } else {
                // The main verb comes first: "X said, citing a group called Y." is X.
                who = (start..end)
                    .filter(|&i| ctx.lower_word(i) && is_speech_verb(ctx.s(i)))
                    .find_map(|v| ctx.speaker_of_verb(v, start, end));
            }
        }
        // 4. The previous quote's speaker: in the paragraph, or the paragraph before when this one opens with the quote.
        if who.is_none() {
            let prev = quotes.iter().zip(kept.iter()).rev().find(|(_, m)| m.close <= mk.open);
            if let Some((pq, pm)) = prev {
                let pm_para = toks.get(tok_index(pm.open)).map(|t| t.para);
                let starts_para = open_tok == 0 || toks.get(open_tok.wrapping_sub(1)).map(|t| t.para) != para;
                let same = pm_para == para;
                let adjacent = pm_para.zip(para).is_some_and(|(a, b)| a + 1 == b) && starts_para;
                if same || adjacent {
                    who = pq.speaker.map(Who::Entity);
                }
            }
        }
        // 5. A quote opening a sentence with nothing attributing it: the subject of the
        // sentence before in the paragraph ("Bell agreed. “…”").
        if who.is_none()
            && open_tok == lo
            && lo > 0
            && toks.get(lo - 1).map(|t| t.para) == para
            && !ctx.in_quote[lo - 1]
            && !is_quote_tok(&ctx, lo - 1)
        {
            let end = lo - 1;
            let mut start = end;
            while start > 0
                && toks[start - 1].para == toks[end].para
                && !(matches!(ctx.s(start - 1), "." | "!" | "?") && toks[start - 1].sent != toks[start].sent)
                && !ctx.in_quote[start - 1]
            {
                start -= 1;
            }
            if start == 0 || !ctx.in_quote[start - 1] {
                who = ctx.sentence_subject(start, end);
            }
        }
        // 6. A paragraph that is only a quotation, after a paragraph of narration: the
        // subject of that paragraph's last sentence ("Bell told the crowd he would win. / “…”").
        let quote_only = starts_para && toks.get(close_tok).is_none_or(|t| Some(t.para) != para);
        if who.is_none()
            && quote_only
            && open_tok > 0
            && !ctx.in_quote[open_tok - 1]
            && !is_quote_tok(&ctx, open_tok - 1)
        {
            let end = open_tok - 1;
            let mut start = end;
            while start > 0
                && toks[start - 1].para == toks[end].para
                && !(matches!(ctx.s(start - 1), "." | "!" | "?") && toks[start - 1].sent != toks[start].sent)
                && !ctx.in_quote[start - 1]
            {
                start -= 1;
            }
            if start == 0 || !ctx.in_quote[start - 1] {
                who = ctx.sentence_subject(start, end);
            }
        }
        // 7. A paragraph that is only a quotation, with nothing before it naming its speaker, then a
        // paragraph whose first sentence introduces a person as its subject: "“Q.” / Cafe owner Jo
        // Bell, 51, was behind the counter ..." (a person named for the first time).
        if who.is_none()
            && quote_only
            && mk.closed
            && let Some(next) = (close_tok..n.min(close_tok + 4)).find(|&t| Some(toks[t].para) != para)
            && para.is_some_and(|p| toks[next].para == p + 1)
        {
            let mut end = next;
            while end < n.min(next + 60)
                && toks[end].para == toks[next].para
                && !(matches!(ctx.s(end), "." | "!" | "?")
                    && toks.get(end + 1).is_none_or(|t| t.sent != toks[end].sent))
            {
                end += 1;
            }
            // The last paragraph of a quotation that ran over several is no teaser.
            let runs_on = kept.last().is_some_and(|m| !m.closed);
            // The subject opens its sentence and a verb, a comma or a clause follows the name ("Jo Bell,
            // 51, was ..."), not a preposition ("Follow Jo Bell on ...").
            let subject_at = (next..end.min(next + 4)).find(|&k| ctx.mention_at(k).is_some());
            let named_subject = subject_at.is_some_and(|k| {
                let e = ctx.mention_at(k);
                let mut m = k;
                while m < end && ctx.mention_at(m) == e {
                    m += 1;
                }
                ctx.s(m) == "," || (ctx.lower_word(m) && !is_preposition(ctx.s(m)))
            });
            if !runs_on
                && named_subject
                && let Some(Who::Entity(e)) = ctx.sentence_subject(next, end)
                && ctx.is_person(e)
                && subject_at.and_then(|k| ctx.mention_at(k)) == Some(e)
                && !ctx.focus.iter().chain(ctx.speakers.iter()).any(|&(p, f)| f == e && p < next)
            {
                who = Some(Who::Entity(e));
            }
        }
        if is_name_like_quote(mk.inner.slice(text)) {
            // A name or title in quotation marks (“Distributed Denial of Service”), not speech.
            continue;
        }
        let speaker = match who {
            Some(Who::Entity(e)) => ctx.voice(e),
            _ => None,
        };
        if let Some(e) = speaker
            && entities[e].kind == EntityKind::Person
        {
            ctx.speakers.push((open_tok, e));
        }
        quotes.push(Quote { span: mk.inner, speaker });
        kept.push(*mk);
    }
    // A quotation that runs on into the next paragraph has one speaker: the attribution
    // may come only in a later paragraph.
    for q in (0..quotes.len().saturating_sub(1)).rev() {
        let para_of = |m: &Marks| toks.get(tok_index(m.open)).map(|t| t.para);
        let next_opens_para = tok_index(kept[q + 1].open) == 0
            || toks.get(tok_index(kept[q + 1].open) - 1).map(|t| t.para) != para_of(&kept[q + 1]);
        if !kept[q].closed
            && quotes[q].speaker.is_none()
            && next_opens_para
            && para_of(&kept[q]).zip(para_of(&kept[q + 1])).is_some_and(|(a, b)| a + 1 == b)
        {
            quotes[q].speaker = quotes[q + 1].speaker;
        }
    }
    let statements = reported_speech(&ctx, marks);
    Speech { quotes, statements, warnings }
}

/// A noun that describes a person in focus by age or family after "the": "34-year-old",
/// "septuagenarian", "centenarian", "mum-of-two", "father-of-three".
fn describes_by_age_or_family(w: &str) -> bool {
    w.ends_with("-year-old")
        || w.ends_with("genarian")
        || w == "centenarian"
        || w.split_once("-of-").is_some_and(|(who, _)| is_relation_noun(who) || matches!(who, "grandad" | "grandma"))
}

/// Verbs that introduce reported speech in a sentence without quotation marks.
fn is_reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "added"
            | "stated"
            | "warned"
            | "noted"
            | "insisted"
            | "argued"
            | "claimed"
            | "announced"
            | "explained"
            | "acknowledged"
            | "suggested"
            | "predicted"
            | "reiterated"
            | "stressed"
            | "cautioned"
            | "confirmed"
            | "maintained"
            | "asserted"
            | "declared"
            | "admitted"
            | "conceded"
            | "hinted"
    )
}

/// "X said (that) <clause>." and "<clause>, X said." in sentences without
/// quotation marks: statements by X in the writer's words, not verbatim.
fn reported_speech(ctx: &Ctx, marks: &[Marks]) -> Vec<Quote> {
    let toks = ctx.toks;
    let mut out = Vec::new();
    let mut start = 0;
    while start < toks.len() {
        let mut end = start;
        while end < toks.len() && toks[end].sent == toks[start].sent {
            end += 1;
        }
        let (a, b) = (toks[start].span.start, toks[end - 1].span.end);
        // The headline (a first line without a closing period) is not a sentence of the story.
        let headline = toks[start].para == 0
            && toks.iter().take_while(|t| t.para == 0).last().is_some_and(|t| !matches!(ctx.s_at(t), "." | "!" | "?"));
        let quoted = headline
            || marks.iter().any(|m| m.open < b && m.close > a)
            || (start..end).any(|i| {
                toks[i].kind == TokKind::Punct && super::text::is_quote_char(ctx.s(i).chars().next().unwrap_or(' '))
            });
        if !quoted && let Some(st) = statement_in(ctx, start, end) {
            out.push(st);
        }
        start = end;
    }
    out
}

fn statement_in(ctx: &Ctx, start: usize, end: usize) -> Option<Quote> {
    let toks = ctx.toks;
    let last = if matches!(ctx.s(end - 1), "." | "!" | "?") { end - 1 } else { end };
    // "<clause>, X said." / "<clause>, said X."
    if last >= start + 4
        && let Some(comma) = (start..last).rev().take(8).find(|&i| ctx.s(i) == ",")
    {
        let tail = comma + 1..last;
        if let Some(v) = tail.clone().find(|&i| ctx.lower_word(i) && is_reporting_verb(ctx.s(i))) {
            let who = if v == comma + 1 { ctx.np_after(v + 1, last) } else { ctx.speaker_of_verb(v, comma + 1, last) };
            if let Some(Who::Entity(e)) = who
                && comma >= start + 4
            {
                return Some(Quote {
                    span: Span::new(toks[start].span.start, toks[comma - 1].span.end),
                    speaker: Some(ctx.voice(e)?),
                });
            }
        }
    }
    // "X said (that) <clause>."
    let v = (start..last).find(|&i| ctx.lower_word(i) && is_reporting_verb(ctx.s(i)))?;
    let Some(Who::Entity(e)) = ctx.speaker_of_verb(v, start, last) else { return None };
    // "said (in a statement / on Monday / told reporters) that <clause>": the clause starts after
    // "that", unless a name comes first ("said NATO's assurances that ..." is one clause).
    let that = (v + 1..last.min(v + 8))
        .find(|&i| ctx.s(i) == "that")
        .filter(|&t| (v + 1..t).all(|i| ctx.mention_at(i).is_none()));
    let mut c = that.map_or(v + 1, |t| t + 1);
    // Only say-verbs take a bare clause; "announced a withdrawal" names a thing, not a statement.
    let bare_clause = matches!(ctx.s(v), "said" | "says" | "added" | "stated");
    if that.is_none()
        && (!bare_clause
            || is_preposition(ctx.s(c))
            || is_auxiliary(ctx.s(c))
            || matches!(ctx.s(c), "," | "." | ":" | "have" | "is" | "are" | "was" | "were"))
    {
        return None;
    }
    // "British Land added 12p to 468p": a figure after "added" is a gain, not a statement.
    if that.is_none()
        && ctx.s(v) == "added"
        && (ctx.s(c).starts_with(|ch: char| ch.is_ascii_digit()) || matches!(ctx.s(c), "$" | "£" | "€"))
    {
        return None;
    }
    while c < last && ctx.s(c) == "," {
        c += 1;
    }
    if last < c + 4 {
        return None;
    }
    Some(Quote { span: Span::new(toks[c].span.start, toks[last - 1].span.end), speaker: Some(ctx.voice(e)?) })
}

fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "be"
            | "will"
            | "would"
            | "may"
            | "might"
            | "could"
            | "can"
            | "should"
            | "also"
            | "again"
            | "repeatedly"
            | "previously"
            | "already"
            | "both"
            | "all"
            | "later"
            | "then"
    )
}

/// Speech verbs whose object is the listener or the target ("told the agency", "called him"):
/// the name after them does not speak.
fn takes_listener(w: &str) -> bool {
    matches!(
        w,
        "tell"
            | "tells"
            | "told"
            | "telling"
            | "urged"
            | "accuse"
            | "accused"
            | "accuses"
            | "called"
            | "reply"
            | "replied"
            | "answered"
            | "describe"
            | "described"
    )
}

/// Adverbs that sit between a coordinating conjunction and its verb ("and now said").
fn is_vp_adverb(w: &str) -> bool {
    matches!(w, "now" | "still" | "just" | "even" | "quickly" | "soon" | "once" | "often" | "never" | "later" | "then")
        || (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
}

/// Nouns that report speech: "its declaration that ...".
fn is_speech_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "comment"
            | "remark"
            | "accusation"
            | "allegation"
            | "call"
            | "vow"
            | "slogan"
            | "motto"
            | "mantra"
            | "refrain"
            | "phrase"
            | "catchphrase"
            | "dictum"
            | "conclusion"
            | "description"
            | "quip"
            | "retort"
            | "admission"
            | "complaint"
            | "plea"
            | "declaration"
            | "warning"
            | "assertion"
            | "claim"
            | "claims"
            | "remarks"
            | "comments"
            | "pledge"
            | "promise"
            | "insistence"
            | "announcement"
            | "message"
            | "words"
    )
}

/// Short, every word capitalised, no sentence punctuation: a name or a title, not speech.
fn is_name_like_quote(q: &str) -> bool {
    let words: Vec<&str> = q.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !q.ends_with(['.', ',', '!', '?'])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "of" | "and" | "the" | "for" | "in" | "on")
        })
}

#[cfg(test)]
mod tests {

    use crate::extract::extract_text;

    fn said(text: &str) -> Vec<(String, Option<String>)> {
        let ex = extract_text(text);
        ex.quotes
            .iter()
            .map(|q| (q.span.slice(text).to_string(), q.speaker.map(|e| ex.entities[e].name.clone())))
            .collect()
    }

    fn who(v: &[(String, Option<String>)], quote: &str) -> Option<String> {
        v.iter().find(|(q, _)| q.starts_with(quote)).unwrap_or_else(|| panic!("no quote {quote:?} in {v:?}")).1.clone()
    }

    #[test]
    fn a_role_capitalised_as_a_title_is_its_holder() {
        let text = "The Chief Judge of Kwara State, Justice Adaeze Olumide-Hart, spoke in Ilorin.\n\n\"Delay is a denial of justice,\" the Chief Judge stated.\n\nThe Governor, Mr Bankole Adesanmi-Ray, also spoke. \"We will build new courts,\" the Governor added.";
        let v = said(text);
        assert_eq!(who(&v, "Delay is"), Some("Adaeze Olumide-Hart".into()));
        assert_eq!(who(&v, "We will build"), Some("Bankole Adesanmi-Ray".into()));
        // A capitalised word that is no role ("the Registry") is not the judge; a role word
        // followed by a name is that name's title.
        let text = "Justice Adaeze Olumide-Hart sat alone.\n\n\"The file is incomplete,\" the Registry noted.";
        assert_ne!(who(&said(text), "The file"), Some("Adaeze Olumide-Hart".into()));
        let text = "Justice Adaeze Olumide-Hart sat alone.\n\n\"The file is incomplete,\" the Judge Ronke Salami-Vaughan noted.";
        assert_eq!(who(&said(text), "The file"), Some("Ronke Salami-Vaughan".into()));
    }

    #[test]
    fn a_generational_number_leaves_the_name() {
        let text = "Brent Vossler III leads the Tallow Forum.\n\n\u{201c}We will not back down,\u{201d} Vossler said.";
        assert_eq!(who(&said(text), "We will not"), Some("Brent Vossler".into()));
        // "Jr." stays (articles say "Harlan Jr."), and so does a monarch's or pope's number.
        // Named once, in full: the name as written.
        let text = "\u{201c}We will not back down,\u{201d} said Brent Vossler III, who leads the Tallow Forum.";
        assert_eq!(who(&said(text), "We will not"), Some("Brent Vossler III".into()));
        let text = "Dale Harlan Jr. leads the Tallow Forum.\n\n\u{201c}We will not back down,\u{201d} Harlan said.";
        assert_eq!(who(&said(text), "We will not"), Some("Dale Harlan Jr.".into()));
        let text = "Pope John Paul II visited the town.\n\n\u{201c}Be not afraid,\u{201d} Pope John Paul II said.";
        assert_eq!(who(&said(text), "Be not"), Some("John Paul II".into()));
    }

    #[test]
    fn an_honour_after_a_name_is_not_part_of_it() {
        let text = "Tobin Rusk, 46, denies theft.\n\nPhilippa Northgate KC told the jury Rusk had acted \u{201c}systematically\u{201d} over two years.\n\n\u{201c}This was no moment of weakness,\u{201d} she said.";
        let v = said(text);
        assert_eq!(who(&v, "systematically"), Some("Philippa Northgate".into()));
        assert_eq!(who(&v, "This was no"), Some("Philippa Northgate".into()));
        // A body whose name ends in such capitals stays a body.
        let text = "\u{201c}We are growing,\u{201d} said a spokesman for Delmar Holdings MBA.";
        assert_ne!(who(&said(text), "We are growing"), Some("Delmar Holdings".into()));
    }

    #[test]
    fn a_nigerian_honorific_is_not_part_of_the_name() {
        let text = "A trader in Zaria, Hajiya Binta Olamide, said she had waited all day.\n\n\u{201c}Our names are not on the list,\u{201d} she said.";
        assert_eq!(who(&said(text), "Our names"), Some("Binta Olamide".into()));
        // A name that merely starts like it stays whole.
        let text = "\u{201c}Our names are not on the list,\u{201d} said Binta Hajiyev.";
        assert_eq!(who(&said(text), "Our names"), Some("Binta Hajiyev".into()));
    }

    #[test]
    fn a_single_marked_quotation_runs_over_a_paragraph_end() {
        let text = "Owen Tredwell's mother lives at a care home.\n\n'Her fees have gone up twice,' he said. 'Nobody tells you how long the money lasts.\n\n'We sold her house to pay for this.'";
        let v = said(text);
        assert_eq!(who(&v, "Nobody tells you"), Some("Owen Tredwell".into()));
        assert_eq!(who(&v, "We sold her house"), Some("Owen Tredwell".into()));
        // Curly single marks too.
        let text = "Owen Tredwell's mother lives at a care home.\n\n\u{2018}Her fees have gone up twice,\u{2019} he said. \u{2018}Nobody tells you how long the money lasts.\n\n\u{2018}We sold her house to pay for this.\u{2019}";
        assert_eq!(who(&said(text), "Nobody tells you"), Some("Owen Tredwell".into()));
        // Not when the next paragraph does not open with the mark: an apostrophe left open is no quotation.
        let text = "Owen Tredwell's mother lives at a care home.\n\n'Her fees have gone up twice,' he said. 'Nobody tells you how long the money lasts.\n\nWe sold her house to pay for this.";
        assert!(said(text).iter().all(|(q, _)| !q.starts_with("Nobody")), "{:?}", said(text));
    }

    #[test]
    fn a_verb_with_its_own_reported_words_after_a_closed_quote_is_not_its_attribution() {
        let text = "Tomas Kerrigan spoke.\n\n\u{201c}It is a sad day,\u{201d} Kerrigan told reporters in Leeds. \u{201c}This is what the campaign has become.\u{201d} Councillor Jo Fairbrass said he would have sacked the man.";
        assert_eq!(who(&said(text), "This is what"), Some("Tomas Kerrigan".into()));
        // A verb that ends its sentence still attributes the quotation before it.
        let text = "Tomas Kerrigan spoke.\n\n\u{201c}It is a sad day,\u{201d} Kerrigan told reporters in Leeds. \u{201c}This is what the campaign has become.\u{201d} Councillor Jo Fairbrass said on Monday.";
        assert_eq!(who(&said(text), "This is what"), Some("Jo Fairbrass".into()));
    }

    #[test]
    fn proclaimed_with_a_phrase_before_the_quote() {
        let text = "Mara Quillfeather spoke in Leeds.\n\nQuillfeather proclaimed at a press conference, \u{201c}I did nothing wrong.\u{201d}";
        assert_eq!(who(&said(text), "I did nothing"), Some("Mara Quillfeather".into()));
        // Not a verb of speech after the quote's clause: a headline a paper proclaimed is no one's quote.
        let text = "Mara Quillfeather spoke in Leeds.\n\nQuillfeather sat at a press conference, \u{201c}I did nothing wrong.\u{201d}";
        assert_ne!(who(&said(text), "I did nothing"), Some("Mara Quillfeather".into()));
    }

    #[test]
    fn who_is_asked_about_does_not_answer() {
        let text = "Coach Daniel Ormsby watched the game.\n\n\"We were poor,\" Ormsby said.\n\nAsked about Tomas Velic, he said: \"He has been waiting for his chance.\"";
        assert_eq!(who(&said(text), "He has been waiting"), Some("Daniel Ormsby".into()));
        // Without "Asked", the person named last in focus answers.
        let text = "Coach Daniel Ormsby watched the game.\n\n\"We were poor,\" Ormsby said.\n\nTomas Velic came on late, and he said: \"I was waiting for my chance.\"";
        assert_eq!(who(&said(text), "I was waiting"), Some("Tomas Velic".into()));
    }

    #[test]
    fn a_dash_after_a_quote_inside_its_sentence_opens_an_aside() {
        let text = "Senator Mira Kolstad has dismissed the island as being in the \u{201c}suburbs of the capital\u{201d} \u{2014} a phrase that stuck.\n\nLeader Arne Tveit has been calling Kolstad a \u{201c}fraud\u{201d} \u{2015} just as he did in 2012.";
        let v = said(text);
        assert_eq!(who(&v, "suburbs of"), Some("Mira Kolstad".into()));
        assert_eq!(who(&v, "fraud"), Some("Arne Tveit".into()));
        // A dash and a name after the quote credit it, inside a sentence too.
        let text = "Senator Mira Kolstad spoke.\n\n\u{201c}We will win the island back\u{201d} \u{2015} Arne Tveit.\n\n\u{201c}He has nothing but his \u{201c}big plans\u{201d} \u{2015} Lise Aune.";
        assert_eq!(who(&said(text), "We will win"), Some("Arne Tveit".into()));
        assert_eq!(who(&said(text), "big plans"), Some("Lise Aune".into()));
    }

    #[test]
    fn as_someone_put_it_inside_a_sentence() {
        let text = "Ivo Brandsma has never been forgiven, as the columnist Wilma Kersten put it in a long essay, \u{201c}the man who sold the harbour.\u{201d}";
        assert_eq!(who(&said(text), "the man who sold"), Some("Wilma Kersten".into()));
        // Not when the aside does not lead into the quotation: the subject calls it so.
        let text = "Ivo Brandsma, as the columnist Wilma Kersten put it, sold the harbour and called it \u{201c}a bargain.\u{201d}";
        assert_eq!(who(&said(text), "a bargain"), Some("Ivo Brandsma".into()));
    }

    #[test]
    fn after_the_quote_and_continuations() {
        let text = "Coach Maria Lindqvist spoke after the match.\n\n“We were tired,” Ms. Lindqvist said. “Next week is different.”\n\n“I am proud of them.”";
        let v = said(text);
        assert_eq!(who(&v, "We were tired"), Some("Maria Lindqvist".into()));
        assert_eq!(who(&v, "Next week"), Some("Maria Lindqvist".into()));
        assert_eq!(who(&v, "I am proud"), Some("Maria Lindqvist".into()));
    }

    #[test]
    fn a_slash_inside_a_word_does_not_end_the_speakers_phrase() {
        let text = "“We are not going away,” said 9/11 widow Dana Whitfield.";
        let ex = crate::extract::extract_text(text);
        assert_eq!(ex.quotes.len(), 1);
        let speaker = ex.quotes[0].speaker.map(|e| ex.entities[e].name.clone());
        assert_eq!(speaker.as_deref(), Some("Dana Whitfield"), "{:?}", ex.quotes);
        // A slash between words with spaces still ends it: the quote has no named speaker there.
        let text = "“We are not going away,” said the group / Dana Whitfield wrote.";
        let ex = crate::extract::extract_text(text);
        let speaker = ex.quotes.first().and_then(|q| q.speaker).map(|e| ex.entities[e].name.clone());
        assert_ne!(speaker.as_deref(), Some("Dana Whitfield"), "{:?}", ex.quotes);
    }

    #[test]
    fn inverted_and_pronoun_attribution() {
        let text = "Judge Samuel Okoro opened the hearing. “Order,” said Mr. Okoro.\n\nThe lawyer Priya Raman objected. “This is unfair,” she said.";
        let v = said(text);
        assert_eq!(who(&v, "Order"), Some("Samuel Okoro".into()));
        assert_eq!(who(&v, "This is unfair"), Some("Priya Raman".into()));
    }

    #[test]
    fn a_credit_line_under_a_quotation_names_its_speaker() {
        let text = "Mayor Tilde Aasen spoke to Councillor Ruben Okafor on Monday.\n\n\"The bridge will open in May.\"\n\n- Ruben Okafor.\n\n\"We need more buses.\"\n\n-Councillor Tilde Aasen, speaking at the depot.";
        let v = said(text);
        assert_eq!(who(&v, "The bridge"), Some("Ruben Okafor".into()));
        assert_eq!(who(&v, "We need more"), Some("Tilde Aasen".into()));
    }

    #[test]
    fn a_dashed_paragraph_that_is_no_credit_line_names_nobody() {
        // The quote does not end its paragraph; the dashed paragraph is a subheading; the
        // dashed paragraph is a long sentence.
        let text = "Mayor Tilde Aasen spoke to Councillor Ruben Okafor on Monday.\n\n\"The bridge will open in May,\" Aasen said.\n\n- Ruben Okafor.\n\nThe crowd cheered.\n\n\"We need more buses.\"\n\n– A new depot –.\n\nThe crowd cheered.\n\n\"Fares will fall.\"\n\n- Ruben Okafor, who has sat on the transport committee since the depot was first planned more than twenty years ago, disagreed.";
        let v = said(text);
        assert_eq!(who(&v, "The bridge"), Some("Tilde Aasen".into()));
        assert_eq!(who(&v, "We need more"), None);
        assert_eq!(who(&v, "Fares will fall"), None);
    }

    #[test]
    fn a_quotation_owned_through_a_speech_noun() {
        // The noun before the quote, or right after it.
        let text = "Senator Ilse Maren spoke in Tromsø. Ilse Maren's campaign slogan is \"Roads for all.\" Governor Arvid Holt's \"no new tolls\" pledge is popular. His accusation that the council is \"asleep at the wheel\" stung.";
        let v = said(text);
        assert_eq!(who(&v, "Roads for all"), Some("Ilse Maren".into()));
        assert_eq!(who(&v, "no new tolls"), Some("Arvid Holt".into()));
        assert_eq!(who(&v, "asleep at the wheel"), Some("Arvid Holt".into()));
    }

    #[test]
    fn a_possessive_before_a_quote_needs_a_speech_noun() {
        // "Holt's “Green Line” tram", "her charge": no speech noun, no speaker from the owner.
        let text = "Governor Arvid Holt opened the depot. Arvid Holt's \"Green Line\" tram is late. The children in her charge were \"very cold\" by noon.";
        let v = said(text);
        assert_eq!(who(&v, "very cold"), None);
        assert!(v.iter().all(|(q, s)| q != "Green Line" || s.is_none()), "{v:?}");
    }

    #[test]
    fn a_verb_right_before_the_colon_speaks() {
        let text = "Governor Piotr Lund said experts had found the plan sound, to which Senator Anna Kovacs interjected: \"It is just not true.\" Asked about a lawsuit, Kovacs fired back forcefully: \"They will lose.\"";
        let v = said(text);
        assert_eq!(who(&v, "It is just not true"), Some("Anna Kovacs".into()));
        assert_eq!(who(&v, "They will lose"), Some("Anna Kovacs".into()));
        // Does not fire: no verb before the colon, or a pronoun subject; the outer speech verb's
        // subject speaks.
        let text = "Governor Piotr Lund said Senator Anna Kovacs had one message for the port: \"Pay the fee.\"";
        assert_eq!(who(&said(text), "Pay the fee"), Some("Piotr Lund".into()));
        let text =
            "Governor Piotr Lund said Anna Kovacs wrote to Ruth Berg in May, in which she said: \"Pay the fee.\"";
        assert_eq!(who(&said(text), "Pay the fee"), Some("Piotr Lund".into()));
    }

    #[test]
    fn the_subject_of_a_participle_after_with() {
        let text = "Piotr Lund and Anna Kovacs met again, with Kovacs calling it a \"great meeting.\" Lund and Kovacs spoke later, with Lund tweeting that it was a \"disaster\" for the port.";
        let v = said(text);
        assert_eq!(who(&v, "great meeting"), Some("Anna Kovacs".into()));
        assert_eq!(who(&v, "disaster"), Some("Piotr Lund".into()));
        // Does not fire: "credited X with holding" (no subject after "with"), "with delight, praised
        // X for calling" (a verb between).
        let text = "Piotr Lund credited Anna Kovacs with holding \"the whole council together\" this year.";
        assert_eq!(who(&said(text), "the whole council"), Some("Piotr Lund".into()));
        let text =
            "Piotr Lund, with obvious delight, praised Anna Kovacs for calling the plan \"a fine start\" on Monday.";
        assert_eq!(who(&said(text), "a fine start"), Some("Piotr Lund".into()));
    }

    #[test]
    fn a_body_and_a_title_before_a_name_describe_the_person() {
        let text = "The mood darkened when Harbour Council Speaker Ines Falk lamented the \"sorry state\" of the port. As Clark County Sheriff Ines Falk has pointed out, that is the \"textbook case\" of neglect.";
        let v = said(text);
        assert_eq!(who(&v, "sorry state"), Some("Ines Falk".into()));
        assert_eq!(who(&v, "textbook case"), Some("Ines Falk".into()));
        // Does not fire: no title between the body and the name; the body is the subject.
        let text = "The mood darkened when Harbour Council sent Ines Falk a letter calling the port a \"sorry state\" of affairs.";
        assert_ne!(who(&said(text), "sorry state"), Some("Ines Falk".into()));
    }

    #[test]
    fn words_characterised_as_a_quote_are_the_subjects() {
        let text = "Governor Tor Vikstad met Senator Ola Brenna. Vikstad denounced Ola Brenna's remarks as \"hurtful and cheap\" on Monday.";
        assert_eq!(who(&said(text), "hurtful and cheap"), Some("Tor Vikstad".into()));
        // Does not fire: the remarks themselves are quoted.
        let text = "Governor Tor Vikstad met Senator Ola Brenna. Vikstad read out Ola Brenna's remarks that the port was \"a lost cause\" on Monday.";
        assert_eq!(who(&said(text), "a lost cause"), Some("Ola Brenna".into()));
    }

    #[test]
    fn partial_quote_in_reported_speech() {
        let text = "Finance Minister Lena Vogt warned that inflation “remains far too high” this year.";
        assert_eq!(who(&said(text), "remains far too high"), Some("Lena Vogt".into()));
    }

    #[test]
    fn apposition_between_speaker_and_verb() {
        let text = "“The plant is safe,” Tomas Berg, a spokesman for the Nordic Energy Agency, said in a statement.";
        assert_eq!(who(&said(text), "The plant is safe"), Some("Tomas Berg".into()));
    }

    #[test]
    fn name_in_apposition_to_a_role() {
        let text = "Speaking in Leeds, the Home Secretary, Priti Anand, said: ‘We will act.’";
        assert_eq!(who(&said(text), "We will act."), Some("Priti Anand".into()));
    }

    #[test]
    fn organisations_after_a_preposition_do_not_speak() {
        let text = "Economists at the Harbour Institute warned that prices were “still rising”.";
        assert_eq!(who(&said(text), "still rising"), None);
    }

    #[test]
    fn speech_nouns_with_an_owner() {
        let text = "Oslo eased its stance on Friday, following its declaration that the dispute was “nearly settled.”\n\nPrime Minister Karin Dahl repeated her warning that talks were “at risk.”";
        let v = said(text);
        assert_eq!(who(&v, "nearly settled"), Some("Oslo".into()));
        assert_eq!(who(&v, "at risk"), Some("Karin Dahl".into()));
    }

    #[test]
    fn according_to() {
        let text = "“The dam will hold,” according to engineer Sofia Brandt.\n\nAccording to Mayor Omar Lutz, the town was “fully prepared.”";
        let v = said(text);
        assert_eq!(who(&v, "The dam will hold"), Some("Sofia Brandt".into()));
        assert_eq!(who(&v, "fully prepared"), Some("Omar Lutz".into()));
    }

    fn reported(text: &str) -> Vec<(String, String)> {
        let ex = extract_text(text);
        ex.statements
            .iter()
            .map(|q| (q.span.slice(text).to_string(), ex.entities[q.speaker.unwrap()].name.clone()))
            .collect()
    }

    #[test]
    fn reported_speech_without_quotation_marks() {
        let text = "Mayor Ines Duarte said on Monday that the bridge would reopen in June. Officials said it was too early. \
                    The repairs will cost more than planned, Duarte told reporters. “We are ready,” she said.";
        assert_eq!(
            reported(text),
            [
                ("the bridge would reopen in June".to_string(), "Ines Duarte".to_string()),
                ("The repairs will cost more than planned".to_string(), "Ines Duarte".to_string()),
            ]
        );
    }

    #[test]
    fn a_figure_after_added_is_a_gain_not_a_statement() {
        let text = "Harwick Estates added 12p to 468p and Tolland was 8p higher at 390. \
                    Later Mayor Ines Duarte added 40 jobs would go by June.";
        let got = reported(text);
        assert!(!got.iter().any(|(_, who)| who == "Harwick Estates"), "{got:?}");
        // Does fire: a clause after another reporting verb may open with a figure.
        let text = "Mayor Ines Duarte said 40 jobs would go by the end of June.";
        assert_eq!(reported(text), [("40 jobs would go by the end of June".to_string(), "Ines Duarte".to_string())]);
    }

    #[test]
    fn a_pronoun_refers_to_the_subject_of_the_sentence_before() {
        let text = "Premier Lin Bao spoke alongside Mayor Rosa Vidal on Friday. He said the deal was “nearly done.”";
        assert_eq!(who(&said(text), "nearly done"), Some("Lin Bao".into()));
    }

    #[test]
    fn the_organisation_by_its_head_word() {
        let text = "The Transport Ministry closed the line on Monday.\n\nRepairs may take weeks. “Safety comes first,” the ministry said.";
        assert_eq!(who(&said(text), "Safety comes first"), Some("Transport Ministry".into()));
    }

    #[test]
    fn pronouns_agree_with_names_and_honorifics() {
        let text =
            "Mary Okafor, the coach, spoke before Mr. Tanaka arrived. “We are ready,” she said. “So are we,” he said.";
        let v = said(text);
        assert_eq!(who(&v, "We are ready"), Some("Mary Okafor".into()));
        assert_eq!(who(&v, "So are we"), Some("Tanaka".into()));
    }

    #[test]
    fn a_relative_of_someone_named_speaks_not_the_someone() {
        let text = "Tanya Reyes, 28, died on Friday.\n\n“She was kind,” said Reyes’ cousin, Keisha Moore. “We miss her,” said Reyes's brother.";
        let v = said(text);
        assert_eq!(who(&v, "She was kind"), Some("Keisha Moore".into()));
        assert_eq!(who(&v, "We miss her"), None);
    }

    #[test]
    fn organisations_in_titles_and_party_labels() {
        let text = "“We will act,” Senate Majority Leader Ann Kell, D-Ore., said.\n\nSen. Bo Reyes (R-Tex.) called it “a stunt.”";
        let v = said(text);
        assert_eq!(who(&v, "We will act"), Some("Ann Kell".into()));
        assert_eq!(who(&v, "a stunt"), Some("Bo Reyes".into()));
    }

    #[test]
    fn unnamed_speakers_get_no_speaker() {
        let text =
            "Mayor Ana Ruiz spoke first.\n\n“Nobody told us anything,” said one resident who declined to be named.";
        assert_eq!(who(&said(text), "Nobody told us"), None);
    }

    #[test]
    fn organisation_speaker_and_straight_quotes() {
        let text = "The Interior Ministry said in a statement that the border was \"fully secure.\"";
        assert_eq!(who(&said(text), "fully secure"), Some("Interior Ministry".into()));
    }

    #[test]
    fn straight_single_quotation_marks() {
        let text = "Coach Dan Okafor was blunt. 'I thought the winner was offside,' he said. \
                    'The players' union will back us.'";
        let v = said(text);
        assert_eq!(who(&v, "I thought the winner was offside,"), Some("Dan Okafor".into()));
        assert!(v.iter().any(|(q, _)| q == "The players' union will back us."), "{v:?}");
        // Where quotations are in double marks, single ones are titles or quotes inside quotes.
        let v = said("\"We loved 'Blue Harbour Nights' and its songs,\" said Ann Lee. The 'New Left' is gone.");
        assert_eq!(v.len(), 1, "{v:?}");
        // ... unless a single pair reads as a quotation: after a space, closed by punctuation.
        let v = said(
            "\"We were lucky,\" said Ann Lee. Coach Tom Ure said: 'The lads never gave up.' \
             The 'New Left' is gone, and the 'quiet ones, too,' she said.",
        );
        assert_eq!(who(&v, "The lads never gave up."), Some("Tom Ure".into()), "{v:?}");
        assert_eq!(v.len(), 3, "{v:?}");
        let v = said("\"It is over,\" said Ann Lee. 'We lost the ball,' Tom Ure said. 'It happens to every side.'");
        assert_eq!(who(&v, "It happens to every side."), Some("Tom Ure".into()), "{v:?}");
        // Headings, titles and scare quotes in single marks stay text.
        let v = said(
            "\"It is over,\" said Ann Lee. It was 'rock 'n' roll' all night. Not 'a word'.\n\n'All Bets Are Off.'\n\n\
             Voters fear 'the end of the party as we know it.'\n\nShe starred in 'Finding Home' and 'Blue Skies, Again,' then left.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        // Apostrophes are not quotation marks.
        let v = said("Fans of rock 'n' roll crowded the Smiths' garden, said Ann Lee.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn any_verb_after_a_comma_ended_quote_attributes() {
        let text = "Fares rose on Monday.\n\n“Nobody asked us,” Metro spokeswoman Lena Ortiz grumbled.\n\n\
                    “What a night!” beamed Owen Pratt of Leeds.\n\n“It was a mistake,” said a spokesman for the port, Karl Jensen.";
        let v = said(text);
        assert_eq!(who(&v, "Nobody asked us"), Some("Lena Ortiz".into()));
        assert_eq!(who(&v, "What a night"), Some("Owen Pratt".into()));
        assert_eq!(who(&v, "It was a mistake"), Some("Karl Jensen".into()));
    }

    #[test]
    fn a_name_that_modifies_a_role_does_not_speak() {
        let text = "Senator Ruth Bell faces charges.\n\n“We will appeal,” Bell attorney Mark Dunn said.\n\n\
                    “Rates will fall,” a Bell aide wrote.";
        let v = said(text);
        assert_eq!(who(&v, "We will appeal"), Some("Mark Dunn".into()));
        assert_eq!(who(&v, "Rates will fall"), None);
    }

    #[test]
    fn attribution_at_the_end_of_the_sentence() {
        let text = "Fares will rise “sharply” next year and wages will stall, said Mayor Ada Klein.";
        assert_eq!(who(&said(text), "sharply"), Some("Ada Klein".into()));
    }

    #[test]
    fn the_subject_of_the_sentence_speaks_a_partial_quote() {
        let text = "Coach Tariq Hale dismissed the criticism as “noise” on Sunday.\n\n\
                    After meeting Mayor Ada Klein, the residents called the plan “a relief.”\n\n\
                    Paris hosted the “festival of lights” again.";
        let v = said(text);
        assert_eq!(who(&v, "noise"), Some("Tariq Hale".into()));
        assert_eq!(who(&v, "a relief"), None);
        assert_eq!(who(&v, "festival of lights"), None);
        let text = "Mayor Ada Klein proposed a debate, but Coach Tariq Hale rejected the idea as “absurd.”";
        assert_eq!(who(&said(text), "absurd"), Some("Tariq Hale".into()));
    }

    #[test]
    fn a_participle_speaks_for_the_subject() {
        let text = "Mayor Ada Klein rejected the report by Judge Omar Petit on Monday, saying the figures were “simply wrong.”";
        assert_eq!(who(&said(text), "simply wrong"), Some("Ada Klein".into()));
    }

    #[test]
    fn a_paragraph_ending_in_a_colon_introduces_the_quote() {
        let text = "Coach Tariq Hale summed up the season:\n\n“We gave everything.”\n\n\
                    The results were mixed.\n\n“Nobody expected this.”";
        let v = said(text);
        assert_eq!(who(&v, "We gave everything"), Some("Tariq Hale".into()));
        assert_eq!(who(&v, "Nobody expected"), None);
    }

    #[test]
    fn a_quote_running_over_paragraphs_has_the_speaker_named_at_its_end() {
        let text =
            "The club lost again.\n\n“We gave everything this year.\n\n“Next year we will win,” said Coach Tariq Hale.";
        let v = said(text);
        assert_eq!(who(&v, "We gave everything"), Some("Tariq Hale".into()));
        assert_eq!(who(&v, "Next year"), Some("Tariq Hale".into()));
    }

    #[test]
    fn a_person_inside_a_descriptive_apposition_does_not_speak() {
        let text = "Ana Ruiz, an economist who advised Mayor Omar Lutz for years, said the plan was “too costly.”\n\n\
                    The city’s treasurer, Rita Moss, said the plan was “fine.”";
        let v = said(text);
        assert_eq!(who(&v, "too costly"), Some("Ana Ruiz".into()));
        assert_eq!(who(&v, "fine"), Some("Rita Moss".into()));
    }

    #[test]
    fn a_nested_report_belongs_to_the_outermost_speaker() {
        let text = "Coach Tariq Hale said Mayor Ada Klein had called the stadium “a disgrace.”\n\n\
                    Reporters were told that Mayor Ada Klein called the plan “thin.”";
        let v = said(text);
        assert_eq!(who(&v, "a disgrace"), Some("Tariq Hale".into()));
        assert_eq!(who(&v, "thin"), Some("Ada Klein".into()));
        let text = "Mayor Ada Klein said the club was safe, while Coach Tariq Hale warned of “hard times.”\n\n\
                    Fans said the fees were high and Coach Tariq Hale called them “a scandal.”";
        let v = said(text);
        assert_eq!(who(&v, "hard times"), Some("Tariq Hale".into()));
        assert_eq!(who(&v, "a scandal"), Some("Tariq Hale".into()));
    }

    #[test]
    fn a_dash_after_the_quote_and_unknown_title_abbreviations() {
        let text = "Readers wrote in.\n\n“The match was a farce.” ― Nadia Osei\n\n\
                    “The vote was unfair,” said Del. Harriet Quayle of the island council.";
        let v = said(text);
        assert_eq!(who(&v, "The match was a farce"), Some("Nadia Osei".into()));
        assert_eq!(who(&v, "The vote was unfair"), Some("Harriet Quayle".into()));
    }

    #[test]
    fn an_unrecognised_name_in_the_attribution_slot_is_a_person() {
        let text = "The club met on Friday.\n\n“We lost the vote,” said club treasurer Brannock Velt, who resigned.\n\n\
                    “It was fair,” Velt added.\n\nTickets may sell out “any time,” including before the Harvest Games begin.";
        let v = said(text);
        assert_eq!(who(&v, "We lost the vote"), Some("Brannock Velt".into()));
        assert_eq!(who(&v, "It was fair"), Some("Brannock Velt".into()));
        let ex = extract_text(text);
        assert!(!ex.entities.iter().any(|e| e.name.contains("Harvest")));
    }

    #[test]
    fn labels_coordinated_clauses_and_the_main_verb_of_the_sentence_before() {
        let text = "The season ended.\n\nMayor Ada Klein: “We will rebuild.”\n\n\
                    Ada Klein praised “the effort” and Tariq Hale called it “a triumph.”\n\n\
                    Coach Tariq Hale said so at length, citing a rival whom Mayor Ada Klein had called reckless. “It is clear.”";
        let v = said(text);
        assert_eq!(who(&v, "We will rebuild"), Some("Ada Klein".into()));
        assert_eq!(who(&v, "the effort"), Some("Ada Klein".into()));
        assert_eq!(who(&v, "a triumph"), Some("Tariq Hale".into()));
        assert_eq!(who(&v, "It is clear"), Some("Tariq Hale".into()));
    }

    #[test]
    fn verbs_before_the_quote_and_narration_before_it() {
        let text = "The hearing went on.\n\nJudge Mara Lind asked, “Is the witness here?”\n\n\
                    The club’s “failures” are shameful, Mayor Ada Klein said, calling the plan “a mess.”\n\n\
                    Coach Tariq Hale agreed. “It was poor.”\n\nTariq Hale told fans he would stay.\n\n“I love this town.”\n\n\
                    Snow fell all night.\n\n“Stay home.”";
        let v = said(text);
        assert_eq!(who(&v, "Is the witness here"), Some("Mara Lind".into()));
        assert_eq!(who(&v, "failures"), Some("Ada Klein".into()));
        assert_eq!(who(&v, "It was poor"), Some("Tariq Hale".into()));
        assert_eq!(who(&v, "I love this town"), Some("Tariq Hale".into()));
        assert_eq!(who(&v, "Stay home"), None);
    }

    #[test]
    fn attributions_that_open_the_sentence() {
        let text = "The vote was close.\n\nAs columnist Dana Brill put it, “Nobody won.”\n\n\
                    Said Mayor Ada Klein, who grew up nearby, “We were proud of him.”\n\nAs usual, “the end” came late.";
        let v = said(text);
        assert_eq!(who(&v, "Nobody won"), Some("Dana Brill".into()));
        assert_eq!(who(&v, "We were proud"), Some("Ada Klein".into()));
        assert_eq!(who(&v, "the end"), None);
    }

    #[test]
    fn single_quotes_and_double_closing_apostrophes() {
        let text = "Senator Omar Haddad promised not to ‘give up the fight’ and said the bill was “dead.’’";
        let v = said(text);
        assert_eq!(who(&v, "give up the fight"), Some("Omar Haddad".into()));
        assert_eq!(who(&v, "dead."), Some("Omar Haddad".into()));
    }

    #[test]
    fn an_opening_mark_glued_to_the_quote_closes_it() {
        // Fires: “ after a comma and before a space ends the quotation.
        let text = "“It is late,“ said Coach Ivo Brandt. “We go home now.”";
        let v = said(text);
        assert_eq!(who(&v, "It is late"), Some("Ivo Brandt".into()));
        assert_eq!(who(&v, "We go home"), Some("Ivo Brandt".into()));
        // Does not fire: a new opening mark before a word opens a nested or restarted quotation.
        let v = said("Mayor Ada Klein said: “We tried. “Nothing worked,” she said.");
        assert!(v.iter().any(|(q, _)| q == "Nothing worked,"), "{v:?}");
    }

    #[test]
    fn a_role_phrase_before_the_name_after_the_quote() {
        // Fires: lower-case role words, a name, then the verb.
        let text = "The club lost again.\n\n“We will appeal,” spokesman Tomas Rell said.\n\n\
                    “Costs will rise,” veteran analyst Mira Osei wrote.";
        let v = said(text);
        assert_eq!(who(&v, "We will appeal"), Some("Tomas Rell".into()));
        assert_eq!(who(&v, "Costs will rise"), Some("Mira Osei".into()));
        // Does not fire: the verb comes first, so the name after the role is its object.
        let v = said("The club lost again.\n\n“Resign,” fans told coach Ivo Brandt.");
        assert_eq!(who(&v, "Resign"), None);
    }

    #[test]
    fn a_person_before_a_long_apposition_speaks() {
        // Fires: commas inside the apposition do not hide the person before it.
        let text = "Dana Brill, director of the Harbour Trust, a local charity, said the plan “will fail.”";
        assert_eq!(who(&said(text), "will fail"), Some("Dana Brill".into()));
        // Does not fire: a name after a preposition is not the subject.
        let text = "The letter went to Dana Brill, and a spokesman for the trust said the plan “will fail.”";
        assert_eq!(who(&said(text), "will fail"), None);
    }

    #[test]
    fn a_subject_after_a_conjunction_speaks() {
        // Fires: "after" opens a clause whose subject is the speaker.
        let text = "Days after Mayor Ada Klein told the council the budget was “a disaster,” she resigned.";
        assert_eq!(who(&said(text), "a disaster"), Some("Ada Klein".into()));
        // Does not fire: "after" as a preposition before a noun phrase.
        let text = "The talks ended after Ada Klein walked out, and union members told reporters it was “a disaster.”";
        assert_eq!(who(&said(text), "a disaster"), None);
    }

    /// The kind of the entity credited with the quote starting with `quote`.
    fn speaker_kind(text: &str, quote: &str) -> Option<crate::model::EntityKind> {
        let ex = extract_text(text);
        let q = ex.quotes.iter().find(|q| q.span.slice(text).starts_with(quote)).expect("quote");
        q.speaker.map(|e| ex.entities[e].kind)
    }

    #[test]
    fn a_place_never_speaks() {
        use crate::model::EntityKind::Organization;
        // A place as the subject: its government speaks when the article names one.
        let text = "The Russian Foreign Ministry summoned the envoy.\n\nRussia said the visit was “a provocation.”";
        assert_eq!(who(&said(text), "a provocation"), Some("Russian Foreign Ministry".into()));
        // Else the place acting as a government: an organisation of that name.
        let text = "Talks resumed in Geneva.\n\nMoscow said the offer was “unacceptable.”";
        assert_eq!(who(&said(text), "unacceptable"), Some("Moscow".into()));
        assert_eq!(speaker_kind(text, "unacceptable"), Some(Organization));
        // Does not fire: a person or organisation speaks for itself.
        let text = "Talks resumed in Geneva.\n\nThe Kremlin said the offer was “unacceptable.”";
        assert_eq!(who(&said(text), "unacceptable"), Some("Kremlin".into()));
    }

    #[test]
    fn a_town_that_speaks_is_the_person_with_that_surname() {
        // Fires: the article names a person whose surname is the town's name.
        let text = "Former envoy John Bolton spoke in Ohio.\n\nBolton said the deal was “a disaster.”";
        assert_eq!(who(&said(text), "a disaster"), Some("John Bolton".into()));
        // Does not fire: no such person; the town speaks as an organisation, never as a place.
        let text = "Talks resumed in Ohio.\n\nBolton said the deal was “a disaster.”";
        assert_ne!(speaker_kind(text, "a disaster"), Some(crate::model::EntityKind::Person));
        assert_ne!(speaker_kind(text, "a disaster"), Some(crate::model::EntityKind::Place));
    }

    #[test]
    fn a_name_before_a_noun_and_a_person_only_describes_the_person() {
        // Fires: "Brill constituent Ivo Kask": the constituent speaks, not Brill.
        let text = "Senator Dana Brill held a town hall.\n\n“She never listens,” said Brill constituent Ivo Kask.";
        assert_eq!(who(&said(text), "She never listens"), Some("Ivo Kask".into()));
        // Does not fire: a verb between the names ("Brill told Ivo Kask").
        let text = "Senator Dana Brill held a town hall.\n\n“Go home,” Brill told Ivo Kask.";
        assert_eq!(who(&said(text), "Go home"), Some("Dana Brill".into()));
    }

    #[test]
    fn a_spokesperson_after_the_one_body_of_the_paragraph_speaks_for_it() {
        // Fires: the paragraph names one body and no one.
        let text = "The study was published on Monday.\n\nThe charity Kindlemere said the findings matched its \
                    helpline calls. “Young people tell us they are exhausted,” a spokesperson said.";
        assert_eq!(who(&said(text), "Young people tell us"), Some("Kindlemere".into()));
        // Does not fire: the paragraph names a person too.
        let text = "The study was published on Monday.\n\nThe charity Kindlemere and Jo Bell said the findings \
                    matched. “Young people tell us they are exhausted,” a spokesperson said.";
        assert_ne!(who(&said(text), "Young people tell us"), Some("Kindlemere".into()));
    }

    #[test]
    fn the_bench_speaks_as_its_court() {
        let text = "The Supreme Court set aside the order of the tribunal on Thursday.\n\n“A party whose project is \
                    stopped is entitled to see the material,” the bench said.";
        assert_eq!(who(&said(text), "A party whose project"), Some("Supreme Court".into()));
        // Does not fire: no court named.
        let text = "The tribunal set aside the order on Thursday.\n\n“A party whose project is stopped is entitled \
                    to see the material,” the bench said.";
        assert_eq!(who(&said(text), "A party whose project"), None);
    }

    #[test]
    fn who_asks_the_question_is_not_who_answers_it() {
        let text = "Halima Sule, an investigator, told the court the money had moved. Counsel to the defendant, \
                    Chief Tunde Ajayi, objected.\n\nUnder cross-examination, Sule admitted that she did not visit the \
                    office. Asked by Ajayi whether she had spoken with the suppliers, she replied: “We wrote to them.”";
        assert_eq!(who(&said(text), "We wrote to them"), Some("Halima Sule".into()));
        // Does not fire: the person named after "by" is no asker.
        let text = "Halima Sule, an investigator, told the court the money had moved. Counsel to the defendant, \
                    Chief Tunde Ajayi, objected.\n\nThe objection, made by Ajayi after a long pause, was short. “We \
                    wrote to them,” she said.";
        assert_ne!(who(&said(text), "We wrote to them"), Some("Halima Sule".into()));
    }

    #[test]
    fn a_pronoun_after_an_unnamed_spokeswoman_is_her_organisation() {
        // Fires: the spokeswoman comes after the last named person.
        let text = "Mayor Ada Klein toured the site.\n\nA spokeswoman for the Harbour Trust said the wall held. “We were lucky,” she said.";
        assert_eq!(who(&said(text), "We were lucky"), Some("Harbour Trust".into()));
        // Does not fire: a named person is mentioned after the spokeswoman.
        let text = "A spokeswoman for the Harbour Trust praised Mayor Ada Klein.\n\nKlein said the wall held. “We were lucky,” she said.";
        assert_eq!(who(&said(text), "We were lucky"), Some("Ada Klein".into()));
    }

    #[test]
    fn a_closing_mark_that_opens_a_paragraph_opens_a_quotation() {
        // Fires: ” at the paragraph start with a closing mark later.
        let text = "Readers wrote in.\n\n”We are afraid of what comes next.” ― Ivo Kask";
        let v = said(text);
        assert_eq!(who(&v, "We are afraid"), Some("Ivo Kask".into()));
        // Does not fire: a lone ” with no closing mark after it quotes nothing.
        let v = said("Readers wrote in.\n\n”We are afraid of what comes next, Ivo Kask said.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn a_coordinated_verb_shares_the_clause_subject() {
        // Fires: "and joked" after an agent, ", but now said" after an object.
        let text = "Coach Ana Ferreira was joined on the pitch by striker Kofi Mensah and joked, “We are ready.”";
        assert_eq!(who(&said(text), "We are ready"), Some("Ana Ferreira".into()));
        let text = "Councillor Ravi Menon used to back Mayor Joan Pell, but now said the plan was “a mistake.”";
        assert_eq!(who(&said(text), "a mistake"), Some("Ravi Menon".into()));
        // The subject of the clause, not of the sentence: after ", while".
        let text = "Mayor Joan Pell spoke first, while Councillor Ravi Menon thanked the staff but warned the plan was “a mistake.”";
        assert_eq!(who(&said(text), "a mistake"), Some("Ravi Menon".into()));
        // Does not fire: "and" joins two subjects, the nearest one speaks with the first.
        let text = "Councillor Ravi Menon thanked the staff, and Mayor Joan Pell said the plan was “a mistake.”";
        assert_eq!(who(&said(text), "a mistake"), Some("Joan Pell".into()));
    }

    #[test]
    fn an_inverted_attribution_between_commas_before_the_quote() {
        // Fires: the name after the verb speaks, not the subject of the opening clause.
        let text = "Because the council changed the rules, explained Ravi Menon, “we have no choice now.”";
        assert_eq!(who(&said(text), "we have no choice"), Some("Ravi Menon".into()));
        // Does not fire: after "told" the name is the listener; the subject before speaks.
        let text = "Ada Klein, the trust's chair, told Ravi Menon simply, “We lost the vote.”";
        assert_eq!(who(&said(text), "We lost"), Some("Ada Klein".into()));
    }

    #[test]
    fn a_participial_clause_speaks_for_the_main_subject() {
        // Fires: any participle after a comma, even with words between it and the quote.
        let text = "Mayor Joan Pell attacked Ravi Menon, branding him, among other things, “a coward.”";
        assert_eq!(who(&said(text), "a coward"), Some("Joan Pell".into()));
        // Does not fire: "according" is no participle of the subject.
        let text = "Mayor Joan Pell lost the vote, according to Ravi Menon, who called it “a farce.”";
        assert_eq!(who(&said(text), "a farce"), Some("Ravi Menon".into()));
    }

    #[test]
    fn a_role_named_in_apposition_is_the_subject() {
        // Fires: the role's phrase names the person between commas, after an honorific.
        let text = "Governor Tom Reed urged calm.\n\nThe chairman of the drivers' union in the state, Alhaji Musa \
                    Bello, praised the plan, describing it as “long overdue.”";
        assert_eq!(who(&said(text), "long overdue"), Some("Musa Bello".into()));
        // Does not fire: a verb comes before the comma, so the name there is its object.
        let text = "Governor Tom Reed spoke.\n\nThe chairman thanked the drivers, Musa Bello, Ada Klein and others, \
                    calling it “a relief.”";
        assert_ne!(who(&said(text), "a relief"), Some("Musa Bello".into()));
    }

    #[test]
    fn the_attribution_after_a_comma_ended_quote_is_the_outermost() {
        // Fires: "“Q,” X added" after a report by someone else in the same sentence.
        let text = "Ada Klein met the board.\n\nKlein cannot say that “from her point of view,” Ravi Menon added.";
        assert_eq!(who(&said(text), "from her point of view"), Some("Ravi Menon".into()));
        // Does not fire: the quote's own clause has a speech verb with a named subject.
        let text =
            "Ada Klein said the trust remains “committed” and believes “a deal is close,” Ravi Menon said in a note.";
        assert_eq!(who(&said(text), "a deal is close"), Some("Ada Klein".into()));
        // Fires after a participle too: "calling X “Q,” Y said".
        let text = "Opening the fete, Ravi Menon thanked Ada Klein, calling her “our rock,” Joan Pell said.";
        assert_eq!(who(&said(text), "our rock"), Some("Joan Pell".into()));
        // Does not fire: the attribution after the quote ends in a colon and introduces the next one.
        let text = "Ada Klein said pupils might do better at “smaller schools,” Ravi Menon said: “I disagree.”";
        let v = said(text);
        assert_eq!(who(&v, "smaller schools"), Some("Ada Klein".into()));
        assert_eq!(who(&v, "I disagree"), Some("Ravi Menon".into()));
    }

    #[test]
    fn the_name_between_a_comma_and_the_verb_after_the_quote_speaks() {
        // Fires: the names in the words that end the quoted sentence do not speak.
        let text = "“If there had been no help” from the Harbour Trust, the Red Cross and others, Ada Klein said, “we would have lost everything.”";
        assert_eq!(who(&said(text), "If there had been no help"), Some("Ada Klein".into()));
        // Does not fire: an apposition between the name and the verb.
        let text = "“We will rebuild,” Ada Klein, the chair of the Harbour Trust, said.";
        assert_eq!(who(&said(text), "We will rebuild"), Some("Ada Klein".into()));
    }

    #[test]
    fn a_speech_verb_ending_the_sentence_beats_a_weak_slot() {
        // Fires: "just as X did" after the quote is no attribution; "Y added" at the end is.
        let text = "Ada Klein spoke first.\n\nThe trust “has every right to appeal,” just as Joan Pell did in 2019, Ravi Menon added.";
        assert_eq!(who(&said(text), "has every right"), Some("Ravi Menon".into()));
        // Does not fire: a speech verb right after the quote is the attribution.
        let text = "“The trust has every right to appeal,” said Joan Pell, as Ravi Menon looked on.";
        assert_eq!(who(&said(text), "The trust has every right"), Some("Joan Pell".into()));
    }

    #[test]
    fn a_definite_description_around_a_name_is_the_person_in_focus() {
        // Fires: "the former Portsmouth defender" is the manager just named, not the club.
        let text = "Rovers boss Mike Tennant was left frustrated.\n\n“We switched off,” the former Portsmouth defender said. “We have to learn quickly.”";
        let v = said(text);
        assert_eq!(who(&v, "We switched off"), Some("Mike Tennant".into()));
        assert_eq!(who(&v, "We have to learn"), Some("Mike Tennant".into()));
        // Does not fire: an indefinite description is someone unnamed.
        let text = "Rovers boss Mike Tennant was left frustrated.\n\n“We switched off,” a Portsmouth defender said.";
        assert_eq!(who(&said(text), "We switched off"), None);
    }

    #[test]
    fn a_relative_named_after_the_quote_speaks() {
        // Fires: "his friend X told the website" is X's.
        let text = "Omar Haddad died on Friday.\n\n“He had so many plans,” his friend Yusuf Karim told the website.";
        assert_eq!(who(&said(text), "He had so many plans"), Some("Yusuf Karim".into()));
        // Does not fire: "his friend said" names nobody new; the quote is not the friend's name.
        let text = "Omar Haddad died on Friday.\n\n“He had so many plans,” his friend said.";
        assert_ne!(who(&said(text), "He had so many plans"), Some("Omar Haddad".into()));
    }

    #[test]
    fn a_lone_given_name_in_the_attribution_slot_is_a_person() {
        // Fires: "“Q,” Melanie said".
        let text = "The crowd cheered the speech.\n\n“He really does love us,” Melanie said.";
        assert_eq!(who(&said(text), "He really does"), Some("Melanie".into()));
        // Does not fire: a given name before a surname is the start of a full name.
        let text = "The crowd cheered the speech.\n\n“He really does love us,” Melanie Harbottle said.";
        assert_eq!(who(&said(text), "He really does"), Some("Melanie Harbottle".into()));
    }

    #[test]
    fn the_subject_of_a_participle_after_with_speaks_past_an_adverb() {
        // Fires: "with X reportedly yelling: “Q”".
        let text = "A protester from the Tenants Union was pushed out, with Ravi Menon reportedly yelling: “Get him out of here!”";
        assert_eq!(who(&said(text), "Get him out"), Some("Ravi Menon".into()));
        // Does not fire: a name after "with" that a finite verb follows is no participle's subject.
        let text = "Ada Klein met with Ravi Menon and said: “We agreed on nothing.”";
        assert_eq!(who(&said(text), "We agreed"), Some("Ada Klein".into()));
    }

    #[test]
    fn a_participle_after_with_and_a_named_apposition_has_its_own_subject() {
        // Fires: "with the party's chairman, X, telling ... “Q”" is X's, not the sentence subject's.
        let text = "The Labour Party and the Green Party began talks, with the Labour chairman, Tom Ashby, \
                    telling reporters that the party would “win the county”.";
        assert_eq!(who(&said(text), "win the county"), Some("Tom Ashby".into()));
        // Does not fire: without "with", the participle's subject is the sentence's.
        let text =
            "Tom Ashby, the Labour chairman, spoke in Leeds, telling reporters that the party would “win the county”.";
        assert_eq!(who(&said(text), "win the county"), Some("Tom Ashby".into()));
        let text = "Jo Bell met the Labour chairman, Tom Ashby, telling him that the party would “win the county”.";
        assert_eq!(who(&said(text), "win the county"), Some("Jo Bell".into()));
    }

    #[test]
    fn a_person_in_apposition_after_an_honorific_speaks() {
        // Fires: "said its president, Dr X".
        let text = "The Medical Association called for allowances. “Doctors cannot take these risks,” said its president, Dr Musa Garba.";
        assert_eq!(who(&said(text), "Doctors cannot"), Some("Musa Garba".into()));
        // Does not fire: no name after the comma.
        let text = "The Medical Association called for allowances. “Doctors cannot take these risks,” said its president, speaking in Abuja.";
        assert_ne!(who(&said(text), "Doctors cannot"), Some("Musa Garba".into()));
    }

    #[test]
    fn a_spokesperson_for_a_body_called_by_its_kind_speaks_for_it() {
        // Fires: "The GMB union said ... A spokeswoman for the union said:".
        let text = "The GMB union said it would seek talks. A spokeswoman for the union said: “Workers should not pay the price.”";
        assert_eq!(who(&said(text), "Workers should not"), Some("GMB".into()));
        // Does not fire: no body was called a union.
        let text =
            "Ada Klein said it would seek talks. A spokeswoman for the union said: “Workers should not pay the price.”";
        assert_ne!(who(&said(text), "Workers should not"), Some("Ada Klein".into()));
    }

    #[test]
    fn a_body_by_its_kind_opening_a_clause_that_welcomed_but_said() {
        // Fires: "The union welcomed X but said ..." after a person of the union spoke.
        let text = "The Kelby Drivers Union has asked for talks. Its secretary, Ada Klein, said pay had fallen.\n\n\
                    The union welcomed the offer but said it had \"missed the point entirely\".";
        assert_eq!(who(&said(text), "missed the point"), Some("Kelby Drivers Union".into()));
        // Does not fire: a clause opening with a person.
        let text = "The Kelby Drivers Union has asked for talks.\n\n\
                    Ada Klein welcomed the offer but said it had \"missed the point entirely\".";
        assert_eq!(who(&said(text), "missed the point"), Some("Ada Klein".into()));
    }

    #[test]
    fn a_company_spokesperson_speaks_for_a_business_not_a_court() {
        // Fires: the Supreme Court is named last, but "a company spokesperson" is Norland Freight's.
        let text = "Norland Freight lost its appeal on Monday.\n\nNorland Freight said it was considering an appeal to \
                    the Supreme Court. A company spokesperson said: “We remain confident in our model.”";
        assert_eq!(who(&said(text), "We remain confident"), Some("Norland Freight".into()));
        // Does not fire: "a court spokesperson" is the court's.
        let text = "Norland Freight lost its appeal on Monday.\n\nNorland Freight said it was considering an appeal to \
                    the Supreme Court. A court spokesperson said: “The judgment will be published online.”";
        assert_eq!(who(&said(text), "The judgment will"), Some("Supreme Court".into()));
    }

    #[test]
    fn the_spokesperson_is_the_one_a_body_was_given_before() {
        // Fires: "A Kelby council spokesperson said ... “…,” the spokesperson said".
        let text = "Ada Klein, who lives nearby, said the road was dangerous. “Nobody listens to us,” she said.\n\n\
                    A Kelby Borough Council spokesperson said the road would reopen. “We cannot rush the repairs,” the spokesperson said.";
        assert_eq!(who(&said(text), "We cannot rush"), Some("Kelby Borough Council".into()));
        // Fires: "A Norland spokesperson said ... the spokesperson said" and "a spokesperson for X".
        let text = "Ada Klein said she was sacked.\n\nA Norland Freight spokesperson said the firm would appeal. “We treat safety seriously,” the spokesperson said.";
        assert_eq!(who(&said(text), "We treat safety"), Some("Norland Freight".into()));
        // Does not fire: a person is named between the two, so "the spokesperson" may be theirs.
        let text = "A Norland Freight spokesperson said the firm would appeal.\n\nAda Klein, the mayor, \
                    called the firm reckless. “We treat safety seriously,” the spokesperson said.";
        assert_ne!(who(&said(text), "We treat safety"), Some("Norland Freight".into()));
    }

    #[test]
    fn a_possessor_is_not_the_subject_a_pronoun_refers_to() {
        // Fires: "X's brother, Y, said ... “Q,” he said" is Y's.
        let text = "Musa Danjuma was granted bail.\n\nAfter the hearing, Danjuma's younger brother, Ibrahim Danjuma, said the family was grateful. “We believe the truth will come out,” he said.";
        assert_eq!(who(&said(text), "We believe the truth"), Some("Ibrahim Danjuma".into()));
        // Does not fire: the subject itself.
        let text = "Musa Danjuma was granted bail.\n\nAfter the hearing, Danjuma thanked his brother, Ibrahim Danjuma. “We believe the truth will come out,” he said.";
        assert_eq!(who(&said(text), "We believe the truth"), Some("Musa Danjuma".into()));
    }

    #[test]
    fn a_body_called_by_its_kind_as_subject_speaks() {
        // Fires: "In a statement signed by its secretary, X, the party said ... “Q”".
        let text = "The Peoples Progressive Party rejected the budget. In a statement signed by its spokesman, Debo Olu, the party said the plan was “built on borrowed money”.";
        assert_eq!(who(&said(text), "built on borrowed"), Some("Peoples Progressive Party".into()));
        // Does not fire: a kind the article never gave a body.
        let text =
            "Debo Olu rejected the budget. In a statement, the committee said the plan was “built on borrowed money”.";
        assert_ne!(who(&said(text), "built on borrowed"), Some("Debo Olu".into()));
    }

    #[test]
    fn the_listener_of_a_colon_attribution_does_not_speak() {
        // Fires: "X told Y:" is X's.
        let text = "Martin Hollis, 54, admitted fraud.\n\nSentencing him, Judge Catherine Leigh told Hollis: “You betrayed them without a second thought.”";
        assert_eq!(who(&said(text), "You betrayed them"), Some("Catherine Leigh".into()));
        // Does not fire: "X said:" stays with X.
        let text = "Martin Hollis, 54, admitted fraud.\n\nAfterwards Hollis said: “I am deeply sorry for what I did.”";
        assert_eq!(who(&said(text), "I am deeply sorry"), Some("Martin Hollis".into()));
    }

    #[test]
    fn a_firm_described_by_its_trade_is_the_firm_last_named() {
        // Fires: "the brokerage said" is the firm named just before.
        let text = "Analysts at Kotak Institutional Equities said the results were ahead of estimates. “Margins surprised positively,” the brokerage said in a note.";
        assert_eq!(who(&said(text), "Margins surprised"), Some("Kotak Institutional Equities".into()));
        // Does not fire: no organisation named before.
        let text = "Ravi Menon wrote the report.\n\n“Margins surprised positively,” the brokerage said in a note.";
        assert_ne!(who(&said(text), "Margins surprised"), Some("Ravi Menon".into()));
    }
    #[test]
    fn a_firm_named_inside_a_quote_is_not_the_brokerage() {
        // Fires: the firm the quote speaks of is skipped; the brokerage named before speaks.
        let text = "Analysts at Harbour Capital Markets kept a buy rating. “Tamsin Foods is the best placed of the grocers,” the brokerage said in a note.";
        assert_eq!(who(&said(text), "Tamsin Foods is"), Some("Harbour Capital Markets".into()));
        // Does not fire: a firm named outside the quote, after the brokerage, is the one called so.
        let text = "Analysts at Harbour Capital Markets kept a buy rating. Tamsin Foods Ltd hired them.\n\n“Margins will hold,” the brokerage said.";
        assert_eq!(who(&said(text), "Margins will hold"), Some("Tamsin Foods Ltd".into()));
    }

    #[test]
    fn the_judge_is_the_person_titled_justice() {
        // Fires: "the judge" is Justice Ada Obi, not the defendant named since.
        let text = "Justice Ada Obi gave the order after ruling that Musa Bello had failed to explain his wealth.\n\n“The assets are forfeited,” the judge said.";
        assert_eq!(who(&said(text), "The assets are"), Some("Ada Obi".into()));
        // Does not fire: a Justice is no professor; the professor named before her is.
        let text =
            "Prof. Musa Bello gave evidence before Justice Ada Obi.\n\n“The figures are wrong,” the professor said.";
        assert_eq!(who(&said(text), "The figures are"), Some("Musa Bello".into()));
    }

    #[test]
    fn according_to_a_pronoun_is_the_person_in_focus() {
        // Fires: "According to her" is the woman named before.
        let text = "However, Jyoti Rao, an analyst at Harbour Capital, was cautious. According to her, “prices will be tested in March.”";
        assert_eq!(who(&said(text), "prices will be tested"), Some("Jyoti Rao".into()));
        // Does not fire for a name: "According to X" stays X.
        let text = "Jyoti Rao was cautious. According to Ravi Menon, “prices will be tested in March.”";
        assert_eq!(who(&said(text), "prices will be tested"), Some("Ravi Menon".into()));
    }

    #[test]
    fn a_place_between_commas_after_a_body_is_not_the_speaker() {
        // Fires: "New Delhi" tells where the institute is; the professor speaks.
        let text = "Prof Ravi Menon, a surgeon at the Harbour Institute of Medicine, New Delhi, who was not involved, said the figures were “a warning”.";
        assert_eq!(who(&said(text), "a warning"), Some("Ravi Menon".into()));
        // Does not fire: a place right before the verb, with no comma after it, is no apposition.
        let text = "Ravi Menon spoke first. Officials in Lagos, Nigeria said the figures were “a warning”.";
        assert_ne!(who(&said(text), "a warning"), Some("Ravi Menon".into()));
    }
    #[test]
    fn a_name_opening_an_apposition_with_its_workplace_speaks() {
        // Fires: "Their solicitor, Owen Prentice of Harbour Law, said".
        let text = "The family won the case. Their solicitor, Owen Prentice of Harbour Law, said the judgment should “make every council think twice”.";
        assert_eq!(who(&said(text), "make every council"), Some("Owen Prentice".into()));
        // Does not fire: a name owning the apposition's head ("Owen Prentice's lawyer") does not speak.
        let text = "The family won the case. A lawyer, Owen Prentice's partner at Harbour Law, said the judgment should “make every council think twice”.";
        assert_ne!(who(&said(text), "make every council"), Some("Owen Prentice".into()));
    }

    #[test]
    fn according_to_a_role_a_body_qualifies_is_the_person_in_apposition() {
        // Fires: the branch chairman is the person named after him, not the body in the description.
        let text = "Staff at Harbour General Hospital (HGH) walked out. According to its HGH branch chairman, Prof. Tunde \
                    Alabi, consultants were working “double and triple shifts for months”.";
        let ex = crate::extract::extract_text(text);
        let q = ex.quotes.iter().find(|q| q.span.slice(text).contains("double")).expect("the quote");
        let who = q.speaker.map(|e| ex.entities[e].name.as_str());
        assert_eq!(who, Some("Tunde Alabi"), "{:?}", ex.quotes);
        // Does not fire: a spokeswoman for a body with no role at the head of the phrase stays the body's.
        let text = "According to Harbour General Hospital, consultants were working “double and triple shifts for months”.";
        let ex = crate::extract::extract_text(text);
        let q = ex.quotes.iter().find(|q| q.span.slice(text).contains("double")).expect("the quote");
        let who = q.speaker.map(|e| ex.entities[e].name.as_str());
        assert_eq!(who, Some("Harbour General Hospital"), "{:?}", ex.quotes);
    }

    #[test]
    fn a_quote_after_the_previous_quotes_attribution_continues_its_speaker() {
        // Fires: the sentence before is the first quote's attribution; a name inside it does not speak.
        let text = "Senator Dana Whitfield and Governor Ruben Okafor debated on Monday.\n\n“Who is the real problem here?” \
                    said Whitfield, using a phrase Okafor had coined to describe the budget, on a call with reporters. \
                    “The governor wrote these bills.”";
        assert_eq!(who(&said(text), "The governor wrote"), Some("Dana Whitfield".into()));
        // Does not fire: a sentence of narration between the quotes gives its subject.
        let text = "Senator Dana Whitfield and Governor Ruben Okafor debated on Monday.\n\n“Who is the real problem here?” \
                    said Whitfield. Okafor described the budget on the radio. “These bills are fine.”";
        assert_eq!(who(&said(text), "These bills are fine"), Some("Ruben Okafor".into()));
    }

    #[test]
    fn the_subject_follows_a_coordinator_and_several_opening_phrases() {
        // Fires: "And", a time phrase and a participial phrase come before the subject.
        let text = "Dana Whitfield spoke.\n\nAnd last summer, while attending the Harbour Workers Union demonstrations, \
                    Dana Whitfield calls a screaming man a “fascist”.";
        assert_eq!(who(&said(text), "fascist"), Some("Dana Whitfield".into()));
        // Does not fire: after "And" the body is the subject, the person only in a phrase after it.
        let text = "Dana Whitfield spoke.\n\nAnd the Harbour Workers Union, with Dana Whitfield at its side, calls the \
                    plan “a farce”.";
        assert_eq!(who(&said(text), "a farce"), Some("Harbour Workers Union".into()));
    }

    #[test]
    fn a_progressive_speech_verb_is_not_a_passive() {
        // Fires: "is saying" has its subject before it, not the name after a later "by".
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nOkafor is saying in a letter signed by Whitfield \
                    that the port is “saved for good.”";
        assert_eq!(who(&said(text), "saved for good"), Some("Ruben Okafor".into()));
        // Does not fire: "was told by Whitfield" is a passive; the agent speaks.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nOkafor was told by Whitfield that the port is \
                    “finished for good.”";
        assert_eq!(who(&said(text), "finished for good"), Some("Dana Whitfield".into()));
    }

    #[test]
    fn a_participle_after_a_comma_ended_quote_names_no_speaker() {
        // Fires: "claiming" goes on with the sentence; its subject speaks.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nOkafor hailed the “saved port,” claiming that the \
                    budget proves it.";
        assert_eq!(who(&said(text), "saved port"), Some("Ruben Okafor".into()));
        // Does not fire: a name right after the comma is the attribution, and so is a role with a
        // participle before it.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\n“The port is safe,” Whitfield said, claiming that \
                    the budget proves it.";
        assert_eq!(who(&said(text), "The port is safe"), Some("Dana Whitfield".into()));
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\n“The port is safe and busy,” managing director \
                    Ruben Okafor said on a call.";
        assert_eq!(who(&said(text), "The port is safe and busy"), Some("Ruben Okafor".into()));
    }

    #[test]
    fn a_gerund_after_a_preposition_of_time_has_the_sentence_subject() {
        // Fires: "upon saying" is Raman's, not the name in her apposition.
        let text = "Priya Raman and Ruben Okafor met on Monday.\n\nRaman, herself an Okafor supporter during the \
                    campaign, drew boos upon saying, “The port is finished.”";
        assert_eq!(who(&said(text), "The port is finished"), Some("Priya Raman".into()));
        // Does not fire: "thanked Okafor for saying" is Okafor's.
        let text =
            "Priya Raman and Ruben Okafor met on Monday.\n\nRaman thanked Okafor for saying, “The port will live.”";
        assert_eq!(who(&said(text), "The port will live"), Some("Ruben Okafor".into()));
    }

    #[test]
    fn a_role_then_a_title_before_a_name_is_that_person() {
        // Fires: "candidate Sen. Jo Bell" is the person, whatever honorific sits between.
        let text = "Dana Whitfield spoke.\n\nIndependent candidate Sen. Dana Whitfield on Saturday criticized the accord, \
                    saying it goes “nowhere near far enough.”";
        assert_eq!(who(&said(text), "nowhere near"), Some("Dana Whitfield".into()));
        // Does not fire: a role with no name after it is nobody the article names.
        let text = "Dana Whitfield spoke.\n\nAn independent candidate on Saturday criticized the accord, saying it goes \
                    “nowhere near far enough.”";
        assert_ne!(who(&said(text), "nowhere near"), Some("Dana Whitfield".into()));
    }

    #[test]
    fn an_apposition_between_dashes_is_skipped_to_the_subject() {
        // Fires: the name before the dashes speaks, not the owner inside them.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nOn Friday, Whitfield — named by the Harbour \
                    Herald as Okafor’s likely running mate — told a radio host that “you have to take it seriously.”";
        assert_eq!(who(&said(text), "you have to take it"), Some("Dana Whitfield".into()));
        // Does not fire: a dash that does not close an apposition right before the verb.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nWhitfield sat down — and Okafor told a radio \
                    host that “you have to take it seriously.”";
        assert_eq!(who(&said(text), "you have to take it"), Some("Ruben Okafor".into()));
    }

    #[test]
    fn a_speech_participle_after_a_possessive_is_an_adjective() {
        // Fires: "Okafor's repeated calls" is no verb of Okafor's; the subject speaks through "noting".
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nWhitfield also decried Okafor’s repeated calls, \
                    noting he has “sacrificed nothing” for the port.";
        assert_eq!(who(&said(text), "sacrificed nothing"), Some("Dana Whitfield".into()));
        // Does not fire: "Okafor repeated" is a verb with its subject.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nOkafor repeated that Whitfield has “sacrificed \
                    nothing” for the port.";
        assert_eq!(who(&said(text), "sacrificed nothing"), Some("Ruben Okafor".into()));
    }

    #[test]
    fn a_with_phrase_ends_at_a_coordinated_verb() {
        // Fires: "appeared with Okafor and endorsed Lee, saying" is Whitfield's.
        let text = "Dana Whitfield, Ruben Okafor and Priya Raman met on Monday.\n\nWhitfield appeared with the host Ruben \
                    Okafor and officially endorsed Raman, saying, “She is the fighter we need.”";
        assert_eq!(who(&said(text), "She is the fighter"), Some("Dana Whitfield".into()));
        // Does not fire: "with Okafor saying" is Okafor's.
        let text = "Dana Whitfield, Ruben Okafor and Priya Raman met on Monday.\n\nWhitfield endorsed Raman, with \
                    Okafor saying, “She is the fighter we need.”";
        assert_eq!(who(&said(text), "She is the fighter"), Some("Ruben Okafor".into()));
    }

    #[test]
    fn a_coordinated_clause_with_its_own_subject_speaks() {
        // Fires: "and Okafor calling it" is Okafor's, not the earlier "Whitfield saying".
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nBoth issued a statement, Whitfield saying she \
                    was “very encouraged” and Okafor calling it a “great meeting.”";
        let v = said(text);
        assert_eq!(who(&v, "great meeting"), Some("Ruben Okafor".into()));
        assert_eq!(who(&v, "very encouraged"), Some("Dana Whitfield".into()));
        // Does not fire: "and said" shares the first subject, and a list of names is no clause.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nWhitfield praised the port and said Okafor \
                    had been “a great partner.”";
        assert_eq!(who(&said(text), "a great partner"), Some("Dana Whitfield".into()));
        let text = "Dana Whitfield, Ruben Okafor and Priya Raman met on Monday.\n\nWhitfield said she expects \
                    Lagos, Accra, and Okafor to “show their unity.”";
        assert_eq!(who(&said(text), "show their unity"), Some("Dana Whitfield".into()));
    }

    #[test]
    fn a_subordinate_clause_with_its_own_speaker_holds_the_quote() {
        // Fires: "tweeted after Okafor argued that “Q”" is Okafor's.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nWhitfield tweeted after Okafor argued for the \
                    second time that “the port would have closed without me.”";
        assert_eq!(who(&said(text), "the port would have closed"), Some("Ruben Okafor".into()));
        // Does not fire: "after Okafor's speech" has no verb of Okafor's.
        let text = "Dana Whitfield and Ruben Okafor met on Monday.\n\nWhitfield said after Okafor’s speech that “the \
                    port would have closed without me.”";
        assert_eq!(who(&said(text), "the port would have closed"), Some("Dana Whitfield".into()));
    }

    #[test]
    fn a_council_named_only_inside_a_quote_is_the_council_spokespersons() {
        // Fires: the council is named only in the councillor's quotation.
        let text = "Councillor Tom Reddy said residents had complained for years. “I have written to Kelby District \
                    Council three times,” he said.\n\nA council spokesperson said: “We will review the concerns raised.”";
        assert_eq!(who(&said(text), "We will review"), Some("Kelby District Council".into()));
        // Does not fire: no body whose name bears "council" is named, inside a quotation or out.
        let text = "Councillor Tom Reddy said residents had complained for years. “I have written to Kelby Housing \
                    Trust three times,” he said.\n\nA council spokesperson said: “We will review the concerns raised.”";
        assert_ne!(who(&said(text), "We will review"), Some("Kelby Housing Trust".into()));
    }

    #[test]
    fn the_judge_after_two_coordinated_judges_is_the_last_judge_quoted() {
        // Fires: "the judge" cannot be either of the two judges who agreed; the one quoted speaks.
        let text = "Giving the lead judgment, Lord Justice Harwood said the contracts were “a fiction”. Lady Justice \
                    Mensah and Lord Justice Pirie agreed.\n\n“The riders could not refuse work,” the judge wrote.";
        assert_eq!(who(&said(text), "The riders could"), Some("Harwood".into()));
        // Does not fire: one judge alone after the quoted one is the one the words name.
        let text = "Giving the lead judgment, Lord Justice Harwood said the contracts were “a fiction”. Lord Justice \
                    Pirie dissented.\n\n“The riders could refuse work,” the judge wrote.";
        assert_eq!(who(&said(text), "The riders could"), Some("Pirie".into()));
    }

    #[test]
    fn a_headline_quotes_in_straight_single_marks_without_punctuation() {
        // Fires: the headline's quotation has no comma or full stop before its closing mark.
        let text = "Police: 'We need to hear from witnesses' after man dies in river\n\nA man has died. A police \
                    spokesperson said: \"We are investigating.\"";
        let v = said(text);
        assert!(v.iter().any(|(q, _)| q == "We need to hear from witnesses"), "{v:?}");
        // Does not fire: a title in capitalised words, and a pair in the body below the headline.
        let text = "'The Last Post Returns' at the Albert Hall\n\nThe band played 'songs we all know' on Friday. \
                    Its leader said: \"It was a special night.\"";
        let v = said(text);
        assert!(v.iter().all(|(q, _)| !q.contains("Last Post") && !q.contains("songs we")), "{v:?}");
        // Does not fire: the headline repeats words the article quotes below, where they are attributed.
        let text = "Inspectors find 'culture of fear' at maternity unit\n\nInspectors found a \"culture of fear\" \
                    on the ward.";
        let v = said(text);
        assert_eq!(v.iter().filter(|(q, _)| q == "culture of fear").count(), 1, "{v:?}");
    }

    /// The scan that visits only the marks finds the quotations the scan over every character
    /// finds, in all four house styles: the example articles line by line, and random strings of
    /// marks, letters, spaces and punctuation.
    #[test]
    fn mark_scan_equals_the_scan_by_characters() {
        use super::{Marks, scan_paragraph, scan_paragraph_by_chars};
        use crate::model::Span;
        let key = |m: &[Marks]| -> Vec<(usize, Span, usize, bool)> {
            m.iter().map(|m| (m.open, m.inner, m.close, m.closed)).collect()
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let mut lines: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flat_map(|e| {
                let t = std::fs::read_to_string(e.unwrap().path()).unwrap();
                t.split('\n').map(String::from).collect::<Vec<_>>()
            })
            .collect();
        const PIECES: &[&str] = &[
            "“", "”", "„", "«", "»", "‘", "’", "’’", "\"", "'", "''", "s", "a", "É", "é", "1", ",", ".", "?", "!", ":",
            " ", "  ", "\t", "word", "Word", "s' a", "—", "…", "\u{a0}", "中文",
        ];
        let mut rng = crate::rng::XorShift::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..5000 {
            let mut t = String::new();
            for _ in 0..rng.below(30) + 1 {
                t.push_str(PIECES[rng.below(PIECES.len())]);
            }
            lines.push(t);
        }
        let mut chars = Vec::new();
        for line in &lines {
            let mut all = Vec::new();
            crate::extract::text::char_offsets(line, &mut all);
            for (straight_singles, doubled) in [(false, false), (true, false), (false, true), (true, true)] {
                let (mut new, mut old) = (Vec::new(), Vec::new());
                let open_new = scan_paragraph(straight_singles, doubled, 7, line, &mut chars, &mut new);
                let open_old = scan_paragraph_by_chars(straight_singles, doubled, 7, line, &all, &mut old);
                new.extend(open_new);
                old.extend(open_old);
                assert_eq!(key(&new), key(&old), "{line:?} {straight_singles} {doubled}");
            }
        }
    }

    #[test]
    fn a_later_partial_quote_keeps_the_verb_of_its_sentence() {
        // The second partial quote looks back past the first one to "said", not past the quote of
        // the paragraph before that ended a sentence.
        let text = "Kestrel Scaffolds Ltd admitted the offence.\n\nHis mother, Dana Marsh, said: \"He loved the job. We hope for peace.\"\n\nIn a statement, the company said it \"deeply regrets\" the death and had \"overhauled every rule\" since.";
        let v = said(text);
        assert_eq!(who(&v, "deeply regrets"), Some("Kestrel Scaffolds Ltd".into()));
        assert_eq!(who(&v, "overhauled every rule"), Some("Kestrel Scaffolds Ltd".into()));
        // A quotation that ends a sentence still ends the context: "said" before it is not the verb.
        let text = "Jo Bellamy said: \"It is over.\" Ann Roebuck agreed that it was \"a shame\".";
        assert_eq!(who(&said(text), "a shame"), Some("Ann Roebuck".into()));
    }

    #[test]
    fn a_participle_of_asking_opening_the_sentence_is_no_inverted_attribution() {
        let text = "Dr Imogen Castlemere led the study.\n\nAsked whether councils should change the bins, the researcher was blunt: \"A lock would stop it.\"";
        assert_eq!(who(&said(text), "A lock"), Some("Imogen Castlemere".into()));
        // An inverted attribution opening the sentence still names its speaker.
        let text = "Dr Imogen Castlemere led the study.\n\nAdded the researcher, Dr Tobias Wrenfield: \"A lock would stop it.\"";
        assert_eq!(who(&said(text), "A lock"), Some("Tobias Wrenfield".into()));
    }

    #[test]
    fn the_object_of_quoted_as_saying_speaks() {
        let text = "The head of the agency, Engr. Halima Danmusa-Kolo, welcomed the probe.\n\n\"The agency has nothing to hide,\" the statement quoted her as saying.\n\nThe paper quoted Halima Danmusa-Kolo as saying: \"We will cooperate.\"";
        let v = said(text);
        assert_eq!(who(&v, "The agency has"), Some("Halima Danmusa-Kolo".into()));
        assert_eq!(who(&v, "We will cooperate"), Some("Halima Danmusa-Kolo".into()));
        // "quoting" without "as saying" is no such object: the subject speaks.
        let text = "Halima Danmusa-Kolo spoke.\n\n\"Rules are rules,\" Bitrus Okonjo said, quoting the old manual.";
        assert_eq!(who(&said(text), "Rules are"), Some("Bitrus Okonjo".into()));
    }

    #[test]
    fn a_person_described_by_age_or_family_is_the_one_in_focus() {
        let text = "A community leader, Chief Ochoche Abba, told our correspondent that residents had waited.\n\n\"They came and left,\" the septuagenarian lamented.\n\nKerry-Ann Bedlow was in the cafe.\n\n\"I heard a bang,\" the mother-of-two told reporters.";
        let v = said(text);
        assert_eq!(who(&v, "They came"), Some("Ochoche Abba".into()));
        assert_eq!(who(&v, "I heard"), Some("Kerry-Ann Bedlow".into()));
        // A compound with "-of-" that is no relative describes no one.
        let text = "Kerry-Ann Bedlow was in the cafe.\n\n\"It will open soon,\" the state-of-the-art lab announced.";
        assert_ne!(who(&said(text), "It will open"), Some("Kerry-Ann Bedlow".into()));
    }

    #[test]
    fn a_relative_named_earlier_by_the_same_noun_speaks() {
        let text = "Owner Darren Hollinrake, who runs the cafe with his wife Tina, was at the counter.\n\nHis wife said the regulars had been \"amazing\".";
        assert_eq!(who(&said(text), "amazing"), Some("Tina".into()));
        // A relative never named is someone unnamed, not the person in focus; a name in apposition speaks.
        let text = "Darren Hollinrake was at home.\n\nHis brother told reporters it was \"a shock\".\n\nHer daughter, the cellist Clara Halewood, said it was \"a gift\".";
        let v = said(text);
        assert_eq!(who(&v, "a shock"), None);
        assert_eq!(who(&v, "a gift"), Some("Clara Halewood".into()));
    }

    #[test]
    fn one_lower_case_word_in_straight_single_marks_is_a_quotation() {
        let text = "Fees will not rise\n\nThe Samajwadi Party, however, called the announcement an 'eyewash'.\n\n'We will win,' said Rajiv Nigamwal.";
        assert_eq!(who(&said(text), "eyewash"), Some("Samajwadi Party".into()));
        // Not an elision, a capitalised word, nor one word in the headline.
        let text = "Boss hails 'character'\n\nIt was rock 'n' roll, and the vote went to the 'Ayes'.\n\n'We will win,' said Rajiv Nigamwal.";
        let v = said(text);
        assert_eq!(v.len(), 1, "{v:?}");
    }

    #[test]
    fn a_teaser_quotation_is_the_person_introduced_right_after_it() {
        let text = "The van had been parked on a slope, according to witnesses.\n\n\"It was like something out of a film.\"\n\nCafe owner Darren Hollinrake, 51, was behind the counter when the van hit.";
        assert_eq!(who(&said(text), "It was like"), Some("Darren Hollinrake".into()));
        // Not a person named in a trailer ("Follow Jo Bell on ..."), nor one the article named before.
        let text = "Darren Hollinrake arrived late.\n\nThe van had been parked on a slope.\n\n\"It was like something out of a film.\"\n\nFollow Pamela Keyes on Twitter.";
        assert_eq!(who(&said(text), "It was like"), None);
        let text = "Darren Hollinrake arrived late.\n\nThe van had been parked on a slope.\n\n\"It was like something out of a film.\"\n\nDarren Hollinrake, 51, was behind the counter.";
        assert_eq!(who(&said(text), "It was like"), None);
    }
}
