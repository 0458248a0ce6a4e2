package id.sopflow.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camunda web apps speak Bahasa Indonesia: our {@code app/<app>/locales/id.json} and {@code scripts/config.js}
 * (src/main/resources/META-INF/resources/webjars/camunda/...) are served instead of the webjar's, and id.json has
 * exactly the keys and placeholders of the webjar's en.json (a Camunda upgrade that adds labels makes this fail).
 */
class WebappLocaleIT extends AccessTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*}}|<[^>]+>|%[sd]");

    private ResponseEntity<byte[]> getBytes(Session session, String url) {
        return noRedirects().exchange(url, HttpMethod.GET, new HttpEntity<>(session.headers()), byte[].class);
    }

    private JsonNode json(Session session, String url) throws IOException {
        ResponseEntity<byte[]> response = getBytes(session, url);
        assertThat(response.getStatusCode().value()).as(url).isEqualTo(200);
        return JSON.readTree(response.getBody()); // en.json starts with a UTF-8 BOM; Jackson skips it on bytes
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void indonesianLocaleHasTheKeysAndPlaceholdersOfTheEnglishOne(String app) throws IOException {
        Session pelaksana = login("pelaksana.arut-selatan");

        JsonNode en = json(pelaksana, "/camunda/app/" + app + "/locales/en.json");
        JsonNode id = json(pelaksana, "/camunda/app/" + app + "/locales/id.json");

        assertThat(id.get("labels").get("TASKS").asText()).isEqualTo("Tugas");
        Map<String, String> enLeaves = leaves(en);
        Map<String, String> idLeaves = leaves(id);
        assertThat(idLeaves.keySet()).as("keys of %s id.json = keys of en.json", app).isEqualTo(enLeaves.keySet());
        enLeaves.forEach((key, english) -> assertThat(placeholders(idLeaves.get(key)))
                .as("placeholders and HTML of %s %s", app, key).isEqualTo(placeholders(english)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void configOffersIndonesianFirstAndFallsBackToIt(String app) {
        Session pelaksana = login("pelaksana.arut-selatan");

        ResponseEntity<byte[]> config = getBytes(pelaksana, "/camunda/app/" + app + "/scripts/config.js");

        assertThat(config.getStatusCode().value()).isEqualTo(200);
        String js = new String(config.getBody(), StandardCharsets.UTF_8);
        assertThat(js).contains("export default {")
                .containsPattern("availableLocales:\\s*\\['id']")
                .containsPattern("fallbackLocale:\\s*'id'");
    }

    @Test
    void localeFilesNeedALogin() {
        assertThat(noRedirects().getForEntity("/camunda/app/tasklist/locales/id.json", String.class).getStatusCode().value())
                .isEqualTo(302);
    }

    /** Every leaf of the JSON tree by its path (labels.TASKS, dateLocales.months.0, ...). */
    private static Map<String, String> leaves(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        collect("", node, out);
        return out;
    }

    private static void collect(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "." + i, node.get(i), out);
            }
        } else {
            out.put(path, node.asText());
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
