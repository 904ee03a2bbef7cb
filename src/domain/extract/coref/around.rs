//! What the words around each name mention say of its entity, read before resolving: the
//! type noun beside the name of an organisation or a place ("the company Hitwise"), the
//! roles and the age a text gives a person ("Prime Minister X", "X, the defence secretary,",
//! "X, 45,").
//!
//! Each mention is read on its own, so a long text's mentions are read in pieces on several
//! threads; `facts` takes what they say in the order of the text.

use rustc_hash::FxHashMap as HashMap;

use super::super::knowledge::Knowledge;
use super::ahead::{NAMES_AHEAD, prefetch};
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
/// The names are read a part of [`PART`] names at a time, each thread a part in turn, and
/// given on (on this thread) as soon as the parts before them are: the readers run at most a
/// part ahead of the giving, so that on a large text the roles said (millions of strings)
/// never all stand in lists at once, at the pass's peak, and no core waits for the giving.
pub fn said(
    text: &[u8],
    names: &[Named],
    class: &[Class],
    k: &Knowledge,
    jobs: usize,
    mut each: impl FnMut(usize, Said),
) {
    let parts = names
        .chunks(PART)
        .enumerate()
        .map(|(p, part)| (p * PART, part));
    if !on_threads(names, jobs) {
        for (first, part) in parts {
            for (i, said) in read(text, part, first, class, k) {
                each(i, said);
            }
        }
        return;
    }
    let parts: Vec<(usize, &[Named])> = parts.collect();
    std::thread::scope(|scope| {
        // Reader `r` reads parts r, r + jobs, r + 2 jobs...; each handed over through a
        // channel of its own that holds one, so the parts come back in order.
        let readers: Vec<_> = (0..jobs)
            .map(|r| {
                let (give, take) = std::sync::mpsc::sync_channel(1);
                let mine = parts.iter().skip(r).step_by(jobs).copied();
                scope.spawn(move || {
                    for (first, part) in mine {
                        if give.send(read(text, part, first, class, k)).is_err() {
                            return;
                        }
                    }
                });
                take
            })
            .collect();
        for p in 0..parts.len() {
            // A reader that panicked hung up: its panic goes on at the scope's end.
            let Ok(part) = readers[p % jobs].recv() else {
                break;
            };
            for (i, said) in part {
                each(i, said);
            }
        }
    });
}

/// Whether [`said`] reads `names` on several threads (given `jobs`), not on this one.
pub fn on_threads(names: &[Named], jobs: usize) -> bool {
    jobs > 1 && names.len() >= 2 * PIECE
}

/// Names read at a time by one thread of [`said`].
const PART: usize = 1 << 14;

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
    // The words of a title or an apposition (a buffer reused).
    let mut ws = Vec::new();
    // The type nouns each class may take, worked out once (a mention is of one class).
    let mut possible: [Option<u64>; 8] = [None; 8];
    for (i, n) in names.iter().enumerate() {
        if let Some(ahead) = names.get(i + NAMES_AHEAD) {
            prefetch(class, ahead.entity() as usize);
        }
        let (start, end) = (n.start as usize, n.end as usize);
        let class = class[n.entity() as usize];
        let said = if class != Class::Person {
            let possible = *possible[class as usize].get_or_insert_with(|| types::possible(class));
            Some(said_type(text, start, end, possible))
                .filter(|&bits| bits != 0)
                .map(Said::Type)
        } else {
            let roles = roles_around(text, start, end, k, &mut worth, &mut ws);
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
        let from = start.saturating_sub(8);
        phrase::the_may_end_before(text, from, start).then_some(())?;
        let det = words::word_before(text, from, start)?;
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
/// (the same few words come before most names); `ws` is a buffer for the words of a role.
fn roles_around<'t>(
    text: &'t [u8],
    start: usize,
    end: usize,
    k: &Knowledge,
    worth: &mut HashMap<&'t [u8], bool>,
    ws: &mut Vec<Word>,
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
    // Looked up before an entry is made: the word is nearly always known already.
    let worth = nearest.is_some_and(|w| {
        let key = w.bytes(text);
        if let Some(&known) = worth.get(key) {
            return known;
        }
        let mut buf = [0u8; 24];
        let ends = (w.lower(text, &mut buf))
            .is_some_and(|w| k.ends_a_title(w) || appositions::is_person_noun(k, w));
        worth.insert(key, ends);
        ends
    });
    // Before: the longest title that ends right before the name.
    let before = ws;
    before.clear();
    if worth {
        let mut at = start;
        while before.len() < k.max_title_words.max(1)
            && let Some(w) = word_before(at)
        {
            before.push(w);
            at = w.start;
        }
    }
    // In the order of the text.
    before.reverse();
    let title = worth
        .then(|| longest_title(text, before, k, true))
        .flatten();
    if let Some(role) = title {
        out.push(role);
    } else if worth
        && let Some(&last) = before.last()
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
    let apposition_before = appositions::apposition_before(text, from, start, end, limit, person);
    let ws = before;
    for (s, e) in after.into_iter().chain(apposition_before) {
        ws.clear();
        ws.extend(words::words(text, s..e));
        // The whole phrase when it is a title ("defence secretary"), else its head: the key
        // asked for on the stack, a string made only of what is kept.
        if appositions::is_title_words(k, text, ws) {
            out.push(lower_key(text, ws));
        } else if let Some(&head) = ws.last() {
            out.push(lower_key(text, &[head]));
        }
    }
    out
}

/// The title the words make, trying the longest run that ends at the last word first (a
/// title right before a name). `capital_ok`: the words may be capitalised ("Prime Minister").
fn longest_title(text: &[u8], ws: &[Word], k: &Knowledge, capital_ok: bool) -> Option<String> {
    for from in 0..ws.len() {
        let run = &ws[from..];
        if !capital_ok && run.iter().any(|w| w.is_capitalised(text)) {
            continue;
        }
        if appositions::is_title_words(k, text, run) {
            return Some(lower_key(text, run));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::extract::knowledge;

    /// What `said` gives, in order, written out.
    fn given(text: &str, names: &[Named], class: &[Class], jobs: usize) -> Vec<String> {
        let mut out = Vec::new();
        said(
            text.as_bytes(),
            names,
            class,
            knowledge::builtin(),
            jobs,
            |i, said| {
                out.push(match said {
                    Said::Type(bits) => format!("{i} type {bits}"),
                    Said::Person { roles, age } => format!("{i} {roles:?} {age:?}"),
                });
            },
        );
        out
    }

    #[test]
    fn every_number_of_threads_gives_what_is_said_in_the_order_of_the_text() {
        let sentence = "The company Acme said. Defence secretary Jo Smith, 45, spoke. ";
        let text = sentence.repeat(3 * PART / 2 + 7);
        let (acme, smith) = (12, 41);
        let names: Vec<Named> = (0..text.len() / sentence.len())
            .flat_map(|s| {
                let at = (s * sentence.len()) as u32;
                [
                    Named::new(at + acme, at + acme + 4, 0, false),
                    Named::new(at + smith, at + smith + 8, 1, false),
                ]
            })
            .collect();
        let class = [Class::Organization, Class::Person];
        let one = given(&text, &names, &class, 1);
        assert_eq!(one.len(), names.len());
        assert_eq!(one[0], "0 type 16");
        assert_eq!(one[1], "1 [\"defence secretary\"] Some(45)");
        for jobs in [2, 3, 5] {
            assert!(given(&text, &names, &class, jobs) == one, "{jobs} jobs");
        }
    }
}
