//! Runs of name words: where a name starts and ends in a line.
//!
//! A run is a sequence of capitalised words, joined by connectors where names have them
//! ("Bank of America", "Leonardo da Vinci", "Procter & Gamble"). Its leading words are dropped
//! when they are capitalised only because they start a sentence ("Amid", "Convincing") or are
//! determiners ("The"). Hyphenated words may hold names of their own ("London-based").

use super::line::{Line, adverb_or_gerund, common_word, has_kind_word_at};
use super::token::Shape;
use crate::domain::entity::Kind;

mod hyphens;
use hyphens::{common_compound, compound_with_common_word};
pub(super) use hyphens::{hyphenated, hyphenated_given_name};

/// Lower-case words that join the capitalised words of one name.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "du", "des", "del", "della", "der", "den", "van", "von",
    "la", "le", "bin", "ibn", "bint", "al", "el", "y", "zu", "ter", "op",
];

/// Whether `w` is one of [`NAME_PARTICLES`]: asked of most words that start or follow a run,
/// so written out as a match, which is decided by the length and a compare or two, where a
/// search of the list compares with each particle in turn.
pub(super) fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "du"
            | "des"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "bint"
            | "al"
            | "el"
            | "y"
            | "zu"
            | "ter"
            | "op"
    )
}

/// Prefixes joined to a name by a hyphen ("anti-NRF", "pro-Israel", "ex-Google"): the name is
/// what follows them.
const NAME_PREFIXES: &[&str] = &[
    "anti", "pro", "ex", "non", "pan", "neo", "post", "pre", "mid", "semi", "pseudo", "multi",
    "trans", "inter", "intra", "sub", "super", "ultra", "un", "co", "counter", "then", "once",
    "all",
];

/// Lower-case words that join a name only after an organisation, place or title word:
/// "University of Oxford", "Ministry for Europe", "Secretary of State".
pub(super) const HEAD_CONNECTORS: &[&str] = &["of", "for", "on"];

/// The most words one run of name words may have.
pub(super) const MAX_RUN: usize = 16;

/// Organisation words that an "of", "for" or "on" can follow inside a name: "Ministry for
/// Europe", "Committee on Finance" (while "League for Peace" stays two names).
pub(super) const FOR_ON_HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "Commission",
    "Committee",
    "Council",
    "Office",
    "Centre",
    "Center",
    "Institute",
    "Agency",
    "Foundation",
    "Society",
    "Association",
    "Fund",
    "Secretary",
    "Minister",
    "Conference",
    "Convention",
    "Coalition",
    "Alliance",
    "Movement",
    "Campaign",
    "Party",
    "Bureau",
    "Board",
    "Authority",
];

/// A run stopped by a small word may still be one known name: "Bosnia and Herzegovina",
/// "Trinidad and Tobago", "Bank of America". Returns the end of the longest such name.
pub(super) fn known_across_connectors(
    line: &Line,
    used: &[bool],
    from: usize,
    end: usize,
) -> usize {
    if !matches!(
        line.bytes(end),
        b"and" | b"of" | b"the" | b"de" | b"y" | b"&" | b"on" | b"upon"
    ) {
        return end;
    }
    let limit = (from + line.k.max_name_words).min(line.toks.len());
    let free = (end..limit)
        .take_while(|&j| !used[j] && line.toks[j].is_word() || line.word_is(j, "&"))
        .count();
    let to = end + free;
    if to <= end + 1 {
        return end;
    }
    match line.gazetteer_at(from, to, false) {
        Some((n, _)) if from + n > end + 1 && line.toks[from + n - 1].is_capitalised() => from + n,
        _ => end,
    }
}

/// Where the run of name words starting at `from` ends (exclusive).
pub(super) fn run_end(line: &Line, used: &[bool], from: usize) -> usize {
    let toks = line.toks;
    let limit = (from + MAX_RUN).min(toks.len());
    let free_cap = |j: usize| {
        j < limit
            && !used[j]
            && toks[j].is_capitalised()
            && (!line.is_function_word(j) || surname_like_small_word(line, from, j))
            && !label(line, j)
            && (j == from || toks[j].shape != Shape::LowerCap || !prefixed(line.word(j)))
            && !(toks[j].shape == Shape::Cap
                && toks[j].hyphen
                && j > from
                && {
                    let w = line.word(j);
                    w.rsplit('-')
                        .next()
                        .is_some_and(|s| s.chars().all(char::is_lowercase))
                }
                && !hyphenated_given_name(line, j))
    };
    let mut j = from + 1;
    loop {
        if free_cap(j) {
            j += 1;
            continue;
        }
        // "Korean People's Army", "Workers' Party": a possessive inside the name of an
        // organisation, after a plural common noun.
        if j < toks.len()
            && toks[j].shape == Shape::Possessive
            && !used[j]
            && free_cap(j + 1)
            && possessive_inside_name(line, j, limit, &free_cap)
        {
            j += 1;
            continue;
        }
        // "Procter & Gamble", "AT & T": one word after the ampersand, a short name before it;
        // or more words when they end the name of an organisation ("Community & Technical
        // College").
        if line.word_is(j, "&") && free_cap(j + 1) && j - from <= 2 {
            let after = (j + 1..toks.len()).take_while(|&k| free_cap(k)).count();
            if after == 1 || line.is_org_word(j + after) {
                j += 1 + after;
                continue;
            }
        }
        if j < toks.len() && !used[j] && toks[j].shape == Shape::Lower {
            let w = line.word(j);
            // "da Vinci", "de la Vega", "van der Berg".
            let particles = (j..toks.len())
                .take(3)
                .take_while(|&p| !used[p] && is_name_particle(line.word(p)))
                .count();
            if (1..=2).contains(&particles) && free_cap(j + particles) {
                j += particles + 1;
                continue;
            }
            // "Syrian Observatory for Human Rights", "Bank for International Settlements": an
            // organisation for a cause in common words (not "the League for FC Basel").
            let cause = || {
                let words = (j + 1..limit).take_while(|&k| free_cap(k));
                let mut n = 0;
                for k in words {
                    n += 1;
                    if line.is_kind_word(k) || !common_word(line, k, 3.0) {
                        return false;
                    }
                }
                n > 0
            };
            let head_ok = || {
                w == "of"
                    || FOR_ON_HEADS.contains(&line.word(j - 1))
                    || w == "for" && line.is_org_word(j - 1) && cause()
            };
            if HEAD_CONNECTORS.contains(&w) && head_ok() && head_before(line, from, j) {
                if free_cap(j + 1) {
                    j += 2;
                    continue;
                }
                if line.word_is(j + 1, "the") && free_cap(j + 2) {
                    j += 3;
                    continue;
                }
            }
        }
        return j;
    }
}

/// "anti-NRF", "Pro-Israel": a prefix, a hyphen and a name. Such a word is a name of its own
/// (`hyphenated`); in lower case, never the last word of the name before it ("Several anti-NRF
/// militias", while "World Anti-Communist League" is one name).
fn prefixed(w: &str) -> bool {
    w.split_once('-').is_some_and(|(head, rest)| {
        rest.starts_with(char::is_uppercase)
            && NAME_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(head))
    })
}

/// "James To of the party", "Wilson Or": a two-letter small word capitalised inside a sentence,
/// right after a given name and before no other name word, is a surname (Cantonese surnames
/// are written so; "Santa Through the Door" is a title).
fn surname_like_small_word(line: &Line, from: usize, j: usize) -> bool {
    let t = line.toks[j];
    j > from
        && t.end - t.start <= 2
        && t.shape == Shape::Cap
        && !t.sentence_start
        && line.toks[j - 1].shape == Shape::Cap
        && line.is_given_name(j - 1)
        && line.toks.get(j + 1).is_none_or(|n| !n.is_capitalised())
}

/// "Image:", "Photo:", "Source:": a common word before a colon labels what follows (a caption's
/// credit, a source) and is no part of the name before it ("Ahmed Mohamed Image: NASA"). A
/// surname after a given name is the speaker's name that introduces a quotation ("Ola Berg:").
pub(super) fn label(line: &Line, i: usize) -> bool {
    line.word_is(i + 1, ":")
        && i.checked_sub(1)
            .is_none_or(|p| line.toks[p].shape != Shape::Lower)
        && line.toks[i].shape == Shape::Cap
        && line.common(i).is_some_and(|lw| lw.zipf >= 3.0)
        && !line.is_given_name(i)
        && !(line.is_surname(i)
            && i.checked_sub(1)
                .is_some_and(|p| line.toks[p].shape == Shape::Cap && line.is_given_name(p)))
}

/// Whether the possessive at `at` is inside a name: it follows a plural common noun ("People",
/// "Workers", "Women") and the capitalised words after it end with an organisation, place or
/// event word ("Army", "Party", "Hospital"). "Israel's Defence Ministry" is two names.
fn possessive_inside_name(
    line: &Line,
    at: usize,
    limit: usize,
    free_cap: &impl Fn(usize) -> bool,
) -> bool {
    let Some(noun) = at.checked_sub(1) else {
        return false;
    };
    let lower = line.lower(noun);
    let plural = matches!(&*lower, "people" | "men" | "women" | "children")
        || lower.ends_with('s') && !lower.ends_with("ss");
    if line.toks[noun].shape != Shape::Cap
        || !plural
        || line
            .common(noun)
            .is_none_or(|lw| lw.zipf < 2.5 || lw.also_name)
    {
        return false;
    }
    let end = (at + 1..limit).take_while(|&k| free_cap(k)).last();
    end.is_some_and(|e| line.is_kind_word(e))
}

/// Whether the words before a connector at `at` end with an organisation, place or event word,
/// or a title ("Secretary" of State).
pub(super) fn head_before(line: &Line, from: usize, at: usize) -> bool {
    if line.is_kind_word(at - 1) {
        return true;
    }
    (from..at).any(|s| line.is_title_of_words(s, at))
}

/// Drops leading words that are capitalised for another reason than being a name.
pub(super) fn strip_leading(line: &Line, from: usize, end: usize) -> usize {
    let mut s = from;
    while s < end {
        if let Some((n, r)) = line.gazetteer_at(s, end, false) {
            // "The National Resistance Front": a known name that starts with a determiner ("The
            // National", a newspaper) and that more name words follow is the start of a longer
            // name, and the determiner is not part of that one.
            if s + n < end && n > 1 && line.is_function_word(s) {
                s += 1;
                continue;
            }
            // "The Associated Press said": the determiner of a known name is not part of it
            // when the entity's own name has none (unlike "The Guardian", "The Hague").
            if n > 1
                && line.is_function_word(s)
                && !line.k.canon(r).name.starts_with(line.word(s))
                && line
                    .gazetteer_at(s + 1, s + n, false)
                    .is_some_and(|(m, rest)| m == n - 1 && rest.canon == r.canon)
            {
                s += 1;
                continue;
            }
            break;
        }
        let t = line.toks[s];
        // The particles and connectors are ASCII, which no other letter has as its lower
        // case (but the Kelvin sign's "k"): the word's ASCII letters in lower case tell them,
        // without writing out its lower case.
        let ascii_lower = line.ascii_lowered(s);
        // "Van Dijk said", "De Gaulle": a particle written with a capital before another name
        // word is the start of a surname (a lower-case one is a connector left over).
        let particle = is_name_particle(ascii_lower);
        if particle && t.shape == Shape::Cap && s + 1 < end {
            break;
        }
        if line.is_function_word(s) || particle {
            s += 1;
            continue;
        }
        if HEAD_CONNECTORS.contains(&ascii_lower) || label(line, s) {
            s += 1;
            continue;
        }
        // "Pan-democrat Lam", "Pro-democracy Ortega": a compound of a common word describes the
        // name after it.
        if t.shape == Shape::Cap && s + 1 < end && compound_with_common_word(line, s) {
            s += 1;
            continue;
        }
        // "Scientologist Tom Cruise", "Socialist Maria Ortega": a follower before a given name.
        if t.shape == Shape::Cap
            && s + 2 < end
            && {
                let lower = line.lower(s);
                lower.ends_with("ist") || lower.ends_with("ists")
            }
            && line.is_given_name(s + 1)
            && line.gazetteer_at(s, end, false).is_none()
        {
            s += 1;
            continue;
        }
        // "Senior Kory Lichtensteiger", "Famer Bill McKechnie": a common word capitalised before
        // a given name is a description, wherever it stands.
        if t.shape == Shape::Cap
            && s + 2 < end
            && line.is_given_name(s + 1)
            && line
                .common(s)
                .is_some_and(|lw| !lw.also_name && lw.zipf >= 3.0)
            && line.gazetteer_at(s, end, false).is_none()
        {
            s += 1;
            continue;
        }
        if t.sentence_start && t.shape == Shape::Cap {
            let lower = line.lower(s);
            // A common word, an adverb or a gerund however rare ("Cajoling"), or, before a
            // known name that ends the run, any word that is not a personal name ("Senior
            // Israel", "Midway Israel").
            let is_name = line.is_given_name(s) || line.is_surname(s);
            let known_rest = s + 1 < end
                && line
                    .gazetteer_at(s + 1, end, false)
                    .is_some_and(|(n, _)| s + 1 + n == end);
            let common = line.common(s).is_some_and(|lw| {
                !lw.also_name && (lw.zipf >= 2.5 || adverb_or_gerund(&lower))
                    || known_rest && !is_name
            }) || common_compound(line, s);
            // "Chow Ka-lok said": a surname before a hyphenated given name; "Xi Jinping met":
            // a surname before a word that is only a name.
            let person_start = s + 1 < end
                && (line.is_given_name(s)
                    || hyphenated_given_name(line, s + 1)
                    || line.is_surname(s)
                        && line.toks[s + 1].shape == Shape::Cap
                        && line.common(s + 1).is_none());
            // "Armistice Day", "Royal Navy": the first word belongs to a name that ends with
            // an organisation, place or event word, unless a known name or title follows it.
            let named_whole = s + 1 < end
                && has_kind_word_at(line, end - 1)
                && line.gazetteer_at(s + 1, end, false).is_none()
                && line.title_at(s + 1, end).is_none();
            // A surname or given name alone ("Chow disagreed") stays, doubtful: the document
            // decides whether it names someone (`cluster`).
            let lone_name = s + 1 == end && is_name;
            if common
                && !person_start
                && !named_whole
                && !lone_name
                && line.title_at(s, end).is_none()
                && !(s + 1 < end
                    && !adverb_or_gerund(&lower)
                    && line.common(s).is_some_and(|lw| lw.zipf < 4.4)
                    && person_apposition_after(line, end))
            {
                s += 1;
                continue;
            }
        }
        break;
    }
    s
}

/// "Ash Carter, the defence secretary,": the run before a comma and a noun phrase whose head
/// is a title or a noun for a person names that person, its first word included when it is
/// a rarer word ("Ash", not "Meanwhile").
fn person_apposition_after(line: &Line, end: usize) -> bool {
    if !line.word_is(end, ",") {
        return false;
    }
    let mut i = end + 1;
    if matches!(line.lower(i).as_ref(), "a" | "an" | "the") {
        i += 1;
    }
    let first = i;
    while i < line.toks.len() && line.toks[i].shape == Shape::Lower && i - first < 4 {
        i += 1;
    }
    let closed = i == line.toks.len() || matches!(line.word(i), "," | "." | ";");
    if i == first || !closed {
        return false;
    }
    let head = line.lower(i - 1);
    line.k.is_title(&head) || line.k.class_noun(&head) == Some(Kind::Person)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_particle_is_matched() {
        for p in NAME_PARTICLES {
            assert!(is_name_particle(p), "{p}");
        }
        assert!(!is_name_particle("Van") && !is_name_particle("delta"));
    }
}
