import ArgumentParser
import FlyingSocks
import Foundation
import LecternCore
import LecternSite

extension Lectern {
    /// `lectern serve [PATH]`: build, serve, rebuild only what changed, reload the pages concerned.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the course, serve it and rebuild what changed whenever a file changes.",
            discussion: "Starts even when the course has errors: they are printed and shown on the pages they concern. "
                + "A change to one lesson re-renders that lesson, its deck and the pages that show it; open pages "
                + "reload when something they show changed.")

        @OptionGroup var course: CourseOptions
        @OptionGroup var report: ReportOptions

        @Option(help: "The port to listen on; the next free one is used when it is taken.")
        var port: UInt16 = 8000

        @Option(help: "The address to listen on: 127.0.0.1 (this machine only) or, for a preview on the local network, 0.0.0.0.")
        var host = "127.0.0.1"

        @Option(help: "The output folder. Default: PATH/Public.")
        var output: String?

        @Flag(help: "Open the site in a web browser.")
        var open = false

        func run() async throws {
            var options = course.buildOptions()
            options.output = output
            let session: PreviewSession
            do {
                session = try PreviewSession(options: options)
            } catch let error as OutputFolderError {
                DiagnosticOutput.note("error: \(error.description)")
                throw ExitCode(error.isHeldElsewhere ? 75 : 64)
            } catch {
                DiagnosticOutput.note("error: \(error)")
                throw ExitCode(1)
            }
            let stopping = StopSignals.install { session.close() }
            defer { withExtendedLifetime(stopping) {} }
            let watcher = PreviewWatcher(root: course.path, session: session, quiet: report.quiet)
            watcher.prime()
            watcher.rebuild(.all)
            guard let chosen = PortFinder.firstFree(from: port, host: host) else {
                DiagnosticOutput.note("error: no free port from \(port) to \(Int(port) + PortFinder.attempts - 1) on \(host)")
                throw ExitCode(64)
            }
            if chosen != port { DiagnosticOutput.note("port \(port) is in use; using \(chosen)") }
            let server = PreviewServer(handler: PreviewHandler(resolver: SiteFileResolver(root: session.output.path), session: session))
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(chosen)/"
            DiagnosticOutput.note("serving \(session.output.path) on \(url) (Ctrl-C to stop)")
            if open { Browser.open(url) }
            let watch = Task.detached { await watcher.watch() }
            defer { watch.cancel() }
            if host.contains(":") {
                try await server.run(on: try sockaddr_in6.inet6(ip6: host, port: chosen))
            } else {
                try await server.run(on: try sockaddr_in.inet(ip4: host, port: chosen))
            }
        }
    }
}

/// Finds a port nobody listens on.
enum PortFinder {
    static let attempts = 20

    static func firstFree(from port: UInt16, host: String) -> UInt16? {
        for offset in 0..<attempts {
            let candidate = Int(port) + offset
            guard candidate <= Int(UInt16.max) else { return nil }
            if isFree(UInt16(candidate), host: host) { return UInt16(candidate) }
        }
        return nil
    }

    static func isFree(_ port: UInt16, host: String) -> Bool {
        guard !host.contains(":") else { return true }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

/// Opens a URL in the desktop's browser, if there is one.
enum Browser {
    static func open(_ url: String) {
        for opener in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: opener) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [url]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) != nil { return }
        }
        DiagnosticOutput.note("no browser to open; visit \(url)")
    }
}
