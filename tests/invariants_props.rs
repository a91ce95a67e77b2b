//! Property tests of the library's invariants, on generated input and on the bundled sample:
//!
//! - the cleaned text (and the title) of any file never holds a control character other than
//!   newline and tab, nor a bidirectional control: nothing from a file can drive the terminal;
//! - outline sections and compared passages lie inside their text, and each passage's `text` in
//!   the JSON is exactly the slice of the cleaned text;
//! - `compare(b, a)` is the mirror of `compare(a, b)`;
//! - a speech compared with itself is covered whole (every key character inside a passage, and
//!   every character left outside is one the key drops: punctuation, space, control);
//! - the key's offset map into the cleaned text is monotonic.
//!
//! Case counts are kept modest so `cargo test` stays fast; the fuzz targets in `fuzz/` explore the
//! same invariants for as long as one lets them run.

#[path = "invariants_support/invariants.rs"]
mod invariants;

use invariants::{
    check_comparison, check_document, check_key, check_outline, check_self_coverage, docs_of,
};
use proptest::prelude::*;
use speechtui::align::{self, Params};
use speechtui::corpus::{self, Document};
use speechtui::text::key::Key;

/// Pieces real pages are made of, and pieces that attack the cleaner: speech prose, section
/// markers, closings, page chrome, HTML, entities, escape sequences, C0/C1 controls, bidi and
/// zero-width characters, CR line ends, romanisation glosses.
const PIECES: &[&str] = &[
    "在全市经济工作会议上的讲话",
    "同志们：",
    "各位代表：",
    "今天我们召开全市工作会议，主要任务是总结上半年工作，部署下半年任务。",
    "要坚持以人民为中心的发展思想，扎实推进各项工作，确保全年目标任务圆满完成。",
    "一、",
    "二、",
    "（一）",
    "（二）",
    "1.",
    "2．",
    "第一，",
    "第二个问题",
    "一是",
    "二是",
    "谢谢大家！",
    "2021年3月5日",
    "XX县某某镇",
    "增长12.5%",
    "書(shū)記(jì)",
    "会(huì)议",
    "作者：admin 时间：2020-01-01 加入收藏",
    "微信扫码领取福利",
    "下载本文",
    "Powered by",
    "<p>",
    "</p>",
    "<br>",
    "<script>alert(1)</script>",
    "<html><body>",
    "&amp;",
    "&#27;[31m",
    "&#x9b;",
    "&lt;",
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\u{1b}P+q\u{1b}\\",
    "\u{9b}2J",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\u{7f}",
    "\u{85}",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{feff}",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    "　　",
    "，",
    "。",
    "、",
    "“",
    "”",
    "�",
];

/// File names (without extension), hostile ones among them.
const NAMES: &[&str] = &[
    "page",
    "2021_政府工作报告",
    "evil\u{1b}[31m\nname",
    "bidi\u{202e}txt.exe",
    "tab\tbell\u{7}",
    "\u{9b}2J",
];

/// Text made of the pieces above.
fn page_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

/// A file's bytes: arbitrary bytes, or page text stored as UTF-8, UTF-16 (with or without BOM)
/// or GB18030, possibly with a few bytes flipped.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        page_text().prop_map(String::into_bytes),
        page_text().prop_map(|s| {
            let mut v = vec![0xFF, 0xFE];
            v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
            v
        }),
        page_text().prop_map(|s| s.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        page_text().prop_map(|s| encoding_rs::GB18030.encode(&s).0.into_owned()),
        (
            page_text(),
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
        )
            .prop_map(|(s, flips)| {
                let mut v = s.into_bytes();
                if !v.is_empty() {
                    for (i, b) in flips {
                        let i = i.index(v.len());
                        v[i] = b;
                    }
                }
                v
            }),
    ]
}

/// Generated prose over a small alphabet of common characters and punctuation, so that two texts
/// share runs now and then.
fn prose(max: usize) -> impl Strategy<Value = String> {
    const ALPHABET: &[char] = &[
        '的', '一', '是', '在', '不', '了', '有', '和', '人', '这', '中', '大', '为', '上', '个',
        '国', '我', '以', '要', '他', '时', '来', '用', '们', '生', '到', '作', '地', '于', '出',
        '就', '分', '对', '成', '会', '可', '主', '发', '年', '动', '同', '工', '也', '能', '下',
        '过', '子', '说', '产', '种', '面', '而', '方', '后', '多', '定', '行', '学', '法', '所',
        '，', '。', '、', '\n', ' ', 'X', '某', '1', '2', '.', 'a', 'b', '發', '會', '〇', '○',
    ];
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
        .prop_map(|v| v.into_iter().collect())
}

/// Generated prose with few repeats: each character drawn from 2,000 CJK ideographs, a
/// punctuation mark now and then. Long repeats are what the aligner deliberately does not seed
/// from, so this is the text on which "covered whole" can be asserted without exception.
fn rare_prose(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((0u32..2000, 0u8..10), 0..max).prop_map(|v| {
        v.into_iter()
            .map(|(k, p)| match p {
                0 => '，',
                1 if k % 3 == 0 => '\n',
                _ => char::from_u32(0x4E00 + k).unwrap(),
            })
            .collect()
    })
}

fn no_word_ops() -> Params {
    Params {
        word_ops: false,
        ..Params::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn cleaned_text_and_titles_are_terminal_safe(
        bytes in file_bytes(),
        name in prop::sample::select(NAMES),
        html in any::<bool>(),
    ) {
        // The title falls back to the file name, which may hold controls of its own.
        let name = format!("{name}.{}", if html { "html" } else { "txt" });
        if let Ok(docs) = docs_of(&bytes, &name) {
            prop_assert!(!docs.is_empty());
            for d in &docs {
                check_document(d);
            }
        }
    }

    #[test]
    fn outline_offsets_are_inside_the_text(text in page_text()) {
        check_outline(&text);
    }

    #[test]
    fn key_map_is_monotonic(text in prose(300)) {
        check_key(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn compare_is_mirrored_and_in_bounds(a in prose(400), b in prose(400), shared in prose(60)) {
        // A shared stretch spliced into both, so passages exist.
        let a = format!("{a}{shared}{a}");
        let b = format!("{shared}{b}");
        let ab = align::compare(&a, &b, &Params::default());
        let ba = align::compare(&b, &a, &Params::default());
        check_comparison(&a, &b, &ab);
        check_comparison(&b, &a, &ba);
        prop_assert_eq!(ba, ab.mirror());
    }

    #[test]
    fn a_text_compared_with_itself_is_covered_whole(text in rare_prose(600)) {
        let key = Key::new(&text);
        let cmp = align::compare(&text, &text, &no_word_ops());
        check_comparison(&text, &text, &cmp);
        if key.len() >= Params::default().min_len {
            check_self_coverage(&text, &cmp);
        } else {
            // Shorter than the shortest passage: nothing is reported, and that is all.
            prop_assert!(cmp.passages.is_empty());
        }
    }
}

/// The bundled sample speeches (9 speeches from 5 real scraped pages).
fn sample_docs() -> Vec<Document> {
    let report = corpus::load(&[corpus::sample_dir().to_path_buf()]);
    assert_eq!(report.documents.len(), 9, "the sample holds 9 speeches");
    report.documents
}

#[test]
fn sample_speeches_are_terminal_safe_with_sound_outlines_and_keys() {
    for d in sample_docs() {
        check_document(&d);
    }
}

#[test]
fn each_sample_speech_compared_with_itself_is_covered_whole() {
    for d in sample_docs() {
        let cmp = align::compare(&d.text, &d.text, &no_word_ops());
        check_comparison(&d.text, &d.text, &cmp);
        check_self_coverage(&d.text, &cmp);
    }
}

#[test]
fn sample_comparisons_are_mirrored_and_in_bounds() {
    let docs = sample_docs();
    // Every pair once in each direction, with word operations (the form the TUI shows).
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let (a, b) = (&docs[i].text, &docs[j].text);
            let ab = align::compare(a, b, &Params::default());
            let ba = align::compare(b, a, &Params::default());
            check_comparison(a, b, &ab);
            assert_eq!(ba, ab.mirror(), "{} vs {}", docs[i].id, docs[j].id);
        }
    }
}
