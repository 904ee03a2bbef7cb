//! A regression guard for the name rules on real news: the recall of names of
//! `../shared/eval/gum/score_coref.py` (gold names found under the right entity), computed the
//! same way on the shared GUM articles with the real binary (`common::gum`), must not fall below
//! what the name rules reached. Apart from the coreference guard: names are found and
//! clustered before coreference, and this figure does not depend on it. Skipped with a message
//! when the shared folder is not beside the repository.

use crate::common::gum::score_shared_news;

/// The figure reached (name recall 89.8 when this guard was last raised), less a rounding margin.
const NAME_RECALL_FLOOR: f64 = 89.2;

#[test]
fn name_recall_on_the_shared_news_articles_stays_above_the_floor() {
    let Some(score) = score_shared_news() else {
        return;
    };
    let recall = score.name_recall();
    eprintln!(
        "names linked {} of {} ({recall:.1}%)",
        score.gold_names_linked, score.gold_names
    );
    assert!(
        recall >= NAME_RECALL_FLOOR,
        "name recall fell to {recall:.1}; the floor is {NAME_RECALL_FLOOR}"
    );
}
