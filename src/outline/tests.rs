//! Unit tests of the whole outliner on small texts.

use super::*;

fn brief(text: &str) -> Vec<(u8, String, bool)> {
    outline(text)
        .sections
        .into_iter()
        .map(|s| (s.level, s.marker, s.point))
        .collect()
}

#[test]
fn nesting_comes_from_the_text() {
    let t =
        "一、总体要求\n（一）指导思想。正文\n1.第一点\n2.第二点\n（二）目标\n二、任务\n（一）甲\n";
    let got = brief(t);
    let want = [
        (1, "一、"),
        (2, "（一）"),
        (3, "1."),
        (3, "2."),
        (2, "（二）"),
        (1, "二、"),
        (2, "（一）"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0, g.1.as_str()), w);
    }
}

#[test]
fn same_family_other_level() {
    let top = brief("第一，要审时度势。\n正文\n第二，要落细落小。\n");
    assert_eq!(top[0].0, 1);
    let under = brief("一、思想\n第一，要审时度势。\n第二，要落细落小。\n二、行动\n");
    assert_eq!(
        under.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![1, 2, 2, 1]
    );
}

#[test]
fn numbers_and_dates_are_not_sections() {
    let t = "一、成绩\n1.5亿元投资到位。\n2019.1.1开工。\n3、4月份完成。\n二、任务\n";
    assert_eq!(
        brief(t).iter().map(|s| s.1.as_str()).collect::<Vec<_>>(),
        vec!["一、", "二、"]
    );
}

#[test]
fn out_of_sequence_markers_are_refused() {
    let t = "一、甲\n（一）子\n（三）错号\n（二）丑\n二、乙\n";
    let got: Vec<String> = brief(t).into_iter().map(|s| s.1).collect();
    assert_eq!(got, vec!["一、", "（一）", "（二）", "二、"]);
}

#[test]
fn page_starting_mid_way() {
    let t = "第五，这是现实需要。\n第二个问题,怎么理解。\n(一)目标。\n(二)路径。\n第三个问题,怎样推进。\n";
    let got = brief(t);
    assert_eq!(
        got.iter().map(|s| (s.0, s.1.as_str())).collect::<Vec<_>>(),
        vec![
            (2, "第五，"),
            (1, "第二个问题,"),
            (2, "(一)"),
            (2, "(二)"),
            (1, "第三个问题,")
        ]
    );
}

#[test]
fn annotation_artifact_is_a_han_marker() {
    let o = outline("一、回顾\n（一）甲\n二&、2019年任务\n（一）乙\n");
    let top: Vec<_> = o.sections.iter().filter(|s| s.level == 1).collect();
    assert_eq!(top.len(), 2);
    assert_eq!(top[1].marker, "二、");
    assert_eq!(top[1].heading, "2019年任务");
}

#[test]
fn list_openers_mix_with_ordinals() {
    let t = "一、认识\n首先，是扩内需。\n其次，是稳增长。\n第三，是保民生。\n但存在问题：\n第一，计划不准。\n第二，前期不足。\n二、措施\n";
    let got = brief(t);
    assert_eq!(
        got.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![1, 2, 2, 2, 2, 2, 1]
    );
}

#[test]
fn lone_opener_is_a_turn_of_phrase() {
    let got = brief("首先，我代表市委表示感谢。\n一、形势\n二、任务\n");
    assert_eq!(got.len(), 2);
}

#[test]
fn inline_points_are_flagged_and_lowest() {
    let t = "一、措施\n一是要加强领导，二是要落实责任；三是要严格考核。其他内容。\n二、要求\n";
    let o = outline(t);
    let pts: Vec<_> = o.sections.iter().filter(|s| s.point).collect();
    assert_eq!(pts.len(), 3);
    assert!(pts.iter().all(|p| p.level == 2));
    assert_eq!(pts[0].heading, "要加强领导");
    assert_eq!(pts[1].heading, "要落实责任");
    assert_eq!(pts[2].heading, "要严格考核");
    // The last point ends with its paragraph; each point ends where the next starts.
    assert_eq!(pts[0].end, pts[1].start);
    let line_end = t.chars().position(|c| c == '\n').unwrap()
        + 1
        + "一是要加强领导，二是要落实责任；三是要严格考核。其他内容。"
            .chars()
            .count();
    assert_eq!(pts[2].end, line_end);
}

#[test]
fn lone_point_and_idiom_are_not_points() {
    assert!(brief("他说，一是一，二是二。\n").is_empty());
    assert!(brief("关键在于：一是要干。\n").is_empty());
}

#[test]
fn ends_and_offsets_are_in_chars() {
    let t = "前言\n一、甲\n（一）子\n二、乙\n";
    let o = outline(t);
    let s = &o.sections;
    assert_eq!(s[0].start, 3);
    assert_eq!(s[0].end, s[2].start);
    assert_eq!(s[1].end, s[2].start);
    assert_eq!(s[2].end, t.chars().count());
    assert_eq!(o.chars, t.chars().count());
}

#[test]
fn text_without_markers() {
    let o = outline("同志们：\n今天我们召开会议。\n谢谢大家！");
    assert!(o.sections.is_empty());
    assert!(outline("").sections.is_empty());
}

#[test]
fn tree_view() {
    let o = outline("一、甲\n（一）子\n（二）丑\n二、乙\n");
    let t = o.tree();
    assert_eq!(t.children.len(), 2);
    assert_eq!(t.children[0].children.len(), 2);
    assert_eq!(o.children(Some(0)), vec![1, 2]);
    assert_eq!(o.section_at(6).map(|s| s.marker.as_str()), Some("（一）"));
}

#[test]
fn a_list_under_a_bare_item_nests() {
    // Reports: the plan for the year is item 二 and its tasks are numbered 一、… again.
    let t = "一、回顾\n二、2009年工作安排\n预期目标是增长8%。\n一、扩大内需\n二、自主创新\n三、产业体系\n";
    let got = brief(t);
    assert_eq!(
        got.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![1, 1, 2, 2, 2]
    );
    // A page whose 一、 heading is lost: the recovered 二、 still holds the list.
    let got = brief("2008年工作回顾\n二&、2009年工作安排\n一、扩大内需\n二、自主创新\n");
    assert_eq!(got.iter().map(|s| s.0).collect::<Vec<_>>(), vec![1, 2, 2]);
}

#[test]
fn a_nested_list_returns_to_its_parent_sequence() {
    let t = "一、回顾\n二、任务\n（一）稳增长\n（二）惠民生\n十件实事：\n一、建河湖\n二、饮用水\n（三）治理\n三、要求\n";
    let got = brief(t);
    assert_eq!(
        got.iter().map(|s| (s.0, s.1.as_str())).collect::<Vec<_>>(),
        vec![
            (1, "一、"),
            (1, "二、"),
            (2, "（一）"),
            (2, "（二）"),
            (3, "一、"),
            (3, "二、"),
            (2, "（三）"),
            (1, "三、")
        ]
    );
}

#[test]
fn numeral_alone_on_a_line_is_a_heading() {
    let o = outline("一\n\n农业发展纲要是高速发展的纲领。\n二\n下面说农业。\n");
    let got: Vec<_> = o
        .sections
        .iter()
        .map(|s| (s.marker.as_str(), s.heading.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![("一", "农业发展纲要是高速发展的纲领"), ("二", "下面说农业")]
    );
}

#[test]
fn points_before_a_recovered_first_section_hang_under_its_missing_sibling() {
    let t = "2018年工作回顾\n一是增长，二是就业。\n二&、2019年任务\n";
    let got = brief(t);
    assert_eq!(
        got,
        vec![
            (2, "一是".to_string(), true),
            (2, "二是".to_string(), true),
            (1, "二、".to_string(), false)
        ]
    );
}

#[test]
fn a_run_in_list_inside_a_subsection_nests() {
    let t = "一、2014年主要工作\n（一）抓改革\n二、2015年重点工作\n（一）深化改革\n（二）依法行政\n十方面实事：\n一、治理雾霾。淘汰小锅炉。\n二、保障餐桌安全。开展整治。\n";
    let got = brief(t);
    assert_eq!(
        got.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![1, 2, 1, 2, 2, 3, 3]
    );
}

#[test]
fn chinese_headings_do_not_nest_in_arabic_lists() {
    let t = "一年来：\n1、经济增长\n2、改革深化\n今年的任务是：\n一、扩大内需\n二、精神文明\n1、思想工作\n2、创建活动\n";
    let got = brief(t);
    assert_eq!(
        got.iter().map(|s| (s.0, s.1.as_str())).collect::<Vec<_>>(),
        vec![
            (1, "1、"),
            (1, "2、"),
            (1, "一、"),
            (1, "二、"),
            (2, "1、"),
            (2, "2、")
        ]
    );
}

#[test]
fn artifact_heading_above_an_unnumbered_first_part() {
    // 2019年工作回顾 has no number; its items are 一、… and the plan is `二&、`.
    let t = "2019年工作回顾\n一、攻坚战\n（一）脱贫\n二，补短板\n二&、2020年工作目标\n一、持续攻坚\n二、高质量发展\n";
    let got = brief(t);
    assert_eq!(
        got.iter().map(|s| (s.0, s.1.as_str())).collect::<Vec<_>>(),
        vec![
            (2, "一、"),
            (3, "（一）"),
            (2, "二，"),
            (1, "二、"),
            (2, "一、"),
            (2, "二、")
        ]
    );
}

#[test]
fn an_echoed_heading_counts_once() {
    let t = "2013年政府工作报告\n一、过去五年工作回顾\n各位代表：\n一、过去五年工作回顾\n正文\n二、今后五年\n";
    let o = outline(t);
    assert_eq!(o.sections.len(), 2);
    assert_eq!(
        o.sections[0].start,
        t.chars().position(|c| c == '各').unwrap() + 6
    );
    assert_eq!(o.sections[0].level, 1);
}
