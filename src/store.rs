//! The only user of oxigraph's `Store`: open, lock, load, replace graphs,
//! query, dump, and persist.
//!
//! The default build keeps oxigraph's in-memory store and persists it in the
//! store folder as a base snapshot (`graph.nq`, N-Quads, written atomically:
//! temporary file, fsync, rename, fsync of the folder) and a log of what each
//! later write changed (`graph.log`, checksummed segments appended and
//! fsynced), compacted into a new base when it would outgrow it. Internal
//! per-article records travel in the same files (graph `graph/internal`) but
//! are kept in [`Index`], never in the query store. A lock file keeps a
//! second writer out with a clear message.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedNodeRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::model::{Article, EntityKind, GeoRef, Subtype};
use crate::rdf::{self, vocab};
use crate::resolve::claims::QuoteRef;
use crate::resolve::keys::KeyIndex;
use crate::resolve::summary::Summary;
use crate::resolve::{EntityRecord, GlobalEntity, similar};

pub(crate) const DATA_FILE: &str = "graph.nq";
pub(crate) const LOG_FILE: &str = "graph.log";
pub(crate) const SEGMENT: &str = "@segment";
pub(crate) const LOCK_FILE: &str = "lock";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {dir} is in use by another newsgraph process (lock {lock})")]
    Locked { dir: PathBuf, lock: PathBuf },
    #[error("store {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("no store at {dir} (create one with: newsgraph ingest --store {dir} PATH...)")]
    Missing { dir: PathBuf },
    #[error(
        "store {path} is not valid N-Quads: {message} (`newsgraph check` lists the damage, `newsgraph repair` keeps what can be read)"
    )]
    Corrupt { path: PathBuf, message: String },
    #[error("unknown store backend {0:?} (NEWSGRAPH_BACKEND): memory or rocksdb")]
    UnknownBackend(String),
    #[error("store {dir} is a {} store; it cannot be opened as a {} store", recorded.name(), requested.name())]
    OtherBackend { dir: PathBuf, recorded: Backend, requested: Backend },
    #[error("store {dir} uses the {} backend, which this newsgraph was built without (rebuild with: cargo build --release --features rocksdb)", backend.name())]
    Unavailable { dir: PathBuf, backend: Backend },
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("{0}")]
    Query(String),
    #[error(transparent)]
    Remote(#[from] crate::remote::RemoteError),
}

/// How long a RocksDB reader keeps retrying an opening that fails while a writer switches files.
pub const READER_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// Every entity as (IRI, canonical name, kind), and the entity IRIs each article mentions.
pub type EntityTable = (Vec<(String, String, EntityKind)>, Vec<Vec<String>>);

/// Whether the caller will change the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// Which engine holds a store: chosen when the store is created and recorded in
/// its folder (file `backend`), so that opening picks the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Oxigraph's in-memory store, persisted as `graph.nq` plus `graph.log` (no system packages needed).
    Memory,
    /// Oxigraph's RocksDB store on disk (cargo feature `rocksdb`): instant opening, bounded memory.
    RocksDb,
    /// A SPARQL server (`--store http://...`), through the W3C protocols (`remote.rs`).
    Remote,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Memory => "memory",
            Backend::RocksDb => "rocksdb",
            Backend::Remote => "SPARQL server",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "memory" => Some(Backend::Memory),
            "rocksdb" => Some(Backend::RocksDb),
            _ => None,
        }
    }

    /// Whether this build of newsgraph can open stores of this kind.
    pub fn available(self) -> bool {
        self != Backend::RocksDb || cfg!(feature = "rocksdb")
    }

    /// The backend `$NEWSGRAPH_BACKEND` asks for new stores, if any.
    pub fn from_env() -> Result<Option<Self>, StoreError> {
        match std::env::var("NEWSGRAPH_BACKEND") {
            Ok(v) if !v.trim().is_empty() => Backend::parse(&v).map(Some).ok_or(StoreError::UnknownBackend(v)),
            _ => Ok(None),
        }
    }
}

const BACKEND_FILE: &str = "backend";
#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
const ROCKS_DIR: &str = "rocksdb";
#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
const RECORDS_DIR: &str = "index";
pub(crate) const UNFINISHED_FILE: &str = "unfinished";
const GENERATION_FILE: &str = "generation";

pub struct GraphStore {
    /// The query store (a cheap handle: clones share it). Swapped when a reader sees new commits.
    inner: RwLock<Store>,
    backend: Backend,
    dir: PathBuf,
    /// The write lock's file (none for a SPARQL server).
    lock: Option<File>,
    /// Whether this handle holds the write lock (else it reads, and follows the writer's commits).
    writer: AtomicBool,
    /// Internal per-article data (digest, signature, entity records, links): never in the public graph.
    /// Loaded by writers only.
    index: RwLock<Index>,
    /// Memory backend: changes to the query store since the last save, in order: the next log segment.
    /// None when the next save rewrites the base anyway (no base yet, or too many changes).
    pending: Mutex<Option<Vec<Op>>>,
    /// RocksDB backend, writer: the internal records, in a store of their own beside the query store.
    records: Mutex<Option<Store>>,
    /// RocksDB backend: changes since the last save are in the store but not yet all of them.
    unfinished: AtomicBool,
    /// RocksDB backend: the last writer stopped between two saves (killed): cross-article graphs need rebuilding.
    repair: AtomicBool,
    /// What a reader last saw of the writer's files.
    seen: Mutex<Seen>,
    /// Remote backend: the server.
    remote: Option<crate::remote::Remote>,
    /// Remote backend: speakers' quotations read ahead in one query (`prefetch_quotations`).
    prefetched: Mutex<HashMap<NamedNode, Vec<QuoteRef>>>,
    /// RocksDB backend: article graphs new to the store, being bulk-loaded in the background
    /// (`replace_graphs_from`) until `finish_loads`.
    loading: Mutex<Option<Loading>>,
}

/// A bulk load running beside the writer: oxigraph's loader builds the sorted files of one
/// batch of new article graphs while the writer makes the next, and adds them all to the
/// store at once when the writer asks (`GraphStore::finish_loads`). Until then the graphs
/// are not in the store: a graph written again first waits for the load.
struct Loading {
    batches: Option<std::sync::mpsc::SyncSender<Vec<Quad>>>,
    thread: Option<std::thread::JoinHandle<Result<(), StoreError>>>,
    graphs: HashSet<NamedNode>,
}

impl Loading {
    fn start(store: Store) -> Self {
        // One batch waiting beside the one being loaded: memory stays bounded.
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Quad>>(1);
        let thread = std::thread::spawn(move || {
            let mut loader = bulk_loader(&store);
            for batch in receive {
                loader.load_quads(batch)?;
            }
            loader.commit()?;
            Ok(())
        });
        Loading { batches: Some(send), thread: Some(thread), graphs: HashSet::new() }
    }

    /// Queues a batch; false when the loading thread has stopped (its error is `finish`'s).
    fn send(&mut self, batch: Vec<Quad>) -> bool {
        self.batches.as_ref().is_some_and(|b| b.send(batch).is_ok())
    }

    /// Waits for every queued batch to be loaded and added to the store.
    fn finish(&mut self) -> Result<(), StoreError> {
        self.batches = None;
        match self.thread.take().map(std::thread::JoinHandle::join) {
            None => Ok(()),
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(StoreError::Query("the background bulk load panicked".into())),
        }
    }
}

impl Drop for Loading {
    fn drop(&mut self) {
        // A change abandoned by an error: what was queued is still added, as the graphs
        // written before the error were.
        let _ = self.finish();
    }
}

/// A reader's view of the store files: when they change, it loads what is new.
#[derive(Debug, Default, Clone, PartialEq)]
struct Seen {
    base: Option<(u64, Option<std::time::SystemTime>)>,
    log_offset: usize,
    generation: String,
}

/// One change to the query store, as the log records it.
#[derive(Debug, Clone)]
enum Op {
    Clear(NamedNode),
    Add(Quad),
    Remove(Quad),
}

/// Oxigraph's bulk loader with bounded memory: it sorts a batch of quads per thread in memory
/// (by default a million quads each, about 0.4 GB per thread for our graphs); smaller batches
/// keep the peak of a large ingest low for a few more sorted files ($NEWSGRAPH_BULK_MB).
fn bulk_loader(store: &Store) -> oxigraph::store::BulkLoader<'_> {
    let mb = std::env::var("NEWSGRAPH_BULK_MB").ok().and_then(|v| v.parse().ok()).filter(|&n: &usize| n > 0);
    store.bulk_loader().with_max_memory_size_in_megabytes(mb.unwrap_or(BULK_MEMORY_MB))
}

/// The bulk loader's memory budget (megabytes, all threads).
const BULK_MEMORY_MB: usize = 512;

/// Entities whose article counts one query reads.
const COUNT_CHUNK: usize = 1000;

/// Below this many quads of new graphs, one transaction is quicker than the bulk loader.
const BULK_MIN_QUADS: usize = 10_000;

/// What the store keeps of each article outside the public graph, to
/// recompute cross-article facts when the set of articles changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleIndex {
    /// dct:identifier.
    pub id: String,
    pub digest: String,
    pub minhash: Vec<u32>,
    /// The article's entities as resolution needs them, in extraction order.
    pub entities: Vec<EntityRecord>,
    /// For each entity of `entities`: (global id, canonical name) its article graph was written with.
    pub links: Vec<(String, String)>,
    /// IRIs of the closest near duplicates (at most MAX_LINKS), as last computed.
    pub near: Vec<String>,
    /// The resolution keys of each of `entities` (`resolve::keys::keys_of`), kept with the
    /// record so that a writer opening the store does not compute them again; empty until
    /// [`Index::insert`] (or reading the record) computes them.
    pub keys: Vec<Box<[u64]>>,
    /// `graph_digest` of the article graph as last written (None in records written before
    /// it was kept): a rewrite whose old graph, made again in memory from the old links,
    /// has this digest need not read the stored graph to know what changes.
    pub graph: Option<u64>,
}

fn subtype_name(s: Subtype) -> String {
    format!("{s:?}")
}

fn subtype_from(s: &str) -> Option<Subtype> {
    [
        Subtype::Country,
        Subtype::City,
        Subtype::State,
        Subtype::Region,
        Subtype::Continent,
        Subtype::Feature,
        Subtype::Government,
        Subtype::Seat,
    ]
    .into_iter()
    .find(|x| subtype_name(*x) == s)
}

/// An internal record as JSON: one definition of the format for writing and reading. Fields
/// are in alphabetical order, the order the records were first written in.
#[derive(serde::Serialize, serde::Deserialize)]
struct RecordJson {
    d: String,
    e: Vec<EntityJson>,
    /// `ArticleIndex::graph` in hexadecimal (absent in records written before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    h: Option<String>,
    id: String,
    /// The entities' resolution keys: the version of `resolve::record_keys` that made them,
    /// and each entity's keys in hexadecimal (absent in records written before; keys of
    /// another version are computed again on reading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    k: Option<(u32, Vec<String>)>,
    l: Vec<(String, String)>,
    m: String,
    near: Vec<String>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct EntityJson {
    g: Option<GeoJson>,
    /// "p" person, "o" organisation, "l" place.
    k: String,
    n: String,
    s: BTreeSet<String>,
    t: Option<String>,
}

/// GeoNames id, country code, latitude, longitude.
type GeoJson = (Option<u64>, Option<String>, Option<f64>, Option<f64>);

impl ArticleIndex {
    pub fn to_json(&self) -> String {
        let e = self
            .entities
            .iter()
            .map(|e| EntityJson {
                g: e.geo.as_ref().map(|g| (g.geonames_id, g.country_code.clone(), g.lat, g.lon)),
                k: kind_code(e.kind).to_string(),
                n: e.name.clone(),
                s: e.surfaces.clone(),
                t: e.subtype.map(subtype_name),
            })
            .collect();
        let record = RecordJson {
            d: self.digest.clone(),
            e,
            id: self.id.clone(),
            k: (self.keys.len() == self.entities.len()).then(|| {
                let hex = |ks: &[u64]| ks.iter().map(|k| format!("{k:016x}")).collect::<String>();
                (crate::resolve::KEYS_VERSION, self.keys.iter().map(|ks| hex(ks)).collect())
            }),
            h: self.graph.map(|h| format!("{h:016x}")),
            l: self.links.clone(),
            m: similar::to_hex(&self.minhash),
            near: self.near.clone(),
        };
        serde_json::to_string(&record).unwrap_or_default()
    }

    /// Parsed into typed fields straight away: a writer reads one record per stored article
    /// when it opens the store, and a generic JSON tree is several times slower to build.
    pub fn from_json(s: &str) -> Option<Self> {
        let r: RecordJson = serde_json::from_str(s).ok()?;
        let entities = r
            .e
            .into_iter()
            .map(|e| EntityRecord {
                kind: kind_from(&e.k),
                subtype: e.t.as_deref().and_then(subtype_from),
                name: e.n,
                surfaces: e.s,
                geo: e.g.map(|(geonames_id, country_code, lat, lon)| GeoRef { geonames_id, country_code, lat, lon }),
            })
            .collect::<Vec<EntityRecord>>();
        let stored = r.k.filter(|(v, ks)| *v == crate::resolve::KEYS_VERSION && ks.len() == entities.len());
        let keys = match stored {
            Some((_, ks)) => ks
                .iter()
                .map(|h| {
                    (h.len() % 16 == 0 && h.is_ascii())
                        .then(|| {
                            (0..h.len() / 16).map(|i| u64::from_str_radix(&h[i * 16..i * 16 + 16], 16).ok()).collect()
                        })
                        .flatten()
                })
                .collect::<Option<Vec<Box<[u64]>>>>()?,
            None => crate::resolve::keys::keys_of(&entities),
        };
        Some(Self {
            id: r.id,
            digest: r.d,
            minhash: similar::from_hex(&r.m)?,
            entities,
            links: r.l,
            near: r.near,
            keys,
            graph: r.h.and_then(|h| u64::from_str_radix(&h, 16).ok()),
        })
    }
}

/// An entity summary as JSON (RocksDB's internal store): fields in alphabetical order.
#[derive(serde::Serialize, serde::Deserialize)]
struct SummaryJson {
    /// The first record: article IRI, position, name.
    f: (String, usize, String),
    /// The entity's GeoNames reference and subtype, then the first record's.
    g: (Option<GeoJson>, Option<String>),
    gf: (Option<GeoJson>, Option<String>),
    id: String,
    k: String,
    n: String,
    /// Record names with their counts.
    r: Vec<(String, usize)>,
    /// Names borne, with their counts and first bearer (article IRI, position).
    s: Vec<(String, usize, String, usize)>,
}

fn kind_code(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "p",
        EntityKind::Organization => "o",
        EntityKind::Place => "l",
    }
}

fn kind_from(s: &str) -> EntityKind {
    match s {
        "p" => EntityKind::Person,
        "o" => EntityKind::Organization,
        _ => EntityKind::Place,
    }
}

fn summary_to_json(x: &Summary) -> String {
    let geo = |g: &Option<GeoRef>, t: Option<Subtype>| {
        (g.as_ref().map(|g| (g.geonames_id, g.country_code.clone(), g.lat, g.lon)), t.map(subtype_name))
    };
    serde_json::to_string(&SummaryJson {
        f: (x.first.0.clone(), x.first.1, x.first_name.clone()),
        g: geo(&x.geo, x.subtype),
        gf: geo(&x.first_geo, x.first_subtype),
        id: x.id.clone(),
        k: kind_code(x.kind).to_string(),
        n: x.name.clone(),
        r: x.names.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        s: x.strings.iter().map(|(k, (n, p))| (k.clone(), *n, p.0.clone(), p.1)).collect(),
    })
    .unwrap_or_default()
}

#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
fn summary_from_json(s: &str) -> Option<Summary> {
    let j: SummaryJson = serde_json::from_str(s).ok()?;
    let geo = |(g, t): (Option<GeoJson>, Option<String>)| {
        let g = g.map(|(geonames_id, country_code, lat, lon)| GeoRef { geonames_id, country_code, lat, lon });
        (g, t.as_deref().and_then(subtype_from))
    };
    let ((geo, subtype), (first_geo, first_subtype)) = (geo(j.g), geo(j.gf));
    Some(Summary {
        id: j.id,
        kind: kind_from(&j.k),
        subtype,
        geo,
        first_subtype,
        first_geo,
        name: j.n,
        first: (j.f.0, j.f.1),
        first_name: j.f.2,
        names: j.r.into_iter().collect(),
        strings: j.s.into_iter().map(|(k, n, i, l)| (k, (n, (i, l)))).collect(),
    })
}

/// The summaries of the stored entities (`resolve::summary`: every place and organisation),
/// by id, and those changed since the last save.
#[derive(Debug, Default)]
struct Summaries {
    by_id: HashMap<String, Summary>,
    /// Every summary is in `by_id` (built from every record); else (RocksDB) those read by
    /// id or set, `looked` naming them (a summary read and found absent included).
    all: bool,
    looked: HashSet<String>,
    /// RocksDB: entities whose stored summary is to be written again (or removed).
    dirty: BTreeSet<String>,
}

impl Summaries {
    fn set(&mut self, id: &str, s: Option<Summary>) {
        self.looked.insert(id.to_string());
        if self.by_id.get(id) == s.as_ref() {
            return;
        }
        match s {
            Some(s) => self.by_id.insert(id.to_string(), s),
            None => self.by_id.remove(id),
        };
        self.dirty.insert(id.to_string());
    }
}

/// The stamp of the summaries' format in the internal store (RocksDB): a store without it
/// (written before them, by a newsgraph that does not keep them, or that kept them only for
/// places with a GeoNames id: "summaries 1") has them built again from every record when a
/// writer opens it.
const SUMMARIES_STAMP: &str = "summaries 2";

/// An article under one band: its IRI and its signature (shared by its 32 bands).
type BandEntry = (std::sync::Arc<str>, std::sync::Arc<[u32]>);

/// The internal index of the stored articles, with inverted indices of LSH bands, content
/// digests and resolution keys.
///
/// In-memory and server backends: every record is read when a writer opens the store.
/// RocksDB backend: the records stay on disk (the `index/` store) beside postings that
/// answer "which articles have digest D, share band B, hold resolution key K, name a place
/// of country C" (`ng:indexPosting`); a writer reads only the records those lookups return
/// (`fetch_*`), and `articles` holds what was read or changed. A large change reads every
/// record once (`load_all`) and looks nothing up after.
#[derive(Debug, Default)]
pub struct Index {
    /// The records read or changed (every record unless `disk` is set).
    pub articles: BTreeMap<String, ArticleIndex>,
    /// Band key -> the articles indexed under it (shared IRIs: an article is under 32 bands).
    bands: HashMap<u64, Vec<BandEntry>>,
    digests: HashMap<String, String>,
    /// Articles whose record changed since the last save.
    dirty: BTreeSet<String>,
    /// Resolution keys of every record in `articles`, built on the first write that needs
    /// them (RocksDB: from the start, as records are read).
    keys: Option<KeyIndex>,
    /// RocksDB writer: the records on disk not all read yet.
    disk: Option<Disk>,
    /// RocksDB writer: the store's postings are of another layout (or absent): the next save
    /// writes every article's postings again.
    repost: bool,
    /// Entity summaries (`resolve::summary`): all of them once built from every record
    /// (memory and server backends, on the first change) or read (RocksDB, on opening).
    summaries: Option<Summaries>,
    /// RocksDB writer: the index keeps each lookup key's owner (`owner_posting`).
    owners: bool,
    /// RocksDB writer: articles whose entity records changed since the last save, with the
    /// records stored for them (None: no record stored). The owners of the keys they bear
    /// or bore are set again on saving.
    rebear: HashMap<String, Option<Vec<EntityRecord>>>,
}

/// RocksDB writer: the internal store, and what of it was read.
struct Disk {
    store: Store,
    path: PathBuf,
    /// Stored articles, this writer's changes included.
    count: usize,
    /// Articles whose stored record was read (or found absent): `articles` speaks for them.
    looked: HashSet<String>,
    /// Postings already read (`posting` values).
    fetched: HashSet<String>,
    /// Side keys' postings read in part: the holders not read yet (`Index::component`).
    partial: HashMap<String, Vec<String>>,
    lookups: Lookups,
}

/// The index store's look-ups, prepared once. Asked through SPARQL rather than by quad
/// pattern because the evaluator decodes only the variable asked for: a quad read decodes
/// all four terms, a RocksDB read of the string table for each IRI or long literal.
struct Lookups {
    /// ?s: the articles holding posting ?v.
    holders: oxigraph::sparql::PreparedSparqlQuery,
    /// ?o: the record of article ?s.
    record: oxigraph::sparql::PreparedSparqlQuery,
    /// ?o: the summary of entity ?s.
    summary: oxigraph::sparql::PreparedSparqlQuery,
}

impl Lookups {
    fn new() -> Self {
        let prepare = |q: String| SparqlEvaluator::new().parse_query(&q).expect("the index look-ups parse");
        let internal = rdf::internal_graph();
        let object_of = |p: NamedNodeRef<'_>| {
            prepare(format!(
                "SELECT ?s ?o WHERE {{ GRAPH <{}> {{ ?s <{}> ?o }} }} LIMIT 1",
                internal.as_str(),
                p.as_str()
            ))
        };
        Lookups {
            holders: prepare(format!("SELECT ?s ?v WHERE {{ ?s <{}> ?v }}", vocab::ng::INDEX_POSTING.as_str())),
            record: object_of(vocab::ng::INDEX_RECORD),
            summary: object_of(vocab::ng::ENTITY_SUMMARY),
        }
    }

    /// `query` with ?`input` bound to `to` (oxigraph binds only a variable the query selects).
    fn bind(
        query: &oxigraph::sparql::PreparedSparqlQuery,
        input: &str,
        to: Term,
    ) -> oxigraph::sparql::PreparedSparqlQuery {
        query.clone().substitute_variable(oxigraph::model::Variable::new_unchecked(input), to)
    }

    /// The values of `var` in the answers of `query` with ?`input` bound to `to`.
    fn answers(
        store: &Store,
        query: &oxigraph::sparql::PreparedSparqlQuery,
        input: &str,
        to: Term,
        var: &str,
    ) -> Result<Vec<Term>, StoreError> {
        Self::values(Self::bind(query, input, to).on_store(store).execute(), var)
    }

    /// `answers`, read in a transaction (its own changes included).
    fn answers_in(
        tx: &oxigraph::store::Transaction<'_>,
        query: &oxigraph::sparql::PreparedSparqlQuery,
        input: &str,
        to: Term,
        var: &str,
    ) -> Result<Vec<Term>, StoreError> {
        Self::values(Self::bind(query, input, to).on_transaction(tx).execute(), var)
    }

    fn values(
        results: Result<QueryResults<'_>, oxigraph::sparql::QueryEvaluationError>,
        var: &str,
    ) -> Result<Vec<Term>, StoreError> {
        let QueryResults::Solutions(rows) = results.map_err(|e| StoreError::Query(e.to_string()))? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for row in rows {
            let row = row.map_err(|e| StoreError::Query(e.to_string()))?;
            out.extend(row.get(var).cloned());
        }
        Ok(out)
    }
}

impl std::fmt::Debug for Disk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Disk({} articles, {} read)", self.count, self.looked.len())
    }
}

/// The layout of the postings and the resolution keys' version: a store whose stamp differs
/// is indexed again once, when a writer opens it.
fn postings_layout() -> String {
    format!("layout:2 keys:{}", crate::resolve::KEYS_VERSION)
}

/// The subject under which the internal store keeps its layout stamp and article count.
fn meta_node() -> NamedNode {
    rdf::internal_graph()
}

fn key_posting(k: u64) -> String {
    format!("k:{k:016x}")
}

fn band_posting(b: u64) -> String {
    format!("b:{b:016x}")
}

fn digest_posting(d: &str) -> String {
    format!("d:{d}")
}

fn country_posting(cc: &str) -> String {
    format!("c:{cc}")
}

/// The owner of a lookup key (`summary::bearer_keys`): the first article, in IRI order, with
/// a record bearing the lookup (layout 2). One posting per key, kept with every change.
fn owner_posting(k: u64) -> String {
    format!("o:{k:016x}")
}

fn is_owner_posting(q: &Quad) -> bool {
    matches!(&q.object, Term::Literal(l) if l.value().starts_with("o:"))
}

fn posting_quad(iri: &str, value: String) -> Quad {
    Quad::new(
        NamedNode::new_unchecked(iri),
        vocab::ng::INDEX_POSTING,
        oxigraph::model::Literal::new_simple_literal(value),
        GraphName::DefaultGraph,
    )
}

/// Whether one of these records bears a lookup of key `k`.
fn bears(records: &[EntityRecord], k: u64) -> bool {
    records.iter().any(|r| crate::resolve::summary::bearer_keys(r).contains(&k))
}

/// An article's postings (default graph of the internal store): its digest, bands, every
/// resolution key of its records with each key's side key (`resolve::SIDE`: the component
/// walk asks for both), and its places' countries.
fn postings(iri: &str, e: &ArticleIndex) -> Vec<Quad> {
    let mut values: BTreeSet<String> = BTreeSet::new();
    values.insert(digest_posting(&e.digest));
    values.extend(similar::band_keys(&e.minhash).into_iter().map(band_posting));
    for ks in &e.keys {
        values.extend(ks.iter().map(|&k| key_posting(k)));
    }
    for r in &e.entities {
        if let Some(cc) = crate::resolve::keys::place_country(r) {
            values.insert(country_posting(cc));
        }
    }
    let s = NamedNode::new_unchecked(iri);
    values
        .into_iter()
        .map(|v| {
            Quad::new(
                s.clone(),
                vocab::ng::INDEX_POSTING,
                oxigraph::model::Literal::new_simple_literal(v),
                GraphName::DefaultGraph,
            )
        })
        .collect()
}

impl Disk {
    /// The articles with this posting.
    fn holders(&self, value: &str) -> Result<Vec<String>, StoreError> {
        let lit = oxigraph::model::Literal::new_simple_literal(value);
        let found = Lookups::answers(&self.store, &self.lookups.holders, "v", lit.into(), "s")?;
        Ok(found
            .into_iter()
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n.into_string()),
                _ => None,
            })
            .collect())
    }

    /// The stored records of these articles (those that have one), parsed on all cores when many.
    fn read(&self, iris: &[String]) -> Result<Vec<(String, ArticleIndex)>, StoreError> {
        let mut raw: Vec<(String, String)> = Vec::with_capacity(iris.len());
        for iri in iris {
            let node = NamedNode::new_unchecked(iri.clone());
            let found = Lookups::answers(&self.store, &self.lookups.record, "s", node.into(), "o")?;
            if let Some(Term::Literal(l)) = found.into_iter().next() {
                raw.push((iri.clone(), l.value().to_string()));
            }
        }
        self.parse_all(raw)
    }

    /// The stored summary of this entity.
    fn summary(&self, id: &str) -> Result<Option<Summary>, StoreError> {
        let found = Lookups::answers(&self.store, &self.lookups.summary, "s", rdf::entity_iri(id).into(), "o")?;
        match found.into_iter().next() {
            Some(Term::Literal(l)) => self.parse_summary(l.value()).map(Some),
            _ => Ok(None),
        }
    }

    /// Every stored summary.
    fn summaries(&self) -> Result<Vec<Summary>, StoreError> {
        let graph = rdf::internal_graph();
        let mut out = Vec::new();
        for q in self.store.quads_for_pattern(None, Some(vocab::ng::ENTITY_SUMMARY), None, Some(graph.as_ref().into()))
        {
            if let Term::Literal(l) = q?.object {
                out.push(self.parse_summary(l.value())?);
            }
        }
        Ok(out)
    }

    fn parse_summary(&self, json: &str) -> Result<Summary, StoreError> {
        summary_from_json(json)
            .ok_or_else(|| StoreError::Corrupt { path: self.path.clone(), message: "bad entity summary".to_string() })
    }

    fn parse_all(&self, raw: Vec<(String, String)>) -> Result<Vec<(String, ArticleIndex)>, StoreError> {
        use rayon::prelude::*;
        let parse = |(iri, json): (String, String)| {
            ArticleIndex::from_json(&json).map(|e| (iri.clone(), e)).ok_or_else(|| StoreError::Corrupt {
                path: self.path.clone(),
                message: format!("bad internal record for <{iri}>"),
            })
        };
        if raw.len() < 64 { raw.into_iter().map(parse).collect() } else { raw.into_par_iter().map(parse).collect() }
    }
}

impl Index {
    pub fn insert(&mut self, iri: &str, entry: ArticleIndex) {
        debug_assert!(self.disk.as_ref().is_none_or(|d| d.looked.contains(iri)), "{iri} not fetched");
        self.note_rebear(iri);
        if let Some(d) = &mut self.disk
            && !self.articles.contains_key(iri)
        {
            d.count += 1;
        }
        self.insert_read(iri, entry);
        self.dirty.insert(iri.to_string());
    }

    /// RocksDB writer: an article's records are about to change; the first time since the
    /// last save, the records stored for it are kept (those in `articles` are: a record is
    /// read before it changes, and only `insert`, `set_entities` and `remove` change records).
    fn note_rebear(&mut self, iri: &str) {
        if self.owners && !self.rebear.contains_key(iri) {
            let old = self.articles.get(iri).map(|e| e.entities.clone());
            self.rebear.insert(iri.to_string(), old);
        }
    }

    /// RocksDB writer: every article's postings and key owners are written anew on the next
    /// save (a repair: records may have been stored without their owners).
    pub fn index_anew(&mut self) {
        if self.owners {
            self.repost = true;
        }
    }

    /// The first article (in IRI order) with a record bearing `look`, its record read
    /// (RocksDB: the key's owner posting and the records changed since; the key's holders
    /// are scanned only when the owner's records changed).
    pub fn first_bearing(&mut self, look: &crate::resolve::summary::Lookup) -> Result<Option<String>, StoreError> {
        let k = look.key();
        self.keys();
        let best = {
            let articles = &self.articles;
            let Some(keys) = self.keys.as_ref() else { return Ok(None) };
            let mut held = keys.holders(k);
            held.sort_unstable();
            held.into_iter()
                .find(|&(i, l)| articles.get(i).and_then(|e| e.entities.get(l)).is_some_and(|r| look.borne_by(r)))
                .map(|(i, _)| i.to_string())
        };
        let Some(d) = &self.disk else { return Ok(best) };
        let Some(owner) = d.holders(&owner_posting(k))?.into_iter().min() else { return Ok(best) };
        if !self.rebear.contains_key(&owner) {
            // Stored and unchanged: it bears the lookup, and no stored article before it does.
            let first = best.map_or(owner.clone(), |b| b.min(owner));
            self.fetch(std::slice::from_ref(&first))?;
            return Ok(Some(first));
        }
        // The owner's records changed: the stored articles not read yet, in order, before `best`.
        let mut rest: Vec<String> = d
            .holders(&key_posting(k))?
            .into_iter()
            .filter(|i| !d.looked.contains(i) && best.as_ref().is_none_or(|b| i < b))
            .collect();
        rest.sort_unstable();
        for part in rest.chunks(8) {
            self.fetch(part)?;
            if let Some(i) = part.iter().find(|i| self.articles.get(*i).is_some_and(|e| bears(&e.entities, k))) {
                return Ok(Some(i.clone()));
            }
        }
        Ok(best)
    }

    /// The owner of every lookup key the stored records bear (the index complete).
    fn all_owners(&self) -> HashMap<u64, &str> {
        use rayon::prelude::*;
        let per: Vec<(&str, Vec<u64>)> = self
            .articles
            .par_iter()
            .map(|(iri, e)| {
                let mut ks: Vec<u64> = e.entities.iter().flat_map(crate::resolve::summary::bearer_keys).collect();
                ks.sort_unstable();
                ks.dedup();
                (iri.as_str(), ks)
            })
            .collect();
        let mut out: HashMap<u64, &str> = HashMap::new();
        for (iri, ks) in per {
            for k in ks {
                out.entry(k).and_modify(|o| *o = (*o).min(iri)).or_insert(iri);
            }
        }
        out
    }

    /// Indexes a record as read (not changed: it is not saved again).
    fn insert_read(&mut self, iri: &str, mut entry: ArticleIndex) {
        self.forget(iri);
        if entry.keys.len() != entry.entities.len() {
            entry.keys = crate::resolve::keys::keys_of(&entry.entities);
        }
        let shared: std::sync::Arc<str> = iri.into();
        let sig: std::sync::Arc<[u32]> = entry.minhash.as_slice().into();
        for b in similar::band_keys(&entry.minhash) {
            self.bands.entry(b).or_default().push((shared.clone(), sig.clone()));
        }
        self.digests.insert(entry.digest.clone(), iri.to_string());
        if let Some(k) = &mut self.keys {
            k.add_keyed(iri, &entry.entities, entry.keys.clone());
        }
        if let Some(d) = &mut self.disk {
            d.looked.insert(iri.to_string());
        }
        self.articles.insert(iri.to_string(), entry);
    }

    /// One article's record, to change (it will be saved).
    pub fn entry_mut(&mut self, iri: &str) -> Option<&mut ArticleIndex> {
        let e = self.articles.get_mut(iri)?;
        self.dirty.insert(iri.to_string());
        Some(e)
    }

    /// Sets an article's entity records (found again by a newer extractor).
    pub fn set_entities(&mut self, iri: &str, records: Vec<EntityRecord>) {
        self.note_rebear(iri);
        let keys = crate::resolve::keys::keys_of(&records);
        if let Some(k) = &mut self.keys {
            k.add_keyed(iri, &records, keys.clone());
        }
        if let Some(e) = self.entry_mut(iri) {
            e.entities = records;
            e.keys = keys;
        }
    }

    pub fn remove(&mut self, iri: &str) -> Option<ArticleIndex> {
        debug_assert!(self.disk.as_ref().is_none_or(|d| d.looked.contains(iri)), "{iri} not fetched");
        self.note_rebear(iri);
        let old = self.forget(iri)?;
        self.dirty.insert(iri.to_string());
        if let Some(d) = &mut self.disk {
            d.count -= 1;
        }
        Some(old)
    }

    fn forget(&mut self, iri: &str) -> Option<ArticleIndex> {
        let old = self.articles.remove(iri)?;
        if let Some(k) = &mut self.keys {
            k.remove(iri);
        }
        for b in similar::band_keys(&old.minhash) {
            if let Some(set) = self.bands.get_mut(&b) {
                set.retain(|x| &*x.0 != iri);
                if set.is_empty() {
                    self.bands.remove(&b);
                }
            }
        }
        if self.digests.get(&old.digest).is_some_and(|x| x == iri) {
            self.digests.remove(&old.digest);
        }
        Some(old)
    }

    /// Stored articles.
    pub fn len(&self) -> usize {
        self.disk.as_ref().map_or(self.articles.len(), |d| d.count)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether every stored record is in `articles`.
    pub fn complete(&self) -> bool {
        self.disk.is_none()
    }

    /// RocksDB: reads the stored records of these articles that were not read yet.
    pub fn fetch(&mut self, iris: &[String]) -> Result<(), StoreError> {
        let Some(d) = &mut self.disk else { return Ok(()) };
        let todo: Vec<String> = iris.iter().filter(|i| !d.looked.contains(*i)).cloned().collect();
        if todo.is_empty() {
            return Ok(());
        }
        let read = d.read(&todo)?;
        d.looked.extend(todo);
        for (iri, e) in read {
            self.insert_read(&iri, e);
        }
        Ok(())
    }

    /// RocksDB: reads the records of every article with one of these postings.
    fn fetch_postings(&mut self, values: impl IntoIterator<Item = String>) -> Result<(), StoreError> {
        let Some(d) = &mut self.disk else { return Ok(()) };
        let mut iris: BTreeSet<String> = BTreeSet::new();
        for v in values {
            if d.fetched.contains(&v) {
                continue;
            }
            iris.extend(d.holders(&v)?.into_iter().filter(|i| !d.looked.contains(i)));
            d.fetched.insert(v);
        }
        self.fetch(&iris.into_iter().collect::<Vec<_>>())
    }

    /// RocksDB: reads the records of the articles sharing a band with `sig`.
    pub fn fetch_bands(&mut self, sig: &[u32]) -> Result<(), StoreError> {
        if self.disk.is_none() {
            return Ok(());
        }
        self.fetch_postings(similar::band_keys(sig).into_iter().map(band_posting))
    }

    /// RocksDB: reads the record of the article with this content digest.
    pub fn fetch_digests<'a>(&mut self, digests: impl IntoIterator<Item = &'a str>) -> Result<(), StoreError> {
        if self.disk.is_none() {
            return Ok(());
        }
        self.fetch_postings(digests.into_iter().map(digest_posting).collect::<Vec<_>>())
    }

    /// RocksDB: reads the records of the articles naming a place of these countries.
    pub fn fetch_countries<'a>(&mut self, codes: impl IntoIterator<Item = &'a String>) -> Result<(), StoreError> {
        if self.disk.is_none() {
            return Ok(());
        }
        self.fetch_postings(codes.into_iter().map(|c| country_posting(c)).collect::<Vec<_>>())
    }

    /// RocksDB: reads every stored record not read yet; no lookups on disk after this.
    pub fn load_all(&mut self) -> Result<(), StoreError> {
        let Some(d) = &self.disk else { return Ok(()) };
        let graph = rdf::internal_graph();
        let mut raw = Vec::new();
        for q in d.store.quads_for_pattern(None, Some(vocab::ng::INDEX_RECORD), None, Some(graph.as_ref().into())) {
            let q = q?;
            if let (oxigraph::model::NamedOrBlankNode::NamedNode(n), Term::Literal(l)) = (q.subject, q.object)
                && !d.looked.contains(n.as_str())
            {
                raw.push((n.into_string(), l.value().to_string()));
            }
        }
        crate::update::timing("internal records read");
        let read = d.parse_all(raw)?;
        crate::update::timing("internal records parsed");
        // The stored summaries, so that only those that differ from what every record gives are saved again.
        let stored = d.summaries()?;
        for (iri, e) in read {
            self.insert_read(&iri, e);
        }
        let table = self.summaries.get_or_insert_with(Summaries::default);
        for s in stored {
            if !table.looked.contains(&s.id) {
                table.by_id.insert(s.id.clone(), s);
            }
        }
        self.disk = None;
        crate::update::timing("internal records indexed");
        self.rebuild_summaries();
        Ok(())
    }

    /// The summaries of every stored entity that has one, from every record (`articles`
    /// complete) and the entities their articles were last written with.
    fn built_summaries(&self) -> BTreeMap<String, Summary> {
        let recs = self.articles.iter().flat_map(|(iri, e)| {
            e.entities
                .iter()
                .enumerate()
                .map(move |(l, r)| ((iri.as_str(), l), r, e.links.get(l).map(|x| x.0.as_str()).unwrap_or_default()))
        });
        let mut out = crate::resolve::summary::build(recs);
        // The name the entity was written with: a record's link carries it.
        for e in self.articles.values() {
            for link in &e.links {
                if let Some(s) = out.get_mut(&link.0) {
                    s.name.clone_from(&link.1);
                }
            }
        }
        out
    }

    /// Every record read: the summaries made again from them; those that differ from what
    /// was held (read from the RocksDB store) are saved again.
    fn rebuild_summaries(&mut self) {
        let built = self.built_summaries();
        let table = self.summaries.get_or_insert_with(Summaries::default);
        table.all = true;
        let gone: Vec<String> = table.by_id.keys().filter(|id| !built.contains_key(*id)).cloned().collect();
        for id in gone {
            table.set(&id, None);
        }
        for (id, s) in built {
            table.set(&id, Some(s));
        }
        crate::update::timing("entity summaries built");
    }

    /// Before a change: the summaries of the stored entities, built from every record when
    /// not held yet (memory and server backends).
    pub fn ensure_summaries(&mut self) {
        if self.summaries.is_none() && self.disk.is_none() {
            self.rebuild_summaries();
        }
    }

    /// The summary of this entity (RocksDB: read when first asked for).
    pub fn summary(&mut self, id: &str) -> Result<Option<Summary>, StoreError> {
        let Some(t) = &mut self.summaries else { return Ok(None) };
        if !t.all && !t.looked.contains(id) {
            if let Some(d) = &self.disk
                && let Some(s) = d.summary(id)?
            {
                t.by_id.insert(id.to_string(), s);
            }
            t.looked.insert(id.to_string());
        }
        Ok(t.by_id.get(id).cloned())
    }

    /// Sets (or, None, drops) an entity's summary.
    pub fn set_summary(&mut self, id: &str, s: Option<Summary>) {
        if let Some(t) = &mut self.summaries {
            t.set(id, s);
        }
    }

    /// The entities that have a summary.
    pub fn summary_ids(&self) -> Vec<String> {
        self.summaries.as_ref().map(|t| t.by_id.keys().cloned().collect()).unwrap_or_default()
    }

    /// Every summary, as kept (RocksDB: the stored ones, with this writer's changes;
    /// tests compare them with those built from every record).
    pub fn summaries(&self) -> Result<BTreeMap<String, Summary>, StoreError> {
        let Some(t) = &self.summaries else { return Ok(BTreeMap::new()) };
        let mut out: BTreeMap<String, Summary> = BTreeMap::new();
        if !t.all
            && let Some(d) = &self.disk
        {
            out.extend(d.summaries()?.into_iter().filter(|s| !t.looked.contains(&s.id)).map(|s| (s.id.clone(), s)));
        }
        out.extend(t.by_id.iter().map(|(k, v)| (k.clone(), v.clone())));
        Ok(out)
    }

    /// The summaries built from every record (the index complete: memory backend, or after `load_all`).
    pub fn summaries_from_records(&self) -> BTreeMap<String, Summary> {
        self.built_summaries()
    }

    /// The last record (in resolution order) holding resolution key `k`; on RocksDB, an
    /// article not read yet stands for all its records (position `usize::MAX`).
    pub fn last_holder(&mut self, k: u64) -> Result<Option<(String, usize)>, StoreError> {
        let mut out = self.keys().last_holder(k).map(|(i, l)| (i.to_string(), l));
        if let Some(d) = &self.disk {
            for iri in d.holders(&key_posting(k))? {
                if !d.looked.contains(&iri)
                    && out.as_ref().is_none_or(|o| (iri.as_str(), usize::MAX) > (o.0.as_str(), o.1))
                {
                    out = Some((iri, usize::MAX));
                }
            }
        }
        Ok(out)
    }

    /// The resolution keys of every stored record (built now if not yet).
    pub fn keys(&mut self) -> &KeyIndex {
        if self.keys.is_none() {
            let mut k = KeyIndex::default();
            for (iri, e) in &self.articles {
                k.add_keyed(iri, &e.entities, e.keys.clone());
            }
            self.keys = Some(k);
            crate::update::timing("resolution keys indexed");
        }
        self.keys.get_or_insert_with(KeyIndex::default)
    }

    /// The records connected to `seeds` ([`KeyIndex::component`]), people counted by the
    /// entities their articles were last written with. On RocksDB, the walk is repeated
    /// until every key it looked up was read from disk. A surname's side key (the people
    /// with a given name under it) is read in growing parts, and no further once two
    /// people outside the component are found under it (the surname is then ambiguous
    /// whatever the rest holds): a common surname does not read all its people.
    pub fn component(&mut self, seeds: &[u64]) -> Result<crate::resolve::keys::Component, StoreError> {
        let mut chunk = 8;
        loop {
            self.keys();
            let articles = &self.articles;
            let Some(keys) = self.keys.as_ref() else { return Ok(Default::default()) };
            let c = keys.component(seeds.iter().copied(), |iri, l| {
                articles.get(iri)?.links.get(l).map(|x| x.0.as_str()).filter(|x| !x.is_empty())
            });
            let Some(d) = &mut self.disk else { return Ok(c) };
            let mut whole: Vec<String> = Vec::new();
            let mut some: BTreeSet<String> = BTreeSet::new();
            for (i, &k) in c.walked.iter().chain(&c.counted).enumerate() {
                use crate::resolve::PASSIVE;
                if i < c.walked.len() {
                    // Met passively: its plain holders; plainly: its passive ones too.
                    let plain = key_posting(k & !PASSIVE);
                    let passive = (k & PASSIVE == 0).then(|| key_posting(k | PASSIVE));
                    for v in std::iter::once(plain).chain(passive) {
                        if !d.fetched.contains(&v) {
                            whole.push(v);
                        }
                    }
                    if k & PASSIVE != 0 {
                        continue;
                    }
                }
                let side = key_posting(k | crate::resolve::SIDE);
                if !d.fetched.contains(&side) && !d.partial.contains_key(&side) {
                    let holders = d.holders(&side)?;
                    d.partial.insert(side.clone(), holders);
                }
                if d.partial.get(&side).is_some_and(|h| !h.is_empty()) && !c.ambiguous.contains(&k) {
                    let rest = d.partial.get_mut(&side).map(std::mem::take).unwrap_or_default();
                    let mut rest: Vec<String> = rest.into_iter().filter(|i| !d.looked.contains(i)).collect();
                    let later = rest.split_off(rest.len().min(chunk));
                    some.extend(rest);
                    d.partial.insert(side.clone(), later);
                }
                if d.partial.get(&side).is_some_and(Vec::is_empty) {
                    d.partial.remove(&side);
                    d.fetched.insert(side);
                }
            }
            if whole.is_empty() && some.is_empty() {
                return Ok(c);
            }
            whole.sort_unstable();
            whole.dedup();
            chunk *= 2;
            self.fetch(&some.into_iter().collect::<Vec<_>>())?;
            self.fetch_postings(whole)?;
        }
    }

    /// Visits the records holding resolution key `k` (side keys too) as the index holds them
    /// now, in resolution order (article IRI, position), until `visit` says stop; RocksDB:
    /// the holders' records are read eight articles at a time as the visit goes on, so a
    /// visit that stops early reads few of a common key's holders.
    pub fn visit_holders(
        &mut self,
        k: u64,
        mut visit: impl FnMut((&str, usize), &ArticleIndex) -> bool,
    ) -> Result<(), StoreError> {
        let mut iris: Vec<String> = self.keys().holders(k).into_iter().map(|(i, _)| i.to_string()).collect();
        if let Some(d) = &self.disk {
            iris.extend(d.holders(&key_posting(k))?);
        }
        iris.sort_unstable();
        iris.dedup();
        for part in iris.chunks(8) {
            self.fetch(part)?;
            for iri in part {
                let Some(e) = self.articles.get(iri) else { continue };
                for (l, ks) in e.keys.iter().enumerate() {
                    if ks.contains(&k) && visit((iri, l), e) {
                        return Ok(());
                    }
                }
            }
        }
        Ok(())
    }

    /// The stored article (IRI) with this content digest (RocksDB: after `fetch_digests`).
    pub fn by_digest(&self, digest: &str) -> Option<&str> {
        self.digests.get(digest).map(String::as_str)
    }

    /// Stored articles sharing at least one band with `sig`, with their signatures (kept in
    /// the band index, so that comparing a neighbour needs no look-up of its record; RocksDB:
    /// after `fetch_bands`).
    pub fn band_neighbours(&self, sig: &[u32]) -> rustc_hash::FxHashMap<&str, &[u32]> {
        let mut hits: rustc_hash::FxHashMap<&str, &[u32]> = rustc_hash::FxHashMap::default();
        for b in similar::band_keys(sig) {
            for (a, s) in self.bands.get(&b).into_iter().flatten() {
                hits.insert(&**a, &**s);
            }
        }
        hits
    }
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
    /// Opens (creating if needed, for writing) the store in `dir`; a new store gets
    /// `$NEWSGRAPH_BACKEND`, else the in-memory backend.
    pub fn open(dir: &Path, access: Access) -> Result<Self, StoreError> {
        Self::open_with(dir, access, None)
    }

    /// The backend recorded in a store folder (a folder written before the record is in-memory).
    pub fn recorded_backend(dir: &Path) -> Result<Option<Backend>, StoreError> {
        let path = dir.join(BACKEND_FILE);
        match fs::read_to_string(&path) {
            Ok(s) => Backend::parse(&s).map(Some).ok_or_else(|| StoreError::Corrupt {
                path: path.clone(),
                message: format!("unknown backend {:?}", s.trim()),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok((dir.join(DATA_FILE).exists() || dir.join(LOG_FILE).exists()).then_some(Backend::Memory))
            }
            Err(e) => Err(StoreError::Io { path, source: e }),
        }
    }

    /// Opens the store in `dir`; `requested` is the backend for a new store (an existing
    /// store keeps its own: asking for another is an error).
    pub fn open_with(dir: &Path, access: Access, requested: Option<Backend>) -> Result<Self, StoreError> {
        if let Some(url) = crate::remote::url_of(dir) {
            return Self::open_remote(url, access);
        }
        if access == Access::Read && !dir.is_dir() {
            return Err(StoreError::Missing { dir: dir.to_path_buf() });
        }
        fs::create_dir_all(dir).map_err(io_err(dir))?;
        let lock_path = dir.join(LOCK_FILE);
        let lock =
            OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).map_err(io_err(&lock_path))?;
        // Only writers lock: every write leaves files a reader can open at any moment.
        if access == Access::Write && lock.try_lock().is_err() {
            return Err(StoreError::Locked { dir: dir.to_path_buf(), lock: lock_path });
        }
        let recorded = Self::recorded_backend(dir)?;
        let backend = match (recorded, requested) {
            (Some(b), Some(r)) if b != r => {
                return Err(StoreError::OtherBackend { dir: dir.to_path_buf(), recorded: b, requested: r });
            }
            (Some(b), _) => b,
            (None, Some(r)) => r,
            (None, None) => Backend::from_env()?.unwrap_or(Backend::Memory),
        };
        if !backend.available() {
            return Err(StoreError::Unavailable { dir: dir.to_path_buf(), backend });
        }
        if recorded.is_none() && access == Access::Write {
            let path = dir.join(BACKEND_FILE);
            fs::write(&path, format!("{}\n", backend.name())).map_err(io_err(&path))?;
        }
        let st = Self {
            inner: RwLock::new(Store::new()?),
            backend,
            dir: dir.to_path_buf(),
            lock: Some(lock),
            writer: AtomicBool::new(access == Access::Write),
            index: RwLock::new(Index::default()),
            pending: Mutex::new(None),
            records: Mutex::new(None),
            unfinished: AtomicBool::new(false),
            repair: AtomicBool::new(false),
            seen: Mutex::new(Seen::default()),
            remote: None,
            prefetched: Mutex::new(HashMap::new()),
            loading: Mutex::new(None),
        };
        match (backend, access) {
            (Backend::Memory, _) => st.load_memory(access, true)?,
            (Backend::RocksDb, Access::Write) => st.open_rocksdb_writer()?,
            (Backend::RocksDb, Access::Read) => st.open_rocksdb_reader()?,
            (Backend::Remote, _) => unreachable!("a server is opened by open_remote"),
        }
        Ok(st)
    }

    /// A SPARQL server as the store. A writer reads the internal records from the server and
    /// sees whether the last writer left a write unfinished (then `needs_repair`).
    fn open_remote(url: &str, access: Access) -> Result<Self, StoreError> {
        let remote = crate::remote::Remote::new(url, vocab::BASE, rdf::internal_graph())?;
        let st = Self {
            inner: RwLock::new(Store::new()?),
            backend: Backend::Remote,
            dir: PathBuf::from(url),
            lock: None,
            writer: AtomicBool::new(access == Access::Write),
            index: RwLock::new(Index::default()),
            pending: Mutex::new(None),
            records: Mutex::new(None),
            unfinished: AtomicBool::new(false),
            repair: AtomicBool::new(false),
            seen: Mutex::new(Seen::default()),
            remote: None,
            prefetched: Mutex::new(HashMap::new()),
            loading: Mutex::new(None),
        };
        remote.ping()?;
        if access == Access::Write {
            let mut index = Index::default();
            let predicate = vocab::ng::INDEX_RECORD.into_owned();
            for (iri, record) in remote.records(&predicate)? {
                let entry = ArticleIndex::from_json(&record).ok_or_else(|| StoreError::Corrupt {
                    path: PathBuf::from(url),
                    message: format!("bad internal record for {iri}"),
                })?;
                index.insert(&iri, entry);
            }
            index.dirty.clear();
            let repair = remote.marked(&vocab::ng::UNFINISHED.into_owned())?;
            // Every stored article has a record, unless the last write was cut short.
            if !repair {
                remote.know_graphs(index.articles.keys().cloned());
            }
            *st.index_mut() = index;
            st.repair.store(repair, Ordering::SeqCst);
        }
        Ok(Self { remote: Some(remote), ..st })
    }

    /// Ends a one-shot command: a RocksDB store is closed properly; the rest (a million small
    /// allocations in a large in-memory store, a second or more to free one by one) is left
    /// to the operating system. Everything was saved before; the lock goes with the process.
    pub fn close(self) {
        if self.backend == Backend::RocksDb {
            let index = std::mem::take(&mut *self.index_mut());
            std::mem::forget(index);
            drop(self);
        } else {
            std::mem::forget(self);
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The query store handle.
    fn store(&self) -> Store {
        self.inner.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn file_state(&self) -> Seen {
        let base = fs::metadata(self.dir.join(DATA_FILE)).ok().map(|m| (m.len(), m.modified().ok()));
        let generation = fs::read_to_string(self.dir.join(GENERATION_FILE)).unwrap_or_default();
        Seen { base, log_offset: 0, generation }
    }

    /// Memory backend: loads the base file and the log into a fresh query store and index.
    fn load_memory(&self, access: Access, opening: bool) -> Result<(), StoreError> {
        if access == Access::Write {
            // A compaction killed before its rename leaves its temporary file: never read, dropped.
            let tmp = self.dir.join(format!("{DATA_FILE}.tmp"));
            if tmp.exists() {
                fs::remove_file(&tmp).map_err(io_err(&tmp))?;
            }
        }
        let state = self.file_state();
        let store = Store::new()?;
        let mut index = Index::default();
        let data = self.dir.join(DATA_FILE);
        let base_present = match File::open(&data) {
            Ok(file) => {
                load_base(&store, &mut index, file, &data)?;
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(StoreError::Io { path: data, source: e }),
        };
        let log = self.dir.join(LOG_FILE);
        let mut offset = 0;
        if log.exists() {
            let bytes = fs::read(&log).map_err(io_err(&log))?;
            let good = replay(&store, &mut index, &bytes, &log)?;
            // (A reader catching up may see a segment being written: no warning then.)
            if good < bytes.len() && opening {
                eprintln!(
                    "newsgraph: warning: {}: ignored a torn last segment ({} bytes, an interrupted write); earlier changes are kept",
                    log.display(),
                    bytes.len() - good
                );
            }
            if good < bytes.len() && access == Access::Write {
                let f = OpenOptions::new().write(true).open(&log).map_err(io_err(&log))?;
                f.set_len(good as u64).map_err(io_err(&log))?;
                f.sync_all().map_err(io_err(&log))?;
            }
            offset = good;
        }
        index.dirty.clear();
        crate::update::timing("internal records parsed and indexed");
        *self.inner.write().unwrap_or_else(|e| e.into_inner()) = store;
        *self.index_mut() = index;
        *self.pending.lock().unwrap_or_else(|e| e.into_inner()) = base_present.then(Vec::new);
        *self.seen.lock().unwrap_or_else(|e| e.into_inner()) = Seen { log_offset: offset, ..state };
        Ok(())
    }

    /// RocksDB writer: opens both stores and reads no record yet, when the internal store
    /// holds the postings of this layout (`postings_layout`); a store written before them is
    /// read whole, and every record is saved again with its postings on the next save.
    #[cfg(feature = "rocksdb")]
    fn open_rocksdb_writer(&self) -> Result<(), StoreError> {
        let store = Store::open(self.dir.join(ROCKS_DIR))?;
        let records = Store::open(self.dir.join(RECORDS_DIR))?;
        let path = self.dir.join(RECORDS_DIR);
        let meta = meta_node();
        let mut layout = None;
        let mut count = None;
        let mut summarised = false;
        for q in records.quads_for_pattern(
            Some(meta.as_ref().into()),
            Some(vocab::ng::INDEX_POSTING),
            None,
            Some(GraphNameRef::DefaultGraph),
        ) {
            if let Term::Literal(l) = q?.object {
                match l.value().split_once(' ') {
                    Some(("count", n)) => count = n.parse::<usize>().ok(),
                    Some(("summaries", _)) => summarised = l.value() == SUMMARIES_STAMP,
                    _ => layout = Some(l.value().to_string()),
                }
            }
        }
        let none_stored =
            records.quads_for_pattern(None, Some(vocab::ng::INDEX_RECORD), None, None).next().transpose()?.is_none();
        let mut index = Index::default();
        let current = layout.as_deref() == Some(postings_layout().as_str()) && count.is_some();
        index.keys = Some(KeyIndex::default());
        index.owners = true;
        index.disk = Some(Disk {
            store: records.clone(),
            path,
            count: if none_stored { 0 } else { count.unwrap_or(0) },
            looked: HashSet::new(),
            fetched: HashSet::new(),
            partial: HashMap::new(),
            lookups: Lookups::new(),
        });
        // Entity summaries are read by id when a change needs them (`Index::summary`).
        index.summaries = Some(Summaries::default());
        if !current && !none_stored {
            eprintln!(
                "newsgraph: {}: the store's resolution index was written by an older newsgraph ({}); \
                 indexing it again once, which reads every article's records (minutes on a large store)",
                self.dir.display(),
                layout.as_deref().unwrap_or("no stamp")
            );
            index.load_all()?;
            index.repost = true;
        } else if !summarised && !none_stored {
            // Written before the summaries (or without them): built from every record.
            index.load_all()?;
        }
        crate::update::timing(&format!("internal index opened (postings {layout:?}, {count:?} articles)"));
        *self.inner.write().unwrap_or_else(|e| e.into_inner()) = store;
        *self.index_mut() = index;
        *self.records.lock().unwrap_or_else(|e| e.into_inner()) = Some(records);
        self.repair.store(self.dir.join(UNFINISHED_FILE).exists(), Ordering::SeqCst);
        Ok(())
    }

    #[cfg(not(feature = "rocksdb"))]
    fn open_rocksdb_writer(&self) -> Result<(), StoreError> {
        Err(StoreError::Unavailable { dir: self.dir.clone(), backend: Backend::RocksDb })
    }

    /// A read-only view of the RocksDB store as of now. RocksDB's read-only opening reads the
    /// list of live files (CURRENT, the MANIFEST) and then the files it names; a writer that
    /// compacts or flushes at that moment deletes some of them, and the opening fails with
    /// a missing file. That is transient: it is retried for `READER_DEADLINE`, then the last
    /// error is reported with the folder.
    #[cfg(feature = "rocksdb")]
    fn open_rocksdb_reader(&self) -> Result<(), StoreError> {
        let path = self.dir.join(ROCKS_DIR);
        if !path.exists() {
            return Ok(()); // created, nothing written yet: empty
        }
        let started = std::time::Instant::now();
        let mut pause = std::time::Duration::from_millis(5);
        let (store, state) = loop {
            let state = self.file_state();
            match Store::open_read_only(&path) {
                Ok(s) => break (s, state),
                Err(e) if started.elapsed() < READER_DEADLINE => {
                    crate::update::timing(&format!("read-only opening retried: {e}"));
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(std::time::Duration::from_millis(200));
                }
                Err(e) => {
                    return Err(StoreError::Query(format!(
                        "cannot open the RocksDB store {} for reading (retried for {} s while a writer changed its files): {e}",
                        path.display(),
                        READER_DEADLINE.as_secs()
                    )));
                }
            }
        };
        *self.inner.write().unwrap_or_else(|e| e.into_inner()) = store;
        *self.seen.lock().unwrap_or_else(|e| e.into_inner()) = state;
        Ok(())
    }

    /// A RocksDB reader whose read failed because a file of its view is gone opens a new view
    /// and says so (true): the caller reads again. RocksDB opens at most 16 of a view's table
    /// files when it opens it and the rest when first read, and a writer's compaction deletes
    /// the files it merged, so a reader that opened before a compaction may find a file gone.
    /// Anything else (a writer, another backend, another error) is false.
    pub fn reopen_after(&self, error: &str) -> bool {
        if self.backend != Backend::RocksDb || self.writer.load(Ordering::SeqCst) || self.remote.is_some() {
            return false;
        }
        if !error.contains("No such file or directory") {
            return false;
        }
        crate::update::timing(&format!("a reader's file is gone, view opened again: {error}"));
        self.open_rocksdb_reader().is_ok()
    }

    #[cfg(not(feature = "rocksdb"))]
    fn open_rocksdb_reader(&self) -> Result<(), StoreError> {
        Err(StoreError::Unavailable { dir: self.dir.clone(), backend: Backend::RocksDb })
    }

    /// Keeps reading but lets a writer in: drops the write lock (and RocksDB's own), and from
    /// here on follows what writers commit.
    pub fn downgrade(&self) -> Result<(), StoreError> {
        if !self.writer.swap(false, Ordering::SeqCst) {
            return Ok(());
        }
        let lock = self.dir.join(LOCK_FILE);
        let Some(lock_file) = &self.lock else { return Ok(()) };
        match self.backend {
            Backend::Remote => {}
            Backend::Memory => {
                *self.seen.lock().unwrap_or_else(|e| e.into_inner()) = Seen {
                    log_offset: fs::metadata(self.dir.join(LOG_FILE)).map(|m| m.len() as usize).unwrap_or(0),
                    ..self.file_state()
                }
            }
            Backend::RocksDb => {
                // Close the read-write instance before the lock goes, then read.
                *self.records.lock().unwrap_or_else(|e| e.into_inner()) = None;
                *self.inner.write().unwrap_or_else(|e| e.into_inner()) = Store::new()?;
                *self.index_mut() = Index::default();
                self.open_rocksdb_reader()?;
            }
        }
        lock_file.unlock().map_err(io_err(&lock))
    }

    /// A reader catches up with what writers committed since it last looked (cheap when
    /// nothing changed: a file's size and time). Writers see their own changes already.
    pub fn refresh(&self) -> Result<(), StoreError> {
        if self.writer.load(Ordering::SeqCst) || self.remote.is_some() {
            return Ok(());
        }
        let now = self.file_state();
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner()).clone();
        match self.backend {
            Backend::Remote => {}
            Backend::RocksDb => {
                if now.generation != seen.generation {
                    self.open_rocksdb_reader()?;
                }
            }
            Backend::Memory => {
                let log = self.dir.join(LOG_FILE);
                let log_len = fs::metadata(&log).map(|m| m.len() as usize).unwrap_or(0);
                if now.base != seen.base || log_len < seen.log_offset {
                    // Compacted: a new base.
                    self.load_memory(Access::Read, false)?;
                } else if log_len > seen.log_offset {
                    let bytes = fs::read(&log).map_err(io_err(&log))?;
                    let from = seen.log_offset.min(bytes.len());
                    let good = replay(&self.store(), &mut self.index_mut(), &bytes[from..], &log)?;
                    self.seen.lock().unwrap_or_else(|e| e.into_inner()).log_offset = from + good;
                }
            }
        }
        Ok(())
    }

    /// RocksDB backend: the last writer was killed between two saves; the next write must
    /// rebuild the cross-article graphs (`update::rebuild`).
    pub fn needs_repair(&self) -> bool {
        self.repair.load(Ordering::SeqCst)
    }

    /// Asks the next `migrate` to rebuild the cross-article graphs and index every article
    /// without a record, as after an interrupted write (`newsgraph repair`).
    pub fn request_repair(&self) {
        self.repair.store(true, Ordering::SeqCst);
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        if let Some(r) = &self.remote {
            return Ok(r.is_empty()?);
        }
        self.refresh()?;
        Ok(self.store().is_empty()?)
    }

    pub fn len(&self) -> Result<usize, StoreError> {
        if let Some(r) = &self.remote {
            return Ok(r.len()?);
        }
        self.refresh()?;
        Ok(self.store().len()?)
    }

    /// Persists what changed since the last save. Memory backend: one segment appended to
    /// the log (fsynced), or, when the log would outgrow the base file, a compaction that
    /// rewrites the base and starts an empty log. RocksDB backend: the changed internal
    /// records, then the mark that readers look for.
    pub fn save(&self) -> Result<(), StoreError> {
        if self.backend == Backend::RocksDb {
            return self.save_rocksdb();
        }
        if let Some(r) = &self.remote {
            return self.save_remote(r);
        }
        let Some(body) = self.segment_body() else {
            self.compact()?;
            self.index_mut().dirty.clear();
            *self.pending.lock().unwrap_or_else(|e| e.into_inner()) = Some(Vec::new());
            return Ok(());
        };
        if body.is_empty() {
            return Ok(());
        }
        let data = self.dir.join(DATA_FILE);
        let log = self.dir.join(LOG_FILE);
        let base_len = fs::metadata(&data).map(|m| m.len()).ok();
        let log_len = fs::metadata(&log).map(|m| m.len()).unwrap_or(0);
        match base_len {
            Some(base) if log_len + body.len() as u64 <= base => {
                let mut seg = format!("{SEGMENT} {} {:016x}\n", body.len(), similar::fnv(&body, 0)).into_bytes();
                seg.extend_from_slice(&body);
                let mut f = OpenOptions::new().create(true).append(true).open(&log).map_err(io_err(&log))?;
                if let Err(e) = f.write_all(&seg).and_then(|()| f.sync_all()) {
                    // A full disk: the log goes back to its last whole segment (else the next opening drops the torn one).
                    let _ = f.set_len(log_len).and_then(|()| f.sync_all());
                    return Err(StoreError::Io { path: log, source: e });
                }
                if log_len == 0
                    && let Ok(d) = File::open(&self.dir)
                {
                    let _ = d.sync_all();
                }
            }
            _ => self.compact()?,
        }
        *self.pending.lock().unwrap_or_else(|e| e.into_inner()) = Some(Vec::new());
        self.index_mut().dirty.clear();
        Ok(())
    }

    fn save_rocksdb(&self) -> Result<(), StoreError> {
        self.finish_loads()?;
        let records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        let Some(records) = records.as_ref() else { return Ok(()) };
        {
            let mut idx = self.index_mut();
            let summaries_dirty = idx.summaries.as_ref().is_some_and(|t| !t.dirty.is_empty());
            if idx.dirty.is_empty() && !self.unfinished.load(Ordering::SeqCst) && !idx.repost && !summaries_dirty {
                return Ok(());
            }
            let graph = rdf::internal_graph();
            let stored = |iri: &str| -> Result<bool, StoreError> {
                let node = NamedNodeRef::new_unchecked(iri);
                Ok(records
                    .quads_for_pattern(
                        Some(node.into()),
                        Some(vocab::ng::INDEX_RECORD),
                        None,
                        Some(graph.as_ref().into()),
                    )
                    .next()
                    .transpose()?
                    .is_some())
            };
            // Records new to the store (a fresh ingest's batch), and every article's postings
            // when the store is indexed anew, go through the bulk loader; the rest replace
            // what was stored in one transaction.
            let mut bulk: Vec<Quad> = Vec::new();
            let mut replaced: Vec<&String> = Vec::new();
            if idx.repost {
                records.clear_graph(GraphNameRef::DefaultGraph)?;
                for (iri, e) in &idx.articles {
                    if !idx.dirty.contains(iri) {
                        bulk.extend(postings(iri, e));
                    }
                }
                // Every key's owner, from every record (the index is complete when it is indexed anew).
                for (k, iri) in idx.all_owners() {
                    bulk.push(posting_quad(iri, owner_posting(k)));
                }
                crate::update::timing("key owners found");
            }
            for iri in &idx.dirty {
                match idx.articles.get(iri) {
                    Some(e) if !stored(iri)? => {
                        bulk.push(internal_quad(iri, e));
                        bulk.extend(postings(iri, e));
                    }
                    _ => replaced.push(iri),
                }
            }
            if bulk.len() >= BULK_MIN_QUADS {
                let mut loader = bulk_loader(records);
                loader.load_quads(std::mem::take(&mut bulk))?;
                loader.commit()?;
            }
            let mut tx = records.start_transaction()?;
            for q in &bulk {
                tx.insert(q);
            }
            // Only what differs: a record written again because its links changed keeps its postings
            // (and the keys it owns: set below).
            for iri in replaced {
                let node = NamedNode::new_unchecked(iri.clone());
                let old: HashSet<Quad> = tx
                    .quads_for_pattern(Some(node.as_ref().into()), None, None, None)
                    .filter(|q| q.as_ref().map_or(true, |q| !is_owner_posting(q)))
                    .collect::<Result<_, _>>()?;
                let new: HashSet<Quad> = match idx.articles.get(iri) {
                    Some(e) => std::iter::once(internal_quad(iri, e)).chain(postings(iri, e)).collect(),
                    None => HashSet::new(),
                };
                for q in old.difference(&new) {
                    tx.remove(q);
                }
                for q in new.difference(&old) {
                    tx.insert(q);
                }
            }
            if !idx.repost {
                set_owners(&mut tx, &idx)?;
                crate::update::timing("key owners set");
            }
            // The summaries that changed.
            if let Some(t) = &idx.summaries {
                for id in &t.dirty {
                    let node = rdf::entity_iri(id);
                    let old: Vec<Quad> = tx
                        .quads_for_pattern(
                            Some(node.as_ref().into()),
                            Some(vocab::ng::ENTITY_SUMMARY),
                            None,
                            Some(graph.as_ref().into()),
                        )
                        .collect::<Result<_, _>>()?;
                    for q in &old {
                        tx.remove(q);
                    }
                    if let Some(s) = t.by_id.get(id) {
                        tx.insert(&Quad::new(
                            node.clone(),
                            vocab::ng::ENTITY_SUMMARY,
                            oxigraph::model::Literal::new_simple_literal(summary_to_json(s)),
                            GraphName::NamedNode(graph.clone()),
                        ));
                    }
                }
            }
            // The layout stamp and the number of articles stored.
            let meta = meta_node();
            let old: Vec<Quad> = tx
                .quads_for_pattern(Some(meta.as_ref().into()), None, None, Some(GraphNameRef::DefaultGraph))
                .collect::<Result<_, _>>()?;
            for q in &old {
                tx.remove(q);
            }
            for v in [postings_layout(), format!("count {}", idx.len()), SUMMARIES_STAMP.to_string()] {
                tx.insert(&Quad::new(
                    meta.clone(),
                    vocab::ng::INDEX_POSTING,
                    oxigraph::model::Literal::new_simple_literal(v),
                    GraphName::DefaultGraph,
                ));
            }
            tx.commit()?;
            crate::update::timing("internal records saved");
            idx.dirty.clear();
            idx.rebear.clear();
            idx.repost = false;
            if let Some(t) = &mut idx.summaries {
                t.dirty.clear();
            }
        }
        // Both stores on disk, so that the next opening has little log to replay.
        #[cfg(feature = "rocksdb")]
        {
            self.store().flush()?;
            records.flush()?;
            crate::update::timing("stores flushed");
        }
        let marker = self.dir.join(UNFINISHED_FILE);
        if self.unfinished.swap(false, Ordering::SeqCst) && marker.exists() {
            fs::remove_file(&marker).map_err(io_err(&marker))?;
        }
        self.repair.store(false, Ordering::SeqCst);
        let generation = self.dir.join(GENERATION_FILE);
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        fs::write(&generation, format!("{stamp}\n")).map_err(io_err(&generation))?;
        Ok(())
    }

    /// Remote backend: the queued changes, the changed internal records, then (last) the mark's removal.
    fn save_remote(&self, r: &crate::remote::Remote) -> Result<(), StoreError> {
        let mut idx = self.index_mut();
        let changed: Vec<(String, Option<String>)> =
            idx.dirty.iter().map(|iri| (iri.clone(), idx.articles.get(iri).map(ArticleIndex::to_json))).collect();
        r.set_records(&vocab::ng::INDEX_RECORD.into_owned(), &changed)?;
        if self.unfinished.load(Ordering::SeqCst) || self.repair.load(Ordering::SeqCst) {
            r.mark(&vocab::ng::UNFINISHED.into_owned(), false)?;
        }
        r.flush()?;
        idx.dirty.clear();
        self.unfinished.store(false, Ordering::SeqCst);
        self.repair.store(false, Ordering::SeqCst);
        Ok(())
    }

    /// The next log segment: the pending changes, then the changed index records
    /// (None: the changes were too many to log, rewrite the base).
    fn segment_body(&self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for op in self.pending.lock().unwrap_or_else(|e| e.into_inner()).as_ref()?.iter() {
            let _ = match op {
                Op::Clear(g) => writeln!(out, "C {g}"),
                Op::Add(q) => writeln!(out, "+ {} .", restore_datatype(q.clone())),
                Op::Remove(q) => writeln!(out, "- {} .", restore_datatype(q.clone())),
            };
        }
        let idx = self.index();
        for iri in &idx.dirty {
            let _ = match idx.articles.get(iri) {
                Some(e) => writeln!(out, "I {} .", internal_quad(iri, e)),
                None => writeln!(out, "X <{iri}>"),
            };
        }
        Some(out)
    }

    /// Notes changes for the next log segment; past a bound (a bulk ingest), the next save compacts instead.
    fn record(&self, ops: impl IntoIterator<Item = Op>) {
        if self.backend == Backend::RocksDb {
            return;
        }
        const MAX_PENDING: usize = 1_000_000;
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = pending.as_mut() {
            p.extend(ops);
            if p.len() > MAX_PENDING {
                *pending = None;
            }
        }
    }

    /// RocksDB backend: before the first change after a save, a mark that the store is
    /// between two saves (a writer killed now leaves it, and the next writer repairs).
    fn begin_write(&self) -> Result<(), StoreError> {
        if let Some(r) = &self.remote {
            if !self.unfinished.swap(true, Ordering::SeqCst) {
                r.mark(&vocab::ng::UNFINISHED.into_owned(), true)?;
            }
            return Ok(());
        }
        if self.backend == Backend::RocksDb && !self.unfinished.swap(true, Ordering::SeqCst) {
            let marker = self.dir.join(UNFINISHED_FILE);
            let f = File::create(&marker).map_err(io_err(&marker))?;
            f.sync_all().map_err(io_err(&marker))?;
        }
        Ok(())
    }

    /// Writes the whole store to the base file atomically and empties the log (memory
    /// backend; RocksDB writes in place).
    pub fn compact(&self) -> Result<(), StoreError> {
        if self.backend != Backend::Memory {
            return Ok(());
        }
        let data = self.dir.join(DATA_FILE);
        let tmp = self.dir.join(format!("{DATA_FILE}.tmp"));
        let written = (|| {
            let file = File::create(&tmp).map_err(io_err(&tmp))?;
            let mut w = BufWriter::new(file);
            self.dump(RdfFormat::NQuads, &mut w).map_err(|e| StoreError::Io {
                path: tmp.clone(),
                source: e.downcast::<std::io::Error>().map_or_else(|e| std::io::Error::other(e.to_string()), |e| *e),
            })?;
            for q in self.internal_quads() {
                writeln!(w, "{q} .").map_err(io_err(&tmp))?;
            }
            let file = w.into_inner().map_err(|e| StoreError::Io { path: tmp.clone(), source: e.into_error() })?;
            file.sync_all().map_err(io_err(&tmp))?;
            drop(file);
            fs::rename(&tmp, &data).map_err(io_err(&data))
        })();
        if let Err(e) = written {
            // A full disk: the old base stays, and no partial file is left beside it.
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        // A crash before this line leaves a log already folded into the base: replaying
        // it again is harmless, since every logged change sets quads to present or absent.
        let log = self.dir.join(LOG_FILE);
        if log.exists() {
            fs::remove_file(&log).map_err(io_err(&log))?;
        }
        Ok(())
    }

    /// The internal index, to read.
    pub fn index(&self) -> RwLockReadGuard<'_, Index> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The internal index, to change.
    pub fn index_mut(&self) -> RwLockWriteGuard<'_, Index> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The internal index as quads of the internal graph (persisted, never loaded into the query store).
    fn internal_quads(&self) -> Vec<Quad> {
        self.index().articles.iter().map(|(iri, e)| internal_quad(iri, e)).collect()
    }

    /// Stored articles (IRIs) the internal index has no record of: a store written by an
    /// older newsgraph.
    pub fn unindexed_articles(&self) -> Result<Vec<NamedNode>, StoreError> {
        if let Some(r) = &self.remote {
            let q = format!(
                "SELECT DISTINCT ?a WHERE {{ GRAPH ?a {{ ?a a <{}> }} }}",
                vocab::schema::NEWS_ARTICLE.as_str()
            );
            let idx = self.index();
            let mut out: Vec<NamedNode> = r
                .rows(&q, &["a"])?
                .into_iter()
                .filter_map(|row| match row.into_iter().next().flatten() {
                    Some(Term::NamedNode(a)) if !idx.articles.contains_key(a.as_str()) => Some(a),
                    _ => None,
                })
                .collect();
            out.sort();
            return Ok(out);
        }
        self.index_mut().load_all()?;
        let idx = self.index();
        let mut out = Vec::new();
        for q in self.store().quads_for_pattern(
            None,
            Some(oxigraph::model::vocab::rdf::TYPE),
            Some(vocab::schema::NEWS_ARTICLE.into()),
            None,
        ) {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(a) = q?.subject
                && !idx.articles.contains_key(a.as_str())
            {
                out.push(a);
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// A stored article's identifier, headline and text, read back from its graph.
    pub fn article(&self, iri: &NamedNode) -> Result<Option<Article>, StoreError> {
        if let Some(r) = &self.remote {
            if !r.may_hold(iri) {
                return Ok(None);
            }
            let q = format!(
                "SELECT ?id ?text ?h WHERE {{ GRAPH <{0}> {{ <{0}> <{1}> ?id ; <{2}> ?text OPTIONAL {{ <{0}> <{3}> ?h }} }} }} LIMIT 1",
                iri.as_str(),
                vocab::dct::IDENTIFIER.as_str(),
                vocab::nif::IS_STRING.as_str(),
                vocab::schema::HEADLINE.as_str()
            );
            let row = r.rows(&q, &["id", "text", "h"])?.into_iter().next();
            let value = |t: &Option<Term>| match t {
                Some(Term::Literal(l)) => Some(l.value().to_string()),
                _ => None,
            };
            return Ok(row.and_then(|row| {
                Some(Article {
                    id: value(&row[0])?,
                    text: value(&row[1])?,
                    headline: value(&row[2]).unwrap_or_default(),
                })
            }));
        }
        let g = GraphNameRef::NamedNode(iri.as_ref());
        let get = |p: NamedNodeRef<'_>| -> Result<Option<String>, StoreError> {
            let q =
                self.store().quads_for_pattern(Some(iri.as_ref().into()), Some(p), None, Some(g)).next().transpose()?;
            Ok(q.and_then(|q| match q.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            }))
        };
        let (Some(id), Some(text)) = (get(vocab::dct::IDENTIFIER)?, get(vocab::nif::IS_STRING)?) else {
            return Ok(None);
        };
        Ok(Some(Article { id, headline: get(vocab::schema::HEADLINE)?.unwrap_or_default(), text }))
    }

    /// The speakers (schema:creator) of the quotations and statements in one article graph.
    pub fn speakers_in(&self, iri: &NamedNode) -> Result<BTreeSet<NamedNode>, StoreError> {
        let mut out = BTreeSet::new();
        if let Some(r) = &self.remote {
            if !r.may_hold(iri) {
                return Ok(out);
            }
            let q = format!(
                "SELECT DISTINCT ?s WHERE {{ GRAPH <{}> {{ ?q <{}> ?s }} }}",
                iri.as_str(),
                vocab::schema::CREATOR.as_str()
            );
            for row in r.rows(&q, &["s"])? {
                if let Some(Term::NamedNode(n)) = row.into_iter().next().flatten() {
                    out.insert(n);
                }
            }
            return Ok(out);
        }
        let g = GraphNameRef::NamedNode(iri.as_ref());
        for q in self.store().quads_for_pattern(None, Some(vocab::schema::CREATOR), None, Some(g)) {
            if let Term::NamedNode(n) = q?.object {
                out.insert(n);
            }
        }
        Ok(out)
    }

    /// Drops one named graph.
    pub fn remove_graph(&self, graph: &NamedNode) -> Result<(), StoreError> {
        self.begin_write()?;
        if let Some(r) = &self.remote {
            self.prefetched.lock().unwrap_or_else(|e| e.into_inner()).clear();
            return Ok(r.drop_graph(graph)?);
        }
        let store = self.store();
        let mut tx = store.start_transaction()?;
        tx.remove_named_graph(graph)?;
        tx.commit()?;
        self.record([Op::Clear(graph.clone())]);
        Ok(())
    }

    /// The country codes (schema:identifier) of those of `ids` the entities graph types as countries.
    pub fn country_codes(&self, ids: &BTreeSet<String>) -> Result<BTreeSet<String>, StoreError> {
        let graph = rdf::entities_graph();
        let g = GraphNameRef::NamedNode(graph.as_ref());
        let mut out = BTreeSet::new();
        if let Some(r) = &self.remote {
            // The countries are few: all of them with their codes, kept to those asked for.
            let q = format!(
                "SELECT ?e ?c WHERE {{ GRAPH <{}> {{ ?e a <{}> ; <{}> ?c }} }}",
                graph.as_str(),
                vocab::schema::COUNTRY.as_str(),
                vocab::schema::IDENTIFIER.as_str()
            );
            for row in r.rows(&q, &["e", "c"])? {
                if let (Some(Term::NamedNode(e)), Some(Term::Literal(c))) = (&row[0], &row[1])
                    && rdf::entity_id(e.as_str()).is_some_and(|id| ids.contains(id))
                {
                    out.insert(c.value().to_string());
                }
            }
            return Ok(out);
        }
        for id in ids {
            let e = rdf::entity_iri(id);
            if !self.store().contains(oxigraph::model::QuadRef::new(
                e.as_ref(),
                oxigraph::model::vocab::rdf::TYPE,
                vocab::schema::COUNTRY,
                g,
            ))? {
                continue;
            }
            for q in
                self.store().quads_for_pattern(Some(e.as_ref().into()), Some(vocab::schema::IDENTIFIER), None, Some(g))
            {
                if let Term::Literal(l) = q?.object {
                    out.insert(l.value().to_string());
                }
            }
        }
        Ok(out)
    }

    /// The entity the entities graph types as the country with this ISO code (the first
    /// by IRI when several are).
    /// Whether the entities graph describes the entity with this id.
    pub fn entity_described(&self, id: &str) -> Result<bool, StoreError> {
        let graph = rdf::entities_graph();
        let e = rdf::entity_iri(id);
        if let Some(r) = &self.remote {
            let q = format!("ASK {{ GRAPH <{}> {{ <{}> a ?t }} }}", graph.as_str(), e.as_str());
            return Ok(r.ask(&q)?);
        }
        let g = GraphNameRef::NamedNode(graph.as_ref());
        Ok(self
            .store()
            .quads_for_pattern(Some(e.as_ref().into()), Some(oxigraph::model::vocab::rdf::TYPE), None, Some(g))
            .next()
            .transpose()?
            .is_some())
    }

    pub fn country_entity(&self, code: &str) -> Result<Option<String>, StoreError> {
        let graph = rdf::entities_graph();
        let g = GraphNameRef::NamedNode(graph.as_ref());
        let code = oxigraph::model::Literal::new_simple_literal(code);
        if let Some(r) = &self.remote {
            let q = format!(
                "SELECT ?e WHERE {{ GRAPH <{}> {{ ?e <{}> {} ; a <{}> }} }}",
                graph.as_str(),
                vocab::schema::IDENTIFIER.as_str(),
                code,
                vocab::schema::COUNTRY.as_str()
            );
            let mut ids: Vec<String> = r
                .rows(&q, &["e"])?
                .into_iter()
                .filter_map(|row| match row.into_iter().next().flatten() {
                    Some(Term::NamedNode(e)) => rdf::entity_id(e.as_str()).map(str::to_string),
                    _ => None,
                })
                .collect();
            ids.sort();
            return Ok(ids.into_iter().next());
        }
        let mut best: Option<String> = None;
        for q in
            self.store().quads_for_pattern(None, Some(vocab::schema::IDENTIFIER), Some(code.as_ref().into()), Some(g))
        {
            let q = q?;
            let oxigraph::model::NamedOrBlankNode::NamedNode(e) = &q.subject else { continue };
            let is_country = self.store().contains(oxigraph::model::QuadRef::new(
                e.as_ref(),
                oxigraph::model::vocab::rdf::TYPE,
                vocab::schema::COUNTRY,
                g,
            ))?;
            if let Some(id) = rdf::entity_id(e.as_str()).filter(|_| is_country)
                && best.as_deref().is_none_or(|b| id < b)
            {
                best = Some(id.to_string());
            }
        }
        Ok(best)
    }

    /// Makes the entities graph describe the entities `ids` by `quads` (an id without quads
    /// goes), changing only what differs.
    pub fn replace_entities(&self, ids: &BTreeSet<String>, quads: Vec<Quad>) -> Result<(), StoreError> {
        let graph = rdf::entities_graph();
        let g = GraphNameRef::NamedNode(graph.as_ref());
        self.begin_write()?;
        if let Some(r) = &self.remote {
            let subjects: Vec<NamedNode> = ids.iter().map(|id| rdf::entity_iri(id)).collect();
            return Ok(r.replace_subjects(&graph, &subjects, &quads)?);
        }
        let new: HashSet<Quad> = quads.into_iter().collect();
        let store = self.store();
        let mut old: HashSet<Quad> = HashSet::new();
        for id in ids {
            let e = rdf::entity_iri(id);
            for q in store.quads_for_pattern(Some(e.as_ref().into()), None, None, Some(g)) {
                old.insert(q?);
            }
        }
        let added: Vec<&Quad> = new.difference(&old).collect();
        let bulk = self.backend == Backend::RocksDb && added.len() >= BULK_MIN_QUADS;
        let mut tx = store.start_transaction()?;
        for q in old.difference(&new) {
            tx.remove(q);
        }
        if !bulk {
            for q in &added {
                tx.insert(*q);
            }
        }
        tx.commit()?;
        if bulk {
            // Many new descriptions (a fresh ingest): through the bulk loader, as new article graphs.
            let mut loader = bulk_loader(&store);
            loader.load_quads(added.iter().map(|q| (*q).clone()))?;
            loader.commit()?;
        }
        self.record(old.difference(&new).map(|q| Op::Remove(q.clone())));
        self.record(added.into_iter().map(|q| Op::Add(q.clone())));
        Ok(())
    }

    /// The ids of the entities that articles mention, when the entities graph holds no
    /// `ng:articleCount` (a store written before the counts, or an empty one): a writer then
    /// counts them all, once. None when counts are kept.
    pub fn uncounted_entities(&self) -> Result<Option<BTreeSet<String>>, StoreError> {
        let graph = rdf::entities_graph();
        let count = vocab::ng::ARTICLE_COUNT;
        let mentions = vocab::schema::MENTIONS;
        let mut ids = BTreeSet::new();
        if let Some(r) = &self.remote {
            if r.ask(&format!("ASK {{ GRAPH <{}> {{ ?e <{}> ?n }} }}", graph.as_str(), count.as_str()))? {
                return Ok(None);
            }
            let q = format!("SELECT DISTINCT ?e WHERE {{ GRAPH ?a {{ ?a <{}> ?e }} }}", mentions.as_str());
            for row in r.rows(&q, &["e"])? {
                if let Some(Term::NamedNode(e)) = &row[0]
                    && let Some(id) = rdf::entity_id(e.as_str())
                {
                    ids.insert(id.to_string());
                }
            }
            return Ok(Some(ids));
        }
        let store = self.store();
        let g = GraphNameRef::NamedNode(graph.as_ref());
        if store.quads_for_pattern(None, Some(count), None, Some(g)).next().transpose()?.is_some() {
            return Ok(None);
        }
        for q in store.quads_for_pattern(None, Some(mentions), None, None) {
            if let Term::NamedNode(e) = q?.object
                && let Some(id) = rdf::entity_id(e.as_str())
            {
                ids.insert(id.to_string());
            }
        }
        Ok(Some(ids))
    }

    /// Sets each entity's `ng:articleCount` in the entities graph to the number of article
    /// graphs that mention it (`schema:mentions`), as the store holds them now; an entity no
    /// article mentions keeps none. Counted for the entities given only (their mentions,
    /// through the object index), so the cost follows the entities a change touched and how
    /// often each is mentioned.
    pub fn set_article_counts(&self, ids: &BTreeSet<String>) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let graph = rdf::entities_graph();
        let count = vocab::ng::ARTICLE_COUNT;
        self.begin_write()?;
        if let Some(r) = &self.remote {
            let list: Vec<&String> = ids.iter().collect();
            for chunk in list.chunks(500) {
                let values: String = chunk.iter().map(|id| format!("<{}> ", rdf::entity_iri(id).as_str())).collect();
                let q = format!(
                    "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE {{ VALUES ?e {{ {values}}} GRAPH ?a {{ ?a <{}> ?e }} }} GROUP BY ?e",
                    vocab::schema::MENTIONS.as_str()
                );
                let mut quads = Vec::new();
                for row in r.rows(&q, &["e", "n"])? {
                    if let (Some(Term::NamedNode(e)), Some(Term::Literal(n))) = (&row[0], &row[1])
                        && let Ok(n) = n.value().parse::<i64>()
                        && n > 0
                    {
                        quads.push(Quad::new(e.clone(), count, oxigraph::model::Literal::from(n), graph.clone()));
                    }
                }
                r.update(format!(
                    "DELETE {{ GRAPH <{0}> {{ ?e <{1}> ?n }} }} WHERE {{ VALUES ?e {{ {values}}} GRAPH <{0}> {{ ?e <{1}> ?n }} }}",
                    graph.as_str(),
                    count.as_str()
                ))?;
                r.insert(&quads)?;
            }
            return Ok(());
        }
        let mut old: Vec<Quad> = Vec::new();
        let mut new: Vec<Quad> = Vec::new();
        // Counted by SPARQL, a chunk of entities at a time: the evaluator joins and counts
        // the encoded terms, where reading the mentions by quad pattern would decode each
        // one (three string look-ups per mention in RocksDB).
        let list: Vec<&String> = ids.iter().collect();
        for chunk in list.chunks(COUNT_CHUNK) {
            let values: String = chunk.iter().map(|id| format!("<{}> ", rdf::entity_iri(id).as_str())).collect();
            let q = format!(
                "SELECT ?e (COUNT(?a) AS ?n) (SAMPLE(?o) AS ?was) WHERE {{ VALUES ?e {{ {values}}} \
                 {{ GRAPH ?a {{ ?a <{m}> ?e }} }} UNION {{ GRAPH <{g}> {{ ?e <{c}> ?o }} }} }} GROUP BY ?e",
                m = vocab::schema::MENTIONS.as_str(),
                g = graph.as_str(),
                c = count.as_str()
            );
            let QueryResults::Solutions(rows) = self.query_once(&q)? else {
                return Err(StoreError::Query("article counts: not a SELECT".into()));
            };
            for row in rows {
                let row = row.map_err(|e| StoreError::Query(e.to_string()))?;
                let Some(Term::NamedNode(e)) = row.get("e") else { continue };
                let n = match row.get("n") {
                    Some(Term::Literal(n)) => n.value().parse::<i64>().unwrap_or(0),
                    _ => 0,
                };
                let was = match row.get("was") {
                    Some(Term::Literal(w)) => Some(w.clone()),
                    _ => None,
                };
                if was.as_ref().and_then(|w| w.value().parse::<i64>().ok()) == Some(n) {
                    continue;
                }
                old.extend(was.map(|w| Quad::new(e.clone(), count, w, graph.clone())));
                if n > 0 {
                    new.push(Quad::new(e.clone(), count, oxigraph::model::Literal::from(n), graph.clone()));
                }
            }
        }
        if old.is_empty() && new.is_empty() {
            return Ok(());
        }
        let store = self.store();
        let bulk = self.backend == Backend::RocksDb && new.len() >= BULK_MIN_QUADS;
        let mut tx = store.start_transaction()?;
        for q in &old {
            tx.remove(q);
        }
        if !bulk {
            for q in &new {
                tx.insert(q);
            }
        }
        tx.commit()?;
        if bulk {
            // A fresh ingest counts every entity: through the bulk loader, as the descriptions.
            let mut loader = bulk_loader(&store);
            loader.load_quads(new.iter().cloned())?;
            loader.commit()?;
        }
        self.record(old.into_iter().map(Op::Remove));
        self.record(new.into_iter().map(Op::Add));
        Ok(())
    }

    /// Removes every near-duplicate link that involves one of `articles` from the similarity graph.
    pub fn clear_near_duplicates(&self, articles: &BTreeSet<String>) -> Result<(), StoreError> {
        let graph = rdf::similar_graph();
        let g = GraphNameRef::NamedNode(graph.as_ref());
        self.begin_write()?;
        if let Some(r) = &self.remote {
            let articles: Vec<NamedNode> = articles.iter().map(|a| NamedNode::new_unchecked(a.clone())).collect();
            return Ok(r.clear_links(&graph, &vocab::ng::COMPARES.into_owned(), &articles)?);
        }
        let store = self.store();
        let mut tx = store.start_transaction()?;
        let mut old: Vec<Quad> = Vec::new();
        for a in articles {
            let a = NamedNode::new_unchecked(a.clone());
            old.extend(
                tx.quads_for_pattern(Some(a.as_ref().into()), None, None, Some(g)).collect::<Result<Vec<_>, _>>()?,
            );
            for q in tx.quads_for_pattern(None, None, Some(a.as_ref().into()), Some(g)) {
                let q = q?;
                if q.predicate.as_ref() == vocab::ng::COMPARES {
                    old.extend(
                        tx.quads_for_pattern(Some(q.subject.as_ref()), None, None, Some(g))
                            .collect::<Result<Vec<_>, _>>()?,
                    );
                }
                old.push(q);
            }
        }
        for q in &old {
            tx.remove(q);
        }
        tx.commit()?;
        self.record(old.into_iter().map(Op::Remove));
        Ok(())
    }

    /// Replaces the content of several named graphs, in one transaction.
    pub fn replace_graphs(&self, graphs: &[(NamedNode, Vec<Quad>)]) -> Result<(), StoreError> {
        self.replace_graphs_from(graphs, &[])
    }

    /// `replace_graphs`, given for some graphs (at the same place in `olds`) what the store
    /// holds now, as the caller made it again: RocksDB then changes the quads that differ
    /// without reading and decoding the stored graph (most of a rewrite's cost).
    pub fn replace_graphs_from(
        &self,
        graphs: &[(NamedNode, Vec<Quad>)],
        olds: &[Option<Vec<Quad>>],
    ) -> Result<(), StoreError> {
        if graphs.is_empty() {
            return Ok(());
        }
        self.begin_write()?;
        if let Some(r) = &self.remote {
            self.prefetched.lock().unwrap_or_else(|e| e.into_inner()).clear();
            return Ok(r.put_graphs(graphs)?);
        }
        // A graph queued for the background load and written again: the load finishes first.
        let pending = {
            let loading = self.loading.lock().unwrap_or_else(|e| e.into_inner());
            loading.as_ref().is_some_and(|l| graphs.iter().any(|g| l.graphs.contains(&g.0)))
        };
        if pending {
            self.finish_loads()?;
        }
        let store = self.store();
        // RocksDB: graphs the store does not hold yet (a fresh ingest) go in through
        // oxigraph's bulk loader, which writes sorted files instead of a transaction's
        // memtable inserts, in the background (`Loading`).
        let mut rest: Vec<(usize, &(NamedNode, Vec<Quad>))> = Vec::new();
        let mut new: Vec<(usize, &(NamedNode, Vec<Quad>))> = Vec::new();
        for (i, g) in graphs.iter().enumerate() {
            if self.backend == Backend::RocksDb
                && olds.get(i).is_none_or(Option::is_none)
                && !store.contains_named_graph(&g.0)?
            {
                new.push((i, g));
            } else {
                rest.push((i, g));
            }
        }
        if new.iter().map(|g| g.1.1.len()).sum::<usize>() < BULK_MIN_QUADS {
            rest.append(&mut new);
        } else {
            let batch: Vec<Quad> = new.iter().flat_map(|g| g.1.1.iter().cloned()).collect();
            let mut loading = self.loading.lock().unwrap_or_else(|e| e.into_inner());
            let l = loading.get_or_insert_with(|| Loading::start(store.clone()));
            l.graphs.extend(new.iter().map(|g| g.1.0.clone()));
            if !l.send(batch) {
                drop(loading);
                self.finish_loads()?;
                return Err(StoreError::Query("the background bulk load stopped".into()));
            }
        }
        let mut tx = store.start_transaction()?;
        for (i, (graph, quads)) in rest {
            if self.backend == Backend::RocksDb {
                // Only what differs: a graph written again because an entity's id changed
                // differs in a few quads, and each write into RocksDB costs.
                let g = GraphNameRef::NamedNode(graph.as_ref());
                let old: HashSet<Quad> = match olds.get(i).and_then(Option::as_ref) {
                    Some(known) => known.iter().cloned().collect(),
                    None => tx.quads_for_pattern(None, None, None, Some(g)).collect::<Result<_, _>>()?,
                };
                let new: HashSet<&Quad> = quads.iter().collect();
                for q in old.iter().filter(|q| !new.contains(q)) {
                    tx.remove(q);
                }
                for q in quads.iter().filter(|q| !old.contains(*q)) {
                    tx.insert(q);
                }
                continue;
            }
            if tx.contains_named_graph(graph)? {
                tx.clear_graph(graph)?;
            }
            tx.extend(quads);
        }
        tx.commit()?;
        for (graph, quads) in graphs {
            self.record(std::iter::once(Op::Clear(graph.clone())).chain(quads.iter().cloned().map(Op::Add)));
        }
        Ok(())
    }

    /// Waits for the article graphs queued by `replace_graphs_from` to be in the store; call
    /// before reading them.
    pub fn finish_loads(&self) -> Result<(), StoreError> {
        let taken = self.loading.lock().unwrap_or_else(|e| e.into_inner()).take();
        match taken {
            Some(mut l) => l.finish(),
            None => Ok(()),
        }
    }

    /// Replaces the content of one named graph.
    pub fn replace_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        self.finish_loads()?;
        if self.remote.is_some() {
            return self.replace_graphs(&[(graph.clone(), quads.to_vec())]);
        }
        self.begin_write()?;
        let store = self.store();
        let mut tx = store.start_transaction()?;
        if tx.contains_named_graph(graph)? {
            tx.clear_graph(graph)?;
        }
        tx.extend(quads);
        tx.commit()?;
        self.record(std::iter::once(Op::Clear(graph.clone())).chain(quads.iter().cloned().map(Op::Add)));
        Ok(())
    }

    /// Every quotation attributed to `speaker`, in any article.
    /// Remote backend: reads the quotations of all these speakers in a few queries, so that
    /// `quotations_by` answers each from memory (once) instead of asking the server each time.
    /// Local backends: nothing to do.
    pub fn prefetch_quotations(&self, speakers: &BTreeSet<NamedNode>) -> Result<(), StoreError> {
        let Some(r) = &self.remote else { return Ok(()) };
        let speakers: Vec<&NamedNode> = speakers.iter().collect();
        let mut found: HashMap<NamedNode, Vec<QuoteRef>> =
            speakers.iter().map(|s| ((*s).clone(), Vec::new())).collect();
        for chunk in speakers.chunks(200) {
            let values: Vec<String> = chunk.iter().map(|s| format!("<{}>", s.as_str())).collect();
            let q = format!(
                "SELECT ?s ?q ?id ?text WHERE {{ VALUES ?s {{ {} }} GRAPH ?g {{ ?q a <{}> ; <{}> ?s ; <{}> ?text ; <{}> ?a . ?a <{}> ?id }} }}",
                values.join(" "),
                vocab::schema::QUOTATION.as_str(),
                vocab::schema::CREATOR.as_str(),
                vocab::schema::TEXT.as_str(),
                vocab::schema::IS_PART_OF.as_str(),
                vocab::dct::IDENTIFIER.as_str()
            );
            for row in r.rows(&q, &["s", "q", "id", "text"])? {
                if let (
                    Some(Term::NamedNode(s)),
                    Some(Term::NamedNode(q)),
                    Some(Term::Literal(id)),
                    Some(Term::Literal(t)),
                ) = (&row[0], &row[1], &row[2], &row[3])
                    && let Some(list) = found.get_mut(s)
                {
                    list.push(QuoteRef {
                        quote: q.as_str().to_string(),
                        article: id.value().to_string(),
                        text: t.value().to_string(),
                    });
                }
            }
        }
        for list in found.values_mut() {
            list.sort_by(|a, b| a.quote.cmp(&b.quote));
        }
        *self.prefetched.lock().unwrap_or_else(|e| e.into_inner()) = found;
        Ok(())
    }

    /// Every quotation attributed to `speaker`, in any article, sorted by quotation IRI.
    /// Local backends read it by quad pattern (the creator index), not through a SPARQL
    /// query: an ingest asks this for thousands of speakers.
    pub fn quotations_by(&self, speaker: &NamedNode) -> Result<Vec<QuoteRef>, StoreError> {
        if let Some(quotes) = self.prefetched.lock().unwrap_or_else(|e| e.into_inner()).remove(speaker) {
            return Ok(quotes);
        }
        let mut out = Vec::new();
        if self.remote.is_some() {
            let q = format!(
                "SELECT ?q ?id ?text WHERE {{ GRAPH ?g {{ ?q a schema:Quotation ; schema:creator <{}> ; schema:text ?text ; schema:isPartOf ?a . ?a dct:identifier ?id }} }}",
                speaker.as_str()
            );
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
        } else {
            let store = self.store();
            // Each quotation's quads in its graph in one scan (type, text, article), and each
            // article's identifiers once: every pattern lookup is a seek into RocksDB.
            let mut ids: HashMap<(NamedNode, GraphName), Vec<String>> = HashMap::new();
            for found in
                store.quads_for_pattern(None, Some(vocab::schema::CREATOR), Some(speaker.as_ref().into()), None)
            {
                let found = found?;
                let g = found.graph_name;
                if g.is_default_graph() {
                    continue; // the query's GRAPH ?g: named graphs only
                }
                let oxigraph::model::NamedOrBlankNode::NamedNode(q) = found.subject else { continue };
                let (mut quotation, mut texts, mut parts) = (false, Vec::new(), Vec::new());
                for x in store.quads_for_pattern(Some(q.as_ref().into()), None, None, Some(g.as_ref())) {
                    let x = x?;
                    match (x.predicate.as_ref(), x.object) {
                        (p, Term::NamedNode(o)) if p == oxigraph::model::vocab::rdf::TYPE => {
                            quotation |= o.as_ref() == vocab::schema::QUOTATION;
                        }
                        (p, Term::Literal(t)) if p == vocab::schema::TEXT => texts.push(t.value().to_string()),
                        (p, Term::NamedNode(a)) if p == vocab::schema::IS_PART_OF => parts.push(a),
                        _ => {}
                    }
                }
                if !quotation {
                    continue;
                }
                // The rows the pattern query gives: every text with every identifier of every article it is part of.
                for a in parts {
                    let key = (a, g.clone());
                    if !ids.contains_key(&key) {
                        let mut found = Vec::new();
                        for x in store.quads_for_pattern(
                            Some(key.0.as_ref().into()),
                            Some(vocab::dct::IDENTIFIER),
                            None,
                            Some(g.as_ref()),
                        ) {
                            if let Term::Literal(id) = x?.object {
                                found.push(id.value().to_string());
                            }
                        }
                        ids.insert(key.clone(), found);
                    }
                    for id in &ids[&key] {
                        for t in &texts {
                            out.push(QuoteRef { quote: q.as_str().to_string(), article: id.clone(), text: t.clone() });
                        }
                    }
                }
            }
        }
        out.sort_by(|a, b| a.quote.cmp(&b.quote));
        Ok(out)
    }

    /// Replaces the claims graph's claims by each speaker with its quads; local backends
    /// do it in one transaction (one per speaker cost more than the rest of the step).
    pub fn replace_claims(&self, claims: &[(NamedNode, Vec<Quad>)]) -> Result<(), StoreError> {
        let graph = rdf::claims_graph();
        let g = GraphNameRef::NamedNode(graph.as_ref());
        self.begin_write()?;
        if let Some(r) = &self.remote {
            for (speaker, quads) in claims {
                r.replace_claims(&graph, &vocab::schema::AUTHOR.into_owned(), speaker, quads)?;
            }
            return Ok(());
        }
        let store = self.store();
        let mut tx = store.start_transaction()?;
        for (speaker, quads) in claims {
            let old_claims: Vec<_> = tx
                .quads_for_pattern(None, Some(vocab::schema::AUTHOR), Some(speaker.as_ref().into()), Some(g))
                .map(|q| q.map(|q| q.subject))
                .collect::<Result<_, _>>()?;
            for c in old_claims {
                let old: Vec<Quad> =
                    tx.quads_for_pattern(Some(c.as_ref()), None, None, Some(g)).collect::<Result<_, _>>()?;
                for q in &old {
                    tx.remove(q);
                }
                self.record(old.into_iter().map(Op::Remove));
            }
            tx.extend(quads);
            self.record(quads.iter().cloned().map(Op::Add));
        }
        tx.commit()?;
        Ok(())
    }

    /// (IRI, canonical name, kind) of every entity, and for every article the entities it mentions.
    pub fn entity_table(&self) -> Result<EntityTable, StoreError> {
        let ents = self
            .entities()?
            .into_iter()
            .map(|e| (rdf::entity_iri(&e.id).as_str().to_string(), e.name, e.kind))
            .collect();
        let mut by_article: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mentions: Box<dyn Iterator<Item = Result<Quad, StoreError>>> = match &self.remote {
            Some(r) => {
                let q = format!("SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{}> ?o }} }}", vocab::schema::MENTIONS.as_str());
                Box::new(r.rows(&q, &["s", "o"])?.into_iter().filter_map(|row| match (&row[0], &row[1]) {
                    (Some(Term::NamedNode(s)), Some(o)) => {
                        Some(Ok(Quad::new(s.clone(), vocab::schema::MENTIONS, o.clone(), GraphName::DefaultGraph)))
                    }
                    _ => None,
                }))
            }
            None => Box::new(
                self.store()
                    .quads_for_pattern(None, Some(vocab::schema::MENTIONS), None, None)
                    .map(|q| q.map_err(StoreError::from)),
            ),
        };
        for q in mentions {
            let q = q?;
            if let (oxigraph::model::NamedOrBlankNode::NamedNode(a), Term::NamedNode(e)) = (q.subject, q.object) {
                by_article.entry(a.as_str().to_string()).or_default().push(e.as_str().to_string());
            }
        }
        Ok((ents, by_article.into_values().collect()))
    }

    /// Adds quads to the store.
    pub fn insert(&self, quads: &[Quad]) -> Result<(), StoreError> {
        self.begin_write()?;
        if let Some(r) = &self.remote {
            return Ok(r.insert(quads)?);
        }
        let store = self.store();
        let mut tx = store.start_transaction()?;
        tx.extend(quads);
        tx.commit()?;
        self.record(quads.iter().cloned().map(Op::Add));
        Ok(())
    }

    /// Every entity described in the entities graph, for resolution.
    pub fn entities(&self) -> Result<Vec<GlobalEntity>, StoreError> {
        let graph = rdf::entities_graph();
        let mut by: BTreeMap<String, GlobalEntity> = BTreeMap::new();
        let mut classes: BTreeMap<String, (bool, bool, bool)> = BTreeMap::new(); // (person, organization, place)
        for q in self.graph_quads(&graph)? {
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

    /// The quads of one named graph, streamed.
    fn graph_quads(&self, graph: &NamedNode) -> Result<Box<dyn Iterator<Item = Result<Quad, StoreError>>>, StoreError> {
        if let Some(r) = &self.remote {
            return Ok(Box::new(r.quads(Some(graph))?.map(|q| q.map_err(StoreError::from))));
        }
        let g = GraphNameRef::NamedNode(graph.as_ref());
        Ok(Box::new(self.store().quads_for_pattern(None, None, None, Some(g)).map(|q| q.map_err(StoreError::from))))
    }

    /// Every quad of the public graph, streamed.
    fn all_quads(&self) -> Result<Box<dyn Iterator<Item = Result<Quad, StoreError>>>, StoreError> {
        if let Some(r) = &self.remote {
            return Ok(Box::new(r.quads(None)?.map(|q| q.map_err(StoreError::from))));
        }
        Ok(Box::new(self.store().iter().map(|q| q.map_err(StoreError::from))))
    }

    /// Runs a SPARQL query with the contract's prefixes pre-declared.
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        if let Some(r) = &self.remote {
            return Ok(r.query(query, vocab::PREFIXES)?);
        }
        self.refresh()?;
        self.query_once(query)
    }

    fn query_once(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        let mut ev = SparqlEvaluator::new();
        for (p, iri) in vocab::PREFIXES {
            ev = ev.with_prefix(*p, *iri).map_err(|e| StoreError::Query(e.to_string()))?;
        }
        let mut prepared = ev.parse_query(query).map_err(|e| StoreError::Query(e.to_string()))?;
        // Without FROM, the default graph is the union of all graphs: every article and the entity table.
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        prepared.on_store(&self.store()).execute().map_err(|e| StoreError::Query(e.to_string()))
    }

    /// Writes the store: datasets formats keep the per-article graphs, triple formats write their union.
    pub fn dump(&self, format: RdfFormat, w: &mut dyn Write) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let mut ser = RdfSerializer::from_format(format);
        for (p, iri) in vocab::PREFIXES {
            ser = ser.with_prefix(*p, *iri)?;
        }
        let mut ser = ser.for_writer(w);
        self.refresh()?;
        if format.supports_datasets() {
            for q in self.all_quads()? {
                ser.serialize_quad(&restore_datatype(q?))?;
            }
        } else {
            let mut seen = BTreeSet::new();
            for q in self.all_quads()? {
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
        self.refresh()?;
        let mut st = Stats { triples: self.len()?, ..Default::default() };
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

/// Loads a base file: public quads into the query store, internal records into the index.
/// RocksDB writer, saving: the owner (`owner_posting`) of every lookup key that the records
/// changed since the last save bear or bore, set again in `tx`. The first article bearing a
/// key after the change is the first of those changed articles bearing it now and, unless
/// the stored owner's records changed, the stored owner; else the key's holders not changed
/// are read in order until one bears it.
fn set_owners(tx: &mut oxigraph::store::Transaction<'_>, idx: &Index) -> Result<(), StoreError> {
    use crate::resolve::summary::bearer_keys;
    use rayon::prelude::*;
    let keys_of = |rs: &[EntityRecord]| -> Vec<u64> {
        let mut ks: Vec<u64> = rs.iter().flat_map(bearer_keys).collect();
        ks.sort_unstable();
        ks.dedup();
        ks
    };
    // Each changed article's keys before and after (none when its records are the same).
    let changed: Vec<(&str, Vec<u64>, Vec<u64>)> = idx
        .rebear
        .par_iter()
        .filter_map(|(iri, old)| {
            let new = idx.articles.get(iri).map(|e| e.entities.as_slice());
            if old.as_deref() == new {
                return None;
            }
            Some((iri.as_str(), old.as_deref().map(keys_of).unwrap_or_default(), new.map(keys_of).unwrap_or_default()))
        })
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let mut touched: BTreeSet<u64> = BTreeSet::new();
    let mut first_new: HashMap<u64, &str> = HashMap::new();
    for (iri, old, new) in &changed {
        touched.extend(old.iter().copied());
        for &k in new {
            touched.insert(k);
            first_new.entry(k).and_modify(|o| *o = (*o).min(iri)).or_insert(iri);
        }
    }
    let graph = rdf::internal_graph();
    let lookups = Lookups::new();
    for k in touched {
        let value = oxigraph::model::Literal::new_simple_literal(owner_posting(k));
        let stored: Vec<Quad> = Lookups::answers_in(tx, &lookups.holders, "v", value.clone().into(), "s")?
            .into_iter()
            .filter_map(|t| match t {
                Term::NamedNode(n) => {
                    Some(Quad::new(n, vocab::ng::INDEX_POSTING, value.clone(), GraphName::DefaultGraph))
                }
                _ => None,
            })
            .collect();
        let cur = stored
            .iter()
            .filter_map(|q| match &q.subject {
                oxigraph::model::NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
                _ => None,
            })
            .min()
            .map(str::to_string);
        let cand = first_new.get(&k).copied();
        let owner: Option<String> = match cur.as_deref() {
            None => cand.map(str::to_string),
            Some(o) if !idx.rebear.contains_key(o) => Some(cand.map_or(o, |c| c.min(o)).to_string()),
            Some(o) if cand.is_some_and(|c| c <= o) => cand.map(str::to_string),
            Some(_) => {
                // The stored owner's records changed: the unchanged holders, in order, before `cand`.
                let lit = oxigraph::model::Literal::new_simple_literal(key_posting(k));
                let mut rest: Vec<String> = Vec::new();
                for t in Lookups::answers_in(tx, &lookups.holders, "v", lit.into(), "s")? {
                    if let Term::NamedNode(n) = t
                        && !idx.rebear.contains_key(n.as_str())
                        && cand.is_none_or(|c| n.as_str() < c)
                    {
                        rest.push(n.into_string());
                    }
                }
                rest.sort_unstable();
                let mut found = None;
                for iri in rest {
                    let hit = match idx.articles.get(&iri) {
                        Some(e) => bears(&e.entities, k),
                        None => {
                            let node = NamedNodeRef::new_unchecked(&iri);
                            let mut hit = false;
                            for q in tx.quads_for_pattern(
                                Some(node.into()),
                                Some(vocab::ng::INDEX_RECORD),
                                None,
                                Some(graph.as_ref().into()),
                            ) {
                                if let Term::Literal(l) = q?.object {
                                    let e = ArticleIndex::from_json(l.value()).ok_or_else(|| StoreError::Corrupt {
                                        path: PathBuf::from(RECORDS_DIR),
                                        message: format!("bad internal record for <{iri}>"),
                                    })?;
                                    hit = bears(&e.entities, k);
                                    break;
                                }
                            }
                            hit
                        }
                    };
                    if hit {
                        found = Some(iri);
                        break;
                    }
                }
                found.or(cand.map(str::to_string))
            }
        };
        if stored.len() == 1 && cur == owner {
            continue;
        }
        for q in &stored {
            tx.remove(q);
        }
        if let Some(o) = owner {
            tx.insert(&posting_quad(&o, owner_posting(k)));
        }
    }
    Ok(())
}

fn load_base(store: &Store, index: &mut Index, file: File, data: &Path) -> Result<(), StoreError> {
    let internal = rdf::internal_graph();
    let corrupt = |message: String| StoreError::Corrupt { path: data.to_path_buf(), message };
    let mut loader = bulk_loader(store);
    let mut batch = Vec::new();
    for q in RdfParser::from_format(RdfFormat::NQuads).for_reader(BufReader::new(file)) {
        let q = q.map_err(|e| corrupt(e.to_string()))?;
        if q.graph_name.as_ref() == GraphNameRef::NamedNode(internal.as_ref()) {
            let entry = match &q.object {
                Term::Literal(l) => ArticleIndex::from_json(l.value()),
                _ => None,
            }
            .ok_or_else(|| corrupt(format!("bad internal record for {}", q.subject)))?;
            let iri = q.subject.to_string();
            index.insert(iri.trim_start_matches('<').trim_end_matches('>'), entry);
            continue;
        }
        batch.push(q);
        if batch.len() >= 100_000 {
            loader.load_quads(std::mem::take(&mut batch))?;
        }
    }
    loader.load_quads(batch)?;
    loader.commit()?;
    Ok(())
}

/// One article's record as a quad of the internal graph.
fn internal_quad(iri: &str, e: &ArticleIndex) -> Quad {
    Quad::new(
        NamedNode::new_unchecked(iri),
        vocab::ng::INDEX_RECORD,
        oxigraph::model::Literal::new_simple_literal(e.to_json()),
        GraphName::NamedNode(rdf::internal_graph()),
    )
}

fn parse_quad(line: &[u8]) -> Option<Quad> {
    RdfParser::from_format(RdfFormat::NQuads).for_slice(line).next()?.ok()
}

/// Applies the log's segments in order; returns how many bytes were whole
/// segments. A damaged segment followed by more data is an error: only an
/// interrupted last write may be dropped.
fn replay(store: &Store, index: &mut Index, bytes: &[u8], path: &Path) -> Result<usize, StoreError> {
    let corrupt = |at: usize, what: &str| StoreError::Corrupt {
        path: path.to_path_buf(),
        message: format!("damaged log segment at byte {at} ({what}), with later segments after it"),
    };
    let mut pos = 0;
    while pos < bytes.len() {
        let start = pos;
        let Some(nl) = bytes[pos..].iter().position(|&b| b == b'\n') else { return Ok(start) };
        let header = std::str::from_utf8(&bytes[pos..pos + nl]).unwrap_or("");
        let mut parts = header.split(' ');
        let (Some(SEGMENT), Some(len), Some(sum)) = (parts.next(), parts.next(), parts.next()) else {
            return if bytes.len() - start < 64 { Ok(start) } else { Err(corrupt(start, "bad header")) };
        };
        let (Ok(len), Ok(sum)) = (len.parse::<usize>(), u64::from_str_radix(sum, 16)) else {
            return Err(corrupt(start, "bad header"));
        };
        let body_start = pos + nl + 1;
        let Some(body) = bytes.get(body_start..body_start + len) else { return Ok(start) };
        if similar::fnv(body, 0) != sum {
            return if body_start + len == bytes.len() { Ok(start) } else { Err(corrupt(start, "checksum")) };
        }
        let mut tx = store.start_transaction()?;
        for line in body.split(|&b| b == b'\n').filter(|l| l.len() > 2) {
            let (op, rest) = (line[0], &line[2..]);
            match op {
                b'C' => {
                    let iri = std::str::from_utf8(rest).unwrap_or("").trim_start_matches('<').trim_end_matches('>');
                    tx.remove_named_graph(NamedNodeRef::new_unchecked(iri))?;
                }
                b'X' => {
                    let iri = std::str::from_utf8(rest).unwrap_or("").trim_start_matches('<').trim_end_matches('>');
                    index.remove(iri);
                    index.summaries = None;
                }
                _ => {
                    let q = parse_quad(rest).ok_or_else(|| corrupt(start, "bad quad"))?;
                    match op {
                        b'+' => tx.insert(&q),
                        b'-' => tx.remove(&q),
                        _ => {
                            let entry = match &q.object {
                                Term::Literal(l) => ArticleIndex::from_json(l.value()),
                                _ => None,
                            }
                            .ok_or_else(|| corrupt(start, "bad index record"))?;
                            let iri = q.subject.to_string();
                            index.insert(iri.trim_start_matches('<').trim_end_matches('>'), entry);
                            index.summaries = None;
                        }
                    }
                }
            }
        }
        tx.commit()?;
        pos = body_start + len;
    }
    Ok(pos)
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

// ---- Shell queries (src/repl): extra prefixes, cancellation, explanation. ----

/// Cancels a running shell query from another thread (Ctrl-C, a timeout).
pub use oxigraph::sparql::CancellationToken;

impl GraphStore {
    /// Like `query`, with more prefixes declared and a token that stops the evaluation when cancelled.
    pub fn query_cancellable(
        &self,
        query: &str,
        prefixes: &[(String, String)],
        cancel: &CancellationToken,
    ) -> Result<QueryResults<'static>, StoreError> {
        if let Some(r) = &self.remote {
            // A cancelled shell query stops waiting for the answer (its thread is left to finish).
            let all: Vec<(&str, &str)> =
                vocab::PREFIXES.iter().copied().chain(prefixes.iter().map(|(p, i)| (p.as_str(), i.as_str()))).collect();
            return Ok(r.query(query, &all)?);
        }
        self.refresh()?;
        let prepared = self.prepare_with(query, prefixes, Some(cancel))?;
        prepared.on_store(&self.store()).execute().map_err(|e| StoreError::Query(e.to_string()))
    }

    /// Runs the query to its end and returns oxigraph's plan with statistics (as JSON) and the number of results.
    pub fn explain(&self, query: &str, prefixes: &[(String, String)]) -> Result<(String, usize), StoreError> {
        if let Some(r) = &self.remote {
            return Err(StoreError::Query(format!(
                "no query plan from a SPARQL server ({}): .explain works on local stores",
                r.endpoint.base
            )));
        }
        self.refresh()?;
        let prepared = self.prepare_with(query, prefixes, None)?;
        let store = self.store();
        let (results, explanation) = prepared.on_store(&store).compute_statistics().explain();
        let mut n = 0;
        match results.map_err(|e| StoreError::Query(e.to_string()))? {
            QueryResults::Solutions(s) => {
                for r in s {
                    r.map_err(|e| StoreError::Query(e.to_string()))?;
                    n += 1;
                }
            }
            QueryResults::Graph(t) => {
                for r in t {
                    r.map_err(|e| StoreError::Query(e.to_string()))?;
                    n += 1;
                }
            }
            QueryResults::Boolean(_) => n = 1,
        }
        let mut buf = Vec::new();
        explanation.write_in_json(&mut buf).map_err(|e| StoreError::Query(e.to_string()))?;
        Ok((String::from_utf8_lossy(&buf).into_owned(), n))
    }

    fn prepare_with(
        &self,
        query: &str,
        prefixes: &[(String, String)],
        cancel: Option<&CancellationToken>,
    ) -> Result<oxigraph::sparql::PreparedSparqlQuery, StoreError> {
        let mut ev = SparqlEvaluator::new();
        for (p, iri) in
            vocab::PREFIXES.iter().map(|(p, i)| (*p, *i)).chain(prefixes.iter().map(|(p, i)| (p.as_str(), i.as_str())))
        {
            ev = ev.with_prefix(p, iri).map_err(|e| StoreError::Query(e.to_string()))?;
        }
        if let Some(c) = cancel {
            ev = ev.with_cancellation_token(c.clone());
        }
        let mut prepared = ev.parse_query(query).map_err(|e| StoreError::Query(e.to_string()))?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(prepared)
    }
}

impl GraphStore {
    /// True when the store holds a named graph with this IRI.
    pub fn has_graph(&self, graph: &NamedNode) -> Result<bool, StoreError> {
        if let Some(r) = &self.remote {
            return Ok(r.has_graph(graph)?);
        }
        self.refresh()?;
        Ok(self.store().contains_named_graph(graph)?)
    }

    /// Writes one named graph (as a dataset format's graph, or as plain triples).
    pub fn dump_graph(
        &self,
        graph: &NamedNode,
        format: RdfFormat,
        w: &mut dyn Write,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let mut ser = RdfSerializer::from_format(format);
        for (p, iri) in vocab::PREFIXES {
            ser = ser.with_prefix(*p, *iri)?;
        }
        let mut ser = ser.for_writer(w);
        for q in self.graph_quads(graph)? {
            let q = restore_datatype(q?);
            if format.supports_datasets() {
                ser.serialize_quad(&q)?;
            } else {
                ser.serialize_triple(&oxigraph::model::Triple::new(q.subject, q.predicate, q.object))?;
            }
        }
        ser.finish()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: EntityKind, subtype: Option<Subtype>, name: &str, geo: Option<GeoRef>) -> EntityRecord {
        EntityRecord {
            kind,
            subtype,
            name: name.to_string(),
            surfaces: [name.to_string(), format!("{name}’s \"quoted\"")].into_iter().collect(),
            geo,
        }
    }

    #[test]
    fn internal_record_round_trips_through_json() {
        let entry = ArticleIndex {
            id: "a b.txt".to_string(),
            digest: "00ff".to_string(),
            minhash: (0..similar::HASHES as u32).map(|i| i.wrapping_mul(0x9e37_79b9)).collect(),
            entities: vec![
                record(EntityKind::Person, None, "Ana Lenz", None),
                record(EntityKind::Organization, Some(Subtype::Government), "Home Office", None),
                record(
                    EntityKind::Place,
                    Some(Subtype::City),
                    "Lagos",
                    Some(GeoRef {
                        geonames_id: Some(2332459),
                        country_code: Some("NG".into()),
                        lat: Some(6.45),
                        lon: None,
                    }),
                ),
            ],
            links: vec![("person/ana-lenz".into(), "Ana Lenz".into())],
            near: vec!["http://example.org/a".into()],
            keys: Vec::new(),
            graph: Some(0x0123_4567_89ab_cdef),
        };
        let entry = ArticleIndex { keys: crate::resolve::keys::keys_of(&entry.entities), ..entry };
        // The format stores already hold: fields in alphabetical order.
        let json = entry.to_json();
        assert!(json.starts_with(r#"{"d":"00ff","e":[{"g":null,"k":"p","n":"Ana Lenz","#), "{json}");
        assert!(json.contains(r#"{"g":[2332459,"NG",6.45,null],"k":"l","n":"Lagos""#), "{json}");
        assert_eq!(ArticleIndex::from_json(&json), Some(entry));
    }

    #[test]
    fn resolution_keys_are_kept_with_the_record_and_made_again_when_absent_or_of_another_version() {
        let entities = vec![
            record(EntityKind::Person, None, "Ana Lenz", None),
            record(EntityKind::Organization, None, "North Atlantic Treaty Organization", None),
        ];
        let keys = crate::resolve::keys::keys_of(&entities);
        assert!(keys.iter().all(|k| !k.is_empty()));
        let entry = ArticleIndex {
            id: "a".to_string(),
            digest: "00".to_string(),
            minhash: vec![7; similar::HASHES],
            entities,
            links: Vec::new(),
            near: Vec::new(),
            keys: keys.clone(),
            graph: None,
        };
        let json = entry.to_json();
        let kept = format!(r#""k":[{},["#, crate::resolve::KEYS_VERSION);
        assert!(json.contains(&kept), "{json}");
        assert_eq!(ArticleIndex::from_json(&json).map(|e| e.keys), Some(keys.clone()));
        // Another version's keys (here: all zero) and no keys at all are both computed again.
        let start = json.find(&kept).unwrap();
        let end = json[start..].find(r#""l":"#).unwrap() + start;
        let other =
            format!(r#"{}"k":[0,["{}","{}"]],{}"#, &json[..start], "0".repeat(16), "0".repeat(16), &json[end..]);
        assert_eq!(ArticleIndex::from_json(&other).map(|e| e.keys), Some(keys.clone()));
        let without = format!("{}{}", &json[..start], &json[end..]);
        assert_eq!(ArticleIndex::from_json(&without).map(|e| e.keys), Some(keys));
    }

    #[test]
    fn damaged_internal_record_is_refused() {
        assert_eq!(ArticleIndex::from_json(r#"{"id":"x","d":"0","m":"zz","e":[],"l":[],"near":[]}"#), None);
        assert_eq!(ArticleIndex::from_json(r#"{"id":"x","d":"0"}"#), None);
        assert_eq!(ArticleIndex::from_json("not json"), None);
    }
}

#[cfg(all(test, feature = "rocksdb"))]
mod upgrade_tests {
    use super::*;
    use crate::update::{Upsert, apply};

    fn upsert(id: &str, body: &str) -> Upsert {
        let text = format!(
            "Harbour talks stall\n\nThe {body} said on Monday that talks over the harbour in Leeds had stalled \
             (report {id}). “We will not sign,” said Marta Kowalczyk, a spokeswoman for the {body}.\n"
        );
        let article = Article { id: id.to_string(), headline: "Harbour talks stall".into(), text };
        let extraction = crate::extract::extract(&article);
        let signature = similar::signature(&article.text);
        Upsert::new(article, extraction, signature)
    }

    /// A RocksDB store whose summaries are of the older stamp ("summaries 1": places with a
    /// GeoNames id only) has every summary built from its records when a writer opens it,
    /// saved on its first write: the next writer reads them by id, the stamp current.
    #[test]
    fn a_store_of_older_summaries_has_them_built_and_saved_on_its_first_write() {
        let dir = tempfile::tempdir().unwrap();
        let open = || GraphStore::open_with(dir.path(), Access::Write, Some(Backend::RocksDb)).unwrap();
        let st = open();
        let ups = vec![upsert("a", "Harbours Ministry"), upsert("b", "Harbours Ministry"), upsert("c", "Dock Board")];
        apply(&st, ups, &[], &mut Vec::new()).unwrap();
        st.save().unwrap();
        st.index_mut().load_all().unwrap();
        let want = st.index().summaries_from_records();
        assert!(want.keys().any(|id| id.starts_with("organization/")), "{want:?}");
        assert!(want.keys().any(|id| id.starts_with("place/")), "{want:?}");
        drop(st);
        // As an older newsgraph left it: its stamp, and no summary of an organisation.
        {
            let records = Store::open(dir.path().join(RECORDS_DIR)).unwrap();
            let stamp = |v: &str| {
                Quad::new(
                    meta_node(),
                    vocab::ng::INDEX_POSTING,
                    oxigraph::model::Literal::new_simple_literal(v),
                    GraphName::DefaultGraph,
                )
            };
            assert!(records.contains(&stamp(SUMMARIES_STAMP)).unwrap());
            records.remove(&stamp(SUMMARIES_STAMP)).unwrap();
            records.insert(&stamp("summaries 1")).unwrap();
            let orgs: Vec<Quad> = records
                .quads_for_pattern(None, Some(vocab::ng::ENTITY_SUMMARY), None, None)
                .map(Result::unwrap)
                .filter(|q| q.subject.to_string().contains("/organization/"))
                .collect();
            assert!(!orgs.is_empty());
            for q in &orgs {
                records.remove(q).unwrap();
            }
        }
        let st = open();
        assert!(st.index().complete(), "an older store's records are read whole");
        st.save().unwrap();
        drop(st);
        let st = open();
        assert!(!st.index().complete(), "the stamp is current: nothing read whole");
        assert_eq!(st.index().summaries().unwrap(), want);
        for id in want.keys() {
            assert_eq!(st.index_mut().summary(id).unwrap().as_ref(), want.get(id), "{id}");
        }
    }
}

#[cfg(all(test, feature = "rocksdb"))]
mod owner_tests {
    use super::*;
    use crate::resolve::summary::{Lookup, bearer_keys};
    use crate::update::{Upsert, apply};

    const ORGS: [&str; 6] = [
        "Harbours Ministry",
        "Ministry of Harbours",
        "Dock Board",
        "Harbour Party",
        "Kelmore Harbour Board",
        "Acme Bank",
    ];
    const PLACES: [&str; 5] = ["Leeds", "Paris", "the United States", "Porthaven", "Kelmore"];

    /// An article naming two organisations and a place of the pools, picked by `pick`.
    fn upsert(id: &str, pick: &mut impl FnMut(usize) -> usize) -> Upsert {
        let (a, b, p) = (ORGS[pick(ORGS.len())], ORGS[pick(ORGS.len())], PLACES[pick(PLACES.len())]);
        let text = format!(
            "Harbour talks stall\n\nThe {a} said on Monday that talks over the harbour in {p} had stalled \
             (report {id}). “We will not sign,” said Marta Kowalczyk, a spokeswoman for the {b}.\n"
        );
        let article = Article { id: id.to_string(), headline: "Harbour talks stall".into(), text };
        let extraction = crate::extract::extract(&article);
        let signature = similar::signature(&article.text);
        Upsert::new(article, extraction, signature)
    }

    /// Every stored record, read from the internal store.
    fn stored_records(st: &GraphStore) -> BTreeMap<String, Vec<EntityRecord>> {
        let records = st.records.lock().unwrap().as_ref().unwrap().clone();
        let graph = rdf::internal_graph();
        let mut out = BTreeMap::new();
        for q in records.quads_for_pattern(None, Some(vocab::ng::INDEX_RECORD), None, Some(graph.as_ref().into())) {
            let q = q.unwrap();
            if let (oxigraph::model::NamedOrBlankNode::NamedNode(n), Term::Literal(l)) = (q.subject, q.object) {
                out.insert(n.into_string(), ArticleIndex::from_json(l.value()).unwrap().entities);
            }
        }
        out
    }

    /// The owner postings kept: key -> the articles posted as its owner.
    fn kept_owners(st: &GraphStore) -> BTreeMap<u64, Vec<String>> {
        let records = st.records.lock().unwrap().as_ref().unwrap().clone();
        let mut out: BTreeMap<u64, Vec<String>> = BTreeMap::new();
        for q in records.quads_for_pattern(None, Some(vocab::ng::INDEX_POSTING), None, Some(GraphNameRef::DefaultGraph))
        {
            let q = q.unwrap();
            if let (oxigraph::model::NamedOrBlankNode::NamedNode(n), Term::Literal(l)) = (q.subject, q.object)
                && let Some(k) = l.value().strip_prefix("o:")
            {
                out.entry(u64::from_str_radix(k, 16).unwrap()).or_default().push(n.into_string());
            }
        }
        out
    }

    /// The owners a scan of every record gives: key -> the first article bearing it.
    fn scanned_owners(records: &BTreeMap<String, Vec<EntityRecord>>) -> BTreeMap<u64, Vec<String>> {
        let mut out: BTreeMap<u64, Vec<String>> = BTreeMap::new();
        for (iri, rs) in records {
            for k in rs.iter().flat_map(bearer_keys) {
                out.entry(k).or_insert_with(|| vec![iri.clone()]);
            }
        }
        out
    }

    /// The records as the writer holds them now (the stored ones, with its unsaved changes).
    fn current_records(st: &GraphStore) -> BTreeMap<String, Vec<EntityRecord>> {
        let mut out = stored_records(st);
        let idx = st.index();
        let looked = idx.disk.as_ref().map(|d| d.looked.clone()).unwrap_or_default();
        out.retain(|iri, _| !looked.contains(iri) || idx.articles.contains_key(iri));
        for (iri, e) in &idx.articles {
            out.insert(iri.clone(), e.entities.clone());
        }
        out
    }

    /// Random adds, replacements and removals, one at a time or in batches, saved after one
    /// or two changes: after each change, the first article bearing each lookup
    /// (`Index::first_bearing`, from the owners stored and the unsaved changes) is the one a
    /// scan of every record finds; after each save, the owners kept in the internal store
    /// are those a scan of every stored record gives, one per key; a writer opened anew
    /// finds them too.
    #[test]
    fn kept_key_owners_equal_a_scan_after_random_changes() {
        let (mut changed, mut removed) = (0, 0);
        for seed in 1..7u64 {
            let dir = tempfile::tempdir().unwrap();
            let open = || GraphStore::open_with(dir.path(), Access::Write, Some(Backend::RocksDb)).unwrap();
            let mut st = open();
            let mut rng = crate::rng::XorShift::for_case(seed);
            let mut pick = move |n: usize| (rng.next_u64() % n as u64) as usize;
            let mut present: BTreeSet<String> = BTreeSet::new();
            for step in 0..14 {
                let n = 1 + pick(if step % 3 == 0 { 6 } else { 2 });
                let mut ups = Vec::new();
                let mut gone = Vec::new();
                for _ in 0..n {
                    let id = format!("a{:02}", pick(16));
                    let iri = rdf::article_iri(&id).into_string();
                    if present.contains(&iri) && pick(2) == 0 {
                        if !gone.iter().any(|g: &NamedNode| g.as_str() == iri)
                            && !ups.iter().any(|u: &Upsert| u.article.id == id)
                        {
                            gone.push(NamedNode::new_unchecked(iri.clone()));
                            present.remove(&iri);
                            removed += 1;
                        }
                    } else if !ups.iter().any(|u: &Upsert| u.article.id == id)
                        && !gone.iter().any(|g| g.as_str() == iri)
                    {
                        changed += usize::from(present.contains(&iri));
                        ups.push(upsert(&id, &mut pick));
                        present.insert(iri);
                    }
                }
                apply(&st, ups, &gone, &mut Vec::new()).unwrap();
                let now = current_records(&st);
                let looks: HashSet<Lookup> = now.values().flatten().filter_map(Lookup::of).collect();
                for look in &looks {
                    let want = now.iter().find(|(_, rs)| rs.iter().any(|r| look.borne_by(r))).map(|(i, _)| i.clone());
                    let got = st.index_mut().first_bearing(look).unwrap();
                    assert_eq!(got, want, "seed {seed} step {step}: {look:?}");
                }
                if pick(3) > 0 {
                    st.save().unwrap();
                    let stored = stored_records(&st);
                    assert_eq!(kept_owners(&st), scanned_owners(&stored), "seed {seed} step {step}");
                }
                if pick(5) == 0 {
                    st.save().unwrap();
                    drop(st);
                    st = open();
                }
            }
            st.save().unwrap();
            assert_eq!(kept_owners(&st), scanned_owners(&stored_records(&st)), "seed {seed}");
        }
        assert!(changed > 10 && removed > 10, "{changed} replaced, {removed} removed");
    }

    /// A store of the postings' older layout (no key owners) is read whole by the next
    /// writer, and its first write posts every key's owner and the current layout.
    #[test]
    fn a_store_without_key_owners_has_them_posted_on_its_first_write() {
        let dir = tempfile::tempdir().unwrap();
        let open = || GraphStore::open_with(dir.path(), Access::Write, Some(Backend::RocksDb)).unwrap();
        let st = open();
        let mut rng = crate::rng::XorShift::for_case(7);
        let mut pick = move |n: usize| (rng.next_u64() % n as u64) as usize;
        let ups: Vec<Upsert> = (0..8).map(|i| upsert(&format!("b{i}"), &mut pick)).collect();
        apply(&st, ups, &[], &mut Vec::new()).unwrap();
        st.save().unwrap();
        let want = scanned_owners(&stored_records(&st));
        assert!(want.len() > 5);
        assert_eq!(kept_owners(&st), want);
        // As the previous layout left it: its stamp, and no owner.
        {
            let records = st.records.lock().unwrap().as_ref().unwrap().clone();
            let posting = |s: NamedNode, v: &str| {
                Quad::new(
                    s,
                    vocab::ng::INDEX_POSTING,
                    oxigraph::model::Literal::new_simple_literal(v),
                    GraphName::DefaultGraph,
                )
            };
            assert!(records.contains(&posting(meta_node(), &postings_layout())).unwrap());
            records.remove(&posting(meta_node(), &postings_layout())).unwrap();
            records.insert(&posting(meta_node(), &format!("layout:1 keys:{}", crate::resolve::KEYS_VERSION))).unwrap();
            for (k, iris) in kept_owners(&st) {
                for i in iris {
                    records.remove(&posting(NamedNode::new_unchecked(i), &owner_posting(k))).unwrap();
                }
            }
            assert!(kept_owners(&st).is_empty());
        }
        drop(st);
        let st = open();
        assert!(st.index().complete(), "an older store's records are read whole");
        st.save().unwrap();
        drop(st);
        let st = open();
        assert!(!st.index().complete(), "the layout is current: nothing read whole");
        assert_eq!(kept_owners(&st), want);
    }
}
