//! Naming a place of a speech the way a reader finds it: the markers of the sections around it
//! and the line inside the innermost one (`三、（二） line 4`), instead of a char offset.

use super::Outline;

/// Names places of one text.
#[derive(Debug, Clone, Default)]
pub struct Places {
    outline: Outline,
    /// Char offset of the start of each line.
    line_starts: Vec<usize>,
}

impl Places {
    /// Outlines `text` and notes where its lines start.
    pub fn new(text: &str) -> Places {
        let mut line_starts = vec![0];
        for (i, c) in text.chars().enumerate() {
            if c == '\n' {
                line_starts.push(i + 1);
            }
        }
        Places {
            outline: super::outline(text),
            line_starts,
        }
    }

    /// 1-based line of the text holding char offset `at`.
    pub fn line(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= at)
    }

    /// `三、（二） line 4`: the markers of the sections (not inline points) holding `at`, outermost
    /// first, and the line counted from the innermost one's first line; `line 12` outside any.
    pub fn name(&self, at: usize) -> String {
        let mut path: Vec<&super::Section> = self
            .outline
            .headings()
            .filter(|s| s.start <= at && at < s.end)
            .collect();
        path.sort_by_key(|s| (s.level, s.start));
        let line = self.line(at);
        match path.last() {
            None => format!("line {line}"),
            Some(inner) => {
                let markers: String = path.iter().map(|s| s.marker.trim()).collect();
                let from = self.line(inner.start);
                format!("{markers} line {}", line + 1 - from)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sections_and_lines() {
        let text =
            "报告\n一、过去一年\n总体情况。\n（一）经济\n第一段。\n第二段。\n二、今年\n任务。";
        let p = Places::new(text);
        let at = text.chars().position(|c| c == '二').unwrap(); // in 第二段
        assert_eq!(p.name(at), "一、（一） line 3");
        assert_eq!(p.name(0), "line 1");
    }
}
