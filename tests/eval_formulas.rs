//! Evaluation of formula discovery on the 784 government work reports of
//! `../shared/corpus-extra/gov-work-reports` (ignored: it needs that corpus and a release build).
//!
//! `cargo test --release --test eval_formulas -- --ignored --nocapture`
//!
//! A list of real political formulas of different periods, written from general knowledge of
//! Chinese political language (not read off the results), is checked against a plain substring
//! search over the reports' comparison keys: how many reports use each and in which year first;
//! then whether each is found as a formula unit (itself plus at most 4 characters of context,
//! anywhere in the ranking), its rank in the default ranking, and whether its first year agrees
//! with the search. Also: the share of the top 100 that start and end on word boundaries.

mod common;
mod reuse_support;

use speechtui::reuse::{self, bounds, index::DocIndex, Kind, Options};
use speechtui::text::key::Key;

/// Formulas of the reform era to the 2020s: slogans, numbered formulas, programme names.
const FORMULAS: &[&str] = &[
    "三个代表",
    "科学发展观",
    "四个全面",
    "放管服",
    "三去一降一补",
    "供给侧结构性改革",
    "两个一百年",
    "一带一路",
    "四个意识",
    "四个自信",
    "两个维护",
    "五位一体",
    "中国梦",
    "新发展理念",
    "高质量发展",
    "乡村振兴战略",
    "精准扶贫",
    "脱贫攻坚",
    "三大攻坚战",
    "大众创业万众创新",
    "新型城镇化",
    "社会主义和谐社会",
    "社会主义新农村",
    "全面建设小康社会",
    "全面建成小康社会",
    "西部大开发",
    "两个毫不动摇",
    "三严三实",
    "群众路线教育实践活动",
    "两学一做",
    "不忘初心牢记使命",
    "绿水青山就是金山银山",
    "生态文明建设",
    "八项规定",
    "新常态",
    "新发展格局",
    "碳达峰",
    "共同富裕",
    "以人为本",
    "与时俱进",
    "依法治国",
    "两个确立",
    "习近平新时代中国特色社会主义思想",
    "稳中求进",
    "三个有利于",
    "邓小平理论",
    "抓大放小",
    "两个根本性转变",
    "科教兴国",
    "可持续发展战略",
    "扩大内需",
    "减税降费",
    "河长制",
    "最多跑一次",
    "全面从严治党",
    "创新驱动发展战略",
    "京津冀协同发展",
    "长江经济带",
    "粤港澳大湾区",
    "一国两制",
    "六稳六保",
    "互联网+",
    "先行先试",
    "简政放权",
    "三农",
];

/// A formula counts as found when a ranked phrase holds it with at most this many more characters.
const CONTEXT: usize = 4;
/// The hidden acceptance list is of formulas in at least this many reports.
const COMMON: usize = 30;

#[test]
#[ignore]
fn formula_units_on_the_work_reports() {
    let Some(dir) = common::corpus_extra().map(|d| d.join("gov-work-reports")) else {
        eprintln!("SKIPPED: formula evaluation: ../shared/corpus-extra not found");
        return;
    };
    let docs = reuse_support::load_txt(&dir, usize::MAX);
    let keys = reuse_support::keys(&docs);
    let report = reuse::build(
        &docs,
        &Options {
            no_cache: true,
            ..Options::default()
        },
        &|_| {},
    )
    .expect("build");
    let phrase_keys: Vec<String> = report
        .formulas
        .iter()
        .map(|f| Key::new(&f.text).as_string())
        .collect();
    let rank_of: Vec<usize> = {
        let mut r = vec![usize::MAX; report.formulas.len()];
        for (pos, &i) in report.ranked.iter().enumerate() {
            r[i] = pos;
        }
        r
    };

    println!(
        "| formula | reports (grep) | first year (grep) | found as | kind | rank | first year (found) |"
    );
    println!("|---|---|---|---|---|---|---|");
    let (mut common, mut found, mut top300, mut years_agree) = (0, 0, 0, 0);
    for &target in FORMULAS {
        let t = Key::new(target).as_string();
        let using: Vec<usize> = (0..docs.len()).filter(|&d| keys[d].contains(&t)).collect();
        let grep_first = using.iter().filter_map(|&d| docs[d].year()).min();
        let tn = t.chars().count();
        // The formula itself, else the best ranked one holding it with a little context.
        let best = report
            .ranked
            .iter()
            .copied()
            .find(|&i| phrase_keys[i] == t)
            .or_else(|| {
                report.ranked.iter().copied().find(|&i| {
                    phrase_keys[i].contains(&t) && phrase_keys[i].chars().count() <= tn + CONTEXT
                })
            });
        let is_common = using.len() >= COMMON && (4..=12).contains(&tn);
        if is_common {
            common += 1;
        }
        let (shown, kind, rank, first) = match best {
            Some(i) => {
                let f = &report.formulas[i];
                if is_common {
                    found += 1;
                    top300 += (rank_of[i] < 300) as usize;
                    years_agree += (f.years.map(|y| y.0) == grep_first) as usize;
                }
                (
                    f.text.replace('\n', " "),
                    f.kind.name(),
                    (rank_of[i] + 1).to_string(),
                    f.years.map_or("—".into(), |y| y.0.to_string()),
                )
            }
            None => ("—".into(), "", "—".into(), "—".into()),
        };
        println!(
            "| {target}{} | {} | {} | {shown} | {kind} | {rank} | {first} |",
            if is_common { "" } else { " (not common)" },
            using.len(),
            grep_first.map_or("—".into(), |y| y.to_string()),
        );
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!();
    println!(
        "common formulas (4–12 chars, in ≥ {COMMON} reports): {common}; found as units {found} \
         ({:.0}%); in the top 300 {top300} ({:.0}%); first year agrees with grep {years_agree} \
         ({:.0}%)",
        pct(found, common),
        pct(top300, common),
        pct(years_agree, found)
    );

    // Word boundaries of the top 100.
    let mut on_words = 0;
    let top: Vec<usize> = report.ranked.iter().copied().take(100).collect();
    for &i in &top {
        let f = &report.formulas[i];
        let idx = DocIndex::build(&docs[f.representative.doc].text);
        let span = f.representative.span;
        let start = idx.map.iter().position(|&m| m as usize == span.start);
        let end = idx.ends.iter().position(|&e| e as usize == span.end);
        if let (Some(s), Some(e)) = (start, end) {
            on_words += bounds::on_word_edges(&idx, s, e + 1 - s) as usize;
        }
    }
    println!(
        "top 100 on word boundaries: {on_words} ({:.0}%)",
        pct(on_words, top.len())
    );
    println!("\ntop 40 of the default ranking:");
    for (pos, &i) in report.ranked.iter().take(40).enumerate() {
        let f = &report.formulas[i];
        println!(
            "{:>3} {:>4} {:<9} {:?} {:.3} {}",
            pos + 1,
            f.variant_documents,
            f.years.map_or("—".into(), |y| format!("{}–{}", y.0, y.1)),
            f.kind,
            f.score,
            f.text.replace('\n', " ")
        );
    }
    println!(
        "\nranks 41–300 (score at 300: {:.3}):",
        report.formulas[report.ranked[299]].score
    );
    let rest: Vec<String> = report.ranked[40..300]
        .iter()
        .map(|&i| report.formulas[i].text.replace('\n', " "))
        .collect();
    println!("{}", rest.join(" | "));
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .map(|k| {
            let n = report.formulas.iter().filter(|f| f.kind == *k).count();
            format!("{} {n}", k.name())
        })
        .collect();
    println!("\nkinds: {}", kinds.join(", "));
    assert!(found > 0, "no formula of the list was found");
}
