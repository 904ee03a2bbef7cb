//! A mention (a byte range and how it names its entity), and an entity's mentions as a slice
//! of a store that can be shared.
//!
//! The extractor puts the mentions of all its entities in one array, and the mention index
//! of the cast points into that same array instead of copying it (on a 100 MB document that
//! is millions of mentions, tens of megabytes). Clones share the array too, so keeping the
//! fresh entities beside the corrected ones costs no mentions. Entities built one by one
//! (imports, corrections, tests) simply own a store of their own.

use std::ops::{Deref, Range};
use std::sync::Arc;

/// How a mention names its entity. The names returned by [`Form::as_str`] are part of the
/// `extract --json` interface and never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[repr(u8)]
pub enum Form {
    /// A name of the entity as the text writes it ("Benjamin Netanyahu", "Netanyahu", "UN").
    #[default]
    Name,
    /// The adjective of a country standing for it ("Israeli officials" for Israel).
    Demonym,
    /// A description linked by coreference ("the prime minister", "the company").
    Nominal,
    /// A pronoun linked by coreference ("he", "its").
    Pronoun,
}

impl Form {
    pub const ALL: [Form; 4] = [Form::Name, Form::Demonym, Form::Nominal, Form::Pronoun];

    pub fn as_str(self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Demonym => "demonym",
            Form::Nominal => "nominal",
            Form::Pronoun => "pronoun",
        }
    }

    pub fn parse(name: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// Names and demonyms: what the text itself calls the entity, as opposed to the links
    /// coreference infers (descriptions and pronouns).
    pub fn is_named(self) -> bool {
        matches!(self, Form::Name | Form::Demonym)
    }
}

/// A mention: a byte range into the document exactly as read (end exclusive), and how it
/// names its entity.
///
/// Offsets are `u32` so that a mention index over a large document stays compact;
/// documents are limited to `u32::MAX` bytes. Packed: a 100 MB document has millions of
/// mentions, and 9 bytes each instead of 12 keeps the form from costing a third more memory
/// (fields are read by value; unaligned loads cost nothing measurable here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(C, packed)]
pub struct Mention {
    pub start: u32,
    pub end: u32,
    pub form: Form,
}

impl Mention {
    /// A name at `range`.
    pub fn new(range: Range<usize>) -> Mention {
        Mention::with_form(range, Form::Name)
    }

    pub fn with_form(range: Range<usize>, form: Form) -> Mention {
        Mention {
            start: u32::try_from(range.start).expect("offset fits in u32"),
            end: u32::try_from(range.end).expect("offset fits in u32"),
            form,
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// Sorted mentions of one entity: `store[range]`. Reads go through `Deref<Target = [Mention]>`;
/// changes through [`Mentions::edit`], which copies the slice out of a shared store first.
#[derive(Clone, Default)]
pub struct Mentions {
    store: Arc<Vec<Mention>>,
    from: u32,
    to: u32,
}

impl Mentions {
    /// The mentions at `range` of a shared store.
    pub fn shared(store: &Arc<Vec<Mention>>, range: Range<usize>) -> Mentions {
        assert!(range.start <= range.end && range.end <= store.len());
        Mentions {
            store: Arc::clone(store),
            from: u32::try_from(range.start).expect("fewer than 2^32 mentions"),
            to: u32::try_from(range.end).expect("fewer than 2^32 mentions"),
        }
    }

    /// The store these mentions are a slice of, and where.
    pub fn store(&self) -> (&Arc<Vec<Mention>>, Range<usize>) {
        (&self.store, self.from as usize..self.to as usize)
    }

    /// Changes the mentions as a vector of their own (copied out of a shared store first).
    pub fn edit<R>(&mut self, f: impl FnOnce(&mut Vec<Mention>) -> R) -> R {
        let whole = self.from == 0 && self.to as usize == self.store.len();
        if !whole || Arc::get_mut(&mut self.store).is_none() {
            *self = Mentions::from(self.to_vec());
        }
        let v = Arc::get_mut(&mut self.store).expect("owned just above");
        let r = f(v);
        self.to = u32::try_from(v.len()).expect("fewer than 2^32 mentions");
        r
    }
}

impl Deref for Mentions {
    type Target = [Mention];

    fn deref(&self) -> &[Mention] {
        &self.store[self.from as usize..self.to as usize]
    }
}

impl From<Vec<Mention>> for Mentions {
    fn from(v: Vec<Mention>) -> Mentions {
        let to = u32::try_from(v.len()).expect("fewer than 2^32 mentions");
        Mentions {
            store: Arc::new(v),
            from: 0,
            to,
        }
    }
}

impl FromIterator<Mention> for Mentions {
    fn from_iter<I: IntoIterator<Item = Mention>>(iter: I) -> Mentions {
        Mentions::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a Mentions {
    type Item = &'a Mention;
    type IntoIter = std::slice::Iter<'a, Mention>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Mentions {
    fn eq(&self, other: &Mentions) -> bool {
        **self == **other
    }
}

impl Eq for Mentions {}

impl PartialOrd for Mentions {
    fn partial_cmp(&self, other: &Mentions) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Mentions {
    fn cmp(&self, other: &Mentions) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl<const N: usize> PartialEq<[Mention; N]> for Mentions {
    fn eq(&self, other: &[Mention; N]) -> bool {
        **self == *other
    }
}

impl PartialEq<Vec<Mention>> for Mentions {
    fn eq(&self, other: &Vec<Mention>) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Mentions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: u32) -> Mention {
        Mention {
            start,
            end: start + 1,
            form: Form::Name,
        }
    }

    #[test]
    fn slices_share_a_store_until_one_is_edited() {
        let store = Arc::new(vec![m(1), m(5), m(9), m(12)]);
        let a = Mentions::shared(&store, 0..2);
        let mut b = Mentions::shared(&store, 2..4);
        assert_eq!(*a, [m(1), m(5)]);
        assert_eq!(b.len(), 2);
        b.edit(|v| v.push(m(20)));
        assert_eq!(*b, [m(9), m(12), m(20)]);
        assert_eq!(*store, [m(1), m(5), m(9), m(12)], "the store is untouched");
        assert!(!Arc::ptr_eq(b.store().0, &store));
        assert!(Arc::ptr_eq(a.clone().store().0, &store), "clones share");
    }

    #[test]
    fn an_owned_store_is_edited_in_place() {
        let mut own: Mentions = vec![m(3), m(1)].into();
        let before = Arc::as_ptr(own.store().0);
        own.edit(|v| v.sort_unstable());
        assert_eq!(*own, [m(1), m(3)]);
        assert_eq!(Arc::as_ptr(own.store().0), before);
        assert_eq!(own, [m(1), m(3)].into_iter().collect::<Mentions>());
    }
}
