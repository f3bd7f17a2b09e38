//! rustyline helper: Tab completion of dot-commands, prefixes, the
//! vocabulary in use and entity names from the store.

use rustyline::completion::{Completer, Pair};
use rustyline::{Context, Helper, Highlighter, Hinter, Validator};

#[derive(Default, Helper, Highlighter, Hinter, Validator)]
pub struct InputHelper {
    /// `p:` for each declared prefix.
    pub prefixes: Vec<String>,
    /// Classes and properties in use, as prefixed names, and entity IRIs as prefixed names.
    pub terms: Vec<String>,
    /// Canonical names of the entities, for the shortcuts.
    pub names: Vec<String>,
}

const KEYWORDS: &[&str] = &[
    "SELECT",
    "DISTINCT",
    "WHERE",
    "FILTER",
    "OPTIONAL",
    "ORDER BY",
    "GROUP BY",
    "LIMIT",
    "OFFSET",
    "CONSTRUCT",
    "DESCRIBE",
    "ASK",
    "UNION",
    "GRAPH",
    "VALUES",
    "BIND",
    "HAVING",
    "CONTAINS",
    "LCASE",
    "COUNT",
    "GROUP_CONCAT",
    "PREFIX",
];

/// Commands whose argument is an entity name.
const NAME_COMMANDS: &[&str] = &[".quotes ", ".entity ", ".articles "];

impl InputHelper {
    /// Candidates for the text before the cursor: (where the replaced part starts, replacements).
    pub fn candidates(&self, line: &str) -> (usize, Vec<String>) {
        if line.starts_with('.') && !line.contains(char::is_whitespace) {
            let c = super::command::NAMES.iter().filter(|n| n.starts_with(line)).map(|s| s.to_string()).collect();
            return (0, c);
        }
        for cmd in NAME_COMMANDS {
            if let Some(typed) = line.strip_prefix(cmd) {
                let low = typed.to_lowercase();
                let mut c: Vec<String> =
                    self.names.iter().filter(|n| n.to_lowercase().starts_with(&low)).cloned().collect();
                c.dedup();
                return (cmd.len(), c);
            }
        }
        let start = line
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || "{}();,/^|!".contains(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &line[start..];
        if word.is_empty() || word.starts_with('?') || word.starts_with('"') {
            return (start, Vec::new());
        }
        let mut c: Vec<String> = if word.contains(':') {
            self.terms.iter().filter(|t| t.starts_with(word)).cloned().collect()
        } else {
            let upper = word.to_uppercase();
            self.prefixes
                .iter()
                .filter(|p| p.starts_with(word))
                .cloned()
                .chain(KEYWORDS.iter().filter(|k| k.starts_with(&upper)).map(|k| k.to_string()))
                .collect()
        };
        c.sort();
        c.dedup();
        (start, c)
    }
}

impl Completer for InputHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, c) = self.candidates(&line[..pos]);
        Ok((start, c.into_iter().map(|s| Pair { display: s.clone(), replacement: s }).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_by_context() {
        let h = InputHelper {
            prefixes: vec!["schema:".into(), "skos:".into()],
            terms: vec!["schema:Person".into(), "schema:name".into(), "person:olaf-scholz".into()],
            names: vec!["Olaf Scholz".into(), "Oslo".into()],
        };
        assert_eq!(h.candidates(".sta"), (0, vec![".stats".to_string()]));
        assert_eq!(h.candidates(".quotes ol"), (8, vec!["Olaf Scholz".to_string()]));
        assert_eq!(h.candidates("SELECT * WHERE { ?p a schema:Pe"), (22, vec!["schema:Person".to_string()]));
        assert_eq!(h.candidates("SELECT * WHERE { ?p sc").1, vec!["schema:".to_string()]);
        assert_eq!(h.candidates("SEL").1, vec!["SELECT".to_string()]);
        assert!(h.candidates("SELECT ?").1.is_empty());
    }
}
