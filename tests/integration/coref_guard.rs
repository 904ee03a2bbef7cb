//! A regression guard for coreference on real news: the linked-mention F1 of
//! `../shared/eval/gum/score_coref.py`, computed the same way on the shared GUM articles with
//! the real binary (`common::gum`), must not fall below what the resolver reached. Skipped
//! with a message when the shared folder is not beside the repository.

use crate::common::gum::score_shared_news;

/// The figures reached when this guard was last raised (linked F1 80.7, precision 87.4,
/// pronoun recall 62.6), less a rounding margin.
const LINKED_F1_FLOOR: f64 = 80.2;
const LINKED_PRECISION_FLOOR: f64 = 86.5;
const PRONOUN_RECALL_FLOOR: f64 = 61.0;

#[test]
fn linked_f1_precision_and_pronouns_on_the_shared_news_articles_stay_above_the_floors() {
    let Some(score) = score_shared_news() else {
        return;
    };
    let (precision, recall, f1) = (
        score.linked_precision(),
        score.linked_recall(),
        score.linked_f1(),
    );
    let pronouns = score.pronoun_recall();
    eprintln!("linked P {precision:.1} R {recall:.1} F1 {f1:.1}, pronoun recall {pronouns:.1}");
    assert!(
        f1 >= LINKED_F1_FLOOR,
        "linked F1 fell to {f1:.1} (P {precision:.1}, R {recall:.1}); the floor is {LINKED_F1_FLOOR}"
    );
    assert!(
        precision >= LINKED_PRECISION_FLOOR,
        "linked precision fell to {precision:.1}; the floor is {LINKED_PRECISION_FLOOR}"
    );
    assert!(
        pronouns >= PRONOUN_RECALL_FLOOR,
        "pronoun recall fell to {pronouns:.1}; the floor is {PRONOUN_RECALL_FLOOR}"
    );
}
