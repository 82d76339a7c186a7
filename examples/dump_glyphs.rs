fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = std::fs::read(&path).unwrap();
    match pifu::extract::pdf::extract_pdf(&bytes) {
        Ok(pages) => {
            for p in pages {
                println!(
                    "page {} {}x{} glyphs {} rulings {}",
                    p.number,
                    p.width,
                    p.height,
                    p.glyphs.len(),
                    p.rulings.len()
                );
                let mut gl = p.glyphs.clone();
                gl.sort_by(|a, b| {
                    (a.baseline.round() as i64, a.x0 as i64)
                        .cmp(&(b.baseline.round() as i64, b.x0 as i64))
                });
                let mut line = String::new();
                let mut last = f64::NAN;
                for g in gl {
                    if (g.baseline - last).abs() > 2.0 && !line.is_empty() {
                        println!("  {:.1}: {}", last, line);
                        line.clear();
                    }
                    last = g.baseline;
                    line.push_str(&g.text);
                }
                println!("  {:.1}: {}", last, line);
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
