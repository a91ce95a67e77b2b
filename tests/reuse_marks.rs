//! The reader's queries over a reuse report, on the sample corpus: copies of one text count once
//! in every share and list, and marks say what a span is.

mod reuse_support;

use speechtui::align::Span;
use speechtui::reuse::duplicates::Duplicates;
use speechtui::reuse::marks::{self, MarkKind, Sharing};
use speechtui::reuse::{build, Options};

fn options() -> Options {
    Options {
        no_cache: true,
        ..Default::default()
    }
}

#[test]
fn a_copy_in_the_corpus_counts_once() {
    let docs = reuse_support::sample();
    let n = docs.len();
    // The same speech again, re-encoded to full-width punctuation as a second scrape might be.
    let pick = (0..n).max_by_key(|&i| docs[i].text.len()).unwrap();
    let mut copy = docs[pick].clone();
    copy.id = format!("{}-copy", copy.id);
    copy.text = copy.text.replace(',', "，");
    let mut with_copy = docs.clone();
    with_copy.push(copy);

    let alone = build(&docs, &options(), &|_| {}).unwrap();
    let doubled = build(&with_copy, &options(), &|_| {}).unwrap();
    let dups = Duplicates::near(&doubled, &with_copy);
    assert_eq!(dups.group(n), dups.group(pick), "the copy is found");
    assert_eq!(dups.groups(), n);

    let years = |d: &[speechtui::corpus::Document]| d.iter().map(|x| x.year()).collect();
    let places = |d: &[speechtui::corpus::Document]| vec![None; d.len()];
    let s_alone = Sharing::new(&alone, Duplicates::none(n), years(&docs), places(&docs));
    let s_doubled = Sharing::new(
        &doubled,
        dups.clone(),
        years(&with_copy),
        places(&with_copy),
    );

    // Without the copy counting as one, the speech would be shared nearly whole.
    assert!(doubled.documents[pick].reused > 0.9);
    let b = marks::borrowed(&doubled, &s_doubled, pick).unwrap();
    let before = alone.documents[pick].reused;
    assert!(
        (b - before).abs() < 0.1,
        "borrowed {b:.3} with a copy, {before:.3} without"
    );
    // No mark of the speech is shared only with its copy, and the others count texts.
    let m = marks::marks(&doubled, &s_doubled, pick);
    assert!(m.iter().all(|x| x.others >= 1));
    let whole = Span {
        start: 0,
        end: with_copy[pick].text.chars().count(),
    };
    let listed = marks::shared_with(&doubled, &s_doubled, pick, whole);
    assert!(listed.iter().all(|e| dups.group(e.doc) != dups.group(pick)));
    let listed_alone = marks::shared_with(&alone, &s_alone, pick, whole);
    assert_eq!(
        listed.iter().map(|e| e.doc).collect::<Vec<_>>(),
        listed_alone.iter().map(|e| e.doc).collect::<Vec<_>>(),
        "the same speeches share its text, copy or not"
    );
    // Seen from another speech, the speech and its copy are one entry.
    let other = listed[0].doc;
    let back = marks::shared_with(
        &doubled,
        &s_doubled,
        other,
        Span {
            start: 0,
            end: with_copy[other].text.chars().count(),
        },
    );
    let entry = back.iter().find(|e| e.doc == pick).expect("listed");
    assert_eq!(entry.copies, 1);
    assert!(back.iter().all(|e| e.doc != n));
}

#[test]
fn marks_are_in_text_order_and_formulas_are_short_phrases() {
    let docs = reuse_support::sample();
    let report = build(&docs, &options(), &|_| {}).unwrap();
    let years = docs.iter().map(|d| d.year()).collect();
    let sharing = Sharing::new(
        &report,
        Duplicates::exact(&docs),
        years,
        vec![None; docs.len()],
    );
    let mut kinds = std::collections::BTreeSet::new();
    for (d, doc) in docs.iter().enumerate() {
        let m = marks::marks(&report, &sharing, d);
        assert!(m.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        for x in &m {
            kinds.insert(x.kind);
            let text = reuse_support::slice(&doc.text, x.span.start, x.span.end);
            match x.kind {
                MarkKind::Formula => assert!(
                    !text
                        .trim_matches(|c: char| "，。；".contains(c))
                        .contains('。'),
                    "{text}"
                ),
                MarkKind::Copied => assert!(x.span.end - x.span.start >= marks::COPIED_MIN_CHARS),
                MarkKind::Common => {}
            }
        }
        let f = marks::formula_spans(&report, &sharing, d);
        let formula_marks = m.iter().filter(|x| x.kind == MarkKind::Formula).count();
        assert!(f.len() >= formula_marks);
    }
    assert!(kinds.contains(&MarkKind::Common), "{kinds:?}");
}
