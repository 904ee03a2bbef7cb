//! The reader driven by Actions, as keys and the mouse would drive it.

use super::*;
use crate::domain::corrections::History;
use crate::domain::curation::Curation;
use crate::domain::entity::{Entity, Kind, Mention};
use crate::reader::action::Edit;
use crate::store::sessions::Remembered;

/// A long document where "Alpha" and "Beta" recur, with entities found by plain search.
fn fixture() -> (Document, Cast) {
    let mut text = String::new();
    for i in 0..60 {
        if i % 15 == 3 {
            text.push_str(&format!("Paragraph {i} says Alpha met Beta.\n\n"));
        } else {
            text.push_str(&format!(
                "Paragraph {i} is filler text about nothing much.\n\n"
            ));
        }
    }
    let cast = Cast::found_by_search(&text, &[("Alpha", Kind::Person), ("Beta", Kind::Place)]);
    (Document::from_string("t.txt", text), cast)
}

fn app(width: u16, height: u16) -> App {
    let (doc, cast) = fixture();
    App::with_cast(doc, cast, Options::default(), width, height)
}

fn top_text(app: &App) -> String {
    let (_, span) = app.view[0];
    app.doc().text(span.start..span.end).into_owned()
}

#[test]
fn tab_then_enter_selects_the_entity_under_the_cursor() {
    let mut a = app(100, 20);
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Sidebar);
    assert_eq!(
        a.highlighted(),
        Some(0),
        "the cursor previews the first actor"
    );
    a.update(Action::Select);
    assert_eq!(a.reading().selected, Some(0));
    assert_eq!(a.reading().current, Some(0));
    let m = a.current_mention().unwrap();
    assert!(
        a.on_screen(m.start as usize),
        "the pane scrolled to the first mention"
    );
}

#[test]
fn n_and_shift_n_walk_mentions_and_wrap_round() {
    let mut a = app(100, 20);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    let total = a.cast().entities[0].mentions.len();
    assert_eq!(total, 4);
    for expected in [1, 2, 3, 0] {
        a.update(Action::NextHit);
        assert_eq!(a.reading().current, Some(expected));
        let m = a.current_mention().unwrap();
        assert!(a.on_screen(m.start as usize));
    }
    a.update(Action::PrevHit);
    assert_eq!(a.reading().current, Some(3));
    assert_eq!(a.focus, Focus::Document, "n hands focus back to the text");
}

#[test]
fn moving_the_cursor_previews_and_scrolls_to_that_entity() {
    let mut a = app(100, 10);
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(1)));
    let beta = a.cursor_entity().unwrap();
    assert_eq!(a.cast().entities[beta].name, "Beta");
    assert_eq!(a.highlighted(), Some(beta));
    let first = a.cast().entities[beta].mentions[0].start as usize;
    assert!(a.on_screen(first));
}

#[test]
fn escape_leaves_the_sidebar_then_clears_the_selection() {
    let mut a = app(100, 20);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::Clear);
    assert_eq!(a.focus, Focus::Document);
    assert_eq!(a.reading().selected, Some(0));
    a.update(Action::Clear);
    assert_eq!(a.reading().selected, None);
    assert_eq!(a.highlighted(), None);
}

#[test]
fn n_without_a_selection_says_what_to_do() {
    let mut a = app(100, 20);
    a.update(Action::NextHit);
    assert!(a.message.as_deref().unwrap().contains("select"));
    a.update(Action::Scroll(Amount::Lines(1)));
    assert_eq!(a.message, None);
}

#[test]
fn bottom_and_top() {
    let mut a = app(100, 20);
    a.update(Action::Bottom);
    assert_eq!(a.percent(), 100);
    let shown: Vec<String> = a
        .view
        .iter()
        .map(|(_, s)| a.doc().text(s.start..s.end).into_owned())
        .collect();
    assert_eq!(
        shown.len(),
        a.geometry.text.height as usize,
        "the last screen is full"
    );
    assert!(shown.iter().any(|t| t.starts_with("Paragraph 59 ")));
    assert_eq!(a.view.last().unwrap().1.end, a.doc().len());
    a.update(Action::Top);
    assert_eq!(
        top_text(&a),
        "Paragraph 0 is filler text about nothing much."
    );
}

#[test]
fn pages_scroll_by_a_screen_less_one_row() {
    let mut a = app(100, 20);
    let before = a.view[a.view.len() - 1].1;
    a.update(Action::Scroll(Amount::Pages(1)));
    assert_eq!(
        a.view[0].1, before,
        "the last row stays on screen as the first"
    );
}

#[test]
fn resizing_keeps_the_top_text_in_view() {
    let mut a = app(120, 30);
    a.update(Action::Scroll(Amount::Lines(17)));
    let offset = a.view[0].1.start;
    a.update(Action::Resize {
        width: 45,
        height: 30,
    });
    let (_, first) = a.view[0];
    assert!(first.start <= offset && offset < first.end.max(first.start + 1));
}

#[test]
fn a_narrow_screen_folds_the_sidebar_and_tab_opens_it_as_a_drawer() {
    let mut a = app(50, 20);
    assert!(!a.sidebar_shown());
    a.update(Action::FocusNext);
    assert!(a.sidebar_shown());
    assert_eq!(a.focus, Focus::Sidebar);
    a.update(Action::Select);
    assert!(!a.sidebar_shown(), "choosing closes the drawer");
    assert_eq!(a.reading().selected, Some(0));
}

#[test]
fn too_small_shows_no_rows_but_quits() {
    let mut a = app(20, 5);
    assert!(a.geometry.too_small);
    assert!(a.view.is_empty());
    assert!(matches!(a.update(Action::CloseOrQuit)[..], [Effect::Quit]));
}

#[test]
fn clicking_a_sidebar_row_selects_it() {
    let mut a = app(100, 20);
    let side = a.geometry.sidebar.unwrap();
    // Row 0 of the list is the "Actors" heading, row 1 Alpha; the list starts below a title.
    a.update(Action::MouseClick {
        column: side.x + 3,
        row: side.y + 2,
    });
    assert_eq!(a.reading().selected, Some(0));
}

#[test]
fn clicking_a_mention_in_the_text_selects_its_entity() {
    let mut a = app(100, 20);
    let beta = a.cast().entities[1].mentions[0];
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Clear);
    a.update(Action::Clear);
    let (row, span) = a
        .view
        .iter()
        .enumerate()
        .find(|(_, (_, s))| s.start <= beta.start as usize && (beta.start as usize) < s.end)
        .map(|(i, (_, s))| (i, *s))
        .unwrap();
    let column = a.geometry.text.x + (beta.start as usize - span.start) as u16;
    a.update(Action::MouseClick {
        column,
        row: a.geometry.text.y + row as u16,
    });
    assert_eq!(a.reading().selected, Some(1));
    assert_eq!(a.reading().current, Some(0));
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    let mut a = app(100, 20);
    let before = a.view[0].1;
    a.update(Action::MouseScroll {
        column: 5,
        row: 5,
        lines: 3,
    });
    assert_ne!(a.view[0].1, before);
    let side = a.geometry.sidebar.unwrap();
    let doc_top = a.view[0].1;
    a.update(Action::MouseScroll {
        column: side.x + 2,
        row: 5,
        lines: 1,
    });
    assert_eq!(a.view[0].1, doc_top, "the sidebar scrolled, not the text");
    assert_eq!(a.sidebar_scroll, 1);
}

#[test]
fn progress_then_cast_fills_the_sidebar() {
    let (doc, cast) = fixture();
    let mut a = App::new(vec![doc], Options::default());
    a.update(Action::Resize {
        width: 100,
        height: 20,
    });
    assert_eq!(a.reading().progress, Some(0));
    a.update(Action::Work(Work::Progress {
        doc: 0,
        percent: 43,
    }));
    assert_eq!(a.reading().progress, Some(43));
    a.update(Action::Scroll(Amount::Lines(2)));
    assert_eq!(
        a.reading().progress,
        Some(43),
        "keys work while entities are found"
    );
    a.update(Action::Work(Work::CastReady {
        doc: 0,
        cast: Box::new(cast),
    }));
    assert_eq!(a.reading().progress, None);
    assert_eq!(a.reading().sidebar_rows.len(), 4);
}

fn type_search(a: &mut App, text: &str) {
    a.update(Action::StartSearch);
    for c in text.chars() {
        a.update(Action::PromptInput(c));
    }
}

#[test]
fn search_is_incremental_smart_case_and_n_walks_hits_with_a_counter() {
    let mut a = app(100, 10);
    type_search(&mut a, "alpha");
    assert_eq!(a.mode(), Mode::Prompt);
    let hit = a.search.as_ref().unwrap().hit.clone().unwrap();
    assert_eq!(
        &a.doc().text(hit.clone()),
        "Alpha",
        "lower case matches any case"
    );
    assert!(
        a.on_screen(hit.start),
        "the first hit is on screen while typing"
    );
    let effects = a.update(Action::PromptSubmit);
    assert_eq!(a.mode(), Mode::Reader);
    assert_eq!(a.follow, Follow::Search);
    assert_eq!(
        a.search.as_ref().unwrap().count,
        None,
        "hits are counted after the first hit is drawn"
    );
    let [Effect::AfterFrame(count)] = &effects[..] else {
        panic!("counting waits for the frame: {effects:?}");
    };
    assert!(a.update(count.clone()).is_empty(), "counted once");
    assert_eq!(a.search.as_ref().unwrap().count, Some((0, 4)));
    a.update(Action::NextHit);
    let s = a.search.as_ref().unwrap();
    assert_eq!(s.count, Some((1, 4)));
    assert!(a.on_screen(s.hit.clone().unwrap().start));
    a.update(Action::PrevHit);
    a.update(Action::PrevHit);
    assert_eq!(
        a.search.as_ref().unwrap().count,
        Some((3, 4)),
        "N wraps to the last hit"
    );
    assert_eq!(a.aside, ["wrapped to the end"]);
}

#[test]
fn an_upper_case_query_is_case_sensitive() {
    let mut a = app(100, 10);
    type_search(&mut a, "ALPHA");
    a.update(Action::PromptSubmit);
    assert!(a.search.as_ref().unwrap().hit.is_none());
    assert!(a.message.as_deref().unwrap().starts_with("not found"));
}

#[test]
fn n_follows_whatever_was_asked_for_last() {
    let mut a = app(100, 10);
    type_search(&mut a, "filler");
    a.update(Action::PromptSubmit);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    assert_eq!(
        a.follow,
        Follow::Mentions,
        "selecting an entity hands n back to mentions"
    );
    a.update(Action::NextHit);
    assert_eq!(a.reading().current, Some(1));
    a.update(Action::Clear);
    a.update(Action::Clear);
    assert!(a.search.is_none(), "Esc ends the search");
}

#[test]
fn escape_in_the_prompt_goes_back_to_where_the_search_began() {
    let mut a = app(100, 10);
    let start = a.top_offset();
    type_search(&mut a, "paragraph 50");
    assert_ne!(a.top_offset(), start);
    a.update(Action::Cancel);
    assert_eq!(a.top_offset(), start);
    assert!(a.search.is_none());
    assert_eq!(a.mode(), Mode::Reader);
}

#[test]
fn marks_and_jumping_back() {
    let mut a = app(100, 10);
    a.update(Action::Scroll(Amount::Lines(7)));
    let marked = a.top_offset();
    a.update(Action::BeginMark);
    assert_eq!(a.mode(), Mode::Pending(Pending::Mark));
    a.update(Action::SetMark('a'));
    a.update(Action::Bottom);
    assert_ne!(a.top_offset(), marked);
    a.update(Action::BeginJumpToMark);
    a.update(Action::JumpToMark('a'));
    assert_eq!(a.top_offset(), marked);
    a.update(Action::JumpBack);
    assert_eq!(
        a.percent(),
        100,
        "Ctrl-o goes back to the end, where the jump started"
    );
    a.update(Action::JumpToMark('z'));
    assert_eq!(a.message.as_deref(), Some("no mark z"));
}

fn two_documents() -> App {
    let first = Document::from_string("one.txt", "date 2023-11-08 Alpha speaks.\n".repeat(40));
    let second = Document::from_string("two.txt", "date 2023-11-09 Beta answers.\n".repeat(40));
    let mut a = App::new(vec![first, second], Options::default());
    a.update(Action::Resize {
        width: 100,
        height: 12,
    });
    a
}

#[test]
fn documents_keep_their_place_and_cast_when_switching() {
    let mut a = two_documents();
    let (d0, d1) = (
        a.shelf.get(0).unwrap().doc.clone(),
        a.shelf.get(1).unwrap().doc.clone(),
    );
    a.update(Action::Work(Work::CastReady {
        doc: 1,
        cast: Box::new(cast_of("Beta", &d1)),
    }));
    assert!(
        a.cast().entities.is_empty(),
        "the other document's cast waits on its shelf"
    );
    a.update(Action::Work(Work::CastReady {
        doc: 0,
        cast: Box::new(cast_of("Alpha", &d0)),
    }));
    a.update(Action::Scroll(Amount::Lines(5)));
    let kept = a.top_offset();
    a.update(Action::NextDocument);
    assert_eq!(a.shelf.shown_index(), 1);
    assert_eq!(a.doc().name(), "two.txt");
    assert_eq!(a.cast().entities[0].name, "Beta");
    assert_eq!(a.top_offset(), a.doc().body_start());
    a.update(Action::PrevDocument);
    assert_eq!(a.cast().entities[0].name, "Alpha");
    assert_eq!(a.top_offset(), kept);
    a.update(Action::PrevDocument);
    assert_eq!(
        a.shelf.shown_index(),
        1,
        "moving past the first wraps round"
    );
}

/// A cast of one person found by plain search in `doc`.
fn cast_of(name: &str, doc: &Document) -> Cast {
    let text = doc.text(0..doc.len()).into_owned();
    Cast::new(vec![Entity {
        id: name.into(),
        name: name.into(),
        kind: Kind::Person,
        aliases: vec![],
        mentions: text
            .match_indices(name)
            .map(|(i, _)| Mention::new(i..i + name.len()))
            .collect(),
    }])
}

#[test]
fn a_document_not_shown_yet_resumes_when_shown_whether_its_cast_came_first_or_not() {
    for cast_first in [true, false] {
        let mut a = two_documents();
        let second = a.shelf.get(1).unwrap().doc.clone();
        let at = second.text(0..second.len()).rfind("Beta answers").unwrap();
        let cast = Work::CastReady {
            doc: 1,
            cast: Box::new(cast_of("Beta", &second)),
        };
        let resume = Work::Resume {
            doc: 1,
            memory: Remembered {
                top: at,
                entity: Some("Beta".into()),
                marks: vec![('b', at)],
                pins: Vec::new(),
            },
        };
        let (one, two) = if cast_first {
            (cast, resume)
        } else {
            (resume, cast)
        };
        a.update(Action::Work(one));
        a.update(Action::Work(two));
        assert_eq!(a.shelf.shown_index(), 0, "the first document stays shown");
        a.update(Action::NextDocument);
        let r = a.reading();
        assert_eq!(
            r.selected.map(|e| r.cast.entities[e].name.as_str()),
            Some("Beta"),
            "cast first: {cast_first}"
        );
        assert!(a.on_screen(at), "cast first: {cast_first}");
        assert_eq!(r.marks.get(&'b'), Some(&at));
    }
}

#[test]
fn the_document_list_opens_the_chosen_document() {
    let mut a = two_documents();
    a.update(Action::ToggleShelf);
    assert_eq!(a.mode(), Mode::Shelf);
    a.update(Action::Scroll(Amount::Lines(1)));
    assert_eq!(a.shelf_cursor, 1);
    a.update(Action::Select);
    assert_eq!(a.mode(), Mode::Reader);
    assert_eq!(a.shelf.shown_index(), 1);
}

#[test]
fn a_remembered_session_resumes_unless_the_reader_has_moved() {
    let mut a = app(100, 10);
    let target = a.doc().text(0..a.doc().len()).find("Paragraph 30").unwrap();
    let memory = Remembered {
        top: target,
        entity: Some("Beta".into()),
        marks: vec![('q', 5)],
        pins: Vec::new(),
    };
    a.update(Action::Work(Work::Resume {
        doc: 0,
        memory: memory.clone(),
    }));
    assert_eq!(a.top_offset(), target);
    assert_eq!(
        a.reading()
            .selected
            .map(|e| a.cast().entities[e].name.clone())
            .as_deref(),
        Some("Beta")
    );
    assert_eq!(a.reading().remembered().marks, [('q', 5)]);

    let mut moved = app(100, 10);
    moved.update(Action::Bottom);
    let bottom = moved.top_offset();
    moved.update(Action::Work(Work::Resume { doc: 0, memory }));
    assert_eq!(
        moved.top_offset(),
        bottom,
        "a late resume never yanks the view"
    );
}

#[test]
fn a_count_then_percent_goes_that_far_into_the_text() {
    let mut a = app(100, 10);
    a.update(Action::CountDigit(5));
    a.update(Action::CountDigit(0));
    assert_eq!(a.count, Some(50));
    a.update(Action::GoToPercent);
    assert_eq!(a.count, None);
    let half = a.doc().len() / 2;
    let (_, first) = a.view[0];
    assert!(
        first.start <= half && half < first.end + 60,
        "{} vs {half}",
        first.start
    );
    a.update(Action::JumpBack);
    assert_eq!(a.top_offset(), a.doc().body_start());
    a.update(Action::CountDigit(7));
    a.update(Action::Scroll(Amount::Lines(1)));
    assert_eq!(a.count, None, "any other key drops the count");
}

/// The fixture app with corrections enabled (nowhere to save: the app never saves itself).
fn curated() -> App {
    curated_and_selected(app(100, 20))
}

/// `a` with corrections enabled, its first actor selected and the focus back on the text.
pub(super) fn curated_and_selected(mut a: App) -> App {
    let fresh = Vec::clone(&a.cast().entities);
    let quotes = a.cast().quotes.clone();
    let (curation, ..) = Curation::new(fresh, quotes, History::default(), a.doc());
    a.update(Action::Work(Work::CurationReady {
        doc: 0,
        curation: Box::new(curation),
        error: None,
    }));
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Document);
    a
}

fn names(a: &App) -> Vec<String> {
    a.cast()
        .entities
        .iter()
        .map(|e| format!("{}:{}", e.name, e.kind.as_str()))
        .collect()
}

#[test]
fn renaming_changes_the_name_keeps_the_selection_and_saves_it() {
    let mut a = curated();
    a.update(Action::Edit(Edit::Rename));
    assert_eq!(a.mode(), Mode::Prompt);
    assert_eq!(
        a.prompt.as_deref(),
        Some("Alpha"),
        "the prompt holds the name"
    );
    a.update(Action::PromptInput(' '));
    for c in "Prime".chars() {
        a.update(Action::PromptInput(c));
    }
    assert!(a.search.is_none(), "typing a name is not a search");
    let effects = a.update(Action::PromptSubmit);
    assert!(names(&a).contains(&"Alpha Prime:person".to_string()));
    assert_eq!(
        a.reading()
            .selected
            .map(|e| a.cast().entities[e].name.as_str()),
        Some("Alpha Prime")
    );
    let [Effect::SaveCorrections { doc: 0, history }] = &effects[..] else {
        panic!("a correction is saved at once: {effects:?}");
    };
    assert_eq!(history.active().len(), 1);
    assert!(a.message.as_deref().unwrap().contains("rename"));
}

#[test]
fn kind_hide_undo_and_redo() {
    let mut a = curated();
    a.update(Action::Edit(Edit::BeginSetKind));
    assert_eq!(a.mode(), Mode::Pending(Pending::Kind));
    a.update(Action::Edit(Edit::SetKind(Kind::Organization)));
    assert!(names(&a).contains(&"Alpha:organization".to_string()));
    a.update(Action::Edit(Edit::Hide));
    assert!(!names(&a).iter().any(|n| n.starts_with("Alpha")));
    a.update(Action::Edit(Edit::Undo));
    assert!(
        names(&a).contains(&"Alpha:organization".to_string()),
        "undo brings it back"
    );
    a.update(Action::Edit(Edit::Undo));
    assert!(names(&a).contains(&"Alpha:person".to_string()));
    a.update(Action::Edit(Edit::Redo));
    assert!(names(&a).contains(&"Alpha:organization".to_string()));
    a.update(Action::Edit(Edit::Undo));
    a.update(Action::Edit(Edit::Undo));
    a.update(Action::Edit(Edit::Undo));
    assert_eq!(a.message.as_deref(), Some("nothing to undo"));
}

#[test]
fn merging_the_cursor_entity_into_the_selection() {
    let mut a = curated();
    // Selected: Alpha. Cursor to Beta, then +.
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Edit(Edit::MergeIntoSelection));
    assert_eq!(a.cast().entities.len(), 1);
    let alpha = &a.cast().entities[0];
    assert_eq!(alpha.name, "Alpha");
    assert_eq!(
        alpha.mentions.len(),
        8,
        "Beta's four mentions joined Alpha's four"
    );
}

#[test]
fn a_search_hit_becomes_a_mention_or_a_new_entity() {
    let mut a = curated();
    type_search(&mut a, "filler");
    a.update(Action::PromptSubmit);
    a.update(Action::Edit(Edit::AddHit));
    let alpha = a
        .cast()
        .entities
        .iter()
        .find(|e| e.name == "Alpha")
        .unwrap();
    assert_eq!(alpha.mentions.len(), 5);
    a.update(Action::NextHit);
    a.update(Action::Edit(Edit::BeginNewEntity));
    assert_eq!(a.mode(), Mode::Pending(Pending::NewEntity));
    a.update(Action::Edit(Edit::NewEntity(Kind::Other)));
    assert!(names(&a).contains(&"filler:other".to_string()));
}

#[test]
fn splitting_the_current_mentions_name_off() {
    let mut a = curated();
    a.update(Action::FocusNext);
    a.update(Action::Scroll(Amount::Lines(1)));
    a.update(Action::Edit(Edit::MergeIntoSelection));
    assert_eq!(a.cast().entities.len(), 1);
    // Walk to a mention written "Beta", then split that name off again.
    while a
        .current_mention()
        .map(|m| a.doc().text(m.range()).into_owned())
        .as_deref()
        != Some("Beta")
    {
        a.update(Action::NextHit);
    }
    a.update(Action::Edit(Edit::SplitOrDetach));
    let mut got = names(&a);
    got.sort();
    assert_eq!(got.len(), 2, "{got:?}");
    let beta = a
        .cast()
        .entities
        .iter()
        .find(|e| e.name == "Beta")
        .expect("Beta is back");
    assert_eq!(beta.mentions.len(), 4);
}

#[test]
fn corrections_wait_for_the_cast() {
    let (doc, _) = fixture();
    let mut a = App::new(vec![doc], Options::default());
    a.update(Action::Resize {
        width: 100,
        height: 20,
    });
    a.update(Action::Edit(Edit::Hide));
    assert_eq!(a.message.as_deref(), Some("the cast is still being found"));
}

#[test]
fn q_closes_an_open_panel_and_quits_only_from_the_text() {
    let mut a = app(100, 30);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    for open in [Action::ToggleConnections, Action::ToggleContexts] {
        a.update(open);
        assert!(a.panel().is_some());
        assert!(
            a.update(Action::CloseOrQuit).is_empty(),
            "q closes the panel"
        );
        assert!(a.panel().is_none());
        assert_eq!(a.focus, Focus::Document);
    }
    assert!(matches!(a.update(Action::CloseOrQuit)[..], [Effect::Quit]));
}

#[test]
fn n_goes_on_from_where_the_reader_scrolled_to_and_says_when_it_wraps() {
    let mut a = app(100, 10);
    a.update(Action::FocusNext);
    a.update(Action::Select);
    a.update(Action::Clear);
    assert_eq!(a.reading().current, Some(0));
    // Half way down, the first mention is far above: n takes the next one below the top.
    a.update(Action::CountDigit(5));
    a.update(Action::CountDigit(0));
    a.update(Action::GoToPercent);
    let top = a.top_offset();
    a.update(Action::NextHit);
    let mentions = a.cast().entities[0].mentions.clone();
    let i = a.reading().current.unwrap();
    assert!(i > 0 && mentions[i].start as usize >= top);
    assert!(
        (mentions[i - 1].start as usize) < top,
        "the first below the top"
    );
    assert!(a.aside.is_empty());
    a.update(Action::Bottom);
    while a.reading().current != Some(mentions.len() - 1) {
        a.update(Action::NextHit);
    }
    a.update(Action::NextHit);
    assert_eq!(a.reading().current, Some(0));
    assert_eq!(a.aside, ["wrapped to the top"]);
    a.update(Action::PrevHit);
    assert_eq!(a.aside, ["wrapped to the end"]);
}
