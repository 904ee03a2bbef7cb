//! The real binary: `dramatis extract --json` on the default article, on several files, on
//! standard input and with a file that cannot be read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::common::Scratch;

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn dramatis() -> Command {
    Command::cargo_bin("dramatis").expect("the binary builds")
}

/// Runs `extract --json` on `args` and returns (documents printed, stderr, success).
fn extract(args: &[&str], stdin: Option<&str>) -> (Vec<Value>, String, bool) {
    let mut cmd = dramatis();
    cmd.arg("extract").arg("--json").args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().expect("runs");
    let docs = String::from_utf8(out.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON document"))
        .collect();
    (
        docs,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

type Spans = BTreeSet<(u64, u64)>;

fn spans(entity: &Value) -> Spans {
    entity["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap()))
        .collect()
}

/// Every mention's `text` is exactly the bytes at its offsets.
fn assert_texts_match(doc: &Value, bytes: &[u8]) {
    for e in doc["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            let slice = &bytes[s as usize..t as usize];
            assert_eq!(
                String::from_utf8_lossy(slice),
                m["text"].as_str().unwrap(),
                "{m}"
            );
        }
    }
}

/// The gold clusters: from `../shared` when it is there, else the copy in `tests/fixtures`.
fn gold() -> Value {
    let shared = manifest("../shared/corpus/000_d073ed3341c84851.gold.json");
    let path = if shared.exists() {
        shared
    } else {
        manifest("tests/fixtures/default_article.gold.json")
    };
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_default_article_gives_exactly_the_gold_clusters() {
    let article = manifest("assets/default_article.txt");
    let (docs, _, ok) = extract(&[article.to_str().unwrap()], None);
    assert!(ok);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["date"], "2023-11-08");
    let predicted = doc["entities"].as_array().unwrap();
    let gold = gold();
    let gold_entities = gold["entities"].as_array().unwrap();
    let mut gold_spans = Spans::new();
    for g in gold_entities {
        let want = spans(g);
        gold_spans.extend(want.iter().copied());
        let found = predicted
            .iter()
            .find(|p| spans(p) == want)
            .unwrap_or_else(|| panic!("no entity with exactly the mentions of {}", g["name"]));
        assert_eq!(found["kind"], g["kind"], "{}", g["name"]);
        assert_eq!(found["name"], g["name"]);
        assert_eq!(found["actor"], g["actor"], "{}", g["name"]);
    }
    // No false actor: every predicted actor is one of the gold entities.
    for p in predicted.iter().filter(|p| p["actor"] == true) {
        assert!(
            spans(p).iter().all(|s| gold_spans.contains(s)),
            "false actor {}",
            p["name"]
        );
    }
    assert_texts_match(doc, &std::fs::read(&article).unwrap());
}

#[test]
fn several_files_give_one_line_each_in_order() {
    let dir = tempdir();
    let a = dir.0.join("a.txt");
    let b = dir.0.join("b.txt");
    std::fs::write(&a, "Norway and Sweden signed a treaty in Oslo.\n").unwrap();
    std::fs::write(&b, "Mr. Kaspar Ulvang met the United Nations in Geneva.\n").unwrap();
    let (docs, _, ok) = extract(&[a.to_str().unwrap(), b.to_str().unwrap()], None);
    assert!(ok);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["document"], a.to_str().unwrap());
    assert_eq!(docs[1]["document"], b.to_str().unwrap());
    let names = |d: &Value| -> Vec<String> {
        d["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(names(&docs[0]).contains(&"Norway".to_string()));
    assert!(names(&docs[1]).contains(&"United Nations".to_string()));
    assert_texts_match(&docs[0], &std::fs::read(&a).unwrap());
    assert_texts_match(&docs[1], &std::fs::read(&b).unwrap());
}

#[test]
fn a_dash_reads_standard_input() {
    let text = "Chile’s President Tomas Berg said Berg would visit Peru.";
    let (docs, _, ok) = extract(&["-"], Some(text));
    assert!(ok);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["document"], "-");
    let entities = docs[0]["entities"].as_array().unwrap();
    let berg = entities
        .iter()
        .find(|e| e["name"] == "Tomas Berg")
        .expect("the person");
    assert_eq!(berg["kind"], "person");
    assert_eq!(berg["mentions"].as_array().unwrap().len(), 2);
    assert_texts_match(&docs[0], text.as_bytes());
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_still_printed() {
    let dir = tempdir();
    let good = dir.0.join("good.txt");
    std::fs::write(&good, "Qatar hosted the talks.\n").unwrap();
    let missing = dir.0.join("missing.txt");
    let (docs, stderr, ok) = extract(
        &[
            good.to_str().unwrap(),
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        None,
    );
    assert!(!ok, "non-zero exit");
    assert_eq!(docs.len(), 2, "the good files are still printed");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("missing.txt"), "{stderr}");
}

#[test]
fn invalid_utf8_keeps_true_byte_offsets() {
    let dir = tempdir();
    let path = dir.0.join("bad.txt");
    let bytes = b"\xff\xfe Norway \xc3 met Chile.\n".to_vec();
    std::fs::write(&path, &bytes).unwrap();
    let (docs, _, ok) = extract(&[path.to_str().unwrap()], None);
    assert!(ok);
    assert_texts_match(&docs[0], &bytes);
    let texts: Vec<&str> = docs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["mentions"].as_array().unwrap())
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"Norway") && texts.contains(&"Chile"),
        "{texts:?}"
    );
}

#[test]
fn the_default_article_s_quotation_is_netanyahu_s() {
    let article = manifest("assets/default_article.txt");
    let bytes = std::fs::read(&article).unwrap();
    let (docs, _, ok) = extract(&[article.to_str().unwrap()], None);
    assert!(ok);
    let quotes = docs[0]["quotes"].as_array().expect("a list of quotations");
    let text = |v: &Value| {
        let (s, e) = (v[0].as_u64().unwrap(), v[1].as_u64().unwrap());
        String::from_utf8_lossy(&bytes[s as usize..e as usize]).into_owned()
    };
    let q = quotes
        .iter()
        .find(|q| q["kind"] == "direct")
        .expect("the direct quotation");
    assert_eq!(
        text(&serde_json::json!([q["start"], q["end"]])),
        "tactical little pauses"
    );
    assert_eq!(text(&q["cue"]), "expressed");
    let speaker = docs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == q["speaker"])
        .expect("the speaker is an entity of the document");
    assert_eq!(speaker["name"], "Benjamin Netanyahu");
}

#[test]
fn quotations_have_the_documented_shape() {
    let text = "\"We will win,\" Ana Ruiz said. Bo Lindqvist said the talks had failed. The \
                girls were granted \"parole\" status.\n";
    let (docs, _, ok) = extract(&["-"], Some(text));
    assert!(ok);
    let doc = &docs[0];
    let id_of = |name: &str| {
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("{name} found"))["id"]
            .clone()
    };
    let quotes = doc["quotes"].as_array().unwrap();
    let found: Vec<(&str, &str, Value, &str)> = quotes
        .iter()
        .map(|q| {
            let (s, e) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
            let cue = match q["cue"].as_array() {
                Some(c) => &text[c[0].as_u64().unwrap() as usize..c[1].as_u64().unwrap() as usize],
                None => "-",
            };
            (
                &text[s as usize..e as usize],
                cue,
                q["speaker"].clone(),
                q["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("We will win,", "said", id_of("Ana Ruiz"), "direct"),
            (
                "the talks had failed",
                "said",
                id_of("Bo Lindqvist"),
                "indirect"
            ),
            ("parole", "-", Value::Null, "direct"),
        ]
    );
}

/// A fresh scratch directory, removed when the test ends.
fn tempdir() -> Scratch {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    Scratch::new(&format!(
        "extract-cli-{}",
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

#[test]
fn every_mention_says_its_form_and_names_say_none() {
    let text = "Maria Lopez, the defence secretary, met John Smith in Madrid on Monday. \
        She said Norwegian officials agreed.\n";
    let (docs, stderr, ok) = extract(&["-"], Some(text));
    assert!(ok, "{stderr}");
    let entities = docs[0]["entities"].as_array().unwrap();
    let maria = entities
        .iter()
        .find(|e| e["name"] == "Maria Lopez")
        .unwrap();
    let forms: Vec<(&str, Option<&str>)> = maria["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["text"].as_str().unwrap(),
                m.get("form").and_then(Value::as_str),
            )
        })
        .collect();
    assert_eq!(
        forms,
        [
            ("Maria Lopez", None),
            ("defence secretary", Some("nominal")),
            ("She", Some("pronoun"))
        ]
    );
    assert_eq!(
        maria["aliases"],
        serde_json::json!(["Maria Lopez"]),
        "aliases are names"
    );
    // Named by the words the text uses: only the demonym is there.
    let norway = entities.iter().find(|e| e["name"] == "Norwegian").unwrap();
    assert_eq!(norway["kind"], "country");
    assert_eq!(norway["mentions"][0]["form"], "demonym");
    for e in entities {
        for m in e["mentions"].as_array().unwrap() {
            if let Some(f) = m.get("form") {
                assert!(["demonym", "nominal", "pronoun"].contains(&f.as_str().unwrap()));
            }
        }
    }
}
