use super::*;
use crate::domain::quotes::Quotes;

const TEXT: &str = "Hamas said Israel struck. Israeli troops moved. Benjamin Netanyahu spoke; Netanyahu left. Gaza.";

fn doc() -> Document {
    Document::from_string("t.txt", TEXT)
}

fn at(word: &str, nth: usize) -> Mention {
    let start = TEXT.match_indices(word).nth(nth).expect("word in text").0;
    Mention::new(start..start + word.len())
}

fn ent(name: &str, kind: Kind, mentions: &[Mention]) -> Entity {
    let mut e = Entity {
        id: String::new(),
        name: name.into(),
        kind,
        aliases: vec![],
        mentions: mentions.to_vec().into(),
    };
    tidy(&mut e, &doc());
    e
}

/// What an extractor might find: Israeli apart from Israel, Netanyahu's full name apart.
fn fresh() -> Vec<Entity> {
    entity::finalize(vec![
        ent("Hamas", Kind::Organization, &[at("Hamas", 0)]),
        ent("Israel", Kind::Country, &[at("Israel", 0)]),
        ent("Israeli", Kind::Group, &[at("Israeli", 0)]),
        ent("Netanyahu", Kind::Person, &[at("Netanyahu", 1)]),
        ent("Benjamin", Kind::Person, &[at("Benjamin", 0)]),
        ent("Gaza", Kind::Other, &[at("Gaza", 0)]),
    ])
}

fn key(entities: &[Entity], name: &str) -> Key {
    let e = entities.iter().find(|e| e.name == name).expect("entity");
    Key::of(&doc(), e)
}

fn find<'a>(entities: &'a [Entity], name: &str) -> Option<&'a Entity> {
    entities.iter().find(|e| e.name == name)
}

fn span(word: &str, nth: usize) -> Span {
    Span::of(&doc(), at(word, nth))
}

#[test]
fn each_operation_changes_the_cast_as_named() {
    let base = fresh();
    let corrections = vec![
        Correction::Merge {
            from: key(&base, "Israeli"),
            into: key(&base, "Israel"),
        },
        Correction::Rename {
            entity: key(&base, "Netanyahu"),
            name: "Benjamin Netanyahu".into(),
        },
        Correction::SetKind {
            entity: key(&base, "Gaza"),
            kind: Kind::Place,
        },
        Correction::Hide {
            entity: key(&base, "Benjamin"),
        },
        // Refers to the renamed entity by its new name.
        Correction::AddMention {
            entity: Key {
                name: "Benjamin Netanyahu".into(),
                kind: Kind::Person,
                at: None,
            },
            span: span("Benjamin Netanyahu", 0),
        },
    ];
    let mut cast = fresh();
    let unfit = apply(&mut cast, &mut Quotes::default(), &corrections, &doc());
    assert_eq!(unfit, []);
    let israel = find(&cast, "Israel").unwrap();
    assert_eq!(israel.aliases, ["Israel", "Israeli"]);
    assert_eq!(israel.mentions, [at("Israel", 0), at("Israeli", 0)]);
    assert!(find(&cast, "Israeli").is_none());
    let bn = find(&cast, "Benjamin Netanyahu").unwrap();
    assert_eq!(
        bn.mentions,
        [at("Benjamin Netanyahu", 0), at("Netanyahu", 1)]
    );
    assert_eq!(bn.aliases, ["Benjamin Netanyahu", "Netanyahu"]);
    assert!(find(&cast, "Benjamin").is_none(), "hidden");
    assert_eq!(find(&cast, "Gaza").unwrap().kind, Kind::Place);
    // finalize ran: ordered by mention count, ids fresh and unique.
    assert_eq!(cast[0].mentions.len(), 2);
    assert!(cast.iter().any(|e| e.id == "israel"));
}

#[test]
fn split_takes_an_alias_off_into_its_own_entity() {
    let mut cast = fresh();
    let merge = Correction::Merge {
        from: key(&cast, "Israeli"),
        into: key(&cast, "Israel"),
    };
    apply(&mut cast, &mut Quotes::default(), &[merge], &doc());
    let split = Correction::Split {
        entity: key(&cast, "Israel"),
        alias: "Israeli".into(),
    };
    let unfit = apply(
        &mut cast,
        &mut Quotes::default(),
        std::slice::from_ref(&split),
        &doc(),
    );
    assert_eq!(unfit, []);
    assert_eq!(find(&cast, "Israel").unwrap().mentions, [at("Israel", 0)]);
    let israeli = find(&cast, "Israeli").unwrap();
    assert_eq!(israeli.kind, Kind::Country, "keeps the kind it had");
    assert_eq!(israeli.mentions, [at("Israeli", 0)]);
    // Splitting an alias the entity no longer has does not fit.
    let unfit = apply(&mut cast, &mut Quotes::default(), &[split], &doc());
    assert!(matches!(unfit[0].reason, Reason::NoSuchMention(_)));
}

#[test]
fn a_new_entity_from_a_span_replaces_what_it_overlaps() {
    let mut cast = fresh();
    let new = Correction::NewEntity {
        name: "Benjamin Netanyahu".into(),
        kind: Kind::Person,
        span: span("Benjamin Netanyahu", 0),
    };
    let remove = Correction::RemoveMention {
        span: span("Gaza", 0),
    };
    assert_eq!(
        apply(&mut cast, &mut Quotes::default(), &[new, remove], &doc()),
        []
    );
    assert!(
        find(&cast, "Benjamin").is_none(),
        "its only mention was inside the span"
    );
    assert!(find(&cast, "Gaza").is_none(), "no mention left");
    let bn = find(&cast, "Benjamin Netanyahu").unwrap();
    assert_eq!(bn.mentions, [at("Benjamin Netanyahu", 0)]);
    assert_eq!(
        find(&cast, "Netanyahu").unwrap().mentions,
        [at("Netanyahu", 1)]
    );
}

#[test]
fn corrections_that_no_longer_fit_are_returned_and_the_rest_applied() {
    let base = fresh();
    let corrections = vec![
        Correction::Rename {
            entity: key(&base, "Hamas"),
            name: "Hamas (group)".into(),
        },
        Correction::AddMention {
            entity: key(&base, "Israel"),
            span: span("Israeli", 0),
        },
        Correction::Hide {
            entity: key(&base, "Gaza"),
        },
    ];
    // The document was edited: "Israeli" became "Iranian", Gaza is gone.
    let edited = TEXT.replace("Israeli", "Iranian").replace(" Gaza.", "");
    let doc2 = Document::from_string("t.txt", edited.clone());
    let mut cast = entity::finalize(vec![
        ent("Hamas", Kind::Organization, &[Mention::new(0..5)]),
        ent("Israel", Kind::Country, &[at("Israel", 0)]),
    ]);
    let unfit = apply(&mut cast, &mut Quotes::default(), &corrections, &doc2);
    assert_eq!(unfit.len(), 2);
    assert_eq!(unfit[0].index, 1);
    assert_eq!(
        unfit[0].reason,
        Reason::TextChanged {
            span: span("Israeli", 0),
            found: "Iranian".into()
        }
    );
    assert_eq!(unfit[1].index, 2);
    assert!(matches!(unfit[1].reason, Reason::EntityGone(_)));
    assert!(unfit[1].reason.to_string().contains("Gaza"));
    assert!(
        find(&cast, "Hamas (group)").is_some(),
        "the rest still applies"
    );
}

#[test]
fn an_entity_renamed_by_a_new_extractor_is_found_by_its_first_mention() {
    let base = fresh();
    let c = Correction::SetKind {
        entity: key(&base, "Netanyahu"),
        kind: Kind::Organization,
    };
    // A better extractor names him in full; his first mention is where it was.
    let mut cast = vec![ent("B. Netanyahu", Kind::Person, &[at("Netanyahu", 1)])];
    assert_eq!(apply(&mut cast, &mut Quotes::default(), &[c], &doc()), []);
    assert_eq!(cast[0].kind, Kind::Organization);
}

#[test]
fn two_entities_of_one_name_are_told_apart_by_first_mention() {
    let mut cast = entity::finalize(vec![
        ent("Israel", Kind::Country, &[at("Israel", 0)]),
        ent("Israel", Kind::Country, &[at("Israeli", 0)]),
    ]);
    let second = cast
        .iter()
        .find(|e| e.mentions[0] == at("Israeli", 0))
        .unwrap();
    let c = Correction::Rename {
        entity: Key::of(&doc(), second),
        name: "Israelis".into(),
    };
    assert_eq!(apply(&mut cast, &mut Quotes::default(), &[c], &doc()), []);
    assert_eq!(
        find(&cast, "Israelis").unwrap().mentions,
        [at("Israeli", 0)]
    );
    assert_eq!(find(&cast, "Israel").unwrap().mentions, [at("Israel", 0)]);
}

#[test]
fn history_undoes_and_redoes_and_a_new_correction_clears_redo() {
    let hide = |name: &str| Correction::Hide {
        entity: Key {
            name: name.into(),
            kind: Kind::Other,
            at: None,
        },
    };
    let mut h = History::default();
    assert!(!h.can_undo());
    h.push(hide("a"));
    h.push(hide("b"));
    assert_eq!(h.undo(), Some(&hide("b")));
    assert_eq!(h.active(), [hide("a")]);
    assert!(h.can_redo());
    assert_eq!(h.redo(), Some(&hide("b")));
    assert_eq!(h.active(), [hide("a"), hide("b")]);
    h.undo();
    h.push(hide("c"));
    assert!(!h.can_redo());
    assert_eq!(h.redo(), None);
    assert_eq!(h.active(), [hide("a"), hide("c")]);
    h.undo();
    h.undo();
    assert_eq!(h.undo(), None);
}

#[test]
fn corrections_serialise_with_an_op_tag_and_kind_names() {
    let base = fresh();
    let mut h = History::default();
    h.push(Correction::SetKind {
        entity: key(&base, "Gaza"),
        kind: Kind::Place,
    });
    h.push(Correction::NewEntity {
        name: "Benjamin Netanyahu".into(),
        kind: Kind::Person,
        span: span("Benjamin Netanyahu", 0),
    });
    h.undo();
    let json = serde_json::to_string(&h).unwrap();
    assert!(json.contains(r#""op":"set_kind""#), "{json}");
    assert!(json.contains(r#""kind":"place""#), "{json}");
    assert!(json.contains(r#""op":"new_entity""#), "{json}");
    let back: History = serde_json::from_str(&json).unwrap();
    assert_eq!(back, h);
    let bad = json.replace(r#""kind":"place""#, r#""kind":"planet""#);
    assert!(serde_json::from_str::<History>(&bad).is_err());
}
