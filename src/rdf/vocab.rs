//! IRIs of the vocabularies the graph speaks, one documented constant each.

use oxigraph::model::NamedNodeRef;

macro_rules! terms {
    ($ns:literal; $($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        pub const NS: &str = $ns;
        $( $(#[$doc])* pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local)); )*
    };
}

pub mod schema {
    use super::*;
    terms! { "http://schema.org/";
        NEWS_ARTICLE = "NewsArticle"; PERSON = "Person"; ORGANIZATION = "Organization";
        GOVERNMENT_ORGANIZATION = "GovernmentOrganization"; PLACE = "Place"; COUNTRY = "Country"; CITY = "City";
        STATE = "State"; CONTINENT = "Continent"; ADMINISTRATIVE_AREA = "AdministrativeArea"; LANDFORM = "Landform";
        QUOTATION = "Quotation"; CLAIM = "Claim";
        /// The canonical name of an entity.
        NAME = "name";
        /// Every other surface form seen.
        ALTERNATE_NAME = "alternateName";
        HEADLINE = "headline"; MENTIONS = "mentions"; TEXT = "text"; CREATOR = "creator"; IS_PART_OF = "isPartOf";
        JOB_TITLE = "jobTitle"; IDENTIFIER = "identifier"; SAME_AS = "sameAs"; LATITUDE = "latitude"; LONGITUDE = "longitude";
        CONTAINED_IN_PLACE = "containedInPlace"; IN_LANGUAGE = "inLanguage"; AFFILIATION = "affiliation"; NATIONALITY = "nationality"; AUTHOR = "author"; APPEARANCE = "appearance";
    }
}

pub mod dct {
    use super::*;
    terms! { "http://purl.org/dc/terms/"; IDENTIFIER = "identifier"; RELATION = "relation"; }
}

pub mod nif {
    use super::*;
    terms! { "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        CONTEXT = "Context"; PHRASE = "Phrase"; IS_STRING = "isString"; REFERENCE_CONTEXT = "referenceContext";
        BEGIN_INDEX = "beginIndex"; END_INDEX = "endIndex"; ANCHOR_OF = "anchorOf";
    }
}

pub mod itsrdf {
    use super::*;
    terms! { "http://www.w3.org/2005/11/its/rdf#"; TA_IDENT_REF = "taIdentRef"; }
}

pub mod xsd {
    use super::*;
    terms! { "http://www.w3.org/2001/XMLSchema#"; NON_NEGATIVE_INTEGER = "nonNegativeInteger"; DOUBLE = "double"; }
}

/// newsgraph's own terms (ontology/newsgraph.ttl documents each).
pub mod ng {
    use super::*;
    terms! { "https://w3id.org/newsgraph/ontology#";
        /// The store's internal record of one article (digest, signature, entity records), only in the
        /// internal graph, which queries and exports never see.
        INDEX_RECORD = "indexRecord";
        /// RocksDB backend, internal: a posting of an article's record (its content digest, an LSH
        /// band, a resolution key, a place's country), so that a writer finds records by key.
        INDEX_POSTING = "indexPosting";
        /// RocksDB backend, internal: an entity's summary (`resolve::summary`), the aggregates of
        /// its records that its description is a function of, so that a record can join or
        /// leave a common entity without every record of it being read.
        ENTITY_SUMMARY = "entitySummary";
        /// On a SPARQL server store, in the internal graph: a write is under way (a writer that
        /// stops before its end leaves it, and the next writer repairs).
        UNFINISHED = "unfinished";
        /// A statement attributed to a speaker in the writer's words (reported speech), not verbatim.
        REPORTED_STATEMENT = "ReportedStatement";
        /// Two articles whose texts are near duplicates (one likely rewritten from the other).
        NEAR_DUPLICATE_OF = "nearDuplicateOf";
        /// A measured similarity between two articles' texts.
        TEXT_SIMILARITY = "TextSimilarity";
        /// The articles a similarity compares.
        COMPARES = "compares";
        /// The similarity figure (estimated Jaccard similarity of word pairs, 0 to 1).
        SIMILARITY = "similarity";
        /// On an entity, in the entities graph: the number of stored articles that mention it.
        ARTICLE_COUNT = "articleCount";
    }
}

pub const PREFIXES: &[(&str, &str)] = &[
    ("schema", schema::NS),
    ("dct", dct::NS),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("nif", nif::NS),
    ("itsrdf", itsrdf::NS),
    ("xsd", xsd::NS),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("ng", ng::NS),
    ("ngr", BASE),
];

/// Where newsgraph mints the IRIs of articles, entities and quotes.
pub const BASE: &str = "https://w3id.org/newsgraph/id/";

/// Short prefixes for the kinds of resources newsgraph mints, declared in the
/// shell and `query` (not in exports) so that results show `person:joe-biden`,
/// a name that can be pasted back into a query.
pub const RESOURCE_PREFIXES: &[(&str, &str)] = &[
    ("person", "https://w3id.org/newsgraph/id/person/"),
    ("organization", "https://w3id.org/newsgraph/id/organization/"),
    ("place", "https://w3id.org/newsgraph/id/place/"),
    ("article", "https://w3id.org/newsgraph/id/article/"),
    ("claim", "https://w3id.org/newsgraph/id/claim/"),
];
