package id.sopflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sopflow.demo.DemoPdf;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * A REST client of {@code /engine-rest} as a real one works: HTTP Basic on every request, no cookie kept. It starts DPA
 * instances as the Camat (instances per second), then step by step lets the step's user query the instance's tasks and
 * complete the one open (steps per second), every review approved, with {@code clients} requests in flight. For SOPflow the
 * documents a step requires are uploaded first ({@code /api/instances/{id}/dokumen}) by the step's user, between the timed
 * phases, as the engine refuses a completion without them; plain Camunda has no dossier.
 */
final class DpaOverHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A DPA step as the generated BPMN defines it: its task key, candidate group and the outputs it must upload. */
    record Step(String key, String group, List<String> requiredOutputs) {
        boolean review() {
            return key.equals("langkah_04") || key.equals("langkah_05");
        }
    }

    /** What a load measured. */
    record Throughput(int instances, int steps, double instancesPerSecond, double stepsPerSecond) {
    }

    private final String base;
    private final boolean uploads;
    private final int clients;
    private final List<Step> steps;

    DpaOverHttp(String base, boolean uploads, int clients) {
        this.base = base;
        this.uploads = uploads;
        this.clients = clients;
        this.steps = dpaSteps();
    }

    /** The DPA's user tasks in order (the DPA is linear when every review approves). */
    static List<Step> dpaSteps() {
        BpmnModelInstance model = Bpmn.readModelFromFile(StrippedBpmn.DPA.toFile());
        return model.getModelElementsByType(UserTask.class).stream()
                .map(task -> new Step(task.getId(), task.getCamundaCandidateGroups(), StepMetadata.of(task).orElseThrow().requiredOutputs()))
                .sorted(java.util.Comparator.comparing(Step::key)).toList();
    }

    Throughput run(int instances, String label) throws Exception {
        long started = System.nanoTime();
        List<String> ids = parallel(IntStream.range(0, instances).boxed().toList(), i -> start(label + "-" + i));
        double startSeconds = (System.nanoTime() - started) / 1e9;
        long stepNanos = 0;
        for (Step step : steps) {
            if (uploads && !step.requiredOutputs().isEmpty()) {
                parallel(ids, id -> upload(id, step));
            }
            long phase = System.nanoTime();
            parallel(ids, id -> complete(id, step));
            stepNanos += System.nanoTime() - phase;
        }
        int completed = instances * steps.size();
        return new Throughput(instances, completed, instances / startSeconds, completed / (stepNanos / 1e9));
    }

    private String start(String businessKey) throws IOException, InterruptedException {
        String body = "{\"businessKey\":\"" + businessKey + "\"}";
        return JSON.readTree(send(post("/engine-rest/process-definition/key/dpa/start", body), DpaUsers.STARTER, 200)).get("id").asText();
    }

    private String complete(String instance, Step step) throws IOException, InterruptedException {
        String user = DpaUsers.BY_GROUP.get(step.group());
        JsonNode tasks = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/task?processInstanceId=" + instance)), user, 200));
        if (tasks.size() != 1 || !tasks.get(0).get("taskDefinitionKey").asText().equals(step.key())) {
            throw new IllegalStateException(instance + ": expected one task " + step.key() + " for " + user + ", got " + tasks);
        }
        String variables = step.review() ? "{\"variables\":{\"disetujui\":{\"value\":true,\"type\":\"Boolean\"}}}" : "{}";
        send(post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", variables), user, 204);
        return instance;
    }

    private String upload(String instance, Step step) throws IOException, InterruptedException {
        for (String kind : step.requiredOutputs()) {
            String boundary = "----benchmark-" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jenis\"\r\n\r\n" + kind + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"dokumen.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(DemoPdf.of(kind, instance));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            send(HttpRequest.newBuilder(URI.create(base + "/api/instances/" + instance + "/dokumen"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), DpaUsers.BY_GROUP.get(step.group()), 201);
        }
        return instance;
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String send(HttpRequest.Builder request, String user, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).header("Authorization", DpaUsers.basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** {@code work} over every item, {@code clients} at a time; the results in the items' order. */
    private <T, R> List<R> parallel(List<T> items, Work<T, R> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.on(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Work<T, R> {
        R on(T item) throws Exception;
    }
}
