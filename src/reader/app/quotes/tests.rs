//! The quotations list, the walk through it and the speaker correction, driven by Actions.

use super::*;
use crate::domain::cast::Cast;
use crate::domain::corrections::History;
use crate::domain::curation::Curation;
use crate::domain::document::Document;
use crate::domain::entity::Kind as EntityKind;
use crate::domain::quotes::{ByteSpan, Kind, Quote, Quotes};
use crate::reader::action::{Action, Amount, Edit, Effect, Work};
use crate::reader::app::Options;

/// Ana Ruiz speaks at the top and far below, Bo Lind reports in between, and a scare quote
/// at the end has no speaker.
fn text() -> String {
    let mut t = String::from(
        "date 2023-11-08 Talks\n\n\"We will not accept a pause,\" Ana Ruiz said on Tuesday.\n\n",
    );
    for i in 0..30 {
        t.push_str(&format!("Filler paragraph {i} says nothing at all.\n\n"));
    }
    t.push_str("Bo Lind said the talks had failed.\n\n");
    for i in 30..60 {
        t.push_str(&format!("Filler paragraph {i} says nothing at all.\n\n"));
    }
    t.push_str("\"It is over,\" Ana Ruiz added.\n\nOfficials called it a \"tactical pause\".\n");
    t
}

fn span(text: &str, words: &str) -> ByteSpan {
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("{words} in the text"));
    ByteSpan {
        start: start as u32,
        end: (start + words.len()) as u32,
    }
}

fn cast(text: &str) -> Cast {
    let found = Cast::found_by_search(
        text,
        &[
            ("Ana Ruiz", EntityKind::Person),
            ("Bo Lind", EntityKind::Person),
            ("Tuesday", EntityKind::Date),
        ],
    );
    let mention = |e: usize, i: usize| found.entities[e].mentions[i];
    let quote = |words: &str, kind, cue: Option<&str>, who: Option<(usize, usize)>| {
        let s = span(text, words);
        Quote {
            start: s.start,
            end: s.end,
            kind,
            cue: cue.map(|c| {
                let from = s.end as usize;
                let at = from + text[from..].find(c).unwrap();
                ByteSpan {
                    start: at as u32,
                    end: (at + c.len()) as u32,
                }
            }),
            speaker: who.map(|(e, _)| e as u32),
            named_by: who.map(|(e, i)| mention(e, i)),
        }
    };
    let bo_said = span(text, "said the talks");
    let reported = {
        let s = span(text, "the talks had failed");
        Quote {
            start: s.start,
            end: s.end,
            kind: Kind::Indirect,
            cue: Some(ByteSpan {
                start: bo_said.start,
                end: bo_said.start + 4,
            }),
            speaker: Some(1),
            named_by: Some(mention(1, 0)),
        }
    };
    let quotes = Quotes::new(vec![
        quote(
            "We will not accept a pause,",
            Kind::Direct,
            Some("said"),
            Some((0, 0)),
        ),
        reported,
        quote("It is over,", Kind::Direct, Some("added"), Some((0, 1))),
        quote("tactical pause", Kind::Direct, None, None),
    ]);
    Cast::with_quotes(std::sync::Arc::unwrap_or_clone(found.entities), quotes)
}

fn app() -> App {
    let text = text();
    let cast = cast(&text);
    App::with_cast(
        Document::from_string("talks.txt", text),
        cast,
        Options::default(),
        100,
        30,
    )
}

/// With corrections enabled (the app never saves by itself: it asks).
fn curated() -> App {
    let mut a = app();
    let (curation, ..) = Curation::new(
        Vec::clone(&a.cast().entities),
        a.cast().quotes.clone(),
        History::default(),
        a.doc(),
    );
    a.update(Action::Work(Work::CurationReady {
        doc: 0,
        curation: Box::new(curation),
        error: None,
    }));
    a
}

fn select(a: &mut App, name: &str) {
    let e = a.reading().find(name).unwrap();
    a.select(e, None);
}

fn listed(a: &App) -> Vec<String> {
    a.panel()
        .unwrap()
        .list()
        .rows
        .iter()
        .map(|r| match *r {
            Row::Quote(q) => a.doc().text(a.cast().quotes[q].range()).into_owned(),
            other => format!("{other:?}"),
        })
        .collect()
}

fn status(a: &App) -> String {
    crate::reader::ui::status_message(a)
}

fn speaker_of(a: &App, words: &str) -> Option<String> {
    let q = a
        .cast()
        .quotes
        .iter()
        .find(|q| a.doc().text(q.range()) == words)
        .unwrap();
    q.speaker().map(|s| a.cast().entities[s].name.clone())
}

#[test]
fn the_key_lists_what_the_selection_said_and_enter_walks_it_with_n() {
    let mut a = app();
    select(&mut a, "Ana Ruiz");
    a.update(Action::ToggleQuotes);
    assert_eq!(a.focus, Focus::Panel);
    assert_eq!(listed(&a), ["We will not accept a pause,", "It is over,"]);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Select);
    let over = a.cast().quotes[2].start as usize;
    assert!(a.on_screen(over), "Enter jumps to the quotation");
    assert_eq!(status(&a), "Ana Ruiz · quote 2/2");
    assert_eq!(a.focus, Focus::Panel, "the list stays open to walk");
    a.update(Action::NextHit);
    assert_eq!(
        status(&a),
        "Ana Ruiz · quote 1/2 · wrapped to the first quotation"
    );
    assert!(a.on_screen(a.cast().quotes[0].start as usize));
    assert_eq!(
        a.panel().unwrap().list().cursor,
        0,
        "the list's cursor follows n"
    );
    a.update(Action::PrevHit);
    assert_eq!(
        status(&a),
        "Ana Ruiz · quote 2/2 · wrapped to the last quotation"
    );
}

#[test]
fn the_key_on_a_date_lists_every_quotation_and_says_why() {
    let mut a = app();
    select(&mut a, "Tuesday");
    a.update(Action::ToggleQuotes);
    assert_eq!(listed(&a).len(), 4, "{:?}", listed(&a));
    assert_eq!(
        a.message.as_deref(),
        Some("Tuesday is a date: every quotation")
    );
}

#[test]
fn the_key_again_lists_every_quotation_then_those_with_no_speaker_then_closes() {
    let mut a = app();
    a.update(Action::ToggleQuotes);
    assert_eq!(
        listed(&a),
        [
            "We will not accept a pause,",
            "the talks had failed",
            "It is over,",
            "tactical pause"
        ],
        "with nothing selected, every quotation"
    );
    a.update(Action::ToggleQuotes);
    assert_eq!(listed(&a), ["tactical pause"]);
    a.update(Action::ToggleQuotes);
    assert!(a.panel().is_none());
    assert_eq!(a.focus, Focus::Document);

    select(&mut a, "Bo Lind");
    a.update(Action::ToggleQuotes);
    assert_eq!(listed(&a), ["the talks had failed"]);
    a.update(Action::ToggleQuotes);
    assert_eq!(listed(&a).len(), 4);
    assert_eq!(
        a.panel().unwrap().list().cursor,
        1,
        "the cursor stays on the quotation it was on"
    );
}

#[test]
fn entering_a_quotation_of_every_one_selects_its_speaker_and_esc_ends_the_walk() {
    let mut a = app();
    a.update(Action::ToggleQuotes);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Select);
    let bo = a.reading().find("Bo Lind");
    assert_eq!(a.reading().selected, bo, "its speaker is selected");
    assert_eq!(status(&a), "quote 2/4 · Bo Lind");
    a.update(Action::NextHit);
    a.update(Action::NextHit);
    assert_eq!(status(&a), "quote 4/4 · no speaker");
    assert_eq!(
        a.reading().selected,
        bo,
        "a quotation with no speaker leaves the selection"
    );
    // Esc closes the list, then ends the walk: n walks mentions again.
    a.update(Action::Clear);
    assert!(a.panel().is_none());
    assert!(a.quote_walk().is_some());
    a.update(Action::Clear);
    assert!(a.quote_walk().is_none());
    a.update(Action::NextHit);
    assert!(
        status(&a).starts_with("Bo Lind · mention"),
        "{}",
        status(&a)
    );
}

#[test]
fn the_list_follows_the_selection_and_a_new_selection_ends_the_walk() {
    let mut a = app();
    select(&mut a, "Ana Ruiz");
    a.update(Action::ToggleQuotes);
    a.update(Action::Select);
    assert!(a.quote_walk().is_some());
    select(&mut a, "Bo Lind");
    assert_eq!(listed(&a), ["the talks had failed"]);
    assert!(a.quote_walk().is_none(), "n walks Bo Lind's mentions");
}

#[test]
fn s_gives_the_quotation_under_the_cursor_to_the_selection_and_undo_takes_it_back() {
    let mut a = curated();
    select(&mut a, "Bo Lind");
    a.update(Action::ToggleQuotes);
    a.update(Action::ToggleQuotes);
    a.update(Action::ToggleQuotes);
    assert_eq!(listed(&a), ["tactical pause"]);
    let effects = a.update(Action::Edit(Edit::Speaker));
    let [Effect::SaveCorrections { history, .. }] = &effects[..] else {
        panic!("the correction is saved at once: {effects:?}");
    };
    assert_eq!(history.active().len(), 1);
    assert_eq!(speaker_of(&a, "tactical pause").as_deref(), Some("Bo Lind"));
    assert_eq!(
        a.reading().quote_counts[a.reading().find("Bo Lind").unwrap()],
        2
    );
    assert!(
        listed(&a).is_empty(),
        "the list of quotations with no speaker is shown again, without it"
    );
    a.update(Action::Edit(Edit::Undo));
    assert_eq!(speaker_of(&a, "tactical pause"), None);
    assert_eq!(listed(&a), ["tactical pause"]);
    a.update(Action::Edit(Edit::Redo));
    assert_eq!(speaker_of(&a, "tactical pause").as_deref(), Some("Bo Lind"));
}

#[test]
fn s_on_the_selections_own_quotation_takes_its_speaker_away() {
    let mut a = curated();
    select(&mut a, "Ana Ruiz");
    a.update(Action::ToggleQuotes);
    a.update(Action::Select);
    a.update(Action::Edit(Edit::Speaker));
    assert_eq!(speaker_of(&a, "We will not accept a pause,"), None);
    assert!(
        a.message.as_deref().unwrap().contains("to nobody"),
        "{:?}",
        a.message
    );
    assert_eq!(listed(&a), ["It is over,"], "her list without it");
    assert_eq!(
        a.reading().selected,
        a.reading().find("Ana Ruiz"),
        "the selection stays"
    );
    assert_eq!(status(&a).split(" · ").next(), Some("Ana Ruiz"));
}

#[test]
fn s_from_the_cast_gives_the_listed_quotation_to_the_entity_under_the_cast_cursor() {
    let mut a = curated();
    select(&mut a, "Ana Ruiz");
    a.update(Action::ToggleQuotes);
    // To the cast, the cursor on Bo Lind (not selected), S.
    a.update(Action::FocusNext);
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Sidebar);
    let bo = a.reading().find("Bo Lind").unwrap();
    a.cursor_to_entity(bo);
    a.update(Action::Edit(Edit::Speaker));
    assert_eq!(
        speaker_of(&a, "We will not accept a pause,").as_deref(),
        Some("Bo Lind")
    );
}

#[test]
fn s_says_what_to_do_without_a_quotation_or_a_speaker() {
    let mut a = curated();
    a.update(Action::Edit(Edit::Speaker));
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("open the quotations")
    );
    a.update(Action::ToggleQuotes);
    a.update(Action::ToggleQuotes);
    a.update(Action::Edit(Edit::Speaker));
    assert!(
        a.message.as_deref().unwrap().contains("select who said it"),
        "{:?}",
        a.message
    );
}

#[test]
fn s_does_not_give_a_quotation_to_a_date() {
    let mut a = curated();
    select(&mut a, "Tuesday");
    a.update(Action::ToggleQuotes);
    a.update(Action::ToggleQuotes);
    let effects = a.update(Action::Edit(Edit::Speaker));
    assert!(effects.is_empty(), "nothing saved: {effects:?}");
    assert_eq!(
        a.message.as_deref(),
        Some("Tuesday is a date: select who said it, then S")
    );
    assert_eq!(
        speaker_of(&a, "We will not accept a pause,").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn the_lists_header_counts_what_it_lists() {
    let a = app();
    for scope in [
        QuoteScope::Said(a.reading().find("Ana Ruiz").unwrap()),
        QuoteScope::Said(a.reading().find("Tuesday").unwrap()),
        QuoteScope::Every,
        QuoteScope::Nobody,
    ] {
        assert_eq!(a.quote_count(scope), a.quotes_in(scope).len(), "{scope:?}");
    }
}

#[test]
fn after_s_takes_the_walked_quotation_away_n_and_shift_n_go_on_from_where_it_was() {
    let mut a = curated();
    select(&mut a, "Ana Ruiz");
    a.update(Action::ToggleQuotes);
    a.update(Action::Select);
    a.update(Action::Edit(Edit::Speaker));
    assert!(
        status(&a).starts_with("Ana Ruiz · quote –/1"),
        "{}",
        status(&a)
    );
    a.update(Action::NextHit);
    assert_eq!(status(&a), "Ana Ruiz · quote 1/1");
    assert!(a.on_screen(a.cast().quotes[2].start as usize));
    a.update(Action::NextHit);
    assert_eq!(
        status(&a),
        "Ana Ruiz · quote 1/1",
        "a walk of one says nothing of wrapping"
    );
    a.update(Action::Edit(Edit::Undo));
    a.update(Action::PrevHit);
    assert_eq!(status(&a), "Ana Ruiz · quote 1/2");
    a.update(Action::PrevHit);
    assert_eq!(
        status(&a),
        "Ana Ruiz · quote 2/2 · wrapped to the last quotation"
    );
}

#[test]
fn s_in_another_list_does_not_reach_the_quotation_walked_to() {
    let mut a = curated();
    select(&mut a, "Ana Ruiz");
    a.update(Action::ToggleQuotes);
    a.update(Action::Select);
    a.update(Action::ToggleContexts);
    assert_eq!(a.focus, Focus::Panel);
    let effects = a.update(Action::Edit(Edit::Speaker));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("open the quotations"),
        "{:?}",
        a.message
    );
    assert_eq!(
        speaker_of(&a, "We will not accept a pause,").as_deref(),
        Some("Ana Ruiz")
    );
    // From the text, S acts on the quotation walked to.
    a.update(Action::Clear);
    assert!(a.quote_walk().is_some());
    a.update(Action::Edit(Edit::Speaker));
    assert_eq!(speaker_of(&a, "We will not accept a pause,"), None);
}

#[test]
fn when_s_takes_away_the_only_quotation_walked_the_status_says_none_is_left_and_n_walks_mentions() {
    let mut a = curated();
    select(&mut a, "Bo Lind");
    a.update(Action::ToggleQuotes);
    a.update(Action::Select);
    assert_eq!(status(&a), "Bo Lind · quote 1/1");
    a.update(Action::Edit(Edit::Speaker));
    assert!(
        status(&a).starts_with("Bo Lind · no quotation left · "),
        "{}",
        status(&a)
    );
    a.update(Action::NextHit);
    assert!(
        a.quote_walk().is_none(),
        "nothing left to walk: n walks mentions"
    );
    assert!(
        status(&a).starts_with("Bo Lind · mention 1/1"),
        "{}",
        status(&a)
    );
}
