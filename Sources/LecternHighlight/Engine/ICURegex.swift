// All of the highlighter's C interop: ICU's regular expressions, as the Swift toolchain ships
// them for Foundation. ICU is used directly, not through NSRegularExpression, for its time
// limit: a grammar pattern that backtracks badly gives up instead of stalling the build.
import Foundation
import _FoundationICU

/// One compiled pattern, matched against UTF-16 text. Not thread-safe: each highlighter
/// owns its own.
final class ICURegex {
    private let handle: OpaquePointer
    /// How many capture groups the pattern has.
    let groupCount: Int
    /// The number of the grammar pattern it was compiled from, or -1 (a pattern filled in
    /// from a start match): searches are recorded by it.
    var slot = -1
    private var boundText: UnsafePointer<UInt16>?
    private var boundCount = -1

    /// Compiles a pattern (GtkSourceView syntax already translated); nil when ICU rejects it.
    convenience init?(_ pattern: String, caseInsensitive: Bool, extended: Bool) {
        var status = U_ZERO_ERROR
        let units = Array(pattern.utf16)
        var flags: UInt32 = UREGEX_MULTILINE.rawValue
        if caseInsensitive { flags |= UREGEX_CASE_INSENSITIVE.rawValue }
        if extended { flags |= UREGEX_COMMENTS.rawValue }
        guard let handle = swift_uregex_open(units, Int32(units.count), flags, nil, &status),
              status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
        self.init(handle: handle)
    }

    private init(handle: OpaquePointer) {
        var status = U_ZERO_ERROR
        self.handle = handle
        // About a millisecond of matching per search: real patterns need a fraction of that.
        swift_uregex_setTimeLimit(handle, 8, &status)
        swift_uregex_useTransparentBounds(handle, 1, &status)
        swift_uregex_useAnchoringBounds(handle, 0, &status)
        groupCount = Int(swift_uregex_groupCount(handle, &status))
    }

    /// A copy to match with on another thread: ICU shares the compiled pattern, which costs
    /// far less than compiling it again. Only pattern and flags are copied, so the limits
    /// and bounds are set anew.
    func copy() -> ICURegex? {
        var status = U_ZERO_ERROR
        guard let handle = swift_uregex_clone(handle, &status), status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
        return ICURegex(handle: handle)
    }

    deinit { swift_uregex_close(handle) }

    /// The number of a named group, or nil.
    func groupNumber(named name: String) -> Int? {
        var status = U_ZERO_ERROR
        let units = Array(name.utf16)
        let number = swift_uregex_groupNumberFromName(handle, units, Int32(units.count), &status)
        return status.rawValue <= U_ZERO_ERROR.rawValue ? Int(number) : nil
    }

    /// What a search found.
    enum Outcome<Value> {
        case found(Value)
        case none
        /// The pattern backtracked past its time limit.
        case timedOut
    }

    /// Where the first match starting at or after `from` and ending by `end` starts. `text`
    /// must stay valid while this regex is used with it.
    func firstStart(in text: UnsafeBufferPointer<UInt16>, from: Int, end: Int) -> Outcome<Int> {
        var status = U_ZERO_ERROR
        bind(text, &status)
        swift_uregex_setRegion64(handle, Int64(from), Int64(end), &status)
        let found = swift_uregex_findNext(handle, &status) != 0
        return outcome(found, &status) { Int(swift_uregex_start64(handle, 0, &$0)) }
    }

    /// The match starting exactly at `at` and ending by `lineEnd`: UTF-16 ranges of the whole
    /// match and of each group (nil for a group not taking part).
    func match(in text: UnsafeBufferPointer<UInt16>, at: Int, lineEnd: Int) -> Outcome<[Range<Int>?]> {
        var status = U_ZERO_ERROR
        bind(text, &status)
        swift_uregex_setRegion64(handle, Int64(at), Int64(lineEnd), &status)
        let found = swift_uregex_lookingAt64(handle, -1, &status) != 0
        return outcome(found, &status) { status in
            (0...groupCount).map { group in
                let start = Int(swift_uregex_start64(handle, Int32(group), &status))
                let end = Int(swift_uregex_end64(handle, Int32(group), &status))
                return start >= 0 && end >= start ? start..<end : nil
            }
        }
    }

    private func outcome<Value>(_ found: Bool, _ status: inout UErrorCode, _ read: (inout UErrorCode) -> Value) -> Outcome<Value> {
        if status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW { return .timedOut }
        guard found, status.rawValue <= U_ZERO_ERROR.rawValue else { return .none }
        let value = read(&status)
        return status.rawValue <= U_ZERO_ERROR.rawValue ? .found(value) : .none
    }

    private func bind(_ text: UnsafeBufferPointer<UInt16>, _ status: inout UErrorCode) {
        if boundText != text.baseAddress || boundCount != text.count {
            swift_uregex_setText(handle, text.baseAddress, Int32(text.count), &status)
            boundText = text.baseAddress
            boundCount = text.count
        }
    }
}
