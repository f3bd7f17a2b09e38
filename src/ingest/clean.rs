//! Site boilerplate removal.
//!
//! News pages arrive with menus, category lists, share buttons, login
//! prompts, repeated headlines and teasers. Each line is judged on its own
//! shape (many commas and numbers, a run of capitalised menu words, no
//! English function words) and against the rest of the article (a repeat, or
//! a truncated teaser of a later line). What survives, joined by blank lines,
//! is the text every offset counts in.

use std::collections::HashSet;

/// Phrases that mark a whole line as site furniture.
const BOILERPLATE_PHRASES: &[&str] = &[
    "continues below the ad",
    "story continues below",
    "advertisement",
    "related articles",
    "back to top",
    "source link",
    "sign up for",
    "subscribe to",
    "log in",
    "sign in to",
    "share this",
    "share on",
    "click here",
    "all rights reserved",
    "copyright ©",
    "read more:",
    "follow us on",
    "leave a comment",
    "comments are closed",
    "recommended for you",
    "newsletter",
    "cookie",
    "skip to content",
    "view all",
    "loaded all posts",
    "table of content",
    "you must be logged in",
    "to post a comment",
];

/// Frequent English function words: a long line with none of them is not English prose.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "and", "is", "was", "that", "for", "on", "with", "as", "by", "at", "it", "he",
    "she", "they", "we", "said", "from", "has", "have", "be", "are", "were", "not", "but", "his", "her", "their",
    "this", "will", "would",
];

/// The article's headline (first non-empty line) and its cleaned text.
pub fn clean(raw: &str) -> (String, String) {
    let lines: Vec<&str> = raw.lines().map(|l| l.trim()).collect();
    let headline = lines.iter().find(|l| !l.is_empty()).map(|s| s.to_string()).unwrap_or_default();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut kept: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() || !seen.insert(line) {
            continue;
        }
        if is_boilerplate(line) || is_teaser(line, &lines[i + 1..]) {
            continue;
        }
        // A site title carrying the headline again ("Site - Section: Headline").
        if !kept.is_empty() && headline.len() > 20 && line.contains(headline.as_str()) {
            continue;
        }
        kept.push(line);
    }
    (headline, kept.join("\n\n"))
}

fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = line.split_whitespace().collect();
    if BOILERPLATE_PHRASES.iter().any(|p| lower.contains(p)) && words.len() < 60 {
        return true;
    }
    // Category lists: "Africa,964,Americas,4388,..."
    let commas = line.matches(',').count();
    let digits = line.chars().filter(char::is_ascii_digit).count();
    if commas >= 8 && (digits * 4 > line.len() || commas * 6 > line.len()) {
        return true;
    }
    // Menus: many words, mostly capitalised, hardly any function words
    // (a sentence full of names still has its "of", "with", "and").
    if words.len() >= 20 {
        let caps = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
        let function_words = words.iter().filter(|w| is_function_word(w)).count();
        if caps * 10 > words.len() * 6 && function_words * 12 < words.len() {
            return true;
        }
    }
    // Not English prose: a line of several words without a single function word.
    if words.len() >= 5 && !words.iter().any(|w| is_function_word(w)) {
        return true;
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_repeats_menus_lists_and_prompts() {
        let raw = "Storm hits coast\n\nStorm hits coast\n\nThe storm reached the coast on Monday, officials said.\n\n\
                   The story continues below the ad\n\nNews,12,Sport,40,Weather,7,Travel,3,Food,9,Music,2,Film,5,Books,1,\n\n\
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
}
