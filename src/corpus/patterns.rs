//! The configurable list of page-chrome patterns: what template sites and portals put around a
//! speech (bylines, paywalls, download prompts, footers, related-article lists, promotional intros,
//! licence trailers). Patterns are regular expressions over one cleaned line, written for both
//! Simplified and Traditional script (converted pages come in either).
//!
//! A pattern is never the whole method: it marks a line as a candidate, and the extractor weighs
//! it against the prose around it (see `extract`). "Weak" patterns only count on short lines or at
//! the start of a line, so a long sentence of the speech that happens to mention 版权 or 作者 is
//! never taken for chrome.

use regex::{Regex, RegexSet};

/// What a chrome line is; decides whether it ends a block of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChromeKind {
    /// Author, time, views, "add to favourites", reading time.
    Byline,
    /// Share buttons, QR codes, follow-us prompts.
    Share,
    /// Site introductions and SEO teasers ("小编为您推荐…").
    Promo,
    /// Site banners and slogans.
    Banner,
    /// "Preview ends here", "add WeChat for the full text".
    Paywall,
    /// "Download this document", ".doc" links.
    Download,
    /// Copyright, disclaimers, "Powered by".
    Footer,
    /// Headers of related-article lists.
    Related,
    /// Previous/next links, breadcrumbs.
    Nav,
    /// Licence trailers of wikis.
    Licence,
    /// A pattern given by the user.
    Custom,
}

impl ChromeKind {
    /// Hard chrome ends a block: the speech never continues across it.
    pub fn is_hard(self) -> bool {
        matches!(
            self,
            ChromeKind::Paywall
                | ChromeKind::Download
                | ChromeKind::Footer
                | ChromeKind::Related
                | ChromeKind::Nav
                | ChromeKind::Licence
                | ChromeKind::Custom
        )
    }

    /// Chrome that starts the tail of a page: what follows is no longer the speech.
    pub fn starts_tail(self) -> bool {
        self.is_hard()
    }

    /// The kind's name in the patterns file and in warnings.
    pub fn name(self) -> &'static str {
        match self {
            ChromeKind::Byline => "byline",
            ChromeKind::Share => "share prompt",
            ChromeKind::Promo => "site promotion",
            ChromeKind::Banner => "site banner",
            ChromeKind::Paywall => "paywall",
            ChromeKind::Download => "download prompt",
            ChromeKind::Footer => "footer",
            ChromeKind::Related => "related articles",
            ChromeKind::Nav => "navigation",
            ChromeKind::Licence => "licence notice",
            ChromeKind::Custom => "custom pattern",
        }
    }
}

/// Lines up to this many chars may match weak patterns (which must open the line, or the line
/// must not end like a sentence).
pub const SHORT_LINE: usize = 60;

struct Entry {
    kind: ChromeKind,
    /// Strong patterns count on any line; weak ones only on short lines.
    strong: bool,
}

/// A compiled pattern list.
pub struct ChromePatterns {
    /// All patterns at once: most lines match none, and a set answers that in one pass.
    set: RegexSet,
    /// The same patterns one by one, to tell which matched (a set's `matches` runs a slow
    /// overlapping search).
    regexes: Vec<Regex>,
    entries: Vec<Entry>,
}

/// The built-in patterns: (kind, strong, regex).
const DEFAULTS: &[(ChromeKind, bool, &str)] = &[
    // Bylines.
    (
        ChromeKind::Byline,
        false,
        r"^[【\[(（]?(作者|来源|來源|发布者|發布者|发布人|發布人|录入|錄入|投稿|稿源|供稿|撰稿|本文来源|本文來源|原文链接|原文鏈接|原文地址|本文链接|本文鏈接|发布时间|發布時間|发布日期|發布日期|发表时间|發表時間|时间|時間|日期|浏览|瀏覽|浏览次数|瀏覽次數|阅读|閱讀|阅读量|閱讀量|点击|點擊|点击数|點擊數|编辑|編輯|责任编辑|責任編輯|字号|字號|上传者|上傳者|分类|分類|标签|標籤|关键词|關鍵詞)\s*[:：]",
    ),
    (
        ChromeKind::Byline,
        true,
        r"加入收藏|预计阅读时长|預計閱讀時長|阅读时长\s*\d|閱讀時長\s*\d|共计\s*\d+\s*个字|共計\s*\d+\s*個字|打印本[页頁]|【字[体號号]|字[号號][:：]?\s*[大中小]\s*[大中小]",
    ),
    (
        ChromeKind::Byline,
        false,
        r"^admin(?-u:\b)|^(分享|收藏|点赞|點讚|评论|評論)(\s*[:：(（]?\s*\d*\s*[)）]?)?$",
    ),
    (
        ChromeKind::Promo,
        false,
        r"(?i)^[【\[]?(导语|導語|编者按|編者按|内容提要|內容提要)[】\]]?\s*[:：]?|^tags?\s*[:：]|更多精彩|(点击|點擊)查看(更多|全文)",
    ),
    // Document-sharing sites.
    (
        ChromeKind::Byline,
        true,
        r"文[档檔](贡献者|貢獻者)|(贡献|貢獻)于\s*\d{4}|^本文由.{0,30}(贡献|貢獻)|^第\s*\d+\s*[页頁]\s*[,，/]?\s*共\s*\d+\s*[页頁]",
    ),
    (
        ChromeKind::Download,
        true,
        r"(?i)WAP端|下[载載]券|立即下[载載]|下[载載]源文件|(百度|360|新浪|豆丁)文[库庫]|道客巴巴|原创力文[档檔]|docin\.com",
    ),
    // Social-media reposts.
    (
        ChromeKind::Share,
        true,
        r"点击(上方)?(蓝字|藍字)|點擊(上方)?(藍字|蓝字)|长按(识别|識別)?二维码|長按(識別)?二維碼|(识别|識別)二[维維][码碼]",
    ),
    (
        ChromeKind::Byline,
        false,
        r"^原创\s|^(责编|責編|审核|審核|校对|校對|排版|监制|監製|主编|主編|终审|終審|编审|編審|美编|美編)\s*[:：]|^(阅读原文|閱讀原文|在看|点赞|點讚|赞赏|讚賞|写留言|寫留言|留言)$",
    ),
    // Share prompts.
    (
        ChromeKind::Share,
        true,
        r"微信扫[码碼]|微信掃[码碼]|扫码分享|掃碼分享|扫码(关注|领取|下载)|掃碼(關注|領取|下載)",
    ),
    // Promotional intros and SEO teasers.
    (
        ChromeKind::Promo,
        true,
        r"小[编編]|范文[网網]|範文[网網]|精[选選]推[荐薦]|(写写帮|寫寫幫)|本文[档檔]?(由|来自|來自)网友|[为為](您|你)(推荐|推薦|整理|精心)",
    ),
    (
        ChromeKind::Promo,
        false,
        r"^(简介|簡介|摘要|导读|導讀)\s*[:：]|文[库庫]|供(大家|您|你)(参考|參考|借鉴|借鑒)|[为為]大家(推荐|推薦|整理|收集)|希望[对對](您|你|大家)有(所)?(帮助|幫助)|^(分享到|扫一扫|掃一掃|领取福利|領取福利)|(关注|關注)(我们|我們|公众号|公眾號|微信号|微信號)",
    ),
    // Site banners.
    (
        ChromeKind::Banner,
        true,
        r"(?i)^[a-z0-9.-]+\.(com|cn|net|org)(\s|$|[—–-])|专注.{0,16}(写作|范文|公文)|專注.{0,16}(寫作|範文|公文)",
    ),
    (
        ChromeKind::Banner,
        false,
        r"[网網]_|(老秘|秘书|秘書|公文|范文|範文|写作|寫作)[网網站]",
    ),
    // Paywalls.
    (
        ChromeKind::Paywall,
        true,
        r"试读结束|試讀結束|查阅全文|查閱全文|加微信|(开通|開通)(会员|會員|VIP)|查看全文|展开全文|展開全文|(剩余|剩餘)\s*\d+\s*%\s*(未读|未讀|内容|內容)|付费(阅读|下载)|付費(閱讀|下載)|(登录|登錄)后(查看|阅读|下载)",
    ),
    // Download prompts.
    (
        ChromeKind::Download,
        true,
        r"下载本文|下載本文|点此处下载|點此處下載|(word|WORD|Word)格式文[档檔]|文[档檔](为|為)\s*doc|下载到自己|下載到自己|(勿|不要)使用迅雷|下[载載](此|该|該|本)?(文[档檔]|全文|地址)",
    ),
    (
        ChromeKind::Download,
        false,
        r"(?i)\.(docx?|pdf|wps)\s*$|^下[载載]",
    ),
    // Footers.
    (
        ChromeKind::Footer,
        true,
        r"(?i)powered\s+by|ICP[备備]|如若(转载|轉載)|(转载|轉載)(请|請)注明|本(网站|網站|站)(不拥有|不擁有|所有|内容|內容)|侵权(请|請)?联系|侵權(請)?聯繫",
    ),
    (
        ChromeKind::Footer,
        false,
        r"(?i)^(声明|聲明|免责声明|免責聲明|版权声明|版權聲明)\s*[:：]|版权所有|版權所有|copyright|©|^(欢迎光临|歡迎光臨)|(联系|聯繫)我[们們]|关于我们|關於我們|(返回|回到)(顶部|頂部|首页|首頁|列表)|^(首页|首頁)\s*[>›»/]",
    ),
    // Related-article lists and navigation.
    (
        ChromeKind::Related,
        false,
        r"^(相关|相關)(范文|範文|文章|推荐|推薦|阅读|閱讀|内容|內容|链接|鏈接|资料|資料)|^(猜你喜欢|猜你喜歡)|^(热门|熱門|最新|更多)(文章|范文|範文|推荐|推薦|资料|資料)|^(推荐|推薦)(阅读|閱讀|范文|範文|文章)|^(延伸阅读|延伸閱讀|你可能(还|還)?(喜欢|喜歡|感兴趣))",
    ),
    (
        ChromeKind::Nav,
        false,
        r"^(上一篇|下一篇|上一页|下一页|上一頁|下一頁|返回列表|当前位置|當前位置)",
    ),
    (
        ChromeKind::Related,
        false,
        r"^(网友评论|網友評論|发表评论|發表評論|最新评论|最新評論|全部评论|全部評論|评论区|評論區|参与讨论|參與討論|我要评论|我要評論)",
    ),
    (
        ChromeKind::Byline,
        false,
        r"本文共\s*\d+\s*字|(阅读|閱讀)(需要?|約|约)\s*\d+\s*分[钟鐘]",
    ),
    (
        ChromeKind::Paywall,
        true,
        r"(剩余|剩餘)\s*\d+\s*字|(会员|會員)专享|(会员|會員)專享|免费下[载載]|免費下[載载]|(余下|餘下)全文",
    ),
    (
        ChromeKind::Share,
        false,
        r"^本文(转载|轉載)自|收藏本文|复制链接|複製鏈接|^(举报|舉報|搜索|登录|登錄|注册|註冊)$|^(登录|登錄)\s*[|｜/]\s*(注册|註冊)|^全文(阅读|閱讀)$",
    ),
    // A metadata line: two `key：value` fields of a byline on one short line.
    (
        ChromeKind::Byline,
        false,
        r"(发布|發布|作者|来源|來源|时间|時間|日期|阅读|閱讀|浏览|瀏覽|点击|點擊|编辑|編輯)[者人量数數次]?\s*[:：].*(发布|發布|作者|来源|來源|时间|時間|日期|阅读|閱讀|浏览|瀏覽|点击|點擊|编辑|編輯)[者人量数數次]?\s*[:：]",
    ),
    // A site's name opening a short line: `某某网 - 讲话稿频道`, `某某网_精品范文`.
    (
        ChromeKind::Banner,
        false,
        r"^\p{Han}{2,8}[网網站](\s*[-—|_｜]|$)|[频頻]道$",
    ),
    // Wiki licence trailers.
    (
        ChromeKind::Licence,
        true,
        r"(?i)^public domain$|^false$|^本作品(是|来自|來自|在|採用|采用|依据|依據)|^(这部|這部)作品|^注[:：]中文维基文库|公有领域[。.]?$|公有領域[。.]?$",
    ),
];

impl ChromePatterns {
    /// The built-in list plus `extra` user patterns (regular expressions; each counts as strong,
    /// hard chrome).
    pub fn new(extra: &[String]) -> Result<Self, regex::Error> {
        let mut sources: Vec<String> = Vec::new();
        let mut entries = Vec::new();
        for (kind, strong, re) in DEFAULTS {
            sources.push((*re).to_string());
            entries.push(Entry {
                kind: *kind,
                strong: *strong,
            });
        }
        for re in extra {
            sources.push(re.clone());
            entries.push(Entry {
                kind: ChromeKind::Custom,
                strong: true,
            });
        }
        let regexes = sources
            .iter()
            .map(|s| Regex::new(s))
            .collect::<Result<_, _>>()?;
        Ok(ChromePatterns {
            set: RegexSet::new(&sources)?,
            regexes,
            entries,
        })
    }

    /// The chrome kind of `line`, if a pattern marks it. Hard kinds win over soft ones.
    pub fn classify(&self, line: &str, chars: usize) -> Option<ChromeKind> {
        if !self.set.is_match(line) {
            return None;
        }
        let short = chars <= SHORT_LINE;
        // A finished sentence is the speech talking, unless the pattern opens the line
        // (`声明：本文…。`).
        let sentence = line.ends_with(['。', '！', '？', '；', '!', '?']);
        let mut found: Option<ChromeKind> = None;
        for (e, re) in self.entries.iter().zip(&self.regexes) {
            let counts = if e.strong {
                re.is_match(line)
            } else {
                short && re.find(line).is_some_and(|m| m.start() == 0 || !sentence)
            };
            if !counts {
                continue;
            }
            if found.is_none_or(|f| e.kind.is_hard() && !f.is_hard()) {
                found = Some(e.kind);
            }
        }
        found
    }
}

impl ChromePatterns {
    /// The built-in list, compiled once per process.
    pub fn builtin() -> &'static ChromePatterns {
        static BUILTIN: std::sync::OnceLock<ChromePatterns> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(ChromePatterns::default)
    }
}

impl Default for ChromePatterns {
    fn default() -> Self {
        ChromePatterns::new(&[]).expect("built-in patterns compile")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<ChromeKind> {
        ChromePatterns::default().classify(line, line.chars().count())
    }

    #[test]
    fn chrome_lines_of_real_pages() {
        assert_eq!(
            kind("............试读结束............"),
            Some(ChromeKind::Paywall)
        );
        assert_eq!(
            kind("admin 分享 时间: 加入收藏 共计16698个字,预计阅读时长56分钟。"),
            Some(ChromeKind::Byline)
        );
        assert_eq!(
            kind("欢迎光临 老秘网_材夜思范文 (http://www.caiyes.cn/) Powered by Discuz! X3.4"),
            Some(ChromeKind::Footer)
        );
        assert_eq!(kind("相關範文推薦"), Some(ChromeKind::Related));
        assert_eq!(kind("微信扫码领取福利"), Some(ChromeKind::Share));
        assert_eq!(
            kind("SUCAI198.COM —— 专注党建行政公文写作范文"),
            Some(ChromeKind::Banner)
        );
    }

    #[test]
    fn speech_sentences_are_not_chrome() {
        let long = "要加强知识产权和版权保护，完善作者权益保障机制，推动出版、影视、文库等文化产业高质量发展，让创新成果更好惠及人民群众，这是我们必须长期坚持的重要任务。";
        assert_eq!(kind(long), None);
        assert_eq!(
            kind("要建好用好数字图书馆和电子文库，丰富群众精神文化生活。"),
            None
        );
        assert_eq!(kind("不断壮大我老秘网区的高新技术产业集群。"), None);
        assert_eq!(
            kind("声明：本文内容由互联网用户自发贡献。"),
            Some(ChromeKind::Footer)
        );
        assert_eq!(kind("同志们："), None);
        assert_eq!(
            kind("发布者：小李 发布时间：2024-03-01 阅读量：2345"),
            Some(ChromeKind::Byline)
        );
        assert_eq!(kind("范文先生网 - 讲话稿频道"), Some(ChromeKind::Banner));
        assert_eq!(kind("加快建设全国统一大电网、智能电网"), None);
        assert_eq!(kind("在2025年全区重点工作推进会上的讲话"), None);
    }

    #[test]
    fn user_patterns_are_hard() {
        let p = ChromePatterns::new(&["^本站公告".into()]).unwrap();
        assert_eq!(
            p.classify("本站公告：明日维护", 9),
            Some(ChromeKind::Custom)
        );
        assert!(ChromePatterns::new(&["(".into()]).is_err());
    }
}
