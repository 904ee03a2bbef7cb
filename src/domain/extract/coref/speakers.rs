//! Who speaks each direct quotation, as far as the pass needs it: the name the quotation
//! finder's speaker words hold ("said Ambassador Mohib", "Jeff Rathke, the State Department
//! spokesperson, said"), or the speaker of the quotation it follows. A "he" or "she" inside
//! a quotation is never its speaker (who says "I"). Speakers named only by a pronoun or a
//! description are found after this pass, by `quotes::attribute`, which also makes the
//! speaker's "I" and "my" their mentions.

use std::ops::Range;

use super::facts::Class;
use super::in_text::Named;
use crate::domain::quotes::{Findings, Kind, Link};

/// The spans of the direct quotations (sorted, apart) and the speaker each names, if any.
pub fn direct(
    findings: &Findings,
    names: &[Named],
    class: &[Class],
) -> (Vec<Range<usize>>, Vec<Option<u32>>) {
    let mut spans = Vec::new();
    let mut speakers: Vec<Option<u32>> = Vec::new();
    for f in findings.quotes.iter().filter(|f| f.kind == Kind::Direct) {
        let named = f
            .speaker
            .and_then(|words| best_name(words.range(), names, class));
        let speaker = match (named, f.link) {
            (Some(e), _) => Some(e),
            (None, Link::Follows | Link::Continues) => speakers.last().copied().flatten(),
            (None, Link::None) => None,
        };
        spans.push(f.start as usize..f.end as usize);
        speakers.push(speaker);
    }
    (spans, speakers)
}

/// The name in `words` most likely to speak: a person before an organisation, a people or a
/// country; the first of equals.
fn best_name(words: Range<usize>, names: &[Named], class: &[Class]) -> Option<u32> {
    let from = names.partition_point(|n| (n.start as usize) < words.start);
    let rank = |c: Class| match c {
        Class::Person => Some(0),
        Class::Organization => Some(1),
        Class::Group => Some(2),
        Class::Country => Some(3),
        _ => None,
    };
    names[from..]
        .iter()
        .take_while(|n| (n.end as usize) <= words.end)
        .filter_map(|n| Some((rank(class[n.entity as usize])?, n.entity)))
        .min_by_key(|&(r, _)| r)
        .map(|(_, e)| e)
}
