//! Pages built from real speeches with the chrome of many kinds of sites around them, and the two
//! figures of chrome removal: how much of the speech is kept, how many chrome lines leak.
//!
//! Two sets of chrome, written apart: [`TUNED`] is what the rules were developed against (used by
//! the ordinary tests); [`HELD_OUT`] was written separately, in other words and shapes, and is
//! used only by the evaluation (`cargo test --test corpus_chrome -- --ignored`).

use std::path::Path;

pub struct Site {
    pub kind: &'static str,
    pub top: &'static [&'static str],
    pub bottom: &'static [&'static str],
}

pub const TUNED: &[Site] = &[
    Site {
        kind: "portal",
        top: &[
            "网易首页 - 新闻 - 体育 - 娱乐 - 财经 - 科技",
            "新闻中心 | 国内 | 国际 | 社会 | 评论 | 图片",
            "您当前的位置：首页 > 时政 > 正文",
            "【字体：大 中 小】【打印】【关闭】",
            "阅读：12345 评论：67",
        ],
        bottom: &[
            "【热点推荐】【两会特别报道】",
            "关于我们 | 联系我们 | 广告服务 | 网站地图",
            "Copyright © 2023 某某网 版权所有",
        ],
    },
    Site {
        kind: "范文 site",
        top: &[
            "范文大全 | 工作总结 | 工作计划 | 述职报告 | 心得体会 | 讲话稿",
            "当前位置：范文网 > 讲话稿 > 领导讲话",
            "本文共计5231字，阅读约需13分钟",
            "热门搜索：政府工作报告 讲话稿 发言稿",
            "【推荐】【精品】最新讲话稿范文合集",
            "精品范文网",
        ],
        bottom: &["【相关范文】", "本站部分文章来源于网络，如有侵权请联系删除"],
    },
    Site {
        kind: "forum",
        top: &[
            "论坛首页 › 时事政治 › 政策讨论",
            "查看: 3241 | 回复: 25",
            "电梯直达",
            "只看该作者",
        ],
        bottom: &["回复 举报 分享 收藏", "好文，收藏了"],
    },
    Site {
        kind: "WeChat repost",
        top: &["点击上方蓝字关注我们", "预计阅读时间 6 分钟", "某某公众号"],
        bottom: &["阅读原文", "10万+阅读 1234在看", "长按识别二维码关注"],
    },
    Site {
        kind: "government site",
        top: &[
            "政府信息公开 | 政务服务 | 互动交流 | 走进某市",
            "当前位置：首页 > 政务公开 > 政府工作报告",
            "浏览次数：5612",
            "【打印本页】【关闭窗口】",
        ],
        bottom: &[
            "【打印本页】【关闭窗口】",
            "主办单位：某某省人民政府办公厅 备案号：浙ICP备12345678号",
        ],
    },
    Site {
        kind: "document sharing",
        top: &[
            "文档分类：行业资料 > 政府公文",
            "页数：12  下载积分：5  浏览：2.3万",
            "下载文档 | 收藏 | 分享 | 举报",
        ],
        bottom: &["本文档由用户上传，版权归属用户", "下载此文档"],
    },
];

pub const HELD_OUT: &[Site] = &[
    Site {
        kind: "portal",
        top: &[
            "首页｜要闻｜时政｜财经｜文化｜视频｜直播",
            "位置： 主页 » 新闻 » 时政要闻",
            "[ 大 中 小 ] [ 打印 ] [ 收藏 ]",
            "扫一扫在手机上查看",
            "参与互动 128 人",
        ],
        bottom: &[
            "网站声明 - 法律顾问 - 意见反馈 - 网站导航",
            "举报电话：12377",
        ],
    },
    Site {
        kind: "范文 site",
        top: &[
            "公文写作网  >  领导讲话  >  会议讲话",
            "文章字数：4,812 字 · 预计阅读 12 分钟",
            "关键字： 讲话 会议 年度",
            "小编精心整理",
            "【原创】【优质】",
        ],
        bottom: &["猜你喜欢", "【下载全文】"],
    },
    Site {
        kind: "forum",
        top: &[
            "社区 › 政策解读 › 帖子详情",
            "阅读 1,023 · 回复 17",
            "楼主 发表于 2022-1-21 09:00",
            "收藏本帖",
        ],
        bottom: &["顶", "本帖最后由 admin 于 2022-1-21 编辑"],
    },
    Site {
        kind: "WeChat repost",
        top: &[
            "某某发布 2022-01-21 07:30",
            "星标我们 第一时间获取资讯",
            "全文约 6000 字",
            "听全文",
        ],
        bottom: &["喜欢此内容的人还喜欢", "点赞 收藏 分享 在看", "2.1万人已读"],
    },
    Site {
        kind: "government site",
        top: &[
            "网站首页 政务公开 政务服务 政民互动 数据开放",
            "无障碍 | 长者模式 | 繁体版",
            "点击数：372",
            "政策文件",
        ],
        bottom: &[
            "【打印】【关闭】",
            "网站标识码：3300000001  浙公网安备 33010602000001号",
        ],
    },
    Site {
        kind: "document sharing",
        top: &[
            "分类：政府/行政 > 工作报告",
            "共 15 页 | 下载次数 88 | 评分 4.5",
            "全屏阅读 | 下载 | 打印",
            "上传者：用户7781",
        ],
        bottom: &["该文档仅供预览，下载后可查看全文", "相关文档推荐"],
    },
];

/// A second held-out set, written after the first one had been evaluated once (its figures are
/// in benches/README.md as they came out): other kinds of sites, other words.
pub const HELD_OUT_2: &[Site] = &[
    Site {
        kind: "news app",
        top: &[
            "打开APP 阅读最新报道",
            "要闻 / 地方 / 正文",
            "2022-03-06 08:15:02 | 来源：客户端",
            "收听本文 00:00",
        ],
        bottom: &["打开APP查看更多精彩内容", "写评论 · 分享 · 32"],
    },
    Site {
        kind: "university",
        top: &[
            "学校主页 · 党委宣传部 · 新闻网",
            "首页 > 理论学习 > 学习资料",
            "发布者：宣传部 发布时间：2022-03-08 浏览次数：86",
        ],
        bottom: &[
            "上一条：学习贯彻会议精神",
            "下一条：理论学习资料汇编",
            "关闭窗口",
        ],
    },
    Site {
        kind: "党建 site",
        top: &[
            "党建网 | 理论 | 学习 | 党史 | 文献",
            "您现在的位置: 党建网 > 文献资料",
            "【大 中 小】",
            "党建网微平台",
        ],
        bottom: &[
            "责任编辑：刘七",
            "党建网 版权所有 未经授权禁止复制或建立镜像",
        ],
    },
    Site {
        kind: "blog",
        top: &[
            "某某的博客",
            "分类：转载 | 标签：政府工作报告 两会",
            "2022-03-05 21:40 阅读(57) 评论(0)",
        ],
        bottom: &["转载请注明出处", "分享到： 微博 微信 豆瓣"],
    },
    Site {
        kind: "Q&A site",
        top: &[
            "问答首页 > 社会民生 > 政策",
            "已解决问题",
            "提问者：匿名用户 | 浏览次数：1203次",
            "最佳答案",
        ],
        bottom: &["其他回答 (3)", "为你推荐："],
    },
    Site {
        kind: "文库",
        top: &[
            "某某文库 > 专业资料 > 行政公文",
            "0.0分 (0人评价) 35人阅读 2次下载",
            "举报 | 收藏 | 下载",
            "VIP专享文档",
        ],
        bottom: &["立即下载", "免费获取文档"],
    },
];

/// The page: the site's top chrome, the speech (title first), the site's bottom chrome.
pub fn page(title: &str, text: &str, site: &Site) -> String {
    let mut out = site.top.join("\n");
    out.push('\n');
    out.push_str(title);
    out.push('\n');
    out.push_str(text);
    out.push('\n');
    out.push_str(&site.bottom.join("\n"));
    out.push('\n');
    out
}

/// Figures over many pages.
#[derive(Default, Debug, Clone, Copy)]
pub struct Score {
    pub pages: usize,
    pub speech_chars: usize,
    pub kept_chars: usize,
    pub chrome_lines: usize,
    pub leaked_lines: usize,
    pub top_leaked: usize,
}

impl Score {
    pub fn kept(&self) -> f64 {
        self.kept_chars as f64 / self.speech_chars.max(1) as f64
    }
    pub fn leaked(&self) -> f64 {
        self.leaked_lines as f64 / self.chrome_lines.max(1) as f64
    }
    pub fn add(&mut self, o: Score) {
        self.pages += o.pages;
        self.speech_chars += o.speech_chars;
        self.kept_chars += o.kept_chars;
        self.chrome_lines += o.chrome_lines;
        self.leaked_lines += o.leaked_lines;
        self.top_leaked += o.top_leaked;
    }
}

/// Extracts the speech from the page and scores it: speech lines (other than the title) found
/// whole in the result, chrome lines found in it (title and text).
pub fn score(title: &str, text: &str, site: &Site) -> Score {
    let page = page(title, text, site);
    let docs = speechtui::corpus::documents_from_bytes(Path::new("page.txt"), page.as_bytes())
        .unwrap_or_default();
    let out: String = docs
        .iter()
        .map(|d| format!("{}\n{}\n", d.title, d.text))
        .collect();
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let out_sq = squeeze(&out);
    let mut s = Score {
        pages: 1,
        ..Score::default()
    };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let n = line.chars().filter(|c| !c.is_whitespace()).count();
        s.speech_chars += n;
        if out_sq.contains(&squeeze(line)) {
            s.kept_chars += n;
        }
    }
    for (top, line) in site
        .top
        .iter()
        .map(|l| (true, l))
        .chain(site.bottom.iter().map(|l| (false, l)))
    {
        // A chrome line that the speech itself contains cannot be told apart; not counted.
        if text.contains(line) || title.contains(line) {
            continue;
        }
        s.chrome_lines += 1;
        if out_sq.contains(&squeeze(line)) {
            s.leaked_lines += 1;
            s.top_leaked += top as usize;
        }
    }
    s
}

/// The speeches of the bundled sample, as (title, text).
pub fn sample_speeches() -> Vec<(String, String)> {
    speechtui::corpus::load(&[speechtui::corpus::sample_dir().to_path_buf()])
        .documents
        .into_iter()
        .map(|d| (d.title, d.text))
        .collect()
}
