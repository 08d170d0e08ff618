import Foundation
/// A documented type.
struct Counter {
    private(set) var count = 0
    mutating func increment(by step: Int = 1) { count += step }
}
let name = "world"
print("Hello, \(name)!\n") // interpolation
let multi = """
    lines \(1 + 2)
    """
/* block */ let hex = 0xFF
