package gan;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    @Test
    void lectureClaimThrowsOnlyWithTheLectureParameters() {
        List<String> lines = new ArrayList<>();
        Claims lecture = Claims.lectureParameters(lines::add).param("nK", 2, 2).param("learningRate", 1e-4, 1e-4);
        assertTrue(lecture.isLecture());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lecture.lecture("D-loss within 0.03 of log 4", false, "D-loss = 1.20"));
        assertTrue(e.getMessage().contains("D-loss within 0.03 of log 4") && e.getMessage().contains("1.20"), e.getMessage());

        Claims other = Claims.lectureParameters(lines::add).param("nK", 1, 2).param("learningRate", 1e-4, 1e-4);
        assertFalse(other.isLecture());
        assertFalse(other.lecture("D-loss within 0.03 of log 4", false, "D-loss = 1.20"));
        String reported = lines.get(lines.size() - 1);
        assertTrue(reported.contains("not asserted") && reported.contains("nK = 1, lecture 2")
                && reported.contains("does not hold") && reported.contains("1.20"), reported);
        assertEquals(List.of(reported), other.notAsserted());
    }

    @Test
    void invariantThrowsWhateverTheParameters() {
        Claims other = Claims.lectureParameters(s -> { }).param("nK", 5, 2);
        assertThrows(IllegalStateException.class, () -> other.invariant("loss is finite", false, "NaN"));
        assertDoesNotThrow(() -> other.invariant("loss is finite", true, "0.69"));
    }

    @Test
    void numbersCompareByValueAndNamesAreChecked() {
        Claims c = Claims.lectureParameters(s -> { }).param("epochs", 10_000L, 10_000).param("lr", 1e-4f, 1e-4);
        assertEquals(List.of("lr = " + 1e-4f + ", lecture " + 1e-4), c.differences()); // a float 1e-4 is not the double 1e-4
        assertThrows(IllegalArgumentException.class, () -> c.param("epochs", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> c.param(" ", 1, 1));
    }
}
