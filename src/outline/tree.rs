//! The outline as a tree: the speech's title at the root, sections nested by level.

use serde::Serialize;

use super::{Outline, Section};

/// A node of the outline tree. The root stands for the whole speech (its title, no section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    /// Index into `Outline::sections`; `None` for the root.
    pub section: Option<usize>,
    /// The sections directly under this one, in document order.
    pub children: Vec<Node>,
}

impl Outline {
    /// The parent of every section (`None`: a child of the root), from levels in document order:
    /// the parent is the nearest earlier section of a lower level (never a point, for a section).
    pub fn parents(&self) -> Vec<Option<usize>> {
        let mut open: Vec<usize> = Vec::new();
        self.sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                // A point holds only points: a section closes every open point first.
                while open.last().is_some_and(|&j| {
                    self.sections[j].level >= s.level || (!s.point && self.sections[j].point)
                }) {
                    open.pop();
                }
                let parent = open.last().copied();
                open.push(i);
                parent
            })
            .collect()
    }

    /// The direct children of `parent` (`None`: the top of the tree), in document order.
    pub fn children(&self, parent: Option<usize>) -> Vec<usize> {
        self.parents()
            .into_iter()
            .enumerate()
            .filter(|(_, p)| *p == parent)
            .map(|(i, _)| i)
            .collect()
    }

    /// The whole tree under a root standing for the speech and its title.
    pub fn tree(&self) -> Node {
        let parents = self.parents();
        let mut kids: Vec<Vec<usize>> = vec![Vec::new(); self.sections.len()];
        let mut top = Vec::new();
        for (i, p) in parents.iter().enumerate() {
            match p {
                Some(p) => kids[*p].push(i),
                None => top.push(i),
            }
        }
        fn build(i: usize, kids: &[Vec<usize>]) -> Node {
            Node {
                section: Some(i),
                children: kids[i].iter().map(|&k| build(k, kids)).collect(),
            }
        }
        Node {
            section: None,
            children: top.iter().map(|&i| build(i, &kids)).collect(),
        }
    }

    /// The innermost section containing char offset `at` (for "which section am I reading").
    pub fn section_at(&self, at: usize) -> Option<&Section> {
        self.sections
            .iter()
            .filter(|s| s.start <= at && at < s.end)
            .max_by_key(|s| (s.level, s.start))
    }
}
