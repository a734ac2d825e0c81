package io.eventpipe.job.functions;

import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Explicit Flink type information for the records and accumulators whose fields Flink cannot infer
 * by itself (lists and maps), so that no state or record falls back to Kryo.
 */
public final class FlinkTypes {

    private static final TypeInformation<byte[]> BYTES =
            PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;

    public static final TypeInformation<KeyCount> KEY_COUNT =
            Types.POJO(KeyCount.class, Map.of("key", Types.STRING, "count", Types.LONG));

    public static final TypeInformation<WindowStats> WINDOW_STATS =
            Types.POJO(
                    WindowStats.class,
                    Map.ofEntries(
                            Map.entry("eventType", Types.STRING),
                            Map.entry("windowStart", Types.LONG),
                            Map.entry("windowEnd", Types.LONG),
                            Map.entry("events", Types.LONG),
                            Map.entry("uniqueUsers", Types.LONG),
                            Map.entry("usersSketch", BYTES),
                            Map.entry("firstEvent", Types.LONG),
                            Map.entry("lastEvent", Types.LONG),
                            Map.entry("topKeys", Types.LIST(KEY_COUNT)),
                            Map.entry("isFinal", Types.BOOLEAN),
                            Map.entry("watermark", Types.LONG)));

    public static final TypeInformation<TypeTotals> TYPE_TOTALS =
            Types.POJO(
                    TypeTotals.class,
                    Map.of(
                            "eventType", Types.STRING,
                            "events", Types.LONG,
                            "uniqueUsers", Types.LONG,
                            "usersSketch", BYTES,
                            "firstEvent", Types.LONG,
                            "lastEvent", Types.LONG,
                            "watermark", Types.LONG));

    public static final TypeInformation<WindowSummary> WINDOW_SUMMARY =
            Types.POJO(
                    WindowSummary.class,
                    Map.of(
                            "events", Types.LONG,
                            "uniqueUsers", Types.LONG,
                            "usersSketch", BYTES,
                            "firstEvent", Types.LONG,
                            "lastEvent", Types.LONG,
                            "topKeys", Types.LIST(KEY_COUNT)));

    public static final TypeInformation<WindowAccumulator> WINDOW_ACCUMULATOR =
            Types.POJO(
                    WindowAccumulator.class,
                    Map.of(
                            "events", Types.LONG,
                            "usersSketch", BYTES,
                            "firstEvent", Types.LONG,
                            "lastEvent", Types.LONG,
                            "keyCounts", Types.MAP(Types.STRING, Types.LONG)));

    public static final TypeInformation<FoldedTotals> FOLDED_TOTALS =
            Types.POJO(
                    FoldedTotals.class,
                    Map.of(
                            "events", Types.LONG,
                            "usersSketch", BYTES,
                            "firstEvent", Types.LONG,
                            "lastEvent", Types.LONG));

    private FlinkTypes() {}
}
