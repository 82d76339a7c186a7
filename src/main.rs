fn main() {
    let args: Vec<String> = std::env::args().collect();
    let doc = pifu::convert::convert_path(std::path::Path::new(&args[1]), &args[1]);
    println!("{}", serde_json::to_string_pretty(&doc).unwrap());
}
