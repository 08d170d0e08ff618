import Foundation

/// Which `Host` headers the preview answers: IP addresses, `localhost` and this machine's
/// name. Any other name can only come from a page that pointed its own domain at this machine
/// to read the preview from a browser (DNS rebinding).
enum PreviewHosts {
    /// True when a request with this `Host` header may be answered.
    static func allows(_ header: String?) -> Bool {
        guard let header, !header.isEmpty else { return true }
        var name = header.lowercased()
        if name.hasPrefix("[") {
            return name.contains("]")
        }
        if let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        if name.split(separator: ".").count == 4, name.split(separator: ".").allSatisfy({ UInt8($0) != nil }) { return true }
        let machine = ProcessInfo.processInfo.hostName.lowercased()
        return name == machine || name == machine + ".local"
    }
}
