//! The on-disk cache of the reuse engine: per-speech indexes and finished reports, keyed by
//! content hash and engine version.
//!
//! Every file is an envelope (magic, kind, engine version, length, checksum) around its payload and
//! is written to a unique temporary name then renamed into place, so a reader — in this process or
//! another one running at the same time — sees a whole file or none. Anything that does not check
//! out is reported as an error (the caller rebuilds with a warning) and never trusted.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context};

use super::hash::ContentHash;
use super::index::DocIndex;
use super::{ReuseReport, ENGINE_VERSION};

const MAGIC: &[u8; 8] = b"SPTUIRX\x01";
const HEADER: usize = 8 + 1 + 4 + 8 + 16;
const KIND_DOC: u8 = 1;
const KIND_REPORT: u8 = 2;
const KIND_BLOB: u8 = 3;
/// Blobs kept per name (e.g. the draft checker's source index of a few corpora).
const BLOBS_KEPT: usize = 4;
/// Finished reports kept (they are the largest files; older ones are removed).
const REPORTS_KEPT: usize = 6;

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
    /// Opens (creating if needed) the cache under `dir`, or under [`default_dir`].
    pub fn open(dir: Option<PathBuf>) -> anyhow::Result<Cache> {
        let base = match dir.or_else(default_dir) {
            Some(d) => d,
            None => bail!("no cache directory on this platform (set SPEECHTUI_CACHE_DIR)"),
        };
        let current = format!("reuse-v{ENGINE_VERSION}");
        let root = base.join(&current);
        for sub in ["docs", "reports", "blobs"] {
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
        Ok(Cache { root, warnings })
    }

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
        let Some(payload) = read_envelope(&path, KIND_DOC)? else {
            return Ok(None);
        };
        decode_doc(&payload)
            .map(Some)
            .with_context(|| format!("{}", path.display()))
    }

    pub fn store_doc(&self, hash: ContentHash, idx: &DocIndex) -> anyhow::Result<()> {
        let path = self.doc_path(hash);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        write_envelope(&path, KIND_DOC, &encode_doc(idx))
    }

    /// The cached report of a corpus with this key, if any.
    pub fn load_report(&self, key: ContentHash) -> anyhow::Result<Option<ReuseReport>> {
        let path = self.report_path(key);
        let Some(payload) = read_envelope(&path, KIND_REPORT)? else {
            return Ok(None);
        };
        let report = postcard::from_bytes(&payload)
            .with_context(|| format!("{}: undecodable report", path.display()))?;
        Ok(Some(report))
    }

    pub fn store_report(&self, key: ContentHash, report: &ReuseReport) -> anyhow::Result<()> {
        let payload = postcard::to_allocvec(report).context("cannot encode the report")?;
        write_envelope(&self.report_path(key), KIND_REPORT, &payload)?;
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
        read_envelope(&self.blob_path(name, key), KIND_BLOB)
    }

    /// Stores a payload under `name` and `key`; only the newest few of each name are kept.
    pub fn store_blob(&self, name: &str, key: ContentHash, payload: &[u8]) -> anyhow::Result<()> {
        write_envelope(&self.blob_path(name, key), KIND_BLOB, payload)?;
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

/// The payload of a cache file; `None` if there is no such file.
fn read_envelope(path: &Path, kind: u8) -> anyhow::Result<Option<Vec<u8>>> {
    let bytes = match fs::read(path) {
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
    let len = u64::from_le_bytes(bytes[13..21].try_into().expect("8 bytes")) as usize;
    let payload = &bytes[HEADER..];
    if payload.len() != len {
        return Err(bad("truncated"));
    }
    let sum = ContentHash::of(payload);
    if bytes[21..29] != sum.0.to_le_bytes() || bytes[29..37] != sum.1.to_le_bytes() {
        return Err(bad("checksum mismatch"));
    }
    Ok(Some(payload.to_vec()))
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes a cache file atomically: a temporary file unique to this process and call, renamed.
fn write_envelope(path: &Path, kind: u8, payload: &[u8]) -> anyhow::Result<()> {
    let sum = ContentHash::of(payload);
    let mut bytes = Vec::with_capacity(HEADER + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.push(kind);
    bytes.extend_from_slice(&ENGINE_VERSION.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&sum.0.to_le_bytes());
    bytes.extend_from_slice(&sum.1.to_le_bytes());
    bytes.extend_from_slice(payload);
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp.{}.{n}", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(&bytes)?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
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
}
