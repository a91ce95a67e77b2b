//! Page shapes the sample does not have (a portal's HTML page, a WeChat repost, a document-sharing
//! site, a page with two speeches and no markers), written as such sites write them: the speech
//! is found whole, its chrome is not.

use std::path::Path;

use speechtui::corpus::{self, Document};

fn load_page(name: &str, content: &str) -> Vec<Document> {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    std::fs::write(&path, content).unwrap();
    let report = corpus::load(&[path]);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    report.documents
}

const BODY: [&str; 6] = [
    "同志们：",
    "今天，我们召开全省安全生产工作会议，主要任务是深入贯彻落实党中央、国务院关于安全生产的决策部署，总结去年工作，分析当前形势，安排部署今年任务。",
    "一、充分肯定成绩，清醒认识当前安全生产形势",
    "过去一年，全省各级各部门坚持人民至上、生命至上，统筹发展和安全，事故总量、较大事故起数和死亡人数实现“三个下降”，安全生产形势总体平稳。",
    "二、突出重点，全力防范化解重大安全风险",
    "要紧盯危险化学品、矿山、交通运输、建筑施工、城镇燃气等重点行业领域，深入开展隐患排查整治，坚决遏制重特大事故发生。",
];
const CLOSING: &str = "同志们，做好今年安全生产工作责任重大。让我们坚定信心、真抓实干，为全省经济社会高质量发展创造良好的安全环境！";

fn expected_text(title: &str) -> String {
    let mut lines = vec![title];
    lines.extend(BODY);
    lines.push(CLOSING);
    lines.push("谢谢大家！");
    lines.join("\n")
}

#[test]
fn portal_html_page() {
    let paragraphs: String = BODY
        .iter()
        .chain([&CLOSING, &"谢谢大家！"])
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    let html = format!(
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>在全省安全生产工作会议上的讲话_某省人民政府门户网站</title>
<style>.nav {{ color: red }}</style><script>var _hmt = _hmt || []; document.write("<p>广告</p>");</script></head>
<body><div class="nav">首页 &gt; 新闻中心 &gt; 领导讲话</div>
<h1>在全省安全生产工作会议上的讲话</h1>
<div class="info">发布时间：2023-05-06 来源：省政府办公厅 浏览次数：1234 【字体：大 中 小】</div>
<div class="content">
{paragraphs}</div>
<div class="share">分享到： 微信 微博</div>
<div class="related"><h3>相关文章</h3><ul>
<li><a href="/a">在全市安全生产工作会议上的讲话</a> 今天我们召开全市安全生产工作会议，主要任务是总结工作、部署任务……</li>
<li><a href="/b">在全省应急管理工作会议上的讲话</a> 同志们：这次会议的主要任务是贯彻落实全国应急管理工作会议精神……</li>
</ul></div>
<div class="footer">版权所有 © 2023 某省人民政府办公厅 主办 &nbsp; 京ICP备12345678号</div>
</body></html>"#
    );
    let docs = load_page("page.html", &html);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.title, "在全省安全生产工作会议上的讲话");
    assert_eq!(d.text, expected_text("在全省安全生产工作会议上的讲话"));
}

#[test]
fn wechat_repost() {
    let page = format!(
        "原创 办公室 某某发布 2023-05-06 08:00\n点击上方蓝字关注我们\n在全省安全生产工作会议上的讲话\n（2023年5月6日）\n省长 某某\n{}\n{CLOSING}\n谢谢大家！\n来源：某某日报\n责编：张三 审核：李四\n长按识别二维码关注我们\n阅读原文\n在看\n",
        BODY.join("\n")
    );
    let docs = load_page("wechat.txt", &page);
    let d = &docs[0];
    assert_eq!(d.title, "在全省安全生产工作会议上的讲话");
    assert_eq!(d.date.as_deref(), Some("2023-05-06"));
    let expected = expected_text("在全省安全生产工作会议上的讲话").replacen(
        "\n同志们：",
        "\n（2023年5月6日）\n省长 某某\n同志们：",
        1,
    );
    assert_eq!(d.text, expected);
}

#[test]
fn document_sharing_site() {
    let page = format!(
        "在全省安全生产工作会议上的讲话 - 百度文库\n文档贡献者 某某 贡献于2023-05-08\n第1页 共3页\n在全省安全生产工作会议上的讲话\n{}\n{CLOSING}\n谢谢大家！\n本文由某某贡献\ndoc文档可能在WAP端浏览体验不佳。建议您优先选择TXT，或下载源文件到本机查看。\n下载券 立即下载\n",
        BODY.join("\n")
    );
    let d = &load_page("wenku.txt", &page)[0];
    assert_eq!(d.title, "在全省安全生产工作会议上的讲话");
    assert_eq!(d.text, expected_text("在全省安全生产工作会议上的讲话"));
}

#[test]
fn two_speeches_without_markers() {
    let one = expected_text("在全省安全生产工作会议上的讲话");
    let two = expected_text("在全市安全生产工作会议上的讲话");
    let docs = load_page("two.txt", &format!("{one}\n\n{two}\n"));
    assert_eq!(docs.len(), 2);
    assert_eq!(
        (docs[0].text.as_str(), docs[1].text.as_str()),
        (one.as_str(), two.as_str())
    );
    assert_eq!(docs[1].title, "在全市安全生产工作会议上的讲话");
    assert!(docs[1].id.ends_with("two.txt#2"));
}

#[test]
fn gbk_page_with_crlf_and_bom_free_legacy_encoding() {
    let text = expected_text("在全省安全生产工作会议上的讲话").replace('\n', "\r\n");
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("gbk.txt");
    std::fs::write(&path, &bytes).unwrap();
    let d = corpus::open_doc(path.to_str().unwrap()).unwrap();
    assert_eq!(d.encoding, "GBK");
    assert_eq!(d.text, expected_text("在全省安全生产工作会议上的讲话"));
    assert!(Path::new(&d.id).ends_with("gbk.txt"));
}

#[test]
fn html_page_titled_only_in_its_head() {
    let paragraphs: String = BODY.iter().map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<html><head><title>在全省安全生产工作会议上的讲话_某省应急管理厅</title></head><body>{paragraphs}</body></html>"
    );
    let d = &load_page("speech.htm", &html)[0];
    assert_eq!(d.title, "在全省安全生产工作会议上的讲话");
    assert_eq!(d.text, BODY.join("\n"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn replacement_characters_already_in_the_file_are_reported() {
    let page = format!("{}\n{}\u{FFFD}\n", BODY[0], BODY[1]);
    let d = &load_page("cut.txt", &page)[0];
    assert_eq!(
        d.warnings[0],
        "1 replacement character(s) � in the file: text lost before it was saved"
    );
    assert!(d.text.ends_with('\u{FFFD}'));
}

#[test]
fn titles_from_hostile_file_names_are_terminal_safe() {
    let prose = "今天我们召开全市工作会议，主要任务是总结工作、部署任务。";
    let docs =
        corpus::documents_from_bytes(Path::new("dir/会议\u{1b}[1m\n纪要.txt"), prose.as_bytes())
            .unwrap();
    assert_eq!(docs[0].title, "会议␛[1m␤纪要");
    assert_eq!(docs[0].text, prose);
}
