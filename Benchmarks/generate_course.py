#!/usr/bin/env python3
"""Writes a deterministic synthetic course of N lessons that uses every construct of the
markdown dialect (SPEC section 3). With --math K each lesson also has K formulas of the kinds
lectures use, and with --math-as-code the same formulas are written as code spans instead (the
twin a math-heavy build is compared with).
Usage: generate_course.py N OUTPUT_DIR [--math K] [--math-as-code]"""
import pathlib
import random
import sys

WORDS = ("model data feature pipeline drift label metric serving training latency rollout monitor "
         "threshold baseline slice recall precision schema batch request cache fallback owner alert").split()


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, n=5):
    return " ".join(sentence(rng) for _ in range(n))


FORMULAS = [
    r"P(y \mid x) = \frac{P(x \mid y)\,P(y)}{P(x)}",
    r"\hat{\theta} = \arg\max_{\theta} \sum_{i=1}^{n} \log p_\theta(x_i)",
    r"\mathbb{E}[X] = \int_{-\infty}^{\infty} x f(x)\,dx",
    r"\nabla_w L = \frac{2}{n} X^\top (Xw - y)",
    r"\sigma(z) = \frac{1}{1 + e^{-z}}",
    r"\lVert w \rVert_2^2 = \sum_j w_j^2",
    r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}^{-1} = \frac{1}{ad - bc} \begin{pmatrix} d & -b \\ -c & a \end{pmatrix}",
    r"f(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}",
    r"\lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^n = e",
    r"\binom{n}{k} = \frac{n!}{k!\,(n-k)!}",
    r"\mathcal{O}(n \log n) \subseteq \mathcal{O}(n^2)",
    r"\forall \varepsilon > 0\ \exists \delta > 0 : |x - a| < \delta \implies |f(x) - f(a)| < \varepsilon",
    r"\operatorname{Var}(X) = \mathbb{E}\left[(X - \mu)^2\right]",
    r"\sqrt[3]{x^3 + y^3} \leq \sqrt{x^2 + y^2}",
    r"\begin{aligned} a &= b + c \\ &= d \end{aligned}",
    r"\overbrace{1 + 2 + \cdots + n}^{n \text{ terms}} = \frac{n(n+1)}{2}",
]


def formulas(rng, count, as_code):
    out = []
    for k in range(count):
        tex = rng.choice(FORMULAS) + " + c_{%d}" % k
        if as_code:
            out.append("`%s`" % tex if k % 2 else "\n\n`%s`\n\n" % tex)
        else:
            out.append("$%s$" % tex if k % 2 else "\n\n$$%s$$\n\n" % tex)
    return "## Formulas\n\nSee " + " and ".join(out) + ".\n"


SNIPPETS = [
    ("python", 'def score(items, weight=%d):\n    """Weighted total."""\n    return sum(w * x for w, x in items) / weight  # normalised\n'),
    ("java", 'public final class Box%d {\n    private final String label = "box\\n";\n    public int size() { return label.length(); }\n}\n'),
    ("javascript", 'export async function load(id = %d) {\n  const res = await fetch(`/api/${id}`);\n  return res.ok ? res.json() : null; // fallback\n}\n'),
    ("sql", "SELECT name, COUNT(*) AS n\nFROM orders\nWHERE total > %d AND status = 'open'\nGROUP BY name;\n"),
    ("bash", 'for f in *.csv; do\n  echo "row $f: %d" >&2\ndone\n'),
    ("c", '#include <stdio.h>\nint main(void) {\n    printf("%%d\\n", %d); /* print */\n    return 0;\n}\n'),
]


def code_blocks(index, count, plain):
    out = []
    for k in range(count):
        language, body = SNIPPETS[(index + k) % len(SNIPPETS)]
        out.append("```%s\n%s```\n" % ("" if plain else language, body % (index * 100 + k)))
    return "## Code\n\n" + "\n".join(out)


def lesson(rng, index, total, plain=False):
    other = "l%04d.md" % ((index + 1) % total)
    parts = [
        "---\ntitle: Lesson %d\ndescription: %s\nlevel: %s\nduration: %d\nobjectives:\n  - %s\n---\n"
        % (index, sentence(rng, 8), rng.choice(["beginner", "intermediate", "advanced"]), rng.randint(5, 40), sentence(rng, 6)),
        "# Section %d\n\n## Overview {#overview .center}\n\n%s\n" % (index, paragraph(rng)),
        ":::::: {.columns}\n::: {.column width=\"40%%\"}\n%s\n:::\n::: {.column width=\"60%%\"}\n![A figure](img.svg){width=80%% title=\"Figure\"}\n:::\n::::::\n" % paragraph(rng, 2),
        "## Details\n\nInline math $x_%d^2 + y$ and display $$\\sum_{i=1}^{n} w_i x_i$$ here. H~2~O and x^2^ and ~~old~~ text, "
        "a [span]{.highlight} and a [link](%s#overview){target=\"_blank\"} and a citation [@key%d] and a note.[^n%d]\n\n[^n%d]: %s\n"
        % (index, other, index, index, index, sentence(rng)),
        "::: {.callout-tip title=\"Tip\"}\n%s\n:::\n\n> [!NOTE]\n> %s\n" % (sentence(rng), sentence(rng)),
        "| Name | Value |\n|:-----|------:|\n" + "".join("| %s | %d |\n" % (rng.choice(WORDS), rng.randint(1, 99)) for _ in range(4)),
        "  Left    Right\n-------  -------\n  a        1\n  b        2\n",
        "Term\n:   %s\n\n| a line\n|   an indented line\n" % sentence(rng),
        "a. first\nb. second\n\n- [x] done\n- [ ] open\n",
        "```{%s.numberLines}\ndef f(x):\n    return x * %d\n```\n\n`<b>raw</b>`{=html} and \\pause\n" % ("" if plain else ".python ", index),
        "::: notes\n%s\n:::\n\n. . .\n\n::: incremental\n- one\n- two\n:::\n\n---\n\n%s\n" % (sentence(rng), paragraph(rng, 8)),
        "::: {.quiz title=\"Check\"}\n1. %s\n   - [ ] wrong\n   - [x] right\n:::\n" % sentence(rng, 6),
    ]
    return "\n".join(parts)


def main():
    count, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    math = int(sys.argv[sys.argv.index("--math") + 1]) if "--math" in sys.argv else 0
    as_code = "--math-as-code" in sys.argv
    code = int(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else 0
    plain = "--code-plain" in sys.argv
    rng = random.Random(42)
    content = out / "Content"
    content.mkdir(parents=True, exist_ok=True)
    names = ["l%04d.md" % i for i in range(count)]
    for index, name in enumerate(names):
        text = lesson(rng, index, count, plain)
        if math:
            text += "\n" + formulas(random.Random(index), math, as_code)
        if code:
            text += "\n" + code_blocks(index, code, plain)
        (content / name).write_text(text)
    (content / "img.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n')
    modules = [names[i:i + 50] for i in range(0, count, 50)]
    yml = "title: Benchmark Course\nid: bench\nmodules:\n" + "".join(
        "  - title: Module %d\n    lessons: [%s]\n" % (i + 1, ", ".join(m)) for i, m in enumerate(modules))
    (content / "course.yml").write_text(yml)


if __name__ == "__main__":
    main()
