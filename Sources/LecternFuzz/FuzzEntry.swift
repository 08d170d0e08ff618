#if LECTERN_FUZZ
/// libFuzzer's driver, which parses its options, mutates inputs and calls back with each one.
@_silgen_name("LLVMFuzzerRunDriver")
func fuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The program's entry point when built by Scripts/fuzz.sh with `LECTERN_FUZZ=1` (SwiftPM
/// names an executable's entry point after its target): hands control to libFuzzer.
@_cdecl("LecternFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return fuzzerRunDriver(&count, &vector) { data, size in
        FuzzPipeline.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
}
#endif
