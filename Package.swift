// swift-tools-version:6.0
import Foundation
import PackageDescription

// `LECTERN_FUZZ=<libFuzzer without main> swift build --product LecternFuzz` (Scripts/fuzz.sh)
// instruments the libraries for libFuzzer's coverage and links LecternFuzz as a fuzz target.
let fuzzerLibrary = ProcessInfo.processInfo.environment["LECTERN_FUZZ"]
let fuzzing = fuzzerLibrary != nil
let coverage: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer"])] : []

let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
        .library(name: "LecternMath", targets: ["LecternMath"]),
        .library(name: "LecternHighlight", targets: ["LecternHighlight"]),
        .library(name: "LecternCore", targets: ["LecternCore"]),
        .library(name: "LecternSite", targets: ["LecternSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // mimalloc (Debian's libmimalloc-dev, MIT) in place of glibc's allocator, for lectern
        // itself: a build allocates millions of small strings and arrays on every core, and
        // costs about 7% less CPU with it. Linked before the C library, its malloc serves the
        // whole process.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .target(name: "LecternMath", swiftSettings: coverage),
        // Byte-level text search shared by the parser and the highlighter's grammar loading.
        .target(name: "LecternText", swiftSettings: coverage),
        .target(
            name: "LecternHighlight",
            dependencies: ["LecternText"],
            // ICU as the Swift toolchain ships it for Foundation: its regex time limit keeps
            // a badly backtracking grammar pattern from stalling a build.
            swiftSettings: coverage,
            linkerSettings: [.linkedLibrary("_FoundationICU")],
            plugins: ["EmbedGrammars"]
        ),
        .target(
            name: "LecternCore",
            dependencies: ["CCmarkGFM", "LecternMath", "LecternHighlight", "LecternText", .product(name: "Yams", package: "Yams")],
            swiftSettings: coverage
        ),
        .target(
            name: "LecternSite",
            dependencies: ["LecternCore", "LecternHighlight", "LecternText", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: coverage,
            plugins: ["EmbedTheme"]
        ),
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .plugin(name: "EmbedGrammars", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .executableTarget(
            name: "lectern",
            dependencies: [
                "LecternCore", "LecternSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
            ]
        ),
        // A libFuzzer target over the whole pipeline (Scripts/fuzz.sh); built normally, it
        // replays a corpus.
        .executableTarget(
            name: "LecternFuzz",
            dependencies: ["LecternCore", "LecternSite"],
            swiftSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer"]), .define("LECTERN_FUZZ")] : [],
            linkerSettings: fuzzerLibrary.map { [.unsafeFlags([$0]), .linkedLibrary("stdc++")] } ?? []
        ),
        .testTarget(
            name: "LecternMathTests",
            dependencies: ["LecternMath"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "LecternHighlightTests",
            dependencies: ["LecternHighlight"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "LecternCoreTests",
            dependencies: ["LecternCore", "LecternText"],
            resources: [.copy("Fixtures"), .copy("QuizGolden"), .copy("SlideGolden")]
        ),
        .testTarget(
            name: "LecternSiteTests",
            dependencies: ["LecternSite", "LecternCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
