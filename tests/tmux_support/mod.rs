//! The `speechtui` binary in a real terminal: a tmux pane on a private server, driven by keys and
//! read back as a user would see it. Shared by the end-to-end, terminal-safety and soak tests.
#![allow(dead_code)] // each test crate uses its own part of it

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// One tmux server of our own (its socket named after the test and the process), one session.
pub struct Tmux {
    socket: String,
    session: String,
}

/// Whether tmux is installed; the tests skip with a note when it is not (CI installs it).
pub fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Tmux {
    /// Runs `script` with `sh -c` in a new detached `width`×`height` session.
    pub fn start(name: &str, width: u16, height: u16, script: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("speechtui-{name}-{}", std::process::id()),
            session: name.to_string(),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux.cmd(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &w,
            "-y",
            &h,
            "sh",
            "-c",
            script,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    pub fn session(&self) -> &str {
        &self.session
    }

    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// One key by its tmux name (`Enter`, `C-c`, `j`), without waiting.
    pub fn key(&self, key: &str) {
        self.cmd(&["send-keys", "-t", &self.session, key]);
    }

    /// Keys one after the other, each given time to be drawn, as a typist would.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.key(k);
            std::thread::sleep(Duration::from_millis(80));
        }
    }

    /// Text typed as it is (CJK included), not looked up as a key name.
    pub fn literal(&self, text: &str) {
        self.cmd(&["send-keys", "-l", "-t", &self.session, text]);
    }

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.cmd(&["resize-window", "-t", &self.session, "-x", &w, "-y", &h]);
    }

    /// The pane's text as it is shown now.
    pub fn screen(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-t", &self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A tmux format of the pane (`#{pane_pid}`, `#{alternate_on}`, …).
    pub fn format(&self, fmt: &str) -> String {
        let out = self.cmd(&["display-message", "-p", "-t", &self.session, fmt]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen satisfies `pred`; panics with the screen after `limit`.
    pub fn wait_within(&self, what: &str, limit: Duration, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait_within(what, Duration::from_secs(20), pred)
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// After the program exited: raw mode is off (`stty -a` taken by the shell afterwards shows
    /// line editing and echo) and the pane is off the alternate screen.
    pub fn assert_terminal_restored(&self, stty: &str) {
        let words: Vec<&str> = stty.split_whitespace().collect();
        assert!(
            words.contains(&"icanon") && words.contains(&"echo"),
            "terminal left raw:\n{stty}"
        );
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "still on the alternate screen"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}
