//! Properties of loading that must hold for any input: no panic, nothing unsafe for a terminal
//! in the cleaned text, titles or warnings, and ids that follow the `path` / `path#N` scheme.

use std::path::Path;

use proptest::prelude::*;
use speechtui::corpus::documents_from_bytes;

/// Text mixing Chinese prose, page chrome, glosses, markup and control characters.
fn pagey() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "同志们：",
        "在全市工作会议上的讲话",
        "今天我们召开会议，研究部署工作。",
        "谢谢大家！",
        "第一篇：",
        "第二篇：",
        "書(shū)記",
        "(大全五篇)",
        "试读结束",
        "相关范文推荐",
        "作者：某某",
        "<p>",
        "</div>",
        "&nbsp;",
        "\u{1b}[31m",
        "\u{1b}]0;x\u{7}",
        "\r\n",
        "\n",
        "\u{0}",
        "\u{7f}",
        "\u{85}",
        "\u{202e}",
        "\u{200b}",
        "\u{feff}",
        "?!芭!",
        "\u{fffd}",
        "2015年4月10日",
        "　",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(bytes: &[u8]) {
    let path = Path::new("dir/page.txt");
    if let Ok(docs) = documents_from_bytes(path, bytes) {
        let several = docs.len() > 1;
        for (k, d) in docs.iter().enumerate() {
            assert!(
                d.text
                    .chars()
                    .all(|c| !c.is_control() || c == '\n' || c == '\t'),
                "{:?}",
                d.text
            );
            assert!(!d.text.contains('\u{202e}') && !d.text.contains('\u{200b}'));
            assert!(d.title.chars().all(|c| !c.is_control()), "{:?}", d.title);
            for w in &d.warnings {
                assert!(w.chars().all(|c| !c.is_control()), "{w:?}");
            }
            let id = if several {
                format!("dir/page.txt#{}", k + 1)
            } else {
                "dir/page.txt".into()
            };
            assert_eq!(d.id, id);
            assert!(!d.text.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_page_text_is_safe(s in pagey()) {
        check(s.as_bytes());
    }

    #[test]
    fn any_bytes_are_safe(b in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(&b);
    }
}
