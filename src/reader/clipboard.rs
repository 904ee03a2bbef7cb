//! Copying to the system clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`),
//! which xterm, kitty, WezTerm, foot, iTerm2, Windows Terminal and others honour. Works over
//! ssh, needs no clipboard tool. Inside tmux the sequence is sent twice: as it is, which tmux
//! takes (and passes on) with `set-clipboard on`, and wrapped for `allow-passthrough on`, which
//! hands it to the outer terminal untouched.

/// The most text one copy sends. Terminals cap OSC 52 payloads (some near 100 KB of base64);
/// 32 KiB of text is about 44 KB encoded, under every limit we know of, and far more than a
/// sentence or a name.
pub const MAX_COPY: usize = 32 * 1024;

/// The escape sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// The same, wrapped in tmux's passthrough (DCS `tmux;` with every ESC doubled).
pub fn osc52_tmux_passthrough(text: &str) -> String {
    format!(
        "\x1bPtmux;{}\x1b\\",
        osc52(text).replace('\x1b', "\x1b\x1b")
    )
}

/// The same for GNU screen, which passes a DCS string (`ESC P … ESC \\`) to the outer
/// terminal but cuts strings longer than its buffer: the base64 is sent in pieces of
/// [`SCREEN_PIECE`] characters, each in its own DCS string, which the outer terminal reads as
/// one OSC 52.
pub fn osc52_screen_passthrough(text: &str) -> String {
    let encoded = base64(text.as_bytes());
    let pieces: Vec<&str> = encoded
        .as_bytes()
        .chunks(SCREEN_PIECE)
        .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
        .collect();
    format!("\x1bP\x1b]52;c;{}\x07\x1b\\", pieces.join("\x1b\\\x1bP"))
}

/// How much base64 one of screen's DCS strings carries (as vim-oscyank and others send it).
pub const SCREEN_PIECE: usize = 76;

/// `text` cut to at most `max` bytes at a character boundary.
pub fn capped(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
        assert_eq!(base64(&[0xff, 0xfe, 0xfd]), "//79");
    }

    #[test]
    fn the_sequence_carries_no_raw_text() {
        let s = osc52("Hamas\x1b]0;title\x07");
        assert!(s.starts_with("\x1b]52;c;") && s.ends_with('\x07'));
        let payload = &s[7..s.len() - 1];
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
    }

    #[test]
    fn the_tmux_passthrough_doubles_the_escape() {
        assert_eq!(
            osc52_tmux_passthrough("f"),
            "\x1bPtmux;\x1b\x1b]52;c;Zg==\x07\x1b\\"
        );
    }

    #[test]
    fn screen_gets_the_copy_in_pieces_it_can_hold() {
        assert_eq!(
            osc52_screen_passthrough("f"),
            "\x1bP\x1b]52;c;Zg==\x07\x1b\\"
        );
        let long = "x".repeat(100);
        let s = osc52_screen_passthrough(&long);
        let pieces: Vec<&str> = s.split("\x1b\\").filter(|p| !p.is_empty()).collect();
        assert_eq!(pieces.len(), 2, "{s:?}");
        assert_eq!(pieces[0].len(), "\x1bP\x1b]52;c;".len() + SCREEN_PIECE);
        let joined: String = pieces
            .iter()
            .map(|p| {
                p.trim_start_matches("\x1bP")
                    .trim_start_matches("\x1b]52;c;")
            })
            .collect::<String>();
        assert_eq!(joined.trim_end_matches('\x07'), base64(long.as_bytes()));
    }

    #[test]
    fn capping_keeps_whole_characters() {
        assert_eq!(capped("abc", 5), "abc");
        assert_eq!(capped("aé", 2), "a");
        assert_eq!(capped("aé", 3), "aé");
    }
}
