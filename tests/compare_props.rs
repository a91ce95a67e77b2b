//! Properties of `align::compare` on random texts over a small alphabet (so repeats, moved
//! passages, placeholders and punctuation are frequent): mirror symmetry, exact slices, bounds.

use proptest::prelude::*;
use speechtui::align::{compare, Params};
use speechtui::text::{key::Key, slice};

fn text() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "一切围绕项目转盯着干乡村建设治理國個X某，。、 \n12"
        .chars()
        .collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..300)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn b_with_a_mirrors_a_with_b(a in text(), b in text()) {
        let p = Params::default();
        prop_assert_eq!(compare(&b, &a, &p), compare(&a, &b, &p).mirror());
    }

    #[test]
    fn passages_are_valid(a in text(), b in text()) {
        let p = Params::default();
        let cmp = compare(&a, &b, &p);
        let (na, nb) = (a.chars().count(), b.chars().count());
        prop_assert!((0.0..=1.0).contains(&cmp.a_reused) && (0.0..=1.0).contains(&cmp.b_reused));
        for w in cmp.passages.windows(2) {
            prop_assert!(w[0].a.start <= w[1].a.start);
        }
        for x in &cmp.passages {
            prop_assert!(x.a.start < x.a.end && x.a.end <= na);
            prop_assert!(x.b.start < x.b.end && x.b.end <= nb);
            prop_assert!(x.similarity >= p.min_similarity && x.similarity <= 1.0);
            prop_assert!(Key::new(slice(&a, x.a)).len().max(Key::new(slice(&b, x.b)).len()) >= p.min_len);
        }
    }

    #[test]
    fn a_text_with_itself_is_covered(a in text()) {
        // Placeholders prove nothing, so a passage never starts or ends on one: leave them out.
        let a: String = a.chars().filter(|c| !matches!(c, 'X' | '某')).collect();
        let cmp = compare(&a, &a, &Params::default());
        if Key::new(&a).len() >= 8 {
            prop_assert!(cmp.passages.iter().any(|p| p.a == p.b));
            prop_assert!((cmp.a_reused - 1.0).abs() < 1e-9);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The rows lay out all of A and all of B, each in its own order, each character once;
    /// passages never overlap on either side; each passage is shown level once, or moved once on
    /// each side.
    #[test]
    fn rows_lay_out_both_texts_whole(a in text(), b in text()) {
        use speechtui::align::rows::{rows, RowKind};
        let cmp = compare(&a, &b, &Params::default());
        let (na, nb) = (a.chars().count(), b.chars().count());
        for side_a in [true, false] {
            let mut spans: Vec<_> = cmp.passages.iter().map(|p| if side_a { p.a } else { p.b }).collect();
            spans.sort();
            for w in spans.windows(2) {
                prop_assert!(w[0].end <= w[1].start, "passages overlap: {:?}", w);
            }
        }
        let rows = rows(&cmp, na, nb);
        let (mut at_a, mut at_b) = (0, 0);
        let mut seen = vec![(0, 0, 0); cmp.passages.len()];
        for r in &rows {
            if let Some(s) = r.a {
                prop_assert_eq!(s.start, at_a);
                prop_assert!(s.end > s.start);
                at_a = s.end;
            }
            if let Some(s) = r.b {
                prop_assert_eq!(s.start, at_b);
                prop_assert!(s.end > s.start);
                at_b = s.end;
            }
            match (r.kind, r.passage) {
                (RowKind::Shared, Some(i)) => {
                    prop_assert_eq!((r.a, r.b), (Some(cmp.passages[i].a), Some(cmp.passages[i].b)));
                    seen[i].0 += 1;
                }
                (RowKind::Moved, Some(i)) => {
                    prop_assert!(r.a.is_none() != r.b.is_none());
                    if let Some(s) = r.a { prop_assert_eq!(s, cmp.passages[i].a); seen[i].1 += 1; }
                    if let Some(s) = r.b { prop_assert_eq!(s, cmp.passages[i].b); seen[i].2 += 1; }
                }
                (RowKind::AOnly, None) => prop_assert!(r.a.is_some() && r.b.is_none()),
                (RowKind::BOnly, None) => prop_assert!(r.b.is_some() && r.a.is_none()),
                other => prop_assert!(false, "bad row {:?}", other),
            }
        }
        prop_assert_eq!((at_a, at_b), (na, nb));
        for s in seen {
            prop_assert!(s == (1, 0, 0) || s == (0, 1, 1), "{:?}", s);
        }
    }
}
