import FlyingFox
import Foundation
import LecternCore
import LecternSite

/// Serves the built site safely, with a reload script on every page and, on pages with
/// problems, a panel listing them.
struct PreviewHandler: HTTPHandler {
    let resolver: SiteFileResolver
    let session: PreviewSession

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD", .contentType: "text/plain"]),
                                body: Data("Only GET and HEAD\n".utf8))
        }
        guard PreviewHosts.allows(request.headers[.host]) else {
            // A page on another site whose name was pointed at this machine (DNS rebinding)
            // must not read the preview.
            return HTTPResponse(statusCode: .forbidden, headers: HTTPHeaders([.contentType: "text/plain"]),
                                body: Data("This preview answers to localhost and IP addresses only\n".utf8))
        }
        let response = try await answer(request)
        guard request.method == .HEAD else { return response }
        return HTTPResponse(statusCode: response.statusCode, headers: response.headers, body: Data())
    }

    private func answer(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch request.path {
        case "/__lectern/version":
            let page = request.query["page"] ?? "/"
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/plain", .cacheControl: "no-store"]),
                                body: Data(version(ofPage: page).utf8))
        case "/__lectern/reload.js":
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/javascript", .cacheControl: "no-store"]),
                                body: Data(PreviewAssets.reloadScript.utf8))
        case "/__lectern/problems.css":
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/css", .cacheControl: "no-store"]),
                                body: Data(PreviewAssets.problemsStyle.utf8))
        default:
            break
        }
        if let fatal = session.fatalProblem {
            return HTTPResponse(statusCode: .serviceUnavailable, headers: HTTPHeaders([.contentType: "text/html; charset=utf-8"]),
                                body: Data(PreviewAssets.decorate("<!doctype html><title>Lectern</title><body></body>",
                                                                  panel: PreviewAssets.panel(fatal: fatal, diagnostics: []),
                                                                  version: version(ofFile: "index.html")).utf8))
        }
        switch resolver.resolve(request.target.path(percentEncoded: true)) {
        case .file(let path):
            let file = relative(path)
            let version = version(ofFile: file)
            guard var data = FileManager.default.contents(atPath: path) else { return HTTPResponse(statusCode: .notFound) }
            let type = SiteFileResolver.contentType(path)
            if type.hasPrefix("text/html") {
                data = Data(PreviewAssets.decorate(String(decoding: data, as: UTF8.self), panel: panel(file), version: version).utf8)
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

    /// A file's path inside the output folder.
    private func relative(_ path: String) -> String {
        path.hasPrefix(resolver.root + "/") ? String(path.dropFirst(resolver.root.count + 1)) : path
    }

    private func panel(_ file: String) -> String {
        let problems = session.problems(onPage: file)
        return PreviewAssets.panel(fatal: problems.fatal, diagnostics: problems.diagnostics)
    }

    /// Changes when the page's file was rewritten or its problems changed; read before the file.
    private func version(ofFile file: String) -> String {
        "\(session.generation(ofFile: file))-\(FNV1a.hash(Data(panel(file).utf8)))"
    }

    /// The version of the page at a URL path.
    private func version(ofPage page: String) -> String {
        var file = page.hasPrefix("/") ? String(page.dropFirst()) : page
        if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
        return version(ofFile: file.removingPercentEncoding ?? file)
    }
}
