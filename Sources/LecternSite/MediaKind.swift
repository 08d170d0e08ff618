/// Audio and video files, which an image's syntax embeds as a player rather than an `<img>`.
enum MediaKind: String {
    case audio, video

    private static let videoExtensions: Set<String> = ["mp4", "m4v", "webm", "ogv", "mov", "mkv", "avi", "mpeg", "mpg"]
    private static let audioExtensions: Set<String> = ["mp3", "m4a", "wav", "oga", "ogg", "flac", "aac", "opus", "weba"]

    /// The kind of media a URL points to, by its file extension (query and fragment aside).
    static func of(_ url: String) -> MediaKind? {
        let path = url.prefix { $0 != "?" && $0 != "#" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].utf8.contains(UInt8(ascii: "/")) else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        if videoExtensions.contains(ext) { return .video }
        if audioExtensions.contains(ext) { return .audio }
        return nil
    }
}
