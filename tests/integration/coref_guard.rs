//! A regression guard for coreference on real news: the linked-mention F1 of
//! `../shared/eval/gum/score_coref.py`, computed the same way on the shared GUM articles with
//! the real binary, must not fall below what the resolver reached. Skipped with a message when
//! the shared folder is not beside the repository.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The figure reached (linked F1 68.6 when this guard was set), less a rounding margin.
const LINKED_F1_FLOOR: f64 = 68.0;

fn data_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/gum");
    dir.is_dir().then_some(dir)
}

/// A gold mention: span, head span and form.
#[derive(Clone, Copy)]
struct GoldMention {
    start: u64,
    end: u64,
    head: (u64, u64),
    min: (u64, u64),
    name: bool,
}

fn num(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or(0)
}

/// The gold actors as the scorer groups them (same identity, or same type and name), with
/// names nested in longer names left out (returned apart).
fn gold_actors(doc: &Value) -> (Vec<Vec<GoldMention>>, Vec<GoldMention>) {
    let mention = |m: &Value| GoldMention {
        start: num(m, "start"),
        end: num(m, "end"),
        head: (num(m, "head_start"), num(m, "head_end")),
        min: (num(m, "min_start"), num(m, "min_end")),
        name: m["form"] == "name",
    };
    let all = doc["entities"].as_array().cloned().unwrap_or_default();
    let names: Vec<(u64, u64)> = all
        .iter()
        .flat_map(|e| e["mentions"].as_array().cloned().unwrap_or_default())
        .map(|m| mention(&m))
        .filter(|m| m.name)
        .map(|m| m.min)
        .collect();
    let nested = |m: &GoldMention| {
        m.name
            && names
                .iter()
                .any(|&(s, e)| s <= m.start && m.end <= e && (s, e) != m.min)
    };
    let mut groups: Vec<Vec<GoldMention>> = Vec::new();
    let mut left_out = Vec::new();
    let mut key_of: HashMap<String, usize> = HashMap::new();
    for e in &all {
        let kind = e["type"].as_str().unwrap_or("");
        if !["person", "organization", "place"].contains(&kind) || e["named"] != true {
            continue;
        }
        let mut ms = Vec::new();
        for m in e["mentions"].as_array().into_iter().flatten() {
            let m = mention(m);
            if nested(&m) {
                left_out.push(m);
            } else {
                ms.push(m);
            }
        }
        if ms.is_empty() {
            continue;
        }
        let mut keys = Vec::new();
        if let Some(id) = e["identity"].as_str() {
            keys.push(format!("id:{id}"));
        }
        let name = e["name"].as_str().unwrap_or("").to_lowercase();
        let name = name.strip_prefix("the ").unwrap_or(&name);
        let name = name.strip_suffix("'s").unwrap_or(name);
        keys.push(format!("name:{kind}:{name}"));
        let g = match keys.iter().find_map(|k| key_of.get(k)) {
            Some(&g) => g,
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        groups[g].extend(ms);
        for k in keys {
            key_of.entry(k).or_insert(g);
        }
    }
    for g in &mut groups {
        let mut seen = HashSet::new();
        g.retain(|m| seen.insert((m.start, m.end)));
    }
    (groups, left_out)
}

/// The smallest gold mention that holds the span and its head.
fn best_match<'a>(
    span: (u64, u64),
    golds: impl Iterator<Item = (usize, usize, &'a GoldMention)>,
) -> Option<(usize, usize)> {
    let (s, e) = span;
    golds
        .filter(|(_, _, m)| m.start <= s && e <= m.end && s <= m.head.0 && m.head.1 <= e)
        .min_by_key(|(_, _, m)| m.end - m.start)
        .map(|(g, i, _)| (g, i))
}

/// (predicted, predicted and linked, gold, gold linked) of one document.
fn score(gold: &Value, pred: &Value) -> (usize, usize, usize, usize) {
    let (groups, left_out) = gold_actors(gold);
    let golds = || {
        groups
            .iter()
            .enumerate()
            .flat_map(|(g, ms)| ms.iter().enumerate().map(move |(i, m)| (g, i, m)))
    };
    let actor = ["person", "organization", "country", "group", "place"];
    let mut pm: Vec<(usize, Option<(usize, usize)>)> = Vec::new();
    let preds: Vec<&Value> = pred["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| actor.contains(&e["kind"].as_str().unwrap_or("")))
        .collect();
    for (p, e) in preds.iter().enumerate() {
        for m in e["mentions"].as_array().into_iter().flatten() {
            if m["form"] == "demonym" {
                continue;
            }
            let span = (num(m, "start"), num(m, "end"));
            let hit = best_match(span, golds());
            let nested = best_match(span, left_out.iter().map(|m| (0, 0, m))).is_some();
            if hit.is_none() && nested {
                continue;
            }
            pm.push((p, hit));
        }
    }
    // Align predicted and gold entities one to one, most shared mentions first (ties in the
    // order the pairs were first seen, as the scorer's stable sort has it).
    let mut shared: Vec<((usize, usize), usize)> = Vec::new();
    let mut at: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for &(p, h) in &pm {
        if let Some((g, _)) = h {
            let i = *at.entry((p, g)).or_insert_with(|| {
                shared.push(((p, g), 0));
                shared.len() - 1
            });
            shared[i].1 += 1;
        }
    }
    shared.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let (mut align, mut used_g) = (HashMap::new(), HashSet::new());
    for ((p, g), _) in shared {
        if align.contains_key(&p) || used_g.contains(&g) {
            continue;
        }
        align.insert(p, g);
        used_g.insert(g);
    }
    let linked: HashSet<(usize, usize)> = pm
        .iter()
        .filter_map(|&(p, h)| h.filter(|(g, _)| align.get(&p) == Some(g)))
        .collect();
    let pred_linked = pm
        .iter()
        .filter(|&&(p, h)| h.is_some_and(|(g, _)| align.get(&p) == Some(&g)))
        .count();
    let gold_total = groups.iter().map(Vec::len).sum();
    (pm.len(), pred_linked, gold_total, linked.len())
}

#[test]
fn linked_f1_on_the_shared_news_articles_stays_above_the_floor() {
    let Some(dir) = data_dir() else {
        eprintln!("skipped: ../shared/eval/gum is not beside the repository");
        return;
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the data folder reads")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".coref.json"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no articles in {}", dir.display());
    let texts: Vec<PathBuf> = names
        .iter()
        .map(|p| PathBuf::from(p.to_string_lossy().replace(".coref.json", ".txt")))
        .collect();
    let out = Command::cargo_bin("dramatis")
        .expect("the binary builds")
        .arg("extract")
        .arg("--json")
        .args(&texts)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let preds: Vec<Value> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document a line"))
        .collect();
    assert_eq!(preds.len(), names.len());
    let (mut pred, mut pred_linked, mut gold, mut linked) = (0, 0, 0, 0);
    for (name, p) in names.iter().zip(&preds) {
        let g: Value = serde_json::from_str(&std::fs::read_to_string(name).expect("gold reads"))
            .expect("gold parses");
        let (a, b, c, d) = score(&g, p);
        (pred, pred_linked, gold, linked) = (pred + a, pred_linked + b, gold + c, linked + d);
    }
    let precision = 100.0 * pred_linked as f64 / pred.max(1) as f64;
    let recall = 100.0 * linked as f64 / gold.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    eprintln!("linked P {precision:.1} R {recall:.1} F1 {f1:.1}");
    assert!(
        f1 >= LINKED_F1_FLOOR,
        "linked F1 fell to {f1:.1} (P {precision:.1}, R {recall:.1}); the floor is {LINKED_F1_FLOOR}"
    );
}
