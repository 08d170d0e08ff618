import Foundation
import LecternSite
import Testing

/// The preview server never serves a file outside the site and serves folders' index pages.
@Suite struct SiteFileResolverTests {
    static func site() throws -> (String, SiteFileResolver) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base + "/Public/lesson", withIntermediateDirectories: true)
        try "home".write(toFile: base + "/Public/index.html", atomically: true, encoding: .utf8)
        try "lesson".write(toFile: base + "/Public/lesson/index.html", atomically: true, encoding: .utf8)
        try "a b".write(toFile: base + "/Public/a b.txt", atomically: true, encoding: .utf8)
        try "secret".write(toFile: base + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: base + "/Public/escape", withDestinationPath: base)
        return (base, SiteFileResolver(root: base + "/Public"))
    }

    @Test(arguments: ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/lesson/%2e%2e/%2e%2e/secret.txt",
                      "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/lesson/..%5c..%5csecret.txt", "/escape/secret.txt"])
    func refusesPathsThatLeaveTheSite(_ path: String) throws {
        let (base, resolver) = try Self.site()
        defer { OutputSafetyTests.remove(base) }
        let result = resolver.resolve(path)
        #expect(result == .forbidden || result == .notFound)
        if case .file(let file) = result { Issue.record("served \(file)") }
    }

    @Test func servesIndexPagesAndRedirectsFolders() throws {
        let (base, resolver) = try Self.site()
        defer { OutputSafetyTests.remove(base) }
        let root = URL(fileURLWithPath: base + "/Public").resolvingSymlinksInPath().path
        #expect(resolver.resolve("/") == .file(root + "/index.html"))
        #expect(resolver.resolve("/lesson/") == .file(root + "/lesson/index.html"))
        #expect(resolver.resolve("/lesson") == .redirect("/lesson/"))
        #expect(resolver.resolve("/a%20b.txt") == .file(root + "/a b.txt"))
        #expect(resolver.resolve("/missing.html") == .notFound)
        #expect(resolver.resolve("/.lectern-site") == .notFound)
    }
}
