//! The graph's shape: model + resolution -> quads, exactly as
//! ../shared/eval/CONTRACT.md describes. Only this module spells IRIs.

pub mod vocab;

use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

use crate::model::{Article, CharIndex, EntityKind, Extraction, Subtype};
use crate::resolve::{GlobalEntity, similar};
use vocab::{BASE, dct, itsrdf, ng, nif, schema, xsd};

/// Percent-encodes what an IRI path segment cannot hold.
fn segment(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || "-._~".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

pub fn article_iri(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{BASE}article/{}", segment(id.strip_suffix(".txt").unwrap_or(id))))
}

pub fn entity_iri(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{BASE}{id}"))
}

/// The id part of an entity IRI minted by [`entity_iri`].
pub fn entity_id(iri: &str) -> Option<&str> {
    iri.strip_prefix(BASE).filter(|s| !s.starts_with("article/"))
}

pub fn entities_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{BASE}graph/entities"))
}

/// Near-duplicate links between articles: a graph of its own, since a link depends on both articles.
pub fn similar_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{BASE}graph/similar"))
}

/// The store's internal index (digests, signatures, entity records): persisted, never queried or exported.
pub fn internal_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{BASE}graph/internal"))
}

pub fn claims_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{BASE}graph/claims"))
}

fn int(v: usize) -> Literal {
    Literal::new_typed_literal(v.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

/// A short stable digest (FNV-1a, 64 bits) of an article's cleaned text.
pub fn digest(text: &str) -> String {
    format!("{:016x}", similar::fnv(text.as_bytes(), 0))
}

struct Sink {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Sink {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(s.clone(), p, o, self.graph.clone()));
    }

    /// A NIF mention: characters `[b, e)` (code points) of `context`, naming `target`.
    fn phrase(
        &mut self,
        node: &NamedNode,
        context: &NamedNode,
        (b, e): (usize, usize),
        anchor: &str,
        target: NamedNode,
    ) {
        self.add(node, rdf::TYPE, nif::PHRASE);
        self.add(node, nif::REFERENCE_CONTEXT, context.clone());
        self.add(node, nif::BEGIN_INDEX, int(b));
        self.add(node, nif::END_INDEX, int(e));
        self.add(node, nif::ANCHOR_OF, Literal::new_simple_literal(anchor));
        self.add(node, itsrdf::TA_IDENT_REF, target);
    }
}

fn types(kind: EntityKind, subtype: Option<Subtype>) -> Vec<NamedNodeRef<'static>> {
    let mut v = match kind {
        EntityKind::Person => vec![schema::PERSON],
        EntityKind::Organization => vec![schema::ORGANIZATION],
        EntityKind::Place => vec![schema::PLACE],
    };
    match subtype {
        Some(Subtype::Country) => v.push(schema::COUNTRY),
        Some(Subtype::City) => v.push(schema::CITY),
        Some(Subtype::State) => v.extend([schema::STATE, schema::ADMINISTRATIVE_AREA]),
        Some(Subtype::Continent) => v.push(schema::CONTINENT),
        Some(Subtype::Region) => v.push(schema::ADMINISTRATIVE_AREA),
        Some(Subtype::Feature) => v.push(schema::LANDFORM),
        Some(Subtype::Government) => v.push(schema::GOVERNMENT_ORGANIZATION),
        Some(Subtype::Seat) => v.extend([schema::GOVERNMENT_ORGANIZATION, schema::PLACE]),
        None => {}
    }
    v
}

/// A digest of a set of quads (order and repeats do not matter): the internal record keeps
/// the one of its article graph as written (`store::ArticleIndex::graph`).
pub fn graph_digest(quads: &[Quad]) -> u64 {
    let mut hs: Vec<u64> = quads.iter().map(|q| similar::fnv(q.to_string().as_bytes(), 0)).collect();
    hs.sort_unstable();
    hs.dedup();
    hs.iter().fold(0xcbf2_9ce4_8422_2325, |h, x| (h ^ x).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The quads of one article's named graph: the article, its mentions and
/// quotations, and what it says of each entity (surface forms, roles).
/// Types and canonical names live once, in the entities graph, so that a
/// query over the union of graphs sees each of them once.
pub fn article_quads(article: &Article, ex: &Extraction, link: &[usize], entities: &[GlobalEntity]) -> Vec<Quad> {
    let a = article_iri(&article.id);
    let mut out = Sink { graph: GraphName::NamedNode(a.clone()), quads: Vec::new() };
    out.add(&a, rdf::TYPE, schema::NEWS_ARTICLE);
    out.add(&a, rdf::TYPE, nif::CONTEXT);
    out.add(&a, dct::IDENTIFIER, Literal::new_simple_literal(&article.id));
    out.add(&a, schema::HEADLINE, Literal::new_simple_literal(&article.headline));
    // The language the extractor reads (its lexicons and tagger are English), as a BCP 47 code.
    out.add(&a, schema::IN_LANGUAGE, Literal::new_simple_literal("en"));
    out.add(&a, nif::IS_STRING, Literal::new_simple_literal(&article.text));
    out.add(&a, nif::BEGIN_INDEX, int(0));
    out.add(&a, nif::END_INDEX, int(article.text.chars().count()));
    let chars = CharIndex::new(&article.text);
    let mut mentioned = std::collections::BTreeSet::new();
    for m in &ex.mentions {
        mentioned.insert(link[m.entity]);
        let (b, e) = (chars.char_offset(m.span.start), chars.char_offset(m.span.end));
        let node = NamedNode::new_unchecked(format!("{}#char={b},{e}", a.as_str()));
        out.phrase(&node, &a, (b, e), m.span.slice(&article.text), entity_iri(&entities[link[m.entity]].id));
    }
    for (l, le) in ex.entities.iter().enumerate() {
        if !mentioned.contains(&link[l]) {
            continue;
        }
        let g = &entities[link[l]];
        let e = entity_iri(&g.id);
        out.add(&a, schema::MENTIONS, e.clone());
        for s in &le.surfaces {
            if *s != g.name {
                out.add(&e, schema::ALTERNATE_NAME, Literal::new_simple_literal(s));
            }
        }
        for t in &le.titles {
            out.add(&e, schema::JOB_TITLE, Literal::new_simple_literal(t));
        }
        for &o in &le.affiliations {
            out.add(&e, schema::AFFILIATION, entity_iri(&entities[link[o]].id));
        }
        for &c in &le.nationalities {
            out.add(&e, schema::NATIONALITY, entity_iri(&entities[link[c]].id));
        }
    }
    // Verbatim quotations and reported statements share one shape; only the class differs.
    let speech = [("quote", schema::QUOTATION, &ex.quotes), ("statement", ng::REPORTED_STATEMENT, &ex.statements)];
    for (segment, class, items) in speech {
        for (n, q) in items.iter().enumerate() {
            let node = NamedNode::new_unchecked(format!("{}/{segment}/{n}", a.as_str()));
            out.add(&node, rdf::TYPE, class);
            out.add(&node, schema::TEXT, Literal::new_simple_literal(q.span.slice(&article.text)));
            out.add(&node, schema::IS_PART_OF, a.clone());
            // The contract's creator is a person or an organisation: a place never speaks.
            if let Some(s) = q.speaker.filter(|&s| entities[link[s]].kind != EntityKind::Place) {
                out.add(&node, schema::CREATOR, entity_iri(&entities[link[s]].id));
            }
            let (b, e) = (chars.char_offset(q.span.start), chars.char_offset(q.span.end));
            let m = NamedNode::new_unchecked(format!("{}/{segment}/{n}/text", a.as_str()));
            out.phrase(&m, &a, (b, e), q.span.slice(&article.text), node.clone());
        }
    }
    out.quads
}

/// Country code -> the country entity's id (the first by id), for schema:containedInPlace.
pub fn countries(all: &[GlobalEntity]) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    for c in all {
        if c.subtype == Some(Subtype::Country)
            && let Some(cc) = c.geo.as_ref().and_then(|x| x.country_code.as_ref())
        {
            // Two country entities of one code (rare): the first by id, as the store's lookup.
            let id = out.entry(cc.clone()).or_insert_with(|| c.id.clone());
            if c.id < *id {
                *id = c.id.clone();
            }
        }
    }
    out
}

/// The corpus-wide description of an entity, in the entities graph; `countries` from [`countries`].
pub fn entity_quads(g: &GlobalEntity, countries: &std::collections::HashMap<String, String>) -> Vec<Quad> {
    let e = entity_iri(&g.id);
    let mut out = Sink { graph: GraphName::NamedNode(entities_graph()), quads: Vec::new() };
    for t in types(g.kind, g.subtype) {
        out.add(&e, rdf::TYPE, t);
    }
    out.add(&e, schema::NAME, Literal::new_simple_literal(&g.name));
    // The same name for tools that show rdfs:label (Protégé, graph browsers).
    out.add(&e, oxigraph::model::vocab::rdfs::LABEL, Literal::new_simple_literal(&g.name));
    for s in &g.surfaces {
        if *s != g.name {
            out.add(&e, schema::ALTERNATE_NAME, Literal::new_simple_literal(s));
        }
    }
    if let Some(geo) = &g.geo {
        if let Some(id) = geo.geonames_id {
            out.add(&e, schema::SAME_AS, NamedNode::new_unchecked(format!("https://sws.geonames.org/{id}/")));
        }
        if let (Some(lat), Some(lon)) = (geo.lat, geo.lon) {
            out.add(&e, schema::LATITUDE, Literal::new_typed_literal(lat.to_string(), xsd::DOUBLE));
            out.add(&e, schema::LONGITUDE, Literal::new_typed_literal(lon.to_string(), xsd::DOUBLE));
        }
        if let Some(cc) = &geo.country_code {
            if g.subtype == Some(Subtype::Country) {
                out.add(&e, schema::IDENTIFIER, Literal::new_simple_literal(cc));
            } else if let Some(country) = countries.get(cc) {
                out.add(&e, schema::CONTAINED_IN_PLACE, entity_iri(country));
            }
        }
    }
    out.quads
}

/// The claims one speaker made in several articles: a schema:Claim per group
/// of quotations, with the speaker as author and each quotation as an appearance.
pub fn claim_quads(
    speaker: &NamedNode,
    quotes: &[crate::resolve::claims::QuoteRef],
    groups: &[Vec<usize>],
) -> Vec<Quad> {
    let mut out = Sink { graph: GraphName::NamedNode(claims_graph()), quads: Vec::new() };
    let who = speaker.as_str().strip_prefix(BASE).unwrap_or(speaker.as_str()).replace('/', "-");
    for g in groups {
        let first = &quotes[g[0]];
        let c = NamedNode::new_unchecked(format!("{BASE}claim/{who}/{}", digest(&first.quote)));
        out.add(&c, rdf::TYPE, schema::CLAIM);
        out.add(&c, schema::AUTHOR, speaker.clone());
        let longest = g.iter().map(|&i| &quotes[i].text).max_by_key(|t| t.chars().count()).unwrap_or(&first.text);
        out.add(&c, schema::TEXT, Literal::new_simple_literal(longest));
        for &i in g {
            out.add(&c, schema::APPEARANCE, NamedNode::new_unchecked(&quotes[i].quote));
        }
    }
    out.quads
}

/// That `a` and `b` are near duplicates, with the similarity figure, in the similarity graph.
/// The pair is written the same way whichever comes first.
pub fn near_duplicate_quads(a: &NamedNode, b: &NamedNode, similarity: f64) -> Vec<Quad> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let mut out = Sink { graph: GraphName::NamedNode(similar_graph()), quads: Vec::new() };
    out.add(a, ng::NEAR_DUPLICATE_OF, b.clone());
    out.add(b, ng::NEAR_DUPLICATE_OF, a.clone());
    // The standard super-property too, for tools without inference.
    out.add(a, dct::RELATION, b.clone());
    out.add(b, dct::RELATION, a.clone());
    let tail = b.as_str().rsplit('/').next().unwrap_or("");
    let node = NamedNode::new_unchecked(format!("{}/similarity/{tail}", a.as_str()));
    out.add(&node, rdf::TYPE, ng::TEXT_SIMILARITY);
    out.add(&node, ng::COMPARES, a.clone());
    out.add(&node, ng::COMPARES, b.clone());
    out.add(&node, ng::SIMILARITY, Literal::new_typed_literal(format!("{similarity:.3}"), xsd::DOUBLE));
    out.quads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quad(s: &str, o: &str) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(format!("{BASE}{s}")),
            schema::MENTIONS,
            Term::Literal(Literal::new_simple_literal(o)),
            GraphName::NamedNode(NamedNode::new_unchecked(format!("{BASE}article/a"))),
        )
    }

    #[test]
    fn graph_digest_is_of_the_set_of_quads() {
        let quads = vec![quad("x", "1"), quad("y", "2"), quad("z", "3")];
        let d = graph_digest(&quads);
        let mut shuffled = vec![quads[2].clone(), quads[0].clone(), quads[1].clone(), quads[0].clone()];
        assert_eq!(graph_digest(&shuffled), d, "order and repeats do not matter");
        shuffled[0] = quad("z", "4");
        assert_ne!(graph_digest(&shuffled), d, "a changed literal changes it");
        assert_ne!(graph_digest(&quads[..2]), d, "a missing quad changes it");
        assert_ne!(graph_digest(&[]), d);
    }
}
