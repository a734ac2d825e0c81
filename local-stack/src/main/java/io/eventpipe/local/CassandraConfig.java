package io.eventpipe.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated {@code cassandra.yaml} of the local node: loopback addresses, the chosen ports,
 * every directory under the node's data directory, and features a development node does not need
 * switched off.
 */
final class CassandraConfig {

    private final Path dataDir;
    private final int cqlPort;
    private final int storagePort;

    CassandraConfig(Path dataDir, int cqlPort, int storagePort) {
        this.dataDir = dataDir;
        this.cqlPort = cqlPort;
        this.storagePort = storagePort;
    }

    /** Writes the file and returns its path. */
    Path write() {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("cluster_name", "eventpipe-local");
        yaml.put("num_tokens", 1);
        yaml.put("partitioner", "org.apache.cassandra.dht.Murmur3Partitioner");
        yaml.put("endpoint_snitch", "SimpleSnitch");
        yaml.put("listen_address", "127.0.0.1");
        yaml.put("rpc_address", "127.0.0.1");
        yaml.put("storage_port", storagePort);
        yaml.put("native_transport_port", cqlPort);
        yaml.put("start_native_transport", true);
        yaml.put("seed_provider", seedProvider());
        directories(yaml);
        yaml.put("commitlog_sync", "periodic");
        yaml.put("commitlog_sync_period", "10000ms");
        yaml.put("commitlog_segment_size", "8MiB");
        // Dropped test keyspaces would otherwise leave a snapshot each on disk.
        yaml.put("auto_snapshot", false);
        yaml.put("hinted_handoff_enabled", false);
        yaml.put("concurrent_compactors", 1);
        yaml.put("disk_failure_policy", "stop");
        return ConfigFiles.writeYaml(dataDir.resolve("conf/cassandra.yaml"), yaml);
    }

    private void directories(Map<String, Object> yaml) {
        yaml.put("data_file_directories", List.of(dataDir.resolve("data").toString()));
        yaml.put("commitlog_directory", dataDir.resolve("commitlog").toString());
        yaml.put("saved_caches_directory", dataDir.resolve("saved_caches").toString());
        yaml.put("hints_directory", dataDir.resolve("hints").toString());
        yaml.put("cdc_raw_directory", dataDir.resolve("cdc_raw").toString());
    }

    private List<Map<String, Object>> seedProvider() {
        return List.of(
                Map.of(
                        "class_name",
                        "org.apache.cassandra.locator.SimpleSeedProvider",
                        "parameters",
                        List.of(Map.of("seeds", "127.0.0.1:" + storagePort))));
    }
}
