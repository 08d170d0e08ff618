import Foundation
import LecternCore
import LecternSite
#if canImport(Glibc)
import Glibc
#endif

/// Watches `Content/` and `Templates/` (inotify, else polling) and hands each change to the
/// preview session: changed lessons alone when only lessons changed, everything otherwise.
final class PreviewWatcher: @unchecked Sendable {
    let root: String
    let session: PreviewSession
    let quiet: Bool
    private var prints: [String: FileStamp] = [:]
    private var notify: Int32 = -1
    /// What the last rebuild printed, so that an edit does not print the whole course's findings again.
    private var shown: Set<Diagnostic> = []

    init(root: String, session: PreviewSession, quiet: Bool) {
        self.root = root
        self.session = session
        self.quiet = quiet
    }

    /// What a rebuild reads again.
    enum Scope {
        /// course.yml, every lesson and the theme.
        case all
        /// These lessons, by path relative to `Content/`.
        case lessons([String])
        /// The theme, after these files under `Templates/` changed; the lessons as analysed stay.
        case theme([String])
    }

    /// Rebuilds and prints what happened.
    func rebuild(_ scope: Scope) {
        let start = Date()
        let update: PreviewUpdate
        let edited: Set<String>
        let what: String
        switch scope {
        case .all:
            (update, edited, what) = (session.rebuildAll(), [], "built the site")
        case .lessons(let lessons):
            (update, edited, what) = (session.update(lessons: lessons), Set(lessons.map { "Content/" + $0 }),
                                      "rebuilt \(lessons.joined(separator: ", "))")
        case .theme(let files):
            (update, edited, what) = (session.reloadTheme(), Set(files), "rebuilt the pages with \(files.joined(separator: ", "))")
        }
        let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        if let problem = session.fatalProblem {
            DiagnosticOutput.note("error: \(problem); still watching")
            return
        }
        // After an edit: the edited files' findings, and any finding elsewhere that is new.
        let everything = if case .all = scope { true } else { false }
        let fresh = everything ? update.diagnostics : update.diagnostics.filter { edited.contains($0.file) || !shown.contains($0) }
        shown = Set(update.diagnostics)
        DiagnosticOutput.print(fresh, sources: update.sources)
        guard !quiet else { return }
        let count = update.changedFiles.count
        DiagnosticOutput.note("\(what): \(count) file\(count == 1 ? "" : "s") changed in \(milliseconds) ms "
            + "(\(DiagnosticOutput.summary(update.diagnostics)))")
    }

    /// Notes the files as they are before the first build, so a save made while it runs is
    /// seen afterwards rather than lost.
    func prime() {
        prints = fingerprint()
    }

    /// Runs on its own thread until the process ends.
    func watch() async {
        let thread = Thread { self.loop() }
        thread.start()
        while !Task.isCancelled { try? await Task.sleep(nanoseconds: 1_000_000_000) }
    }

    private func loop() {
        if prints.isEmpty { prints = fingerprint() }
        notify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        addWatches()
        // The first pass looks without waiting: saves made during the first build came before the watches.
        var first = true
        while true {
            if first {
                first = false
            } else if notify >= 0 {
                var descriptor = pollfd(fd: notify, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 1000) > 0 else { continue }
                drain()
                // An editor's save is a burst of events (write, rename, attributes) within
                // microseconds; a change that comes later is seen by the next pass anyway.
                usleep(3_000)
                drain()
            } else {
                usleep(250_000)
            }
            let current = fingerprint()
            guard current != prints else { continue }
            let changed = Set(current.keys).union(prints.keys).filter { current[$0] != prints[$0] }
            let lessons = changed.filter { $0.hasPrefix("Content/") && $0.hasSuffix(".md") && current[$0] != nil && prints[$0] != nil }
            prints = current
            if lessons.count == changed.count {
                rebuild(.lessons(lessons.map { String($0.dropFirst("Content/".count)) }.sorted()))
            } else if changed.allSatisfy({ $0.hasPrefix("Templates/") }) {
                rebuild(.theme(changed.sorted()))
                addWatches()
            } else {
                rebuild(.all)
                addWatches()
            }
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while read(notify, &buffer, buffer.count) > 0 {}
    }

    private func addWatches() {
        guard notify >= 0 else { return }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_ATTRIB)
        let folders = ["Content", "Templates"].map { (root as NSString).appendingPathComponent($0) }
        for folder in folders + SourceScan.sources(of: root).folders { _ = inotify_add_watch(notify, folder, mask) }
    }

    /// Size and modification time of every source file.
    private func fingerprint() -> [String: FileStamp] {
        SourceScan.sources(of: root).files
    }
}
