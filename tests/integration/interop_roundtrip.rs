//! Export → import gives back the same entities (mention sets and kinds), for each format.

use std::collections::BTreeMap;

use dramatis::domain::document::Document;
use dramatis::domain::entity::{Entity, Form, Kind, Mention, finalize};
use dramatis::interop::{self, ExportFormat, ImportFormat, Unit};

const TEXT: &str = "date 2023-11-08\n\
🎉 Israel and Hamas met in Doha on Monday. Israeli troops, 40 of them, left Gaza.\r\n\
Qatar's emir, Tamim, said Israel — and Hamas — agreed; Palestinians waited.\n";

/// The byte range of the `nth` whole-word occurrence of `word`.
fn word(word: &str, nth: usize) -> Mention {
    let at = TEXT
        .match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let after = TEXT[i + word.len()..].chars().next();
            !after.is_some_and(char::is_alphanumeric)
        })
        .nth(nth)
        .expect("word in text");
    Mention::new(at..at + word.len())
}

fn entity(name: &str, kind: Kind, mentions: Vec<Mention>) -> Entity {
    let doc = doc();
    let mut aliases: Vec<String> = vec![];
    for m in &mentions {
        let t = doc.text(m.range()).into_owned();
        if !aliases.contains(&t) {
            aliases.push(t);
        }
    }
    Entity {
        id: String::new(),
        name: name.into(),
        kind,
        aliases,
        mentions: mentions.into(),
    }
}

fn doc() -> Document {
    Document::from_string("news.txt", TEXT)
}

/// Every kind, an entity with two aliases, multi-byte text before mentions, a dateline.
fn cast() -> Vec<Entity> {
    finalize(vec![
        entity(
            "Israel",
            Kind::Country,
            vec![word("Israel", 0), word("Israeli", 0), word("Israel", 1)],
        ),
        entity(
            "Hamas",
            Kind::Organization,
            vec![word("Hamas", 0), word("Hamas", 1)],
        ),
        entity("Doha", Kind::Place, vec![word("Doha", 0)]),
        entity("Gaza", Kind::Place, vec![word("Gaza", 0)]),
        entity("2023-11-08", Kind::Date, vec![word("2023-11-08", 0)]),
        entity("Monday", Kind::Date, vec![word("Monday", 0)]),
        entity("40", Kind::Number, vec![word("40", 0)]),
        entity("Qatar", Kind::Country, vec![word("Qatar", 0)]),
        entity("Tamim", Kind::Person, vec![word("Tamim", 0)]),
        entity("Palestinians", Kind::Group, vec![word("Palestinians", 0)]),
        entity("emir", Kind::Other, vec![word("emir", 0)]),
    ])
}

/// Entities as (kind, mentions), sorted: what a round trip must keep.
fn shape(entities: &[Entity]) -> Vec<(Kind, Vec<Mention>)> {
    let mut out: Vec<_> = entities
        .iter()
        .map(|e| (e.kind, e.mentions.to_vec()))
        .collect();
    out.sort();
    out
}

fn round_trip(target: ExportFormat, source: ImportFormat, unit: Unit) -> interop::Imported {
    let doc = doc();
    let text = interop::export(&doc, &cast(), &BTreeMap::new(), target, unit);
    interop::import(&doc, &text, source, unit)
}

#[test]
fn brat_keeps_entities_and_their_aliases() {
    for unit in [Unit::CodePoints, Unit::Utf16] {
        let back = round_trip(ExportFormat::Brat, ImportFormat::Brat, unit);
        assert_eq!(back.problems, []);
        assert_eq!(shape(&back.entities), shape(&cast()), "{unit:?}");
    }
}

#[test]
fn displacy_keeps_entities_and_their_aliases() {
    for unit in [Unit::CodePoints, Unit::Utf16] {
        let back = round_trip(ExportFormat::Displacy, ImportFormat::Jsonl, unit);
        assert_eq!(back.problems, []);
        assert_eq!(shape(&back.entities), shape(&cast()), "{unit:?}");
    }
}

#[test]
fn json_keeps_everything() {
    let back = round_trip(ExportFormat::Json, ImportFormat::Jsonl, Unit::CodePoints);
    assert_eq!(back.problems, []);
    assert_eq!(back.entities, cast());
}

#[test]
fn conll_keeps_every_mention_and_kind_but_not_alias_links() {
    let back = round_trip(ExportFormat::Conll, ImportFormat::Conll, Unit::CodePoints);
    assert_eq!(back.problems, []);
    let flat = |es: &[Entity]| {
        let mut v: Vec<(Mention, Kind)> = es
            .iter()
            .flat_map(|e| e.mentions.iter().map(|&m| (m, e.kind)))
            .collect();
        v.sort();
        v
    };
    assert_eq!(flat(&back.entities), flat(&cast()));
    // CoNLL has no way to say "Israeli" is Israel: same kind and text is all it can join.
    let israel: Vec<_> = back
        .entities
        .iter()
        .filter(|e| e.name.starts_with("Israel"))
        .collect();
    assert_eq!(israel.len(), 2);
}

#[test]
fn exports_look_like_the_tools_files() {
    let doc = doc();
    let mut norms = BTreeMap::new();
    norms.insert("israel".to_string(), "Wikidata:Q801".to_string());
    let brat = interop::export(&doc, &cast(), &norms, ExportFormat::Brat, Unit::CodePoints);
    let cp = |m: Mention| TEXT[..m.start as usize].chars().count();
    let first = word("2023-11-08", 0);
    assert!(
        brat.starts_with(&format!(
            "T1\tDATE {} {}\t2023-11-08\n",
            cp(first),
            cp(first) + 10
        )),
        "{brat}"
    );
    let israel = word("Israel", 0);
    assert!(
        brat.contains(&format!(
            "T2\tGPE {} {}\tIsrael\n",
            cp(israel),
            cp(israel) + 6
        )),
        "{brat}"
    );
    assert!(brat.contains("*\tEquiv T2 T"), "{brat}");
    assert!(
        brat.contains("N1\tReference T2 Wikidata:Q801\tIsrael\n"),
        "{brat}"
    );

    let displacy = interop::export(
        &doc,
        &cast(),
        &norms,
        ExportFormat::Displacy,
        Unit::CodePoints,
    );
    let v: serde_json::Value = serde_json::from_str(&displacy).unwrap();
    assert_eq!(v["text"], TEXT);
    assert_eq!(v["title"], "news.txt");
    let ents = v["ents"].as_array().unwrap();
    assert_eq!(ents[1]["start"], cp(israel));
    assert_eq!(ents[1]["label"], "GPE");
    assert_eq!(ents[1]["kb_id"], "israel");
    assert!(
        ents.windows(2)
            .all(|w| w[0]["start"].as_u64() <= w[1]["start"].as_u64())
    );

    let conll = interop::export(&doc, &cast(), &norms, ExportFormat::Conll, Unit::CodePoints);
    assert!(
        conll.starts_with("-DOCSTART- -X- -X- O\n\ndate _ _ O\n2023 _ _ B-DATE\n- _ _ I-DATE\n"),
        "{conll}"
    );
    assert!(
        conll.contains("\nIsrael _ _ B-GPE\nand _ _ O\nHamas _ _ B-ORG\n"),
        "{conll}"
    );
    assert!(
        conll.contains("\nQatar _ _ B-GPE\n' _ _ O\ns _ _ O\n"),
        "{conll}"
    );

    let json = interop::export(&doc, &cast(), &norms, ExportFormat::Json, Unit::CodePoints);
    assert!(json.contains(r#""norm":"Wikidata:Q801""#));
    assert_eq!(
        json.matches("\"norm\"").count(),
        1,
        "only where there is one"
    );
}

/// Two people, each with pronouns; the first also a description.
const LINKED: &str = "Ana Ruiz met the envoy Carlos Vega in Lima. She thanked him; he thanked her. \
The envoy left.\n";

fn linked_doc() -> Document {
    Document::from_string("linked.txt", LINKED)
}

fn linked_cast() -> Vec<Entity> {
    let at = |w: &str, nth: usize, form: Form| {
        let i = LINKED.match_indices(w).nth(nth).expect("word in text").0;
        Mention::with_form(i..i + w.len(), form)
    };
    let person = |name: &str, mentions: Vec<Mention>| Entity {
        id: String::new(),
        name: name.into(),
        kind: Kind::Person,
        aliases: vec![name.into()],
        mentions: mentions.into(),
    };
    finalize(vec![
        person(
            "Ana Ruiz",
            vec![
                at("Ana Ruiz", 0, Form::Name),
                at("She", 0, Form::Pronoun),
                at("her", 0, Form::Pronoun),
            ],
        ),
        person(
            "Carlos Vega",
            vec![
                at("Carlos Vega", 0, Form::Name),
                at("him", 0, Form::Pronoun),
                at("he", 1, Form::Pronoun),
                at("envoy", 1, Form::Nominal),
            ],
        ),
        Entity {
            id: String::new(),
            name: "Lima".into(),
            kind: Kind::Place,
            aliases: vec!["Lima".into()],
            mentions: vec![at("Lima", 0, Form::Name)].into(),
        },
    ])
}

fn linked_round_trip(target: ExportFormat, source: ImportFormat) -> interop::Imported {
    let doc = linked_doc();
    let text = interop::export(
        &doc,
        &linked_cast(),
        &BTreeMap::new(),
        target,
        Unit::CodePoints,
    );
    interop::import(&doc, &text, source, Unit::CodePoints)
}

#[test]
fn brat_and_json_keep_pronouns_and_descriptions_with_their_entity_and_form() {
    for (target, source) in [
        (ExportFormat::Brat, ImportFormat::Brat),
        (ExportFormat::Json, ImportFormat::Jsonl),
    ] {
        let back = linked_round_trip(target, source);
        assert_eq!(back.problems, []);
        assert_eq!(shape(&back.entities), shape(&linked_cast()), "{target:?}");
        let ana = back.entities.iter().find(|e| e.name == "Ana Ruiz").unwrap();
        assert_eq!(ana.aliases, ["Ana Ruiz"], "pronouns are not aliases");
    }
    let brat = interop::export(
        &linked_doc(),
        &linked_cast(),
        &BTreeMap::new(),
        ExportFormat::Brat,
        Unit::CodePoints,
    );
    assert!(brat.contains("\tForm T"), "{brat}");
    assert!(
        brat.contains(" pronoun\n") && brat.contains(" nominal\n"),
        "{brat}"
    );
}

#[test]
fn conll_and_displacy_write_names_only() {
    for (target, source) in [
        (ExportFormat::Conll, ImportFormat::Conll),
        (ExportFormat::Displacy, ImportFormat::Jsonl),
    ] {
        let back = linked_round_trip(target, source);
        assert_eq!(back.problems, []);
        let mut names: Vec<&str> = back.entities.iter().map(|e| e.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["Ana Ruiz", "Carlos Vega", "Lima"], "{target:?}");
        assert!(
            back.entities.iter().all(|e| e.mentions.len() == 1),
            "{target:?}: {:?}",
            back.entities
        );
    }
}
