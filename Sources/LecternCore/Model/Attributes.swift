/// Pandoc's `Attr`: an identifier, classes and ordered key/value pairs.
public struct Attributes: Hashable, Sendable {
    /// The element identifier, empty when none.
    public var id: String
    /// The classes, in source order.
    public var classes: [String]
    /// The key/value pairs, in source order.
    public var pairs: [(key: String, value: String)]

    /// Creates attributes.
    public init(id: String = "", classes: [String] = [], pairs: [(key: String, value: String)] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    /// Attributes with nothing set.
    public static let empty = Attributes()

    /// True when there is no id, class or pair.
    public var isEmpty: Bool { id.isEmpty && classes.isEmpty && pairs.isEmpty }

    /// These attributes, with `defaults` filling in what they leave out: the identifier, the
    /// classes and any key not set here (how a link's own attributes meet its reference's).
    public func defaulting(to defaults: Attributes) -> Attributes {
        var merged = self
        if merged.id.isEmpty { merged.id = defaults.id }
        if merged.classes.isEmpty { merged.classes = defaults.classes }
        for pair in defaults.pairs where merged[pair.key] == nil { merged.pairs.append(pair) }
        return merged
    }

    /// The value of the first pair with this key.
    public subscript(key: String) -> String? {
        pairs.first(where: { $0.key == key })?.value
    }

    /// True when the class list contains `name`.
    public func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// Compares id, classes and pairs in order.
    public static func == (lhs: Attributes, rhs: Attributes) -> Bool {
        lhs.id == rhs.id && lhs.classes == rhs.classes
            && lhs.pairs.map(\.key) == rhs.pairs.map(\.key)
            && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    /// Hashes id, classes and pairs.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(classes)
        for pair in pairs {
            hasher.combine(pair.key)
            hasher.combine(pair.value)
        }
    }
}
