/// Documentation comment
#[derive(Debug, Clone)]
struct Point { x: f64, y: f64 }
fn main() {
    let mut v: Vec<u32> = Vec::new();
    v.push(0b1010_u32); /* block */
    let s = r#"raw "string""#;
    println!("{} {:?}\n", s, v);
    let c = 'x';
}
