//! Lists the approvals a file holds: part, project or department, pages,
//! indicator count, warning codes. `cargo run --release --example parts FILE`
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let docs = pifu::convert::convert_bytes_all(&path, &bytes, path.ends_with(".pdf"));
        for d in docs {
            let name = d
                .project
                .as_ref()
                .and_then(|p| p.name.clone())
                .or(d.department.clone())
                .unwrap_or_default();
            let codes: Vec<&str> = d.warnings.iter().map(|w| w.code.as_str()).collect();
            println!(
                "{path} part {:?} pages {:?} {name}: {} indicators {:?} {codes:?}",
                d.source.part,
                d.source.page_range,
                d.indicators.len(),
                d.indicators
                    .iter()
                    .map(|i| i.level3.clone().unwrap_or_default())
                    .collect::<Vec<_>>()
            );
        }
    }
}
