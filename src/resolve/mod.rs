//! One entity table across articles.
//!
//! People match on a transliteration-folded surname plus a compatible given
//! name (equal, nickname, initial); a surname alone joins the one full name
//! it can belong to, and stays apart when several could. Organisations and
//! places match on a normalised key (gazetteer id, "Ministry of X" = "X
//! Ministry", possessive country = demonym) and acronyms match the initials
//! of their expansion. Entities already in the store keep their ids, so the
//! same input gives the same IRIs on every run.

pub mod claims;
pub mod keys;
pub mod similar;
pub mod summary;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::extract::entities::org_key;
use crate::extract::gazetteer::{Gazetteer, fold};
use crate::model::{EntityKind, Extraction, GeoRef, LocalEntity, Subtype};

/// An entity of the whole corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct GlobalEntity {
    /// Stable id, "person/vladimir-putin"; the RDF layer turns it into an IRI.
    pub id: String,
    pub kind: EntityKind,
    pub subtype: Option<Subtype>,
    pub name: String,
    pub surfaces: BTreeSet<String>,
    pub geo: Option<GeoRef>,
}

pub struct Resolution {
    pub entities: Vec<GlobalEntity>,
    /// For each extraction of the batch, its local entity index -> global index.
    pub links: Vec<Vec<usize>>,
    /// Global indices the batch named (new or existing).
    pub touched: BTreeSet<usize>,
}

/// What resolution needs of one article's entity: kept per article in the
/// store's internal index, so that the corpus can be resolved again from the
/// set of articles without extracting them again.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRecord {
    pub kind: EntityKind,
    pub subtype: Option<Subtype>,
    pub name: String,
    pub surfaces: BTreeSet<String>,
    pub geo: Option<GeoRef>,
}

impl EntityRecord {
    pub fn of(le: &LocalEntity) -> Self {
        Self {
            kind: le.kind,
            subtype: le.subtype,
            name: le.name.clone(),
            surfaces: le.surfaces.clone(),
            geo: le.geo.clone(),
        }
    }
}

/// Folds spelling variants of transliterated names: Sergey/Sergei, Troianovski/Troyanovsky.
pub fn translit_key(word: &str) -> String {
    let f: String = fold(word)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| if c == 'y' { 'i' } else { c })
        .collect::<String>()
        .replace('x', "ks");
    let chars: Vec<char> = f.chars().collect();
    let vowel = |c: char| "aeiou".contains(c);
    // A glide between vowels is spelled or not (Guneev / Guneyev) ...
    let mut glided = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = i > 0 && i + 1 < chars.len() && vowel(chars[i - 1]) && vowel(chars[i + 1]) && chars[i - 1] != 'i';
        if !(c == 'i' && between) {
            glided.push(c);
        }
    }
    // ... and doubled letters come and go.
    let mut out = String::new();
    for (i, &c) in glided.iter().enumerate() {
        if i == 0 || glided[i - 1] != c {
            out.push(c);
        }
    }
    out
}

const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// (given name, surname) of a person's name, both folded.
pub type NameParts = (Option<String>, String);

/// (given name, surname) of a person's name, both folded; given name absent for "Putin".
pub fn person_parts(name: &str) -> NameParts {
    let words: Vec<String> = name
        .split_whitespace()
        .filter(|w| !crate::extract::lexicon::is_honorific(w))
        .map(|w| fold(w.trim_end_matches([',', '.'])))
        .filter(|w| !SUFFIXES.contains(&w.as_str()) && !w.is_empty())
        .collect();
    let surname = words.last().map(|w| translit_key(w)).unwrap_or_default();
    let given = (words.len() >= 2).then(|| words[0].clone());
    (given, surname)
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn kind_prefix(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

/// A name's quality as the canonical one: full, without initials or suffixes, short.
fn name_rank(name: &str) -> (bool, bool, usize) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let full = words.len() >= 2;
    let plain = !words.iter().any(|w| w.ends_with('.') || SUFFIXES.contains(&w.to_lowercase().as_str()));
    (full, plain, usize::MAX - words.len())
}

/// The key of an organisation's name without a trailing city ("King's College London").
fn without_city(gaz: &Gazetteer, name: &str) -> Option<String> {
    let (head, last) = name.rsplit_once(' ')?;
    let is_city = gaz.lookup(last).is_some_and(|p| p.subtype == Subtype::City);
    let head_is_org = head.split_whitespace().any(crate::extract::lexicon::is_org_head);
    (is_city && head_is_org).then(|| org_key(gaz, head))
}

fn acronym_of(name: &str) -> Option<String> {
    let words: Vec<&str> =
        name.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).collect();
    (words.len() >= 3).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// The people with a given name who share one folded surname: their given names in the
/// order they were seen, looked up by every way two given names can be compatible
/// (equal, an initial, a nickname, a transliteration) without scanning them all.
#[derive(Default)]
struct Surname {
    /// (given name, its transliteration key, entity), in the order seen.
    seen: Vec<(String, String, usize)>,
    pairs: std::collections::HashSet<(String, usize)>,
    /// First position of each given name, of each trimmed one ("J." -> "J"), of each
    /// transliteration key, of the first given name with each initial, and of the first
    /// given name that is an initial.
    exact: HashMap<String, usize>,
    trimmed: HashMap<String, usize>,
    translit: HashMap<String, usize>,
    by_initial: HashMap<char, usize>,
    initial_only: HashMap<char, usize>,
    /// Entities with a given name under this surname, registered before the second pass
    /// (what a bare surname is resolved against).
    entities: BTreeSet<usize>,
}

impl Surname {
    /// Registers a given name of `entity` under this surname; `counted`: the entity counts
    /// among the people a bare surname could belong to (registered in the first pass).
    fn add(&mut self, given: String, entity: usize, counted: bool) {
        if counted {
            self.entities.insert(entity);
        }
        if !self.pairs.insert((given.clone(), entity)) {
            return;
        }
        let pos = self.seen.len();
        let t = translit_key(&given);
        let trimmed = given.trim_end_matches('.').to_string();
        self.exact.entry(given.clone()).or_insert(pos);
        self.translit.entry(t.clone()).or_insert(pos);
        if let Some(c) = trimmed.chars().next() {
            self.by_initial.entry(c).or_insert(pos);
            if trimmed.chars().count() == 1 {
                self.initial_only.entry(c).or_insert(pos);
            }
        }
        self.trimmed.entry(trimmed).or_insert(pos);
        self.seen.push((given, t, entity));
    }

    /// The first person seen whose given name is compatible with `g`
    /// (`given_names_compatible`, or the same transliteration key).
    fn find(&self, g: &str) -> Option<usize> {
        let sg = g.trim_end_matches('.');
        let mut best: Option<usize> = None;
        let mut take = |p: Option<&usize>| {
            if let Some(&p) = p {
                best = Some(best.map_or(p, |b| b.min(p)));
            }
        };
        take(self.exact.get(g));
        take(self.translit.get(&translit_key(g)));
        if let Some(c) = sg.chars().next() {
            // A known initial that starts `g`; `g` an initial that starts a known name.
            take(self.initial_only.get(&c));
            if sg.chars().count() == 1 {
                take(self.by_initial.get(&c));
            }
        }
        for partner in crate::extract::lexicon::nickname_partners(sg) {
            take(self.trimmed.get(partner));
        }
        best.map(|p| self.seen[p].2)
    }
}

struct Index {
    entities: Vec<GlobalEntity>,
    by_key: HashMap<(EntityKind, String), usize>,
    /// Folded surname -> people with a given name.
    people: HashMap<String, Surname>,
    /// Folded surname -> people known by surname only.
    surname_only: HashMap<String, usize>,
    ids: BTreeSet<String>,
    /// Acronym of an organisation's first name -> the first such organisation.
    acronyms: HashMap<String, usize>,
    /// (kind, first name) -> the first such entity.
    names: HashMap<(EntityKind, String), usize>,
    /// Id base -> the last number given to a namesake ("-2", "-3").
    next: HashMap<String, usize>,
    /// In the second pass (people known by surname only, organisations, places).
    second_pass: bool,
    /// Surnames ([`surname_key`]) known to belong to two people or more with a given name
    /// outside the records resolved (`resolve_component`): a bare one joins neither.
    ambiguous: std::collections::HashSet<u64>,
}

/// `base`, or when taken the first of "base-2", "base-3", ... that is not. `next` remembers
/// the last number given for each base, so that k namesakes cost k steps, not k².
fn numbered(base: &str, taken: &BTreeSet<String>, next: &mut HashMap<String, usize>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    // Every number below the last one given is taken: `taken` only grows.
    let n = next.entry(base.to_string()).or_insert(1);
    loop {
        *n += 1;
        let id = format!("{base}-{n}");
        if !taken.contains(&id) {
            return id;
        }
    }
}

impl Index {
    fn add(&mut self, e: GlobalEntity) -> usize {
        let idx = self.entities.len();
        self.ids.insert(e.id.clone());
        if e.kind == EntityKind::Organization
            && let Some(acr) = acronym_of(&e.name)
        {
            self.acronyms.entry(acr).or_insert(idx);
        }
        self.names.entry((e.kind, e.name.clone())).or_insert(idx);
        self.register(idx, &e);
        self.entities.push(e);
        idx
    }

    fn register(&mut self, idx: usize, e: &GlobalEntity) {
        let names: Vec<&str> = e.surfaces.iter().map(String::as_str).chain(std::iter::once(e.name.as_str())).collect();
        self.register_names(idx, e.kind, &names, e.geo.as_ref().and_then(|g| g.geonames_id));
    }

    /// Indexes `names` (and the GeoNames id) as ways to find entity `idx`; names already indexed cost nothing new.
    fn register_names(&mut self, idx: usize, kind: EntityKind, names: &[&str], geonames: Option<u64>) {
        let gaz = Gazetteer::get();
        match kind {
            EntityKind::Person => {
                for s in names {
                    let (given, surname) = person_parts(s);
                    match given {
                        Some(g) => self.people.entry(surname).or_default().add(g, idx, !self.second_pass),
                        None => {
                            self.surname_only.entry(surname).or_insert(idx);
                        }
                    }
                }
            }
            kind => {
                for s in names {
                    self.by_key.entry((kind, org_key(gaz, s))).or_insert(idx);
                }
                if let Some(id) = geonames {
                    self.by_key.entry((kind, format!("geonames:{id}"))).or_insert(idx);
                }
                if kind == EntityKind::Organization {
                    for s in names {
                        for k in [Some(org_key(gaz, s)), without_city(gaz, s)].into_iter().flatten() {
                            self.by_key.entry((kind, format!("no-city:{k}"))).or_insert(idx);
                        }
                    }
                }
                if kind == EntityKind::Place {
                    // Place names transliterated two ways: Donbas / Donbass.
                    for s in names {
                        self.by_key.entry((kind, format!("translit:{}", translit_key(s)))).or_insert(idx);
                    }
                }
            }
        }
    }

    fn fresh_id(&mut self, kind: EntityKind, name: &str) -> String {
        let base = format!("{}/{}", kind_prefix(kind), slug(name));
        numbered(&base, &self.ids, &mut self.next)
    }

    /// The entity a person's name joins. A full name joins the first person seen under its
    /// surname with a compatible given name, and nobody else: whom it joins depends only on
    /// records sharing its surname and the class of its given name (`record_keys`). A bare
    /// surname joins the one person with a given name registered under it in the first pass,
    /// none when there are several, else the first entity known by that bare surname.
    fn find_person(&self, (given, surname): &NameParts) -> Option<usize> {
        let full = self.people.get(surname);
        match given {
            Some(g) => full.and_then(|s| s.find(g)),
            None if self.ambiguous.contains(&surname_key(surname)) => None,
            None => match full.map_or(0, |s| s.entities.len()) {
                1 => full.and_then(|s| s.entities.first().copied()),
                0 => self.surname_only.get(surname).copied(),
                _ => None,
            },
        }
    }

    fn find_other(&self, kind: EntityKind, name: &str, geo: Option<&GeoRef>) -> Option<usize> {
        let gaz = Gazetteer::get();
        if let Some(id) = geo.and_then(|g| g.geonames_id)
            && let Some(&i) = self.by_key.get(&(kind, format!("geonames:{id}")))
        {
            return Some(i);
        }
        if let Some(&i) = self.by_key.get(&(kind, org_key(gaz, name))) {
            return Some(i);
        }
        if kind == EntityKind::Place
            && let Some(&i) = self.by_key.get(&(kind, format!("translit:{}", translit_key(name))))
        {
            return Some(i);
        }
        // "King's College" / "King's College London": the same organisation with or without its city.
        if kind == EntityKind::Organization {
            let keys = [Some(org_key(gaz, name)), without_city(gaz, name)];
            if let Some(&i) = keys.iter().flatten().find_map(|k| self.by_key.get(&(kind, format!("no-city:{k}")))) {
                return Some(i);
            }
        }
        // "NATO" <-> "North Atlantic Treaty Organization".
        if kind == EntityKind::Organization {
            if name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase()) {
                return self.acronyms.get(name).copied();
            }
            if let Some(acr) = acronym_of(name) {
                return self.names.get(&(kind, acr)).copied();
            }
        }
        None
    }
}

/// The version of [`record_keys`] (see there), kept beside the keys a store holds.
pub const KEYS_VERSION: u32 = 3;

/// The bit that marks a surname's side key ([`record_keys`]): every other key has it clear.
pub const SIDE: u64 = 1 << 63;

/// The bit that marks a passive key ([`record_keys`]): its holder is posted under it, and a
/// walk from the holder visits the key's other holders that hold it plainly, never those
/// holding it passively (a full name reaches the initials of its class, not the other full
/// names of that class; an initial, holding it plainly, reaches them all).
pub const PASSIVE: u64 = 1 << 62;

/// FNV-1a of a tag, the kind and a string: the same number on every platform and compiler,
/// as keys are kept; bits 63 and 62 clear.
fn hash_key(tag: &str, kind: EntityKind, s: &str) -> u64 {
    let mut h = similar::fnv(tag.as_bytes(), 3);
    for part in [kind_prefix(kind), s] {
        h = (h ^ 0x1f).wrapping_mul(0x100000001b3);
        for &b in part.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
        }
    }
    h & !(SIDE | PASSIVE)
}

/// The key of a folded surname (as [`person_parts`] gives it) that people known by it alone
/// hold; with [`SIDE`] set, the side key of the people with a given name under it.
pub fn surname_key(surname: &str) -> u64 {
    hash_key("surname", EntityKind::Person, surname)
}

/// The classes of a folded given name: two compatible given names (equal, one an initial of
/// the other, nicknames, one transliteration) share one (their first letter, or that of
/// the transliteration or of a nickname partner).
fn given_classes(given: &str) -> Vec<char> {
    let trimmed = given.trim_end_matches('.');
    let mut out: Vec<char> = trimmed.chars().next().into_iter().collect();
    out.extend(translit_key(given).chars().next());
    out.extend(crate::extract::lexicon::nickname_partners(trimmed).filter_map(|p| p.chars().next()));
    out.sort_unstable();
    out.dedup();
    out
}

/// Every key through which resolution can relate this record to another: the names
/// its lookups use (normalised organisation and place keys, GeoNames id, without a trailing
/// city, transliteration, acronym both ways; for people, a surname with the class of a
/// given name, or a bare surname) and the id base its canonical name would give. Two
/// records that share no key, directly or through other records, never affect each other's
/// entity, canonical name or id, with one exception the side keys ([`SIDE`] set) name: a
/// bare surname is resolved against the number of people with a given name under it.
/// Resolving the connected records alone gives what resolving the whole corpus gives them
/// once those counts come along (`keys::KeyIndex::component`; `update.rs` relies on it).
/// Hashes: a collision only joins more records.
///
/// A person whose name has a given name (resolved in the first pass) holds, for each of its
/// names with a given name, the surname with each class of that given name, and the
/// surname's side key; and the bare key of each bare surname it bears with no given name
/// (it makes that surname's bare records find it, when nobody has a given name under it).
/// A person known by a bare surname (the second pass) holds the bare key of each of its
/// bare surnames. So full names of one surname but unrelated given names stay apart, and
/// bare surnames join full names only through the count.
///
/// Stores keep each record's keys (`store::ArticleIndex::keys`): any change to what this
/// function returns must bump [`KEYS_VERSION`], so that keys kept by an older newsgraph
/// are computed again when read.
pub fn record_keys(r: &EntityRecord) -> Vec<u64> {
    let key = hash_key;
    let gaz = Gazetteer::get();
    let mut out = Vec::new();
    let names = r.surfaces.iter().map(String::as_str).chain(std::iter::once(r.name.as_str()));
    if r.kind == EntityKind::Person {
        let first_pass = person_parts(&r.name).0.is_some();
        let parts: Vec<NameParts> = names.map(person_parts).collect();
        let full: BTreeSet<&str> = parts.iter().filter(|p| p.0.is_some()).map(|p| p.1.as_str()).collect();
        for (given, surname) in &parts {
            match given {
                Some(g) if first_pass => {
                    // An initial ("K.") takes any given name of its letter, and a full given
                    // name any initial of it: the initial holds its class plainly, the full
                    // name passively (two full names of one letter do not meet through it).
                    let trimmed = g.trim_end_matches('.');
                    let initial = trimmed.chars().count() == 1;
                    for c in given_classes(g) {
                        let k = key("given", r.kind, &format!("{surname}\u{1f}{c}"));
                        out.push(if initial { k } else { k | PASSIVE });
                    }
                    // Two full given names are compatible when equal, of one transliteration,
                    // or nickname partners (`Surname::find`).
                    if !initial {
                        let partners = crate::extract::lexicon::nickname_partners(trimmed);
                        for n in [g.as_str(), trimmed].into_iter().chain(partners.map(|p| -> &str { p })) {
                            out.push(key("given-name", r.kind, &format!("{surname}\u{1f}{}", translit_key(n))));
                        }
                    }
                    out.push(surname_key(surname) | SIDE);
                }
                // Registered after every full name was resolved and counted: it decides nothing.
                Some(_) => {}
                None if first_pass && full.contains(surname.as_str()) => {}
                None => out.push(surname_key(surname)),
            }
        }
    } else {
        for s in names {
            let kind = r.kind;
            out.extend(lookup_keys(kind, s));
            if kind == EntityKind::Organization {
                if s.chars().count() >= 2 && s.chars().all(char::is_uppercase) {
                    out.push(key("acronym", kind, s));
                }
                if let Some(a) = acronym_of(s) {
                    out.push(key("acronym", kind, &a));
                }
            }
        }
    }
    if let Some(id) = r.geo.as_ref().and_then(|g| g.geonames_id) {
        out.push(key("geonames", r.kind, &id.to_string()));
    }
    // Namesakes share an id base and are numbered together ("-2"): the base of every name
    // the entity could be called by, and the base without a trailing number.
    let mut bases = vec![slug(&r.name)];
    if let Some(p) = gaz.lookup(&r.name) {
        bases.push(slug(&p.name));
    }
    for b in bases {
        if let Some((head, n)) = b.rsplit_once('-')
            && n.chars().all(|c| c.is_ascii_digit())
        {
            out.push(key("base", r.kind, head));
        }
        out.push(key("base", r.kind, &b));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The keys of the lookups a name registers for an organisation or place (`Index::register_names`
/// but the GeoNames id) and that a record named so looks up: its normalised key, without a
/// trailing city (organisations), its transliteration (places). Part of [`record_keys`].
pub fn lookup_keys(kind: EntityKind, s: &str) -> Vec<u64> {
    let gaz = Gazetteer::get();
    let mut out = vec![hash_key("name", kind, &org_key(gaz, s))];
    if kind == EntityKind::Organization
        && let Some(k) = without_city(gaz, s)
    {
        out.push(hash_key("name", kind, &k));
    }
    if kind == EntityKind::Place {
        out.push(hash_key("translit", kind, &translit_key(s)));
    }
    out
}

/// Resolves the entities of a batch of extractions against those already known.
pub fn resolve(existing: Vec<GlobalEntity>, batch: &[&Extraction]) -> Resolution {
    let records: Vec<Vec<EntityRecord>> =
        batch.iter().map(|x| x.entities.iter().map(EntityRecord::of).collect()).collect();
    let refs: Vec<&[EntityRecord]> = records.iter().map(Vec::as_slice).collect();
    resolve_records(existing, &refs, std::collections::HashSet::new())
}

/// Resolves the whole corpus from scratch: `articles` in a fixed order (the
/// store sorts them by IRI; `iris` names them), so that the partition of mentions
/// into entities and the canonical names are a function of the set of articles,
/// whatever order they arrived in. Ids are then minted from each entity's
/// canonical name (kind/slug); of entities that would share one, the one whose
/// first member comes first keeps it and the others add a short hash of their
/// first member ("person/clinton-3f9a0c21"), so that a new namesake changes the
/// id of at most one other entity.
pub fn resolve_corpus(articles: &[&[EntityRecord]], iris: &[&str]) -> Resolution {
    resolve_component(articles, iris, &std::collections::HashSet::new())
}

/// [`resolve_corpus`] of the records of a component (`keys::KeyIndex::component`): bare
/// surnames in `ambiguous` ([`surname_key`]) belong to two people or more with a given
/// name outside it, and join none of them.
pub fn resolve_component(
    articles: &[&[EntityRecord]],
    iris: &[&str],
    ambiguous: &std::collections::HashSet<u64>,
) -> Resolution {
    let mut res = resolve_records(Vec::new(), articles, ambiguous.clone());
    // The first (article, local index) of each entity, to order namesakes.
    let mut first: Vec<(usize, usize)> = vec![(usize::MAX, usize::MAX); res.entities.len()];
    for (a, link) in res.links.iter().enumerate() {
        for (l, &g) in link.iter().enumerate() {
            first[g] = first[g].min((a, l));
        }
    }
    let mut order: Vec<usize> = (0..res.entities.len()).collect();
    order.sort_by_key(|&g| first[g]);
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for g in order {
        let e = &mut res.entities[g];
        let base = id_base(e.kind, &e.name);
        let id = if taken.contains(&base) {
            let (a, l) = first[g];
            let hashed = hashed_id(&base, iris.get(a).copied().unwrap_or_default(), &articles[a][l].name);
            if taken.contains(&hashed) { numbered(&base, &taken, &mut next) } else { hashed }
        } else {
            base
        };
        taken.insert(id.clone());
        e.id = id;
    }
    res
}

/// The id an entity of this kind and canonical name is given when no namesake took it first
/// ("person/trump").
pub fn id_base(kind: EntityKind, name: &str) -> String {
    format!("{}/{}", kind_prefix(kind), slug(name))
}

/// The id of an entity whose base (`id_base`) a namesake took, from its first member (article
/// IRI and record name) when no entity took that too ("person/trump-3f9a0c21").
pub fn hashed_id(base: &str, iri: &str, name: &str) -> String {
    format!("{base}-{:08x}", fnv1a(format!("{iri}\n{name}").as_bytes()) as u32)
}

/// The id that a namesake numbered when the hashed id was taken ([`numbered`]) gets first.
pub fn first_numbered(base: &str) -> String {
    format!("{base}-2")
}

/// The resolution key namesakes of a person named so share ([`record_keys`]: the id base of
/// its name).
pub fn base_key(kind: EntityKind, name: &str) -> u64 {
    hash_key("base", kind, &slug(name))
}

/// Whether two names give one id base.
pub fn same_base(a: &str, b: &str) -> bool {
    slug(a) == slug(b)
}

/// FNV-1a, a hash that stays the same across platforms and versions (ids are published).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn resolve_records(
    existing: Vec<GlobalEntity>,
    batch: &[&[EntityRecord]],
    ambiguous: std::collections::HashSet<u64>,
) -> Resolution {
    let mut index = Index {
        entities: Vec::new(),
        by_key: HashMap::new(),
        people: HashMap::new(),
        surname_only: HashMap::new(),
        ids: BTreeSet::new(),
        acronyms: HashMap::new(),
        names: HashMap::new(),
        next: HashMap::new(),
        second_pass: false,
        ambiguous,
    };
    for e in existing {
        index.add(e);
    }
    // Names seen per global entity in this batch, to choose canonical names.
    let mut support: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    let mut links: Vec<Vec<usize>> = batch.iter().map(|x| vec![usize::MAX; x.len()]).collect();
    let mut touched = BTreeSet::new();
    // People with a given name first, then everything else, so that a bare
    // surname finds the full name wherever it appears in the batch.
    // A person's (given name, surname), computed once.
    let parts: Vec<Vec<Option<NameParts>>> = batch
        .iter()
        .map(|ex| ex.iter().map(|le| (le.kind == EntityKind::Person).then(|| person_parts(&le.name))).collect())
        .collect();
    for pass in 0..2 {
        index.second_pass = pass == 1;
        for (a, ex) in batch.iter().enumerate() {
            for (l, le) in ex.iter().enumerate() {
                let first_pass = parts[a][l].as_ref().is_some_and(|p| p.0.is_some());
                if first_pass != (pass == 0) {
                    continue;
                }
                let found = match (&parts[a][l], le.kind) {
                    (Some(p), _) => index.find_person(p),
                    (None, EntityKind::Person) => None,
                    (None, k) => index.find_other(k, &le.name, le.geo.as_ref()),
                };
                let g = match found {
                    Some(g) => g,
                    None => {
                        let id = index.fresh_id(le.kind, &le.name);
                        index.add(GlobalEntity {
                            id,
                            kind: le.kind,
                            subtype: le.subtype,
                            name: le.name.clone(),
                            surfaces: BTreeSet::new(),
                            geo: le.geo.clone(),
                        })
                    }
                };
                let ge = &mut index.entities[g];
                // Only names the entity did not have yet need indexing.
                let new_names: Vec<&str> = le
                    .surfaces
                    .iter()
                    .chain(std::iter::once(&le.name))
                    .filter(|s| !ge.surfaces.contains(*s) && **s != ge.name)
                    .map(String::as_str)
                    .collect();
                for n in &le.surfaces {
                    if !ge.surfaces.contains(n) {
                        ge.surfaces.insert(n.clone());
                    }
                }
                if !ge.surfaces.contains(&le.name) {
                    ge.surfaces.insert(le.name.clone());
                }
                match (&mut ge.geo, &le.geo) {
                    (None, g) => ge.geo = g.clone(),
                    (Some(known), Some(g)) => {
                        known.country_code = known.country_code.take().or_else(|| g.country_code.clone());
                        known.lat = known.lat.or(g.lat);
                        known.lon = known.lon.or(g.lon);
                    }
                    _ => {}
                }
                if ge.subtype.is_none() {
                    ge.subtype = le.subtype;
                }
                let (kind, geonames) = (ge.kind, ge.geo.as_ref().and_then(|x| x.geonames_id));
                index.register_names(g, kind, &new_names, geonames);
                *support.entry(g).or_default().entry(le.name.clone()).or_default() += 1;
                links[a][l] = g;
                touched.insert(g);
            }
        }
    }
    // Canonical names: the best-supported full name of the batch, else what was known.
    for (g, names) in support {
        let ge = &mut index.entities[g];
        // The name before this choice is a record's name, among the surfaces, unless
        // `existing` described the entity otherwise.
        if ge.surfaces.contains(&ge.name) {
            ge.name = canonical_name(ge.kind, ge.geo.is_some(), &ge.name, &names);
        } else if let Some(best) = best_name(&names) {
            ge.name = gazetteer_name(ge.kind, ge.geo.is_some(), best).unwrap_or_else(|| best.clone());
        }
    }
    Resolution { entities: index.entities, links, touched }
}

/// The best-supported name: full first, then the most records, then plain, then short.
fn best_name(support: &BTreeMap<String, usize>) -> Option<&String> {
    support
        .iter()
        .max_by(|a, b| {
            (name_rank(a.0).0, a.1, name_rank(a.0).1, name_rank(a.0).2, b.0).cmp(&(
                name_rank(b.0).0,
                b.1,
                name_rank(b.0).1,
                name_rank(b.0).2,
                a.0,
            ))
        })
        .map(|x| x.0)
}

/// A place with a GeoNames reference is called by the gazetteer's name of its best name.
fn gazetteer_name(kind: EntityKind, has_geo: bool, best: &str) -> Option<String> {
    (kind == EntityKind::Place && has_geo).then(|| Gazetteer::get().lookup(best).map(|p| p.name.clone())).flatten()
}

/// The canonical name resolution gives an entity created by a record named `initial`, its
/// records' names counted in `support`: the best-supported one ([`best_name`]; for a place
/// with a GeoNames reference, the gazetteer's name of it), unless `initial` ranks higher.
/// A function of these aggregates alone, so that `summary::Summary` can follow it.
pub fn canonical_name(kind: EntityKind, has_geo: bool, initial: &str, support: &BTreeMap<String, usize>) -> String {
    let Some(best) = best_name(support) else { return initial.to_string() };
    if let Some(name) = gazetteer_name(kind, has_geo, best) {
        return name;
    }
    if name_rank(best) >= name_rank(initial) { best.clone() } else { initial.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocalEntity;

    fn ex(names: &[(EntityKind, &str)]) -> Extraction {
        Extraction {
            entities: names
                .iter()
                .map(|&(kind, n)| LocalEntity {
                    kind,
                    subtype: None,
                    name: n.to_string(),
                    surfaces: [n.to_string()].into(),
                    titles: BTreeSet::new(),
                    affiliations: BTreeSet::new(),
                    nationalities: BTreeSet::new(),
                    geo: None,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn surname_lookup_equals_scanning_every_given_name() {
        use crate::extract::lexicon::given_names_compatible;
        let names = [
            "bill",
            "william",
            "w.",
            "w",
            "sergei",
            "sergey",
            "j.",
            "john",
            "jon",
            "jack",
            "bob",
            "robert",
            "r",
            "aleksei",
            "alexei",
            "liz",
            "elizabeth",
            "e.",
            "kate",
            "katherine",
            "mike",
            "michael",
        ];
        for order in 0..names.len() {
            let mut s = Surname::default();
            let seen: Vec<&str> = names.iter().cycle().skip(order).take(names.len() / 2 + order % 5).copied().collect();
            for (i, n) in seen.iter().enumerate() {
                s.add(n.to_string(), i % 7, true);
            }
            for q in names {
                let scan = s
                    .seen
                    .iter()
                    .find(|(x, xt, _)| given_names_compatible(x, q) || *xt == translit_key(q))
                    .map(|x| x.2);
                assert_eq!(s.find(q), scan, "{q} among {seen:?}");
            }
        }
    }

    #[test]
    fn transliterations_fold_together() {
        assert_eq!(translit_key("Sergey"), translit_key("Sergei"));
        assert_eq!(translit_key("Troianovski"), translit_key("Troyanovsky"));
        assert_eq!(translit_key("Guneev"), translit_key("Guneyev"));
        assert_ne!(translit_key("Sergei"), translit_key("Serge"));
    }

    #[test]
    fn people_merge_across_articles_but_not_different_given_names() {
        use EntityKind::Person;
        let a = ex(&[(Person, "Alexei V. Navalny"), (Person, "Kamala Harris")]);
        let b = ex(&[(Person, "Aleksei Navalny"), (Person, "Navalny")]);
        let c = ex(&[(Person, "Harris"), (Person, "Harry Harris")]);
        let r = resolve(Vec::new(), &[&a, &b, &c]);
        assert_eq!(r.links[0][0], r.links[1][0]);
        assert_eq!(r.links[1][1], r.links[0][0], "a bare surname joins the one full name");
        assert_ne!(r.links[2][1], r.links[0][1], "Harry Harris is not Kamala Harris");
        assert_ne!(r.links[2][0], r.links[0][1], "a surname two people share stays apart");
        let name = &r.entities[r.links[0][0]].name;
        assert_eq!(name, "Aleksei Navalny", "plain full name wins over the one with an initial");
    }

    #[test]
    fn organisations_match_on_normalised_names_and_acronyms() {
        use EntityKind::Organization;
        let a = ex(&[(Organization, "Brazilian Finance Ministry"), (Organization, "World Health Organization")]);
        let b = ex(&[(Organization, "Brazil's Ministry of Finance"), (Organization, "WHO")]);
        let r = resolve(Vec::new(), &[&a, &b]);
        assert_eq!(r.links[0][0], r.links[1][0]);
        assert_eq!(r.links[0][1], r.links[1][1]);
    }

    #[test]
    fn country_names_inside_organisations_and_place_spellings() {
        use EntityKind::{Organization, Place};
        let a = ex(&[(Organization, "U.S. Army Corps of Engineers"), (Place, "Kurdistan Region")]);
        let b = ex(&[(Organization, "United States Army Corps of Engineers"), (Place, "Kurdistann Region")]);
        let r = resolve(Vec::new(), &[&a, &b]);
        assert_eq!(r.links[0][0], r.links[1][0]);
        assert_eq!(r.links[0][1], r.links[1][1]);
    }

    #[test]
    fn an_organisation_with_and_without_its_city() {
        use EntityKind::Organization;
        let a = ex(&[(Organization, "Trinity College Dublin")]);
        let b = ex(&[(Organization, "Trinity College"), (Organization, "Dublin Port Company")]);
        let r = resolve(Vec::new(), &[&a, &b]);
        assert_eq!(r.links[0][0], r.links[1][0]);
        assert_ne!(r.links[1][1], r.links[0][0]);
    }

    #[test]
    fn existing_ids_are_reused() {
        use EntityKind::Person;
        let first = resolve(Vec::new(), &[&ex(&[(Person, "Maria Lopez")])]);
        let again = resolve(first.entities.clone(), &[&ex(&[(Person, "Ms Lopez"), (Person, "Lopez")])]);
        assert_eq!(again.entities[again.links[0][1]].id, "person/maria-lopez");
    }
}
