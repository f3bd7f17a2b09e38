//! Which stored entity records a change can affect.
//!
//! Every record has resolution keys ([`super::record_keys`]); records that share a key,
//! directly or through other records, form a component. Resolution decisions (which
//! records make one entity, its canonical name, its id) never cross components but for
//! one count: a bare surname joins the one person with a given name under it, and none
//! when there are several. So after a change only the components of the records that left
//! or arrived are resolved again, with, for each surname of a bare surname in them, either
//! the knowledge that two people or more outside have a given name under it, or every
//! record under it ([`KeyIndex::component`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::{EntityRecord, PASSIVE, SIDE, record_keys};

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
    /// A surname's side key -> the people with a given name under it.
    side: HashMap<u64, Vec<(u32, u32)>>,
    /// Country code -> place records in that country (not a key: a place's description
    /// names its country's entity, but does not join it).
    countries: HashMap<String, Vec<(u32, u32)>>,
}

pub fn place_country(r: &EntityRecord) -> Option<&str> {
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
                let map = if k & SIDE != 0 { &mut self.side } else { &mut self.postings };
                map.entry(k).or_default().push((h, l as u32));
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
                let map = if k & SIDE != 0 { &mut self.side } else { &mut self.postings };
                if let Some(p) = map.get_mut(&k) {
                    p.retain(|x| x.0 != h);
                    if p.is_empty() {
                        map.remove(&k);
                    }
                }
                all.push(k);
            }
        }
        self.free.push(h);
        all
    }

    /// The records connected to `seeds` through shared keys (side keys name surnames to
    /// check), and the surnames whose bare records may be resolved as ambiguous.
    ///
    /// A bare surname's record needs the number of people with a given name under it.
    /// For every surname of a bare key or side key met (or among `seeds`), the people under
    /// it outside the component are counted by their entity as stored (`link`: the entity
    /// id stored for an article's record): two or more, and the surname is ambiguous for
    /// the component (the records outside keep their entities, so the count stays at two
    /// or more whatever the component resolves to); else every record under it, and every
    /// bare record of it, joins the component, which then grows until nothing changes. A
    /// record without a stored entity counts as unknown (it joins).
    pub fn component<'a>(
        &'a self,
        seeds: impl IntoIterator<Item = u64>,
        link: impl Fn(&str, usize) -> Option<&'a str>,
    ) -> Component {
        let mut seen_keys: HashSet<u64> = HashSet::new();
        let mut queue: Vec<u64> = Vec::new();
        // Surnames (bare key) to check -> pulled in whole.
        let mut surnames: BTreeMap<u64, bool> = BTreeMap::new();
        let note = |k: u64, seen_keys: &mut HashSet<u64>, queue: &mut Vec<u64>, surnames: &mut BTreeMap<u64, bool>| {
            if k & SIDE != 0 {
                surnames.entry(k & !SIDE).or_insert(false);
            } else if seen_keys.insert(k) {
                queue.push(k);
                if k & PASSIVE == 0 && self.side.contains_key(&(k | SIDE)) {
                    surnames.entry(k).or_insert(false);
                }
            }
        };
        for k in seeds {
            note(k, &mut seen_keys, &mut queue, &mut surnames);
        }
        let mut records: HashSet<(u32, u32)> = HashSet::new();
        let mut ambiguous: HashSet<u64> = HashSet::new();
        loop {
            while let Some(k) = queue.pop() {
                // A key met passively visits its plain holders; met plainly, its passive ones too.
                let passive = (k & PASSIVE == 0).then(|| self.postings.get(&(k | PASSIVE))).flatten();
                let plain = self.postings.get(&(k & !PASSIVE));
                for &(h, l) in plain.into_iter().chain(passive).flatten() {
                    if !records.insert((h, l)) {
                        continue;
                    }
                    if let Some(a) = &self.articles[h as usize] {
                        for &k2 in a.keys[l as usize].iter() {
                            note(k2, &mut seen_keys, &mut queue, &mut surnames);
                        }
                    }
                }
            }
            // The surnames not pulled in whole: two people or more outside, or pull them in.
            ambiguous.clear();
            let mut pull: Vec<u64> = Vec::new();
            for (&s, _) in surnames.iter().filter(|x| !*x.1) {
                let mut ids: Vec<&str> = Vec::new();
                for &(h, l) in self.side.get(&(s | SIDE)).into_iter().flatten() {
                    if records.contains(&(h, l)) {
                        continue;
                    }
                    let id = self.articles[h as usize].as_ref().and_then(|a| link(&a.iri, l as usize));
                    match id {
                        Some(id) if ids.contains(&id) => {}
                        Some(id) => ids.push(id),
                        None => {
                            ids.clear();
                            break;
                        }
                    }
                    if ids.len() >= 2 {
                        break;
                    }
                }
                if ids.len() >= 2 {
                    ambiguous.insert(s);
                } else {
                    pull.push(s);
                }
            }
            if pull.is_empty() {
                break;
            }
            for s in pull {
                surnames.insert(s, true);
                note(s, &mut seen_keys, &mut queue, &mut surnames);
                for &(h, l) in self.side.get(&(s | SIDE)).into_iter().flatten() {
                    if records.insert((h, l))
                        && let Some(a) = &self.articles[h as usize]
                    {
                        for &k2 in a.keys[l as usize].iter() {
                            note(k2, &mut seen_keys, &mut queue, &mut surnames);
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
        let mut walked: Vec<u64> = seen_keys.into_iter().collect();
        walked.sort_unstable();
        Component { records: out, ambiguous, walked, counted: surnames.into_keys().collect() }
    }

    /// The records holding key `k`: (article IRI, record position).
    pub fn holders(&self, k: u64) -> Vec<(&str, usize)> {
        let map = if k & SIDE != 0 { &self.side } else { &self.postings };
        let mut out = Vec::new();
        for &(h, l) in map.get(&k).into_iter().flatten() {
            if let Some(a) = &self.articles[h as usize] {
                out.push((a.iri.as_str(), l as usize));
            }
        }
        out
    }

    /// The first `n` articles (in IRI order) with a record holding key `k`.
    pub fn first_articles(&self, k: u64, n: usize) -> Vec<&str> {
        let map = if k & SIDE != 0 { &self.side } else { &self.postings };
        let mut out: Vec<&str> = Vec::new();
        for &(h, _) in map.get(&k).into_iter().flatten() {
            if let Some(a) = &self.articles[h as usize] {
                let iri = a.iri.as_str();
                if let Err(at) = out.binary_search(&iri)
                    && at < n
                {
                    out.insert(at, iri);
                    out.truncate(n);
                }
            }
        }
        out
    }

    /// The last record (in resolution order) holding key `k`.
    pub fn last_holder(&self, k: u64) -> Option<(&str, usize)> {
        self.holders(k).into_iter().max()
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

/// What [`KeyIndex::component`] finds.
#[derive(Debug, Default)]
pub struct Component {
    /// Article IRI -> positions of its records in the component.
    pub records: BTreeMap<String, BTreeSet<usize>>,
    /// Surnames ([`super::surname_key`]) with two people or more under them outside.
    pub ambiguous: HashSet<u64>,
    /// Every key the walk looked up (side bit clear): a store reading its postings by key
    /// reads these, and their side keys, before the walk can be trusted. One met passively
    /// ([`PASSIVE`] set) looked up its plain holders only; one met plainly, its passive
    /// holders too (`k | PASSIVE`).
    pub walked: Vec<u64>,
    /// The surnames ([`super::surname_key`]) whose people with a given name were counted
    /// (or pulled in): their side keys too.
    pub counted: Vec<u64>,
}

/// The resolution keys of each record.
pub fn keys_of(records: &[EntityRecord]) -> Vec<Box<[u64]>> {
    records.iter().map(|r| record_keys(r).into_boxed_slice()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use crate::resolve::{resolve_component, resolve_corpus};

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
    /// surnames, initials, nicknames, acronyms and namesakes, bare surnames, and names
    /// that bear a second surname ("Xi Feng" called "Mr. Xi").
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
            record(Person, "Xi Feng", &["Mr. Xi"]),
            record(Person, "Xi Ling", &["Mr. Xi"]),
            record(Person, "Xi", &[]),
            record(Person, "Anna Xi", &[]),
            record(Person, "Feng", &[]),
            record(Person, "Tom Feng", &["Feng"]),
            record(Person, "Thomas Feng", &[]),
            record(Person, "Ling", &["Mr. Ling"]),
            record(Person, "Bob Ling", &[]),
            record(Person, "Robert Ling", &["Ling"]),
            record(Person, "Kata Clinton", &["Clinton"]),
            record(Person, "Kapal Clinton", &[]),
            record(Person, "K. Clinton", &[]),
            record(Person, "Rob Ling", &[]),
            record(Organization, "North Atlantic Treaty Organization", &[]),
            record(Organization, "NATO", &[]),
            record(Organization, "Acme Inc", &["Acme"]),
            record(Organization, "Acme", &[]),
            record(Organization, "Smith", &[]),
            record(Place, "Springfield", &[]),
            record(Place, "Springfeld", &[]),
        ];
        let mut rng = crate::rng::XorShift::for_case(seed);
        let mut next = || rng.next_u64();
        (0..n)
            .map(|_| (0..1 + next() % 5).map(|_| pool[(next() % pool.len() as u64) as usize].clone()).collect())
            .collect()
    }

    /// Every record's (id, name) when the whole corpus `articles` (all but `without`) is resolved.
    fn resolve_all(
        articles: &[Vec<EntityRecord>],
        iris: &[String],
        without: Option<usize>,
    ) -> HashMap<(usize, usize), (String, String)> {
        let kept: Vec<usize> = (0..articles.len()).filter(|&a| Some(a) != without).collect();
        let refs: Vec<&[EntityRecord]> = kept.iter().map(|&a| articles[a].as_slice()).collect();
        let names: Vec<&str> = kept.iter().map(|&a| iris[a].as_str()).collect();
        let r = resolve_corpus(&refs, &names);
        let mut out = HashMap::new();
        for (i, &a) in kept.iter().enumerate() {
            for (l, &g) in r.links[i].iter().enumerate() {
                out.insert((a, l), (r.entities[g].id.clone(), r.entities[g].name.clone()));
            }
        }
        out
    }

    /// An article arrives in (or leaves) a corpus whose records carry the entities a whole
    /// resolution gave them before: its component, resolved alone, gives every record in it
    /// what resolving the whole new corpus gives, and every record outside keeps its entity.
    #[test]
    fn resolving_a_component_gives_what_resolving_everything_gives_it() {
        let mut largest = 0;
        for seed in 1..120u64 {
            let articles = corpus(seed, 14);
            let iris: Vec<String> = (0..articles.len()).map(|i| format!("a{i:02}")).collect();
            let changed = (seed as usize) % articles.len();
            for arrives in [true, false] {
                // Before and after the change.
                let (before, after) = if arrives {
                    (resolve_all(&articles, &iris, Some(changed)), resolve_all(&articles, &iris, None))
                } else {
                    (resolve_all(&articles, &iris, None), resolve_all(&articles, &iris, Some(changed)))
                };
                let mut keys = KeyIndex::default();
                for (a, (iri, recs)) in iris.iter().zip(&articles).enumerate() {
                    if arrives || a != changed {
                        keys.add(iri, recs);
                    }
                }
                let seeds: Vec<u64> = articles[changed].iter().flat_map(record_keys).collect();
                let stored = |iri: &str, l: usize| {
                    let a = iris.iter().position(|x| x == iri)?;
                    before.get(&(a, l)).map(|x| x.0.as_str())
                };
                let comp = keys.component(seeds, stored);
                let parts: Vec<(usize, Vec<usize>)> = comp
                    .records
                    .iter()
                    .map(|(iri, ls)| (iris.iter().position(|x| x == iri).unwrap(), ls.iter().copied().collect()))
                    .collect();
                largest = largest.max(parts.iter().map(|p| p.1.len()).sum::<usize>());
                let owned: Vec<Vec<EntityRecord>> =
                    parts.iter().map(|(a, ls)| ls.iter().map(|&l| articles[*a][l].clone()).collect()).collect();
                let refs: Vec<&[EntityRecord]> = owned.iter().map(Vec::as_slice).collect();
                let local_iris: Vec<&str> = parts.iter().map(|(a, _)| iris[*a].as_str()).collect();
                let local = resolve_component(&refs, &local_iris, &comp.ambiguous);
                if arrives && !articles[changed].is_empty() {
                    assert!(parts.iter().any(|(a, _)| *a == changed));
                }
                let mut inside = std::collections::HashSet::new();
                for (i, (a, ls)) in parts.iter().enumerate() {
                    for (j, &l) in ls.iter().enumerate() {
                        inside.insert((*a, l));
                        let c = &local.entities[local.links[i][j]];
                        assert_eq!(
                            after[&(*a, l)],
                            (c.id.clone(), c.name.clone()),
                            "seed {seed}, arrives {arrives}, article {a}, record {l}"
                        );
                    }
                }
                for (at, entity) in &after {
                    if !inside.contains(at) {
                        assert_eq!(before.get(at), Some(entity), "seed {seed}, arrives {arrives}, outside {at:?}");
                    }
                }
            }
        }
        assert!(largest > 0);
    }

    /// People with unrelated given names under one surname are not one component, and a
    /// bare surname two people outside share leaves them out.
    #[test]
    fn one_surname_does_not_join_every_person() {
        use EntityKind::Person;
        let articles: Vec<Vec<EntityRecord>> = vec![
            vec![record(Person, "Anna Trump", &["Trump"])],
            vec![record(Person, "Boris Trump", &["Trump"])],
            vec![record(Person, "Carl Trump", &["Mr. Trump"])],
            vec![record(Person, "Trump", &[])],
            vec![record(Person, "Alexei Trump", &[])],
        ];
        let iris: Vec<String> = (0..articles.len()).map(|i| format!("a{i}")).collect();
        let all = resolve_all(&articles, &iris, None);
        let mut keys = KeyIndex::default();
        for (iri, recs) in iris.iter().zip(&articles) {
            keys.add(iri, recs);
        }
        let stored = |iri: &str, l: usize| {
            let a = iris.iter().position(|x| x == iri)?;
            all.get(&(a, l)).map(|x| x.0.as_str())
        };
        let comp = keys.component(record_keys(&articles[4][0]), stored);
        let got: Vec<&str> = comp.records.keys().map(String::as_str).collect();
        assert_eq!(got, ["a4"], "Alexei and Anna share the letter of their given name only");
        assert!(comp.ambiguous.contains(&crate::resolve::surname_key("trump")));
        let comp = keys.component(record_keys(&articles[3][0]), stored);
        assert_eq!(comp.records.keys().map(String::as_str).collect::<Vec<_>>(), ["a3"]);
        assert!(comp.ambiguous.contains(&crate::resolve::surname_key("trump")));
    }

    /// An initial meets every given name of its letter under its surname (it may join any of
    /// them), and each of them meets it; two full names of one letter meet only through it.
    #[test]
    fn full_names_of_one_letter_meet_through_an_initial_only() {
        use EntityKind::Person;
        let component = |articles: &[Vec<EntityRecord>], of: usize| {
            let iris: Vec<String> = (0..articles.len()).map(|i| format!("a{i}")).collect();
            let mut keys = KeyIndex::default();
            for (iri, recs) in iris.iter().zip(articles) {
                keys.add(iri, recs);
            }
            // Everyone a person of their own, as stored: the surname is ambiguous.
            const IDS: [&str; 5] = ["e0", "e1", "e2", "e3", "e4"];
            let stored = |iri: &str, _| iri[1..].parse::<usize>().ok().map(|a| IDS[a]);
            let comp = keys.component(record_keys(&articles[of][0]), stored);
            comp.records.keys().cloned().collect::<Vec<_>>()
        };
        let mut articles: Vec<Vec<EntityRecord>> = vec![
            vec![record(Person, "Kata Clinton", &[])],
            vec![record(Person, "Kapal Clinton", &[])],
            vec![record(Person, "Bill Clinton", &[])],
            vec![record(Person, "William Clinton", &[])],
        ];
        assert_eq!(component(&articles, 0), ["a0"]);
        assert_eq!(component(&articles, 2), ["a2", "a3"], "nickname partners meet");
        articles.push(vec![record(Person, "K. Clinton", &[])]);
        assert_eq!(component(&articles, 0), ["a0", "a1", "a4"]);
        assert_eq!(component(&articles, 4), ["a0", "a1", "a4"]);
    }
}
