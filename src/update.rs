//! Changing the set of articles: the graph stays a function of that set.
//!
//! Adding, replacing or removing articles recomputes what depended on them:
//! the corpus is resolved again from every article's entity records (kept in
//! the store's internal index, in IRI order, so arrival order does not
//! matter); article graphs whose entity links or names changed are written
//! again; the entities graph is set to what the resolution says (orphans
//! go); near-duplicate links are recomputed for every article that shares a
//! band with an old or new text; claims are regrouped for every speaker of an
//! old or new quotation.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Write;

use anyhow::Result;
use oxigraph::model::NamedNode;

use crate::model::{Article, Extraction, Subtype};
use crate::rdf;
use crate::resolve::summary::{self, Lookup, Summary};
use crate::resolve::{self, EntityRecord, GlobalEntity, similar};
use crate::store::{ArticleIndex, GraphStore, Index, StoreError};

/// One article to add or replace, already extracted.
pub struct Upsert {
    pub article: Article,
    /// What resolution needs of its entities (`EntityRecord::of` each extracted entity).
    pub records: Vec<EntityRecord>,
    /// The extraction, kept until the article's graph is made; `None` in a large change,
    /// whose graphs extract their text again (extraction is a function of the text) rather
    /// than hold every extraction of the change in memory at once.
    pub extraction: Option<Extraction>,
    pub signature: Vec<u32>,
}

impl Upsert {
    pub fn new(article: Article, extraction: Extraction, signature: Vec<u32>) -> Self {
        let records = extraction.entities.iter().map(EntityRecord::of).collect();
        Self { article, records, extraction: Some(extraction), signature }
    }

    /// The same without its extraction (see `extraction`).
    pub fn lean(mut self) -> Self {
        self.extraction = None;
        self
    }
}

/// What an update did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The entities the added or replaced articles name.
    pub named: BTreeSet<String>,
    /// Stored articles (not in the update) whose graphs were rewritten because an entity changed.
    pub rewritten: usize,
}

/// CPU time this process has used (Linux; 0 elsewhere), for $NEWSGRAPH_TIMING.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit_once(") ").map(|x| x.1).unwrap_or("").split(' ').collect();
    let ticks = |i: usize| fields.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 1/100 s.
    (ticks(11) + ticks(12)) / 100.0
}

/// With $NEWSGRAPH_TIMING set: one line on standard error, the CPU time used so far.
pub(crate) fn timing(what: &str) {
    if std::env::var_os("NEWSGRAPH_TIMING").is_some() {
        eprintln!("timing: {what} ({:.2} s CPU in all)", cpu_seconds());
    }
}

/// The ISO code of a record that names a country.
fn country_code(r: &EntityRecord) -> Option<String> {
    (r.subtype == Some(Subtype::Country)).then(|| r.geo.as_ref()?.country_code.clone()).flatten()
}

/// Every stored article sharing a band with `iri` and at least `NEAR_DUPLICATE` similar to
/// it, most similar first (ties by IRI). An article's near-duplicate list is the first
/// `MAX_LINKS` of these, a function of the stored set: every candidate is compared (64
/// numbers each), so the list changes only when an article at least that similar arrives
/// or leaves: the scope of a change is its near duplicates (`near_scope`), not every
/// article sharing a band.
fn similar_enough(idx: &Index, iri: &str) -> Vec<(String, f64)> {
    let Some(entry) = idx.articles.get(iri) else { return Vec::new() };
    let mut close: Vec<(String, f64)> = idx
        .band_neighbours(&entry.minhash)
        .into_iter()
        .filter(|(a, _)| *a != iri)
        .filter_map(|(a, sig)| {
            let sim = similar::estimate(&entry.minhash, sig);
            (sim >= similar::NEAR_DUPLICATE).then(|| (a.to_string(), sim))
        })
        .collect();
    close.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    close
}

/// The stored articles whose near-duplicate list an article with signature `sig` can
/// enter or leave: those sharing a band with it and at least `NEAR_DUPLICATE` similar.
fn near_of<'a>(idx: &'a Index, sig: &[u32]) -> impl Iterator<Item = &'a str> {
    let neighbours = idx.band_neighbours(sig);
    neighbours.into_iter().filter(move |(_, s)| similar::estimate(sig, s) >= similar::NEAR_DUPLICATE).map(|(a, _)| a)
}

fn extend_new<'a>(set: &mut BTreeSet<String>, items: impl Iterator<Item = &'a str>) {
    for i in items {
        if !set.contains(i) {
            set.insert(i.to_string());
        }
    }
}

/// A change of this many articles or more reads every stored record at once (RocksDB)
/// instead of looking records up by key.
const LOAD_ALL_AT: usize = 1000;

/// Before a change of `n` articles: on RocksDB, a large one reads every stored record at
/// once (it would look up most of them one by one).
pub fn prepare(st: &GraphStore, n: usize) -> Result<()> {
    let mut idx = st.index_mut();
    if !idx.complete() && n >= LOAD_ALL_AT {
        idx.load_all()?;
    }
    Ok(())
}

/// Adds or replaces `upserts` and removes `removals` (article IRIs), keeping every cross-article fact right.
pub fn apply(st: &GraphStore, upserts: Vec<Upsert>, removals: &[NamedNode], err: &mut dyn Write) -> Result<Outcome> {
    apply_with(st, upserts, removals, false, err, &|_| {})
}

/// `apply`, telling `progress` what it is doing (a line for a progress bar: the step, and
/// how many article graphs of how many are written).
pub fn apply_showing(
    st: &GraphStore,
    upserts: Vec<Upsert>,
    err: &mut dyn Write,
    progress: &dyn Fn(String),
) -> Result<Outcome> {
    apply_with(st, upserts, &[], false, err, progress)
}

/// `apply`, resolving every stored record again and rewriting every article graph whose
/// links are unset (a store indexed anew by `migrate`).
pub fn apply_all(st: &GraphStore, upserts: Vec<Upsert>, err: &mut dyn Write) -> Result<Outcome> {
    apply_with(st, upserts, &[], true, err, &|_| {})
}

/// After a RocksDB writer was killed between two saves: every cross-article graph is
/// computed again from the stored articles (their own graphs are whole: each was written
/// in one transaction). Records whose article graph is gone go too; articles without a
/// record are the caller's to add (`upserts`).
pub fn rebuild(st: &GraphStore, upserts: Vec<Upsert>, err: &mut dyn Write) -> Result<Outcome> {
    st.index_mut().load_all()?;
    // Records may have been stored without their postings' owners (RocksDB): written anew.
    st.index_mut().index_anew();
    let iris: Vec<String> = st.index().articles.keys().cloned().collect();
    for iri in iris {
        if st.article(&NamedNode::new_unchecked(iri.clone()))?.is_none() {
            st.index_mut().remove(&iri);
        }
    }
    for g in [rdf::entities_graph(), rdf::similar_graph(), rdf::claims_graph()] {
        st.remove_graph(&g)?;
    }
    {
        let mut idx = st.index_mut();
        let keys: Vec<String> = idx.articles.keys().cloned().collect();
        for k in keys {
            if let Some(e) = idx.entry_mut(&k) {
                e.links.clear();
                e.near.clear();
            }
        }
    }
    apply_with(st, upserts, &[], true, err, &|_| {})
}

/// An article's entities as its graph needs them (id, name and kind), from its links: each
/// entity's place in the table, and the table.
fn graph_entities(links: &[(String, String)], ex: &crate::model::Extraction) -> (Vec<usize>, Vec<GlobalEntity>) {
    let mut table: Vec<GlobalEntity> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let link: Vec<usize> = links
        .iter()
        .zip(&ex.entities)
        .map(|((id, name), le)| {
            *at.entry(id.as_str()).or_insert_with(|| {
                table.push(GlobalEntity {
                    id: id.clone(),
                    kind: le.kind,
                    subtype: None,
                    name: name.clone(),
                    surfaces: BTreeSet::new(),
                    geo: None,
                });
                table.len() - 1
            })
        })
        .collect();
    (link, table)
}

/// Records resolved by merging into their entity's summary (`resolve::summary`) rather than
/// with the component of their keys: a record carrying the GeoNames id of a very common
/// place joins or leaves it without every record of that place being read.
#[derive(Default)]
struct Merged {
    /// (article IRI, record position) -> entity id, of the records leaving and arriving.
    leaving: HashMap<(String, usize), String>,
    arriving: HashMap<(String, usize), String>,
    /// The summaries as the merges leave them, by entity id.
    summaries: BTreeMap<String, Summary>,
    /// Entities whose description gains a name.
    described: BTreeSet<String>,
    /// Bare-surname records of an ambiguous surname arriving (`summary::single`): the entities
    /// they make alone, by id; the ids of those leaving.
    singles: BTreeMap<String, GlobalEntity>,
    gone: BTreeSet<String>,
    /// (surname, record): the records of distinct entities counted under a surname that
    /// make it ambiguous for those merges; they must stay out of the component.
    witnesses: Vec<(String, summary::Pos)>,
}

/// The name under which `excluded` keeps a surname whose bare records are resolved with the
/// component (entity ids hold a '/': no id is spelled so).
fn surname_tag(s: &str) -> String {
    format!("surname:{s}")
}

/// Two records counted under `surname` (`summary::counted_under`: people with a given name
/// under it), stored and not changing (`fresh` apart), linked to distinct entities: the
/// surname is then ambiguous before and after the change, whatever the change does, while
/// the component leaves them out. None when there are not two such (the holders of the
/// surname's side key are read in order until two are found).
fn witnesses(idx: &mut Index, surname: &str, fresh: &HashSet<&str>) -> Result<Option<Vec<summary::Pos>>, StoreError> {
    let k = resolve::surname_key(surname) | resolve::SIDE;
    let mut found: Vec<(summary::Pos, String)> = Vec::new();
    idx.visit_holders(k, |(iri, l), e| {
        if fresh.contains(iri) || !summary::counted_under(&e.entities[l], surname) {
            return false;
        }
        let Some(id) = e.links.get(l).map(|x| x.0.as_str()).filter(|x| !x.is_empty()) else { return false };
        if found.iter().all(|f| f.1 != id) {
            found.push(((iri.to_string(), l), id.to_string()));
        }
        found.len() >= 2
    })?;
    Ok((found.len() >= 2).then(|| found.into_iter().map(|f| f.0).collect()))
}

/// Whether a record known by `surname` alone and named like `r` ([`summary::namesake_before`])
/// comes before `pos` in the index as it now is (the first holders of its id base's key
/// are read, a few at most).
fn namesake_before(idx: &mut Index, r: &EntityRecord, surname: &str, pos: (&str, usize)) -> Result<bool, StoreError> {
    let mut found = false;
    let mut seen = 0;
    idx.visit_holders(resolve::base_key(r.kind, &r.name), |at, e| {
        seen += 1;
        if at >= pos || seen > 64 {
            return true;
        }
        found = summary::namesake_before(&e.entities[at.1], surname, &r.name);
        found
    })?;
    Ok(found)
}

impl Merged {
    fn has(&self, iri: &str, l: usize, leaving: bool) -> bool {
        let at = (iri.to_string(), l);
        if leaving { self.leaving.contains_key(&at) } else { self.arriving.contains_key(&at) }
    }
}

/// Which of the records leaving (`left`) and arriving (the records of `fresh`, in the
/// index) merge into their entity's summary, entities in `excluded` apart (their
/// component is resolved whole). An arriving record's entity is the one its first lookup
/// ([`Lookup`]) belongs to: that of the first record bearing the lookup, when that record
/// comes before it, is stored (not arriving) and, for a GeoNames id, is the entity's first
/// record; a leaving record's entity is the one it is linked to. It merges when
/// [`Summary::merge_add`] or [`Summary::merge_remove`] allows it and, for a name it brings
/// to the entity or takes away, no record after it holds a key that name registers (it
/// would find the entity through that name). Records are planned in order, leaving first:
/// each step is checked against the summaries as the steps before left them, and against
/// the holders of keys before and after the change.
fn plan_merges(
    idx: &mut Index,
    left: &[(String, ArticleIndex)],
    fresh: &[String],
    excluded: &BTreeSet<String>,
    described: &dyn Fn(&str) -> Result<bool, StoreError>,
) -> Result<Merged, StoreError> {
    let mut m = Merged::default();
    let fresh_set: HashSet<&str> = fresh.iter().map(String::as_str).collect();
    // Each bare surname met: the witnesses of its ambiguity (None: not ambiguous, or not shown).
    let mut ambiguous: HashMap<String, Option<Vec<summary::Pos>>> = HashMap::new();
    let mut witnessed = |idx: &mut Index, s: &str| -> Result<Option<Vec<summary::Pos>>, StoreError> {
        if excluded.contains(&surname_tag(s)) {
            return Ok(None);
        }
        if !ambiguous.contains_key(s) {
            let w = witnesses(idx, s, &fresh_set)?;
            ambiguous.insert(s.to_string(), w);
        }
        Ok(ambiguous[s].clone())
    };
    // The last holder of each key looked at, after the change.
    let mut last: HashMap<u64, Option<(String, usize)>> = HashMap::new();
    let mut held_after = |idx: &mut Index, k: u64, pos: (&str, usize)| -> Result<bool, StoreError> {
        let h = match last.entry(k) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(idx.last_holder(k)?),
        };
        Ok(h.as_ref().is_some_and(|(i, l)| (i.as_str(), *l) > pos))
    };
    let summary = |idx: &mut Index, m: &Merged, id: &str| -> Result<Option<Summary>, StoreError> {
        if excluded.contains(id) {
            return Ok(None);
        }
        match m.summaries.get(id) {
            Some(s) => Ok(Some(s.clone())),
            None => idx.summary(id),
        }
    };
    for (iri, old) in left {
        for (l, r) in old.entities.iter().enumerate() {
            let Some(id) = old.links.get(l).map(|x| x.0.as_str()).filter(|x| !x.is_empty()) else { continue };
            // A bare surname of two people or more, alone in its entity under its hashed id: it
            // leaves without any other record changing when no namesake was numbered (one
            // whose hashed id it took would take it back).
            if let Some(s) = summary::bare_surname(r) {
                let single = summary::single(iri, r);
                if single.id != id || excluded.contains(id) {
                    continue;
                }
                let Some(w) = witnessed(idx, &s)? else { continue };
                if described(&resolve::first_numbered(&resolve::id_base(r.kind, &r.name)))? {
                    continue;
                }
                m.leaving.insert((iri.clone(), l), single.id.clone());
                m.gone.insert(single.id);
                m.witnesses.extend(w.into_iter().map(|p| (s.clone(), p)));
                continue;
            }
            let Some(mut s) = summary(idx, &m, id)? else { continue };
            let Some(gone) = s.merge_remove((iri, l), r) else { continue };
            // Before the change, the records that left with it held keys too.
            let mut later = false;
            for k in gone.iter().flat_map(|n| s.new_name_keys(n)) {
                later |= held_after(idx, k, (iri, l))?
                    || left.iter().any(|(i, e)| {
                        e.keys.iter().enumerate().any(|(j, ks)| (i.as_str(), j) > (iri.as_str(), l) && ks.contains(&k))
                    });
            }
            if later {
                continue;
            }
            if !gone.is_empty() {
                m.described.insert(s.id.clone());
            }
            m.leaving.insert((iri.clone(), l), s.id.clone());
            m.summaries.insert(s.id.clone(), s);
        }
    }
    // The first bearer of each lookup and its entity (None: arriving, or unknown).
    let mut bearers: HashMap<Lookup, Option<(summary::Pos, Option<String>)>> = HashMap::new();
    for iri in fresh {
        let Some(records) = idx.articles.get(iri).map(|e| e.entities.clone()) else { continue };
        for (l, r) in records.iter().enumerate() {
            // A bare surname of two people or more: an entity of its own, under its hashed id
            // when a namesake precedes it and no entity holds that id (`summary::single`).
            if let Some(s) = summary::bare_surname(r) {
                let single = summary::single(iri, r);
                if excluded.contains(&single.id) || records.iter().filter(|x| x.name == r.name).count() != 1 {
                    continue;
                }
                let Some(w) = witnessed(idx, &s)? else { continue };
                if !namesake_before(idx, r, &s, (iri, l))? || described(&single.id)? {
                    continue;
                }
                m.arriving.insert((iri.clone(), l), single.id.clone());
                m.witnesses.extend(w.into_iter().map(|p| (s.clone(), p)));
                m.singles.insert(single.id.clone(), single);
                continue;
            }
            let Some(look) = Lookup::of(r) else { continue };
            let bearer = match bearers.entry(look.clone()) {
                std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
                std::collections::hash_map::Entry::Vacant(v) => v.insert(first_bearer(idx, &look, &fresh_set)?),
            };
            let Some((at, Some(id))) = bearer.clone() else { continue };
            let at = (at.0.as_str(), at.1);
            if !summary::before(at, (iri, l)) {
                continue;
            }
            let Some(mut s) = summary(idx, &m, &id)? else { continue };
            if !look.owned(&s, at) {
                continue;
            }
            let Some(new) = s.merge_add((iri, l), r) else { continue };
            let mut later = false;
            for k in new.iter().flat_map(|n| s.new_name_keys(n)) {
                later |= held_after(idx, k, (iri, l))?;
            }
            if later {
                continue;
            }
            if !new.is_empty() {
                m.described.insert(s.id.clone());
            }
            m.arriving.insert((iri.clone(), l), s.id.clone());
            m.summaries.insert(s.id.clone(), s);
        }
    }
    Ok(m)
}

/// The first record bearing `look` ([`Lookup::first_bearer`]) and its entity (None for a
/// record of an article in `fresh`): the first record bearing it in the first article that
/// does ([`Index::first_bearing`]: on RocksDB, the key's owner); None when no record bears it.
fn first_bearer(
    idx: &mut Index,
    look: &Lookup,
    fresh: &HashSet<&str>,
) -> Result<Option<(summary::Pos, Option<String>)>, StoreError> {
    let Some(iri) = idx.first_bearing(look)? else { return Ok(None) };
    let Some(e) = idx.articles.get(&iri) else { return Ok(None) };
    let k = look.key();
    let known = !fresh.contains(iri.as_str());
    // Only a record holding the key can bear the lookup.
    let recs = e.entities.iter().enumerate().filter(|(l, _)| e.keys.get(*l).is_some_and(|ks| ks.contains(&k))).map(
        |(l, r)| {
            let id = e.links.get(l).map(|x| x.0.as_str()).filter(|x| known && !x.is_empty());
            ((iri.as_str(), l), r, id)
        },
    );
    Ok(look.first_bearer(recs))
}

/// What the records that do not merge bring to a change.
struct Unmerged<'a> {
    /// Resolution keys that seed the component.
    seeds: &'a mut Vec<u64>,
    /// Entities a leaving record was linked to.
    affected: &'a mut BTreeSet<String>,
    /// Country code -> the country entities of leaving records.
    old_countries: &'a mut BTreeMap<String, BTreeSet<String>>,
}

impl Unmerged<'_> {
    /// After a clash (`excluded` grew): plans the merges again and adds what no longer merges.
    fn plan_again(
        &mut self,
        idx: &mut Index,
        (left, fresh): (&[(String, ArticleIndex)], &[String]),
        excluded: &BTreeSet<String>,
        described: &dyn Fn(&str) -> Result<bool, StoreError>,
        merged: &mut Merged,
    ) -> Result<(), StoreError> {
        let then = std::mem::take(merged);
        *merged = plan_merges(idx, left, fresh, excluded, described)?;
        self.add(left, fresh, merged, Some(&then), idx);
        Ok(())
    }

    /// Adds what the records leaving (`left`) and arriving (`fresh`) that do not merge in
    /// `now` bring (with `then`, only those that merged in `then`: after a clash); sets the
    /// links of those that merge.
    fn add(
        &mut self,
        left: &[(String, ArticleIndex)],
        fresh: &[String],
        now: &Merged,
        then: Option<&Merged>,
        idx: &mut Index,
    ) {
        for (iri, old) in left {
            for (l, r) in old.entities.iter().enumerate() {
                if now.has(iri, l, true) || then.is_some_and(|t| !t.has(iri, l, true)) {
                    continue;
                }
                self.seeds.extend(old.keys.get(l).into_iter().flat_map(|k| k.iter().copied()));
                if let Some(link) = old.links.get(l) {
                    self.affected.insert(link.0.clone());
                    if let Some(cc) = country_code(r) {
                        self.old_countries.entry(cc).or_default().insert(link.0.clone());
                    }
                }
            }
        }
        for iri in fresh {
            let Some(e) = idx.articles.get(iri) else { continue };
            for (l, ks) in e.keys.iter().enumerate() {
                if now.has(iri, l, false) || then.is_some_and(|t| !t.has(iri, l, false)) {
                    continue;
                }
                self.seeds.extend(ks.iter().copied());
            }
        }
        // The records that merge link their entity (its name stays).
        for ((iri, l), id) in &now.arriving {
            let name = now.singles.get(id).map_or_else(|| now.summaries[id].name.clone(), |e| e.name.clone());
            if let Some(e) = idx.entry_mut(iri) {
                let n = e.entities.len();
                e.links.resize(n, (String::new(), String::new()));
                e.links[*l] = (id.clone(), name);
            }
        }
    }
}

/// Entity descriptions replaced at a time: the quads made, and those read from the store
/// to compare, stay bounded whatever the number of entities a change describes anew.
const ENTITY_CHUNK: usize = if cfg!(test) { 3 } else { 20_000 };

/// Article graphs are written (a transaction, or a bulk load) once this many quads are
/// queued: about one batch of the bulk loader's sort (`store::bulk_loader`), so that the
/// queue does not hold several. (Unit tests use small chunks here and below, so that every
/// change they make goes through several.)
const QUEUED_QUADS: usize = if cfg!(test) { 200 } else { 250_000 };

/// Article graphs made on all cores at a time (their stored texts read first, in order).
const GRAPH_CHUNK: usize = if cfg!(test) { 2 } else { 512 };

/// An article graph to write: its component records (`ls`), the links it is written with,
/// and its stored text when it is not one of the change's articles.
struct Job<'a> {
    iri: &'a String,
    ls: &'a Vec<usize>,
    links: Vec<(String, String)>,
    is_fresh: bool,
    stored: Option<Article>,
}

/// What [`make_graph`] made of a [`Job`].
enum Made {
    /// The stored article's extraction finds other records now (these).
    Stale(Vec<EntityRecord>),
    /// A record without an entity.
    Unlinked,
    /// The graph, its digest, the graph as stored when it could be made again, and the
    /// local entities speaking a quotation or statement.
    Graph {
        quads: Vec<oxigraph::model::Quad>,
        digest: u64,
        old: Option<Vec<oxigraph::model::Quad>>,
        speaking: Vec<usize>,
    },
}

/// One article graph of a change, a pure function of the index, the change and the job (run
/// on all cores): the stored article is extracted again, and its records compared with those
/// kept.
fn make_graph(idx: &Index, fresh: &HashMap<String, Upsert>, job: &Job) -> Made {
    let iri = job.iri;
    let extracted;
    let (article, ex) = match (&job.stored, fresh.get(iri)) {
        (Some(article), _) => {
            extracted = crate::extract::extract(article);
            let records: Vec<EntityRecord> = extracted.entities.iter().map(EntityRecord::of).collect();
            if idx.articles.get(iri).is_some_and(|e| e.entities != records) {
                return Made::Stale(records);
            }
            (article, &extracted)
        }
        (None, Some(u)) => match &u.extraction {
            Some(ex) => (&u.article, ex),
            None => {
                extracted = crate::extract::extract(&u.article);
                (&u.article, &extracted)
            }
        },
        (None, None) => unreachable!("a job without a text is one of the change's articles"),
    };
    let links = &job.links;
    if links.iter().any(|l| l.0.is_empty()) {
        return Made::Unlinked;
    }
    let (link, table) = graph_entities(links, ex);
    let quads = rdf::article_quads(article, ex, &link, &table);
    let digest = rdf::graph_digest(&quads);
    // A graph written before: what the store holds, made again from the links it was
    // written with, when that gives the digest kept with its record (the same
    // extraction and graph code), so that RocksDB need not read and decode it.
    let old = if job.is_fresh {
        None
    } else {
        idx.articles.get(iri).and_then(|e| {
            let kept = e.graph?;
            if e.links.len() != ex.entities.len() || e.links.iter().any(|l| l.0.is_empty()) {
                return None;
            }
            let (link, table) = graph_entities(&e.links, ex);
            let old = rdf::article_quads(article, ex, &link, &table);
            (rdf::graph_digest(&old) == kept).then_some(old)
        })
    };
    let speaking = ex.quotes.iter().chain(&ex.statements).filter_map(|q| q.speaker).collect();
    Made::Graph { quads, digest, old, speaking }
}

/// `apply`; with `everything`, near duplicates are recomputed for every stored article.
fn apply_with(
    st: &GraphStore,
    upserts: Vec<Upsert>,
    removals: &[NamedNode],
    everything: bool,
    err: &mut dyn Write,
    progress: &dyn Fn(String),
) -> Result<Outcome> {
    if everything {
        st.index_mut().load_all()?;
    } else {
        prepare(st, upserts.len() + removals.len())?;
    }
    st.index_mut().ensure_summaries();
    // A store written before the article counts: every entity it mentions is counted, once.
    // Asked before the change is written: an empty store has nothing to count but the
    // change's own entities (a fresh ingest would otherwise read every mention it wrote).
    let uncounted = st.uncounted_entities()?;
    let mut outcome = Outcome::default();
    let timing = std::env::var_os("NEWSGRAPH_TIMING").is_some();
    let t0 = std::time::Instant::now();
    let lap = |what: &str| {
        if timing {
            eprintln!("timing: {what} {:.3} s ({:.2} s CPU in all)", t0.elapsed().as_secs_f64(), cpu_seconds());
        }
    };
    // Articles whose near-duplicate links may change, and articles that leave the store.
    let mut near_scope: BTreeSet<String> = BTreeSet::new();
    let mut removed: BTreeSet<String> = BTreeSet::new();
    let mut fresh: HashMap<String, Upsert> = HashMap::new();
    // Entities whose description may change: linked by an article before or after the update.
    let mut affected: BTreeSet<String> = BTreeSet::new();
    // Resolution keys of the records that leave or arrive, and the countries that leave.
    let mut seeds: Vec<u64> = Vec::new();
    let mut old_countries: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // The records of the articles that leave (or are replaced).
    let mut left: Vec<(String, ArticleIndex)> = Vec::new();
    {
        let mut idx = st.index_mut();
        // RocksDB: the records of what leaves or arrives, and of the articles sharing a band with them.
        let mut changed: Vec<String> = removals.iter().map(|r| r.as_str().to_string()).collect();
        changed.extend(upserts.iter().map(|u| rdf::article_iri(&u.article.id).into_string()));
        idx.fetch(&changed)?;
        for iri in &changed {
            if let Some(sig) = idx.articles.get(iri).map(|e| e.minhash.clone()) {
                idx.fetch_bands(&sig)?;
            }
        }
        for u in &upserts {
            idx.fetch_bands(&u.signature)?;
        }
        lap(&format!("{} records in memory (changed articles and their band neighbours)", idx.articles.len()));
        for r in removals {
            if let Some(old) = idx.remove(r.as_str()) {
                extend_new(&mut near_scope, near_of(&idx, &old.minhash));
                removed.insert(r.as_str().to_string());
                left.push((r.as_str().to_string(), old));
            }
        }
        for u in upserts {
            let iri = rdf::article_iri(&u.article.id).as_str().to_string();
            if let Some(old) = idx.remove(&iri) {
                extend_new(&mut near_scope, near_of(&idx, &old.minhash));
                left.push((iri.clone(), old));
            }
            let entry = ArticleIndex {
                id: u.article.id.clone(),
                digest: rdf::digest(&u.article.text),
                minhash: u.signature.clone(),
                entities: u.records.clone(),
                links: Vec::new(),
                near: Vec::new(),
                keys: Vec::new(),
                graph: None,
            };
            idx.insert(&iri, entry);
            fresh.insert(iri, u);
        }
        for (iri, u) in &fresh {
            extend_new(&mut near_scope, near_of(&idx, &u.signature));
            near_scope.insert(iri.clone());
        }
        if everything {
            near_scope.extend(idx.articles.keys().cloned());
        }
    }
    progress("resolving entities".into());
    // Records that merge into their entity's summary; the others seed the component.
    let mut fresh_iris: Vec<String> = fresh.keys().cloned().collect();
    fresh_iris.sort();
    let mut excluded: BTreeSet<String> = BTreeSet::new();
    let described = |id: &str| st.entity_described(id);
    let mut merged = if everything {
        Merged::default()
    } else {
        plan_merges(&mut st.index_mut(), &left, &fresh_iris, &excluded, &described)?
    };
    Unmerged { seeds: &mut seeds, affected: &mut affected, old_countries: &mut old_countries }.add(
        &left,
        &fresh_iris,
        &merged,
        None,
        &mut st.index_mut(),
    );
    lap(&format!(
        "{} records leaving and {} arriving merge into {} entity summaries and {} lone bare surnames ({} leaving)",
        merged.leaving.len(),
        merged.arriving.len(),
        merged.summaries.len(),
        merged.singles.len(),
        merged.gone.len()
    ));
    // Speakers whose claims may change: of every quotation removed or written.
    let mut speakers: BTreeSet<NamedNode> = BTreeSet::new();
    for iri in removed.iter().chain(fresh.keys()) {
        speakers.extend(st.speakers_in(&NamedNode::new_unchecked(iri.clone()))?);
    }
    for iri in &removed {
        st.remove_graph(&NamedNode::new_unchecked(iri.clone()))?;
    }

    // Resolve again the records connected to what left or arrived (every record when
    // `everything`, or when the countries change: a place's description names its
    // country's entity); rewrite the article graphs whose links changed.
    let mut written: BTreeSet<String> = BTreeSet::new();
    // Entities whose number of mentioning articles may change: linked by an article graph
    // written (before or after) or removed.
    let mut counted: BTreeSet<String> = BTreeSet::new();
    let mut rounds = 0;
    let all_records = everything;
    // Countries whose every place is in the component (their country entity changed).
    let mut whole_countries: BTreeSet<String> = BTreeSet::new();
    let mut queued: Vec<(NamedNode, Vec<oxigraph::model::Quad>)> = Vec::new();
    let mut olds: Vec<Option<Vec<oxigraph::model::Quad>>> = Vec::new();
    let mut queued_quads = 0;
    // Rewritten graphs whose stored quads were known without reading them.
    let mut known = 0;
    let (comp, res) = loop {
        rounds += 1;
        let (comp, res) = {
            let mut idx = st.index_mut();
            let mut ambiguous = std::collections::HashSet::new();
            let mut comp: Vec<(String, Vec<usize>)> = if all_records {
                idx.articles.iter().map(|(k, e)| (k.clone(), (0..e.entities.len()).collect())).collect()
            } else {
                let c = idx.component(&seeds)?;
                ambiguous = c.ambiguous;
                c.records.into_iter().map(|(k, v)| (k, v.into_iter().collect())).collect()
            };
            // A merged entity whose records (or a merging record) the component holds, or that
            // a record leaving it was linked to, is resolved with the component instead.
            let mut clash: BTreeSet<String> =
                affected.iter().filter(|id| merged.summaries.contains_key(*id)).cloned().collect();
            // The witnesses of a surname's ambiguity must keep their entities (`comp` is
            // sorted by IRI: found by binary search, as a component may hold every article).
            for (s, (iri, l)) in &merged.witnesses {
                if comp.binary_search_by(|c| c.0.as_str().cmp(iri)).is_ok_and(|i| comp[i].1.contains(l)) {
                    clash.insert(surname_tag(s));
                }
            }
            for (iri, ls) in &comp {
                let e = &idx.articles[iri];
                for &l in ls {
                    if let Some(id) = merged.arriving.get(&(iri.clone(), l)) {
                        clash.insert(id.clone());
                    } else if let Some(link) = e.links.get(l).filter(|x| merged.summaries.contains_key(&x.0)) {
                        clash.insert(link.0.clone());
                    }
                }
            }
            if !clash.is_empty() {
                excluded.extend(clash);
                let mut unmerged =
                    Unmerged { seeds: &mut seeds, affected: &mut affected, old_countries: &mut old_countries };
                unmerged.plan_again(&mut idx, (&left, &fresh_iris), &excluded, &described, &mut merged)?;
                drop(idx);
                lap("merged entities in the component: resolved with it");
                continue;
            }
            // Articles whose every record merged are written all the same.
            for iri in &fresh_iris {
                if let Err(at) = comp.binary_search_by(|c| c.0.as_str().cmp(iri)) {
                    comp.insert(at, (iri.clone(), Vec::new()));
                }
            }
            if timing {
                let mut by: HashMap<String, usize> = HashMap::new();
                for (iri, ls) in &comp {
                    let e = &idx.articles[iri];
                    for &l in ls {
                        let id = e.links.get(l).map_or_else(|| format!("?{}", e.entities[l].name), |x| x.0.clone());
                        *by.entry(id).or_default() += 1;
                    }
                }
                let mut by: Vec<_> = by.into_iter().collect();
                by.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                eprintln!("timing: component's largest entities {:?}", &by[..by.len().min(12)]);
            }
            lap(&format!(
                "component of {} articles, {} records ({} records in memory)",
                comp.len(),
                comp.iter().map(|c| c.1.len()).sum::<usize>(),
                idx.articles.len()
            ));
            let records: Vec<Cow<[EntityRecord]>> = comp
                .iter()
                .map(|(iri, ls)| {
                    let all = &idx.articles[iri].entities;
                    if ls.len() == all.len() {
                        Cow::Borrowed(all.as_slice())
                    } else {
                        Cow::Owned(ls.iter().map(|&l| all[l].clone()).collect())
                    }
                })
                .collect();
            let refs: Vec<&[EntityRecord]> = records.iter().map(|r| r.as_ref()).collect();
            let iris: Vec<&str> = comp.iter().map(|c| c.0.as_str()).collect();
            let r = resolve::resolve_component(&refs, &iris, &ambiguous);
            lap("resolve_corpus");
            // A lone bare surname's id given to an entity of the component (a hash collision):
            // resolved with it.
            let taken: BTreeSet<String> =
                r.entities.iter().filter(|e| merged.singles.contains_key(&e.id)).map(|e| e.id.clone()).collect();
            if !taken.is_empty() {
                drop(records);
                excluded.extend(taken);
                let mut unmerged =
                    Unmerged { seeds: &mut seeds, affected: &mut affected, old_countries: &mut old_countries };
                unmerged.plan_again(&mut idx, (&left, &fresh_iris), &excluded, &described, &mut merged)?;
                drop(idx);
                lap("a lone bare surname's id taken in the component: resolved with it");
                continue;
            }
            // The countries before and after: where they differ, every place in that
            // country may name another country entity: its records join the component.
            if !all_records {
                let mut before: BTreeMap<String, BTreeSet<String>> = old_countries.clone();
                for (iri, ls) in &comp {
                    let e = &idx.articles[iri];
                    for &l in ls {
                        if let (Some(cc), Some(link)) = (country_code(&e.entities[l]), e.links.get(l)) {
                            before.entry(cc).or_default().insert(link.0.clone());
                        }
                    }
                }
                let mut after: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
                for g in &r.entities {
                    if g.subtype == Some(Subtype::Country)
                        && let Some(cc) = g.geo.as_ref().and_then(|x| x.country_code.clone())
                    {
                        after.entry(cc).or_default().insert(g.id.clone());
                    }
                }
                let changed: Vec<String> = before
                    .keys()
                    .chain(after.keys())
                    .filter(|cc| before.get(*cc) != after.get(*cc) && !whole_countries.contains(*cc))
                    .cloned()
                    .collect();
                // A country whose places are all in the component already (a fresh ingest's
                // first batch) adds nothing to it: the resolution stands.
                idx.fetch_countries(&changed)?;
                let in_comp: HashMap<&str, &Vec<usize>> = comp.iter().map(|(k, v)| (k.as_str(), v)).collect();
                let grows = changed.iter().any(|cc| {
                    idx.keys()
                        .country_records(cc)
                        .iter()
                        .any(|(iri, l)| in_comp.get(iri).is_none_or(|ls| ls.binary_search(l).is_err()))
                });
                if !grows {
                    whole_countries.extend(changed);
                } else {
                    for cc in changed {
                        seeds.extend(idx.keys().country_keys(&cc));
                        whole_countries.insert(cc);
                    }
                    drop(idx);
                    lap("countries changed: their places join the component");
                    continue;
                }
            }
            (comp, r)
        };
        let mut stale_records = false;
        // In chunks: the links and stored texts read in order, the extraction (of stored
        // articles) and the graphs made on all cores, then applied in order.
        for chunk in comp.iter().enumerate().collect::<Vec<_>>().chunks(GRAPH_CHUNK) {
            let mut jobs: Vec<Job> = Vec::with_capacity(chunk.len());
            for &(a, (iri, ls)) in chunk {
                let (n, mut links) = {
                    let idx = st.index();
                    let e = &idx.articles[iri];
                    (e.entities.len(), e.links.clone())
                };
                links.resize(n, (String::new(), String::new()));
                for (j, &l) in ls.iter().enumerate() {
                    let g = &res.entities[res.links[a][j]];
                    links[l] = (g.id.clone(), g.name.clone());
                }
                let is_fresh = fresh.contains_key(iri) && !written.contains(iri);
                if !is_fresh && st.index().articles.get(iri).is_some_and(|e| e.links == links) {
                    continue;
                }
                let stored = if fresh.contains_key(iri) {
                    None
                } else {
                    // Extraction is a function of the stored text: run it again rather than store it.
                    let Some(article) = st.article(&NamedNode::new_unchecked(iri.clone()))? else {
                        writeln!(err, "newsgraph: {iri}: stored text missing; its graph was not rewritten")?;
                        continue;
                    };
                    Some(article)
                };
                jobs.push(Job { iri, ls, links, is_fresh, stored });
            }
            let made: Vec<Made> = {
                use rayon::prelude::*;
                let idx = st.index();
                let idx = &*idx;
                let fresh = &fresh;
                jobs.par_iter().map(|j| make_graph(idx, fresh, j)).collect()
            };
            for (job, made) in jobs.into_iter().zip(made) {
                let Job { iri, ls, links, .. } = job;
                let node = NamedNode::new_unchecked(iri.clone());
                let (quads, digest, old, speaking) = match made {
                    Made::Stale(records) => {
                        // Written by another version of the extractor: resolve again with what it finds now.
                        let mut idx = st.index_mut();
                        if let Some(old) = idx.articles.get(iri) {
                            seeds.extend(old.entities.iter().chain(&records).flat_map(resolve::record_keys));
                            affected.extend(old.links.iter().map(|l| l.0.clone()));
                        }
                        idx.set_entities(iri, records);
                        if let Some(e) = idx.entry_mut(iri) {
                            e.links.clear();
                        }
                        stale_records = true;
                        continue;
                    }
                    Made::Unlinked => {
                        anyhow::bail!("internal error: {iri}: an entity record was left out of resolution")
                    }
                    Made::Graph { quads, digest, old, speaking } => (quads, digest, old, speaking),
                };
                if !fresh.contains_key(iri) {
                    outcome.rewritten += 1;
                    speakers.extend(st.speakers_in(&node)?);
                }
                // Written in groups: one transaction (or bulk load) for many article graphs.
                queued_quads += quads.len();
                queued.push((node, quads));
                known += usize::from(old.is_some());
                olds.push(old);
                if written.len().is_multiple_of(GRAPH_CHUNK) {
                    progress(format!("article graphs written: {} of {}", written.len(), comp.len()));
                }
                if queued.len() >= 2048 || queued_quads >= QUEUED_QUADS {
                    queued_quads = 0;
                    st.replace_graphs_from(&std::mem::take(&mut queued), &std::mem::take(&mut olds))?;
                }
                for s in speaking {
                    speakers.insert(rdf::entity_iri(&links[s].0));
                }
                if fresh.contains_key(iri) {
                    outcome.named.extend(links.iter().map(|l| l.0.clone()));
                }
                if let Some(e) = st.index_mut().entry_mut(iri) {
                    counted.extend(e.links.iter().chain(&links).filter(|l| !l.0.is_empty()).map(|l| l.0.clone()));
                    // Only the component's entities are described anew; the others did not change.
                    affected.extend(
                        ls.iter().flat_map(|&l| e.links.get(l).into_iter().chain(links.get(l))).map(|l| l.0.clone()),
                    );
                    e.links = links;
                    e.graph = Some(digest);
                }
                written.insert(iri.clone());
            }
        }
        st.replace_graphs_from(&std::mem::take(&mut queued), &std::mem::take(&mut olds))?;
        queued_quads = 0;
        if !stale_records || rounds >= 3 {
            break (comp, res);
        }
    };

    // The article graphs are read from here on (quotations, counts): the background load ends.
    st.finish_loads()?;
    lap(&format!(
        "resolved, {} article graphs written ({} older ones rewritten, {known} of them without reading them)",
        written.len(),
        outcome.rewritten
    ));
    progress("describing entities".into());
    // The entities graph: an entity's description changes with its records (those of
    // written and removed articles), its id (then its articles were written again), or
    // its country's entity (then all places of that country are in the component).
    if all_records {
        affected.extend(res.entities.iter().map(|e| e.id.clone()));
    }
    for e in &res.entities {
        if e.geo.as_ref().and_then(|g| g.country_code.as_ref()).is_some_and(|cc| whole_countries.contains(cc)) {
            affected.insert(e.id.clone());
        }
    }
    // The country of a place outside the component is as the store describes it (when a
    // country changed, all its places are in the component).
    let mut countries = rdf::countries(&res.entities);
    for e in &res.entities {
        if let Some(cc) = e.geo.as_ref().and_then(|g| g.country_code.as_ref())
            && !all_records
            && !whole_countries.contains(cc)
            && !countries.contains_key(cc)
            && let Some(id) = st.country_entity(cc)?
        {
            countries.insert(cc.clone(), id);
        }
    }
    // The descriptions are made and written in chunks of entities (below), not all at once.
    let res_countries = countries.clone();
    let mut described: Vec<GlobalEntity> = Vec::new();
    // Summaries: of the entities the component described anew, made from its records (every
    // record of an entity is in its component); of the merged ones, as merged. A merged
    // entity that gained a name is described from its summary.
    {
        let mut idx = st.index_mut();
        let built = {
            let idx = &*idx;
            let recs = comp.iter().enumerate().flat_map(|(a, (iri, ls))| {
                let e = &idx.articles[iri];
                let res = &res;
                ls.iter().enumerate().map(move |(j, &l)| {
                    let g = &res.entities[res.links[a][j]];
                    ((iri.as_str(), l), &e.entities[l], g.id.as_str())
                })
            });
            let mut built = resolve::summary::build(recs);
            for g in &res.entities {
                if let Some(s) = built.get_mut(&g.id) {
                    s.name.clone_from(&g.name);
                }
            }
            built
        };
        if all_records {
            for id in idx.summary_ids() {
                if !built.contains_key(&id) {
                    idx.set_summary(&id, None);
                }
            }
            for (id, s) in built {
                idx.set_summary(&id, Some(s));
            }
        } else {
            for id in &affected {
                idx.set_summary(id, built.get(id).cloned());
            }
        }
        for (id, s) in &merged.summaries {
            debug_assert!(!affected.contains(id), "{id} merged and resolved");
            if merged.described.contains(id) {
                let e = s.entity();
                if let Some(cc) = e.geo.as_ref().and_then(|g| g.country_code.as_ref())
                    && !countries.contains_key(cc)
                    && let Some(c) = st.country_entity(cc)?
                {
                    countries.insert(cc.clone(), c);
                }
                described.push(e);
                affected.insert(id.clone());
            }
            idx.set_summary(id, Some(s.clone()));
        }
    }
    // Lone bare surnames: described as they arrive, gone as they leave.
    for id in merged.singles.keys() {
        debug_assert!(!affected.contains(id), "{id} merged and resolved");
        affected.insert(id.clone());
    }
    affected.extend(merged.gone.iter().cloned());
    {
        // Each affected entity's description: from the resolution, its merged summary or a lone
        // bare surname (none: it goes).
        let mut source: HashMap<&str, (&GlobalEntity, &HashMap<String, String>)> = HashMap::new();
        for e in res.entities.iter().filter(|e| affected.contains(&e.id)) {
            source.insert(e.id.as_str(), (e, &res_countries));
        }
        for e in &described {
            source.insert(e.id.as_str(), (e, &countries));
        }
        for (id, e) in &merged.singles {
            source.insert(id.as_str(), (e, &countries));
        }
        let ids: Vec<&String> = affected.iter().collect();
        for chunk in ids.chunks(ENTITY_CHUNK) {
            let quads: Vec<oxigraph::model::Quad> = chunk
                .iter()
                .filter_map(|id| source.get(id.as_str()))
                .flat_map(|(e, countries)| rdf::entity_quads(e, countries))
                .collect();
            st.replace_entities(&chunk.iter().map(|id| (*id).clone()).collect(), quads)?;
        }
    }

    lap("entities graph set");
    counted.extend(affected.iter().cloned());
    counted.extend(left.iter().flat_map(|(_, old)| old.links.iter()).filter(|l| !l.0.is_empty()).map(|l| l.0.clone()));
    if let Some(all) = uncounted {
        counted.extend(all);
    }
    st.set_article_counts(&counted)?;
    lap(&format!("article counts of {} entities set", counted.len()));
    progress("near duplicates".into());
    // Near duplicates of every article in scope; the links of those whose list changed (and
    // of the articles that arrived or left) are set again. A link stands while either end
    // lists the other, so the links between two articles whose lists stayed are unchanged.
    let mut pairs: BTreeMap<(String, String), f64> = BTreeMap::new();
    let mut clear: BTreeSet<String> = removed.clone();
    {
        let mut idx = st.index_mut();
        // RocksDB: every article sharing a band with one in scope.
        for a in &near_scope {
            if let Some(sig) = idx.articles.get(a).map(|e| e.minhash.clone()) {
                idx.fetch_bands(&sig)?;
            }
        }
        let present: Vec<String> = near_scope.iter().filter(|a| idx.articles.contains_key(*a)).cloned().collect();
        // Each article's similar-enough neighbours, kept for the links below: an article that
        // lists another, or that another lists, is similar enough to it (the estimate is
        // symmetric), so the links are found among them without reading the bands again.
        let mut above: HashMap<&str, Vec<(String, f64)>> = HashMap::new();
        for a in &present {
            let all = similar_enough(&idx, a);
            let close: Vec<String> = all.iter().take(similar::MAX_LINKS).map(|c| c.0.clone()).collect();
            above.insert(a.as_str(), all);
            if idx.articles.get(a).is_some_and(|e| e.near != close) {
                if let Some(e) = idx.entry_mut(a) {
                    e.near = close;
                }
                clear.insert(a.clone());
            } else if fresh.contains_key(a) || everything {
                clear.insert(a.clone());
            }
        }
        for a in present.iter().filter(|a| clear.contains(*a)) {
            let entry = &idx.articles[a];
            for (b, sim) in above.get(a.as_str()).into_iter().flatten() {
                let Some(other) = idx.articles.get(b) else { continue };
                if entry.near.contains(b) || other.near.contains(a) {
                    let key = if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
                    pairs.insert(key, *sim);
                }
            }
        }
    }
    st.clear_near_duplicates(&clear)?;
    let mut quads = Vec::new();
    for ((a, b), sim) in pairs {
        quads.extend(rdf::near_duplicate_quads(&NamedNode::new_unchecked(a), &NamedNode::new_unchecked(b), sim));
    }
    st.insert(&quads)?;

    lap("near duplicates");
    progress("claims".into());
    // Claims: regroup the quotations of every speaker concerned.
    st.prefetch_quotations(&speakers)?;
    let mut claims = Vec::new();
    for speaker in speakers {
        let quotes = st.quotations_by(&speaker)?;
        let groups = resolve::claims::group(&quotes);
        let quads = rdf::claim_quads(&speaker, &quotes, &groups);
        claims.push((speaker, quads));
    }
    lap(&format!("claims: quotations of {} speakers read and grouped", claims.len()));
    st.replace_claims(&claims)?;
    lap("claims");
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Access, Backend};

    fn upsert(id: &str, place: &str, town: &str) -> Upsert {
        let text = format!(
            "Grain shipments resume\n\nGrain shipments from {place} to Porthaven resumed on Monday (report {id}), \
             officials in {town} said. “The harbour is open again,” said Marta Kowalczyk, adding that {place} \
             had sent two ships to Germany and France.\n"
        );
        let article = Article { id: id.to_string(), headline: "Grain shipments resume".into(), text };
        let extraction = crate::extract::extract(&article);
        let signature = similar::signature(&article.text);
        Upsert::new(article, extraction, signature)
    }

    /// The public graph, sorted N-Quads.
    fn sorted_dump(st: &GraphStore) -> Vec<String> {
        let mut out = Vec::new();
        st.dump(oxigraph::io::RdfFormat::NQuads, &mut out).unwrap();
        let mut lines: Vec<String> = String::from_utf8(out).unwrap().lines().map(str::to_string).collect();
        lines.sort();
        lines
    }

    /// Changes in several batches, each writing its article graphs (stored ones rewritten
    /// among them) and entity descriptions in several chunks (small in unit tests), give the
    /// graph one batch of the final articles gives, on each backend this build has.
    #[test]
    fn graphs_and_descriptions_written_in_chunks_equal_one_batch() {
        let mut backends = vec![Backend::Memory];
        if Backend::RocksDb.available() {
            backends.push(Backend::RocksDb);
        }
        let names = ["the U.S.", "the United States", "America", "the US", "the USA"];
        let towns = ["Leeds", "York", "Hull"];
        let all = |i: usize| upsert(&format!("a{i}"), names[i % names.len()], towns[i % towns.len()]);
        for backend in backends {
            let dir = tempfile::tempdir().unwrap();
            let mut sink = Vec::new();
            let st = GraphStore::open_with(&dir.path().join("batches"), Access::Write, Some(backend)).unwrap();
            for part in [0..3, 3..8, 8..12] {
                apply(&st, part.map(all).collect(), &[], &mut sink).unwrap();
                st.save().unwrap();
            }
            let gone = [rdf::article_iri("a4")];
            apply(&st, vec![upsert("a5", "America", "Hull")], &gone, &mut sink).unwrap();
            st.save().unwrap();
            let one = GraphStore::open_with(&dir.path().join("one"), Access::Write, Some(backend)).unwrap();
            let mut last: Vec<Upsert> = (0..12).filter(|&i| i != 4 && i != 5).map(all).collect();
            last.push(upsert("a5", "America", "Hull"));
            apply(&one, last, &[], &mut sink).unwrap();
            one.save().unwrap();
            let (x, y) = (sorted_dump(&st), sorted_dump(&one));
            assert!(x.len() > 100, "{backend:?}: {} quads", x.len());
            assert!(x == y, "{backend:?}: the graphs differ");
        }
    }

    /// The summaries kept change by change (merged or resolved with a component) are those
    /// built from every record afterwards, on each backend this build has.
    #[test]
    fn summaries_kept_change_by_change_are_those_built_from_every_record() {
        let mut backends = vec![Backend::Memory];
        if Backend::RocksDb.available() {
            backends.push(Backend::RocksDb);
        }
        for backend in backends {
            let dir = tempfile::tempdir().unwrap();
            let open = || GraphStore::open_with(dir.path(), Access::Write, Some(backend)).unwrap();
            let st = open();
            let mut sink = Vec::new();
            let names = ["the U.S.", "the United States", "America", "the US"];
            let first: Vec<Upsert> = (0..4).map(|i| upsert(&format!("b{i}"), names[i], "Leeds")).collect();
            apply(&st, first, &[], &mut sink).unwrap();
            st.save().unwrap();
            drop(st);
            let steps: Vec<(Vec<Upsert>, Vec<&str>)> = vec![
                (vec![upsert("c0", "the U.S.", "Leeds")], vec![]),
                (vec![upsert("d0", "the USA", "York")], vec![]),
                (vec![upsert("a0", "the U.S.", "Leeds"), upsert("c1", "America", "York")], vec![]),
                (vec![], vec!["c0"]),
                (vec![upsert("b2", "the U.S.", "York")], vec!["d0"]),
                (vec![], vec!["b0", "a0"]),
            ];
            for (n, (ups, gone)) in steps.into_iter().enumerate() {
                let st = open();
                let gone: Vec<NamedNode> = gone.iter().map(|id| rdf::article_iri(id)).collect();
                apply(&st, ups, &gone, &mut sink).unwrap();
                st.save().unwrap();
                let kept = st.index().summaries().unwrap();
                assert!(!kept.is_empty());
                st.index_mut().load_all().unwrap();
                assert_eq!(kept, st.index().summaries_from_records(), "{backend:?}, step {n}");
                drop(st);
                if backend == Backend::RocksDb {
                    let st = open();
                    assert_eq!(kept, st.index().summaries().unwrap(), "{backend:?}, step {n}: as saved");
                    drop(st);
                }
            }
        }
    }
}
