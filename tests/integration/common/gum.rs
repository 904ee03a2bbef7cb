//! The scorer of `../shared/eval/gum/score_coref.py`, ported: every mention of every named
//! actor of the shared GUM news articles, aligned with what the real binary extracts. The
//! regression guards (linked F1 for coreference, recall of names for the name rules) read
//! their figures here.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

/// Mention counts over the articles, as the scorer counts them.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    /// Predicted actor mentions that are scored, and those linked to their gold entity.
    pub predicted: usize,
    pub predicted_linked: usize,
    /// Gold mentions, and those found under the right entity.
    pub gold: usize,
    pub gold_linked: usize,
    /// Gold mentions that are names, and those found under the right entity.
    pub gold_names: usize,
    pub gold_names_linked: usize,
    /// Gold mentions that are pronouns, and those found under the right entity.
    pub gold_pronouns: usize,
    pub gold_pronouns_linked: usize,
    /// Gold mentions that are descriptions, and those found under the right entity.
    pub gold_nominals: usize,
    pub gold_nominals_linked: usize,
}

impl Score {
    fn add(self, o: Score) -> Score {
        Score {
            predicted: self.predicted + o.predicted,
            predicted_linked: self.predicted_linked + o.predicted_linked,
            gold: self.gold + o.gold,
            gold_linked: self.gold_linked + o.gold_linked,
            gold_names: self.gold_names + o.gold_names,
            gold_names_linked: self.gold_names_linked + o.gold_names_linked,
            gold_pronouns: self.gold_pronouns + o.gold_pronouns,
            gold_pronouns_linked: self.gold_pronouns_linked + o.gold_pronouns_linked,
            gold_nominals: self.gold_nominals + o.gold_nominals,
            gold_nominals_linked: self.gold_nominals_linked + o.gold_nominals_linked,
        }
    }

    fn percent(n: usize, of: usize) -> f64 {
        100.0 * n as f64 / of.max(1) as f64
    }

    pub fn linked_precision(&self) -> f64 {
        Score::percent(self.predicted_linked, self.predicted)
    }

    pub fn linked_recall(&self) -> f64 {
        Score::percent(self.gold_linked, self.gold)
    }

    pub fn linked_f1(&self) -> f64 {
        let (p, r) = (self.linked_precision(), self.linked_recall());
        2.0 * p * r / (p + r).max(f64::EPSILON)
    }

    /// The scorer's "name" figure: gold names found under the right entity.
    pub fn name_recall(&self) -> f64 {
        Score::percent(self.gold_names_linked, self.gold_names)
    }

    /// The scorer's "pronoun" figure: gold pronouns found under the right entity.
    pub fn pronoun_recall(&self) -> f64 {
        Score::percent(self.gold_pronouns_linked, self.gold_pronouns)
    }

    /// The scorer's "nominal" figure: gold descriptions found under the right entity.
    pub fn nominal_recall(&self) -> f64 {
        Score::percent(self.gold_nominals_linked, self.gold_nominals)
    }
}

/// Runs the binary on every shared article and scores it; `None` (with a message) when the
/// shared folder is not beside the repository.
pub fn score_shared_news() -> Option<Score> {
    let Some(dir) = data_dir() else {
        eprintln!("skipped: ../shared/eval/gum is not beside the repository");
        return None;
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
    let out = std::process::Command::new(super::bin())
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
    let mut total = Score::default();
    for (name, p) in names.iter().zip(&preds) {
        let g: Value = serde_json::from_str(&std::fs::read_to_string(name).expect("gold reads"))
            .expect("gold parses");
        total = total.add(score(&g, p));
    }
    Some(total)
}

/// The shared articles, if the shared folder is beside the repository.
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
    pronoun: bool,
    nominal: bool,
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
        pronoun: m["form"] == "pronoun",
        nominal: m["form"] == "nominal",
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

/// The counts of one document.
fn score(gold: &Value, pred: &Value) -> Score {
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
    let of_form = |form: fn(&GoldMention) -> bool| {
        groups.iter().enumerate().flat_map(move |(g, ms)| {
            ms.iter()
                .enumerate()
                .filter(move |(_, m)| form(m))
                .map(move |(i, _)| (g, i))
        })
    };
    let names = || of_form(|m| m.name);
    let pronouns = || of_form(|m| m.pronoun);
    let nominals = || of_form(|m| m.nominal);
    Score {
        predicted: pm.len(),
        predicted_linked: pred_linked,
        gold: groups.iter().map(Vec::len).sum(),
        gold_linked: linked.len(),
        gold_names: names().count(),
        gold_names_linked: names().filter(|m| linked.contains(m)).count(),
        gold_pronouns: pronouns().count(),
        gold_pronouns_linked: pronouns().filter(|m| linked.contains(m)).count(),
        gold_nominals: nominals().count(),
        gold_nominals_linked: nominals().filter(|m| linked.contains(m)).count(),
    }
}
