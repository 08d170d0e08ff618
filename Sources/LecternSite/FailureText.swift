import Foundation

/// A sentence for any failure, so that a file-system error reads as "cannot write 'x':
/// Permission denied" and never as Foundation's dump of an error domain and user info.
public enum FailureText {
    /// The sentence for `error`.
    public static func sentence(_ error: Error) -> String {
        let bridged = error as NSError
        guard bridged.domain == NSCocoaErrorDomain || bridged.domain == NSPOSIXErrorDomain else { return "\(error)" }
        let path = bridged.userInfo[NSFilePathErrorKey] as? String ?? (bridged.userInfo[NSURLErrorKey] as? URL)?.path
        var reason = "the operation failed"
        if bridged.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(bridged.code)))
        } else if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: reason = "it does not exist"
            case .fileWriteFileExists: reason = "a file with that name already exists"
            case .fileWriteNoPermission, .fileReadNoPermission: reason = "permission denied"
            case .fileWriteOutOfSpace: reason = "the disk is full"
            case .fileWriteVolumeReadOnly: reason = "the volume is read-only"
            default: break
            }
        }
        return path.map { "cannot use '\($0)': \(reason)" } ?? reason
    }
}
