//! The entity network for graph tools (Gephi, Graphviz): people,
//! organisations and places as nodes, linked when articles name them together
//! (edge weight: the number of such articles). Written as DOT or GraphML.

use std::collections::HashMap;
use std::io::Write;

use petgraph::dot::{Config, Dot};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use crate::model::EntityKind;

#[derive(Debug, Clone)]
pub struct Node {
    pub iri: String,
    pub name: String,
    pub kind: EntityKind,
}

/// Builds the co-mention network from the entity table and each article's mentions.
/// An entity no article mentions (a place acting as a government, credited only as a
/// quotation's creator) is no node.
pub fn co_mentions(entities: &[(String, String, EntityKind)], articles: &[Vec<String>]) -> UnGraph<Node, u32> {
    let mut g = UnGraph::new_undirected();
    let mut index: HashMap<&str, NodeIndex> = HashMap::new();
    let mentioned: std::collections::HashSet<&str> = articles.iter().flatten().map(String::as_str).collect();
    for (iri, name, kind) in entities.iter().filter(|(iri, _, _)| mentioned.contains(iri.as_str())) {
        let n = g.add_node(Node { iri: iri.clone(), name: name.clone(), kind: *kind });
        index.insert(iri.as_str(), n);
    }
    let mut weights: HashMap<(NodeIndex, NodeIndex), u32> = HashMap::new();
    for mentioned in articles {
        let mut nodes: Vec<NodeIndex> = mentioned.iter().filter_map(|e| index.get(e.as_str()).copied()).collect();
        nodes.sort();
        nodes.dedup();
        for (i, &a) in nodes.iter().enumerate() {
            for &b in &nodes[i + 1..] {
                *weights.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<_> = weights.into_iter().collect();
    pairs.sort();
    for ((a, b), w) in pairs {
        g.add_edge(a, b, w);
    }
    g
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

/// Graphviz DOT: nodes labelled by name and shaped by kind, edges weighted.
pub fn write_dot(g: &UnGraph<Node, u32>, w: &mut dyn Write) -> std::io::Result<()> {
    let node_attr = |_, (_, n): (NodeIndex, &Node)| {
        let shape = match n.kind {
            EntityKind::Person => "ellipse",
            EntityKind::Organization => "box",
            EntityKind::Place => "diamond",
        };
        format!("label=\"{}\" shape={shape} kind={} iri=\"{}\"", n.name.replace('"', "\\\""), kind_name(n.kind), n.iri)
    };
    let edge_attr = |_, e: petgraph::graph::EdgeReference<'_, u32>| format!("weight={0} label=\"{0}\"", e.weight());
    let dot = Dot::with_attr_getters(g, &[Config::NodeNoLabel, Config::EdgeNoLabel], &edge_attr, &node_attr);
    write!(w, "{dot:?}")
}

/// GraphML with `name`, `kind` and `iri` node attributes and a `weight` edge attribute.
pub fn write_graphml(g: &UnGraph<Node, u32>, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(w, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#)?;
    writeln!(w, r#"  <key id="name" for="node" attr.name="name" attr.type="string"/>"#)?;
    writeln!(w, r#"  <key id="kind" for="node" attr.name="kind" attr.type="string"/>"#)?;
    writeln!(w, r#"  <key id="iri" for="node" attr.name="iri" attr.type="string"/>"#)?;
    writeln!(w, r#"  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>"#)?;
    writeln!(w, r#"  <graph id="newsgraph" edgedefault="undirected">"#)?;
    for i in g.node_indices() {
        let n = &g[i];
        writeln!(
            w,
            r#"    <node id="n{}"><data key="name">{}</data><data key="kind">{}</data><data key="iri">{}</data></node>"#,
            i.index(),
            escape(&n.name),
            kind_name(n.kind),
            escape(&n.iri)
        )?;
    }
    for e in g.edge_references() {
        writeln!(
            w,
            r#"    <edge source="n{}" target="n{}"><data key="weight">{}</data></edge>"#,
            e.source().index(),
            e.target().index(),
            e.weight()
        )?;
    }
    writeln!(w, "  </graph>\n</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn co_mentions_weigh_articles() {
        let ents = vec![
            ("x:a".to_string(), "Ann <A>".to_string(), EntityKind::Person),
            ("x:b".to_string(), "Bank".to_string(), EntityKind::Organization),
            ("x:c".to_string(), "Oslo".to_string(), EntityKind::Place),
        ];
        let arts = vec![vec!["x:a".into(), "x:b".into()], vec!["x:a".into(), "x:b".into(), "x:c".into()]];
        let g = co_mentions(&ents, &arts);
        assert_eq!(g.node_count(), 3);
        assert_eq!(g.edge_count(), 3);
        let ab = g.find_edge(NodeIndex::new(0), NodeIndex::new(1)).unwrap();
        assert_eq!(g[ab], 2);
        let mut xml = Vec::new();
        write_graphml(&g, &mut xml).unwrap();
        let xml = String::from_utf8(xml).unwrap();
        assert!(xml.contains("Ann &lt;A&gt;") && xml.contains(r#"<data key="weight">2</data>"#));
        let mut dot = Vec::new();
        write_dot(&g, &mut dot).unwrap();
        let dot = String::from_utf8(dot).unwrap();
        assert!(dot.starts_with("graph {") && dot.contains("shape=box") && dot.contains("weight=2"));
    }

    #[test]
    fn an_entity_no_article_mentions_is_no_node() {
        let ents = vec![
            ("x:a".to_string(), "Ann".to_string(), EntityKind::Person),
            ("x:m".to_string(), "Moscow".to_string(), EntityKind::Organization),
        ];
        let g = co_mentions(&ents, &[vec!["x:a".into()]]);
        assert_eq!(g.node_count(), 1);
        assert_eq!(g[NodeIndex::new(0)].name, "Ann");
    }
}
