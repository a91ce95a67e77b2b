//! Terminal safety end to end: the real `speechtui` TUI in tmux over documents (and file names, and
//! a config file) full of escape sequences, C1 controls, bidi controls and zero-width characters.
//! tmux's `pipe-pane` records every byte the program writes to its terminal; the test walks
//! through the library, the load report, the reader with its outline and search, a comparison, a
//! save and the boilerplate explorer, and then asserts that no sequence that came from a
//! document reached the terminal.
//!
//! The document's sequences are ones a TUI never emits itself (OSC, DCS, APC, RIS, DECALN, device
//! status queries, BEL, C1, bidi and zero-width characters), so finding one in the byte stream can
//! only mean it came from a document. Skips (passes with a note) when tmux is not installed.

mod common;

use std::path::Path;
use std::time::Duration;

mod tmux_support;

use tmux_support::{have_tmux, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_speechtui");

/// A speech salted with hostile sequences in its title, a heading and its prose.
fn hostile_speech() -> String {
    [
        "在全市\x1b]0;PWNED\x07经济工作会议上的\u{202e}讲话\n",
        "同志们：\n",
        "今天我们召开\x1b[6n全市经济工作会议，主要任务是\x1bP+q544e\x1b\\总结上半年工作，部署下半年任务。\n",
        "一、\x1b]52;c;cm0gLXJmIH4=\x07坚定信心\u{200b}，狠抓\u{200d}落实\n",
        "希望大家统一思想\x1bc、提高认识\x1b#8、狠抓落实，确保全年目标\u{9b}2J任务圆满完成。\u{7}\u{8}\n",
        "二、\x1b_APC\x1b\\坚持以人民为中心的发展思想\u{2066}扎实推进各项工作\u{2069}\u{feff}\n",
        "要坚持以人民为中心的发展思想，扎实推进各项工作，确保全年目标任务圆满完成。\x1b[20h\n",
        "谢谢大家！\n",
    ]
    .concat()
}

/// An ordinary speech sharing passages with the hostile one, so the comparison shows them.
const PLAIN: &str = "在全县经济工作会议上的讲话\n同志们：\n今天我们召开全县经济工作会议，主要任务是总结上半年工作，部署下半年任务。\n一、坚定信心，狠抓落实\n希望大家统一思想、提高认识、狠抓落实，确保全年目标任务圆满完成。\n二、坚持以人民为中心的发展思想\n要坚持以人民为中心的发展思想，扎实推进各项工作，确保全年目标任务圆满完成。\n谢谢大家！\n";

/// Byte sequences a document may hold and the TUI never writes on its own.
const FORBIDDEN: &[(&str, &[u8])] = &[
    ("OSC", b"\x1b]"),
    ("DCS", b"\x1bP"),
    ("APC", b"\x1b_"),
    ("PM", b"\x1b^"),
    ("SOS", b"\x1bX"),
    ("RIS", b"\x1bc"),
    ("DECALN", b"\x1b#"),
    ("device status query", b"\x1b[6n"),
    ("line feed/new line mode", b"\x1b[20h"),
    ("BEL", b"\x07"),
    ("BS", b"\x08"),
    ("C1 CSI", "\u{9b}".as_bytes()),
    ("RLO", "\u{202e}".as_bytes()),
    ("LRI", "\u{2066}".as_bytes()),
    ("PDI", "\u{2069}".as_bytes()),
    ("ZWSP", "\u{200b}".as_bytes()),
    ("ZWJ", "\u{200d}".as_bytes()),
    ("BOM", "\u{feff}".as_bytes()),
];

fn build_corpus(dir: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Sorted first: the library opens on it.
    std::fs::write(corpus.join("a-hostile.txt"), hostile_speech()).unwrap();
    std::fs::write(corpus.join("b-plain.txt"), PLAIN).unwrap();
    // No title line: the title comes from the hostile file name.
    let untitled = PLAIN.split_once('\n').unwrap().1;
    let name = b"c-\x1b]0;PWNED\x07\xe2\x80\xae\xc2\x9b2J\nname.txt";
    std::fs::write(corpus.join(std::ffi::OsStr::from_bytes(name)), untitled).unwrap();
    // Skipped files with hostile names: shown in the load report.
    std::fs::write(corpus.join("d-\x1b[6n\x1bPempty.txt"), "").unwrap();
    std::fs::write(
        corpus.join(std::ffi::OsStr::from_bytes(b"e-\xff\xfe\x1b_x.png")),
        b"\x89PNG",
    )
    .unwrap();
    // A config whose theme name and key binding are escape sequences: their warnings go to the
    // status line.
    let config = dir.join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "theme = \"\\u001b]0;PWNED\\u0007\\u202e\"\n[keys]\nsort_year = \"\\u001b[6n\"\nsort_borrowed = [\"\\u009b2J\"]\n",
    )
    .unwrap();
}

fn start(dir: &Path) -> Tmux {
    // The program starts only once the pipe is attached, so its very first bytes are recorded.
    let script = format!(
        "unset RUST_BACKTRACE; cd '{dir}' && while [ ! -e go ]; do sleep 0.05; done; \
         TERM=xterm-256color SPEECHTUI_CONFIG_DIR='{dir}/config' SPEECHTUI_CACHE_DIR='{dir}/cache' \
         '{BIN}' '{dir}/corpus'; echo $? > '{dir}/exit'; echo DONE; sleep 600",
        dir = dir.display(),
    );
    let tmux = Tmux::start("harden", 100, 30, &script);
    let pipe = format!("cat >> '{}/raw'", dir.display());
    let out = tmux.cmd(&["pipe-pane", "-t", tmux.session(), &pipe]);
    assert!(out.status.success());
    std::fs::write(dir.join("go"), "").unwrap();
    tmux
}

#[test]
fn no_document_sequence_reaches_the_terminal() {
    if !have_tmux() {
        common::skipped("tmux is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    build_corpus(dir);
    let tmux = start(dir);

    let library = tmux.wait_text("Library · 3 speeches");
    // The hostile titles are shown, their sequences neutralised; so are the config's warnings.
    assert!(library.contains("在全市经济工作会议上的"), "{library}");
    assert!(library.contains("␛]0;PWNED␇"), "{library}");
    assert!(library.contains("problems in the settings"), "{library}");
    // Load report: the skipped hostile names, and the config's warnings.
    tmux.keys(&["L"]);
    let report = tmux.wait_text("empty");
    assert!(report.contains("unknown key"), "{report}");
    tmux.keys(&["Escape"]);
    // Sorted by title: the name-titled speech, then 全县 (plain), then 全市 (hostile).
    tmux.keys(&["1"]);
    // Reader on the hostile speech: outline, paging, search.
    tmux.keys(&["G", "Enter"]);
    let reader = tmux.wait_text("Reader ·");
    assert!(reader.contains("在全市经济工作会议上的"), "{reader}");
    tmux.keys(&["o", "o", "Tab", "j", "Enter", "Tab", "PageDown", "g"]);
    tmux.keys(&["/", "落", "实", "Enter", "n", "N", "Escape", "Escape"]);
    tmux.wait_text("Library");
    // The speech whose title came from its hostile file name.
    tmux.keys(&["g", "Enter"]);
    tmux.wait_text("Reader ·");
    tmux.keys(&["Escape"]);
    // Compare the hostile speech with the plain one, walk the passages, fold, swap, save.
    tmux.keys(&["G", "c"]);
    tmux.wait_text("marked");
    tmux.keys(&["k", "c"]);
    let cmp = tmux.wait_text("borrowed ·");
    assert!(
        cmp.contains("在全市经济工作会议上的") && cmp.contains("全县"),
        "{cmp}"
    );
    tmux.keys(&["]", "]", "[", "z", "/", "落", "Enter", "n", "z"]);
    tmux.keys(&["s"]);
    tmux.wait_text("save comparison as:");
    tmux.keys(&["Enter"]);
    tmux.wait_text("saved ");
    tmux.keys(&["Escape"]);
    // The boilerplate explorer and a concordance.
    tmux.keys(&["b"]);
    std::thread::sleep(Duration::from_millis(500));
    tmux.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["Escape", "Escape", "Escape"]);
    tmux.keys(&["q"]);
    tmux.wait_text("DONE");
    let exit = std::fs::read_to_string(dir.join("exit")).unwrap();
    assert_eq!(exit.trim(), "0");
    // Let the pipe flush.
    std::thread::sleep(Duration::from_millis(300));

    let raw = std::fs::read(dir.join("raw")).unwrap();
    assert!(raw.len() > 10_000, "only {} bytes recorded", raw.len());
    for (what, seq) in FORBIDDEN {
        if let Some(at) = raw.windows(seq.len()).position(|w| w == *seq) {
            let from = at.saturating_sub(60);
            panic!(
                "{what} from a document reached the terminal at byte {at}: {:?}",
                String::from_utf8_lossy(&raw[from..(at + 60).min(raw.len())])
            );
        }
    }
    // No C1 control at all, as UTF-8 or as a raw byte outside UTF-8 sequences.
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "C1 control in the output"
    );

    // The saved report: plain text, no control character but newline.
    let saved: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let report = std::fs::read_to_string(&saved[0]).unwrap();
    // Side by side, wrapped: A's column, marks dropped, read as one text.
    let left: String = report
        .lines()
        .filter_map(|l| l.split_once(" │ ").map(|(a, _)| a))
        .map(|a| a.chars().skip(2).collect::<String>().trim_end().to_string())
        .collect();
    assert!(left.contains("确保全年目标任务圆满完成"), "{report}");
    if let Some(c) = report
        .chars()
        .find(|&c| (c.is_control() && c != '\n') || speechtui::text::safety::is_bidi_control(c))
    {
        panic!("U+{:04X} in the saved report", c as u32);
    }
}
