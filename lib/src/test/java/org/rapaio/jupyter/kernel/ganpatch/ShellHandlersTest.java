package org.rapaio.jupyter.kernel.ganpatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.ExecutionContext;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.io.JShellConsole;
import org.rapaio.jupyter.kernel.display.DisplayData;

/** Inspect positions, checked against 3.0.1's own JavaEngine.inspect (a JShell in this JVM). */
class ShellHandlersTest {
    static final String MAX = "Math.max(int a, int b)";
    static JavaEngine engine;

    @BeforeAll
    static void startJShell() throws Exception {
        ExecutionContext context = new ExecutionContext(null);
        engine = JavaEngine.builder(new JShellConsole(), context).build();
        engine.initialize();
        engine.eval(context, "int counter = 3;");
    }

    @AfterAll
    static void stopJShell() {
        engine.shutdown();
    }

    /** What the patched handler makes 3.0.1's inspect show for a frontend's code and cursor (null: nothing). */
    static DisplayData patched(String code, int cursor) {
        ShellHandlers.Target target = ShellHandlers.target(code, cursor, engine.getSourceAnalysis());
        return engine.inspect(target.code(), target.pos());
    }

    /** Whether the inspection shows {@code signature} (false for none). */
    static boolean shows(DisplayData data, String signature) {
        return data != null && String.valueOf(data.data().get("text/plain")).contains(signature);
    }

    @Test
    void atTheEndOfANameBeforeItsParenthesis() {
        String code = "Math.max(counter, 2)";
        assertFalse(shows(engine.inspect(code, 8), MAX), "3.0.1 alone walks into the argument, shows counter");
        assertEquals(7, ShellHandlers.kernelPosition(code, 8));
        assertTrue(shows(patched(code, 8), MAX));
    }

    @Test
    void rightAfterTheParenthesis() {
        for (String code : new String[] {"Math.max(", "Math.max(counter, 2)", "Math.max (counter, 2)"}) {
            int cursor = code.indexOf('(') + 1;
            assertFalse(shows(engine.inspect(code, cursor), MAX), code + ": 3.0.1 alone does not show max");
            assertEquals(7, ShellHandlers.kernelPosition(code, cursor), code);
            assertTrue(shows(patched(code, cursor), MAX), code);
        }
    }

    @Test
    void atTheEndOfABareMethodNameTheCallIsAdded() {
        String code = "var m = Math.max";
        int cursor = code.length();
        assertFalse(shows(engine.inspect(code, cursor), MAX));
        ShellHandlers.Target target = ShellHandlers.target(code, cursor, engine.getSourceAnalysis());
        assertEquals(new ShellHandlers.Target("var m = Math.max(", cursor - 1), target);
        assertTrue(shows(patched(code, cursor), MAX));
    }

    @Test
    void aBareNameThatIsNotAMethodStaysAsItIs() {
        for (String code : new String[] {"Math.PI", "String", "java.util.List"}) {
            ShellHandlers.Target target = ShellHandlers.target(code, code.length(), engine.getSourceAnalysis());
            assertEquals(new ShellHandlers.Target(code, code.length() - 1), target, code);
            assertNotNull(patched(code, code.length()), code);
        }
    }

    @Test
    void insideANameItStillWorks() {
        String code = "Math.max(counter, 2)";
        assertTrue(shows(engine.inspect(code, 6), MAX), "3.0.1 works inside the name");
        assertTrue(shows(patched(code, 6), MAX));
    }

    @Test
    void otherPositionsAreLeftToTheKernel() {
        assertEquals(0, ShellHandlers.kernelPosition("Math.max(1, 2)", 0));
        assertEquals(2, ShellHandlers.kernelPosition("x = 1", 2), "after a blank");
        assertEquals(1, ShellHandlers.kernelPosition("(x)", 1), "a ( with no name before it");
        assertEquals(14, ShellHandlers.kernelPosition("%jars ../lib/target/gan.jar", 14), "a magic line");
        assertEquals(-1, ShellHandlers.kernelPosition("x", -1));
        assertEquals(0, ShellHandlers.kernelPosition("x", 5), "a cursor past the end is the end (x: before it)");
    }

    @Test
    void theCursorCountsCodePointsTheKernelCountsJavaChars() {
        String code = "// \uD83D\uDE00\nMath.max(";     // an emoji: one code point, two Java chars
        int cursorInCodePoints = code.codePointCount(0, code.length());
        assertEquals(code.length() - 2, ShellHandlers.kernelPosition(code, cursorInCodePoints));
    }

    @org.junit.jupiter.api.Test
    void kernelInfoReportsTheJavaFeatureReleaseAsTheLanguageVersion() {
        var full = org.rapaio.jupyter.kernel.core.LanguageInfo.kernelLanguageInfo();
        var reply = ShellHandlers.kernelInfo();
        org.junit.jupiter.api.Assertions.assertEquals(String.valueOf(Runtime.version().feature()), reply.langInfo().version());
        org.junit.jupiter.api.Assertions.assertEquals(full.name(), reply.langInfo().name());
        org.junit.jupiter.api.Assertions.assertEquals(full.mimetype(), reply.langInfo().mimetype());
        org.junit.jupiter.api.Assertions.assertEquals(full.fileExtension(), reply.langInfo().fileExtension());
        org.junit.jupiter.api.Assertions.assertEquals("5.4", reply.protocolVersion());
        org.junit.jupiter.api.Assertions.assertTrue(reply.banner().contains(full.version()), reply.banner());
    }
}
