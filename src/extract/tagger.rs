//! A learned name tagger: a structured (averaged) perceptron over BIO tags
//! for people, organisations, places and "other names" (MISC), decoded with
//! Viterbi.
//!
//! Only name-like tokens are tagged (capitalised words and the connectors
//! between them); every other token is outside a name. Each tagged token is
//! described by hashed features (the word, its shape, prefixes and suffixes,
//! its neighbours, the project's lexicons, the line it sits on and how the
//! same word is written elsewhere in the document). Feature strings are
//! never built: pieces are hashed directly, so tagging allocates only a few
//! per-document vectors.
//!
//! The weights (`data/tagger.bin`) are learned by `src/bin/train_tagger.rs`
//! (`scripts/train_tagger.sh`) and compiled into the binary. Training and
//! inference share [`features`].

use std::collections::HashMap;
use std::sync::OnceLock;

use super::gazetteer::Gazetteer;
use super::lexicon::*;
use super::text::{TokKind, Token};
use crate::model::Subtype;

/// Tags: O, then B/I for each label.
pub const NT: usize = 9;
/// Hash buckets (a power of two).
pub const BUCKETS: usize = 1 << 18;
const START: usize = NT;
/// Training treats words seen at most this often as unseen.
const RARE: u32 = 2;
/// Percent of the other tokens trained without their identity in each pass.
const DROPOUT: u64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Per,
    Org,
    Loc,
    Misc,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

    pub fn from_name(s: &str) -> Option<Label> {
        match s {
            "PER" => Some(Label::Per),
            "ORG" => Some(Label::Org),
            "LOC" => Some(Label::Loc),
            "MISC" => Some(Label::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    pub fn begin(self) -> usize {
        1 + 2 * self.index()
    }

    pub fn inside(self) -> usize {
        2 + 2 * self.index()
    }
}

/// The label of a tag index (None for O).
pub fn tag_label(t: usize) -> Option<Label> {
    (t > 0).then(|| Label::ALL[(t - 1) / 2])
}

fn is_begin(t: usize) -> bool {
    t > 0 && t % 2 == 1
}

/// Weights: `w[feature * NT + tag]` and transitions `trans[prev * NT + tag]` (prev = START first).
#[derive(Clone)]
pub struct Model {
    pub w: Vec<f32>,
    pub trans: Vec<f32>,
    /// Loaded models keep the quantised weights only (half the memory, fewer cache misses), a row
    /// of [`NT`] tags per feature bucket.
    q: Vec<[i16; NT]>,
    scale: f32,
}

impl Default for Model {
    fn default() -> Self {
        Model { w: vec![0.0; BUCKETS * NT], trans: vec![0.0; (NT + 1) * NT], q: Vec::new(), scale: 0.0 }
    }
}

const MAGIC: &[u8; 4] = b"NGT1";

impl Model {
    /// The bundled model.
    pub fn get() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| Model::from_bytes(include_bytes!("../../data/tagger.bin")).unwrap_or_default())
    }

    /// Sparse, quantised encoding: magic, scale, transitions, then (delta varint, i16) per non-zero weight.
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let max = self.w.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
        let scale = max / 32767.0;
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(BUCKETS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for &t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut last = 0usize;
        for (i, &x) in self.w.iter().enumerate() {
            let q = (x / scale).round() as i32;
            if x.abs() < prune || q == 0 {
                continue;
            }
            let mut d = (i - last) as u64;
            last = i;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
            out.extend_from_slice(&(q.clamp(-32767, 32767) as i16).to_le_bytes());
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 12 || &b[0..4] != MAGIC {
            return None;
        }
        let u32_at = |p: usize| u32::from_le_bytes([b[p], b[p + 1], b[p + 2], b[p + 3]]);
        if u32_at(4) as usize != BUCKETS {
            return None;
        }
        let scale = f32::from_bits(u32_at(8));
        let mut m = Model { w: Vec::new(), trans: vec![0.0; (NT + 1) * NT], q: vec![[0; NT]; BUCKETS], scale };
        let mut p = 12;
        for t in m.trans.iter_mut() {
            *t = f32::from_bits(u32_at(p));
            p += 4;
        }
        let mut idx = 0usize;
        while p < b.len() {
            let mut d = 0u64;
            let mut shift = 0;
            loop {
                let x = *b.get(p)?;
                p += 1;
                d |= ((x & 0x7f) as u64) << shift;
                shift += 7;
                if x & 0x80 == 0 {
                    break;
                }
            }
            idx += d as usize;
            let q = i16::from_le_bytes([*b.get(p)?, *b.get(p + 1)?]);
            p += 2;
            *m.q.get_mut(idx / NT)?.get_mut(idx % NT)? = q;
        }
        Some(m)
    }

    /// One weight (feature bucket * NT + tag), whichever form the model holds.
    pub fn weight(&self, i: usize) -> f32 {
        if self.q.is_empty() { self.w[i] } else { self.q[i / NT][i % NT] as f32 * self.scale }
    }

    /// Adds the quantised rows of `feats` to `acc` (a loaded model only). Sums of integers: the
    /// order of the features does not change them.
    /// The first eight tags are summed as one block of eight lanes (the compiler adds them as
    /// vectors), the ninth on its own.
    #[allow(clippy::needless_range_loop)]
    fn accumulate(&self, feats: &[u32], acc: &mut [i32; NT]) {
        let mut lanes = [0i32; 8];
        lanes.copy_from_slice(&acc[..8]);
        let mut last = acc[8];
        // A table of known length, indexed below it: no bounds check per row.
        let q: &[[i16; NT]; BUCKETS] = self.q.as_slice().try_into().expect("a loaded model");
        for &f in feats {
            let row = &q[f as usize & (BUCKETS - 1)];
            for t in 0..8 {
                lanes[t] += row[t] as i32;
            }
            last += row[8] as i32;
        }
        acc[..8].copy_from_slice(&lanes);
        acc[8] = last;
    }

    fn scaled(&self, acc: &[i32; NT], out: &mut [f32; NT]) {
        for (o, &a) in out.iter_mut().zip(acc) {
            *o = a as f32 * self.scale;
        }
    }

    fn emit(&self, feats: &[u32], out: &mut [f32; NT]) {
        if !self.q.is_empty() {
            let mut acc = [0i32; NT];
            self.accumulate(feats, &mut acc);
            self.scaled(&acc, out);
            return;
        }
        *out = [0.0; NT];
        for &f in feats {
            let row = &self.w[f as usize * NT..f as usize * NT + NT];
            for t in 0..NT {
                out[t] += row[t];
            }
        }
    }

    fn tr(&self, prev: usize, t: usize) -> f32 {
        self.trans[prev * NT + t]
    }
}

// ---------------------------------------------------------------- hashing

const FNV: u64 = 0xcbf29ce484222325;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x100000001b3)
}

#[inline]
fn hash_bytes(mut h: u64, s: &[u8]) -> u64 {
    for &b in s {
        h = mix(h, b as u64);
    }
    h
}

fn hash_lower(s: &str) -> u64 {
    let mut h = FNV;
    if s.is_ascii() {
        for b in s.bytes() {
            h = mix(h, b.to_ascii_lowercase() as u64);
        }
        return h;
    }
    for c in s.chars() {
        for l in c.to_lowercase() {
            h = mix(h, l as u64);
        }
    }
    h
}

/// The word's shape, runs of one class cut at two ("Xx", "XX", "dd-dd", "X.X.").
fn hash_shape(s: &str, short: bool) -> u64 {
    let mut h = FNV ^ 0x5a;
    let mut last = '\0';
    let mut run = 0;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= if short { 1 } else { 2 } {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        h = mix(h, k as u64);
    }
    h
}

/// The shape class of each ASCII byte: 'X' a capital, 'x' a small letter, 'd' a digit, else itself.
const ASCII_SHAPE: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            b'X'
        } else if c.is_ascii_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else {
            c
        };
        b += 1;
    }
    t
};

/// Letters (bit 0) and capitals (bit 1) among ASCII bytes; nothing else.
const ASCII_LETTER: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            3
        } else if c.is_ascii_lowercase() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// One pass over a word: its lower-case hash, its shape hash, whether it is all letters and all
/// capitals, and its length in characters. Equal to [`hash_lower`] and [`hash_shape`].
#[cfg(test)]
fn scan(w: &str) -> (u64, u64, bool, bool, usize) {
    let (lower, alpha, upper, nch) = scan_lower(w);
    (lower, scan_shape(w), alpha, upper, nch)
}

/// One pass over a word: its lower-case hash, whether it is all letters and all capitals, and its
/// length in characters. Equal to [`hash_lower`]. (Its shape is asked for only near a name:
/// [`scan_shape`].)
fn scan_lower(w: &str) -> (u64, bool, bool, usize) {
    let mut lower = FNV;
    let mut letters = 3u8;
    for &b in w.as_bytes() {
        if b >= 0x80 {
            return scan_lower_unicode(w);
        }
        let class = ASCII_LETTER[b as usize];
        // A capital's small letter is 32 on.
        lower = mix(lower, (b + ((class & 2) << 4)) as u64);
        letters &= class;
    }
    (lower, letters & 1 != 0, letters & 2 != 0, w.len())
}

/// [`hash_shape`] of a word (not short), one byte at a time for ASCII.
fn scan_shape(w: &str) -> u64 {
    let mut shape = FNV ^ 0x5a;
    let mut last = 0u8;
    let mut run = 0;
    for &b in w.as_bytes() {
        if b >= 0x80 {
            return shape_unicode(w);
        }
        let k = ASCII_SHAPE[b as usize];
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        shape = mix(shape, k as u64);
    }
    shape
}

/// One mark of General Punctuation (curly quotes, dashes, ellipsis), the usual non-ASCII token:
/// no letter, no case, no digit, so its hashes need no Unicode tables.
fn general_punct_mark(w: &str) -> Option<char> {
    let mut chars = w.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ '\u{2000}'..='\u{206F}'), None) => Some(c),
        _ => None,
    }
}

/// [`scan_lower`] of a word that is not all ASCII.
#[cold]
fn scan_lower_unicode(w: &str) -> (u64, bool, bool, usize) {
    if let Some(c) = general_punct_mark(w) {
        return (mix(FNV, c as u64), false, false, 1);
    }
    let alpha = w.chars().all(char::is_alphabetic);
    let upper = w.chars().all(char::is_uppercase);
    (hash_lower(w), alpha, upper, w.chars().count())
}

/// [`scan_shape`] of a word that is not all ASCII.
#[cold]
fn shape_unicode(w: &str) -> u64 {
    match general_punct_mark(w) {
        Some(c) => mix(FNV ^ 0x5a, c as u64),
        None => hash_shape(w, false),
    }
}

/// [`hash_shape`] with `short` of an ASCII word: every repeated class is dropped.
fn shape_short_ascii(w: &[u8]) -> u64 {
    let mut h = FNV ^ 0x5a;
    let mut last = 0u8;
    for &b in w {
        let k = ASCII_SHAPE[(b & 0x7f) as usize];
        if k != last {
            last = k;
            h = mix(h, k as u64);
        }
    }
    h
}

#[inline]
fn feat(template: u64, value: u64) -> u32 {
    let h = mix(mix(FNV, template), value);
    let h = h ^ (h >> 29);
    (h.wrapping_mul(0xbf58476d1ce4e5b9) >> 40) as u32 & (BUCKETS as u32 - 1)
}

// ---------------------------------------------------------------- per-token facts

const F_GAZ_COUNTRY: u32 = 1;
const F_GAZ_CITY: u32 = 1 << 1;
const F_GAZ_STATE: u32 = 1 << 2;
const F_GAZ_OTHER: u32 = 1 << 3;
const F_DEMONYM: u32 = 1 << 4;
const F_GIVEN: u32 = 1 << 5;
const F_ORG_HEAD: u32 = 1 << 6;
const F_TITLE: u32 = 1 << 7;
const F_HONORIFIC: u32 = 1 << 8;
const F_ROLE: u32 = 1 << 9;
const F_COMMON: u32 = 1 << 10;
const F_KNOWN_ORG: u32 = 1 << 11;
const F_PLACE_HEAD: u32 = 1 << 12;
const F_SPEECH: u32 = 1 << 13;
const F_GAZ2_B: u32 = 1 << 14;
const F_GAZ2_I: u32 = 1 << 15;
const F_CAP: u32 = 1 << 16;
const F_ALLCAPS: u32 = 1 << 17;
const F_TITLE_MOD: u32 = 1 << 18;
const F_DIRECTION: u32 = 1 << 19;

#[derive(Clone, Copy, Default)]
struct TokInfo {
    lower: u64,
    shape: u64,
    flags: u32,
    /// Document facts about the lower-cased word: capitalised mid-sentence elsewhere, lower-case elsewhere.
    doc: u8,
}

/// Paragraph facts: mostly capitals, mostly numbers, short.
#[derive(Clone, Copy, Default)]
struct ParaInfo {
    caps: bool,
    numeric: bool,
    short: bool,
    n_words: u32,
    n_upper: u32,
    n_alpha_words: u32,
    n_num: u32,
    n_tok: u32,
}

/// Keys that are already hashes need no further hashing.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0 ^ FNV, bytes);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

type FastMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

thread_local! {
    static LEX_CACHE: std::cell::RefCell<FastMap<u32>> = std::cell::RefCell::new(FastMap::default());
    /// See [`analyse`]: per word, the bundled model's rows of [`Ctx::word_features`] summed.
    static WORD_ROWS: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, [i32; NT]>> = Default::default();
}

/// What the project's lexicons say of a capitalised word (looked up as "Word" when in headline capitals).
fn word_flags(gaz: &Gazetteer, w: &str, headline_caps: bool) -> u32 {
    let cased: std::borrow::Cow<str> = if headline_caps {
        std::borrow::Cow::Owned(capitalize(&w.to_lowercase()))
    } else {
        std::borrow::Cow::Borrowed(w)
    };
    let w2: &str = &cased;
    let mut f = 0;
    if let Some(p) = gaz.lookup(w2) {
        f |= match p.subtype {
            Subtype::Country => F_GAZ_COUNTRY,
            Subtype::City => F_GAZ_CITY,
            Subtype::State => F_GAZ_STATE,
            _ => F_GAZ_OTHER,
        };
    }
    let checks: [(bool, u32); 12] = [
        (gaz.is_demonym(w2), F_DEMONYM),
        (is_given_name(w2), F_GIVEN),
        (is_org_head(w2), F_ORG_HEAD),
        (is_title_head(w2), F_TITLE),
        (is_title_modifier(w2), F_TITLE_MOD),
        (is_honorific(w2), F_HONORIFIC),
        (is_role_noun(w2), F_ROLE),
        (is_common_word(w2), F_COMMON),
        (known_org(w2).is_some(), F_KNOWN_ORG),
        (is_place_head(w2), F_PLACE_HEAD),
        (is_direction(w2), F_DIRECTION),
        (false, 0),
    ];
    for (yes, bit) in checks {
        if yes {
            f |= bit;
        }
    }
    f
}

/// Where a token's features go: a list ([`Ctx::features`], training), or straight into the sum of
/// their rows of quantised weights (decoding: no list is written and read again).
trait Sink {
    fn put(&mut self, f: u32);

    fn put_all(&mut self, fs: &[u32]) {
        for &f in fs {
            self.put(f);
        }
    }
}

impl Sink for Vec<u32> {
    fn put(&mut self, f: u32) {
        self.push(f);
    }

    fn put_all(&mut self, fs: &[u32]) {
        self.extend_from_slice(fs);
    }
}

/// The sum of the rows of the features put in, as [`Model::accumulate`] makes it (sums of
/// integers: the order of the features does not change them).
struct RowSum<'m> {
    /// The model's rows as a table of known length: a row is found without a bounds check.
    q: &'m [[i16; NT]; BUCKETS],
    lanes: [i32; 8],
    last: i32,
}

impl<'m> RowSum<'m> {
    fn new(model: &'m Model, acc: &[i32; NT]) -> RowSum<'m> {
        let mut lanes = [0i32; 8];
        lanes.copy_from_slice(&acc[..8]);
        RowSum { q: model.q.as_slice().try_into().expect("a loaded model"), lanes, last: acc[8] }
    }

    fn total(&self) -> [i32; NT] {
        let mut acc = [0i32; NT];
        acc[..8].copy_from_slice(&self.lanes);
        acc[8] = self.last;
        acc
    }
}

impl Sink for RowSum<'_> {
    #[inline]
    #[allow(clippy::needless_range_loop)]
    fn put(&mut self, f: u32) {
        // (Features are below BUCKETS already: the mask only tells the compiler so.)
        let row = &self.q[f as usize & (BUCKETS - 1)];
        for t in 0..8 {
            self.lanes[t] += row[t] as i32;
        }
        self.last += row[8] as i32;
    }
}

/// What the tagger knows about one document.
pub struct Ctx<'a> {
    toks: &'a [Token],
    /// The text of every token, sliced once.
    words: std::borrow::Cow<'a, [&'a str]>,
    info: Vec<TokInfo>,
    paras: Vec<ParaInfo>,
    /// Tokens the tagger labels (the rest are outside any name).
    pub active: Vec<bool>,
}

const CONNECT: &[&str] =
    &["of", "and", "de", "van", "von", "der", "den", "la", "le", "du", "da", "del", "al", "&", "for", "the"];

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Ctx<'a> {
        Ctx::with_words(text, toks, super::text::token_texts(text, toks))
    }

    /// [`Ctx::new`] with the text of every token already sliced ([`super::text::token_texts`]).
    pub fn with_words(text: &'a str, toks: &'a [Token], words: impl Into<std::borrow::Cow<'a, [&'a str]>>) -> Ctx<'a> {
        let words = words.into();
        let gaz = Gazetteer::get();
        let n = toks.len();
        let s = |i: usize| words[i];
        let npara = toks.last().map_or(0, |t| t.para + 1);
        let mut paras = vec![ParaInfo::default(); npara];
        let mut info = vec![TokInfo::default(); n];
        let mut doc_words: FastMap<u8> = FastMap::with_capacity_and_hasher(n / 4, Default::default());
        // Capitalised words (a word token whose first letter is a capital).
        let mut capw = vec![false; n];
        for i in 0..n {
            let t = &toks[i];
            let w = s(i);
            let p = &mut paras[t.para];
            p.n_tok += 1;
            if t.kind == TokKind::Number {
                p.n_num += 1;
            }
            let (lower, alpha, upper, nch) = scan_lower(w);
            if t.kind == TokKind::Word {
                p.n_words += 1;
                if alpha {
                    p.n_alpha_words += 1;
                    if nch >= 2 && upper {
                        p.n_upper += 1;
                    }
                }
            }
            info[i].lower = lower;
            if t.kind == TokKind::Word && starts_upper(w) {
                capw[i] = true;
                *doc_words.entry(lower).or_default() |= if t.sent_start { 0 } else { 1 };
            }
        }
        // Capitalised words also written in lower case. Most words are not capitalised anywhere in
        // the document: a sieve of the capitalised words' hashes (4096 bits) answers for them.
        let mut sieve = [0u64; 64];
        for &lower in doc_words.keys() {
            sieve[(lower >> 58) as usize] |= 1 << ((lower >> 52) & 63);
        }
        for (i, t) in toks.iter().enumerate() {
            let lower = info[i].lower;
            if t.kind == TokKind::Word
                && !capw[i]
                && sieve[(lower >> 58) as usize] & (1 << ((lower >> 52) & 63)) != 0
                && let Some(e) = doc_words.get_mut(&lower)
            {
                *e |= 2;
            }
        }
        for p in paras.iter_mut() {
            p.caps = p.n_alpha_words >= 2 && p.n_upper * 10 >= p.n_alpha_words * 6;
            p.numeric = p.n_num * 4 >= p.n_tok.max(1);
            p.short = p.n_tok <= 6;
        }
        // Words seen inside a longer capitalised run (outside capitals lines): 4 a later word
        // (a surname: "Ana Lenz" ... "Lenz"), 8 the first word.
        let mut i = 0;
        while i < n {
            let mut j = i;
            while j < n && capw[j] && toks[j].para == toks[i].para {
                j += 1;
            }
            if j - i >= 2 && !paras[toks[i].para].caps {
                for (k, inf) in info[i..j].iter().enumerate() {
                    *doc_words.entry(inf.lower).or_default() |= if k == 0 { 8 } else { 4 };
                }
            }
            i = j.max(i + 1);
        }
        let mut active = vec![false; n];
        // Lexicon facts are pure functions of the word: kept per thread across documents.
        let mut lex_cache: FastMap<u32> = LEX_CACHE.with(|c| std::mem::take(&mut *c.borrow_mut()));
        for i in 0..n {
            let t = &toks[i];
            if t.kind != TokKind::Word {
                continue;
            }
            if !capw[i] {
                continue;
            }
            let w = s(i);
            active[i] = true;
            let mut f = F_CAP;
            let all_caps = if w.is_ascii() {
                w.len() >= 2 && !w.bytes().any(|b| b.is_ascii_lowercase())
            } else {
                w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase())
            };
            if all_caps {
                f |= F_ALLCAPS;
            }
            let caps_para = paras[t.para].caps;
            let key = mix(hash_bytes(FNV, w.as_bytes()), caps_para as u64);
            f |= *lex_cache.entry(key).or_insert_with(|| word_flags(gaz, w, caps_para && f & F_ALLCAPS != 0));
            info[i].flags |= f;
            // Two-word places: "New York", "Hong Kong".
            if i + 1 < n && capw[i + 1] && toks[i + 1].para == t.para {
                let two = &text[t.span.start..toks[i + 1].span.end];
                let key = mix(hash_bytes(FNV, two.as_bytes()), 2);
                if *lex_cache.entry(key).or_insert_with(|| gaz.lookup(two).is_some() as u32) == 1 {
                    info[i].flags |= F_GAZ2_B;
                    info[i + 1].flags |= F_GAZ2_I;
                }
            }
        }
        // Speech verbs and role nouns in lower case are context for their neighbours.
        for i in 0..n {
            if active[i] || toks[i].kind != TokKind::Word {
                continue;
            }
            let near_name = (i > 0 && active[i - 1]) || (i + 1 < n && active[i + 1]);
            if near_name {
                let w = s(i);
                let key = mix(info[i].lower, 3);
                if w.len() <= 12 && *lex_cache.entry(key).or_insert_with(|| is_speech_verb(w) as u32) == 1 {
                    info[i].flags |= F_SPEECH;
                }
            }
        }
        // Connectors inside a capitalised run: "Bank of England", "Ruud van Nistelrooy".
        for i in 1..n.saturating_sub(1) {
            if !active[i]
                && active[i - 1]
                && toks[i].para == toks[i - 1].para
                && CONNECT.contains(&s(i))
                && (active[i + 1] || (i + 2 < n && CONNECT.contains(&s(i + 1)) && active[i + 2]))
            {
                active[i] = true;
                if i + 2 < n && CONNECT.contains(&s(i + 1)) && active[i + 2] {
                    active[i + 1] = true;
                }
            }
        }
        // Shapes: only the labelled tokens' and their neighbours' within two are asked for.
        let mut shaped = 0;
        #[allow(clippy::needless_range_loop)]
        for i in 0..n {
            if active[i] {
                for j in i.saturating_sub(2).max(shaped)..(i + 3).min(n) {
                    info[j].shape = scan_shape(s(j));
                }
                shaped = (i + 3).min(n);
            }
        }
        // What the document says of each word the tagger labels (no other token's is asked for).
        for i in 0..n {
            if active[i] && toks[i].kind == TokKind::Word {
                info[i].doc = doc_words.get(&info[i].lower).copied().unwrap_or(0);
            }
        }
        if lex_cache.len() > 1 << 18 {
            lex_cache.clear();
        }
        LEX_CACHE.with(|c| *c.borrow_mut() = lex_cache);
        Ctx { toks, words, info, paras, active }
    }

    fn s(&self, i: usize) -> &'a str {
        self.words[i]
    }

    /// Features of token `i`, appended to `out`: a token the tagger labels (one of a [`runs`]), the
    /// only ones whose neighbours' shapes are known.
    pub fn features(&self, i: usize, out: &mut Vec<u32>) {
        self.features_opt(i, out, false)
    }

    /// [`Self::features`]; `unseen` leaves out the word's identity, as for a word never seen in
    /// training (training does so for rare words, so that context learns to carry unseen names).
    fn features_opt(&self, i: usize, out: &mut Vec<u32>, unseen: bool) {
        out.clear();
        self.word_features(i, out, unseen);
        self.context_features(i, out, unseen);
    }

    /// The features of token `i` that depend on its word alone (the same for every token of
    /// that word), appended to `out`: the first part of [`Self::features`].
    fn word_features(&self, i: usize, out: &mut Vec<u32>, unseen: bool) {
        let w = self.s(i);
        let inf = self.info[i];
        out.push(feat(0, 0));
        if !unseen {
            out.push(feat(1, hash_bytes(FNV, w.as_bytes())));
            out.push(feat(2, inf.lower));
        }
        out.push(feat(3, inf.shape));
        out.push(feat(4, if w.is_ascii() { shape_short_ascii(w.as_bytes()) } else { hash_shape(w, true) }));
        // Prefixes and suffixes of the lower-cased word (characters, not bytes).
        if w.is_ascii() {
            // One character a byte: the prefixes' hashes are the running hash of the word.
            let b = w.as_bytes();
            let nch = b.len();
            let mut h = FNV;
            for (k, &c) in b.iter().take(nch.saturating_sub(1).min(3)).enumerate() {
                h = mix(h, c.to_ascii_lowercase() as u64);
                out.push(feat(10 + k as u64, h));
            }
            if nch <= 3 {
                out.push(feat(10 + nch as u64 - 1, inf.lower));
            }
            for k in 1..=4usize {
                if nch > k {
                    // hash_lower of the last k characters.
                    let h = b[nch - k..].iter().fold(FNV, |h, &c| mix(h, c.to_ascii_lowercase() as u64));
                    out.push(feat(20 + k as u64, h));
                }
            }
        } else {
            let chars = w.char_indices().map(|(b, _)| b);
            let nch = w.chars().count();
            for (k, b) in chars.clone().skip(1).take(3).enumerate() {
                out.push(feat(10 + k as u64, hash_lower(&w[..b])));
            }
            if nch <= 3 {
                out.push(feat(10 + nch as u64 - 1, inf.lower));
            }
            for k in 1..=4usize {
                if nch > k {
                    let b = w.char_indices().nth(nch - k).map_or(0, |x| x.0);
                    out.push(feat(20 + k as u64, hash_lower(&w[b..])));
                }
            }
        }
    }

    /// The features of token `i` that depend on its neighbours, its line and the document,
    /// appended to `out`: the rest of [`Self::features`].
    fn context_features(&self, i: usize, out: &mut impl Sink, unseen: bool) {
        let n = self.toks.len();
        let t = &self.toks[i];
        let inf = self.info[i];
        let para = self.paras[t.para];
        let ctx_lower = |j: isize| -> u64 {
            if j < 0 || j as usize >= n {
                return 7;
            }
            let j = j as usize;
            if self.toks[j].para != t.para {
                return 11;
            }
            self.info[j].lower
        };
        let ctx_shape = |j: isize| -> u64 {
            if j < 0 || j as usize >= n || self.toks[j as usize].para != t.para {
                return 13;
            }
            self.info[j as usize].shape
        };
        let ii = i as isize;
        // The neighbours, looked up once; fixed groups of features go in at once.
        let (lm2, lm1, lp1, lp2) = (ctx_lower(ii - 2), ctx_lower(ii - 1), ctx_lower(ii + 1), ctx_lower(ii + 2));
        let (sm2, sm1, sp1, sp2) = (ctx_shape(ii - 2), ctx_shape(ii - 1), ctx_shape(ii + 1), ctx_shape(ii + 2));
        out.put_all(&[
            feat(30, lm1),
            feat(31, lp1),
            feat(32, lm2),
            feat(33, lp2),
            feat(34, mix(lm2, lm1)),
            feat(35, mix(lp1, lp2)),
            feat(40, sm1),
            feat(41, sp1),
            feat(42, mix(sm1, inf.shape)),
            feat(43, mix(inf.shape, sp1)),
            feat(44, mix(lm1, inf.shape)),
            feat(45, mix(inf.shape, lp1)),
            feat(46, mix(sm2, sm1)),
            feat(47, mix(sp1, sp2)),
        ]);
        if !unseen {
            out.put_all(&[feat(48, mix(lm1, inf.lower)), feat(49, mix(inf.lower, lp1))]);
        }
        // Lexicon facts of the word and its neighbours.
        let mut f = inf.flags;
        while f != 0 {
            out.put(feat(50, f.trailing_zeros() as u64));
            f &= f - 1;
        }
        for (o, tid) in [(-1isize, 51u64), (1, 52), (-2, 53), (2, 54)] {
            let j = ii + o;
            if j >= 0 && (j as usize) < n {
                let mut f = self.info[j as usize].flags;
                while f != 0 {
                    out.put(feat(tid, f.trailing_zeros() as u64));
                    f &= f - 1;
                }
            }
        }
        // Where it stands: sentence start, line start, the kind of line.
        let line = (t.sent_start as u64)
            | (((i == 0 || self.toks[i - 1].para != t.para) as u64) << 1)
            | ((para.caps as u64) << 2)
            | ((para.numeric as u64) << 3)
            | ((para.short as u64) << 4);
        out.put_all(&[feat(60, line), feat(61, line & 1), feat(62, (line >> 2) & 1), feat(63, (line >> 3) & 1)]);
        if !unseen {
            out.put(feat(64, mix(inf.lower, line & 0b1100)));
        }
        out.put(feat(65, mix(inf.shape, line)));
        if t.para == 0 {
            out.put(feat(66, 1));
        }
        // The document: the same word capitalised mid-sentence elsewhere, or written in lower case.
        out.put_all(&[
            feat(70, inf.doc as u64),
            feat(71, mix(inf.doc as u64, line & 1)),
            feat(72, mix(inf.doc as u64, inf.shape)),
        ]);
        // Neighbours that are themselves name-like.
        let act = |j: isize| j >= 0 && (j as usize) < n && self.active[j as usize];
        out.put(feat(80, (act(ii - 1) as u64) | ((act(ii + 1) as u64) << 1)));
        // The token's kind inside a run of words ("Smith (France)" in a table).
        let next_is_paren = ii + 1 < n as isize && self.s(i + 1) == "(";
        let prev_is_num = i > 0 && self.toks[i - 1].kind == TokKind::Number;
        out.put(feat(81, (next_is_paren as u64) | ((prev_is_num as u64) << 1)));
    }
}

/// A span the tagger found: tokens `a..b` with a label and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tagged {
    pub a: usize,
    pub b: usize,
    pub label: Label,
    /// Score of this labelling minus the best other labelling of the same tokens
    /// (another label, or outside any name), everything else fixed.
    pub margin: f32,
}

/// Runs of active tokens inside one paragraph: the units that are decoded.
pub fn runs(ctx: &Ctx) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = ctx.toks.len();
    while i < n {
        if !ctx.active[i] {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && ctx.active[j] && ctx.toks[j].para == ctx.toks[i].para {
            j += 1;
        }
        out.push((i, j));
        i = j;
    }
    out
}

/// Viterbi over one run with emission scores `em`; returns the best tags.
#[allow(clippy::needless_range_loop)]
fn viterbi(model: &Model, em: &[[f32; NT]], tags: &mut Vec<usize>) {
    let m = em.len();
    tags.clear();
    if m == 0 {
        return;
    }
    // Runs are short: their tables live on the stack unless a run is long.
    const SMALL: usize = 8;
    let (mut score_small, mut back_small) = ([[0f32; NT]; SMALL], [[0u8; NT]; SMALL]);
    let (mut score_big, mut back_big) = (Vec::new(), Vec::new());
    let (score, back): (&mut [[f32; NT]], &mut [[u8; NT]]) = if m <= SMALL {
        (&mut score_small[..m], &mut back_small[..m])
    } else {
        score_big.resize(m, [0f32; NT]);
        back_big.resize(m, [0u8; NT]);
        (&mut score_big, &mut back_big)
    };
    // The transitions as a table of known length: the indices below are within it, unchecked.
    let trans: &[f32; (NT + 1) * NT] = model.trans.as_slice().try_into().expect("a transition table");
    let tr = |p: usize, t: usize| trans[p * NT + t];
    for t in 0..NT {
        score[0][t] = em[0][t] + tr(START, t) + if legal(0, t) { 0.0 } else { -1e4 };
    }
    for k in 1..m {
        for t in 0..NT {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            // An inside tag continues only its own label: its legal predecessors are its
            // beginning and itself (see `legal`); any tag may precede O or a beginning.
            let preds = if t == 0 || is_begin(t) { 0..NT } else { t - 1..t + 1 };
            for p in preds {
                let v = score[k - 1][p] + tr(p, t);
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            score[k][t] = best + em[k][t];
            back[k][t] = arg as u8;
        }
    }
    // Ending: the run is followed by an outside token.
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0;
    for t in 0..NT {
        let v = score[m - 1][t] + tr(t, 0);
        if v > best {
            best = v;
            arg = t;
        }
    }
    tags.resize(m, 0);
    tags[m - 1] = arg;
    for k in (1..m).rev() {
        tags[k - 1] = back[k][tags[k]] as usize;
    }
}

/// Whether tag `t` may follow tag `p` (an inside tag continues its own label).
fn legal(p: usize, t: usize) -> bool {
    t == 0 || is_begin(t) || (p != START && p != 0 && (p == t || p == t - 1))
}

/// Score of a tag path over a run (transitions from START and into O after).
#[cfg(test)]
fn path_score(model: &Model, em: &[[f32; NT]], tags: &[usize]) -> f32 {
    let mut s = 0.0;
    let mut prev = START;
    for (k, &t) in tags.iter().enumerate() {
        s += model.tr(prev, t) + em[k][t] + if legal(prev, t) { 0.0 } else { -1e4 };
        prev = t;
    }
    s + model.tr(prev, 0)
}

/// The terms of `path_score` for a window of tokens: each token's emission and its
/// transition from the token before (`prev` before the first), with the end transition
/// when the window ends the run.
fn window_score(
    model: &Model,
    em: &[[f32; NT]],
    tags: impl IntoIterator<Item = usize>,
    mut prev: usize,
    end: bool,
) -> f32 {
    let mut s = 0.0;
    for (k, t) in tags.into_iter().enumerate() {
        s += model.tr(prev, t) + em[k][t] + if legal(prev, t) { 0.0 } else { -1e4 };
        prev = t;
    }
    if end { s + model.tr(prev, 0) } else { s }
}

/// Tags one document.
pub fn tag(text: &str, toks: &[Token]) -> Vec<Tagged> {
    analyse(Model::get(), &Ctx::new(text, toks)).spans
}

pub fn tag_with(model: &Model, ctx: &Ctx) -> Vec<Tagged> {
    analyse(model, ctx).spans
}

/// The tagger's reading of one document, kept so that other labellings can be scored.
pub struct Tagging<'m> {
    model: &'m Model,
    /// The names found.
    pub spans: Vec<Tagged>,
    /// Best tag of every token (O outside the runs).
    pub tags: Vec<usize>,
    /// Emission scores of the runs' tokens only, run after run: run `r` starts at `em_at[r]`.
    em: Vec<[f32; NT]>,
    em_at: Vec<usize>,
    runs: Vec<(usize, usize)>,
    run_of: Vec<usize>,
}

impl Tagging<'_> {
    /// How much worse the tagger finds it to label tokens `a..b` as one `label`
    /// name (or, for None, as no name), everything else as it chose. Zero when
    /// that is its own reading; infinite for a name over tokens it never tags.
    pub fn cost(&self, a: usize, b: usize, label: Option<Label>) -> f32 {
        if a >= b || b > self.tags.len() {
            return f32::INFINITY;
        }
        let r = self.run_of[a];
        if r == usize::MAX || (a..b).any(|i| self.run_of[i] != r) {
            return match label {
                None if (a..b).all(|i| self.tags[i] == 0) => 0.0,
                _ => f32::INFINITY,
            };
        }
        let w = self.window(r, a, b);
        self.window_best(&w) - self.window_alt(&w, label)
    }

    /// The window of run `r` whose score changes when tokens `a..b` (inside the run) are
    /// relabelled: only the terms around the relabelled tokens differ, so the window holds the
    /// relabelled ones, the one after, whose tag may restart, and the next, whose transition
    /// depends on it; a long run of capitalised words costs time in proportion to its length,
    /// not its square.
    fn window(&self, r: usize, a: usize, b: usize) -> Window<'_> {
        let (ra, rb) = self.runs[r];
        let em = &self.em[self.em_at[r]..self.em_at[r] + (rb - ra)];
        let best = &self.tags[ra..rb];
        let lo = a - ra;
        let hi = (b - ra + 2).min(best.len());
        let prev = if lo == 0 { START } else { best[lo - 1] };
        Window { em: &em[lo..hi], best: &best[lo..hi], n: b - a, prev, end: hi == best.len() }
    }

    /// Score of the tagger's own labelling over a window.
    fn window_best(&self, w: &Window) -> f32 {
        window_score(self.model, w.em, w.best.iter().copied(), w.prev, w.end)
    }

    /// Score of the window with its first `w.n` tokens relabelled as one `label` name (None: no name).
    fn window_alt(&self, w: &Window, label: Option<Label>) -> f32 {
        // The relabelled tags, made as they are scored (no copy of the window).
        let tags = w.best.iter().enumerate().map(|(x, &t)| match label {
            _ if x > w.n => t,
            // A name cut in two by the relabelling restarts with B.
            _ if x == w.n => {
                if t != 0 && !is_begin(t) {
                    t - 1
                } else {
                    t
                }
            }
            None => 0,
            Some(l) if x == 0 => l.begin(),
            Some(l) => l.inside(),
        });
        window_score(self.model, w.em, tags, w.prev, w.end)
    }
}

/// See [`Tagging::window`].
struct Window<'t> {
    em: &'t [[f32; NT]],
    best: &'t [usize],
    /// How many tokens, from the window's start, are relabelled.
    n: usize,
    prev: usize,
    end: bool,
}

pub fn analyse<'m>(model: &'m Model, ctx: &Ctx) -> Tagging<'m> {
    let n = ctx.toks.len();
    let runs = runs(ctx);
    let mut em_at = Vec::with_capacity(runs.len());
    let mut in_runs = 0;
    for &(a, b) in &runs {
        em_at.push(in_runs);
        in_runs += b - a;
    }
    let mut out = Tagging {
        model,
        spans: Vec::new(),
        tags: vec![0; n],
        em: vec![[0.0; NT]; in_runs],
        em_at,
        runs,
        run_of: vec![usize::MAX; n],
    };
    let mut feats = Vec::with_capacity(128);
    let mut tags = Vec::new();
    // The bundled model's rows of a word's own features, summed once per word and thread: the
    // same word recurs through a document and across documents.
    let by_word = !model.q.is_empty() && std::ptr::eq(model, Model::get());
    let mut word_rows =
        if by_word { WORD_ROWS.with(|c| std::mem::take(&mut *c.borrow_mut())) } else { Default::default() };
    for (r, &(a, b)) in out.runs.iter().enumerate() {
        let at = out.em_at[r];
        for i in a..b {
            if by_word {
                let w = ctx.s(i);
                let acc = match word_rows.get(w) {
                    Some(&acc) => acc,
                    None => {
                        feats.clear();
                        ctx.word_features(i, &mut feats, false);
                        let mut acc = [0i32; NT];
                        model.accumulate(&feats, &mut acc);
                        word_rows.insert(Box::from(w), acc);
                        acc
                    }
                };
                let mut sum = RowSum::new(model, &acc);
                ctx.context_features(i, &mut sum, false);
                model.scaled(&sum.total(), &mut out.em[at + i - a]);
            } else {
                ctx.features(i, &mut feats);
                model.emit(&feats, &mut out.em[at + i - a]);
            }
            out.run_of[i] = r;
        }
        viterbi(model, &out.em[at..at + b - a], &mut tags);
        out.tags[a..b].copy_from_slice(&tags);
    }
    if by_word {
        if word_rows.len() > 1 << 16 {
            word_rows.clear();
        }
        WORD_ROWS.with(|c| *c.borrow_mut() = word_rows);
    }
    for r in 0..out.runs.len() {
        let (a, b) = out.runs[r];
        let mut k = a;
        while k < b {
            let Some(label) = tag_label(out.tags[k]) else {
                k += 1;
                continue;
            };
            let mut e = k + 1;
            while e < b && out.tags[e] == label.inside() {
                e += 1;
            }
            // Margin: the best other labelling of k..e (as `cost` finds it, the tagger's own
            // window scored once).
            let w = out.window(r, k, e);
            let best = out.window_best(&w);
            let margin = std::iter::once(None)
                .chain(Label::ALL.iter().copied().filter(|&l| l != label).map(Some))
                .map(|l| best - out.window_alt(&w, l))
                .fold(f32::INFINITY, f32::min);
            out.spans.push(Tagged { a: k, b: e, label, margin });
            k = e;
        }
    }
    out
}

// ---------------------------------------------------------------- training

/// One training document: text, tokens and the gold tag of every token.
pub struct Example<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub gold: Vec<usize>,
}

/// Gold tags for tokens from byte spans `(start, end, alt_end, label)`: a token
/// inside a span takes its label; tokens outside every span are O.
pub fn gold_tags(toks: &[Token], spans: &[(usize, usize, usize, Label)]) -> Vec<usize> {
    let mut tags = vec![0; toks.len()];
    for &(s, e, alt, label) in spans {
        let end = e.max(alt);
        let mut first = true;
        for (i, t) in toks.iter().enumerate() {
            if t.span.start >= s && t.span.end <= end {
                tags[i] = if first { label.begin() } else { label.inside() };
                first = false;
            }
        }
    }
    tags
}

/// One run for training: each token's features with and without identity, rare or not; gold tags.
type Unit = (Vec<Vec<u32>>, Vec<Vec<u32>>, Vec<bool>, Vec<usize>);

/// Averaged structured perceptron over the active runs of every document.
pub fn train(docs: &[Example], epochs: usize, seed: u64, mut log: impl FnMut(usize, usize, usize)) -> Model {
    let ctxs: Vec<Ctx> = docs.iter().map(|d| Ctx::new(d.text, d.toks)).collect();
    // Words seen once in the corpus are trained as unseen words.
    let mut freq: HashMap<u64, u32> = HashMap::new();
    for ctx in &ctxs {
        for inf in &ctx.info {
            *freq.entry(inf.lower).or_default() += 1;
        }
    }
    // Features are fixed per token: compute them once.
    // Each token's features with and without its identity: rare words always go without, the
    // others now and then (word dropout), so that context learns to carry unseen names.
    let mut units: Vec<Unit> = Vec::new();
    let mut feats = Vec::new();
    for (d, ctx) in docs.iter().zip(&ctxs) {
        for (a, b) in runs(ctx) {
            let mut full = Vec::new();
            let mut bare = Vec::new();
            let mut rare = Vec::new();
            for i in a..b {
                ctx.features_opt(i, &mut feats, false);
                full.push(feats.clone());
                ctx.features_opt(i, &mut feats, true);
                bare.push(feats.clone());
                rare.push(freq[&ctx.info[i].lower] <= RARE);
            }
            let mut g: Vec<usize> = d.gold[a..b].to_vec();
            // A run may start inside a gold name whose first token is not active: begin it here.
            if let Some(l) = tag_label(g[0]) {
                g[0] = l.begin();
            }
            units.push((full, bare, rare, g));
        }
    }
    let mut model = Model::default();
    let mut acc = Model::default(); // sum of c * update
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..units.len()).collect();
    let mut rng = crate::rng::XorShift::new(seed | 1);
    let mut em: Vec<[f32; NT]> = Vec::new();
    let mut pred = Vec::new();
    for epoch in 0..epochs {
        // Fisher-Yates with xorshift.
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut errors = 0;
        for &u in &order {
            let (full, bare, rare, gold) = &units[u];
            let fs: Vec<&Vec<u32>> = (0..gold.len())
                .map(|k| {
                    // Drawn for every token, rare or not, so the sequence does not depend on `rare`.
                    let draw = rng.next_u64();
                    if rare[k] || draw % 100 < DROPOUT { &bare[k] } else { &full[k] }
                })
                .collect();
            em.clear();
            for f in &fs {
                let mut e = [0f32; NT];
                model.emit(f, &mut e);
                em.push(e);
            }
            viterbi(&model, &em, &mut pred);
            if pred != *gold {
                errors += 1;
                let mut update = |tags: &[usize], sign: f32| {
                    let mut prev = START;
                    for (k, &t) in tags.iter().enumerate() {
                        for &f in fs[k].iter() {
                            let ix = f as usize * NT + t;
                            model.w[ix] += sign;
                            acc.w[ix] += sign * c;
                        }
                        model.trans[prev * NT + t] += sign;
                        acc.trans[prev * NT + t] += sign * c;
                        prev = t;
                    }
                    model.trans[prev * NT] += sign;
                    acc.trans[prev * NT] += sign * c;
                };
                update(gold, 1.0);
                update(&pred, -1.0);
            }
            c += 1.0;
        }
        log(epoch, errors, units.len());
    }
    for (w, a) in model.w.iter_mut().zip(&acc.w) {
        *w -= a / c;
    }
    for (w, a) in model.trans.iter_mut().zip(&acc.trans) {
        *w -= a / c;
    }
    model
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    /// The shortcuts for ASCII words and single punctuation marks hash as the general functions do.
    #[test]
    fn ascii_shortcuts_hash_as_the_general_functions() {
        let marks = ('\u{2000}'..='\u{206F}').map(String::from);
        let words = [
            "", "a", "A", "Xx", "McDonald", "U.S.", "1,000", "10-page", "AAAA", "aa--bb", "B2B", "Zoë", "x\u{0}y", "“”",
        ];
        for w in words.into_iter().map(String::from).chain(marks) {
            let w = w.as_str();
            if w.is_ascii() {
                assert_eq!(shape_short_ascii(w.as_bytes()), hash_shape(w, true), "{w}");
            }
            let (lower, shape, alpha, upper, nch) = scan(w);
            assert_eq!((lower, shape), (hash_lower(w), hash_shape(w, false)), "{w}");
            let all = |f: fn(char) -> bool| w.chars().all(f);
            assert_eq!(
                (alpha, upper, nch),
                (all(char::is_alphabetic), all(char::is_uppercase), w.chars().count()),
                "{w}"
            );
        }
    }

    #[test]
    fn a_window_scores_the_same_difference_as_the_whole_path() {
        let model = Model::get();
        let mut rng = crate::rng::XorShift::new(0x2545F4914F6CDD1D);
        let mut next = move || rng.next_u64();
        for _ in 0..200 {
            let n = 1 + (next() % 12) as usize;
            let em: Vec<[f32; NT]> =
                (0..n).map(|_| std::array::from_fn(|_| (next() % 2000) as f32 / 100.0 - 10.0)).collect();
            let best: Vec<usize> = (0..n).map(|_| (next() % NT as u64) as usize).collect();
            let a = (next() % n as u64) as usize;
            let b = a + 1 + (next() % (n - a) as u64) as usize;
            let mut alt = best.clone();
            for slot in &mut alt[a..b] {
                *slot = (next() % NT as u64) as usize;
            }
            if b < n {
                alt[b] = (next() % NT as u64) as usize;
            }
            let whole = path_score(model, &em, &best) - path_score(model, &em, &alt);
            let hi = (b + 2).min(n);
            let prev = if a == 0 { START } else { best[a - 1] };
            let window = window_score(model, &em[a..hi], best[a..hi].iter().copied(), prev, hi == n)
                - window_score(model, &em[a..hi], alt[a..hi].iter().copied(), prev, hi == n);
            assert!((whole - window).abs() <= 1e-2 * (1.0 + whole.abs() / 1e3), "{whole} vs {window}");
        }
    }

    fn spans(model: &Model, text: &str) -> Vec<(String, Label)> {
        let toks = tokenize(text);
        let ctx = Ctx::new(text, &toks);
        tag_with(model, &ctx)
            .into_iter()
            .map(|t| (text[toks[t.a].span.start..toks[t.b - 1].span.end].to_string(), t.label))
            .collect()
    }

    /// The bundled model sums a word's own rows once per word ([`analyse`]); a copy of it (another
    /// address) sums every feature of every token: both read a text alike, cold and warm.
    #[test]
    fn rows_summed_by_word_score_as_every_feature() {
        let text = "LONDON, May 3 (Reuters) - Ana Lenz of Acme Holdings told the Bank of England's \
                    panel in London that Lenz and Acme would appeal. “We will,” said Lenz.\n\nLenz, 41, left.";
        let toks = tokenize(text);
        let ctx = Ctx::new(text, &toks);
        let copy = Model::get().clone();
        let plain = analyse(&copy, &ctx);
        for _ in 0..2 {
            let by_word = analyse(Model::get(), &ctx);
            assert_eq!(by_word.em, plain.em);
            assert_eq!(by_word.spans, plain.spans);
        }
        assert!(!plain.spans.is_empty());
    }

    #[test]
    fn one_pass_scan_agrees_with_the_hashes() {
        for w in ["Smith", "U.S.", "1996-08-30", "NATO", "al-Sayed", "Zoë", "x", "MMMM", "ab12cd"] {
            let (lower, shape, ..) = scan(w);
            assert_eq!((lower, shape), (hash_lower(w), hash_shape(w, false)), "{w}");
        }
    }

    #[test]
    fn weights_round_trip_through_bytes() {
        let mut m = Model::default();
        m.w[5] = 1.5;
        m.w[BUCKETS * NT - 1] = -0.75;
        m.trans[3] = 0.25;
        let back = Model::from_bytes(&m.to_bytes(0.0)).unwrap();
        assert!((back.weight(5) - 1.5).abs() < 1e-3 && (back.weight(BUCKETS * NT - 1) + 0.75).abs() < 1e-3);
        assert_eq!(back.trans[3], 0.25);
        assert!(Model::from_bytes(b"junk").is_none());
    }

    #[test]
    fn training_on_a_tiny_corpus_learns_it() {
        // Invented: people score, clubs win, places host.
        let texts = [
            "Bolranu scored twice for Vexford United in Tarmelle.",
            "Kestiva scored once for Vexford United in Ordanne.",
            "Bolranu and Kestiva played for Vexford United.",
            "Vexford United won in Tarmelle on Sunday.",
        ];
        let toks: Vec<_> = texts.iter().map(|t| tokenize(t)).collect();
        let docs: Vec<Example> = texts
            .iter()
            .zip(&toks)
            .map(|(t, tk)| {
                let mut sp = Vec::new();
                for (name, l) in [
                    ("Bolranu", Label::Per),
                    ("Kestiva", Label::Per),
                    ("Vexford United", Label::Org),
                    ("Tarmelle", Label::Loc),
                    ("Ordanne", Label::Loc),
                ] {
                    if let Some(p) = t.find(name) {
                        sp.push((p, p + name.len(), p + name.len(), l));
                    }
                }
                Example { text: t, toks: tk, gold: gold_tags(tk, &sp) }
            })
            .collect();
        let model = train(&docs, 10, 7, |_, _, _| {});
        assert_eq!(
            spans(&model, texts[0]),
            [
                ("Bolranu".to_string(), Label::Per),
                ("Vexford United".to_string(), Label::Org),
                ("Tarmelle".to_string(), Label::Loc)
            ]
        );
        // Training is deterministic for a seed.
        let again = train(&docs, 10, 7, |_, _, _| {});
        assert_eq!(model.w, again.w);
    }

    #[test]
    fn bundled_weights_load_and_tag_deterministically() {
        let m = Model::get();
        assert!(
            (0..BUCKETS * NT).filter(|&i| m.weight(i) != 0.0).count() > 10_000,
            "data/tagger.bin holds a trained model"
        );
        let text = "Talks in Berlin ended on Friday, said Ludmila Orlenko of the Varnesk Trading Company.";
        let first = spans(m, text);
        assert_eq!(first, spans(m, text));
        assert!(first.contains(&("Berlin".to_string(), Label::Loc)), "{first:?}");
        assert!(first.contains(&("Ludmila Orlenko".to_string(), Label::Per)), "{first:?}");
    }

    #[test]
    fn an_unseen_one_word_player_in_sports_context() {
        let m = Model::get();
        let text = "Castlemoor lost 3-1 at home on Saturday. Ferlando scored twice in the second half for the visitors, \
                    and the home side never recovered.";
        let s = spans(m, text);
        assert!(s.contains(&("Ferlando".to_string(), Label::Per)), "{s:?}");
    }

    #[test]
    fn lower_case_words_are_never_tagged() {
        let m = Model::get();
        let s = spans(m, "the committee said prices rose in the north of the country.");
        assert!(s.is_empty(), "{s:?}");
    }
}
