//! Kill a process while it saves corrections, many times, at random moments: the sidecar must
//! always parse and hold a complete state, the last one saved or the one before.
//!
//! The writer is this test binary itself, re-run with an environment variable that turns the
//! `crash_writer` test into an endless save loop; no test-only code ships in dramatis.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use common::Scratch;
use dramatis::domain::corrections::{Correction, History, Key};
use dramatis::domain::document::Document;
use dramatis::domain::entity::Kind;
use dramatis::store::sidecar::Sidecar;

const ENV: &str = "DRAMATIS_CRASH_WRITER_DIR";
const TEXT: &str = "Alice met Bob in Paris.\n";
const KILLS: usize = 200;
const READY: &str = "crash-writer-ready";
/// Corrections kept in each state: a sliding window, so every save rewrites a file of the
/// same size (tens of kilobytes: long enough for kills to land mid-write).
const WINDOW: u64 = 40;

/// Correction number `g`: its content is a function of `g`, so a state can be checked whole.
fn correction(g: u64) -> Correction {
    Correction::Rename {
        entity: Key {
            name: format!("entity {g}"),
            kind: Kind::Person,
            at: None,
        },
        name: format!("{g}:{}", "x".repeat(1000)),
    }
}

fn generation(c: &Correction) -> u64 {
    match c {
        Correction::Rename { entity, .. } => entity.name["entity ".len()..].parse().unwrap(),
        other => panic!("unexpected correction {other:?}"),
    }
}

/// The state after `g` saves: corrections `g-WINDOW+1 ..= g`.
fn state(g: u64) -> History {
    let mut h = History::default();
    for i in g.saturating_sub(WINDOW - 1).max(1)..=g {
        h.push(correction(i));
    }
    h
}

fn doc_path(dir: &Path) -> PathBuf {
    dir.join("doc.txt")
}

/// Runs as a writer only when started by the crash test: saves state after state for ever,
/// saying so once the first save is complete.
#[test]
fn crash_writer() {
    let Some(dir) = std::env::var_os(ENV) else {
        return;
    };
    let path = doc_path(Path::new(&dir));
    let doc = Document::from_string("doc.txt", TEXT);
    let (mut car, found) = Sidecar::open(&doc, Some(&path), None).unwrap();
    let mut g = found.history.done.last().map_or(0, generation);
    let mut announced = false;
    // SAFETY: getppid has no preconditions.
    let parent = unsafe { libc::getppid() };
    // Stop if the crash test is gone (it panicked): never loop on as an orphan.
    while unsafe { libc::getppid() } == parent {
        g += 1;
        car.save(&state(g)).unwrap();
        if !announced {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{READY}").unwrap();
            out.flush().unwrap();
            announced = true;
        }
    }
}

/// The writer's test name as libtest knows it: its path in the test crate.
fn writer_test() -> String {
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    format!("{module}::crash_writer")
}

/// Kills the writer even when an assertion fails first.
struct Writer(std::process::Child);

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// xorshift: random enough kill moments, no dependency.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn killing_the_writer_at_any_moment_leaves_an_old_or_a_new_complete_file() {
    let s = Scratch::new("crash");
    let path = s.file("doc.txt", TEXT);
    let side = s.0.join("doc.txt.dramatis.json");
    let doc = Document::from_string("doc.txt", TEXT);
    let mut seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    let mut last = 0;
    for kill in 0..KILLS {
        let mut child = Writer(
            Command::new(std::env::current_exe().unwrap())
                .args([&writer_test(), "--exact", "--nocapture", "--test-threads=1"])
                .env(ENV, &s.0)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let mut lines = BufReader::new(child.0.stdout.take().unwrap());
        let mut line = String::new();
        // libtest has already written "test sidecar_crash::crash_writer ... " on this line.
        while !line.trim_end().ends_with(READY) {
            line.clear();
            let n = lines.read_line(&mut line).unwrap();
            assert!(n > 0, "the writer stopped before saving (kill {kill})");
        }
        // Anywhere from at once to a dozen saves later.
        std::thread::sleep(Duration::from_micros(next(&mut seed) % 15_000));
        child.0.kill().unwrap();
        child.0.wait().unwrap();

        // The raw file is one whole JSON document with a consistent window of corrections.
        let text = std::fs::read_to_string(&side).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("kill {kill}: torn sidecar ({e}): {} bytes", text.len()));
        let done = v["done"].as_array().unwrap();
        assert!(!done.is_empty());
        // And dramatis reads it back as exactly one of the states the writer saved.
        let (_, found) = Sidecar::open(&doc, Some(&path), None).unwrap();
        let g = generation(found.history.done.last().unwrap());
        assert_eq!(
            found.history,
            state(g),
            "kill {kill}: not a state the writer saved"
        );
        assert!(g >= last, "kill {kill}: went back from {last} to {g}");
        assert!(
            g > last,
            "kill {kill}: each writer saves at least once before saying so"
        );
        last = g;
    }
    assert!(last >= KILLS as u64);
    // Temporary files of killed writers are removed by the next opening.
    let temps = std::fs::read_dir(&s.0)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert!(temps <= 1, "{temps} temporary files left");
}
