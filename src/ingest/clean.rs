//! Site boilerplate removal.
//!
//! News pages arrive with menus, category lists, share buttons, login
//! prompts, repeated headlines and teasers. Only that furniture goes: news
//! content stays, also when it is not prose (results tables, squad lists,
//! scoreboards, photo captions, credit lines). A line is furniture when
//!
//! - it repeats an earlier line (a short line printed several times goes
//!   altogether), or is a truncated teaser of a later one, or a site title
//!   carrying the headline again;
//! - it is machine-joined: a link list with commas and no spaces
//!   ("Africa,964,Americas,4388,..."), or a long menu of capitalised words
//!   with no separators, numbers or function words between them;
//! - it belongs to a run of one-to-three-word labels without digits or
//!   sentence punctuation (a menu laid out one item per line), or is a
//!   breadcrumb of short labels joined by `»`, `›` or `>`, or a line of
//!   labels and time stamps joined by bars ("Local News | Southampton");
//! - it sends the reader to another story ("ALSO READ: …", "Related: …"), or
//!   is a heading of such links ("Related News", "Trending", "More from UK
//!   News", "Tags:") or one of the short lines without a full stop under it;
//! - it is a byline ("By Jane Roe, Political Correspondent", "Jane Roe
//!   Business reporter"), a time stamp ("Updated: 14 Apr 2025, 11:52 PM
//!   IST", "2 hours ago"), a disclaimer or tag line, or a section label
//!   ("Sports News");
//! - it calls the reader to a channel, app or inbox ("Click here to join our
//!   WhatsApp channel", "Download the … app"), unless it quotes or reports
//!   someone;
//! - it speaks to the reader about the page: a short line with web-page
//!   vocabulary (advertisement, newsletter, cookies, copyright, share, sign
//!   in) that is not a sentence about someone else;
//! - it is prose in another language (lower-case words, no English
//!   function word).
//!
//! A line with numbers and names (a table row) is never judged by its lack
//! of function words. What survives, joined by blank lines, is the text every
//! offset counts in.

use std::collections::HashSet;

use crate::extract::lexicon::is_given_name;

/// What a share button names: a place to send the page, or the button's own word.
const SHARE_BUTTONS: &[&str] = &[
    "facebook", "x", "twitter", "whatsapp", "email", "e-mail", "linkedin", "pinterest", "reddit", "telegram",
    "messenger", "threads", "bluesky", "flipboard", "share", "copy", "link", "print",
];

/// Web-page vocabulary: what a page says about itself or to its reader.
/// General knowledge of site furniture, not phrases of any one site.
const PAGE_WORDS: &[&str] = &[
    "advertisement",
    "sponsored content",
    "newsletter",
    "subscribe",
    "cookie",
    "©",
    "all rights reserved",
    "privacy policy",
    "terms of use",
    "terms of service",
    "sign up",
    "sign in",
    "log in",
    "logged in",
    "share this",
    "share on",
    "follow us",
    "click here",
    "read more",
    "related articles",
    "related stories",
    "back to top",
    "skip to",
    "post a comment",
    "leave a comment",
    "comments are closed",
];

/// Words by which a page addresses its reader ("sign up for our newsletter").
const READER_WORDS: &[&str] = &["you", "your", "our", "us"];

/// Frequent English function words: a long line with none of them is not English prose.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "and", "is", "was", "that", "for", "on", "with", "as", "by", "at", "it", "he",
    "she", "they", "we", "said", "from", "has", "have", "be", "are", "were", "not", "but", "his", "her", "their",
    "this", "will", "would",
];

/// Function words of other languages written in Latin letters (French,
/// Spanish, Italian, Portuguese, German, Dutch, Turkish), none an English word.
const FOREIGN_FUNCTION_WORDS: &[&str] = &[
    "le", "les", "des", "du", "une", "est", "et", "pas", "ne", "notre", "nous", "vous", "pour", "dans", "sur", "avec",
    "qui", "que", "el", "los", "las", "del", "por", "para", "una", "es", "y", "se", "su", "il", "di", "che", "non",
    "della", "nel", "os", "não", "uma", "der", "das", "und", "ist", "nicht", "mit", "für", "auf", "dem", "ein", "eine",
    "het", "een", "van", "niet", "ve", "veya", "bir", "bu", "için", "ile", "değil",
];

/// Why a line was dropped.
pub type Reason = &'static str;

/// The article's headline and its cleaned text.
pub fn clean(raw: &str) -> (String, String) {
    let (headline, judged) = judge_lines(raw);
    let kept: Vec<&str> = judged.into_iter().filter(|(_, why)| why.is_none()).map(|(l, _)| l).collect();
    (headline.to_string(), kept.join("\n\n"))
}

/// Every non-empty line of `raw` (trimmed) with the reason it is dropped, or
/// `None` when it is kept.
pub fn judge(raw: &str) -> Vec<(&str, Option<Reason>)> {
    judge_lines(raw).1
}

/// The headline is the first line, unless the page opens with furniture
/// ("Skip to content"): then the first line that is neither furniture nor a
/// menu item.
fn judge_lines(raw: &str) -> (&str, Vec<(&str, Option<Reason>)>) {
    let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let menus = label_runs(&lines, None);
    let h = match lines.first() {
        Some(first) if furniture(first).is_some() => {
            (0..lines.len()).find(|&i| !menus[i] && furniture(lines[i]).is_none()).unwrap_or(0)
        }
        _ => 0,
    };
    let headline = lines.get(h).copied().unwrap_or_default();
    let labels = label_runs(&lines, Some(h));
    let link_lists = link_lists(&lines, h);
    let is_site_title =
        |i: usize, line: &str| i != h && headline.len() > 20 && line.len() > headline.len() && line.contains(headline);
    // What a site title adds to the headline is the site's name
    // ("Site - Section: Headline"): a line of it alone is furniture too.
    let site_names: HashSet<&str> = lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| is_site_title(i, l))
        .flat_map(|(_, l)| l.split(headline))
        .map(|rest| rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '|' | '–' | '—')))
        .filter(|rest| !rest.is_empty())
        .collect();
    // A short line that is not a sentence and is printed several times is
    // the page's, not the story's ("The story continues below the ad"
    // between paragraphs): every copy goes.
    let mut copies: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &l in &lines {
        *copies.entry(l).or_default() += 1;
    }
    let repeated_short = |i: usize, l: &str| {
        i != h && copies[l] >= 2 && l.split_whitespace().count() <= 12 && !l.ends_with(['.', '!', '?', '"', '”'])
    };
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = Vec::with_capacity(lines.len());
    for (i, &line) in lines.iter().enumerate() {
        let why = if repeated_short(i, line) {
            Some("repeated furniture")
        } else if !seen.insert(line) {
            Some("repeat")
        } else if is_teaser(line, &lines[i + 1..]) {
            Some("teaser")
        } else if is_site_title(i, line) {
            Some("site title")
        } else if site_names.contains(line) {
            Some("site name")
        } else if labels[i] {
            Some("menu run")
        } else if link_lists[i] {
            Some("links under a heading")
        } else {
            furniture(line)
        };
        out.push((line, why));
    }
    (headline, out)
}

/// The shape of one line, judged on its own.
fn furniture(line: &str) -> Option<Reason> {
    let words: Vec<&str> = line.split_whitespace().collect();
    // Link lists: "Africa,964,Americas,4388,..." (commas a program wrote,
    // no space after them and not inside a number).
    let b = line.as_bytes();
    let joined = (0..b.len())
        .filter(|&i| {
            b[i] == b','
                && b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace())
                && !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        })
        .count();
    if joined >= 8 {
        return Some("link list");
    }
    if is_breadcrumb(line) || is_bar_line(line) {
        return Some("breadcrumb");
    }
    if is_other_story_link(&words) {
        return Some("link to another story");
    }
    let alpha: Vec<&str> = words.iter().copied().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let caps = alpha.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    let function_words = words.iter().filter(|w| is_function_word(w)).count();
    let numbers = words.len() - alpha.len();
    let separators = line.matches([',', ';', '(', '•', '|']).count();
    // A menu on one line: many words side by side with no sentence end,
    // separators or numbers between them (a list of names has commas, a
    // table row has numbers, a sentence its full stop), mostly capitalised
    // with hardly any function words, or so long that no prose runs on so.
    let sentence_ends = line.match_indices(['.', '!', '?']).filter(|(i, _)| {
        line[i + 1..].chars().next().is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')'))
    });
    if words.len() >= 20
        && sentence_ends.count() == 0
        && separators * 10 < words.len()
        && numbers * 6 < words.len()
        && (caps * 10 >= alpha.len() * 6 && function_words * 12 < words.len()
            || words.len() >= 60 && function_words * 6 < words.len())
    {
        return Some("menu");
    }
    // The page speaking of itself or to its reader: short, with web-page
    // vocabulary, and not a sentence about someone else (no end punctuation,
    // or addressed to "you"/"our" readers).
    let lower = line.to_lowercase();
    // Copyright notices (a year or ©), also long ones with the site's legal
    // small print; a heading about copyright has neither.
    let year = words.iter().any(|w| {
        let d = w.trim_matches(|c: char| !c.is_ascii_digit());
        d.len() == 4 && (d.starts_with("19") || d.starts_with("20"))
    });
    let notice = lower.contains('©')
        || contains_phrase(&lower, "all rights reserved")
        || (year && contains_phrase(&lower, "copyright"));
    if words.len() <= 40 && notice {
        return Some("page furniture");
    }
    if words.len() <= 14 && PAGE_WORDS.iter().any(|p| contains_phrase(&lower, p)) {
        let sentence = line.ends_with(['.', '!', '?', '"', '”', '’', '\'']);
        let addressed = words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            READER_WORDS.contains(&w.as_str())
        });
        if !sentence || addressed {
            return Some("page furniture");
        }
    }
    // Prose in another language: lower-case words, not one English function
    // word, and the marks of another language (two of its function words,
    // or two lower-case words spelt with letters English does not use).
    // Headlines ("Port strike ends") and rows of names and numbers stay.
    let lower_words = alpha.len() - caps;
    if words.len() >= 5 && lower_words * 2 > alpha.len() && function_words == 0 {
        let starts_upper = |w: &str| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
        let lowered: Vec<&str> = alpha
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .collect();
        // Particles before a surname ("van der Berg", "de la Cruz") are names.
        let mut foreign: Vec<&str> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.trim_matches(|c: char| !c.is_alphabetic()), words.get(i + 1)))
            .filter(|(w, next)| FOREIGN_FUNCTION_WORDS.contains(w) && !next.is_some_and(|n| starts_upper(n)))
            .map(|(w, _)| w)
            .collect();
        foreign.sort_unstable();
        foreign.dedup();
        let accented = lowered.iter().filter(|w| !w.is_ascii()).count();
        if foreign.len() >= 2 || accented >= 2 {
            return Some("other language");
        }
    }
    site_line(line, &words)
}

/// A site's path to the page: short capitalised labels joined by `»`, `›` or a spaced `>`
/// ("Home » News » Metro").
fn is_breadcrumb(line: &str) -> bool {
    let parts: Vec<&str> = line.split(['»', '›']).flat_map(|p| p.split(" > ")).map(str::trim).collect();
    parts.len() >= 2
        && parts.len() <= 8
        && parts.iter().all(|p| {
            let n = p.split_whitespace().count();
            (1..=4).contains(&n)
                && p.chars().next().is_some_and(char::is_uppercase)
                && !p.ends_with(['.', '!', '?', '"', '”'])
        })
}

/// A line of short pieces joined by bars, each a section label, a share button or a time stamp
/// ("Local News | Southampton", "Markets | Healthcare | Deals", "Published 3:17 p.m. CT July 8, 2025 |
/// Updated 6:02 p.m. CT July 8, 2025"). A label is one to four words, the first capitalised, the others
/// capitalised or function words, without digits or sentence punctuation.
fn is_bar_line(line: &str) -> bool {
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let label = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && !p.chars().any(|c| c.is_ascii_digit())
            && !p.ends_with(['.', '!', '?', '"', '”', ','])
            && words[0].chars().next().is_some_and(char::is_uppercase)
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) || is_function_word(w) || *w == "&")
    };
    (2..=8).contains(&parts.len())
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            !p.is_empty() && (label(p) || is_time_stamp(&words))
        })
}

/// A line that sends the reader to another story: "ALSO READ: …", "Read also | …",
/// "See also: …", "Related: …" (the other story's headline follows).
fn is_other_story_link(words: &[&str]) -> bool {
    const LEADS: &[&[&str]] =
        &[&["also", "read"], &["read", "also"], &["see", "also"], &["related"], &["read", "more"], &["recommended"]];
    words.len() <= 40
        && LEADS.iter().any(|lead| {
            lead.len() <= words.len()
                && lead.iter().zip(words).enumerate().all(|(k, (want, w))| {
                    let last = k + 1 == lead.len();
                    let bare = w.trim_end_matches([':', '|', '-', '–', '—']);
                    // The lead ends in a colon, a bar or a dash, on its last word or as the next token.
                    bare.eq_ignore_ascii_case(want)
                        && (!last
                            || bare.len() < w.len()
                            || words.get(k + 1).is_some_and(|n| matches!(*n, ":" | "|" | "-" | "–" | "—")))
                })
        })
}

/// `phrase` in `lower` at word boundaries ("log in", not "catalog intact").
fn contains_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(i, _)| {
        let before = lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = lower[i + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after || phrase == "©"
    })
}

/// Lines inside a run of at least four consecutive short labels (one to
/// three words, no digits, no sentence punctuation): a menu laid out one
/// item per line. Headings between paragraphs stand alone and stay, and so
/// do lists of people's names.
/// `headline` (the index of the headline) is never a menu item.
fn label_runs(lines: &[&str], headline: Option<usize>) -> Vec<bool> {
    let is_label = |l: &str| {
        let n = l.split_whitespace().count();
        n <= 3
            && !l.split_whitespace().any(is_function_word)
            && !l
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '.' | '!' | '?' | ',' | ':' | ';' | '"' | '“' | '”'))
    };
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    for i in 0..=lines.len() {
        if i < lines.len() && Some(i) != headline && is_label(lines[i]) {
            continue;
        }
        // A list of people one per line (a squad, a cast) is content: a
        // third or more of its items begin with a given name.
        let people = lines[start..i.max(start)]
            .iter()
            .filter(|l| {
                let mut w = l.split_whitespace();
                w.next().is_some_and(is_given_name) && w.next().is_some()
            })
            .count();
        if i - start >= 4 && people * 3 < i - start {
            out[start..i].iter_mut().for_each(|x| *x = true);
        }
        start = i + 1;
    }
    out
}

fn is_function_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    FUNCTION_WORDS.contains(&w.as_str())
}

/// A truncated line ("... and seek a “dip...") that a later line repeats in full.
fn is_teaser(line: &str, rest: &[&str]) -> bool {
    let stem = line.trim_end_matches(['.', '…']).trim_end();
    if stem.len() == line.len() || stem.len() < 40 {
        return false;
    }
    rest.iter().any(|l| l.len() > stem.len() && l.starts_with(stem))
}

/// Words of a page's time stamp ("Updated: 14 Apr 2025, 11:52 PM IST", "Thu 10 Apr
/// 2025 07.45 BST", "2 hours ago", "3 min read"): months, weekdays, clock words and time
/// zones, and the page's verbs for it. A time stamp needs one of `MONTHS` or `TIME_ANCHORS`.
const TIME_WORDS: &[&str] = &[
    "on", "at", "and", "last", "first", "read", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "of", "a", "p", "m", "ct", "et", "pt",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const TIME_ANCHORS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "gmt",
    "bst",
    "utc",
    "ist",
    "wat",
    "eat",
    "cat",
    "sast",
    "cet",
    "cest",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "aest",
    "aedt",
    "updated",
    "published",
    "posted",
    "modified",
    "ago",
];

/// Job words that end a byline written without "By" ("Jane Roe Business reporter").
const BYLINE_ROLES: &[&str] = &["reporter", "correspondent", "editor", "writer", "columnist", "journalist"];

/// Words that open a page's call to the reader ("Click here to join", "Download the app").
const PROMPT_LEADS: &[&str] = &[
    "click",
    "tap",
    "join",
    "follow",
    "download",
    "subscribe",
    "catch",
    "get",
    "stay",
    "want",
    "have",
    "let",
    "watch",
    "listen",
];

/// What a page's call to the reader offers: its channels, apps and letters.
const PROMPT_WORDS: &[&str] = &[
    "app",
    "channel",
    "newsletter",
    "newsletters",
    "inbox",
    "alerts",
    "notifications",
    "podcast",
    "whatsapp",
    "telegram",
    "comments",
];

/// Words of a call to the reader that count only after one of `PROMPT_LEADS`.
const PROMPT_WORDS_AFTER_LEAD: &[&str] = &["news", "updates", "community", "here"];

/// Site furniture known by its own vocabulary: bylines, time stamps, calls to
/// the reader longer than a short line, disclaimers and tag lines, section
/// labels ("Sports News"). Quoted speech and reported speech are never it.
fn site_line(line: &str, words: &[&str]) -> Option<Reason> {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let first = words.iter().map(|w| bare(w)).find(|w| !w.is_empty()).unwrap_or_default();
    let ends_sentence = line.ends_with(['.', '!', '?', '"', '”', '’']);
    let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "By Jane Roe, Political Correspondent", "Written by Jane Roe", "Jane Roe Business reporter".
    let n = words.len();
    let lead = match (words.first().copied(), words.get(1).map(|w| w.to_lowercase())) {
        (Some("By" | "BY"), _) => 1,
        (Some(w), Some(b)) if b == "by" && ["written", "reported", "words"].contains(&w.to_lowercase().as_str()) => 2,
        _ => 0,
    };
    let no_digits = !line.chars().any(|c| c.is_ascii_digit());
    if (2..=10).contains(&n) && !ends_sentence && no_digits {
        if lead > 0 && words.get(lead).is_some_and(|w| upper(w)) {
            return Some("byline");
        }
        if n <= 8 && upper(words[0]) && BYLINE_ROLES.contains(&bare(words[n - 1]).as_str()) {
            return Some("byline");
        }
    }
    if is_time_stamp(words) {
        return Some("time stamp");
    }
    // A call to the reader: opened by a call ("Join", "Download") or addressed to "you" or "our"
    // readers, offering a channel, app or inbox; never quoted or reported speech. The words are
    // looked at only for short lines without quotation marks.
    if n <= 30 && !line.contains(['"', '“', '”']) {
        let leads = words.first().is_some_and(|w| upper(w)) && PROMPT_LEADS.contains(&first.as_str());
        // "us" and "our", not "US" the country.
        let addressed =
            words.iter().any(|w| READER_WORDS.contains(&bare(w).as_str()) && w.chars().any(char::is_lowercase));
        if (leads || addressed) && !words.iter().any(|w| matches!(bare(w).as_str(), "said" | "says" | "told")) {
            let lower = line.to_lowercase();
            let offers = words.iter().any(|w| PROMPT_WORDS.contains(&bare(w).as_str()))
                || PAGE_WORDS.iter().any(|p| contains_phrase(&lower, p));
            let offers_after_lead = leads && words.iter().any(|w| PROMPT_WORDS_AFTER_LEAD.contains(&bare(w).as_str()));
            if offers || offers_after_lead {
                return Some("call to the reader");
            }
        }
    }
    let colon_lead = |want: &str| words.first().is_some_and(|w| w.eq_ignore_ascii_case(&format!("{want}:")));
    if colon_lead("disclaimer") || colon_lead("tags") || colon_lead("topics") {
        return Some("page furniture");
    }
    // A row of share buttons with no separators: "Facebook X WhatsApp Email", "Share Twitter LinkedIn
    // Copy link" (each word a place to send the page, or what the button does).
    if (2..=12).contains(&n) && words.iter().all(|w| SHARE_BUTTONS.contains(&bare(w).as_str())) {
        let targets = words.iter().filter(|w| !matches!(bare(w).as_str(), "share" | "copy" | "link" | "print")).count();
        if targets >= 2 {
            return Some("page furniture");
        }
    }
    // A section's name on a line of its own ("India News", "Sports News").
    if (2..=3).contains(&n) && words[n - 1] == "News" && words.iter().all(|w| upper(w) && bare(w).len() == w.len()) {
        return Some("section label");
    }
    None
}

/// A line that is only a page's time stamp: a number, a month, weekday, clock
/// word, zone or "updated"/"ago", and nothing else (words a program glued
/// together, "GMTUpdated", count apart).
fn is_time_stamp(words: &[&str]) -> bool {
    // A clock time ("11:52", "07.45") or a year, and no full stop at the end
    // (a table's header of months and a sentence's dates are not stamps).
    let clock_or_year = |w: &&str| {
        let d = w.trim_matches(|c: char| !c.is_ascii_digit());
        let year = d.len() >= 4 && (d.starts_with("19") || d.starts_with("20"));
        let clock = d.split([':', '.']).count() == 2 && d.split([':', '.']).all(|p| !p.is_empty() && p.len() <= 2);
        year || clock
    };
    let relative = words.iter().any(|w| w.eq_ignore_ascii_case("ago"));
    if words.is_empty()
        || words.len() > 14
        || words.last().is_some_and(|w| w.ends_with('.'))
        || !(relative || words.iter().any(clock_or_year))
    {
        return false;
    }
    // One date: a table's header of several months or years is not a stamp.
    let years = words.iter().filter(|w| {
        let d = w.trim_matches(|c: char| !c.is_ascii_digit());
        d.len() == 4 && (d.starts_with("19") || d.starts_with("20"))
    });
    let months =
        words.iter().filter(|w| MONTHS.contains(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase().as_str()));
    if years.count() > 1 || months.count() > 1 {
        return false;
    }
    let mut anchored = false;
    for w in words {
        for piece in w.split(|c: char| !c.is_alphabetic()).filter(|p| !p.is_empty()) {
            for part in camel_parts(piece) {
                let part = part.to_lowercase();
                if TIME_ANCHORS.contains(&part.as_str()) || MONTHS.contains(&part.as_str()) {
                    anchored = true;
                } else if !TIME_WORDS.contains(&part.as_str()) {
                    return false;
                }
            }
        }
    }
    anchored
}

/// "GMTUpdated" -> "GMT", "Updated"; "Updated" -> "Updated".
fn camel_parts(w: &str) -> Vec<&str> {
    let idx: Vec<(usize, char)> = w.char_indices().collect();
    let mut cuts = vec![0];
    for k in 1..idx.len() {
        let (i, c) = idx[k];
        let prev = idx[k - 1].1;
        let next_lower = idx.get(k + 1).is_some_and(|(_, n)| n.is_lowercase());
        if c.is_uppercase() && (prev.is_lowercase() || prev.is_uppercase() && next_lower) {
            cuts.push(i);
        }
    }
    cuts.push(w.len());
    cuts.windows(2).map(|c| &w[c[0]..c[1]]).collect()
}

/// Headings under which a page lists other stories or its tags ("Related News",
/// "Trending", "More from UK News", "Suggested Topics:").
const LIST_HEADINGS: &[&str] = &[
    "related",
    "related news",
    "related topics",
    "related stories",
    "related articles",
    "related content",
    "trending",
    "trending now",
    "trending stories",
    "tags",
    "topics",
    "suggested topics",
    "more on this story",
    "more stories",
    "more news",
    "most viewed",
    "most read",
    "most popular",
    "read more",
    "also read",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended stories",
    "top stories",
    "latest news",
    "latest stories",
    "explore more on these topics",
    "topics you may be interested in",
    "don't miss",
    "editor's picks",
];

/// A heading from `LIST_HEADINGS`, or "More from ..." / "More on ..." of a few words.
fn is_list_heading(line: &str) -> bool {
    if line.len() > 48 || line.split_whitespace().count() > 6 {
        return false;
    }
    let l = line.trim_end_matches([':', '|', ' ', '-']).to_lowercase().replace('’', "'");
    let n = l.split_whitespace().count();
    LIST_HEADINGS.contains(&l.as_str()) || n <= 5 && (l.starts_with("more from ") || l.starts_with("more on "))
}

/// Lines under a list heading: the heading and the short lines without a full
/// stop that follow it (other stories' headlines, tags), up to the next line of
/// prose. `headline` is never one.
fn link_lists(lines: &[&str], headline: usize) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if i == headline || !is_list_heading(lines[i]) {
            i += 1;
            continue;
        }
        out[i] = true;
        i += 1;
        while i < lines.len()
            && i != headline
            && lines[i].split_whitespace().count() <= 16
            && !lines[i].ends_with(['.', '!'])
            && !is_list_heading(lines[i])
        {
            out[i] = true;
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_repeats_menus_lists_and_prompts() {
        let raw = "Storm hits coast\n\nStorm hits coast\n\nThe storm reached the coast on Monday, officials said.\n\n\
                   Article continues after this message\n\nAdvertisement\n\nArticle continues after this message\n\nNews,12,Sport,40,Weather,7,Travel,3,Food,9,Music,2,Film,5,Books,1,\n\n\
                   Ne pas manquer notre lettre quotidienne gratuite aujourd'hui\n\nResidents were told to stay home.";
        let (headline, text) = clean(raw);
        assert_eq!(headline, "Storm hits coast");
        assert_eq!(
            text,
            "Storm hits coast\n\nThe storm reached the coast on Monday, officials said.\n\nResidents were told to stay home."
        );
    }

    #[test]
    fn keeps_sentences_full_of_names() {
        let raw = "T\n\nIn Geneva, Foreign Secretary Ann Lee met Prime Minister Raul Ortiz, European Commission President Eva Marx, \
                   Swiss President Paul Roth and United Nations Secretary General Tom Nkosi on Tuesday, officials said.";
        let (_, text) = clean(raw);
        assert!(text.contains("In Geneva"), "{text}");
    }

    #[test]
    fn drops_truncated_teasers() {
        let raw = "Title\n\nThe minister said on Monday that the talks would resume next week in the ca...\n\n\
                   The minister said on Monday that the talks would resume next week in the capital.";
        let (_, text) = clean(raw);
        assert_eq!(text, "Title\n\nThe minister said on Monday that the talks would resume next week in the capital.");
    }

    #[test]
    fn drops_breadcrumbs_and_links_to_other_stories() {
        let raw = "Council approves budget\n\nHome » News » Metro\n\nNews › Local\n\n                   The council approved the budget on Monday.\n\nALSO READ: Mayor opens new bridge over the river\n\n                   Read also | Flood warning for coastal towns\n\nRelated: Storm damages homes\n\n                   He said the result was 3 > 2 in the end.\n\nAlso read the minutes of the meeting, the clerk said.\n\n                   Prices » Rise sharply after the budget was approved by the council on Monday evening.";
        assert_eq!(
            kept(raw),
            [
                "Council approves budget",
                "The council approved the budget on Monday.",
                "He said the result was 3 > 2 in the end.",
                "Also read the minutes of the meeting, the clerk said.",
                "Prices » Rise sharply after the budget was approved by the council on Monday evening.",
            ]
        );
    }

    #[test]
    fn drops_lines_of_labels_and_stamps_joined_by_bars() {
        let raw = "Council approves budget\n\nLocal News | Kelby\n\nPublished 3:17 p.m. CT July 8, 2025 | Updated 6:02 p.m. CT July 8, 2025\n\n\
                   Share on WhatsApp | Share on Facebook\n\nThe council approved the budget on Monday.\n\n\
                   Listen to this article | 4 min\n\nTom Reyes | 'We were never asked' | the residents say.";
        assert_eq!(
            kept(raw),
            [
                "Council approves budget",
                "The council approved the budget on Monday.",
                "Listen to this article | 4 min",
                "Tom Reyes | 'We were never asked' | the residents say."
            ]
        );
    }

    fn kept(raw: &str) -> Vec<&str> {
        judge(raw).into_iter().filter(|(_, why)| why.is_none()).map(|(l, _)| l).collect()
    }

    #[test]
    fn keeps_tables_squads_scoreboards_captions_and_credits() {
        let raw = "ATHLETICS - RESULTS FROM THE HARBOUR GAMES\n\nPORTSMOUTH 2031-05-04\n\n\
                   Results of the women's 800 metres:\n\n1. Aisha Bello (Nigeria) 2:01.34\n\n2. Fenna de Groot (Netherlands) 2:02.10\n\n\
                   Kestrel Town 3 Marlow Rovers 1\n\nWEST DIVISION\n\nW L PCT GB\n\nDUNMORE AT KILBRIDE\n\nASHFORD AT WELLING\n\n\
                   Squad: Tomas Reyna, Kofi Mensah, Rohan Pillai, Ewan Doyle, Piet van der Linde, Ibrahim Musa, Liam O'Neill\n\n\
                   Fishermen unload the morning catch at the harbour in Kollam.Credit…Meera Nair for The Coastal Post\n\n\
                   (Reporting by Chidi Okafor; Editing by Jane Holt)\n\nShare prices fell sharply on Monday after the results.";
        let lines: Vec<&str> = raw.split("\n\n").collect();
        assert_eq!(kept(raw), lines);
    }

    #[test]
    fn drops_menus_laid_out_one_item_per_line_but_not_lone_headings() {
        let raw = "Flood waters recede\n\nHome\n\nNews\n\nSport\n\nWeather\n\nCulture\n\n\
                   The river fell by a metre overnight, the agency said.\n\nWhat happens next\n\nRepairs begin on Monday.";
        assert_eq!(
            kept(raw),
            [
                "Flood waters recede",
                "The river fell by a metre overnight, the agency said.",
                "What happens next",
                "Repairs begin on Monday."
            ]
        );
    }

    #[test]
    fn drops_a_long_run_on_widget_line_but_not_a_list_of_names() {
        let widget = "Menu Home Latest Popular Videos Podcasts Search Archive Login Register Settings Help Contact \
                      About Careers Advertise Weather Traffic Sport Culture Puzzles Games Newsletters";
        let names = "Players called up: Amaka Obi, Sunil Rao, Gwen Pryce, Tariq Aziz, Lena Vogt, Marta Ruiz, Dara Quinn, \
                     Joel Mbeki, Ines Carvalho, Olu Adeyemi, Priya Menon, Huw Jenkins";
        assert_eq!(kept(&format!("T\n\n{widget}\n\n{names}")), ["T", names]);
    }

    #[test]
    fn drops_lines_addressed_to_the_reader_but_not_news_about_those_words() {
        let raw = "T\n\nSign up for our morning briefing.\n\nAdvertisement\n\n© 2031 Harbour Media Ltd. All rights reserved.\n\n\
                   Share this article\n\nCopyright 2031 Harbour Media\n\nCopyright fight over harbour murals\n\nThe council voted to sign up for the regional recycling scheme.\n\n\
                   Cookie sales at the fair raised 400 pounds for the hospice.";
        assert_eq!(
            kept(raw),
            [
                "T",
                "Copyright fight over harbour murals",
                "The council voted to sign up for the regional recycling scheme.",
                "Cookie sales at the fair raised 400 pounds for the hospice."
            ]
        );
    }

    #[test]
    fn drops_other_languages_but_not_headlines_without_function_words() {
        let raw = "T\n\nPara comentar es necesario iniciar sesión con una cuenta.\n\n\
                   Harbour strike ends, dockers return.\n\nMinister quits over airport deal.\n\n\
                   4. Jan van der Berg (Belgium) same time";
        assert_eq!(
            kept(raw),
            [
                "T",
                "Harbour strike ends, dockers return.",
                "Minister quits over airport deal.",
                "4. Jan van der Berg (Belgium) same time"
            ]
        );
    }

    #[test]
    fn drops_the_site_name_a_site_title_added_to_the_headline() {
        let raw = "Harbour strike ends after three weeks\n\nDockers returned to work on Friday.\n\n\
                   Coastwire - Local: Harbour strike ends after three weeks\n\nCoastwire - Local";
        assert_eq!(kept(raw), ["Harbour strike ends after three weeks", "Dockers returned to work on Friday."]);
    }

    #[test]
    fn a_page_opening_with_furniture_takes_its_headline_after_it() {
        let raw = "Skip to main content\n\nHome\n\nNews\n\nSport\n\nWeather\n\nFerry services resume after storm\n\n\
                   Ferries to the islands sailed again on Friday, the operator said.\n\n\
                   Copyright 2031 Coast News Ltd. All rights reserved. Coast News is not responsible for the content of \
                   external sites. Read about how we approach external linking and why we do it.";
        let (headline, text) = clean(raw);
        assert_eq!(headline, "Ferry services resume after storm");
        assert_eq!(
            text,
            "Ferry services resume after storm\n\nFerries to the islands sailed again on Friday, the operator said."
        );
        // A page that opens with its headline keeps it, short or not.
        assert_eq!(clean("Floods recede\n\nWater levels fell overnight.").0, "Floods recede");
    }

    #[test]
    fn keeps_a_squad_listed_one_name_per_line() {
        let raw = "Eagles name squad for qualifiers\n\nThe coach named 23 players on Monday.\n\n\
                   Goalkeepers\n\nStanley Nwachukwu\n\nFrancis Odion\n\nMaduka Eze\n\nDefenders\n\nWilliam Okon";
        let lines: Vec<&str> = raw.split("\n\n").collect();
        assert_eq!(kept(raw), lines);
    }
    #[test]
    fn drops_bylines_time_stamps_and_calls_to_the_reader_but_not_news_in_those_words() {
        let raw = "Harbour strike ends\n\nBy Jane Roe, Transport Correspondent\n\nWritten by Amit Rao\n\nKofi Mensah Business reporter\n\n\
                   Updated: 14 Apr 2031, 11:52 PM IST\n\nThu 10 Apr 2031 07.45 BST\n\nMarch 7, 203110:58 AM GMTUpdated 3 hours ago\n\n\
                   Dockers returned to work on Friday, the port said.\n\nBy 2035 the port plans to double its capacity.\n\n\
                   By Monday evening, the union had agreed.\n\nJul 31, 2030 Jan 31, 2031\n\nJUNE MAY JUNE 2030\n\n\
                   Click here to join our WhatsApp channel for the latest port updates\n\n\
                   Catch all the Business News, Market News and Latest News Updates on Harbour Live.\n\n\
                   Want the latest port news sent straight to your phone? Join our WhatsApp community here.\n\n\
                   The union, which launched a WhatsApp channel for members, told them to return.\n\n\
                   The anchor for Harbour TV, a US Spanish-language channel, asked the minister about the strike again.\n\n\
                   Disclaimer: The views above are those of individual analysts.\n\nTags: port strike dockers\n\nSports News\n\n\
                   Harbour News reported the deal first.";
        assert_eq!(
            kept(raw),
            [
                "Harbour strike ends",
                "Dockers returned to work on Friday, the port said.",
                "By 2035 the port plans to double its capacity.",
                "By Monday evening, the union had agreed.",
                "Jul 31, 2030 Jan 31, 2031",
                "JUNE MAY JUNE 2030",
                "The union, which launched a WhatsApp channel for members, told them to return.",
                "The anchor for Harbour TV, a US Spanish-language channel, asked the minister about the strike again.",
                "Harbour News reported the deal first.",
            ]
        );
    }

    #[test]
    fn drops_other_stories_listed_under_a_heading_up_to_the_next_paragraph() {
        let raw = "Harbour strike ends\n\nDockers returned to work on Friday.\n\nRelated News\n\nPort authority names new chief\n\n\
                   'We were never asked,' say fishermen\n\nTrending\n\nMayor opens bridge\n\n\
                   The strike had lasted three weeks and cost the port millions in lost trade, the authority said.\n\n\
                   More from Business\n\nShipping rates fall\n\nWhat the union wants";
        assert_eq!(
            kept(raw),
            [
                "Harbour strike ends",
                "Dockers returned to work on Friday.",
                "The strike had lasted three weeks and cost the port millions in lost trade, the authority said.",
            ]
        );
        // A heading of the story itself is no list heading.
        assert_eq!(
            kept("T\n\nWhat happens next\n\nRepairs begin on Monday."),
            ["T", "What happens next", "Repairs begin on Monday."]
        );
    }

    #[test]
    fn share_button_rows_and_menus_with_ampersands_are_furniture() {
        let raw = "Club signs winger\n\nFootball | Transfers | Scores & Fixtures | Tables\n\nThe club signed a winger on Friday.\n\n\
                   Facebook X WhatsApp Email\n\nThe fee was not disclosed.";
        let (_, text) = clean(raw);
        assert_eq!(text, "Club signs winger\n\nThe club signed a winger on Friday.\n\nThe fee was not disclosed.");
        // Does not fire: a sentence naming the networks, a line of names joined by "&".
        let raw = "Apps fined\n\nFacebook and WhatsApp were fined on Monday.\n\nSmith & Jones\n\nThe fine was large.";
        let (_, text) = clean(raw);
        assert!(text.contains("Facebook and WhatsApp were fined") && text.contains("Smith & Jones"), "{text}");
    }
}
