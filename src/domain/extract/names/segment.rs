//! Cuts one run of capitalised words into known names, titles and unknown names.

use super::super::candidate::{Candidate, Reading, Strength};
use super::super::knowledge::NameRef;
use super::super::line::{Line, has_kind_word_at};
use super::super::runs::is_name_particle;
use super::super::token::Shape;
use super::super::typing::{
    COMPASS, acts_as_state, class_noun_around, class_noun_before, context_guess, name_like_word,
    word_guess,
};
use crate::domain::entity::Kind;

/// Cuts a run into gazetteer names, titles and unknown names.
// Called once, from the line's scan, which inlined it while they shared a file; kept so.
#[inline]
pub(super) fn segment<'a>(
    line: &Line<'_, 'a>,
    from: usize,
    to: usize,
    out: &mut Vec<Candidate<'a>>,
) {
    let mut pos = from;
    let mut titled = false;
    // Where the last title ended.
    let mut title_end = usize::MAX;
    while pos < to {
        // Connectors left dangling by a title: "Prime Minister of Israel".
        if line.toks[pos].shape == Shape::Lower || line.word_is(pos, "&") {
            pos += 1;
            continue;
        }
        let known = line.gazetteer_at(pos, to, false).or_else(|| {
            // A dateline or a shouted name in capitals: "WASHINGTON (Reuters)".
            let caps_word = (pos..to).all(|i| line.toks[i].shape == Shape::Upper)
                && line
                    .key(pos, to)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    >= 4;
            if caps_word {
                line.gazetteer_at(pos, to, true)
            } else {
                None
            }
        });
        // "Lord Stanley", "President Jackson": after a title, a place name is a person's; a
        // country's too right after it ("Captain America", not "Ambassador to France").
        if titled
            && let Some((n, r)) = known
            && pos + n == to
            && match line.k.kind(r) {
                Kind::Place => true,
                Kind::Country => !r.demonym && title_end == pos,
                _ => false,
            }
        {
            out.push(line.candidate(
                pos,
                to,
                name_reading(Some((Kind::Person, Strength::Strong))),
            ));
            return;
        }
        // "the news agency Sana": a noun next to a known place's name says it names something
        // else here (Sana is also a town in Peru).
        if let Some((n, r)) = known
            && pos + n == to
            && line.k.kind(r) == Kind::Place
            && let Some(kind) = class_noun_before(line, pos).filter(|k| *k != Kind::Place)
        {
            out.push(line.candidate(pos, to, name_reading(Some((kind, Strength::Strong)))));
            return;
        }
        // "played for Halden", "signed with Leeds": a town a player plays for is its club.
        if let Some((n, r)) = known
            && pos + n == to
            && line.k.kind(r) == Kind::Place
            && !r.demonym
            && plays_for_before(line, pos)
        {
            out.push(line.candidate(
                pos,
                to,
                name_reading(Some((Kind::Organization, Strength::Strong))),
            ));
            return;
        }
        if let Some((n, r)) = known
            && pos + n == to
        {
            let r = NameRef {
                demonym: r.demonym && !acts_as_state(line, pos, to, to),
                ..r
            };
            out.push(line.candidate(pos, to, known_reading(r)));
            return;
        }
        // "Secretary of the Interior Department": a title that an "of" follows is cut first.
        // What follows is where the office is, not its holder ("the Mayor of London").
        if let Some(n) = line.title_at(pos, to)
            && pos + n < to
            && matches!(line.word(pos + n), "of" | "for" | "at")
            && known.is_none_or(|(m, _)| m < n)
        {
            pos += n;
            titled = false;
            continue;
        }
        if to - pos >= 2 && line.has_kind_word(pos, to) && !line.is_title_of_words(pos, to) {
            // "Seminole County Sheriff Ann Lee": a title after the name word starts a new piece.
            let end = (pos + 1..to)
                .find(|&k| has_kind_word_at(line, k - 1) && line.title_at(k, to).is_some())
                .unwrap_or(to);
            let guess = class_noun_around(line, pos, end)
                .map(|k| (k, Strength::Good))
                .or_else(|| word_guess(line, pos, end));
            out.push(line.candidate(pos, end, name_reading(guess)));
            if end == to {
                return;
            }
            pos = end;
            continue;
        }
        if let Some(n) = line.title_at(pos, to)
            && known.is_none_or(|(m, _)| m < n)
            && !given_name_before_surname(line, pos, n, to)
        {
            pos += n;
            titled = true;
            title_end = pos;
            continue;
        }
        if let Some((n, r)) = known {
            // A title chain ends with its holder: "Ambassador to the United States Hamdullah
            // Mohib", "the envoy to France Ravi Menon".
            if let Some(holder) = holder_after(line, pos, pos + n, to) {
                let r = NameRef {
                    demonym: r.demonym && !acts_as_state(line, pos, pos + n, to),
                    ..r
                };
                out.push(line.candidate(pos, pos + n, known_reading(r)));
                out.push(line.candidate(pos + n, to, name_reading(Some(holder))));
                return;
            }
            // A known name followed by more name words, not a title, is part of a longer
            // name: "Perth Glory", "St. Louis Cardinals", "Hamilton Field".
            let part_of_longer = !r.demonym && line.title_at(pos + n, to).is_none();
            if part_of_longer {
                // "Kowloon West": a part of a known place (not "Kanye West", a given name).
                if pos + n + 1 == to
                    && COMPASS.contains(&line.word(to - 1))
                    && line.k.kind(r) == Kind::Place
                    && !line.is_given_name(pos)
                {
                    out.push(line.candidate(
                        pos,
                        to,
                        name_reading(Some((Kind::Place, Strength::Good))),
                    ));
                    return;
                }
                // The name-like-words guess does not apply: the first word is a known place.
                let guess = context_guess(line, pos, to)
                    .filter(|(_, s)| *s >= Strength::Good)
                    .or(Some((Kind::Organization, Strength::Weak)));
                out.push(line.candidate(pos, to, name_reading(guess)));
                return;
            }
            let r = NameRef {
                demonym: r.demonym && !acts_as_state(line, pos, pos + n, to),
                ..r
            };
            out.push(line.candidate(pos, pos + n, known_reading(r)));
            pos += n;
            continue;
        }
        // After a title, a person, unless every word is only a common word ("GNU General Public
        // License", "General Electric").
        let plain_words = (pos..to).all(|i| {
            line.common(i)
                .is_some_and(|lw| !lw.also_name && lw.zipf >= 3.0)
        });
        let guess = if titled && !plain_words {
            Some((Kind::Person, Strength::Strong))
        } else {
            context_guess(line, pos, to)
        };
        out.push(line.candidate(pos, to, name_reading(guess)));
        if let Some(c) = out.last_mut() {
            let doubtful = to - pos == 1 && line.common_at_sentence_start(pos);
            if let Reading::Name { doubtful_start, .. } = &mut c.reading {
                *doubtful_start = doubtful && guess.is_none_or(|(_, s)| s < Strength::Good);
            }
            extend_administration(line, to, c);
        }
        return;
    }
}

/// "played for", "26 games for", "signed with", "coached": what a player or a coach does
/// for a club, right before its name.
// Inlined into `segment` before the move, and so kept: `segment` is now compiled into its caller.
#[inline]
fn plays_for_before(line: &Line, pos: usize) -> bool {
    let Some(prev) = pos.checked_sub(1) else {
        return false;
    };
    let verb = |i: usize| {
        matches!(
            line.word(i),
            "played"
                | "plays"
                | "playing"
                | "signed"
                | "scored"
                | "debut"
                | "debuted"
                | "games"
                | "appearances"
                | "starts"
                | "goals"
        )
    };
    match line.word(prev) {
        "coached" | "coaches" | "coaching" | "captained" | "captains" => true,
        "for" | "with" => prev > 0 && verb(prev - 1),
        _ => false,
    }
}

/// "Amir al-Kazemi", "Marine Le Pen", "Dean Acheson": a one-word title that is also a given
/// name, before a name that is no given name, is the person's given name. A title stands before
/// a given name ("Emir Tamim", "Sharif Ahmed") or a full name more often than before a lone
/// surname.
fn given_name_before_surname(line: &Line, pos: usize, n: usize, to: usize) -> bool {
    if n != 1 {
        return false;
    }
    // "Da Silva": a particle that is also a title ("DA", district attorney) starts a surname.
    if pos + 1 < to && line.toks[pos].shape == Shape::Cap && is_name_particle(&line.lower(pos)) {
        return true;
    }
    if !line.is_given_name(pos) {
        return false;
    }
    let next = (pos + 1..to).find(|&i| !is_name_particle(line.word(i)));
    next.is_some_and(|i| {
        let w = line.word(i);
        let surname = match line.toks[i].shape {
            // "al-Kazemi", "bin-Laden".
            Shape::LowerCap => w.contains('-'),
            _ => name_like_word(line, i),
        };
        surname && !line.is_given_name(i) && line.title_at(i, to).is_none()
    })
}

/// The person named after a known name `from..at` that ends a title chain ("Ambassador to the
/// United States Hamdullah Mohib"), or that is followed by a given name and more ("France Ravi
/// Menon"): the kind of the words `at..to`, if they are a person's name.
// Inlined into `segment` before the move, and so kept: `segment` is now compiled into its caller.
#[inline]
fn holder_after(line: &Line, from: usize, at: usize, to: usize) -> Option<(Kind, Strength)> {
    let rest = to - at;
    if !(1..=4).contains(&rest) || !(at..to).all(|i| line.toks[i].shape == Shape::Cap) {
        return None;
    }
    // "Ambassador to the", "envoy to": a title, "to", maybe "the", then the known name.
    let mut b = from;
    if b > 0 && line.word_is(b - 1, "the") {
        b -= 1;
    }
    let chain = b > 1 && line.word_is(b - 1, "to") && line.title_at(b - 2, b - 1).is_some();
    if chain && rest >= 2 && (at..to).all(|i| name_like_word(line, i)) {
        return Some((Kind::Person, Strength::Strong));
    }
    // Not "Chad Edward Gaudin", "Sir George Alan Thomas": the known name is no given name.
    let known_is_name = (from..at).any(|i| line.is_given_name(i) || line.is_surname(i));
    // A given name that is not first of all a common word ("Tom", not "Will").
    let given_first = line.is_given_name(at)
        && line
            .common(at)
            .is_none_or(|lw| lw.also_name || lw.zipf < 4.0);
    (rest >= 2 && given_first && !known_is_name).then_some((Kind::Person, Strength::Good))
}

fn known_reading(r: NameRef) -> Reading {
    Reading::Known {
        canon: r.canon,
        demonym: r.demonym,
    }
}

// Called from the line's scan too, which inlined it; kept so.
#[inline]
pub(super) fn name_reading(guess: Option<(Kind, Strength)>) -> Reading {
    Reading::Name {
        guess,
        doubtful_start: false,
    }
}

/// "the Biden administration": a name followed by "administration" is the government it leads.
// Inlined into `segment` before the move, and so kept: `segment` is now compiled into its caller.
#[inline]
fn extend_administration(line: &Line, to: usize, c: &mut Candidate<'_>) {
    if line.word_is(to, "administration") && c.key.split(' ').count() <= 2 {
        let tok = line.toks[to];
        c.end = line.base + tok.end;
        c.key.to_mut().push_str(" administration");
        c.reading = Reading::Name {
            guess: Some((Kind::Organization, Strength::Strong)),
            doubtful_start: false,
        };
    }
}
