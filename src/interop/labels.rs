//! Labels of the annotation tools ↔ dramatis kinds.
//!
//! Imports accept the OntoNotes labels spaCy uses (PERSON, ORG, GPE, NORP, …), the CoNLL-2003
//! ones (PER, LOC, MISC) and dramatis's own kind names. Exports write OntoNotes labels, the
//! ones `displacy` colours and most models know, chosen so that each kind maps back to itself.

use crate::domain::entity::Kind;

/// The dramatis kind of a tool's label (case-insensitive; IOB prefixes must be removed first).
///
/// GPE (a geopolitical entity: a country, a city, a state) maps to a country here; importers
/// then make it a place when the gazetteer knows the name as one (`build::Collector`).
pub fn kind_of(label: &str) -> Kind {
    let label = label.trim().to_ascii_uppercase();
    match label.as_str() {
        "PERSON" | "PER" | "PERS" => Kind::Person,
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Kind::Organization,
        "GPE" | "COUNTRY" => Kind::Country,
        "LOC" | "LOCATION" | "FAC" | "FACILITY" | "PLACE" => Kind::Place,
        "NORP" | "GROUP" => Kind::Group,
        "DATE" | "TIME" => Kind::Date,
        "CARDINAL" | "QUANTITY" | "MONEY" | "PERCENT" | "ORDINAL" | "NUMBER" => Kind::Number,
        _ => Kind::Other,
    }
}

/// The label dramatis writes for a kind.
pub fn label_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "PERSON",
        Kind::Organization => "ORG",
        Kind::Country => "GPE",
        Kind::Group => "NORP",
        Kind::Place => "LOC",
        Kind::Date => "DATE",
        Kind::Number => "CARDINAL",
        Kind::Other => "MISC",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_labels_map_to_kinds() {
        let cases = [
            ("PERSON", Kind::Person),
            ("per", Kind::Person),
            ("ORG", Kind::Organization),
            ("GPE", Kind::Country),
            ("LOC", Kind::Place),
            ("FAC", Kind::Place),
            ("NORP", Kind::Group),
            ("DATE", Kind::Date),
            ("TIME", Kind::Date),
            ("CARDINAL", Kind::Number),
            ("MONEY", Kind::Number),
            ("PERCENT", Kind::Number),
            ("ORDINAL", Kind::Number),
            ("QUANTITY", Kind::Number),
            ("MISC", Kind::Other),
            ("EVENT", Kind::Other),
            ("WORK_OF_ART", Kind::Other),
        ];
        for (label, kind) in cases {
            assert_eq!(kind_of(label), kind, "{label}");
        }
    }

    #[test]
    fn every_kind_survives_a_round_trip_through_its_label() {
        for k in Kind::ALL {
            assert_eq!(kind_of(label_of(k)), k);
            assert_eq!(kind_of(k.as_str()), k, "dramatis's own names are accepted");
        }
    }
}
