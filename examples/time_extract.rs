use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = std::fs::read(&path).unwrap();
    let n = 50;
    let t = Instant::now();
    for _ in 0..n {
        let _ = lopdf::Document::load_mem(&bytes).unwrap();
    }
    println!("load: {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let _ = pifu::extract::pdf::extract_pdf(&bytes).unwrap();
    }
    println!("extract: {:?}", t.elapsed() / n);
    let pages = pifu::extract::pdf::extract_pdf(&bytes).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        let _ = pifu::layout::pdf::layout_pages(&pages);
    }
    println!("layout: {:?} ({} pages)", t.elapsed() / n, pages.len());
}
