//! The invariants the hardening tests hold the library to, shared by the property tests, the
//! replay of fuzz findings (`tests/fuzz_replay.rs`) and the fuzz targets themselves
//! (`fuzz/fuzz_targets/*.rs` include this file by path), so a finding replays on stable exactly
//! as it failed under the fuzzer.
//!
//! Every check panics with a message naming the broken invariant.

#![allow(dead_code)]

use std::collections::HashSet;
use std::path::Path;

use speechtui::align::{self, Comparison, Params, TokenOp};
use speechtui::corpus::{self, ChromePatterns, Document};
use speechtui::export;
use speechtui::outline;
use speechtui::text::safety::is_unsafe;
use speechtui::text::{self, key::Key, Span};

/// The speeches of a file's bytes, through the loader's real per-file pipeline (decode → HTML →
/// normalise → glosses → extraction → splitting → metadata).
pub fn docs_of(bytes: &[u8], name: &str) -> Result<Vec<Document>, String> {
    corpus::process::process(Path::new(name), bytes, ChromePatterns::builtin())
}

/// No control character but newline and tab, no bidirectional control, no carriage return.
pub fn assert_terminal_safe(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| is_unsafe(c) || c == '\r') {
        panic!("{what} holds U+{:04X}: {s:?}", c as u32);
    }
}

fn assert_span_in(text_len: usize, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text_len,
        "{what} {s:?} outside a text of {text_len} chars"
    );
}

fn op_spans(op: &TokenOp) -> (Option<Span>, Option<Span>) {
    match *op {
        TokenOp::Equal { a, b } | TokenOp::Replace { a, b } => (Some(a), Some(b)),
        TokenOp::Delete { a } => (Some(a), None),
        TokenOp::Insert { b } => (None, Some(b)),
    }
}

/// Byte offset of every char of `text`, and of its end.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

/// `text::slice` walks the text from its start; it is checked on this many spans per text (the
/// rest by byte offsets), so the checks stay linear on inputs with thousands of sections.
const SLICE_CHECKS: usize = 64;

/// A stand-in document around a text, for the exporters.
pub fn doc_of_text(text: &str) -> Document {
    Document {
        id: "x".into(),
        path: "x".into(),
        part: None,
        title: "x".into(),
        date: None,
        place: None,
        duplicate_of: None,
        encoding: "UTF-8".into(),
        text: text.into(),
        raw: text.into(),
        warnings: Vec::new(),
    }
}

/// Every offset of a comparison inside its texts, each word operation inside its passage, and
/// each side's `text` in the contract's JSON exactly the cleaned text between `start` and `end`
/// (checked against byte slicing, which panics off a char boundary).
pub fn check_comparison(a: &str, b: &str, cmp: &Comparison) {
    let (na, nb) = (a.chars().count(), b.chars().count());
    assert!(
        (0.0..=1.0).contains(&cmp.a_reused),
        "a_reused {}",
        cmp.a_reused
    );
    assert!(
        (0.0..=1.0).contains(&cmp.b_reused),
        "b_reused {}",
        cmp.b_reused
    );
    for p in &cmp.passages {
        assert_span_in(na, p.a, "passage side a");
        assert_span_in(nb, p.b, "passage side b");
        assert!(
            (0.0..=1.0).contains(&p.similarity),
            "similarity {}",
            p.similarity
        );
        for op in &p.ops {
            let (sa, sb) = op_spans(op);
            if let Some(s) = sa {
                assert!(
                    p.a.start <= s.start && s.end <= p.a.end,
                    "op {op:?} outside {p:?}"
                );
            }
            if let Some(s) = sb {
                assert!(
                    p.b.start <= s.start && s.end <= p.b.end,
                    "op {op:?} outside {p:?}"
                );
            }
        }
    }
    let json = export::comparison_json(&doc_of_text(a), &doc_of_text(b), cmp);
    let passages = json["passages"].as_array().expect("passages array");
    assert_eq!(passages.len(), cmp.passages.len());
    let (ba, bb) = (byte_offsets(a), byte_offsets(b));
    for (k, (p, j)) in cmp.passages.iter().zip(passages).enumerate() {
        for (side, text, bytes, span) in [("a", a, &ba, p.a), ("b", b, &bb, p.b)] {
            let by_bytes = &text[bytes[span.start]..bytes[span.end]];
            if k < SLICE_CHECKS {
                assert_eq!(text::slice(text, span), by_bytes);
            }
            assert_eq!(j[side]["text"].as_str(), Some(by_bytes));
            assert_eq!(j[side]["start"].as_u64(), Some(span.start as u64));
            assert_eq!(j[side]["end"].as_u64(), Some(span.end as u64));
        }
    }
}

/// Spaces a section marker may contain (`一 、`, `（ 一 ）`); the outline leaves them out of
/// `marker`.
const MARKER_SPACES: &[char] = &[
    ' ', '\t', '\r', '\u{3000}', '\u{a0}', '\u{2002}', '\u{2003}', '\u{200b}', '\u{200d}',
    '\u{feff}',
];

/// Sections inside the text, in document order, each starting at its marker as written, headings
/// on one line.
pub fn check_outline(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let o = outline::outline(text);
    assert_eq!(o.chars, chars.len());
    let bytes = byte_offsets(text);
    let mut last_start = 0;
    for (k, s) in o.sections.iter().enumerate() {
        assert!(s.level >= 1, "{s:?}");
        assert!(
            s.start <= s.end && s.end <= chars.len(),
            "section {s:?} outside a text of {} chars",
            chars.len()
        );
        assert!(s.start >= last_start, "sections out of order");
        last_start = s.start;
        // The marker as written, less the spaces it may hold (`一 、`) and the `&` left by some
        // converters (`二&、`), which the outline drops.
        let marker: Vec<char> = s.marker.chars().collect();
        let written: Vec<char> = chars[s.start..]
            .iter()
            .copied()
            .filter(|&c| c != '&' && !MARKER_SPACES.contains(&c))
            .take(marker.len())
            .collect();
        assert_eq!(
            written, marker,
            "marker {:?} is not the text at {}",
            s.marker, s.start
        );
        assert!(
            !s.heading.contains('\n'),
            "heading {:?} spans lines",
            s.heading
        );
        let by_bytes = &text[bytes[s.start]..bytes[s.end]];
        if k < SLICE_CHECKS {
            let span = Span {
                start: s.start,
                end: s.end,
            };
            assert_eq!(text::slice(text, span), by_bytes);
        }
    }
}

/// The key's map strictly increasing, each key position's source run non-empty and before the
/// next one's, and `text_span` / `key_range` inverse on whole runs.
pub fn check_key(text: &str) {
    let key = Key::new(text);
    let n = text.chars().count();
    assert_eq!(key.text_len, n);
    assert_eq!(key.map.len(), key.chars.len());
    assert_eq!(key.ends.len(), key.chars.len());
    for i in 0..key.len() {
        assert!(key.map[i] < key.ends[i], "empty source run at {i}");
        assert!(key.ends[i] as usize <= n);
        if i + 1 < key.len() {
            assert!(key.ends[i] <= key.map[i + 1], "runs overlap at {i}");
        }
    }
    for (s, e) in [(0, key.len()), (key.len() / 3, key.len() / 2)] {
        let span = key.text_span(s, e);
        assert_span_in(n, span, "key span");
        if s < e {
            assert_eq!(key.key_range(span.start, span.end), s..e);
        }
    }
}

/// A text compared with itself: every key character is inside a passage, and every character of
/// the text outside all passages is one the key drops (punctuation, space, control).
pub fn check_self_coverage(text: &str, cmp: &Comparison) {
    let key = Key::new(text);
    let chars: Vec<char> = text.chars().collect();
    let mut covered = vec![false; chars.len()];
    for p in &cmp.passages {
        for c in &mut covered[p.a.start..p.a.end] {
            *c = true;
        }
    }
    for (i, &k) in key.map.iter().enumerate() {
        assert!(
            covered[k as usize],
            "key char {i} ({:?}) at text offset {k} not covered",
            key.chars[i]
        );
    }
    let in_key: HashSet<usize> = key
        .map
        .iter()
        .zip(&key.ends)
        .flat_map(|(&s, &e)| s as usize..e as usize)
        .collect();
    for (i, c) in chars.iter().enumerate() {
        assert!(
            covered[i] || !in_key.contains(&i),
            "text char {i} {c:?} (in the key) not covered"
        );
    }
    assert_eq!(cmp.a_reused, 1.0);
    assert_eq!(cmp.b_reused, 1.0);
}

/// A loaded speech: terminal-safe text and title, sound outline and key.
pub fn check_document(d: &Document) {
    assert!(!d.text.is_empty(), "a speech with no text");
    assert_terminal_safe("cleaned text", &d.text);
    assert_terminal_safe("title", &d.title);
    check_outline(&d.text);
    check_key(&d.text);
}

/// Fuzz target `load`: arbitrary bytes as a file (the first byte picks `.txt` or `.html`, so both
/// paths of the loader are taken).
pub fn fuzz_load(data: &[u8]) {
    let name = if data.first().is_some_and(|b| b & 1 == 1) {
        "page.html"
    } else {
        "page.txt"
    };
    if let Ok(docs) = docs_of(data, name) {
        assert!(!docs.is_empty(), "Ok with no speech");
        for d in &docs {
            check_document(d);
        }
    }
}

/// Fuzz target `outline`: arbitrary text (lossily decoded) through the outline parser and the key.
pub fn fuzz_outline(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_outline(&text);
    check_key(&text);
}

/// The two texts of a `compare` input: split at the first NUL byte, or in the middle.
pub fn split_pair(data: &[u8]) -> (String, String) {
    let at = data
        .iter()
        .position(|&b| b == 0)
        .map_or((data.len() / 2, data.len() / 2), |i| (i, i + 1));
    (
        String::from_utf8_lossy(&data[..at.0]).into_owned(),
        String::from_utf8_lossy(&data[at.1..]).into_owned(),
    )
}

/// Fuzz target `compare`: a pair of arbitrary texts aligned both ways, with word operations.
pub fn fuzz_compare(data: &[u8]) {
    let (a, b) = split_pair(data);
    let params = Params::default();
    let ab = align::compare(&a, &b, &params);
    check_comparison(&a, &b, &ab);
    let ba = align::compare(&b, &a, &params);
    assert_eq!(
        ba,
        ab.mirror(),
        "compare(b, a) is not the mirror of compare(a, b)"
    );
}
