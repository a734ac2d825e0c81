package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvEventReaderTest {

    private static final List<String> TAOBAO_COLUMNS =
            List.of("user_id", "item_id", "category_id", "behavior", "ts");

    @Test
    void headerlessRowsAreKeyedByTheGivenColumns() throws IOException {
        List<String> json = valuesOf("1,2268318,2520377,pv,1511544070\n\n7,42,9,buy,1511544071\n");

        assertThat(json)
                .containsExactly(
                        "{\"user_id\":1,\"item_id\":2268318,\"category_id\":2520377,"
                                + "\"behavior\":\"pv\",\"ts\":1511544070}",
                        "{\"user_id\":7,\"item_id\":42,\"category_id\":9,"
                                + "\"behavior\":\"buy\",\"ts\":1511544071}");
    }

    @Test
    void withoutColumnsTheFirstRowIsTheHeader() throws IOException {
        List<String> json = readAll("name,qty\n\"Smith, J\",3\n", List.of());

        assertThat(json).containsExactly("{\"name\":\"Smith, J\",\"qty\":3}");
    }

    @Test
    void rowWithTooFewFieldsIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> valuesOf("1,2,3,pv,100\n1,2,3,pv\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("data.csv line 2")
                .hasMessageContaining("ts");
    }

    @Test
    void rowWithTooManyFieldsIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> valuesOf("1,2,3,pv,100\n1,2,3,pv,100\n1,2,3,pv,100,extra\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("data.csv line 3");
    }

    @Test
    void eachRowNamesTheLineItStartsOnCountingHeaderAndEmptyLines() throws IOException {
        List<String> origins =
                originsOf("name,qty\n\n\"Smith,\nJ\",3\r\n\nJones,4\nLee,5", List.of());

        assertThat(origins)
                .containsExactly("data.csv line 3", "data.csv line 6", "data.csv line 7");
    }

    @Test
    void headerlessRowsAreNumberedFromTheFirstLine() throws IOException {
        List<String> origins = originsOf("1,2,3,pv,100\n7,8,9,buy,101\n", TAOBAO_COLUMNS);

        assertThat(origins).containsExactly("data.csv line 1", "data.csv line 2");
    }

    private static List<String> originsOf(String csv, List<String> columns) throws IOException {
        List<String> origins = new ArrayList<>();
        try (CsvEventReader reader = reader(csv, columns)) {
            for (FileRecord r = reader.next(); r != null; r = reader.next()) {
                origins.add(r.origin());
            }
        }
        return origins;
    }

    private static CsvEventReader reader(String csv, List<String> columns) throws IOException {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return new CsvEventReader("data.csv", new ByteArrayInputStream(bytes), columns);
    }

    private static List<String> valuesOf(String csv) throws IOException {
        return readAll(csv, TAOBAO_COLUMNS);
    }

    private static List<String> readAll(String csv, List<String> columns) throws IOException {
        List<String> values = new ArrayList<>();
        try (CsvEventReader reader = reader(csv, columns)) {
            for (FileRecord r = reader.next(); r != null; r = reader.next()) {
                values.add(new String(r.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
