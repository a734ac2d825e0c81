package io.eventpipe.stats.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;

/** Metric families parsed from a Prometheus text exposition by a real text-format parser. */
public final class PrometheusText {

    private final Map<String, MetricFamily> families;

    private PrometheusText(Map<String, MetricFamily> families) {
        this.families = families;
    }

    public static PrometheusText parse(String exposition) {
        byte[] bytes = exposition.getBytes(StandardCharsets.UTF_8);
        TextPrometheusMetricDataParser parser =
                new TextPrometheusMetricDataParser(new ByteArrayInputStream(bytes));
        Map<String, MetricFamily> families = new LinkedHashMap<>();
        try {
            for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
                families.put(family.getName(), family);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PrometheusText(families);
    }

    public Map<String, MetricFamily> families() {
        return families;
    }

    public Optional<MetricFamily> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    /**
     * Whether a query may name this series: a family of that name, or the {@code _bucket}, {@code
     * _count} or {@code _sum} series of a histogram family.
     */
    public boolean exports(String series) {
        return families.containsKey(series)
                || families.containsKey(series.replaceFirst("_(bucket|count|sum)$", ""));
    }

    /** The first sample of the family whose labels match, if any. */
    public <T extends Metric> Optional<T> metric(
            String family, Class<T> type, Predicate<Map<String, String>> labels) {
        return family(family).stream()
                .flatMap(f -> f.getMetrics().stream())
                .filter(m -> labels.test(m.getLabels()))
                .map(type::cast)
                .findFirst();
    }
}
