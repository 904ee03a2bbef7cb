//! A guard on who said what: `extract --json` on the twelve GUM news texts in `../shared`
//! against the hand gold in `tests/fixtures/quotes/gum.gold.json`, scored the way
//! `../shared/eval/quotes/score_quotes.py` scores it. It fails when fewer quotations are
//! found or attributed than the rules reach today; it is skipped (with a note) when
//! `../shared` is not beside the checkout.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// What the rules reach on the gold today: found, attributed (of those with a named
/// speaker), and speakerless quotations given a speaker. Raise them when the rules improve.
const FOUND_AT_LEAST: usize = 100;
const ATTRIBUTED_AT_LEAST: usize = 70;
/// Held-out news allows one; here none is.
const WRONGLY_NAMED: usize = 0;

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn quotations_on_the_gum_texts_stay_found_and_attributed() {
    let data = manifest("../shared/eval/gum");
    if !data.is_dir() {
        eprintln!("skipped: {} is not there", data.display());
        return;
    }
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(manifest("tests/fixtures/quotes/gum.gold.json")).unwrap(),
    )
    .unwrap();
    let gold = gold["quotes"].as_array().unwrap();
    let mut docs: Vec<&str> = gold.iter().map(|q| q["doc"].as_str().unwrap()).collect();
    docs.sort_unstable();
    docs.dedup();
    let paths: Vec<PathBuf> = docs.iter().map(|d| data.join(format!("{d}.txt"))).collect();
    let out = Command::cargo_bin("dramatis")
        .unwrap()
        .arg("extract")
        .arg("--json")
        .args(&paths)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), docs.len());
    let (mut found, mut attributed, mut named, mut wrong) = (0, 0, 0, 0);
    let mut misses = vec![];
    for q in gold {
        let d = docs.iter().position(|d| *d == q["doc"]).unwrap();
        let text = std::fs::read_to_string(&paths[d]).unwrap();
        let words = q["quote"].as_str().unwrap();
        // As the scorer: the quotation's first words after a mark, else anywhere.
        let at = ["\"", "“", "'", "‘", ""]
            .iter()
            .find_map(|m| text.find(&format!("{m}{words}")).map(|i| i + m.len()))
            .unwrap_or_else(|| panic!("{words:?} is in {}", docs[d]));
        let doc = &lines[d];
        let hit = doc["quotes"].as_array().unwrap().iter().find(|p| {
            p["start"].as_u64().unwrap() as usize <= at && at < p["end"].as_u64().unwrap() as usize
        });
        let speaker = hit.and_then(|h| {
            doc["entities"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| !h["speaker"].is_null() && e["id"] == h["speaker"])
        });
        let names: Vec<String> = speaker.map_or(vec![], |e| {
            let mut n = vec![e["name"].as_str().unwrap().to_lowercase()];
            n.extend(
                e["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap().to_lowercase()),
            );
            n.extend(
                e["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["text"].as_str().unwrap().to_lowercase()),
            );
            n
        });
        let wanted: Vec<String> = q["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_lowercase())
            .collect();
        let right = wanted
            .iter()
            .any(|w| names.iter().any(|n| n.contains(w.as_str())));
        found += usize::from(hit.is_some());
        if wanted.is_empty() {
            wrong += usize::from(speaker.is_some());
        } else {
            named += 1;
            attributed += usize::from(right);
        }
        if hit.is_none() || (!wanted.is_empty() && !right) {
            misses.push(words);
        }
    }
    eprintln!(
        "quotes {}: found {found}; named {named}: attributed {attributed}; speakerless given a \
         speaker {wrong}; not found or not attributed: {misses:?}",
        gold.len()
    );
    assert!(found >= FOUND_AT_LEAST, "found {found} < {FOUND_AT_LEAST}");
    assert!(
        attributed >= ATTRIBUTED_AT_LEAST,
        "attributed {attributed} < {ATTRIBUTED_AT_LEAST}"
    );
    assert_eq!(
        wrong, WRONGLY_NAMED,
        "speakerless quotations given a speaker"
    );
}
