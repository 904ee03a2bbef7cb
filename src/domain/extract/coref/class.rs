//! The sort of thing an entity is, as pronouns and type nouns see it.

use crate::domain::entity::Kind;

/// The sort of thing an entity is, as far as pronouns care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Person,
    Organization,
    Country,
    /// A people or a nationality ("Palestinians"): plural.
    Group,
    Place,
    /// A name that cannot act (a product, an event, a work): never an antecedent, but what a
    /// sentence speaks of first all the same ("IE6 ... its durability").
    Thing,
    /// Dates and figures: not read at all.
    Value,
}

impl Class {
    pub fn of(kind: Kind) -> Class {
        match kind {
            Kind::Person => Class::Person,
            Kind::Organization => Class::Organization,
            Kind::Country => Class::Country,
            Kind::Group => Class::Group,
            Kind::Place => Class::Place,
            Kind::Other => Class::Thing,
            Kind::Date | Kind::Number => Class::Value,
        }
    }
}
