//! Which stored entity records a change can affect.
//!
//! Every record has resolution keys ([`super::record_keys`]); records that share a key,
//! directly or through other records, form a component. Resolution decisions (which
//! records make one entity, its canonical name, its id) never cross components, so after
//! a change only the components of the records that left or arrived are resolved again.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{EntityRecord, record_keys};

/// An indexed article: its IRI and each record's keys.
type Indexed = (String, Vec<Box<[u64]>>);

/// Resolution keys -> the records (article, position) holding them, for every stored article.
#[derive(Debug, Default)]
pub struct KeyIndex {
    handles: HashMap<String, u32>,
    /// Article IRI and each record's keys, by handle (None: a freed handle).
    articles: Vec<Option<Indexed>>,
    free: Vec<u32>,
    postings: HashMap<u64, Vec<(u32, u32)>>,
}

impl KeyIndex {
    /// Indexes an article's records (replacing what was indexed for it); returns their keys.
    pub fn add(&mut self, iri: &str, records: &[EntityRecord]) -> Vec<u64> {
        self.remove(iri);
        let keys: Vec<Box<[u64]>> = records.iter().map(|r| record_keys(r).into_boxed_slice()).collect();
        let h = match self.free.pop() {
            Some(h) => h,
            None => {
                self.articles.push(None);
                (self.articles.len() - 1) as u32
            }
        };
        for (l, ks) in keys.iter().enumerate() {
            for &k in ks.iter() {
                self.postings.entry(k).or_default().push((h, l as u32));
            }
        }
        let all: Vec<u64> = keys.iter().flat_map(|k| k.iter().copied()).collect();
        self.handles.insert(iri.to_string(), h);
        self.articles[h as usize] = Some((iri.to_string(), keys));
        all
    }

    /// Forgets an article's records; returns their keys.
    pub fn remove(&mut self, iri: &str) -> Vec<u64> {
        let Some(h) = self.handles.remove(iri) else { return Vec::new() };
        let Some((_, keys)) = self.articles[h as usize].take() else { return Vec::new() };
        let mut all = Vec::new();
        for ks in &keys {
            for &k in ks.iter() {
                if let Some(p) = self.postings.get_mut(&k) {
                    p.retain(|x| x.0 != h);
                    if p.is_empty() {
                        self.postings.remove(&k);
                    }
                }
                all.push(k);
            }
        }
        self.free.push(h);
        all
    }

    /// The records connected to `seeds` through shared keys: article IRI -> record positions.
    pub fn component(&self, seeds: impl IntoIterator<Item = u64>) -> BTreeMap<String, BTreeSet<usize>> {
        let mut seen_keys: std::collections::HashSet<u64> = std::collections::HashSet::new();
        let mut queue: Vec<u64> = Vec::new();
        for k in seeds {
            if seen_keys.insert(k) {
                queue.push(k);
            }
        }
        let mut records: std::collections::HashSet<(u32, u32)> = std::collections::HashSet::new();
        while let Some(k) = queue.pop() {
            for &(h, l) in self.postings.get(&k).into_iter().flatten() {
                if !records.insert((h, l)) {
                    continue;
                }
                if let Some((_, keys)) = &self.articles[h as usize] {
                    for &k2 in keys[l as usize].iter() {
                        if seen_keys.insert(k2) {
                            queue.push(k2);
                        }
                    }
                }
            }
        }
        let mut out: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (h, l) in records {
            if let Some((iri, _)) = &self.articles[h as usize] {
                out.entry(iri.clone()).or_default().insert(l as usize);
            }
        }
        out
    }

    /// Indexed articles.
    pub fn len(&self) -> usize {
        self.handles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.handles.is_empty()
    }
}
