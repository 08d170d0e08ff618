import Foundation
import LecternCore
import LecternSite

/// What `serve` adds to pages: the reload script and the problems panel.
enum PreviewAssets {
    /// Polls the page's version and reloads when the page or its problems changed; the
    /// version the page was served with comes in the script tag.
    static let reloadScript = """
        (function () {
          var script = document.currentScript;
          var seen = script && script.getAttribute("data-version");
          var page = location.pathname;
          function check() {
            fetch("/__lectern/version?page=" + encodeURIComponent(page), { cache: "no-store" })
              .then(function (r) { return r.text(); })
              .then(function (v) { if (seen !== null && v !== seen) { location.reload(); } seen = v; }, function () {});
          }
          setInterval(check, 250);
          document.addEventListener("click", function (event) {
            var close = event.target.closest && event.target.closest(".lectern-problems-close");
            if (close) { document.getElementById("lectern-problems").hidden = true; }
          });
        })();
        """

    static let problemsStyle = """
        #lectern-problems { position: fixed; z-index: 2147483647; left: 1rem; right: 1rem; bottom: 1rem; max-height: 45vh;
          overflow: auto; background: #fff; color: #1a1a1a; border: 2px solid #b00020; border-radius: 8px;
          box-shadow: 0 6px 24px rgba(0,0,0,.3); font: 15px/1.45 system-ui, sans-serif; padding: .75rem 1rem; }
        #lectern-problems h2 { font-size: 1rem; margin: 0 0 .5rem; color: #b00020; }
        #lectern-problems ol { margin: 0; padding-left: 1.25rem; }
        #lectern-problems li { margin: .25rem 0; }
        #lectern-problems code { font: 13px/1.4 ui-monospace, monospace; }
        #lectern-problems .warning { color: #7a4d00; }
        #lectern-problems .lectern-problems-close { float: right; font: inherit; border: 1px solid #888; border-radius: 4px;
          background: #f4f4f4; color: #1a1a1a; padding: .1rem .6rem; cursor: pointer; }
        """

    /// The problems panel, empty when there is nothing to show.
    static func panel(fatal: String?, diagnostics: [Diagnostic]) -> String {
        guard fatal != nil || !diagnostics.isEmpty else { return "" }
        var html = "<aside id=\"lectern-problems\" role=\"alert\" aria-labelledby=\"lectern-problems-title\">"
        html += "<button type=\"button\" class=\"lectern-problems-close\">Close</button>"
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var title = "Lectern found problems"
        if fatal == nil { title = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") on this page" }
        html += "<h2 id=\"lectern-problems-title\">\(title)</h2><ol>"
        if let fatal { html += "<li>" + escape(fatal) + "</li>" }
        for diagnostic in diagnostics {
            let place = "\(diagnostic.file):\(diagnostic.range.start.line):\(diagnostic.range.start.column)"
            html += "<li class=\"\(diagnostic.severity.rawValue)\"><code>\(escape(place))</code> \(diagnostic.severity.rawValue): "
                + escape(diagnostic.message) + " <code>[\(escape(diagnostic.id))]</code></li>"
        }
        return html + "</ol></aside>"
    }

    /// A page with the reload script and, when there are problems, the panel.
    static func decorate(_ page: String, panel: String, version: String) -> String {
        var addition = ""
        if !panel.isEmpty { addition += "<link rel=\"stylesheet\" href=\"/__lectern/problems.css\">" + panel }
        addition += "<script src=\"/__lectern/reload.js\" data-version=\"\(escape(version))\"></script>\n"
        guard let end = page.range(of: "</body>", options: .backwards) else { return page + addition }
        return page.replacingCharacters(in: end, with: addition + "</body>")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
