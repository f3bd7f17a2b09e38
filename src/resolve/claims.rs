//! The same statement carried by several articles.
//!
//! Quotations by one speaker are grouped when their words agree: equal after
//! normalisation, one containing the other, or sharing most of their words
//! (a light rewrite: "We don't know what happens next" / "We don't know what
//! will happen next"). A group that spans two or more articles is a claim.

use std::collections::BTreeSet;

/// One quotation as the grouping sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRef {
    pub quote: String,
    pub article: String,
    pub text: String,
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Similarity of two quotations' wording, from 0 to 1.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let sa: BTreeSet<&str> = wa.iter().map(String::as_str).collect();
    let sb: BTreeSet<&str> = wb.iter().map(String::as_str).collect();
    similarity_of(&wa.join(" "), &wb.join(" "), &sa, &sb)
}

fn similarity_of(ja: &str, jb: &str, sa: &BTreeSet<&str>, sb: &BTreeSet<&str>) -> f64 {
    if ja == jb {
        return 1.0;
    }
    let (short, long) = if ja.len() <= jb.len() { (ja, jb) } else { (jb, ja) };
    // A partial quotation of the same words: "we don't know what happens next".
    if long.contains(short) && (short.len() * 10 >= long.len() * 7 || short.split(' ').count() >= 5) {
        return 0.95;
    }
    sa.intersection(sb).count() as f64 / sa.union(sb).count() as f64
}

/// Minimum similarity for two quotations to be the same statement.
pub const SAME_STATEMENT: f64 = 0.6;

/// Groups one speaker's quotations into claims carried by two or more articles.
/// Groups come out sorted, and so do their members, so ids built from them are stable.
///
/// Equal wordings are bucketed first; distinct wordings are compared only
/// when an inverted index says they share enough words, so a speaker with
/// many quotations does not cost a comparison per pair.
pub fn group(quotes: &[QuoteRef]) -> Vec<Vec<usize>> {
    // Distinct normalised wordings of three words or more ("genocide" says too little to match on).
    let mut wording_of: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut wordings: Vec<Vec<String>> = Vec::new();
    let mut by_text: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, q) in quotes.iter().enumerate() {
        let w = words(&q.text);
        if w.len() < 3 {
            continue;
        }
        let key = w.join(" ");
        let id = *by_text.entry(key).or_insert_with(|| {
            wordings.push(w);
            wordings.len() - 1
        });
        wording_of[i] = Some(id);
    }
    let mut parent: Vec<usize> = (0..wordings.len()).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while p[r] != r {
            r = p[r];
        }
        p[i] = r;
        r
    }
    let joined: Vec<String> = wordings.iter().map(|w| w.join(" ")).collect();
    let sets: Vec<BTreeSet<&str>> = wordings.iter().map(|w| w.iter().map(String::as_str).collect()).collect();
    let mut index: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        let mut shared: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for w in set {
            for &j in index.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                *shared.entry(j).or_default() += 1;
            }
        }
        for (j, n) in shared {
            // Jaccard >= SAME_STATEMENT needs at least that share of the smaller set; containment needs all of it.
            let small = sets[i].len().min(sets[j].len());
            if (n as f64) < SAME_STATEMENT * small as f64 {
                continue;
            }
            if similarity_of(&joined[i], &joined[j], &sets[i], &sets[j]) >= SAME_STATEMENT {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
        for w in set {
            index.entry(w).or_default().push(i);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, w) in wording_of.iter().enumerate() {
        if let Some(w) = *w {
            let r = find(&mut parent, w);
            groups.entry(r).or_default().push(i);
        }
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_values()
        .filter(|g| g.iter().map(|&i| &quotes[i].article).collect::<BTreeSet<_>>().len() >= 2)
        .map(|mut g| {
            g.sort_by(|&a, &b| quotes[a].quote.cmp(&quotes[b].quote));
            g
        })
        .collect();
    out.sort_by(|a, b| quotes[a[0]].quote.cmp(&quotes[b[0]].quote));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: &str, article: &str, text: &str) -> QuoteRef {
        QuoteRef { quote: id.into(), article: article.into(), text: text.into() }
    }

    #[test]
    fn light_rewrites_are_one_claim_and_other_words_are_not() {
        let quotes = [
            q("a1", "a", "We don’t know what happens next and how things will continue,"),
            q("b1", "b", "We don't know what will happen next and how things will continue,"),
            q("b2", "b", "The harvest was the worst in twenty years."),
            q("c1", "c", "We don’t know what happens next"),
            q("c2", "c", "genocide"),
            q("a2", "a", "genocide"),
        ];
        let groups = group(&quotes);
        assert_eq!(groups, vec![vec![0, 1, 3]]);
        assert!(similarity(&quotes[0].text, &quotes[2].text) < SAME_STATEMENT);
    }

    #[test]
    fn one_article_repeating_itself_is_not_a_claim() {
        let quotes =
            [q("a1", "a", "Nobody will be left behind here."), q("a2", "a", "Nobody will be left behind here.")];
        assert!(group(&quotes).is_empty());
    }
}
