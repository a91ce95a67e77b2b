//! Shared helpers of the outline tests: a reviewable golden form and the checks every outline
//! must pass against its text.

#![allow(dead_code)]

use speechtui::outline::Outline;
use speechtui::text::width::truncate as truncate_display;

/// One line per section: indent by level, `·` for points, marker, heading cut at 40 columns.
/// Offsets are left out so that goldens read like the outline a person checks by eye; they are
/// verified separately by `check_against_text`.
pub fn golden(title: &str, outline: &Outline) -> String {
    let mut out = format!("{title}\n");
    for s in &outline.sections {
        let indent = "  ".repeat(usize::from(s.level));
        let bullet = if s.point { "· " } else { "" };
        let heading = truncate_display(&s.heading, 40);
        let gap = if s
            .marker
            .ends_with(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit())
        {
            " "
        } else {
            ""
        };
        out.push_str(&format!("{indent}{bullet}{}{gap}{heading}\n", s.marker));
    }
    out
}

/// Offsets point at the markers, headings follow them, and the tree is well formed.
pub fn check_against_text(text: &str, outline: &Outline) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    assert_eq!(outline.chars, n);
    check_well_formed(outline, n);
    for s in &outline.sections {
        // Enough of the section to hold its marker and the start of its heading.
        let head_end = s.end.min(s.start + s.marker.chars().count() * 3 + 400);
        let at: String = chars[s.start..head_end]
            .iter()
            .filter(|c| **c != '&' && !c.is_whitespace())
            .collect();
        assert!(
            at.starts_with(&s.marker),
            "section {:?} does not start at its marker: {:?}",
            s.marker,
            at.chars().take(20).collect::<String>()
        );
        let first_word: String = s
            .heading
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(4)
            .collect();
        assert!(
            at.contains(&first_word),
            "heading {:?} not found in its section",
            s.heading
        );
    }
}

/// Ordered, properly nested, offsets inside the text.
pub fn check_well_formed(outline: &Outline, n: usize) {
    let secs = &outline.sections;
    for (i, s) in secs.iter().enumerate() {
        assert!(s.level >= 1, "level 0 at {i}");
        assert!(
            s.start < s.end && s.end <= n,
            "bad range at {i}: {s:?} (n = {n})"
        );
        if i > 0 {
            assert!(secs[i - 1].start < s.start, "not in document order at {i}");
        }
    }
    // Every section lies inside its parent, and consecutive siblings do not overlap (siblings
    // are in document order, so that covers every pair).
    let parents = outline.parents();
    let mut last_child: std::collections::HashMap<Option<usize>, usize> = Default::default();
    for (i, p) in parents.iter().enumerate() {
        if let Some(p) = p {
            let (c, q) = (&secs[i], &secs[*p]);
            assert!(q.level < c.level);
            assert!(q.start < c.start && c.end <= q.end, "{c:?} outside {q:?}");
        }
        if let Some(prev) = last_child.insert(*p, i) {
            assert!(
                secs[prev].end <= secs[i].start,
                "siblings {prev} and {i} overlap"
            );
        }
    }
}

/// A report file as clean text: BOM and CR line ends removed.
pub fn read_report(path: &std::path::Path) -> String {
    let raw = std::fs::read_to_string(path).expect("report is UTF-8");
    raw.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}
