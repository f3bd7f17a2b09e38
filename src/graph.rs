//! The entity network for graph tools (Graphviz, Gephi, yEd): people,
//! organisations and places as nodes sized by their mentions; an undirected
//! link between two entities named in the same sentence (weight: the number
//! of such sentences, kept from a threshold up), and a directed link from a
//! speaker to each entity named inside their quotations (weight: the number
//! of such quotations). Entities left without a link are left out, so that the
//! drawing shows the structure rather than a hairball. Written as DOT or GraphML.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;

use crate::model::EntityKind;
use crate::store::GraphStore;

#[derive(Debug, Clone)]
pub struct Node {
    pub iri: String,
    pub name: String,
    pub kind: EntityKind,
    /// How many times the articles name it.
    pub mentions: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Named in the same sentence (undirected).
    CoMention,
    /// The source's quotations name the target.
    Quotes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub weight: u32,
    pub link: Link,
}

#[derive(Debug, Clone, Default)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// One mention: (article, sentence, entity index, code point offset).
pub type Mention = (usize, usize, usize, usize);

/// A quotation: (article, speaker entity index, begin, end) in code points.
pub type QuoteSpan = (usize, usize, usize, usize);

/// Builds the network from mentions and quotations; co-mention links weigh
/// less than `min_weight` sentences are dropped, then nodes without links.
pub fn build(entities: Vec<Node>, mentions: &[Mention], quotes: &[QuoteSpan], min_weight: u32) -> Network {
    let mut nodes = entities;
    let mut by_sentence: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for &(a, s, e, _) in mentions {
        nodes[e].mentions += 1;
        by_sentence.entry((a, s)).or_default().push(e);
    }
    let mut co: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for ents in by_sentence.values_mut() {
        ents.sort_unstable();
        ents.dedup();
        for (i, &x) in ents.iter().enumerate() {
            for &y in &ents[i + 1..] {
                *co.entry((x, y)).or_default() += 1;
            }
        }
    }
    let mut said: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for &(a, speaker, begin, end) in quotes {
        let mut named: Vec<usize> = mentions
            .iter()
            .filter(|&&(ma, _, e, off)| ma == a && off >= begin && off < end && e != speaker)
            .map(|&(_, _, e, _)| e)
            .collect();
        named.sort_unstable();
        named.dedup();
        for e in named {
            *said.entry((speaker, e)).or_default() += 1;
        }
    }
    let mut edges: Vec<Edge> = co
        .into_iter()
        .filter(|&(_, w)| w >= min_weight.max(1))
        .map(|((from, to), weight)| Edge { from, to, weight, link: Link::CoMention })
        .collect();
    edges.extend(said.into_iter().map(|((from, to), weight)| Edge { from, to, weight, link: Link::Quotes }));
    // Keep linked nodes only, renumbered in their original order.
    let mut keep = vec![false; nodes.len()];
    for e in &edges {
        keep[e.from] = true;
        keep[e.to] = true;
    }
    let mut new_index = vec![usize::MAX; nodes.len()];
    let mut kept = Vec::new();
    for (i, n) in nodes.into_iter().enumerate() {
        if keep[i] {
            new_index[i] = kept.len();
            kept.push(n);
        }
    }
    for e in &mut edges {
        e.from = new_index[e.from];
        e.to = new_index[e.to];
    }
    Network { nodes: kept, edges }
}

fn literal_usize(t: Option<&Term>) -> Option<usize> {
    match t? {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

fn iri(t: Option<&Term>) -> Option<String> {
    match t? {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn rows(st: &GraphStore, q: &str) -> anyhow::Result<Vec<oxigraph::sparql::QuerySolution>> {
    match st.query(q)? {
        QueryResults::Solutions(s) => Ok(s.collect::<Result<_, _>>()?),
        _ => Ok(Vec::new()),
    }
}

/// The network of the store: sentences come from the stored article texts.
pub fn network(st: &GraphStore, min_weight: u32) -> anyhow::Result<Network> {
    let (entities, _) = st.entity_table()?;
    let index: HashMap<String, usize> = entities.iter().enumerate().map(|(i, (iri, _, _))| (iri.clone(), i)).collect();
    let nodes: Vec<Node> =
        entities.into_iter().map(|(iri, name, kind)| Node { iri, name, kind, mentions: 0 }).collect();
    // Each article's text gives the sentence of a code point offset.
    let mut articles: HashMap<String, usize> = HashMap::new();
    let mut sentence_of: Vec<Vec<usize>> = Vec::new();
    for r in rows(st, "SELECT ?a ?t WHERE { ?a a schema:NewsArticle ; nif:isString ?t }")? {
        let (Some(a), Some(Term::Literal(t))) = (iri(r.get("a")), r.get("t")) else { continue };
        let text = t.value();
        let tokens = crate::extract::text::tokenize(text);
        // Sentence of every code point: that of the next token starting at or after it.
        let mut per_char = Vec::with_capacity(text.len());
        let mut ti = 0;
        for (b, _) in text.char_indices() {
            while ti < tokens.len() && tokens[ti].span.end <= b {
                ti += 1;
            }
            per_char.push(tokens.get(ti).map_or(usize::MAX, |t| t.sent));
        }
        articles.insert(a, sentence_of.len());
        sentence_of.push(per_char);
    }
    let mut mentions: Vec<Mention> = Vec::new();
    for r in
        rows(st, "SELECT ?a ?b ?e WHERE { ?m nif:referenceContext ?a ; nif:beginIndex ?b ; itsrdf:taIdentRef ?e }")?
    {
        let (Some(a), Some(b), Some(e)) = (iri(r.get("a")), literal_usize(r.get("b")), iri(r.get("e"))) else {
            continue;
        };
        let (Some(&ai), Some(&ei)) = (articles.get(&a), index.get(&e)) else { continue };
        let sent = sentence_of[ai].get(b).copied().unwrap_or(usize::MAX);
        mentions.push((ai, sent, ei, b));
    }
    mentions.sort_unstable();
    mentions.dedup();
    let mut quotes: Vec<QuoteSpan> = Vec::new();
    for r in rows(
        st,
        "SELECT ?a ?s ?b ?e WHERE { ?q a schema:Quotation ; schema:creator ?s ; schema:isPartOf ?a . ?m itsrdf:taIdentRef ?q ; nif:beginIndex ?b ; nif:endIndex ?e }",
    )? {
        let (Some(a), Some(s), Some(b), Some(e)) =
            (iri(r.get("a")), iri(r.get("s")), literal_usize(r.get("b")), literal_usize(r.get("e")))
        else {
            continue;
        };
        if let (Some(&ai), Some(&si)) = (articles.get(&a), index.get(&s)) {
            quotes.push((ai, si, b, e));
        }
    }
    quotes.sort_unstable();
    quotes.dedup();
    Ok(build(nodes, &mentions, &quotes, min_weight))
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn dot_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Graphviz DOT: nodes labelled by name, shaped by kind, sized by mentions;
/// co-mention links without arrows, speaker links with one.
pub fn write_dot(g: &Network, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "digraph newsgraph {{")?;
    writeln!(w, "  graph [rankdir=LR, overlap=false, splines=true];")?;
    writeln!(w, "  node [style=filled, fillcolor=white, fontname=\"Helvetica\"];")?;
    for (i, n) in g.nodes.iter().enumerate() {
        let (shape, color) = match n.kind {
            EntityKind::Person => ("ellipse", "#cfe2f3"),
            EntityKind::Organization => ("box", "#fce5cd"),
            EntityKind::Place => ("diamond", "#d9ead3"),
        };
        let size = 0.3 + 0.15 * f64::from(n.mentions).sqrt();
        writeln!(
            w,
            "  n{i} [label={}, shape={shape}, fillcolor=\"{color}\", width={size:.2}, fontsize={:.0}, kind={}, mentions={}, iri={}];",
            dot_string(&n.name),
            10.0 + 2.0 * f64::from(n.mentions).sqrt(),
            kind_name(n.kind),
            n.mentions,
            dot_string(&n.iri)
        )?;
    }
    for e in &g.edges {
        let pen = 1.0 + f64::from(e.weight).ln();
        match e.link {
            Link::CoMention => writeln!(
                w,
                "  n{} -> n{} [dir=none, weight={}, penwidth={pen:.1}, label=\"{}\", color=\"#999999\"];",
                e.from, e.to, e.weight, e.weight
            )?,
            Link::Quotes => writeln!(
                w,
                "  n{} -> n{} [weight={}, penwidth={pen:.1}, label=\"quotes {}\", color=\"#cc0000\"];",
                e.from, e.to, e.weight, e.weight
            )?,
        }
    }
    writeln!(w, "}}")
}

/// GraphML with `name`, `kind`, `iri`, `mentions` node attributes and `weight`, `link` edge attributes.
pub fn write_graphml(g: &Network, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(w, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#)?;
    writeln!(w, r#"  <key id="name" for="node" attr.name="name" attr.type="string"/>"#)?;
    writeln!(w, r#"  <key id="kind" for="node" attr.name="kind" attr.type="string"/>"#)?;
    writeln!(w, r#"  <key id="iri" for="node" attr.name="iri" attr.type="string"/>"#)?;
    writeln!(w, r#"  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>"#)?;
    writeln!(w, r#"  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>"#)?;
    writeln!(w, r#"  <key id="link" for="edge" attr.name="link" attr.type="string"/>"#)?;
    writeln!(w, r#"  <graph id="newsgraph" edgedefault="undirected">"#)?;
    for (i, n) in g.nodes.iter().enumerate() {
        writeln!(
            w,
            r#"    <node id="n{i}"><data key="name">{}</data><data key="kind">{}</data><data key="iri">{}</data><data key="mentions">{}</data></node>"#,
            escape(&n.name),
            kind_name(n.kind),
            escape(&n.iri),
            n.mentions
        )?;
    }
    for e in &g.edges {
        let (directed, link) = match e.link {
            Link::CoMention => ("false", "co-mention"),
            Link::Quotes => ("true", "quotes"),
        };
        writeln!(
            w,
            r#"    <edge source="n{}" target="n{}" directed="{directed}"><data key="weight">{}</data><data key="link">{link}</data></edge>"#,
            e.from, e.to, e.weight
        )?;
    }
    writeln!(w, "  </graph>\n</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, kind: EntityKind) -> Node {
        Node { iri: format!("x:{name}"), name: name.to_string(), kind, mentions: 0 }
    }

    #[test]
    fn sentences_weigh_links_and_speakers_point_at_subjects() {
        let ents = vec![
            node("Ann <A>", EntityKind::Person),
            node("Bank", EntityKind::Organization),
            node("Oslo", EntityKind::Place),
            node("Alone", EntityKind::Place),
        ];
        // Article 0: Ann and Bank share sentences 0 and 1; Oslo with Bank once; Alone by itself.
        let mentions = vec![
            (0, 0, 0, 0),
            (0, 0, 1, 10),
            (0, 1, 0, 30),
            (0, 1, 1, 40),
            (0, 2, 1, 60),
            (0, 2, 2, 70),
            (0, 3, 3, 90),
        ];
        // Ann's quotation spans offsets 55..80: it names Bank and Oslo.
        let quotes = vec![(0, 0, 55, 80)];
        let g = build(ents.clone(), &mentions, &quotes, 2);
        let names: Vec<&str> = g.nodes.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["Ann <A>", "Bank", "Oslo"], "Alone has no link and is left out");
        assert_eq!(g.nodes[1].mentions, 3);
        assert!(g.edges.contains(&Edge { from: 0, to: 1, weight: 2, link: Link::CoMention }));
        assert!(!g.edges.iter().any(|e| e.link == Link::CoMention && e.to == 2), "one sentence is under the threshold");
        assert!(g.edges.contains(&Edge { from: 0, to: 2, weight: 1, link: Link::Quotes }));
        let all = build(ents, &mentions, &quotes, 1);
        assert!(all.edges.contains(&Edge { from: 1, to: 2, weight: 1, link: Link::CoMention }));
        let mut xml = Vec::new();
        write_graphml(&g, &mut xml).unwrap();
        let xml = String::from_utf8(xml).unwrap();
        assert!(xml.contains("Ann &lt;A&gt;") && xml.contains(r#"<data key="weight">2</data>"#));
        let mut dot = Vec::new();
        write_dot(&g, &mut dot).unwrap();
        let dot = String::from_utf8(dot).unwrap();
        assert!(dot.starts_with("digraph newsgraph {") && dot.contains("shape=box") && dot.contains("dir=none"));
    }
}
