//! Atomic file writes: a temporary file in the target's folder, flushed to disk, then moved into
//! place in one step. A reader never sees a partial file, a failed write leaves nothing behind,
//! and an existing file is only replaced when the caller says so — and only if it is a regular
//! file: a FIFO, device, socket, folder or symbolic link at the target is refused whatever the
//! caller says (renaming over `/dev/full` as root would replace the device with a plain file).
//! A replaced file keeps its permissions (a mode-600 report stays private).

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written. The message is one line with the cause in it (it goes to a
/// status line as is), and the path is shown terminal-safe (a name may hold escape sequences).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target exists and overwriting was not asked for (the TUI then asks the user).
    #[error("{} already exists (not overwritten)", shown(.0))]
    Exists(PathBuf),
    /// The target is not a regular file: never replaced, with or without overwrite.
    #[error("{} is {what}: only a regular file is ever replaced", shown(path))]
    NotRegular {
        /// The target.
        path: PathBuf,
        /// What stands there instead ("a folder", "a symbolic link", ...).
        what: String,
    },

    /// The cause is in the message, not chained as a `source`: `{:#}` would print it twice.
    #[error("cannot write {}: {cause}", shown(path))]
    Io {
        /// The file that could not be written.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
}

fn shown(path: &Path) -> String {
    crate::corpus::visible_inline(&path.to_string_lossy()).into_owned()
}

/// Writes `bytes` to `path` atomically. With `overwrite` false an existing file is left alone and
/// [`WriteError::Exists`] returned; the check and the write are one step (a hard link, which
/// fails if the name is taken), so two writers cannot both win.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io_err = |cause| WriteError::Io {
        path: path.to_path_buf(),
        cause,
    };
    let name = path.file_name().ok_or_else(|| {
        io_err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a file name",
        ))
    })?;
    // What is at the target now decides everything: nothing (write), a regular file (replace
    // only if asked, keeping its permissions), anything else (refuse, even if asked).
    let existing = match fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(e)),
    };
    if let Some(meta) = &existing {
        check_regular(path, meta)?;
        if !overwrite {
            return Err(WriteError::Exists(path.to_path_buf()));
        }
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (tmp_path, mut file) = create_temp(&dir, name).map_err(io_err)?;
    let result = (|| {
        file.write_all(bytes)?;
        if let Some(meta) = &existing {
            keep_owner_and_mode(&file, meta)?;
        }
        file.sync_all()
    })();
    drop(file);
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp_path);
        return Err(io_err(e));
    }
    let placed = if overwrite {
        // The target may have changed since it was looked at (a FIFO made in between): look
        // again right before the rename, which is the step that cannot be undone.
        match fs::symlink_metadata(path) {
            Ok(meta) => check_regular(path, &meta),
            Err(_) => Ok(()),
        }
        .and_then(|()| fs::rename(&tmp_path, path).map_err(io_err))
    } else {
        place_without_clobbering(&tmp_path, path)
    };
    if placed.is_err() {
        let _ = fs::remove_file(&tmp_path);
    }
    placed?;
    sync_dir(&dir);
    Ok(())
}

/// Refuses a target that is not a regular file, naming what it is.
fn check_regular(path: &Path, meta: &fs::Metadata) -> Result<(), WriteError> {
    let ft = meta.file_type();
    if ft.is_file() {
        return Ok(());
    }
    let what = if ft.is_symlink() {
        // Refused rather than written through: a link in a shared folder may point anywhere the
        // writer can write, and following it is rarely what the user meant.
        match fs::read_link(path) {
            Ok(to) => format!(
                "a symbolic link (to {}; give that path to replace it)",
                shown(&to)
            ),
            Err(_) => "a symbolic link".to_string(),
        }
    } else if ft.is_dir() {
        "a folder".to_string()
    } else {
        special_kind(&ft).to_string()
    };
    Err(WriteError::NotRegular {
        path: path.to_path_buf(),
        what,
    })
}

#[cfg(unix)]
fn special_kind(ft: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if ft.is_fifo() {
        "a FIFO (named pipe)"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_char_device() || ft.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "not a regular file"
}

/// Gives the new file the replaced file's permissions, and its owner where allowed (as root a
/// report of another user stays theirs; otherwise the chown fails harmlessly and is ignored).
fn keep_owner_and_mode(file: &File, meta: &fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
    file.set_permissions(meta.permissions())
}

/// Moves `tmp` to `path` unless `path` exists, atomically where the file system has hard links.
fn place_without_clobbering(tmp: &Path, path: &Path) -> Result<(), WriteError> {
    match fs::hard_link(tmp, path) {
        Ok(()) => {
            let _ = fs::remove_file(tmp);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_path_buf()))
        }
        Err(_) => {
            // No hard links here (some network or FAT file systems): check, then rename.
            if fs::symlink_metadata(path).is_ok() {
                return Err(WriteError::Exists(path.to_path_buf()));
            }
            fs::rename(tmp, path).map_err(|cause| WriteError::Io {
                path: path.to_path_buf(),
                cause,
            })
        }
    }
}

/// A new hidden temporary file beside the target.
fn create_temp(dir: &Path, name: &std::ffi::OsStr) -> std::io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut last_err = None;
    for attempt in 0..100u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{pid}.{nanos:x}{attempt}.tmp"));
        let tmp = dir.join(tmp_name);
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_err.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

/// Flushes the folder entry so the new name survives a crash (best effort; not on every OS).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn writes_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.txt");
        write_atomic(&p, "对比报告\n".as_bytes(), false).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "对比报告\n");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn never_overwrites_unless_told() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.txt");
        fs::write(&p, "old").unwrap();
        let err = write_atomic(&p, b"new", false).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)));
        assert!(err.to_string().contains("already exists"));
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert!(leftovers(dir.path()).is_empty());
        write_atomic(&p, b"new", true).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[test]
    fn missing_folder_is_a_clear_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/folder/report.txt");
        let err = write_atomic(&p, b"x", false).unwrap_err();
        assert!(err.to_string().starts_with("cannot write"), "{err}");
        assert!(!p.exists());
    }

    #[test]
    fn a_folder_is_not_a_target() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x", true).unwrap_err();
        assert!(err.to_string().contains("folder") || err.to_string().contains("file name"));
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        let err = write_atomic(&sub, b"x", true).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
        assert!(sub.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_never_replaced_even_when_forced() {
        use std::os::unix::fs::FileTypeExt as _;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        for overwrite in [false, true] {
            let err = write_atomic(&fifo, b"x", overwrite).unwrap_err();
            assert!(matches!(err, WriteError::NotRegular { .. }), "{err:?}");
            assert!(err.to_string().contains("FIFO"), "{err}");
            assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        }
        // A link to a regular file: refused, the message names the target, the target untouched.
        let real = dir.path().join("real.txt");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let err = write_atomic(&link, b"new", true).unwrap_err();
        assert!(err.to_string().contains("symbolic link (to "), "{err}");
        assert!(err.to_string().contains("real.txt"), "{err}");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "old");
        // A device: refused.
        let err = write_atomic(Path::new("/dev/null"), b"x", true).unwrap_err();
        assert!(err.to_string().contains("a device"), "{err}");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("private.txt");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, "新报告".as_bytes(), true).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "新报告");
        let mode = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"again", true).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
