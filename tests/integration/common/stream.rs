//! Reads back what a program wrote to its terminal, sequence by sequence, so tests can say
//! which control sequences reached the terminal rather than hunting for substrings.
//!
//! It is a small ECMA-48 tokenizer: CSI, OSC, DCS/SOS/PM/APC strings, two-byte escapes, C0
//! and C1 controls, and text. Its list of characters a document may never put on the screen
//! raw is written out here on purpose, not borrowed from dramatis, so the tests do not grade
//! dramatis against its own definition.

/// One thing found in the output stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// `ESC [` … final: `private` is the `?`/`<`/`=`/`>` marker, if any.
    Csi {
        private: Option<char>,
        params: String,
        intermediates: String,
        final_byte: char,
    },
    /// `ESC ]` … (BEL or ST): sets titles, the clipboard, colours, hyperlinks.
    Osc(String),
    /// `ESC P`, `ESC X`, `ESC ^`, `ESC _` … ST: device control and other strings.
    Str(char, String),
    /// `ESC` followed by one (or, with intermediates, more) characters.
    Esc(String),
    /// A C0 control other than ESC, or DEL.
    C0(u8),
    /// A C1 control written as a character (U+0080–U+009F).
    C1(char),
    /// A character that changes how the text around it is shown, or hides itself: bidi
    /// controls, zero-width characters, line and paragraph separators.
    Invisible(char),
    /// Bytes that are not UTF-8 (a raw 8-bit C1 would be one).
    Invalid(Vec<u8>),
    /// Printable text.
    Text(String),
}

/// Splits a raw output stream into tokens. Adjacent text is merged.
pub fn tokens(raw: &[u8]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let push_text = |out: &mut Vec<Token>, c: char| match out.last_mut() {
        Some(Token::Text(t)) => t.push(c),
        _ => out.push(Token::Text(c.to_string())),
    };
    let mut chars: Vec<Result<char, Vec<u8>>> = Vec::new();
    for chunk in raw.utf8_chunks() {
        chars.extend(chunk.valid().chars().map(Ok));
        if !chunk.invalid().is_empty() {
            chars.push(Err(chunk.invalid().to_vec()));
        }
    }
    let mut i = 0;
    let next = |i: &mut usize| -> Option<char> {
        let c = chars.get(*i).and_then(|c| c.as_ref().ok().copied());
        if c.is_some() {
            *i += 1;
        }
        c
    };
    while i < chars.len() {
        let c = match &chars[i] {
            Ok(c) => *c,
            Err(bad) => {
                out.push(Token::Invalid(bad.clone()));
                i += 1;
                continue;
            }
        };
        i += 1;
        match c {
            '\u{1b}' => {
                let Some(kind) = next(&mut i) else {
                    out.push(Token::Esc(String::new()));
                    continue;
                };
                match kind {
                    '[' => {
                        let mut private = None;
                        let mut params = String::new();
                        let mut intermediates = String::new();
                        let mut final_byte = '\0';
                        while let Some(c) = next(&mut i) {
                            match c {
                                '<' | '=' | '>' | '?' if params.is_empty() && private.is_none() => {
                                    private = Some(c);
                                }
                                '0'..='9' | ';' | ':' => params.push(c),
                                ' '..='/' => intermediates.push(c),
                                _ => {
                                    final_byte = c;
                                    break;
                                }
                            }
                        }
                        out.push(Token::Csi {
                            private,
                            params,
                            intermediates,
                            final_byte,
                        });
                    }
                    ']' | 'P' | 'X' | '^' | '_' => {
                        let mut body = String::new();
                        while let Some(c) = next(&mut i) {
                            if c == '\u{7}' && kind == ']' {
                                break;
                            }
                            if c == '\u{1b}' {
                                // ST is ESC \; any other ESC also ends the string.
                                if matches!(chars.get(i), Some(Ok('\\'))) {
                                    i += 1;
                                }
                                break;
                            }
                            body.push(c);
                        }
                        out.push(if kind == ']' {
                            Token::Osc(body)
                        } else {
                            Token::Str(kind, body)
                        });
                    }
                    _ => {
                        let mut s = kind.to_string();
                        // Intermediates (e.g. `ESC ( B`) take one more character.
                        if (' '..='/').contains(&kind)
                            && let Some(c) = next(&mut i)
                        {
                            s.push(c);
                        }
                        out.push(Token::Esc(s));
                    }
                }
            }
            '\r' | '\n' => push_text(&mut out, c),
            '\u{0}'..='\u{1f}' | '\u{7f}' => out.push(Token::C0(c as u8)),
            '\u{80}'..='\u{9f}' => out.push(Token::C1(c)),
            // A joiner inside an emoji sequence (👨‍👩‍👧) is doing its job.
            '\u{200d}' if after_emoji(&out) => push_text(&mut out, c),
            _ if is_invisible(c) => out.push(Token::Invisible(c)),
            _ => push_text(&mut out, c),
        }
    }
    out
}

fn after_emoji(out: &[Token]) -> bool {
    let Some(Token::Text(t)) = out.last() else {
        return false;
    };
    t.chars()
        .last()
        .is_some_and(|c| matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF))
}

/// Characters that reorder or hide text: Trojan Source's bidi controls, zero-width
/// characters, separators, the BOM, tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x061C | 0x180E
        | 0x200B..=0x200F
        | 0x2028..=0x202E
        | 0x2060..=0x2069
        | 0xFEFF
        | 0xE0000..=0xE007F)
}

/// Private modes a full-screen reader sets and resets: alternate screen, cursor, mouse
/// reporting (crossterm's set), bracketed paste, synchronized output.
const PRIVATE_MODES: &[&str] = &[
    "1049", "25", "1000", "1002", "1003", "1006", "1015", "2004", "2026",
];

/// The sequences a ratatui/crossterm program writes while drawing: cursor moves, colours and
/// attributes, clears, the private modes above. Anything else in the stream did not come from
/// dramatis's own drawing.
pub fn is_own_sequence(t: &Token) -> bool {
    match t {
        Token::Text(_) => true,
        Token::Csi {
            private: None,
            intermediates,
            final_byte,
            ..
        } => intermediates.is_empty() && "HmJK".contains(*final_byte),
        Token::Csi {
            private: Some('?'),
            params,
            intermediates,
            final_byte: 'h' | 'l',
        } => intermediates.is_empty() && params.split(';').all(|p| PRIVATE_MODES.contains(&p)),
        _ => false,
    }
}

/// Everything in `raw` that is not dramatis's own drawing, shown readably; empty if clean.
pub fn foreign(raw: &[u8]) -> Vec<String> {
    tokens(raw)
        .into_iter()
        .filter(|t| !is_own_sequence(t))
        .map(|t| format!("{t:?}"))
        .collect()
}

/// The printable text of a stream, sequences removed.
pub fn text(raw: &[u8]) -> String {
    tokens(raw)
        .into_iter()
        .filter_map(|t| match t {
            Token::Text(s) => Some(s),
            _ => None,
        })
        .collect()
}
