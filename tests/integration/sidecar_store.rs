//! Where corrections are saved and how they are found again.

use crate::common;

use std::fs;

use common::Scratch;
use dramatis::domain::corrections::{Correction, History, Key, Span};
use dramatis::domain::document::Document;
use dramatis::domain::entity::Kind;
use dramatis::store::sidecar::{Sidecar, Sidecars, content_hash};

fn history(n: usize) -> History {
    let mut h = History::default();
    for i in 0..n {
        h.push(Correction::Rename {
            entity: Key {
                name: format!("e{i}"),
                kind: Kind::Person,
                at: None,
            },
            name: format!("E{i}"),
        });
    }
    h
}

#[test]
fn saved_beside_the_document_and_found_again_even_after_an_edit() {
    let s = Scratch::new("store-beside");
    let path = s.file("story.txt", "Alice met Bob.");
    let data = s.0.join("data");
    let doc = Document::from_string("story.txt", "Alice met Bob.");
    let (mut car, found) = Sidecar::open(&doc, Some(&path), Some(&data)).unwrap();
    assert!(found.from.is_none() && found.history == History::default());
    let mut h = history(2);
    h.undo();
    let written = car.save(&h).unwrap();
    assert_eq!(written, s.0.join("story.txt.dramatis.json"));
    let text = fs::read_to_string(&written).unwrap();
    assert!(
        text.contains(&format!(
            "\"hash\": \"{:016x}\"",
            content_hash(b"Alice met Bob.")
        )),
        "{text}"
    );
    assert!(!data.exists(), "nothing in the data directory");

    let (_, found) = Sidecar::open(&doc, Some(&path), Some(&data)).unwrap();
    assert_eq!(found.history, h, "undone corrections too, for redo");
    assert!(!found.changed);

    let edited = Document::from_string("story.txt", "Alice met Bob twice.");
    let (mut car, found) = Sidecar::open(&edited, Some(&path), Some(&data)).unwrap();
    assert!(found.changed);
    assert_eq!(found.history, h);
    assert_eq!(car.save(&h).unwrap(), written);
    let (_, found) = Sidecar::open(&edited, Some(&path), Some(&data)).unwrap();
    assert!(!found.changed, "saved against the new content");
}

#[test]
fn a_read_only_directory_sends_corrections_to_the_data_directory() {
    // /proc is read-only even for root, which ignores permission bits.
    let doc_path = std::path::Path::new("/proc/version");
    if !doc_path.exists() {
        return;
    }
    let s = Scratch::new("store-readonly");
    let data = s.0.join("data").join("dramatis");
    let doc = Document::from_string("/proc/version", "some text");
    let (mut car, _) = Sidecar::open(&doc, Some(doc_path), Some(&data)).unwrap();
    let written = car.save(&history(1)).unwrap();
    assert_eq!(
        written,
        data.join(format!("{:016x}.json", content_hash(b"some text")))
    );

    let (_, found) = Sidecar::open(&doc, Some(doc_path), Some(&data)).unwrap();
    assert_eq!(found.from.as_deref(), Some(written.as_path()));
    assert!(!found.changed);

    // The document changed: its hash did too, but the file names its path.
    let edited = Document::from_string("/proc/version", "other text");
    let (mut car, found) = Sidecar::open(&edited, Some(doc_path), Some(&data)).unwrap();
    assert_eq!(found.from.as_deref(), Some(written.as_path()));
    assert!(found.changed);
    let again = car.save(&history(2)).unwrap();
    assert_ne!(again, written);
    assert!(!written.exists(), "the old content's sidecar is superseded");
    let (_, found) = Sidecar::open(&edited, Some(doc_path), Some(&data)).unwrap();
    assert_eq!(found.history, history(2));
}

#[test]
fn an_unreadable_sidecar_is_an_error_and_is_left_alone() {
    let s = Scratch::new("store-corrupt");
    let path = s.file("a.txt", "text");
    let side = s.file(
        "a.txt.dramatis.json",
        "{\"dramatis_corrections\": 1, \"done\": [",
    );
    let doc = Document::from_string("a.txt", "text");
    let err = Sidecar::open(&doc, Some(&path), None).unwrap_err();
    assert!(
        format!("{err:#}").contains("cannot read corrections from"),
        "{err:#}"
    );
    assert_eq!(
        fs::read_to_string(&side).unwrap(),
        "{\"dramatis_corrections\": 1, \"done\": ["
    );

    // A newer format is named as such, even when it holds a correction this one cannot read.
    fs::write(
        &side,
        r#"{"dramatis_corrections": 9, "document": "a", "hash": "0", "bytes": 4, "done": [{"op": "teleport"}]}"#,
    )
    .unwrap();
    let err = Sidecar::open(&doc, Some(&path), None).unwrap_err();
    assert!(format!("{err:#}").contains("newer dramatis"), "{err:#}");
}

#[test]
fn a_file_with_forms_is_format_2_and_one_without_stays_readable_by_format_1() {
    let s = Scratch::new("store-forms");
    let text = "Ana Ruiz spoke. She left.";
    let path = s.file("f.txt", text);
    let doc = Document::from_string("f.txt", text);
    let (mut car, _) = Sidecar::open(&doc, Some(&path), None).unwrap();
    let written = car.save(&history(1)).unwrap();
    let saved = fs::read_to_string(&written).unwrap();
    assert!(saved.contains("\"dramatis_corrections\": 1"), "{saved}");

    let mut h = history(1);
    h.push(Correction::Detach {
        entity: Key {
            name: "Ana Ruiz".into(),
            kind: Kind::Person,
            at: None,
        },
        span: Span {
            start: 16,
            end: 19,
            text: "She".into(),
        },
    });
    car.save(&h).unwrap();
    let saved = fs::read_to_string(&written).unwrap();
    assert!(saved.contains("\"dramatis_corrections\": 2"), "{saved}");
    assert!(saved.contains("\"op\": \"detach\""), "{saved}");
    let (_, found) = Sidecar::open(&doc, Some(&path), None).unwrap();
    assert_eq!(found.history, h);
    // Undone, it is still kept (for redo): the file stays format 2.
    h.undo();
    car.save(&h).unwrap();
    let saved = fs::read_to_string(&written).unwrap();
    assert!(saved.contains("\"dramatis_corrections\": 2"), "{saved}");
}

#[test]
fn temporary_files_of_dead_writers_are_cleared_on_opening() {
    let s = Scratch::new("store-temps");
    let path = s.file("a.txt", "text");
    let doc = Document::from_string("a.txt", "text");
    let (mut car, _) = Sidecar::open(&doc, Some(&path), None).unwrap();
    car.save(&history(1)).unwrap();
    // No process has pid 4194304 + 1 (above Linux's pid_max).
    let dead = s.file(".a.txt.dramatis.json.4194305.0.tmp", "{");
    let mine = s.file(
        &format!(".a.txt.dramatis.json.{}.7.tmp", std::process::id()),
        "{",
    );
    Sidecar::open(&doc, Some(&path), None).unwrap();
    if std::path::Path::new("/proc/self").exists() {
        assert!(!dead.exists());
    }
    assert!(mine.exists(), "a live writer's file is kept");
}

#[test]
fn each_document_saves_through_its_own_sidecar_and_one_without_saves_nothing() {
    let s = Scratch::new("store-sidecars");
    let first = s.file("first.txt", "Alice met Bob.");
    let second = s.file("second.txt", "Carol met Dave.");
    let data = s.0.join("data");
    let mut sidecars = Sidecars::default();
    for (doc, path) in [(0, &first), (2, &second)] {
        let text = fs::read_to_string(path).unwrap();
        let d = Document::from_string(path.display().to_string(), text);
        let (car, _) = Sidecar::open(&d, Some(path), Some(&data)).unwrap();
        sidecars.keep(doc, car);
    }
    sidecars.save(2, &history(1)).unwrap();
    sidecars.save(1, &history(3)).unwrap();
    assert!(!s.0.join("first.txt.dramatis.json").exists());
    let saved = fs::read_to_string(s.0.join("second.txt.dramatis.json")).unwrap();
    assert!(
        saved.contains("\"E0\"") && !saved.contains("\"E1\""),
        "{saved}"
    );
    assert!(
        !data.exists(),
        "document 1 has no sidecar: nothing written anywhere"
    );
}
