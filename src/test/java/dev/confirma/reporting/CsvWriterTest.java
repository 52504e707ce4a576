package dev.confirma.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String write(String... fields) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(fields);
        return out.toString();
    }

    @Test
    void shouldEndRowsWithCrlfAndLeavePlainFieldsAsTheyAre() throws IOException {
        assertEquals("a,b c,12.50\r\n", write("a", "b c", "12.50"));
        assertEquals(",,x\r\n", write(null, "", "x"));
    }

    @Test
    void shouldQuoteFieldsWithCommaQuoteOrLineBreaks() throws IOException {
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"l\nf\"\r\n", write("a,b", "say \"hi\"", "two\r\nlines", "l\nf"));
    }

    @Test
    void shouldNeutraliseCellsASpreadsheetWouldReadAsFormulas() throws IOException {
        assertEquals("'=1+2,'+cmd,'-2+3,'@SUM(A1),\"'\tx\",\"'\rx\",a=b,-1,-0.5\r\n",
                write("=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "a=b", "-1", "-0.5"));
        // a ; separates cells where it is the list separator: quoted, the part after it stays in the cell
        assertEquals("\"Ana;=HYPERLINK(1)\"\r\n", write("Ana;=HYPERLINK(1)"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n", write("=HYPERLINK(\"http://x\",\"y\")"));
    }

    @Test
    void shouldReadBackWhatItWroteForGeneratedFields() throws IOException {
        java.util.Random random = new java.util.Random(4180);
        String alphabet = "ab ,\"\r\n=+-@\t'é€😀0";
        for (int n = 0; n < 2000; n++) {
            List<String> fields = new ArrayList<>();
            for (int f = 0, count = 1 + random.nextInt(5); f < count; f++) {
                StringBuilder field = new StringBuilder();
                for (int i = 0, length = random.nextInt(8); i < length; i++) {
                    field.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                fields.add(random.nextInt(20) == 0 ? null : field.toString());
            }
            readBack(fields);
        }
    }

    private static void readBack(List<String> fields) throws IOException {
        String line = write(fields.toArray(String[]::new));
        List<List<String>> rows = Rfc4180.parse(line);
        assertEquals(1, rows.size(), line);
        List<String> expected = new ArrayList<>();
        for (String f : fields) {
            expected.add(f == null || f.isEmpty() ? "" : Rfc4180.neutralised(f));
        }
        assertEquals(expected, rows.get(0));
    }

    @Test
    void shouldParseWhatTheTestParserIsGiven() {
        assertEquals(List.of(Arrays.asList("a", "b,c", "d\"e"), List.of("", "x")), Rfc4180.parse("a,\"b,c\",\"d\"\"e\"\r\n,x\r\n"));
    }
}
