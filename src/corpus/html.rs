//! HTML to text. Whole pages go through the html5ever tokenizer (scripts, styles and comments
//! gone, block elements as line breaks, entities decoded); plain-text pages with stray markup
//! pasted into them (`<ul id="x"></ul>` lines, `<image>data:…</image>`) keep their line structure
//! and lose only the tags of known HTML elements, so `《<中国制造2025>行动纲要》` is left alone.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Does this text look like an HTML page rather than text with a few stray tags?
pub fn looks_like_html(text: &str, extension: Option<&str>) -> bool {
    if matches!(
        extension,
        Some("html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx")
    ) {
        return true;
    }
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let head = head.trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
    {
        return true;
    }
    // Many paragraph-level tags throughout: a page saved without its head.
    let lower = text.get(..text.len().min(200_000)).unwrap_or(text);
    let tags = ["<p>", "<p ", "<br", "<div", "</p>", "</div>", "<td", "<li"]
        .iter()
        .map(|t| lower.matches(t).count())
        .sum::<usize>();
    tags >= 10 && tags * 200 >= lower.lines().count().max(1)
}

/// Elements whose boundaries break lines.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "ul"
            | "option"
    )
}

/// Elements whose content is never text for a reader.
fn is_hidden(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "noscript" | "iframe" | "noembed" | "noframes" | "xmp" => Some(RawKind::Rawtext),
        "textarea" | "title" => Some(RawKind::Rcdata),
        _ => None,
    }
}

#[derive(Default)]
struct TextSink {
    out: RefCell<String>,
    /// Inside script/style/…: its characters are dropped up to the matching end tag.
    hidden: RefCell<Option<String>>,
    in_pre: RefCell<usize>,
    /// The text of `<title>`.
    title: RefCell<String>,
}

impl TextSink {
    fn push_text(&self, s: &str) {
        let mut out = self.out.borrow_mut();
        if *self.in_pre.borrow() > 0 {
            out.push_str(s);
            return;
        }
        // Ordinary HTML whitespace collapses; line breaks come from the markup only.
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{3000}' && c != '\u{A0}' {
                if !out.ends_with([' ', '\n']) && !out.is_empty() {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
    }

    fn newline(&self) {
        let mut out = self.out.borrow_mut();
        while out.ends_with(' ') {
            out.pop();
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    }

    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if let Some(hidden) = self.hidden.borrow().as_deref() {
            // Only the matching end tag leaves the hidden element.
            if !(tag.kind == TagKind::EndTag && name == hidden) {
                return TokenSinkResult::Continue;
            }
        }
        if tag.kind == TagKind::EndTag && self.hidden.borrow().as_deref() == Some(name) {
            *self.hidden.borrow_mut() = None;
            return TokenSinkResult::Continue;
        }
        if name == "pre" {
            let mut pre = self.in_pre.borrow_mut();
            match tag.kind {
                TagKind::StartTag => *pre += 1,
                TagKind::EndTag => *pre = pre.saturating_sub(1),
            }
        }
        if is_block(name) {
            self.newline();
        }
        if tag.kind == TagKind::StartTag && !tag.self_closing {
            if let Some(kind) = is_hidden(name) {
                *self.hidden.borrow_mut() = Some(name.to_string());
                return TokenSinkResult::RawData(kind);
            }
        }
        TokenSinkResult::Continue
    }
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => return self.tag(&tag),
            Token::CharacterTokens(t) => match self.hidden.borrow().as_deref() {
                None => self.push_text(&t),
                Some("title") => self.title.borrow_mut().push_str(&t),
                Some(_) => {}
            },
            Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// The text of an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    /// One line per block element.
    pub text: String,
    /// The page's `<title>`, whitespace collapsed.
    pub title: Option<String>,
}

/// The text of an HTML page: one line per block element, and its `<title>`.
pub fn html_to_text(html: &str) -> HtmlText {
    let sink = TextSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let sink = tokenizer.sink;
    let title = sink
        .title
        .into_inner()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    HtmlText {
        text: sink.out.into_inner(),
        title: (!title.is_empty()).then_some(title),
    }
}

/// Known HTML element names (and `image`, which scraped pages use for data-URI images).
fn is_known_element(name: &str) -> bool {
    is_block(name)
        || is_hidden(name).is_some()
        || matches!(
            name,
            "a" | "abbr"
                | "b"
                | "big"
                | "cite"
                | "code"
                | "dfn"
                | "em"
                | "font"
                | "i"
                | "img"
                | "image"
                | "input"
                | "label"
                | "link"
                | "meta"
                | "object"
                | "small"
                | "span"
                | "strong"
                | "sub"
                | "sup"
                | "u"
                | "button"
                | "select"
                | "svg"
                | "video"
                | "audio"
                | "source"
                | "embed"
                | "param"
                | "ins"
                | "del"
                | "s"
                | "strike"
                | "tt"
                | "var"
                | "head"
                | "caption"
                | "col"
                | "colgroup"
                | "map"
                | "area"
                | "canvas"
                | "picture"
        )
}

/// Removes the tags of known HTML elements from a line of plain text, the content of
/// `<image>…</image>`, `<script>…</script>` and `<style>…</style>` included. Returns the line and
/// whether anything was removed.
pub fn strip_stray_tags(line: &str) -> (String, bool) {
    if !line.contains('<') {
        return (line.to_string(), false);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut changed = false;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tail = &rest[lt..];
        match parse_tag(tail) {
            Some((name, closing, len)) if is_known_element(&name) => {
                changed = true;
                rest = &tail[len..];
                let drops_content = matches!(name.as_str(), "image" | "script" | "style");
                if drops_content && !closing {
                    let end = format!("</{name}");
                    if let Some(e) = rest.to_ascii_lowercase().find(&end) {
                        rest = &rest[e..];
                    }
                }
            }
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    (out, changed)
}

/// Parses `<name …>` or `</name>` at the start of `s`: the lower-cased name, whether it closes,
/// and the tag's byte length.
fn parse_tag(s: &str) -> Option<(String, bool, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == start || !b[start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[start..i].to_ascii_lowercase();
    // Attributes up to `>`, on the same line; quotes may hide `>`.
    let mut quote = None;
    while i < b.len() {
        match (b[i], quote) {
            (b'"' | b'\'', None) => quote = Some(b[i]),
            (q, Some(open)) if q == open => quote = None,
            (b'>', None) => return Some((name, closing, i + 1)),
            (b'<', None) => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_to_lines() {
        let html = "<!DOCTYPE html><html><head><title>标题</title><style>p{color:red}</style>\
            <script>var a = '<p>不要</p>';</script></head><body><div>同志们：</div>\
            <p>今天&nbsp;我们&amp;你们<br>召开会议。</p><!-- 注释 --></body></html>";
        assert!(looks_like_html(html, None));
        let HtmlText { text: t, title } = html_to_text(html);
        assert_eq!(title.as_deref(), Some("标题"));
        assert!(
            !t.contains("color") && !t.contains("不要") && !t.contains("注释"),
            "{t}"
        );
        assert!(
            t.contains("同志们：\n今天\u{a0}我们&你们\n召开会议。"),
            "{t:?}"
        );
    }

    #[test]
    fn stray_tags_only_known_elements() {
        let (s, c) = strip_stray_tags("<span id=\"a\"></span><dfn id=\"b\"></dfn>");
        assert_eq!((s.as_str(), c), ("", true));
        let (s, _) = strip_stray_tags("网址(可搜索)<image>data:image/png;base64,iVBOR</image>尾");
        assert_eq!(s, "网址(可搜索)尾");
        let keep = "《<中国制造2025>山东省行动纲要》 a < b > c";
        assert_eq!(strip_stray_tags(keep).0, keep);
        assert!(!looks_like_html(keep, Some("txt")));
    }
}
