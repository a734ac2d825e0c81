package io.eventpipe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkMemoryParamsTest {

    @Test
    void takesTheJvmFlagsAndDynamicPropertiesFromTheLastTwoResultLines() {
        List<String> output =
                List.of(
                        "INFO  some log line",
                        "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx100 -Xms100",
                        "BASH_JAVA_UTILS_EXEC_RESULT:-D a.size=1b -D b.size=2b");

        FlinkMemoryParams params = FlinkMemoryParams.parse(output);

        assertThat(params.jvmOptions()).containsExactly("-Xmx100", "-Xms100");
        assertThat(params.dynamicProperties())
                .containsExactly("-D", "a.size=1b", "-D", "b.size=2b");
    }

    @Test
    void failsWithTheOutputWhenTheResultLinesAreMissing() {
        assertThatThrownBy(() -> FlinkMemoryParams.parse(List.of("Exception: bad config")))
                .hasMessageContaining("bad config");
    }
}
