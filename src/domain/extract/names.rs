//! Finds the names of one line: runs of capitalised words, cut into pieces.
//!
//! A run is a sequence of capitalised words, joined by connectors where names have them
//! ("Bank of America", "Leonardo da Vinci", "Procter & Gamble"). Its leading words are dropped
//! when they are capitalised only because they start a sentence ("Amid", "Convincing") or are
//! determiners ("The"). The rest is cut into pieces: gazetteer names ("Israeli"), titles, which
//! are not part of a name ("Prime Minister"), and unknown names ("Benjamin Netanyahu"), each
//! with the evidence about its kind that the line gives.

use super::candidate::{Candidate, Reading, Strength};
use super::knowledge::{Knowledge, NameRef, join_tokens};
use super::token::{Shape, Token};
use crate::domain::entity::Kind;

/// Lower-case words that join the capitalised words of one name.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "du", "des", "del", "della", "der", "den", "van", "von",
    "la", "le", "bin", "ibn", "bint", "al", "el", "y", "zu", "ter", "op",
];

/// Lower-case words that join a name only after an organisation, place or title word:
/// "University of Oxford", "Ministry for Europe", "Secretary of State".
const HEAD_CONNECTORS: &[&str] = &["of", "for", "on"];

/// Words before an unknown name that suggest a place ("in Tromsø").
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "throughout"];

/// How a line is written, which decides how much its capitals can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Normal,
    /// ALL CAPITALS: only gazetteer names, matched in capitals.
    Caps,
    /// Every Word Capitalised, Even Small Ones: only gazetteer names.
    TitleCase,
}

struct Line<'a> {
    text: &'a str,
    toks: &'a [Token],
    base: usize,
    k: &'a Knowledge,
}

impl<'a> Line<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn key(&self, from: usize, to: usize) -> String {
        join_tokens(self.text, &self.toks[from..to])
    }

    fn lower_key(&self, from: usize, to: usize) -> String {
        self.key(from, to).to_lowercase()
    }

    fn is_function_word(&self, i: usize) -> bool {
        self.k.is_function_word(&self.word(i).to_lowercase())
    }

    /// The longest gazetteer name starting at `from` and ending by `to`.
    fn gazetteer_at(&self, from: usize, to: usize, caps: bool) -> Option<(usize, NameRef)> {
        let max = self.k.max_name_words.min(to - from);
        (1..=max).rev().find_map(|n| {
            let key = self.key(from, from + n);
            let hit = if caps {
                self.k.upper_name(&key)
            } else {
                self.k.name(&key)
            };
            hit.map(|r| (n, r))
        })
    }

    /// The longest title starting at `from` and ending by `to`, in words.
    fn title_at(&self, from: usize, to: usize) -> Option<usize> {
        let max = self.k.max_title_words.min(to - from);
        (1..=max)
            .rev()
            .find(|&n| self.k.is_title(&self.lower_key(from, from + n)))
    }

    fn has_kind_word(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| {
            let w = self.word(i);
            self.k.is_org_word(w) || self.k.is_place_word(w) || self.k.is_event_word(w)
        })
    }

    fn candidate(&self, from: usize, to: usize, reading: Reading) -> Candidate {
        let (s, e) = (self.toks[from].start, self.toks[to - 1].end);
        Candidate {
            start: self.base + s,
            end: self.base + e,
            key: self.key(from, to),
            reading,
            defines: None,
        }
    }
}

fn mode(line: &Line) -> Mode {
    let mut words = 0;
    let mut upper = 0;
    let mut lower_content = 0;
    let mut cap_function_inside = false;
    for (i, t) in line.toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        words += 1;
        let w = t.text(line.text);
        match t.shape {
            Shape::Upper if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 => upper += 1,
            Shape::Lower => {
                if !line.k.is_function_word(w) {
                    lower_content += 1;
                }
            }
            Shape::Cap if i > 0 && !t.sentence_start && line.is_function_word(i) => {
                cap_function_inside = true;
            }
            _ => {}
        }
    }
    if words >= 3 && upper * 10 >= words * 7 {
        Mode::Caps
    } else if words >= 4 && lower_content == 0 && cap_function_inside {
        Mode::TitleCase
    } else {
        Mode::Normal
    }
}

/// Finds the names of one line among tokens not used yet, and marks their tokens used.
pub fn find(
    text: &str,
    toks: &[Token],
    used: &mut [bool],
    base: usize,
    k: &Knowledge,
    out: &mut Vec<Candidate>,
) {
    let line = Line {
        text,
        toks,
        base,
        k,
    };
    match mode(&line) {
        Mode::Normal => find_normal(&line, used, out),
        m => find_known_only(&line, used, out, m == Mode::Caps),
    }
}

fn find_known_only(line: &Line, used: &mut [bool], out: &mut Vec<Candidate>, caps: bool) {
    let mut i = 0;
    while i < line.toks.len() {
        if used[i] || !line.toks[i].is_capitalised() {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < line.toks.len() && !used[end] && line.toks[end].is_word() {
            end += 1;
        }
        match line.gazetteer_at(i, end, caps) {
            Some((n, r)) => {
                out.push(line.candidate(
                    i,
                    i + n,
                    Reading::Known {
                        canon: r.canon,
                        demonym: r.demonym,
                    },
                ));
                mark(used, i, i + n);
                i += n;
            }
            None => i += 1,
        }
    }
}

fn mark(used: &mut [bool], from: usize, to: usize) {
    for u in &mut used[from..to] {
        *u = true;
    }
}

fn find_normal(line: &Line, used: &mut [bool], out: &mut Vec<Candidate>) {
    let toks = line.toks;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if used[i] || !toks[i].is_capitalised() {
            i += 1;
            continue;
        }
        if hyphenated(line, i, out) {
            used[i] = true;
            i += 1;
            continue;
        }
        let end = run_end(line, used, i);
        let first = out.len();
        let start = strip_leading(line, i, end);
        if start < end {
            segment(line, start, end, out);
        }
        // The pieces' tokens are used; stripped words stay free for figures ("Three days").
        mark(used, start, end);
        attach_definitions(line, end, &mut out[first..]);
        i = end.max(i + 1);
    }
}

/// Where the run of name words starting at `from` ends (exclusive).
fn run_end(line: &Line, used: &[bool], from: usize) -> usize {
    let toks = line.toks;
    let free_cap = |j: usize| {
        j < toks.len()
            && !used[j]
            && toks[j].is_capitalised()
            && !line.is_function_word(j)
            && !(toks[j].shape == Shape::Cap && line.word(j).contains('-') && j > from && {
                let w = line.word(j);
                w.rsplit('-')
                    .next()
                    .is_some_and(|s| s.chars().all(char::is_lowercase))
            })
    };
    let mut j = from + 1;
    loop {
        if free_cap(j) {
            j += 1;
            continue;
        }
        // "Procter & Gamble", "AT & T": one word after the ampersand, a short name before it.
        if line.word(j) == "&" && free_cap(j + 1) && !free_cap(j + 2) && j - from <= 2 {
            j += 2;
            continue;
        }
        let w = line.word(j);
        if j < toks.len() && !used[j] && toks[j].shape == Shape::Lower {
            // "da Vinci", "de la Vega", "van der Berg".
            let particles = (j..toks.len())
                .take_while(|&p| !used[p] && NAME_PARTICLES.contains(&line.word(p)))
                .count();
            if (1..=2).contains(&particles) && free_cap(j + particles) {
                j += particles + 1;
                continue;
            }
            if HEAD_CONNECTORS.contains(&w) && head_before(line, from, j) {
                if free_cap(j + 1) {
                    j += 2;
                    continue;
                }
                if line.word(j + 1) == "the" && free_cap(j + 2) {
                    j += 3;
                    continue;
                }
            }
        }
        return j;
    }
}

/// Whether the words before a connector at `at` end with an organisation, place or event word,
/// or a title ("Secretary" of State).
fn head_before(line: &Line, from: usize, at: usize) -> bool {
    let last = line.word(at - 1);
    if line.k.is_org_word(last) || line.k.is_place_word(last) || line.k.is_event_word(last) {
        return true;
    }
    (from..at).any(|s| line.k.is_title(&line.lower_key(s, at)))
}

/// "London-based", "Israel-Hamas": names inside a hyphenated word. Emits them and returns true
/// if the word was one.
fn hyphenated(line: &Line, i: usize, out: &mut Vec<Candidate>) -> bool {
    let w = line.word(i);
    if !w.contains('-') || line.toks[i].shape == Shape::Number {
        return false;
    }
    let tok = line.toks[i];
    let parts: Vec<(usize, &str)> = w
        .split('-')
        .scan(0usize, |off, p| {
            let at = *off;
            *off += p.len() + 1;
            Some((at, p))
        })
        .collect();
    if line.k.name(&w.to_string()).is_some() {
        return false;
    }
    let (last_at, last) = *parts.last().unwrap_or(&(0, ""));
    let _ = last_at;
    let lower_tail = last.chars().all(char::is_lowercase) && !last.is_empty();
    let known = |p: &str| line.k.name(p);
    let mut emitted = false;
    let push = |at: usize, p: &str, reading: Reading, out: &mut Vec<Candidate>| {
        out.push(Candidate {
            start: line.base + tok.start + at,
            end: line.base + tok.start + at + p.len(),
            key: p.to_string(),
            reading,
            defines: None,
        });
    };
    if lower_tail {
        // "London-based", "Israeli-led": the name is everything before the tail.
        let head_len = w.len() - last.len() - 1;
        let head = &w[..head_len];
        if head.is_empty() || !head.starts_with(char::is_uppercase) || head.contains('-') {
            return false;
        }
        if let Some(r) = known(head) {
            push(
                0,
                head,
                Reading::Known {
                    canon: r.canon,
                    demonym: r.demonym,
                },
                out,
            );
            emitted = true;
        } else if matches!(last, "based" | "born" | "headquartered") {
            push(
                0,
                head,
                Reading::Name {
                    guess: Some((Kind::Place, Strength::Weak)),
                    doubtful_start: false,
                },
                out,
            );
            emitted = true;
        }
        return emitted;
    }
    // "Israel-Hamas", "Franco-German": every part a known name.
    if parts.len() >= 2 && parts.iter().all(|(_, p)| known(p).is_some()) {
        for (at, p) in parts {
            if let Some(r) = known(p) {
                push(
                    at,
                    p,
                    Reading::Known {
                        canon: r.canon,
                        demonym: r.demonym,
                    },
                    out,
                );
            }
        }
        return true;
    }
    false
}

/// Drops leading words that are capitalised for another reason than being a name.
fn strip_leading(line: &Line, from: usize, end: usize) -> usize {
    let mut s = from;
    while s < end {
        if line.gazetteer_at(s, end, false).is_some() {
            break;
        }
        let t = line.toks[s];
        let w = line.word(s);
        let lower = w.to_lowercase();
        if line.k.is_function_word(&lower) || NAME_PARTICLES.contains(&lower.as_str()) {
            s += 1;
            continue;
        }
        if HEAD_CONNECTORS.contains(&lower.as_str()) {
            s += 1;
            continue;
        }
        if t.sentence_start && t.shape == Shape::Cap {
            let common = line
                .k
                .lower_word(&lower)
                .is_some_and(|lw| !lw.also_name && lw.zipf >= 2.5);
            let person_start = line.k.is_given_name(w) && s + 1 < end;
            if common && !person_start && line.title_at(s, end).is_none() {
                s += 1;
                continue;
            }
        }
        break;
    }
    s
}

/// Cuts a run into gazetteer names, titles and unknown names.
fn segment(line: &Line, from: usize, to: usize, out: &mut Vec<Candidate>) {
    let mut pos = from;
    let mut titled = false;
    while pos < to {
        // Connectors left dangling by a title: "Prime Minister of Israel".
        if line.toks[pos].shape == Shape::Lower || line.word(pos) == "&" {
            pos += 1;
            continue;
        }
        let known = line.gazetteer_at(pos, to, false);
        if let Some((n, r)) = known
            && pos + n == to
        {
            let r = NameRef {
                demonym: r.demonym && !acts_as_state(line, to, to),
                ..r
            };
            out.push(line.candidate(pos, to, known_reading(r)));
            return;
        }
        if to - pos >= 2
            && line.has_kind_word(pos, to)
            && !line.k.is_title(&line.lower_key(pos, to))
        {
            let guess = word_guess(line, pos, to);
            out.push(line.candidate(pos, to, name_reading(guess)));
            return;
        }
        if let Some(n) = line.title_at(pos, to)
            && known.is_none_or(|(m, _)| m < n)
        {
            pos += n;
            titled = true;
            continue;
        }
        if let Some((n, r)) = known {
            // A known name followed by more name words, not a title, is part of a longer
            // name: "Perth Glory", "St. Louis Cardinals", "Hamilton Field".
            let part_of_longer = !r.demonym && line.title_at(pos + n, to).is_none();
            if part_of_longer {
                let guess =
                    context_guess(line, pos, to).or(Some((Kind::Organization, Strength::Weak)));
                out.push(line.candidate(pos, to, name_reading(guess)));
                return;
            }
            {
                let r = NameRef {
                    demonym: r.demonym && !acts_as_state(line, pos + n, to),
                    ..r
                };
                out.push(line.candidate(pos, pos + n, known_reading(r)));
                pos += n;
                continue;
            }
        }
        let guess = if titled {
            Some((Kind::Person, Strength::Strong))
        } else {
            context_guess(line, pos, to)
        };
        out.push(line.candidate(pos, to, name_reading(guess)));
        if let Some(c) = out.last_mut() {
            let doubtful = line.toks[pos].sentence_start
                && to - pos == 1
                && line
                    .k
                    .lower_word(&line.word(pos).to_lowercase())
                    .is_some_and(|lw| lw.zipf >= 2.5);
            if let Reading::Name { doubtful_start, .. } = &mut c.reading {
                *doubtful_start = doubtful && guess.is_none_or(|(_, s)| s < Strength::Good);
            }
            extend_administration(line, to, c);
        }
        return;
    }
}

/// Nouns after a demonym that make it stand for its state: "Israeli officials" is Israel
/// acting, "Israeli families" are people of that nationality.
const STATE_NOUNS: &[&str] = &[
    "officials",
    "official",
    "government",
    "authorities",
    "forces",
    "troops",
    "army",
    "military",
    "navy",
    "police",
    "leaders",
    "leader",
    "leadership",
    "diplomats",
    "diplomat",
    "negotiators",
    "delegation",
    "envoy",
    "envoys",
    "minister",
    "ministers",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "embassy",
    "intelligence",
    "cabinet",
    "parliament",
    "administration",
    "state",
    "regime",
    "strikes",
    "airstrikes",
    "soldiers",
    "warplanes",
    "jets",
    "security",
    "counterpart",
    "counterparts",
    "side",
];

/// Whether a demonym ending at `at` (in a run ending at `to`) stands for its state: a title
/// follows in the run ("Israeli Prime Minister"), or a state noun right after it.
fn acts_as_state(line: &Line, at: usize, to: usize) -> bool {
    if at < to {
        return line.title_at(at, to).is_some();
    }
    STATE_NOUNS.contains(&line.word(at))
}

fn known_reading(r: NameRef) -> Reading {
    Reading::Known {
        canon: r.canon,
        demonym: r.demonym,
    }
}

fn name_reading(guess: Option<(Kind, Strength)>) -> Reading {
    Reading::Name {
        guess,
        doubtful_start: false,
    }
}

/// The kind an organisation, place or event word gives a name: its last word decides first,
/// then its first word ("University of Leeds"), then any.
fn word_guess(line: &Line, from: usize, to: usize) -> Option<(Kind, Strength)> {
    let classify = |i: usize| {
        let w = line.word(i);
        if line.k.is_org_word(w) {
            Some(Kind::Organization)
        } else if line.k.is_place_word(w) {
            Some(Kind::Place)
        } else if line.k.is_event_word(w) {
            Some(Kind::Other)
        } else {
            None
        }
    };
    classify(to - 1)
        .or_else(|| classify(from))
        .or_else(|| (from..to).find_map(classify))
        .map(|k| (k, Strength::Good))
}

/// The kind the shape of an unknown name and the words around it suggest.
fn context_guess(line: &Line, from: usize, to: usize) -> Option<(Kind, Strength)> {
    let n = to - from;
    let first = line.word(from);
    let last = line.word(to - 1);
    let initial = |i: usize| {
        let w = line.word(i);
        w.len() <= 3 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase)
    };
    if n >= 2 && (line.k.is_given_name(first) || initial(from)) && !initial(to - 1) {
        return Some((Kind::Person, Strength::Good));
    }
    if (2..=4).contains(&n) && line.k.is_surname(last) {
        return Some((Kind::Person, Strength::Good));
    }
    if let Some(kind) = class_noun_around(line, from, to) {
        return Some((kind, Strength::Good));
    }
    let next = line.word(to);
    let after_comma = if next == "," { line.word(to + 1) } else { next };
    if n <= 3 && (line.k.is_person_cue(after_comma) || after_comma == "who") {
        return Some((Kind::Person, Strength::Good));
    }
    // "Aringay, Pangasinan", "Bergen, Norway": a place before a known region or country.
    if next == "," && to + 1 < line.toks.len() && line.toks[to + 1].is_capitalised() {
        let run_end = (to + 1..line.toks.len())
            .find(|&j| !line.toks[j].is_capitalised())
            .unwrap_or(line.toks.len());
        if let Some((m, r)) = line.gazetteer_at(to + 1, run_end, false)
            && to + 1 + m == run_end
            && !r.demonym
            && matches!(line.k.canon(r).kind, Kind::Place | Kind::Country)
        {
            return Some((Kind::Place, Strength::Good));
        }
    }
    if from > 0 {
        let prev = line.word(from - 1);
        if line.k.is_person_cue(prev) && n <= 3 {
            return Some((Kind::Person, Strength::Weak));
        }
        if PLACE_PREPOSITIONS.contains(&prev) {
            return Some((Kind::Place, Strength::Weak));
        }
        // "the Department", "the League": an organisation word alone, named by "the".
        if n == 1 && prev.eq_ignore_ascii_case("the") && line.k.is_org_word(first) {
            return Some((Kind::Organization, Strength::Weak));
        }
    }
    if n == 1
        && line.toks[from].shape == Shape::Upper
        && (2..=6).contains(&first.chars().filter(|c| c.is_alphanumeric()).count())
    {
        return Some((Kind::Organization, Strength::Weak));
    }
    if (2..=3).contains(&n) && (from..to).all(|i| name_like_word(line, i)) {
        return Some((Kind::Person, Strength::Weak));
    }
    None
}

/// A word that looks like part of a personal name: capitalised, not an acronym, and not a
/// common English word (or one that is also a name, like "Graham").
fn name_like_word(line: &Line, i: usize) -> bool {
    let t = line.toks[i];
    if t.shape != Shape::Cap {
        return NAME_PARTICLES.contains(&line.word(i));
    }
    let w = line.word(i);
    if line.k.is_given_name(w) || line.k.is_surname(w) {
        return true;
    }
    match line.k.lower_word(&w.to_lowercase()) {
        None => true,
        Some(lw) => lw.also_name && lw.zipf < 4.0,
    }
}

/// The kind given by a common noun next to the name: "the poet X", "the village of X",
/// "X is a Norwegian company", "X, a singer".
fn class_noun_around(line: &Line, from: usize, to: usize) -> Option<Kind> {
    if from > 0 {
        let prev = line.word(from - 1);
        if let Some(kind) = line
            .k
            .class_noun(prev)
            .filter(|_| line.toks[from - 1].shape == Shape::Lower)
        {
            return Some(kind);
        }
        if prev == "of" && from > 1 {
            let noun = line.word(from - 2);
            if let Some(kind) = line.k.class_noun(noun).filter(|k| *k == Kind::Place) {
                return Some(kind);
            }
        }
    }
    // After the name: ", a ..." or "is a ..." or "( a ... )", then the first class noun.
    let mut j = to;
    if matches!(line.word(j), "," | "(") {
        j += 1;
    }
    if matches!(line.word(j), "is" | "was" | "are" | "were") {
        j += 1;
    }
    if !matches!(line.word(j), "a" | "an" | "the") {
        return None;
    }
    for k in j + 1..(j + 6).min(line.toks.len()) {
        let t = line.toks[k];
        if !t.is_word() && line.word(k) != "-" {
            return None;
        }
        if t.shape == Shape::Lower
            && let Some(kind) = line.k.class_noun(line.word(k))
        {
            // "a member of", "a son of": the noun describes someone else.
            if line.word(k + 1) == "of" && kind == Kind::Person {
                return None;
            }
            return Some(kind);
        }
    }
    None
}

/// "the Biden administration": a name followed by "administration" is the government it leads.
fn extend_administration(line: &Line, to: usize, c: &mut Candidate) {
    if line.word(to) == "administration" && c.key.split(' ').count() <= 2 {
        let tok = line.toks[to];
        c.end = line.base + tok.end;
        c.key.push_str(" administration");
        c.reading = Reading::Name {
            guess: Some((Kind::Organization, Strength::Strong)),
            doubtful_start: false,
        };
    }
}

/// "the United Nations (UN)": the acronym in brackets right after a run is an alias of its last
/// piece.
fn attach_definitions(line: &Line, end: usize, pieces: &mut [Candidate]) {
    if line.word(end) != "(" || line.word(end + 2) != ")" {
        return;
    }
    let t = line.toks.get(end + 1);
    if t.is_none_or(|t| t.shape != Shape::Upper) {
        return;
    }
    if let Some(last) = pieces.last_mut() {
        last.defines = Some(line.word(end + 1).to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::extract::knowledge::tests::tiny;
    use crate::domain::extract::token::tokenize;

    /// (surface, kind guess) of each piece, Known pieces shown with their canonical name.
    fn names(line: &str) -> Vec<(String, String)> {
        let k = tiny();
        let mut toks = vec![];
        tokenize(line, &mut toks);
        let mut used = vec![false; toks.len()];
        let mut out = vec![];
        find(line, &toks, &mut used, 0, k, &mut out);
        out.iter()
            .map(|c| {
                let what = match &c.reading {
                    Reading::Known { canon, demonym } => format!(
                        "{}{}",
                        k.canon_of(*canon).name,
                        if *demonym { " (demonym)" } else { "" }
                    ),
                    Reading::Name { guess, .. } => {
                        format!("{:?}", guess.map(|g| g.0))
                    }
                    Reading::Value { kind, .. } => format!("{kind:?}"),
                };
                (line[c.start..c.end].to_string(), what)
            })
            .collect()
    }

    fn surfaces(line: &str) -> Vec<String> {
        names(line).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn titles_are_cut_and_a_leading_demonym_is_its_country() {
        assert_eq!(
            names("Norwegian Prime Minister Maria Ortega spoke."),
            [
                ("Norwegian".into(), "Norway".into()),
                ("Maria Ortega".into(), "Some(Person)".into())
            ]
        );
    }

    #[test]
    fn a_demonym_stands_for_its_state_only_before_state_nouns() {
        assert_eq!(names("Norwegian officials met.")[0].1, "Norway");
        assert_eq!(names("Norwegian fishermen met.")[0].1, "Norway (demonym)");
    }

    #[test]
    fn a_title_alone_is_not_a_name() {
        assert!(surfaces("He met the Prime Minister on the boat.").is_empty());
        assert!(surfaces("The President said no.").is_empty());
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        assert_eq!(surfaces("Amid talks, Norway waited."), ["Norway"]);
        assert_eq!(surfaces("Convincing Chile was hard."), ["Chile"]);
        assert!(surfaces("Key figures stayed home.").is_empty());
        assert!(surfaces("Ultimately nothing changed.").is_empty());
        assert!(surfaces("While we slept, rain fell.").is_empty());
    }

    #[test]
    fn the_determiner_and_possessive_are_not_part_of_the_span() {
        assert_eq!(
            surfaces("They thanked the United States and Ortega's aides."),
            ["United States", "Ortega"]
        );
        assert_eq!(surfaces("We saw Ortega 's goal."), ["Ortega"]);
    }

    #[test]
    fn capital_headlines_give_only_known_names() {
        assert_eq!(
            names("NORWAY AND CHILE SIGN DEAL IN OSLO"),
            [
                ("NORWAY".into(), "Norway".into()),
                ("CHILE".into(), "Chile".into()),
                ("OSLO".into(), "Oslo".into())
            ]
        );
        assert_eq!(
            surfaces("Storms Hit The Coast Of Chile As Officials Wait"),
            ["Chile"]
        );
    }

    #[test]
    fn connectors_join_names_after_a_head_word() {
        assert_eq!(
            names("She studied at the University of Valparaíso with Tomas de la Vega."),
            [
                (
                    "University of Valparaíso".into(),
                    "Some(Organization)".into()
                ),
                ("Tomas de la Vega".into(), "Some(Person)".into())
            ]
        );
        assert_eq!(
            surfaces("Maria Ortega of Chile spoke"),
            ["Maria Ortega", "Chile"]
        );
    }

    #[test]
    fn hyphenated_names_are_cut_out() {
        assert_eq!(
            names("An Oslo-based firm and the Norway-Chile talks."),
            [
                ("Oslo".into(), "Oslo".into()),
                ("Norway".into(), "Norway".into()),
                ("Chile".into(), "Chile".into())
            ]
        );
    }

    #[test]
    fn administration_after_a_name_is_an_organisation() {
        assert_eq!(
            names("It worried the Ortega administration deeply."),
            [("Ortega administration".into(), "Some(Organization)".into())]
        );
    }

    #[test]
    fn acronyms_defined_in_brackets_are_attached() {
        let k = tiny();
        let line = "the Nordic Fishing Council (NFC) met";
        let mut toks = vec![];
        tokenize(line, &mut toks);
        let mut used = vec![false; toks.len()];
        let mut out = vec![];
        find(line, &toks, &mut used, 0, k, &mut out);
        assert_eq!(out[0].key, "Nordic Fishing Council");
        assert_eq!(out[0].defines.as_deref(), Some("NFC"));
        assert_eq!(out[1].key, "NFC");
    }

    #[test]
    fn context_words_type_unknown_names() {
        assert_eq!(
            names("Then Vasquez said the storm reached Tromsdal."),
            [
                ("Vasquez".into(), "Some(Person)".into()),
                ("Tromsdal".into(), "None".into())
            ]
        );
        assert_eq!(names("It rained in Tromsdal.")[0].1, "Some(Place)");
    }
}
