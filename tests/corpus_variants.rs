//! The real sample pages with their chrome swapped for another site's (other banners, paywalls,
//! bylines, footers): extraction must not depend on the seed pages' exact strings.

use speechtui::corpus::{self, Document};

fn sample_text(name: &str) -> String {
    String::from_utf8(std::fs::read(corpus::sample_dir().join(name)).unwrap()).unwrap()
}

fn load_as(name: &str, content: &str) -> Vec<Document> {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    std::fs::write(&path, content).unwrap();
    corpus::load(&[path]).documents
}

fn original(name: &str) -> Document {
    corpus::open_doc(&corpus::sample_dir().join(name).to_string_lossy()).unwrap()
}

#[test]
fn forum_page_under_another_site_name() {
    let name = "003_fad5f05ac5c28cf9.txt";
    let page = sample_text(name)
        .replace("老秘网_材夜思范文", "公文写作网_精品范文")
        .replace("老秘网", "公文写作网")
        .replace(
            "(http://www.caiyes.cn/) Powered by Discuz! X3.4",
            "Copyright © 2025 gwxz.cn 版权所有",
        );
    let docs = load_as(name, &page);
    let orig = original(name);
    assert_eq!(docs[0].title, orig.title);
    assert_eq!(docs[0].text, orig.text);
    assert!(docs[0].warnings[0].contains("“公文写作网”"));
}

#[test]
fn paywalled_page_with_another_paywall() {
    let name = "000_887235e958cf192e.txt";
    let page = sample_text(name)
        .replace(
            "............试读结束............",
            "……余下全文请登录后查看……",
        )
        .replace(
            "查阅全文加微信:3231169 如来写作网:gw.rulaixiezuo.com(可搜索其他更多资料)",
            "长按识别二维码 关注公众号获取全文",
        )
        .replace(
            "如若转载,请注明出处:https://www.rlxzw.com/305519.html",
            "本文链接：https://example.cn/a/123.html",
        );
    let docs = load_as(name, &page);
    let orig = original(name);
    assert_eq!(
        (docs[0].title.as_str(), docs[0].text.as_str()),
        (orig.title.as_str(), orig.text.as_str())
    );
    assert!(docs[0].warnings.iter().any(|w| w.contains("paywall")));
}

#[test]
fn paginated_page_with_another_byline() {
    let name = "002_019269771721435d.txt";
    let page = sample_text(name)
        .replace(
            "SUCAI198.COM —— 专注党建行政公文写作范文",
            "范文先生网 - 讲话稿频道",
        )
        .replace(
            "admin 分享 时间: 加入收藏 共计16698个字,预计阅读时长56分钟。",
            "发布者：小李 发布时间：2024-03-01 阅读量：2345",
        )
        .replace("微信扫码领取福利", "扫码关注我们");
    let docs = load_as(name, &page);
    let orig = original(name);
    assert_eq!(
        (docs[0].title.as_str(), docs[0].text.as_str()),
        (orig.title.as_str(), orig.text.as_str())
    );
}

#[test]
fn collection_with_other_markers_and_footer() {
    let name = "004_3bce6aca9e0e3511.txt";
    let mut page = sample_text(name);
    for (k, n) in ["一", "二", "三", "四", "五"].iter().enumerate() {
        page = page.replace(
            &format!("第{n}篇:"),
            &format!("【篇{}】", ["一", "二", "三", "四", "五"][k]),
        );
    }
    let page = page
        .replace("相關範文推薦", "猜你喜歡")
        .replace("聲明:", "免責聲明:");
    let docs = load_as(name, &page);
    assert_eq!(docs.len(), 5);
    for (k, d) in docs.iter().enumerate() {
        let orig = corpus::open_doc(&format!(
            "{}#{}",
            corpus::sample_dir().join(name).display(),
            k + 1
        ))
        .unwrap();
        assert_eq!(
            (d.title.as_str(), d.text.as_str()),
            (orig.title.as_str(), orig.text.as_str())
        );
    }
}
