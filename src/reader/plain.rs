//! Output when stdout is not a terminal: the cleaned text, then the cast, like `bat` piped.

use std::io::{self, Write};

use crate::domain::document::Document;
use crate::domain::entity::Entity;
use crate::domain::wrap::sanitize;

/// Writes the body text (control characters made visible, tabs kept) and then one line per
/// entity: kind, name and mention count, separated by tabs.
pub fn write(out: &mut impl Write, doc: &Document, entities: &[Entity]) -> io::Result<()> {
    let mut line = Some(doc.first_line());
    while let Some(l) = line {
        let text = doc.text(l.start..l.content_end);
        writeln!(out, "{}", clean(&text))?;
        line = doc.line_after(&l);
    }
    writeln!(out)?;
    writeln!(out, "# cast: kind, name, mentions")?;
    for e in entities {
        writeln!(
            out,
            "{}\t{}\t{}",
            e.kind.as_str(),
            clean(&e.name),
            e.mentions.len()
        )?;
    }
    Ok(())
}

/// A multi-line message (another program's, e.g. clap's) made safe to print: each line
/// cleaned, line ends kept.
pub fn clean_lines(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(body) => clean(body) + "\n",
            None => clean(line),
        })
        .collect()
}

/// `sanitize`, keeping tabs (harmless in plain output, and columns depend on them).
fn clean(text: &str) -> String {
    text.split('\t')
        .map(sanitize)
        .collect::<Vec<_>>()
        .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entity::{Form, Kind, Mention};

    #[test]
    fn clean_lines_keeps_line_ends_and_escapes_the_rest() {
        assert_eq!(
            clean_lines("error: '--a\u{1b}]0;T\u{7}\u{9b}'\n\n\tUsage\n"),
            "error: '--a␛]0;T^G<9B>'\n\n\tUsage\n"
        );
        assert_eq!(clean_lines("no newline"), "no newline");
    }

    #[test]
    fn text_then_cast_with_nothing_raw() {
        let doc = Document::from_string("a", "date 2023-11-08 Evil\u{1b}]0;x\u{7} text\n\tnext");
        let e = Entity {
            id: "x".into(),
            name: "Evil\u{1b}".into(),
            kind: Kind::Person,
            aliases: vec![],
            mentions: vec![Mention {
                start: 16,
                end: 20,
                form: Form::Name,
            }]
            .into(),
        };
        let mut out = Vec::new();
        write(&mut out, &doc, &[e]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            "Evil␛]0;x^G text\n\tnext\n\n# cast: kind, name, mentions\nperson\tEvil␛\t1\n"
        );
    }
}
