//! Properties of the text layer that must hold for any input: the terminal-safety policy's
//! renderings never let an unsafe character through and agree with the width they report; the
//! folds never change the number of characters, so offsets found on a folded text are offsets in
//! the text itself.

use proptest::prelude::*;
use speechtui::text::safety::{self, Class};
use speechtui::text::{fold, search, slice, width};

/// Text mixing Chinese (both scripts, full width), Latin of several cases and every kind of
/// character the safety policy sorts.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "政府工作报告",
        "政府工作報告",
        "推進項目建設",
        "ＧＤＰ增长１２．５％",
        "GDP",
        "gdp",
        "İstanbul",
        "Ωμέγα",
        "ẞ",
        "，。：“”",
        "\u{1b}[31m",
        "\u{1b}]0;x\u{7}",
        "\u{9b}2J",
        "\r\n",
        "\n",
        "\t",
        "\u{0}",
        "\u{7f}",
        "\u{85}",
        "\u{202e}",
        "\u{2066}",
        "\u{200e}",
        "\u{200f}",
        "\u{61c}",
        "\u{200b}",
        "\u{200d}",
        "\u{feff}",
        "\u{ad}",
        "\u{180e}",
        "\u{3000}",
        "\u{fffd}",
        "𠀀",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn unsafe_for_terminal(c: char) -> bool {
    matches!(safety::class(c), Class::Control | Class::Bidi)
}

/// Whether the chars of `small` occur in `big` in order.
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut big = big.chars();
    small.chars().all(|c| big.any(|b| b == c))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn strip_leaves_nothing_unsafe(s in hostile()) {
        let out = safety::strip(&s);
        prop_assert!(!out.chars().any(|c| unsafe_for_terminal(c) || safety::is_zero_width(c)));
        let again = safety::strip(&out).into_owned();
        prop_assert_eq!(again.as_str(), out.as_ref(), "strip is idempotent");
        let inline = safety::strip_inline(&s);
        prop_assert!(inline.chars().all(|c| safety::class(c) == Class::Plain));
        let line = safety::one_line(&s);
        prop_assert!(line.chars().all(|c| safety::class(c) == Class::Plain));
        prop_assert!(is_subsequence(&inline, &line), "one_line keeps what strip_inline keeps");
        // What strip keeps comes in the original order.
        let kept: String = s.chars().filter(|&c| safety::strip_char(c).is_some()).collect();
        prop_assert_eq!(out.as_ref(), kept.as_str());
    }

    #[test]
    fn visible_renderings_show_instead_of_sending(s in hostile()) {
        let text = safety::visible_text(&s);
        prop_assert!(!text.chars().any(|c| unsafe_for_terminal(c) || c == '\r'), "{text:?}");
        let inline = safety::visible_inline(&s);
        prop_assert!(!inline.chars().any(|c| unsafe_for_terminal(c) || c == '\n' || c == '\t'));
        // Nothing is silently dropped: every plain character survives in order.
        let plain: String = s.chars().filter(|&c| safety::class(c) == Class::Plain).collect();
        prop_assert!(is_subsequence(&plain, &inline), "{inline:?} lost some of {plain:?}");
    }

    #[test]
    fn picture_is_drawable_and_measured_as_drawn(s in hostile()) {
        let drawn = safety::picture_str(&s);
        prop_assert!(!drawn.chars().any(|c| c.is_control() || safety::is_bidi_control(c)));
        prop_assert_eq!(width::str_width(&s), width::str_width(&drawn));
        prop_assert_eq!(safety::picture_str(&drawn), drawn.clone(), "picture is idempotent");
    }

    #[test]
    fn truncate_never_exceeds_its_columns(s in hostile(), w in 0usize..40) {
        let cut = width::truncate(&s, w);
        prop_assert!(width::str_width(&cut) <= w, "{cut:?} wider than {w}");
        let drawn = safety::picture_str(&s);
        if width::str_width(&s) <= w {
            prop_assert_eq!(&cut, &drawn);
        } else {
            let body = cut.strip_suffix('…').unwrap_or(&cut);
            prop_assert!(drawn.starts_with(body));
        }
        prop_assert_eq!(width::str_width(&width::fit(&s, w)), w);
    }

    #[test]
    fn folds_keep_the_char_count(s in hostile()) {
        let n = s.chars().count();
        prop_assert_eq!(fold::fold_str(&s).chars().count(), n);
        prop_assert_eq!(search::fold_str(&s).chars().count(), n);
    }

    #[test]
    fn search_hits_are_spans_of_the_text(s in hostile(), at in 0usize..64, len in 1usize..6) {
        // A query cut from the text itself is always found, at its place or earlier.
        let chars: Vec<char> = s.chars().collect();
        prop_assume!(!chars.is_empty());
        let start = at % chars.len();
        let end = (start + len).min(chars.len());
        let query: String = chars[start..end].iter().collect();
        let hits = search::find(&s, &query);
        prop_assert!(hits.iter().any(|h| h.start <= start), "{query:?} not found in {s:?}");
        for h in hits {
            let found = slice(&s, h);
            prop_assert_eq!(search::fold_str(found), search::fold_str(&query));
        }
    }
}
