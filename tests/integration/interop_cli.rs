//! `dramatis extract` with formats, annotations and saved corrections: the real binary.

use crate::common;

use std::process::Output;

use common::Scratch;
use dramatis::domain::corrections::{Correction, History, Key, Span};
use dramatis::domain::document::Document;
use dramatis::domain::entity::{Form, Kind};
use dramatis::store::sidecar::Sidecar;
use serde_json::Value;

const TEXT: &str = "🎉 Officials of Hamas met Israel in Doha. Hamas said Israel agreed.\n";

fn run(args: &[&str], scratch: &Scratch) -> Output {
    std::process::Command::new(common::bin())
        .args(args)
        .env("XDG_DATA_HOME", scratch.0.join("data"))
        .env("HOME", scratch.0.join("home"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn cp(word: &str, nth: usize) -> (usize, usize) {
    let byte = TEXT.match_indices(word).nth(nth).unwrap().0;
    let s = TEXT[..byte].chars().count();
    (s, s + word.chars().count())
}

/// A displaCy-shaped annotation file for TEXT.
fn annotations() -> String {
    let ents: Vec<Value> = [
        ("Hamas", 0, "ORG"),
        ("Israel", 0, "GPE"),
        ("Doha", 0, "GPE"),
        ("Hamas", 1, "ORG"),
        ("Israel", 1, "GPE"),
    ]
    .iter()
    .map(|&(w, n, l)| {
        let (s, e) = cp(w, n);
        serde_json::json!({"start": s, "end": e, "label": l})
    })
    .collect();
    format!("{}\n", serde_json::json!({"text": TEXT, "ents": ents}))
}

/// (name, kind, mention byte ranges) of each entity of one `extract --json` line.
type Row = (String, String, Vec<(u64, u64)>);

fn entities(json_line: &str) -> Vec<Row> {
    let v: Value = serde_json::from_str(json_line).unwrap();
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let ms = e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap()))
                .collect();
            (
                e["name"].as_str().unwrap().into(),
                e["kind"].as_str().unwrap().into(),
                ms,
            )
        })
        .collect()
}

#[test]
fn json_is_the_default_and_json_flag_stays_an_alias() {
    let s = Scratch::new("cli-json");
    let doc = s.file("a.txt", TEXT);
    let doc = doc.to_str().unwrap();
    let plain = run(&["extract", doc], &s);
    let flag = run(&["extract", "--json", doc], &s);
    let format = run(&["extract", "--format", "json", doc], &s);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert_eq!(stdout(&plain), stdout(&flag));
    assert_eq!(stdout(&plain), stdout(&format));
    let clash = run(&["extract", "--json", "--format", "brat", doc], &s);
    assert!(!clash.status.success());
    let two = run(&["extract", "--format", "brat", doc, doc], &s);
    assert!(!two.status.success());
    assert!(
        stderr(&two).contains("brat pairs one .ann with one document"),
        "{}",
        stderr(&two)
    );
}

#[test]
fn annotations_replace_the_extractor_and_every_format_reads_back() {
    let s = Scratch::new("cli-annotations");
    let doc = s.file("a.txt", TEXT);
    let doc = doc.to_str().unwrap();
    let ann = s.file("a.jsonl", annotations());
    let base = run(
        &[
            "extract",
            "--annotations",
            ann.to_str().unwrap(),
            "--json",
            doc,
        ],
        &s,
    );
    assert!(base.status.success(), "{}", stderr(&base));
    let got = entities(&stdout(&base));
    assert_eq!(got[0].0, "Hamas");
    assert_eq!(got[0].1, "organization");
    assert_eq!(got[0].2.len(), 2);
    assert!(
        got.iter().any(|e| e.0 == "Israel" && e.1 == "country"),
        "a GPE known as a country"
    );
    assert!(
        got.iter().any(|e| e.0 == "Doha" && e.1 == "place"),
        "any other GPE"
    );
    let hamas = TEXT.find("Hamas").unwrap() as u64;
    assert_eq!(got[0].2[0], (hamas, hamas + 5), "byte offsets in the JSON");

    for (format, file) in [
        ("brat", "out.ann"),
        ("displacy", "out.jsonl"),
        ("conll", "out.conll"),
        ("json", "out.json"),
    ] {
        let out = run(
            &[
                "extract",
                "--annotations",
                ann.to_str().unwrap(),
                "--format",
                format,
                doc,
            ],
            &s,
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let exported = s.file(file, out.stdout);
        let back = run(
            &["extract", "--annotations", exported.to_str().unwrap(), doc],
            &s,
        );
        assert!(back.status.success(), "{format}: {}", stderr(&back));
        assert_eq!(entities(&stdout(&back)), got, "{format}");
    }
}

#[test]
fn a_span_that_does_not_match_is_reported_with_its_line_and_the_status_says_so() {
    let s = Scratch::new("cli-mismatch");
    let doc = s.file("a.txt", TEXT.replace("Hamas said", "Hamad said"));
    let ann = s.file("annotations.jsonl", format!("\n\n{}", annotations()));
    let out = run(
        &[
            "extract",
            "--annotations",
            ann.to_str().unwrap(),
            doc.to_str().unwrap(),
        ],
        &s,
    );
    assert!(!out.status.success());
    let (a, b) = cp("Hamas", 1);
    let want = format!(
        "dramatis: {}:3: span {a}..{b} \"Hamas\" does not match the document (\"Hamad\")",
        ann.display()
    );
    assert!(stderr(&out).lines().any(|l| l == want), "{}", stderr(&out));
    // The rest is still there.
    let got = entities(&stdout(&out));
    assert_eq!(got.iter().find(|e| e.0 == "Hamas").unwrap().2.len(), 1);
}

#[test]
fn saved_corrections_apply_to_extract_unless_told_not_to() {
    let s = Scratch::new("cli-corrections");
    let path = s.file("a.txt", TEXT);
    let ann = s.file("a.jsonl", annotations());
    let doc = Document::from_string(path.to_str().unwrap(), TEXT);
    let key = |name: &str, kind| Key {
        name: name.into(),
        kind,
        at: None,
    };
    let mut history = History::default();
    history.push(Correction::Rename {
        entity: key("Hamas", Kind::Organization),
        name: "Hamas movement".into(),
    });
    history.push(Correction::SetKind {
        entity: key("Doha", Kind::Place),
        kind: Kind::Organization,
    });
    history.push(Correction::Hide {
        entity: key("Gaza", Kind::Place),
    });
    let (mut sidecar, found) = Sidecar::open(&doc, Some(&path), Some(&s.0.join("data"))).unwrap();
    assert!(found.from.is_none());
    let saved = sidecar.save(&history).unwrap();
    assert_eq!(
        saved,
        s.0.join("a.txt.dramatis.json"),
        "next to the document"
    );

    let args = [
        "extract",
        "--annotations",
        ann.to_str().unwrap(),
        path.to_str().unwrap(),
    ];
    let out = run(&args, &s);
    assert!(
        out.status.success(),
        "unfit corrections are not failures: {}",
        stderr(&out)
    );
    let got = entities(&stdout(&out));
    assert_eq!(got[0].0, "Hamas movement");
    assert!(got.iter().any(|e| e.0 == "Doha" && e.1 == "organization"));
    let err = stderr(&out);
    assert!(
        err.contains(
            "correction 3 (hide \"Gaza\") no longer fits: no place named \"Gaza\" any more"
        ),
        "{err}"
    );
    let skip = run(&[&args[..], &["--no-corrections"]].concat(), &s);
    assert_eq!(entities(&stdout(&skip))[0].0, "Hamas");
    assert_eq!(stderr(&skip), "");
}

#[test]
fn a_detached_pronoun_and_an_attached_description_are_kept_by_extract() {
    let s = Scratch::new("cli-forms");
    let text = "Maria Lopez, the defence secretary, visited Boston. She said the army was \
                ready. Lopez thanked the troops.\n";
    let path = s.file("f.txt", text);
    let doc = Document::from_string(path.to_str().unwrap(), text);
    let span = |word: &str| {
        let start = text.find(word).unwrap() as u32;
        Span {
            start,
            end: start + word.len() as u32,
            text: word.into(),
        }
    };
    let lopez = Key {
        name: "Maria Lopez".into(),
        kind: Kind::Person,
        at: None,
    };
    let before = run(&["extract", "--json", path.to_str().unwrap()], &s);
    let forms = |out: &Output| -> Vec<(String, String)> {
        let v: Value = serde_json::from_str(&stdout(out)).unwrap();
        let e = &v["entities"][0];
        assert_eq!(e["name"], "Maria Lopez");
        assert_eq!(e["aliases"], serde_json::json!(["Maria Lopez", "Lopez"]));
        e["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                let form = m["form"].as_str().unwrap_or("name");
                (m["text"].as_str().unwrap().into(), form.into())
            })
            .collect()
    };
    let pair = |t: &str, f: &str| (t.to_string(), f.to_string());
    assert!(
        forms(&before).contains(&pair("She", "pronoun")),
        "the extractor links the pronoun: {:?}",
        forms(&before)
    );
    let mut history = History::default();
    history.push(Correction::Detach {
        entity: lopez.clone(),
        span: span("She"),
    });
    history.push(Correction::AddMention {
        entity: lopez,
        span: span("the army"),
        form: Form::Nominal,
    });
    let (mut sidecar, _) = Sidecar::open(&doc, Some(&path), Some(&s.0.join("data"))).unwrap();
    sidecar.save(&history).unwrap();
    let after = run(&["extract", "--json", path.to_str().unwrap()], &s);
    assert_eq!(stderr(&after), "", "both corrections fit");
    let got = forms(&after);
    assert!(!got.contains(&pair("She", "pronoun")), "{got:?}");
    assert!(got.contains(&pair("the army", "nominal")), "{got:?}");
    assert!(got.contains(&pair("Lopez", "name")), "{got:?}");
}

#[test]
fn standard_input_finds_its_corrections_by_content_hash() {
    use std::io::Write;

    let s = Scratch::new("cli-stdin");
    let doc = Document::from_string("-", TEXT);
    let data = s.0.join("data").join("dramatis");
    let mut history = History::default();
    history.push(Correction::Hide {
        entity: Key {
            name: "Doha".into(),
            kind: Kind::Place,
            at: None,
        },
    });
    let (mut sidecar, _) = Sidecar::open(&doc, None, Some(&data)).unwrap();
    let saved = sidecar.save(&history).unwrap();
    assert_eq!(saved.parent().unwrap(), data);
    let ann = s.file("a.jsonl", annotations());
    let mut child = std::process::Command::new(common::bin())
        .args(["extract", "--annotations", ann.to_str().unwrap(), "-"])
        .env("XDG_DATA_HOME", s.0.join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(TEXT.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = entities(&stdout(&out)).into_iter().map(|e| e.0).collect();
    assert!(names.contains(&"Hamas".to_string()), "{names:?}");
    assert!(!names.contains(&"Doha".to_string()), "{names:?}");
    assert_eq!(stderr(&out), "");
}

#[test]
fn the_reader_shows_imported_entities_when_piped() {
    let s = Scratch::new("cli-reader");
    let doc = s.file("a.txt", TEXT);
    let ann = s.file("a.jsonl", annotations());
    let out = run(
        &[
            "--annotations",
            ann.to_str().unwrap(),
            doc.to_str().unwrap(),
        ],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let cast = text.split("# cast: kind, name, mentions\n").nth(1).unwrap();
    assert_eq!(
        cast,
        "organization\tHamas\t2\ncountry\tIsrael\t2\nplace\tDoha\t1\n"
    );
}

/// The speaker of a quotation, as `extract --json` gives it: the name of its entity, or none.
fn speakers(json: &str, text: &str) -> Vec<(String, Option<String>)> {
    let doc: Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    let name_of = |id: &Value| {
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == *id)
            .map(|e| e["name"].as_str().unwrap().to_string())
    };
    doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let (a, b) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
            (
                text[a as usize..b as usize].to_string(),
                name_of(&q["speaker"]),
            )
        })
        .collect()
}

#[test]
fn a_saved_speaker_correction_changes_who_said_it_in_extract() {
    let s = Scratch::new("cli-speakers");
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/default_article.txt"),
    )
    .unwrap();
    let path = s.file("article.txt", &text);
    let doc = Document::from_string(path.to_str().unwrap(), text.clone());
    let span = |words: &str| {
        let start = text.find(words).unwrap();
        dramatis::domain::corrections::Span {
            start: start as u32,
            end: (start + words.len()) as u32,
            text: words.into(),
        }
    };
    let reported = "a broader ceasefire is not feasible";
    let reported_end = text.find("are released").unwrap() + "are released".len();
    let mut history = History::default();
    history.push(Correction::Speaker {
        quote: span("tactical little pauses"),
        speaker: Some(Key {
            name: "Hamas".into(),
            kind: Kind::Organization,
            at: None,
        }),
    });
    history.push(Correction::Speaker {
        quote: span(&text[text.find(reported).unwrap()..reported_end]),
        speaker: None,
    });
    let (mut sidecar, _) = Sidecar::open(&doc, Some(&path), Some(&s.0.join("data"))).unwrap();
    sidecar.save(&history).unwrap();

    let args = ["extract", "--json", path.to_str().unwrap()];
    let out = run(&args, &s);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "both corrections fit");
    let got = speakers(&stdout(&out), &text);
    assert_eq!(
        got[0],
        ("tactical little pauses".into(), Some("Hamas".into()))
    );
    assert!(
        got[1].0.starts_with(reported) && got[1].1.is_none(),
        "{got:?}"
    );

    let skip = run(&[&args[..], &["--no-corrections"]].concat(), &s);
    let got = speakers(&stdout(&skip), &text);
    assert_eq!(got[0].1.as_deref(), Some("Benjamin Netanyahu"));
    assert_eq!(got[1].1.as_deref(), Some("Israel"));
}
