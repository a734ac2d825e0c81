package io.eventpipe.local.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a CSV file with Jackson's CSV module; each row becomes a flat JSON object keyed by the
 * column names (see {@link CsvRowConverter} for which values become numbers).
 *
 * <p>Column names come from {@code --columns} for a headerless file, else from the header row. A
 * row with fewer or more fields than columns is an error naming its line: the replay stops rather
 * than send a record with shifted or missing fields. Empty lines are skipped.
 */
final class CsvEventReader implements EventFileReader {

    private static final CsvMapper MAPPER =
            CsvMapper.builder()
                    .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                    .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .build();

    private final String fileName;
    private final List<String> columns;
    private final MappingIterator<JsonNode> rows;

    /** {@code columns} empty means the first row is the header. */
    CsvEventReader(String fileName, InputStream in, List<String> columns) throws IOException {
        this.fileName = fileName;
        this.columns = columns;
        this.rows = MAPPER.readerFor(JsonNode.class).with(schema(columns)).readValues(in);
    }

    private static CsvSchema schema(List<String> columns) {
        if (columns.isEmpty()) {
            return CsvSchema.emptySchema().withHeader();
        }
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return schema.build().withoutHeader();
    }

    @Override
    public FileRecord next() throws IOException {
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            // Before the row is read the parser stands on the line the row starts on (a quoted
            // field may go on over several lines).
            String origin = lineAt(rows.getCurrentLocation());
            ObjectNode json = CsvRowConverter.toJson(rows.nextValue());
            return new FileRecord(json.toString().getBytes(StandardCharsets.UTF_8), json, origin);
        } catch (JacksonException e) {
            throw new BadInputException(describe(e), e);
        }
    }

    private String describe(JacksonException e) {
        String expected = columns.isEmpty() ? "" : " (columns: " + String.join(",", columns) + ")";
        return lineAt(e.getLocation()) + ": " + e.getOriginalMessage() + expected;
    }

    /** E.g. "events.csv line 2": Jackson counts the lines, blank and header lines included. */
    private String lineAt(JsonLocation where) {
        return fileName + " line " + (where == null ? "?" : String.valueOf(where.getLineNr()));
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
