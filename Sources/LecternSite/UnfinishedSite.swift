import Foundation

/// The site this process is writing beside its output folder, so that a build stopped by Ctrl-C
/// or a termination request gives the folder back: the lock released and the unfinished site
/// removed. A build killed outright leaves both to the next build, which removes them.
public enum UnfinishedSite {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: StagingFolder?

    static func began(_ staging: StagingFolder) {
        lock.lock()
        current = staging
        lock.unlock()
    }

    /// Publishing has started: the staging folder is no longer only the unfinished site.
    static func ended(_ staging: StagingFolder) {
        lock.lock()
        if current === staging { current = nil }
        lock.unlock()
    }

    /// Stops the build's writes, removes what it wrote in the background and releases the
    /// output folder; the previous site is untouched. Nothing happens when no build is writing.
    public static func abandon() {
        lock.lock()
        let staging = current
        current = nil
        lock.unlock()
        guard let staging else { return }
        staging.stopWriting()
        OutputFolder.removeInBackground(staging.path)
        staging.outputLock.release()
    }
}
