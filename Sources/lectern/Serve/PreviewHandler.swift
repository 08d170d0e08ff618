import Foundation
import LecternCore
import LecternSite

/// Serves the built site safely, with a reload script on every page and, on pages with
/// problems, a panel listing them.
struct PreviewHandler: Sendable {
    let resolver: SiteFileResolver
    let session: PreviewSession

    /// The answer to one request.
    func respond(to request: RequestHead) -> PreviewResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(.methodNotAllowed, "Only GET and HEAD", fields: [("Allow", "GET, HEAD")])
        }
        guard PreviewHosts.allows(request.field("host")) else {
            // A page on another site whose name was pointed at this machine (DNS rebinding)
            // must not read the preview.
            return .text(.forbidden, "This preview answers to localhost and IP addresses only")
        }
        return answer(request)
    }

    private func answer(_ request: RequestHead) -> PreviewResponse {
        let fresh = ("Cache-Control", "no-store")
        switch request.path {
        case "/__lectern/version":
            return PreviewResponse(status: .ok, fields: [("Content-Type", "text/plain"), fresh],
                                   body: Data(version(ofPage: request.queryValue("page") ?? "/").utf8))
        case "/__lectern/reload.js":
            return PreviewResponse(status: .ok, fields: [("Content-Type", "text/javascript"), fresh], body: Data(PreviewAssets.reloadScript.utf8))
        case "/__lectern/problems.css":
            return PreviewResponse(status: .ok, fields: [("Content-Type", "text/css"), fresh], body: Data(PreviewAssets.problemsStyle.utf8))
        default:
            break
        }
        if let fatal = session.fatalProblem {
            let page = PreviewAssets.decorate("<!doctype html><title>Lectern</title><body></body>",
                                              panel: PreviewAssets.panel(fatal: fatal, diagnostics: []),
                                              version: version(ofFile: "index.html"))
            return PreviewResponse(status: .serviceUnavailable, fields: [("Content-Type", "text/html; charset=utf-8")], body: Data(page.utf8))
        }
        switch resolver.resolve(request.path) {
        case .file(let path):
            let file = relative(path)
            let version = version(ofFile: file)
            guard var data = FileManager.default.contents(atPath: path) else { return .text(.notFound, "Not found") }
            let type = SiteFileResolver.contentType(path)
            if type.hasPrefix("text/html") {
                data = Data(PreviewAssets.decorate(String(decoding: data, as: UTF8.self), panel: panel(file), version: version).utf8)
            }
            return PreviewResponse(status: .ok, fields: [("Content-Type", type), fresh], body: data)
        case .redirect(let location):
            return PreviewResponse(status: .movedPermanently, fields: [("Location", location)])
        case .forbidden:
            return .text(.forbidden, "Forbidden")
        case .notFound:
            let page = FileManager.default.contents(atPath: resolver.root + "/404.html") ?? Data("Not found\n".utf8)
            return PreviewResponse(status: .notFound, fields: [("Content-Type", "text/html; charset=utf-8")], body: page)
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
