//! Article text -> entities, mentions and attributed quotations.
//!
//! Pure functions over [`crate::model`]: no I/O, no RDF, no CLI types.

pub mod entities;
pub mod gazetteer;
pub mod lexicon;
pub mod quotes;
pub mod roles;
pub mod tagger;
pub mod text;

use crate::model::{Article, Extraction};

/// Extracts everything newsgraph knows how to find in one article.
pub fn extract(article: &Article) -> Extraction {
    extract_text(&article.text)
}

/// [`extract`] over a bare text.
pub fn extract_text(text: &str) -> Extraction {
    let toks = text::tokenize(text);
    let words = text::token_texts(text, &toks);
    let mut ents = entities::extract_with(text, &toks, &words);
    let marks = quotes::quote_marks(text);
    quotes::add_speaker_names_with(&marks, text, &toks, &mut ents.entities, &mut ents.mentions);
    roles::attach(text, &toks, &mut ents.entities, &ents.mentions);
    let mut speech = quotes::extract_with(&marks, text, &toks, &words, &ents.entities, &ents.mentions);
    quotes::places_as_actors(&mut ents.entities, &mut speech);
    Extraction {
        entities: ents.entities,
        mentions: ents.mentions,
        quotes: speech.quotes,
        statements: speech.statements,
        warnings: speech.warnings,
    }
}

// Rules first written for one seed sentence, each tested on invented text.
#[cfg(test)]
mod seed_rule_tests;

#[cfg(test)]
mod tests {
    use super::*;

    /// Honorifics and ranks of British, Nigerian and Indian news stay out of the name, and an
    /// abbreviated one keeps its period ("Engr. Ade Okoro" is one person, not a place "Engr").
    #[test]
    fn commonwealth_honorifics_and_ranks_are_not_names() {
        let text = "Cllr Jane Whitfield backed the plan. Engr. Ade Okoro, Alhaji Musa Bello and Smt. Priya Nair \
                    spoke, and Hon. Tunde Bakare agreed.\n\n\"We will keep the area safe,\" Supt. Ellis said of Mark Ellis's plan.";
        let ex = extract_text(text);
        let people: Vec<&str> = ex
            .entities
            .iter()
            .filter(|e| e.kind == crate::model::EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        for name in ["Jane Whitfield", "Ade Okoro", "Musa Bello", "Priya Nair", "Tunde Bakare", "Mark Ellis"] {
            assert!(people.contains(&name), "{name} not in {people:?}");
        }
        assert!(!ex.entities.iter().any(|e| ["Engr", "Supt. Ellis"].contains(&e.name.as_str())), "{:?}", ex.entities);
        assert_eq!(ex.quotes.len(), 1);
        assert_eq!(ex.entities[ex.quotes[0].speaker.unwrap()].name, "Mark Ellis");
    }

    /// Random text built from news-like pieces: extraction must never panic and
    /// every span must lie on character boundaries inside the text.
    #[test]
    fn never_panics_on_odd_text() {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "’’",
            "'",
            " ",
            "\n",
            "\n\n",
            ".",
            ",",
            ":",
            "—",
            "(",
            ")",
            "Mr.",
            "Dr.",
            "U.S.",
            "said",
            "told",
            "he",
            "she",
            "the",
            "President",
            "Anna",
            "Berg",
            "of",
            "and",
            "Ministry",
            "Kyiv",
            "’s",
            "…",
            "...",
            "é",
            "ß",
            "中文",
            "🙂",
            "A.",
            "who",
            "according",
            "to",
            "that",
            "al-Sayed",
            "NATO",
            "Inc",
            "1,000",
            "-",
        ];
        let mut rng = crate::rng::XorShift::new(0x2545F4914F6CDD1D);
        for _ in 0..5000 {
            let mut text = String::new();
            let n = rng.below(60) + 1;
            for _ in 0..n {
                let draw = rng.next_u64();
                text.push_str(PIECES[(draw % PIECES.len() as u64) as usize]);
                if draw.is_multiple_of(3) {
                    text.push(' ');
                }
            }
            let ex = extract_text(&text);
            for m in &ex.mentions {
                assert!(
                    text.is_char_boundary(m.span.start)
                        && text.is_char_boundary(m.span.end)
                        && m.span.end <= text.len()
                );
            }
            for q in ex.quotes.iter().chain(&ex.statements) {
                assert!(
                    text.is_char_boundary(q.span.start)
                        && text.is_char_boundary(q.span.end)
                        && q.span.end <= text.len()
                );
            }
        }
    }

    /// Arbitrary slices of real articles (cut mid-word, mid-quote, mid-name) extract without panicking.
    #[test]
    fn never_panics_on_cut_articles() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let texts: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
        let mut rng = crate::rng::XorShift::new(0x9E3779B97F4A7C15);
        for _ in 0..300 {
            let state = rng.next_u64();
            let t = &texts[(state % texts.len() as u64) as usize];
            let chars: Vec<(usize, char)> = t.char_indices().collect();
            let a = (state >> 8) as usize % chars.len();
            let b = (a + 1 + (state >> 24) as usize % 3000).min(chars.len());
            let end = chars.get(b).map_or(t.len(), |c| c.0);
            let _ = extract_text(&t[chars[a].0..end]);
        }
    }
}
