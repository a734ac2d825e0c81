package io.eventpipe.job.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;

/** One scrape of a Prometheus endpoint, read by a real text-format parser. */
public final class PrometheusMetrics {

    private final Map<String, MetricFamily> families;

    private PrometheusMetrics(Map<String, MetricFamily> families) {
        this.families = families;
    }

    /** Scrapes {@code http://127.0.0.1:<port>/metrics}. */
    public static PrometheusMetrics scrape(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(Duration.ofSeconds(30))
                        .build();
        byte[] body = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        TextPrometheusMetricDataParser parser =
                new TextPrometheusMetricDataParser(new ByteArrayInputStream(body));
        Map<String, MetricFamily> families = new HashMap<>();
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            families.put(family.getName(), family);
        }
        return new PrometheusMetrics(families);
    }

    /** The names of the metric families in this scrape. */
    public Set<String> names() {
        return families.keySet();
    }

    /** The samples of a family whose label {@code key} is {@code value}; empty when absent. */
    public List<Metric> samples(String family, String key, String value) {
        MetricFamily found = families.get(family);
        if (found == null) {
            return List.of();
        }
        return found.getMetrics().stream()
                .filter(metric -> value.equals(metric.getLabels().get(key)))
                .toList();
    }

    /** The value of a gauge or counter sample. */
    public static double value(Metric metric) {
        if (metric instanceof Gauge gauge) {
            return gauge.getValue();
        }
        if (metric instanceof Counter counter) {
            return counter.getValue();
        }
        throw new IllegalArgumentException("not a gauge or counter: " + metric.getName());
    }
}
