//! Generated text for the benches: deterministic news-like prose with names, some non-ASCII,
//! paragraphs of wrapped lines, built in memory (benches never read files).

#![allow(dead_code)]

use dramatis::domain::cast::Cast;
use dramatis::domain::entity::{Entity, Kind, Mention};

pub const NAMES: [&str; 8] = [
    "Haruto Wu",
    "Betty Kovačević",
    "United Media Agency",
    "Zdeněk Tesfaye",
    "Port of Amman",
    "Samantha Suzuki",
    "Brașov",
    "Northern Airlines Council",
];

const WORDS: [&str; 24] = [
    "officials",
    "met",
    "to",
    "discuss",
    "the",
    "refinery",
    "fire",
    "according",
    "said",
    "declined",
    "comment",
    "on",
    "election",
    "results",
    "cost",
    "of",
    "fuel",
    "prices",
    "had",
    "risen",
    "since",
    "October",
    "merger",
    "a",
];

/// About `len` bytes of prose: lines of at most 72 columns, blank lines between paragraphs,
/// a name from [`NAMES`] every few words. With `accents`, every word carries a non-ASCII letter
/// (the slow path of the cell builder); otherwise the text is mostly ASCII like news.
pub fn prose(len: usize, accents: bool) -> String {
    let mut out = String::with_capacity(len + 200);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut col = 0;
    let mut words_in_para = 0;
    while out.len() < len {
        let r = next();
        let word: String = if r % 9 == 0 {
            NAMES[(r >> 8) as usize % NAMES.len()].to_string()
        } else {
            let w = WORDS[(r >> 8) as usize % WORDS.len()];
            if accents {
                format!("{w}é日")
            } else {
                w.to_string()
            }
        };
        if col > 0 && col + 1 + word.chars().count() > 72 {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        col += word.chars().count();
        out.push_str(&word);
        words_in_para += 1;
        if words_in_para > 60 && r % 7 == 0 {
            out.push_str(".\n\n");
            col = 0;
            words_in_para = 0;
        }
    }
    out.push_str("\nEND OF CORPUS\n");
    out
}

/// A cast with one entity per name in [`NAMES`], every occurrence a mention: what an extractor
/// would give, without running one (the extraction bench is separate).
pub fn cast_of(text: &str) -> Cast {
    let finder = aho_corasick::AhoCorasick::new(NAMES).unwrap();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); NAMES.len()];
    for m in finder.find_iter(text) {
        mentions[m.pattern().as_usize()].push(Mention::new(m.start()..m.end()));
    }
    let entities = NAMES
        .iter()
        .zip(mentions)
        .enumerate()
        .map(|(i, (name, mentions))| Entity {
            id: format!("e{i}"),
            name: name.to_string(),
            kind: if i % 2 == 0 {
                Kind::Person
            } else {
                Kind::Place
            },
            aliases: vec![name.to_string()],
            mentions: mentions.into(),
        })
        .collect();
    Cast::new(dramatis::domain::entity::finalize(entities))
}

const ARTICLE: &str = include_str!("../assets/default_article.txt");

/// (country, demonym, group, surname, given name, place): one row per copy, in turn.
const CAST: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "Norway",
        "Norwegian",
        "Sami",
        "Halvorsen",
        "Ingrid",
        "Tromsø",
    ),
    (
        "Chile",
        "Chilean",
        "Mapuche",
        "Fuentes",
        "Camila",
        "Valparaíso",
    ),
    ("Kenya", "Kenyan", "Maasai", "Otieno", "Wanjiru", "Mombasa"),
    ("Japan", "Japanese", "Ainu", "Takahashi", "Haruto", "Osaka"),
    (
        "Canada", "Canadian", "Inuit", "Tremblay", "Olivia", "Halifax",
    ),
    (
        "Egypt",
        "Egyptian",
        "Copts",
        "Mansour",
        "Yasmin",
        "Alexandria",
    ),
    ("Peru", "Peruvian", "Quechua", "Quispe", "Mateo", "Cusco"),
];

/// About `target` bytes of news: the built-in article again and again, each copy with its
/// actors swapped for others, so that the extractor sees many different names rather than one
/// repeated page.
pub fn news(target: usize) -> String {
    let body = ARTICLE
        .trim_start()
        .trim_start_matches("date 2023-11-08")
        .trim_start();
    let mut out = String::with_capacity(target + ARTICLE.len());
    let mut i = 0;
    while out.len() < target {
        let (country, demonym, group, surname, given, place) = CAST[i % CAST.len()];
        let copy = body
            .replace("Israeli", demonym)
            .replace("Israel", country)
            .replace("Arab", group)
            .replace("Netanyahu", &format!("{surname}{}", i / CAST.len()))
            .replace("Benjamin", given)
            .replace("Gaza", place);
        out.push_str(&copy);
        out.push_str("\n\n");
        i += 1;
    }
    out
}
