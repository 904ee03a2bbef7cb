//! A regression guard for the names and kinds on held-out-like text: the strict micro F1 and
//! the actor-span F1 of `../shared/eval/run_dramatis.py` on `../shared/eval/wikigold.jsonl`
//! (WikiGold), computed the same way with the real binary, must not fall below what the name
//! rules reached. Skipped with a message when the shared folder is not beside the repository.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::Value;

use crate::common::{Scratch, bin};

/// The figures reached when this guard was last raised (micro 75.9, actor span 82.3), less a
/// rounding margin.
const MICRO_FLOOR: f64 = 75.4;
const ACTOR_SPAN_FLOOR: f64 = 81.8;

/// A span in code points of one document, with its label ("PER", "ORG", "LOC").
type Span = (usize, usize, usize, &'static str);

fn label(kind: &str) -> Option<&'static str> {
    match kind {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "country" | "place" => Some("LOC"),
        _ => None,
    }
}

/// The scorer cuts a leading "the " from every span on both sides.
fn cut_the(chars: &[char], doc: usize, s: usize, e: usize, l: &'static str) -> Span {
    let head: String = chars[s..e.min(s + 4)].iter().collect();
    if e - s > 4 && head.to_lowercase() == "the " {
        (doc, s + 4, e, l)
    } else {
        (doc, s, e, l)
    }
}

fn f1(tp: usize, predicted: usize, gold: usize) -> f64 {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        100.0 * 2.0 * p * r / (p + r)
    }
}

#[test]
fn micro_and_actor_span_f1_on_wikigold_stay_above_the_floors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/wikigold.jsonl");
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: ../shared/eval/wikigold.jsonl is not beside the repository");
        return;
    };
    let docs: Vec<Value> = jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let texts: Vec<Vec<char>> = docs
        .iter()
        .map(|d| d["text"].as_str().unwrap().chars().collect())
        .collect();
    let mut gold = HashSet::new();
    for (n, d) in docs.iter().enumerate() {
        for e in d["entities"].as_array().unwrap() {
            let Some(l) = ["PER", "ORG", "LOC"]
                .into_iter()
                .find(|l| e["label"].as_str() == Some(l))
            else {
                continue;
            };
            let (s, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            gold.insert(cut_the(&texts[n], n, s as usize, end as usize, l));
        }
    }

    let scratch = Scratch::new("wikigold");
    let mut paths = HashMap::new();
    for (n, d) in docs.iter().enumerate() {
        let file = scratch.file(&format!("{n:05}.txt"), d["text"].as_str().unwrap());
        paths.insert(file.to_string_lossy().into_owned(), n);
    }
    let mut args: Vec<&String> = paths.keys().collect();
    args.sort();
    let out = std::process::Command::new(bin())
        .arg("extract")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "extract --json failed");

    let mut predicted = HashSet::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let n = paths[v["document"].as_str().unwrap()];
        let text = docs[n]["text"].as_str().unwrap();
        // Byte offsets of the output to code points of the gold.
        let char_at: HashMap<usize, usize> = text
            .char_indices()
            .enumerate()
            .map(|(c, (b, _))| (b, c))
            .chain([(text.len(), texts[n].len())])
            .collect();
        for e in v["entities"].as_array().unwrap() {
            let Some(l) = label(e["kind"].as_str().unwrap()) else {
                continue;
            };
            for m in e["mentions"].as_array().unwrap() {
                if m.get("form").and_then(Value::as_str).unwrap_or("name") != "name" {
                    continue;
                }
                let (s, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
                if let (Some(&s), Some(&end)) =
                    (char_at.get(&(s as usize)), char_at.get(&(end as usize)))
                {
                    predicted.insert(cut_the(&texts[n], n, s, end, l));
                }
            }
        }
    }

    let strict = predicted.intersection(&gold).count();
    let micro = f1(strict, predicted.len(), gold.len());
    let unlabelled = |set: &HashSet<Span>| -> HashSet<(usize, usize, usize)> {
        set.iter().map(|&(d, s, e, _)| (d, s, e)).collect()
    };
    let (p_spans, g_spans) = (unlabelled(&predicted), unlabelled(&gold));
    let actor_span = f1(
        p_spans.intersection(&g_spans).count(),
        p_spans.len(),
        g_spans.len(),
    );
    eprintln!("WikiGold micro {micro:.1}, actor span {actor_span:.1}");
    assert!(
        micro >= MICRO_FLOOR,
        "micro F1 fell to {micro:.1}; the floor is {MICRO_FLOOR}"
    );
    assert!(
        actor_span >= ACTOR_SPAN_FLOOR,
        "actor-span F1 fell to {actor_span:.1}; the floor is {ACTOR_SPAN_FLOOR}"
    );
}
