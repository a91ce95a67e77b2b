//! Command-line interface, as fixed by the interface contract.

mod check;
mod compare;
mod list;
mod outline;
mod reuse;
mod show;

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
        doc: String,
        /// The decoded file, chrome and all.
        #[arg(long)]
        raw: bool,
    },
    /// The section outline of one speech.
    Outline {
        /// A file path, or `path#N` for the N-th speech of a file that holds several.
        doc: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Aligned shared passages of two speeches.
    Compare {
        /// Speech A: a file path, or `path#N` for the N-th speech of a file that holds several.
        doc_a: String,
        /// Speech B, the same way.
        doc_b: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Every passage of DRAFT found in the corpus at PATH, with its sources.
    Check {
        /// The draft: any file speechtui can load, or `path#N`.
        draft: String,
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

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Parses the command line and runs it. Usage errors exit 2 (clap), other failures exit 1 with a
/// one-line `speechtui: …` on stderr.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let no_cache = cli.no_cache;
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
            output,
            force,
            min_len,
            min_similarity,
        }) => compare::run(compare::Request {
            a: &doc_a,
            b: &doc_b,
            format,
            output: output.as_deref(),
            force,
            min_len: min_len.map(|n| n as usize),
            min_similarity,
        }),
        Some(Command::Reuse { paths, top, format }) => {
            reuse::run(&paths, top as usize, format, no_cache)
        }
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
        Err(err) => {
            // One line, whatever the chain of causes.
            let msg = format!("{err:#}").replace(['\n', '\r'], " ");
            eprintln!("speechtui: {msg}");
            ExitCode::from(1)
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
    let shown = speechtui::corpus::clean::visible_inline(&paths[0].to_string_lossy()).into_owned();
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
