package io.eventpipe.local.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind, per topic: the latest offsets minus the group's committed
 * offsets. The job commits its offsets at each checkpoint, so its lag includes what it read since
 * the last checkpoint.
 */
final class ConsumerLag {

    private static final long TIMEOUT_SECONDS = 10;

    private ConsumerLag() {}

    /** Records behind by topic; empty when the group has committed nothing yet. */
    static Map<String, Long> byTopic(Admin admin, String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest =
                committed.keySet().stream()
                        .collect(
                                Collectors.toMap(partition -> partition, p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach(
                (partition, offset) -> {
                    long behind = ends.get(partition).offset() - offset.offset();
                    lag.merge(partition.topic(), Math.max(behind, 0), Long::sum);
                });
        return lag;
    }
}
