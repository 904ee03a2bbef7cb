//! A regression guard for coreference on real news: the linked-mention F1 of
//! `../shared/eval/gum/score_coref.py`, computed the same way on the shared GUM articles with
//! the real binary (`common::gum`), must not fall below what the resolver reached. Skipped
//! with a message when the shared folder is not beside the repository.

use crate::common::gum::score_shared_news;

/// The figure reached (linked F1 68.6 when this guard was set), less a rounding margin.
const LINKED_F1_FLOOR: f64 = 68.0;

#[test]
fn linked_f1_on_the_shared_news_articles_stays_above_the_floor() {
    let Some(score) = score_shared_news() else {
        return;
    };
    let (precision, recall, f1) = (
        score.linked_precision(),
        score.linked_recall(),
        score.linked_f1(),
    );
    eprintln!("linked P {precision:.1} R {recall:.1} F1 {f1:.1}");
    assert!(
        f1 >= LINKED_F1_FLOOR,
        "linked F1 fell to {f1:.1} (P {precision:.1}, R {recall:.1}); the floor is {LINKED_F1_FLOOR}"
    );
}
