package io.eventpipe.job.sink;

import java.io.Serializable;

/** Creates the {@link CassandraWriteClient} of each sink writer, on the task manager. */
@FunctionalInterface
public interface CassandraWriteClientFactory extends Serializable {

    /** Connects to the cluster of {@code config} and prepares the INSERT of {@code statement}. */
    CassandraWriteClient create(CassandraSinkConfig config, UpsertStatement<?> statement);
}
