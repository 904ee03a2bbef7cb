//! A name mention of a sentence, described: what the text right around it says of it.

use std::ops::Range;

use super::super::super::knowledge::Knowledge;
use super::super::class::Class;
use super::super::words::{self, word_set};
use super::super::{Resolver, appositions, metonyms, possessive_after};
use crate::domain::entity::Mention;

/// A name mention of a sentence, with what the text right around it says.
#[derive(Debug, Clone, Copy)]
pub(in crate::domain::extract::coref) struct Name {
    pub(super) m: Mention,
    /// Its entity, or the state it stands for when it is a metonym that acts.
    pub(super) entity: u32,
    /// The entity whose name it is (another than `entity` for a metonym that acts).
    pub(super) named: u32,
    /// A date or a figure: it covers its words, but is not read.
    pub(super) value: bool,
    /// A people's name before a noun, which only describes it ("the Syrian team").
    pub(super) describes: bool,
    /// Where it ends and its sentence ends, to look whether it acts (a verb of saying or an
    /// auxiliary follows it) when that matters.
    pub(super) acts_if: (u32, u32),
    pub(super) aside: bool,
    pub(super) quote: Option<u32>,
}

impl Resolver<'_> {
    /// The name mention `i` of the sentence `range`, with what the text around it says.
    pub(super) fn name(&self, i: usize, range: &Range<usize>, clause_end: usize) -> Name {
        let text = self.text;
        let named = self.names[i];
        let (start, end, e, demonym) = (named.start, named.end, named.entity(), named.demonym());
        let m = Mention::new(start as usize..end as usize);
        let class = self.facts.class[e as usize];
        let mut name = Name {
            m,
            entity: e,
            named: e,
            value: class == Class::Value,
            describes: false,
            acts_if: (end, range.end as u32),
            aside: false,
            quote: None,
        };
        if name.value {
            return name;
        }
        let end = m.end as usize;
        // "the Syrian team", "Scientology officials": the name only describes what follows.
        name.describes = match class {
            Class::Group => !text[..end].ends_with(b"s") && self.noun_follows(end, range.end),
            Class::Organization | Class::Country => people_follow(text, end, range.end, self.k),
            _ => false,
        };
        // A name in a clause that opens the sentence ("Although X ..., Y said") comes after
        // the main clause's, as a possessive or a source does.
        // A country's demonym qualifies a noun ("the Afghan team"): never the country acting.
        name.aside = (demonym && class == Class::Country)
            || possessive_after(text, end)
            || self.source_before(m.start as usize, range.start)
            || (m.start as usize) < clause_end;
        if let Some(target) = self.metonyms[e as usize]
            && metonyms::acts(text, end, range.end, self.k)
        {
            name.entity = target;
        }
        name.quote = self.quote_of(m.start as usize);
        name
    }
}

word_set!(
    /// Plural nouns for people that a name before them only qualifies ("Scientology officials").
    // Inlined with `people_follow`, its one caller (see there).
    #[inline]
    fn is_people_noun = [
        "officials", "members", "spokesman", "spokeswoman", "spokesperson", "leaders",
        "supporters", "employees", "workers", "staff", "executives", "lawyers",
        "representatives", "users", "fans", "volunteers", "investigators", "agents",
        "police", "forces", "troops", "soldiers", "officers", "authorities", "ministers",
        "diplomats", "delegates", "activists", "researchers", "scientists", "engineers",
        "developers", "players", "students",
    ]
);

/// Whether one of [`is_people_noun`] or a noun for a person follows `end` (after a space).
// Asked of every organisation and country named: inlined into `Resolver::name`, which is
// itself inlined into its caller in another module.
#[inline]
fn people_follow(text: &[u8], end: usize, limit: usize, k: &Knowledge) -> bool {
    let Some(w) = words::next_word(text, end, limit) else {
        return false;
    };
    let mut buf = [0u8; 24];
    // "Scientology officials", "Harbour Board chief executive Margit Olsen".
    words::only_space(text, end, w.start)
        && w.is_lowercase(text)
        && w.lower(text, &mut buf)
            .is_some_and(|l| is_people_noun(l) || appositions::is_person_noun(k, l))
}
