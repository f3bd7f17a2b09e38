//! General-knowledge word lists: honorifics, titles, organisation and place
//! head words, speech verbs, given names, common words. Nothing here names a
//! particular person; the lists must make sense for any English news story.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

fn words_of(data: &'static str) -> HashSet<&'static str> {
    data.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect()
}

/// A word of at most 15 bytes, all ASCII, as one number: its bytes (lower-cased when `lower`) and
/// its length. Two words have the same number exactly when they are equal (after lower-casing),
/// so a set of such numbers answers for a set of words without building a lower-case copy.
#[inline]
pub(crate) fn packed(w: &[u8], lower: bool) -> Option<u128> {
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    if w.len() > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..w.len()].copy_from_slice(w);
    buf[15] = w.len() as u8;
    let x = u128::from_le_bytes(buf);
    if x & HIGH != 0 {
        return None;
    }
    if !lower {
        return Some(x);
    }
    // All sixteen bytes at once (each below 0x80, so no sum carries into the next): the high bit
    // of a byte is set where it is at least 'A', and where it is above 'Z'; a capital gains 0x20.
    let from_a = x + ONES * (0x80 - b'A' as u128);
    let past_z = x + ONES * (0x80 - b'Z' as u128 - 1);
    Some(x | ((from_a & !past_z & HIGH) >> 2))
}

/// A word set asked about in lower case: its short ASCII words also as [`packed`] numbers.
pub(crate) struct LowerSet {
    words: &'static HashSet<&'static str>,
    packed: HashSet<u128>,
}

impl LowerSet {
    pub(crate) fn new(words: &'static HashSet<&'static str>) -> LowerSet {
        LowerSet { words, packed: words.iter().filter_map(|w| packed(w.as_bytes(), false)).collect() }
    }

    /// Whether `w` in lower case is in the set (as `with_lower(w, |l| words.contains(l))`).
    pub(crate) fn has_lower_of(&self, w: &str) -> bool {
        match packed(w.as_bytes(), true) {
            Some(k) => self.packed.contains(&k),
            None => with_lower(w, |l| self.words.contains(l)),
        }
    }
}

/// The [`LowerSet`] of a lexicon, made once.
macro_rules! lower_set {
    ($name:ident, $words:ident) => {
        fn $name() -> &'static LowerSet {
            static CELL: OnceLock<LowerSet> = OnceLock::new();
            CELL.get_or_init(|| LowerSet::new($words()))
        }
    };
}

lower_set!(common_words_lower, common_words);
lower_set!(role_nouns_lower, role_nouns);
lower_set!(trade_nouns_lower, trade_nouns);
lower_set!(speech_verbs_lower, speech_verbs);
lower_set!(post_quote_verbs_lower, post_quote_verbs);
lower_set!(prepositions_lower, prepositions);

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $init:expr) => {
        $(#[$doc])*
        fn $name() -> &'static HashSet<&'static str> {
            static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
            CELL.get_or_init(|| $init)
        }
    };
}

lexicon!(given_names, {
    let mut names = words_of(include_str!("../../data/given_names_intl.txt"));
    names.extend(census_names().keys().copied());
    names
});

/// Census given names with the sex most of their bearers have ('M', 'F', or 'U' when mixed).
fn census_names() -> &'static HashMap<&'static str, char> {
    static CELL: OnceLock<HashMap<&'static str, char>> = OnceLock::new();
    CELL.get_or_init(|| {
        include_str!("../../data/given_names_census.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(n, g)| (n, g.chars().next().unwrap_or('U')))
            .collect()
    })
}

/// Grammatical gender a person's name or honorific tells, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a surface form tells: an honorific ("Ms. Duarte") or a given name
/// most bearers of which share one sex ("Mary Duarte").
pub fn gender_of(surface: &str) -> Option<Gender> {
    let first = surface.split_whitespace().next()?.trim_end_matches('.');
    match first {
        "Mr" | "Sir" | "Lord" => return Some(Gender::Male),
        "Ms" | "Mrs" | "Miss" | "Dame" | "Lady" => return Some(Gender::Female),
        _ => {}
    }
    match census_names().get(first) {
        Some('M') => Some(Gender::Male),
        Some('F') => Some(Gender::Female),
        _ => None,
    }
}
lexicon!(common_words, words_of(include_str!("../../data/common_words.txt")));

lexicon!(
    /// Courtesy titles that only ever precede a person's name.
    honorifics,
    set(&[
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev", "Messrs",
        // British councillors; Nigerian and Indian press honorifics.
        "Cllr", "Engr", "Barr", "Hon", "Rt", "Alhaji", "Alhaja", "Hajia", "Hajiya", "Mallam", "Shri", "Smt",
    ])
);

lexicon!(
    /// Capitalised words that head a title before a name ("President", "Gen.").
    title_heads,
    set(&[
        "President", "Vice-President", "President-elect", "Minister", "Chancellor", "Secretary", "General",
        "Gen", "Maj", "Lt", "Col", "Capt", "Sgt", "Adm", "Cmdr", "Brig", "Admiral", "Colonel", "Captain",
        "Lieutenant", "Major", "Sergeant", "Commander", "Marshal", "Senator", "Sen", "Rep", "Representative",
        "Congressman", "Congresswoman", "Gov", "Governor", "Mayor", "Ambassador", "King", "Queen", "Prince",
        "Princess", "Pope", "Judge", "Justice", "Speaker", "Leader", "Chairman", "Chairwoman", "Chair",
        "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Envoy", "Premier", "Attorney", "Commissioner",
        "Archbishop", "Bishop", "Cardinal", "Sheikh", "Emir", "Sultan", "Ayatollah", "Coach", "Detective",
        "Inspector", "Superintendent", "Professor", "Prof", "Dr", "Mr", "Mrs", "Ms", "CEO", "Chief",
        "Officer", "Sheriff", "Councillor", "Councilman", "Councilwoman", "Lawmaker", "Diplomat", "Dean",
        "Rabbi", "Imam", "Father", "Sister", "Brother", "Chairperson", "Treasurer", "Prosecutor",
        "Secretary-General", "Delegate", "Consul", "Czar", "Tsar", "Administrator", "Superintendent", "Provost", "Chancellor-elect", "Comptroller", "Auditor", "Registrar", "Ombudsman", "Supt", "Insp", "Det",
        // South Africa's provincial ministers ("the Gauteng MEC for Health"); members of a
        // legislature before their names ("sitting MLA Jane Doe", "Labour MP Jane Doe").
        "MEC", "MP", "MLA", "MLC", "MEP", "MSP",
        // A bench of several judges ("Justices Jo Bell and Ann Roe"); Indian Army ranks ("Subedar Major").
        "Justices", "Judges", "Subedar", "Havildar",
        // India's state counsel ("Government Pleader Jo Nair", "Additional Government Pleader").
        "Pleader",
    ])
);

lexicon!(
    /// Capitalised words that qualify a title ("Foreign" Minister, "Press" Secretary).
    title_modifiers,
    set(&[
        "Vice", "Prime", "Deputy", "Acting", "Former", "Foreign", "Defense", "Defence", "Interior",
        "Finance", "Economy", "Economic", "Justice", "Health", "Affairs", "State", "Press", "Majority",
        "Minority", "Permanent", "Executive", "Senior", "Supreme", "Joint", "Staff", "National", "Security",
        "Home", "Trade", "Energy", "Education", "Culture", "Agriculture", "Transport", "Environment",
        "Labor", "Labour", "Treasury", "Commerce", "Homeland", "Intelligence", "First", "Assistant",
        "Special", "Chief", "Lord", "High", "Grand", "Associate", "Principal", "Head", "General", "Major",
        "Lieutenant", "Rear", "Brigadier", "Field", "Defense", "Military", "Presidential", "Royal", "Crown",
        "Opposition", "House", "Senate", "Party", "Committee", "Armed", "Forces", "Air",
        "Force", "Navy", "Army", "Naval", "Development", "Digital", "Information", "Emergency", "Emergencies",
        "Communications", "Social", "Public", "Veterans", "Immigration", "Housing", "Science", "Technology",
    ])
);

lexicon!(
    /// Head words of organisation names ("Ministry", "Bank", "Committee").
    org_heads,
    set(&[
        "Ministry", "Department", "Council", "Bank", "Committee", "Commission", "University", "College",
        "Institute", "Party", "Agency", "Parliament", "Assembly", "Congress", "Duma", "Court", "Corps", "Army",
        "Navy", "Fleet", "Forces", "Guard", "Police", "Service", "Office", "Bureau", "Administration",
        "Authority", "Board", "Center", "Centre", "Foundation", "Association", "Union", "Organization",
        "Organisation", "Alliance", "Federation", "League", "Coalition", "Company", "Corporation", "Corp",
        "Inc", "Ltd", "LLC", "Group", "Holdings", "Technologies", "Airlines", "Airways", "Times", "Post",
        "Journal", "News", "Network", "Conference", "Forum", "Fund", "Trust", "Society", "Academy", "School",
        "Hospital", "Church", "Club", "Command", "Cabinet", "Government", "Embassy", "Consulate",
        "Secretariat", "Directorate", "Brigade", "Battalion", "Regiment", "Tribunal", "Reserve", "Exchange",
        "Studios", "Motors", "Industries", "Systems", "Media", "Broadcasting", "Television", "Radio",
        "Magazine", "Gazette", "Herald", "Tribune", "Telegraph", "Agency", "Institution", "Laboratory",
        "Laboratories", "Labs", "Bancorp", "Group", "Partners", "Capital", "Securities", "Insurance",
        "Pharmaceuticals", "Airline", "Railways", "Senate", "Legislature", "Cabinet", "Junta", "Front",
        "Movement", "Council", "Caucus", "Program", "Programme", "Observatory", "Watch", "Monitor",
        "Ventures", "Advisory", "Advisors", "Advisers", "Consulting", "Consultancy", "Consultants",
        // A news agency's bureau signing a story ("-- Sofia Newsroom").
        "Newsroom", "Newsdesk",
        "Logistics", "Investments", "Solutions", "Software", "Pictures", "Films", "Entertainment",
        "Foods", "Textiles", "Mills", "Pharma", "Bancshares", "Brewery", "Railway", "Energy", "Strategy",
        "Rovers", "Wanderers", "Athletic", "Albion", "Hotspur", "Rangers", "United", "Services", "Daily",
        "Standard", "Infirmary", "Clinic", "Hospice", "Constabulary", "Polytechnic", "Seminary",
        // "Chamber of Commerce, Industry, Mines and Agriculture".
        "Chamber",
    ])
);

lexicon!(
    /// Legal forms that end a firm's name ("Pirelli SpA", "LM Ericsson AB", "Salomon Bros").
    legal_forms,
    set(&[
        "Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "PLC", "plc", "LLC", "LLP", "Limited", "SpA", "SA", "AG",
        "AB", "NV", "BV", "GmbH", "Oyj", "ASA", "Bhd", "Pty", "Bros", "KK", "SE", "Srl", "SAS", "Tbk",
    ])
);

lexicon!(
    /// Words for what a firm makes or does that end its name without a legal form ("Kansai
    /// Electric Power", "Chittagong Cement", "Johnson Controls"). Some are also surnames ("David
    /// Steel"), so they make an organisation only after a word that is not a given name.
    sector_heads,
    set(&[
        "Steel", "Cement", "Power", "Electric", "Electricals", "Oil", "Gas", "Petroleum", "Petrochemicals",
        "Chemicals", "Chemical", "Mining", "Minerals", "Metals", "Resources", "Telecom", "Telecoms",
        "Telecommunications", "Communications", "Electronics", "Controls", "Cables", "Tyres",
        "Tires", "Engineering", "Construction", "Shipping", "Aerospace", "Automotive", "Stores", "Retail",
        "Brands", "Breweries", "Brewing", "Beverages", "Properties", "Realty", "Estates", "Hotels", "Resorts",
        "Financial", "Healthcare", "Biotech", "Therapeutics", "Semiconductor", "Semiconductors", "Networks",
        "Robotics", "Wireless", "Sugar", "Paints", "Plastics", "Refinery", "Refining", "Fertilisers",
        "Fertilizers", "Freight", "Airways", "Aviation", "Cargo", "Petroleum", "Utilities", "Water",
        "Pharmaceutical", "Foods", "Dairies", "Dairy", "Bakeries", "Motor", "Auto", "Autos", "Tobacco",
        "Textile", "Apparel", "Garments", "Publishing", "Publishers", "Records", "Broadcasting", "Digital",
        "Interactive", "Analytics", "Payments", "Lending", "Microfinance", "Leasing", "Brokerage", "Traders",
        "Trading", "Supplies", "Distributors", "Distribution", "Logistics", "Infrastructure", "Developers",
        "Builders", "Homes", "Housing", "Farms", "Agro", "Plantations", "Seeds", "Shipyard", "Shipyards",
        "Works", "Steelworks", "Foundry", "Manufacturing", "Industries", "Enterprises", "Associates",
        "Constructions", "Contractors", "Medicals", "Agencies",
        "Spinners", "Spinning", "Weavers", "Furnishings", "Instruments", "Interiors", "Jewellers", "Ceramics",
        "Products", "Aggregates", "Quarries", "Packaging",
    ])
);

lexicon!(
    /// Head words of place names ("Sea", "Airport", "Square").
    place_heads,
    set(&[
        "Sea", "Ocean", "River", "Lake", "Mountains", "Mountain", "Mount", "Island", "Islands", "Peninsula",
        "Strait", "Gulf", "Bay", "Valley", "Desert", "Square", "Street", "Avenue", "Road", "Bridge", "Airport",
        "Base", "Palace", "Park", "Region", "Province", "Oblast", "District", "County", "Canal",
        "Plateau", "Coast", "Port", "Harbor", "Harbour", "Heights", "Hills", "Forest", "Steppe", "Krai",
        "Prefecture", "Governorate", "Territory", "Territories", "Boulevard", "Plaza", "Stadium", "Arena",
        "Highway", "Motorway", "Freeway", "Expressway",
        // Indian localities ("Anna Nagar", "HSR Layout").
        "Nagar", "Layout",
    ])
);

lexicon!(
    /// First words of English settlement names ("Little Hadham", "Market Harborough", "Much
    /// Wenlock", "Chipping Norton"): before one more capitalised word they make a village or town.
    settlement_firsts,
    set(&["Little", "Great", "Upper", "Lower", "Market", "Much", "Nether", "Chipping", "Steeple", "Bishops"])
);

lexicon!(
    /// Last words of English settlement and district names that are also surnames or plain nouns
    /// ("Hazel Grove", "Brent Cross", "Wood Green", "Mile End"): a place only after a preposition
    /// of place and a first word that is no given name.
    settlement_lasts,
    set(&[
        "Heath", "Cross", "Vale", "Green", "End", "Common", "Fields", "Moor", "Grove", "Marsh", "Wood", "Dales",
        "Hill", "Hollow", "Bottom", "Down", "Downs", "Fen", "Wells",
    ])
);

lexicon!(
    /// Fields a national body governs or promotes, named before the country it serves ("Sport
    /// England", "Swim England", "Cricket Australia", "Visit Scotland", "Water UK"): with a country
    /// after them they make an organisation, not a place.
    field_before_country,
    set(&[
        "Sport", "Sports", "Swim", "Swimming", "Cricket", "Football", "Rugby", "Tennis", "Hockey", "Netball",
        "Athletics", "Cycling", "Rowing", "Sailing", "Golf", "Boxing", "Basketball", "Volleyball", "Badminton",
        "Gymnastics", "Triathlon", "Visit", "Transport", "Historic", "Natural", "Creative", "Water", "Energy",
        "Universities", "Volunteer", "Tourism", "Skills", "Arts", "Music", "Film", "Screen", "Heritage",
    ])
);

lexicon!(
    /// Lower-case words that make the capitalised word before them a place ("Rostov region").
    place_heads_lower,
    set(&["region", "province", "oblast", "base", "airport", "district", "county", "river", "krai", "peninsula", "air base"])
);

lexicon!(
    /// Capitalised direction words that can open a place name ("Eastern Europe").
    directions,
    set(&[
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper",
        "Lower", "Greater", "New", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern",
        "Northwestern", "Southeastern", "Southwestern", "Inner", "Outer", "Old",
    ])
);

lexicon!(
    /// Lower-case nouns for roles people hold ("spokesman", "minister").
    role_nouns,
    set(&[
        "president", "minister", "secretary", "chancellor", "spokesman", "spokeswoman", "spokesperson",
        "official", "leader", "chief", "ambassador", "envoy", "general", "commander", "senator", "governor",
        "mayor", "analyst", "expert", "adviser", "advisor", "director", "head", "chairman", "chairwoman",
        "chair", "diplomat", "banker", "veteran", "lawmaker", "prosecutor", "judge", "lawyer", "attorney",
        "professor", "researcher", "economist", "correspondent", "reporter", "editor", "founder",
        "executive", "officer", "colonel", "premier", "king", "queen", "prince", "candidate", "representative",
        "negotiator", "counterpart", "strategist", "historian", "scientist", "student", "teacher", "doctor",
        "surgeon", "nurse", "soldier", "resident", "activist", "journalist", "author", "owner", "manager",
        "coach", "player", "captain", "ceo", "deputy", "aide", "commissioner", "secretary-general",
        "congressman", "congresswoman", "sheriff", "detective", "priest", "bishop", "mother", "father",
        "consultant", "specialist", "fellow", "scholar", "engineer", "pilot", "farmer", "worker", "driver",
        "forecaster", "meteorologist", "administrator", "strategist", "pollster", "chairperson", "organizer", "organiser",
        "headteacher", "headmaster", "headmistress", "principal", "inspector", "superintendent", "constable",
        "sergeant", "councillor", "councilor", "magistrate", "barrister", "solicitor", "boss", "midfielder",
        "striker", "defender", "goalkeeper", "batsman", "bowler", "paramedic", "pharmacist", "vicar", "pastor",
        "imam", "rabbi", "architect", "accountant", "entrepreneur", "campaigner", "trader", "shopkeeper",
        "actor", "actress", "singer", "rapper", "musician", "comedian", "filmmaker", "film-maker", "producer",
        "novelist", "poet", "artist", "designer", "presenter", "chef", "athlete", "sprinter", "cyclist",
        "swimmer", "boxer", "jockey", "winger", "cricketer", "footballer", "golfer", "umpire", "referee",
        "composer", "playwright", "screenwriter", "photographer", "writer", "guitarist", "dancer", "astronaut",
        "astronomer", "physicist", "biologist", "chemist", "epidemiologist", "virologist", "psychologist",
        "psychiatrist", "dentist", "firefighter", "columnist", "commentator", "businessman", "businesswoman",
        "tycoon", "billionaire", "philanthropist", "investor", "ringleader", "accomplice",
    ])
);

lexicon!(
    /// Speech verbs usable both before and after a quotation.
    speech_verbs,
    set(&[
        "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "adding",
          "stated", "stating", "warn", "warns", "warned",    "noted",
        "noting", "stress", "stresses", "stressed", "insist", "insists", "insisted", "declare", "declares",
        "declared", "announce", "announces", "announced", "explain", "explains", "explained", "argue",
        "argues", "argued", "assert", "asserts", "asserted",   "claimed",
         "cautioned",   "vowed",   "promised",
        "urged", "write", "writes", "wrote",   "tweeted",  "posted", "reply",
        "replies", "replied", "respond", "responds", "responded",  "answered", "predict",
        "predicted", "predicts", "reiterate", "reiterated", "reiterates", "acknowledge", "acknowledged",
        "admit", "admitted", "admits", "suggest", "suggested", "suggests", "hint", "hinted", "hints",
        "concede", "conceded", "recall", "recalled", "describe", "described",  "pledged",
        "maintain", "maintained", "maintains",  "countered", "confirm", "confirmed", "confirms",
        "emphasize", "emphasized", "emphasise", "emphasised",  "remarked", "conclude", "concluded",
        "complain", "complained", "boast", "boasted",  "joked",  "quipped",
        "reported",   "called",  "accuse", "accused", "accuses", "deny", "denied",
        "denies",  "demanded", "insisting", "arguing", "adding", "writing", "announcing",
        "declaring", "explaining", "urging", "promising", "vowing", "telling",
        "observed",  "observes", "contend", "contended", "contends", "reckon", "reckoned",
        "mused",  "shouted",  "whispered", "cried", "exclaimed", "recounted", "affirmed",
        "repeated",  "predicting",  "signaled", "signalled", "proclaimed", "proclaims", "proclaiming",
    ])
);

lexicon!(
    /// Speech verbs that attribute only when they follow the quotation ("“Why?” she asked").
    post_quote_verbs,
    set(&["ask", "asks", "asked", "wonder", "wondered", "continued", "continues", "went on", "recalls", "explains"])
);

lexicon!(
    /// Pronouns that can stand for a speaker.
    personal_pronouns,
    set(&["he", "she", "He", "She"])
);

lexicon!(
    /// Prepositions: a name right after one is not a clause subject.
    prepositions,
    set(&[
        "in", "on", "at", "of", "from", "to", "with", "by", "for", "over", "near", "into", "onto", "across",
        "against", "about", "toward", "towards", "between", "among", "through", "under", "after", "before",
        "since", "during", "without", "within", "around", "behind", "beyond", "like", "than", "via", "upon",
        "along", "amid", "including",
    ])
);

/// Well-known organisations named by a bare word or acronym: general knowledge
/// of institutions, agencies, alliances and news organisations.
fn known_orgs() -> &'static HashMap<&'static str, &'static str> {
    static CELL: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    CELL.get_or_init(|| {
        [
            ("NATO", "NATO"),
            ("UN", "United Nations"),
            ("U.N.", "United Nations"),
            ("EU", "European Union"),
            ("E.U.", "European Union"),
            ("IMF", "International Monetary Fund"),
            ("WHO", "World Health Organization"),
            ("OSCE", "OSCE"),
            ("OPEC", "OPEC"),
            ("FBI", "FBI"),
            ("CIA", "CIA"),
            ("NSA", "NSA"),
            ("KGB", "KGB"),
            ("FSB", "FSB"),
            ("GRU", "GRU"),
            ("SBU", "SBU"),
            ("BBC", "BBC"),
            ("CNN", "CNN"),
            ("AP", "Associated Press"),
            ("AFP", "Agence France-Presse"),
            ("NBC", "NBC"),
            ("CBS", "CBS"),
            ("GOP", "Republican Party"),
            ("ECB", "European Central Bank"),
            ("WTO", "World Trade Organization"),
            ("ICC", "International Criminal Court"),
            ("IAEA", "IAEA"),
            ("ASEAN", "ASEAN"),
            ("UNESCO", "UNESCO"),
            ("UNICEF", "UNICEF"),
            ("NASA", "NASA"),
            ("Interpol", "Interpol"),
            ("Europol", "Europol"),
            ("Hamas", "Hamas"),
            ("Hezbollah", "Hezbollah"),
            ("Taliban", "Taliban"),
            ("Reuters", "Reuters"),
            ("Bloomberg", "Bloomberg"),
            ("Twitter", "Twitter"),
            ("Facebook", "Facebook"),
            ("Google", "Google"),
            ("Telegram", "Telegram"),
            ("Microsoft", "Microsoft"),
            ("Apple", "Apple"),
            ("Amazon", "Amazon"),
            ("Gazprom", "Gazprom"),
            ("Congress", "Congress"),
            ("Senate", "Senate"),
            ("Duma", "State Duma"),
            ("Knesset", "Knesset"),
            ("Bundestag", "Bundestag"),
            ("Kremlin", "Kremlin"),
            ("Pentagon", "Pentagon"),
            ("White House", "White House"),
            ("Downing Street", "Downing Street"),
            ("Elysee", "Elysee"),
            ("Élysée", "Élysée"),
            ("Vatican", "Vatican"),
            ("Republicans", "Republican Party"),
            ("Democrats", "Democratic Party"),
            ("Tories", "Conservative Party"),
            ("Xinhua", "Xinhua"),
            ("TASS", "TASS"),
            ("Interfax", "Interfax"),
            ("RIA Novosti", "RIA Novosti"),
            ("Al Jazeera", "Al Jazeera"),
            ("YouTube", "YouTube"),
            ("Instagram", "Instagram"),
            // Widely known firms, exchanges and regulators named by one word that no rule
            // would class (general knowledge, not names of any one document).
            ("Netflix", "Netflix"),
            ("Nvidia", "Nvidia"),
            ("Intel", "Intel"),
            ("Samsung", "Samsung"),
            ("Sony", "Sony"),
            ("Toyota", "Toyota"),
            ("Volkswagen", "Volkswagen"),
            ("Uber", "Uber"),
            ("Airbnb", "Airbnb"),
            ("OpenAI", "OpenAI"),
            ("Spotify", "Spotify"),
            ("WhatsApp", "WhatsApp"),
            ("TikTok", "TikTok"),
            ("LinkedIn", "LinkedIn"),
            ("Alibaba", "Alibaba"),
            ("Tencent", "Tencent"),
            ("Huawei", "Huawei"),
            ("Baidu", "Baidu"),
            ("PayPal", "PayPal"),
            ("Mastercard", "Mastercard"),
            ("Pfizer", "Pfizer"),
            ("Moderna", "Moderna"),
            ("AstraZeneca", "AstraZeneca"),
            ("Novartis", "Novartis"),
            ("Unilever", "Unilever"),
            ("Nestle", "Nestle"),
            ("Nestlé", "Nestlé"),
            ("Walmart", "Walmart"),
            ("Boeing", "Boeing"),
            ("Airbus", "Airbus"),
            ("ExxonMobil", "ExxonMobil"),
            ("Aramco", "Aramco"),
            ("Barclays", "Barclays"),
            ("NatWest", "NatWest"),
            ("Santander", "Santander"),
            ("JPMorgan", "JPMorgan"),
            ("Citigroup", "Citigroup"),
            ("Tesco", "Tesco"),
            ("Vodafone", "Vodafone"),
            ("Ryanair", "Ryanair"),
            ("easyJet", "easyJet"),
            ("Nasdaq", "Nasdaq"),
            ("Ofsted", "Ofsted"),
            ("Ofcom", "Ofcom"),
            ("Ofgem", "Ofgem"),
            ("Ofwat", "Ofwat"),
            ("Infosys", "Infosys"),
            ("Wipro", "Wipro"),
            ("Flipkart", "Flipkart"),
            ("Paytm", "Paytm"),
            ("Zomato", "Zomato"),
        ]
        .into_iter()
        .collect()
    })
}

/// Seats of power whose name stands for the institution (both place and organisation).
const SEATS: &[&str] =
    &["Kremlin", "Pentagon", "White House", "Downing Street", "Elysee", "Élysée", "Vatican", "Capitol"];

/// The word with its first letter in capitals ("ministry" -> "Ministry").
pub fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Calls `f` with `w` in lower case, without allocating for short ASCII words.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.is_ascii() { with_ascii_lower(w, f) } else { f(&w.to_lowercase()) }
}

/// Calls `f` with `w` (ASCII) in lower case, in a buffer kept per thread: no allocation once it
/// has grown, and, being a `String` already, no check that the bytes are UTF-8 (a byte buffer
/// on the stack needs one, which costs more than the lookup it serves).
pub(crate) fn with_ascii_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    with_ascii_case(w, f)
}

fn with_ascii_case<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    // Taken out while in use: a nested call finds an empty buffer, never a borrowed one.
    let mut buf = BUF.take();
    buf.clear();
    buf.push_str(w);
    buf.make_ascii_lowercase();
    let r = f(&buf);
    BUF.set(buf);
    r
}

pub fn is_given_name(w: &str) -> bool {
    given_names().contains(w)
}

/// True for words that start sentences or headings without naming anything.
pub fn is_common_word(w: &str) -> bool {
    common_words_lower().has_lower_of(w.trim_end_matches('.'))
}

pub fn is_honorific(w: &str) -> bool {
    honorifics().contains(w.trim_end_matches('.'))
}

pub fn is_title_head(w: &str) -> bool {
    title_heads().contains(w.trim_end_matches('.'))
}

pub fn is_title_modifier(w: &str) -> bool {
    title_modifiers().contains(w.trim_end_matches('.'))
}

pub fn is_org_head(w: &str) -> bool {
    org_heads().contains(w.trim_end_matches('.'))
}

/// A currency's name, in any case ("Sterling rose to $1.55").
pub fn is_currency(w: &str) -> bool {
    [
        "sterling", "dollar", "dollars", "euro", "euros", "yen", "yuan", "renminbi", "rupee", "rupees", "peso",
        "pesos", "franc", "francs", "mark", "marks", "lira", "rouble", "roubles", "ruble", "rubles", "won", "rand",
        "naira", "shilling", "shillings", "cedi", "cedis", "pound", "pounds", "real", "reais", "ringgit", "baht",
        "rupiah", "zloty", "forint", "krona", "krone", "kroner", "dinar", "dirham", "riyal", "taka", "bitcoin",
    ]
    .iter()
    .any(|d| d.eq_ignore_ascii_case(w))
}

/// A day of the week, in any case ("Sunday's paper").
pub fn is_weekday(w: &str) -> bool {
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(w))
}

/// A legal form ending a firm's name ([`legal_forms`]), with or without its full stop.
pub fn is_legal_form(w: &str) -> bool {
    legal_forms().contains(w.trim_end_matches('.'))
}

/// A word for what a firm makes or does ([`sector_heads`]); not an organisation on its own.
pub fn is_sector_head(w: &str) -> bool {
    sector_heads().contains(w)
}

pub fn is_place_head(w: &str) -> bool {
    place_heads().contains(w)
}

/// A first word of English settlement names ([`settlement_firsts`]).
pub fn is_settlement_first(w: &str) -> bool {
    settlement_firsts().contains(w)
}

/// A last word of English settlement names that is also a surname or plain noun ([`settlement_lasts`]).
pub fn is_settlement_last(w: &str) -> bool {
    settlement_lasts().contains(w)
}

/// A field a national body is named for before its country ([`field_before_country`]).
pub fn is_field_before_country(w: &str) -> bool {
    field_before_country().contains(w)
}

pub fn is_place_head_lower(w: &str) -> bool {
    place_heads_lower().contains(w)
}

/// The US state a news-style abbreviation after a town stands for ("Pontiac, Mich.", "Creedmoor, N.C."):
/// the AP stylebook's abbreviations, without their final full stop.
pub fn us_state_abbreviation(w: &str) -> Option<&'static str> {
    const STATES: &[(&str, &str)] = &[
        ("Ala", "Alabama"),
        ("Ariz", "Arizona"),
        ("Ark", "Arkansas"),
        ("Calif", "California"),
        ("Colo", "Colorado"),
        ("Conn", "Connecticut"),
        ("Del", "Delaware"),
        ("Fla", "Florida"),
        ("Ga", "Georgia"),
        ("Ill", "Illinois"),
        ("Ind", "Indiana"),
        ("Kan", "Kansas"),
        ("Ky", "Kentucky"),
        ("La", "Louisiana"),
        ("Md", "Maryland"),
        ("Mass", "Massachusetts"),
        ("Mich", "Michigan"),
        ("Minn", "Minnesota"),
        ("Miss", "Mississippi"),
        ("Mo", "Missouri"),
        ("Mont", "Montana"),
        ("Neb", "Nebraska"),
        ("Nev", "Nevada"),
        ("N.H", "New Hampshire"),
        ("N.J", "New Jersey"),
        ("N.M", "New Mexico"),
        ("N.Y", "New York"),
        ("N.C", "North Carolina"),
        ("N.D", "North Dakota"),
        ("Okla", "Oklahoma"),
        ("Ore", "Oregon"),
        ("Pa", "Pennsylvania"),
        ("R.I", "Rhode Island"),
        ("S.C", "South Carolina"),
        ("S.D", "South Dakota"),
        ("Tenn", "Tennessee"),
        ("Tex", "Texas"),
        ("Vt", "Vermont"),
        ("Va", "Virginia"),
        ("Wash", "Washington"),
        ("W.Va", "West Virginia"),
        ("Wis", "Wisconsin"),
        ("Wyo", "Wyoming"),
    ];
    let w = w.strip_suffix('.').unwrap_or(w);
    STATES.iter().find(|(a, _)| *a == w).map(|(_, s)| *s)
}

pub fn is_direction(w: &str) -> bool {
    directions().contains(w)
}

pub fn is_role_noun(w: &str) -> bool {
    role_nouns_lower().has_lower_of(w)
}

lexicon!(
    /// Lower-case nouns for people by their tie to someone ("his friend Jo Bell", "her husband").
    relation_nouns,
    set(&["friend", "husband", "wife", "son", "daughter", "brother", "sister", "cousin", "uncle", "aunt", "neighbour", "neighbor", "colleague", "partner", "girlfriend", "boyfriend", "fiance", "fiancee", "fiancé", "fiancée", "classmate", "teammate", "grandmother", "grandfather", "nephew", "niece", "widow", "widower", "stepfather", "stepmother", "mum", "dad", "mother", "father", "parent", "parents", "relative", "landlord", "landlady", "employer"])
);

pub fn is_relation_noun(w: &str) -> bool {
    relation_nouns().contains(w)
}

lexicon!(
    /// Lower-case nouns for a kind of body that its name seldom spells ("Kotak Equities ... the
    /// brokerage said"): they refer to the organisation named last.
    body_kind_nouns,
    set(&[
        "company", "firm", "group", "government", "military", "organization", "organisation", "brokerage",
        "airline", "newspaper", "daily", "tabloid", "charity", "developer", "publisher", "utility", "operator"
    ])
);

lexicon!(
    /// Lower-case nouns for a firm by its trade or role ("the chipmaker", "Insurer Acme said"): none
    /// begins a name, so capitalised at a sentence's start it only describes the name after it.
    trade_nouns,
    set(&[
        "chipmaker", "automaker", "carmaker", "steelmaker", "drugmaker", "planemaker", "refiner", "insurer",
        "reinsurer", "lender", "retailer", "brewer", "miner", "broadcaster", "regulator", "watchdog",
        "conglomerate", "manufacturer", "supplier", "startup", "start-up", "stockbroker", "fintech",
    ])
);

pub fn is_body_kind_noun(w: &str) -> bool {
    body_kind_nouns().contains(w) || is_trade_noun(w)
}

/// A trade noun in any case ("Chipmaker", "chipmaker").
pub fn is_trade_noun(w: &str) -> bool {
    trade_nouns_lower().has_lower_of(w)
}

/// "union" for "Union": a lower-case word that is an organisation head once capitalised,
/// checked without allocating.
pub fn is_org_head_lower(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(b) = buf.get_mut(..w.len()) else { return false };
    b.copy_from_slice(w.as_bytes());
    b[0] = b[0].to_ascii_uppercase();
    std::str::from_utf8(b).is_ok_and(is_org_head)
}

pub fn is_speech_verb(w: &str) -> bool {
    speech_verbs_lower().has_lower_of(w)
}

pub fn is_post_quote_verb(w: &str) -> bool {
    speech_verbs_lower().has_lower_of(w) || post_quote_verbs_lower().has_lower_of(w)
}

pub fn is_personal_pronoun(w: &str) -> bool {
    personal_pronouns().contains(w)
}

pub fn is_preposition(w: &str) -> bool {
    prepositions_lower().has_lower_of(w)
}

/// The canonical name of a well-known organisation, if `w` is one.
pub fn known_org(w: &str) -> Option<&'static str> {
    known_orgs().get(w).copied()
}

pub fn is_seat(name: &str) -> bool {
    SEATS.contains(&name)
}

/// Common nicknames and their full given names.
const NICKNAMES: &[(&str, &str)] = &[
    ("joe", "joseph"),
    ("bob", "robert"),
    ("rob", "robert"),
    ("bobby", "robert"),
    ("bill", "william"),
    ("will", "william"),
    ("mike", "michael"),
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("mitch", "mitchell"),
    ("tony", "anthony"),
    ("tony", "antony"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("tom", "thomas"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("dan", "daniel"),
    ("dave", "david"),
    ("steve", "steven"),
    ("steve", "stephen"),
    ("ted", "edward"),
    ("ed", "edward"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("kate", "katherine"),
    ("katie", "katherine"),
    ("alex", "alexander"),
    ("sasha", "alexander"),
    ("andy", "andrew"),
    ("ben", "benjamin"),
    ("sam", "samuel"),
    ("matt", "matthew"),
    ("nick", "nicholas"),
    ("chris", "christopher"),
    ("jon", "jonathan"),
    ("josh", "joshua"),
    ("pete", "peter"),
    ("phil", "philip"),
    ("don", "donald"),
    ("ron", "ronald"),
    ("jeff", "jeffrey"),
    ("greg", "gregory"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("tim", "timothy"),
    ("vlad", "vladimir"),
    ("dmitri", "dmitry"),
    ("jack", "john"),
];

/// True when two given names can name the same person (equal, nickname, or initial).
/// The names a given name is a nickname of, or that are nicknames of it ("Bill" <-> "William").
pub fn nickname_partners(name: &str) -> impl Iterator<Item = &'static str> + '_ {
    NICKNAMES.iter().filter_map(move |&(n, f)| {
        if n == name {
            Some(f)
        } else if f == name {
            Some(n)
        } else {
            None
        }
    })
}

pub fn given_names_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (sa, sb) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    if (sa.chars().count() == 1 && sb.starts_with(sa)) || (sb.chars().count() == 1 && sa.starts_with(sb)) {
        return true;
    }
    NICKNAMES.iter().any(|&(n, f)| (n == sa && f == sb) || (n == sb && f == sa))
}

/// Whether a stated title fits a role noun: it holds the noun ("Chief Judge" for "judge"),
/// or the form titles give that role ("Justice" or "Magistrate" for "the judge", "Prof" for "the
/// professor", "Cllr" for "the councillor").
pub fn title_fits_role(title: &str, role: &str) -> bool {
    let title = title.to_lowercase();
    let role = role.to_lowercase();
    if title.contains(&role) {
        return true;
    }
    let forms: &[&str] = match role.as_str() {
        "judge" => &["justice", "magistrate", "recorder"],
        "professor" => &["prof"],
        "doctor" => &["dr"],
        "councillor" | "councilor" => &["cllr"],
        "senator" => &["sen"],
        "governor" => &["gov"],
        "inspector" => &["insp"],
        "sergeant" => &["sgt"],
        _ => &[],
    };
    title.split(|c: char| !c.is_alphabetic()).any(|w| forms.contains(&w))
}

#[cfg(test)]
mod title_role_tests {
    use super::*;

    /// A lexicon asked through its packed numbers answers as through a lower-case copy.
    #[test]
    fn packed_word_sets_answer_as_the_word_sets() {
        let sets = [
            (common_words(), common_words_lower()),
            (role_nouns(), role_nouns_lower()),
            (trade_nouns(), trade_nouns_lower()),
            (speech_verbs(), speech_verbs_lower()),
            (post_quote_verbs(), post_quote_verbs_lower()),
            (prepositions(), prepositions_lower()),
        ];
        for (words, lower) in sets {
            let extra = ["", "a", "The", "SAID", "Über", "fiancée", "extraordinarily-long-word", "x\u{0}"];
            for w in words.iter().copied().chain(extra) {
                for v in [w.to_string(), w.to_uppercase(), capitalize(w), format!("{w}s"), format!("{w}.")] {
                    assert_eq!(lower.has_lower_of(&v), with_lower(&v, |l| words.contains(l)), "{v}");
                }
            }
        }
    }

    #[test]
    fn a_title_fits_its_role_noun_and_the_form_titles_give_it() {
        assert!(title_fits_role("Mrs Justice", "judge"));
        assert!(title_fits_role("Chief Judge", "judge"));
        assert!(title_fits_role("Prof.", "professor"));
        assert!(!title_fits_role("Chief", "judge"));
        assert!(!title_fits_role("Justice Minister", "professor"));
    }
}
