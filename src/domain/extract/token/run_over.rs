//! Whether a name in hard-wrapped text goes on over a line break.

/// Whether a name may run from the end of `line` over the line break into `next`: `line` may
/// end inside a name (`may_run_over`) and the next line starts with a capitalised word, or with
/// "of" and one ("the Port⏎of Vienna").
// Not `crate::`-rooted: the build script includes the tokenizer as a module of its own crate.
pub(in super::super) fn name_runs_over(line: &str, next: &str) -> bool {
    let mut words = next.as_bytes().split(|&c| !c.is_ascii_alphabetic());
    let first = words.next().unwrap_or(b"");
    // "of" on both sides of the break is no name.
    let goes_on = capitalised_word(first)
        || first == b"of" && !line.ends_with(" of") && words.next().is_some_and(capitalised_word);
    may_run_over(line) && goes_on
}

/// Whether a name may go on after the end of `line`: the line is long, as wrapped prose is
/// (not a heading), and ends with a capitalised word, not a sentence, or with one and "of"
/// ("the Port of⏎Vancouver").
fn may_run_over(line: &str) -> bool {
    const WRAPPED: usize = 50;
    let mut words = line.as_bytes().rsplit(|&c| c == b' ');
    let last = words.next().unwrap_or(b"");
    line.len() >= WRAPPED
        && (capitalised_word(last) || last == b"of" && words.next().is_some_and(capitalised_word))
}

/// "Union": a capital, then letters, some of them in lower case.
fn capitalised_word(w: &[u8]) -> bool {
    w.first().is_some_and(u8::is_ascii_uppercase)
        && w.iter().skip(1).all(u8::is_ascii_alphabetic)
        && w.iter().any(u8::is_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_may_run_over_a_wrapped_line() {
        let long = "Protesters gathered outside the offices of the Western Holdings";
        assert!(name_runs_over(long, "Union in Montreal on Tuesday"));
        assert!(!name_runs_over(long, "union members"));
        assert!(!name_runs_over("A SHORT HEADING", "Union"));
        assert!(!name_runs_over(&format!("{long} today."), "Union"));
        assert!(!name_runs_over(&format!("{long} NATO"), "Union"));
        assert!(name_runs_over(&format!("{long} Port of"), "Vancouver said"));
        assert!(!name_runs_over(
            &format!("{long} port of"),
            "Vancouver said"
        ));
        assert!(name_runs_over(&format!("{long} Port"), "of Vienna said"));
        assert!(!name_runs_over(&format!("{long} Port of"), "of Vienna"));
    }
}
