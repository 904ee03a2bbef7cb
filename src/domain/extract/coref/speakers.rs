//! A quotation that goes on from a named speaker's: `"…," said Carter. "…," he added.` The
//! pronoun of the second cue is the first quotation's speaker, when nobody else who could be
//! is named between them and the two share a paragraph.

use std::ops::Range;

use super::in_text::Named;
use crate::domain::quotes::ByteSpan;

/// How far apart the two quotations may be, in bytes.
const REACH: u32 = 400;

/// For each direct quotation (of `direct`: span, speaker by name, cue words naming the
/// speaker) that no name speaks but whose cue words follow a quotation a name speaks: those
/// words and that speaker, sorted. `names`: the name mentions in the order of the text.
pub fn going_on(
    text: &[u8],
    direct: &[(ByteSpan, Option<u32>, Option<ByteSpan>)],
    names: &[Named],
) -> Vec<(Range<usize>, u32)> {
    let mut out = Vec::new();
    for pair in direct.windows(2) {
        let [(before, Some(speaker), _), (now, None, Some(words))] = pair else {
            continue;
        };
        let gap = before.end..now.start.min(words.start);
        if gap.start > gap.end || gap.end - gap.start > REACH {
            continue;
        }
        let between = &text[gap.start as usize..gap.end as usize];
        if memchr::memmem::find(between, b"\n\n").is_some() {
            continue;
        }
        // Another name between (or in the cue) could be who goes on: left to the resolver.
        let from = names.partition_point(|n| n.start < gap.start);
        let other = names[from..]
            .iter()
            .take_while(|n| n.start < words.end.max(gap.end))
            .any(|n| n.entity() != *speaker);
        if !other {
            out.push((words.range(), *speaker));
        }
    }
    out.sort_unstable_by_key(|(r, _)| r.start);
    out
}

/// The speaker a pronoun at byte `at` stands for by [`going_on`], if it is in such cue words.
pub fn going_on_at(going_on: &[(Range<usize>, u32)], at: usize) -> Option<u32> {
    let i = going_on.partition_point(|(r, _)| r.end <= at);
    let (r, e) = going_on.get(i)?;
    r.contains(&at).then_some(*e)
}
