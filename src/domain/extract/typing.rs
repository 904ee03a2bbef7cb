//! The kind of an unknown name from the words inside and around it: organisation, place and
//! event words, given names and surnames, nouns that describe it ("the village of X"), verbs of
//! saying, and whether a demonym stands for its state.

use super::candidate::Strength;
use super::line::{Line, common_word};
use super::runs::{hyphenated_given_name, is_name_particle};
use super::token::Shape;
use crate::domain::entity::Kind;

/// Words that start the name of a region ("West Bengal", "Upper Silesia").
pub(super) const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Greater",
    "Upper",
    "Lower",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];

/// Words before an unknown name that suggest a place ("in Tromsø").
pub(super) const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "throughout"];

/// Nouns after a demonym that make it stand for its state: "Israeli officials" is Israel
/// acting, "Israeli families" are people of that nationality.
pub(super) const STATE_NOUNS: &[&str] = &[
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
    // Offices in lower case: "German chancellor Helmut Kohl", "French foreign minister".
    "chancellor",
    "premier",
    "king",
    "queen",
    "prime",
    "foreign",
    "defense",
    "defence",
    "finance",
    "interior",
    "emir",
    "monarch",
    "ruler",
    "junta",
    "negotiator",
];

/// Whether a demonym `from..at` (in a run ending at `to`) stands for its state: the state runs
/// what it names ("state-run Syrian television"), a title follows in the run ("Israeli Prime
/// Minister"), or a state noun right after it.
pub(super) fn acts_as_state(line: &Line, from: usize, at: usize, to: usize) -> bool {
    // "State-run Syrian television", "the official Iranian news agency".
    let run_by_state = from.checked_sub(1).is_some_and(|p| {
        let before = line.lower(p);
        matches!(&*before, "state" | "official")
            || before.starts_with("state-")
            || before.starts_with("government-")
    });
    if run_by_state {
        return true;
    }
    if at < to {
        return line.title_at(at, to).is_some();
    }
    STATE_NOUNS.contains(&line.word(at))
}

/// The kind an organisation, place or event word gives a name: its last word decides first,
/// then an organisation word before "of" ("Corps of Canada"), then its first word ("University
/// of Leeds"), then any.
pub(super) fn word_guess(line: &Line, from: usize, to: usize) -> Option<(Kind, Strength)> {
    let classify = |i: usize| {
        if line.is_org_word(i) {
            Some(Kind::Organization)
        } else if line.is_place_word(i) {
            Some(Kind::Place)
        } else if line.is_event_word(i) {
            Some(Kind::Other)
        } else {
            None
        }
    };
    // "Comic Corps of Canada", "Harbour Rescue Corps of Tarnby": an organisation word before
    // "of", when the last word says nothing.
    let head = || {
        (from + 1..to)
            .find(|&i| line.word_is(i, "of"))
            .and_then(|of| classify(of - 1))
            .filter(|k| *k == Kind::Organization)
    };
    // "Tampa Bay Rays", "Kingston Harbour Eagles": a place's name followed by the plural of a
    // common noun names a team ("Northwest Territories" is the plural of a place word).
    let team = || {
        let plain = (from..to).all(|i| line.toks[i].is_capitalised());
        (plain && to - from >= 2 && team_plural(line, to - 1)).then_some(Kind::Organization)
    };
    classify(to - 1)
        .or_else(team)
        .or_else(head)
        .or_else(|| classify(from))
        .or_else(|| (from..to).find_map(classify))
        .map(|k| (k, Strength::Good))
}

/// The kind the shape of an unknown name and the words around it suggest.
pub(super) fn context_guess(line: &Line, from: usize, to: usize) -> Option<(Kind, Strength)> {
    let n = to - from;
    let first = line.word(from);
    let last = line.word(to - 1);
    let initial = |i: usize| {
        let w = line.word(i);
        w.len() <= 3
            && w.ends_with('.')
            && w.chars().next().is_some_and(char::is_uppercase)
            // "St. Louis Eagles", "Mt. Hood": a saint, a mount or a fort, not an initial.
            && !matches!(w, "St." | "Mt." | "Ft.")
    };
    // "Aringay, Pangasinan", "Bergen, Norway": a place before a known region or country.
    let next = line.word(to);
    let opener = n == 1 && line.common_at_sentence_start(from);
    if next == "," && !opener && to + 1 < line.toks.len() && line.toks[to + 1].is_capitalised() {
        let limit = (to + 1 + line.k.max_name_words).min(line.toks.len());
        let run_end = (to + 1..limit)
            .find(|&j| !line.toks[j].is_capitalised())
            .unwrap_or(limit);
        if let Some((m, r)) = line.gazetteer_at(to + 1, run_end, false)
            && to + 1 + m == run_end
            && !r.demonym
            && matches!(line.k.kind(r), Kind::Place | Kind::Country)
        {
            return Some((Kind::Place, Strength::Good));
        }
    }
    // "Leung Kwok-hung", "Kim Jong-un": a surname and a given name of two joined syllables.
    if n >= 2 && hyphenated_given_name(line, to - 1) {
        return Some((Kind::Person, Strength::Good));
    }
    // "landed at Luke Field", "from Forbes Field": an airfield or ground, not a person named
    // Field.
    let prev = if from > 0 { line.word(from - 1) } else { "" };
    if n >= 2
        && matches!(last, "Field" | "Fields")
        && matches!(
            prev,
            "at" | "from" | "to" | "near" | "into" | "onto" | "over" | "in"
        )
    {
        return Some((Kind::Place, Strength::Good));
    }
    if n >= 2 && (line.is_given_name(from) || initial(from)) && !initial(to - 1) {
        return Some((Kind::Person, Strength::Good));
    }
    if (2..=4).contains(&n) && line.is_surname(to - 1) {
        return Some((Kind::Person, Strength::Good));
    }
    if n == 1 && superlative_place_after(line, to) {
        return Some((Kind::Other, Strength::Good));
    }
    if let Some(kind) = class_noun_around(line, from, to) {
        return Some((kind, Strength::Good));
    }
    // "West Coast Eagles", "the Falcons", "Rolling Stones": a name ending in the plural of a
    // common noun is a team or a band.
    let the_before = from > 0 && line.word(from - 1).eq_ignore_ascii_case("the");
    if the_before && plural_of_common_noun(line, to - 1) {
        return Some((Kind::Organization, Strength::Good));
    }
    // "East Perth", "Southern Ostrobothnia", "Greater Manchester": a region of a place.
    if n >= 2 && COMPASS.contains(&first) {
        return Some((Kind::Place, Strength::Good));
    }
    let after_comma = if next == "," { line.word(to + 1) } else { next };
    // "Acme shares fell", "an Acme spokesman said".
    if matches!(
        next,
        "shares"
            | "stock"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "shareholders"
            | "subsidiary"
            | "headquarters"
    ) {
        return Some((Kind::Organization, Strength::Good));
    }
    // "Halden Post has learned that": what a newsroom says it found out.
    if matches!(next, "has" | "have") && line.word_is(to + 1, "learned") {
        return Some((Kind::Organization, Strength::Good));
    }
    // "Ortega, 54, said": an age in commas.
    if next == ","
        && line.word_is(to + 2, ",")
        && line.word(to + 1).len() <= 3
        && line.word(to + 1).bytes().all(|b| b.is_ascii_digit())
    {
        return Some((Kind::Person, Strength::Good));
    }
    // Not a common word alone ("Human Rights said", its first word dropped at the sentence
    // start).
    let plain_word = n == 1
        && !line.is_given_name(from)
        && !line.is_surname(from)
        && line
            .common(from)
            .is_some_and(|lw| !lw.also_name && lw.zipf >= 3.0);
    if n <= 3 && !plain_word && (line.k.is_person_cue(after_comma) || after_comma == "who") {
        return Some((Kind::Person, Strength::Good));
    }
    if from > 0 {
        let prev = line.word(from - 1);
        if line.k.is_person_cue(prev) && n <= 3 && line.toks[from].shape == Shape::Cap {
            return Some((Kind::Person, Strength::Weak));
        }
        if PLACE_PREPOSITIONS.contains(&prev) {
            return Some((Kind::Place, Strength::Weak));
        }
        // "the Department", "the League": an organisation word alone, named by "the".
        if n == 1 && prev.eq_ignore_ascii_case("the") && line.is_org_word(from) {
            return Some((Kind::Organization, Strength::Weak));
        }
    }
    // "Nathan Law of Demosisto", "Demosisto's Nathan Law": where a person belongs, most often
    // a party, a company or a group.
    if affiliation_of_person(line, from, to) {
        return Some((Kind::Organization, Strength::Weak));
    }
    // An acronym: only the most common words are more likely written in capitals ("IT", "US").
    if n == 1
        && line.toks[from].shape == Shape::Upper
        && (2..=6).contains(&first.chars().filter(|c| c.is_alphanumeric()).count())
        && !common_word(line, from, 4.0)
        && !roman_numeral(first)
        && !after_clock_time(line, from)
    {
        return Some((Kind::Organization, Strength::Weak));
    }
    // "Delwyn J. Langejans": name-like words around middle initials.
    let middle_initial = |i: usize| {
        i > from && i + 1 < to && {
            let b = line.word(i).as_bytes();
            b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
        }
    };
    if (2..=4).contains(&n)
        && (from..to).all(|i| name_like_word(line, i) || middle_initial(i))
        && (n <= 3 || middle_initial(from + 1))
    {
        return Some((Kind::Person, Strength::Weak));
    }
    // A lone given name or surname that is not also a common word: "Hayley", "Okafor".
    if n == 1
        && line.toks[from].shape == Shape::Cap
        && (line.is_given_name(from) || line.is_surname(from))
        && !common_word(line, from, 4.0)
    {
        return Some((Kind::Person, Strength::Weak));
    }
    None
}

/// "Mecca, Islam's holiest site", "Vantoria's largest port": what has the holiest site or the
/// largest port is a faith, a land or a body, no person.
fn superlative_place_after(line: &Line, to: usize) -> bool {
    if line
        .toks
        .get(to)
        .is_none_or(|t| t.shape != Shape::Possessive)
    {
        return false;
    }
    let mut j = to + 1;
    let adjective = line.word(j);
    if adjective == "most" {
        j += 1;
    } else if adjective.len() < 6 || !adjective.ends_with("est") {
        return false;
    }
    j += 1;
    let noun = line.word(j);
    line.toks.get(j).is_some_and(|t| t.shape == Shape::Lower)
        && (line.k.class_noun(noun) == Some(Kind::Place)
            || matches!(
                noun,
                "site" | "sites" | "shrine" | "mosque" | "temple" | "church" | "city" | "cities"
            ))
}

/// "at 15:11 GMT", "8 p.m. EST": letters right after a time of day are its time zone.
fn after_clock_time(line: &Line, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    let w = line.lower(prev);
    let digits =
        |k: usize| !line.word(k).is_empty() && line.word(k).bytes().all(|b| b.is_ascii_digit());
    matches!(&*w, "a.m." | "p.m." | "am" | "pm")
        || digits(prev) && prev >= 2 && line.word_is(prev - 1, ":") && digits(prev - 2)
}

/// Whether the name `from..to` follows "of" after a person's name ("Nathan Law of Demosisto")
/// or comes with a possessive before one ("Demosisto's Nathan Law"): its surname or given name
/// is known.
fn affiliation_of_person(line: &Line, from: usize, to: usize) -> bool {
    let name_word = |i: usize| {
        line.toks[i].shape == Shape::Cap && (line.is_surname(i) || line.is_given_name(i))
    };
    // "Gary Chan of", not "Catholic Bishop of", "A Song of".
    let after = from >= 3
        && line.word_is(from - 1, "of")
        && name_word(from - 2)
        && line.toks[from - 3].shape == Shape::Cap
        && !line.is_function_word(from - 3)
        && !line.is_title_word(from - 2)
        && (line.is_given_name(from - 3) || line.is_surname(from - 2));
    let before = to + 2 < line.toks.len()
        && line.toks[to].shape == Shape::Possessive
        && line.is_given_name(to + 1)
        && line.toks[to + 2].is_capitalised();
    after || before
}

/// "XVII", "IV", "III": a Roman numeral with units or tens ("part XVII", "Louis XIV"), not an
/// acronym ("DC", "CDC" are).
pub(super) fn roman_numeral(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || !b.iter().any(|c| matches!(c, b'I' | b'V' | b'X')) {
        return false;
    }
    // Thousands, hundreds, tens, units: each a group of the standard form.
    let mut rest = b;
    for (one, five, ten) in [
        (b'M', 0, 0),
        (b'C', b'D', b'M'),
        (b'X', b'L', b'C'),
        (b'I', b'V', b'X'),
    ] {
        rest = strip_roman_digit(rest, one, five, ten);
    }
    rest.is_empty()
}

/// Strips one Roman digit written with `one`, `five` and `ten` from the front of `w`.
fn strip_roman_digit(w: &[u8], one: u8, five: u8, ten: u8) -> &[u8] {
    for prefix in [&[one, ten][..], &[one, five][..]] {
        if five != 0 && w.starts_with(prefix) {
            return &w[2..];
        }
    }
    let mut w = w;
    if five != 0 && w.first() == Some(&five) {
        w = &w[1..];
    }
    let ones = w.iter().take(3).take_while(|&&c| c == one).count();
    &w[ones..]
}

/// "Eagles", "Stones", "Dockers": a capitalised plural whose singular is a common noun.
pub(super) fn plural_of_common_noun(line: &Line, i: usize) -> bool {
    let w = line.word(i);
    if line.toks[i].shape != Shape::Cap
        || w.len() < 4
        || !w.ends_with('s')
        || w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
    {
        return false;
    }
    let lower = w.to_lowercase();
    let stem = &lower[..lower.len() - 1];
    let mut singulars = vec![stem.to_string()];
    if let Some(y) = lower.strip_suffix("ies") {
        singulars.push(format!("{y}y"));
    }
    if let Some(e) = lower.strip_suffix("es") {
        singulars.push(e.to_string());
    }
    singulars.iter().any(|s| {
        line.k
            .lower_word(s)
            .is_some_and(|lw| !lw.also_name && lw.zipf >= 3.0)
    })
}

/// "Eagles", "Rays": the plural of a common noun that is not the plural of an organisation or
/// place word ("Territories", "Brigades").
fn team_plural(line: &Line, i: usize) -> bool {
    let w = line.word(i);
    // "Gulf States", "Pacific Islands Nations": lands, not teams.
    if matches!(
        w,
        "States" | "Nations" | "Countries" | "Lands" | "Colonies" | "Emirates"
    ) || !plural_of_common_noun(line, i)
    {
        return false;
    }
    let kind_word = |stem: &str| line.k.is_kind_word(stem);
    let y = w.strip_suffix("ies").map(|s| format!("{s}y"));
    !(kind_word(&w[..w.len() - 1])
        || y.as_deref().is_some_and(kind_word)
        || w.strip_suffix("es").is_some_and(kind_word))
}

/// A word that looks like part of a personal name: capitalised, not an acronym, and not a
/// common English word (or one that is also a name, like "Graham").
pub(super) fn name_like_word(line: &Line, i: usize) -> bool {
    let t = line.toks[i];
    if t.shape != Shape::Cap {
        return is_name_particle(line.word(i));
    }
    if line.is_given_name(i) || line.is_surname(i) {
        return true;
    }
    match line.common(i) {
        None => true,
        Some(lw) => lw.also_name && lw.zipf < 4.0,
    }
}

/// The kind given by a common noun right before the name: "the poet X", "the news agency X".
pub(super) fn class_noun_before(line: &Line, from: usize) -> Option<Kind> {
    let prev = from.checked_sub(1)?;
    // The shape first: most words before a name are not in lower case, and need no lookup.
    if line.toks[prev].shape != Shape::Lower {
        return None;
    }
    line.k.class_noun(line.word(prev))
}

/// The kind given by a common noun next to the name: "the poet X", "the village of X",
/// "X is a Norwegian company", "X, a singer".
pub(super) fn class_noun_around(line: &Line, from: usize, to: usize) -> Option<Kind> {
    // "the Likud party", "Kherson region": a noun for an organisation or a place right after.
    // Nouns that a genre or a sport does not precede ("Jazz band", "SWAT team" are not names).
    if to < line.toks.len() && line.toks[to].shape == Shape::Lower {
        match line.word(to) {
            "party" | "militia" | "company" | "firm" | "corporation" | "agency" | "ministry"
            | "bank" | "coalition" | "alliance" | "faction" | "conglomerate" | "subsidiary" => {
                return Some(Kind::Organization);
            }
            "region" | "province" | "district" | "county" | "river" | "valley" | "village"
            | "municipality" | "governorate" | "oblast" | "prefecture" | "peninsula"
            | "neighbourhood" | "neighborhood" | "suburb" => return Some(Kind::Place),
            _ => {}
        }
    }
    if let Some(kind) = class_noun_before(line, from) {
        return Some(kind);
    }
    if from > 0 {
        let prev = line.word(from - 1);
        // "the American rock band, Eels".
        if prev == ","
            && from > 1
            && line.toks[from - 2].shape == Shape::Lower
            && let Some(kind) = line.k.class_noun(line.word(from - 2))
        {
            return Some(kind);
        }
        if matches!(prev, "of" | "for" | "at") && from > 1 {
            // "the mayor of X", and the title "the Mayor of X".
            let noun = line.lower(from - 2);
            if let Some(kind) = line.k.class_noun_of(&noun) {
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
        if !t.is_word() && !line.word_is(k, "-") {
            return None;
        }
        // Another name ends the description ("a Kohl spokesman" is not about the name before),
        // but a nationality does not ("a Danish company").
        if t.is_capitalised() && line.k.name(line.word(k)).is_none_or(|r| !r.demonym) {
            return None;
        }
        if t.shape == Shape::Lower
            && let Some(kind) = line.k.class_noun(line.word(k))
        {
            // "a member of", "a son of": the noun describes someone else.
            if line.word_is(k + 1, "of") && kind == Kind::Person {
                return None;
            }
            return Some(kind);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::roman_numeral;

    #[test]
    fn roman_numerals_with_units_or_tens_are_not_acronyms() {
        for w in ["II", "III", "IV", "XIV", "XVII", "XL", "MCMXC", "LIV"] {
            assert!(roman_numeral(w), "{w}");
        }
        for w in ["DC", "CDC", "MD", "IIII", "VX", "IXX", "NATO", "", "XIIV"] {
            assert!(!roman_numeral(w), "{w}");
        }
    }
}
