//! Article text -> entities, mentions and attributed quotations.
//!
//! Pure functions over [`crate::model`]: no I/O, no RDF, no CLI types.

pub mod entities;
pub mod gazetteer;
pub mod lexicon;
pub mod quotes;
pub mod roles;
pub mod text;

use crate::model::{Article, Extraction};

/// Extracts everything newsgraph knows how to find in one article.
pub fn extract(article: &Article) -> Extraction {
    extract_text(&article.text)
}

/// [`extract`] over a bare text.
pub fn extract_text(text: &str) -> Extraction {
    let toks = text::tokenize(text);
    let mut ents = entities::extract(text, &toks);
    roles::attach(text, &toks, &mut ents.entities, &ents.mentions);
    let speech = quotes::extract(text, &toks, &ents.entities, &ents.mentions);
    Extraction {
        entities: ents.entities,
        mentions: ents.mentions,
        quotes: speech.quotes,
        statements: speech.statements,
        warnings: speech.warnings,
    }
}
