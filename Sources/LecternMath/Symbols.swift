/// The control words of TeX math that stand for one character, by kind. Written for
/// Lectern from the Unicode names of the characters.
enum Symbols {
    /// Letters: `<mi>`. Lowercase Greek is italic by default; capitals are upright, as in TeX.
    static let letters: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ",
        "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
        "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω", "digamma": "ϝ",
        "ell": "ℓ", "imath": "ı", "jmath": "ȷ", "partial": "∂", "wp": "℘",
    ]

    /// Upright letters and symbols that are identifiers: `<mi mathvariant="normal">`.
    static let uprightLetters: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "varGamma": "𝛤", "varDelta": "𝛥", "varTheta": "𝛩", "varLambda": "𝛬", "varXi": "𝛯", "varPi": "𝛱",
        "varSigma": "𝛴", "varUpsilon": "𝛶", "varPhi": "𝛷", "varPsi": "𝛹", "varOmega": "𝛺",
        "aleph": "ℵ", "beth": "ℶ", "gimel": "ℷ", "daleth": "ℸ",
        "infty": "∞", "nabla": "∇", "hbar": "ℏ", "hslash": "ℏ", "Re": "ℜ", "Im": "ℑ", "emptyset": "∅",
        "varnothing": "⌀", "angle": "∠", "measuredangle": "∡", "triangle": "△", "square": "□", "Box": "□",
        "blacksquare": "■", "Diamond": "◇", "top": "⊤", "bot": "⊥", "flat": "♭", "sharp": "♯", "natural": "♮",
        "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠", "checkmark": "✓",
        "S": "§", "P": "¶", "dag": "†", "ddag": "‡", "copyright": "©", "pounds": "£", "mho": "℧",
        "Bbbk": "𝕜", "complement": "∁", "eth": "ð", "circledR": "®", "maltese": "✠", "degree": "°",
    ]

    /// Binary operators: `<mo>`.
    static let binary: [String: String] = [
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆", "circ": "∘",
        "bullet": "∙", "cap": "∩", "cup": "∪", "uplus": "⊎", "sqcap": "⊓", "sqcup": "⊔", "vee": "∨", "lor": "∨",
        "wedge": "∧", "land": "∧", "setminus": "∖", "smallsetminus": "∖", "wr": "≀", "diamond": "⋄",
        "bigtriangleup": "△", "bigtriangledown": "▽", "triangleleft": "◃", "triangleright": "▹",
        "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "oslash": "⊘", "odot": "⊙", "bigcirc": "◯",
        "dagger": "†", "ddagger": "‡", "amalg": "⨿", "ltimes": "⋉", "rtimes": "⋊", "boxplus": "⊞",
        "boxminus": "⊟", "boxtimes": "⊠", "boxdot": "⊡", "divideontimes": "⋇", "dotplus": "∔",
        "intercal": "⊺", "barwedge": "⌅", "veebar": "⊻", "curlyvee": "⋎", "curlywedge": "⋏",
        "centerdot": "⋅", "circledast": "⊛", "circledcirc": "⊚", "circleddash": "⊝", "lhd": "⊲", "rhd": "⊳",
        "unlhd": "⊴", "unrhd": "⊵",
    ]

    /// Relations, their negations and arrows: `<mo>`.
    static let relations: [String: String] = [
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "equiv": "≡", "approx": "≈",
        "approxeq": "≊", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "varpropto": "∝",
        "subset": "⊂", "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋",
        "sqsubset": "⊏", "sqsupset": "⊐", "sqsubseteq": "⊑", "sqsupseteq": "⊒", "in": "∈", "notin": "∉",
        "ni": "∋", "owns": "∋", "mid": "∣", "parallel": "∥", "perp": "⊥", "ll": "≪", "gg": "≫", "lll": "⋘",
        "ggg": "⋙", "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰", "models": "⊨", "vdash": "⊢",
        "dashv": "⊣", "vDash": "⊨", "Vdash": "⊩", "asymp": "≍", "doteq": "≐", "bowtie": "⋈", "Join": "⋈",
        "smile": "⌣", "frown": "⌢", "nleq": "≰", "ngeq": "≱", "nless": "≮", "ngtr": "≯", "nsubseteq": "⊈",
        "nsupseteq": "⊉", "nsim": "≁", "ncong": "≇", "nmid": "∤", "nparallel": "∦", "nprec": "⊀",
        "nsucc": "⊁", "nvdash": "⊬", "nvDash": "⊭", "coloneqq": "≔", "eqqcolon": "≕", "coloneq": "≔",
        "triangleq": "≜", "lesssim": "≲", "gtrsim": "≳", "leqslant": "⩽", "geqslant": "⩾", "leqq": "≦",
        "geqq": "≧", "lessgtr": "≶", "gtrless": "≷", "lneq": "⪇", "gneq": "⪈", "approxident": "≋",
        "backsim": "∽", "therefore": "∴", "because": "∵", "between": "≬", "pitchfork": "⋔", "colon": ":",
        "lhd": "⊲", "rhd": "⊳", "vartriangleleft": "⊲", "vartriangleright": "⊳", "trianglelefteq": "⊴",
        "trianglerighteq": "⊵", "eqsim": "≂", "circeq": "≗", "bumpeq": "≏", "Bumpeq": "≎", "doteqdot": "≑",
        "risingdotseq": "≓", "fallingdotseq": "≒", "Subset": "⋐", "Supset": "⋑", "shortmid": "∣",
        "shortparallel": "∥", "sqsubsetneq": "⋤", "varsubsetneq": "⊊", "varsupsetneq": "⊋",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "impliedby": "⟸",
        "iff": "⟺", "mapsto": "↦", "longrightarrow": "⟶", "longleftarrow": "⟵", "longleftrightarrow": "⟷",
        "Longrightarrow": "⟹", "Longleftarrow": "⟸", "Longleftrightarrow": "⟺", "longmapsto": "⟼",
        "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "Updownarrow": "⇕", "nearrow": "↗", "searrow": "↘", "swarrow": "↙", "nwarrow": "↖",
        "hookrightarrow": "↪", "hookleftarrow": "↩", "rightharpoonup": "⇀", "rightharpoondown": "⇁",
        "leftharpoonup": "↼", "leftharpoondown": "↽", "rightleftharpoons": "⇌", "leftrightharpoons": "⇋",
        "leadsto": "⇝", "rightsquigarrow": "⇝", "twoheadrightarrow": "↠", "twoheadleftarrow": "↞",
        "rightrightarrows": "⇉", "leftleftarrows": "⇇", "rightleftarrows": "⇄", "leftrightarrows": "⇆",
        "nrightarrow": "↛", "nleftarrow": "↚", "nRightarrow": "⇏", "nLeftarrow": "⇍", "nleftrightarrow": "↮",
        "nLeftrightarrow": "⇎", "upuparrows": "⇈", "downdownarrows": "⇊", "curvearrowright": "↷",
        "curvearrowleft": "↶", "circlearrowright": "↻", "circlearrowleft": "↺", "Rrightarrow": "⇛",
        "Lleftarrow": "⇚", "restriction": "↾", "multimap": "⊸", "dashrightarrow": "⇢", "dashleftarrow": "⇠",
        "leftarrowtail": "↢", "rightarrowtail": "↣", "looparrowright": "↬", "looparrowleft": "↫",
        "Lsh": "↰", "Rsh": "↱", "uparrowupharpoon": "⥮",
    ]

    /// Characters after `\not` and their negated forms.
    static let negations: [String: String] = [
        "=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∈": "∉", "∋": "∌", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈",
        "⊇": "⊉", "∼": "≁", "≃": "≄", "≅": "≇", "≈": "≉", "≡": "≢", "∣": "∤", "∥": "∦", "≺": "⊀", "≻": "⊁",
        "⊢": "⊬", "⊨": "⊭", "→": "↛", "←": "↚", "⇒": "⇏", "⇐": "⇍", "↔": "↮", "⇔": "⇎",
    ]

    /// Punctuation and ordinary symbols written as operators: `<mo>`.
    static let ordinaryOperators: [String: String] = [
        "ldots": "…", "dots": "…", "dotsc": "…", "dotso": "…", "cdots": "⋯", "dotsb": "⋯", "dotsm": "⋯",
        "dotsi": "⋯", "vdots": "⋮", "ddots": "⋱", "iddots": "⋰", "forall": "∀", "exists": "∃",
        "nexists": "∄", "neg": "¬", "lnot": "¬", "prime": "′", "backprime": "‵", "surd": "√", "vert": "|",
        "Vert": "‖", "|": "‖", "backslash": "∖", "%": "%", "$": "$", "#": "#", "&": "&", "_": "_",
        "textbackslash": "\\", "lbrack": "[", "rbrack": "]", "ast": "∗", "bigstar": "★",
        "blacktriangle": "▲", "blacktriangledown": "▼", "triangledown": "▽", "lozenge": "◊",
        "blacklozenge": "⧫", "diagup": "╱", "diagdown": "╲", "smallint": "∫",
    ]

    /// Large operators with limits above and below in display style (`movablelimits`).
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigvee": "⋁", "bigwedge": "⋀",
        "bigoplus": "⨁", "bigotimes": "⨂", "bigodot": "⨀", "biguplus": "⨄", "bigsqcup": "⨆",
    ]

    /// Integrals: large, with limits as scripts.
    static let integrals: [String: String] = [
        "int": "∫", "iint": "∬", "iiint": "∭", "iiiint": "⨌", "oint": "∮", "oiint": "∯", "oiiint": "∰",
        "intop": "∫",
    ]

    /// Named functions written upright; those in `limitFunctions` take limits below in display.
    static let functions: Set<String> = [
        "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "arcsin", "arccos", "arctan",
        "arg", "deg", "dim", "exp", "hom", "ker", "lg", "ln", "log", "Pr", "det", "gcd", "lim", "liminf",
        "limsup", "max", "min", "sup", "inf", "sgn", "tr", "Tr", "rank", "diag", "argmax", "argmin", "injlim",
        "projlim", "cosec", "sech", "csch", "arccot", "arcsec", "arccsc",
    ]

    /// Functions whose limits go below in display style.
    static let limitFunctions: Set<String> = [
        "lim", "liminf", "limsup", "max", "min", "sup", "inf", "det", "gcd", "Pr", "argmax", "argmin", "injlim",
        "projlim",
    ]

    /// How functions are spelled when it differs from their name.
    static let functionSpelling: [String: String] = [
        "liminf": "lim inf", "limsup": "lim sup", "argmax": "arg max", "argmin": "arg min", "injlim": "inj lim",
        "projlim": "proj lim",
    ]

    /// Delimiters after `\left`, `\right`, `\big` and friends.
    static let delimiters: [String: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "lbrack": "[", "rbrack": "]", "{": "{", "}": "}",
        "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩", "lvert": "|", "rvert": "|", "vert": "|",
        "|": "‖", "Vert": "‖", "lVert": "‖", "rVert": "‖", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊",
        "rfloor": "⌋", "/": "/", "backslash": "∖", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕",
        "Uparrow": "⇑", "Downarrow": "⇓", "Updownarrow": "⇕", "lgroup": "⟮", "rgroup": "⟯", "llbracket": "⟦",
        "rrbracket": "⟧", "<": "⟨", ">": "⟩", "lmoustache": "⎰", "rmoustache": "⎱", "ulcorner": "⌜",
        "urcorner": "⌝", "llcorner": "⌞", "lrcorner": "⌟",
    ]

    /// Spaces by command, in em.
    static let spaces: [String: Double] = [
        ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
        ";": 5.0 / 18, "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18,
        "negmedspace": -4.0 / 18, "negthickspace": -5.0 / 18, "quad": 1, "qquad": 2, " ": 0.25, "enspace": 0.5,
        "space": 0.25, "nobreakspace": 0.25,
    ]

    /// Every command name these tables and the parser know, for "did you mean".
    static var allNames: Set<String> {
        var names = Set(letters.keys).union(uprightLetters.keys).union(binary.keys).union(relations.keys)
        names.formUnion(ordinaryOperators.keys)
        names.formUnion(largeOperators.keys)
        names.formUnion(integrals.keys)
        names.formUnion(functions)
        names.formUnion(delimiters.keys.filter { $0.count > 1 })
        names.formUnion(spaces.keys.filter { $0.count > 1 })
        return names
    }
}
