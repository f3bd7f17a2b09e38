//! What an entity's description is a function of, kept per entity so that one record can
//! join or leave a very common entity without resolving every record it holds again.
//!
//! A place or organisation entity is created by its first record (in the order resolution
//! reads records: article IRI, then position in the article) and takes that record's
//! GeoNames reference and subtype; when they are complete (GeoNames id, country, latitude,
//! longitude and subtype), no later record changes them, and every later record carrying
//! that GeoNames id finds the entity through it at once (`resolve::Index::find_other` looks
//! the id up first). What later records change is then: the alternate names (the union of
//! every record's names), the canonical name (the best-supported record name, counted), and
//! the lookups their names register. A [`Summary`] keeps exactly that: the first record, the
//! count of each record name, and each name the records bear with its count and the first
//! record bearing it.
//!
//! `update.rs` uses it to resolve a record by merging (`merge_add`, `merge_remove`) when
//! that gives what resolving the entity's whole component gives: the record comes after the
//! entity's first record, the canonical name does not move, and every name it brings is
//! either registered already by an earlier record of the entity or looked up by no record
//! after it (the caller checks the resolution keys' holders, [`lookup_keys`]).

use std::collections::BTreeMap;

use super::{EntityRecord, GlobalEntity, canonical_name, lookup_keys};
use crate::model::{EntityKind, GeoRef, Subtype};

/// A record's place in the order resolution reads records: (article IRI, position).
pub type Pos = (String, usize);

/// The aggregates an entity's description is a function of (see the module's text).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub kind: EntityKind,
    /// The entity's subtype and GeoNames reference: the first record's (which carries a
    /// GeoNames id), their gaps filled by later records.
    pub subtype: Option<Subtype>,
    pub geo: GeoRef,
    /// The first record's own: a record that would fill one of their gaps does not merge.
    pub first_subtype: Option<Subtype>,
    pub first_geo: GeoRef,
    /// The canonical name the entity was last described with.
    pub name: String,
    /// The first record and its name (the entity's name before canonical choice).
    pub first: Pos,
    pub first_name: String,
    /// Record name -> the number of records with it (the support of canonical choice).
    pub names: BTreeMap<String, usize>,
    /// Every name a record bears (its surfaces and its name) -> (records bearing it, the first).
    pub strings: BTreeMap<String, (usize, Pos)>,
}

/// The names a record bears: its surfaces and its name.
pub fn record_strings(r: &EntityRecord) -> impl Iterator<Item = &str> {
    let extra = (!r.surfaces.contains(&r.name)).then_some(r.name.as_str());
    r.surfaces.iter().map(String::as_str).chain(extra)
}

/// Whether `a` comes before `b` in resolution order.
pub fn before(a: (&str, usize), b: (&str, usize)) -> bool {
    a < b
}

impl Summary {
    /// The summary of an entity whose first record is `r`, when that record carries a
    /// GeoNames id (a place or organisation: later records carrying it find the entity by it).
    pub fn start(id: &str, pos: (&str, usize), r: &EntityRecord) -> Option<Self> {
        let geo = r.geo.as_ref()?;
        if r.kind == EntityKind::Person || geo.geonames_id.is_none() {
            return None;
        }
        let mut s = Self {
            id: id.to_string(),
            kind: r.kind,
            subtype: r.subtype,
            geo: geo.clone(),
            first_subtype: r.subtype,
            first_geo: geo.clone(),
            name: String::new(),
            first: (pos.0.to_string(), pos.1),
            first_name: r.name.clone(),
            names: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        s.add(pos, r);
        s.name = s.canonical();
        Some(s)
    }

    pub fn geonames(&self) -> u64 {
        self.geo.geonames_id.unwrap_or_default()
    }

    /// Counts a record of the entity (after the first one, in any order; in resolution
    /// order when it may fill a gap of the subtype or GeoNames reference, as `build` adds).
    pub fn add(&mut self, pos: (&str, usize), r: &EntityRecord) {
        if self.subtype.is_none() {
            self.subtype = r.subtype;
        }
        if let Some(g) = &r.geo {
            let known = &mut self.geo;
            known.country_code = known.country_code.take().or_else(|| g.country_code.clone());
            known.lat = known.lat.or(g.lat);
            known.lon = known.lon.or(g.lon);
        }
        *self.names.entry(r.name.clone()).or_default() += 1;
        for s in record_strings(r) {
            match self.strings.get_mut(s) {
                Some((n, first)) => {
                    *n += 1;
                    if before(pos, (first.0.as_str(), first.1)) {
                        *first = (pos.0.to_string(), pos.1);
                    }
                }
                None => {
                    self.strings.insert(s.to_string(), (1, (pos.0.to_string(), pos.1)));
                }
            }
        }
    }

    /// The canonical name resolution gives the entity's records.
    pub fn canonical(&self) -> String {
        canonical_name(self.kind, true, &self.first_name, &self.names)
    }

    /// The entity as the entities graph describes it.
    pub fn entity(&self) -> GlobalEntity {
        GlobalEntity {
            id: self.id.clone(),
            kind: self.kind,
            subtype: self.subtype,
            name: self.name.clone(),
            surfaces: self.strings.keys().cloned().collect(),
            geo: Some(self.geo.clone()),
        }
    }

    /// Whether record `r` at `pos` would find this entity first (it carries the entity's
    /// GeoNames id, is of its kind, and comes after its first record) and fills none of the
    /// gaps of the first record's subtype and GeoNames reference (so, arriving or leaving,
    /// changes neither wherever it stands).
    pub fn finds(&self, pos: (&str, usize), r: &EntityRecord) -> bool {
        let Some(g) = &r.geo else { return false };
        let f = &self.first_geo;
        r.kind == self.kind
            && g.geonames_id == Some(self.geonames())
            && before((self.first.0.as_str(), self.first.1), pos)
            && (r.subtype.is_none() || self.first_subtype.is_some())
            && (g.country_code.is_none() || f.country_code.is_some())
            && (g.lat.is_none() || f.lat.is_some())
            && (g.lon.is_none() || f.lon.is_some())
    }

    /// `r` arriving at `pos`, merged, when that is what resolving everything gives: it
    /// finds this entity, the canonical name stays, and each of its names is registered
    /// before it or new; the names new to the entity are returned (their lookups are the
    /// caller's to check: no record after `pos` may hold one of their `lookup_keys`).
    /// None, and nothing changed, when merging would not do.
    pub fn merge_add(&mut self, pos: (&str, usize), r: &EntityRecord) -> Option<Vec<String>> {
        if !self.finds(pos, r) {
            return None;
        }
        let mut new = Vec::new();
        for s in record_strings(r) {
            match self.strings.get(s) {
                Some((_, first)) if before((first.0.as_str(), first.1), pos) => {}
                Some(_) => return None,
                None => new.push(s.to_string()),
            }
        }
        let mut after = self.clone();
        after.add(pos, r);
        if after.canonical() != self.name {
            return None;
        }
        *self = after;
        Some(new)
    }

    /// `r` leaving from `pos`, merged: it is not the first record, every name it bears is
    /// borne by an earlier record (so it registered nothing), and the canonical name stays.
    pub fn merge_remove(&mut self, pos: (&str, usize), r: &EntityRecord) -> bool {
        if !self.finds(pos, r) {
            return false;
        }
        if !record_strings(r).all(|s| self.strings.get(s).is_some_and(|(_, f)| before((f.0.as_str(), f.1), pos))) {
            return false;
        }
        let mut after = self.clone();
        match after.names.get_mut(&r.name) {
            Some(n) if *n > 1 => *n -= 1,
            Some(_) => {
                after.names.remove(&r.name);
            }
            None => return false,
        }
        for s in record_strings(r) {
            if let Some((n, _)) = after.strings.get_mut(s) {
                *n -= 1;
            }
        }
        if after.canonical() != self.name {
            return false;
        }
        *self = after;
        true
    }

    /// The keys through which a name new to the entity can change what a later record finds.
    pub fn new_name_keys(&self, name: &str) -> Vec<u64> {
        lookup_keys(self.kind, name)
    }
}

/// The summaries of the entities the records `recs` (in resolution order: position, record,
/// entity id) make, for the entities that have one ([`Summary::start`]).
pub fn build<'a>(
    recs: impl IntoIterator<Item = ((&'a str, usize), &'a EntityRecord, &'a str)>,
) -> BTreeMap<String, Summary> {
    let mut out: BTreeMap<String, Option<Summary>> = BTreeMap::new();
    for (pos, r, id) in recs {
        if r.kind == EntityKind::Person || id.is_empty() {
            continue;
        }
        match out.get_mut(id) {
            Some(Some(s)) => s.add(pos, r),
            Some(None) => {}
            None => {
                out.insert(id.to_string(), Summary::start(id, pos, r));
            }
        }
    }
    out.into_iter()
        .filter_map(|(id, s)| {
            let mut s = s?;
            s.name = s.canonical();
            Some((id, s))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::{keys::KeyIndex, resolve_corpus};
    use std::collections::BTreeSet;

    fn place(name: &str, more: &[&str], geo: Option<(u64, Option<f64>)>, subtype: Option<Subtype>) -> EntityRecord {
        EntityRecord {
            kind: EntityKind::Place,
            subtype,
            name: name.to_string(),
            surfaces: std::iter::once(name).chain(more.iter().copied()).map(String::from).collect(),
            geo: geo.map(|(id, lat)| GeoRef { geonames_id: Some(id), country_code: Some("US".into()), lat, lon: lat }),
        }
    }

    /// Places sharing GeoNames ids, names, spellings (invented, so that the canonical name
    /// follows the counts); records with and without a subtype, a latitude, a GeoNames id;
    /// a name two places bear; names that only records without a GeoNames id bear too.
    fn corpus(seed: u64, n: usize) -> Vec<Vec<EntityRecord>> {
        let c = Some(Subtype::City);
        let pool = [
            place("Porthaven", &["Port Haven"], Some((9000001, None)), c),
            place("Porthaven", &[], Some((9000001, None)), c),
            place("Porthaven Bay", &["Porthaven"], Some((9000001, None)), c),
            place("Porthaven Bay", &[], Some((9000001, None)), None),
            place("P. Haven", &[], Some((9000001, Some(1.0))), c),
            place("Port Haven", &["Haven"], Some((9000001, None)), c),
            place("Port Haven", &[], None, None),
            place("Haven", &[], None, None),
            place("Kelmore", &["Haven"], Some((9000002, Some(2.0))), c),
            place("Kelmore Bay", &[], Some((9000002, Some(2.0))), None),
            place("Porthaven", &[], Some((9000003, Some(3.0))), c),
            place("Kelmore", &[], None, None),
        ];
        let mut rng = crate::rng::XorShift::for_case(seed);
        let mut next = || rng.next_u64();
        (0..n)
            .map(|_| (0..1 + next() % 3).map(|_| pool[(next() % pool.len() as u64) as usize].clone()).collect())
            .collect()
    }

    /// Each record's entity (id, name), the entities and the summaries, by a whole resolution.
    type Whole = (BTreeMap<Pos, (String, String)>, BTreeMap<String, GlobalEntity>, BTreeMap<String, Summary>);

    /// Every record's entity (id, name), the entities, and the summaries, when `articles` are resolved whole.
    fn resolve_all(articles: &[(String, Vec<EntityRecord>)]) -> Whole {
        let refs: Vec<&[EntityRecord]> = articles.iter().map(|a| a.1.as_slice()).collect();
        let iris: Vec<&str> = articles.iter().map(|a| a.0.as_str()).collect();
        let r = resolve_corpus(&refs, &iris);
        let mut links = BTreeMap::new();
        for (a, (iri, _)) in articles.iter().enumerate() {
            for (l, &g) in r.links[a].iter().enumerate() {
                links.insert((iri.clone(), l), (r.entities[g].id.clone(), r.entities[g].name.clone()));
            }
        }
        let recs = articles.iter().flat_map(|(iri, rs)| {
            let links = &links;
            rs.iter().enumerate().map(move |(l, r)| ((iri.as_str(), l), r, links[&(iri.clone(), l)].0.as_str()))
        });
        let mut sums = build(recs);
        for s in sums.values_mut() {
            s.name = links[&s.first].1.clone();
        }
        (links, r.entities.into_iter().map(|e| (e.id.clone(), e)).collect(), sums)
    }

    /// A one-record article arriving or leaving: when the summary says it merges (and, for
    /// a name new to the entity, no record after it holds that name's keys), resolving the
    /// whole corpus gives it that entity and name, changes no other record's entity, and
    /// describes the entity as the merged summary does.
    #[test]
    fn merging_gives_what_resolving_everything_gives() {
        let (mut merged_adds, mut merged_removes) = (0, 0);
        for seed in 1..3000u64 {
            let records = corpus(seed, 10);
            let mut articles: Vec<(String, Vec<EntityRecord>)> =
                records.into_iter().enumerate().map(|(i, r)| (format!("a{i:02}"), r)).collect();
            let pool = corpus(seed + 1000, 1);
            let r = pool[0][0].clone();
            let iri = format!("a{:02}", seed % 12);
            let x = (iri.clone(), 0usize);
            articles.retain(|a| a.0 != iri);
            let (before, _, sums) = resolve_all(&articles);
            let mut with = articles.clone();
            with.push((iri.clone(), vec![r.clone()]));
            with.sort_by(|a, b| a.0.cmp(&b.0));
            let (after, entities, sums_after) = resolve_all(&with);
            let Some(g) = r.geo.as_ref().and_then(|g| g.geonames_id) else { continue };
            // Arriving.
            if let Some(s) = sums.values().find(|s| s.kind == r.kind && s.geonames() == g) {
                let mut m = s.clone();
                if let Some(new) = m.merge_add((&iri, 0), &r) {
                    let mut keys = KeyIndex::default();
                    for (i, rs) in &with {
                        keys.add(i, rs);
                    }
                    let later = new
                        .iter()
                        .flat_map(|n| m.new_name_keys(n))
                        .any(|k| keys.holders(k).into_iter().any(|(h, l)| (h, l) > (iri.as_str(), 0)));
                    if !later {
                        merged_adds += 1;
                        assert_eq!(after[&x], (m.id.clone(), m.name.clone()), "seed {seed}: arriving");
                        for (at, e) in &before {
                            assert_eq!(&after[at], e, "seed {seed}: arriving, {at:?}");
                        }
                        assert_eq!(sums_after.get(&m.id), Some(&m), "seed {seed}: arriving");
                        assert_eq!(entities[&m.id], m.entity(), "seed {seed}: arriving");
                    }
                }
            }
            // Leaving (the corpus with the record, then without).
            if let Some(s) = sums_after.values().find(|s| s.kind == r.kind && s.geonames() == g) {
                let mut m = s.clone();
                if after[&x].0 == m.id && m.merge_remove((&iri, 0), &r) {
                    merged_removes += 1;
                    for (at, e) in &before {
                        assert_eq!(&after[at], e, "seed {seed}: leaving, {at:?}");
                    }
                    assert_eq!(sums.get(&m.id), Some(&m), "seed {seed}: leaving");
                    let (_, entities_before, _) = resolve_all(&articles);
                    assert_eq!(entities_before[&m.id], m.entity(), "seed {seed}: leaving");
                }
            }
        }
        assert!(merged_adds > 200 && merged_removes > 200, "{merged_adds} {merged_removes}");
    }

    #[test]
    fn record_strings_are_the_surfaces_and_the_name() {
        let r = place("U.S.", &["America"], None, None);
        let got: BTreeSet<&str> = record_strings(&r).collect();
        assert_eq!(got, ["America", "U.S."].into_iter().collect());
    }
}
