//! The on-disk cache of the reuse engine: per-speech indexes and finished reports, keyed by
//! content hash and engine version.
//!
//! Every file is an envelope (magic, kind, engine version, the key it was written for, length,
//! checksum) around its payload and is written to a unique temporary name then renamed into place,
//! so a reader — in this process or another one running at the same time — sees a whole file or
//! none. An entry is used only for the key it records: a valid entry of another speech (copied or
//! swapped by hand, a hash collision of names) is refused, not trusted. Entries are opened without
//! following links, must be regular files, and are read up to a size bound, so a link to
//! `/dev/zero` or a FIFO in the cache neither exhausts memory nor blocks. Anything that does not
//! check out is reported as an error (the caller rebuilds and sums up) and never trusted.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context};

use super::hash::ContentHash;
use super::index::DocIndex;
use super::{ReuseReport, ENGINE_VERSION};

const MAGIC: &[u8; 8] = b"SPTUIRX\x02";
/// Magic, kind, engine version, key, payload length, checksum.
const HEADER: usize = 8 + 1 + 4 + 16 + 8 + 16;
/// No cache entry is larger than this; anything larger is not one (read no further).
const MAX_ENTRY: u64 = 1 << 30;
/// Temporary files older than this are left-overs even if their process id is alive again.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(24 * 3600);
const KIND_DOC: u8 = 1;
const KIND_REPORT: u8 = 2;
const KIND_BLOB: u8 = 3;
/// Blobs kept per name (e.g. the draft checker's source index of a few corpora).
const BLOBS_KEPT: usize = 4;
/// Finished reports kept (they are the largest files; older ones are removed).
const REPORTS_KEPT: usize = 6;

/// The open cache: the `reuse-v<engine version>` folder under the cache directory.
pub struct Cache {
    root: PathBuf,
    /// What opening found and fixed (e.g. the stale cache of another engine version, removed).
    pub warnings: Vec<String>,
}

/// The cache location: `SPEECHTUI_CACHE_DIR` if set, else `speechtui` in the platform cache dir.
pub fn default_dir() -> Option<PathBuf> {
    match std::env::var_os("SPEECHTUI_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::cache_dir().map(|d| d.join("speechtui")),
    }
}

impl Cache {
    /// The cache the commands and screens use: `None` with `no_cache`, or when it cannot be opened
    /// (said in `warnings`, and the work goes on without it); what opening fixed goes to
    /// `warnings` too.
    pub fn open_for_use(
        no_cache: bool,
        dir: Option<PathBuf>,
        warnings: &mut Vec<String>,
    ) -> Option<Cache> {
        if no_cache {
            return None;
        }
        match Cache::open(dir) {
            Ok(mut c) => {
                warnings.append(&mut c.warnings);
                Some(c)
            }
            Err(e) => {
                warnings.push(format!("cache unavailable, building without it: {e:#}"));
                None
            }
        }
    }

    /// Opens (creating if needed) the cache under `dir`, or under [`default_dir`].
    pub fn open(dir: Option<PathBuf>) -> anyhow::Result<Cache> {
        let base = match dir.or_else(default_dir) {
            Some(d) => d,
            None => bail!("no cache directory on this platform (set SPEECHTUI_CACHE_DIR)"),
        };
        let current = format!("reuse-v{ENGINE_VERSION}");
        let root = base.join(&current);
        for sub in ["docs", "reports", "blobs", "tmp"] {
            fs::create_dir_all(root.join(sub))
                .with_context(|| format!("cannot create {}", root.join(sub).display()))?;
        }
        // Caches of other engine versions are stale: never read, removed (best effort: another
        // process may be removing them too).
        let mut warnings = Vec::new();
        for entry in fs::read_dir(&base).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let is_version = name
                .strip_prefix("reuse-v")
                .is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
            if is_version && name != current && entry.path().is_dir() {
                match fs::remove_dir_all(entry.path()) {
                    Ok(()) => warnings.push(format!(
                        "removed the stale cache {} (another engine version); rebuilt",
                        entry.path().display()
                    )),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => warnings.push(format!(
                        "stale cache {} not removed: {e}",
                        entry.path().display()
                    )),
                }
            }
        }
        sweep_temps(&root.join("tmp"));
        Ok(Cache { root, warnings })
    }

    /// The cache's folder (no caller today since the module went private; kept for messages
    /// that name it).
    #[allow(dead_code)]
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn doc_path(&self, hash: ContentHash) -> PathBuf {
        let hex = hash.hex();
        self.root
            .join("docs")
            .join(&hex[..2])
            .join(format!("{hex}.idx"))
    }

    fn report_path(&self, key: ContentHash) -> PathBuf {
        self.root
            .join("reports")
            .join(format!("{}.report", key.hex()))
    }

    /// The cached index of a speech with this content, if any.
    pub fn load_doc(&self, hash: ContentHash) -> anyhow::Result<Option<DocIndex>> {
        let path = self.doc_path(hash);
        let Some(payload) = read_envelope(&path, KIND_DOC, hash)? else {
            return Ok(None);
        };
        decode_doc(&payload)
            .map(Some)
            .with_context(|| format!("{}", path.display()))
    }

    /// Caches the index of a speech with this content.
    pub fn store_doc(&self, hash: ContentHash, idx: &DocIndex) -> anyhow::Result<()> {
        let path = self.doc_path(hash);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        self.write_envelope(&path, KIND_DOC, hash, &encode_doc(idx))
    }

    /// The cached report of a corpus with this key, if any.
    pub fn load_report(&self, key: ContentHash) -> anyhow::Result<Option<ReuseReport>> {
        let path = self.report_path(key);
        let Some(payload) = read_envelope(&path, KIND_REPORT, key)? else {
            return Ok(None);
        };
        let report = postcard::from_bytes(&payload)
            .with_context(|| format!("{}: undecodable report", path.display()))?;
        Ok(Some(report))
    }

    /// Caches the report of a corpus under this key, removing the oldest reports beyond a few.
    pub fn store_report(&self, key: ContentHash, report: &ReuseReport) -> anyhow::Result<()> {
        let payload = postcard::to_allocvec(report).context("cannot encode the report")?;
        self.write_envelope(&self.report_path(key), KIND_REPORT, key, &payload)?;
        self.prune_reports();
        Ok(())
    }

    fn blob_path(&self, name: &str, key: ContentHash) -> PathBuf {
        self.root
            .join("blobs")
            .join(format!("{name}-{}.blob", key.hex()))
    }

    /// A payload another engine built on the reuse engine cached under `name` and `key` (e.g. the
    /// draft checker's source index), checked like every cache file; `None` if there is none.
    pub fn load_blob(&self, name: &str, key: ContentHash) -> anyhow::Result<Option<Vec<u8>>> {
        read_envelope(&self.blob_path(name, key), KIND_BLOB, key)
    }

    /// Stores a payload under `name` and `key`; only the newest few of each name are kept.
    pub fn store_blob(&self, name: &str, key: ContentHash, payload: &[u8]) -> anyhow::Result<()> {
        self.write_envelope(&self.blob_path(name, key), KIND_BLOB, key, payload)?;
        let prefix = format!("{name}-");
        prune(&self.root.join("blobs"), BLOBS_KEPT, |p| {
            p.extension().is_some_and(|x| x == "blob")
                && p.file_name()
                    .is_some_and(|f| f.to_string_lossy().starts_with(&prefix))
        });
        Ok(())
    }

    /// Keeps the newest reports only. Best effort: another process may be pruning too.
    fn prune_reports(&self) {
        prune(&self.root.join("reports"), REPORTS_KEPT, |p| {
            p.extension().is_some_and(|x| x == "report")
        });
    }
}

/// Keeps the `kept` newest files of `dir` that `wanted` selects. Best effort: another process may
/// be pruning too.
fn prune(dir: &Path, kept: usize, wanted: impl Fn(&Path) -> bool) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| wanted(&e.path()))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (_, path) in files.into_iter().skip(kept) {
        let _ = fs::remove_file(path);
    }
}

/// The payload of a cache file written for `key`; `None` if there is no such file.
fn read_envelope(path: &Path, kind: u8, key: ContentHash) -> anyhow::Result<Option<Vec<u8>>> {
    let bytes = match read_bounded(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let bad = |what: &str| anyhow::anyhow!("{}: {what}", path.display());
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(bad("not a cache file"));
    }
    if bytes[8] != kind {
        return Err(bad("wrong kind of cache file"));
    }
    let version = u32::from_le_bytes(bytes[9..13].try_into().expect("4 bytes"));
    if version != ENGINE_VERSION {
        return Err(bad("written by another engine version"));
    }
    if bytes[13..21] != key.0.to_le_bytes() || bytes[21..29] != key.1.to_le_bytes() {
        return Err(bad("written for another speech or corpus"));
    }
    let len = u64::from_le_bytes(bytes[29..37].try_into().expect("8 bytes")) as usize;
    let payload = &bytes[HEADER..];
    if payload.len() != len {
        return Err(bad("truncated"));
    }
    let sum = ContentHash::of(payload);
    if bytes[37..45] != sum.0.to_le_bytes() || bytes[45..53] != sum.1.to_le_bytes() {
        return Err(bad("checksum mismatch"));
    }
    Ok(Some(payload.to_vec()))
}

/// The bytes of a cache entry: opened without following a link and without blocking on a FIFO,
/// refused unless a regular file, read no further than [`MAX_ENTRY`].
fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        // ELOOP: the last component is a symbolic link.
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(std::io::Error::other("a symbolic link, not a cache file"))
        }
        Err(e) => return Err(e),
    };
    #[cfg(not(unix))]
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other("a symbolic link, not a cache file"));
    }
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    if meta.len() > MAX_ENTRY {
        return Err(std::io::Error::other("too large to be a cache file"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_ENTRY + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_ENTRY {
        return Err(std::io::Error::other("too large to be a cache file"));
    }
    Ok(bytes)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Cache {
    /// Writes a cache file atomically: a temporary file in `tmp/` named by this process and call,
    /// renamed into place (one folder of temporaries, so left-overs are cheap to find).
    fn write_envelope(
        &self,
        path: &Path,
        kind: u8,
        key: ContentHash,
        payload: &[u8],
    ) -> anyhow::Result<()> {
        let sum = ContentHash::of(payload);
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.push(kind);
        bytes.extend_from_slice(&ENGINE_VERSION.to_le_bytes());
        bytes.extend_from_slice(&key.0.to_le_bytes());
        bytes.extend_from_slice(&key.1.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&sum.0.to_le_bytes());
        bytes.extend_from_slice(&sum.1.to_le_bytes());
        bytes.extend_from_slice(payload);
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = self
            .root
            .join("tmp")
            .join(format!("{}.{n}.tmp", std::process::id()));
        let result = (|| {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)?;
            f.write_all(&bytes)?;
            drop(f);
            fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.with_context(|| format!("cannot write {}", path.display()))
    }
}

/// Removes the temporary files of runs that died before renaming them: those whose process is
/// gone, and any older than a day (a process id may have been reused). Best effort.
fn sweep_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_suffix(".tmp"))
            .and_then(|n| n.split('.').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP);
        if old || (pid != std::process::id() && !process_alive(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id exists (signal 0 checks without sending anything).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 only checks for the process; no memory is involved.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// A speech's index, compactly: the key as UTF-8, then for each key position the gap from the
/// previous position's source and the length of its own source run as LEB128 varints (mostly one
/// byte each). Shingle hashes are not stored: rolling them again is cheaper than reading them.
fn encode_doc(idx: &DocIndex) -> Vec<u8> {
    let key: String = idx.chars.iter().collect();
    let mut out = Vec::with_capacity(16 + key.len() + idx.map.len() * 2);
    out.extend_from_slice(&idx.text_chars.to_le_bytes());
    out.extend_from_slice(&(idx.map.len() as u32).to_le_bytes());
    out.extend_from_slice(&(key.len() as u32).to_le_bytes());
    out.extend_from_slice(key.as_bytes());
    let mut prev = 0u32;
    for (&m, &e) in idx.map.iter().zip(&idx.ends) {
        put_varint(&mut out, m - prev);
        put_varint(&mut out, e - m);
        prev = m;
    }
    out
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8], at: &mut usize) -> anyhow::Result<u32> {
    let mut v = 0u32;
    for shift in (0..35).step_by(7) {
        let Some(&b) = bytes.get(*at) else {
            bail!("truncated index");
        };
        *at += 1;
        v |= ((b & 0x7f) as u32).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    bail!("bad number in index")
}

fn decode_doc(bytes: &[u8]) -> anyhow::Result<DocIndex> {
    if bytes.len() < 12 {
        bail!("truncated index");
    }
    let word = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes"));
    let (text_chars, n, key_bytes) = (word(0), word(4) as usize, word(8) as usize);
    let Some(key) = bytes.get(12..12 + key_bytes) else {
        bail!("truncated index");
    };
    let chars: Vec<char> = std::str::from_utf8(key)?.chars().collect();
    if chars.len() != n {
        bail!("inconsistent index");
    }
    let mut at = 12 + key_bytes;
    let (mut map, mut ends) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut prev = 0u32;
    for _ in 0..n {
        let m = prev
            .checked_add(get_varint(bytes, &mut at)?)
            .ok_or_else(|| anyhow::anyhow!("bad offset in index"))?;
        let e = m
            .checked_add(get_varint(bytes, &mut at)?)
            .ok_or_else(|| anyhow::anyhow!("bad offset in index"))?;
        map.push(m);
        ends.push(e);
        prev = m;
    }
    // The invariants the index relies on: source runs inside the text, in order, not empty.
    if at != bytes.len()
        || map.windows(2).any(|w| w[0] >= w[1])
        || map
            .iter()
            .zip(&ends)
            .any(|(m, e)| m >= e || *e > text_chars)
        || ends.windows(2).any(|w| w[0] > w[1])
    {
        bail!("inconsistent index");
    }
    Ok(DocIndex {
        hashes: super::hash::shingles(&chars, super::index::SHINGLE),
        map,
        ends,
        chars,
        text_chars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_versions_are_removed_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join("reuse-v0").join("docs");
        fs::create_dir_all(&stale).unwrap();
        fs::write(stale.join("x.idx"), b"old").unwrap();
        fs::create_dir_all(dir.path().join("unrelated")).unwrap();
        let cache = Cache::open(Some(dir.path().to_path_buf())).unwrap();
        assert!(!dir.path().join("reuse-v0").exists());
        assert!(dir.path().join("unrelated").exists());
        assert_eq!(cache.warnings.len(), 1, "{:?}", cache.warnings);
        assert!(cache.warnings[0].contains("stale"));
        assert!(Cache::open(Some(dir.path().to_path_buf()))
            .unwrap()
            .warnings
            .is_empty());
    }

    #[test]
    fn round_trip_and_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(Some(dir.path().to_path_buf())).unwrap();
        let idx = DocIndex::build("各位代表，现在，我代表省人民政府向大会报告工作，请予审议。");
        let h = ContentHash::of(b"x");
        assert_eq!(cache.load_doc(h).unwrap(), None);
        cache.store_doc(h, &idx).unwrap();
        assert_eq!(cache.load_doc(h).unwrap(), Some(idx));
        // Flip one byte of the payload: refused, not trusted.
        let path = cache.doc_path(h);
        let mut bytes = fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        fs::write(&path, &bytes).unwrap();
        let err = cache.load_doc(h).unwrap_err().to_string();
        assert!(err.contains("checksum"), "{err}");
        fs::write(&path, b"garbage").unwrap();
        assert!(cache.load_doc(h).is_err());
    }

    #[test]
    fn an_entry_is_used_only_for_its_own_key() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(Some(dir.path().to_path_buf())).unwrap();
        let (ha, hb) = (ContentHash::of(b"a"), ContentHash::of(b"b"));
        cache
            .store_doc(
                ha,
                &DocIndex::build("各位代表，现在我代表省人民政府向大会报告工作。"),
            )
            .unwrap();
        cache
            .store_doc(hb, &DocIndex::build("同志们，今天召开全市经济工作会议。"))
            .unwrap();
        // Swap the two (both valid, checksums and all).
        let (pa, pb) = (cache.doc_path(ha), cache.doc_path(hb));
        let (ba, bb) = (fs::read(&pa).unwrap(), fs::read(&pb).unwrap());
        fs::write(&pa, bb).unwrap();
        fs::write(&pb, ba).unwrap();
        for h in [ha, hb] {
            let err = cache.load_doc(h).unwrap_err().to_string();
            assert!(err.contains("another speech"), "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_and_fifos_in_the_cache_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(Some(dir.path().to_path_buf())).unwrap();
        let h = ContentHash::of(b"zero");
        let path = cache.doc_path(h);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        let err = format!("{:#}", cache.load_doc(h).unwrap_err());
        assert!(err.contains("symbolic link"), "{err}");
        fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.is_ok_and(|s| s.success()));
        // Would block forever if opened for reading the ordinary way.
        let err = format!("{:#}", cache.load_doc(h).unwrap_err());
        assert!(err.contains("not a regular file"), "{err}");
    }

    #[test]
    fn temporaries_of_dead_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(Some(dir.path().to_path_buf())).unwrap();
        let tmp = cache.root().join("tmp");
        // No process has id 4194303 (above Linux's pid_max); ours is alive.
        let dead = tmp.join("4194303.0.tmp");
        let ours = tmp.join(format!("{}.999.tmp", std::process::id()));
        let other = tmp.join("notes.txt");
        for p in [&dead, &ours, &other] {
            fs::write(p, b"partial").unwrap();
        }
        Cache::open(Some(dir.path().to_path_buf())).unwrap();
        assert!(!dead.exists());
        assert!(ours.exists() && other.exists());
    }
}
