/** Computes totals. @author someone */
public final class Totals {
    private static final int LIMIT = 0x10;
    @Override
    public String toString() {
        /* block
           comment */
        char c = '\n';
        return "sum: \"" + sum(3, 4.5f) + "\"";  // line comment
    }
}
