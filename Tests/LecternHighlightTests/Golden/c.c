#include <stdio.h>
#define SQUARE(x) ((x) * (x))
/* multi-line
   comment */
int main(void) {
    unsigned long n = 42UL;
    printf("n = %lu\n", n); // trailing
    return n > 0x2A ? 1 : 0;
}
