//! The `extract --json` interface (see design.md): one object per document.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::domain::connections::Connections;
use crate::domain::document::Document;
use crate::domain::entity::{Entity, Form, Mention};
use crate::domain::mention_index::MentionIndex;
use crate::domain::quotes::Quotes;
use crate::domain::sentences::Sentences;
use crate::domain::wrap::escape_char;

#[derive(Serialize)]
struct DocumentOut<'a> {
    document: &'a str,
    date: Option<&'a str>,
    bytes: usize,
    entities: Vec<EntityOut<'a>>,
    quotes: QuotesOut<'a>,
    connections: ConnectionsOut<'a>,
}

/// The quotations, written one by one: `{"start","end","speaker","cue","kind"}` with the
/// speaker as an entity id (or null) and the cue as `[start, end]` (or null). In the order
/// they end, so a quotation inside another (a quoted phrase inside a reported clause, maybe
/// someone else's or a title) comes before the one that holds it: a reader of the list who
/// takes the first quotation covering a place gets the innermost.
struct QuotesOut<'a> {
    quotes: &'a Quotes,
    entities: &'a [Entity],
}

impl Serialize for QuotesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let list = self.quotes.as_slice();
        let mut order: Vec<u32> = (0..list.len() as u32).collect();
        order.sort_by_key(|&i| {
            (
                list[i as usize].end,
                std::cmp::Reverse(list[i as usize].start),
            )
        });
        let mut seq = s.serialize_seq(Some(order.len()))?;
        for q in order.into_iter().map(|i| &list[i as usize]) {
            seq.serialize_element(&QuoteOut {
                start: q.start,
                end: q.end,
                speaker: q
                    .speaker()
                    .and_then(|i| self.entities.get(i))
                    .map(|e| e.id.as_str()),
                cue: q.cue.map(|c| [c.start, c.end]),
                kind: q.kind.as_str(),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    start: u32,
    end: u32,
    speaker: Option<&'a str>,
    cue: Option<[u32; 2]>,
    kind: &'static str,
}

/// The connections, written one by one: a large document has millions of pairs, and a list
/// of them made first doubled the memory of `extract --json`.
struct ConnectionsOut<'a> {
    connections: &'a Connections,
    entities: &'a [Entity],
    sentences: &'a Sentences,
}

impl Serialize for ConnectionsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.connections.len()))?;
        for c in self.connections.iter() {
            seq.serialize_element(&ConnectionOut {
                a: &self.entities[c.a].id,
                b: &self.entities[c.b].id,
                sentences: c.sentences.len(),
                ranges: RangesOut {
                    sentences: self.sentences,
                    ids: c.sentences,
                },
            })?;
        }
        seq.end()
    }
}

/// Two entities that share sentences, strongest first; `ranges` are those sentences.
#[derive(Serialize)]
struct ConnectionOut<'a> {
    a: &'a str,
    b: &'a str,
    sentences: usize,
    ranges: RangesOut<'a>,
}

/// The byte ranges of some sentences, written as `[[start, end], ...]` straight from the
/// sentence table: on a large document there are millions, not worth a copy.
struct RangesOut<'a> {
    sentences: &'a Sentences,
    ids: &'a [u32],
}

impl Serialize for RangesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.ids.len()))?;
        for &i in self.ids {
            let r = self.sentences.range(i as usize);
            seq.serialize_element(&[r.start, r.end])?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    actor: bool,
    aliases: &'a [String],
    mentions: MentionsOut<'a>,
    /// A normalisation id from imported annotations (brat `N` lines); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    norm: Option<&'a str>,
}

/// An entity's mentions with their text, written one by one as they are read from the
/// document: on a large document there are millions, not worth a copy.
struct MentionsOut<'a> {
    doc: &'a Document,
    mentions: &'a [Mention],
}

impl Serialize for MentionsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.mentions.len()))?;
        for m in self.mentions {
            seq.serialize_element(&MentionOut {
                start: m.start,
                end: m.end,
                text: self.doc.text(m.range()),
                form: (m.form != Form::Name).then_some(m.form.as_str()),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: u32,
    end: u32,
    text: std::borrow::Cow<'a, str>,
    /// How the mention names its entity; absent for a name, which most mentions are (on a
    /// large document, millions of `"form":"name"` would only lengthen the output).
    #[serde(skip_serializing_if = "Option::is_none")]
    form: Option<&'static str>,
}

/// One line of JSON (without the newline) for a document and its entities (no quotations).
pub fn document_line(doc: &Document, entities: &[Entity]) -> String {
    document_line_with_norms(doc, entities, &BTreeMap::new())
}

/// The same line, with each entity's normalisation id (keyed by entity id) when it has one.
pub fn document_line_with_norms(
    doc: &Document,
    entities: &[Entity],
    norms: &BTreeMap<String, String>,
) -> String {
    document_line_with_quotes(doc, entities, &Quotes::default(), norms)
}

/// The line with the document's quotations too.
pub fn document_line_with_quotes(
    doc: &Document,
    entities: &[Entity],
    quotes: &Quotes,
    norms: &std::collections::BTreeMap<String, String>,
) -> String {
    let mut buf = Vec::new();
    write_document_line(&mut buf, doc, entities, quotes, norms)
        .expect("writing to memory cannot fail");
    String::from_utf8(buf).expect("JSON is UTF-8")
}

/// Writes the line (without the newline) straight to `out`: on a large document the JSON is
/// several times the text, not worth holding in memory first.
pub fn write_document_line(
    out: &mut impl io::Write,
    doc: &Document,
    entities: &[Entity],
    quotes: &Quotes,
    norms: &BTreeMap<String, String>,
) -> io::Result<()> {
    let sentences = Sentences::of(doc);
    let connections =
        Connections::compute(&MentionIndex::new(entities), entities.len(), &sentences);
    let document = DocumentOut {
        document: doc.name(),
        date: doc.dateline().map(|d| d.date.as_str()),
        bytes: doc.len(),
        entities: entities
            .iter()
            .map(|e| EntityOut {
                id: &e.id,
                name: &e.name,
                kind: e.kind.as_str(),
                actor: e.is_actor(),
                aliases: &e.aliases,
                mentions: MentionsOut {
                    doc,
                    mentions: &e.mentions,
                },
                norm: norms.get(&e.id).map(String::as_str),
            })
            .collect(),
        quotes: QuotesOut { quotes, entities },
        connections: ConnectionsOut {
            connections: &connections,
            entities,
            sentences: &sentences,
        },
    };
    let mut ser = serde_json::Serializer::with_formatter(out, SafeFormatter);
    document.serialize(&mut ser).map_err(io::Error::from)
}

/// Any value as compact JSON with the escapes of [`SafeFormatter`], for the other JSON
/// outputs (displaCy).
pub fn safe_json(value: &impl Serialize) -> String {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, SafeFormatter);
    value
        .serialize(&mut ser)
        .expect("serialising plain data cannot fail");
    String::from_utf8(buf).expect("JSON is UTF-8")
}

/// Compact JSON that also writes C1 controls, bidi controls and invisible characters as
/// `\uXXXX` escapes. serde_json escapes only C0 controls, and this output is often read on a
/// terminal (`dramatis extract --json x | less`, `| head`): a raw U+009B is a CSI to some
/// terminals, a raw U+202E reorders what is shown. Parsed, the JSON holds the same strings.
/// The trait's default methods write compact JSON.
struct SafeFormatter;

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut plain = 0;
        let mut at = 0;
        // Printable ASCII never needs an escape here (serde_json has escaped C0 controls,
        // quotes and backslashes): only DEL and non-ASCII characters are looked at.
        while let Some(skip) = bytes[at..].iter().position(|&b| b >= 0x7f) {
            let i = at + skip;
            let Some(c) = fragment[i..].chars().next() else {
                break;
            };
            at = i + c.len_utf8();
            if escape_char(c).is_none() {
                continue;
            }
            writer.write_all(&bytes[plain..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            plain = at;
        }
        writer.write_all(&bytes[plain..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::Kind;

    #[test]
    fn c1_bidi_and_invisible_characters_are_escaped_yet_parse_back_the_same() {
        let text = "Evil\u{9b}31m \u{202e}Corp\u{200b} \u{e0041} née\u{7f}";
        let doc = Document::from_string("doc\u{9b}.txt", text);
        let e = Entity {
            id: "evil".into(),
            name: text.into(),
            kind: Kind::Other,
            aliases: vec![text.into()],
            mentions: vec![Mention::new(0..text.len())].into(),
        };
        let line = document_line(&doc, &[e]);
        for raw in ['\u{9b}', '\u{202e}', '\u{200b}', '\u{e0041}', '\u{7f}'] {
            assert!(!line.contains(raw), "{raw:?} written raw in {line}");
        }
        assert!(line.contains(r"\u009b") && line.contains(r"\udb40\udc41"));
        assert!(
            line.contains(r"née\u007f"),
            "DEL escaped, after a non-ASCII letter"
        );
        assert!(line.contains("née"), "ordinary text stays as it is");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["document"], "doc\u{9b}.txt");
        assert_eq!(v["entities"][0]["name"], text);
        assert_eq!(v["entities"][0]["mentions"][0]["text"], text);
    }

    #[test]
    fn a_mention_writes_its_form_unless_it_is_a_name() {
        let text = "Israeli officials said he left.";
        let doc = Document::from_string("t.txt", text);
        let e = Entity {
            id: "israel".into(),
            name: "Israel".into(),
            kind: Kind::Country,
            aliases: vec!["Israeli".into()],
            mentions: vec![
                Mention::with_form(0..7, Form::Demonym),
                Mention::with_form(23..25, Form::Pronoun),
            ]
            .into(),
        };
        let person = Entity {
            id: "x".into(),
            name: "officials".into(),
            kind: Kind::Person,
            aliases: vec![],
            mentions: vec![Mention::new(8..17)].into(),
        };
        let v: serde_json::Value =
            serde_json::from_str(&document_line(&doc, &[e, person])).unwrap();
        let ms = &v["entities"][0]["mentions"];
        assert_eq!(ms[0]["form"], "demonym");
        assert_eq!(ms[1]["form"], "pronoun");
        assert_eq!(ms[1]["text"], "he");
        let name = v["entities"][1]["mentions"][0].as_object().unwrap();
        assert!(
            !name.contains_key("form"),
            "a name writes no form: {name:?}"
        );
    }

    #[test]
    fn connections_list_pairs_strongest_first_with_sentence_ranges() {
        let text = "Ruritania met Elbonia. Oz slept. Elbonia and Ruritania and Oz met.";
        let doc = Document::from_string("t.txt", text);
        let entity = |id: &str| Entity {
            id: id.into(),
            name: id.into(),
            kind: Kind::Country,
            aliases: vec![],
            mentions: text
                .match_indices(id)
                .map(|(i, _)| Mention::new(i..i + id.len()))
                .collect(),
        };
        let line = document_line(
            &doc,
            &[entity("Ruritania"), entity("Elbonia"), entity("Oz")],
        );
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let c = &v["connections"];
        assert_eq!(c.as_array().unwrap().len(), 3);
        assert_eq!(
            c[0],
            serde_json::json!({"a": "Ruritania", "b": "Elbonia", "sentences": 2,
                               "ranges": [[0, 22], [33, 66]]})
        );
        assert_eq!(c[1]["a"], "Ruritania");
        assert_eq!(c[1]["b"], "Oz");
        assert_eq!(c[2]["ranges"], serde_json::json!([[33, 66]]));
    }

    #[test]
    fn quotations_name_their_speaker_by_id_and_come_inner_first() {
        let text = "Ana said the \"plan\" was sound. \"Yes,\" said Bo. \"Hope\" won.";
        let doc = Document::from_string("t.txt", text);
        let found = crate::domain::extract::attribute(
            vec![
                Entity::found_by_search(text, "Ana", Kind::Person),
                Entity::found_by_search(text, "Bo", Kind::Person),
            ],
            crate::domain::quotes::find(text),
        );
        let line =
            document_line_with_quotes(&doc, &found.entities, &found.quotes, &BTreeMap::new());
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let quotes: Vec<(&str, &serde_json::Value, &str)> = v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let (s, e) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
                (
                    &text[s as usize..e as usize],
                    &q["speaker"],
                    q["kind"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            quotes,
            [
                ("plan", &serde_json::json!("ana"), "direct"),
                (
                    r#"the "plan" was sound"#,
                    &serde_json::json!("ana"),
                    "indirect"
                ),
                ("Yes,", &serde_json::json!("bo"), "direct"),
                ("Hope", &serde_json::Value::Null, "direct"),
            ]
        );
        let cue = &v["quotes"][2]["cue"];
        let (s, e) = (cue[0].as_u64().unwrap(), cue[1].as_u64().unwrap());
        assert_eq!(&text[s as usize..e as usize], "said");
        assert!(v["quotes"][3]["cue"].is_null());
    }
}
