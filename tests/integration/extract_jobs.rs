//! The real binary: `extract --json` gives the same bytes for every `--jobs`, on a
//! multi-megabyte text (read in pieces on several threads) and on a directory of documents
//! (read several at once), in the order the files are given.

use std::process::Command;

use crate::common::{self, Scratch};

/// Deterministic news-like paragraphs: many people, organisations and places, so that the
/// clustering sees names that recur across pieces and names met once.
fn news(paragraphs: usize, seed: u64) -> String {
    const GIVEN: [&str; 8] = [
        "Maria", "John", "Ingrid", "Haruto", "Camila", "Tomas", "Yasmin", "Mateo",
    ];
    const SURNAMES: [&str; 8] = [
        "Ortega",
        "Smith",
        "Halvorsen",
        "Takahashi",
        "Fuentes",
        "Mansour",
        "Quispe",
        "Otieno",
    ];
    const PLACES: [&str; 6] = ["Oslo", "Gaza", "Valparaíso", "Mombasa", "Osaka", "Cusco"];
    const ORGS: [&str; 4] = [
        "United Nations",
        "World Bank",
        "Vantoro Holdings",
        "Northline News",
    ];
    let mut x = seed | 1;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let mut out = String::new();
    for p in 0..paragraphs {
        let (g, s) = (GIVEN[next(8)], SURNAMES[next(8)]);
        let place = PLACES[next(6)];
        let org = ORGS[next(4)];
        let tag = next(500);
        out.push_str(&format!(
            "{g} {s}{tag}, a spokesman for the {org}, said on Tuesday in {place} that \
             240 workers had left. \u{201c}We will not accept it,\u{201d} {s}{tag} told \
             reporters.\nOfficials of the {org} (UN) met Prime Minister Ortega{p} in \
             {place}; the talks ended on March 3, 2024.\n\n"
        ));
        if p % 7 == 0 {
            out.push_str("Accented words: caf\u{e9}, na\u{ef}ve.\n\n");
        }
    }
    out
}

fn extract(args: &[&str], data: &Scratch) -> Vec<u8> {
    let out = Command::new(common::bin())
        .arg("extract")
        .arg("--json")
        .args(args)
        .env("XDG_DATA_HOME", &data.0)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn a_large_text_gives_the_same_bytes_on_every_number_of_threads() {
    let dir = Scratch::new("jobs-large");
    let mut text = news(8_000, 7).into_bytes();
    // Invalid UTF-8 in the middle of a piece and at a likely cut.
    text.splice(1_500_000..1_500_000, [0xff, 0xfe]);
    text.splice(2_000_000..2_000_000, [0xe2, 0x82]);
    assert!(text.len() > 2 << 20, "{} bytes", text.len());
    let file = dir.file("large.txt", &text);
    let file = file.to_str().unwrap();
    let one = extract(&["--jobs", "1", file], &dir);
    assert!(one.len() > text.len(), "a rich cast is written");
    for jobs in ["2", "5"] {
        let many = extract(&["--jobs", jobs, file], &dir);
        assert!(one == many, "--jobs {jobs} differs from --jobs 1");
    }
}

#[test]
fn a_directory_gives_its_documents_in_name_order_on_every_number_of_threads() {
    let dir = Scratch::new("jobs-dir");
    let docs = dir.0.join("articles");
    std::fs::create_dir(&docs).unwrap();
    let mut names = Vec::new();
    for i in 0..40u64 {
        // One document large enough to be read in pieces among the small ones.
        let paragraphs = if i == 17 {
            5_000
        } else {
            1 + (i as usize * 7) % 13
        };
        let name = format!("{i:03}.txt");
        std::fs::write(docs.join(&name), news(paragraphs, i + 1)).unwrap();
        names.push(docs.join(&name).to_string_lossy().into_owned());
    }
    let docs = docs.to_str().unwrap();
    let one = extract(&["--jobs", "1", docs], &dir);
    let lines: Vec<&[u8]> = one
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 40);
    for (line, name) in lines.iter().zip(&names) {
        let v: serde_json::Value = serde_json::from_slice(line).unwrap();
        assert_eq!(v["document"].as_str(), Some(name.as_str()));
    }
    // The same as naming the files one by one.
    let named: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut args = vec!["--jobs", "1"];
    args.extend(&named);
    assert!(one == extract(&args, &dir));
    for jobs in ["2", "5"] {
        let many = extract(&["--jobs", jobs, docs], &dir);
        assert!(one == many, "--jobs {jobs} differs from --jobs 1");
    }
}

#[test]
fn zero_jobs_is_refused() {
    let dir = Scratch::new("jobs-zero");
    let file = dir.file("a.txt", "Maria Ortega met John Smith.");
    let out = Command::new(common::bin())
        .args(["extract", "--jobs", "0"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("jobs"));
}
