package org.rapaio.jupyter.kernel.ganpatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;

class LiveFiguresTest {
    static DisplayData figure(String id, String html) {
        DisplayData dd = DisplayData.fromHtml(html);
        dd.putData(LiveFigures.PLOTLY_MIME, Map.of("data", List.of(Map.of("name", "</script> & <b>"))));
        dd.putText("[plotly figure]");
        dd.putMetaData("m", 1);
        dd.setDisplayId(id);
        return dd;
    }

    @Test
    void aFigureUpdateGoesOutAsHtmlAndItsWholeLastUpdateAtTheEnd() throws Exception {
        LiveFigures live = new LiveFigures();
        DisplayData first = figure("a", "<div>1</div>");
        DisplayData sent = live.duringCell(first);
        assertFalse(sent.data().containsKey(LiveFigures.PLOTLY_MIME), sent.data().toString());
        String html = (String) sent.data().get(LiveFigures.HTML_MIME);
        String open = "<script type=\"application/json\" class=\"gan-figure-spec\">";
        assertTrue(html.startsWith(open) && html.endsWith("</script>\n<div>1</div>"), html);
        String json = html.substring(open.length(), html.indexOf("</script>"));
        assertEquals(Map.of("data", List.of(Map.of("name", "</script> & <b>"))), new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class),
                "the plotly JSON, unchanged, in front of the figure's HTML");
        assertEquals("[plotly figure]", sent.data().get("text/plain"));
        assertEquals(1, sent.metadata().get("m"));
        assertEquals("a", sent.getDisplayId());
        assertTrue(first.data().containsKey(LiveFigures.PLOTLY_MIME), "the rendered update itself is not changed");

        DisplayData other = figure("b", "<div>b</div>");
        live.duringCell(other);
        DisplayData second = figure("a", "<div>2</div>");
        live.duringCell(second);
        List<DisplayData> finals = live.finals();
        assertEquals(2, finals.size());
        assertSame(second, finals.get(0), "a's last update, in the order first updated");
        assertSame(other, finals.get(1));
        assertEquals(List.of(), live.finals(), "forgotten once taken");
    }

    @Test
    void otherUpdatesGoOutUnchangedAndAreNotRemembered() {
        LiveFigures live = new LiveFigures();
        DisplayData text = DisplayData.fromText("epoch 500");
        text.setDisplayId("p");
        assertSame(text, live.duringCell(text));
        DisplayData jsonOnly = DisplayData.fromText("x");
        jsonOnly.putData(LiveFigures.PLOTLY_MIME, Map.of());
        jsonOnly.setDisplayId("j");
        assertSame(jsonOnly, live.duringCell(jsonOnly), "no HTML to draw it with: sent as it is");
        assertEquals(List.of(), live.finals());
    }
}
