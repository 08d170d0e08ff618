import Mustache

/// The values a page gives its templates, in types Mustache recognises with fewer dynamic casts
/// than plain strings and dictionaries: each variable a page renders costs Mustache a handful
/// of protocol look-ups, and pages render about a hundred variables each. Rendering is the
/// same as for the plain values, transforms (`{{lowercased(x)}}`, `{{plusone(n)}}`) included.
enum TemplateValue {
    /// `value` with its strings, numbers and dictionaries wrapped, all the way down. Lists of
    /// strings stay as they are, so that `sorted` still applies to them; wrapped values pass.
    static func wrap(_ value: Any) -> Any {
        // The commonest kinds first: each case is a dynamic cast, and a flag would otherwise
        // fail every one before it reached the default.
        switch value {
        case let text as String: return TemplateScalar(text: text, isNumber: false)
        case is Bool, is TemplateScalar, is TemplateDictionary: return value
        case let number as Int: return TemplateScalar(text: String(number), isNumber: true)
        case let values as [String: Any]: return TemplateDictionary(values: values.mapValues(wrap))
        case let list as [[String: Any]]: return list.map { TemplateDictionary(values: $0.mapValues(wrap)) }
        case is [String]: return value
        case let list as [Any]: return list.map(wrap)
        default: return value
        }
    }

    /// `value` as it was before `wrap`.
    static func unwrap(_ value: Any) -> Any {
        switch value {
        case let scalar as TemplateScalar: return scalar.base
        case let dictionary as TemplateDictionary: return dictionary.values.mapValues(unwrap)
        case let list as [Any]: return list.map(unwrap)
        default: return value
        }
    }
}

/// A string or number, rendered as its text. Small enough to sit in an `Any` without a box of
/// its own: Mustache's casts copy it into new existentials for every variable rendered.
struct TemplateScalar: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let text: String
    /// A number keeps its text (`String(n)`, which `Int` reads back exactly) and its transforms.
    let isNumber: Bool

    var base: MustacheTransformable { isNumber ? Int(text) ?? 0 : text }

    var renderText: String { text }
    var isNull: Bool { false }

    /// A scalar has no named children; answering here spares Mustache a reflection of it.
    func child(named: String) -> Any? { nil }

    func transform(_ name: String) -> Any? { base.transform(name) }
}

/// A mapping from names to wrapped values; printed, as a template can, it reads as before.
struct TemplateDictionary: MustacheParent, MustacheTransformable, CustomStringConvertible {
    let values: [String: Any]

    var description: String { String(describing: TemplateValue.unwrap(self)) }

    func child(named: String) -> Any? { values[named] }

    func transform(_ name: String) -> Any? { values.transform(name) }
}
