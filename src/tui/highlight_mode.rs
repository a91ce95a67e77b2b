//! The reader's highlight modes: which kinds of mark each one shows. Apart from the legend and
//! styles (`highlight`), so that the app state can hold a mode without depending on drawing code.

use speechtui::reuse::marks::MarkKind;

/// What the reader marks, cycled with one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Highlight {
    /// Passages shared with few other speeches, and formulas: what a reader looks for.
    #[default]
    Copied,
    Formulas,
    /// Every shared passage, templates included.
    Everything,
    Off,
}

impl Highlight {
    pub const ALL: [Highlight; 4] = [
        Highlight::Copied,
        Highlight::Formulas,
        Highlight::Everything,
        Highlight::Off,
    ];

    pub fn next(self) -> Highlight {
        let at = Highlight::ALL.iter().position(|&h| h == self).unwrap_or(0);
        Highlight::ALL[(at + 1) % Highlight::ALL.len()]
    }

    pub fn name(self) -> &'static str {
        match self {
            Highlight::Copied => "copied + formulas",
            Highlight::Formulas => "formulas only",
            Highlight::Everything => "everything shared",
            Highlight::Off => "marks off",
        }
    }

    pub fn shows(self, kind: MarkKind) -> bool {
        match self {
            Highlight::Copied => matches!(kind, MarkKind::Copied | MarkKind::Formula),
            Highlight::Formulas => kind == MarkKind::Formula,
            Highlight::Everything => true,
            Highlight::Off => false,
        }
    }
}
