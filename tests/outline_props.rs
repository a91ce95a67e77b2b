//! Property tests: whatever the input, the outline is a well-formed tree (document order, proper
//! nesting, offsets inside the text) and building it never panics.

mod outline_support;

use outline_support::check_well_formed;
use proptest::prelude::*;
use speechtui::outline::outline;

/// Pieces that look like markers or their look-alikes, mixed with Chinese text and line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一、".to_string()),
        Just("二&、".to_string()),
        Just("十二、".to_string()),
        Just("（三）".to_string()),
        Just("(1)".to_string()),
        Just("1.".to_string()),
        Just("1.5亿元".to_string()),
        Just("2019.1.1".to_string()),
        Just("3、".to_string()),
        Just("①".to_string()),
        Just("第一部分".to_string()),
        Just("第二章".to_string()),
        Just("第三个问题，".to_string()),
        Just("第五，".to_string()),
        Just("首先，".to_string()),
        Just("其次，".to_string()),
        Just("最后，".to_string()),
        Just("一是".to_string()),
        Just("二是".to_string()),
        Just("一要".to_string()),
        Just("二要".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{3000}\u{3000}".to_string()),
        Just("\u{1b}[2J".to_string()),
        "[\u{4e00}-\u{4e2f}]{1,6}",
        "[一二三四五六七八九十]{1,3}",
        any::<char>().prop_map(String::from),
    ]
}

fn markerish_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

/// A document shaped like a speech: numbered paragraphs of several families in random order.
fn speechlike() -> impl Strategy<Value = String> {
    let para = (0usize..8, 1u32..14, "[\u{4e00}-\u{4e2f}，]{0,12}").prop_map(|(k, n, body)| {
        let han = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
        ][(n as usize - 1) % 13];
        let marker = match k {
            0 => format!("{han}、"),
            1 => format!("（{han}）"),
            2 => format!("{n}."),
            3 => format!("第{han}，"),
            4 => format!("第{han}个问题，"),
            5 => format!("{han}是"),
            6 => format!("（{n}）"),
            _ => String::new(),
        };
        format!("{marker}{body}。\n")
    });
    prop::collection::vec(para, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let o = outline(text);
    let n = text.chars().count();
    assert_eq!(o.chars, n);
    check_well_formed(&o, n);
    let tree = o.tree();
    fn count(node: &speechtui::outline::Node) -> usize {
        node.children.iter().map(|c| 1 + count(c)).sum()
    }
    assert_eq!(count(&tree), o.sections.len());
    for s in &o.sections {
        assert!(!s.heading.chars().any(char::is_control));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_gives_a_well_formed_tree(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn marker_soup_gives_a_well_formed_tree(text in markerish_text()) {
        check(&text);
    }

    #[test]
    fn speechlike_text_gives_a_well_formed_tree(text in speechlike()) {
        check(&text);
    }

    #[test]
    fn text_without_markers_has_no_sections(text in "[\u{4e00}-\u{4e2f}，。：\n]{0,200}") {
        // The range holds no numeral used by markers except 一 (U+4E00) and 七/三/上/下…;
        // drop any 一/七/三 so the text is marker-free by construction.
        let text: String = text.chars().filter(|c| !"一七三丁万丈上下".contains(*c)).collect();
        prop_assert!(outline(&text).sections.is_empty());
    }
}
