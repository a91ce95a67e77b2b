//! The interactive terminal UI (gitui/television style): one [`app::App`] state, one
//! [`app::Action`] enum, a pure [`update::update`], widgets in [`ui`] that draw from `&App`.
//! Loading, indexing and aligning run on worker threads and report through one channel; the
//! screen is redrawn only when something arrives.

mod app;
mod available;
mod config;
mod highlight;
mod highlight_mode;
mod keymap;
mod labels;
mod layout;
mod popup_text;
mod rows;
mod sanitize;
mod save;
mod search_hits;
mod selection;
mod signals;
mod terminal;
mod theme;
mod ui;
mod update;
mod wrap;

#[cfg(test)]
mod check_tests;
#[cfg(test)]
mod config_props;
#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod highlight_tests;
#[cfg(test)]
mod review_tests;
#[cfg(test)]
mod snapshots;
#[cfg(test)]
mod testdata;
#[cfg(test)]
mod update_tests;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use app::{Action, App, Effect, Phase};
use config::Config;
use theme::{ColorDepth, Theme};

/// A message to the UI thread, stamped when it was produced (for latency measurements).
struct Msg {
    action: Action,
    at: Instant,
}

fn send(tx: &Sender<Msg>, action: Action) -> bool {
    tx.send(Msg {
        action,
        at: Instant::now(),
    })
    .is_ok()
}

pub fn run(paths: &[PathBuf], no_cache: bool) -> anyhow::Result<()> {
    run_with(paths, no_cache, None)
}

/// The reader opened on a draft's sources (`speechtui --check DRAFT [PATH]...`). The draft is
/// opened before the terminal is taken, so a bad draft is a one-line error like everywhere else.
pub fn run_check(draft: &str, paths: &[PathBuf], no_cache: bool) -> anyhow::Result<()> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the interactive reader needs a terminal on stdin and stdout; \
             in scripts use `speechtui check`"
        );
    }
    let options = speechtui::corpus::LoadOptions::from_user_config()?;
    let doc = speechtui::corpus::open_doc_with(draft, &options)?;
    if speechtui::text::key::Key::new(&doc.text).is_empty() {
        anyhow::bail!(
            "{}: no speech text in the draft (nothing but punctuation or spaces)",
            speechtui::corpus::visible_inline(&doc.id)
        );
    }
    run_with(paths, no_cache, Some(doc))
}

fn run_with(
    paths: &[PathBuf],
    no_cache: bool,
    draft: Option<speechtui::corpus::Document>,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let ttys = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if let Some(problem) = terminal::unusable(ttys, std::env::var("TERM").ok().as_deref()) {
        anyhow::bail!(problem);
    }
    // No paths: the loader reads the bundled sample corpus.
    let paths = paths.to_vec();
    let depth = ColorDepth::from_env();
    let dir = config::config_dir();
    let config = Config::load(dir.as_deref(), depth);
    let save_dir = std::env::current_dir().context("cannot read the working directory")?;
    let mut trace = Trace::from_env(started);

    let mut term = terminal::enter(config.mouse).context("cannot set up the terminal")?;
    let size = term.size().map(|s| (s.width, s.height)).unwrap_or((80, 24));
    let mut app = App::new(config.theme, config.keymap, size, save_dir);
    app.depth = depth;
    app.themes = Theme::load_all(dir.map(|d| d.join("themes")).as_deref(), depth);
    match config.warnings.len() {
        0 => {}
        1 => app.set_error(config.warnings[0].clone()),
        n => app.set_error(format!(
            "{n} problems in the settings: {} lists them",
            app.keymap.first_label(keymap::Command::LoadReport)
        )),
    }
    app.config_warnings = config.warnings;
    app.draft_mode = draft.is_some();

    let result = event_loop(&mut term, &mut app, paths, no_cache, draft, &mut trace);
    terminal::restore();
    trace.finish();
    result
}

fn event_loop(
    term: &mut terminal::Term,
    app: &mut App,
    paths: Vec<PathBuf>,
    no_cache: bool,
    draft: Option<speechtui::corpus::Document>,
    trace: &mut Trace,
) -> anyhow::Result<()> {
    term.draw(|f| ui::draw(f, app))?;
    trace.first_frame();
    // Lets the end-to-end test check that a panic gives the terminal back (debug builds only).
    if cfg!(debug_assertions) && std::env::var_os("SPEECHTUI_DEBUG_PANIC").is_some() {
        panic!("panic requested by SPEECHTUI_DEBUG_PANIC");
    }

    let (tx, rx) = mpsc::channel::<Msg>();
    {
        let tx = tx.clone();
        // Without the signal thread the reader still works; it only loses the clean exit on
        // SIGTERM and the suspend on SIGTSTP.
        let _ = signals::spawn(move |s| send(&tx, Action::Os(s)));
    }
    spawn_input(tx.clone());
    spawn_ticker(tx.clone());
    spawn_loader(tx.clone(), paths, no_cache, draft);

    let mut docs_for_effects = app.docs.clone();
    let sources = SourceIndexSlot::default();
    while let Ok(first) = rx.recv() {
        let mut redraw = false;
        let mut oldest_key: Option<Instant> = None;
        // Take everything already waiting, so a burst of progress events costs one frame.
        let mut pending = vec![first];
        while let Ok(m) = rx.try_recv() {
            pending.push(m);
        }
        for msg in pending {
            if let Action::Os(sig) = msg.action {
                match sig {
                    signals::OsSignal::Terminate(s) => {
                        terminal::restore();
                        trace.finish();
                        signals::die_of(s);
                    }
                    signals::OsSignal::Suspend => suspend(term)?,
                    signals::OsSignal::Resumed => terminal::reenter(term)?,
                }
                redraw = true;
                continue;
            }
            let is_key = matches!(msg.action, Action::Key(_));
            let is_tick = matches!(msg.action, Action::Tick);
            if is_tick && !matches!(app.phase, Phase::Loading { .. }) {
                continue;
            }
            if is_key {
                oldest_key.get_or_insert(msg.at);
            }
            let loaded = matches!(msg.action, Action::Loaded(_));
            match &msg.action {
                Action::Indexed(_) => trace.mark("indexed_ms"),
                Action::Folded(_) => trace.mark("folded_ms"),
                _ => {}
            }
            let effects = update::update(app, msg.action);
            if loaded {
                docs_for_effects = app.docs.clone();
                trace.loaded(app.docs.len());
            }
            let ctx = EffectContext {
                report: match &app.reuse {
                    app::ReuseState::Ready(r) => Some(r.clone()),
                    _ => None,
                },
                no_cache,
                sources: sources.clone(),
            };
            for effect in effects {
                if effect == Effect::Suspend {
                    suspend(term)?;
                } else {
                    run_effect(effect, &tx, &docs_for_effects, &ctx);
                }
            }
            redraw = true;
        }
        if app.should_quit {
            break;
        }
        if redraw {
            term.draw(|f| ui::draw(f, app))?;
            if let Some(at) = oldest_key {
                trace.key(at.elapsed());
            }
            if trace.wants_library_frame && matches!(app.phase, Phase::Ready) {
                trace.library_frame();
            }
        }
    }
    Ok(())
}

/// Gives the terminal back, stops until `fg`, then takes it again (the caller redraws).
fn suspend(term: &mut terminal::Term) -> anyhow::Result<()> {
    terminal::restore();
    signals::stop();
    terminal::reenter(term)?;
    Ok(())
}

/// What effects need besides the speeches: the reuse index (its formulas, for checks), whether
/// the on-disk cache may be used, and the checks' source index once built (shared by the
/// workers of one session: the speeches never change while the TUI runs).
#[derive(Clone, Default)]
struct EffectContext {
    report: Option<Arc<app::ReuseIndex>>,
    no_cache: bool,
    sources: SourceIndexSlot,
}

/// The source index of the corpus a check last ran against, keyed by the corpus's content.
type SourceIndexSlot = Arc<
    std::sync::Mutex<
        Option<(
            speechtui::reuse::ContentHash,
            Arc<speechtui::check::SourceIndex>,
        )>,
    >,
>;

fn run_effect(
    effect: Effect,
    tx: &Sender<Msg>,
    docs: &Arc<Vec<speechtui::corpus::Document>>,
    ctx: &EffectContext,
) {
    match effect {
        // Aligning and checking can take a while on long speeches: off the UI thread.
        Effect::Compare { .. } | Effect::Check { .. } => {
            let tx = tx.clone();
            let docs = docs.clone();
            let ctx = ctx.clone();
            std::thread::spawn(move || send(&tx, perform(effect, &docs, &ctx)));
        }
        // A save is one small atomic write: done here, so its result shows on the next frame.
        Effect::Save { .. } => {
            send(tx, perform(effect, docs, ctx));
        }
        Effect::Suspend => {}
    }
}

/// The source index of the first `corpus` speeches, built (or read from the disk cache) once
/// and kept in `slot` for the next check.
fn source_index(
    docs: &[speechtui::corpus::Document],
    corpus: usize,
    no_cache: bool,
    slot: &SourceIndexSlot,
) -> (Arc<speechtui::check::SourceIndex>, Vec<String>) {
    let texts: Vec<&str> = docs[..corpus].iter().map(|d| d.text.as_str()).collect();
    let key = speechtui::check::index::cache_key(&texts);
    let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((k, idx)) = slot.as_ref() {
        if *k == key {
            return (idx.clone(), Vec::new());
        }
    }
    let mut warnings = Vec::new();
    let cache = speechtui::reuse::cache::Cache::open_for_use(no_cache, None, &mut warnings);
    let (idx, _) = speechtui::check::index::load_or_build(&texts, cache.as_ref(), &mut warnings);
    let idx = Arc::new(idx);
    *slot = Some((key, idx.clone()));
    (idx, warnings)
}

/// Does the work of an effect and says how it went.
fn perform(effect: Effect, docs: &[speechtui::corpus::Document], ctx: &EffectContext) -> Action {
    match effect {
        Effect::Check { draft, corpus } => {
            let Some(reuse) = &ctx.report else {
                return Action::Checked {
                    draft,
                    check: Err("the reuse index is not ready".into()),
                };
            };
            let corpus = corpus.min(docs.len());
            let (index, warnings) = source_index(docs, corpus, ctx.no_cache, &ctx.sources);
            let mut check = speechtui::check::check_with(
                &docs[draft].text,
                &docs[..corpus],
                &index,
                &reuse.report,
                &speechtui::check::Options::default(),
            );
            // Shown on screen and kept in the saved report.
            check.warnings = warnings;
            Action::Checked {
                draft,
                check: Ok(Arc::new(check)),
            }
        }
        Effect::Compare { a, b } => {
            let params = speechtui::align::Params::default();
            let comparison = speechtui::align::compare(&docs[a].text, &docs[b].text, &params);
            Action::Compared {
                a,
                b,
                comparison: Arc::new(comparison),
            }
        }
        Effect::Save {
            path,
            contents,
            overwrite,
        } => match save::write(&path, &contents, overwrite) {
            Ok(save::Written::Done(p)) => Action::Saved(Ok(p)),
            Ok(save::Written::Exists) => Action::SaveConflict { path, contents },
            Err(e) => Action::Saved(Err(e)),
        },
        // Only the event loop can suspend; in tests nothing happens.
        Effect::Suspend => Action::Tick,
    }
}

/// Performs an effect at once on the app's speeches and index, as a worker would (for tests).
#[cfg(test)]
fn perform_now(effect: Effect, app: &App) -> Action {
    let ctx = EffectContext {
        report: match &app.reuse {
            app::ReuseState::Ready(r) => Some(r.clone()),
            _ => None,
        },
        no_cache: true,
        sources: SourceIndexSlot::default(),
    };
    perform(effect, &app.docs.clone(), &ctx)
}

/// Applies `action` and performs its effects at once, as the event loop would (for tests).
#[cfg(test)]
fn update_sync(app: &mut App, action: Action) {
    let mut queue = vec![action];
    while let Some(a) = queue.pop() {
        for e in update::update(app, a) {
            queue.push(perform_now(e, app));
        }
    }
}

fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || loop {
        let action = match event::read() {
            Ok(Event::Key(k)) => Action::Key(k),
            // Only what the reader uses: pointer motion would cost a frame per cell crossed.
            Ok(Event::Mouse(m))
                if matches!(
                    m.kind,
                    MouseEventKind::ScrollUp
                        | MouseEventKind::ScrollDown
                        | MouseEventKind::Down(MouseButton::Left)
                ) =>
            {
                Action::Mouse(m)
            }
            Ok(Event::Resize(w, h)) => Action::Resize(w, h),
            Ok(_) => continue,
            Err(_) => break,
        };
        if !send(&tx, action) {
            break;
        }
    });
}

fn spawn_ticker(tx: Sender<Msg>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(120));
        if !send(&tx, Action::Tick) {
            break;
        }
    });
}

fn spawn_loader(
    tx: Sender<Msg>,
    paths: Vec<PathBuf>,
    no_cache: bool,
    draft: Option<speechtui::corpus::Document>,
) {
    std::thread::spawn(move || {
        let load_progress = |p: speechtui::corpus::LoadProgress| {
            send(&tx, Action::LoadProgress(p.done, p.total));
        };
        // The user's chrome patterns, as `list` and `show` use them; a file that cannot be read
        // is reported in the load report and the built-in patterns are used.
        let (options, options_problem) = match speechtui::corpus::LoadOptions::from_user_config() {
            Ok(o) => (o, None),
            Err(e) => (speechtui::corpus::LoadOptions::default(), Some(e)),
        };
        let report = match speechtui::corpus::load_with(&paths, &options, &load_progress) {
            Ok(mut r) => {
                if let (Some(e), Some(path)) =
                    (options_problem, speechtui::corpus::user_patterns_file())
                {
                    r.skipped.push(speechtui::corpus::Skipped {
                        path,
                        reason: format!("not used, built-in patterns only: {e:#}"),
                    });
                }
                r
            }
            Err(e) => {
                send(&tx, Action::Indexed(Err(format!("{e:#}"))));
                speechtui::corpus::LoadReport::default()
            }
        };
        let mut report = report;
        // `--check`: the draft comes last, after the corpus (`App::corpus_len`).
        if let Some(draft) = draft {
            report.documents.push(draft);
        }
        let docs = report.documents.clone();
        if !send(&tx, Action::Loaded(report)) {
            return;
        }
        {
            use rayon::prelude::*;
            let folded = docs.par_iter().map(update::library::folded_doc).collect();
            send(&tx, Action::Folded(folded));
        }
        let options = speechtui::reuse::Options {
            no_cache,
            ..Default::default()
        };
        // Progress callbacks can come by the thousand: pass on at most one per percent.
        let last = std::sync::Mutex::new((String::new(), usize::MAX));
        let progress = |p: speechtui::reuse::Progress| {
            let pct = p.done * 100 / p.total.max(1);
            let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
            if last.0 != p.stage || last.1 != pct {
                *last = (p.stage.to_string(), pct);
                send(&tx, Action::IndexProgress(p));
            }
        };
        let result = speechtui::reuse::build(&docs, &options, &progress);
        let index = result.map(|report| Box::new(app::ReuseIndex::new(report, &docs)));
        send(&tx, Action::Indexed(index.map_err(|e| format!("{e:#}"))));
    });
}

/// Timings for benches/README.md, written to `$SPEECHTUI_TRACE` when it is set: first frame,
/// first library frame, and per key press the time from the key's arrival to its frame on screen.
struct Trace {
    file: Option<PathBuf>,
    started: Instant,
    lines: Vec<String>,
    wants_library_frame: bool,
}

impl Trace {
    fn from_env(started: Instant) -> Trace {
        Trace {
            file: std::env::var_os("SPEECHTUI_TRACE").map(PathBuf::from),
            started,
            lines: Vec::new(),
            wants_library_frame: true,
        }
    }

    fn on(&self) -> bool {
        self.file.is_some()
    }

    fn first_frame(&mut self) {
        if self.on() {
            let ms = self.started.elapsed().as_secs_f64() * 1e3;
            self.lines.push(format!("first_frame_ms {ms:.1}"));
        }
    }

    fn loaded(&mut self, n: usize) {
        if self.on() {
            let ms = self.started.elapsed().as_secs_f64() * 1e3;
            self.lines.push(format!("loaded_ms {ms:.1} docs {n}"));
        }
    }

    fn mark(&mut self, what: &str) {
        if self.on() {
            let ms = self.started.elapsed().as_secs_f64() * 1e3;
            self.lines.push(format!("{what} {ms:.1}"));
        }
    }

    fn library_frame(&mut self) {
        self.wants_library_frame = false;
        if self.on() {
            let ms = self.started.elapsed().as_secs_f64() * 1e3;
            self.lines.push(format!("library_frame_ms {ms:.1}"));
        }
    }

    fn key(&mut self, d: Duration) {
        if self.on() {
            let at = self.started.elapsed().as_secs_f64() * 1e3;
            self.lines
                .push(format!("key_ms {:.2} at_ms {at:.0}", d.as_secs_f64() * 1e3));
        }
    }

    fn finish(&mut self) {
        if let Some(path) = &self.file {
            if let Ok(mut f) = std::fs::File::create(path) {
                let _ = f.write_all((self.lines.join("\n") + "\n").as_bytes());
            }
        }
    }
}
