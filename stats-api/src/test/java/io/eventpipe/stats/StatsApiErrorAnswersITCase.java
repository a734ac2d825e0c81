package io.eventpipe.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import io.eventpipe.stats.support.AnalyticsSchema;
import io.eventpipe.stats.support.ApiClient;
import io.eventpipe.stats.support.ApiClient.Answer;
import io.eventpipe.stats.support.RawHttpRequest;
import io.eventpipe.stats.support.RawHttpRequest.RawAnswer;
import io.eventpipe.stats.support.TestServices;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error answer is JSON in the API's error shape, the ones Jetty gives before routing
 * included; wrong methods get 405 with {@code Allow}; HEAD answers what GET would, without a body.
 *
 * <p>Against a real Cassandra with the schema and no rows: a service that never connects keeps the
 * driver's connection threads alive after it closes, which would disturb the thread checks of the
 * unit tests sharing its JVM.
 */
@ExtendWith(LocalServersExtension.class)
class StatsApiErrorAnswersITCase {

    private static final String JSON = "application/json";

    private static StatsApi api;
    private static ApiClient client;

    @BeforeAll
    static void start(CassandraServer cassandra) {
        String keyspace = TestNames.uniqueKeyspace("stats_api_errors");
        try (CqlSession session = TestServices.session(cassandra)) {
            AnalyticsSchema.create(session, keyspace);
        }
        api = TestServices.startReady(cassandra, keyspace);
        client = new ApiClient(api.port());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stats/a%ZZb", "/stats/page%", "/stats/%00", "/stats/%E0%A4%A"})
    void malformedPathsAnswer400JsonFromJetty(String target) {
        RawAnswer answer = RawHttpRequest.get(api.port(), target, "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().get("content-type")).isEqualTo(JSON);
        assertError(answer.json(), 400, "bad_request").contains("percent-encoding");
    }

    @Test
    void requestWithoutHostAnswers400Json() {
        RawAnswer answer = RawHttpRequest.send(api.port(), "GET /health HTTP/1.1\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().get("content-type")).isEqualTo(JSON);
        assertError(answer.json(), 400, "bad_request").contains("No Host");
    }

    @Test
    void tooLongUriAnswers414Json() {
        RawAnswer answer = RawHttpRequest.get(api.port(), "/stats?x=" + "a".repeat(10_000), "");

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.headers().get("content-type")).isEqualTo(JSON);
        assertError(answer.json(), 414, "uri_too_long").contains("URI");
    }

    @Test
    void tooLargeHeadersAnswer431Json() {
        String header = "X-Padding: " + "a".repeat(10_000) + "\r\n";
        RawAnswer answer = RawHttpRequest.get(api.port(), "/health", header);

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.headers().get("content-type")).isEqualTo(JSON);
        assertError(answer.json(), 431, "request_header_fields_too_large").contains("headers");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/stats?from=%ZZ",
                "/stats?from=2026-03-01T00:00:00Z&to=%E0%A4%A",
                "/stats/page_view?limit=%"
            })
    void undecodableQueryValuesAnswer400InsteadOfBeingIgnored(String target) {
        RawAnswer answer = RawHttpRequest.get(api.port(), target, "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().get("content-type")).startsWith(JSON);
        assertError(answer.json(), 400, "bad_request").contains("percent-encoded UTF-8");
    }

    @Test
    void encodedSlashInATypeIsABadTypeParameter() {
        RawAnswer answer = RawHttpRequest.get(api.port(), "/stats/page%2Fview", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("type");
        assertError(answer.json(), 400, "bad_parameter").startsWith("type='page/view'");
    }

    @Test
    void unknownRouteAnswers404Json() {
        Answer answer = client.get("/statistics");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith(JSON);
        assertError(answer.json(), 404, "not_found").contains("/statistics");
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /stats",
        "PUT, /stats/page_view",
        "DELETE, /stats/page_view",
        "PATCH, /ready"
    })
    void wrongMethodOnAKnownRouteAnswers405WithAllow(String method, String path) {
        Answer answer = client.send(method, path);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(answer.header("Content-Type")).startsWith(JSON);
        assertError(answer.json(), 405, "method_not_allowed")
                .isEqualTo(method + " is not allowed on " + path + ", only GET, HEAD");
    }

    @Test
    void headAnswersWithGetsStatusAndHeadersButNoBody() {
        Answer overview = client.send("HEAD", "/stats");
        Answer badType = client.send("HEAD", "/stats/page%20view");
        Answer unknownType = client.send("HEAD", "/stats/purchase");

        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.header("Content-Type")).startsWith(JSON);
        assertThat(overview.body()).isEmpty();
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).isEmpty();
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.body()).isEmpty();
        assertThat(client.get("/stats/purchase").json().get("error").asText())
                .isEqualTo("unknown_type");
    }

    private static AbstractStringAssert<?> assertError(JsonNode body, int status, String error) {
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isEqualTo(error);
        return assertThat(body.get("message").asText());
    }
}
