package gan;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions the tests share (the one home of each). */
public final class Asserts {
    private Asserts() {
    }

    /**
     * The call throws an IllegalArgumentException whose message contains every part (the parameter's name, the
     * value, what is allowed, as the style asks); returns it for further checks.
     */
    public static IllegalArgumentException assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message \"" + e.getMessage() + "\" should contain \"" + part + "\"");
        }
        return e;
    }
}
