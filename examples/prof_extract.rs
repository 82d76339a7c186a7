fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = std::fs::read(&path).unwrap();
    for _ in 0..200 {
        let _ = pifu::extract::pdf::extract_pdf(&bytes).unwrap();
    }
}
