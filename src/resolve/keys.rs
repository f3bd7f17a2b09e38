//! Which stored entity records a change can affect.
//!
//! Every record has resolution keys ([`super::record_keys`]); records that share a key,
//! directly or through other records, form a component. Resolution decisions (which
//! records make one entity, its canonical name, its id) never cross components, so after
//! a change only the components of the records that left or arrived are resolved again.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{EntityRecord, record_keys};

/// An indexed article: its IRI, each record's keys, and the country of each place record.
#[derive(Debug)]
struct Indexed {
    iri: String,
    keys: Vec<Box<[u64]>>,
    countries: Vec<String>,
}

/// Resolution keys -> the records (article, position) holding them, for every stored article.
#[derive(Debug, Default)]
pub struct KeyIndex {
    handles: HashMap<String, u32>,
    /// Article IRI and each record's keys, by handle (None: a freed handle).
    articles: Vec<Option<Indexed>>,
    free: Vec<u32>,
    postings: HashMap<u64, Vec<(u32, u32)>>,
    /// Country code -> place records in that country (not a key: a place's description
    /// names its country's entity, but does not join it).
    countries: HashMap<String, Vec<(u32, u32)>>,
}

fn place_country(r: &EntityRecord) -> Option<&str> {
    (r.kind == crate::model::EntityKind::Place).then(|| r.geo.as_ref()?.country_code.as_deref()).flatten()
}

impl KeyIndex {
    /// Indexes an article's records (replacing what was indexed for it); returns their keys.
    pub fn add(&mut self, iri: &str, records: &[EntityRecord]) -> Vec<u64> {
        let keys = keys_of(records);
        self.add_keyed(iri, records, keys)
    }

    /// [`Self::add`] with the records' keys already computed ([`keys_of`]), as a bulk
    /// build computes them on all cores.
    pub fn add_keyed(&mut self, iri: &str, records: &[EntityRecord], keys: Vec<Box<[u64]>>) -> Vec<u64> {
        self.remove(iri);
        let h = match self.free.pop() {
            Some(h) => h,
            None => {
                self.articles.push(None);
                (self.articles.len() - 1) as u32
            }
        };
        let mut countries = Vec::new();
        for (l, ks) in keys.iter().enumerate() {
            for &k in ks.iter() {
                self.postings.entry(k).or_default().push((h, l as u32));
            }
            if let Some(cc) = place_country(&records[l]) {
                self.countries.entry(cc.to_string()).or_default().push((h, l as u32));
                countries.push(cc.to_string());
            }
        }
        let all: Vec<u64> = keys.iter().flat_map(|k| k.iter().copied()).collect();
        self.handles.insert(iri.to_string(), h);
        self.articles[h as usize] = Some(Indexed { iri: iri.to_string(), keys, countries });
        all
    }

    /// Forgets an article's records; returns their keys.
    pub fn remove(&mut self, iri: &str) -> Vec<u64> {
        let Some(h) = self.handles.remove(iri) else { return Vec::new() };
        let Some(Indexed { keys, countries, .. }) = self.articles[h as usize].take() else { return Vec::new() };
        for cc in countries {
            if let Some(v) = self.countries.get_mut(&cc) {
                v.retain(|x| x.0 != h);
                if v.is_empty() {
                    self.countries.remove(&cc);
                }
            }
        }
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
                if let Some(a) = &self.articles[h as usize] {
                    for &k2 in a.keys[l as usize].iter() {
                        if seen_keys.insert(k2) {
                            queue.push(k2);
                        }
                    }
                }
            }
        }
        let mut out: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (h, l) in records {
            if let Some(a) = &self.articles[h as usize] {
                out.entry(a.iri.clone()).or_default().insert(l as usize);
            }
        }
        out
    }

    /// The keys of every place record in the country with this code.
    pub fn country_keys(&self, code: &str) -> Vec<u64> {
        let mut out = Vec::new();
        for &(h, l) in self.countries.get(code).into_iter().flatten() {
            if let Some(a) = &self.articles[h as usize] {
                out.extend(a.keys[l as usize].iter().copied());
            }
        }
        out
    }

    /// The place records in the country with this code: (article IRI, record position).
    pub fn country_records(&self, code: &str) -> Vec<(&str, usize)> {
        let mut out = Vec::new();
        for &(h, l) in self.countries.get(code).into_iter().flatten() {
            if let Some(a) = &self.articles[h as usize] {
                out.push((a.iri.as_str(), l as usize));
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

/// The resolution keys of each record.
pub fn keys_of(records: &[EntityRecord]) -> Vec<Box<[u64]>> {
    records.iter().map(|r| record_keys(r).into_boxed_slice()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use crate::resolve::resolve_corpus;

    fn record(kind: EntityKind, name: &str, more: &[&str]) -> EntityRecord {
        EntityRecord {
            kind,
            subtype: None,
            name: name.to_string(),
            surfaces: std::iter::once(name).chain(more.iter().copied()).map(String::from).collect(),
            geo: None,
        }
    }

    /// A small deterministic generator: articles drawing names from pools that share
    /// surnames, initials, nicknames, acronyms and namesakes.
    fn corpus(seed: u64, n: usize) -> Vec<Vec<EntityRecord>> {
        use EntityKind::{Organization, Person, Place};
        let pool: Vec<EntityRecord> = vec![
            record(Person, "Bill Clinton", &["Clinton"]),
            record(Person, "Hillary Clinton", &["Mrs. Clinton"]),
            record(Person, "Clinton", &[]),
            record(Person, "William Clinton", &[]),
            record(Person, "W. Clinton", &[]),
            record(Person, "Sergei Ivanov", &["Ivanov"]),
            record(Person, "Sergey Ivanov", &[]),
            record(Person, "Ivanov", &[]),
            record(Person, "Anna Smith", &["Ms Smith"]),
            record(Person, "Smith", &[]),
            record(Organization, "North Atlantic Treaty Organization", &[]),
            record(Organization, "NATO", &[]),
            record(Organization, "Acme Inc", &["Acme"]),
            record(Organization, "Acme", &[]),
            record(Organization, "Smith", &[]),
            record(Place, "Springfield", &[]),
            record(Place, "Springfeld", &[]),
        ];
        let mut rng =
            crate::rng::XorShift::new(seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407));
        let mut next = || rng.next_u64();
        (0..n)
            .map(|_| (0..1 + next() % 5).map(|_| pool[(next() % pool.len() as u64) as usize].clone()).collect())
            .collect()
    }

    #[test]
    fn resolving_a_component_gives_what_resolving_everything_gives_it() {
        for seed in 1..40u64 {
            let articles = corpus(seed, 12);
            let iris: Vec<String> = (0..articles.len()).map(|i| format!("a{i:02}")).collect();
            let all: Vec<&[EntityRecord]> = articles.iter().map(Vec::as_slice).collect();
            let names: Vec<&str> = iris.iter().map(String::as_str).collect();
            let global = resolve_corpus(&all, &names);
            let mut keys = KeyIndex::default();
            for (iri, a) in iris.iter().zip(&articles) {
                keys.add(iri, a);
            }
            // The component of one article's records.
            let changed = (seed as usize) % articles.len();
            let seeds: Vec<u64> = articles[changed].iter().flat_map(record_keys).collect();
            let comp = keys.component(seeds);
            let parts: Vec<(usize, Vec<usize>)> = comp
                .iter()
                .map(|(iri, ls)| (iris.iter().position(|x| x == iri).unwrap(), ls.iter().copied().collect()))
                .collect();
            let owned: Vec<Vec<EntityRecord>> =
                parts.iter().map(|(a, ls)| ls.iter().map(|&l| articles[*a][l].clone()).collect()).collect();
            let refs: Vec<&[EntityRecord]> = owned.iter().map(Vec::as_slice).collect();
            let local_iris: Vec<&str> = parts.iter().map(|(a, _)| iris[*a].as_str()).collect();
            let local = resolve_corpus(&refs, &local_iris);
            assert!(parts.iter().any(|(a, _)| *a == changed) || articles[changed].is_empty());
            for (i, (a, ls)) in parts.iter().enumerate() {
                for (j, &l) in ls.iter().enumerate() {
                    let (g, c) = (&global.entities[global.links[*a][l]], &local.entities[local.links[i][j]]);
                    assert_eq!((&g.id, &g.name), (&c.id, &c.name), "seed {seed}, article {a}, record {l}");
                }
            }
        }
    }
}
