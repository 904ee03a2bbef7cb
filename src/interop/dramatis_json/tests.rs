use super::*;
use crate::domain::entity::{Kind, Mention};

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
fn strings_written_by_hand_are_the_bytes_serde_writes() {
    for s in [
        "",
        "Plain ASCII, with: punctuation!",
        "a \"quote\" and a \\ backslash",
        "tab\tnew\nline\u{1}",
        "née \u{9b}31m \u{202e}x\u{7f}",
        "~ and space ",
        "General\nMotors \r\u{8}\u{c}\u{1f}\u{7f}",
        "Z\u{fc}rich \u{2019}s \u{ad}soft \u{1d173}\u{1f600} \u{9f}\u{a0}",
        "\u{7f}",
        "\"",
        "\u{e0041}x\\",
    ] {
        let (mut by_hand, mut by_serde) = (Vec::new(), Vec::new());
        write_str(&mut by_hand, s);
        write_value(&mut by_serde, &s).unwrap();
        assert_eq!(
            String::from_utf8(by_hand).unwrap(),
            String::from_utf8(by_serde).unwrap()
        );
    }
}

#[test]
fn a_string_of_any_length_is_plain_exactly_when_every_byte_is() {
    // Every length up to three words, each byte in turn one that needs an escape.
    for n in 0..=24 {
        let plain = vec![b'a'; n];
        assert!(all_plain(&plain), "{n} plain bytes");
        for at in 0..n {
            for b in [0x00, 0x1f, b'"', b'\\', 0x7f, 0x80, 0xff] {
                let mut bytes = plain.clone();
                bytes[at] = b;
                assert!(!all_plain(&bytes), "{bytes:?}");
            }
        }
    }
}

#[test]
fn eight_bytes_at_once_need_an_escape_exactly_when_one_of_them_does() {
    // Every byte value in every position, among plain bytes and among other escapes.
    for fill in [b'a', b' ', b'~', 0x00, 0xff, b'"'] {
        for at in 0..8 {
            for b in 0..=255u8 {
                let mut eight = [fill; 8];
                eight[at] = b;
                let expected = !eight.iter().all(|&b| is_plain(b));
                assert_eq!(
                    needs_escape(u64::from_le_bytes(eight)),
                    expected,
                    "{eight:?}"
                );
            }
        }
    }
}

#[test]
fn a_list_is_the_same_on_every_number_of_threads_and_stops_at_an_error() {
    let n = 5_000;
    let item = |i: usize, w: &mut Vec<u8>| {
        push_number(w, i as u64 * 7);
        Ok(())
    };
    let written = |jobs: usize| {
        let mut out = Vec::new();
        write_list(&mut out, n, |i| PART / 50 + i % 3, jobs, item).unwrap();
        out
    };
    let one = written(1);
    let expected: Vec<String> = (0..n).map(|i| (i * 7).to_string()).collect();
    assert_eq!(String::from_utf8(one.clone()).unwrap(), expected.join(","));
    for jobs in [2, 3, 8] {
        assert_eq!(written(jobs), one, "{jobs} threads");
    }
    let failing = |i: usize, w: &mut Vec<u8>| {
        if i == 3_000 {
            return Err(io::Error::other("no room"));
        }
        item(i, w)
    };
    for jobs in [1, 2, 3] {
        let mut out = Vec::new();
        let err = write_list(&mut out, n, |_| PART / 50, jobs, failing).unwrap_err();
        assert_eq!(err.to_string(), "no room");
        assert!(out.len() < one.len());
    }
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
    let v: serde_json::Value = serde_json::from_str(&document_line(&doc, &[e, person])).unwrap();
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
    let line = document_line_with_quotes(&doc, &found.entities, &found.quotes, &BTreeMap::new());
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

#[test]
fn shared_sentence_ranges_are_written_once_into_a_buffer_of_their_exact_size() {
    let text = "One sentence here. A second one follows. And the third is longer than both.";
    let doc = Document::from_string("s.txt", text);
    let sentences = doc.split_sentences(1);
    let all: Vec<_> = sentences.iter().collect();
    assert_eq!(all.len(), 3);
    let ranges = SentenceRanges::new(&sentences, |i| i != 1);
    let json = |r: &std::ops::Range<usize>| format!("[{},{}]", r.start, r.end);
    let get = |i: usize| {
        let mut w = Vec::new();
        ranges.push(&mut w, i);
        w
    };
    assert_eq!(get(0), json(&all[0]).as_bytes());
    assert_eq!(get(1), b"", "not shared: nothing written");
    assert_eq!(get(2), json(&all[2]).as_bytes());
    assert_eq!(
        ranges.json.len(),
        ranges.json.capacity(),
        "with its padding"
    );
}
