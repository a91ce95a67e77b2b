//! Saving under faults (`export::write_atomic`, and `speechtui compare -o` through the binary):
//! a folder that cannot be written, a full disk, a file size limit, a name that exists, racing
//! writers. Whatever happens: a clear one-line error, never a partial or truncated file, never a
//! lost older file, no temporary file left behind.
//!
//! Real faults where the machine allows them: as root, a small tmpfs is mounted for the full-disk
//! and read-only cases (`mount -t tmpfs -o size=64k`); without that privilege those two tests print
//! a note and pass on the fallbacks that always run (a parent that is a file, a per-process file
//! size limit set with `ulimit -f`, which makes the kernel fail the write like a full disk).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use speechtui::export::{write_atomic, WriteError};

const OLD: &str = "较早保存的对比报告：必须完好保留。\n";

/// Every entry of a folder, names and contents, for "nothing changed, nothing left behind".
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = if e.file_type().unwrap().is_file() {
                fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    v.sort();
    v
}

fn assert_one_line(err: &str) {
    assert!(!err.is_empty());
    assert!(
        !err.chars().any(|c| c.is_control()),
        "control character in the error: {err:?}"
    );
}

/// A tmpfs mounted for the test and unmounted when dropped (even when the test fails).
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(options: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            Some(Tmpfs { dir })
        } else {
            common::skipped("cannot mount a tmpfs here (needs privileges); real-fault case");
            None
        }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn remount(&self, options: &str) -> bool {
        Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(self.path())
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_keeps_the_older_file_and_leaves_nothing() {
    let Some(fs64k) = Tmpfs::mount("size=64k") else {
        return;
    };
    let dir = fs64k.path();
    let target = dir.join("report.txt");
    fs::write(&target, OLD).unwrap();
    let before = snapshot(dir);
    let big = "同志们，".repeat(100_000); // 1.2 MB: cannot fit in 64 KB
    for overwrite in [true, false] {
        let err = write_atomic(&target, big.as_bytes(), overwrite).unwrap_err();
        if overwrite {
            let msg = err.to_string();
            assert!(matches!(err, WriteError::Io { .. }), "{err:?}");
            assert!(msg.contains("No space left"), "{msg}");
            assert_one_line(&msg);
        } else {
            assert!(matches!(err, WriteError::Exists(_)), "{err:?}");
        }
        assert_eq!(snapshot(dir), before, "older file changed or leftovers");
    }
    // A new name on the full disk: an error, and no partial file under that name.
    let new = dir.join("new.txt");
    let err = write_atomic(&new, big.as_bytes(), false).unwrap_err();
    assert!(err.to_string().contains("No space left"), "{err}");
    assert!(!new.exists());
    assert_eq!(snapshot(dir), before);
    // What fits is written whole.
    write_atomic(&new, "小报告\n".as_bytes(), false).unwrap();
    assert_eq!(fs::read_to_string(&new).unwrap(), "小报告\n");
}

#[test]
fn no_inode_left_for_the_temporary_file() {
    // The disk has room but no free inode: the temporary file cannot even be created.
    let Some(tiny) = Tmpfs::mount("size=64k,nr_inodes=2") else {
        return;
    };
    let dir = tiny.path();
    let target = dir.join("report.txt");
    fs::write(&target, OLD).unwrap();
    let before = snapshot(dir);
    let err = write_atomic(&target, b"new", true).unwrap_err();
    assert!(err.to_string().starts_with("cannot write"), "{err}");
    assert_one_line(&err.to_string());
    assert_eq!(snapshot(dir), before);
}

#[test]
fn a_read_only_file_system_is_a_clear_error() {
    let Some(ro) = Tmpfs::mount("size=64k") else {
        return;
    };
    let target = ro.path().join("report.txt");
    fs::write(&target, OLD).unwrap();
    assert!(ro.remount("ro"), "remount read-only");
    let before = snapshot(ro.path());
    for overwrite in [true, false] {
        let err = write_atomic(&target, b"new", overwrite).unwrap_err();
        if overwrite {
            assert!(err.to_string().contains("Read-only file system"), "{err}");
        }
        assert_eq!(snapshot(ro.path()), before);
    }
    let err = write_atomic(&ro.path().join("new.txt"), b"new", false).unwrap_err();
    assert!(err.to_string().contains("Read-only file system"), "{err}");
    assert_one_line(&err.to_string());
    assert!(ro.remount("rw"));
}

#[test]
fn a_folder_without_write_permission() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("locked");
    fs::create_dir(&dir).unwrap();
    let target = dir.join("report.txt");
    fs::write(&target, OLD).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
    let result = write_atomic(&target, b"new", true);
    let root = fs::write(dir.join("probe"), b"").is_ok();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    if root {
        // Permissions do not stop root: the write simply succeeds, whole.
        eprintln!("note: running as root, a mode 0555 folder is writable; see the tmpfs test");
        result.unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
    } else {
        let err = result.unwrap_err();
        assert!(err.to_string().contains("ermission denied"), "{err}");
        assert_eq!(fs::read_to_string(&target).unwrap(), OLD);
    }
}

#[test]
fn a_parent_that_is_a_file_is_a_clear_error() {
    // Works for any user: no folder can be created under a file.
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-folder");
    fs::write(&file, OLD).unwrap();
    let err = write_atomic(&file.join("report.txt"), b"new", false).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("cannot write") && msg.contains("Not a directory"),
        "{msg}"
    );
    assert_one_line(&msg);
    assert_eq!(fs::read_to_string(&file).unwrap(), OLD);
    assert_eq!(snapshot(tmp.path()).len(), 1);
}

#[test]
fn an_existing_name_is_never_replaced_without_asking() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("report.txt");
    fs::write(&target, OLD).unwrap();
    let err = write_atomic(&target, b"new", false).unwrap_err();
    assert!(matches!(err, WriteError::Exists(_)));
    assert!(err.to_string().contains("already exists"));
    assert_eq!(fs::read_to_string(&target).unwrap(), OLD);
    // A dangling symbolic link is a name that exists too, and a link is never replaced.
    let link = tmp.path().join("link.txt");
    std::os::unix::fs::symlink(tmp.path().join("nowhere"), &link).unwrap();
    for overwrite in [false, true] {
        assert!(matches!(
            write_atomic(&link, b"new", overwrite),
            Err(WriteError::NotRegular { .. })
        ));
    }
    assert!(!tmp.path().join("nowhere").exists());
    assert_eq!(snapshot(tmp.path()).len(), 2, "leftovers");
}

#[test]
fn racing_writers_of_one_name_one_wins_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("report.txt");
    let outcomes: Vec<Result<usize, bool>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|k| {
                let target = &target;
                s.spawn(move || {
                    let body = format!("{k}:{}", "对比报告".repeat(10_000));
                    match write_atomic(target, body.as_bytes(), false) {
                        Ok(()) => Ok(k),
                        Err(WriteError::Exists(_)) => Err(true),
                        Err(_) => Err(false),
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let winners: Vec<usize> = outcomes.iter().filter_map(|o| o.ok()).collect();
    assert_eq!(winners.len(), 1, "{outcomes:?}");
    assert!(outcomes.iter().all(|o| o.is_ok() || *o == Err(true)));
    let expected = format!("{}:{}", winners[0], "对比报告".repeat(10_000));
    assert_eq!(fs::read_to_string(&target).unwrap(), expected);
    assert_eq!(snapshot(tmp.path()).len(), 1, "leftovers");
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample")
        .join(name)
}

/// `speechtui compare A B -o FILE` under a file size limit of 1 KB (`ulimit -f`, SIGXFSZ ignored
/// so the write fails with EFBIG instead of killing the process): the kernel refuses the write
/// part-way, exactly as on a full disk.
fn compare_under_size_limit(out: &Path) -> std::process::Output {
    let script = "trap '' XFSZ; ulimit -f 2; exec \"$0\" compare \"$1\" \"$2\" -o \"$3\"";
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_speechtui"))
        .arg(sample("004_3bce6aca9e0e3511.txt#4"))
        .arg(sample("004_3bce6aca9e0e3511.txt#4"))
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn the_binary_under_a_failing_write() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("对比.txt");
    // A speech with itself: a report of ~50 KB, far larger than the limit allows.
    let full = Command::new(env!("CARGO_BIN_EXE_speechtui"))
        .arg("compare")
        .arg(sample("004_3bce6aca9e0e3511.txt#4"))
        .arg(sample("004_3bce6aca9e0e3511.txt#4"))
        .output()
        .unwrap();
    assert!(
        full.stdout.len() > 4096,
        "report of {} bytes",
        full.stdout.len()
    );

    let r = compare_under_size_limit(&out);
    let err = String::from_utf8(r.stderr).unwrap();
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert!(err.starts_with("speechtui: cannot write"), "{err}");
    assert!(err.contains("File too large"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert_eq!(
        err.matches("File too large").count(),
        1,
        "cause repeated: {err}"
    );
    assert!(snapshot(tmp.path()).is_empty(), "partial file left");

    // With an older report under that name: kept, and the refusal comes first.
    fs::write(&out, OLD).unwrap();
    let r = compare_under_size_limit(&out);
    let err = String::from_utf8(r.stderr).unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        snapshot(tmp.path()),
        [("对比.txt".to_string(), OLD.as_bytes().to_vec())]
    );
}

#[test]
fn error_messages_show_hostile_target_names_safely() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = tmp.path().join("evil\x1b[31m\nname.txt");
    fs::write(&evil, OLD).unwrap();
    let err = write_atomic(&evil, b"new", false).unwrap_err();
    assert_one_line(&err.to_string());
    let r = Command::new(env!("CARGO_BIN_EXE_speechtui"))
        .arg("compare")
        .arg(sample("000_887235e958cf192e.txt"))
        .arg(sample("003_fad5f05ac5c28cf9.txt"))
        .arg("-o")
        .arg(&evil)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert!(
        !r.stderr.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert_eq!(fs::read_to_string(&evil).unwrap(), OLD);
}

/// `compare -o TARGET --force` onto what is not a regular file: refused with one line, the target
/// unchanged; onto a private file: replaced, still private.
#[cfg(unix)]
#[test]
fn forced_saves_replace_only_regular_files_and_keep_their_mode() {
    use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
    let tmp = tempfile::tempdir().unwrap();
    let compare_to = |target: &Path| {
        Command::new(env!("CARGO_BIN_EXE_speechtui"))
            .arg("compare")
            .arg(sample("000_887235e958cf192e.txt"))
            .arg(sample("003_fad5f05ac5c28cf9.txt"))
            .arg("-o")
            .arg(target)
            .arg("--force")
            .output()
            .unwrap()
    };
    let fifo = tmp.path().join("pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success()));
    let r = compare_to(&fifo);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert!(err.contains("is a FIFO"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());

    let real = tmp.path().join("real.txt");
    fs::write(&real, OLD).unwrap();
    let link = tmp.path().join("link.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let r = compare_to(&link);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert!(err.contains("symbolic link (to "), "{err}");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap(), OLD);

    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
    let r = compare_to(&real);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert_ne!(fs::read_to_string(&real).unwrap(), OLD);
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}
