//! Command-line interface, as fixed by the interface contract.

mod check;
mod compare;
mod formula;
mod list;
mod outline;
mod output;
mod reuse;
mod show;

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "speechtui",
    version,
    about = "Read Chinese official speeches and expose the template phrasing they recycle",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files and/or folders of the corpus (searched recursively); none: the bundled sample corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Skip the on-disk index cache.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Open the reader on DRAFT's borrowed passages and their sources in the corpus at PATH.
    #[arg(long, value_name = "DRAFT")]
    pub check: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The load report: speeches found, files skipped and why.
    List {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The cleaned text of one speech as the reader shows it.
    Show {
        /// A file path, or `path#N` for the N-th speech of a file that holds several.
        doc: OsString,
        /// The decoded file, chrome and all.
        #[arg(long)]
        raw: bool,
    },
    /// The section outline of one speech.
    Outline {
        /// A file path, or `path#N` for the N-th speech of a file that holds several.
        doc: OsString,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Aligned shared passages of two speeches.
    Compare {
        /// Speech A: a file path, or `path#N` for the N-th speech of a file that holds several.
        doc_a: OsString,
        /// Speech B, the same way.
        doc_b: OsString,
        #[arg(long, value_enum, default_value_t = compare::Format::Text)]
        format: compare::Format,
        /// With --format side-by-side: the total width in display cells (CJK characters take
        /// two), at least 40.
        #[arg(long, value_name = "N", default_value_t = 120,
              value_parser = clap::value_parser!(u64).range(40..=1000))]
        width: u64,
        /// Write the report to FILE (atomically) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// With -o: replace FILE if it exists (otherwise an existing file is never touched).
        #[arg(long, requires = "output")]
        force: bool,
        /// Shortest passage reported, in characters of the comparison key (punctuation and spaces
        /// not counted).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(4..=10_000))]
        min_len: Option<u64>,
        /// Lowest similarity of a reported passage, 0.5 to 1.
        #[arg(long, value_name = "S", value_parser = parse_similarity)]
        min_similarity: Option<f64>,
    },
    /// Corpus-wide boilerplate: most reused phrases, per-speech borrowed share, most similar pairs.
    Reuse {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// How many phrases and pairs to report.
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=100_000))]
        top: u64,
        /// Only phrases of this kind (default: every kind, each in its own group).
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// One formula's history (speeches per year, first use, variants) and its concordance.
    Formula {
        /// The formula, in any script or width (e.g. 放管服, 四個全面).
        text: String,
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Every passage of DRAFT found in the corpus at PATH, with its sources.
    Check {
        /// The draft: any file speechtui can load, or `path#N`.
        draft: OsString,
        /// The corpus (files and/or folders); none: the bundled sample corpus.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = check::CheckFormat::Text)]
        format: check::CheckFormat,
        /// Write the report to FILE (atomically) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// With -o: replace FILE if it exists (otherwise an existing file is never touched).
        #[arg(long, requires = "output")]
        force: bool,
        /// Total width of `--format side-by-side`.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(40..=1000))]
        width: u64,
    },
}

/// The kinds of repeated wording, as `--kind` names them.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindArg {
    Formula,
    Template,
    Passage,
    Heading,
    Vocabulary,
}

impl From<KindArg> for speechtui::reuse::Kind {
    fn from(k: KindArg) -> Self {
        use speechtui::reuse::Kind;
        match k {
            KindArg::Formula => Kind::Formula,
            KindArg::Template => Kind::Template,
            KindArg::Passage => Kind::Passage,
            KindArg::Heading => Kind::Heading,
            KindArg::Vocabulary => Kind::Vocabulary,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Parses the command line and runs it. Usage errors exit 2 (clap), other failures exit 1 with a
/// one-line `speechtui: …` on stderr.
pub fn main() -> ExitCode {
    let (args, no_cache_seen) = take_no_cache(std::env::args_os());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    let no_cache = cli.no_cache || no_cache_seen;
    let result = match cli.command {
        None => match missing_paths(&cli.paths) {
            Some(err) => Err(err),
            None => match &cli.check {
                Some(draft) => crate::tui::run_check(draft, &cli.paths, no_cache),
                None => crate::tui::run(&cli.paths, no_cache),
            },
        },
        Some(Command::List { paths, format }) => list::run(&paths, format),
        Some(Command::Show { doc, raw }) => show::run(&doc, raw),
        Some(Command::Outline { doc, format }) => outline::run(&doc, format),
        Some(Command::Compare {
            doc_a,
            doc_b,
            format,
            width,
            output,
            force,
            min_len,
            min_similarity,
        }) => compare::run(compare::Request {
            a: &doc_a,
            b: &doc_b,
            format,
            width: width as usize,
            output: output.as_deref(),
            force,
            min_len: min_len.map(|n| n as usize),
            min_similarity,
        }),
        Some(Command::Reuse {
            paths,
            top,
            kind,
            format,
        }) => reuse::run(&paths, top as usize, kind.map(Into::into), format, no_cache),
        Some(Command::Formula {
            text,
            paths,
            format,
        }) => formula::run(&text, &paths, format, no_cache),
        Some(Command::Check {
            draft,
            paths,
            format,
            output,
            force,
            width,
        }) => check::run(check::Request {
            draft: &draft,
            paths: &paths,
            format,
            output: output.as_deref(),
            force,
            width: width as usize,
            no_cache,
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err)
            if err
                .downcast_ref::<speechtui::corpus::BadDocSpec>()
                .is_some() =>
        {
            eprintln!("speechtui: {err}");
            ExitCode::from(2)
        }
        Err(err) => {
            // One line, whatever the chain of causes.
            let msg = format!("{err:#}").replace(['\n', '\r'], " ");
            eprintln!("speechtui: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Takes every `--no-cache` out of the arguments (up to a `--`): the contract lets it stand
/// anywhere, and before the command clap would read the command's name as a PATH of the reader.
fn take_no_cache(args: impl Iterator<Item = OsString>) -> (Vec<OsString>, bool) {
    let mut seen = false;
    let mut after_dashes = false;
    let mut kept = Vec::new();
    for arg in args {
        if !after_dashes && arg == OsStr::new("--no-cache") {
            seen = true;
            continue;
        }
        after_dashes |= arg == OsStr::new("--");
        kept.push(arg);
    }
    (kept, seen)
}

/// Help, version and usage errors from clap. Help and version are results like any other: a
/// failure to write them (`--help > /dev/full`) is exit 1 with one line.
fn clap_exit(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            match output::write_stdout(&e.render().to_string()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("speechtui: {err:#}");
                    ExitCode::from(1)
                }
            }
        }
        _ => {
            let _ = e.print();
            ExitCode::from(e.exit_code().clamp(0, 255) as u8)
        }
    }
}

/// When every PATH given to the reader is missing, a mistyped command (`speechtui lsit`) or path
/// is far likelier than a wish to browse nothing: say so instead of opening an empty reader.
fn missing_paths(paths: &[PathBuf]) -> Option<anyhow::Error> {
    let missing = |p: &PathBuf| {
        std::fs::symlink_metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    };
    if paths.is_empty() || !paths.iter().all(missing) {
        return None;
    }
    let shown = speechtui::text::safety::visible_inline(&paths[0].to_string_lossy()).into_owned();
    Some(anyhow::anyhow!(
        "{shown}: no such file or folder (commands: list, show, outline, compare, reuse, check; see --help)"
    ))
}

/// A similarity threshold: a number from 0.5 to 1 (below 0.5 a "passage" is mostly edits).
fn parse_similarity(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.5..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0.5..1"))
    }
}
