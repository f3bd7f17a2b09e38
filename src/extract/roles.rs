//! Roles, affiliations and nationalities of people, from the words around
//! their names: a title before ("NATO Secretary General Jens Stoltenberg",
//! "Pentagon press secretary John Kirby") or an apposition after ("Ned Price,
//! State Department spokesperson," / "Rob Lee, a U.S. Marine Corps veteran" /
//! "Sergey Lavrov (Russian foreign minister)").

use rustc_hash::FxHashMap as HashMap;

use super::entities::new_entity;
use super::gazetteer::Gazetteer;
use super::lexicon::{is_role_noun, is_title_head, is_title_modifier};
use super::text::{TokKind, Token};
use crate::model::{EntityKind, LocalEntity, Mention, Subtype};

/// What the words around one mention say of a person: (person, title, organisations, country names).
type Found = (usize, Option<String>, Vec<usize>, Vec<String>);

/// Adds titles, affiliations and nationalities to the people in `entities`.
pub fn attach(text: &str, toks: &[Token], entities: &mut Vec<LocalEntity>, mentions: &[Mention]) {
    let gaz = Gazetteer::get();
    let s = |i: usize| toks.get(i).map_or("", |t| t.span.slice(text));
    let lower = |i: usize| {
        toks.get(i).is_some_and(|t| t.kind == TokKind::Word) && s(i).chars().next().is_some_and(char::is_lowercase)
    };
    let tok_at = |byte: usize| toks.partition_point(|t| t.span.start < byte);
    // The entity of each token a mention covers (the last mention, where two cover it).
    let mut entity_of: Vec<Option<usize>> = vec![None; toks.len()];
    for m in mentions {
        if let Some(slots) = entity_of.get_mut(tok_at(m.span.start)..tok_at(m.span.end)) {
            slots.fill(Some(m.entity));
        }
    }
    let entity_of = |i: usize| entity_of.get(i).copied().flatten();
    let mut countries: HashMap<String, usize> = HashMap::default();
    let mut found: Vec<Found> = Vec::new();
    for m in mentions.iter().filter(|m| entities[m.entity].kind == EntityKind::Person) {
        let (a, b) = (tok_at(m.span.start), tok_at(m.span.end));
        let mut orgs = Vec::new();
        let mut nations = Vec::new();
        let mut title_words: Vec<&str> = Vec::new();
        // Before the name: capitalised titles, organisations, demonyms, and lower-case role words.
        let mut k = a;
        while k > 0 && toks[k - 1].para == toks[a].para && a - k < 8 {
            let w = s(k - 1);
            let word = toks[k - 1].kind == TokKind::Word;
            if let Some(e) = entity_of(k - 1) {
                if entities[e].kind == EntityKind::Person {
                    break;
                }
            } else if !(word
                && (!lower(k - 1)
                    || is_role_noun(w)
                    || matches!(w, "press" | "national" | "security" | "foreign" | "defense" | "of")))
            {
                break;
            }
            if toks[k - 1].sent_start
                && entity_of(k - 1).is_none()
                && !is_title_head(w)
                && !is_title_modifier(w)
                && !gaz.is_demonym(w)
            {
                break;
            }
            k -= 1;
        }
        for i in k..a {
            let w = s(i);
            match entity_of(i) {
                Some(e) if entities[e].kind == EntityKind::Organization => orgs.push(e),
                Some(e) if entities[e].subtype == Some(Subtype::Country) => nations.push(entities[e].name.clone()),
                _ => {
                    if let Some(c) = gaz.country_of_demonym(w) {
                        nations.push(c.name.clone());
                    } else if lower(i) {
                        title_words.push(w);
                    }
                }
            }
        }
        let mut title =
            (!title_words.is_empty() && title_words.iter().any(|w| is_role_noun(w))).then(|| title_words.join(" "));
        // After the name: ", a spokesman for the Defense Ministry," or "(Russian foreign minister)".
        let mut j = b;
        for _ in 0..2 {
            if !matches!(s(j), "," | "(") {
                break;
            }
            let close = if s(j) == "(" { ")" } else { "," };
            let end = (j + 1..toks.len().min(j + 16))
                .find(|&x| matches!(s(x), "," | ")" | "." | ";") && (s(x) == close || s(x) == "." || s(x) == ";"));
            let Some(end) = end else { break };
            let seg = j + 1..end;
            if seg.clone().all(|x| toks[x].kind == TokKind::Number) {
                j = end; // "Jane Doe, 57, a banker"
                continue;
            }
            // A relative clause ("who took over as chancellor") is not a role.
            let clause = matches!(s(j + 1), "who" | "which" | "whose" | "where" | "when");
            let has_role = !clause && seg.clone().any(|x| lower(x) && is_role_noun(s(x)));
            let names_person =
                seg.clone().any(|x| entity_of(x).is_some_and(|e| entities[e].kind == EntityKind::Person));
            if has_role && !names_person && end > j + 1 {
                let mut start = j + 1;
                if matches!(s(start), "a" | "an" | "the" | "who" | "is") {
                    start += 1;
                }
                let phrase = &text[toks[start].span.start..toks[end - 1].span.end];
                title.get_or_insert_with(|| phrase.to_string());
                for x in seg.clone() {
                    match entity_of(x) {
                        Some(e) if entities[e].kind == EntityKind::Organization => orgs.push(e),
                        _ => {
                            // "an American banker" is a nationality; "a Russian military expert" is a topic.
                            if let Some(c) =
                                gaz.country_of_demonym(s(x)).filter(|_| lower(x + 1) && is_role_noun(s(x + 1)))
                            {
                                nations.push(c.name.clone());
                            }
                        }
                    }
                }
            }
            break;
        }
        if title.is_some() || !orgs.is_empty() || !nations.is_empty() {
            found.push((m.entity, title, orgs, nations));
        }
    }
    for (person, title, orgs, nations) in found {
        for n in nations {
            let idx = match countries
                .get(&n)
                .copied()
                .or_else(|| entities.iter().position(|e| e.subtype == Some(Subtype::Country) && e.name == n))
            {
                Some(i) => i,
                None => {
                    let p = gaz.lookup(&n);
                    entities.push(new_entity(EntityKind::Place, Some(Subtype::Country), &n, p.map(|p| p.geo())));
                    entities.len() - 1
                }
            };
            countries.insert(n, idx);
            entities[person].nationalities.insert(idx);
        }
        let p = &mut entities[person];
        if let Some(t) = title {
            p.titles.insert(t);
        }
        p.affiliations.extend(orgs);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;

    fn roles(text: &str, who: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
        let ex = extract_text(text);
        let p = ex.entities.iter().find(|e| e.name == who).unwrap_or_else(|| panic!("no {who}"));
        (
            p.titles.iter().cloned().collect(),
            p.affiliations.iter().map(|&i| ex.entities[i].name.clone()).collect(),
            p.nationalities.iter().map(|&i| ex.entities[i].name.clone()).collect(),
        )
    }

    #[test]
    fn titles_before_the_name() {
        let (t, a, n) = roles("NATO Secretary General Mark Ruttenberg spoke in Brussels.", "Mark Ruttenberg");
        assert_eq!(t, ["NATO Secretary General"]);
        assert_eq!(a, ["NATO"]);
        assert!(n.is_empty());
        let (t, _, n) = roles("Brazilian Finance Minister Paulo Lima said no.", "Paulo Lima");
        assert_eq!(t, ["Brazilian Finance Minister"]);
        assert_eq!(n, ["Brazil"]);
        let (t, a, _) =
            roles("Pentagon press secretary John Harlow said on Monday that the drills ended.", "John Harlow");
        assert_eq!(t, ["press secretary"]);
        assert_eq!(a, ["Pentagon"]);
    }

    #[test]
    fn appositions_after_the_name() {
        let (t, a, _) =
            roles("“It is over,” Igor Petrenko, a spokesman for the Interior Ministry, said.", "Igor Petrenko");
        assert_eq!(t, ["spokesman for the Interior Ministry"]);
        assert_eq!(a, ["Interior Ministry"]);
        let (t, _, n) = roles("Robert Lyle, 57, an American banker, left Kyiv.", "Robert Lyle");
        assert_eq!(t, ["American banker"]);
        assert_eq!(n, ["United States"]);
        let (t, _, n) = roles(
            "Ana Ruiz, a Chilean military historian, and Mr. Bo Lind, who took over as mayor in May, spoke.",
            "Ana Ruiz",
        );
        assert_eq!(t, ["Chilean military historian"]);
        assert!(n.is_empty(), "a Chilean military historian writes about Chile's military");
        assert!(
            roles(
                "Ana Ruiz, a Chilean military historian, and Mr. Bo Lind, who took over as mayor in May, spoke.",
                "Bo Lind"
            )
            .0
            .is_empty()
        );
    }
}
