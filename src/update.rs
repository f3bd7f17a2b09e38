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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

use anyhow::Result;
use oxigraph::model::NamedNode;

use crate::model::{Article, Extraction};
use crate::rdf;
use crate::resolve::{self, EntityRecord, similar};
use crate::store::{ArticleIndex, GraphStore, Index};

/// One article to add or replace, already extracted.
pub struct Upsert {
    pub article: Article,
    pub extraction: Extraction,
    pub signature: Vec<u32>,
}

/// What an update did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Entities in the store after the update.
    pub entities: usize,
    /// Stored articles (not in the update) whose graphs were rewritten because an entity changed.
    pub rewritten: usize,
}

/// The closest near duplicates of a stored article, as a function of the stored set.
fn closest(idx: &Index, iri: &str) -> Vec<(String, f64)> {
    let Some(entry) = idx.articles.get(iri) else { return Vec::new() };
    let mut ranked: Vec<(&str, usize)> =
        idx.band_neighbours(&entry.minhash).into_iter().filter(|(a, _)| *a != iri).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut close: Vec<(String, f64)> = ranked
        .into_iter()
        .take(4 * similar::MAX_LINKS)
        .filter_map(|(a, _)| {
            let sim = similar::estimate(&entry.minhash, &idx.articles.get(a)?.minhash);
            (sim >= similar::NEAR_DUPLICATE).then(|| (a.to_string(), sim))
        })
        .collect();
    close.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    close.truncate(similar::MAX_LINKS);
    close
}

fn extend_new<'a>(set: &mut BTreeSet<String>, items: impl Iterator<Item = &'a str>) {
    for i in items {
        if !set.contains(i) {
            set.insert(i.to_string());
        }
    }
}

/// Adds or replaces `upserts` and removes `removals` (article IRIs), keeping every cross-article fact right.
pub fn apply(st: &GraphStore, upserts: Vec<Upsert>, removals: &[NamedNode], err: &mut dyn Write) -> Result<Outcome> {
    apply_with(st, upserts, removals, false, err)
}

/// After a RocksDB writer was killed between two saves: every cross-article graph is
/// computed again from the stored articles (their own graphs are whole: each was written
/// in one transaction). Records whose article graph is gone go too; articles without a
/// record are the caller's to add (`upserts`).
pub fn rebuild(st: &GraphStore, upserts: Vec<Upsert>, err: &mut dyn Write) -> Result<Outcome> {
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
    apply_with(st, upserts, &[], true, err)
}

/// `apply`; with `everything`, near duplicates are recomputed for every stored article.
fn apply_with(
    st: &GraphStore,
    upserts: Vec<Upsert>,
    removals: &[NamedNode],
    everything: bool,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    let timing = std::env::var_os("NEWSGRAPH_TIMING").is_some();
    let t0 = std::time::Instant::now();
    let lap = |what: &str| {
        if timing {
            eprintln!("timing: {what} {:.3} s", t0.elapsed().as_secs_f64());
        }
    };
    // Articles whose near-duplicate links may change, and articles that leave the store.
    let mut near_scope: BTreeSet<String> = BTreeSet::new();
    let mut removed: BTreeSet<String> = BTreeSet::new();
    let mut fresh: HashMap<String, Upsert> = HashMap::new();
    // Entities whose description may change: linked by an article before or after the update.
    let mut affected: BTreeSet<String> = BTreeSet::new();
    {
        let mut idx = st.index_mut();
        for r in removals {
            if let Some(old) = idx.remove(r.as_str()) {
                affected.extend(old.links.iter().map(|l| l.0.clone()));
                extend_new(&mut near_scope, idx.band_neighbours(&old.minhash).into_keys());
                removed.insert(r.as_str().to_string());
            }
        }
        for u in upserts {
            let iri = rdf::article_iri(&u.article.id).as_str().to_string();
            if let Some(old) = idx.remove(&iri) {
                affected.extend(old.links.iter().map(|l| l.0.clone()));
                extend_new(&mut near_scope, idx.band_neighbours(&old.minhash).into_keys());
            }
            let entry = ArticleIndex {
                id: u.article.id.clone(),
                digest: rdf::digest(&u.article.text),
                minhash: u.signature.clone(),
                entities: u.extraction.entities.iter().map(EntityRecord::of).collect(),
                links: Vec::new(),
                near: Vec::new(),
            };
            idx.insert(&iri, entry);
            fresh.insert(iri, u);
        }
        for (iri, u) in &fresh {
            extend_new(&mut near_scope, idx.band_neighbours(&u.signature).into_keys());
            near_scope.insert(iri.clone());
        }
        if everything {
            near_scope.extend(idx.articles.keys().cloned());
        }
    }
    // Speakers whose claims may change: of every quotation removed or written.
    let mut speakers: BTreeSet<NamedNode> = BTreeSet::new();
    for iri in removed.iter().chain(fresh.keys()) {
        speakers.extend(st.speakers_in(&NamedNode::new_unchecked(iri.clone()))?);
    }
    for iri in &removed {
        st.remove_graph(&NamedNode::new_unchecked(iri.clone()))?;
    }

    // Resolve the whole corpus again; rewrite the article graphs whose links changed.
    let mut written: BTreeSet<String> = BTreeSet::new();
    let mut rounds = 0;
    let mut queued: Vec<(NamedNode, Vec<oxigraph::model::Quad>)> = Vec::new();
    let res = loop {
        rounds += 1;
        let (iris, res) = {
            let idx = st.index();
            let iris: Vec<String> = idx.articles.keys().cloned().collect();
            let records: Vec<&[EntityRecord]> = idx.articles.values().map(|e| e.entities.as_slice()).collect();
            lap("records gathered");
            let r = resolve::resolve_corpus(&records);
            lap("resolve_corpus");
            (iris, r)
        };
        let mut stale_records = false;
        for (a, iri) in iris.iter().enumerate() {
            let links: Vec<(String, String)> =
                res.links[a].iter().map(|&g| (res.entities[g].id.clone(), res.entities[g].name.clone())).collect();
            let is_fresh = fresh.contains_key(iri) && !written.contains(iri);
            if !is_fresh && st.index().articles.get(iri).is_some_and(|e| e.links == links) {
                continue;
            }
            let node = NamedNode::new_unchecked(iri.clone());
            let (article, ex) = match fresh.get(iri) {
                Some(u) => (u.article.clone(), u.extraction.clone()),
                None => {
                    // Extraction is a function of the stored text: run it again rather than store it.
                    let Some(article) = st.article(&node)? else {
                        writeln!(err, "newsgraph: {iri}: stored text missing; its graph was not rewritten")?;
                        continue;
                    };
                    let ex = crate::extract::extract(&article);
                    let records: Vec<EntityRecord> = ex.entities.iter().map(EntityRecord::of).collect();
                    if st.index().articles.get(iri).is_some_and(|e| e.entities != records) {
                        // Written by another version of the extractor: resolve again with what it finds now.
                        if let Some(e) = st.index_mut().entry_mut(iri) {
                            e.entities = records;
                        }
                        stale_records = true;
                        continue;
                    }
                    outcome.rewritten += 1;
                    speakers.extend(st.speakers_in(&node)?);
                    (article, ex)
                }
            };
            let quads = rdf::article_quads(&article, &ex, &res.links[a], &res.entities);
            // Written in groups: one transaction for many article graphs.
            queued.push((node, quads));
            if queued.len() >= 256 {
                st.replace_graphs(&std::mem::take(&mut queued))?;
            }
            for q in ex.quotes.iter().chain(&ex.statements) {
                if let Some(s) = q.speaker {
                    speakers.insert(rdf::entity_iri(&res.entities[res.links[a][s]].id));
                }
            }
            if let Some(e) = st.index_mut().entry_mut(iri) {
                affected.extend(e.links.iter().chain(&links).map(|l| l.0.clone()));
                e.links = links;
            }
            written.insert(iri.clone());
        }
        st.replace_graphs(&std::mem::take(&mut queued))?;
        if !stale_records || rounds >= 3 {
            break res;
        }
    };

    lap(&format!("resolved, {} article graphs written", written.len()));
    // The entities graph: the resolved description of every affected entity, and of
    // the places of an affected country (their schema:containedInPlace names it).
    let countries = rdf::countries(&res.entities);
    let mut codes: BTreeSet<String> = st.country_codes(&affected)?;
    let by_id: HashMap<&str, usize> = res.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    for id in &affected {
        if let Some(cc) = by_id.get(id.as_str()).and_then(|&i| countries.iter().find(|c| *c.1 == res.entities[i].id)) {
            codes.insert(cc.0.clone());
        }
    }
    if !codes.is_empty() {
        for e in &res.entities {
            if e.geo.as_ref().and_then(|g| g.country_code.as_ref()).is_some_and(|cc| codes.contains(cc)) {
                affected.insert(e.id.clone());
            }
        }
    }
    let quads: Vec<_> = affected
        .iter()
        .filter_map(|id| by_id.get(id.as_str()))
        .flat_map(|&i| rdf::entity_quads(&res.entities[i], &countries))
        .collect();
    st.replace_entities(&affected, quads)?;
    outcome.entities = res.entities.len();

    lap("entities graph set");
    // Near duplicates of every article in scope, and the links that touch them.
    let mut clear = near_scope.clone();
    clear.extend(removed.iter().cloned());
    st.clear_near_duplicates(&clear)?;
    let mut pairs: BTreeMap<(String, String), f64> = BTreeMap::new();
    {
        let mut idx = st.index_mut();
        let present: Vec<String> = near_scope.iter().filter(|a| idx.articles.contains_key(*a)).cloned().collect();
        for a in &present {
            let close: Vec<String> = closest(&idx, a).into_iter().map(|c| c.0).collect();
            if idx.articles.get(a).is_some_and(|e| e.near != close)
                && let Some(e) = idx.entry_mut(a)
            {
                e.near = close;
            }
        }
        for a in &present {
            let entry = &idx.articles[a];
            for (b, _) in idx.band_neighbours(&entry.minhash) {
                let Some(other) = idx.articles.get(b) else { continue };
                if b != a && (entry.near.iter().any(|x| x == b) || other.near.iter().any(|x| x == a)) {
                    let key = if a.as_str() < b { (a.clone(), b.to_string()) } else { (b.to_string(), a.clone()) };
                    pairs.insert(key, similar::estimate(&entry.minhash, &other.minhash));
                }
            }
        }
    }
    let mut quads = Vec::new();
    for ((a, b), sim) in pairs {
        quads.extend(rdf::near_duplicate_quads(&NamedNode::new_unchecked(a), &NamedNode::new_unchecked(b), sim));
    }
    st.insert(&quads)?;

    lap("near duplicates");
    // Claims: regroup the quotations of every speaker concerned.
    st.prefetch_quotations(&speakers)?;
    for speaker in speakers {
        let quotes = st.quotations_by(&speaker)?;
        let groups = resolve::claims::group(&quotes);
        st.replace_claims(&speaker, &rdf::claim_quads(&speaker, &quotes, &groups))?;
    }
    lap("claims");
    Ok(outcome)
}
