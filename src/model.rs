//! Plain data shared by every stage of the pipeline: articles, spans,
//! mentions, entities and quotations. Nothing here does I/O or knows RDF.

use std::collections::BTreeSet;

/// One cleaned news article, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The input's file name (or record id); becomes `dct:identifier`.
    pub id: String,
    /// The first non-empty line of the input.
    pub headline: String,
    /// The cleaned text (`nif:isString`). Every [`Span`] indexes into it.
    pub text: String,
}

/// A half-open range `[start, end)` of **byte** offsets into [`Article::text`].
///
/// Bytes keep slicing cheap inside the extractor; the RDF layer converts to
/// Unicode code points (what NIF counts) in exactly one place,
/// [`CharIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets of one text into Unicode code point offsets.
pub struct CharIndex {
    /// `starts[i]` is the byte offset of the i-th code point.
    starts: Vec<usize>,
    len: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        Self { starts: text.char_indices().map(|(b, _)| b).collect(), len: text.len() }
    }

    /// The code point offset of a byte offset that lies on a char boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.starts.len();
        }
        self.starts.partition_point(|&b| b < byte)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

/// Finer classes of places and organisations, when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subtype {
    Country,
    City,
    State,
    Region,
    Continent,
    Feature,
    Government,
    /// A seat of power named for its building (the Kremlin): both a place and an organisation.
    Seat,
}

/// A reference from an entity to the bundled gazetteer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GeoRef {
    pub geonames_id: Option<u64>,
    /// ISO 3166-1 alpha-2 of the place itself (countries) or of its country.
    pub country_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// An entity as one article names it.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntity {
    pub kind: EntityKind,
    pub subtype: Option<Subtype>,
    /// The fullest name the article gives.
    pub name: String,
    /// Every surface form the article uses, `name` included.
    pub surfaces: BTreeSet<String>,
    /// Roles the article states ("Secretary of State").
    pub titles: BTreeSet<String>,
    /// Organisations the article ties a person to (indices into [`Extraction::entities`]).
    pub affiliations: BTreeSet<usize>,
    /// Countries the article ties a person to by nationality (indices into [`Extraction::entities`]).
    pub nationalities: BTreeSet<usize>,
    pub geo: Option<GeoRef>,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Index into [`Extraction::entities`].
    pub entity: usize,
}

/// One quotation as it appears in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The text inside the quotation marks.
    pub span: Span,
    /// Index into [`Extraction::entities`] of the speaker, when the text says who.
    pub speaker: Option<usize>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extraction {
    pub entities: Vec<LocalEntity>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    /// Reported speech without quotation marks ("X said that ..."): the writer's words, not verbatim.
    pub statements: Vec<Quote>,
    /// Non-fatal oddities worth reporting (an unclosed quotation mark, ...).
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points() {
        let text = "“Kyiv” – é";
        let idx = CharIndex::new(text);
        let k = text.find('K').unwrap();
        assert_eq!(idx.char_offset(k), 1);
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
        let e = text.find('é').unwrap();
        assert_eq!(idx.char_offset(e), 9);
    }
}
