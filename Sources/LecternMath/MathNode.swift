/// A node of the MathML tree the parser builds; the writer turns it into MathML Core.
indirect enum MathNode: Hashable, Sendable {
    /// `<mi>`; `normal` writes `mathvariant="normal"` (a single upright letter).
    case identifier(String, normal: Bool)
    /// `<mn>`
    case number(String)
    /// `<mo>` with its properties.
    case op(String, OperatorProperties)
    /// `<mtext>`
    case text(String)
    /// `<mspace width="…em">`
    case space(Double)
    /// `<mrow>`, optionally with a class for CSS (boxed, cancel, alignment).
    case row([MathNode], className: String?)
    /// `<mfrac>`; `thickness` 0 for binomials; `style` forces display or text style.
    case fraction(MathNode, MathNode, thickness: String?, style: MathStyle?)
    /// `<msqrt>` or `<mroot>`.
    case root(MathNode, index: MathNode?)
    /// `<msub>`, `<msup>` or `<msubsup>`.
    case scripts(MathNode, sub: MathNode?, sup: MathNode?)
    /// `<munder>`, `<mover>` or `<munderover>`; `accent` marks an accent over or under.
    case limits(MathNode, under: MathNode?, over: MathNode?, accent: Bool, accentUnder: Bool)
    /// `<mtable>`; column alignments as letters `l`, `c`, `r`; `lines` for `|` in array specs.
    case table(rows: [[MathNode]], columns: [Character], className: String?, style: MathStyle?)
    /// `<mstyle>` for display/text/script style switches.
    case style(MathStyle, MathNode)
    /// A colour from `\color` or `\textcolor` (a CSS colour name or hex), written as a style.
    case color(String, MathNode)
    /// `<mphantom>`
    case phantom(MathNode)
    /// `<merror>` holding the TeX of something that could not be read.
    case error(String)
}

/// Display or text style, and script levels.
enum MathStyle: String, Hashable, Sendable {
    case display, text, script, scriptscript
}

/// What an `<mo>` says beyond its text.
struct OperatorProperties: Hashable, Sendable {
    var stretchy: Bool?
    var fence = false
    var form: String?
    var largeop: Bool?
    var movablelimits: Bool?
    var lspace: String?
    var rspace: String?
    var size: String?

    static let plain = OperatorProperties()
}
