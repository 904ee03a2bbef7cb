//! A regression guard for coreference on real news: the linked-mention F1 of
//! `../shared/eval/gum/score_coref.py`, computed the same way on the shared GUM articles with
//! the real binary (`common::gum`), must not fall below what the resolver reached. Skipped
//! with a message when the shared folder is not beside the repository.

use crate::common::gum::score_shared_news;

/// The figures reached when this guard was last raised (linked F1 82.5, precision 87.8,
/// pronoun recall 63.4, nominal recall 44.4), less a rounding margin.
const LINKED_F1_FLOOR: f64 = 83.0;
const LINKED_PRECISION_FLOOR: f64 = 88.8;
const PRONOUN_RECALL_FLOOR: f64 = 62.9;
const NOMINAL_RECALL_FLOOR: f64 = 43.6;

#[test]
fn linked_f1_precision_pronouns_and_descriptions_on_the_shared_news_articles_stay_above_the_floors()
{
    let Some(score) = score_shared_news() else {
        return;
    };
    let (precision, recall, f1) = (
        score.linked_precision(),
        score.linked_recall(),
        score.linked_f1(),
    );
    let pronouns = score.pronoun_recall();
    let nominals = score.nominal_recall();
    eprintln!(
        "linked P {precision:.1} R {recall:.1} F1 {f1:.1}, pronoun recall {pronouns:.1}, \
         nominal recall {nominals:.1}"
    );
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
    assert!(
        nominals >= NOMINAL_RECALL_FLOOR,
        "nominal recall fell to {nominals:.1}; the floor is {NOMINAL_RECALL_FLOOR}"
    );
}
