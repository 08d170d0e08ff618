#if canImport(CMimalloc)
import CMimalloc
#endif

/// Where the process starts: the allocator is set up before the command line runs.
@main
enum Entry {
    static func main() async {
        #if canImport(CMimalloc)
        lectern_allocator_configure()
        #endif
        await Lectern.main()
    }
}
