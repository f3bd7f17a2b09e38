//! The only user of oxigraph's `Store`: open, lock, load, replace graphs,
//! query, dump, and persist.
//!
//! The default build keeps oxigraph's in-memory store and persists it in the
//! store folder as N-Quads (`graph.nq`): loaded at start, written atomically
//! after each change (temporary file, fsync, rename, fsync of the folder), so
//! a process killed mid-write leaves the last good store. A lock file keeps a
//! second writer out with a clear message.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::model::{EntityKind, GeoRef, Subtype};
use crate::rdf::{self, vocab};
use crate::resolve::GlobalEntity;
use crate::resolve::claims::QuoteRef;

const DATA_FILE: &str = "graph.nq";
const LOCK_FILE: &str = "lock";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {dir} is in use by another newsgraph process (lock {lock})")]
    Locked { dir: PathBuf, lock: PathBuf },
    #[error("store {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("no store at {dir} (create one with: newsgraph ingest --store {dir} PATH...)")]
    Missing { dir: PathBuf },
    #[error("store {path} is not valid N-Quads: {message}")]
    Corrupt { path: PathBuf, message: String },
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("{0}")]
    Query(String),
}

/// Every entity as (IRI, canonical name, kind), and the entity IRIs each article mentions.
pub type EntityTable = (Vec<(String, String, EntityKind)>, Vec<Vec<String>>);

/// Whether the caller will change the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

pub struct GraphStore {
    store: Store,
    dir: PathBuf,
    _lock: File,
}

/// Counts for `.stats` and the ingest summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stats {
    pub articles: usize,
    pub entities: BTreeMap<String, usize>,
    pub quotes: usize,
    pub triples: usize,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_path_buf(), source }
}

impl GraphStore {
    /// Opens (creating if needed) the store in `dir`.
    pub fn open(dir: &Path, access: Access) -> Result<Self, StoreError> {
        if access == Access::Read && !dir.is_dir() {
            return Err(StoreError::Missing { dir: dir.to_path_buf() });
        }
        fs::create_dir_all(dir).map_err(io_err(dir))?;
        let lock_path = dir.join(LOCK_FILE);
        let lock =
            OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).map_err(io_err(&lock_path))?;
        let locked = match access {
            Access::Write => lock.try_lock(),
            Access::Read => lock.try_lock_shared(),
        };
        if locked.is_err() {
            return Err(StoreError::Locked { dir: dir.to_path_buf(), lock: lock_path });
        }
        let store = Store::new()?;
        let data = dir.join(DATA_FILE);
        if data.exists() {
            let file = File::open(&data).map_err(io_err(&data))?;
            let mut loader = store.bulk_loader();
            loader
                .load_from_reader(RdfFormat::NQuads, BufReader::new(file))
                .map_err(|e| StoreError::Corrupt { path: data.clone(), message: e.to_string() })?;
            loader.commit()?;
        }
        Ok(Self { store, dir: dir.to_path_buf(), _lock: lock })
    }

    /// Keeps reading but lets other readers in: a writer's exclusive lock becomes a shared one.
    pub fn downgrade(&self) -> Result<(), StoreError> {
        let lock = self.dir.join(LOCK_FILE);
        self._lock.unlock().map_err(io_err(&lock))?;
        self._lock.try_lock_shared().map_err(|_| StoreError::Locked { dir: self.dir.clone(), lock })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    /// Writes the whole store to the data file atomically.
    pub fn save(&self) -> Result<(), StoreError> {
        let data = self.dir.join(DATA_FILE);
        let tmp = self.dir.join(format!("{DATA_FILE}.tmp"));
        let file = File::create(&tmp).map_err(io_err(&tmp))?;
        let mut w = BufWriter::new(file);
        self.dump(RdfFormat::NQuads, &mut w)
            .map_err(|e| StoreError::Io { path: tmp.clone(), source: std::io::Error::other(e.to_string()) })?;
        let file = w.into_inner().map_err(|e| StoreError::Io { path: tmp.clone(), source: e.into_error() })?;
        file.sync_all().map_err(io_err(&tmp))?;
        drop(file);
        fs::rename(&tmp, &data).map_err(io_err(&data))?;
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// Replaces the content of one named graph.
    pub fn replace_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        let mut tx = self.store.start_transaction()?;
        if tx.contains_named_graph(graph)? {
            tx.clear_graph(graph)?;
        }
        tx.extend(quads);
        tx.commit()?;
        Ok(())
    }

    /// Replaces what the entities graph says of these entities.
    pub fn replace_entities(&self, entities: &[&GlobalEntity], all: &[GlobalEntity]) -> Result<(), StoreError> {
        let graph = rdf::entities_graph();
        let mut tx = self.store.start_transaction()?;
        for e in entities {
            let iri = rdf::entity_iri(&e.id);
            let old: Vec<Quad> = tx
                .quads_for_pattern(
                    Some(NamedOrBlankNodeRef::from(iri.as_ref())),
                    None,
                    None,
                    Some(GraphNameRef::NamedNode(graph.as_ref())),
                )
                .collect::<Result<_, _>>()?;
            for q in &old {
                tx.remove(q);
            }
            tx.extend(&rdf::entity_quads(e, all));
        }
        tx.commit()?;
        Ok(())
    }

    /// Every quotation attributed to `speaker`, in any article.
    pub fn quotations_by(&self, speaker: &NamedNode) -> Result<Vec<QuoteRef>, StoreError> {
        let q = format!(
            "SELECT ?q ?id ?text WHERE {{ GRAPH ?g {{ ?q a schema:Quotation ; schema:creator <{}> ; schema:text ?text ; schema:isPartOf ?a . ?a dct:identifier ?id }} }}",
            speaker.as_str()
        );
        let mut out = Vec::new();
        if let QueryResults::Solutions(sols) = self.query(&q)? {
            for s in sols {
                let s = s.map_err(|e| StoreError::Query(e.to_string()))?;
                if let (Some(Term::NamedNode(q)), Some(Term::Literal(id)), Some(Term::Literal(t))) =
                    (s.get("q"), s.get("id"), s.get("text"))
                {
                    out.push(QuoteRef {
                        quote: q.as_str().to_string(),
                        article: id.value().to_string(),
                        text: t.value().to_string(),
                    });
                }
            }
        }
        out.sort_by(|a, b| a.quote.cmp(&b.quote));
        Ok(out)
    }

    /// Replaces the claims graph's claims by `speaker` with `quads`.
    pub fn replace_claims(&self, speaker: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        let graph = rdf::claims_graph();
        let g = GraphNameRef::NamedNode(graph.as_ref());
        let mut tx = self.store.start_transaction()?;
        let claims: Vec<_> = tx
            .quads_for_pattern(None, Some(vocab::schema::AUTHOR), Some(speaker.as_ref().into()), Some(g))
            .map(|q| q.map(|q| q.subject))
            .collect::<Result<_, _>>()?;
        for c in claims {
            let old: Vec<Quad> =
                tx.quads_for_pattern(Some(c.as_ref()), None, None, Some(g)).collect::<Result<_, _>>()?;
            for q in &old {
                tx.remove(q);
            }
        }
        tx.extend(quads);
        tx.commit()?;
        Ok(())
    }

    /// Stored articles that share the most LSH bands with `bands` (at most `limit`),
    /// with their MinHash signatures. Reads the band index directly, no SPARQL.
    pub fn similar_candidates(&self, bands: &[String], limit: usize) -> Result<Vec<(NamedNode, String)>, StoreError> {
        let mut hits: HashMap<NamedNode, usize> = HashMap::new();
        for band in bands {
            let literal = oxigraph::model::Literal::new_simple_literal(band);
            for q in self.store.quads_for_pattern(None, Some(vocab::ng::LSH_BAND), Some(literal.as_ref().into()), None)
            {
                if let oxigraph::model::NamedOrBlankNode::NamedNode(a) = q?.subject {
                    *hits.entry(a).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(NamedNode, usize)> = hits.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut out = Vec::new();
        for (a, _) in ranked.into_iter().take(limit) {
            let sig = self
                .store
                .quads_for_pattern(Some(a.as_ref().into()), Some(vocab::ng::MINHASH), None, None)
                .next()
                .transpose()?;
            if let Some(Term::Literal(l)) = sig.map(|q| q.object) {
                out.push((a, l.value().to_string()));
            }
        }
        Ok(out)
    }

    /// (IRI, canonical name, kind) of every entity, and for every article the entities it mentions.
    pub fn entity_table(&self) -> Result<EntityTable, StoreError> {
        let ents = self
            .entities()?
            .into_iter()
            .map(|e| (rdf::entity_iri(&e.id).as_str().to_string(), e.name, e.kind))
            .collect();
        let mut by_article: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for q in self.store.quads_for_pattern(None, Some(vocab::schema::MENTIONS), None, None) {
            let q = q?;
            if let (oxigraph::model::NamedOrBlankNode::NamedNode(a), Term::NamedNode(e)) = (q.subject, q.object) {
                by_article.entry(a.as_str().to_string()).or_default().push(e.as_str().to_string());
            }
        }
        Ok((ents, by_article.into_values().collect()))
    }

    /// Adds quads to the store.
    pub fn insert(&self, quads: &[Quad]) -> Result<(), StoreError> {
        let mut tx = self.store.start_transaction()?;
        tx.extend(quads);
        tx.commit()?;
        Ok(())
    }

    /// Every entity described in the entities graph, for resolution.
    pub fn entities(&self) -> Result<Vec<GlobalEntity>, StoreError> {
        let graph = rdf::entities_graph();
        let mut by: BTreeMap<String, GlobalEntity> = BTreeMap::new();
        let mut classes: BTreeMap<String, (bool, bool, bool)> = BTreeMap::new(); // (person, organization, place)
        for q in self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
            let q = q?;
            let subject = q.subject.to_string();
            let iri = subject.trim_start_matches('<').trim_end_matches('>');
            let Some(id) = rdf::entity_id(iri) else { continue };
            let e = by.entry(id.to_string()).or_insert_with(|| GlobalEntity {
                id: id.to_string(),
                kind: EntityKind::Organization,
                subtype: None,
                name: String::new(),
                surfaces: BTreeSet::new(),
                geo: None,
            });
            let p = q.predicate.as_ref();
            let literal = match &q.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            };
            let object_iri = match &q.object {
                Term::NamedNode(n) => Some(n.as_str().to_string()),
                _ => None,
            };
            if p == oxigraph::model::vocab::rdf::TYPE {
                let t = object_iri.unwrap_or_default();
                let t = NamedNodeRef::new_unchecked(&t);
                let c = classes.entry(id.to_string()).or_default();
                c.0 |= t == vocab::schema::PERSON;
                c.1 |= t == vocab::schema::ORGANIZATION;
                c.2 |= t == vocab::schema::PLACE;
                let sub = [
                    (vocab::schema::COUNTRY, Subtype::Country),
                    (vocab::schema::CITY, Subtype::City),
                    (vocab::schema::STATE, Subtype::State),
                    (vocab::schema::CONTINENT, Subtype::Continent),
                    (vocab::schema::LANDFORM, Subtype::Feature),
                    (vocab::schema::GOVERNMENT_ORGANIZATION, Subtype::Government),
                ];
                if let Some((_, s)) = sub.iter().find(|(iri, _)| *iri == t) {
                    e.subtype = Some(*s);
                }
            } else if p == vocab::schema::NAME {
                e.name = literal.unwrap_or_default();
            } else if p == vocab::schema::ALTERNATE_NAME {
                e.surfaces.extend(literal);
            } else if p == vocab::schema::SAME_AS {
                let id = object_iri
                    .as_deref()
                    .and_then(|s| s.strip_prefix("https://sws.geonames.org/"))
                    .and_then(|s| s.trim_end_matches('/').parse().ok());
                e.geo.get_or_insert(GeoRef::default()).geonames_id = id;
            } else if p == vocab::schema::IDENTIFIER {
                e.geo.get_or_insert(GeoRef::default()).country_code = literal;
            } else if p == vocab::schema::LATITUDE {
                e.geo.get_or_insert(GeoRef::default()).lat = literal.and_then(|s| s.parse().ok());
            } else if p == vocab::schema::LONGITUDE {
                e.geo.get_or_insert(GeoRef::default()).lon = literal.and_then(|s| s.parse().ok());
            }
        }
        // Seats of power carry both the organisation and the place type; the organisation wins.
        for (id, e) in by.iter_mut() {
            let (person, org, place) = classes.get(id).copied().unwrap_or_default();
            if org && place {
                e.subtype = Some(Subtype::Seat);
            }
            e.kind = if person {
                EntityKind::Person
            } else if org {
                EntityKind::Organization
            } else {
                EntityKind::Place
            };
        }
        Ok(by.into_values().collect())
    }

    /// Content digest -> article identifier, for every stored article.
    pub fn digests(&self) -> Result<HashMap<String, String>, StoreError> {
        let mut out = HashMap::new();
        let q = format!(
            "SELECT ?id ?d WHERE {{ GRAPH ?g {{ ?a <{}> ?id ; <{}> ?d }} }}",
            vocab::dct::IDENTIFIER.as_str(),
            vocab::ng::CONTENT_DIGEST.as_str()
        );
        if let QueryResults::Solutions(sols) = self.query(&q)? {
            for s in sols {
                let s = s.map_err(|e| StoreError::Query(e.to_string()))?;
                if let (Some(Term::Literal(id)), Some(Term::Literal(d))) = (s.get("id"), s.get("d")) {
                    out.insert(d.value().to_string(), id.value().to_string());
                }
            }
        }
        Ok(out)
    }

    /// Runs a SPARQL query with the contract's prefixes pre-declared.
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        let mut ev = SparqlEvaluator::new();
        for (p, iri) in vocab::PREFIXES {
            ev = ev.with_prefix(*p, *iri).map_err(|e| StoreError::Query(e.to_string()))?;
        }
        let mut prepared = ev.parse_query(query).map_err(|e| StoreError::Query(e.to_string()))?;
        // Without FROM, the default graph is the union of all graphs: every article and the entity table.
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        prepared.on_store(&self.store).execute().map_err(|e| StoreError::Query(e.to_string()))
    }

    /// Writes the store: datasets formats keep the per-article graphs, triple formats write their union.
    pub fn dump(&self, format: RdfFormat, w: &mut dyn Write) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let mut ser = RdfSerializer::from_format(format);
        for (p, iri) in vocab::PREFIXES {
            ser = ser.with_prefix(*p, *iri)?;
        }
        let mut ser = ser.for_writer(w);
        if format.supports_datasets() {
            for q in self.store.iter() {
                ser.serialize_quad(&restore_datatype(q?))?;
            }
        } else {
            let mut seen = BTreeSet::new();
            for q in self.store.iter() {
                let q = restore_datatype(q?);
                let t = oxigraph::model::Triple::new(q.subject, q.predicate, q.object);
                if seen.insert(t.to_string()) {
                    ser.serialize_triple(&t)?;
                }
            }
        }
        ser.finish()?;
        Ok(())
    }

    pub fn stats(&self) -> Result<Stats, StoreError> {
        let mut st = Stats { triples: self.store.len()?, ..Default::default() };
        let count = |q: &str| -> Result<usize, StoreError> {
            if let QueryResults::Solutions(mut s) = self.query(q)?
                && let Some(Ok(row)) = s.next()
                && let Some(Term::Literal(l)) = row.get("n")
            {
                return Ok(l.value().parse().unwrap_or(0));
            }
            Ok(0)
        };
        st.articles = count("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle } }")?;
        st.quotes = count("SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { GRAPH ?g { ?q a schema:Quotation } }")?;
        for (label, class) in [("people", "Person"), ("organizations", "Organization"), ("places", "Place")] {
            let n = count(&format!(
                "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{}> {{ ?e a schema:{class} }} }}",
                rdf::entities_graph().as_str()
            ))?;
            st.entities.insert(label.to_string(), n);
        }
        Ok(st)
    }
}

/// Oxigraph stores every integer subtype as xsd:integer; NIF offsets are
/// xsd:nonNegativeInteger in the contract, so they get their type back on the way out.
fn restore_datatype(q: Quad) -> Quad {
    let offset = q.predicate.as_ref() == vocab::nif::BEGIN_INDEX || q.predicate.as_ref() == vocab::nif::END_INDEX;
    match &q.object {
        Term::Literal(l) if offset && l.datatype() == oxigraph::model::vocab::xsd::INTEGER => {
            let object = oxigraph::model::Literal::new_typed_literal(l.value(), vocab::xsd::NON_NEGATIVE_INTEGER);
            Quad::new(q.subject.clone(), q.predicate.clone(), object, q.graph_name.clone())
        }
        _ => q,
    }
}
