//! The two stages of extraction for a reader (the names, then what they infer) give what
//! extraction in one go gives, for every number of threads.

use super::*;
use crate::domain::document::Document;
use crate::domain::entity::Form;

#[test]
fn the_names_then_their_inferences_are_the_whole_extraction() {
    let paragraph = "Prime Minister Benjamin Netanyahu met officials of the United Nations \
        in Oslo on Tuesday. \"We will not stop,\" he said. Netanyahu said 240 hostages were \
        held by Hamas.\nMaria Ortega of Acme Corp. flew to Gaza City; the company said she \
        would stay.\n\n";
    let mut text = String::new();
    for i in 0..9_000 {
        text.push_str(&paragraph.replace("Ortega", &format!("Ortega{}", i % 37)));
    }
    let doc = Document::from_string("t.txt", text);
    assert!(
        doc.len() > 2 * crate::domain::pieces::PIECE,
        "several pieces"
    );
    let whole = extract_document_in_pieces(&doc, 1, |_, _| true).unwrap();
    assert!(whole.quotes.len() >= 9_000);
    for jobs in [1, 2, 3] {
        let mut so_far = Vec::new();
        let named = name_document_in_pieces(&doc, jobs, |_, piece, read| {
            if so_far.is_empty() {
                so_far = read.entities();
                assert!(piece.end < doc.len());
            }
            true
        })
        .unwrap();
        let names = named.entities();
        assert!(
            names
                .iter()
                .all(|e| e.mentions.iter().all(|m| m.form.is_named())),
            "names alone first ({jobs} jobs)"
        );
        let netanyahu = names.iter().find(|e| e.name.contains("Netanyahu")).unwrap();
        assert_eq!(netanyahu.mentions.len(), 18_000);
        // What the first piece named: fewer mentions, the same names.
        let early = so_far.iter().find(|e| e.name == netanyahu.name).unwrap();
        assert!(early.mentions.len() < netanyahu.mentions.len());
        assert!(
            early
                .mentions
                .iter()
                .all(|m| netanyahu.mentions.contains(m))
        );
        let inferred = named.infer(&doc, jobs);
        assert_eq!(inferred.entities, whole.entities, "{jobs} jobs");
        assert_eq!(inferred.quotes, whole.quotes, "{jobs} jobs");
    }
    let netanyahu = whole.entities.iter().find(|e| e.name.contains("Netanyahu"));
    assert!(
        netanyahu.is_some_and(|e| e.mentions.iter().any(|m| m.form == Form::Pronoun)),
        "his pronouns come with the second stage"
    );
}

#[test]
fn the_names_shown_meanwhile_are_shared_with_the_second_stage_and_left_as_they_were() {
    let text = "Maria Ortega of Acme Corp. flew to Oslo on Tuesday. She said the company \
        would stay. \"We will not stop,\" Ortega said.\n\n"
        .repeat(50);
    let doc = Document::from_string("t.txt", text);
    let whole = extract_document_in_pieces(&doc, 1, |_, _| true).unwrap();
    for jobs in [1, 2] {
        let mut named = name_document_in_pieces(&doc, jobs, |_, _, _| true).unwrap();
        let copied = named.entities();
        let shown = named.shared_entities();
        assert_eq!(*shown, copied, "the same entities, ids given");
        assert_eq!(std::sync::Arc::strong_count(&shown), 2, "one list, not two");
        let inferred = named.infer(&doc, jobs);
        assert_eq!(inferred.entities, whole.entities, "{jobs} jobs");
        assert_eq!(inferred.quotes, whole.quotes, "{jobs} jobs");
        assert_eq!(*shown, copied, "the names' cast keeps its entities");
        assert_eq!(std::sync::Arc::strong_count(&shown), 1);
        let ortega = |es: &[Entity]| {
            let e = es.iter().find(|e| e.name == "Maria Ortega").unwrap();
            e.mentions
                .iter()
                .filter(|m| m.form == Form::Pronoun)
                .count()
        };
        assert_eq!(ortega(&shown), 0);
        assert!(
            ortega(&inferred.entities) > 0,
            "her pronouns in the second stage's"
        );
    }
}

#[test]
fn the_names_come_in_the_order_of_their_starts_and_index_as_sorting_them_would() {
    use crate::domain::mention_index::MentionIndex;
    let text = "Maria Ortega of Acme Corp. flew to Oslo on 3 March with 240 delegates. Ortega \
        met David Hockney; the Hockney Sketchbooks stayed at Acme. Israeli officials spoke.\n\n"
        .repeat(400);
    let doc = Document::from_string("t.txt", text);
    // Every mention, with its entity, as an index over the whole text gives them.
    let all = |index: &MentionIndex| index.overlapping(0..doc.len()).collect::<Vec<_>>();
    for jobs in [1, 2] {
        let mut so_far = None;
        let mut named = name_document_in_pieces(&doc, jobs, |_, _, read| {
            so_far.get_or_insert_with(|| read.entities_by_start());
            true
        })
        .unwrap();
        let entities = named.shared_entities();
        let by_start = named.take_by_start().expect("the names' mentions by start");
        assert!(named.take_by_start().is_none(), "taken once");
        let sorted = MentionIndex::new(&entities);
        assert!(sorted.len() > 3_000, "{} mentions", sorted.len());
        let given = MentionIndex::of_sorted(&entities, by_start).expect("one store");
        assert_eq!(all(&given), all(&sorted), "{jobs} jobs");
        let (early, by_start) = so_far.unwrap();
        let given = MentionIndex::of_sorted(&early, by_start.unwrap()).unwrap();
        assert_eq!(all(&given), all(&MentionIndex::new(&early)));
    }
}
