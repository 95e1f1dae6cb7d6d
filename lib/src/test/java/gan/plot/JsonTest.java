package gan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNumbersCompactlyAndNonFiniteAsNull() {
        assertEquals("[1,0.5,-2,1.0E-7,null,null]", Json.write(new double[]{1, 0.5, -2, 1e-7, Double.NaN, Double.POSITIVE_INFINITY}));
        assertEquals("[[1,2],[3,4]]", Json.write(new double[][]{{1, 2}, {3, 4}}));
        assertEquals("3", Json.write(3));
        assertEquals("0.25", Json.write(0.25f));
    }

    @Test
    void escapesStringsSoTheyCannotCloseAScriptElement() {
        assertEquals("\"a\\\"b\\\\c\\n\"", Json.write("a\"b\\c\n"));
        assertEquals("\"\\u003c/script\\u003e \\u0026\"", Json.write("</script> &"));
        assertEquals("\"\\u0001\\u2028\"", Json.write("\u0001\u2028"));
        assertEquals("\"p_data ‖ p_g\"", Json.write("p_data ‖ p_g"), "other characters stay as they are");
    }

    @Test
    void writesMapsAndListsInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, "x", true));
        m.put("a", null);
        m.put("c", Map.of("d", false));
        assertEquals("{\"b\":[1,\"x\",true],\"a\":null,\"c\":{\"d\":false}}", Json.write(m));
    }

    @Test
    void rejectsWhatJsonCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(new int[]{1}));
        assertEquals(true, e.getMessage().startsWith("cannot write [I as JSON"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
        assertEquals("[]", Json.write(Arrays.asList()));
    }
}
