//! What an entity's description is a function of, kept per entity so that one record can
//! join or leave a very common entity without resolving every record it holds again.
//!
//! A place or organisation entity is created by its first record (in the order resolution
//! reads records: article IRI, then position in the article) and takes that record's
//! subtype and GeoNames reference (their gaps filled by later records). A later record
//! finds it through its first lookup ([`Lookup`]): its GeoNames id when it carries one,
//! else the normalised key of its name (`resolve::Index::find_other` looks them up first).
//! The lookup is the entity's from the first record that registers it on: the entity's
//! first record when it carries that GeoNames id; for a name key, the first record bearing
//! a name with that key, whichever record of the entity it is (`Lookup::first_bearer`
//! finds it among the records holding the lookup's resolution key). What a record after
//! that one changes is then: the alternate names (the union of every record's names), the
//! canonical name (the best-supported record name, counted), and the lookups their names
//! register. A [`Summary`] keeps exactly that: the first record, the count of each record
//! name, and each name the records bear with its count and the first record bearing it.
//!
//! `update.rs` uses it to resolve a record by merging (`merge_add`, `merge_remove`) when
//! that gives what resolving the entity's whole component gives: the record comes after the
//! record that made its lookup the entity's, fills no gap of the first record's subtype or
//! GeoNames reference, the canonical name does not move, and every name it brings or takes
//! away is either borne by an earlier record of the entity or looked up by no record after
//! it (the caller checks the resolution keys' holders, [`lookup_keys`]).

use std::collections::BTreeMap;

use super::{EntityRecord, GlobalEntity, canonical_name, hash_key, lookup_keys, person_parts};
use crate::extract::entities::org_key;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{EntityKind, GeoRef, Subtype};

/// A record's place in the order resolution reads records: (article IRI, position).
pub type Pos = (String, usize);

/// The aggregates an entity's description is a function of (see the module's text).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub kind: EntityKind,
    /// The entity's subtype and GeoNames reference: the first record's, their gaps filled
    /// by later records (the reference of the first record that has one, when it has none).
    pub subtype: Option<Subtype>,
    pub geo: Option<GeoRef>,
    /// The first record's own: a record that would fill one of their gaps does not merge.
    pub first_subtype: Option<Subtype>,
    pub first_geo: Option<GeoRef>,
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

/// The first lookup resolution makes for a place or organisation record
/// (`resolve::Index::find_other`): its GeoNames id when it carries one, else its name's
/// normalised key. It finds the entity of the first record that registered it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Lookup {
    GeoNames(EntityKind, u64),
    Name(EntityKind, String),
}

impl Lookup {
    /// The first lookup of `r` (None for a person).
    pub fn of(r: &EntityRecord) -> Option<Self> {
        if r.kind == EntityKind::Person {
            return None;
        }
        match r.geo.as_ref().and_then(|g| g.geonames_id) {
            Some(g) => Some(Self::GeoNames(r.kind, g)),
            // A key spelled like one of the other lookups' ("no-city:...") is left alone.
            None => {
                Some(org_key(Gazetteer::get(), &r.name)).filter(|k| !k.contains(':')).map(|k| Self::Name(r.kind, k))
            }
        }
    }

    /// The resolution key ([`super::record_keys`]) every record that registers this lookup holds.
    pub fn key(&self) -> u64 {
        match self {
            Self::GeoNames(kind, g) => hash_key("geonames", *kind, &g.to_string()),
            Self::Name(kind, k) => hash_key("name", *kind, k),
        }
    }

    /// Whether record `h` registers this lookup when none did before it: it carries the
    /// GeoNames id, or bears a name with the key (`resolve::Index::register_names`).
    pub fn borne_by(&self, h: &EntityRecord) -> bool {
        match self {
            Self::GeoNames(kind, g) => h.kind == *kind && h.geo.as_ref().and_then(|x| x.geonames_id) == Some(*g),
            Self::Name(kind, k) => h.kind == *kind && record_strings(h).any(|s| org_key(Gazetteer::get(), s) == *k),
        }
    }

    /// Given the first record bearing this lookup (`at`, of the entity summarised by `s`):
    /// whether the lookup finds that entity for every record after `at`. A name key is
    /// registered by its first bearer, to its entity. A GeoNames id is known to be the
    /// entity's when its first record carries it (it found no entity by it, so created one
    /// and registered it).
    pub fn owned(&self, s: &Summary, at: (&str, usize)) -> bool {
        match self {
            Self::GeoNames(_, g) => {
                (s.first.0.as_str(), s.first.1) == at && s.first_geo.as_ref().and_then(|x| x.geonames_id) == Some(*g)
            }
            Self::Name(..) => true,
        }
    }

    /// The first record (in resolution order) bearing this lookup, among `holders` (the
    /// records holding [`Self::key`], each with its entity id when known), with its entity.
    pub fn first_bearer<'a>(
        &self,
        holders: impl IntoIterator<Item = ((&'a str, usize), &'a EntityRecord, Option<&'a str>)>,
    ) -> Option<(Pos, Option<String>)> {
        let mut best: Option<((&str, usize), Option<&str>)> = None;
        for (at, r, id) in holders {
            if best.is_none_or(|b| at < b.0) && self.borne_by(r) {
                best = Some((at, id));
            }
        }
        best.map(|((i, l), id)| ((i.to_string(), l), id.map(String::from)))
    }
}

/// The keys of the lookups record `r` bears ([`Lookup::borne_by`]): its GeoNames id's and
/// each of its names' normalised keys. A lookup ([`Lookup::of`] of any record) is borne by
/// `r` exactly when its [`Lookup::key`] is among them: the internal index keeps, per key, the
/// first article bearing it (its owner) from these.
pub fn bearer_keys(r: &EntityRecord) -> Vec<u64> {
    if r.kind == EntityKind::Person {
        return Vec::new();
    }
    let gaz = Gazetteer::get();
    let mut out: Vec<u64> = record_strings(r)
        .map(|s| org_key(gaz, s))
        .filter(|k| !k.contains(':'))
        .map(|k| Lookup::Name(r.kind, k).key())
        .collect();
    if let Some(g) = r.geo.as_ref().and_then(|g| g.geonames_id) {
        out.push(Lookup::GeoNames(r.kind, g).key());
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The folded surname of a person record known by a bare surname alone: its name and every
/// name it bears are that surname with no given name ("Trump", "Mr. Trump"). None otherwise.
pub fn bare_surname(r: &EntityRecord) -> Option<String> {
    if r.kind != EntityKind::Person {
        return None;
    }
    let (given, surname) = person_parts(&r.name);
    if given.is_some() || surname.is_empty() {
        return None;
    }
    record_strings(r).all(|n| person_parts(n) == (None, surname.clone())).then_some(surname)
}

/// Whether resolution counts person record `w` among the people with a given name under
/// `surname` (a bare surname joins the one such person, none when there are two or more):
/// its name has a given name and it bears a full name with that surname (it holds the
/// surname's side key, `super::record_keys`).
pub fn counted_under(w: &EntityRecord, surname: &str) -> bool {
    w.kind == EntityKind::Person
        && person_parts(&w.name).0.is_some()
        && record_strings(w).any(|n| matches!(person_parts(n), (Some(_), s) if s == surname))
}

/// Whether record `r0`, before a bare record of `surname` named `name`, makes that record's
/// id base taken when the surname has two people or more: it is known by `surname` alone
/// ([`bare_surname`]: a bare record bearing another surname too would be found by that one's
/// bare records), so it makes an entity of its own, and its name gives the same id base.
pub fn namesake_before(r0: &EntityRecord, surname: &str, name: &str) -> bool {
    bare_surname(r0).is_some_and(|s| s == surname) && super::same_base(&r0.name, name)
}

/// The entity a bare-surname record ([`bare_surname`]) at `(iri, _)` makes when its surname
/// belongs to two people or more with a given name (it joins none, and no record joins it:
/// a full name never finds a bare one, and no bare one finds anybody) and a namesake
/// precedes it ([`namesake_before`]): itself alone, under its hashed id
/// (`resolve::resolve_component`), when no entity holds that id or the first numbered one.
///
/// `update.rs` merges such a record, arriving or leaving, without resolving the records of
/// its surname: the surname is known ambiguous from two counted records ([`counted_under`])
/// of distinct entities outside the change and the component; arriving, a namesake precedes
/// it and its name is the only one of its article's records (two records would share the
/// hashed id); leaving, it was linked to this id. Nothing else changes: it registers no
/// given name, and the ids of its namesakes stay (it takes no numbered id and frees none).
pub fn single(iri: &str, r: &EntityRecord) -> GlobalEntity {
    let base = super::id_base(EntityKind::Person, &r.name);
    GlobalEntity {
        id: super::hashed_id(&base, iri, &r.name),
        kind: r.kind,
        subtype: r.subtype,
        name: r.name.clone(),
        surfaces: record_strings(r).map(String::from).collect(),
        geo: r.geo.clone(),
    }
}

impl Summary {
    /// The summary of the place or organisation entity whose first record is `r`.
    pub fn start(id: &str, pos: (&str, usize), r: &EntityRecord) -> Option<Self> {
        if r.kind == EntityKind::Person {
            return None;
        }
        let mut s = Self {
            id: id.to_string(),
            kind: r.kind,
            subtype: r.subtype,
            geo: r.geo.clone(),
            first_subtype: r.subtype,
            first_geo: r.geo.clone(),
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

    /// Counts a record of the entity (after the first one, in any order; in resolution
    /// order when it may fill a gap of the subtype or GeoNames reference, as `build` adds).
    pub fn add(&mut self, pos: (&str, usize), r: &EntityRecord) {
        if self.subtype.is_none() {
            self.subtype = r.subtype;
        }
        match (&mut self.geo, &r.geo) {
            (None, g) => self.geo = g.clone(),
            (Some(known), Some(g)) => {
                known.country_code = known.country_code.take().or_else(|| g.country_code.clone());
                known.lat = known.lat.or(g.lat);
                known.lon = known.lon.or(g.lon);
            }
            _ => {}
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
        canonical_name(self.kind, self.geo.is_some(), &self.first_name, &self.names)
    }

    /// The entity as the entities graph describes it.
    pub fn entity(&self) -> GlobalEntity {
        GlobalEntity {
            id: self.id.clone(),
            kind: self.kind,
            subtype: self.subtype,
            name: self.name.clone(),
            surfaces: self.strings.keys().cloned().collect(),
            geo: self.geo.clone(),
        }
    }

    /// Whether record `r` at `pos`, of this entity's kind and after its first record, fills
    /// none of the gaps of the first record's subtype and GeoNames reference (so, arriving or
    /// leaving, changes neither wherever it stands). A record carrying a GeoNames id carries
    /// the first record's; one without may carry none, or only what the first record's
    /// reference has already.
    pub fn finds(&self, pos: (&str, usize), r: &EntityRecord) -> bool {
        let first_geonames = self.first_geo.as_ref().and_then(|g| g.geonames_id);
        let geo_fits = match (&r.geo, &self.first_geo) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(g), Some(f)) => {
                (g.geonames_id.is_none() || g.geonames_id == first_geonames)
                    && (g.country_code.is_none() || f.country_code.is_some())
                    && (g.lat.is_none() || f.lat.is_some())
                    && (g.lon.is_none() || f.lon.is_some())
            }
        };
        r.kind == self.kind
            && before((self.first.0.as_str(), self.first.1), pos)
            && (r.subtype.is_none() || self.first_subtype.is_some())
            && geo_fits
    }

    /// `r` arriving at `pos`, merged, when that is what resolving everything gives (the
    /// caller found that `r`'s lookup is this entity's before `pos`): it fills no gap
    /// ([`Self::finds`]), the canonical name stays, and each of its names is borne by an
    /// earlier record of the entity or new to it; the names new to the entity are returned
    /// (their lookups are the caller's to check: no record after `pos` may hold one of
    /// their `lookup_keys`). None, and nothing changed, when merging would not do.
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

    /// `r`, a record of this entity, leaving from `pos`, merged: it is not the first record,
    /// fills no gap ([`Self::finds`]), the canonical name stays, and every name it bears is
    /// borne by an earlier record of the entity or by it alone; the names it alone bears
    /// are returned (their lookups are the caller's to check, as for [`Self::merge_add`]:
    /// what `r` registered for them, nobody after it looks up). None, and nothing
    /// changed, when merging would not do.
    pub fn merge_remove(&mut self, pos: (&str, usize), r: &EntityRecord) -> Option<Vec<String>> {
        if !self.finds(pos, r) {
            return None;
        }
        let mut after = self.clone();
        let mut gone = Vec::new();
        for s in record_strings(r) {
            match after.strings.get_mut(s) {
                Some((n, f)) if before((f.0.as_str(), f.1), pos) && *n > 1 => *n -= 1,
                Some((1, f)) if (f.0.as_str(), f.1) == pos => {
                    after.strings.remove(s);
                    gone.push(s.to_string());
                }
                _ => return None,
            }
        }
        match after.names.get_mut(&r.name) {
            Some(n) if *n > 1 => *n -= 1,
            Some(_) => {
                after.names.remove(&r.name);
            }
            None => return None,
        }
        if after.canonical() != self.name {
            return None;
        }
        *self = after;
        Some(gone)
    }

    /// The keys through which a name new to the entity can change what a later record finds.
    pub fn new_name_keys(&self, name: &str) -> Vec<u64> {
        lookup_keys(self.kind, name)
    }
}

/// The summaries of the entities the records `recs` (in resolution order: position, record,
/// entity id) make: every place and organisation ([`Summary::start`]).
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

    fn org(name: &str, more: &[&str], geo: Option<GeoRef>, subtype: Option<Subtype>) -> EntityRecord {
        EntityRecord { kind: EntityKind::Organization, ..place(name, more, None, subtype) }.with_geo(geo)
    }

    impl EntityRecord {
        fn with_geo(mut self, geo: Option<GeoRef>) -> Self {
            self.geo = geo;
            self
        }
    }

    /// Places sharing GeoNames ids, names, spellings (invented, so that the canonical name
    /// follows the counts); records with and without a subtype, a latitude, a GeoNames id;
    /// a name two places bear; names that only records without a GeoNames id bear too.
    /// Organisations without a GeoNames id found by their names' keys: names one of them
    /// bears as a surface while another is called so, an acronym and its expansion, a name
    /// with and without its city, two spellings of one key ("Ministry of Harbours" and
    /// "Harbours Ministry"), records with a subtype, a country code, a GeoNames id.
    fn corpus(seed: u64, n: usize) -> Vec<Vec<EntityRecord>> {
        let c = Some(Subtype::City);
        let g = Some(Subtype::Government);
        let cc = Some(GeoRef { country_code: Some("US".into()), ..Default::default() });
        let gid = Some(GeoRef { geonames_id: Some(9000009), country_code: Some("US".into()), ..Default::default() });
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
            org("Harbour Party", &["Harbour"], None, None),
            org("Harbour Party", &[], None, None),
            org("Harbour Party", &["Harbourists"], None, None),
            org("Harbourists", &["Harbour Party"], None, None),
            org("Harbourists", &[], None, None),
            org("Harbour", &[], None, None),
            org("Harbour Party", &["Ministry of Harbours"], None, None),
            org("Harbours Ministry", &[], None, None),
            org("Harbour Party", &[], None, g),
            org("Harbour Party", &[], cc.clone(), None),
            org("Harbour Party", &[], gid.clone(), None),
            org("Kelmore Harbour Board", &["Harbour Board"], None, None),
            org("KHB", &[], None, None),
            org("Harbour Board", &[], None, None),
            org("Harbour Board London", &[], None, None),
            org("Harbour Board", &["KHB"], cc, g),
            org("Kelmore", &[], gid, None),
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

    /// Whether a record after `pos` in `articles` holds one of the lookup keys of `names`.
    fn held_after(
        articles: &[(String, Vec<EntityRecord>)],
        kind: EntityKind,
        names: &[String],
        pos: (&str, usize),
    ) -> bool {
        let mut keys = KeyIndex::default();
        for (i, rs) in articles {
            keys.add(i, rs);
        }
        names.iter().flat_map(|n| lookup_keys(kind, n)).any(|k| keys.holders(k).into_iter().any(|(h, l)| (h, l) > pos))
    }

    /// The summary of the entity a record at `pos` with lookup `look` finds, as `update.rs`
    /// finds it: the first record bearing the lookup (in `articles`, linked as `links`), when
    /// before `pos` and its lookup is its entity's.
    fn found(
        articles: &[(String, Vec<EntityRecord>)],
        links: &BTreeMap<Pos, (String, String)>,
        sums: &BTreeMap<String, Summary>,
        look: &Lookup,
        pos: (&str, usize),
    ) -> Option<Summary> {
        let mut keys = KeyIndex::default();
        for (i, rs) in articles {
            keys.add(i, rs);
        }
        let by_iri: BTreeMap<&str, &Vec<EntityRecord>> = articles.iter().map(|a| (a.0.as_str(), &a.1)).collect();
        let holders: Vec<((&str, usize), &EntityRecord, Option<&str>)> = keys
            .holders(look.key())
            .into_iter()
            .map(|(i, l)| ((i, l), &by_iri[i][l], links.get(&(i.to_string(), l)).map(|x| x.0.as_str())))
            .collect();
        let (at, id) = look.first_bearer(holders)?;
        if !before((at.0.as_str(), at.1), pos) {
            return None;
        }
        let s = sums.get(&id?)?;
        look.owned(s, (at.0.as_str(), at.1)).then(|| s.clone())
    }

    /// A one-record article arriving or leaving: when the summary says it merges (and, for
    /// a name new to the entity or leaving it, no record after it holds that name's keys),
    /// resolving the whole corpus gives it that entity and name, changes no other record's
    /// entity, and describes the entity as the merged summary does.
    #[test]
    fn merging_gives_what_resolving_everything_gives() {
        let (mut merged_adds, mut merged_removes) = (BTreeMap::new(), BTreeMap::new());
        for seed in 1..4000u64 {
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
            let Some(look) = Lookup::of(&r) else { continue };
            let path = matches!(look, Lookup::GeoNames(..));
            // Arriving.
            if let Some(mut m) = found(&with, &before, &sums, &look, (&iri, 0))
                && let Some(new) = m.merge_add((&iri, 0), &r)
                && !held_after(&with, r.kind, &new, (&iri, 0))
            {
                *merged_adds.entry((r.kind, path)).or_insert(0) += 1;
                assert_eq!(after[&x], (m.id.clone(), m.name.clone()), "seed {seed}: arriving");
                for (at, e) in &before {
                    assert_eq!(&after[at], e, "seed {seed}: arriving, {at:?}");
                }
                assert_eq!(sums_after.get(&m.id), Some(&m), "seed {seed}: arriving");
                assert_eq!(entities[&m.id], m.entity(), "seed {seed}: arriving");
            }
            // Leaving (the corpus with the record, then without).
            if let Some(s) = sums_after.get(&after[&x].0) {
                let mut m = s.clone();
                if let Some(gone) = m.merge_remove((&iri, 0), &r)
                    && !held_after(&with, r.kind, &gone, (&iri, 0))
                {
                    *merged_removes.entry((r.kind, path)).or_insert(0) += 1;
                    for (at, e) in &before {
                        assert_eq!(&after[at], e, "seed {seed}: leaving, {at:?}");
                    }
                    assert_eq!(sums.get(&m.id), Some(&m), "seed {seed}: leaving");
                    let (_, entities_before, _) = resolve_all(&articles);
                    assert_eq!(entities_before[&m.id], m.entity(), "seed {seed}: leaving");
                }
            }
        }
        // Places by GeoNames id, places and organisations by name key.
        for k in [(EntityKind::Place, true), (EntityKind::Place, false), (EntityKind::Organization, false)] {
            let (a, r) = (merged_adds.get(&k).copied().unwrap_or(0), merged_removes.get(&k).copied().unwrap_or(0));
            assert!(a > 100 && r > 100, "{k:?}: {a} merged arriving, {r} leaving");
        }
    }

    fn person(name: &str, more: &[&str]) -> EntityRecord {
        EntityRecord { kind: EntityKind::Person, ..place(name, more, None, None) }
    }

    /// People under three surnames: one borne by several people with given names (two of
    /// them, or one, in a given corpus), one by a single person, one by nobody with a given
    /// name; bare records with and without an honorific, records whose surfaces name another
    /// surname, full names bearing their bare surname, and articles naming a bare surname twice.
    fn people(seed: u64, n: usize) -> Vec<Vec<EntityRecord>> {
        let pool = [
            person("Ann Harlow", &["Harlow", "Mr. Harlow"]),
            person("Bob Harlow", &[]),
            person("A. Harlow", &[]),
            person("Cy Kessing", &["Kessing"]),
            person("Harlow", &[]),
            person("Harlow", &["Mr. Harlow"]),
            person("Mr. Harlow", &[]),
            person("Harlow", &["Kessing"]),
            person("Kessing", &[]),
            person("Moor", &["Mr. Moor"]),
            person("Moor", &[]),
            person("Harlow", &["Moor"]),
        ];
        let mut rng = crate::rng::XorShift::for_case(seed);
        let mut next = || rng.next_u64();
        // Some corpora have one person with a given name under "Harlow", not two.
        let full = if seed.is_multiple_of(3) { 1 } else { 3 };
        (0..n)
            .map(|_| {
                let mut a: Vec<EntityRecord> = (0..1 + next() % 3)
                    .map(|_| {
                        let i = (next() % pool.len() as u64) as usize;
                        pool[if i < 3 { i % full } else { i }].clone()
                    })
                    .collect();
                if next() % 4 == 0 {
                    a.push(a[0].clone());
                }
                a
            })
            .collect()
    }

    /// Two records counted under `s` outside article `iri`, of distinct entities (as `links` says).
    fn two_people(
        articles: &[(String, Vec<EntityRecord>)],
        links: &BTreeMap<Pos, (String, String)>,
        iri: &str,
        s: &str,
    ) -> bool {
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for (i, rs) in articles.iter().filter(|a| a.0 != iri) {
            for (l, r) in rs.iter().enumerate() {
                if counted_under(r, s) {
                    ids.insert(links[&(i.clone(), l)].0.as_str());
                }
            }
        }
        ids.len() >= 2
    }

    /// An article of bare surnames arriving or leaving: when each of its records merges as a
    /// lone bare surname (`update::plan_merges`: two people of distinct entities under its
    /// surname outside the article; arriving, a namesake before it, its name alone in the
    /// article, its hashed id free; leaving, linked to its hashed id), resolving the whole
    /// corpus gives each the entity `single` says, and changes no other record's entity.
    #[test]
    fn lone_bare_surnames_merge_as_resolving_everything_gives() {
        let (mut adds, mut removes) = (0, 0);
        for seed in 1..3000u64 {
            let mut articles: Vec<(String, Vec<EntityRecord>)> =
                people(seed, 10).into_iter().enumerate().map(|(i, r)| (format!("a{i:02}"), r)).collect();
            // Mostly bare surnames, once or twice.
            let mut new = people(seed + 5000, 1).remove(0);
            if seed % 4 != 0 {
                let bare = [person("Harlow", &[]), person("Harlow", &["Mr. Harlow"]), person("Kessing", &[])];
                new = vec![bare[(seed / 4 % 3) as usize].clone(); 1 + usize::from(seed % 7 == 1)];
            }
            let iri = format!("a{:02}", seed % 12);
            articles.retain(|a| a.0 != iri);
            let (before, ents_before, _) = resolve_all(&articles);
            let mut with = articles.clone();
            with.push((iri.clone(), new.clone()));
            with.sort_by(|a, b| a.0.cmp(&b.0));
            let (after, ents_after, _) = resolve_all(&with);
            let merges = |l: usize, r: &EntityRecord, arriving: bool| -> Option<GlobalEntity> {
                let s = bare_surname(r)?;
                let single = single(&iri, r);
                if arriving {
                    let unique = new.iter().filter(|x| x.name == r.name).count() == 1;
                    let namesake = with.iter().any(|(i, rs)| {
                        rs.iter()
                            .enumerate()
                            .any(|(l0, r0)| (i.as_str(), l0) < (&iri, l) && namesake_before(r0, &s, &r.name))
                    });
                    (unique && namesake && two_people(&with, &after, &iri, &s) && !ents_before.contains_key(&single.id))
                        .then_some(single)
                } else {
                    let numbered = crate::resolve::first_numbered(&crate::resolve::id_base(r.kind, &r.name));
                    (after[&(iri.clone(), l)].0 == single.id
                        && two_people(&with, &after, &iri, &s)
                        && !ents_after.contains_key(&numbered))
                    .then_some(single)
                }
            };
            let others_stay = || before.iter().all(|(at, e)| after.get(at) == Some(e));
            // Arriving: every record of the article merges.
            let singles: Vec<Option<GlobalEntity>> = new.iter().enumerate().map(|(l, r)| merges(l, r, true)).collect();
            if !new.is_empty() && singles.iter().all(Option::is_some) {
                adds += 1;
                for (l, e) in singles.iter().enumerate() {
                    let e = e.as_ref().unwrap();
                    assert_eq!(after[&(iri.clone(), l)], (e.id.clone(), e.name.clone()), "seed {seed}: arriving {l}");
                    assert_eq!(&ents_after[&e.id], e, "seed {seed}: arriving {l}");
                }
                assert!(others_stay(), "seed {seed}: arriving");
            }
            // Leaving: every record of the article merges.
            let singles: Vec<Option<GlobalEntity>> = new.iter().enumerate().map(|(l, r)| merges(l, r, false)).collect();
            if !new.is_empty() && singles.iter().all(Option::is_some) {
                removes += 1;
                assert!(others_stay(), "seed {seed}: leaving");
                for e in singles.iter().flatten() {
                    assert!(!ents_before.contains_key(&e.id), "seed {seed}: leaving, {} stays", e.id);
                }
            }
        }
        assert!(adds > 100 && removes > 100, "{adds} articles merged arriving, {removes} leaving");
    }

    /// A record bears a lookup exactly when the lookup's key is among its bearer keys.
    #[test]
    fn bearer_keys_are_the_keys_of_the_lookups_a_record_bears() {
        let (mut borne, mut not) = (0, 0);
        for seed in 1..200u64 {
            let records: Vec<EntityRecord> = corpus(seed, 6).into_iter().flatten().collect();
            let looks: Vec<Lookup> = records.iter().filter_map(Lookup::of).collect();
            for r in &records {
                let keys = bearer_keys(r);
                for look in &looks {
                    let b = look.borne_by(r);
                    assert_eq!(b, keys.contains(&look.key()), "seed {seed}: {look:?} {r:?}");
                    if b { borne += 1 } else { not += 1 }
                }
            }
        }
        assert!(borne > 100 && not > 100, "{borne} borne, {not} not");
    }

    #[test]
    fn record_strings_are_the_surfaces_and_the_name() {
        let r = place("U.S.", &["America"], None, None);
        let got: BTreeSet<&str> = record_strings(&r).collect();
        assert_eq!(got, ["America", "U.S."].into_iter().collect());
    }

    /// A record's first lookup: its GeoNames id when it carries one, else its name's key;
    /// borne by a record that carries that id or bears a name with that key.
    #[test]
    fn a_record_is_found_by_its_geonames_id_or_its_name() {
        let us = place("United States", &["U.S."], Some((6252001, None)), None);
        assert_eq!(Lookup::of(&us), Some(Lookup::GeoNames(EntityKind::Place, 6252001)));
        let party = org("Harbour Party", &["Harbour"], None, None);
        let look = Lookup::of(&party).unwrap();
        assert!(matches!(look, Lookup::Name(EntityKind::Organization, _)));
        assert!(look.borne_by(&org("Harbourists", &["Harbour Party"], None, None)));
        assert!(!look.borne_by(&org("Harbour", &[], None, None)));
        assert!(!look.borne_by(&EntityRecord { kind: EntityKind::Place, ..party.clone() }));
        assert_eq!(Lookup::of(&EntityRecord { kind: EntityKind::Person, ..party }), None);
    }
}
