//! The whole state of the TUI in one `App`, and the `Action`s that change it.
//!
//! Widgets draw from `&App`; only [`super::update::update`] changes it. Anything slow or touching
//! the outside world (aligning two speeches, writing a file) is returned as an [`Effect`] for the
//! event loop to run, and comes back later as an [`Action`].

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseEvent};
use speechtui::align::{Comparison, Span};
use speechtui::check::Check;
use speechtui::corpus::{Document, LoadReport, Skipped};
use speechtui::outline::place::Places;
use speechtui::outline::Outline;
use speechtui::reuse::duplicates::Duplicates;
use speechtui::reuse::marks::{self, Mark, SharedWith, Sharing};
use speechtui::reuse::{Progress, ReuseReport};

use super::highlight_mode::Highlight;
use super::keymap::Keymap;
use super::rows::Rows;
use super::signals::OsSignal;
use super::theme::{ColorDepth, Theme};
use super::wrap::{CharIndex, Line};

/// Something that happened: a key, a resize, or news from a worker thread.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    /// A wheel notch or a left click (other mouse events are not passed on).
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Files loaded so far, of how many.
    LoadProgress(usize, usize),
    Loaded(LoadReport),
    /// Each speech's title and text on the comparison key's fold (simplified script, half-width,
    /// lower case), so the library filter finds 推進 when asked for 推进.
    Folded(Vec<String>),
    IndexProgress(Progress),
    /// The reuse index, with its per-speech lookups built on the worker thread too.
    Indexed(Result<Box<ReuseIndex>, String>),
    Compared {
        a: usize,
        b: usize,
        comparison: Arc<Comparison>,
    },
    /// The check of speech `draft` against the corpus is ready (or failed, with a one-line error).
    Checked {
        draft: usize,
        check: Result<Arc<Check>, String>,
    },
    /// A save finished: the full path written, or a one-line error.
    Saved(Result<PathBuf, String>),
    /// The file to save to exists: ask before overwriting.
    SaveConflict {
        path: PathBuf,
        contents: String,
    },
    /// Time passes (only animates the progress view).
    Tick,
    /// A signal from outside; the event loop handles it (it touches the terminal).
    Os(OsSignal),
}

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Compare {
        a: usize,
        b: usize,
    },
    Save {
        path: PathBuf,
        contents: String,
        overwrite: bool,
    },
    /// Ctrl-Z: give the terminal back and stop until `fg`.
    Suspend,
    /// Check speech `draft` against the first `corpus` speeches (the rest: the draft given with
    /// `--check`, which is not part of the corpus).
    Check {
        draft: usize,
        corpus: usize,
    },
}

/// The reuse index, with per-speech lookups the screens need (built on the worker thread).
#[derive(Debug)]
pub struct ReuseIndex {
    pub report: ReuseReport,
    /// Who uses each formula, copies of one text counted once.
    pub sharing: Sharing,
    /// Borrowed share per document index (copies of the speech itself not counted).
    pub borrowed: Vec<Option<f64>>,
    /// Formula keys, for the explorer's search as you type.
    pub finder: speechtui::reuse::lookup::Finder,
}

impl ReuseIndex {
    /// `docs` are the speeches the report was built from, in the same order; copies are the
    /// duplicates the corpus found at load (`Document::duplicate_of`).
    pub fn new(report: ReuseReport, docs: &[Document]) -> ReuseIndex {
        let index_of: std::collections::HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let duplicate_of: Vec<Option<usize>> = docs
            .iter()
            .map(|d| {
                d.duplicate_of
                    .as_deref()
                    .and_then(|id| index_of.get(id).copied())
            })
            .collect();
        let dups = Duplicates::from_duplicate_of(&duplicate_of);
        let years = docs.iter().map(|d| d.year()).collect();
        let places = docs.iter().map(|d| d.place.clone()).collect();
        let sharing = Sharing::new(&report, dups, years, places);
        let n = docs.len();
        let borrowed = (0..n)
            .map(|d| marks::borrowed(&report, &sharing, d))
            .collect();
        ReuseIndex {
            finder: speechtui::reuse::lookup::Finder::new(&report),
            report,
            sharing,
            borrowed,
        }
    }

    /// What the reader marks in speech `doc`, by start: worked out when a speech is opened
    /// (about a millisecond), so the index costs nothing more per speech of the corpus.
    pub fn marks_of(&self, doc: usize) -> Vec<Mark> {
        marks::marks(&self.report, &self.sharing, doc)
    }
}

#[derive(Debug)]
pub enum ReuseState {
    Pending(Option<Progress>),
    Ready(Arc<ReuseIndex>),
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    Title,
    Date,
    Length,
    Borrowed,
}

pub use super::selection::{ListState, Scroll};

#[derive(Debug, Clone)]
pub struct LibraryState {
    pub sort: SortColumn,
    pub descending: bool,
    pub filter: String,
    /// Document indices shown, in order.
    pub rows: Vec<usize>,
    pub list: ListState,
    /// The speech marked with `c`, waiting for a second one.
    pub mark: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Outline,
    Text,
}

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Span>,
    pub current: usize,
}

#[derive(Debug, Clone)]
pub struct ReaderState {
    pub doc: usize,
    pub chars: CharIndex,
    pub outline: Outline,
    pub outline_open: bool,
    pub focus: Pane,
    /// Sections whose children are hidden.
    pub collapsed: BTreeSet<usize>,
    pub outline_list: ListState,
    pub wrap_width: usize,
    pub lines: Vec<Line>,
    pub cursor: usize,
    pub scroll: usize,
    pub search: SearchState,
    /// A span to show (an occurrence opened from the explorer).
    pub focus_span: Option<Span>,
    /// The reuse marks of the speech (empty until the index is ready).
    pub marks: Vec<Mark>,
}

#[derive(Debug, Clone)]
pub struct CompareState {
    pub a: usize,
    pub b: usize,
    pub a_chars: CharIndex,
    pub b_chars: CharIndex,
    /// `None` while the alignment runs.
    pub comparison: Option<Arc<Comparison>>,
    /// Section-and-line names of places in A and in B (for the header and moved notes).
    pub places: Arc<(Places, Places)>,
    pub fold: bool,
    pub search: super::search_hits::CompareSearch,
    pub rows: Rows,
    pub widths: (usize, usize),
    pub scroll: usize,
    /// The passage stop (index into `rows.stops`) last jumped to.
    pub current: Option<usize>,
    /// Where in A to land once the alignment arrives.
    pub land_at: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConcordanceOrder {
    Speech,
    YearAscending,
    YearDescending,
}

#[derive(Debug, Clone)]
pub struct ConcordanceState {
    pub formula: usize,
    /// (document, span) of every occurrence, in the current order.
    pub rows: Vec<(usize, Span)>,
    pub order: ConcordanceOrder,
    pub list: ListState,
}

/// The explorer's list: one kind at a time, searched and sorted.
#[derive(Debug, Clone, Default)]
pub struct ExplorerState {
    pub list: ListState,
    pub kind: speechtui::reuse::Kind,
    pub sort: speechtui::reuse::history::Sort,
    /// The search typed after `/` (any script).
    pub query: String,
    /// Formulas shown, indices into the report's formulas, in the current order.
    pub rows: Vec<usize>,
}

/// The sources of a speech or draft: where its borrowed passages come from, above the speech
/// itself with those passages marked.
#[derive(Debug, Clone)]
pub struct SourcesState {
    pub draft: usize,
    /// `None` while the check runs.
    pub check: Option<Arc<Check>>,
    /// The ranked sources.
    pub list: ListState,
    /// Which pane the movement keys drive.
    pub focus: SourcesFocus,
    /// The speech's text, wrapped for the lower pane.
    pub chars: CharIndex,
    pub wrap_width: usize,
    pub lines: Vec<Line>,
    /// First text line on screen.
    pub scroll: usize,
    /// The passage (index into the check's passages) Enter and `R` open: the first one the
    /// selected source holds, moved by `n`/`N`.
    pub passage: Option<usize>,
}

/// The panes of the sources screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcesFocus {
    /// The ranked sources.
    List,
    /// The speech's text.
    Text,
}

#[derive(Debug, Clone)]
pub enum View {
    Reader(Box<ReaderState>),
    Sources(Box<SourcesState>),
    Compare(Box<CompareState>),
    Explorer(Box<ExplorerState>),
    Concordance(ConcordanceState),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputPurpose {
    Filter,
    Search,
    SaveComparison,
    SaveConcordance,
    FormulaSearch,
    SaveCheck,
}

/// A one-line prompt at the bottom of the screen.
#[derive(Debug, Clone)]
pub struct Input {
    pub purpose: InputPurpose,
    pub text: String,
    /// What to restore on Esc (the filter before typing).
    pub before: String,
}

#[derive(Debug, Clone)]
pub enum Popup {
    Help {
        scroll: Scroll,
    },
    LoadReport {
        scroll: Scroll,
    },
    ReusedBy {
        from: usize,
        at: usize,
        entries: Vec<SharedWith>,
        list: ListState,
    },
    ConfirmOverwrite {
        path: PathBuf,
        contents: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

#[derive(Debug)]
pub enum Phase {
    Loading {
        ticks: usize,
        done: usize,
        total: usize,
    },
    Ready,
}

pub struct App {
    pub theme: Theme,
    pub keymap: Keymap,
    pub phase: Phase,
    pub docs: Arc<Vec<Document>>,
    /// Length of each speech in chars (counted once).
    pub doc_chars: Vec<usize>,
    /// What each speech is called where there is room, and in narrow columns (see `labels`).
    pub labels: Vec<String>,
    pub short_labels: Vec<String>,
    /// See [`Action::Folded`]; empty until the loader thread has made them.
    pub folded: Vec<String>,
    pub skipped: Vec<Skipped>,
    /// Problems in config.toml or a theme file, listed in the load report.
    pub config_warnings: Vec<String>,
    pub reuse: ReuseState,
    pub library: LibraryState,
    /// Screens opened on top of the library.
    pub stack: Vec<View>,
    pub popup: Option<Popup>,
    pub input: Option<Input>,
    pub status: Option<Status>,
    pub size: (u16, u16),
    pub comparisons: HashMap<(usize, usize), Arc<Comparison>>,
    /// Where saved files go by default.
    pub save_dir: PathBuf,
    pub should_quit: bool,
    /// What the terminal can show.
    pub depth: ColorDepth,
    /// The themes the theme switcher cycles through, each with the warning its file gave, read
    /// once at start so that `update` never touches the disk. Empty: the built-in themes.
    pub themes: Vec<(Theme, Option<String>)>,
    /// What the reader marks (one mode for every speech, so switching speeches keeps it).
    pub highlight: Highlight,
    /// With `--check`: the draft, loaded after the corpus as the last speech, is not part of the
    /// corpus; its sources open as soon as the index is ready.
    pub draft_mode: bool,
}

impl App {
    pub fn new(theme: Theme, keymap: Keymap, size: (u16, u16), save_dir: PathBuf) -> App {
        App {
            theme,
            keymap,
            phase: Phase::Loading {
                ticks: 0,
                done: 0,
                total: 0,
            },
            docs: Arc::new(Vec::new()),
            doc_chars: Vec::new(),
            labels: Vec::new(),
            config_warnings: Vec::new(),
            short_labels: Vec::new(),
            folded: Vec::new(),
            skipped: Vec::new(),
            reuse: ReuseState::Pending(None),
            library: LibraryState {
                sort: SortColumn::Date,
                descending: false,
                filter: String::new(),
                rows: Vec::new(),
                list: ListState::default(),
                mark: None,
            },
            stack: Vec::new(),
            popup: None,
            input: None,
            status: None,
            size,
            comparisons: HashMap::new(),
            save_dir,
            should_quit: false,
            depth: ColorDepth::Palette256,
            themes: Vec::new(),
            highlight: Highlight::default(),
            draft_mode: false,
        }
    }

    /// How many speeches form the corpus (all but the `--check` draft).
    pub fn corpus_len(&self) -> usize {
        if self.draft_mode {
            self.docs.len().saturating_sub(1)
        } else {
            self.docs.len()
        }
    }

    pub fn reuse_index(&self) -> Option<&ReuseIndex> {
        match &self.reuse {
            ReuseState::Ready(r) => Some(r),
            _ => None,
        }
    }

    pub fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }
}
