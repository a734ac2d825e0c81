package io.eventpipe.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.ParsedEvent;
import io.eventpipe.job.records.RawEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every record and state type of the job is serialized by Flink's own serializers, not Kryo. */
class FlinkTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {RawEvent.class, ParsedEvent.class, DeadLetter.class})
    void recordsAreInferredAsPojosWithoutGenericFields(Class<?> type) {
        assertNoGenericTypes(TypeInformation.of(type));
    }

    @Test
    void explicitTypesHaveNoGenericFields() {
        for (TypeInformation<?> type :
                List.of(
                        FlinkTypes.WINDOW_STATS,
                        FlinkTypes.TYPE_TOTALS,
                        FlinkTypes.WINDOW_SUMMARY,
                        FlinkTypes.WINDOW_ACCUMULATOR,
                        FlinkTypes.FOLDED_TOTALS)) {
            assertNoGenericTypes(type);
        }
    }

    @Test
    void windowStatsRoundTripsThroughItsSerializer() throws IOException {
        List<KeyCount> top = new ArrayList<>(List.of(new KeyCount("/a", 3), new KeyCount("/b", 1)));
        WindowStats row =
                new WindowStats(
                        "click",
                        0,
                        60_000,
                        4,
                        2,
                        new byte[] {1, 2, 3},
                        5,
                        59_000,
                        top,
                        true,
                        60_000);
        TypeSerializer<WindowStats> serializer =
                FlinkTypes.WINDOW_STATS.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);

        serializer.serialize(row, out);
        WindowStats copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(copy).usingRecursiveComparison().isEqualTo(row);
    }

    private static void assertNoGenericTypes(TypeInformation<?> type) {
        assertThat(type).as("%s", type).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) type;
        for (int i = 0; i < pojo.getArity(); i++) {
            TypeInformation<?> field = pojo.getTypeAt(i);
            assertThat(field)
                    .as("field %s of %s", pojo.getFieldNames()[i], type)
                    .isNotInstanceOf(GenericTypeInfo.class);
            if (field instanceof PojoTypeInfo<?>) {
                assertNoGenericTypes(field);
            }
        }
    }
}
