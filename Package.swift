// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "LecternMath"),
        .target(
            name: "LecternHighlight",
            // ICU as the Swift toolchain ships it for Foundation: its regex time limit keeps
            // a badly backtracking grammar pattern from stalling a build.
            linkerSettings: [.linkedLibrary("_FoundationICU")],
            plugins: ["EmbedGrammars"]
        ),
        .target(
            name: "LecternCore",
            dependencies: ["CCmarkGFM", "LecternMath", "LecternHighlight", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "LecternSite",
            dependencies: ["LecternCore", "LecternHighlight", .product(name: "Mustache", package: "swift-mustache")],
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
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
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
            dependencies: ["LecternCore"],
            resources: [.copy("Fixtures"), .copy("QuizGolden"), .copy("SlideGolden")]
        ),
        .testTarget(
            name: "LecternSiteTests",
            dependencies: ["LecternSite", "LecternCore"],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
