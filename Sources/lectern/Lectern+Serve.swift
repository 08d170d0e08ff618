import ArgumentParser
import FlyingFox
import Foundation
import LecternCore
import LecternSite

extension Lectern {
    /// `lectern serve [PATH]`: build, serve on 127.0.0.1, rebuild on change, reload the browser.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the course, serve it on 127.0.0.1 and rebuild when a file changes.",
            discussion: "Pages reload by themselves after each successful rebuild. A failed rebuild keeps the last good site.")

        @OptionGroup var course: CourseOptions

        @Option(help: "The port to listen on.")
        var port: UInt16 = 8000

        func run() async throws {
            let watcher = SiteWatcher(root: course.path, strict: course.strict, drafts: course.drafts)
            guard watcher.rebuild() else {
                DiagnosticOutput.note("fix the errors above; lectern serve starts once the course builds")
                throw ExitCode(1)
            }
            let output = (course.path as NSString).appendingPathComponent("Public")
            let handler = PreviewHandler(resolver: SiteFileResolver(root: output), watcher: watcher)
            let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled, handler: handler)
            DiagnosticOutput.note("serving \(output) on http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
            let watch = Task.detached { await watcher.watch() }
            defer { watch.cancel() }
            try await server.run()
        }
    }
}

/// Serves the built site safely and adds the live-reload script to pages.
struct PreviewHandler: HTTPHandler {
    let resolver: SiteFileResolver
    let watcher: SiteWatcher

    static let reloadScript = """
        (function () {
          var seen = null;
          setInterval(function () {
            fetch("/__lectern/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
              if (seen !== null && v !== seen) location.reload();
              seen = v;
            }, function () {});
          }, 1000);
        })();
        """

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch request.path {
        case "/__lectern/version":
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/plain", .cacheControl: "no-store"]),
                                body: Data(String(watcher.version).utf8))
        case "/__lectern/reload.js":
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/javascript"]), body: Data(Self.reloadScript.utf8))
        default:
            break
        }
        switch resolver.resolve(request.target.path(percentEncoded: true)) {
        case .file(let path):
            guard var data = FileManager.default.contents(atPath: path) else { return HTTPResponse(statusCode: .notFound) }
            let type = SiteFileResolver.contentType(path)
            if type.hasPrefix("text/html") {
                data = Data(String(decoding: data, as: UTF8.self)
                    .replacingOccurrences(of: "</body>", with: "<script src=\"/__lectern/reload.js\"></script>\n</body>").utf8)
            }
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: type, .cacheControl: "no-store"]), body: data)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
        case .forbidden:
            return HTTPResponse(statusCode: .forbidden, headers: HTTPHeaders([.contentType: "text/plain"]), body: Data("Forbidden\n".utf8))
        case .notFound:
            let page = FileManager.default.contents(atPath: resolver.root + "/404.html") ?? Data("Not found\n".utf8)
            return HTTPResponse(statusCode: .notFound, headers: HTTPHeaders([.contentType: "text/html; charset=utf-8"]), body: page)
        }
    }
}

/// Rebuilds the site when Content/ or Templates/ change, counting successful builds.
final class SiteWatcher: @unchecked Sendable {
    let root: String
    let strict: Bool
    let drafts: Bool
    private let lock = NSLock()
    private var builds = 0

    init(root: String, strict: Bool, drafts: Bool) {
        self.root = root
        self.strict = strict
        self.drafts = drafts
    }

    /// Successful builds so far; pages reload when it changes.
    var version: Int { lock.lock(); defer { lock.unlock() }; return builds }

    /// Builds once, printing diagnostics; true when the site was written.
    func rebuild() -> Bool {
        var options = BuildOptions(root: root)
        options.strict = strict
        options.drafts = drafts
        do {
            let result = try SiteBuilder.build(options)
            DiagnosticOutput.print(result.diagnostics, sources: result.sources)
            guard result.wrote else {
                DiagnosticOutput.note("rebuild failed: \(DiagnosticOutput.summary(result.diagnostics)); still serving the last good site")
                return false
            }
            lock.lock()
            builds += 1
            lock.unlock()
            DiagnosticOutput.note("built \(result.fileCount) files (\(DiagnosticOutput.summary(result.diagnostics)))")
            return true
        } catch {
            DiagnosticOutput.note("error: \(error)")
            return false
        }
    }

    /// Path, size and modification time of every source file.
    func fingerprint() -> [String: String] {
        var prints: [String: String] = [:]
        for folder in ["Content", "Templates"] {
            let base = (root as NSString).appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let path = enumerator.nextObject() as? String {
                let attributes = try? FileManager.default.attributesOfItem(atPath: base + "/" + path)
                let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
                let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                prints[folder + "/" + path] = "\(size)-\(date)"
            }
        }
        return prints
    }

    /// Polls twice a second until cancelled.
    func watch() async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 500_000_000)
            let current = fingerprint()
            if current != last {
                last = current
                _ = rebuild()
            }
        }
    }
}
