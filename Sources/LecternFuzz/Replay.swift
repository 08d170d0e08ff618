#if !LECTERN_FUZZ
import Foundation

/// Built normally, the fuzz target replays the files or folders given as arguments (a
/// corpus, or inputs the fuzzer saved as crashes) through the same pipeline.
@main
struct Replay {
    static func main() {
        var replayed = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("no such file: \(argument)\n".utf8))
                exit(64)
            }
            let paths = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                data.withUnsafeBytes { FuzzPipeline.run($0) }
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs")
    }
}
#endif
