//! The bundled sample corpus (five real scraped pages): nine speeches with their own titles, no
//! page chrome, no romanisation glosses, and the whole of each speech.

use std::path::PathBuf;

use speechtui::corpus::{self, Document};

fn sample() -> Vec<Document> {
    let report = corpus::load(&[corpus::sample_dir().to_path_buf()]);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    report.documents
}

fn doc<'a>(docs: &'a [Document], file: &str, part: Option<usize>) -> &'a Document {
    docs.iter()
        .find(|d| d.path.file_name().unwrap() == file && d.part == part)
        .unwrap_or_else(|| panic!("{file} {part:?} not loaded"))
}

#[test]
fn nine_speeches_with_their_titles() {
    let docs = sample();
    let titles: Vec<(&str, Option<usize>, &str)> = docs
        .iter()
        .map(|d| {
            (
                d.path.file_name().unwrap().to_str().unwrap(),
                d.part,
                d.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        titles,
        vec![
            (
                "000_887235e958cf192e.txt",
                None,
                "市委书记在2025年全市三级干部大会上的讲话"
            ),
            (
                "001_7df3ece87326869a.txt",
                None,
                "市委書記在2021年全市三級干部大會上的講話"
            ),
            (
                "002_019269771721435d.txt",
                None,
                "在X区2024年“三新三强”打擂台、厚筑全市“压舱石”行动动员部署大会上的讲话"
            ),
            (
                "003_fad5f05ac5c28cf9.txt",
                None,
                "在2025年全区“冲刺三季度、决战下半年”重点工作推进会上的讲话"
            ),
            (
                "004_3bce6aca9e0e3511.txt",
                Some(1),
                "在政府系統活動2021年開展情況推進會上的講話"
            ),
            (
                "004_3bce6aca9e0e3511.txt",
                Some(2),
                "在市級政府投資項目推進工作會議上的講話"
            ),
            (
                "004_3bce6aca9e0e3511.txt",
                Some(3),
                "在2020年市政府重點工作推進會上的講話"
            ),
            (
                "004_3bce6aca9e0e3511.txt",
                Some(4),
                "在2020年市政府重點工作推進會上的講話"
            ),
            (
                "004_3bce6aca9e0e3511.txt",
                Some(5),
                "在松樹鄉重點工作觀摩暨設施農業推進會上的講話"
            ),
        ]
    );
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert!(ids[4].ends_with("004_3bce6aca9e0e3511.txt#1") && ids[8].ends_with("#5"));
}

#[test]
fn dates_as_the_text_states_them() {
    let docs = sample();
    let dates: Vec<Option<&str>> = docs.iter().map(|d| d.date.as_deref()).collect();
    assert_eq!(
        dates,
        vec![
            Some("2025"),
            Some("2021"),
            Some("2024"),
            Some("2025"),
            Some("2021"),
            Some("2015-04-10"),
            Some("2020"),
            Some("2020"),
            None
        ]
    );
}

/// Chrome of the five pages, in both scripts.
const CHROME: &[&str] = &[
    "试读结束",
    "查阅全文",
    "加微信",
    "rulaixiezuo",
    "rlxzw",
    "data:image",
    "<image>",
    "如若转载",
    "SUCAI198",
    "admin",
    "加入收藏",
    "预计阅读时长",
    "领取福利",
    "微信扫码",
    "221381",
    "老秘网",
    "作者",
    "打印本页",
    "Powered by",
    "欢迎光临",
    "小編",
    "范文網",
    "欧美",
    "<ul",
    "<object",
    "<span",
    "<dfn",
    "下載本文",
    "簡介",
    "第一篇",
    "第二篇",
    "word格式",
    "點此處下載",
    "聲明",
    "相關範文推薦",
    "相关范文推荐",
    "倪士俊",
];

#[test]
fn no_page_chrome_and_no_glosses() {
    let gloss = regex::Regex::new(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+\)?").unwrap();
    for d in sample() {
        for c in CHROME {
            assert!(!d.text.contains(c), "{}: chrome {c:?} left in", d.id);
        }
        assert!(
            !gloss.is_match(&d.text),
            "{}: gloss left: {:?}",
            d.id,
            gloss.find(&d.text)
        );
        assert!(
            d.text
                .chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t'),
            "{}: control character",
            d.id
        );
    }
}

#[test]
fn ordinary_parentheses_and_mojibake_are_kept() {
    let docs = sample();
    let d000 = doc(&docs, "000_887235e958cf192e.txt", None);
    assert!(d000
        .text
        .contains("(一个链长、一个专班、一套图谱、一组政策、一批项目、一张清单)"));
    let d001 = doc(&docs, "001_7df3ece87326869a.txt", None);
    // GBK mojibake that cannot be repaired stays, minus the gloss that followed it.
    assert!(
        d001.text
            .contains("今年是農歷牛年?!芭!毕笳髦?實干拼搏的態度"),
        "{}",
        d001.text
    );
    let d004 = doc(&docs, "004_3bce6aca9e0e3511.txt", Some(2));
    assert!(d004.text.contains("民間投資占比較大(占66%)"));
    // The source site's page numbers inside sentences are gone, the sentences whole again.
    for joined in [
        "等政府投資項目",
        "等方面先行先試",
        "治理工程已經建設了四年",
        "都已經明確",
    ] {
        assert!(d004.text.contains(joined), "{joined}");
    }
    assert!(d004
        .warnings
        .iter()
        .any(|w| w.starts_with("4 sentence(s) broken by a page number joined")));
}

/// First and last lines of every speech: nothing of the speech is cut.
#[test]
fn every_speech_is_whole() {
    let docs = sample();
    let cases: &[(&str, Option<usize>, &str, &str)] = &[
        (
            "000_887235e958cf192e.txt",
            None,
            "市委书记在2025年全市三级干部大会上的讲话",
            "(一)超常规推进改革",
        ),
        (
            "001_7df3ece87326869a.txt",
            None,
            "一年之計在于春。",
            "X2021一定行!",
        ),
        (
            "002_019269771721435d.txt",
            None,
            "在X区2024年“三新三强”打擂台、厚筑全市“压舱石”行动动员部署大会上的讲话",
            "(二)要推进能力真提升。",
        ),
        (
            "003_fad5f05ac5c28cf9.txt",
            None,
            "在2025年全区“冲刺三季度、决战下半年”重点工作推进会上的讲话",
            "谢谢大家!",
        ),
        (
            "004_3bce6aca9e0e3511.txt",
            Some(1),
            "在政府系統活動2021年開展情況推進會上的講話",
            "同志們,一個時代有一個時代的主題",
        ),
        (
            "004_3bce6aca9e0e3511.txt",
            Some(2),
            "在市級政府投資項目推進工作會議上的講話",
            "同志們,做好今年政府性投資項目建設工作任務艱巨",
        ),
        (
            "004_3bce6aca9e0e3511.txt",
            Some(3),
            "在2020年市政府重點工作推進會上的講話",
            "同志們,嚴峻的形勢,諸多的困難",
        ),
        (
            "004_3bce6aca9e0e3511.txt",
            Some(4),
            "在2020年市政府重點工作推進會上的講話",
            "同志們,做好四季度的各項重點工作",
        ),
        (
            "004_3bce6aca9e0e3511.txt",
            Some(5),
            "在松樹鄉重點工作觀摩暨設施農業推進會上的講話",
            "同志們,松樹鄉的發展重在堅持",
        ),
    ];
    for (file, part, first, last) in cases {
        let d = doc(&docs, file, *part);
        let lines: Vec<&str> = d.text.lines().collect();
        assert!(
            lines[0].starts_with(first),
            "{}: starts with {:?}",
            d.id,
            lines[0]
        );
        assert!(
            lines.last().unwrap().starts_with(last),
            "{}: ends with {:?}",
            d.id,
            lines.last()
        );
    }
    // Every line of the speech body in the page is in the text: 003 has 21 lines from 同志们 to 谢谢大家.
    let d003 = doc(&docs, "003_fad5f05ac5c28cf9.txt", None);
    assert_eq!(d003.text.lines().count(), 24);
    let d002 = doc(&docs, "002_019269771721435d.txt", None);
    // Page 2 of 3: its title line (above the byline), then the text from 第五 on.
    assert_eq!(d002.text.lines().count(), 18);
    assert!(d002
        .text
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("第五,这是我们改进党员干部能力作风的现实所需。"));
}

#[test]
fn warnings_say_what_is_missing() {
    let docs = sample();
    let w = |f, p| doc(&docs, f, p).warnings.join("\n");
    assert!(w("000_887235e958cf192e.txt", None).contains("paywall"));
    assert!(w("002_019269771721435d.txt", None).contains("part 2 of 3"));
    // The site stamped its name into the speech once: removed, and said so.
    assert_eq!(
        w("003_fad5f05ac5c28cf9.txt", None),
        "removed 1 watermark(s) of the site name “老秘网” from the text"
    );
    assert!(doc(&docs, "003_fad5f05ac5c28cf9.txt", None)
        .text
        .contains("不断壮大我区的高新技术产业集群"));
    // Mojibake that cannot be repaired is kept and reported.
    assert_eq!(
        w("001_7df3ece87326869a.txt", None),
        "5 mis-decoded run(s) (mojibake) kept as they are, e.g. “的能力水平?!皼]有金剛”"
    );
}

#[test]
fn open_doc_addresses_parts() {
    let dir = corpus::sample_dir();
    let f004 = dir.join("004_3bce6aca9e0e3511.txt");
    let d = corpus::open_doc(&format!("{}#2", f004.display())).unwrap();
    assert_eq!(d.part, Some(2));
    assert_eq!(d.date.as_deref(), Some("2015-04-10"));
    let err = corpus::open_doc(&f004.to_string_lossy())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("holds 5 speeches") && err.contains("#5 在松樹鄉"),
        "{err}"
    );
    assert!(corpus::open_doc(&format!("{}#6", f004.display())).is_err());
    let single = corpus::open_doc(&dir.join("003_fad5f05ac5c28cf9.txt").to_string_lossy()).unwrap();
    assert_eq!(single.part, None);
    // The embedded copy answers to `sample:<name>` wherever the binary runs.
    let embedded = corpus::open_doc("sample:004_3bce6aca9e0e3511.txt#2").unwrap();
    assert_eq!(embedded.text, d.text);
}

#[test]
fn no_path_means_the_bundled_sample() {
    let report = corpus::load(&[]);
    assert_eq!(report.documents.len(), 9);
    let on_disk = corpus::load(&[PathBuf::from(corpus::sample_dir())]);
    let texts = |r: &corpus::LoadReport| {
        r.documents
            .iter()
            .map(|d| d.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&report), texts(&on_disk));
}

#[test]
fn embedded_copy_stands_in_for_the_folder() {
    let report = corpus::load(&corpus::sample::virtual_paths());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 9);
    assert_eq!(ids[0], "sample:000_887235e958cf192e.txt");
    assert_eq!(ids[5], "sample:004_3bce6aca9e0e3511.txt#2");
    let on_disk = corpus::load(&[]);
    for (a, b) in report.documents.iter().zip(&on_disk.documents) {
        assert_eq!((&a.title, &a.text), (&b.title, &b.text));
    }
}

#[test]
fn progress_counts_every_file() {
    let seen = std::sync::Mutex::new(Vec::new());
    let report = corpus::load_with(&[], &corpus::LoadOptions::default(), &|p| {
        seen.lock().unwrap().push(p)
    })
    .unwrap();
    assert_eq!(report.documents.len(), 9);
    let mut seen = seen.into_inner().unwrap();
    seen.sort_by_key(|p| p.done);
    assert_eq!(seen.first().map(|p| (p.done, p.total)), Some((0, 5)));
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((5, 5)));
    assert_eq!(seen.len(), 6);
}

#[test]
fn user_chrome_patterns_extend_the_list() {
    let options = corpus::LoadOptions {
        chrome_patterns: vec!["^同志们".into()],
        ..Default::default()
    };
    let dir = vec![corpus::sample_dir().join("003_fad5f05ac5c28cf9.txt")];
    let report = corpus::load_with(&dir, &options, &|_| {}).unwrap();
    // A user pattern is hard chrome: the salutation line now ends the title block.
    assert!(!report.documents[0].text.contains("同志们:"));
    let bad = corpus::LoadOptions {
        chrome_patterns: vec!["(".into()],
        ..Default::default()
    };
    assert!(corpus::load_with(&dir, &bad, &|_| {}).is_err());
}
