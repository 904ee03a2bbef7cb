//! Importing annotation files written the way the tools write them.

use dramatis::domain::document::Document;
use dramatis::domain::entity::{Entity, Kind};
use dramatis::interop::{self, ImportFormat, Imported, Unit};

/// Code-point offsets of the `nth` occurrence of `word`, as Python would count them.
fn cp(text: &str, word: &str, nth: usize) -> (usize, usize) {
    let byte = text.match_indices(word).nth(nth).expect("word in text").0;
    let start = text[..byte].chars().count();
    (start, start + word.chars().count())
}

/// The same in UTF-16 code units, as JavaScript would count them.
fn u16(text: &str, word: &str, nth: usize) -> (usize, usize) {
    let byte = text.match_indices(word).nth(nth).unwrap().0;
    let start = text[..byte].encode_utf16().count();
    (start, start + word.encode_utf16().count())
}

fn bytes(text: &str, word: &str, nth: usize) -> (u32, u32) {
    let byte = text.match_indices(word).nth(nth).unwrap().0;
    (byte as u32, (byte + word.len()) as u32)
}

fn named<'a>(i: &'a Imported, name: &str) -> &'a Entity {
    i.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:#?}", i.entities))
}

fn spans(doc: &Document, e: &Entity) -> Vec<String> {
    e.mentions
        .iter()
        .map(|m| doc.text(m.range()).into_owned())
        .collect()
}

const STORY: &str =
    "🎉 Alice Smith met Bob in New\nYork on Monday. Later Smith and Bob left for Gaza.\n";

fn brat_fixture() -> String {
    let t = STORY;
    let (a0, a1) = cp(t, "Alice Smith", 0);
    let (b0, b1) = cp(t, "Bob", 0);
    let (n0, n1) = cp(t, "New", 0);
    let (y0, y1) = cp(t, "York", 0);
    let (m0, m1) = cp(t, "Monday", 0);
    let (s0, s1) = cp(t, "Smith", 1);
    let (c0, c1) = cp(t, "Bob", 1);
    let (g0, g1) = cp(t, "Gaza", 0);
    format!(
        "T1\tPER {a0} {a1}\tAlice Smith\n\
         T2\tPER {b0} {b1}\tBob\n\
         T3\tGPE {n0} {n1};{y0} {y1}\tNew York\n\
         T4\tDATE {m0} {m1}\tMonday\n\
         T5\tPER {s0} {s1}\tSmith\n\
         T6\tPER {c0} {c1}\tBob\n\
         *\tEquiv T1 T5\n\
         N1\tReference T1 Wikidata:Q42\tAlice Smith\n\
         A1\tNegated T2\n\
         R1\tLocated Arg1:T1 Arg2:T3\n\
         #1\tAnnotatorNotes T1\ta note\n\
         T7\tLOC {g0} {g1}\tGaze\n"
    )
}

#[test]
fn brat_discontinuous_spans_equiv_and_normalisation() {
    let doc = Document::from_string("story.txt", STORY);
    let ann = brat_fixture();
    assert_eq!(ImportFormat::detect("story.ann", &ann), ImportFormat::Brat);
    assert_eq!(ImportFormat::detect("unnamed", &ann), ImportFormat::Brat);
    let got = interop::import(&doc, &ann, ImportFormat::Brat, Unit::CodePoints);

    // Equiv: Alice Smith and the later "Smith" are one person; the N id is kept on her.
    let alice = named(&got, "Alice Smith");
    assert_eq!(alice.kind, Kind::Person);
    assert_eq!(spans(&doc, alice), ["Alice Smith", "Smith"]);
    assert_eq!(alice.aliases, ["Alice Smith", "Smith"]);
    assert_eq!(
        got.norms.get(&alice.id).map(String::as_str),
        Some("Wikidata:Q42")
    );

    // Same label and text: one entity.
    assert_eq!(spans(&doc, named(&got, "Bob")), ["Bob", "Bob"]);

    // A discontinuous span: one mention per fragment, named by the joined text.
    let ny = named(&got, "New York");
    assert_eq!(ny.kind, Kind::Place, "a GPE that is not a country");
    assert_eq!(spans(&doc, ny), ["New", "York"]);
    assert_eq!(named(&got, "Monday").kind, Kind::Date);

    // The last line's text differs from the document: reported with its line, not shifted.
    assert_eq!(got.problems.len(), 1, "{:?}", got.problems);
    let (g0, g1) = cp(STORY, "Gaza", 0);
    assert_eq!(
        got.warnings("story.ann"),
        [format!(
            "story.ann:12: span {g0}..{g1} \"Gaze\" does not match the document (\"Gaza\")"
        )]
    );
    assert_eq!(got.entities.len(), 4);
}

/// "Hamas" after an emoji: 2 code points in, 3 UTF-16 units, 5 bytes.
const EMOJI: &str = "🎉 Hamas and Israel. 👍🏽 Hamas again, said Israel's army.";

#[test]
fn jsonl_offsets_in_code_points_by_default_and_utf16_on_request() {
    let doc = Document::from_string("news.txt", EMOJI);
    let record = |f: &dyn Fn(&str, &str, usize) -> (usize, usize)| {
        let (h0, h1) = f(EMOJI, "Hamas", 0);
        let (i0, i1) = f(EMOJI, "Israel", 0);
        let (k0, k1) = f(EMOJI, "Hamas", 1);
        serde_json::json!({"text": EMOJI, "ents": [
            {"start": h0, "end": h1, "label": "ORG"},
            {"start": i0, "end": i1, "label": "GPE"},
            {"start": k0, "end": k1, "label": "ORG"},
        ]})
        .to_string()
    };
    let by_cp = record(&cp);
    let got = interop::import(&doc, &by_cp, ImportFormat::Jsonl, Unit::CodePoints);
    assert_eq!(got.problems, []);
    let hamas = named(&got, "Hamas");
    assert_eq!(hamas.kind, Kind::Organization);
    assert_eq!(
        hamas
            .mentions
            .iter()
            .map(|m| (m.start, m.end))
            .collect::<Vec<_>>(),
        [bytes(EMOJI, "Hamas", 0), bytes(EMOJI, "Hamas", 1)]
    );
    assert_eq!(named(&got, "Israel").kind, Kind::Country);

    let by_u16 = record(&u16);
    assert_ne!(by_u16, by_cp, "the emoji makes the units differ");
    let got16 = interop::import(&doc, &by_u16, ImportFormat::Jsonl, Unit::Utf16);
    assert_eq!(got16, got);

    // UTF-16 offsets read as code points: the record's text is the document, so the text
    // check cannot tell; every span then cuts a word, and that is reported with the way out.
    let wrong = interop::import(&doc, &by_u16, ImportFormat::Jsonl, Unit::CodePoints);
    assert_eq!(wrong.problems.len(), 3, "{:?}", wrong.problems);
    assert!(wrong.problems.iter().all(|p| p.line == 1));
    let (s0, s1) = u16(EMOJI, "Hamas", 0);
    assert_eq!(
        wrong.problems[0].message,
        format!(
            "span {s0}..{s1} \"amas \" starts or ends inside a word: if the file counts offsets in another unit, use --offsets utf16 (or bytes, or code-points)"
        )
    );
}

#[test]
fn doccano_prodigy_and_sentence_records() {
    let doc = Document::from_string("news.txt", EMOJI);
    let (h0, h1) = cp(EMOJI, "Hamas", 0);
    let (i0, i1) = cp(EMOJI, "Israel", 0);
    let doccano_old =
        serde_json::json!({"id": 1, "text": EMOJI, "label": [[h0, h1, "ORG"], [i0, i1, "GPE"]]});
    let doccano_new = serde_json::json!({"id": 1, "text": EMOJI, "entities": [
        {"id": 7, "label": "ORG", "start_offset": h0, "end_offset": h1},
        {"id": 8, "label": "GPE", "start_offset": i0, "end_offset": i1}], "relations": []});
    let prodigy = serde_json::json!({"text": EMOJI, "spans": [
        {"start": h0, "end": h1, "label": "ORG", "token_start": 1, "token_end": 1},
        {"start": i0, "end": i1, "label": "GPE", "token_start": 3, "token_end": 3}],
        "answer": "accept"});
    let mut outs = vec![];
    for rec in [&doccano_old, &doccano_new, &prodigy] {
        let got = interop::import(
            &doc,
            &rec.to_string(),
            ImportFormat::Jsonl,
            Unit::CodePoints,
        );
        assert_eq!(got.problems, []);
        outs.push(got);
    }
    assert_eq!(outs[0], outs[1]);
    assert_eq!(outs[1], outs[2]);
    assert_eq!(outs[0].entities.len(), 2);

    // A rejected Prodigy answer is not an annotation.
    let rejected = prodigy.to_string().replace("accept", "reject");
    let got = interop::import(&doc, &rejected, ImportFormat::Jsonl, Unit::CodePoints);
    assert!(got.entities.is_empty());

    // One record per sentence: each record's text is found in the document, in order, and
    // its offsets count from there.
    let s1 = "🎉 Hamas and Israel.";
    let s2 = "👍🏽 Hamas again, said Israel's army.";
    let lines = [
        serde_json::json!({"text": s1, "ents": [{"start": 2, "end": 7, "label": "ORG"}]}),
        serde_json::json!({"text": s2, "ents": [{"start": 3, "end": 8, "label": "ORG"},
                                                   {"start": 21, "end": 27, "label": "GPE"}]}),
    ];
    let file = format!("{}\n{}\n", lines[0], lines[1]);
    let got = interop::import(&doc, &file, ImportFormat::Jsonl, Unit::CodePoints);
    assert_eq!(got.problems, []);
    assert_eq!(spans(&doc, named(&got, "Hamas")), ["Hamas", "Hamas"]);
    assert_eq!(
        named(&got, "Israel").mentions[0].start as usize,
        EMOJI.rfind("Israel").unwrap()
    );
}

#[test]
fn a_record_that_differs_from_the_document_is_reported_per_span_with_its_line() {
    // One record per sentence; the second sentence was edited since it was annotated.
    let doc = Document::from_string("news.txt", "Officials of Hamad met. Then Hamad left.");
    let good = serde_json::json!({"text": "Officials of Hamad met.", "ents": [{"start": 13, "end": 18, "label": "ORG"}]});
    let stale = serde_json::json!({"text": " Then Hamas left.", "ents": [{"start": 6, "end": 11, "label": "ORG"}]});
    let file = format!("{good}\n\n{stale}\nnot json\n");
    let got = interop::import(&doc, &file, ImportFormat::Jsonl, Unit::CodePoints);
    let w = got.warnings("annotations.jsonl");
    assert!(
        w.contains(
            &"annotations.jsonl:3: span 6..11 \"Hamas\" does not match the document (\"Hamad\")"
                .to_string()
        ),
        "{w:#?}"
    );
    assert!(
        w.iter()
            .any(|l| l.starts_with("annotations.jsonl:4: not a JSON record")),
        "{w:#?}"
    );
    assert_eq!(got.entities.len(), 1, "the good line still counts");
}

const CONLL_TEXT: &str =
    "EU rejects German call to boycott British lamb.\nPeter Blackburn\n\nBRUSSELS 1996-08-22\n";

#[test]
fn conll_2003_with_docstart_iob1_and_iob2() {
    let doc = Document::from_string("eu.txt", CONLL_TEXT);
    // CoNLL-2003 itself: four columns, IOB1 (I- everywhere).
    let iob1 = "-DOCSTART- -X- -X- O\n\n\
        EU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n\
        to TO B-VP O\nboycott VB I-VP O\nBritish JJ B-NP I-MISC\nlamb NN I-NP O\n. . O O\n\n\
        Peter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n\n\
        -DOCSTART- -X- -X- O\n\n\
        BRUSSELS NNP B-NP I-LOC\n1996-08-22 CD I-NP O\n";
    assert_eq!(ImportFormat::detect("train.txt", iob1), ImportFormat::Conll);
    let got = interop::import(&doc, iob1, ImportFormat::Conll, Unit::CodePoints);
    assert_eq!(got.problems, []);
    assert_eq!(named(&got, "EU").kind, Kind::Organization);
    assert_eq!(named(&got, "German").kind, Kind::Other);
    let peter = named(&got, "Peter Blackburn");
    assert_eq!(peter.kind, Kind::Person);
    assert_eq!(spans(&doc, peter), ["Peter Blackburn"]);
    assert_eq!(named(&got, "BRUSSELS").kind, Kind::Place);

    // Two names of one type side by side: IOB2 says where the second starts.
    let doc2 = Document::from_string("x.txt", "Alice Bob left");
    let iob2 = "Alice B-PER\nBob B-PER\nleft O\n";
    let got = interop::import(&doc2, iob2, ImportFormat::Conll, Unit::CodePoints);
    assert_eq!(got.entities.len(), 2);
    let one = interop::import(
        &doc2,
        "Alice B-PER\nBob I-PER\nleft O\n",
        ImportFormat::Conll,
        Unit::CodePoints,
    );
    assert_eq!(spans(&doc2, &one.entities[0]), ["Alice Bob"]);
}

#[test]
fn conll_tokens_that_do_not_match_are_reported_and_their_names_dropped() {
    let doc = Document::from_string("eu.txt", CONLL_TEXT);
    let file = "-DOCSTART- -X- -X- O\n\nEU B-ORG\nrejects O\nGerrman B-MISC\ncall O\n";
    let got = interop::import(&doc, file, ImportFormat::Conll, Unit::CodePoints);
    let w = got.warnings("eu.conll");
    assert_eq!(
        w[0],
        "eu.conll:5: token \"Gerrman\" does not match the document at byte 11 (\"German \")"
    );
    assert!(
        w[1].starts_with("eu.conll:5: the MISC name starting here is dropped"),
        "{w:#?}"
    );
    assert_eq!(got.entities.len(), 1);
    assert_eq!(got.entities[0].name, "EU");
}
