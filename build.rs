//! Compiles the built-in knowledge (assets/gazetteer, assets/rules) into the tables the
//! extractor reads in place (src/domain/extract/tables.rs), so that nothing is parsed when the
//! program starts. The data files stay the source: this runs again whenever one changes.

use std::path::Path;

// Only the tokenizer is used here, not what it offers the extractor (re-exports included).
#[allow(dead_code, unused_imports)]
#[path = "src/domain/extract/token.rs"]
mod token;

#[allow(dead_code)]
#[path = "src/domain/extract/tables.rs"]
mod tables;

#[allow(dead_code)]
#[path = "src/domain/extract/compile.rs"]
mod compile;

fn main() {
    for code in ["token.rs", "tables.rs", "compile.rs"] {
        println!("cargo:rerun-if-changed=src/domain/extract/{code}");
    }
    let read = |file: &str| {
        println!("cargo:rerun-if-changed=assets/{file}");
        std::fs::read_to_string(Path::new("assets").join(file))
            .unwrap_or_else(|e| panic!("assets/{file}: {e}"))
    };
    let texts = [
        read("gazetteer/countries.tsv"),
        read("gazetteer/places.tsv"),
        read("gazetteer/organizations.tsv"),
        read("gazetteer/groups.tsv"),
        read("gazetteer/given_names.txt"),
        read("gazetteer/surnames.txt"),
        read("gazetteer/lowercase_words.tsv"),
        read("gazetteer/titles.txt"),
        read("rules/org_words.txt"),
        read("rules/place_words.txt"),
        read("rules/event_words.txt"),
        read("rules/function_words.txt"),
        read("rules/person_cues.txt"),
        read("rules/class_nouns.tsv"),
        read("gazetteer/given_name_genders.tsv"),
        read("rules/metonyms.tsv"),
    ];
    let sources = compile::Sources {
        countries: &texts[0],
        places: &texts[1],
        organizations: &texts[2],
        groups: &texts[3],
        given_names: &texts[4],
        surnames: &texts[5],
        lowercase_words: &texts[6],
        titles: &texts[7],
        org_words: &texts[8],
        place_words: &texts[9],
        event_words: &texts[10],
        function_words: &texts[11],
        person_cues: &texts[12],
        class_nouns: &texts[13],
        given_name_genders: &texts[14],
        metonyms: &texts[15],
    };
    let (tables, text) = compile::compile(&sources);
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    std::fs::write(out.join("knowledge.bin"), tables).expect("writing the knowledge tables");
    std::fs::write(out.join("knowledge.txt"), text).expect("writing the knowledge text");
}
