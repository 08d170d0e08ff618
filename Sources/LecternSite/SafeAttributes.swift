import LecternCore

/// What attributes a `safe: true` course may write: no `style` (it can cover the page with a
/// fake login or hide text), no event handlers even under a `data-` name, and sizes only as
/// plain lengths, since `width` and `height` become CSS.
enum SafeAttributes {
    /// `attributes` with everything the policy refuses left out.
    static func filter(_ attributes: Attributes) -> Attributes {
        var kept = attributes
        kept.pairs = attributes.pairs.filter { pair in
            let key = pair.key.lowercased()
            if key == "style" || key.hasPrefix("on") || key.hasPrefix("data-on") { return false }
            if key == "width" || key == "height" { return isLength(pair.value) }
            return true
        }
        return kept
    }

    /// `800`, `50%`, `12.5em`: a number and an optional CSS unit, nothing else.
    static func isLength(_ value: String) -> Bool {
        let units = ["", "px", "%", "em", "rem", "ex", "ch", "vw", "vh", "vmin", "vmax", "cm", "mm", "in", "pt", "pc"]
        let number = value.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        return !number.isEmpty && number.filter({ $0 == "." }).count <= 1 && units.contains(String(value.dropFirst(number.count)))
    }
}
