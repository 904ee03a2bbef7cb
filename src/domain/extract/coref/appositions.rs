//! The word-level tests descriptions and facts share: whether a noun names a person, the
//! apposition around a name ("X, the defence secretary," / "the team's coach, X,"), the
//! predicate after one ("X was a volunteer"), and the lower-case keys and possessive endings
//! of the words involved.
//!
//! Below `facts` and `nominals`, which both read appositions: it depends on neither.

use super::super::knowledge::Knowledge;
use super::words::{self, Word, word_set};
use crate::domain::entity::Kind;

/// Words in lower case joined by single spaces ("Prime Minister" → "prime minister").
pub fn lower_key(text: &[u8], ws: &[Word]) -> String {
    let mut key = String::with_capacity(ws.iter().map(|w| w.end - w.start + 1).sum());
    for w in ws {
        if !key.is_empty() {
            key.push(' ');
        }
        let from = key.len();
        key.push_str(w.str(text));
        key[from..].make_ascii_lowercase();
    }
    key
}

/// Whether the words make a title of `k`: `k.is_title(&lower_key(text, ws))`, the key made
/// in a buffer on the stack, not a string of its own (asked of the words before most
/// people's names, which rarely make a title, and many of which are names written with
/// letters other than ASCII).
pub fn is_title_words(k: &Knowledge, text: &[u8], ws: &[Word]) -> bool {
    let mut buf = [0u8; 64];
    match key_in(text, ws, &mut buf) {
        Some(key) => k.is_title(key),
        // Too long for the buffer (rare): the key as a string.
        None => k.is_title(&lower_key(text, ws)),
    }
}

/// [`lower_key`] of the words written into `buf`, if it holds it.
fn key_in<'b>(text: &[u8], ws: &[Word], buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut len = 0;
    let mut ascii = true;
    for w in ws {
        let mut b = w.bytes(text);
        if !b.is_ascii() {
            // As `lower_key` takes it: its ASCII letters lowered, nothing if not UTF-8.
            ascii = false;
            if std::str::from_utf8(b).is_err() {
                b = &[];
            }
        }
        let at = len + usize::from(len > 0);
        let out = buf.get_mut(at..at + b.len())?;
        for (o, &c) in out.iter_mut().zip(b) {
            *o = c.to_ascii_lowercase();
        }
        if at > len {
            buf[len] = b' ';
        }
        len = at + b.len();
    }
    let key = &buf[..len];
    if ascii {
        debug_assert!(key.is_ascii());
        // SAFETY: every byte of the key is ASCII (each word's was checked): UTF-8.
        return Some(unsafe { std::str::from_utf8_unchecked(key) });
    }
    // Words of UTF-8 joined by spaces, their ASCII letters lowered: UTF-8 still.
    std::str::from_utf8(key).ok()
}

pub fn strip_possessive(key: &str) -> &str {
    key.strip_suffix("'s")
        .or_else(|| key.strip_suffix('\''))
        .unwrap_or(key)
}

fn possessive(word: &[u8]) -> bool {
    word.ends_with(b"'s") || word.ends_with(b"'S") || word.ends_with(b"'")
}

pub fn end_without_possessive(text: &[u8], w: Word) -> usize {
    let b = w.bytes(text);
    if b.ends_with(b"'s") || b.ends_with(b"'S") {
        w.end - 2
    } else if b.ends_with(b"'") {
        w.end - 1
    } else {
        w.end
    }
}

word_set!(
    /// Nouns for a person besides the titles and the describing nouns of `class_nouns.tsv`.
    fn is_listed_person_noun = [
        "activist", "adviser", "advisor", "aide", "attorney", "blogger", "boy", "brother",
        "candidate", "ceo", "chairman", "chief", "child", "citizen", "co-founder",
        "cofounder", "councillor", "councilor", "daughter", "defector", "detainee",
        "detective", "employee", "father", "founder", "girl", "guest", "head", "husband",
        "investigator", "kid", "lawyer", "leader", "man", "member", "mother", "newcomer",
        "official", "owner", "pilot", "poster", "president", "prisoner", "professor",
        "prosecutor", "refugee", "representative", "researcher", "resident", "secretary",
        "sister", "son", "student", "survivor", "suspect", "teen", "teenager", "user",
        "veteran", "victim", "volunteer", "wife", "winner", "witness", "woman", "worker",
        "youngster",
    ]
);

/// Whether `lower` is a noun for a person (a title, a describing noun, or one of the list).
///
/// A hyphenated noun is a person when its last part is ("ex-husband", "prize-winner").
pub fn is_person_noun(k: &Knowledge, lower: &str) -> bool {
    let known = |w: &str| {
        is_listed_person_noun(w) || k.is_title(w) || k.class_noun(w) == Some(Kind::Person)
    };
    // The hyphen looked for among the word's few bytes: a `char` search costs more than
    // the look-ups (this is asked of the word after most names).
    known(lower)
        || (lower.bytes().rposition(|b| b == b'-'))
            .map(|at| &lower[at + 1..])
            .is_some_and(|last| !last.is_empty() && known(last))
}

/// The head of "the co-founder of Google" when `last` is the name that ends it ("Google"):
/// the common noun before "of", "for" or "at" and at most three capitalised words.
fn head_before_of(text: &[u8], from: usize, last: Word) -> Option<Word> {
    let mut w = last;
    for _ in 0..3 {
        if !w.is_capitalised(text) {
            return None;
        }
        let p = words::word_before(text, from, w.start)?;
        if !words::only_space(text, p.end, w.start) {
            return None;
        }
        if p.is(text, "of") || p.is(text, "for") || p.is(text, "at") {
            let head = words::word_before(text, from, p.start)?;
            return (words::only_space(text, head.end, p.start) && is_common_noun(text, head))
                .then_some(head);
        }
        w = p;
    }
    None
}

/// Whether a sentence starts at `at`: nothing before it but spaces after a full stop, a
/// question or exclamation mark, or a line break.
fn opens_sentence(text: &[u8], at: usize) -> bool {
    let before = &text[..at];
    let kept = before.trim_ascii_end();
    kept.is_empty()
        || matches!(kept.last(), Some(b'.' | b'!' | b'?'))
        || before[kept.len()..].contains(&b'\n')
}

/// Whether `w` may be the head of a description rather than a name: lower case, or a
/// compound whose last part is ("a Booker Prize-winner", "the Nobel Prize-winning").
fn is_common_noun(text: &[u8], w: Word) -> bool {
    let b = w.bytes(text);
    w.is_lowercase(text)
        || b.iter()
            .rposition(|&c| c == b'-')
            .and_then(|i| b.get(i + 1))
            .is_some_and(u8::is_ascii_lowercase)
}

word_set!(
    /// Words that end an apposition's noun phrase ("a representative for ...": the head is
    /// "representative").
    fn stops_a_phrase = [
        "of", "for", "at", "from", "in", "with", "to", "who", "which", "that", "on", "and",
        "since", "whose", "by", "as", "said", "says",
    ]
);

/// The apposition right after a name: "X, the defence secretary," / "X, 19, a member of ..." /
/// "X, spokesman for ...": the span of its noun phrase without the determiner, up to its head,
/// when `fits` accepts the head (lower case).
pub fn apposition_after(
    text: &[u8],
    end: usize,
    limit: usize,
    fits: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let mut ws = words::words(text, end..limit);
    let mut w = ws.next()?;
    if !words::only_comma(text, end, w.start) {
        return None;
    }
    // "X, 45, a member": the age first.
    if w.bytes(text).iter().all(u8::is_ascii_digit) {
        let next = ws.next()?;
        if !words::only_comma(text, w.end, next.start) {
            return None;
        }
        w = next;
    }
    let det = is_article(text, w);
    if det {
        let next = ws.next()?;
        if !words::only_space(text, w.end, next.start) {
            return None;
        }
        w = next;
    } else if is_possessive_determiner(text, w) {
        // "Herat, their home," / "Mecca, Islam's holiest site.": the possessive is the
        // determiner, the phrase its noun.
        let start = w.start;
        let next = ws.next()?;
        if !words::only_space(text, w.end, next.start) {
            return None;
        }
        return phrase(text, next, ws, true, &fits).map(|(_, end)| (start, end));
    }
    phrase(text, w, ws, det, &fits)
}

/// Whether `w` is a possessive that opens a noun phrase: "his", "her", "its", "their", or a
/// word with "'s" ("Islam's").
fn is_possessive_determiner(text: &[u8], w: Word) -> bool {
    ["his", "her", "its", "their"].iter().any(|p| w.is(text, p)) || possessive(w.bytes(text))
}

/// Nouns an apposition gives a place besides its type nouns: "Herat, their home,", "Mecca,
/// Islam's holiest site".
const PLACE_NOUNS: &[&str] = &["birthplace", "home", "hometown", "site"];

/// Whether `lower` is a noun an apposition gives a place (see [`PLACE_NOUNS`]).
pub fn is_place_noun(lower: &str) -> bool {
    PLACE_NOUNS.contains(&lower)
}

word_set!(
    /// Verbs that say what the subject is: "X was a volunteer".
    fn is_copula = [
        "is", "was", "became", "becomes", "remains", "remained",
    ]
);

/// The predicate right after a name that says what it is: "X was a volunteer", "X becomes
/// the youngest member": the span of its noun phrase without the determiner, up to its head,
/// when `fits` accepts the head (lower case).
pub fn predicate_after(
    text: &[u8],
    end: usize,
    limit: usize,
    fits: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    // Most names are followed by no copula: told by the first letter after the spaces.
    let next = (text.get(end..limit.min(text.len()))?.iter()).find(|c| !c.is_ascii_whitespace())?;
    if !matches!(next.to_ascii_lowercase(), b'i' | b'w' | b'b' | b'r') {
        return None;
    }
    let mut ws = words::words(text, end..limit);
    let verb = ws.next()?;
    let mut buf = [0u8; 24];
    if !words::only_space(text, end, verb.start) || !is_copula(verb.lower(text, &mut buf)?) {
        return None;
    }
    let det = ws.next()?;
    if !words::only_space(text, verb.end, det.start) || !is_article(text, det) {
        return None;
    }
    let first = ws.next()?;
    if !words::only_space(text, det.end, first.start) {
        return None;
    }
    phrase(text, first, ws, true, &fits)
}

/// "a", "an" or "the" in any case.
fn is_article(text: &[u8], w: Word) -> bool {
    w.is(text, "a") || w.is(text, "an") || w.is(text, "the")
}

/// The noun phrase that starts with `w` (after a determiner if `det`), the words after it
/// `ws`: its span up to its head, when its head is lower case and `fits` accepts it.
fn phrase(
    text: &[u8],
    w: Word,
    ws: impl Iterator<Item = Word>,
    det: bool,
    fits: &impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    // Its first word, its last word (the head) and how many.
    let (mut head, mut len) = (w, 1);
    for n in ws {
        // Punctuation ends the phrase before the word is looked at.
        if !words::only_space(text, head.end, n.start) {
            break;
        }
        let mut buf = [0u8; 24];
        if stops_a_phrase(n.lower(text, &mut buf).unwrap_or("")) {
            break;
        }
        head = n;
        len += 1;
        if len > 5 {
            return None;
        }
    }
    // Without a determiner only a bare role ("X, spokesman for Y"): a list of names or a
    // clause ("X, adding that") is not an apposition.
    if !is_common_noun(text, head) || (!det && len > 2) {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = strip_possessive(head.lower(text, &mut buf)?);
    fits(lower).then_some((w.start, end_without_possessive(text, head)))
}

/// The apposition right before a name that a comma or the sentence's end closes: "a
/// Scientology attorney, Kendrick Moxon." / "the team's coach, Alireza Mehraban,": the span
/// of its noun phrase without the determiner, when `fits` accepts its head.
pub fn apposition_before(
    text: &[u8],
    from: usize,
    start: usize,
    end: usize,
    limit: usize,
    fits: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let closed = match words::next_word(text, end, limit) {
        None => true,
        Some(n) => {
            let gap = text[end..n.start].trim_ascii();
            gap.first().is_some_and(|b| matches!(b, b',' | b'.'))
        }
    };
    let mut head = words::word_before(text, from, start)?;
    if !closed || !words::only_comma(text, head.end, start) {
        return None;
    }
    if !is_common_noun(text, head) {
        head = head_before_of(text, from, head)?;
    }
    let mut first = head;
    let mut n = 1;
    loop {
        // Without a determiner only a bare role that opens the sentence: "Co-founder of
        // Google, X,".
        if opens_sentence(text, first.start) {
            if n > 2 {
                return None;
            }
            break;
        }
        let w = words::word_before(text, from, first.start)?;
        if !words::only_space(text, w.end, first.start) {
            return None;
        }
        if is_article(text, w) {
            break;
        }
        // A possessive is the determiner ("Paris's father, X"): the phrase starts after it;
        // so is the "'s" left of a description linked before ("the nation's capital, X").
        let cut_possessive = w.bytes(text) == b"s" && text[..w.start].ends_with(b"'");
        if possessive(w.bytes(text)) || cut_possessive {
            break;
        }
        first = w;
        n += 1;
        if n > 4 {
            return None;
        }
    }
    let mut buf = [0u8; 24];
    let lower = strip_possessive(head.lower(text, &mut buf)?);
    fits(lower).then_some((first.start, end_without_possessive(text, head)))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_noun_is_listed_a_title_or_a_describing_noun_or_ends_with_one() {
        assert!(is_listed_person_noun("activist") && is_listed_person_noun("youngster"));
        let k = crate::domain::extract::knowledge::builtin();
        assert!(is_person_noun(k, "student") && is_person_noun(k, "spokesman"));
        assert!(!is_person_noun(k, "said"));
        assert!(is_person_noun(k, "ex-husband") && is_person_noun(k, "prize-winner"));
        assert!(!is_person_noun(k, "well-known") && !is_person_noun(k, "son-"));
    }

    #[test]
    fn words_make_a_title_as_their_key_does() {
        let k = crate::domain::extract::knowledge::builtin();
        let long = "x".repeat(70);
        let mut text = format!(
            "Prime Minister; defence SECRETARY; Mr; Zo\u{eb} minister; {long} minister; said it"
        )
        .into_bytes();
        // Words that are no UTF-8, which a key takes as nothing.
        text.extend_from_slice(b" \xff\xfe Minister \xe9 x \xc3 SECRETARY Mr");
        let t = &text[..];
        let all: Vec<Word> = words::words(t, 0..t.len()).collect();
        let mut titles = 0;
        for from in 0..all.len() {
            for to in from + 1..=all.len().min(from + 3) {
                let ws = &all[from..to];
                let key = lower_key(t, ws);
                let title = k.is_title(&key);
                titles += usize::from(title);
                assert_eq!(is_title_words(k, t, ws), title, "{key}");
                let mut buf = [0; 64];
                let in_buf = key_in(t, ws, &mut buf);
                assert!(in_buf.is_none_or(|k| k == key), "{key:?} {in_buf:?}");
                assert!(in_buf.is_some() || key.len() > 60, "{key:?}");
            }
        }
        assert!(titles >= 5, "{titles} titles");
    }
}
