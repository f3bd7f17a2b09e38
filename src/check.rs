//! `newsgraph check` and `newsgraph repair`: what is wrong with a store's files, and
//! recovering what can be read, never silently.
//!
//! The memory backend's files are read here line by line, without the store: the base
//! `graph.nq` one quad a line, the log `graph.log` one checksummed segment at a time, so
//! that damage in one place does not hide the rest. Repair keeps every line that parses
//! and every whole segment, takes the articles (identifier, headline, text) from them and
//! stores those articles again into a fresh base, as a fresh ingest would: the graph is a
//! function of the articles, so nothing derived from damaged lines survives. The damaged
//! files are kept beside the store (`graph.nq.damaged-TIME`); every dropped line and every
//! article that could not be recovered is named.
//!
//! A RocksDB store is checked by opening it and looking for the mark an interrupted write
//! leaves; repair rebuilds its cross-article graphs and records from the stored articles.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::model::Article;
use crate::rdf::{self, vocab};
use crate::resolve::similar;
use crate::store::{self, Access, Backend, GraphStore};

/// What reading a memory store's files line by line found.
#[derive(Debug, Default)]
pub struct Salvage {
    /// The quads of every line that parsed and every whole log segment, in the store's terms.
    pub quads: HashSet<Quad>,
    /// Damage: `file:line: what`, each a line or segment that was dropped.
    pub damage: Vec<String>,
    /// What an interrupted write left, which the next writer clears (not damage).
    pub notes: Vec<String>,
}

fn line_of(bytes: &[u8], pos: usize) -> usize {
    bytes[..pos.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Reads the base and the log of a memory store, keeping what parses.
pub fn salvage_memory(dir: &Path) -> Result<Salvage> {
    let mut out = Salvage::default();
    let base = dir.join(store::DATA_FILE);
    match fs::read(&base) {
        Ok(bytes) => {
            for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                match RdfParser::from_format(RdfFormat::NQuads).for_slice(line).collect::<Result<Vec<Quad>, _>>() {
                    Ok(qs) => out.quads.extend(qs),
                    Err(e) => out.damage.push(format!("{}:{}: {e}", base.display(), i + 1)),
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", base.display())),
    }
    let log = dir.join(store::LOG_FILE);
    match fs::read(&log) {
        Ok(bytes) => replay_tolerant(&bytes, &log, &mut out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", log.display())),
    }
    let tmp = dir.join(format!("{}.tmp", store::DATA_FILE));
    if tmp.exists() {
        out.notes.push(format!("{}: left by an interrupted compaction; the next write removes it", tmp.display()));
    }
    Ok(out)
}

/// Applies the log's whole segments; a damaged one is reported and skipped, and reading
/// goes on at the next segment header.
fn replay_tolerant(bytes: &[u8], path: &Path, out: &mut Salvage) {
    let header = format!("{} ", store::SEGMENT);
    let next_header = |from: usize| {
        let mut p = from;
        while p < bytes.len() {
            if bytes[p..].starts_with(header.as_bytes()) && (p == 0 || bytes[p - 1] == b'\n') {
                return p;
            }
            p += 1;
        }
        bytes.len()
    };
    let internal = rdf::internal_graph();
    let mut pos = 0;
    while pos < bytes.len() {
        let start = pos;
        let at = |what: &str| format!("{}:{}: {what}", path.display(), line_of(bytes, start));
        let nl = bytes[pos..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |n| pos + n);
        let text = std::str::from_utf8(&bytes[pos..nl]).unwrap_or("");
        let mut parts = text.split(' ');
        let parsed = match (parts.next(), parts.next(), parts.next()) {
            (Some(store::SEGMENT), Some(len), Some(sum)) => {
                len.parse::<usize>().ok().zip(u64::from_str_radix(sum, 16).ok())
            }
            _ => None,
        };
        let Some((len, sum)) = parsed else {
            out.damage.push(at("not a segment header; skipped to the next segment"));
            pos = next_header(nl);
            continue;
        };
        let body_start = nl + 1;
        let Some(body) = bytes.get(body_start..body_start + len) else {
            if next_header(body_start) == bytes.len() {
                out.notes.push(at("a torn last segment (an interrupted write); the next opening drops it"));
            } else {
                out.damage.push(at("a segment cut short, with segments after it; dropped"));
            }
            pos = next_header(body_start);
            continue;
        };
        if similar::fnv(body, 0) != sum {
            if body_start + len == bytes.len() {
                out.notes.push(at("a torn last segment (an interrupted write); the next opening drops it"));
            } else {
                out.damage.push(at("a segment whose checksum does not match; dropped"));
            }
            pos = next_header(body_start);
            continue;
        }
        for line in body.split(|&b| b == b'\n').filter(|l| l.len() > 2) {
            let (op, rest) = (line[0], &line[2..]);
            let iri = || {
                std::str::from_utf8(rest).unwrap_or("").trim().trim_start_matches('<').trim_end_matches('>').to_string()
            };
            match op {
                b'C' => {
                    let g = GraphName::NamedNode(NamedNode::new_unchecked(iri()));
                    out.quads.retain(|q| q.graph_name != g);
                }
                b'X' => {
                    let s = NamedOrBlankNode::NamedNode(NamedNode::new_unchecked(iri()));
                    out.quads.retain(|q| !(q.subject == s && q.graph_name == GraphName::NamedNode(internal.clone())));
                }
                _ => match RdfParser::from_format(RdfFormat::NQuads).for_slice(rest).next() {
                    Some(Ok(q)) => {
                        if op == b'-' {
                            out.quads.remove(&q);
                        } else {
                            if op == b'I' {
                                // A record replaces the article's earlier one.
                                let s = q.subject.clone();
                                out.quads.retain(|x| !(x.subject == s && x.graph_name == q.graph_name));
                            }
                            out.quads.insert(q);
                        }
                    }
                    _ => out.damage.push(at("a change that does not parse, in a segment whose checksum matches")),
                },
            }
        }
        pos = body_start + len;
    }
}

/// The articles the salvaged quads hold whole enough to store again (identifier and text),
/// and the IRIs of those that lost them.
pub fn articles(quads: &HashSet<Quad>) -> (Vec<Article>, Vec<String>) {
    let mut fields: BTreeMap<String, [Option<String>; 3]> = BTreeMap::new();
    // Every article graph counts, also one left with a few quads: its article is then lost, and said so.
    let shared = [rdf::entities_graph(), rdf::claims_graph(), rdf::similar_graph(), rdf::internal_graph()];
    let mut typed: BTreeSet<String> = quads
        .iter()
        .filter_map(|q| match &q.graph_name {
            GraphName::NamedNode(g) if !shared.contains(g) => Some(g.as_str().to_string()),
            _ => None,
        })
        .collect();
    // Articles other graphs point to (a claim's appearance, a near-duplicate link) count too.
    let prefix = rdf::article_iri("x").as_str().trim_end_matches('x').to_string();
    let article_of = |iri: &str| {
        let rest = iri.strip_prefix(prefix.as_str())?;
        let end = rest.find(['/', '#']).unwrap_or(rest.len());
        (end > 0).then(|| format!("{prefix}{}", &rest[..end]))
    };
    for q in quads {
        let subject = match &q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
            _ => None,
        };
        let object = match &q.object {
            Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        };
        typed.extend(subject.into_iter().chain(object).filter_map(article_of));
    }
    for q in quads {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else { continue };
        if q.graph_name != GraphName::NamedNode(s.clone()) {
            continue;
        }
        let literal = match &q.object {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        };
        let p = q.predicate.as_ref();
        let slot = if p == vocab::dct::IDENTIFIER {
            0
        } else if p == vocab::schema::HEADLINE {
            1
        } else if p == vocab::nif::IS_STRING {
            2
        } else {
            if p == oxigraph::model::vocab::rdf::TYPE && q.object == Term::NamedNode(vocab::schema::NEWS_ARTICLE.into())
            {
                typed.insert(s.as_str().to_string());
            }
            continue;
        };
        fields.entry(s.as_str().to_string()).or_default()[slot] = literal;
    }
    let mut found = Vec::new();
    let mut lost = Vec::new();
    let iris: BTreeSet<String> = typed.iter().cloned().chain(fields.keys().cloned()).collect();
    for iri in iris {
        match fields.remove(&iri) {
            Some([Some(id), headline, Some(text)]) => {
                found.push(Article { id, headline: headline.unwrap_or_default(), text })
            }
            _ => lost.push(iri),
        }
    }
    (found, lost)
}

/// `newsgraph check`: prints what is wrong; Ok(true) when nothing is.
pub fn check(dir: &Path, out: &mut dyn Write) -> Result<bool> {
    if !dir.is_dir() {
        bail!("no store at {}", dir.display());
    }
    if GraphStore::recorded_backend(dir)? == Some(Backend::RocksDb) {
        let st = GraphStore::open(dir, Access::Read)?;
        let n = st.len()?;
        if dir.join(store::UNFINISHED_FILE).exists() {
            writeln!(
                out,
                "{}: the last write was interrupted; the next write (or `newsgraph repair`) rebuilds the entities, claims and near duplicates",
                dir.display()
            )?;
        }
        writeln!(out, "{}: a RocksDB store that opens, {n} quads", dir.display())?;
        return Ok(true);
    }
    let s = salvage_memory(dir)?;
    for d in &s.damage {
        writeln!(out, "{d}")?;
    }
    for n in &s.notes {
        writeln!(out, "note: {n}")?;
    }
    let (found, lost) = articles(&s.quads);
    let records: BTreeSet<String> = s
        .quads
        .iter()
        .filter(|q| q.graph_name == GraphName::NamedNode(rdf::internal_graph()))
        .map(|q| q.subject.to_string().trim_start_matches('<').trim_end_matches('>').to_string())
        .collect();
    let mut problems = s.damage.len();
    for iri in &lost {
        writeln!(out, "{iri}: an article without its identifier or text")?;
        problems += 1;
    }
    for a in &found {
        let iri = rdf::article_iri(&a.id);
        if !records.contains(iri.as_str()) {
            writeln!(out, "{iri}: an article without its internal record (the next write indexes it)")?;
        }
    }
    if problems == 0 {
        writeln!(out, "{}: ok, {} articles, {} quads", dir.display(), found.len(), s.quads.len())?;
    } else {
        writeln!(
            out,
            "{}: damaged ({problems} problems above); `newsgraph repair --store {}` keeps what can be read",
            dir.display(),
            dir.display()
        )?;
    }
    Ok(problems == 0)
}

/// `newsgraph repair`: recovers what can be read; Ok(false) when some articles were lost.
pub fn repair(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> Result<bool> {
    if !dir.is_dir() {
        bail!("no store at {}", dir.display());
    }
    if GraphStore::recorded_backend(dir)? == Some(Backend::RocksDb) {
        let st = GraphStore::open(dir, Access::Write)?;
        st.request_repair();
        crate::migrate(&st, err)?;
        writeln!(out, "{}: rebuilt the entities, claims, near duplicates and internal records", dir.display())?;
        st.close();
        return Ok(true);
    }
    let lock_path = dir.join(store::LOCK_FILE);
    let lock = fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path)?;
    if lock.try_lock().is_err() {
        bail!("store {} is in use by another newsgraph process (lock {})", dir.display(), lock_path.display());
    }
    let s = salvage_memory(dir)?;
    let (found, lost) = articles(&s.quads);
    // A file cut at a line's end parses whole but has lost articles all the same.
    if s.damage.is_empty() && lost.is_empty() {
        drop(lock);
        // Nothing lost: the ordinary opening clears what an interrupted write left.
        let st = GraphStore::open(dir, Access::Write)?;
        crate::migrate(&st, err)?;
        st.close();
        writeln!(out, "{}: nothing damaged; nothing to repair", dir.display())?;
        return Ok(true);
    }
    for d in &s.damage {
        writeln!(err, "dropped {d}")?;
    }
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_secs();
    let mut kept: Vec<PathBuf> = Vec::new();
    for name in [store::DATA_FILE, store::LOG_FILE] {
        let p = dir.join(name);
        if p.exists() {
            let aside = dir.join(format!("{name}.damaged-{stamp}"));
            fs::rename(&p, &aside).with_context(|| format!("cannot move {} aside", p.display()))?;
            kept.push(aside);
        }
    }
    drop(lock);
    let st = GraphStore::open(dir, Access::Write)?;
    let upserts: Vec<crate::update::Upsert> = found
        .into_iter()
        .map(|article| {
            let extraction = crate::extract::extract(&article);
            let signature = similar::signature(&article.text);
            crate::update::Upsert::new(article, extraction, signature)
        })
        .collect();
    let n = upserts.len();
    crate::update::apply(&st, upserts, &[], err)?;
    st.save()?;
    st.close();
    for iri in &lost {
        writeln!(err, "lost {iri}: its identifier or text could not be read; ingest its file again")?;
    }
    let kept: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
    writeln!(
        out,
        "{}: {n} articles recovered and stored again, {} lost, {} damaged lines or segments dropped; the damaged files are kept as {}",
        dir.display(),
        lost.len(),
        s.damage.len(),
        kept.join(", ")
    )?;
    Ok(lost.is_empty())
}
