//! Golden side-by-side outputs (`speechtui compare --format side-by-side --width 100`, first
//! 120 lines) of two pairs of consecutive reports from `../shared/corpus-extra`, each reviewed by
//! eye: both texts whole, shared passages level, refilled words bracketed, moved passages under a
//! note naming where the other speech has them. Skips with a visible note when the corpus is
//! absent. Only the opening lines are kept, so that the repository does not carry the reports.

use std::path::Path;

use speechtui::align::{compare, Params};
use speechtui::corpus::{self, Document};
use speechtui::export::comparison_side_by_side;

fn pair(a: &str, b: &str) -> Option<(Document, Document)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra/gov-work-reports");
    let (pa, pb) = (dir.join(a), dir.join(b));
    if !(pa.is_file() && pb.is_file()) {
        eprintln!("SKIPPED: golden side-by-side {a} ↔ {b}: ../shared/corpus-extra not found");
        return None;
    }
    let one = |p: &Path| {
        let mut docs = corpus::load(&[p.to_path_buf()]).documents;
        assert_eq!(docs.len(), 1, "{}", p.display());
        let mut d = docs.remove(0);
        // Ids and paths are machine-specific; the golden shows the title only.
        d.id = p.file_name().unwrap().to_string_lossy().into_owned();
        d
    };
    Some((one(&pa), one(&pb)))
}

fn golden(a: &str, b: &str) -> Option<String> {
    let (da, db) = pair(a, b)?;
    let cmp = compare(&da.text, &db.text, &Params::default());
    let out = comparison_side_by_side(&da, &db, &cmp, 100);
    Some(out.lines().take(120).collect::<Vec<_>>().join("\n"))
}

#[test]
fn guangdong_2016_2017_side_by_side() {
    if let Some(g) = golden(
        "2016_广东省_政府工作报告.txt",
        "2017_广东省_政府工作报告.txt",
    ) {
        insta::assert_snapshot!("side_by_side_guangdong_2016_2017", g);
    }
}

#[test]
fn zhejiang_2019_2020_side_by_side() {
    if let Some(g) = golden(
        "2019_浙江省_政府工作报告.txt",
        "2020_浙江省_政府工作报告.txt",
    ) {
        insta::assert_snapshot!("side_by_side_zhejiang_2019_2020", g);
    }
}
