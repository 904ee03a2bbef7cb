//! Every mention or names only, driven by Actions: walking, the switch, the list in context,
//! and correcting an inferred link (detach, attach).

use super::fixture;
use crate::domain::corrections::Correction;
use crate::domain::entity::Form;
use crate::domain::lit::Scope;
use crate::reader::action::{Action, Edit, Effect};
use crate::reader::app::panels::PanelKind;
use crate::reader::app::tests::curated_and_selected;
use crate::reader::app::{App, Options};

fn app_with(scope: Scope) -> App {
    let options = Options {
        scope,
        ..Options::default()
    };
    // Maria Lopez, the first actor, is selected.
    curated_and_selected(App::with_cast(
        fixture::doc(),
        fixture::cast(),
        options,
        100,
        20,
    ))
}

fn app() -> App {
    app_with(Scope::Every)
}

/// The current mention's words and form.
fn current(a: &App) -> Option<(String, Form)> {
    let m = a.current_mention()?;
    Some((a.doc().text(m.range()).into_owned(), m.form))
}

fn walk(a: &mut App, steps: usize) -> Vec<(String, Form)> {
    (0..steps)
        .map(|_| {
            a.update(Action::NextHit);
            current(a).expect("a current mention")
        })
        .collect()
}

fn words(walked: &[(String, Form)]) -> Vec<&str> {
    walked.iter().map(|(w, _)| w.as_str()).collect()
}

#[test]
fn n_walks_every_mention_names_descriptions_and_pronouns() {
    let mut a = app();
    assert_eq!(current(&a), Some(("Maria Lopez".into(), Form::Name)));
    let walked = walk(&mut a, 7);
    assert_eq!(
        words(&walked),
        [
            "defence secretary",
            "She",
            "Lopez",
            "she",
            "Lopez",
            "her",
            "Maria Lopez"
        ]
    );
    assert_eq!(walked[1].1, Form::Pronoun);
    assert_eq!(a.cast().count(0, a.scope()), 7);
    a.update(Action::PrevHit);
    assert_eq!(current(&a), Some(("her".into(), Form::Pronoun)));
}

#[test]
fn names_only_walks_names_and_the_switch_drops_an_inferred_current_mention() {
    let mut a = app_with(Scope::Names);
    assert_eq!(current(&a), Some(("Maria Lopez".into(), Form::Name)));
    assert_eq!(
        words(&walk(&mut a, 3)),
        ["Lopez", "Lopez", "Maria Lopez"],
        "wraps round the names"
    );
    a.update(Action::ToggleScope);
    assert_eq!(a.scope(), Scope::Every);
    assert!(a.message.as_deref().unwrap().starts_with("every mention"));
    a.update(Action::NextHit);
    assert_eq!(
        current(&a),
        Some(("defence secretary".into(), Form::Nominal))
    );
    // Back to names only: the description is not lit, so it is no longer current; n goes
    // on from the screen, to a name.
    a.update(Action::ToggleScope);
    assert_eq!(a.scope(), Scope::Names);
    assert_eq!(a.reading().current, None);
    a.update(Action::NextHit);
    assert!(current(&a).unwrap().1.is_named());
}

#[test]
fn the_list_in_context_follows_the_scope() {
    let mut a = app();
    a.update(Action::ToggleContexts);
    let rows = |a: &App| a.panel().map(|p| p.list().rows.len());
    assert_eq!(a.panel().map(|p| p.kind), Some(PanelKind::Contexts));
    assert_eq!(rows(&a), Some(7));
    a.update(Action::ToggleScope);
    assert_eq!(rows(&a), Some(3), "names only");
    a.update(Action::ToggleScope);
    assert_eq!(rows(&a), Some(7));
}

#[test]
fn a_click_on_an_unlit_pronoun_selects_nothing() {
    let mut a = app_with(Scope::Names);
    a.update(Action::Clear);
    a.update(Action::Clear);
    assert_eq!(a.reading().selected, None);
    // Find the cell that shows "He" (Becker's pronoun) and click it.
    let he = fixture::TEXT.find("He said").unwrap();
    let cell = |a: &App| {
        let t = a.geometry.text;
        (t.x..t.x + t.width)
            .flat_map(|x| (t.y..t.y + t.height).map(move |y| (x, y)))
            .find(|&(x, y)| a.offset_at(x, y) == Some(he))
            .expect("He on screen")
    };
    let (x, y) = cell(&a);
    a.update(Action::MouseClick { column: x, row: y });
    assert_eq!(a.reading().selected, None, "not lit, not a link to follow");
    let hit = a.search.as_ref().and_then(|s| s.hit.clone());
    assert_eq!(hit, Some(he..he + 2), "the word clicked is the search hit");
    assert!(a.message.as_deref().unwrap().contains("select an entity"));
    a.update(Action::Clear);
    a.update(Action::ToggleScope);
    a.update(Action::MouseClick { column: x, row: y });
    assert_eq!(a.reading().selected, Some(1), "lit: it selects Tom Becker");
    assert_eq!(current(&a), Some(("He".into(), Form::Pronoun)));
}

/// The corrections the last update asked to save.
fn saved(effects: &[Effect]) -> Vec<Correction> {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveCorrections { history, .. } => Some(history.active().to_vec()),
            _ => None,
        })
        .expect("saved")
}

#[test]
fn minus_on_a_pronoun_detaches_it_and_undo_brings_it_back() {
    let mut a = app();
    walk(&mut a, 2);
    assert_eq!(current(&a), Some(("She".into(), Form::Pronoun)));
    let effects = a.update(Action::Edit(Edit::SplitOrDetach));
    assert!(matches!(saved(&effects)[..], [Correction::Detach { .. }]));
    let lopez = a.reading().selected.expect("still selected");
    assert_eq!(a.cast().entities[lopez].name, "Maria Lopez");
    assert_eq!(a.cast().count(lopez, Scope::Every), 6);
    assert_eq!(a.cast().inferred(lopez), 3);
    assert_eq!(
        a.cast().entities.len(),
        3,
        "no new entity: a detach, not a split"
    );
    assert!(a.message.as_deref().unwrap().starts_with("detach \"She\""));
    assert_eq!(
        current(&a),
        Some(("Lopez".into(), Form::Name)),
        "the next one is current"
    );
    assert_eq!(words(&walk(&mut a, 1)), ["she"]);
    a.update(Action::Edit(Edit::Undo));
    let lopez = a.reading().selected.unwrap();
    assert_eq!(a.cast().count(lopez, Scope::Every), 7);
    a.update(Action::Edit(Edit::Redo));
    assert_eq!(
        a.cast().count(a.reading().selected.unwrap(), Scope::Every),
        6
    );
}

#[test]
fn minus_on_a_name_still_splits_it_off() {
    let mut a = app();
    walk(&mut a, 3);
    assert_eq!(current(&a), Some(("Lopez".into(), Form::Name)));
    let effects = a.update(Action::Edit(Edit::SplitOrDetach));
    assert!(matches!(saved(&effects)[..], [Correction::Split { .. }]));
    assert!(a.cast().entities.iter().any(|e| e.name == "Lopez"));
}

fn search(a: &mut App, text: &str) {
    a.update(Action::StartSearch);
    for c in text.chars() {
        a.update(Action::PromptInput(c));
    }
    a.update(Action::PromptSubmit);
}

#[test]
fn a_attaches_a_search_hit_with_the_form_its_words_have() {
    let mut a = app();
    // A pronoun linked to Becker that the reader says is Lopez's keeps being a pronoun.
    search(&mut a, "he");
    let hit = |a: &App| {
        a.search
            .as_ref()
            .and_then(|s| s.hit.clone())
            .map(|h| h.start)
    };
    let mut seen = Vec::new();
    while hit(&a) != fixture::TEXT.find("he agreed") {
        assert!(seen.len() < 20, "no hit on \"he agreed\": {seen:?}");
        seen.push(hit(&a));
        a.update(Action::NextHit);
    }
    let effects = a.update(Action::Edit(Edit::AddHit));
    assert!(
        matches!(
            saved(&effects)[..],
            [Correction::AddMention {
                form: Form::Pronoun,
                ..
            }]
        ),
        "{:?}",
        saved(&effects)
    );
    let lopez = a
        .cast()
        .entities
        .iter()
        .position(|e| e.name == "Maria Lopez")
        .unwrap();
    let becker = a
        .cast()
        .entities
        .iter()
        .position(|e| e.name == "Tom Becker")
        .unwrap();
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .ends_with("to \"Maria Lopez\" (it leaves \"Tom Becker\")"),
        "{:?}",
        a.message
    );
    assert_eq!(a.cast().inferred(lopez), 5);
    assert_eq!(a.cast().inferred(becker), 1, "it left Becker");
    assert_eq!(a.cast().entities[lopez].aliases, ["Maria Lopez", "Lopez"]);
    // A description nobody had linked is attached as one.
    search(&mut a, "the army");
    let effects = a.update(Action::Edit(Edit::AddHit));
    assert!(matches!(
        saved(&effects).last(),
        Some(Correction::AddMention {
            form: Form::Nominal,
            ..
        })
    ));
    assert_eq!(a.cast().inferred(lopez), 6);
    // Again: nothing to add, and nothing saved.
    let effects = a.update(Action::Edit(Edit::AddHit));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::SaveCorrections { .. }))
    );
    assert_eq!(
        a.message.as_deref(),
        Some("\"the army\" is a mention of \"Maria Lopez\" already")
    );
    assert_eq!(a.cast().inferred(lopez), 6);
}

#[test]
fn a_click_on_a_plain_word_then_a_attaches_it() {
    let mut a = app();
    // "the army" is no one's: click "army", then a attaches it to Maria Lopez.
    let army = fixture::TEXT.find("army").unwrap();
    let t = a.geometry.text;
    let (x, y) = (t.x..t.x + t.width)
        .flat_map(|x| (t.y..t.y + t.height).map(move |y| (x, y)))
        .find(|&(x, y)| a.offset_at(x, y) == Some(army + 1))
        .expect("army on screen");
    a.update(Action::MouseClick { column: x, row: y });
    assert_eq!(
        a.search.as_ref().and_then(|s| s.hit.clone()),
        Some(army..army + 4)
    );
    assert_eq!(
        a.message.as_deref(),
        Some("\"army\" · a attaches it to Maria Lopez · A makes it an entity")
    );
    let lopez = a.reading().selected.unwrap();
    let before = a.cast().count(lopez, Scope::Every);
    let effects = a.update(Action::Edit(Edit::AddHit));
    assert!(matches!(
        saved(&effects)[..],
        [Correction::AddMention {
            form: Form::Nominal,
            ..
        }]
    ));
    let lopez = a.reading().selected.unwrap();
    assert_eq!(a.cast().count(lopez, Scope::Every), before + 1);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("the description \"army\""),
        "{:?}",
        a.message
    );
}
