//! What the words around each name mention say of its entity, read before resolving: the
//! type noun beside the name of an organisation or a place ("the company Hitwise"), the
//! roles and the age a text gives a person ("Prime Minister X", "X, the defence secretary,",
//! "X, 45,").
//!
//! Each mention is read on its own, so a long text's mentions are read in pieces on several
//! threads; `facts` takes what they say in the order of the text.

use rustc_hash::FxHashMap as HashMap;

use super::super::knowledge::Knowledge;
use super::appositions::{self, lower_key, strip_possessive};
use super::class::Class;
use super::in_text::Named;
use super::phrase;
use super::types;
use super::words::{self, Word};

/// What the words around a name mention say.
pub enum Said {
    /// The type nouns (as bits) an organisation's or a place's name is given.
    Type(u64),
    /// The roles (lower case, words joined by spaces) and the age a person is given.
    Person {
        roles: Vec<String>,
        age: Option<u16>,
    },
}

/// Fewer mentions than this are read on one thread: starting threads would cost more.
const PIECE: usize = 4096;

/// What each of `names` (in the order of the text) that says something says, with its index,
/// given to `each` in that order; read on `jobs` threads. `class`: the class of each entity.
///
/// The names are read a round at a time (each thread a part of [`ROUND`] names) and what a
/// round says is given before the next is read: on a large text the roles said are millions
/// of strings, which would otherwise all stand in lists at once at the pass's peak.
pub fn said(
    text: &[u8],
    names: &[Named],
    class: &[Class],
    k: &Knowledge,
    jobs: usize,
    mut each: impl FnMut(usize, Said),
) {
    let jobs = if names.len() < 2 * PIECE {
        1
    } else {
        jobs.max(1)
    };
    for (r, round) in names.chunks(ROUND * jobs).enumerate() {
        let first = r * ROUND * jobs;
        let parts: Vec<Vec<(usize, Said)>> = if jobs == 1 {
            vec![read(text, round, first, class, k)]
        } else {
            let per = round.len().div_ceil(jobs);
            std::thread::scope(|scope| {
                let threads: Vec<_> = (round.chunks(per).enumerate())
                    .map(|(i, part)| {
                        scope.spawn(move || read(text, part, first + i * per, class, k))
                    })
                    .collect();
                (threads.into_iter())
                    .map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        for (i, said) in parts.into_iter().flatten() {
            each(i, said);
        }
    }
}

/// Names a thread reads in a round of [`said`].
const ROUND: usize = 1 << 16;

/// [`said`] on one thread, of `names` whose first is the mention `first`.
fn read(
    text: &[u8],
    names: &[Named],
    first: usize,
    class: &[Class],
    k: &Knowledge,
) -> Vec<(usize, Said)> {
    let mut out = Vec::new();
    let mut worth = HashMap::default();
    // The type nouns each class may take, worked out once (a mention is of one class).
    let mut possible: [Option<u64>; 8] = [None; 8];
    for (i, n) in names.iter().enumerate() {
        let (start, end) = (n.start as usize, n.end as usize);
        let class = class[n.entity() as usize];
        let said = if class != Class::Person {
            let possible = *possible[class as usize].get_or_insert_with(|| types::possible(class));
            Some(said_type(text, start, end, possible))
                .filter(|&bits| bits != 0)
                .map(Said::Type)
        } else {
            let roles = roles_around(text, start, end, k, &mut worth);
            let age = age_after(text, end);
            (!roles.is_empty() || age.is_some()).then_some(Said::Person { roles, age })
        };
        if let Some(said) = said {
            out.push((first + i, said));
        }
    }
    out
}

/// The type noun the text puts next to a name of an entity of `class`, when the noun can name
/// that kind of entity: "the company Hitwise" says Hitwise is a company, "the Sea Org group"
/// that the Sea Org is a group, though no gazetteer knows either.
fn said_type(text: &[u8], start: usize, end: usize, possible: u64) -> u64 {
    if possible == 0 {
        // Dates and figures: no noun names them.
        return 0;
    }
    let before = phrase::type_noun_before(text, start.saturating_sub(64), start, possible);
    let after = || {
        // After the name only when "the" opens the phrase: "the Sea Org group", not "Texas
        // team".
        let det = words::word_before(text, start.saturating_sub(8), start)?;
        (det.is(text, "the") && words::only_space(text, det.end, start)).then_some(())?;
        phrase::type_noun_after(text, end, (end + 64).min(text.len()), possible)
    };
    let Some(noun) = before.or_else(after) else {
        return 0;
    };
    let mut buf = [0u8; 24];
    let word = Word {
        start: noun.start,
        end: noun.end,
    };
    (word.lower(text, &mut buf))
        .and_then(|w| types::bit_of(strip_possessive(w)))
        .unwrap_or(0)
}

/// How far around a name a role is looked for, in bytes.
const REACH: usize = 80;

/// The roles the words around a person's name give it: a title right before it ("Prime
/// Minister X", "defence secretary X", "Mr X"), an apposition after it ("X, the defence
/// secretary," / "X, a spokeswoman for") or before it ("the defence secretary, X,").
///
/// `worth` remembers, for each word seen right before a name, whether it may end a role
/// (the same few words come before most names).
fn roles_around<'t>(
    text: &'t [u8],
    start: usize,
    end: usize,
    k: &Knowledge,
    worth: &mut HashMap<&'t [u8], bool>,
) -> Vec<String> {
    let mut out = Vec::new();
    let from = start.saturating_sub(REACH);
    // The words right before it (only spaces between), nearest first.
    let word_before = |at: usize| {
        words::word_before(text, from, at)
            .filter(|w| words::only_space(text, w.end, at) || abbreviation_dot(text, w.end, at))
    };
    // Most names follow a word that ends no title and names no person ("said", "and").
    let nearest = word_before(start);
    let worth = nearest.is_some_and(|w| {
        *(worth.entry(w.bytes(text))).or_insert_with(|| {
            let mut buf = [0u8; 24];
            (w.lower(text, &mut buf))
                .is_some_and(|w| k.ends_a_title(w) || appositions::is_person_noun(k, w))
        })
    });
    // Before: the longest title that ends right before the name.
    let mut before: Vec<Word> = Vec::new();
    if worth {
        let mut at = start;
        while before.len() < k.max_title_words.max(1)
            && let Some(w) = word_before(at)
        {
            before.push(w);
            at = w.start;
        }
    }
    let title = worth
        .then(|| longest_title(text, before.iter().rev().copied(), k, true))
        .flatten();
    if let Some(role) = title {
        out.push(role);
    } else if worth
        && let Some(&last) = before.first()
        && last.is_lowercase(text)
    {
        // "Texas student X": a noun for a person right before the name.
        let mut buf = [0u8; 24];
        if let Some(noun) = last.lower(text, &mut buf)
            && appositions::is_person_noun(k, noun)
        {
            out.push(noun.to_string());
        }
    }
    // Appositions need a comma right after the name or right before it.
    let comma_after = text.get(end) == Some(&b',');
    let comma_before = text[from..start].trim_ascii_end().ends_with(b",");
    if !comma_after && !comma_before {
        return out;
    }
    let limit = (end + REACH).min(text.len());
    let person = |noun: &str| appositions::is_person_noun(k, noun);
    // After: "X, the defence secretary," / "X, a 14-year-old boy from ...".
    let after = appositions::apposition_after(text, end, limit, person);
    // Before: "the defence secretary, X," / "a Scientology attorney, X.".
    let before = appositions::apposition_before(text, from, start, end, limit, person);
    for (s, e) in after.into_iter().chain(before) {
        let ws: Vec<Word> = words::words(text, s..e).collect();
        // The whole phrase when it is a title ("defence secretary"), else its head.
        let key = lower_key(text, &ws);
        if k.is_title(&key) {
            out.push(key);
        } else if let Some(&head) = ws.last() {
            out.push(lower_key(text, &[head]));
        }
    }
    out
}

/// The title the words make, trying the longest run that ends at the last word first (a
/// title right before a name). `capital_ok`: the words may be capitalised ("Prime Minister").
fn longest_title(
    text: &[u8],
    ws: impl Iterator<Item = Word>,
    k: &Knowledge,
    capital_ok: bool,
) -> Option<String> {
    let ws: Vec<Word> = ws.collect();
    for from in 0..ws.len() {
        let run = &ws[from..];
        if !capital_ok && run.iter().any(|w| w.is_capitalised(text)) {
            continue;
        }
        let key = lower_key(text, run);
        if k.is_title(&key) {
            return Some(key);
        }
    }
    None
}

/// Whether `text[a..b]` is the full stop of an abbreviation and a space ("Mr. X").
fn abbreviation_dot(text: &[u8], a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|s| s.first() == Some(&b'.') && s[1..].iter().all(u8::is_ascii_whitespace))
}

/// "X, 45," or "X, 45." right after a name: the age.
fn age_after(text: &[u8], end: usize) -> Option<u16> {
    let limit = (end + 8).min(text.len());
    // A comma first, after spaces: most names have none.
    let first = text
        .get(end..limit)?
        .iter()
        .find(|c| !c.is_ascii_whitespace());
    if first != Some(&b',') {
        return None;
    }
    let w = words::next_word(text, end, limit)?;
    if !words::only_comma(text, end, w.start) {
        return None;
    }
    let after = text.get(w.end).copied();
    if !matches!(after, Some(b',' | b'.' | b')')) {
        return None;
    }
    let age: u16 = w.str(text).parse().ok()?;
    (1..=120).contains(&age).then_some(age)
}
