//! Hyphenated words in a line: a given name of two syllables ("Jong-un"), or a compound that
//! holds a name of its own ("London-based", "Obama-era").

use std::borrow::Cow;

use super::super::candidate::{Candidate, Reading, Strength};
use super::super::line::Line;
use super::super::token::Shape;
use super::prefixed;
use crate::domain::entity::Kind;

/// "Jong-un", "Kwok-hung", "Chi-wai": a given name of two syllables joined by a hyphen, as
/// Korean and Chinese names are written in English, rather than a compound with a common word
/// ("Israeli-led", "Kremlin-leaning", "Obama-era", "Pan-democrat").
pub(in crate::domain::extract) fn hyphenated_given_name(line: &Line, i: usize) -> bool {
    // Most words asked about have no hyphen: their token says so before a string search.
    if !line.toks.get(i).is_some_and(|t| t.hyphen) {
        return false;
    }
    let w = line.word(i);
    let Some((head, tail)) = w.split_once('-') else {
        return false;
    };
    let syllable = |p: &str, first: bool| {
        (1..=6).contains(&p.len())
            && p.bytes().enumerate().all(|(n, b)| {
                if n == 0 && first {
                    b.is_ascii_uppercase()
                } else {
                    b.is_ascii_lowercase()
                }
            })
    };
    if !syllable(head, true) || !syllable(tail, false) {
        return false;
    }
    // Participles and agent nouns: "Kremlin-backed", "Moscow-leaning", "Finger-picker"
    // ("-ching", "-ting" are syllables).
    if tail.ends_with("ed") || tail.ends_with("er") || tail.len() > 5 && tail.ends_with("ing") {
        return false;
    }
    let zipf = line.k.lower_word(tail).map_or(0.0, |lw| lw.zipf);
    let name_part = |p: &str| line.k.is_given_name(p) || line.k.is_surname(p);
    let capitalised = || {
        let mut t = tail.to_string();
        t[..1].make_ascii_uppercase();
        t
    };
    if zipf < 3.0 || zipf < 4.3 && (name_part(head) || name_part(&capitalised())) {
        return true;
    }
    // "Moon Jae-in", "Ban Ki-moon": two romanised syllables, the first no common word ("Sit-in",
    // "Log-in"), even when the second is one.
    let head_lower = head.to_ascii_lowercase();
    head.len() <= 4
        && romanised_syllable(&head_lower)
        && romanised_syllable(tail)
        && line
            .k
            .lower_word(&head_lower)
            .is_none_or(|lw| lw.also_name || lw.zipf < 3.0)
}

/// "jae", "moon", "hung", "yeol", "shek": how one syllable of a Korean or Chinese name is
/// written in English — a few consonants, a few vowels, maybe a final consonant ("era" is not).
fn romanised_syllable(s: &str) -> bool {
    let vowel = |b: &u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let b = s.as_bytes();
    let onset = b.iter().take(3).take_while(|c| !vowel(c)).count();
    let nucleus = b[onset..].iter().take(3).take_while(|c| vowel(c)).count();
    let coda = &b[onset + nucleus..];
    nucleus > 0
        && matches!(
            coda,
            b"" | b"n" | b"ng" | b"m" | b"k" | b"p" | b"t" | b"l" | b"r" | b"h"
        )
}

/// "Long-awaited", "Cash-strapped": a compound of a common word and a lower-case word, which
/// opens a sentence as any adjective does.
pub(super) fn common_compound(line: &Line, i: usize) -> bool {
    let w = line.word(i);
    w.as_bytes().contains(&b'-')
        && w.split_once('-').is_some_and(|(head, tail)| {
            tail.bytes().all(|b| b.is_ascii_lowercase())
                && line
                    .k
                    .lower_word(&head.to_lowercase())
                    .is_some_and(|lw| lw.zipf >= 3.0)
        })
        && !hyphenated_given_name(line, i)
}

/// "Pan-democrat", "Anti-war": a hyphenated word that ends with a common word in lower case.
pub(super) fn compound_with_common_word(line: &Line, i: usize) -> bool {
    let w = line.word(i);
    w.as_bytes().contains(&b'-')
        && w.rsplit_once('-').is_some_and(|(_, tail)| {
            tail.bytes().all(|b| b.is_ascii_lowercase())
                && line.k.lower_word(tail).is_some_and(|lw| lw.zipf >= 3.0)
        })
        && !hyphenated_given_name(line, i)
}

/// "London-based", "Israel-Hamas": names inside a hyphenated word. Emits them and returns true
/// if the word was one.
pub(in crate::domain::extract) fn hyphenated<'t>(
    line: &Line<'_, 't>,
    i: usize,
    out: &mut Vec<Candidate<'t>>,
) -> bool {
    if !line.toks.get(i).is_some_and(|t| t.hyphen) || line.toks[i].shape == Shape::Number {
        return false;
    }
    let w = line.word(i);
    let tok = line.toks[i];
    let parts: Vec<(usize, &str)> = w
        .split('-')
        .scan(0usize, |off, p| {
            let at = *off;
            *off += p.len() + 1;
            Some((at, p))
        })
        .collect();
    if line.k.name(w).is_some() {
        return false;
    }
    let last = parts.last().map_or("", |&(_, p)| p);
    let lower_tail = last.chars().all(char::is_lowercase) && !last.is_empty();
    if lower_tail && hyphenated_given_name(line, i) {
        return false;
    }
    let known = |p: &str| line.k.name(p);
    let mut emitted = false;
    let push = |at: usize, p: &'t str, reading: Reading, out: &mut Vec<Candidate<'t>>| {
        out.push(Candidate {
            start: line.base + tok.start + at,
            end: line.base + tok.start + at + p.len(),
            key: Cow::Borrowed(p),
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
        } else if (last.ends_with("ed") || matches!(last, "run" | "led"))
            && line
                .k
                .lower_word(&head.to_lowercase())
                .is_none_or(|lw| lw.zipf < 3.0)
        {
            // "Scientology-related", "Vestmark-owned": a participle after a name says
            // something of it, which is mentioned (not "Long-awaited", "Cash-strapped").
            push(
                0,
                head,
                Reading::Name {
                    guess: None,
                    doubtful_start: false,
                },
                out,
            );
            emitted = true;
        }
        return emitted;
    }
    // "anti-NRF", "pro-Israel", "ex-Google": a prefix before a name, which is the name.
    if prefixed(w)
        && let Some((head, rest)) = w.split_once('-')
    {
        if super::super::dates::is_calendar_word(rest) {
            // "mid-April": the date finder's, not a name.
            return true;
        }
        let reading = match known(rest) {
            // "pro-Beijing": a city standing for a government is not a mention of the city.
            Some(r) if line.k.kind(r) == Kind::Place => return true,
            Some(r) => Reading::Known {
                canon: r.canon,
                demonym: r.demonym,
            },
            None if rest.contains('-') => return false,
            None => {
                let acronym = (2..=6).contains(&rest.len())
                    && rest
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
                Reading::Name {
                    guess: acronym.then_some((Kind::Organization, Strength::Weak)),
                    doubtful_start: false,
                }
            }
        };
        push(head.len() + 1, rest, reading, out);
        return true;
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
