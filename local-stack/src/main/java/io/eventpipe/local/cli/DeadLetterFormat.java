package io.eventpipe.local.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Renders one dead letter as one line of text: when it was written, where it sits, the job's {@code
 * dlq.*} headers, then its key and value.
 *
 * <p>Key and value are shown as UTF-8 text whatever they hold: bytes that are not UTF-8 become
 * U+FFFD and control characters (a newline, a NUL) are written as escapes, so that a binary record
 * cannot garble the terminal or split the line. Long ones are cut to a width, saying how many bytes
 * the whole record has.
 */
final class DeadLetterFormat {

    static final String REASON = "dlq.reason";
    static final String SOURCE_TOPIC = "dlq.source.topic";
    static final String SOURCE_PARTITION = "dlq.source.partition";
    static final String SOURCE_OFFSET = "dlq.source.offset";

    private final int width;

    /**
     * @param width the most characters of a key or value shown; 0 for whole ones
     */
    DeadLetterFormat(int width) {
        this.width = width;
    }

    String line(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder line =
                new StringBuilder()
                        .append(Instant.ofEpochMilli(record.timestamp()))
                        .append(' ')
                        .append(record.topic())
                        .append('/')
                        .append(record.partition())
                        .append('@')
                        .append(record.offset())
                        .append(" reason=")
                        .append(header(record, REASON))
                        .append(" source=")
                        .append(source(record));
        appendOtherHeaders(line, record);
        if (record.key() != null) {
            line.append(" key=").append(text(record.key()));
        }
        return line.append(" value=").append(value(record.value())).toString();
    }

    private static String source(ConsumerRecord<byte[], byte[]> record) {
        return header(record, SOURCE_TOPIC)
                + "/"
                + header(record, SOURCE_PARTITION)
                + "@"
                + header(record, SOURCE_OFFSET);
    }

    /** Headers the job does not write today are shown too, rather than hidden. */
    private void appendOtherHeaders(StringBuilder line, ConsumerRecord<byte[], byte[]> record) {
        for (Header header : record.headers()) {
            String key = header.key();
            if (!key.equals(REASON) && !key.startsWith("dlq.source.")) {
                line.append(' ').append(key).append('=').append(text(header.value()));
            }
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null
                ? "?"
                : escape(new String(header.value(), StandardCharsets.UTF_8));
    }

    private String value(byte[] value) {
        if (value == null) {
            return "(none: a tombstone)";
        }
        return value.length == 0 ? "(empty)" : text(value);
    }

    private String text(byte[] bytes) {
        if (bytes == null) {
            return "(none)";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (width == 0 || text.length() <= width) {
            return escape(text);
        }
        // Never cut a surrogate pair in half.
        int end = Character.isHighSurrogate(text.charAt(width - 1)) ? width - 1 : width;
        return escape(text.substring(0, end)) + "... (" + bytes.length + " bytes in all)";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.chars()
                .forEach(
                        c -> {
                            if (c == '\\') {
                                escaped.append("\\\\");
                            } else if (Character.isISOControl(c)) {
                                escaped.append(String.format("\\u%04x", c));
                            } else {
                                escaped.append((char) c);
                            }
                        });
        return escaped.toString();
    }
}
