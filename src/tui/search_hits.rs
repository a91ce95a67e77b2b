//! The state of `/` in the comparison (what was searched, the hits, the current one), apart from
//! the update code that fills it, so that the app state can hold it without importing the update.

/// A hit: the side it is on (`true`: A) and its first char.
pub type Hit = (bool, usize);

/// The search of a comparison.
#[derive(Debug, Clone, Default)]
pub struct CompareSearch {
    pub query: String,
    /// Hits in screen order.
    pub hits: Vec<Hit>,
    pub current: usize,
}
